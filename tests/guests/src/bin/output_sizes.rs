//! Legacy guest that reads outputs into buffers of changing sizes, on a
//! model whose output shape follows its input (dynamic batch): the
//! adapter remembers each output's length to skip asking for its shape, and
//! must still answer `too_large` when an output outgrows the buffer.
//!
//! Usage: output_sizes <model-dir of dynamic> <seed>

use nn_legacy_guests::{arg, fail, seeded_f32};
use wasi_nn::{GraphBuilder, GraphExecutionContext, TensorType};

/// Reads output 0 into a buffer of `len` floats and prints what came back.
fn read(context: &GraphExecutionContext, step: &str, len: usize) {
    let mut out = vec![0f32; len];
    match context.get_output(0, &mut out) {
        Ok(bytes) => println!("{step}: {bytes} bytes {:?}", &out[..bytes / 4]),
        Err(e) => println!("{step}: get_output failed: {e}"),
    }
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
    for (step, batch, buffer) in [
        // 3 floats out, read into 6: the length is now known.
        ("batch 1, room for 6", 1, 6),
        ("again, room for 3", 1, 3),
        // Short by one: refused before anything is copied.
        ("again, room for 2", 1, 2),
        ("again, room for 6", 1, 6),
        // 9 floats out, into the 6 that held 3 last time.
        ("batch 3, room for 6", 3, 6),
        ("again, room for 9", 3, 9),
        ("batch 1, room for 9", 1, 9),
    ] {
        let input = seeded_f32(seed + batch as u32, 3 * batch);
        context
            .set_input(0, TensorType::F32, &[batch, 3], &input)
            .unwrap_or_else(|e| fail("set_input", e));
        context.compute().unwrap_or_else(|e| fail("compute", e));
        read(&context, step, buffer);
    }
}
