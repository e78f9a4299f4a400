#!/usr/bin/env bash
# Builds the wasi_ephemeral_nn adapter module (release, wasm32-unknown-unknown)
# and copies it to adapter/artifacts/wasi_ephemeral_nn.wasm, the bytes the
# rest of the project embeds (via nn-adapter-verify's ADAPTER constant).
#
#   adapter/build.sh          rebuild and update the committed artifact
#   adapter/build.sh --check  rebuild and fail if the committed artifact differs
#
# The adapter is its own cargo workspace with its own target directory
# (NN_ADAPTER_TARGET_DIR, default adapter/target), so building it never waits
# for, or disturbs, the root workspace's build; only the small finishing tool
# (nn-adapter-finish) is built in the root workspace (CARGO_TARGET_DIR). The build is reproducible:
# no debug info, no panic locations and no paths end up in the module, and
# symbol hashes only depend on the crate graph and the toolchain.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
artifact="$here/artifacts/wasi_ephemeral_nn.wasm"
check=false
case "${1:-}" in
  --check) check=true ;;
  "") ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

root_target="${CARGO_TARGET_DIR:-$here/../target}"
adapter_target="${NN_ADAPTER_TARGET_DIR:-$here/target}"
unset RUSTFLAGS CARGO_ENCODED_RUSTFLAGS

# adapter/.cargo/config.toml (jump tables off) applies only when cargo runs
# from inside adapter/.
cd "$here"
CARGO_TARGET_DIR="$adapter_target" cargo build --locked --release --target wasm32-unknown-unknown
linked="$adapter_target/wasm32-unknown-unknown/release/nn.wasm"

# Drop what rustc adds but an adapter must not have, keep only the global
# names wit-component needs, and verify (nn-adapter-verify, root workspace).
built="$adapter_target/wasi_ephemeral_nn.wasm"
(cd "$here/.." && CARGO_TARGET_DIR="$root_target" cargo run --locked --quiet \
  -p nn-adapter-verify --bin nn-adapter-finish -- "$linked" "$built")

if $check; then
  if ! cmp -s "$built" "$artifact"; then
    echo "error: adapter/artifacts/wasi_ephemeral_nn.wasm is stale:" >&2
    echo "  committed $(wc -c <"$artifact" 2>/dev/null || echo missing) bytes, rebuilt $(wc -c <"$built") bytes" >&2
    echo "  run adapter/build.sh and commit the artifact together with adapter/src" >&2
    exit 1
  fi
  echo "adapter artifact is up to date ($(wc -c <"$artifact") bytes)"
else
  mkdir -p "$here/artifacts"
  cp "$built" "$artifact"
  echo "wrote $artifact ($(wc -c <"$artifact") bytes)"
fi
