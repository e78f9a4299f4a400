# Sourced by demo.sh, test.sh and bench.sh: installs what the project needs and
# exports the build environment. Idempotent, so a warm machine pays nothing.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OPENVINO_VERSION=2026.4.1

# One target directory outside the clone, so CI and fresh clones reuse the
# (minutes-long) Wasmtime build.
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/nn-componentize/target}
# The adapter is its own cargo workspace (wasm32); keep its build out of the clone too.
export NN_ADAPTER_TARGET_DIR=${NN_ADAPTER_TARGET_DIR:-$HOME/.cache/nn-componentize/adapter-target}
mkdir -p "$CARGO_TARGET_DIR"

install_rust_targets() {
  local installed
  installed=$(rustup target list --installed)
  for target in wasm32-unknown-unknown wasm32-wasip1; do
    if ! grep -qx "$target" <<<"$installed"; then
      echo "==> rustup target add $target"
      rustup target add "$target"
    fi
  done
}

install_openvino() {
  if python3 -c "import openvino, sys; sys.exit(0 if openvino.__version__.startswith('$OPENVINO_VERSION') else 1)" 2>/dev/null; then
    return
  fi
  echo "==> pip install openvino==$OPENVINO_VERSION"
  python3 -m pip install --quiet --disable-pip-version-check "openvino==$OPENVINO_VERSION"
}

install_rust_targets
install_openvino
cd "$ROOT"
