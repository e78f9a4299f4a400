//! Legacy guest with several execution contexts on one graph, used
//! interleaved: each keeps its own inputs and outputs.
//!
//! Usage: contexts <model-dir of softmax> <seed>

use nn_legacy_guests::{arg, fail, seeded_f32};
use wasi_nn::{GraphBuilder, GraphExecutionContext, TensorType};

fn output(context: &GraphExecutionContext) -> [f32; 10] {
    let mut out = [0f32; 10];
    context
        .get_output(0, &mut out)
        .unwrap_or_else(|e| fail("get_output", e));
    out
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir: String = arg(&args, 1, "model dir");
    let seed: u32 = arg(&args, 2, "seed");
    let graph = GraphBuilder::default()
        .build_from_files([format!("{dir}/model.xml"), format!("{dir}/model.bin")])
        .unwrap_or_else(|e| fail("load", e));
    let mut contexts: Vec<GraphExecutionContext> = (0..3)
        .map(|_| {
            graph
                .init_execution_context()
                .unwrap_or_else(|e| fail("init_execution_context", e))
        })
        .collect();
    println!(
        "contexts: {:?}",
        contexts.iter().map(|c| format!("{c}")).collect::<Vec<_>>()
    );

    for (i, context) in contexts.iter_mut().enumerate() {
        let input = seeded_f32(seed + i as u32, 10);
        context
            .set_input(0, TensorType::F32, &[1, 10], &input)
            .unwrap_or_else(|e| fail("set_input", e));
    }
    // Compute in reverse order, read in order.
    for context in contexts.iter_mut().rev() {
        context.compute().unwrap_or_else(|e| fail("compute", e));
    }
    for (i, context) in contexts.iter().enumerate() {
        println!("context {i}: {:?}", output(context));
    }

    // Change only the middle context; the others must keep their outputs.
    let input = seeded_f32(seed + 10, 10);
    contexts[1]
        .set_input(0, TensorType::F32, &[1, 10], &input)
        .unwrap_or_else(|e| fail("set_input", e));
    contexts[1].compute().unwrap_or_else(|e| fail("compute", e));
    for (i, context) in contexts.iter().enumerate() {
        println!("after update, context {i}: {:?}", output(context));
    }

    // A second graph loaded from the same files gets its own handle and contexts.
    let graph2 = GraphBuilder::default()
        .build_from_files([format!("{dir}/model.xml"), format!("{dir}/model.bin")])
        .unwrap_or_else(|e| fail("load", e));
    println!("graphs: {graph} {graph2}");
    let mut late = graph2
        .init_execution_context()
        .unwrap_or_else(|e| fail("init_execution_context", e));
    println!("late context: {late}");
    late.set_input(0, TensorType::F32, &[1, 10], &input)
        .unwrap_or_else(|e| fail("set_input", e));
    late.compute().unwrap_or_else(|e| fail("compute", e));
    println!("late context output: {:?}", output(&late));
}
