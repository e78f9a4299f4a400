/*
 * errors <softmax-model-dir>
 *
 * Guest mistakes on WAMR's ephemeral ABI, one line each: `<case>: ok` or
 * `<case>: error <errno name>`. Each case starts from a fresh graph of the
 * softmax model (f32 [1,10] -> [1,10]) and a context, which `classify` shows
 * to work. Built with WAMR_NN_WITX_ENCODINGS for a WITX host, which has no
 * `load_by_name_with_config`: that build asks `load_by_name` instead, the
 * host-side meaning the WasmEdge extension has for a backend without
 * options.
 */
#include <stdio.h>
#include <string.h>

#include "guest.h"
#include "wamr_nn.h"

typedef wasi_ephemeral_nn_graph graph_t;
typedef wasi_ephemeral_nn_graph_execution_context context_t;

static wasi_ephemeral_nn_graph_builder model[2];
static float input[10];

static void report(const char *name, int error) {
    printf("%s: %s%s\n", name, error == 0 ? "" : "error ",
           error == 0 ? "ok" : errno_name(error));
}

static context_t fresh_context(void) {
    graph_t graph;
    check("load", wasi_ephemeral_nn_load(model, 2,
                                         wasi_ephemeral_nn_encoding_openvino,
                                         wasi_ephemeral_nn_target_cpu, &graph));
    context_t context;
    check("init_execution_context",
          wasi_ephemeral_nn_init_execution_context(graph, &context));
    return context;
}

static int set_input(context_t context, uint32_t index, uint32_t *dims,
                     uint32_t rank) {
    wasi_ephemeral_nn_tensor tensor = {
        { dims, rank },
        wasi_ephemeral_nn_type_fp32,
        { 0 },
        { (uint8_t *)input, element_count(dims, rank) * 4 },
    };
    return wasi_ephemeral_nn_set_input(context, index, &tensor);
}

static context_t computed_context(void) {
    context_t context = fresh_context();
    uint32_t dims[2] = { 1, 10 };
    check("set_input", set_input(context, 0, dims, 2));
    check("compute", wasi_ephemeral_nn_compute(context));
    return context;
}

int main(int argc, char **argv) {
    const char *dir = arg_str(argc, argv, 1, "softmax model dir");
    model[0].buf = read_in_dir(dir, "model.xml", &model[0].size);
    model[1].buf = read_in_dir(dir, "model.bin", &model[1].size);
    for (int i = 0; i < 10; i++)
        input[i] = (float)i * 0.25f - 1.0f;
    graph_t graph;
    context_t context;
    float output[10];
    uint32_t written;

    wasi_ephemeral_nn_graph_builder garbage[2] = { { (uint8_t *)"<net", 4 },
                                                   { (uint8_t *)"", 0 } };
    report("load_garbage",
           wasi_ephemeral_nn_load(garbage, 2,
                                  wasi_ephemeral_nn_encoding_openvino,
                                  wasi_ephemeral_nn_target_cpu, &graph));
    report("load_autodetect",
           wasi_ephemeral_nn_load(model, 2,
                                  wasi_ephemeral_nn_encoding_autodetect,
                                  wasi_ephemeral_nn_target_cpu, &graph));
    const char *unknown = "no-such-graph";
    report("load_by_name_unknown",
           wasi_ephemeral_nn_load_by_name(unknown, strlen(unknown), &graph));
#ifdef WAMR_NN_WITX_ENCODINGS
    report("load_by_name_with_config_unknown",
           wasi_ephemeral_nn_load_by_name(unknown, strlen(unknown), &graph));
#else
    const char *config = "{}";
    report("load_by_name_with_config_unknown",
           wasi_ephemeral_nn_load_by_name_with_config(
               unknown, strlen(unknown), config, strlen(config), &graph));
#endif
    report("init_unknown_graph",
           wasi_ephemeral_nn_init_execution_context(1234, &context));

    uint32_t dims[2] = { 1, 10 };
    report("set_input_bad_index", set_input(fresh_context(), 7, dims, 2));
    uint32_t wrong[2] = { 1, 11 };
    report("set_input_wrong_shape", set_input(fresh_context(), 0, wrong, 2));
    report("compute_unknown_context", wasi_ephemeral_nn_compute(1234));
    report("get_output_too_small",
           wasi_ephemeral_nn_get_output(computed_context(), 0,
                                        (uint8_t *)output, 39, &written));
    report("get_output_bad_index",
           wasi_ephemeral_nn_get_output(computed_context(), 3,
                                        (uint8_t *)output, 40, &written));
    report("get_output_unknown_context",
           wasi_ephemeral_nn_get_output(1234, 0, (uint8_t *)output, 40,
                                        &written));
    report("get_output_fits",
           wasi_ephemeral_nn_get_output(computed_context(), 0,
                                        (uint8_t *)output, 40, &written));
    return 0;
}
