//! Many set_input/compute/get_output rounds on one context; reports whether
//! linear memory grew after the first (warm-up) round.
//!
//! Usage: churn <model-dir of softmax> <rounds>

use core::arch::wasm32::memory_size;
use nn_legacy_guests::{arg, fail, seeded_f32};
use wasi_nn::{GraphBuilder, TensorType};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir: String = arg(&args, 1, "model dir");
    let rounds: u32 = arg(&args, 2, "rounds");
    let graph = GraphBuilder::default()
        .build_from_files([format!("{dir}/model.xml"), format!("{dir}/model.bin")])
        .unwrap_or_else(|e| fail("load", e));
    let mut context = graph
        .init_execution_context()
        .unwrap_or_else(|e| fail("init_execution_context", e));
    let inputs = [seeded_f32(1, 10), seeded_f32(2, 10)];
    let mut out = [0f32; 10];
    let mut checksum = 0f64;
    let mut before = 0;
    for round in 0..rounds {
        let input = &inputs[(round % 2) as usize];
        context
            .set_input(0, TensorType::F32, &[1, 10], input)
            .unwrap_or_else(|e| fail("set_input", e));
        context.compute().unwrap_or_else(|e| fail("compute", e));
        context
            .get_output(0, &mut out)
            .unwrap_or_else(|e| fail("get_output", e));
        checksum += out[(round % 10) as usize] as f64;
        if round == 0 {
            before = memory_size(0);
        }
    }
    let after = memory_size(0);
    println!("rounds: {rounds}");
    println!("last output: {out:?}");
    println!("checksum: {checksum:?}");
    println!("memory growth after warm-up: {} pages", after - before);
}
