//! The dialect guests (tests/guests/src/dialect): one program built against
//! each generation of the legacy wasi-nn crates. Their wasi-nn 0.6.0 builds
//! speak the reference's numbers, so each runs on the reference (upstream
//! 48's WITX host) and must print what the existing 0.6.0 guest prints for
//! the same input, or values computed here. A program without such a test
//! does not compile. `imports_and_crate_symbols` checks, for every build, the
//! `wasi_ephemeral_nn` imports and the crate paths in its name section (run
//! it with `--nocapture` to see them).

use std::collections::BTreeSet;

use wasmparser::{KnownCustom, Name, Parser, Payload, TypeRef};

use crate::harness::{compiled, run_upstream_witx, rust_guest, Case, End, Guest, Outcome};

/// One constant per wasi-nn 0.6.0 dialect guest (the ones the reference
/// can run), named as its file in tests/guests/src/bin.
#[allow(non_upper_case_globals)]
mod dialect_guest {
    macro_rules! declare {
        ($name:ident, $program:ident, wasi_nn_0_6, $path:literal) => {
            pub const $name: super::Guest = super::Guest::Rust {
                name: stringify!($name),
                path: $path,
            };
        };
        ($name:ident, $program:ident, $dialect:ident, $path:literal) => {};
    }
    foreach_dialect_guest!(declare);
}

/// Fails to compile unless the wasi-nn 0.6.0 build of every program has a
/// test here, named after the program.
macro_rules! assert_reference_test_exists {
    ($name:ident, $program:ident, wasi_nn_0_6, $path:literal) => {
        #[expect(unused_imports, reason = "only asserts that the test exists")]
        use self::$program as _;
    };
    ($name:ident, $program:ident, $dialect:ident, $path:literal) => {};
}
foreach_dialect_guest!(assert_reference_test_exists);

fn on_reference(guest: Guest, args: &[&str]) -> Outcome {
    run_upstream_witx(&Case::new(guest, args), &compiled(guest))
}

#[track_caller]
fn assert_prints(outcome: &Outcome, expected: &str) {
    assert_eq!(outcome.end, End::Exit(0), "{outcome}");
    assert_eq!(outcome.stdout, expected, "{outcome}");
}

#[test]
fn classify() {
    for seed in ["1", "42"] {
        let existing = on_reference(
            rust_guest::classify,
            &["models/softmax", "f32", "1x10", &format!("seed:{seed}")],
        );
        assert!(existing.stdout.contains("top class: "), "{existing}");
        let ours = on_reference(
            dialect_guest::classify__wasi_nn_0_6,
            &["models/softmax", seed],
        );
        assert_prints(&ours, &existing.stdout);
    }
}

#[test]
fn two_io() {
    let existing = on_reference(rust_guest::two_io, &["models/two_io", "3"]);
    assert!(
        existing.stdout.contains("output 1 (16 bytes)"),
        "{existing}"
    );
    let ours = on_reference(dialect_guest::two_io__wasi_nn_0_6, &["models/two_io", "3"]);
    assert_prints(&ours, &existing.stdout);
}

/// identity_u8 is x + 1, scale_i32 is x * 3 + 1 (tests/models/generate.py).
#[test]
fn types() {
    let u8_input: [u8; 6] = [0, 1, 2, 127, 128, 254];
    let i32_input: [i32; 6] = [-100_000, -7, 0, 1, 2, 65_537];
    let u8_output = u8_input.map(|x| x + 1);
    let i32_output = i32_input.map(|x| x * 3 + 1);
    let ours = on_reference(
        dialect_guest::types__wasi_nn_0_6,
        &["models/identity_u8", "models/scale_i32"],
    );
    assert_prints(
        &ours,
        &format!(
            "u8: input {u8_input:?} output (6 bytes) {u8_output:?}\n\
             i32: input {i32_input:?} output (24 bytes) {i32_output:?}\n"
        ),
    );
}

/// The errnos are those of upstream's WITX host, as the 0.6.0 crate names
/// them: too_large as the existing `classify` guest shows it, unsupported
/// operation for ONNX (the reference has OpenVINO only) as the `onnx` guest
/// shows it. The last case, a data length that does not match the dims,
/// panics the reference's host (errors.rs, `data_shorter_than_dims`).
#[test]
fn errors() {
    let too_small = on_reference(
        rust_guest::classify,
        &["models/softmax", "f32", "1x10", "seed:1", "39"],
    );
    assert!(
        too_small
            .stdout
            .ends_with("get_output failed: Backend Error: WASI-NN Backend Error: Too Large\n"),
        "{too_small}"
    );
    let ours = on_reference(dialect_guest::errors__wasi_nn_0_6, &["models/softmax"]);
    assert!(matches!(ours.end, End::Panic(_)), "{ours}");
    assert_eq!(
        ours.stdout,
        "load_garbage: error runtime_error\n\
         load_onnx: error unsupported_operation\n\
         unknown_graph: skipped\n\
         set_input_bad_index: error runtime_error\n\
         get_output_too_small: error too_large\n\
         get_output_bad_index: error runtime_error\n",
        "{ours}"
    );
}

/// The crate path prefixes of the name section that tell the crates apart,
/// as far as they can be told: 0.1.0 has free functions in `generated`,
/// 0.2.0 and later only the import shims in `generated::wasi_ephemeral_nn`
/// (the rest is inlined).
const CRATE_MARKERS: [&str; 4] = [
    "wasmedge_wasi_nn::",
    "wasi_nn::generated::wasi_ephemeral_nn::",
    "wasi_nn::generated::",
    "wasi_nn::error::Error::raw_error",
];

/// What a dialect build shows of its crate: its `wasi_ephemeral_nn` imports
/// and the name-section functions with a crate marker (demangled, without
/// the hash).
fn crate_evidence(path: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let wasm = std::fs::read(path).unwrap_or_else(|e| panic!("reading {path}: {e}"));
    let mut imports = BTreeSet::new();
    let mut symbols = BTreeSet::new();
    for payload in Parser::new(0).parse_all(&wasm) {
        match payload.unwrap_or_else(|e| panic!("{path}: {e}")) {
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    let import = import.unwrap_or_else(|e| panic!("{path}: {e}"));
                    if import.module == "wasi_ephemeral_nn" {
                        assert!(matches!(import.ty, TypeRef::Func(_)), "{path}");
                        imports.insert(import.name.to_owned());
                    }
                }
            }
            Payload::CustomSection(section) => {
                if let KnownCustom::Name(reader) = section.as_known() {
                    for name in reader {
                        if let Ok(Name::Function(map)) = name {
                            for naming in map.into_iter().flatten() {
                                let symbol = demangle_legacy(naming.name);
                                if CRATE_MARKERS.iter().any(|m| symbol.starts_with(m)) {
                                    symbols.insert(symbol);
                                }
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    (imports, symbols)
}

/// `_ZN7wasi_nn9generated4load17h…E` -> `wasi_nn::generated::load`: the
/// length-prefixed path of a legacy Rust symbol, without its hash; other
/// names are returned unchanged (impl paths such as `_$LT$…` stay escaped).
fn demangle_legacy(symbol: &str) -> String {
    let Some(mut rest) = symbol.strip_prefix("_ZN") else {
        return symbol.to_owned();
    };
    let mut parts = Vec::new();
    while let Some(digits) = rest.find(|c: char| !c.is_ascii_digit()).filter(|&n| n > 0) {
        let len: usize = rest[..digits].parse().unwrap();
        let Some(part) = rest.get(digits..digits + len) else {
            break;
        };
        rest = &rest[digits + len..];
        if !(part.starts_with('h') && len == 17) {
            parts.push(part);
        }
    }
    parts.join("::")
}

/// Every build imports the five functions of `wasi_ephemeral_nn` and
/// nothing else of it, and shows the symbols of its crate: wasmedge's under
/// its own name, 0.1.0 its free functions, the others only the import shims
/// (so that 0.4.0, 0.5.0 and 0.6.0 cannot be told apart by names).
#[test]
fn imports_and_crate_symbols() {
    let expected_imports: BTreeSet<String> = [
        "compute",
        "get_output",
        "init_execution_context",
        "load",
        "set_input",
    ]
    .map(String::from)
    .into();
    macro_rules! check {
        ($name:ident, $program:ident, $dialect:ident, $path:literal) => {{
            let (imports, symbols) = crate_evidence($path);
            println!("{}:", stringify!($name));
            println!("  wasi_ephemeral_nn imports: {imports:?}");
            println!("  crate symbols: {symbols:?}");
            assert_eq!(imports, expected_imports, "{}", stringify!($name));
            let shims: BTreeSet<String> = expected_imports
                .iter()
                .map(|f| {
                    format!(
                        "{}generated::wasi_ephemeral_nn::{f}",
                        crate_prefix(stringify!($dialect))
                    )
                })
                .collect();
            assert!(
                shims.is_subset(&symbols),
                "{}: {symbols:?}",
                stringify!($name)
            );
            let free_functions = symbols
                .iter()
                .any(|s| s.starts_with("wasi_nn::generated::") && !s.contains("wasi_ephemeral_nn"));
            assert_eq!(
                free_functions,
                stringify!($dialect) == "wasi_nn_0_1",
                "{}: {symbols:?}",
                stringify!($name)
            );
        }};
    }
    foreach_dialect_guest!(check);
}

fn crate_prefix(dialect: &str) -> &'static str {
    if dialect == "wasmedge_wasi_nn" {
        "wasmedge_wasi_nn::"
    } else {
        "wasi_nn::"
    }
}
