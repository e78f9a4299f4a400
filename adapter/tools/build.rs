//! Bakes each version's default adapter (no names, the default dialect:
//! what most modules get) at build time, with the same `bake` the library
//! runs for the others, into `$OUT_DIR/default-<version>.wasm`: a process
//! that componentizes one module then spends no time on it (parsing the
//! WIT world and re-encoding the adapter cost `nn-componentize` about a
//! tenth of its instructions on a 1 MB module).

use std::path::PathBuf;

// The library's own module; what only the library uses goes unused here.
#[allow(dead_code)]
#[path = "src/bake.rs"]
mod bake;

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap());
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap());
    println!("cargo:rerun-if-changed=src/bake.rs");
    for version in nn_abi::WasiNnVersion::ALL {
        let artifact = manifest
            .join("../artifacts")
            .join(version.as_str())
            .join("wasi_ephemeral_nn.wasm");
        println!("cargo:rerun-if-changed={}", artifact.display());
        // An artifact that does not bake (missing, or older than the
        // adapter's source) must not stop this crate from building: its
        // `nn-adapter-finish` is what `adapter/build.sh` writes artifacts
        // with. The default adapter is then empty, which wit-component
        // refuses and the unit test `the_default_adapters_are_the_artifacts_baked`
        // fails on, and the next build after the artifact changes bakes again.
        let baked = std::fs::read(&artifact)
            .map_err(anyhow::Error::from)
            .and_then(|bytes| {
                bake::bake(
                    &bytes,
                    version,
                    &bake::NameTable::default(),
                    nn_abi::Dialect::default(),
                )
            })
            .unwrap_or_else(|err| {
                println!(
                    "cargo:warning={}: does not bake ({err:#}); rebuild it with adapter/build.sh",
                    artifact.display()
                );
                Vec::new()
            });
        let path = out.join(format!("default-{}.wasm", version.as_str()));
        if let Err(err) = std::fs::write(&path, baked) {
            eprintln!("error: {}: {err}", path.display());
            std::process::exit(1);
        }
    }
}
