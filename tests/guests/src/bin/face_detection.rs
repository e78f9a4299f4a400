//! A face detector as MediaPipe runs it (its short-range BlazeFace model,
//! TensorFlow Lite): resize a photo to 128×128, scale pixels to [-1, 1]
//! (NHWC), run the model, then decode its 896 anchors: a sigmoid score per
//! anchor and a box relative to the anchor's centre. Prints the best box in
//! the photo's pixels and how many anchors pass 0.5.
//!
//! Usage: face_detection <model.tflite | --by-name GRAPH> <photo.png>

use nn_legacy_guests::photo::decode_png;
use nn_legacy_guests::{arg, bad_input, fail, graph_from_args};
use wasi_nn::{GraphEncoding, TensorType};

const SIDE: usize = 128;
const ANCHORS: usize = 896;
/// Box centre, size and six keypoints per anchor.
const REGRESSORS: usize = 16;
/// Feature maps: (stride in pixels, anchors per cell).
const LAYERS: [(usize, usize); 2] = [(8, 2), (16, 6)];
const MIN_SCORE: f32 = 0.5;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (graph, rest) = graph_from_args(&args, GraphEncoding::TensorflowLite);
    let path: String = arg(&args, rest, "photo");
    let bytes =
        std::fs::read(&path).unwrap_or_else(|e| bad_input(&format!("cannot read {path}: {e}")));
    let photo = decode_png(&bytes)
        .unwrap_or_else(|e| bad_input(&format!("cannot decode {path} as PNG: {e}")));

    let sample = |i: usize, source: usize| {
        let at =
            ((i as f32 + 0.5) * source as f32 / SIDE as f32 - 0.5).clamp(0.0, (source - 1) as f32);
        let low = at as usize;
        (low, (low + 1).min(source - 1), at - low as f32)
    };
    let mut input = Vec::with_capacity(SIDE * SIDE * 3);
    for row in 0..SIDE {
        let (r0, r1, wr) = sample(row, photo.height);
        for column in 0..SIDE {
            let (c0, c1, wc) = sample(column, photo.width);
            for c in 0..3 {
                let at = |r: usize, k: usize| photo.rgb[(r * photo.width + k) * 3 + c] as f32;
                let value = (at(r0, c0) * (1.0 - wc) + at(r0, c1) * wc) * (1.0 - wr)
                    + (at(r1, c0) * (1.0 - wc) + at(r1, c1) * wc) * wr;
                input.push(value / 127.5 - 1.0);
            }
        }
    }

    let mut context = graph
        .init_execution_context()
        .unwrap_or_else(|e| fail("init_execution_context", e));
    context
        .set_input(0, TensorType::F32, &[1, SIDE, SIDE, 3], &input)
        .unwrap_or_else(|e| fail("set_input", e));
    context.compute().unwrap_or_else(|e| fail("compute", e));
    let mut boxes = vec![0f32; ANCHORS * REGRESSORS];
    context
        .get_output(0, &mut boxes)
        .unwrap_or_else(|e| fail("get_output", e));
    let mut logits = vec![0f32; ANCHORS];
    context
        .get_output(1, &mut logits)
        .unwrap_or_else(|e| fail("get_output", e));

    // Anchor centres, row by row of each feature map, in [0, 1].
    let anchors: Vec<(f32, f32)> = LAYERS
        .iter()
        .flat_map(|&(stride, per_cell)| {
            let cells = SIDE / stride;
            (0..cells * cells).flat_map(move |cell| {
                let centre = (
                    ((cell % cells) as f32 + 0.5) / cells as f32,
                    ((cell / cells) as f32 + 0.5) / cells as f32,
                );
                std::iter::repeat_n(centre, per_cell)
            })
        })
        .collect();
    let scores: Vec<f32> = logits
        .iter()
        .map(|l| 1.0 / (1.0 + (-l.clamp(-100.0, 100.0)).exp()))
        .collect();
    let passing = scores.iter().filter(|&&s| s > MIN_SCORE).count();
    let (best, score) = scores
        .iter()
        .copied()
        .enumerate()
        .fold((0, f32::MIN), |b, (i, s)| if s > b.1 { (i, s) } else { b });
    if score <= MIN_SCORE {
        println!("{path}: no face (best score {score:.4})");
        return;
    }
    let r = &boxes[best * REGRESSORS..];
    let (ax, ay) = anchors[best];
    let (cx, cy) = (r[0] / SIDE as f32 + ax, r[1] / SIDE as f32 + ay);
    let (w, h) = (r[2] / SIDE as f32, r[3] / SIDE as f32);
    let px = |v: f32, side: usize| (v * side as f32).round() as i64;
    println!(
        "{path}: face, score {score:.4}, box ({}, {})-({}, {}); {passing} anchors above {MIN_SCORE}",
        px(cx - w / 2.0, photo.width),
        px(cy - h / 2.0, photo.height),
        px(cx + w / 2.0, photo.width),
        px(cy + h / 2.0, photo.height),
    );
}
