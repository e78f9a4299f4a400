//! Reading a module: WebAssembly text or binary in, validated binary and
//! the facts that decide its adaptation out.

use crate::escape::escaped;
use crate::{features, Error};
use std::borrow::Cow;
use std::path::Path;
use wasmparser::{
    CompositeInnerType, ExternalKind, FuncToValidate, FuncType, FunctionBody, KnownCustom,
    MemoryType, Name, Parser, Payload, SubType, TypeRef, ValidPayload, Validator,
    ValidatorResources,
};

/// `input` in binary form: assembled when wat detects WebAssembly text (a
/// `(` as first token), passed on unchanged otherwise, so that bytes that
/// are neither get wasmparser's message ("magic header not detected") rather
/// than the text parser's. `path` names the file in text errors.
///
/// A text error is one self-sufficient line (message and position) followed
/// by the offending source line, cut to [`MAX_QUOTED_CHARS`] around the
/// error: a minified module can be one line of many megabytes.
pub fn wasm_binary<'a>(input: &'a [u8], path: Option<&Path>) -> anyhow::Result<Cow<'a, [u8]>> {
    match wat::Detect::from_bytes(input) {
        wat::Detect::WasmText => assemble(input, path).map(Cow::Owned),
        wat::Detect::WasmBinary | wat::Detect::Unknown => Ok(Cow::Borrowed(input)),
    }
}

/// Source quoted in a text error is cut to this many characters.
pub const MAX_QUOTED_CHARS: usize = 200;

/// Assembles WebAssembly text with wast (what `wat` does), keeping its
/// error's span to quote the source our way.
fn assemble(input: &[u8], path: Option<&Path>) -> anyhow::Result<Vec<u8>> {
    let text = std::str::from_utf8(input).map_err(|err| {
        anyhow::anyhow!(
            "invalid WebAssembly text: not UTF-8 (at byte {})",
            err.valid_up_to()
        )
    })?;
    let parse = || -> Result<Vec<u8>, wast::Error> {
        let buffer = wast::parser::ParseBuffer::new(text)?;
        let mut wat = wast::parser::parse::<wast::Wat>(&buffer)?;
        wat.encode()
    };
    parse().map_err(|err| text_error(text, path, &err))
}

fn text_error(text: &str, path: Option<&Path>, err: &wast::Error) -> anyhow::Error {
    let (line, column) = err.span().linecol_in(text);
    let source = text.split_terminator('\n').nth(line).unwrap_or("");
    let source = source.strip_suffix('\r').unwrap_or(source);
    let column = source
        .get(..column)
        .map_or(0, |before| before.chars().count());
    let (quoted, caret) = quote_around(source, column);
    let (quoted, caret) = escape_quoted(&quoted, caret);
    let location = match path {
        Some(path) => format!("{}:{}:{}", path.display(), line + 1, column + 1),
        None => format!("line {}, column {}", line + 1, column + 1),
    };
    let number = (line + 1).to_string();
    let gutter = " ".repeat(number.len());
    anyhow::anyhow!(
        "invalid WebAssembly text: {} (at {location})\n{number} | {quoted}\n{gutter} | {}^",
        escaped(&err.message()),
        " ".repeat(caret)
    )
}

/// `quoted` with its control characters escaped (a form feed or vertical
/// tab in the source would break the quote over lines), and where the
/// caret at character `caret` of it moves to.
fn escape_quoted(quoted: &str, caret: usize) -> (String, usize) {
    let mut escaped_text = String::new();
    let mut moved = None;
    for (i, c) in quoted.chars().enumerate() {
        if i == caret {
            moved = Some(escaped_text.chars().count());
        }
        escaped_text.push_str(&escaped(c.encode_utf8(&mut [0; 4])));
    }
    let caret = moved.unwrap_or_else(|| escaped_text.chars().count());
    (escaped_text, caret)
}

/// At most [`MAX_QUOTED_CHARS`] characters of `line` around character
/// `column`, with `…` where it was cut, and the caret's position in them.
fn quote_around(line: &str, column: usize) -> (String, usize) {
    let chars: Vec<char> = line.chars().collect();
    if chars.len() <= MAX_QUOTED_CHARS {
        return (line.to_owned(), column);
    }
    let start = column
        .saturating_sub(MAX_QUOTED_CHARS / 2)
        .min(chars.len() - MAX_QUOTED_CHARS);
    let end = start + MAX_QUOTED_CHARS;
    let mut quoted = String::new();
    let mut caret = column - start;
    if start > 0 {
        quoted.push('…');
        caret += 1;
    }
    quoted.extend(&chars[start..end]);
    if end < chars.len() {
        quoted.push('…');
    }
    (quoted, caret)
}

/// How a type differs from a plain function type (`(type (func ...))`:
/// final, without supertype, alone in its recursion group), the only kind
/// of type an adapter links with: a type that differs is a different type,
/// whatever its signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TypeForm {
    Plain,
    /// In an explicit recursion group (`rec`) of this many types.
    InRecGroup(usize),
    /// Not final (`sub` without `final`).
    NonFinal,
    /// Final, but declaring a supertype (`sub final $t`).
    WithSupertype,
}

/// A type of the module's type section.
pub(crate) struct ModuleType {
    /// `None` for non-function (GC) types.
    pub(crate) func: Option<FuncType>,
    pub(crate) form: TypeForm,
}

/// The parts of a core module that decide how it is adapted.
pub(crate) struct ModuleFacts<'a> {
    /// The types by type index.
    pub(crate) types: Vec<ModuleType>,
    /// Type index of each function, imported ones first.
    pub(crate) function_types: Vec<u32>,
    pub(crate) imports: Vec<(&'a str, &'a str, TypeRef)>,
    /// The function exported as `_start`.
    pub(crate) start_export: Option<u32>,
    /// The functions exported under a name of [`CALLED_EXPORTS`], with it
    /// and how they are called.
    pub(crate) called_exports: Vec<(&'static str, u32, CalledAs)>,
    /// How many memories are exported under the names wit-component takes
    /// as the module's memory (`memory`, `cm32p2_memory`); it takes one.
    pub(crate) memory_exports: usize,
    /// The function of the start section.
    pub(crate) start_function: Option<u32>,
    /// The memory exported as `memory`: the one the adapters use.
    pub(crate) memory: Option<MemoryType>,
    /// A `component-type` custom section means wit-bindgen already described
    /// some imports in WIT; wit-component resolves those itself.
    pub(crate) has_component_type: bool,
    /// Why wit-component cannot decode the `component-type` sections.
    pub(crate) component_type_error: Option<String>,
    /// The module's bytes up to the end of its code section (all of them
    /// when it has none): what decides whether its bodies are valid.
    pub(crate) through_code: &'a [u8],
    /// The function names of the `name` section (evidence of the crate
    /// that built the module).
    pub(crate) function_names: Vec<&'a str>,
}

impl ModuleFacts<'_> {
    /// Type `index`, if it is a function type, and its form.
    pub(crate) fn func_type(&self, index: u32) -> Option<(&FuncType, TypeForm)> {
        let ty = self.types.get(index as usize)?;
        Some((ty.func.as_ref()?, ty.form))
    }

    /// The type of function `index`, if it is a function type, and its form.
    pub(crate) fn function_type(&self, index: u32) -> Option<(&FuncType, TypeForm)> {
        self.func_type(*self.function_types.get(index as usize)?)
    }
}

/// The exports wit-component calls, or links to the canonical ABI, by name
/// (its legacy names and their `cm32p2_` forms): each must have the type it
/// is called with, a plain function type, whether or not the component uses
/// it. `_start`, which only the preview1 command adapter calls, is apart.
pub(crate) const CALLED_EXPORTS: &[(&str, CalledAs)] = &[
    ("_initialize", CalledAs::Initializer),
    ("cm32p2_initialize", CalledAs::Initializer),
    ("__wasm_init_task", CalledAs::Initializer),
    ("__wasm_init_async_task", CalledAs::Initializer),
    ("cabi_realloc", CalledAs::Realloc),
    ("cm32p2_realloc", CalledAs::Realloc),
    ("canonical_abi_realloc", CalledAs::Realloc),
    ("cabi_realloc_adapter", CalledAs::Realloc),
];

/// How wit-component calls an export of [`CALLED_EXPORTS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CalledAs {
    /// `() -> ()`, when the component is instantiated.
    Initializer,
    /// `(i32, i32, i32, i32) -> i32`, as the canonical ABI's `realloc`.
    Realloc,
}

/// The function bodies of a module whose other sections [`read_module`]
/// validated: [`Bodies::validate`] finishes the module's validation.
#[must_use = "a module is only validated once its bodies are"]
pub(crate) struct Bodies<'a>(Vec<(FuncToValidate<ValidatorResources>, FunctionBody<'a>)>);

impl Bodies<'_> {
    /// Validates every body in order, reporting the first error as
    /// `Validator::validate_all` would.
    pub(crate) fn validate(self) -> anyhow::Result<()> {
        let mut allocs = wasmparser::FuncValidatorAllocations::default();
        for (func, body) in self.0 {
            let mut func = func.into_validator(allocs);
            func.validate(&body).map_err(invalid)?;
            allocs = func.into_allocations();
        }
        Ok(())
    }
}

/// Validates a core module but for its function bodies, and collects its
/// types, imports and exports, in one pass. The bodies come back to be
/// validated by the caller: the componentizer does it beside wit-component.
///
/// Validation accepts the features of [`features::legacy`] (Wasmtime's
/// defaults): wit-component validates the component it builds with every
/// feature on, so a module using a proposal that runtimes leave off (legacy
/// exceptions, for one) would otherwise become a component that no runtime
/// accepts.
pub(crate) fn read_module(binary: &[u8]) -> anyhow::Result<(ModuleFacts<'_>, Bodies<'_>)> {
    if Parser::is_component(binary) {
        return Err(Error::AlreadyComponent.into());
    }
    let mut validator = Validator::new_with_features(features::legacy());
    // As in `Validator::validate_all`: bodies after everything else, so
    // that the first error reported is the one it would report.
    let mut functions = Vec::new();
    // Imported ones first, as memories are indexed.
    let mut memories = Vec::new();
    let mut facts = ModuleFacts {
        types: Vec::new(),
        function_types: Vec::new(),
        imports: Vec::new(),
        start_export: None,
        called_exports: Vec::new(),
        memory_exports: 0,
        start_function: None,
        memory: None,
        has_component_type: false,
        component_type_error: None,
        through_code: binary,
        function_names: Vec::new(),
    };
    for payload in Parser::new(0).parse_all(binary) {
        let payload = payload.map_err(invalid)?;
        if let ValidPayload::Func(func, body) = validator.payload(&payload).map_err(invalid)? {
            functions.push((func, body));
        }
        match payload {
            Payload::TypeSection(reader) => {
                for group in reader {
                    let group = group?;
                    let len = group.types().len();
                    for sub in group.into_types() {
                        let form = match sub {
                            _ if len > 1 => TypeForm::InRecGroup(len),
                            SubType {
                                is_final: false, ..
                            } => TypeForm::NonFinal,
                            SubType {
                                supertype_idx: Some(_),
                                ..
                            } => TypeForm::WithSupertype,
                            _ => TypeForm::Plain,
                        };
                        let func = match sub.composite_type.inner {
                            CompositeInnerType::Func(func) => Some(func),
                            _ => None,
                        };
                        facts.types.push(ModuleType { func, form });
                    }
                }
            }
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    let import = import?;
                    match import.ty {
                        TypeRef::Func(ty) => facts.function_types.push(ty),
                        // wasmparser validates these without the feature.
                        TypeRef::FuncExact(_) => anyhow::bail!(
                            "not a valid WebAssembly module: `{}::{}` is imported as an exact \
                             function (`exact`), which needs the custom-descriptors proposal \
                             that Wasmtime leaves off",
                            escaped(import.module),
                            escaped(import.name)
                        ),
                        TypeRef::Memory(memory) => memories.push(memory),
                        _ => {}
                    }
                    facts.imports.push((import.module, import.name, import.ty));
                }
            }
            Payload::FunctionSection(reader) => {
                for ty in reader {
                    facts.function_types.push(ty?);
                }
            }
            Payload::MemorySection(reader) => {
                for memory in reader {
                    memories.push(memory?);
                }
            }
            Payload::ExportSection(reader) => {
                for export in reader {
                    let export = export?;
                    match (export.name, export.kind) {
                        ("_start", ExternalKind::Func) => facts.start_export = Some(export.index),
                        (name, ExternalKind::Func) => {
                            if let Some(&(name, called_as)) =
                                CALLED_EXPORTS.iter().find(|(called, _)| *called == name)
                            {
                                facts.called_exports.push((name, export.index, called_as));
                            }
                        }
                        (name @ ("memory" | "cm32p2_memory"), ExternalKind::Memory) => {
                            facts.memory_exports += 1;
                            if name == "memory" {
                                facts.memory = memories.get(export.index as usize).copied();
                            }
                        }
                        _ => {}
                    }
                }
            }
            Payload::StartSection { func, .. } => facts.start_function = Some(func),
            Payload::CodeSectionStart { range, .. } => {
                // A section running past the end is reported by the parser
                // at its first body.
                facts.through_code = binary.get(..range.end).unwrap_or(binary);
            }
            Payload::CustomSection(section) if section.name().starts_with("component-type") => {
                facts.has_component_type = true;
            }
            Payload::CustomSection(section) => {
                // A malformed name section is only missing evidence.
                if let KnownCustom::Name(reader) = section.as_known() {
                    for subsection in reader.into_iter().flatten() {
                        if let Name::Function(map) = subsection {
                            facts
                                .function_names
                                .extend(map.into_iter().flatten().map(|naming| naming.name));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    if facts.has_component_type {
        if let Err(err) = wit_component::metadata::decode(binary) {
            facts.component_type_error = Some(one_line(&format!("{err:#}")));
        }
    }
    Ok((facts, Bodies(functions)))
}

fn invalid(err: wasmparser::BinaryReaderError) -> anyhow::Error {
    anyhow::anyhow!(
        "not a valid WebAssembly module: {}",
        one_line(&err.to_string())
    )
}

/// One line of a message from wasmparser or wit-component: arrays they
/// print with `{:#x?}` (the bad-magic message does) folded, the control
/// characters of names they quote escaped.
fn one_line(message: &str) -> String {
    let folded = message
        .replace("[\n    ", "[")
        .replace(",\n    ", ", ")
        .replace(",\n]", "]");
    escaped(&folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_recognised_by_its_first_token() {
        assert!(matches!(
            wasm_binary(b"(module)", None).unwrap(),
            Cow::Owned(_)
        ));
        assert!(matches!(
            wasm_binary(b";; legacy\n(module)", None).unwrap(),
            Cow::Owned(_)
        ));
        assert!(matches!(
            wasm_binary(b"hello", None).unwrap(),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn text_errors_quote_a_window_of_long_lines() {
        let types = "(type (func))".repeat(1000);
        let long = format!("(module {types} (func $f (unknown)) {types})");
        let err = wasm_binary(long.as_bytes(), Some(Path::new("long.wat")))
            .err()
            .unwrap()
            .to_string();
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), 3, "{err}");
        assert!(
            lines[0].starts_with("invalid WebAssembly text: ")
                && lines[0].ends_with("(at long.wat:1:13020)"),
            "{err}"
        );
        let quoted = lines[1].strip_prefix("1 | ").unwrap();
        assert_eq!(quoted.chars().count(), MAX_QUOTED_CHARS + 2, "{err}");
        assert!(quoted.starts_with('…') && quoted.ends_with('…'), "{err}");
        // The caret points at the same character in the window.
        let caret = lines[2].strip_prefix("  | ").unwrap().len() - 1;
        let pointed: String = quoted.chars().skip(caret).take(8).collect();
        assert_eq!(pointed, "unknown)", "{err}");
    }

    #[test]
    fn text_errors_escape_control_characters_in_the_quoted_line() {
        // A tab before the error, a form feed and an escape sequence after.
        let text = "(module\n\t(func (unknown)) \u{c}\u{1b}[2J)";
        let err = wasm_binary(text.as_bytes(), Some(Path::new("ff.wat")))
            .err()
            .unwrap()
            .to_string();
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), 3, "{err}");
        assert!(
            !err.contains(|c: char| c.is_control() && c != '\n'),
            "{err:?}"
        );
        assert_eq!(
            lines[1], "2 | \\t(func (unknown)) \\u{c}\\u{1b}[2J)",
            "{err}"
        );
        // The caret still points at the error, after the escaped tab.
        let caret = lines[2].strip_prefix("  | ").unwrap().len() - 1;
        assert_eq!(&lines[1][4 + caret..4 + caret + 8], "unknown)", "{err}");
    }

    #[test]
    fn a_module_cut_inside_its_code_is_an_error() {
        let module = wat::parse_str(
            r#"(module (func (export "f") (result i32) i32.const 1) (func (result i32) i32.const 2))"#,
        )
        .unwrap();
        let (facts, _) = read_module(&module).unwrap();
        let code_end = facts.through_code.len();
        assert_eq!(code_end, module.len());
        for len in code_end - 8..code_end {
            let err = read_module(&module[..len]).err().unwrap().to_string();
            assert!(
                err.starts_with("not a valid WebAssembly module: "),
                "{len}: {err}"
            );
        }
    }

    #[test]
    fn bad_magic_is_reported_on_one_line() {
        let err = read_module(b"hello").err().unwrap().to_string();
        assert_eq!(
            err,
            "not a valid WebAssembly module: magic header not detected: bad magic number - \
             expected=[0x0, 0x61, 0x73, 0x6d] actual=[0x68, 0x65, 0x6c, 0x6c] (at offset 0x0)"
        );
    }
}
