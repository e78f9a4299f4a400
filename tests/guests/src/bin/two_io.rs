//! Legacy guest for a model with two inputs (`a`, `b`: f32[1,4]) and two
//! outputs (`sum`, `difference` = a - b), addressed by index as WITX requires.
//!
//! Usage: two_io <model-dir> <seed>

use nn_legacy_guests::{arg, fail, seeded_f32};
use wasi_nn::{GraphBuilder, TensorType};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir: String = arg(&args, 1, "model dir");
    let seed: u32 = arg(&args, 2, "seed");
    let xml = std::fs::read(format!("{dir}/model.xml")).expect("read model.xml");
    let bin = std::fs::read(format!("{dir}/model.bin")).expect("read model.bin");
    let graph = GraphBuilder::default()
        .build_from_bytes([xml, bin])
        .unwrap_or_else(|e| fail("load", e));
    let mut context = graph
        .init_execution_context()
        .unwrap_or_else(|e| fail("init_execution_context", e));
    let a = seeded_f32(seed, 4);
    let b = seeded_f32(seed + 1, 4);
    context
        .set_input(0, TensorType::F32, &[1, 4], &a)
        .unwrap_or_else(|e| fail("set_input 0", e));
    context
        .set_input(1, TensorType::F32, &[1, 4], &b)
        .unwrap_or_else(|e| fail("set_input 1", e));
    context.compute().unwrap_or_else(|e| fail("compute", e));
    println!("a: {a:?}");
    println!("b: {b:?}");
    for index in 0..2 {
        let mut out = [0f32; 4];
        let written = context
            .get_output(index, &mut out)
            .unwrap_or_else(|e| fail("get_output", e));
        println!("output {index} ({written} bytes): {out:?}");
    }
}
