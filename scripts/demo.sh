#!/usr/bin/env bash
# The main job, end to end: build the tools, componentize a legacy wasi-nn
# guest (a wasm32-wasip1 program written against the `wasi-nn` 0.6 crate that
# decodes and preprocesses a photo itself) and run the component on nn-host:
# a real pretrained ImageNet classifier (EfficientNet-Lite0, OpenVINO IR made
# by scripts/real_models.py from a PyPI wheel) on scikit-image's chelsea.png.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

echo "==> building nn-componentize and nn-host"
cargo build --locked -p nn-componentize -p nn-host
bin="$CARGO_TARGET_DIR/debug"

echo "==> building the legacy guest tests/guests/src/bin/imagenet.rs (wasm32-wasip1)"
guests_target="$CARGO_TARGET_DIR/nn-legacy-guests"
cargo build --locked --release --target wasm32-wasip1 \
  --manifest-path tests/guests/Cargo.toml --target-dir "$guests_target" --bin imagenet
legacy="$guests_target/wasm32-wasip1/release/imagenet.wasm"
work="$CARGO_TARGET_DIR/demo"
mkdir -p "$work"

echo "==> nn-componentize inspect $legacy"
"$bin/nn-componentize" inspect "$legacy"

echo "==> nn-componentize $legacy -o $work/imagenet.component.wasm"
"$bin/nn-componentize" "$legacy" -o "$work/imagenet.component.wasm"

echo "==> nn-host run --dir $NN_REAL_MODELS_DIR::models imagenet.component.wasm models/efficientnet_lite0 models/imagenet_labels.txt models/photos/chelsea.png"
"$bin/nn-host" run --dir "$NN_REAL_MODELS_DIR::models" "$work/imagenet.component.wasm" \
  models/efficientnet_lite0 models/imagenet_labels.txt models/photos/chelsea.png
echo "==> demo done in ${SECONDS}s"
