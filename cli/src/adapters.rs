//! The adapters that serve a module's imports: the built-in ones and those
//! the user supplies, and the functions each exports.

use crate::{Componentizer, Kind, LegacyModule, PREVIEW1_MODULE};
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;
use wasi_preview1_component_adapter_provider::{
    WASI_SNAPSHOT_PREVIEW1_COMMAND_ADAPTER, WASI_SNAPSHOT_PREVIEW1_REACTOR_ADAPTER,
};
use wasmparser::{CompositeInnerType, ExternalKind, FuncType, Parser, Payload, TypeRef};

/// The adapter chosen for one import module.
pub(crate) struct Adapter<'a> {
    pub(crate) bytes: &'a [u8],
    pub(crate) description: String,
    /// Whether `bytes` came from [`Componentizer::adapt`].
    pub(crate) overridden: bool,
    /// The exports of a built-in adapter, computed once per process.
    pub(crate) builtin_exports: Option<fn() -> &'static AdapterExports>,
}

/// The exported functions of an adapter module with their types, or why
/// they could not be read.
pub(crate) type AdapterExports = Result<HashMap<String, FuncType>, String>;

fn preview1_command_exports() -> &'static AdapterExports {
    static EXPORTS: OnceLock<AdapterExports> = OnceLock::new();
    EXPORTS.get_or_init(|| function_exports(WASI_SNAPSHOT_PREVIEW1_COMMAND_ADAPTER))
}

fn preview1_reactor_exports() -> &'static AdapterExports {
    static EXPORTS: OnceLock<AdapterExports> = OnceLock::new();
    EXPORTS.get_or_init(|| function_exports(WASI_SNAPSHOT_PREVIEW1_REACTOR_ADAPTER))
}

impl Componentizer {
    /// The adapter for each import module: built-ins first, then overrides
    /// replacing or adding to them.
    pub(crate) fn adapters(&self, kind: Kind) -> BTreeMap<String, Adapter<'_>> {
        let mut adapters = BTreeMap::new();
        adapters.insert(
            LegacyModule::WasiEphemeralNn.name().to_owned(),
            Adapter {
                // Baked (or taken ready-made) when the component is built.
                bytes: nn_adapter_tools::artifact(self.wasi_nn),
                description: format!("the built-in wasi-nn adapter (wasi:nn@{})", self.wasi_nn),
                overridden: false,
                // Imports are checked against the WITX instead.
                builtin_exports: None,
            },
        );
        adapters.insert(
            LegacyModule::WamrWasiNn.name().to_owned(),
            Adapter {
                // Baked with its dialect's tables when the component is built.
                bytes: nn_adapter_tools::artifact_of(self.wasi_nn, LegacyModule::WamrWasiNn),
                description: format!(
                    "the built-in adapter for WAMR's legacy wasi_nn (wasi:nn@{})",
                    self.wasi_nn
                ),
                overridden: false,
                // Imports are checked against WAMR's signatures instead.
                builtin_exports: None,
            },
        );
        let (preview1, flavour, exports): (_, _, fn() -> &'static AdapterExports) = match kind {
            Kind::Command => (
                WASI_SNAPSHOT_PREVIEW1_COMMAND_ADAPTER,
                "command",
                preview1_command_exports,
            ),
            _ => (
                WASI_SNAPSHOT_PREVIEW1_REACTOR_ADAPTER,
                "reactor",
                preview1_reactor_exports,
            ),
        };
        adapters.insert(
            PREVIEW1_MODULE.to_owned(),
            Adapter {
                bytes: preview1,
                description: format!("the official preview1 {flavour} adapter"),
                overridden: false,
                builtin_exports: Some(exports),
            },
        );
        for (name, bytes) in &self.overrides {
            adapters.insert(
                name.clone(),
                Adapter {
                    bytes,
                    description: format!("the adapter supplied for `{name}`"),
                    overridden: true,
                    builtin_exports: None,
                },
            );
        }
        adapters
    }
}

/// The exported functions of an adapter module, with their types.
pub(crate) fn function_exports(adapter: &[u8]) -> AdapterExports {
    let mut types = Vec::new();
    let mut functions = Vec::new();
    let mut exports = HashMap::new();
    for payload in Parser::new(0).parse_all(adapter) {
        match payload.map_err(|e| e.to_string())? {
            Payload::TypeSection(reader) => {
                for group in reader {
                    for sub in group.map_err(|e| e.to_string())?.into_types() {
                        types.push(match sub.composite_type.inner {
                            CompositeInnerType::Func(func) => Some(func),
                            _ => None,
                        });
                    }
                }
            }
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    if let TypeRef::Func(t) | TypeRef::FuncExact(t) =
                        import.map_err(|e| e.to_string())?.ty
                    {
                        functions.push(t);
                    }
                }
            }
            Payload::FunctionSection(reader) => {
                for t in reader {
                    functions.push(t.map_err(|e| e.to_string())?);
                }
            }
            Payload::ExportSection(reader) => {
                for export in reader {
                    let export = export.map_err(|e| e.to_string())?;
                    if export.kind != ExternalKind::Func {
                        continue;
                    }
                    let func = functions
                        .get(export.index as usize)
                        .and_then(|t| types.get(*t as usize))
                        .and_then(Option::as_ref);
                    if let Some(func) = func {
                        exports.insert(export.name.to_owned(), func.clone());
                    }
                }
            }
            _ => {}
        }
    }
    Ok(exports)
}
