#!/usr/bin/env bash
# Builds the wasi_ephemeral_nn adapter module (release, wasm32-unknown-unknown)
# once per wasi:nn WIT version and copies each to
# adapter/artifacts/<version>/wasi_ephemeral_nn.wasm, the bytes the rest of
# the project embeds (via nn-adapter-tools' `artifact` and `adapter`).
#
#   adapter/build.sh          rebuild and update the committed artifact
#   adapter/build.sh --check  rebuild and fail if a committed artifact differs
#
# The adapter is its own cargo workspace with its own target directory
# (NN_ADAPTER_TARGET_DIR, default adapter/target), so building it never waits
# for, or disturbs, the root workspace's build; only the small finishing tool
# (nn-adapter-finish) is built in the root workspace (CARGO_TARGET_DIR). The build is reproducible:
# no debug info, no panic locations and no paths end up in the module, and
# symbol hashes only depend on the crate graph and the toolchain.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
check=false
case "${1:-}" in
  --check) check=true ;;
  "") ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

root_target="${CARGO_TARGET_DIR:-$here/../target}"
adapter_target="${NN_ADAPTER_TARGET_DIR:-$here/target}"
unset RUSTFLAGS CARGO_ENCODED_RUSTFLAGS

# Binaryen's size optimiser takes about a tenth off what rustc's opt-level
# "z" leaves (12,284 -> 11,071 bytes when it was introduced). Flattening and
# re-looping the control flow first lets -Oz find about 65 bytes more; one
# -Oz before that, and propagating constants before a last -Oz, about 20
# more.
# `--low-memory-unused` folds added constants below 1,024 into load/store
# offsets (about 50 bytes); it assumes no address wraps past 4 GiB into the
# first KiB, which holds: every guest range is checked with `in_bounds`
# and every other address is in the adapter's own pages. `-g` keeps the
# name section: wit-component finds the adapter's globals by name. Features
# come from rustc's target_features section. One pinned version (Debian's
# binaryen 108, installed by scripts/env.sh) keeps the bytes reproducible.
wasm_opt_version="wasm-opt version 108"
if [[ "$(wasm-opt --version 2>/dev/null)" != "$wasm_opt_version"* ]]; then
  echo "error: adapter/build.sh needs $wasm_opt_version (Debian package binaryen 108; scripts/env.sh installs it)" >&2
  exit 1
fi

# nn-adapter-finish (nn-adapter-tools, root workspace) finishes and verifies
# each build, and lists the builds: one per wasi:nn WIT version
# (nn_abi::WasiNnVersion), each line the version (a folder of wit/ and of
# artifacts/) and the adapter's cargo features that select it.
finish() {
  (cd "$here/.." && CARGO_TARGET_DIR="$root_target" cargo run --locked --quiet \
    -p nn-adapter-tools --bin nn-adapter-finish -- "$@")
}
mapfile -t targets < <(finish --targets)
[[ ${#targets[@]} -gt 0 ]] || { echo "error: nn-adapter-finish --targets listed nothing" >&2; exit 1; }

stale=0
for target in "${targets[@]}"; do
  version=${target%% *}
  features=${target#* }
  artifact="$here/artifacts/$version/wasi_ephemeral_nn.wasm"

  # adapter/.cargo/config.toml (jump tables off) applies only when cargo runs
  # from inside adapter/.
  cd "$here"
  CARGO_TARGET_DIR="$adapter_target" cargo build --locked --release \
    --target wasm32-unknown-unknown --no-default-features --features "$features"
  linked="$adapter_target/wasm32-unknown-unknown/release/nn.wasm"
  optimised="$adapter_target/nn-$version.opt.wasm"
  wasm-opt -Oz --flatten --rereloop -Oz --precompute-propagate -Oz --low-memory-unused -g \
    --converge "$linked" -o "$optimised"

  # Drop what rustc adds but an adapter must not have, keep only the global
  # names wit-component needs, and verify.
  built="$adapter_target/wasi_ephemeral_nn-$version.wasm"
  finish "$version" "$optimised" "$built"

  if $check; then
    if ! cmp -s "$built" "$artifact"; then
      echo "error: adapter/artifacts/$version/wasi_ephemeral_nn.wasm is stale:" >&2
      echo "  committed $(wc -c <"$artifact" 2>/dev/null || echo missing) bytes, rebuilt $(wc -c <"$built") bytes" >&2
      stale=1
    else
      echo "adapter artifact for $version is up to date ($(wc -c <"$artifact") bytes)"
    fi
  else
    mkdir -p "$(dirname "$artifact")"
    cp "$built" "$artifact"
    echo "wrote $artifact ($(wc -c <"$artifact") bytes)"
  fi
done
if [[ $stale == 1 ]]; then
  echo "  run adapter/build.sh and commit the artifacts together with adapter/src" >&2
  exit 1
fi
