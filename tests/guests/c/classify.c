/*
 * classify <model-dir> <dims> <f32 input file> <output room in bytes>
 *
 * Loads the OpenVINO IR of <model-dir> (model.xml, model.bin) with `load`,
 * sets the file as input 0 (f32, shape <dims> such as 1x3x224x224), computes
 * and reads output 0 into a buffer of the given room. Prints the output's
 * length in the ABI's unit and its five best scores. Built for both of
 * WAMR's ABIs: with WAMR_NN_LEGACY the room is passed as fp32 elements and
 * the host gives the length in elements.
 */
#include <stdio.h>
#include <stdlib.h>

#include "guest.h"
#include "ir.h"

int main(int argc, char **argv) {
    const char *dir = arg_str(argc, argv, 1, "model dir");
    uint32_t dims[GUEST_MAX_DIMS];
    uint32_t rank = parse_dims(arg_str(argc, argv, 2, "dims"), dims);
    uint32_t input_len;
    uint8_t *input = read_file(arg_str(argc, argv, 3, "input file"), &input_len);
    uint32_t room = arg_u32(argc, argv, 4, "output room");
    if (input_len != element_count(dims, rank) * 4) {
        printf("usage: the input file has %u bytes, the dims need %u\n",
               input_len, element_count(dims, rank) * 4);
        return 2;
    }

    WAMR_NN(graph_builder) builders[2];
    read_ir(dir, builders);
    WAMR_NN(graph) graph = load_ir(builders);

    WAMR_NN(graph_execution_context) context;
    check("init_execution_context",
          WAMR_NN(init_execution_context)(graph, &context));

    check("set_input", set_f32_input(context, 0, dims, rank, input, input_len));
    check("compute", WAMR_NN(compute)(context));

    /* Four bytes more than the room, so that a legacy room rounded down to
       whole elements stays inside the buffer. */
    float *output = calloc(room / 4 + 1, 4);
#ifdef WAMR_NN_LEGACY
    uint32_t elements = room / 4;
    check("get_output", get_output(context, 0, (uint8_t *)output, &elements));
    printf("output 0: %u elements\n", elements);
#else
    uint32_t bytes;
    check("get_output", wasi_ephemeral_nn_get_output(
                            context, 0, (uint8_t *)output, room, &bytes));
    printf("output 0: %u bytes\n", bytes);
    uint32_t elements = bytes / 4;
#endif
    print_top5(output, elements);
    return 0;
}
