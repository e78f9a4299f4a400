//! `Componentizer` on generated and damaged core modules: `Ok` or `Err`,
//! never a panic, every `Ok` validates as a component, and `inspect` gives
//! the same verdict (the same error, or none) on every input, in a report
//! and messages that no name from the module breaks over lines.
//!
//! Inputs, chosen by seed:
//! - wasm-smith modules whose imports are drawn from the real legacy ABI
//!   (`wasi_ephemeral_nn` lowered from witx/wasi_ephemeral_nn.witx by
//!   `nn_abi::legacy_abi`, `wasi_snapshot_preview1` as the preview1 adapter exports
//!   it), with or without the `memory` and `_start` exports programs have;
//! - wasm-mutate mutants, truncations and bit flips of the real guests (the
//!   built Rust guests and the WAT guests);
//! - WAT noise: the text of the WAT guests with lines dropped, duplicated
//!   or a number replaced;
//! - modules varied where they meet the adapters ([`boundary_module`]).

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::OnceLock;

use arbitrary::Unstructured;
use nn_componentize::{Componentizer, Inspection, Problem};
use wasm_encoder::{EntityType, ImportSection, TypeSection, ValType};
use wasmparser::{Parser, Payload, Validator, WasmFeatures};

use crate::rng::{progress, seeds, Rng};

/// Iterations run by `cargo test`: about 15 s in the debug profile on 2 cores
/// (40 per second alone).
const BOUNDED_ITERS: u64 = 600;

/// The imports wasm-smith may use: the real core signatures of both modules.
fn available_imports() -> &'static [u8] {
    static MODULE: OnceLock<Vec<u8>> = OnceLock::new();
    MODULE.get_or_init(|| {
        let mut types = TypeSection::new();
        let mut imports = ImportSection::new();
        let mut add = |module: &str, name: &str, params: Vec<ValType>, results: Vec<ValType>| {
            let index = types.len();
            types.ty().function(params, results);
            imports.import(module, name, EntityType::Function(index));
        };
        for (name, (params, results)) in nn_signatures() {
            add(nn_abi::legacy_abi().module(), &name, params, results);
        }
        for (name, (params, results)) in preview1_signatures() {
            add(nn_componentize::PREVIEW1_MODULE, &name, params, results);
        }
        let mut module = wasm_encoder::Module::new();
        module.section(&types).section(&imports);
        module.finish()
    })
}

type Signature = (Vec<ValType>, Vec<ValType>);

/// `wasi_ephemeral_nn` as the WITX file defines it (lowered once, by
/// `nn_abi::legacy_abi`).
fn nn_signatures() -> Vec<(String, Signature)> {
    let lower = |types: &[wasmparser::ValType]| -> Vec<ValType> {
        types
            .iter()
            .map(|t| match t {
                wasmparser::ValType::I32 => ValType::I32,
                wasmparser::ValType::I64 => ValType::I64,
                other => panic!("the WITX lowers to i32 and i64 only, not {other}"),
            })
            .collect()
    };
    nn_abi::legacy_abi()
        .functions()
        .iter()
        .map(|f| {
            (
                f.name.clone(),
                (lower(f.ty.params()), lower(f.ty.results())),
            )
        })
        .collect()
}

/// The preview1 functions, with their types, as the command adapter the
/// componentizer uses exports them (its other exports are the component's
/// own: `cabi_*` helpers and names with `:`).
fn preview1_signatures() -> Vec<(String, Signature)> {
    let adapter = wasi_preview1_component_adapter_provider::WASI_SNAPSHOT_PREVIEW1_COMMAND_ADAPTER;
    let mut types = Vec::new();
    let mut func_types = Vec::new();
    let mut out = Vec::new();
    for payload in Parser::new(0).parse_all(adapter) {
        match payload.expect("the preview1 adapter parses") {
            Payload::TypeSection(reader) => {
                for ty in reader.into_iter_err_on_gc_types() {
                    let ty = ty.expect("function type");
                    let convert = |v: &[wasmparser::ValType]| -> Vec<ValType> {
                        v.iter()
                            .map(|t| ValType::try_from(*t).expect("a core value type"))
                            .collect()
                    };
                    types.push((convert(ty.params()), convert(ty.results())));
                }
            }
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    if let wasmparser::TypeRef::Func(t) = import.expect("import").ty {
                        func_types.push(t);
                    }
                }
            }
            Payload::FunctionSection(reader) => {
                func_types.extend(reader.into_iter().map(|t| t.expect("function")));
            }
            Payload::ExportSection(reader) => {
                for export in reader {
                    let export = export.expect("export");
                    if export.kind == wasmparser::ExternalKind::Func
                        && !export.name.starts_with("cabi_")
                        && !export.name.contains(':')
                    {
                        let ty = &types[func_types[export.index as usize] as usize];
                        out.push((export.name.to_string(), ty.clone()));
                    }
                }
            }
            _ => {}
        }
    }
    assert!(
        out.iter().any(|(n, _)| n == "fd_write"),
        "preview1 adapter exports found"
    );
    out
}

/// The real guests: every built Rust guest and the WAT guests.
fn real_guests() -> &'static [(String, Vec<u8>)] {
    static GUESTS: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    GUESTS.get_or_init(|| {
        let mut guests = Vec::new();
        macro_rules! add {
            ($name:ident, $path:literal) => {
                guests.push((
                    stringify!($name).to_string(),
                    std::fs::read($path).expect($path),
                ));
            };
        }
        foreach_rust_guest!(add);
        for (name, text) in wat_guests() {
            guests.push((name.to_string(), wat::parse_str(text).expect(name)));
        }
        guests
    })
}

fn wat_guests() -> &'static [(&'static str, String)] {
    static TEXTS: OnceLock<Vec<(&'static str, String)>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        ["errors", "calls"]
            .into_iter()
            .map(|name| {
                let path = Path::new(env!("NN_GUESTS_WAT_DIR")).join(format!("{name}.wat"));
                (name, std::fs::read_to_string(&path).expect("WAT guest"))
            })
            .collect()
    })
}

/// The input of one seed and how it was made.
fn input(seed: u64) -> (String, Vec<u8>) {
    let mut rng = Rng::new(seed);
    match rng.below(7) {
        0 | 1 => {
            let programs = rng.below(2) == 0;
            let len = 64 + rng.below(4096) as usize;
            let data = rng.bytes(len);
            let mut u = Unstructured::new(&data);
            let mut config: wasm_smith::Config = u.arbitrary().unwrap_or_default();
            config.available_imports = Some(available_imports().to_vec());
            config.min_imports = 1;
            config.max_imports = config.max_imports.max(4);
            if programs {
                config.exports = Some(
                    wat::parse_str(
                        r#"(module (memory (export "memory") 1) (func (export "_start")))"#,
                    )
                    .unwrap(),
                );
            }
            match wasm_smith::Module::new(config, &mut u) {
                Ok(m) => (
                    format!("wasm-smith (program exports: {programs})"),
                    m.to_bytes(),
                ),
                Err(e) => (format!("wasm-smith gave up: {e}"), Vec::new()),
            }
        }
        2 => {
            let (name, bytes) = rng.pick(real_guests());
            let mut mutate = wasm_mutate::WasmMutate::default();
            mutate
                .seed(rng.next_u64())
                .fuel(1000)
                .preserve_semantics(rng.chance(1, 2));
            let mutant = match mutate.run(bytes) {
                Ok(mut mutants) => mutants.next().and_then(Result::ok),
                Err(_) => None,
            };
            (
                format!("wasm-mutate of {name}"),
                mutant.unwrap_or_else(|| bytes.clone()),
            )
        }
        3 => {
            let (name, bytes) = rng.pick(real_guests());
            let len = rng.below(bytes.len() as u32) as usize;
            (
                format!("{name} truncated to {len} bytes"),
                bytes[..len].to_vec(),
            )
        }
        4 => {
            let (name, bytes) = rng.pick(real_guests());
            let mut bytes = bytes.clone();
            let flips = 1 + rng.below(8);
            for _ in 0..flips {
                let at = rng.below(bytes.len() as u32) as usize;
                bytes[at] ^= 1 << rng.below(8);
            }
            (format!("{name} with {flips} bit flips"), bytes)
        }
        6 => (
            "a module varied at the adapters' boundary".to_string(),
            boundary_module(&mut rng).into_bytes(),
        ),
        _ => {
            let (name, text) = rng.pick(wat_guests());
            let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
            let edits = 1 + rng.below(4);
            for _ in 0..edits {
                let at = rng.below(lines.len() as u32) as usize;
                match rng.below(3) {
                    0 => {
                        lines.remove(at);
                    }
                    1 => {
                        let line = lines[at].clone();
                        lines.insert(at, line);
                    }
                    _ => {
                        let value = ["0", "1", "-1", "4294967295", "65536", "0x7fffffff"]
                            [rng.below(6) as usize];
                        lines[at] = replace_a_number(&lines[at], value, &mut rng);
                    }
                }
            }
            (
                format!("{name}.wat with {edits} line edits"),
                lines.join("\n").into_bytes(),
            )
        }
    }
}

/// WebAssembly text of a legacy module varied where it meets the adapters
/// and wit-component: the memory exported as `memory` (shared, 64-bit,
/// behind another memory, absent, beside `cm32p2_memory`), the form of the
/// types of its adapted imports (plain or exact), of `_start`, of the exports
/// wit-component calls and of the start function (plain, in a `rec` group,
/// `sub`, with a supertype), their signatures (right or off by a parameter),
/// and names with control characters.
fn boundary_module(rng: &mut Rng) -> String {
    let mut types = Vec::new();
    let mut fields = Vec::new();
    // A type for `sig` in one of the forms; returns its name.
    let mut ty = |rng: &mut Rng, sig: String| -> String {
        let name = format!("$t{}", types.len());
        types.push(match rng.below(6) {
            0 => format!("(rec (type {name} (func {sig})) (type (struct)))"),
            1 => format!("(type {name} (sub (func {sig})))"),
            2 => format!("(type {name}.base (sub (func {sig}))) (type {name} (sub final {name}.base (func {sig})))"),
            3 => format!("(rec (type {name} (func {sig})))"),
            _ => format!("(type {name} (func {sig}))"),
        });
        name
    };
    let signature = |rng: &mut Rng, params: &[ValType], results: &[ValType]| {
        let mut params: Vec<&str> = params.iter().map(wat_type).collect();
        if rng.chance(1, 8) {
            params.pop();
        }
        let results: Vec<&str> = results.iter().map(wat_type).collect();
        format!(
            "(param {}) (result {})",
            params.join(" "),
            results.join(" ")
        )
    };
    let nn = nn_signatures();
    let preview1 = preview1_signatures();
    for _ in 0..1 + rng.below(3) {
        let (module, (name, (params, results))) = match rng.below(4) {
            0 | 1 => (nn_abi::legacy_abi().module(), rng.pick(&nn)),
            2 => (nn_componentize::PREVIEW1_MODULE, rng.pick(&preview1)),
            _ => ("env", rng.pick(&nn)),
        };
        let mut name = name.clone();
        if rng.chance(1, 6) {
            let at = rng.below(name.len() as u32 + 1) as usize;
            name.insert(at, *rng.pick(&['\n', '\r', '\u{1b}', '\u{2028}', '\t']));
        }
        let sig = signature(rng, params, results);
        let t = ty(rng, sig);
        // An exact import (custom descriptors) now and then.
        let func = match rng.chance(1, 16) {
            true => format!("(exact (type {t}))"),
            false => format!("(type {t})"),
        };
        fields.push(format!(
            "(import \"{}\" \"{}\" (func {func}))",
            wat_string(module),
            wat_string(&name)
        ));
    }
    let memory_type = |rng: &mut Rng| match rng.below(6) {
        0 => "1 2 shared",
        1 => "i64 1",
        2 => "i64 1 2 shared",
        3 => "1 3",
        _ => "1",
    };
    if rng.chance(1, 4) {
        fields.push(format!("(memory {})", memory_type(rng)));
    }
    if rng.chance(7, 8) {
        fields.push(format!("(memory (export \"memory\") {})", memory_type(rng)));
    }
    if rng.chance(1, 16) {
        fields.push(format!(
            "(memory (export \"cm32p2_memory\") {})",
            memory_type(rng)
        ));
    }
    // `_start`, and the names wit-component calls (legacy and `cm32p2_`).
    let exports: [(&[&str], &[ValType], &[ValType]); 3] = [
        (&["_start"], &[], &[]),
        (
            &[
                "_initialize",
                "cm32p2_initialize",
                "__wasm_init_task",
                "__wasm_init_async_task",
            ],
            &[],
            &[],
        ),
        (
            &[
                "cabi_realloc",
                "cm32p2_realloc",
                "canonical_abi_realloc",
                "cabi_realloc_adapter",
                "cabi_import_realloc",
            ],
            &[ValType::I32; 4],
            &[ValType::I32],
        ),
    ];
    for (names, params, results) in exports {
        let name = rng.pick(names);
        if rng.chance(1, 2) {
            let mut sig = signature(rng, params, results);
            if rng.chance(1, 8) {
                sig = "(param i32)".to_string();
            }
            let t = ty(rng, sig);
            fields.push(format!("(func (export \"{name}\") (type {t}) unreachable)"));
        }
    }
    if rng.chance(1, 4) {
        let t = ty(rng, String::new());
        fields.push(format!("(func $main (type {t})) (start $main)"));
    }
    format!("(module {} {})", types.join(" "), fields.join(" "))
}

fn wat_type(ty: &ValType) -> &'static str {
    match ty {
        ValType::I32 => "i32",
        ValType::I64 => "i64",
        ValType::F32 => "f32",
        ValType::F64 => "f64",
        _ => "v128",
    }
}

/// `text` as the contents of a WAT string: bytes other than printable
/// ASCII, `"` and `\` written as `\hh`.
fn wat_string(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b' '..=b'~' if b != b'"' && b != b'\\' => (b as char).to_string(),
            _ => format!("\\{b:02x}"),
        })
        .collect()
}

/// `line` with one of its decimal numbers replaced by `value`.
fn replace_a_number(line: &str, value: &str, rng: &mut Rng) -> String {
    let starts: Vec<usize> = line
        .char_indices()
        .filter(|&(i, c)| {
            c.is_ascii_digit() && !line[..i].ends_with(|p: char| p.is_ascii_alphanumeric())
        })
        .map(|(i, _)| i)
        .collect();
    if starts.is_empty() {
        return line.to_string();
    }
    let start = *rng.pick(&starts);
    let end = line[start..]
        .find(|c: char| !c.is_ascii_alphanumeric())
        .map_or(line.len(), |n| start + n);
    format!("{}{value}{}", &line[..start], &line[end..])
}

/// The message of a caught panic.
fn panic_message(panic: Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default()
}

/// How many lines `inspection`'s report has when no name breaks one: the
/// report's lines, counted from what it lists.
fn report_lines(inspection: &Inspection) -> usize {
    let imports = if inspection.modules.is_empty() {
        1
    } else {
        inspection
            .modules
            .iter()
            .map(|module| {
                1 + module
                    .imports
                    .iter()
                    .map(|import| match import.problem {
                        None | Some(Problem::NoAdapter { .. }) => 1,
                        Some(_) => 2,
                    })
                    .sum::<usize>()
            })
            .sum()
    };
    1 + usize::from(inspection.uses_nn())
        + imports
        + inspection.module_problems.len()
        + inspection.warnings.len()
        + inspection.notes.len()
        + 1
}

fn check(seed: u64) -> Result<&'static str, String> {
    let (what, module) = input(seed);
    let fail = |message: String| format!("seed {seed} ({what}): {message}");
    let componentizer = Componentizer::new();
    let inspected = catch_unwind(AssertUnwindSafe(|| componentizer.inspect(&module)))
        .map_err(|panic| fail(format!("inspect panicked: {}", panic_message(panic))))?;
    let converted = catch_unwind(AssertUnwindSafe(|| componentizer.componentize(&module)))
        .map_err(|panic| fail(format!("Componentizer panicked: {}", panic_message(panic))))?;
    // The oracle: inspect's verdict is the conversion's.
    let inspect_verdict = match &inspected {
        Ok(inspection) => inspection.verdict().map_err(|e| e.to_string()),
        Err(error) => Err(format!("{error:#}")),
    };
    let convert_verdict = converted.as_ref().map(|_| ()).map_err(|e| format!("{e:#}"));
    if inspect_verdict != convert_verdict {
        return Err(fail(format!(
            "inspect and componentize disagree: inspect {inspect_verdict:?}, componentize \
             {convert_verdict:?}"
        )));
    }
    let mut at_boundary = false;
    if let Ok(inspection) = &inspected {
        for problem in inspection.problems() {
            at_boundary |= matches!(
                problem,
                Problem::SharedMemory
                    | Problem::Memory64
                    | Problem::RecGroupType { .. }
                    | Problem::SupertypeType { .. }
            );
            let line = problem.to_string();
            if line.contains(char::is_control) {
                return Err(fail(format!("a problem is not one clean line: {line:?}")));
            }
        }
        let report = inspection.to_string();
        if report.contains(|c: char| c.is_control() && c != '\n')
            || report.lines().count() != report_lines(inspection)
        {
            return Err(fail(format!("a name broke the report: {report:?}")));
        }
    }
    match converted {
        Err(error) => {
            if format!("{error:#}").trim().is_empty() {
                return Err(fail("an error without a message".into()));
            }
            Ok(if at_boundary { "boundary" } else { "err" })
        }
        Ok(component) => {
            let features = WasmFeatures::default() | WasmFeatures::COMPONENT_MODEL;
            Validator::new_with_features(features)
                .validate_all(&component)
                .map_err(|e| fail(format!("Ok, but the component is invalid: {e}")))?;
            Ok("ok")
        }
    }
}

#[test]
fn componentize_never_panics_every_ok_validates_and_inspect_agrees() {
    let range = seeds(BOUNDED_ITERS);
    let start = std::time::Instant::now();
    let (mut ok, mut err, mut boundary) = (0u64, 0u64, 0u64);
    let mut failures = Vec::new();
    for seed in range.clone() {
        match check(seed) {
            Ok("ok") => ok += 1,
            Ok("boundary") => boundary += 1,
            Ok(_) => err += 1,
            Err(failure) => {
                eprintln!("{failure}");
                failures.push(failure);
            }
        }
        progress("componentize", 1000, seed, &range, start);
    }
    eprintln!(
        "componentize: {ok} Ok, {} Err ({boundary} at the adapters' boundary), {} failures",
        err + boundary,
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} seeds failed (replay one with NN_FUZZ_SEED=<seed> NN_FUZZ_ITERS=1):\n{}",
        failures.len(),
        failures.join("\n")
    );
    // The generators must reach the adapters, not only the parser, and the
    // boundary checks the oracle guards.
    if range.end - range.start >= BOUNDED_ITERS {
        assert!(
            ok > 0,
            "no input componentized: the generators only make junk"
        );
        assert!(
            boundary > 0,
            "no input refused at the adapters' boundary: the oracle is not exercised there"
        );
    }
}
