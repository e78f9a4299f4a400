/*
 * bad_tensors <softmax-model-dir>
 *
 * Tensors and output buffers no host can take, on either of WAMR's ABIs,
 * one line each: `<case>: ok` or `<case>: error <errno name>`. Each case
 * uses a fresh context of the softmax model (f32 [1,10] -> [1,10]); the last
 * ones show that the program goes on, with output rooms counted in the
 * ABI's unit. A WITX host traps on pointers past memory, so only the
 * adapter runs this program.
 */
#include <stdio.h>

#include "guest.h"
#include "ir.h"

typedef WAMR_NN(graph_execution_context) context_t;

static WAMR_NN(graph_builder) model[2];
static float input[10];
static float output[11];

static context_t fresh_context(void) {
    WAMR_NN(graph) graph = load_ir(model);
    context_t context;
    check("init_execution_context",
          WAMR_NN(init_execution_context)(graph, &context));
    return context;
}

/* The first address past linear memory. */
static uint32_t memory_end(void) {
    return (uint32_t)__builtin_wasm_memory_size(0) * 65536;
}

/* set_input on `context` of f32 data at `data` with the `rank` dimensions
   at `dims`, the record itself at `record` (0: a local one); the ephemeral
   ABI says the data is `len` bytes. Addresses past memory are computed after
   the context is made, since loading may grow memory. */
static int set_input_at(context_t context, uint32_t *dims, uint32_t rank,
                        uint8_t *data, uint32_t len, uintptr_t record) {
#ifdef WAMR_NN_LEGACY
    static tensor_dimensions shape;
    shape.buf = dims;
    shape.size = rank;
    tensor local = { &shape, fp32, { 0 }, data };
    (void)len;
    tensor *at = record != 0 ? (tensor *)record : &local;
    return set_input(context, 0, at);
#else
    wasi_ephemeral_nn_tensor local = {
        { dims, rank }, wasi_ephemeral_nn_type_fp32, { 0 }, { data, len }
    };
    wasi_ephemeral_nn_tensor *at =
        record != 0 ? (wasi_ephemeral_nn_tensor *)record : &local;
    return wasi_ephemeral_nn_set_input(context, 0, at);
#endif
}

/* get_output of output 0 after a computation, `room` in the ABI's unit. */
static int get_output_with(uint32_t room) {
    context_t context = fresh_context();
    uint32_t dims[2] = { 1, 10 };
    check("set_input", set_f32_input(context, 0, dims, 2, (uint8_t *)input, 40));
    check("compute", WAMR_NN(compute)(context));
#ifdef WAMR_NN_LEGACY
    uint32_t size = room;
    return get_output(context, 0, (uint8_t *)output, &size);
#else
    uint32_t size;
    return wasi_ephemeral_nn_get_output(context, 0, (uint8_t *)output, room,
                                        &size);
#endif
}

static void report(const char *name, int error) {
    printf("%s: %s%s\n", name, error == 0 ? "" : "error ",
           error == 0 ? "ok" : errno_name(error));
    fflush(stdout);
}

int main(int argc, char **argv) {
    const char *dir = arg_str(argc, argv, 1, "softmax model dir");
    read_ir(dir, model);
    for (int i = 0; i < 10; i++)
        input[i] = (float)i * 0.25f - 1.0f;
#ifdef WAMR_NN_LEGACY
    const uint32_t unit = 4; /* rooms in fp32 elements */
#else
    const uint32_t unit = 1; /* rooms in bytes */
#endif

    /* 65536 x 65536 elements: 2^34 bytes of fp32 (WAMR's product wraps to
       0 in 32 bits). */
    uint32_t huge[2] = { 65536, 65536 };
    context_t context = fresh_context();
    report("dims_overflow",
           set_input_at(context, huge, 2, (uint8_t *)input, 40, 0));
    uint32_t dims[2] = { 1, 10 };
    context = fresh_context();
    report("data_past_memory",
           set_input_at(context, dims, 2,
                        (uint8_t *)(uintptr_t)(memory_end() - 16), 40, 0));
    context = fresh_context();
    report("dims_past_memory",
           set_input_at(context, (uint32_t *)(uintptr_t)(memory_end() - 4), 2,
                        (uint8_t *)input, 40, 0));
    context = fresh_context();
    report("tensor_past_memory",
           set_input_at(context, dims, 2, (uint8_t *)input, 40,
                        memory_end() - 8));
    report("room_past_memory", get_output_with(memory_end() / unit));
    report("room_one_short", get_output_with(40 / unit - 1));
    report("room_exact", get_output_with(40 / unit));
    printf("room_exact output: %.4f ... %.4f\n", output[0], output[9]);
    report("data_in_bounds",
           set_input_at(fresh_context(), dims, 2, (uint8_t *)input, 40, 0));
    return 0;
}
