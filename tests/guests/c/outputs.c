/*
 * outputs <model-dir> <room in fp32 elements>
 *
 * In the manner of WAMR's test_tensorflow.c (its multiple-outputs test):
 * one buffer of <room> floats receives every output of the graph in turn,
 * each at the offset where the previous one ended, the offset counted in
 * elements, each call offered the room that is left. For the two_io model:
 * inputs a and b (f32 [1,4]), outputs sum and difference. Prints each
 * output's length in the ABI's unit (bytes, or elements with
 * WAMR_NN_LEGACY), its offset and the whole buffer.
 */
#include <stdio.h>
#include <stdlib.h>

#include "guest.h"
#include "ir.h"

#define OUTPUTS 2

static void give_input(WAMR_NN(graph_execution_context) context, uint32_t index,
                       float *values) {
    uint32_t dims[2] = { 1, 4 };
    check("set_input", set_f32_input(context, index, dims, 2, (uint8_t *)values, 16));
}

int main(int argc, char **argv) {
    const char *dir = arg_str(argc, argv, 1, "model dir");
    uint32_t room = arg_u32(argc, argv, 2, "room");

    WAMR_NN(graph_builder) builders[2];
    read_ir(dir, builders);
    WAMR_NN(graph) graph = load_ir(builders);
    WAMR_NN(graph_execution_context) context;
    check("init_execution_context",
          WAMR_NN(init_execution_context)(graph, &context));

    float a[4], b[4];
    for (int i = 0; i < 4; i++) {
        a[i] = (float)i * 1.5f;
        b[i] = 10.0f - (float)i * 4.0f;
    }
    give_input(context, 0, a);
    give_input(context, 1, b);
    check("compute", WAMR_NN(compute)(context));

    float *output = calloc(room + 1, sizeof(float));
    uint32_t offset = 0;
    for (uint32_t index = 0; index < OUTPUTS; index++) {
        uint32_t left = room - offset;
#ifdef WAMR_NN_LEGACY
        uint32_t size = left;
        int error = get_output(context, index, (uint8_t *)&output[offset], &size);
        uint32_t elements = size;
        const char *unit = "elements";
#else
        uint32_t size;
        int error = wasi_ephemeral_nn_get_output(
            context, index, (uint8_t *)&output[offset], left * 4, &size);
        uint32_t elements = size / 4;
        const char *unit = "bytes";
#endif
        if (error != 0) {
            printf("output %u at element %u: error %s\n", index, offset,
                   errno_name(error));
            continue;
        }
        printf("output %u: %u %s at element %u\n", index, size, unit, offset);
        offset += elements;
    }
    printf("buffer:");
    for (uint32_t i = 0; i < offset; i++)
        printf(" %g", output[i]);
    printf("\n");
    return 0;
}
