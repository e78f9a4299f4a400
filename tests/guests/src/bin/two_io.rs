//! Legacy guest for a model with two inputs (`a`, `b`: f32[1,4]) and two
//! outputs (`sum`, `difference` = a - b), addressed by index as WITX requires.
//! The model comes from files, or from the host's registry by name (then the
//! tensor names are only known if nn-componentize baked them in).
//!
//! Usage: two_io <model-dir> <seed>
//!        two_io --by-name <graph-name> <seed>

use nn_legacy_guests::{arg, fail, seeded_f32};
use wasi_nn::{GraphBuilder, TensorType};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let by_name = args.get(1).is_some_and(|a| a == "--by-name");
    let args: Vec<String> = if by_name {
        [&args[..1], &args[2..]].concat()
    } else {
        args
    };
    let source: String = arg(&args, 1, "model dir or graph name");
    let seed: u32 = arg(&args, 2, "seed");
    let graph = if by_name {
        GraphBuilder::default()
            .build_from_cache(&source)
            .unwrap_or_else(|e| fail("load_by_name", e))
    } else {
        let xml = std::fs::read(format!("{source}/model.xml")).expect("read model.xml");
        let bin = std::fs::read(format!("{source}/model.bin")).expect("read model.bin");
        GraphBuilder::default()
            .build_from_bytes([xml, bin])
            .unwrap_or_else(|e| fail("load", e))
    };
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
