#!/usr/bin/env bash
# The whole test suite: the adapter's own checks, then every workspace test.
# Ends with one line that totals every cargo test result.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "==> adapter: unit tests on the host"
cargo test --manifest-path adapter/Cargo.toml --target "$(rustc -vV | sed -n 's/^host: //p')" --lib 2>&1 | tee -a "$log"

echo "==> adapter: the committed artifact matches a fresh release build"
adapter/build.sh --check

echo "==> workspace tests"
cargo test --workspace --locked 2>&1 | tee -a "$log"

awk '/^test result:/ { passed += $4; failed += $6; ignored += $8 }
     END { printf "tests: %d passed, %d failed, %d skipped\n", passed, failed, ignored }' "$log"
