#!/usr/bin/env bash
# The whole test suite: the adapter's own checks, then every workspace test.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

echo "==> adapter: unit tests on the host"
cargo test --manifest-path adapter/Cargo.toml --target "$(rustc -vV | sed -n 's/^host: //p')" --lib

echo "==> adapter: the committed artifact matches a fresh release build"
adapter/build.sh --check

echo "==> workspace tests"
cargo test --workspace --locked
