//! What wasmedge-ggml's `test/model-not-found` checks, as WasmEdge answers
//! it for a graph name it does not have: `not_found` (8), from
//! `load_by_name_with_config` as from `load_by_name`. (WasmEdge's
//! `model_not_found`, 103, is for a name preloaded from a file that does
//! not exist, which nn-host refuses before the guest runs.)
//!
//! Usage: ggml_model_not_found GRAPH CONFIG_JSON (an empty CONFIG_JSON:
//! `load_by_name`)

use nn_legacy_guests::ggml;
use wasmedge_wasi_nn::{BackendError, Error, ExecutionTarget, GraphBuilder, GraphEncoding};

fn main() {
    let ([name, config], _) = ggml::args::<2>("ggml_model_not_found GRAPH CONFIG_JSON");
    let mut builder = GraphBuilder::new(GraphEncoding::Ggml, ExecutionTarget::AUTO);
    if !config.is_empty() {
        builder = builder.config(config);
    }
    match builder.build_from_cache(&name) {
        Err(Error::BackendError(BackendError::NotFound)) => println!("not found"),
        Err(e) => ggml::fail("load_by_name (expected not found)", e),
        Ok(_) => {
            println!("load_by_name({name:?}) succeeded; expected not found");
            std::process::exit(1)
        }
    }
}
