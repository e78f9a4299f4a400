//! Differential end-to-end tests: every legacy guest runs on the reference
//! (upstream wasmtime-wasi-nn 48's WITX host), and, componentized, on nn-host
//! and on upstream's WIT host. Stdout and exit codes must be identical; the
//! intended differences are spelled out per case (see docs/testing.md).
//!
//! The tests of a Rust guest are in a module named after it (`churn`'s in
//! churn.rs), and those of the WAT error cases are functions named after the
//! cases (errors.rs). build.rs lists the guests and the cases; a guest or a
//! case without its test does not compile.

// `foreach_rust_guest!` and `foreach_error_case!`.
include!(concat!(env!("OUT_DIR"), "/guests.rs"));

/// Fails to compile unless `$name` (a guest or an error case) names an item
/// of the module where it is used: its tests.
macro_rules! assert_test_exists {
    ($name:ident, $($_:tt)*) => {
        #[expect(unused_imports, reason = "only asserts that the test exists")]
        use self::$name as _;
    };
}

mod broken_adapter;
mod churn;
mod errors;
mod harness;

foreach_rust_guest!(assert_test_exists);

mod classify {
    use crate::harness::{run_three, rust_guest, Case};

    #[test]
    fn softmax_seeded() {
        for seed in ["seed:1", "seed:42"] {
            run_three(Case::new(
                rust_guest::classify,
                &["models/softmax", "f32", "1x10", seed],
            ))
            .assert_identical();
        }
    }

    #[test]
    fn softmax_input_file() {
        run_three(Case::new(
            rust_guest::classify,
            &["models/softmax", "f32", "1x10", "models/input.f32"],
        ))
        .assert_identical();
    }

    #[test]
    fn u8_model() {
        run_three(Case::new(
            rust_guest::classify,
            &["models/identity_u8", "u8", "2x3", "seed:7"],
        ))
        .assert_identical();
    }

    /// The output buffer is one byte short: every host must report the error
    /// the same way (the guest prints it and exits 1).
    #[test]
    fn output_buffer_too_small() {
        let triple = run_three(Case::new(
            rust_guest::classify,
            &["models/softmax", "f32", "1x10", "seed:3", "39"],
        ));
        triple.assert_identical();
        assert_eq!(triple.reference.exit_code(), Some(1), "{triple}");
    }
}

/// Upstream's WIT OpenVINO backend sets inputs by tensor name only, and the
/// adapter learns input names from the IR it is given by `load`; for a graph
/// from `load_by_name` it has none, so the first compute fails there with
/// runtime_error. nn-host (which accepts input positions) matches the
/// reference.
mod by_name {
    use crate::harness::{run_three, rust_guest, same_as_reference, Case, Triple};

    fn assert_by_name(triple: &Triple) {
        same_as_reference(&triple.reference, &triple.nn_host)
            .unwrap_or_else(|e| panic!("{e}\n{triple}"));
        let before_compute: String = triple
            .reference
            .stdout
            .lines()
            .take_while(|l| !l.starts_with("input:"))
            .map(|l| format!("{l}\n"))
            .collect();
        let expected = format!(
            "{before_compute}compute failed: Backend Error: WASI-NN Backend Error: Runtime Error\n"
        );
        assert_eq!(triple.upstream_wit.exit_code(), Some(1), "{triple}");
        assert_eq!(triple.upstream_wit.stdout, expected, "{triple}");
    }

    #[test]
    fn one_graph_preloaded() {
        assert_by_name(&run_three(
            Case::new(rust_guest::by_name, &["softmax", "5", "no-such-graph"])
                .preload(&["softmax"]),
        ));
    }

    #[test]
    fn two_graphs_preloaded() {
        assert_by_name(&run_three(
            Case::new(rust_guest::by_name, &["softmax", "9"]).preload(&["two_io", "softmax"]),
        ));
    }
}

mod two_io {
    use crate::harness::{run_three, rust_guest, Case};

    #[test]
    fn two_inputs_two_outputs() {
        run_three(Case::new(rust_guest::two_io, &["models/two_io", "3"])).assert_identical();
    }
}

mod recompute {
    use crate::harness::{run_three, rust_guest, Case};

    #[test]
    fn partial_updates() {
        run_three(Case::new(rust_guest::recompute, &["models/two_io", "4"])).assert_identical();
    }
}

mod contexts {
    use crate::harness::{run_three, rust_guest, Case};

    #[test]
    fn several_on_one_graph() {
        run_three(Case::new(rust_guest::contexts, &["models/softmax", "6"])).assert_identical();
    }
}

mod onnx {
    use crate::harness::{
        compiled, models_dir, run_three, run_upstream_witx, rust_guest, same_as_reference, Case,
    };

    /// The reference has only the OpenVINO backend (the `openvino` feature),
    /// so `load` with encoding onnx is unsupported_operation there and on
    /// upstream's WIT host. nn-host reads ONNX through OpenVINO. Its output is
    /// checked against the reference running the same function as OpenVINO
    /// IR: softmax.onnx is softmax(x) and softmax.xml is softmax(2y + 1), so
    /// the reference gets y = (x - 1) / 2 (exact in f32 for these inputs) from
    /// a file. Different graphs may round differently, hence a 1e-6
    /// tolerance.
    #[test]
    fn softmax_model() {
        let triple = run_three(Case::new(rust_guest::onnx, &["models/softmax.onnx", "2"]));
        same_as_reference(&triple.reference, &triple.upstream_wit)
            .unwrap_or_else(|e| panic!("{e}\n{triple}"));
        assert_eq!(triple.reference.exit_code(), Some(1), "{triple}");
        assert_eq!(
            triple.reference.stdout,
            "load failed: Backend Error: WASI-NN Backend Error: Unsupported Operation\n",
            "{triple}"
        );

        assert_eq!(triple.nn_host.exit_code(), Some(0), "{triple}");
        let list = |stdout: &str, prefix: &str| -> Vec<f32> {
            let line = stdout
                .lines()
                .find_map(|l| l.strip_prefix(prefix))
                .unwrap_or_else(|| panic!("no {prefix:?} in {stdout}"));
            line.trim_matches(|c| c == '[' || c == ']')
                .split(", ")
                .map(|v| v.parse().unwrap())
                .collect()
        };
        let x = list(&triple.nn_host.stdout, "input: ");
        let y: Vec<u8> = x
            .iter()
            .flat_map(|x| ((x - 1.0) / 2.0).to_le_bytes())
            .collect();
        std::fs::write(models_dir().join("onnx_equivalent.f32"), y).unwrap();
        let ir = Case::new(
            rust_guest::classify,
            &[
                "models/softmax",
                "f32",
                "1x10",
                "models/onnx_equivalent.f32",
            ],
        );
        let ir_reference = run_upstream_witx(&ir, &compiled(ir.guest));
        let expected = list(&ir_reference.stdout, "scores: ");
        let got = list(&triple.nn_host.stdout, "output: ");
        assert_eq!(got.len(), expected.len());
        for (g, e) in got.iter().zip(&expected) {
            assert!(
                (g - e).abs() <= 1e-6,
                "ONNX on nn-host {got:?} vs IR on the reference {expected:?}\n{triple}"
            );
        }
    }
}
