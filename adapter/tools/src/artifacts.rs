//! The committed adapter artifacts, one per [`WasiNnVersion`] and
//! [`LegacyModule`].

use crate::WasiNnVersion;
use nn_abi::LegacyModule;

/// Defines [`artifact`], [`artifact_of`] and the build-time default
/// adapters from [`nn_abi::wasi_nn_versions!`].
macro_rules! define_artifacts {
    ($($(#[$doc:meta])* $variant:ident = $folder:literal
        (feature $feature:literal, wasmtime $wasmtime:literal),)*) => {
        /// The committed release build of the adapter for `version`
        /// (`adapter/build.sh` writes it, `adapter/build.sh --check` proves
        /// it is current).
        pub fn artifact(version: WasiNnVersion) -> &'static [u8] {
            artifact_of(version, LegacyModule::WasiEphemeralNn)
        }

        /// The committed release build of the adapter of `module` for
        /// `version`: `artifacts/<version>/<module>.wasm` (the verifier's
        /// tests check each against its module's functions).
        pub fn artifact_of(version: WasiNnVersion, module: LegacyModule) -> &'static [u8] {
            match (version, module) {
                $(
                    (WasiNnVersion::$variant, LegacyModule::WasiEphemeralNn) => include_bytes!(
                        concat!("../../artifacts/", $folder, "/wasi_ephemeral_nn.wasm")
                    ),
                    (WasiNnVersion::$variant, LegacyModule::WamrWasiNn) => include_bytes!(
                        concat!("../../artifacts/", $folder, "/wasi_nn.wasm")
                    ),
                )*
            }
        }

        fn default_adapter(version: WasiNnVersion) -> &'static [u8] {
            match version {
                $(
                    WasiNnVersion::$variant => include_bytes!(
                        concat!(env!("OUT_DIR"), "/default-", $folder, ".wasm")
                    ),
                )*
            }
        }
    };
}

nn_abi::wasi_nn_versions!(define_artifacts);

/// The adapter for `version` as wit-component takes it when no names are
/// baked in: [`artifact`] through [`crate::bake`] with an empty table and
/// the default dialect, done by `build.rs` (a unit test checks it equals
/// what `bake` makes now). Every crate that embeds an adapter takes it from
/// here or bakes the artifact itself.
pub fn adapter(version: WasiNnVersion) -> &'static [u8] {
    default_adapter(version)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// build.rs baked what `bake` makes of the committed artifact now.
    #[test]
    fn the_default_adapters_are_the_artifacts_baked() {
        for version in WasiNnVersion::ALL {
            let baked = crate::bake(
                artifact(version),
                version,
                &crate::NameTable::default(),
                nn_abi::Dialect::default(),
            )
            .unwrap();
            assert!(adapter(version) == baked, "{version}");
        }
    }
}
