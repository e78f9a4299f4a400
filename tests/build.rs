//! Builds the legacy guests in `tests/guests` (their own cargo workspace) for
//! wasm32-wasip1 and exports each program's path as `NN_GUEST_<NAME>`.
//!
//! The guests use their own target directory, next to (inside) the outer
//! one: sharing the outer target directory would deadlock on cargo's lock.

use std::path::{Path, PathBuf};
use std::process::Command;

const GUESTS: &[&str] = &[
    "classify",
    "by_name",
    "two_io",
    "recompute",
    "contexts",
    "onnx",
    "churn",
];

fn main() {
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap());
    let guests = manifest_dir.join("guests");
    for path in ["Cargo.toml", "Cargo.lock", "src"] {
        println!("cargo:rerun-if-changed={}", guests.join(path).display());
    }

    // OUT_DIR = <target>/<profile>/build/<pkg>-<hash>/out
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap());
    let target_dir = out_dir
        .ancestors()
        .nth(4)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| out_dir.clone());
    let guest_target = target_dir.join("nn-legacy-guests");

    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.arg("build")
        .arg("--release")
        .arg("--locked")
        .arg("--target")
        .arg("wasm32-wasip1")
        .arg("--manifest-path")
        .arg(guests.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(&guest_target);
    // Settings meant for the outer build must not leak into the guests'.
    for var in [
        "CARGO_ENCODED_RUSTFLAGS",
        "RUSTFLAGS",
        "CARGO_BUILD_RUSTFLAGS",
        "CARGO_TARGET_DIR",
        "CARGO_BUILD_TARGET",
        "RUSTC_WORKSPACE_WRAPPER",
        "CARGO_PRIMARY_PACKAGE",
        "CARGO_MANIFEST_DIR",
        "CARGO_MANIFEST_PATH",
    ] {
        cmd.env_remove(var);
    }
    let status = cmd.status().expect("run cargo for tests/guests");
    if !status.success() {
        panic!(
            "building the legacy guests failed ({status}); is the wasm32-wasip1 target installed? \
             (rustup target add wasm32-wasip1)"
        );
    }
    let release = guest_target.join("wasm32-wasip1").join("release");
    for name in GUESTS {
        let path = release.join(format!("{name}.wasm"));
        assert!(path.exists(), "missing guest {}", path.display());
        println!(
            "cargo:rustc-env=NN_GUEST_{}={}",
            name.to_uppercase(),
            path.display()
        );
    }
    println!(
        "cargo:rustc-env=NN_GUESTS_WAT_DIR={}",
        guests.join("wat").display()
    );
    println!(
        "cargo:rustc-env=NN_MODELS_DIR={}",
        manifest_dir.join("models").display()
    );
}
