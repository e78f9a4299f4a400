//! A GGML program that loads its model from bytes, as WasmEdge's `load`
//! allows (wasmedge-ggml's `whisper` example loads so): the GGUF read from
//! a preopened folder and given to `build_from_bytes`, with the options as
//! a second builder (WasmEdge reads it as the config) or set as input 1;
//! then the answer to each prompt streamed as `ggml_llama_stream` streams
//! it.
//!
//! Usage: ggml_load_bytes GGUF_FILE builder|metadata OPTIONS_JSON PROMPT...

use nn_legacy_guests::ggml;
use wasmedge_wasi_nn::{ExecutionTarget, GraphBuilder, GraphEncoding};

fn main() {
    let usage = "ggml_load_bytes GGUF_FILE builder|metadata OPTIONS_JSON PROMPT...";
    let ([file, how, options], prompts) = ggml::args::<3>(usage);
    let model = std::fs::read(&file).unwrap_or_else(|e| {
        println!("reading {file}: {e}");
        std::process::exit(1)
    });
    let builders: Vec<&[u8]> = match how.as_str() {
        "builder" => vec![&model, options.as_bytes()],
        "metadata" => vec![&model],
        _ => {
            println!("usage: {usage}");
            std::process::exit(2)
        }
    };
    let graph = GraphBuilder::new(GraphEncoding::Ggml, ExecutionTarget::AUTO)
        .build_from_bytes(&builders)
        .unwrap_or_else(|e| ggml::fail("load", e));
    let mut context = ggml::context(&graph);
    if how == "metadata" {
        ggml::set_metadata(&mut context, &options);
    }
    ggml::stream(&mut context, &prompts);
}
