//! What wasmedge-ggml's `llama-stream` (and LlamaEdge) does: the prompt's
//! token count read before computing (output 1), then the answer streamed
//! with `compute_single` / `get_output_single` until WasmEdge's end errno,
//! each piece printed on its own line; `fini_single` ends the stream, and
//! every further prompt streams again on the same context.
//!
//! Usage: ggml_llama_stream GRAPH CONFIG_JSON PROMPT...

use nn_legacy_guests::ggml;

fn main() {
    let ([name, config], prompts) =
        ggml::args::<2>("ggml_llama_stream GRAPH CONFIG_JSON PROMPT...");
    let graph = ggml::load(&name, &config);
    let mut context = ggml::context(&graph);
    ggml::stream(&mut context, &prompts);
}
