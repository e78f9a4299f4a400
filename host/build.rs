//! Builds nn-host's C++ shim over OpenVINO GenAI (`genai/shim.cpp`) into a
//! shared object that `src/genai/library.rs` embeds and loads at run time.
//!
//! It needs OpenVINO's C++ headers (the `openvino` wheel ships them), found
//! in this order: `OPENVINO_INCLUDE_DIR`, `OPENVINO_INSTALL_DIR/runtime/include`,
//! then the `include` folder of the `openvino` package `python3` would import.
//! The object is linked with GenAI's and OpenVINO's symbols left unresolved:
//! they resolve when nn-host loads it, after loading those libraries.

use std::path::PathBuf;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=genai/shim.cpp");
    println!("cargo:rerun-if-env-changed=OPENVINO_INCLUDE_DIR");
    println!("cargo:rerun-if-env-changed=OPENVINO_INSTALL_DIR");
    let include = match openvino_include() {
        Some(include) => include,
        None => {
            eprintln!(
                "error: nn-host's ggml backend needs OpenVINO's C++ headers (openvino/core/any.hpp) to build; \
                 install them with `pip install openvino==2026.4.1` or set OPENVINO_INCLUDE_DIR to the folder holding `openvino/`"
            );
            std::process::exit(1);
        }
    };
    println!(
        "cargo:rerun-if-changed={}",
        include.join("openvino/core/any.hpp").display()
    );
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let shim = out.join("libnn_genai_shim.so");
    let compiler = cc::Build::new()
        .cpp(true)
        .cargo_metadata(false)
        .get_compiler();
    let mut command = compiler.to_command();
    command
        .args([
            "-std=c++17",
            "-shared",
            "-fPIC",
            "-O2",
            "-Wall",
            "-Wextra",
            "-Werror",
        ])
        .arg("-isystem")
        .arg(&include)
        // Keeps the embedded object the same for the same sources.
        .arg("-Wl,--build-id=none")
        .arg("-o")
        .arg(&shim)
        .arg("genai/shim.cpp");
    let status = command
        .status()
        .unwrap_or_else(|e| panic!("running the C++ compiler {:?}: {e}", compiler.path()));
    if !status.success() {
        eprintln!(
            "error: compiling genai/shim.cpp failed ({status}): see the compiler's messages above"
        );
        std::process::exit(1);
    }
}

/// The folder holding OpenVINO's `openvino/core/any.hpp`.
fn openvino_include() -> Option<PathBuf> {
    let has_headers = |dir: &PathBuf| dir.join("openvino/core/any.hpp").is_file();
    if let Some(dir) = std::env::var_os("OPENVINO_INCLUDE_DIR") {
        return Some(PathBuf::from(dir)).filter(has_headers);
    }
    if let Some(dir) = std::env::var_os("OPENVINO_INSTALL_DIR") {
        let dir = PathBuf::from(dir).join("runtime/include");
        if has_headers(&dir) {
            return Some(dir);
        }
    }
    let output = Command::new("python3")
        .args([
            "-c",
            "import importlib.util, os; spec = importlib.util.find_spec('openvino'); \
             print(os.path.join(spec.submodule_search_locations[0], 'include'))",
        ])
        .output()
        .ok()?;
    let dir = PathBuf::from(String::from_utf8(output.stdout).ok()?.trim());
    (output.status.success() && has_headers(&dir)).then_some(dir)
}
