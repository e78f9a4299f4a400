//! Reading a module: WebAssembly text or binary in, validated binary and
//! the facts that decide its adaptation out.

use crate::Error;
use anyhow::Context;
use std::borrow::Cow;
use std::path::Path;
use wasmparser::{
    CompositeInnerType, ExternalKind, FuncType, Parser, Payload, TypeRef, ValidPayload, Validator,
};

/// `input` in binary form: assembled when wat detects WebAssembly text (a
/// `(` as first token), passed on unchanged otherwise, so that bytes that
/// are neither get wasmparser's message ("magic header not detected") rather
/// than the text parser's. `path` names the file in text errors.
pub fn wasm_binary<'a>(input: &'a [u8], path: Option<&Path>) -> anyhow::Result<Cow<'a, [u8]>> {
    match wat::Detect::from_bytes(input) {
        wat::Detect::WasmText => wat::Parser::new()
            .parse_bytes(path, input)
            .context("invalid WebAssembly text"),
        wat::Detect::WasmBinary | wat::Detect::Unknown => Ok(Cow::Borrowed(input)),
    }
}

/// The parts of a core module that decide how it is adapted.
pub(crate) struct ModuleFacts<'a> {
    /// Function types by type index; `None` for non-function types.
    pub(crate) types: Vec<Option<FuncType>>,
    pub(crate) imports: Vec<(&'a str, &'a str, TypeRef)>,
    pub(crate) exports_start: bool,
    /// A `component-type` custom section means wit-bindgen already described
    /// some imports in WIT; wit-component resolves those itself.
    pub(crate) has_component_type: bool,
}

/// Validates a core module and collects its types, imports and exports, in
/// one pass.
///
/// Validation uses wasmparser's default features, which are Wasmtime's:
/// wit-component validates the component it builds with every feature on, so
/// a module using a proposal that runtimes leave off (legacy exceptions, for
/// one) would otherwise become a component that no runtime accepts.
pub(crate) fn read_module(binary: &[u8]) -> anyhow::Result<ModuleFacts<'_>> {
    if Parser::is_component(binary) {
        return Err(Error::AlreadyComponent.into());
    }
    let mut validator = Validator::new();
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
        if let ValidPayload::Func(func, body) = validator.payload(&payload).map_err(invalid)? {
            functions.push((func, body));
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
    fn bad_magic_is_reported_on_one_line() {
        let err = read_module(b"hello").err().unwrap().to_string();
        assert_eq!(
            err,
            "not a valid WebAssembly module: magic header not detected: bad magic number - \
             expected=[0x0, 0x61, 0x73, 0x6d] actual=[0x68, 0x65, 0x6c, 0x6c] (at offset 0x0)"
        );
    }
}
