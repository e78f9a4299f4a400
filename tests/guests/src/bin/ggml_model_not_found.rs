//! What wasmedge-ggml's `test/model-not-found` checks: loading a GGML model
//! the host does not have is WasmEdge's `model_not_found` (103), with the
//! config LlamaEdge loads with.
//!
//! Usage: ggml_model_not_found GRAPH CONFIG_JSON

use nn_legacy_guests::ggml;
use wasmedge_wasi_nn::{BackendError, Error, ExecutionTarget, GraphBuilder, GraphEncoding};

fn main() {
    let ([name, config], _) = ggml::args::<2>("ggml_model_not_found GRAPH CONFIG_JSON");
    let graph = GraphBuilder::new(GraphEncoding::Ggml, ExecutionTarget::AUTO)
        .config(config)
        .build_from_cache(&name);
    match graph {
        Err(Error::BackendError(BackendError::ModelNotFound)) => println!("model not found"),
        Err(e) => ggml::fail("load_by_name_with_config (expected model not found)", e),
        Ok(_) => {
            println!("load_by_name_with_config({name:?}) succeeded; expected model not found");
            std::process::exit(1)
        }
    }
}
