//! Legacy guest that relies on WITX's stateful execution context: inputs stay
//! set across `compute` calls, and one input can be replaced alone.
//!
//! Usage: recompute <model-dir of two_io> <seed>

use nn_legacy_guests::{arg, fail, seeded_f32};
use wasi_nn::{GraphBuilder, GraphExecutionContext, TensorType};

fn outputs(context: &GraphExecutionContext, step: &str) {
    let mut sum = [0f32; 4];
    let mut product = [0f32; 4];
    context
        .get_output(0, &mut sum)
        .unwrap_or_else(|e| fail("get_output 0", e));
    context
        .get_output(1, &mut product)
        .unwrap_or_else(|e| fail("get_output 1", e));
    println!("{step}: sum {sum:?} product {product:?}");
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir: String = arg(&args, 1, "model dir");
    let seed: u32 = arg(&args, 2, "seed");
    let graph = GraphBuilder::default()
        .build_from_files([format!("{dir}/model.xml"), format!("{dir}/model.bin")])
        .unwrap_or_else(|e| fail("load", e));
    let mut context = graph
        .init_execution_context()
        .unwrap_or_else(|e| fail("init_execution_context", e));

    let a = seeded_f32(seed, 4);
    let b = seeded_f32(seed + 1, 4);
    context
        .set_input(0, TensorType::F32, &[1, 4], &a)
        .unwrap_or_else(|e| fail("set_input", e));
    context
        .set_input(1, TensorType::F32, &[1, 4], &b)
        .unwrap_or_else(|e| fail("set_input", e));
    context.compute().unwrap_or_else(|e| fail("compute", e));
    outputs(&context, "first");

    // Outputs can be read again without computing.
    outputs(&context, "re-read");

    // Compute again with the same inputs.
    for round in 0..3 {
        context.compute().unwrap_or_else(|e| fail("compute", e));
        outputs(&context, &format!("again {round}"));
    }

    // Replace input 0 only: input 1 keeps its old value.
    let a2 = seeded_f32(seed + 2, 4);
    context
        .set_input(0, TensorType::F32, &[1, 4], &a2)
        .unwrap_or_else(|e| fail("set_input", e));
    // Outputs are those of the last compute until compute runs.
    outputs(&context, "after set 0, before compute");
    context.compute().unwrap_or_else(|e| fail("compute", e));
    outputs(&context, "new input 0");

    // Replace input 1 only.
    let b2 = seeded_f32(seed + 3, 4);
    context
        .set_input(1, TensorType::F32, &[1, 4], &b2)
        .unwrap_or_else(|e| fail("set_input", e));
    context.compute().unwrap_or_else(|e| fail("compute", e));
    outputs(&context, "new input 1");

    // Set the same input twice: the last value wins.
    context
        .set_input(0, TensorType::F32, &[1, 4], &b2)
        .unwrap_or_else(|e| fail("set_input", e));
    context
        .set_input(0, TensorType::F32, &[1, 4], &a)
        .unwrap_or_else(|e| fail("set_input", e));
    context.compute().unwrap_or_else(|e| fail("compute", e));
    outputs(&context, "input 0 set twice");
}
