//! Legacy guest that loads a graph the host preloaded, by name
//! (`load_by_name`), then classifies a seeded input. A name the host does not
//! know is tried first and its error printed.
//!
//! Usage: by_name <graph-name> <seed> [missing-name]

use nn_legacy_guests::{arg, fail, seeded_f32};
use wasi_nn::{GraphBuilder, TensorType};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let name: String = arg(&args, 1, "graph name");
    let seed: u32 = arg(&args, 2, "seed");
    if let Some(missing) = args.get(3) {
        match GraphBuilder::default().build_from_cache(missing) {
            Ok(g) => println!("load_by_name({missing:?}) unexpectedly succeeded: {g}"),
            Err(e) => println!("load_by_name({missing:?}): {e}"),
        }
    }
    let graph = GraphBuilder::default()
        .build_from_cache(&name)
        .unwrap_or_else(|e| fail("load_by_name", e));
    let mut context = graph
        .init_execution_context()
        .unwrap_or_else(|e| fail("init_execution_context", e));
    let input = seeded_f32(seed, 10);
    context
        .set_input(0, TensorType::F32, &[1, 10], &input)
        .unwrap_or_else(|e| fail("set_input", e));
    context.compute().unwrap_or_else(|e| fail("compute", e));
    let mut output = [0f32; 10];
    let written = context
        .get_output(0, &mut output)
        .unwrap_or_else(|e| fail("get_output", e));
    println!("input: {input:?}");
    println!("output ({written} bytes): {output:?}");
}
