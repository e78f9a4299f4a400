//! Why a module cannot be adapted, in the legacy module's own terms.

use crate::escape::Escaped;
use crate::{features, legacy};
use std::fmt;

/// Why a module cannot be turned into a component.
///
/// Returned inside the `anyhow::Error` of
/// [`Componentizer::componentize`](crate::Componentizer::componentize), so
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
            .map(|(module, names)| {
                let names: Vec<String> = names.iter().map(|n| Escaped(n).to_string()).collect();
                format!("`{}` ({})", Escaped(module), names.join(", "))
            })
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
    /// A function of a legacy wasi-nn module that its ABI does not define.
    UnknownNnFunction {
        module: crate::LegacyModule,
        name: String,
        /// The dialect that defines it, when the module's is another.
        defined_by: Option<crate::Dialect>,
        /// The dialect the module is componentized as.
        chosen: crate::Dialect,
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
    /// Adapters read and write the module's memory, which it must export as
    /// `memory`.
    NoMemoryExport,
    /// `_start`, or an export wit-component calls (`_initialize`,
    /// `cabi_realloc`, ...), exported with a type other than the one it is
    /// called with.
    WrongExportType {
        name: &'static str,
        expected: String,
        found: String,
        why: &'static str,
    },
    /// An import or export linked to an adapter has a non-final function
    /// type (`sub` without `final`), which never matches the adapter's.
    NonFinalType { what: String },
    /// An import or export linked to an adapter has its function type in a
    /// recursion group (`rec`) of `types` types, which never matches the
    /// adapter's plain function type.
    RecGroupType { what: String, types: usize },
    /// An import or export linked to an adapter has a function type that
    /// declares a supertype, which never matches the adapter's.
    SupertypeType { what: String },
    /// The memory exported as `memory` is shared; the adapters import it
    /// unshared.
    SharedMemory,
    /// The memory exported as `memory` is 64-bit; the adapters import a
    /// 32-bit one.
    Memory64,
    /// Memories exported as both `memory` and `cm32p2_memory`;
    /// wit-component takes the module's memory from one export.
    TwoMemoryExports,
    /// A `component-type` custom section wit-component cannot decode.
    BadComponentType { message: String },
    /// A command was requested, but the module has nothing to run.
    NoEntryPoint,
    /// Imports from more than one legacy wasi-nn module (`wasi_nn` and
    /// `wasi_ephemeral_nn`): a component gets one wasi-nn adapter.
    TwoLegacyModules { modules: Vec<&'static str> },
    /// `--dialect` names a dialect of another legacy module than the one
    /// the module imports.
    DialectOfOtherModule {
        dialect: crate::Dialect,
        imported: &'static str,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::UnknownNnFunction {
                module,
                name,
                defined_by,
                chosen,
            } => {
                write!(
                    f,
                    "`{}::{}` is not a function of dialect {chosen}, so the adapter does not provide it",
                    module.name(),
                    Escaped(name)
                )?;
                match defined_by {
                    Some(dialect) => write!(
                        f,
                        " (dialect {dialect} defines it: componentize with --dialect {dialect})"
                    ),
                    None => write!(f, " (the ABI has: {})", legacy::function_names(*module)),
                }
            }
            Problem::TwoLegacyModules { modules } => write!(
                f,
                "the module imports both `{}`: they are two wasi-nn ABIs and a component gets the \
                 adapter of one; build the program against one of them",
                modules.join("` and `")
            ),
            Problem::DialectOfOtherModule { dialect, imported } => write!(
                f,
                "dialect {dialect} is for modules that import `{}`, but this one imports `{imported}`{}",
                dialect.legacy_module().name(),
                match crate::LegacyModule::named(imported) {
                    Some(crate::LegacyModule::WamrWasiNn) => {
                        " (its dialect, wamr-wasi-nn, is chosen without --dialect)"
                    }
                    _ => "",
                }
            ),
            Problem::WrongSignature {
                module,
                name,
                expected,
                found,
                source,
            } => write!(
                f,
                "`{}::{}` is imported with the wrong core signature: expected {expected} ({source}), found {found}",
                Escaped(module),
                Escaped(name)
            ),
            Problem::NotAFunction { module, name, kind } => write!(
                f,
                "`{}::{}` is imported as a {kind}, but adapters only provide functions",
                Escaped(module),
                Escaped(name)
            ),
            Problem::NotExportedByAdapter { module, name } => write!(
                f,
                "`{0}::{1}` is not exported by the adapter for `{0}`",
                Escaped(module),
                Escaped(name)
            ),
            Problem::NoAdapter { module, name } => write!(
                f,
                "`{0}::{1}`: no adapter serves module `{0}`",
                Escaped(module),
                Escaped(name)
            ),
            Problem::NoMemoryExport => f.write_str(
                "the module exports no memory named `memory`; the adapters serving its imports \
                 read and write its memory through that export",
            ),
            Problem::WrongExportType {
                name,
                expected,
                found,
                why,
            } => write!(
                f,
                "`{name}` is exported with type {found}, but {why} calls it as {expected}"
            ),
            Problem::NonFinalType { what } => write!(
                f,
                "{what} has a non-final function type (`sub` without `final`), which never \
                 matches the final type the adapter links it with"
            ),
            Problem::RecGroupType { what, types } => write!(
                f,
                "the type of {what} is in a recursion group (`rec`) of {types} types, so it never \
                 matches the adapter's, whatever its signature ({})",
                features::GC
            ),
            Problem::SupertypeType { what } => write!(
                f,
                "the type of {what} declares a supertype (`sub final`), so it never matches the \
                 adapter's, whatever its signature ({})",
                features::GC
            ),
            Problem::SharedMemory => write!(
                f,
                "the memory exported as `memory` is shared, but the adapters import it unshared ({})",
                features::THREADS
            ),
            Problem::Memory64 => write!(
                f,
                "the memory exported as `memory` is 64-bit, but the adapters import a 32-bit one ({})",
                features::MEMORY64
            ),
            Problem::TwoMemoryExports => f.write_str(
                "the module exports memories as both `memory` and `cm32p2_memory`, but \
                 wit-component takes its memory from one export",
            ),
            Problem::BadComponentType { message } => write!(
                f,
                "the `component-type` custom section is not wit-bindgen metadata: {message}"
            ),
            Problem::NoEntryPoint => f.write_str(
                "cannot be a command: the module neither exports `_start` nor has a start \
                 function of type () to run as `_start`",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
