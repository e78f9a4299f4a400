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

mod legacy;

use anyhow::Context;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::sync::OnceLock;
use wasi_preview1_component_adapter_provider::{
    WASI_SNAPSHOT_PREVIEW1_ADAPTER_NAME, WASI_SNAPSHOT_PREVIEW1_COMMAND_ADAPTER,
    WASI_SNAPSHOT_PREVIEW1_REACTOR_ADAPTER,
};
use wasmparser::{
    CompositeInnerType, ExternalKind, FuncType, Parser, Payload, TypeRef, ValidPayload, Validator,
    WasmFeatures,
};

pub use legacy::{LegacyFunction, LEGACY_FUNCTIONS};

/// Import module of the legacy wasi-nn ABI.
pub const NN_MODULE: &str = "wasi_ephemeral_nn";
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
}

/// Why a module cannot be turned into a component.
///
/// Returned inside the `anyhow::Error` of [`Componentizer::componentize`], so
/// callers can `downcast_ref::<Error>()` to tell these apart from I/O or
/// encoder failures.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Error {
    /// The input is already a component.
    AlreadyComponent,
    /// Some imports cannot be served by any adapter.
    Unadaptable(Vec<Problem>),
}

impl std::error::Error for Error {}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::AlreadyComponent => f.write_str("already a component; nothing to adapt"),
            Error::Unadaptable(problems) => {
                let lines = problem_lines(problems);
                match lines.as_slice() {
                    [one] => f.write_str(one),
                    many => {
                        write!(f, "{} problems prevent adapting this module:", many.len())?;
                        for line in many {
                            write!(f, "\n  - {line}")?;
                        }
                        Ok(())
                    }
                }
            }
        }
    }
}

/// One line per problem, except that all imports from unserved modules are
/// folded into a single line listing the modules, since they share one cause.
fn problem_lines(problems: &[Problem]) -> Vec<String> {
    let mut lines = Vec::new();
    let mut unserved: Vec<(&str, Vec<&str>)> = Vec::new();
    for problem in problems {
        match problem {
            Problem::NoAdapter { module, name } => {
                match unserved.iter_mut().find(|(m, _)| m == module) {
                    Some((_, names)) => names.push(name),
                    None => unserved.push((module, vec![name])),
                }
            }
            other => lines.push(other.to_string()),
        }
    }
    if !unserved.is_empty() {
        let list = unserved
            .iter()
            .map(|(module, names)| format!("`{module}` ({})", names.join(", ")))
            .collect::<Vec<_>>()
            .join(", ");
        lines.push(format!(
            "imports from modules that no adapter serves: {list}"
        ));
    }
    lines
}

/// Why one import cannot be served.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// A `wasi_ephemeral_nn` function that the WITX ABI does not define.
    UnknownNnFunction {
        name: String,
        /// The wasi-nn dialect known to define it, if any.
        dialect: Option<&'static str>,
    },
    /// A function imported with a core type other than the one it has.
    WrongSignature {
        module: String,
        name: String,
        expected: String,
        found: String,
        /// Where `expected` comes from (the WITX, or the adapter's export).
        source: &'static str,
    },
    /// A table, memory, global or tag imported from an adapted module;
    /// adapters only export functions to the module.
    NotAFunction {
        module: String,
        name: String,
        kind: &'static str,
    },
    /// A function the adapter for that module does not export.
    NotExportedByAdapter { module: String, name: String },
    /// An import from a module that no adapter serves.
    NoAdapter { module: String, name: String },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::UnknownNnFunction { name, dialect } => {
                write!(
                    f,
                    "`{NN_MODULE}::{name}` is not a function of the wasi-nn WITX ABI, so the adapter does not provide it"
                )?;
                match dialect {
                    Some(dialect) => write!(
                        f,
                        " (it comes from {dialect}; this module was built for that host)"
                    ),
                    None => write!(f, " (the ABI has: {})", nn_function_names()),
                }
            }
            Problem::WrongSignature {
                module,
                name,
                expected,
                found,
                source,
            } => write!(
                f,
                "`{module}::{name}` is imported with the wrong core signature: expected {expected} ({source}), found {found}"
            ),
            Problem::NotAFunction { module, name, kind } => write!(
                f,
                "`{module}::{name}` is imported as a {kind}, but adapters only provide functions"
            ),
            Problem::NotExportedByAdapter { module, name } => write!(
                f,
                "`{module}::{name}` is not exported by the adapter for `{module}`"
            ),
            Problem::NoAdapter { module, name } => {
                write!(f, "`{module}::{name}`: no adapter serves module `{module}`")
            }
        }
    }
}

fn nn_function_names() -> String {
    LEGACY_FUNCTIONS
        .iter()
        .map(|f| f.name)
        .collect::<Vec<_>>()
        .join(", ")
}

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
        self.modules.iter().any(|m| m.name == NN_MODULE)
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

/// The adapter chosen for one import module.
struct Adapter<'a> {
    bytes: &'a [u8],
    description: String,
    /// Whether `bytes` came from [`Componentizer::adapt`].
    overridden: bool,
    /// The exports of a built-in adapter, computed once per process.
    builtin_exports: Option<fn() -> &'static AdapterExports>,
}

/// The exported functions of an adapter module with their types, or why
/// they could not be read.
type AdapterExports = Result<HashMap<String, FuncType>, String>;

fn preview1_command_exports() -> &'static AdapterExports {
    static EXPORTS: OnceLock<AdapterExports> = OnceLock::new();
    EXPORTS.get_or_init(|| function_exports(WASI_SNAPSHOT_PREVIEW1_COMMAND_ADAPTER))
}

fn preview1_reactor_exports() -> &'static AdapterExports {
    static EXPORTS: OnceLock<AdapterExports> = OnceLock::new();
    EXPORTS.get_or_init(|| function_exports(WASI_SNAPSHOT_PREVIEW1_REACTOR_ADAPTER))
}

/// The parts of a core module that decide how it is adapted.
struct ModuleFacts<'a> {
    /// Function types by type index; `None` for non-function types.
    types: Vec<Option<FuncType>>,
    imports: Vec<(&'a str, &'a str, TypeRef)>,
    exports_start: bool,
    /// A `component-type` custom section means wit-bindgen already described
    /// some imports in WIT; wit-component resolves those itself.
    has_component_type: bool,
}

impl Componentizer {
    /// A componentizer with the built-in adapters, automatic kind and
    /// validation of the output enabled.
    pub fn new() -> Self {
        Componentizer {
            overrides: BTreeMap::new(),
            kind: Kind::Auto,
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

    /// Whether wit-component validates the component it produces (default:
    /// on). Turning it off only saves time; it never makes a bad component
    /// acceptable to a runtime.
    pub fn validate(mut self, validate: bool) -> Self {
        self.validate = validate;
        self
    }

    /// Converts `module` (binary, or WebAssembly text) into a component.
    pub fn componentize(&self, module: &[u8]) -> anyhow::Result<Vec<u8>> {
        self.componentize_with_notes(module).map(|c| c.component)
    }

    /// Like [`Componentizer::componentize`], also returning notes for the user.
    pub fn componentize_with_notes(&self, module: &[u8]) -> anyhow::Result<Componentized> {
        let binary = to_binary(module)?;
        // With output validation on, wit-component validates every function
        // body of the module as part of the component, so only the rest of
        // the module is validated here; a body error is reported with
        // wasmparser's own message on the way out (see `or_invalid`).
        let bodies = if self.validate {
            Bodies::Defer
        } else {
            Bodies::Validate
        };
        let facts = self.or_invalid(&binary, read_module(&binary, bodies))?;
        let inspection = self.inspect_facts(&facts);
        let problems: Vec<Problem> = inspection.problems().cloned().collect();
        if !problems.is_empty() {
            return self.or_invalid(&binary, Err(Error::Unadaptable(problems).into()));
        }
        tracing::debug!(kind = %inspection.kind, reason = %inspection.kind_reason, "adapting");
        let component = self.or_invalid(&binary, self.encode(&binary, inspection.kind))?;
        tracing::debug!(bytes = component.len(), "component built");
        Ok(Componentized {
            component,
            notes: inspection.notes,
        })
    }

    /// Runs wit-component on `binary` with every adapter registered.
    fn encode(&self, binary: &[u8], kind: Kind) -> anyhow::Result<Vec<u8>> {
        let mut encoder = wit_component::ComponentEncoder::default()
            .validate(self.validate)
            .module(binary)
            .context("wit-component rejected the module")?;
        // Every adapter is registered; wit-component drops those the module
        // does not use and trims the rest to the functions actually imported.
        for (name, adapter) in self.adapters(kind) {
            tracing::debug!(module = %name, adapter = %adapter.description, bytes = adapter.bytes.len(), "registering adapter");
            encoder = encoder
                .adapter(&name, adapter.bytes)
                .with_context(|| format!("wit-component rejected {}", adapter.description))?;
        }
        encoder
            .encode()
            .context("wit-component failed to build the component")
    }

    /// `result`, unless it is an error and `binary` has function bodies
    /// that were left to wit-component and turn out invalid: then the
    /// validation error, so that an invalid module is always reported as
    /// such (and before any other problem), as if it had been validated
    /// in full up front.
    fn or_invalid<T>(&self, binary: &[u8], result: anyhow::Result<T>) -> anyhow::Result<T> {
        if result.is_err() && self.validate {
            validate_module(binary)?;
        }
        result
    }

    /// Lists the module's imports, which adapter serves each (or why none
    /// can), and whether it becomes a command or a reactor.
    ///
    /// Fails only when the input is not a valid core module.
    pub fn inspect(&self, module: &[u8]) -> anyhow::Result<Inspection> {
        let binary = to_binary(module)?;
        let facts = read_module(&binary, Bodies::Validate)?;
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

    /// The adapter for each import module: built-ins first, then overrides
    /// replacing or adding to them.
    fn adapters(&self, kind: Kind) -> BTreeMap<String, Adapter<'_>> {
        let mut adapters = BTreeMap::new();
        adapters.insert(
            NN_MODULE.to_owned(),
            Adapter {
                bytes: nn_adapter_verify::ADAPTER,
                description: "the built-in wasi-nn adapter".into(),
                overridden: false,
                // Imports are checked against the WITX table instead.
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

    fn inspect_facts(&self, facts: &ModuleFacts) -> Inspection {
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
                    legacy::format_signature(func.params(), func.results())
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
                (Some(adapter), Some(func)) if module == NN_MODULE && !adapter.overridden => {
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
        if !modules.iter().any(|m| m.name == NN_MODULE) {
            notes.push(format!(
                "the module imports nothing from `{NN_MODULE}`; only `{PREVIEW1_MODULE}` is adapted"
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

/// Checks a `wasi_ephemeral_nn` import against the WITX table.
fn check_nn_import(name: &str, func: &FuncType) -> Option<Problem> {
    let Some(expected) = legacy::function(name) else {
        return Some(Problem::UnknownNnFunction {
            name: name.into(),
            dialect: legacy::dialect_of(name),
        });
    };
    if func.params() == expected.params && func.results() == expected.results {
        return None;
    }
    Some(Problem::WrongSignature {
        module: NN_MODULE.into(),
        name: name.into(),
        expected: legacy::format_signature(expected.params, expected.results),
        found: legacy::format_signature(func.params(), func.results()),
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
            expected: legacy::format_signature(exported.params(), exported.results()),
            found: legacy::format_signature(func.params(), func.results()),
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

/// Accepts WebAssembly text as well as binary, like wasm-tools does.
///
/// Text is recognised by its first token (`(` or a `;;` comment) so that
/// random bytes are reported by wasmparser ("magic header not detected")
/// rather than by the text parser.
fn to_binary(input: &[u8]) -> anyhow::Result<Cow<'_, [u8]>> {
    if input.starts_with(b"\0asm") {
        return Ok(Cow::Borrowed(input));
    }
    match std::str::from_utf8(input) {
        Ok(text) if text.trim_start().starts_with('(') || text.trim_start().starts_with(";;") => {
            let binary = wat::parse_str(text).context("invalid WebAssembly text")?;
            Ok(Cow::Owned(binary))
        }
        _ => Ok(Cow::Borrowed(input)),
    }
}

/// Whether [`read_module`] validates function bodies.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Bodies {
    Validate,
    /// Left to the caller, who must validate them (or the whole module)
    /// before trusting it.
    Defer,
}

/// Validates a core module (its function bodies too, or not, per `bodies`)
/// and collects its types, imports and exports, in one pass.
fn read_module(binary: &[u8], bodies: Bodies) -> anyhow::Result<ModuleFacts<'_>> {
    if Parser::is_component(binary) {
        return Err(Error::AlreadyComponent.into());
    }
    let mut validator = Validator::new_with_features(WasmFeatures::all());
    // As in `Validator::validate_all`: bodies after everything else, so
    // that the first error reported is the one it would report.
    let mut functions = Vec::new();
    let mut facts = ModuleFacts {
        types: Vec::new(),
        imports: Vec::new(),
        exports_start: false,
        has_component_type: false,
    };
    for payload in Parser::new(0).parse_all(binary) {
        let payload = payload.map_err(invalid)?;
        match validator.payload(&payload).map_err(invalid)? {
            ValidPayload::Func(func, body) if bodies == Bodies::Validate => {
                functions.push((func, body));
            }
            _ => {}
        }
        match payload {
            Payload::TypeSection(reader) => {
                for group in reader {
                    for sub in group?.into_types() {
                        facts.types.push(match sub.composite_type.inner {
                            CompositeInnerType::Func(func) => Some(func),
                            _ => None,
                        });
                    }
                }
            }
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    let import = import?;
                    facts.imports.push((import.module, import.name, import.ty));
                }
            }
            Payload::ExportSection(reader) => {
                for export in reader {
                    let export = export?;
                    if export.name == "_start" && export.kind == ExternalKind::Func {
                        facts.exports_start = true;
                    }
                }
            }
            Payload::CustomSection(section) if section.name().starts_with("component-type") => {
                facts.has_component_type = true;
            }
            _ => {}
        }
    }
    let mut allocs = wasmparser::FuncValidatorAllocations::default();
    for (func, body) in functions {
        let mut func = func.into_validator(allocs);
        func.validate(&body).map_err(invalid)?;
        allocs = func.into_allocations();
    }
    Ok(facts)
}

/// Validates a core module in full, for wasmparser's message when it is not.
fn validate_module(binary: &[u8]) -> anyhow::Result<()> {
    match Validator::new_with_features(WasmFeatures::all()).validate_all(binary) {
        Ok(_) => Ok(()),
        Err(err) => Err(invalid(err)),
    }
}

fn invalid(err: wasmparser::BinaryReaderError) -> anyhow::Error {
    anyhow::anyhow!(
        "not a valid WebAssembly module: {}",
        one_line(&err.to_string())
    )
}

/// Folds wasmparser's multi-line messages (the bad-magic one prints byte
/// arrays with `{:#?}`) onto one line, so each error stays one line on stderr.
fn one_line(message: &str) -> String {
    message
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("[ ", "[")
        .replace(", ]", "]")
}

/// The exported functions of an adapter module, with their types.
fn function_exports(adapter: &[u8]) -> AdapterExports {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_recognised_by_its_first_token() {
        assert!(matches!(to_binary(b"(module)").unwrap(), Cow::Owned(_)));
        assert!(matches!(
            to_binary(b";; legacy\n(module)").unwrap(),
            Cow::Owned(_)
        ));
        assert!(matches!(to_binary(b"hello").unwrap(), Cow::Borrowed(_)));
    }

    #[test]
    fn bad_magic_is_reported_on_one_line() {
        let err = read_module(b"hello", Bodies::Validate)
            .err()
            .unwrap()
            .to_string();
        assert_eq!(
            err,
            "not a valid WebAssembly module: magic header not detected: bad magic number - \
             expected=[0x0, 0x61, 0x73, 0x6d] actual=[0x68, 0x65, 0x6c, 0x6c] (at offset 0x0)"
        );
    }

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

    #[test]
    fn unserved_modules_share_one_line() {
        let problems = vec![
            Problem::NoAdapter {
                module: "env".into(),
                name: "a".into(),
            },
            Problem::NoAdapter {
                module: "env".into(),
                name: "b".into(),
            },
            Problem::NoAdapter {
                module: "other".into(),
                name: "c".into(),
            },
        ];
        assert_eq!(
            Error::Unadaptable(problems).to_string(),
            "imports from modules that no adapter serves: `env` (a, b), `other` (c)"
        );
    }
}
