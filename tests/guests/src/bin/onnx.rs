//! Legacy guest loading an ONNX model (one builder holding the .onnx bytes).
//!
//! Usage: onnx <model.onnx> <seed>

use nn_legacy_guests::{arg, fail, seeded_f32};
use wasi_nn::{ExecutionTarget, GraphBuilder, GraphEncoding, TensorType};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path: String = arg(&args, 1, "model file");
    let seed: u32 = arg(&args, 2, "seed");
    let graph = GraphBuilder::new(GraphEncoding::Onnx, ExecutionTarget::CPU)
        .build_from_files([path])
        .unwrap_or_else(|e| fail("load", e));
    let mut context = graph
        .init_execution_context()
        .unwrap_or_else(|e| fail("init_execution_context", e));
    let input = seeded_f32(seed, 10);
    context
        .set_input(0, TensorType::F32, &[1, 10], &input)
        .unwrap_or_else(|e| fail("set_input", e));
    context.compute().unwrap_or_else(|e| fail("compute", e));
    let mut out = [0f32; 10];
    context
        .get_output(0, &mut out)
        .unwrap_or_else(|e| fail("get_output", e));
    println!("input: {input:?}");
    println!("output: {out:?}");
}
