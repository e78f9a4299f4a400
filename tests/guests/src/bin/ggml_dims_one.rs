//! What the published `wasmedge-ggml` programs do (their `.wasm` files were
//! built before the examples' sources changed in June 2025): every text is
//! set with dimensions `[1]`, whatever its length, the options as input 1
//! and the prompt as input 0; WasmEdge's GGML backend reads only the bytes.
//! Then the prompt's token count, one compute, the text and its metadata.
//!
//! Usage: ggml_dims_one GRAPH CONFIG_JSON METADATA_JSON PROMPT

use nn_legacy_guests::ggml;
use wasmedge_wasi_nn::{GraphExecutionContext, TensorType};

/// `set_input(context, index, text)` with dimensions `[1]`.
fn set_text(context: &mut GraphExecutionContext, index: usize, text: &str) {
    context
        .set_input(index, TensorType::U8, &[1], text.as_bytes())
        .unwrap_or_else(|e| ggml::fail(&format!("set_input({index})"), e));
}

fn main() {
    let ([name, config, metadata, prompt], _) =
        ggml::args::<4>("ggml_dims_one GRAPH CONFIG_JSON METADATA_JSON PROMPT");
    let graph = ggml::load(&name, &config);
    let mut context = ggml::context(&graph);
    set_text(&mut context, 1, &metadata);
    set_text(&mut context, 0, &prompt);
    ggml::print_metadata(&context);
    context
        .compute()
        .unwrap_or_else(|e| ggml::fail("compute", e));
    println!("output: {:?}", ggml::output(&context, 0, false));
    ggml::print_metadata(&context);
}
