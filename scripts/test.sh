#!/usr/bin/env bash
# The whole test suite: style, the adapter's own checks, then every workspace
# test. Ends with one line that totals every cargo test result.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

log=$(mktemp)
trap 'rm -f "$log"' EXIT
host=$(rustc -vV | sed -n 's/^host: //p')

echo "==> style: rustfmt (every cargo workspace in the tree)"
cargo fmt --all --check
for workspace in adapter tests/guests tests/wasmtime-v34 bench/guest; do
  (cd "$workspace" && cargo fmt --all --check)
done

echo "==> style: clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings
# The adapter's wasm32 code only exists for wasm32, once per WIT target
# (each line of `nn-adapter-finish --targets`: a version and its features).
targets=$(cargo run --locked --quiet -p nn-adapter-tools --bin nn-adapter-finish -- --targets)
(cd adapter && export CARGO_TARGET_DIR="$NN_ADAPTER_TARGET_DIR" &&
  cargo clippy --workspace --all-targets --locked --target "$host" -- -D warnings &&
  while read -r version features; do
    echo "    adapter for $version"
    cargo clippy --locked --target wasm32-unknown-unknown --no-default-features \
      --features "$features" -- -D warnings || exit 1
  done <<<"$targets")

echo "==> adapter: unit tests on the host"
CARGO_TARGET_DIR="$NN_ADAPTER_TARGET_DIR" cargo test --manifest-path adapter/Cargo.toml \
  --target "$host" --workspace --lib 2>&1 | tee -a "$log"

echo "==> adapter: the committed artifacts match a fresh release build"
adapter/build.sh --check

echo "==> workspace tests"
cargo test --workspace --locked 2>&1 | tee -a "$log"

awk '/^test result:/ { passed += $4; failed += $6; ignored += $8 }
     END { printf "tests: %d passed, %d failed, %d skipped\n", passed, failed, ignored }' "$log"
