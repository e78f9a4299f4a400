//! What a module imports, which adapter serves each import, and why an
//! import cannot be served.

use crate::adapters::{function_exports, AdapterExports};
use crate::read::{self, ModuleFacts};
use crate::{legacy, Componentizer, Kind, Problem, PREVIEW1_MODULE};
use std::collections::HashMap;
use std::fmt;
use wasmparser::{FuncType, TypeRef, ValType};

/// What [`Componentizer::inspect`] found out about a module.
#[derive(Debug, Clone)]
pub struct Inspection {
    /// The resolved kind: never [`Kind::Auto`].
    pub kind: Kind,
    /// Why that kind was chosen.
    pub kind_reason: String,
    /// Imports grouped by module, in the order modules first appear.
    pub modules: Vec<ImportModule>,
    /// Notes that [`Componentizer::componentize_with_notes`] would report.
    pub notes: Vec<String>,
}

/// The imports of one module.
#[derive(Debug, Clone)]
pub struct ImportModule {
    /// Module name as written in the import section.
    pub name: String,
    /// The adapter serving this module, described for humans; `None` when
    /// no adapter serves it.
    pub adapter: Option<String>,
    /// The imports from this module, in import-section order.
    pub imports: Vec<ImportItem>,
}

/// One import of the module.
#[derive(Debug, Clone)]
pub struct ImportItem {
    /// Field name of the import.
    pub name: String,
    /// The import's type: a core signature like `(i32) -> i32`, or a kind.
    pub ty: String,
    /// Why it cannot be served, or `None` when an adapter serves it.
    pub problem: Option<Problem>,
}

impl Inspection {
    /// Every problem found, in import order.
    pub fn problems(&self) -> impl Iterator<Item = &Problem> {
        self.modules
            .iter()
            .flat_map(|m| &m.imports)
            .filter_map(|i| i.problem.as_ref())
    }

    /// Whether the module imports anything from `wasi_ephemeral_nn`.
    pub fn uses_nn(&self) -> bool {
        self.modules.iter().any(|m| m.name == legacy::module())
    }
}

impl fmt::Display for Inspection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "kind: {} ({})", self.kind, self.kind_reason)?;
        if self.modules.is_empty() {
            writeln!(f, "imports: none")?;
        }
        for module in &self.modules {
            match &module.adapter {
                Some(adapter) => writeln!(f, "{}: served by {adapter}", module.name)?,
                None => writeln!(f, "{}: no adapter serves this module", module.name)?,
            }
            let width = module
                .imports
                .iter()
                .map(|i| i.name.len())
                .max()
                .unwrap_or(0);
            for import in &module.imports {
                write!(f, "  {:width$}  {}", import.name, import.ty)?;
                match &import.problem {
                    Some(Problem::NoAdapter { .. }) | None => writeln!(f)?,
                    Some(problem) => writeln!(f, "\n    error: {problem}")?,
                }
            }
        }
        for note in &self.notes {
            writeln!(f, "note: {note}")?;
        }
        let problems = self.problems().count();
        if problems == 0 {
            writeln!(f, "result: can be componentized")
        } else {
            writeln!(
                f,
                "result: cannot be componentized ({problems} unservable imports)"
            )
        }
    }
}

impl Componentizer {
    /// Lists the module's imports, which adapter serves each (or why none
    /// can), and whether it becomes a command or a reactor.
    ///
    /// Fails only when the input is not a valid core module.
    pub fn inspect(&self, module: &[u8]) -> anyhow::Result<Inspection> {
        let binary = read::wasm_binary(module, None)?;
        let facts = read::read_module(&binary)?;
        Ok(self.inspect_facts(&facts))
    }

    fn resolve_kind(&self, facts: &ModuleFacts) -> (Kind, String) {
        match self.kind {
            Kind::Command => (Kind::Command, "requested".into()),
            Kind::Reactor => (Kind::Reactor, "requested".into()),
            Kind::Auto if facts.exports_start => (Kind::Command, "exports `_start`".into()),
            Kind::Auto => (Kind::Reactor, "does not export `_start`".into()),
        }
    }

    pub(crate) fn inspect_facts(&self, facts: &ModuleFacts) -> Inspection {
        let (kind, kind_reason) = self.resolve_kind(facts);
        let adapters = self.adapters(kind);
        // Exports of supplied adapters, parsed once per module that needs
        // them (those of built-in adapters are parsed once per process).
        let mut adapter_exports: HashMap<&str, AdapterExports> = HashMap::new();
        let mut modules: Vec<ImportModule> = Vec::new();

        for &(module, name, ty) in &facts.imports {
            let func = match ty {
                TypeRef::Func(index) | TypeRef::FuncExact(index) => {
                    facts.types.get(index as usize).and_then(Option::as_ref)
                }
                _ => None,
            };
            let ty_text = match (ty, func) {
                (TypeRef::Func(_) | TypeRef::FuncExact(_), Some(func)) => {
                    format_signature(func.params(), func.results())
                }
                _ => kind_name(ty).to_owned(),
            };
            let adapter = adapters.get(module);
            let problem = match (adapter, func) {
                (None, _) if facts.has_component_type => None,
                (None, _) => Some(Problem::NoAdapter {
                    module: module.into(),
                    name: name.into(),
                }),
                (Some(_), None) => Some(Problem::NotAFunction {
                    module: module.into(),
                    name: name.into(),
                    kind: kind_name(ty),
                }),
                (Some(adapter), Some(func))
                    if module == legacy::module() && !adapter.overridden =>
                {
                    check_nn_import(name, func)
                }
                (Some(adapter), Some(func)) => {
                    let exports = match adapter.builtin_exports {
                        Some(exports) => exports(),
                        None => adapter_exports
                            .entry(module)
                            .or_insert_with(|| function_exports(adapter.bytes)),
                    };
                    check_adapter_import(module, name, func, exports)
                }
            };
            let item = ImportItem {
                name: name.into(),
                ty: ty_text,
                problem,
            };
            match modules.iter_mut().find(|m| m.name == module) {
                Some(m) => m.imports.push(item),
                None => modules.push(ImportModule {
                    name: module.into(),
                    adapter: match adapter {
                        Some(a) => Some(a.description.clone()),
                        None if facts.has_component_type => {
                            Some("the module's own WIT (component-type section)".into())
                        }
                        None => None,
                    },
                    imports: vec![item],
                }),
            }
        }

        let mut notes = Vec::new();
        if !modules.iter().any(|m| m.name == legacy::module()) {
            notes.push(format!(
                "the module imports nothing from `{}`; only `{PREVIEW1_MODULE}` is adapted",
                legacy::module()
            ));
        }
        Inspection {
            kind,
            kind_reason,
            modules,
            notes,
        }
    }
}

/// Checks a `wasi_ephemeral_nn` import against the ABI of the WITX.
fn check_nn_import(name: &str, func: &FuncType) -> Option<Problem> {
    let Some(expected) = legacy::function(name) else {
        return Some(Problem::UnknownNnFunction {
            name: name.into(),
            dialect: legacy::dialect_of(name),
        });
    };
    if *func == expected.ty {
        return None;
    }
    Some(Problem::WrongSignature {
        module: legacy::module().into(),
        name: name.into(),
        expected: format_signature(expected.ty.params(), expected.ty.results()),
        found: format_signature(func.params(), func.results()),
        source: "from the wasi_ephemeral_nn WITX",
    })
}

/// Checks an import against what the adapter for its module exports.
fn check_adapter_import(
    module: &str,
    name: &str,
    func: &FuncType,
    exports: &AdapterExports,
) -> Option<Problem> {
    // An adapter that does not even parse is reported by wit-component when
    // it is registered, with its own message.
    let exports = exports.as_ref().ok()?;
    match exports.get(name) {
        None => Some(Problem::NotExportedByAdapter {
            module: module.into(),
            name: name.into(),
        }),
        Some(exported) if exported == func => None,
        Some(exported) => Some(Problem::WrongSignature {
            module: module.into(),
            name: name.into(),
            expected: format_signature(exported.params(), exported.results()),
            found: format_signature(func.params(), func.results()),
            source: "as the adapter exports it",
        }),
    }
}

fn kind_name(ty: TypeRef) -> &'static str {
    match ty {
        TypeRef::Func(_) | TypeRef::FuncExact(_) => "function",
        TypeRef::Table(_) => "table",
        TypeRef::Memory(_) => "memory",
        TypeRef::Global(_) => "global",
        TypeRef::Tag(_) => "tag",
    }
}

/// Formats a core function type as `(i32, i32) -> i32`, the form messages use.
pub(crate) fn format_signature(params: &[ValType], results: &[ValType]) -> String {
    let join = |types: &[ValType]| {
        types
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    match results {
        [] => format!("({})", join(params)),
        [one] => format!("({}) -> {one}", join(params)),
        many => format!("({}) -> ({})", join(params), join(many)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_format_like_the_errors_say() {
        let i32 = ValType::I32;
        assert_eq!(format_signature(&[i32, i32], &[i32]), "(i32, i32) -> i32");
        assert_eq!(format_signature(&[], &[]), "()");
    }
}
