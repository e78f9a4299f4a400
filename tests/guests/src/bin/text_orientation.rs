//! A text-line orientation classifier as OCR programs run it (PaddleOCR's
//! angle classifier, shipped as ONNX by rapidocr): cut a text line out of a
//! scanned page, resize it to height 48 (width at most 192, the rest zero),
//! scale pixels to [-1, 1], and ask whether the line is upright (0°) or
//! upside down (180°); then the same line rotated by 180°.
//!
//! Usage: text_orientation <model.onnx | --by-name GRAPH> <page.png> <x,y,w,h>

use nn_legacy_guests::photo::{decode_png, Image};
use nn_legacy_guests::{arg, bad_input, fail, graph_from_args};
use wasi_nn::{GraphEncoding, TensorType};

const HEIGHT: usize = 48;
const MAX_WIDTH: usize = 192;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (graph, rest) = graph_from_args(&args, GraphEncoding::Onnx);
    let page_path: String = arg(&args, rest, "page photo");
    let bounds: Vec<usize> = arg::<String>(&args, rest + 1, "x,y,w,h")
        .split(',')
        .map(|v| v.parse().unwrap_or(0))
        .collect();
    let bytes = std::fs::read(&page_path)
        .unwrap_or_else(|e| bad_input(&format!("cannot read {page_path}: {e}")));
    let page = decode_png(&bytes)
        .unwrap_or_else(|e| bad_input(&format!("cannot decode {page_path} as PNG: {e}")));
    let [x, y, w, h] = bounds[..] else {
        bad_input("the text line is x,y,w,h")
    };
    if w == 0 || h == 0 || x + w > page.width || y + h > page.height {
        bad_input(&format!(
            "the text line {x},{y},{w},{h} is not inside the {}x{} page",
            page.width, page.height
        ));
    }
    let mut context = graph
        .init_execution_context()
        .unwrap_or_else(|e| fail("init_execution_context", e));
    for rotated in [false, true] {
        let input = line_tensor(&page, [x, y, w, h], rotated);
        context
            .set_input(0, TensorType::F32, &[1, 3, HEIGHT, MAX_WIDTH], &input)
            .unwrap_or_else(|e| fail("set_input", e));
        context.compute().unwrap_or_else(|e| fail("compute", e));
        let mut scores = [0f32; 2];
        context
            .get_output(0, &mut scores)
            .unwrap_or_else(|e| fail("get_output", e));
        let verdict = if scores[0] >= scores[1] {
            "0°"
        } else {
            "180°"
        };
        let line = if rotated {
            "rotated 180°"
        } else {
            "as scanned"
        };
        println!(
            "{line}: 0° {:.4}, 180° {:.4} -> {verdict}",
            scores[0], scores[1]
        );
    }
}

/// The classifier's input for the text line at `[x, y, w, h]` of `page`
/// (rotated by 180° if asked): grey repeated in three planes, NCHW.
fn line_tensor(page: &Image, [x, y, w, h]: [usize; 4], rotated: bool) -> Vec<f32> {
    let pixel = |column: usize, row: usize| {
        let (column, row) = if rotated {
            (x + w - 1 - column, y + h - 1 - row)
        } else {
            (x + column, y + row)
        };
        page.rgb[(row * page.width + column) * 3] as f32
    };
    let width = (HEIGHT * w).div_ceil(h).min(MAX_WIDTH);
    let mut plane = vec![0f32; HEIGHT * MAX_WIDTH];
    // Bilinear, pixel centres aligned, clamped to the line.
    let sample = |i: usize, out: usize, source: usize| {
        let at =
            ((i as f32 + 0.5) * source as f32 / out as f32 - 0.5).clamp(0.0, (source - 1) as f32);
        let low = at as usize;
        (low, (low + 1).min(source - 1), at - low as f32)
    };
    for row in 0..HEIGHT {
        let (r0, r1, wr) = sample(row, HEIGHT, h);
        for column in 0..width {
            let (c0, c1, wc) = sample(column, width, w);
            let value = (pixel(c0, r0) * (1.0 - wc) + pixel(c1, r0) * wc) * (1.0 - wr)
                + (pixel(c0, r1) * (1.0 - wc) + pixel(c1, r1) * wc) * wr;
            plane[row * MAX_WIDTH + column] = value / 127.5 - 1.0;
        }
    }
    plane.repeat(3)
}
