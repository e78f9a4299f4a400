/*
 * wamr_nn.h: the guest side of the two wasi-nn ABIs of WAMR
 * (wasm-micro-runtime), written for nn-componentize's test guests from the
 * ABI as WAMR's `core/iwasm/libraries/wasi-nn` defines it (its include/
 * headers, and src/utils/wasi_nn_app_native.c for what the host reads).
 * Identifiers are WAMR's, so that a program written for WAMR compiles here.
 *
 * Which ABI, chosen before including this file:
 * - default: module `wasi_ephemeral_nn` (WAMR >= 2.4), with WITX's
 *   signatures and layouts and WAMR's encoding numbering (ggml 5,
 *   autodetect 6). Names carry the prefix `wasi_ephemeral_nn_`.
 * - `WAMR_NN_LEGACY`: module `wasi_nn` (deprecated in WAMR): a 4-parameter
 *   `load` taking a builder array, a 12-byte tensor without a data length,
 *   tensor types fp16..ip32 = 0..3, and `get_output`'s size in fp32 elements.
 *   Names are unprefixed, as in WAMR's tests.
 * - `WAMR_NN_WITX_ENCODINGS` (ephemeral only): the encodings numbered as
 *   WITX (wasi-nn 0.6) numbers them, autodetect 5 and no ggml, so that the
 *   same program runs on a WITX host.
 */
#ifndef WAMR_NN_H
#define WAMR_NN_H

#include <stdint.h>

#ifdef WAMR_NN_LEGACY
#ifdef WAMR_NN_WITX_ENCODINGS
#error "WAMR_NN_WITX_ENCODINGS renumbers the ephemeral ABI only"
#endif
#define WAMR_NN_MODULE "wasi_nn"
#define WAMR_NN(name) name
#define WAMR_NN_CONST(kind, name) name
#define WAMR_NN_ERROR wasi_nn_error
#else
#define WAMR_NN_MODULE "wasi_ephemeral_nn"
#define WAMR_NN(name) wasi_ephemeral_nn_##name
#define WAMR_NN_CONST(kind, name) wasi_ephemeral_nn_##kind##_##name
#define WAMR_NN_ERROR wasi_ephemeral_nn_error
#endif

#define WAMR_NN_IMPORT(name) \
    __attribute__((import_module(WAMR_NN_MODULE), import_name(name)))

/* Errors: WITX's 0-8, then WasmEdge's LLM errors at 100. */
typedef enum {
    WAMR_NN_CONST(error, success) = 0,
    WAMR_NN_CONST(error, invalid_argument) = 1,
    WAMR_NN_CONST(error, invalid_encoding) = 2,
    WAMR_NN_CONST(error, missing_memory) = 3,
    WAMR_NN_CONST(error, busy) = 4,
    WAMR_NN_CONST(error, runtime_error) = 5,
    WAMR_NN_CONST(error, unsupported_operation) = 6,
    WAMR_NN_CONST(error, too_large) = 7,
    WAMR_NN_CONST(error, not_found) = 8,
    WAMR_NN_CONST(error, end_of_sequence) = 100,
    WAMR_NN_CONST(error, context_full) = 101,
    WAMR_NN_CONST(error, prompt_tool_long) = 102, /* sic, as WAMR spells it */
    WAMR_NN_CONST(error, model_not_found) = 103,
} WAMR_NN_ERROR;

typedef enum {
    WAMR_NN_CONST(encoding, openvino) = 0,
    WAMR_NN_CONST(encoding, onnx) = 1,
    WAMR_NN_CONST(encoding, tensorflow) = 2,
    WAMR_NN_CONST(encoding, pytorch) = 3,
    WAMR_NN_CONST(encoding, tensorflowlite) = 4,
#ifdef WAMR_NN_WITX_ENCODINGS
    WAMR_NN_CONST(encoding, autodetect) = 5,
#else
    WAMR_NN_CONST(encoding, ggml) = 5,
    WAMR_NN_CONST(encoding, autodetect) = 6,
#endif
} WAMR_NN(graph_encoding);

typedef enum {
    WAMR_NN_CONST(target, cpu) = 0,
    WAMR_NN_CONST(target, gpu) = 1,
    WAMR_NN_CONST(target, tpu) = 2,
} WAMR_NN(execution_target);

#ifdef WAMR_NN_LEGACY
typedef enum { fp16 = 0, fp32 = 1, up8 = 2, ip32 = 3 } tensor_type;
#else
typedef enum {
    wasi_ephemeral_nn_type_fp16 = 0,
    wasi_ephemeral_nn_type_fp32 = 1,
    wasi_ephemeral_nn_type_fp64 = 2,
    wasi_ephemeral_nn_type_u8 = 3,
    wasi_ephemeral_nn_type_i32 = 4,
    wasi_ephemeral_nn_type_i64 = 5,
} wasi_ephemeral_nn_tensor_type;
#endif

typedef uint32_t WAMR_NN(graph);
typedef uint32_t WAMR_NN(graph_execution_context);

/* One part of a model (8 bytes on wasm32). */
typedef struct {
    uint8_t *buf;
    uint32_t size;
} WAMR_NN(graph_builder);

typedef struct {
    uint32_t *buf;
    uint32_t size;
} WAMR_NN(tensor_dimensions);

#ifdef WAMR_NN_LEGACY
/* The parts of a model, behind one more pointer than in the ephemeral ABI. */
typedef struct {
    graph_builder *buf;
    uint32_t size;
} graph_builder_array;

/* 12 bytes. The host reads product(dimensions) fp32 elements from `data`. */
typedef struct {
    tensor_dimensions *dimensions;
    uint8_t type;
    uint8_t _pad[3];
    uint8_t *data;
} tensor;
_Static_assert(sizeof(tensor) == 12, "the legacy tensor is 12 bytes");
#else
typedef struct {
    uint8_t *buf;
    uint32_t size;
} wasi_ephemeral_nn_tensor_data;

/* 20 bytes, as WITX's tensor. */
typedef struct {
    wasi_ephemeral_nn_tensor_dimensions dimensions;
    uint8_t type;
    uint8_t _pad[3];
    wasi_ephemeral_nn_tensor_data data;
} wasi_ephemeral_nn_tensor;
_Static_assert(sizeof(wasi_ephemeral_nn_tensor) == 20,
               "the ephemeral tensor is 20 bytes");
#endif

#ifdef WAMR_NN_LEGACY
wasi_nn_error load(graph_builder_array *builder, graph_encoding encoding,
                   execution_target target, graph *g) WAMR_NN_IMPORT("load");
#else
wasi_ephemeral_nn_error
wasi_ephemeral_nn_load(wasi_ephemeral_nn_graph_builder *builder,
                       uint32_t builder_len,
                       wasi_ephemeral_nn_graph_encoding encoding,
                       wasi_ephemeral_nn_execution_target target,
                       wasi_ephemeral_nn_graph *g) WAMR_NN_IMPORT("load");

/* WasmEdge's extension, also hosted by WAMR. */
wasi_ephemeral_nn_error
wasi_ephemeral_nn_load_by_name_with_config(const char *name, uint32_t name_len,
                                           const char *config,
                                           uint32_t config_len,
                                           wasi_ephemeral_nn_graph *g)
    WAMR_NN_IMPORT("load_by_name_with_config");
#endif

WAMR_NN_ERROR
WAMR_NN(load_by_name)(const char *name, uint32_t name_len, WAMR_NN(graph) *g)
    WAMR_NN_IMPORT("load_by_name");

WAMR_NN_ERROR
WAMR_NN(init_execution_context)(WAMR_NN(graph) g,
                                WAMR_NN(graph_execution_context) *ctx)
    WAMR_NN_IMPORT("init_execution_context");

WAMR_NN_ERROR
WAMR_NN(set_input)(WAMR_NN(graph_execution_context) ctx, uint32_t index,
                   WAMR_NN(tensor) *input) WAMR_NN_IMPORT("set_input");

WAMR_NN_ERROR
WAMR_NN(compute)(WAMR_NN(graph_execution_context) ctx)
    WAMR_NN_IMPORT("compute");

#ifdef WAMR_NN_LEGACY
/* `*size` is the room at `output` on entry and the output's length on
   return, both counted in fp32 elements. */
wasi_nn_error get_output(graph_execution_context ctx, uint32_t index,
                         uint8_t *output, uint32_t *size)
    WAMR_NN_IMPORT("get_output");
#else
/* `max_size` and `*size` are byte counts. */
wasi_ephemeral_nn_error
wasi_ephemeral_nn_get_output(wasi_ephemeral_nn_graph_execution_context ctx,
                             uint32_t index, uint8_t *output,
                             uint32_t max_size, uint32_t *size)
    WAMR_NN_IMPORT("get_output");
#endif

#endif
