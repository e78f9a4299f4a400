//! The committed adapter artifacts, one per [`WasiNnVersion`].

use crate::WasiNnVersion;
use std::sync::OnceLock;

/// Defines [`artifact`] from [`nn_abi::wasi_nn_versions!`].
macro_rules! define_artifacts {
    ($($(#[$doc:meta])* $variant:ident = $folder:literal
        (feature $feature:literal, wasmtime $wasmtime:literal),)*) => {
        /// The committed release build of the adapter for `version`
        /// (`adapter/build.sh` writes it, `adapter/build.sh --check` proves
        /// it is current).
        pub fn artifact(version: WasiNnVersion) -> &'static [u8] {
            match version {
                $(WasiNnVersion::$variant => include_bytes!(concat!(
                    "../../artifacts/", $folder, "/wasi_ephemeral_nn.wasm"
                )),)*
            }
        }
    };
}

nn_abi::wasi_nn_versions!(define_artifacts);

/// The adapter for `version` as wit-component takes it when no names are
/// baked in: [`artifact`] through [`crate::bake`] with an empty table and
/// the default dialect (made once per process). Every crate that embeds an
/// adapter takes it from here or bakes the artifact itself.
pub fn adapter(version: WasiNnVersion) -> &'static [u8] {
    static ADAPTERS: [OnceLock<Vec<u8>>; WasiNnVersion::ALL.len()] =
        [const { OnceLock::new() }; WasiNnVersion::ALL.len()];
    ADAPTERS[version as usize].get_or_init(|| {
        crate::bake(
            artifact(version),
            version,
            &crate::NameTable::default(),
            nn_abi::Dialect::default(),
        )
        .expect("the committed artifact imports what bake replaces (a unit test checks it)")
    })
}
