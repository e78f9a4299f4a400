//! What wasmtime's legacy test program `nn_witx_image_classification_openvino`
//! does, written here from its behaviour: read an OpenVINO IR and a raw input
//! tensor from a `fixture/` directory, load the graph from bytes, classify
//! the f32 `[1, 3, 224, 224]` tensor, read the output into a buffer of 1001
//! floats and print the five highest scores. (Upstream also prints timings;
//! they differ from run to run, so they are left out.)
//!
//! Usage: fixture_classify (expects fixture/model.xml, fixture/model.bin,
//! fixture/tensor.bgr)

use nn_legacy_guests::photo::{top, DIMS};
use nn_legacy_guests::{bad_input, fail};
use wasi_nn::{ExecutionTarget, GraphBuilder, GraphEncoding, TensorType};

/// A background class plus ImageNet-1k: the largest classifier output the
/// program expects.
const OUTPUT_CAPACITY: usize = 1001;

fn read(path: &str, what: &str) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| {
        bad_input(&format!(
            "cannot read {path} ({what} mapped to the fixture directory): {e}"
        ))
    })
}

/// A class and its score, printed as upstream prints them.
#[derive(Debug)]
#[expect(dead_code, reason = "the fields are read through Debug")]
struct InferenceResult(usize, f32);

fn main() {
    let xml = read("fixture/model.xml", "the model file");
    let weights = read("fixture/model.bin", "the weights file");
    let graph = GraphBuilder::new(GraphEncoding::Openvino, ExecutionTarget::CPU)
        .build_from_bytes([&xml, &weights])
        .unwrap_or_else(|e| fail("load", e));
    let tensor = read("fixture/tensor.bgr", "the tensor file");
    let mut context = graph
        .init_execution_context()
        .unwrap_or_else(|e| fail("init_execution_context", e));
    println!("[nn] created wasi-nn execution context with ID: {context}");
    context
        .set_input(0, TensorType::F32, &DIMS, &tensor)
        .unwrap_or_else(|e| fail("set_input", e));
    println!("[nn] set input tensor: {} bytes", tensor.len());
    context.compute().unwrap_or_else(|e| fail("compute", e));
    let mut output = vec![0u8; OUTPUT_CAPACITY * 4];
    let written = context
        .get_output(0, &mut output)
        .unwrap_or_else(|e| fail("get_output", e));
    println!("[nn] retrieved output tensor: {written} bytes");
    let scores: Vec<f32> = output[..written]
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect();
    let top_five: Vec<InferenceResult> = top(&scores, 5)
        .into_iter()
        .map(|(class, score)| InferenceResult(class, score))
        .collect();
    println!("found results, sorted top 5: {top_five:?}");
}
