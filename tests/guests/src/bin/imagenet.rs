//! A photo classifier in the style of real wasi-nn programs: it reads an
//! OpenVINO IR and PNG photos through preview1 files, decodes and
//! preprocesses each photo itself (`nn_legacy_guests::imagenet`), runs the
//! ImageNet classifier on one execution context and prints the five most
//! probable labels of each photo.
//!
//! Usage: imagenet <model-dir> <labels.txt> <photo.png>...
//!
//! A photo that cannot be read or decoded is reported on its own line and
//! the program exits with 1.

use nn_legacy_guests::photo::{decode_png, probabilities, tensor, top, DIMS, EFFICIENTNET_LITE};
use nn_legacy_guests::{arg, bad_input, fail};
use wasi_nn::{ExecutionTarget, GraphBuilder, GraphEncoding, TensorType};

/// ImageNet-1k.
const CLASSES: usize = 1000;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir: String = arg(&args, 1, "model dir");
    let labels_path: String = arg(&args, 2, "labels file");
    let _: String = arg(&args, 3, "photo");
    let labels = match std::fs::read_to_string(&labels_path) {
        Ok(text) => text.lines().map(str::to_owned).collect::<Vec<_>>(),
        Err(e) => bad_input(&format!("cannot read {labels_path}: {e}")),
    };
    if labels.len() != CLASSES {
        bad_input(&format!(
            "{labels_path}: expected {CLASSES} labels, one a line, found {}",
            labels.len()
        ));
    }

    let graph = GraphBuilder::new(GraphEncoding::Openvino, ExecutionTarget::CPU)
        .build_from_files([format!("{dir}/model.xml"), format!("{dir}/model.bin")])
        .unwrap_or_else(|e| fail("load", e));
    let mut context = graph
        .init_execution_context()
        .unwrap_or_else(|e| fail("init_execution_context", e));
    for path in &args[3..] {
        let bytes =
            std::fs::read(path).unwrap_or_else(|e| bad_input(&format!("cannot read {path}: {e}")));
        let image = decode_png(&bytes)
            .unwrap_or_else(|e| bad_input(&format!("cannot decode {path} as PNG: {e}")));
        let input = tensor(&image, &EFFICIENTNET_LITE);
        context
            .set_input(0, TensorType::F32, &DIMS, &input)
            .unwrap_or_else(|e| fail("set_input", e));
        context.compute().unwrap_or_else(|e| fail("compute", e));
        let mut logits = [0f32; CLASSES];
        let written = context
            .get_output(0, &mut logits)
            .unwrap_or_else(|e| fail("get_output", e));
        if written != CLASSES * 4 {
            bad_input(&format!(
                "{dir}: the model wrote {written} output bytes, expected {CLASSES} f32 logits"
            ));
        }
        println!("{path} ({}x{}):", image.width, image.height);
        for (class, probability) in top(&probabilities(&logits), 5) {
            println!("  {probability:.4}  {}", labels[class]);
        }
    }
}
