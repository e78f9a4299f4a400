#!/usr/bin/env python3
"""Writes the benchmark models (OpenVINO IR) into a folder, by default
`$CARGO_TARGET_DIR/bench/models` (or `<repo>/target/bench/models`).

Usage: generate.py [OUT_DIR]

- `mobilenet/model.{xml,bin}`: a MobileNetV2-shaped network built with
  OpenVINO's Python opset API: input `input` f32[1,3,224,224], the stem
  convolution, the 17 inverted-residual blocks of the paper's table
  (expansion 1x1 conv + ReLU6, 3x3 depthwise conv + ReLU6, linear 1x1
  projection, residual add where shapes allow), the 1x1 conv to 1280 channels,
  global average pooling, a 1000-way fully-connected layer and a softmax
  (`output` f32[1,1000]). Batch norms are folded into per-channel biases, as
  an inference export would do. Weights are random but seeded, so re-running
  gives the same bytes.
- `large/model.{xml,bin}`: `input` f32[1,4,1024,1024] (16 MiB) -> Add 1.0 ->
  `output` (16 MiB): almost no compute, so it shows tensor copies.

These files are not committed: scripts/bench.sh (and the bench binary)
generate them when missing.
"""
import os
import sys

import numpy as np
import openvino as ov
import openvino.opset13 as ops

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

RNG = np.random.default_rng(20240611)

# (expansion t, output channels c, repeats n, first stride s): MobileNetV2, table 2.
INVERTED_RESIDUAL_SETTINGS = [
    (1, 16, 1, 1),
    (6, 24, 2, 2),
    (6, 32, 3, 2),
    (6, 64, 4, 2),
    (6, 96, 3, 1),
    (6, 160, 3, 2),
    (6, 320, 1, 1),
]


def weights(*shape):
    """He-normal, seeded."""
    fan_in = int(np.prod(shape[1:]))
    return ops.constant((RNG.standard_normal(shape) * np.sqrt(2.0 / fan_in)).astype(np.float32))


def bias(channels):
    return ops.constant((RNG.standard_normal((1, channels, 1, 1)) * 0.01).astype(np.float32))


def relu6(x):
    return ops.clamp(x, 0.0, 6.0)


def conv(x, cin, cout, kernel, stride, act=True):
    """Convolution + folded batch norm (bias) [+ ReLU6]."""
    pad = kernel // 2
    y = ops.convolution(x, weights(cout, cin, kernel, kernel), [stride, stride], [pad, pad], [pad, pad], [1, 1])
    y = ops.add(y, bias(cout))
    return relu6(y) if act else y


def depthwise(x, channels, stride):
    """3x3 depthwise convolution + folded batch norm + ReLU6."""
    w = ops.constant((RNG.standard_normal((channels, 1, 1, 3, 3)) * np.sqrt(2.0 / 9)).astype(np.float32))
    y = ops.group_convolution(x, w, [stride, stride], [1, 1], [1, 1], [1, 1])
    return relu6(ops.add(y, bias(channels)))


def inverted_residual(x, cin, cout, stride, expand):
    hidden = cin * expand
    y = conv(x, cin, hidden, 1, 1) if expand != 1 else x
    y = depthwise(y, hidden, stride)
    y = conv(y, hidden, cout, 1, 1, act=False)
    if stride == 1 and cin == cout:
        y = ops.add(x, y)
    return y


def mobilenet_v2():
    x = ops.parameter([1, 3, 224, 224], np.float32, name="input")
    x.output(0).set_names({"input"})
    y = conv(x, 3, 32, 3, 2)
    cin = 32
    for t, c, n, s in INVERTED_RESIDUAL_SETTINGS:
        for i in range(n):
            y = inverted_residual(y, cin, c, s if i == 0 else 1, t)
            cin = c
    y = conv(y, cin, 1280, 1, 1)
    y = ops.reduce_mean(y, ops.constant(np.array([2, 3], dtype=np.int64)), keep_dims=False)  # [1, 1280]
    fc = (RNG.standard_normal((1280, 1000)) * np.sqrt(1.0 / 1280)).astype(np.float32)
    y = ops.matmul(y, ops.constant(fc), False, False)
    y = ops.add(y, ops.constant((RNG.standard_normal((1, 1000)) * 0.01).astype(np.float32)))
    y = ops.softmax(y, axis=1)
    y.output(0).set_names({"output"})
    return ov.Model([ops.result(y)], [x], "mobilenet_v2")


def large_tensor():
    x = ops.parameter([1, 4, 1024, 1024], np.float32, name="input")
    x.output(0).set_names({"input"})
    y = ops.add(x, ops.constant(np.float32(1.0)))
    y.output(0).set_names({"output"})
    return ov.Model([ops.result(y)], [x], "large_tensor")


def main():
    if len(sys.argv) > 1:
        out = sys.argv[1]
    else:
        target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target")
        out = os.path.join(target, "bench", "models")
    for name, build in [("mobilenet", mobilenet_v2), ("large", large_tensor)]:
        folder = os.path.join(out, name)
        os.makedirs(folder, exist_ok=True)
        ov.save_model(build(), os.path.join(folder, "model.xml"), compress_to_fp16=False)
        print(f"wrote {folder}/model.xml")


if __name__ == "__main__":
    main()
