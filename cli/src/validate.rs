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

use anyhow::Context;
use std::sync::Mutex;
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

/// Validates `component` as wit-component would; `validated` is the start
/// of a core module, through its code section, whose bodies are already
/// known to be valid (with wasmparser's default features, a subset of every
/// feature).
pub(crate) fn component(component: &[u8], validated: &[u8]) -> anyhow::Result<()> {
    validate(component, Some(validated)).context("failed to validate component output")
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
