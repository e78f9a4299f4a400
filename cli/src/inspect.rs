//! What a module imports, which adapter serves each import, and why an
//! import cannot be served.

use crate::adapters::{function_exports, Adapter, AdapterExports};
use crate::escape::{escaped, Escaped};
use crate::read::{self, CalledAs, ModuleFacts, TypeForm};
use crate::{
    dialect, legacy, Componentizer, Dialect, Error, Kind, LegacyModule, Problem, PREVIEW1_MODULE,
};
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use wasmparser::{FuncType, TypeRef, ValType};

/// What [`Componentizer::inspect`] found out about a module.
#[derive(Debug, Clone)]
pub struct Inspection {
    /// The resolved kind: never [`Kind::Auto`].
    pub kind: Kind,
    /// Why that kind was chosen.
    pub kind_reason: String,
    /// The numbering the module's wasi-nn values are read in.
    pub dialect: Dialect,
    /// Why that dialect was chosen.
    pub dialect_reason: String,
    /// Imports grouped by module, in the order modules first appear.
    pub modules: Vec<ImportModule>,
    /// Notes that [`Componentizer::componentize_with_notes`] would report.
    pub notes: Vec<String>,
    /// Warnings that it would report: the component builds but is likely to
    /// fail at run time.
    pub warnings: Vec<String>,
    /// Problems of the module as a whole (its memory, exports, types), which
    /// wit-component would otherwise report in its own terms.
    pub module_problems: Vec<Problem>,
    /// The start function that is exported as `_start` (and no longer run
    /// as a start function) to make the module a command.
    pub entry_from_start: Option<u32>,
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
        self.module_problems.iter().chain(
            self.modules
                .iter()
                .flat_map(|m| &m.imports)
                .filter_map(|i| i.problem.as_ref()),
        )
    }

    /// The conversion's verdict: `Ok` exactly when it succeeds, else the
    /// error it fails with.
    pub fn verdict(&self) -> Result<(), Error> {
        let problems: Vec<Problem> = self.problems().cloned().collect();
        match problems.is_empty() {
            true => Ok(()),
            false => Err(Error::Unadaptable(problems)),
        }
    }

    /// Whether the module imports anything from a legacy wasi-nn module
    /// (`wasi_ephemeral_nn` or WAMR's `wasi_nn`).
    pub fn uses_nn(&self) -> bool {
        !legacy::imported(self.modules.iter().map(|m| m.name.as_str())).is_empty()
    }
}

impl fmt::Display for Inspection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "kind: {} ({})", self.kind, self.kind_reason)?;
        if self.uses_nn() {
            writeln!(f, "dialect: {} ({})", self.dialect, self.dialect_reason)?;
        }
        if self.modules.is_empty() {
            writeln!(f, "imports: none")?;
        }
        for module in &self.modules {
            let name = Escaped(&module.name);
            match &module.adapter {
                Some(adapter) => writeln!(f, "{name}: served by {adapter}")?,
                None => writeln!(f, "{name}: no adapter serves this module")?,
            }
            let names: Vec<String> = module.imports.iter().map(|i| escaped(&i.name)).collect();
            let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
            for (import, name) in module.imports.iter().zip(&names) {
                write!(f, "  {name:width$}  {}", import.ty)?;
                match &import.problem {
                    Some(Problem::NoAdapter { .. }) | None => writeln!(f)?,
                    Some(problem) => writeln!(f, "\n    error: {problem}")?,
                }
            }
        }
        for problem in &self.module_problems {
            writeln!(f, "error: {problem}")?;
        }
        for warning in &self.warnings {
            writeln!(f, "warning: {warning}")?;
        }
        for note in &self.notes {
            writeln!(f, "note: {note}")?;
        }
        match self.problems().count() {
            0 => writeln!(f, "result: can be componentized"),
            1 => writeln!(f, "result: cannot be componentized (1 problem)"),
            n => writeln!(f, "result: cannot be componentized ({n} problems)"),
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
        let (facts, bodies) = read::read_module(&binary)?;
        bodies.validate()?;
        Ok(self.inspect_facts(&facts))
    }

    /// The kind, why, and the start function to export as `_start`.
    ///
    /// A program whose `main` runs from the start section (AssemblyScript's
    /// `as-wasi-nn` examples are) exports no `_start`; as a reactor nothing
    /// would run it at the right time, so it becomes a command whose
    /// `_start` is the start function, when that takes and returns nothing.
    fn resolve_kind(&self, facts: &ModuleFacts) -> (Kind, String, Option<u32>) {
        let entry_from_start = match (facts.start_export, facts.start_function) {
            (None, Some(start)) => facts
                .function_type(start)
                .filter(|(func, _)| func.params().is_empty() && func.results().is_empty())
                .map(|_| start),
            _ => None,
        };
        let from_start = "its start function becomes `_start`";
        match (self.kind, entry_from_start) {
            (Kind::Command, Some(start)) => (
                Kind::Command,
                format!("requested; {from_start}"),
                Some(start),
            ),
            (Kind::Command, None) => (Kind::Command, "requested".into(), None),
            (Kind::Reactor, _) => (Kind::Reactor, "requested".into(), None),
            (Kind::Auto, _) if facts.start_export.is_some() => {
                (Kind::Command, "exports `_start`".into(), None)
            }
            (Kind::Auto, Some(start)) => (
                Kind::Command,
                format!("no `_start`, but a start function: {from_start}"),
                Some(start),
            ),
            (Kind::Auto, None) => (Kind::Reactor, "does not export `_start`".into(), None),
        }
    }

    /// Problems of the module as a whole, checked here so that `inspect`
    /// and `componentize` agree and wit-component never reports them: what
    /// it exports for the adapters and wit-component to call, and the
    /// memory the adapters use (the limits of [`crate::features`]).
    fn module_problems(
        &self,
        facts: &ModuleFacts,
        kind: Kind,
        entry_from_start: Option<u32>,
        uses_adapter: bool,
    ) -> Vec<Problem> {
        let mut problems = Vec::new();
        if let Some(message) = &facts.component_type_error {
            problems.push(Problem::BadComponentType {
                message: message.clone(),
            });
        }
        if uses_adapter {
            match facts.memory {
                None => problems.push(Problem::NoMemoryExport),
                Some(memory) => {
                    if memory.shared {
                        problems.push(Problem::SharedMemory);
                    }
                    if memory.memory64 {
                        problems.push(Problem::Memory64);
                    }
                }
            }
        }
        let check_export = |name: &'static str, index, expected: FuncType, why| {
            let (func, form) = facts.function_type(index)?;
            if *func != expected {
                Some(Problem::WrongExportType {
                    name,
                    expected: format_signature(expected.params(), expected.results()),
                    found: format_signature(func.params(), func.results()),
                    why,
                })
            } else {
                form_problem(|| format!("the `{name}` export"), form)
            }
        };
        if kind == Kind::Command {
            match (facts.start_export, entry_from_start) {
                (Some(start), _) => problems.extend(check_export(
                    "_start",
                    start,
                    FuncType::new([], []),
                    "the preview1 command adapter",
                )),
                (None, Some(start)) => problems.extend(
                    facts
                        .function_type(start)
                        .and_then(|(_, form)| form_problem(|| "the start function".into(), form)),
                ),
                (None, None) => problems.push(Problem::NoEntryPoint),
            }
        }
        for &(name, index, called_as) in &facts.called_exports {
            let (expected, why) = match called_as {
                CalledAs::Initializer => (FuncType::new([], []), "wit-component"),
                CalledAs::Realloc => (
                    FuncType::new([ValType::I32; 4], [ValType::I32]),
                    "the canonical ABI",
                ),
            };
            problems.extend(check_export(name, index, expected, why));
        }
        if facts.memory_exports > 1 {
            problems.push(Problem::TwoMemoryExports);
        }
        problems
    }

    pub(crate) fn inspect_facts(&self, facts: &ModuleFacts) -> Inspection {
        let (kind, kind_reason, entry_from_start) = self.resolve_kind(facts);
        let dialect = dialect::resolve(self.dialect, facts);
        let adapters = self.adapters(kind);
        // Exports of supplied adapters, parsed once per module that needs
        // them (those of built-in adapters are parsed once per process).
        let mut adapter_exports: HashMap<&str, AdapterExports> = HashMap::new();
        let mut modules: Vec<ImportModule> = Vec::new();

        for &(module, name, ty) in &facts.imports {
            let (func, form) = match ty {
                TypeRef::Func(index) => match facts.func_type(index) {
                    Some((func, form)) => (Some(func), form),
                    None => (None, TypeForm::Plain),
                },
                _ => (None, TypeForm::Plain),
            };
            let ty_text = match func {
                Some(func) => format_signature(func.params(), func.results()),
                None => kind_name(ty).to_owned(),
            };
            let adapter = adapters.get(module);
            // A legacy wasi-nn module served by its built-in adapter: its
            // imports are checked against the ABI instead of the exports.
            let builtin_legacy =
                LegacyModule::named(module).filter(|_| adapter.is_some_and(|a| !a.overridden));
            let problem = match (adapter, func) {
                (Some(_), Some(_)) if form != TypeForm::Plain => form_problem(
                    || format!("the import `{}::{}`", Escaped(module), Escaped(name)),
                    form,
                ),
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
                (Some(adapter), Some(func)) => match builtin_legacy {
                    Some(legacy) => check_nn_import(legacy, name, func, dialect.dialect),
                    None => {
                        let exports = match adapter.builtin_exports {
                            Some(exports) => exports(),
                            None => adapter_exports
                                .entry(module)
                                .or_insert_with(|| function_exports(adapter.bytes)),
                        };
                        check_adapter_import(module, name, func, exports)
                    }
                },
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

        let uses_adapter = modules.iter().any(|m| adapters.contains_key(&m.name));
        let mut module_problems = self.module_problems(facts, kind, entry_from_start, uses_adapter);
        module_problems.extend(legacy_module_problem(&modules, dialect.dialect, &adapters));
        let mut notes: Vec<String> = dialect.note.into_iter().collect();
        if entry_from_start.is_some() {
            notes.push(
                "the module has a start function and no `_start`: the start function is \
                 exported as `_start` and runs when the command runs, not at instantiation"
                    .to_owned(),
            );
        }
        if legacy::imported(modules.iter().map(|m| m.name.as_str())).is_empty() {
            notes.push(format!(
                "the module imports nothing from `{}`; only `{PREVIEW1_MODULE}` is adapted",
                legacy::module()
            ));
        }
        let warnings = memory_warning(facts, &modules, &adapters)
            .into_iter()
            .collect();
        Inspection {
            kind,
            kind_reason,
            dialect: dialect.dialect,
            dialect_reason: dialect.reason,
            modules,
            notes,
            warnings,
            module_problems,
            entry_from_start,
        }
    }
}

/// Pages each built-in adapter takes from the module's memory with
/// `memory.grow` when the component starts: one for the shadow stack
/// wit-component gives it (`allocate_stack`) and one for its state. The
/// wasi-nn adapter's tensor arena starts in its state page and grows by
/// further pages for large tensors.
const PAGES_PER_ADAPTER: u64 = 2;

/// A warning when the memory's maximum leaves the built-in adapters in use
/// fewer pages than they take: the component would trap at start-up.
fn memory_warning(
    facts: &ModuleFacts,
    modules: &[ImportModule],
    adapters: &BTreeMap<String, Adapter>,
) -> Option<String> {
    let memory = facts.memory?;
    let maximum = memory.maximum?;
    let builtin = modules
        .iter()
        .filter(|m| adapters.get(&m.name).is_some_and(|a| !a.overridden))
        .count() as u64;
    let needed = builtin * PAGES_PER_ADAPTER;
    let free = maximum.saturating_sub(memory.initial);
    (free < needed).then(|| {
        format!(
            "the module's memory cannot grow beyond {maximum} pages ({} declared), but the \
             adapters take {needed} pages with memory.grow at start-up ({PAGES_PER_ADAPTER} \
             each: shadow stack and state) and the component will trap; raise or remove the \
             memory's maximum",
            memory.initial
        )
    })
}

/// Why `what`, a function of type form `form` linked to an adapter or
/// called by wit-component, cannot be linked: only plain types match.
fn form_problem(what: impl FnOnce() -> String, form: TypeForm) -> Option<Problem> {
    match form {
        TypeForm::Plain => None,
        TypeForm::InRecGroup(types) => Some(Problem::RecGroupType {
            what: what(),
            types,
        }),
        TypeForm::NonFinal => Some(Problem::NonFinalType { what: what() }),
        TypeForm::WithSupertype => Some(Problem::SupertypeType { what: what() }),
    }
}

/// The one line refusing a module that imports two legacy modules, or
/// whose dialect is that of a module it does not import (each component
/// has one wasi-nn adapter, of one module).
fn legacy_module_problem(
    modules: &[ImportModule],
    dialect: Dialect,
    adapters: &BTreeMap<String, Adapter>,
) -> Option<Problem> {
    let builtin = |m: &LegacyModule| adapters.get(m.name()).is_some_and(|a| !a.overridden);
    let imported: Vec<LegacyModule> = legacy::imported(modules.iter().map(|m| m.name.as_str()))
        .into_iter()
        .filter(builtin)
        .collect();
    match imported.as_slice() {
        [] => None,
        [one] if *one == dialect.legacy_module() => None,
        [one] => Some(Problem::DialectOfOtherModule {
            dialect,
            imported: one.name(),
        }),
        [..] => Some(Problem::TwoLegacyModules {
            modules: imported.iter().map(|m| m.name()).collect(),
        }),
    }
}

/// Checks an import of a legacy module against its functions: for
/// `wasi_ephemeral_nn` the WITX's and, for the dialects that have them,
/// WasmEdge's additions; for `wasi_nn` WAMR's.
fn check_nn_import(
    module: LegacyModule,
    name: &str,
    func: &FuncType,
    dialect: Dialect,
) -> Option<Problem> {
    let wasmedge = match module {
        LegacyModule::WasiEphemeralNn => legacy::wasmedge_function(name),
        LegacyModule::WamrWasiNn => None,
    };
    let expected = match (module.function(name), wasmedge) {
        (Some(f), _) => f,
        (None, Some(f)) if dialect.has_wasmedge_function(name) => f,
        (None, _) => {
            return Some(Problem::UnknownNnFunction {
                module,
                name: name.into(),
                defined_by: wasmedge.map(|_| Dialect::WasmEdge),
                chosen: dialect,
            })
        }
    };
    if *func == expected.ty {
        return None;
    }
    Some(Problem::WrongSignature {
        module: module.name().into(),
        name: name.into(),
        expected: format_signature(expected.ty.params(), expected.ty.results()),
        found: format_signature(func.params(), func.results()),
        source: match module {
            LegacyModule::WasiEphemeralNn => "from the wasi_ephemeral_nn WITX",
            LegacyModule::WamrWasiNn => "from WAMR's wasi_nn.h",
        },
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
