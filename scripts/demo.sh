#!/usr/bin/env bash
# The main job, end to end: build the tools, componentize a legacy wasi-nn
# guest (a wasm32-wasip1 program written against the `wasi-nn` 0.6 crate) and
# run the component on nn-host with a real OpenVINO model.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

echo "==> building nn-componentize and nn-host"
cargo build --locked -p nn-componentize -p nn-host
bin="$CARGO_TARGET_DIR/debug"

echo "==> building the legacy guest tests/guests/src/bin/classify.rs (wasm32-wasip1)"
guests_target="$CARGO_TARGET_DIR/nn-legacy-guests"
cargo build --locked --release --target wasm32-wasip1 \
  --manifest-path tests/guests/Cargo.toml --target-dir "$guests_target" --bin classify
legacy="$guests_target/wasm32-wasip1/release/classify.wasm"

work="$CARGO_TARGET_DIR/demo"
mkdir -p "$work/model"
cp tests/models/softmax.xml "$work/model/model.xml"
cp tests/models/softmax.bin "$work/model/model.bin"

echo "==> nn-componentize inspect $legacy"
"$bin/nn-componentize" inspect "$legacy"

echo "==> nn-componentize $legacy -o $work/classify.component.wasm"
"$bin/nn-componentize" "$legacy" -o "$work/classify.component.wasm"

echo "==> nn-host run --dir $work/model::model classify.component.wasm model f32 1x10 seed:7"
"$bin/nn-host" run --dir "$work/model::model" "$work/classify.component.wasm" model f32 1x10 seed:7
