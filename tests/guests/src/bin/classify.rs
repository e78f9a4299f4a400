//! Image-classification style legacy guest: load an OpenVINO IR from files in
//! a preopened directory (read through preview1), feed one input tensor,
//! compute, read one output tensor and report the top class.
//!
//! Usage: classify <model-dir> <f32|u8> <dims, e.g. 1x10> <seed:N | input-file> [out-len]

use nn_legacy_guests::{arg, f32_bytes, fail, hex, seeded_f32, seeded_u8};
use wasi_nn::{ExecutionTarget, GraphBuilder, GraphEncoding, TensorType};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir: String = arg(&args, 1, "model dir");
    let ty: String = arg(&args, 2, "tensor type");
    let dims: Vec<usize> = arg::<String>(&args, 3, "dims")
        .split('x')
        .map(|d| d.parse().expect("dimension"))
        .collect();
    let source: String = arg(&args, 4, "seed:N or input file");
    let count: usize = dims.iter().product();

    let (tensor_type, input): (TensorType, Vec<u8>) = match ty.as_str() {
        "f32" => (
            TensorType::F32,
            match source.strip_prefix("seed:") {
                Some(seed) => f32_bytes(&seeded_f32(seed.parse().expect("seed"), count)),
                None => std::fs::read(&source).expect("read input file"),
            },
        ),
        "u8" => (
            TensorType::U8,
            match source.strip_prefix("seed:") {
                Some(seed) => seeded_u8(seed.parse().expect("seed"), count),
                None => std::fs::read(&source).expect("read input file"),
            },
        ),
        other => panic!("unknown tensor type {other}"),
    };
    let out_len: usize = args
        .get(5)
        .map(|s| s.parse().expect("out-len"))
        .unwrap_or(input.len());

    let xml = format!("{dir}/model.xml");
    let bin = format!("{dir}/model.bin");
    let graph = GraphBuilder::new(GraphEncoding::Openvino, ExecutionTarget::CPU)
        .build_from_files([xml, bin])
        .unwrap_or_else(|e| fail("load", e));
    let mut context = graph
        .init_execution_context()
        .unwrap_or_else(|e| fail("init_execution_context", e));
    context
        .set_input(0, tensor_type, &dims, &input)
        .unwrap_or_else(|e| fail("set_input", e));
    context.compute().unwrap_or_else(|e| fail("compute", e));

    let mut output = vec![0u8; out_len];
    let written = context
        .get_output(0, &mut output)
        .unwrap_or_else(|e| fail("get_output", e));
    output.truncate(written);
    println!("output bytes: {written}");
    println!("output hex: {}", hex(&output));
    if tensor_type == TensorType::F32 {
        let scores: Vec<f32> = output
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes(c.try_into().unwrap()))
            .collect();
        println!("scores: {scores:?}");
        let (top, score) =
            scores.iter().enumerate().fold(
                (0, f32::MIN),
                |best, (i, &s)| if s > best.1 { (i, s) } else { best },
            );
        println!("top class: {top} ({score:?})");
    }
}
