//! Differential end-to-end tests: every legacy guest runs on the reference
//! (upstream wasmtime-wasi-nn 48's WITX host), and, componentized for each
//! `wasi:nn` version, on nn-host and on the upstream WIT host of that version
//! (wasmtime-wasi-nn 48 for 0.2.0-rc-2024-10-28, 34 for 0.2.0-rc-2024-08-19).
//! Stdout and exit codes must be identical; the intended differences are
//! spelled out per case (see docs/testing.md).
//!
//! The tests of a Rust guest are in a module named after it (`churn`'s in
//! churn.rs), and those of the WAT error cases are functions named after the
//! cases (errors.rs). build.rs lists the guests and the cases; a guest or a
//! case without its test does not compile. The dialect guests (the same
//! programs built against each legacy crate) are in dialect_guests.rs, the C
//! guests written for WAMR in c_guests.rs.

// `foreach_rust_guest!`, `foreach_dialect_guest!`, `foreach_error_case!`,
// `foreach_c_guest!` and `foreach_c_legacy_guest!`.
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
mod c_guests;
mod churn;
mod dialect_guests;
mod dialects;
mod errors;
mod ggml;
mod harness;
/// The guests' photo preprocessing, to make tensor files as they would.
#[path = "../../guests/src/photo.rs"]
#[allow(dead_code, reason = "the guests use all of it, the tests a part")]
mod photo;
mod real_models;
mod zero;

use ggml::{
    ggml_basic, ggml_chatml, ggml_dims_one, ggml_llama, ggml_llama_stream, ggml_load_bytes,
    ggml_model_not_found, ggml_multimodel, ggml_set_input_twice, ggml_unload,
};
use real_models::{face_detection, fixture_classify, imagenet, text_orientation};

foreach_rust_guest!(assert_test_exists);

mod classify {
    use crate::harness::{
        run_all, rust_guest, same_as_reference, top_class, Case, CLASSIFY_CHELSEA,
    };

    #[test]
    fn softmax_seeded() {
        for seed in ["seed:1", "seed:42"] {
            run_all(Case::new(
                rust_guest::classify,
                &["models/softmax", "f32", "1x10", seed],
            ))
            .assert_identical();
        }
    }

    /// The dynamic model's input is declared `?,3`: a batch of two fits, a
    /// tensor of four columns does not.
    #[test]
    fn dynamic_model() {
        for dims in ["2x3", "2x4"] {
            run_all(Case::new(
                rust_guest::classify,
                &["models/dynamic", "f32", dims, "seed:1"],
            ))
            .assert_identical();
        }
    }

    #[test]
    fn softmax_input_file() {
        run_all(Case::new(
            rust_guest::classify,
            &["models/softmax", "f32", "1x10", "models/input.f32"],
        ))
        .assert_identical();
    }

    #[test]
    fn u8_model() {
        run_all(Case::new(
            rust_guest::classify,
            &["models/identity_u8", "u8", "2x3", "seed:7"],
        ))
        .assert_identical();
    }

    /// The real classifier on a real photo: chelsea.png made into a tensor
    /// file as the `imagenet` guest makes it. Every host prints top class
    /// 282 (tiger cat); upstream 34's OpenVINO 2025.0 computes other digits
    /// (real_models.rs), so there only the top class is compared.
    #[test]
    fn efficientnet_lite0_on_a_photo() {
        let runs = run_all(Case::new(rust_guest::classify, &CLASSIFY_CHELSEA));
        for outcome in [&runs.nn_host, &runs.upstream_wit, &runs.nn_host_0819] {
            same_as_reference(&runs.reference, outcome).unwrap_or_else(|e| panic!("{e}\n{runs}"));
        }
        for outcome in [&runs.reference, &runs.upstream_wit_v34] {
            assert_eq!(top_class(&outcome.stdout), Some("282"), "{runs}");
        }
    }

    /// The output buffer is one byte short: every host must report the error
    /// the same way (the guest prints it and exits 1).
    #[test]
    fn output_buffer_too_small() {
        let runs = run_all(Case::new(
            rust_guest::classify,
            &["models/softmax", "f32", "1x10", "seed:3", "39"],
        ));
        runs.assert_identical();
        assert_eq!(runs.reference.exit_code(), Some(1), "{runs}");
    }
}

/// Upstream's WIT OpenVINO backends address inputs by tensor name only (and
/// v34's outputs too), and the adapter learns names from the model it is
/// given by `load`; for a graph from `load_by_name` it has none and sends the
/// decimal index. Upstream 48 takes the input with `compute`, which fails
/// with runtime_error; upstream 34 refuses it at `set-input` with
/// invalid_argument. nn-host (which accepts input positions) matches the
/// reference with either component.
mod by_name {
    use crate::harness::{run_all, rust_guest, same_as_reference, Case, Outcome, Runs};

    fn assert_by_name(runs: &Runs) {
        for ours in [&runs.nn_host, &runs.nn_host_0819] {
            same_as_reference(&runs.reference, ours).unwrap_or_else(|e| panic!("{e}\n{runs}"));
        }
        let before_inference: String = runs
            .reference
            .stdout
            .lines()
            .take_while(|l| !l.starts_with("input:"))
            .map(|l| format!("{l}\n"))
            .collect();
        let fails = |upstream: &Outcome, failure: &str| {
            assert_eq!(upstream.exit_code(), Some(1), "{runs}");
            assert_eq!(
                upstream.stdout,
                format!("{before_inference}{failure}\n"),
                "{runs}"
            );
        };
        fails(
            &runs.upstream_wit,
            "compute failed: Backend Error: WASI-NN Backend Error: Runtime Error",
        );
        fails(
            &runs.upstream_wit_v34,
            "set_input failed: Backend Error: WASI-NN Backend Error: Caller module passed an invalid argument",
        );
    }

    #[test]
    fn one_graph_preloaded() {
        assert_by_name(&run_all(
            Case::new(rust_guest::by_name, &["softmax", "5", "no-such-graph"])
                .preload(&["softmax"]),
        ));
    }

    #[test]
    fn two_graphs_preloaded() {
        assert_by_name(&run_all(
            Case::new(rust_guest::by_name, &["softmax", "9"]).preload(&["two_io", "softmax"]),
        ));
    }
}

mod two_io {
    use crate::harness::{run_all, rust_guest, Case};

    #[test]
    fn two_inputs_two_outputs() {
        run_all(Case::new(rust_guest::two_io, &["models/two_io", "3"])).assert_identical();
    }
}

/// `load_by_name` guests componentized with the model's tensor names baked
/// in (`nn-componentize --graph NAME=openvino::DIR`): every host, upstream's
/// included, prints the reference's output. Without `--graph` the `by_name`
/// rows above stay.
mod baked_names {
    use crate::harness::{models_dir, run_all_with, rust_guest, same_as_reference, Case, Runs};
    use nn_componentize::{read_model_names, Componentizer, GraphNames};

    /// The names `--graph graph=openvino::<models>/graph` bakes in.
    fn graph_names(graph: &str) -> GraphNames {
        read_model_names("openvino", &models_dir().join(graph)).unwrap()
    }

    fn baking(graph: &str, names: GraphNames) -> Componentizer {
        Componentizer::new().graph_names(graph, names).unwrap()
    }

    #[test]
    fn by_name_with_graph() {
        run_all_with(
            Case::new(rust_guest::by_name, &["softmax", "5", "no-such-graph"])
                .preload(&["softmax"]),
            &baking("softmax", graph_names("softmax")),
        )
        .assert_identical();
    }

    fn two_io_by_name(names: GraphNames) -> Runs {
        run_all_with(
            Case::new(rust_guest::two_io, &["--by-name", "two_io", "3"]).preload(&["two_io"]),
            &baking("two_io", names),
        )
    }

    /// Two inputs and two outputs, none named like its index: a table
    /// entry at the wrong position would show.
    #[test]
    fn two_inputs_by_name_with_graph() {
        let names = graph_names("two_io");
        assert_eq!(names.inputs, [["a"], ["b"]]);
        assert_eq!(names.outputs, [["sum"], ["difference"]]);
        two_io_by_name(names).assert_identical();
    }

    /// The check has teeth: a table with the inputs swapped makes every
    /// component print something else than the reference (the model's
    /// `difference` is not symmetric). Swapped outputs show wherever outputs
    /// are found by tensor name: on nn-host and upstream 34, not on upstream
    /// 48, whose outputs are named "0", "1", … so that the rule's decimal
    /// step finds them by index whatever the table says.
    #[test]
    fn a_swapped_table_is_caught() {
        let right = graph_names("two_io");
        let mut inputs_swapped = right.clone();
        inputs_swapped.inputs.reverse();
        let runs = two_io_by_name(inputs_swapped);
        for outcome in runs.components() {
            assert!(
                same_as_reference(&runs.reference, outcome).is_err(),
                "swapped inputs went unnoticed:\n{runs}"
            );
        }
        let mut outputs_swapped = right;
        outputs_swapped.outputs.reverse();
        let runs = two_io_by_name(outputs_swapped);
        same_as_reference(&runs.reference, &runs.upstream_wit).unwrap();
        for outcome in [&runs.nn_host, &runs.nn_host_0819, &runs.upstream_wit_v34] {
            assert!(
                same_as_reference(&runs.reference, outcome).is_err(),
                "swapped outputs went unnoticed:\n{runs}"
            );
        }
    }
}

/// Outputs read into buffers of changing sizes while the output's shape
/// changes with the input: the adapter's remembered output lengths must
/// never let an output overflow a buffer, nor refuse one that fits.
mod output_sizes {
    use crate::harness::{run_all, rust_guest, Case};

    #[test]
    fn growing_and_shrinking_outputs() {
        let runs = run_all(Case::new(
            rust_guest::output_sizes,
            &["models/dynamic", "5"],
        ));
        runs.assert_identical();
        let too_large = runs
            .reference
            .stdout
            .lines()
            .filter(|l| {
                l.ends_with("get_output failed: Backend Error: WASI-NN Backend Error: Too Large")
            })
            .count();
        assert_eq!(too_large, 2, "{runs}");
    }
}

mod recompute {
    use crate::harness::{run_all, rust_guest, Case};

    #[test]
    fn partial_updates() {
        run_all(Case::new(rust_guest::recompute, &["models/two_io", "4"])).assert_identical();
    }
}

mod contexts {
    use crate::harness::{run_all, rust_guest, Case};

    #[test]
    fn several_on_one_graph() {
        run_all(Case::new(rust_guest::contexts, &["models/softmax", "6"])).assert_identical();
    }
}

mod onnx {
    use crate::harness::{
        compiled, models_dir, run_all, run_upstream_witx, rust_guest, same_as_reference, Case,
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
        let runs = run_all(Case::new(rust_guest::onnx, &["models/softmax.onnx", "2"]));
        for upstream in [&runs.upstream_wit, &runs.upstream_wit_v34] {
            same_as_reference(&runs.reference, upstream).unwrap_or_else(|e| panic!("{e}\n{runs}"));
        }
        assert_eq!(runs.reference.exit_code(), Some(1), "{runs}");
        same_as_reference(&runs.nn_host, &runs.nn_host_0819)
            .unwrap_or_else(|e| panic!("nn-host, 08-19 vs 10-28: {e}\n{runs}"));
        assert_eq!(
            runs.reference.stdout,
            "load failed: Backend Error: WASI-NN Backend Error: Unsupported Operation\n",
            "{runs}"
        );

        assert_eq!(runs.nn_host.exit_code(), Some(0), "{runs}");
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
        let x = list(&runs.nn_host.stdout, "input: ");
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
        let got = list(&runs.nn_host.stdout, "output: ");
        assert_eq!(got.len(), expected.len());
        for (g, e) in got.iter().zip(&expected) {
            assert!(
                (g - e).abs() <= 1e-6,
                "ONNX on nn-host {got:?} vs IR on the reference {expected:?}\n{runs}"
            );
        }
    }
}
