/*
 * The OpenVINO IR steps the C guests share, in either of WAMR's ABIs
 * (WAMR_NN_LEGACY selects the legacy one, as in wamr_nn.h). Static inline:
 * a program imports only the wasi-nn functions it uses.
 */
#ifndef IR_H
#define IR_H

#include "guest.h"
#include "wamr_nn.h"

/* <dir>/model.xml and <dir>/model.bin read whole, as `load`'s builders. */
static inline void read_ir(const char *dir, WAMR_NN(graph_builder) builders[2]) {
    builders[0].buf = read_in_dir(dir, "model.xml", &builders[0].size);
    builders[1].buf = read_in_dir(dir, "model.bin", &builders[1].size);
}

/* `load` of the two builders as OpenVINO for the CPU, or `load failed`
   and exit 1. */
static inline WAMR_NN(graph) load_ir(WAMR_NN(graph_builder) builders[2]) {
    WAMR_NN(graph) graph;
#ifdef WAMR_NN_LEGACY
    graph_builder_array model = { builders, 2 };
    check("load", load(&model, openvino, cpu, &graph));
#else
    check("load", wasi_ephemeral_nn_load(builders, 2,
                                         wasi_ephemeral_nn_encoding_openvino,
                                         wasi_ephemeral_nn_target_cpu, &graph));
#endif
    return graph;
}

/* set_input `index` of f32 `data` with the `rank` dimensions at `dims`
   (the ephemeral ABI is told it is `len` bytes): the errno. */
static inline int set_f32_input(WAMR_NN(graph_execution_context) context,
                                uint32_t index, uint32_t *dims, uint32_t rank,
                                uint8_t *data, uint32_t len) {
#ifdef WAMR_NN_LEGACY
    (void)len;
    tensor_dimensions shape = { dims, rank };
    tensor tensor = { &shape, fp32, { 0 }, data };
    return set_input(context, index, &tensor);
#else
    wasi_ephemeral_nn_tensor tensor = {
        { dims, rank }, wasi_ephemeral_nn_type_fp32, { 0 }, { data, len }
    };
    return wasi_ephemeral_nn_set_input(context, index, &tensor);
#endif
}

#endif
