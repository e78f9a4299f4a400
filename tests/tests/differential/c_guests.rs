//! The C guests of tests/guests/c, written for WAMR (their own header,
//! `include/wamr_nn.h`) and built by build.rs with zig's C compiler.
//!
//! Each program's build with WITX's encoding numbering runs on the reference
//! (upstream 48's WITX host) and must print what is computed here or what the
//! Rust guests print for the same input. A program without such a test does
//! not compile.
//!
//! Then the proof: each program's build for WAMR's `wasi_ephemeral_nn`,
//! componentized as `wamr`, prints on nn-host (both WIT versions), upstream
//! 48 and upstream 34 exactly what its WITX build prints on the reference
//! (`wamr_builds_print_the_reference_output`); each build for WAMR's legacy
//! `wasi_nn`, componentized with no options, prints that too, its lengths
//! converted to fp32 elements as WAMR counts them
//! (`legacy_builds_print_the_reference_output_in_elements`).

use crate::harness::{
    compiled, compiled_as, compiled_by, models_dir, run_nn_host, run_upstream_wit,
    run_upstream_witx, rust_guest, top_class, Case, End, Guest, Host, Outcome, V34Run,
    CLASSIFY_CHELSEA,
};
use nn_componentize::{read_model_names, Componentizer, Dialect, WasiNnVersion};

/// The builds of each C guest, named as its source file.
#[allow(non_upper_case_globals, dead_code)]
pub mod c_guest {
    use crate::harness::Guest;

    /// A program's builds for WAMR's `wasi_ephemeral_nn` numbering and for
    /// WITX's.
    #[derive(Clone, Copy)]
    pub struct Builds {
        pub wamr: Guest,
        pub witx: Guest,
    }

    macro_rules! declare {
        ($name:ident, $wamr:literal, $witx:literal) => {
            pub const $name: Builds = Builds {
                wamr: Guest::C {
                    name: stringify!($name),
                    path: $wamr,
                },
                witx: Guest::C {
                    name: stringify!($name),
                    path: $witx,
                },
            };
        };
    }
    foreach_c_guest!(declare);

    /// The builds for WAMR's legacy `wasi_nn` module.
    pub mod legacy {
        use crate::harness::Guest;

        macro_rules! declare {
            ($name:ident, $path:literal) => {
                pub const $name: Guest = Guest::C {
                    name: stringify!($name),
                    path: $path,
                };
            };
        }
        foreach_c_legacy_guest!(declare);
    }
}

foreach_c_guest!(assert_test_exists);

fn on_reference(guest: Guest, case: Case) -> Outcome {
    run_upstream_witx(&case, &compiled(guest))
}

#[track_caller]
fn assert_prints(outcome: &Outcome, expected: &str) {
    assert_eq!(outcome.end, End::Exit(0), "{outcome}");
    assert_eq!(outcome.stdout, expected, "{outcome}");
}

/// What `classify` prints for these scores, which arrived as `bytes`:
/// `top class` and the five best, computed here.
fn classify_output(bytes: usize, scores: &[f32]) -> String {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    // Stable: of equal scores the lower index first, as the guest picks.
    order.sort_by(|&a, &b| scores[b].partial_cmp(&scores[a]).unwrap());
    let mut out = format!("output 0: {bytes} bytes\n");
    out += &format!("top class: {} ({:.6})\n", order[0], scores[order[0]]);
    for &i in order.iter().take(5) {
        out += &format!("  {i} {:.6}\n", scores[i]);
    }
    out
}

/// The scores the Rust `classify` guest prints on the reference.
fn rust_classify_scores(args: &[&str]) -> Vec<f32> {
    let outcome = on_reference(rust_guest::classify, Case::new(rust_guest::classify, args));
    let line = outcome
        .stdout
        .lines()
        .find_map(|l| l.strip_prefix("scores: "))
        .unwrap_or_else(|| panic!("no scores in {outcome}"));
    line.trim_matches(|c| c == '[' || c == ']')
        .split(", ")
        .map(|v| v.parse().unwrap())
        .collect()
}

/// Arguments of `classify` (and, with a graph name for the folder, of
/// `classify_by_name`): the softmax model on the shared input file, and
/// EfficientNet-Lite0 on chelsea.png.
pub const CLASSIFY_SOFTMAX: [&str; 4] = ["models/softmax", "1x10", "models/input.f32", "40"];
pub const CLASSIFY_EFFICIENTNET: [&str; 4] = [
    CLASSIFY_CHELSEA[0],
    CLASSIFY_CHELSEA[2],
    CLASSIFY_CHELSEA[3],
    CLASSIFY_CHELSEA[4],
];

/// The C classifier prints the scores the Rust `classify` guest prints,
/// on the softmax model and on the real classifier and photo.
#[test]
fn classify() {
    let softmax = rust_classify_scores(&["models/softmax", "f32", "1x10", "models/input.f32"]);
    let guest = c_guest::classify.witx;
    assert_prints(
        &on_reference(guest, Case::new(guest, &CLASSIFY_SOFTMAX)),
        &classify_output(40, &softmax),
    );
    let efficientnet = rust_classify_scores(&CLASSIFY_CHELSEA);
    let outcome = on_reference(guest, Case::new(guest, &CLASSIFY_EFFICIENTNET));
    assert_prints(&outcome, &classify_output(4000, &efficientnet));
    assert_eq!(top_class(&outcome.stdout), Some("282"), "{outcome}");
}

/// By name, the preloaded graph classifies as the loaded one does.
#[test]
fn classify_by_name() {
    let loaded = on_reference(
        c_guest::classify.witx,
        Case::new(c_guest::classify.witx, &CLASSIFY_SOFTMAX),
    );
    let guest = c_guest::classify_by_name.witx;
    let mut args = CLASSIFY_SOFTMAX;
    args[0] = "softmax";
    let by_name = on_reference(guest, Case::new(guest, &args).preload(&["softmax"]));
    assert_prints(&by_name, &loaded.stdout);
}

/// The errnos of upstream's WITX host: unknown handles, names and
/// encodings are unsupported_operation, what OpenVINO refuses is
/// runtime_error, a short buffer too_large.
#[test]
fn errors() {
    let guest = c_guest::errors.witx;
    assert_prints(
        &on_reference(guest, Case::new(guest, &["models/softmax"])),
        "load_garbage: error runtime_error\n\
         load_autodetect: error unsupported_operation\n\
         load_by_name_unknown: error unsupported_operation\n\
         load_by_name_with_config_unknown: error unsupported_operation\n\
         init_unknown_graph: error unsupported_operation\n\
         set_input_bad_index: error runtime_error\n\
         set_input_wrong_shape: error runtime_error\n\
         compute_unknown_context: error unsupported_operation\n\
         get_output_too_small: error too_large\n\
         get_output_bad_index: error runtime_error\n\
         get_output_unknown_context: error unsupported_operation\n\
         get_output_fits: ok\n",
    );
}

/// two_io's inputs are a = [0, 1.5, 3, 4.5] and b = [10, 6, 2, -2]; its
/// outputs a + b and a - b land one after the other in one buffer.
#[test]
fn outputs() {
    let guest = c_guest::outputs.witx;
    assert_prints(
        &on_reference(guest, Case::new(guest, &["models/two_io", "16"])),
        "output 0: 16 bytes at element 0\n\
         output 1: 16 bytes at element 4\n\
         buffer: 10 7.5 5 2.5 -10 -4.5 1 6.5\n",
    );
}

/// Tensors, dimensions and rooms past memory or past 32 bits: the adapter
/// refuses each with invalid_argument (WAMR's legacy product of the
/// dimensions wraps in 32 bits; see docs/dialects.md), a short room with
/// too_large, and a legacy room of exactly the element count gets the data
/// (WAMR's TFLite backend succeeds without copying it). The reference traps
/// on pointers past memory, so both builds run on the component hosts only.
#[test]
fn bad_tensors() {
    // softmax(2x + 1) of x = 0.25 i - 1: e^(0.5 i) / sum.
    let exp: Vec<f64> = (0..10).map(|i| (0.5 * f64::from(i)).exp()).collect();
    let sum: f64 = exp.iter().sum();
    let expected = format!(
        "dims_overflow: error invalid_argument\n\
         data_past_memory: error invalid_argument\n\
         dims_past_memory: error invalid_argument\n\
         tensor_past_memory: error invalid_argument\n\
         room_past_memory: error invalid_argument\n\
         room_one_short: error too_large\n\
         room_exact: ok\n\
         room_exact output: {:.4} ... {:.4}\n\
         data_in_bounds: ok\n",
        exp[0] / sum,
        exp[9] / sum
    );
    let args = ["models/softmax"];
    for (guest, componentizer) in [
        (
            c_guest::bad_tensors.wamr,
            Componentizer::new().dialect(Dialect::Wamr),
        ),
        (c_guest::legacy::bad_tensors, Componentizer::new()),
    ] {
        for outcome in component_runs(&Case::new(guest, &args), &componentizer) {
            assert_prints(&outcome, &expected);
        }
    }
}

/// `guest` componentized by `componentizer` for both WIT versions, run on
/// the four component hosts: nn-host and upstream 48 with 10-28, nn-host
/// and upstream 34 with 08-19.
fn component_runs(case: &Case, componentizer: &Componentizer) -> Vec<Outcome> {
    let (new, old) = compiled_by(case.guest, componentizer);
    let v34 = V34Run::start(case, &old);
    vec![
        run_nn_host(case, &new),
        run_upstream_wit(case, &new),
        run_nn_host(case, &old),
        v34.outcome(),
    ]
}

/// The runs of each C program with WAMR's numbering: its arguments, the
/// graphs the hosts preload, and the componentizer (`--dialect wamr`, with
/// the preloaded graph's tensor names baked in for upstream's hosts).
fn wamr_cases() -> Vec<(c_guest::Builds, Vec<&'static str>, Componentizer)> {
    let wamr = || Componentizer::new().dialect(Dialect::Wamr);
    let softmax_names = read_model_names("openvino", &models_dir().join("softmax")).unwrap();
    let mut by_name_args = CLASSIFY_SOFTMAX.to_vec();
    by_name_args[0] = "softmax";
    vec![
        (c_guest::classify, CLASSIFY_SOFTMAX.to_vec(), wamr()),
        (c_guest::classify, CLASSIFY_EFFICIENTNET.to_vec(), wamr()),
        (
            c_guest::classify_by_name,
            by_name_args,
            wamr().graph_names("softmax", softmax_names).unwrap(),
        ),
        (c_guest::errors, vec!["models/softmax"], wamr()),
        (c_guest::outputs, vec!["models/two_io", "16"], wamr()),
        // Room for the first output only: the second is too large.
        (c_guest::outputs, vec!["models/two_io", "6"], wamr()),
    ]
}

fn case(guest: Guest, args: &[&str]) -> Case {
    let case = Case::new(guest, args);
    match guest.name() {
        "classify_by_name" => case.preload(&["softmax"]),
        _ => case,
    }
}

/// What `outcome`'s host prints where the reference prints `reference`:
/// the same, but for nn-host's documented difference (docs/testing.md): it
/// reads IR under the autodetect encoding, which the reference has no
/// backend for.
fn expected_on(outcome: &Outcome, reference: &str) -> String {
    const AUTODETECT: &str = "load_autodetect: error unsupported_operation\n";
    match outcome.host {
        Host::Nn(_) if reference.contains(AUTODETECT) => {
            reference.replace(AUTODETECT, "load_autodetect: ok\n")
        }
        _ => reference.to_owned(),
    }
}

/// Whether `outcome` printed `expected`: exactly (see [`expected_on`]), or
/// for the real classifier on upstream 34 (OpenVINO 2025.0, whose CPU
/// plugin computes slightly other scores, see real_models.rs) the same top
/// class.
fn prints_the_same(outcome: &Outcome, expected: &Outcome, args: &[&str]) -> bool {
    outcome.end == expected.end
        && match (outcome.host, args[0]) {
            (Host::UpstreamWitV34, "models/efficientnet_lite0") => {
                top_class(&outcome.stdout).is_some()
                    && top_class(&outcome.stdout) == top_class(&expected.stdout)
            }
            _ => outcome.stdout == expected_on(outcome, &expected.stdout),
        }
}

/// The proof of the `wamr` dialect: every program, its WAMR build
/// componentized as `wamr`, prints what its WITX build prints on the
/// reference, on every component host.
#[test]
fn wamr_builds_print_the_reference_output() {
    let mut failures = Vec::new();
    for (builds, args, componentizer) in wamr_cases() {
        let reference = on_reference(builds.witx, case(builds.witx, &args));
        assert_eq!(reference.end, End::Exit(0), "{reference}");
        for outcome in component_runs(&case(builds.wamr, &args), &componentizer) {
            if !prints_the_same(&outcome, &reference, &args) {
                failures.push(format!("{args:?}: expected\n{reference}got {outcome}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `text` with every `N bytes` written as WAMR's legacy ABI counts it:
/// `N/4 elements`.
fn in_elements(text: &str) -> String {
    let mut words: Vec<String> = text.split(' ').map(str::to_owned).collect();
    for i in 1..words.len() {
        let rest = words[i].strip_prefix("bytes").map(str::to_owned);
        if let (Ok(bytes), Some(rest)) = (words[i - 1].parse::<u32>(), rest) {
            words[i - 1] = (bytes / 4).to_string();
            words[i] = format!("elements{rest}");
        }
    }
    words.join(" ")
}

/// The legacy builds, componentized with no options (a module importing
/// `wasi_nn` is WAMR's), print what their WITX twins print on the
/// reference, lengths in elements. `classify` gives the room as exactly the
/// output's element count (4000 bytes: 1000 elements): the data arrives.
#[test]
fn legacy_builds_print_the_reference_output_in_elements() {
    let mut failures = Vec::new();
    let cases: [(Guest, Guest, &[&str]); 4] = [
        (
            c_guest::legacy::classify,
            c_guest::classify.witx,
            &CLASSIFY_SOFTMAX,
        ),
        (
            c_guest::legacy::classify,
            c_guest::classify.witx,
            &CLASSIFY_EFFICIENTNET,
        ),
        (
            c_guest::legacy::outputs,
            c_guest::outputs.witx,
            &["models/two_io", "16"],
        ),
        (
            c_guest::legacy::outputs,
            c_guest::outputs.witx,
            &["models/two_io", "6"],
        ),
    ];
    for (legacy, twin, args) in cases {
        let mut expected = on_reference(twin, Case::new(twin, args));
        assert_eq!(expected.end, End::Exit(0), "{expected}");
        expected.stdout = in_elements(&expected.stdout);
        let inspection = Componentizer::new()
            .inspect(&legacy.module_bytes())
            .unwrap();
        assert_eq!(inspection.dialect, Dialect::WamrWasiNn, "{inspection}");
        for outcome in component_runs(&Case::new(legacy, args), &Componentizer::new()) {
            if !prints_the_same(&outcome, &expected, args) {
                failures.push(format!("{args:?}: expected\n{expected}got {outcome}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every legacy build has a test: those above, and `bad_tensors`.
#[test]
fn every_legacy_build_is_tested() {
    const TESTED: [&str; 3] = ["bad_tensors", "classify", "outputs"];
    let mut built = Vec::new();
    macro_rules! list {
        ($name:ident, $path:literal) => {
            built.push(stringify!($name));
        };
    }
    foreach_c_legacy_guest!(list);
    assert_eq!(built, TESTED);
}

#[test]
fn lengths_convert_to_elements() {
    assert_eq!(
        in_elements("output 0: 16 bytes at element 0\noutput 1: 4000 bytes\nbuffer: 1 2"),
        "output 0: 4 elements at element 0\noutput 1: 1000 elements\nbuffer: 1 2"
    );
}

/// Read as `wasmedge` (the other dialect that has
/// `load_by_name_with_config`), the WAMR errors build's autodetect (6) is
/// WasmEdge's ggml, whose backend refuses IR bytes as not GGUF: on nn-host,
/// which autodetects IR, `load_autodetect` fails instead of loading. And
/// an unknown name, with a config or without, is WasmEdge's `not_found`,
/// where WAMR's guest gets the reference's `unsupported_operation`.
#[test]
fn a_wrong_dialect_is_caught() {
    let args = ["models/softmax"];
    let reference = on_reference(c_guest::errors.witx, Case::new(c_guest::errors.witx, &args));
    let guest = c_guest::errors.wamr;
    let case = Case::new(guest, &args);
    let version = WasiNnVersion::default();
    let right = run_nn_host(&case, &compiled_as(guest, Dialect::Wamr, version));
    assert_eq!(
        right.stdout,
        expected_on(&right, &reference.stdout),
        "{right}"
    );
    let wrong = run_nn_host(&case, &compiled_as(guest, Dialect::WasmEdge, version));
    assert_eq!(
        wrong
            .stdout
            .replace(
                "load_autodetect: error invalid_argument",
                "load_autodetect: ok"
            )
            .replace(
                "load_by_name_unknown: error not_found",
                "load_by_name_unknown: error unsupported_operation"
            )
            .replace(
                "load_by_name_with_config_unknown: error not_found",
                "load_by_name_with_config_unknown: error unsupported_operation"
            ),
        right.stdout,
        "{wrong}"
    );
    assert_ne!(wrong.stdout, right.stdout, "{wrong}");
}
