//! What wasmedge-ggml's `test/model-not-found` checks: loading a model the
//! host does not have is WasmEdge's `model_not_found` (103).
//!
//! Usage: ggml_model_not_found GRAPH

use nn_legacy_guests::ggml;
use wasmedge_wasi_nn::{BackendError, Error, ExecutionTarget, GraphBuilder, GraphEncoding};

fn main() {
    let ([name], _) = ggml::args::<1>("ggml_model_not_found GRAPH");
    match GraphBuilder::new(GraphEncoding::Ggml, ExecutionTarget::AUTO).build_from_cache(&name) {
        Err(Error::BackendError(BackendError::ModelNotFound)) => println!("model not found"),
        Err(e) => ggml::fail("load_by_name (expected model not found)", e),
        Ok(_) => {
            println!("load_by_name({name:?}) succeeded; expected model not found");
            std::process::exit(1)
        }
    }
}
