//! The dialect guests (tests/guests/src/dialect): one program built against
//! each generation of the legacy wasi-nn crates.
//!
//! Their wasi-nn 0.6.0 builds speak the reference's numbers, so each runs on
//! the reference (upstream 48's WITX host) and must print what the existing
//! 0.6.0 guest prints for the same input, or values computed here. A program
//! without such a test does not compile.
//!
//! Then every build, of every crate, componentized with its crate's
//! dialect, runs on nn-host (both WIT versions) and on both upstream WIT
//! hosts, and must print what the 0.6.0 build printed on the reference
//! (`every_build_prints_the_reference_output`; `classify`, on the real
//! classifier, prints on upstream 34's OpenVINO 2025.0 the same class with
//! slightly other scores); the errors program prints
//! each crate's own errno names, written out per dialect. Each build is
//! detected as its dialect, or gets the note (`detection`), and a wrong
//! dialect changes what the u8 guest prints (`a_wrong_dialect_is_caught`).

use nn_componentize::{Componentizer, Dialect, WasiNnVersion};

use crate::harness::{
    compiled, compiled_as, run_nn_host, run_upstream_wit, run_upstream_witx, rust_guest, top_class,
    Case, End, Guest, Host, Outcome, V34Run, CLASSIFY_CHELSEA,
};

/// One constant per dialect guest, named as its file in
/// tests/guests/src/bin.
#[allow(non_upper_case_globals, dead_code)]
mod dialect_guest {
    macro_rules! declare {
        ($name:ident, $program:ident, $dialect:ident, $path:literal) => {
            pub const $name: super::Guest = super::Guest::Rust {
                name: stringify!($name),
                path: $path,
            };
        };
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

/// The dialect `classify` program prints what the `classify` guest prints,
/// on the real classifier and photo.
#[test]
fn classify() {
    let existing = on_reference(rust_guest::classify, &CLASSIFY_CHELSEA);
    assert_eq!(top_class(&existing.stdout), Some("282"), "{existing}");
    let ours = on_reference(dialect_guest::classify__wasi_nn_0_6, args_of("classify"));
    assert_prints(&ours, &existing.stdout);
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

/// The dialect each crate's builds are componentized as.
fn dialect_of(krate: &str) -> Dialect {
    match krate {
        "wasi_nn_0_1" => Dialect::WasiNn01,
        "wasi_nn_0_4" => Dialect::WasiNn02,
        "wasi_nn_0_5" => Dialect::WasiNn05,
        "wasi_nn_0_6" => Dialect::WasiNn06,
        "wasmedge_wasi_nn" => Dialect::WasmEdge,
        other => panic!("no dialect for the crate {other}"),
    }
}

/// The arguments each program runs with.
fn args_of(program: &str) -> &'static [&'static str] {
    match program {
        "classify" => &[
            "models/efficientnet_lite0",
            "1x3x224x224",
            "models/chelsea.f32",
            "4000",
        ],
        "two_io" => &["models/two_io", "3"],
        "types" => &["models/identity_u8", "models/scale_i32"],
        "errors" => &["models/softmax"],
        other => panic!("no arguments for the program {other}"),
    }
}

/// What the errors program prints on a component of each dialect: the
/// reference's errors (see `errors`) in the crate's own names, after the
/// dialect's table (docs/dialects.md), and a last line the reference never
/// reaches (its host panics on the short data; the adapter refuses it).
/// `load_onnx` (two IR builders declared onnx) is the host's: the upstream
/// hosts have no ONNX backend (unsupported_operation, as on the reference),
/// nn-host reads ONNX and refuses the builder count (invalid_argument).
fn errors_output(krate: &str, on_nn_host: bool) -> String {
    let onnx = match (krate, on_nn_host) {
        // wasi-nn 0.1 cannot express onnx.
        ("wasi_nn_0_1", _) => "skipped",
        (_, true) => "error invalid_argument",
        // 0.2-0.4 have no unsupported_operation: runtime_error.
        ("wasi_nn_0_4", false) => "error runtime_error",
        (_, false) => "error unsupported_operation",
    };
    let rest = match krate {
        // 0.1 has no runtime_error or too_large: every failure is
        // invalid_argument. It can pass a raw handle, so unknown_graph runs.
        "wasi_nn_0_1" => {
            "unknown_graph: error invalid_argument\n\
             set_input_bad_index: error invalid_argument\n\
             get_output_too_small: error invalid_argument\n\
             get_output_bad_index: error invalid_argument\n"
        }
        // 0.2-0.4: too_large is invalid_argument.
        "wasi_nn_0_4" => {
            "unknown_graph: skipped\n\
             set_input_bad_index: error runtime_error\n\
             get_output_too_small: error invalid_argument\n\
             get_output_bad_index: error runtime_error\n"
        }
        _ => {
            "unknown_graph: skipped\n\
             set_input_bad_index: error runtime_error\n\
             get_output_too_small: error too_large\n\
             get_output_bad_index: error runtime_error\n"
        }
    };
    let garbage = match krate {
        "wasi_nn_0_1" => "invalid_argument",
        _ => "runtime_error",
    };
    format!(
        "load_garbage: error {garbage}\nload_onnx: {onnx}\n{rest}set_input_short_data: error invalid_argument\n"
    )
}

/// The runs of `guest` as a component on the four component hosts.
fn component_runs(guest: Guest, dialect: Dialect, args: &[&str]) -> Vec<Outcome> {
    let case = Case::new(guest, args);
    let new = compiled_as(guest, dialect, WasiNnVersion::V2024_10_28);
    let old = compiled_as(guest, dialect, WasiNnVersion::V2024_08_19);
    let v34 = V34Run::start(&case, &old);
    vec![
        run_nn_host(&case, &new),
        run_upstream_wit(&case, &new),
        run_nn_host(&case, &old),
        v34.outcome(),
    ]
}

#[test]
fn every_build_prints_the_reference_output() {
    let mut failures = Vec::new();
    macro_rules! check {
        ($name:ident, $program:ident, $krate:ident, $path:literal) => {{
            let program = stringify!($program);
            let krate = stringify!($krate);
            let args = args_of(program);
            let reference =
                (program != "errors").then(|| on_reference(reference_build(program), args).stdout);
            for outcome in component_runs(dialect_guest::$name, dialect_of(krate), args) {
                let expected = match &reference {
                    Some(stdout) => stdout.clone(),
                    None => errors_output(krate, matches!(outcome.host, Host::Nn(_))),
                };
                let same = match (program, outcome.host) {
                    // Upstream 34 runs on OpenVINO 2025.0, whose CPU plugin
                    // computes the real classifier's scores slightly
                    // differently (real_models.rs): the same class is all
                    // its run can share with the reference's.
                    ("classify", Host::UpstreamWitV34) => {
                        top_class(&outcome.stdout).is_some()
                            && top_class(&outcome.stdout) == top_class(&expected)
                    }
                    _ => outcome.stdout == expected,
                };
                if outcome.end != End::Exit(0) || !same {
                    failures.push(format!(
                        "{} as {}: expected\n{expected}got {outcome}",
                        stringify!($name),
                        dialect_of(krate)
                    ));
                }
            }
        }};
    }
    foreach_dialect_guest!(check);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The 0.6.0 build of `program`, the one the reference runs.
fn reference_build(program: &str) -> Guest {
    let mut found = None;
    macro_rules! find {
        ($name:ident, $program:ident, wasi_nn_0_6, $path:literal) => {
            if stringify!($program) == program {
                found = Some(dialect_guest::$name);
            }
        };
        ($name:ident, $program:ident, $krate:ident, $path:literal) => {};
    }
    foreach_dialect_guest!(find);
    found.unwrap_or_else(|| panic!("no wasi-nn 0.6.0 build of {program}"))
}

/// Each build is detected as its dialect where its name section shows it
/// (wasi-nn 0.1.0, wasmedge-wasi-nn), else read as the default with a note
/// (0.4.0, 0.5.0 and 0.6.0 keep only import names, which every generation
/// shares).
#[test]
fn detection() {
    macro_rules! check {
        ($name:ident, $program:ident, $krate:ident, $path:literal) => {{
            let guest = dialect_guest::$name;
            let inspection = Componentizer::new().inspect(&guest.module_bytes()).unwrap();
            let name = stringify!($name);
            match stringify!($krate) {
                "wasi_nn_0_1" | "wasmedge_wasi_nn" => {
                    assert_eq!(inspection.dialect, dialect_of(stringify!($krate)), "{name}");
                    assert!(
                        inspection.notes.is_empty(),
                        "{name}: {:?}",
                        inspection.notes
                    );
                }
                _ => {
                    assert_eq!(inspection.dialect, Dialect::WasiNn06, "{name}");
                    assert!(
                        inspection.notes.iter().any(|n| n.contains("--dialect")),
                        "{name}: {:?}",
                        inspection.notes
                    );
                }
            }
        }};
    }
    foreach_dialect_guest!(check);
}

/// The tables are what makes the u8 and i32 models run: the wasi-nn 0.5.0
/// build read as wasi-nn-0.6 (u8 = 2 taken for f64, i32 = 3 for u8) prints
/// something else than the reference, on nn-host.
#[test]
fn a_wrong_dialect_is_caught() {
    let args = args_of("types");
    let expected = on_reference(reference_build("types"), args).stdout;
    let case = Case::new(dialect_guest::types__wasi_nn_0_5, args);
    let right = compiled_as(
        dialect_guest::types__wasi_nn_0_5,
        Dialect::WasiNn05,
        WasiNnVersion::default(),
    );
    assert_eq!(run_nn_host(&case, &right).stdout, expected);
    let wrong = compiled_as(
        dialect_guest::types__wasi_nn_0_5,
        Dialect::WasiNn06,
        WasiNnVersion::default(),
    );
    let outcome = run_nn_host(&case, &wrong);
    assert_ne!(outcome.stdout, expected, "{outcome}");
}
