#!/usr/bin/env bash
# The benchmarks (issue 6): prints a markdown table and writes the same figures
# to $CARGO_TARGET_DIR/bench/results.json (and results.md). See docs/bench.md.
#
# Usage: scripts/bench.sh [options for `bench all`, e.g. --reps 3 --only inference]
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

models="$CARGO_TARGET_DIR/bench/models"
if [[ ! -f "$models/mobilenet/model.xml" || ! -f "$models/large/model.xml" ]]; then
  echo "==> generating benchmark models into $models"
  python3 bench/models/generate.py "$models"
fi

echo "==> building the bench guest (wasm32-wasip1)"
cargo build --release --quiet --target wasm32-wasip1 \
  --manifest-path bench/guest/Cargo.toml --target-dir "$CARGO_TARGET_DIR/bench/guest-target"

echo "==> building the bench (release)"
cargo build --release -p bench -p nn-host -p nn-componentize

cargo run --release --quiet -p bench -- all "$@"

# Token generation (issue 29): the streaming GGML guest, componentized, on
# nn-host against OpenVINO GenAI natively; docs/bench.md, "Token generation".
echo "==> token generation: building and componentizing tests/guests' ggml_llama_stream"
guests="$CARGO_TARGET_DIR/nn-legacy-guests"
cargo build --release --quiet --target wasm32-wasip1 --manifest-path tests/guests/Cargo.toml \
  --target-dir "$guests" --bin ggml_llama_stream
work="$CARGO_TARGET_DIR/bench/llm"
mkdir -p "$work"
"$CARGO_TARGET_DIR/release/nn-componentize" "$guests/wasm32-wasip1/release/ggml_llama_stream.wasm" \
  -o "$work/ggml_llama_stream.component.wasm"
python3 bench/llm/run.py "$CARGO_TARGET_DIR/release/nn-host" "$work/ggml_llama_stream.component.wasm" "$work" \
  | tee "$work/results.json"
