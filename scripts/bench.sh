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
