//! Turns legacy wasi-nn core modules into `wasi:nn` components.
//!
//! A legacy module imports the WITX-era `wasi_ephemeral_nn` functions and
//! usually `wasi_snapshot_preview1`. [`Componentizer`] checks every import
//! against the adapters it knows (ours for `wasi_ephemeral_nn`, the official
//! preview1 adapter for `wasi_snapshot_preview1`) so that problems are reported
//! in the legacy module's own terms, then hands the module to
//! `wit_component::ComponentEncoder`, which splices the adapters in and trims
//! them to the functions the module actually uses.
//!
//! ```no_run
//! let legacy = std::fs::read("legacy.wasm")?;
//! let component = nn_componentize::Componentizer::new().componentize(&legacy)?;
//! std::fs::write("component.wasm", component)?;
//! # anyhow::Ok(())
//! ```

mod adapters;
mod component;
mod dialect;
mod error;
mod escape;
mod features;
mod inspect;
mod legacy;
mod model_names;
mod read;
mod start;
mod validate;

use anyhow::Context;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use wasi_preview1_component_adapter_provider::WASI_SNAPSHOT_PREVIEW1_ADAPTER_NAME;

pub use component::{Adaptation, ComponentInfo, ADAPTED_SECTION};
pub use error::{Error, Problem};
pub use inspect::{ImportItem, ImportModule, Inspection};
pub use model_names::{baked_names, read_model_names, MAX_MODEL_SIZE};
pub use nn_abi::{Dialect, LegacyModule, WasiNnVersion};
pub use nn_adapter_tools::{GraphNames, NameTable};

/// The custom section of a component that lists the tensor names baked into
/// its adapter ([`NameTable::encode`] format), for `inspect`.
pub const NAMES_SECTION: &str = "nn-componentize:names";
pub use read::wasm_binary;

/// Import module of WASI preview1.
pub const PREVIEW1_MODULE: &str = WASI_SNAPSHOT_PREVIEW1_ADAPTER_NAME;

/// Which preview1 adapter to use, and so which world the component targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    /// A program: the command adapter turns `_start` into `wasi:cli/run`.
    Command,
    /// A library: the reactor adapter exports nothing of its own.
    Reactor,
    /// Command if the module exports `_start`, reactor otherwise.
    #[default]
    Auto,
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Kind::Command => "command",
            Kind::Reactor => "reactor",
            Kind::Auto => "auto",
        })
    }
}

/// Converts legacy core modules into components.
///
/// Built with [`Componentizer::new`] and the builder methods; one value can
/// convert any number of modules.
#[derive(Debug, Clone)]
pub struct Componentizer {
    overrides: BTreeMap<String, Vec<u8>>,
    kind: Kind,
    wasi_nn: WasiNnVersion,
    /// `None`: detected per module ([`Inspection::dialect`]).
    dialect: Option<Dialect>,
    names: NameTable,
    validate: bool,
}

impl Default for Componentizer {
    fn default() -> Self {
        Self::new()
    }
}

/// A successful conversion.
#[derive(Debug, Clone)]
pub struct Componentized {
    /// The component, in binary form.
    pub component: Vec<u8>,
    /// Things the user should know that do not prevent the conversion
    /// (for example: the module does not use wasi-nn at all).
    pub notes: Vec<String>,
    /// Things that make the component likely to fail at run time (for
    /// example: a memory that cannot grow as the adapters need).
    pub warnings: Vec<String>,
}

impl Componentizer {
    /// A componentizer with the built-in adapters, automatic kind and
    /// validation of the output enabled.
    pub fn new() -> Self {
        Componentizer {
            overrides: BTreeMap::new(),
            kind: Kind::Auto,
            wasi_nn: WasiNnVersion::default(),
            dialect: None,
            names: NameTable::default(),
            validate: true,
        }
    }

    /// Uses `adapter` (a core wasm adapter module) for imports from module
    /// `name`, replacing the built-in one if there is one, like
    /// `wasm-tools component new --adapt`.
    pub fn adapt(mut self, name: impl Into<String>, adapter: impl Into<Vec<u8>>) -> Self {
        self.overrides.insert(name.into(), adapter.into());
        self
    }

    /// Chooses the preview1 adapter; [`Kind::Auto`] (the default) picks the
    /// command adapter when the module exports `_start`.
    pub fn kind(mut self, kind: Kind) -> Self {
        self.kind = kind;
        self
    }

    /// The `wasi:nn` WIT version the built-in wasi-nn adapter imports
    /// (default: the newest, [`WasiNnVersion::default`]).
    pub fn wasi_nn(mut self, version: WasiNnVersion) -> Self {
        self.wasi_nn = version;
        self
    }

    /// The numbering the module was built with (see [`Dialect`]). Without
    /// this, each module's dialect is detected from what it carries
    /// ([`Inspection::dialect`]), and is [`Dialect::default`] when it
    /// carries no evidence.
    pub fn dialect(mut self, dialect: Dialect) -> Self {
        self.dialect = Some(dialect);
        self
    }

    /// Bakes the tensor names of the graph called `graph` into the adapter,
    /// so that a guest's `load_by_name(graph)` sends real names instead of
    /// decimal indices (see [`read_model_names`] to read them from a model).
    /// The component then also carries the table in its
    /// [`NAMES_SECTION`] custom section, which `inspect` lists.
    pub fn graph_names(mut self, graph: &str, names: GraphNames) -> anyhow::Result<Self> {
        self.names.insert(graph, names)?;
        Ok(self)
    }

    /// Whether the component produced is validated, as wit-component's
    /// `validate` does (default: on). The module itself is always
    /// validated; turning this off only saves time, it never makes a bad
    /// component acceptable to a runtime.
    pub fn validate(mut self, validate: bool) -> Self {
        self.validate = validate;
        self
    }

    /// Converts `module` (binary, or WebAssembly text) into a component.
    pub fn componentize(&self, module: &[u8]) -> anyhow::Result<Vec<u8>> {
        self.componentize_with_notes(module).map(|c| c.component)
    }

    /// Like [`Componentizer::componentize`], also returning notes and
    /// warnings for the user.
    pub fn componentize_with_notes(&self, module: &[u8]) -> anyhow::Result<Componentized> {
        let binary = read::wasm_binary(module, None)?;
        let (facts, bodies) = read::read_module(&binary)?;
        let inspection = self.inspect_facts(&facts);
        let through_code = facts.through_code;
        if let Err(unadaptable) = inspection.verdict() {
            bodies.validate()?;
            return Err(unadaptable.into());
        }
        tracing::debug!(kind = %inspection.kind, reason = %inspection.kind_reason, "adapting");
        // The bodies are validated on a second thread while wit-component
        // builds the component (it reads the module's other sections only);
        // an invalid body is still the error reported, as if it came first.
        let component = std::thread::scope(|scope| {
            let validating = scope.spawn(|| bodies.validate());
            let encoded = match inspection.entry_from_start {
                Some(start) => start::export_start_as_entry(&binary, start).map(Cow::Owned),
                None => Ok(Cow::Borrowed(&binary[..])),
            }
            .and_then(|adapted| {
                let adaptation = inspection.uses_nn().then_some(Adaptation {
                    dialect: inspection.dialect,
                    wasi_nn: self.wasi_nn,
                });
                self.encode(&adapted, inspection.kind, &inspection.modules, adaptation)
            });
            let validated = validating
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            validated.and(encoded)
        })?;
        if self.validate {
            validate::component(&component, through_code)
                .context("wit-component failed to build the component")?;
        }
        tracing::debug!(bytes = component.len(), "component built");
        Ok(Componentized {
            component,
            notes: inspection.notes,
            warnings: inspection.warnings,
        })
    }

    /// Runs wit-component on `binary` with the adapters (wit-component trims
    /// each to the functions `imported` from it), and records `adaptation` (for a module importing
    /// `wasi_ephemeral_nn`) in the [`ADAPTED_SECTION`]. The output is
    /// validated by the caller ([`validate::component`]).
    fn encode(
        &self,
        binary: &[u8],
        kind: Kind,
        imported: &[ImportModule],
        adaptation: Option<Adaptation>,
    ) -> anyhow::Result<Vec<u8>> {
        let dialect = adaptation.map_or(Dialect::default(), |a| a.dialect);
        let mut encoder = wit_component::ComponentEncoder::default()
            .validate(false)
            .module(binary)
            .context("wit-component rejected the module")?;
        // Every adapter is registered but the built-in wasi-nn adapters of
        // modules not imported, so that no process bakes one it does not use
        // (wit-component drops unused adapters; the preview1 one, which
        // gives a command its `run` export, is kept whether imported or not).
        let custom = !self.names.is_empty() || dialect != Dialect::default();
        for (name, adapter) in self.adapters(kind) {
            let builtin = LegacyModule::named(&name).filter(|_| !adapter.overridden);
            if builtin.is_some() && !imported.iter().any(|module| module.name == name) {
                continue;
            }
            let baked;
            // A built-in adapter's bytes are its unbaked artifact.
            let bytes = match builtin {
                Some(LegacyModule::WasiEphemeralNn) if !custom => {
                    nn_adapter_tools::adapter(self.wasi_nn)
                }
                Some(_) => {
                    baked =
                        nn_adapter_tools::bake(adapter.bytes, self.wasi_nn, &self.names, dialect)?;
                    &baked[..]
                }
                None => adapter.bytes,
            };
            tracing::debug!(module = %name, adapter = %adapter.description, bytes = bytes.len(), "registering adapter");
            encoder = encoder
                .adapter(&name, bytes)
                .with_context(|| format!("wit-component rejected {}", adapter.description))?;
        }
        let mut component = encoder
            .encode()
            .context("wit-component failed to build the component")?;
        use wasm_encoder::ComponentSection as _;
        if let Some(adaptation) = adaptation {
            wasm_encoder::CustomSection {
                name: ADAPTED_SECTION.into(),
                data: adaptation.encode().into_bytes().into(),
            }
            .append_to_component(&mut component);
        }
        if !self.names.is_empty() {
            wasm_encoder::CustomSection {
                name: NAMES_SECTION.into(),
                data: self.names.encode().into(),
            }
            .append_to_component(&mut component);
        }
        Ok(component)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_bodies_are_reported_first_with_or_without_output_validation() {
        // A body type error, in a module that is otherwise fine and in one
        // that also has an import no adapter serves.
        for wat in [
            "(module (func (result i32)))",
            r#"(module (import "env" "f" (func)) (func (result i32)))"#,
        ] {
            let wasm = wat::parse_str(wat).unwrap();
            for validate in [true, false] {
                let err = Componentizer::new()
                    .validate(validate)
                    .componentize(&wasm)
                    .unwrap_err()
                    .to_string();
                assert!(
                    err.starts_with("not a valid WebAssembly module: type mismatch"),
                    "validate({validate}), {wat}: {err}"
                );
            }
            assert!(Componentizer::new().inspect(&wasm).is_err());
        }
    }
}
