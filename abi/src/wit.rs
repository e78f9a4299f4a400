//! The WIT packages the project targets, read from `wit/` by wit-parser.
//!
//! A [`WitTarget`] holds one parsed package and the core imports a module
//! adapting to it may have: the names and signatures that wit-component
//! expects (the canonical ABI lowering of each function for a guest import,
//! `[resource-drop]` intrinsics), derived here rather than written out, so
//! that the adapter's hand-written imports are checked against the WIT.

use anyhow::{Context, Result};
use std::collections::BTreeMap;
use std::sync::OnceLock;
use wasmparser::{FuncType, ValType};
use wit_parser::abi::{AbiVariant, WasmType};
use wit_parser::{
    LiftLowerAbi, ManglingAndAbi, PackageId, PackageName, Resolve, ResourceIntrinsic, TypeDefKind,
    WasmImport, WorldKey,
};

/// A WIT package the project targets, with the core imports it implies.
#[derive(Debug)]
pub struct WitTarget {
    resolve: Resolve,
    package: PackageId,
    version: String,
    /// Core signature of every import, keyed by `(module, name)`.
    imports: BTreeMap<(String, String), FuncType>,
}

/// Calls macro `$callback` with every `wasi:nn` WIT version the project
/// targets, the default first, as `Variant = "folder" (feature
/// "adapter-feature", wasmtime "releases"),`: the enum variant of
/// [`WasiNnVersion`], the folder of `wit/` (and of `adapter/artifacts/`),
/// which is the package version, the adapter's cargo feature that selects
/// it (empty: none), and the Wasmtime releases whose `wasi:nn` it is. The one
/// list of versions: [`WasiNnVersion`] and the crates that embed one file
/// per version (`include_bytes!` needs a literal path) expand it.
///
/// A new version: a folder of `wit/`, a line here, and what the compiler
/// then asks for (the adapter's feature, nn-host's interface module).
#[macro_export]
macro_rules! wasi_nn_versions {
    ($callback:ident) => {
        $callback! {
            /// `compute(list<named-tensor>)`.
            V2024_10_28 = "0.2.0-rc-2024-10-28" (feature "", wasmtime "Wasmtime v35+"),
            /// `set-input`, `compute()`, `get-output`.
            V2024_08_19 = "0.2.0-rc-2024-08-19" (feature "wit-2024-08-19", wasmtime "Wasmtime v25–v34"),
        }
    };
}

/// Defines [`WasiNnVersion`] from [`wasi_nn_versions!`].
macro_rules! define_versions {
    ($($(#[$doc:meta])* $variant:ident = $folder:literal
        (feature $feature:literal, wasmtime $wasmtime:literal),)*) => {
        /// A `wasi:nn` WIT version the project targets: one folder of `wit/`,
        /// one adapter artifact, one interface set of nn-host.
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum WasiNnVersion {
            #[default]
            $($(#[$doc])* $variant,)*
        }

        impl WasiNnVersion {
            /// Every version, the default first.
            pub const ALL: [WasiNnVersion; [$($folder),*].len()] = [$(WasiNnVersion::$variant),*];

            /// The version as WIT spells it, e.g. `0.2.0-rc-2024-10-28`:
            /// the folder of `wit/` and of `adapter/artifacts/` (a unit
            /// test checks it is the package's version).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(WasiNnVersion::$variant => $folder,)*
                }
            }

            /// The cargo feature of the adapter crate that builds it;
            /// `None` for the adapter's default.
            pub fn adapter_feature(self) -> Option<&'static str> {
                match self {
                    $(WasiNnVersion::$variant => Some($feature).filter(|f| !f.is_empty()),)*
                }
            }

            /// The Wasmtime releases whose `wasi:nn` this is, e.g.
            /// `Wasmtime v35+`.
            pub fn wasmtime_releases(self) -> &'static str {
                match self {
                    $(WasiNnVersion::$variant => $wasmtime,)*
                }
            }

            /// `wit/<folder>/wasi-nn.wit`: its path for messages, and its text.
            fn document(self) -> (&'static str, &'static str) {
                match self {
                    $(WasiNnVersion::$variant => (
                        concat!("wit/", $folder, "/wasi-nn.wit"),
                        include_str!(concat!("../../wit/", $folder, "/wasi-nn.wit")),
                    ),)*
                }
            }
        }
    };
}

wasi_nn_versions!(define_versions);

impl WasiNnVersion {
    /// The parsed package of `wit/<version>/wasi-nn.wit`. The documents are
    /// compiled in and parsed by a unit test, so this cannot fail at run time.
    pub fn wit(self) -> &'static WitTarget {
        static TARGETS: [OnceLock<WitTarget>; WasiNnVersion::ALL.len()] =
            [const { OnceLock::new() }; WasiNnVersion::ALL.len()];
        let (path, text) = self.document();
        TARGETS[self as usize]
            .get_or_init(|| WitTarget::parse(path, text).expect("the embedded WIT document parses"))
    }

    /// The versions, comma-separated, for messages that list the choices.
    pub fn choices() -> String {
        crate::choices(WasiNnVersion::ALL.map(WasiNnVersion::as_str))
    }
}

impl std::fmt::Display for WasiNnVersion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for WasiNnVersion {
    type Err = anyhow::Error;

    fn from_str(s: &str) -> Result<Self> {
        crate::parse_named(
            s,
            &WasiNnVersion::ALL,
            WasiNnVersion::as_str,
            "wasi:nn version",
        )
    }
}

impl WitTarget {
    fn parse(path: &str, text: &str) -> Result<WitTarget> {
        let mut resolve = Resolve::default();
        let package = resolve
            .push_str(path, text)
            .with_context(|| format!("{path} does not parse"))?;
        let name = &resolve.packages[package].name;
        let version = name
            .version
            .as_ref()
            .with_context(|| format!("{path}: package `{name}` has no version"))?
            .to_string();
        let mut imports = BTreeMap::new();
        for &interface in resolve.packages[package].interfaces.values() {
            let key = WorldKey::Interface(interface);
            let mut add = |import: WasmImport<'_>, ty: FuncType| {
                let mangling = ManglingAndAbi::Legacy(LiftLowerAbi::Sync);
                imports.insert(resolve.wasm_import_name(mangling, import), ty);
            };
            for func in resolve.interfaces[interface].functions.values() {
                let signature = resolve.wasm_signature(AbiVariant::GuestImport, func);
                let ty = FuncType::new(
                    signature.params.iter().map(val_type),
                    signature.results.iter().map(val_type),
                );
                add(
                    WasmImport::Func {
                        interface: Some(&key),
                        func,
                    },
                    ty,
                );
            }
            for &resource in resolve.interfaces[interface].types.values() {
                if resolve.types[resource].kind == TypeDefKind::Resource {
                    // A drop takes the handle (as wit-component checks it).
                    add(
                        WasmImport::ResourceIntrinsic {
                            interface: Some(&key),
                            resource,
                            intrinsic: ResourceIntrinsic::ImportedDrop,
                        },
                        FuncType::new([ValType::I32], []),
                    );
                }
            }
        }
        Ok(WitTarget {
            resolve,
            package,
            version,
            imports,
        })
    }

    /// The package name, e.g. `wasi:nn@0.2.0-rc-2024-10-28`.
    pub fn package_name(&self) -> &PackageName {
        &self.resolve.packages[self.package].name
    }

    /// The package version, e.g. `0.2.0-rc-2024-10-28`.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The full name of one of the package's interfaces, e.g.
    /// `wasi:nn/tensor@0.2.0-rc-2024-10-28`; `None` if there is no such one.
    pub fn interface_name(&self, interface: &str) -> Option<String> {
        let id = *self.resolve.packages[self.package]
            .interfaces
            .get(interface)?;
        self.resolve.id_of(id)
    }

    /// The cases of the package's enum `name` (e.g. `error-code`) in
    /// numbering order; `None` when it has no such enum.
    pub fn enum_cases(&self, name: &str) -> Option<Vec<String>> {
        self.resolve
            .types
            .iter()
            .find_map(|(_, ty)| match &ty.kind {
                TypeDefKind::Enum(e) if ty.name.as_deref() == Some(name) => {
                    Some(e.cases.iter().map(|c| c.name.clone()).collect())
                }
                _ => None,
            })
    }

    /// The value of case `case` of the package's enum `name`.
    pub fn enum_value(&self, name: &str, case: &str) -> Option<u32> {
        let cases = self.enum_cases(name)?;
        cases.iter().position(|c| c == case).map(|p| p as u32)
    }

    /// Every interface of the package: its name (`graph`) and full name
    /// (`wasi:nn/graph@0.2.0-rc-2024-10-28`), the core import module of its
    /// functions.
    pub fn interfaces(&self) -> impl Iterator<Item = (&str, String)> {
        self.resolve.packages[self.package]
            .interfaces
            .iter()
            .map(|(name, &id)| {
                let full = self
                    .resolve
                    .id_of(id)
                    .expect("a package's interface has a name");
                (name.as_str(), full)
            })
    }

    /// The parsed package (it is `self.package_name()` in the resolve).
    pub fn resolve(&self) -> &Resolve {
        &self.resolve
    }

    /// Whether `module` is one of the package's interfaces as a core import
    /// module names it.
    pub fn is_import_module(&self, module: &str) -> bool {
        self.imports.keys().any(|(m, _)| m == module)
    }

    /// The core type wit-component requires for the import `module::name`,
    /// or `None` when the package defines no such function.
    pub fn import(&self, module: &str, name: &str) -> Option<&FuncType> {
        self.imports.get(&(module.to_owned(), name.to_owned()))
    }

    /// Every `(module, name, type)` a module may import from this package.
    pub fn imports(&self) -> impl Iterator<Item = (&str, &str, &FuncType)> {
        self.imports
            .iter()
            .map(|((module, name), ty)| (module.as_str(), name.as_str(), ty))
    }
}

/// Core wasm type of a flattened WIT value on a 32-bit memory.
fn val_type(ty: &WasmType) -> ValType {
    match ty {
        WasmType::I32 | WasmType::Pointer | WasmType::Length => ValType::I32,
        WasmType::I64 | WasmType::PointerOrI64 => ValType::I64,
        WasmType::F32 => ValType::F32,
        WasmType::F64 => ValType::F64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wit_documents_parse() {
        for version in WasiNnVersion::ALL {
            let target = version.wit();
            assert_eq!(
                target.package_name().to_string(),
                format!("wasi:nn@{}", target.version())
            );
            assert_eq!(
                target.interface_name("tensor").unwrap(),
                format!("wasi:nn/tensor@{}", target.version())
            );
            assert_eq!(target.interface_name("nope"), None);
        }
    }

    #[test]
    fn every_folder_is_its_package_version() {
        for version in WasiNnVersion::ALL {
            assert_eq!(version.as_str(), version.wit().version());
        }
        assert_eq!(WasiNnVersion::default(), WasiNnVersion::ALL[0]);
        assert_eq!(WasiNnVersion::default().adapter_feature(), None);
        assert_eq!(
            WasiNnVersion::V2024_08_19.adapter_feature(),
            Some("wit-2024-08-19")
        );
    }

    #[test]
    fn enums_are_read_in_order() {
        let target = WasiNnVersion::default().wit();
        assert_eq!(target.enum_value("graph-encoding", "autodetect"), Some(6));
        assert_eq!(target.enum_value("error-code", "unknown"), Some(8));
        assert_eq!(target.enum_value("error-code", "nope"), None);
        assert_eq!(target.enum_cases("tensor"), None);
    }

    #[test]
    fn versions_parse_from_their_names_only() {
        for version in WasiNnVersion::ALL {
            assert_eq!(version.as_str().parse::<WasiNnVersion>().unwrap(), version);
        }
        let err = "0.2.0-rc-2024-06-25"
            .parse::<WasiNnVersion>()
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("0.2.0-rc-2024-10-28, 0.2.0-rc-2024-08-19"),
            "{err}"
        );
    }

    #[test]
    fn the_08_19_target_has_set_input_and_get_output() {
        let target = WasiNnVersion::V2024_08_19.wit();
        let inference = target.interface_name("inference").unwrap();
        let show = |name: &str| target.import(&inference, name).map(|t| t.to_string());
        assert_eq!(
            show("[method]graph-execution-context.set-input").as_deref(),
            Some("(func (param i32 i32 i32 i32 i32))")
        );
        assert_eq!(
            show("[method]graph-execution-context.compute").as_deref(),
            Some("(func (param i32 i32))")
        );
        assert_eq!(
            show("[method]graph-execution-context.get-output").as_deref(),
            Some("(func (param i32 i32 i32 i32))")
        );
    }

    #[test]
    fn imports_follow_the_canonical_abi() {
        let target = WasiNnVersion::V2024_10_28.wit();
        let graph = target.interface_name("graph").unwrap();
        let tensor = target.interface_name("tensor").unwrap();
        let show = |module: &str, name: &str| target.import(module, name).unwrap().to_string();
        // list<list<u8>> (ptr, len), two enums, return area
        assert_eq!(show(&graph, "load"), "(func (param i32 i32 i32 i32 i32))");
        assert_eq!(
            show(&graph, "[method]graph.init-execution-context"),
            "(func (param i32 i32))"
        );
        // two lists and an enum, returns the new handle
        assert_eq!(
            show(&tensor, "[constructor]tensor"),
            "(func (param i32 i32 i32 i32 i32) (result i32))"
        );
        assert_eq!(show(&tensor, "[resource-drop]tensor"), "(func (param i32))");
        assert!(target.is_import_module(&tensor));
        assert!(target.import(&tensor, "[method]tensor.nope").is_none());
        assert!(!target.is_import_module("wasi:nn/tensor"));
    }

    #[test]
    fn unversioned_package_is_rejected() {
        let err = WitTarget::parse("x.wit", "package a:b; interface i {}").unwrap_err();
        assert!(err.to_string().contains("has no version"), "{err}");
    }
}
