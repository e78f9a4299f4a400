/*
 * classify_by_name <graph name> <dims> <f32 input file> <output room in bytes>
 *
 * `classify` with a graph the host has preloaded, found by `load_by_name`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guest.h"
#include "ir.h"

int main(int argc, char **argv) {
    const char *name = arg_str(argc, argv, 1, "graph name");
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

    wasi_ephemeral_nn_graph graph;
    check("load_by_name",
          wasi_ephemeral_nn_load_by_name(name, strlen(name), &graph));
    wasi_ephemeral_nn_graph_execution_context context;
    check("init_execution_context",
          wasi_ephemeral_nn_init_execution_context(graph, &context));
    check("set_input", set_f32_input(context, 0, dims, rank, input, input_len));
    check("compute", wasi_ephemeral_nn_compute(context));

    float *output = calloc(room / 4 + 1, 4);
    uint32_t bytes;
    check("get_output", wasi_ephemeral_nn_get_output(
                            context, 0, (uint8_t *)output, room, &bytes));
    printf("output 0: %u bytes\n", bytes);
    print_top5(output, bytes / 4);
    return 0;
}
