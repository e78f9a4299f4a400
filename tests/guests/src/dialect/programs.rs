//! The dialect programs, generic over the crate they are built against. Models
//! come from folders holding `model.xml` and `model.bin` (under the preopened
//! `models` folder, as for the other guests), given as arguments. A failure
//! prints `<step> failed: error <errno name>`, the name as the crate decodes
//! it, and exits with 1.

use super::Dialect;
use crate::{arg, bad_input, f32_bytes, hex, seeded_f32};

/// `classify <model-dir> <dims, e.g. 1x3x224x224> <f32 input file> <out-len>`:
/// one f32 input, one output of at most out-len bytes, printed as
/// `classify <model-dir> f32 <dims> <input file> <out-len>` prints them.
pub fn classify<D: Dialect>() {
    let args: Vec<String> = std::env::args().collect();
    let dir: String = arg(&args, 1, "model dir");
    let dims: Vec<u32> = arg::<String>(&args, 2, "dims")
        .split('x')
        .map(|d| d.parse().unwrap_or(0))
        .collect();
    let path: String = arg(&args, 3, "input file");
    let out_len: usize = arg(&args, 4, "out-len");
    let input =
        std::fs::read(&path).unwrap_or_else(|e| bad_input(&format!("cannot read {path}: {e}")));

    let graph = D::load(&read_ir(&dir), D::OPENVINO).unwrap_or_else(|e| fail::<D>("load", e));
    let mut context = D::init_execution_context(&graph)
        .unwrap_or_else(|e| fail::<D>("init_execution_context", e));
    D::set_input(&mut context, 0, D::F32, &dims, &input)
        .unwrap_or_else(|e| fail::<D>("set_input", e));
    D::compute(&mut context).unwrap_or_else(|e| fail::<D>("compute", e));
    let mut output = vec![0u8; out_len];
    let written =
        D::get_output(&mut context, 0, &mut output).unwrap_or_else(|e| fail::<D>("get_output", e));
    output.truncate(written);

    println!("output bytes: {written}");
    println!("output hex: {}", hex(&output));
    let scores = f32_values(&output);
    println!("scores: {scores:?}");
    let (top, score) =
        scores.iter().enumerate().fold(
            (0, f32::MIN),
            |best, (i, &s)| {
                if s > best.1 {
                    (i, s)
                } else {
                    best
                }
            },
        );
    println!("top class: {top} ({score:?})");
}

/// `two_io <model-dir> <seed>`: inputs `a` and `b` by index, outputs `sum` and
/// `difference` by index, printed as the `two_io` guest does.
pub fn two_io<D: Dialect>() {
    let args: Vec<String> = std::env::args().collect();
    let dir: String = arg(&args, 1, "model dir");
    let seed: u32 = arg(&args, 2, "seed");

    let graph = D::load(&read_ir(&dir), D::OPENVINO).unwrap_or_else(|e| fail::<D>("load", e));
    let mut context = D::init_execution_context(&graph)
        .unwrap_or_else(|e| fail::<D>("init_execution_context", e));
    let a = seeded_f32(seed, 4);
    let b = seeded_f32(seed + 1, 4);
    D::set_input(&mut context, 0, D::F32, &[1, 4], &f32_bytes(&a))
        .unwrap_or_else(|e| fail::<D>("set_input 0", e));
    D::set_input(&mut context, 1, D::F32, &[1, 4], &f32_bytes(&b))
        .unwrap_or_else(|e| fail::<D>("set_input 1", e));
    D::compute(&mut context).unwrap_or_else(|e| fail::<D>("compute", e));
    println!("a: {a:?}");
    println!("b: {b:?}");
    for index in 0..2 {
        let mut out = [0u8; 16];
        let written = D::get_output(&mut context, index, &mut out)
            .unwrap_or_else(|e| fail::<D>("get_output", e));
        println!("output {index} ({written} bytes): {:?}", f32_values(&out));
    }
}

/// The inputs of `types`, chosen so that every element and its result fit
/// the type (no wrapping) and so that i32 values do not fit one byte.
const U8_INPUT: [u8; 6] = [0, 1, 2, 127, 128, 254];
const I32_INPUT: [i32; 6] = [-100_000, -7, 0, 1, 2, 65_537];

/// `types <u8-model-dir> <i32-model-dir>`: a u8[2,3] model (x + 1) and an
/// i32[2,3] model (x * 3 + 1) with the crate's own tensor-type numbers; a
/// host reading the numbers of another generation answers with an errno or
/// other numbers. One line per model; both run whatever the first gave.
pub fn types<D: Dialect>() {
    let args: Vec<String> = std::env::args().collect();
    let u8_dir: String = arg(&args, 1, "u8 model dir");
    let i32_dir: String = arg(&args, 2, "i32 model dir");

    match infer::<D>(&u8_dir, D::U8, &U8_INPUT, U8_INPUT.len()) {
        Ok(out) => println!(
            "u8: input {U8_INPUT:?} output ({} bytes) {out:?}",
            out.len()
        ),
        Err((step, e)) => println!("u8: {step} failed: error {}", D::errno_name(&e)),
    }
    let input: Vec<u8> = I32_INPUT.iter().flat_map(|v| v.to_le_bytes()).collect();
    match infer::<D>(&i32_dir, D::I32, &input, input.len()) {
        Ok(out) => {
            let values: Vec<i32> = out
                .chunks_exact(4)
                .map(|c| i32::from_le_bytes(c.try_into().unwrap()))
                .collect();
            println!(
                "i32: input {I32_INPUT:?} output ({} bytes) {values:?}",
                out.len()
            );
        }
        Err((step, e)) => println!("i32: {step} failed: error {}", D::errno_name(&e)),
    }
}

/// One inference of a model with one [2,3] input: the output bytes, or the
/// failing step and its error.
fn infer<D: Dialect>(
    dir: &str,
    tensor_type: D::TensorType,
    input: &[u8],
    out_len: usize,
) -> Result<Vec<u8>, (&'static str, D::Error)> {
    let graph = D::load(&read_ir(dir), D::OPENVINO).map_err(|e| ("load", e))?;
    let mut context =
        D::init_execution_context(&graph).map_err(|e| ("init_execution_context", e))?;
    D::set_input(&mut context, 0, tensor_type, &[2, 3], input).map_err(|e| ("set_input", e))?;
    D::compute(&mut context).map_err(|e| ("compute", e))?;
    let mut out = vec![0u8; out_len];
    let written = D::get_output(&mut context, 0, &mut out).map_err(|e| ("get_output", e))?;
    out.truncate(written);
    Ok(out)
}

/// `errors <softmax-model-dir>`: guest mistakes every crate can make, one
/// line each, `<case>: ok`, `<case>: error <errno name>` or `<case>: skipped`
/// when the crate cannot express it. Each case loads its own graph; the
/// steps before the mistake are those `classify` shows to succeed. The
/// last case panics upstream's WITX host (wasmtime-wasi-nn 48).
pub fn errors<D: Dialect>() {
    let args: Vec<String> = std::env::args().collect();
    let dir: String = arg(&args, 1, "softmax model dir");
    let ir = read_ir(&dir);
    let input = f32_bytes(&seeded_f32(1, 10));

    report::<D>(
        "load_garbage",
        Some(D::load(&[b"<net".to_vec(), vec![]], D::OPENVINO).map(drop)),
    );
    report::<D>(
        "load_onnx",
        D::ONNX.map(|onnx| D::load(&ir, onnx).map(drop)),
    );
    report::<D>(
        "unknown_graph",
        D::unknown_graph().map(|graph| D::init_execution_context(&graph).map(drop)),
    );
    report::<D>(
        "set_input_bad_index",
        Some(with_context::<D>(&ir, |context| {
            D::set_input(context, 7, D::F32, &[1, 10], &input)?;
            D::compute(context)
        })),
    );
    report::<D>(
        "get_output_too_small",
        Some(with_context::<D>(&ir, |context| {
            D::set_input(context, 0, D::F32, &[1, 10], &input)?;
            D::compute(context)?;
            D::get_output(context, 0, &mut [0u8; 39]).map(drop)
        })),
    );
    report::<D>(
        "get_output_bad_index",
        Some(with_context::<D>(&ir, |context| {
            D::set_input(context, 0, D::F32, &[1, 10], &input)?;
            D::compute(context)?;
            D::get_output(context, 3, &mut [0u8; 40]).map(drop)
        })),
    );
    // Last: upstream's WITX host panics on it.
    report::<D>(
        "set_input_short_data",
        Some(with_context::<D>(&ir, |context| {
            D::set_input(context, 0, D::F32, &[1, 10], &input[..36])
        })),
    );
}

/// Loads `ir`, creates a context and runs `case` on it.
fn with_context<D: Dialect>(
    ir: &[Vec<u8>],
    case: impl FnOnce(&mut D::Context<'_>) -> Result<(), D::Error>,
) -> Result<(), D::Error> {
    let graph = D::load(ir, D::OPENVINO)?;
    let mut context = D::init_execution_context(&graph)?;
    case(&mut context)
}

fn report<D: Dialect>(case: &str, result: Option<Result<(), D::Error>>) {
    match result {
        None => println!("{case}: skipped"),
        Some(Ok(())) => println!("{case}: ok"),
        Some(Err(e)) => println!("{case}: error {}", D::errno_name(&e)),
    }
}

/// The builders of the OpenVINO IR in `dir`: `model.xml`, then `model.bin`.
fn read_ir(dir: &str) -> [Vec<u8>; 2] {
    ["xml", "bin"].map(|ext| {
        std::fs::read(format!("{dir}/model.{ext}"))
            .unwrap_or_else(|e| panic!("reading {dir}/model.{ext}: {e}"))
    })
}

fn f32_values(bytes: &[u8]) -> Vec<f32> {
    bytes
        .chunks_exact(4)
        .map(|c| f32::from_le_bytes(c.try_into().unwrap()))
        .collect()
}

/// Prints the failed step with the errno name and exits with 1.
fn fail<D: Dialect>(step: &str, error: D::Error) -> ! {
    println!("{step} failed: error {}", D::errno_name(&error));
    std::process::exit(1)
}
