//! Photos as real wasi-nn programs read them (PNG decoded into 8-bit RGB),
//! and an ImageNet classifier's input made the way they make it: resize the
//! shorter side to 256 pixels (bilinear), crop the 224×224 centre, normalise
//! each channel and lay the result out as f32 NCHW `[1, 3, 224, 224]`. EfficientNet-Lite0 (built by
//! scripts/real_models.py) expects RGB and `(pixel - 127) / 128`.
//!
//! The tests crate includes this file too (`#[path]`), to write the raw
//! tensor files a fixture-style guest reads and to make deliberate mistakes.

/// Width and height of the classifier's input.
pub const SIDE: usize = 224;
/// The shorter side of the photo after resizing, before the centre crop.
pub const RESIZED_SHORTER_SIDE: usize = 256;
/// The input tensor's dimensions.
pub const DIMS: [usize; 4] = [1, 3, SIDE, SIDE];

/// A decoded photo: 8-bit RGB, row-major.
pub struct Image {
    pub width: usize,
    pub height: usize,
    pub rgb: Vec<u8>,
}

/// Decodes a PNG of any colour type and bit depth into 8-bit RGB (grey is
/// repeated, alpha dropped, 16-bit samples keep their high byte).
pub fn decode_png(bytes: &[u8]) -> Result<Image, String> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().map_err(|e| e.to_string())?;
    let size = reader
        .output_buffer_size()
        .ok_or("the image is too large")?;
    let mut buffer = vec![0; size];
    let frame = reader.next_frame(&mut buffer).map_err(|e| e.to_string())?;
    let (width, height) = (frame.width as usize, frame.height as usize);
    if width == 0 || height == 0 {
        return Err("the image is empty".into());
    }
    let channels = match frame.color_type {
        png::ColorType::Grayscale => 1,
        png::ColorType::GrayscaleAlpha => 2,
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        png::ColorType::Indexed => return Err("a palette the decoder did not expand".into()),
    };
    let rgb = buffer[..frame.buffer_size()]
        .chunks_exact(frame.line_size)
        .flat_map(|line| line[..width * channels].chunks_exact(channels))
        .flat_map(|pixel| match channels {
            1 | 2 => [pixel[0]; 3],
            _ => [pixel[0], pixel[1], pixel[2]],
        })
        .collect();
    Ok(Image { width, height, rgb })
}

/// The order in which the tensor holds the colour planes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChannelOrder {
    Rgb,
    Bgr,
}

/// How pixel values become tensor values: `(pixel - mean) / divisor`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Normalization {
    pub mean: f32,
    pub divisor: f32,
    pub order: ChannelOrder,
}

/// What EfficientNet-Lite0 was trained on.
pub const EFFICIENTNET_LITE: Normalization = Normalization {
    mean: 127.0,
    divisor: 128.0,
    order: ChannelOrder::Rgb,
};

/// The classifier's input for `image`, NCHW.
pub fn tensor(image: &Image, normalization: &Normalization) -> Vec<f32> {
    let shorter = image.width.min(image.height);
    let resized = |side: usize| (side * RESIZED_SHORTER_SIDE + shorter / 2) / shorter;
    let (resized_width, resized_height) = (resized(image.width), resized(image.height));
    let left = (resized_width - SIDE) / 2;
    let top = (resized_height - SIDE) / 2;
    // Source coordinates of resized pixel `i` (pixel centres aligned),
    // clamped to the image: the two neighbours and the weight of the second.
    let sample = |i: usize, resized: usize, source: usize| {
        let x = ((i as f32 + 0.5) * source as f32 / resized as f32 - 0.5)
            .clamp(0.0, (source - 1) as f32);
        let low = x as usize;
        (low, (low + 1).min(source - 1), x - low as f32)
    };
    let columns: Vec<_> = (0..SIDE)
        .map(|x| sample(left + x, resized_width, image.width))
        .collect();
    let mut planes = vec![0f32; 3 * SIDE * SIDE];
    for y in 0..SIDE {
        let (y0, y1, wy) = sample(top + y, resized_height, image.height);
        for (x, &(x0, x1, wx)) in columns.iter().enumerate() {
            for c in 0..3 {
                let at = |row: usize, column: usize| {
                    image.rgb[(row * image.width + column) * 3 + c] as f32
                };
                let value = (at(y0, x0) * (1.0 - wx) + at(y0, x1) * wx) * (1.0 - wy)
                    + (at(y1, x0) * (1.0 - wx) + at(y1, x1) * wx) * wy;
                let plane = match normalization.order {
                    ChannelOrder::Rgb => c,
                    ChannelOrder::Bgr => 2 - c,
                };
                planes[(plane * SIDE + y) * SIDE + x] =
                    (value - normalization.mean) / normalization.divisor;
            }
        }
    }
    planes
}

/// Softmax of the classifier's logits.
pub fn probabilities(logits: &[f32]) -> Vec<f32> {
    let max = logits.iter().copied().fold(f32::MIN, f32::max);
    let exp: Vec<f32> = logits.iter().map(|l| (l - max).exp()).collect();
    let sum: f32 = exp.iter().sum();
    exp.iter().map(|e| e / sum).collect()
}

/// The `n` highest scores as (class, score), highest first; equal scores in
/// class order.
pub fn top(scores: &[f32], n: usize) -> Vec<(usize, f32)> {
    let mut ranked: Vec<(usize, f32)> = scores.iter().copied().enumerate().collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked.truncate(n);
    ranked
}
