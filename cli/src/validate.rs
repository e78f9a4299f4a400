//! Validates the components the componentizer builds, without validating a
//! function body twice.
//!
//! wit-component's own output validation (`ComponentEncoder::validate`)
//! validates every body in the component: the legacy module's, which the
//! componentizer validates itself ([`crate::read::Bodies`]), and the trimmed
//! adapters' and wit-component's shims', which are the same bytes from one
//! component to the next. This validates everything else of the component as it does
//! (every feature on), and the bodies of a core module only when it is
//! neither the module already validated (the same bytes through its code
//! section: the bodies and all they are checked against) nor a module whose
//! bodies passed earlier in this process.
//!
//! Everything of a component but its legacy module depends only on the
//! adapters, the functions the module imports and the module's own imports
//! and exports; so does whether the component around the module is valid.
//! A component whose [`Shape`] passed earlier in this process is therefore
//! valid once its legacy module is: only that module is validated again.
//!
//! Both memories ([`VALIDATED`], [`SHAPES`]) are process-global, not owned
//! by a [`crate::Componentizer`]: callers make a fresh componentizer per
//! module (the CLI, the bench, the fuzzer), so a per-value memory would
//! never be hit, while the adapters and shims it remembers are the same
//! bytes for every componentizer in the process. Sharing it is sound: an
//! entry is the full bytes that passed (a hit is the same input, and
//! validity of bytes never changes), behind a `Mutex`; and bounded: at
//! most 64 modules of 256 KiB and 16 shapes of 1 MiB, 32 MiB in all.

use anyhow::Context;
use std::ops::Range;
use std::sync::Mutex;
use wasm_encoder::Encode as _;
use wasmparser::{
    FuncValidatorAllocations, Parser, Payload, ValidPayload, Validator, WasmFeatures,
};

/// Core modules (adapters, shims) whose bodies passed in this process,
/// looked up by length, then bytes: cheaper than hashing them.
static VALIDATED: Mutex<Vec<Vec<u8>>> = Mutex::new(Vec::new());

/// How many modules [`VALIDATED`] holds before it starts afresh: a process
/// componentizing for one world meets a handful of distinct ones.
const REMEMBERED_MODULES: usize = 64;

/// Larger modules are not remembered: adapters and shims are tens of KiB,
/// legacy programs can be gigabytes.
const REMEMBERED_MODULE_BYTES: usize = 256 * 1024;

/// The [`Shape`]s of components that passed in this process.
static SHAPES: Mutex<Vec<Vec<u8>>> = Mutex::new(Vec::new());

/// How many shapes [`SHAPES`] holds before it starts afresh.
const REMEMBERED_SHAPES: usize = 16;

/// Larger shapes are not remembered (a shape is mostly the trimmed adapters
/// and shims: about 100 KiB).
const REMEMBERED_SHAPE_BYTES: usize = 1024 * 1024;

/// Validates `component` as wit-component would; `validated` is the start
/// of a core module, through its code section, whose bodies are already
/// known to be valid (with wasmparser's default features, a subset of every
/// feature).
pub(crate) fn component(component: &[u8], validated: &[u8]) -> anyhow::Result<()> {
    let shape = Shape::of(component, validated);
    match shape {
        Some(shape) if is_known_shape(&shape.key) => validate_module(shape.module),
        _ => validate(component, Some(validated)).map(|()| {
            if let Some(shape) = shape {
                remember_shape(shape.key);
            }
        }),
    }
    .context("failed to validate component output")
}

/// A component with its legacy module (the one starting with the bytes
/// already validated) cut down to the sections that give the module its
/// type: what the rest of the component is validated against.
struct Shape<'a> {
    /// The component's bytes before the module, the module's type, import,
    /// function, table, memory, tag, global and export sections (each as
    /// id, length and contents), then the component's bytes after it.
    key: Vec<u8>,
    /// The legacy module.
    module: &'a [u8],
}

impl<'a> Shape<'a> {
    /// `None` when the component has no such module or cannot be parsed
    /// (left to [`validate`] to report).
    fn of(component: &'a [u8], validated: &[u8]) -> Option<Shape<'a>> {
        const TYPE_SECTIONS: [u8; 8] = [1, 2, 3, 4, 5, 6, 7, 13];
        let mut depth = 0usize;
        let mut module: Option<(Range<usize>, usize)> = None;
        let mut sections = Vec::new();
        for payload in Parser::new(0).parse_all(component) {
            let payload = payload.ok()?;
            let inside = module.as_ref().is_some_and(|(_, at)| *at == depth);
            match &payload {
                Payload::ModuleSection {
                    unchecked_range, ..
                } => {
                    depth += 1;
                    let bytes = component.get(unchecked_range.clone())?;
                    if module.is_none() && bytes.starts_with(validated) {
                        module = Some((unchecked_range.clone(), depth));
                    }
                }
                Payload::ComponentSection { .. } => depth += 1,
                Payload::End(_) => depth = depth.saturating_sub(1),
                _ if inside => match payload.as_section() {
                    Some((id, range)) if TYPE_SECTIONS.contains(&id) => {
                        sections.push(id);
                        (range.len() as u32).encode(&mut sections);
                        sections.extend_from_slice(component.get(range)?);
                    }
                    _ => {}
                },
                _ => {}
            }
        }
        let (range, _) = module?;
        // The module section's header (id 1, then its length) goes with it.
        let mut header = vec![1u8];
        (range.len() as u32).encode(&mut header);
        let start = range.start.checked_sub(header.len())?;
        if component.get(start..range.start)? != header {
            return None;
        }
        let mut key = component.get(..start)?.to_vec();
        key.extend_from_slice(&(sections.len() as u64).to_le_bytes());
        key.extend_from_slice(&sections);
        key.extend_from_slice(component.get(range.end..)?);
        Some(Shape {
            key,
            module: component.get(range)?,
        })
    }
}

/// Validates a core module on its own, every feature on, except its
/// function bodies (the caller's, already known to be valid).
fn validate_module(module: &[u8]) -> wasmparser::Result<()> {
    let mut validator = Validator::new_with_features(WasmFeatures::all());
    for payload in Parser::new(0).parse_all(module) {
        validator.payload(&payload?)?;
    }
    Ok(())
}

fn is_known_shape(key: &[u8]) -> bool {
    let shapes = SHAPES.lock().unwrap_or_else(|e| e.into_inner());
    shapes.iter().any(|s| s.len() == key.len() && s[..] == *key)
}

fn remember_shape(key: Vec<u8>) {
    if key.len() > REMEMBERED_SHAPE_BYTES {
        return;
    }
    let mut shapes = SHAPES.lock().unwrap_or_else(|e| e.into_inner());
    if shapes.len() >= REMEMBERED_SHAPES {
        shapes.clear();
    }
    shapes.push(key);
}

fn validate(component: &[u8], validated: Option<&[u8]>) -> wasmparser::Result<()> {
    let mut validator = Validator::new_with_features(WasmFeatures::all());
    let mut allocs = FuncValidatorAllocations::default();
    // Per open module or component: the module's bytes when its bodies
    // still need validating and should be remembered once they pass.
    let mut open: Vec<Option<&[u8]>> = Vec::new();
    let mut checking = true;
    for payload in Parser::new(0).parse_all(component) {
        let payload = payload?;
        match &payload {
            Payload::ModuleSection {
                unchecked_range, ..
            } => {
                // A section running past the end fails the parser next.
                let module = component.get(unchecked_range.clone()).unwrap_or_default();
                let known =
                    validated.is_some_and(|v| module.starts_with(v)) || is_remembered(module);
                open.push((!known).then_some(module));
                checking = !known;
            }
            Payload::ComponentSection { .. } => {
                open.push(None);
                checking = true;
            }
            _ => {}
        }
        match validator.payload(&payload)? {
            ValidPayload::Func(func, body) if checking => {
                let mut func = func.into_validator(allocs);
                func.validate(&body)?;
                allocs = func.into_allocations();
            }
            ValidPayload::End(_) => {
                if let Some(Some(module)) = open.pop() {
                    remember(module);
                }
                checking = true;
            }
            _ => {}
        }
    }
    Ok(())
}

fn is_remembered(module: &[u8]) -> bool {
    let modules = VALIDATED.lock().unwrap_or_else(|e| e.into_inner());
    modules
        .iter()
        .any(|m| m.len() == module.len() && m[..] == *module)
}

fn remember(module: &[u8]) {
    if module.len() > REMEMBERED_MODULE_BYTES {
        return;
    }
    let mut modules = VALIDATED.lock().unwrap_or_else(|e| e.into_inner());
    if modules.len() >= REMEMBERED_MODULES {
        modules.clear();
    }
    modules.push(module.to_vec());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A component holding one core module: `fields` and a function with
    /// `body`; and the module alone.
    fn component_with(fields: &str, body: &str) -> (Vec<u8>, Vec<u8>) {
        let module = format!("module {fields} (func (result i32) {body})");
        let wasm = wat::parse_str(format!("(component (core {module}))")).unwrap();
        (wasm, wat::parse_str(format!("({module})")).unwrap())
    }

    #[test]
    fn bodies_are_validated_unless_already_known() {
        let (invalid, module) = component_with("", "");
        let err = validate(&invalid, None).unwrap_err().to_string();
        assert!(err.contains("type mismatch"), "{err}");
        // Never remembered after failing.
        assert!(validate(&invalid, None).is_err());
        assert!(!is_remembered(&module));
        // The module the caller validated is taken as valid: only its
        // bodies are skipped, not the rest of the component.
        validate(&invalid, Some(&module)).unwrap();
        let err = validate(b"\0asm\x0d\0\x01\0\x04", Some(&module)).unwrap_err();
        assert!(err.to_string().contains("unexpected end"), "{err}");
        // A component cut inside its module is an error, not a panic.
        for len in invalid.len() - 4..invalid.len() {
            assert!(validate(&invalid[..len], Some(&module)).is_err(), "{len}");
        }
    }

    #[test]
    fn the_validated_module_is_known_by_its_bytes_through_its_code() {
        // The same code with other data is the validated module for its
        // bodies; other code is not.
        let fields = |data: &str| format!("(memory 1) (data (i32.const 0) \"{data}\")");
        let (_, validated) = component_with(&fields("x"), "");
        let (facts, _) = crate::read::read_module(&validated).unwrap();
        let through_code = facts.through_code;
        assert!(through_code.len() < validated.len());
        let (other_data, _) = component_with(&fields("y"), "");
        validate(&other_data, Some(through_code)).unwrap();
        let (other_code, _) = component_with(&fields("x"), "nop");
        assert!(validate(&other_code, Some(through_code)).is_err());
    }

    #[test]
    fn modules_whose_bodies_passed_are_remembered() {
        let (valid, module) = component_with("", "i32.const 7");
        assert!(!is_remembered(&module));
        validate(&valid, None).unwrap();
        assert!(is_remembered(&module));
        // A different module is not.
        let (other, other_module) = component_with("", "i32.const 8");
        assert!(!is_remembered(&other_module));
        validate(&other, None).unwrap();
        assert!(is_remembered(&other_module));
    }

    /// A module exporting its function as `export`, with one data segment
    /// at `offset`; its component; and its bytes through its code section.
    fn shaped(export: &str, offset: &str, data: &str, body: &str) -> (Vec<u8>, Vec<u8>) {
        let fields =
            format!("(memory 1) (export \"{export}\" (func 0)) (data ({offset}) \"{data}\")");
        let (component, module) = component_with(&fields, body);
        let code_end = Parser::new(0)
            .parse_all(&module)
            .find_map(|payload| match payload {
                Ok(Payload::CodeSectionStart { range, .. }) => Some(range.end),
                _ => None,
            })
            .unwrap();
        (component, module[..code_end].to_vec())
    }

    fn key(component: &[u8], validated: &[u8]) -> Vec<u8> {
        Shape::of(component, validated).unwrap().key
    }

    #[test]
    fn shapes_keep_the_module_type_but_not_its_code_or_data() {
        let (base, validated) = shaped("f", "i32.const 0", "x", "i32.const 7");
        let shape = Shape::of(&base, &validated).unwrap();
        assert!(shape.module.starts_with(&validated));
        assert!(base.ends_with(shape.module));
        // Other bodies or data, even of other lengths: the same shape.
        let (body, body_code) = shaped("f", "i32.const 0", "x", "i32.const 1000000");
        assert_eq!(key(&body, &body_code), shape.key);
        let (data, data_code) = shaped("f", "i32.const 0", "a longer segment", "i32.const 7");
        assert_eq!(key(&data, &data_code), shape.key);
        // Another export: another shape.
        let (export, export_code) = shaped("g", "i32.const 0", "x", "i32.const 7");
        assert_ne!(key(&export, &export_code), shape.key);
        // No module starting with the validated bytes: no shape.
        assert!(Shape::of(&export, &validated).is_none());
    }

    #[test]
    fn a_known_shape_still_validates_its_module() {
        let (valid, validated) = shaped("known_shape", "i32.const 0", "x", "i32.const 7");
        assert!(!is_known_shape(&key(&valid, &validated)));
        component(&valid, &validated).unwrap();
        assert!(is_known_shape(&key(&valid, &validated)));
        // Same shape, but a data segment whose offset is not an i32: the
        // module alone is validated, and that fails.
        let (invalid, invalid_code) = shaped("known_shape", "i64.const 0", "x", "i32.const 7");
        assert!(is_known_shape(&key(&invalid, &invalid_code)));
        let err = format!("{:#}", component(&invalid, &invalid_code).unwrap_err());
        assert!(err.contains("type mismatch"), "{err}");
        // An invalid component is never remembered.
        let (other, other_code) = shaped("unknown_shape", "i64.const 0", "x", "i32.const 7");
        assert!(component(&other, &other_code).is_err());
        assert!(!is_known_shape(&key(&other, &other_code)));
    }

    #[test]
    fn large_modules_are_not_remembered() {
        let data = format!(
            "(memory 5) (data (i32.const 0) \"{}\")",
            "a".repeat(REMEMBERED_MODULE_BYTES)
        );
        let (valid, module) = component_with(&data, "i32.const 0");
        assert!(module.len() > REMEMBERED_MODULE_BYTES);
        validate(&valid, None).unwrap();
        assert!(!is_remembered(&module));
    }

    #[test]
    fn components_from_the_componentizer_pass() {
        let legacy = wat::parse_str(
            r#"(module
                (import "wasi_ephemeral_nn" "compute" (func (param i32) (result i32)))
                (memory (export "memory") 1)
                (func (export "_start")))"#,
        )
        .unwrap();
        let ours = crate::Componentizer::new().componentize(&legacy).unwrap();
        let theirs = crate::Componentizer::new()
            .validate(false)
            .componentize(&legacy)
            .unwrap();
        assert_eq!(ours, theirs);
        Validator::new_with_features(WasmFeatures::all())
            .validate_all(&ours)
            .unwrap();
    }
}
