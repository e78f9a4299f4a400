//! Dialects through hand-written WAT guests: the errno tables of each
//! dialect (errors.wat, componentized as each), and WasmEdge's extra
//! functions (wasmedge.wat). Guests built with the real crates of each
//! generation are tested in dialect_guests.rs.

use crate::errors::errors_case;
use crate::harness::{
    compiled_as, run_nn_host, run_nn_host_counting, Case, Compiled, Guest, Outcome,
};
use nn_componentize::{Componentizer, Dialect, LegacyModule, WasiNnVersion};

/// What each dialect's guest sees for each current-WITX errno (success,
/// invalid_argument, invalid_encoding, missing_memory, busy, runtime_error,
/// unsupported_operation, too_large, not_found), written out here again,
/// apart from `nn_abi::Dialect`, from the crates' own constants:
/// wasi-nn 0.1 has success 0, invalid_argument 1, missing_memory 2, busy 3;
/// 0.2-0.4 stop at runtime_error 5.
fn errno_in(dialect: Dialect, current: u32) -> u32 {
    let table: [u32; 9] = match dialect {
        Dialect::WasiNn01 => [0, 1, 1, 2, 3, 1, 1, 1, 1],
        Dialect::WasiNn02 => [0, 1, 2, 3, 4, 5, 5, 1, 5],
        Dialect::WasiNn05
        | Dialect::WasiNn06
        | Dialect::WasmEdge
        | Dialect::Wamr
        | Dialect::WamrWasiNn => [0, 1, 2, 3, 4, 5, 6, 7, 8],
    };
    table[current as usize]
}

/// The labels of errors.wat whose value is an errno.
const ERRNO_LABELS: [&str; 12] = [
    "setup_load",
    "setup_init",
    "errno",
    "load_by_name",
    "init",
    "set_input_1",
    "set_input_0",
    "compute",
    "get_output",
    "tail_set_input",
    "tail_compute",
    "tail_get_output",
];

/// `stdout` of errors.wat with every errno converted by `convert`, which
/// gets the line's label and value.
fn map_errnos(stdout: &str, convert: impl Fn(&str, u32) -> u32) -> String {
    stdout
        .lines()
        .map(|line| match line.split_once(' ') {
            Some((label, value)) if ERRNO_LABELS.contains(&label) => {
                format!("{label} {}\n", convert(label, value.parse().unwrap()))
            }
            _ => format!("{line}\n"),
        })
        .collect()
}

/// Cases whose input values mean something else in an older numbering, or
/// that WasmEdge answers otherwise than the reference, with the `errno`
/// line that dialect's guest gets instead of the converted one.
fn value_differs(case: &str, dialect: Dialect) -> Option<u32> {
    let old = matches!(dialect, Dialect::WasiNn01 | Dialect::WasiNn02);
    let old_types = old || dialect == Dialect::WasiNn05;
    match case {
        // Type 3 is u8 (10 bytes for [1,10]) in the current numbering, i32
        // (40 bytes) in the old one: the 10 bytes are refused at once.
        "set_input_wrong_type" if old_types => Some(1),
        // Encoding 1 (onnx) and 5 (autodetect): wasi-nn 0.1 knows only
        // openvino, 0.2 has no autodetect; both refuse without a host call.
        "load_ir_as_onnx" if dialect == Dialect::WasiNn01 => Some(1),
        "load_autodetect" if old => Some(1),
        // Encoding 5 is ggml in WAMR's numbering: nn-host's ggml backend
        // refuses IR bytes as not GGUF (invalid-encoding, errno
        // invalid_argument); nn-host autodetects IR under the default's 5.
        "load_autodetect" if dialect == Dialect::Wamr => Some(1),
        // A name the host lacks: WasmEdge's answer is not_found, the
        // reference's unsupported_operation.
        "load_by_name_unknown" if dialect == Dialect::WasmEdge => Some(8),
        _ => None,
    }
}

/// Every error case of errors.wat, componentized as each dialect, prints
/// what the default component prints with each errno in the dialect's
/// numbering (the default's own output is compared with the reference in
/// errors.rs).
#[test]
fn errors_wat_errnos_follow_each_dialect() {
    let guest = Guest::Wat("errors");
    let version = WasiNnVersion::default();
    let baseline = compiled_as(guest, Dialect::WasiNn06, version);
    let dialects: Vec<(Dialect, Compiled)> = Dialect::ALL
        .into_iter()
        .filter(|d| *d != Dialect::WasiNn06 && d.legacy_module() == LegacyModule::WasiEphemeralNn)
        .map(|d| (d, compiled_as(guest, d, version)))
        .collect();
    let mut failures = Vec::new();
    let mut names = Vec::new();
    macro_rules! name {
        ($name:ident, $index:literal) => {
            names.push((stringify!($name), $index));
        };
    }
    foreach_error_case!(name);
    for (case_name, index) in names {
        let case = errors_case(index);
        let expected = run_nn_host(&case, &baseline);
        for (dialect, compiled) in &dialects {
            let got = run_nn_host(&case, compiled);
            let want = map_errnos(&expected.stdout, |label, e| {
                match (label, value_differs(case_name, *dialect)) {
                    ("errno", Some(errno)) => errno,
                    _ => errno_in(*dialect, e),
                }
            });
            if got.stdout != want || got.end != expected.end {
                failures.push(format!(
                    "{case_name} as {dialect}: expected\n{want}{:?}\ngot\n{got}",
                    expected.end
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The errno table can fail: read as wasi-nn-0.1, a too_large is
/// invalid_argument, so the same guest prints something else.
#[test]
fn a_wrong_dialect_changes_the_errnos() {
    let guest = Guest::Wat("errors");
    let version = WasiNnVersion::default();
    let mut index = None;
    macro_rules! find {
        ($name:ident, $i:literal) => {
            if stringify!($name) == "get_output_buffer_one_byte_short" {
                index = Some($i);
            }
        };
    }
    foreach_error_case!(find);
    let case = Case::new(guest, &[&index.unwrap().to_string()]);
    let current = run_nn_host(&case, &compiled_as(guest, Dialect::WasiNn06, version));
    let old = run_nn_host(&case, &compiled_as(guest, Dialect::WasiNn01, version));
    let too_large = nn_abi::legacy_abi()
        .enum_value("nn_errno", "too_large")
        .unwrap();
    let as_01 = errno_in(Dialect::WasiNn01, too_large);
    assert_ne!(as_01, too_large);
    assert!(
        current.stdout.contains(&format!("errno {too_large}\n")),
        "{current}"
    );
    assert!(old.stdout.contains(&format!("errno {as_01}\n")), "{old}");
}

/// softmax(2x + 1) of x = 0, 0.5, …, 4.5 (the model and wasmedge.wat's input).
fn expected_softmax() -> Vec<f32> {
    let z: Vec<f64> = (0..10).map(|i| 2.0 * (f64::from(i) * 0.5) + 1.0).collect();
    let max = z.iter().cloned().fold(f64::MIN, f64::max);
    let sum: f64 = z.iter().map(|v| (v - max).exp()).sum();
    z.iter().map(|v| ((v - max).exp() / sum) as f32).collect()
}

fn hex_bytes(outcome: &Outcome) -> Vec<u8> {
    let line = outcome.stdout.trim_end();
    assert_eq!(line.len(), 196, "{outcome}");
    (0..line.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&line[i..i + 2], 16).unwrap())
        .collect()
}

/// WasmEdge's six extra functions, on nn-host with either WIT version: the
/// errno of every step (see wasmedge.wat), the outputs of `get_output_single`
/// and `get_output` (equal, and the model's softmax), and no `wasi:nn`
/// resource left once the guest has unloaded its graph and finalized its
/// context.
#[test]
fn wasmedge_functions_are_served() {
    let guest = Guest::Wat("wasmedge");
    let case = Case::new(guest, &[]).preload(&["softmax"]);
    for version in WasiNnVersion::ALL {
        // Detected from its imports: no --dialect.
        let compiled = Compiled::new(
            guest.name(),
            guest.module_bytes(),
            Componentizer::new(),
            version,
        );
        let (outcome, live) = run_nn_host_counting(&case, &compiled);
        assert_eq!(outcome.exit_code(), Some(0), "{version}: {outcome}");
        let bytes = hex_bytes(&outcome);
        let (errnos, outputs) = bytes.split_at(18);
        assert_eq!(
            errnos,
            [0, 1, 0, 0, 0, 0, 0, 0, 6, 0, 6, 6, 0, 0, 6, 6, 6, 6],
            "{version}: errno of each step"
        );
        let (single, plain) = outputs.split_at(40);
        assert_eq!(single, plain, "{version}: get_output_single vs get_output");
        let got: Vec<f32> = single
            .chunks(4)
            .map(|b| f32::from_le_bytes(b.try_into().unwrap()))
            .collect();
        for (g, e) in got.iter().zip(expected_softmax()) {
            assert!((g - e).abs() <= 1e-6, "{version}: {got:?}");
        }
        assert_eq!(live, Some(0), "{version}: wasi:nn resources left");
    }
}
