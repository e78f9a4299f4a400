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

impl WitTarget {
    /// `wasi:nn` as `wit/0.2.0-rc-2024-10-28/wasi-nn.wit` defines it: the package the adapter
    /// imports and the host implements.
    pub fn adapter() -> &'static WitTarget {
        static TARGET: OnceLock<WitTarget> = OnceLock::new();
        // The document is compiled in and parsed by a unit test, so this
        // cannot fail at run time.
        TARGET.get_or_init(|| {
            WitTarget::parse(
                "wit/0.2.0-rc-2024-10-28/wasi-nn.wit",
                include_str!("../../../wit/0.2.0-rc-2024-10-28/wasi-nn.wit"),
            )
            .expect("the embedded WIT document parses")
        })
    }

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
    fn wit_document_parses() {
        let target = WitTarget::adapter();
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

    #[test]
    fn imports_follow_the_canonical_abi() {
        let target = WitTarget::adapter();
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
