//! The WAT error guest (tests/guests/wat/errors.wat), one run per case. Each
//! case's test has the case's name (the name of its function in errors.wat);
//! build.rs lists the cases, and a case without a test does not compile.
//!
//! Most cases must behave exactly as on the reference. Where the reference
//! traps or panics (invalid enum values, bad pointers, a data length that
//! does not match the dims), the componentized guest gets an errno instead:
//! those cases assert that the reference failed, that both component runs
//! agree, and which errno the guest printed.

use std::sync::OnceLock;

use crate::harness::{
    compiled, run_all, run_upstream_witx, same_as_reference, Case, End, Guest, Outcome, Runs,
};

const ERRORS: Guest = Guest::Wat("errors");

/// The index of each case in errors.wat's case table (its argv[1]), named as
/// the case.
#[allow(non_upper_case_globals)]
mod case_index {
    macro_rules! declare {
        ($name:ident, $index:literal) => {
            pub const $name: u32 = $index;
        };
    }
    foreach_error_case!(declare);
}

foreach_error_case!(assert_test_exists);

/// What a case must show.
enum Expect {
    /// Identical stdout and exit code on every host.
    Identical,
    /// Every host exits normally as the reference does, and prints what the
    /// reference printed except for the lines listed for it.
    Differs(Differences),
    /// The reference traps (or its host panics) on the case's call; the
    /// components print `errno <n>` for it, then finish the tail normally,
    /// identically on every host.
    ReferenceFails { errno: &'static str },
    /// The reference and both upstream WIT hosts (which get the call through
    /// the adapter unchanged) trap or panic; nn-host prints `errno <n>` and
    /// finishes the tail normally, with either component.
    UpstreamFails { errno: &'static str },
}

/// Per component run, the lines where it differs from the reference, given
/// as (reference line, its line); an empty list means identical. A WITX
/// errno is written by name, `{runtime_error}` (see [`with_errnos`]).
struct Differences {
    nn_host: &'static [(&'static str, &'static str)],
    upstream_wit: &'static [(&'static str, &'static str)],
    nn_host_0819: &'static [(&'static str, &'static str)],
    upstream_wit_v34: &'static [(&'static str, &'static str)],
}

/// No difference on any host: the base of `Differences { .., ..SAME }`.
const SAME: Differences = Differences {
    nn_host: &[],
    upstream_wit: &[],
    nn_host_0819: &[],
    upstream_wit_v34: &[],
};

/// The same difference on nn-host with either component; both upstream WIT
/// hosts match the reference.
const fn nn_host_only(lines: &'static [(&'static str, &'static str)]) -> Differences {
    Differences {
        nn_host: lines,
        nn_host_0819: lines,
        ..SAME
    }
}

/// A run of case `number`, with softmax preloaded for `load_by_name`.
pub fn errors_case(number: u32) -> Case {
    Case::new(ERRORS, &[&number.to_string()]).preload(&["softmax"])
}

fn run_case(number: u32) -> Runs {
    run_all(errors_case(number))
}

/// The reference's stdout with some lines replaced.
fn with_lines_replaced(reference: &str, replace: &[(&str, &str)], runs: &Runs) -> String {
    let mut lines: Vec<String> = reference.lines().map(str::to_owned).collect();
    for (from, to) in replace {
        let (from, to) = (with_errnos(from), with_errnos(to));
        let at = lines
            .iter()
            .position(|l| *l == from)
            .unwrap_or_else(|| panic!("the reference no longer prints {from:?}:\n{runs}"));
        lines[at] = to;
    }
    lines.iter().map(|l| format!("{l}\n")).collect()
}

/// `line` with each `{name}` replaced by the value of WITX errno `name`
/// (`nn_abi::legacy_abi`).
fn with_errnos(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some((before, after)) = rest.split_once('{') {
        let (name, after) = after.split_once('}').expect("a closing brace");
        out.push_str(before);
        out.push_str(&errno(name).to_string());
        rest = after;
    }
    out + rest
}

/// The value of WITX errno `name`.
fn errno(name: &str) -> u32 {
    nn_abi::legacy_abi()
        .enum_value("nn_errno", name)
        .unwrap_or_else(|| panic!("no WITX errno `{name}`"))
}

/// The tail of a clean run (case `tail_only`) on the reference.
fn clean_tail() -> &'static [String] {
    static TAIL: OnceLock<Vec<String>> = OnceLock::new();
    TAIL.get_or_init(|| {
        let case = Case::new(ERRORS, &[&case_index::tail_only.to_string()]);
        let clean = run_upstream_witx(&case, &compiled(case.guest));
        assert_eq!(clean.end, End::Exit(0), "{clean}");
        tail(&clean.stdout)
    })
}

fn tail(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .skip_while(|l| !l.starts_with("tail_"))
        .map(str::to_owned)
        .collect()
}

/// Ours printed `errno <n>` right after the case line, exited 0, and its
/// tail matches a clean reference run; what the reference printed before
/// failing is a prefix of ours.
fn assert_errno_instead_of_failure(runs: &Runs, ours: &Outcome, number: u32, errno_name: &str) {
    let errno = errno(errno_name);
    assert!(
        matches!(runs.reference.end, End::Trap(_) | End::Panic(_)),
        "the reference was expected to trap or panic:\n{runs}"
    );
    assert_eq!(ours.end, End::Exit(0), "{runs}");
    assert!(
        ours.stdout.starts_with(&runs.reference.stdout),
        "what the reference printed before failing must be a prefix of ours:\n{runs}"
    );
    assert!(
        ours.stdout
            .contains(&format!("case {number}\nerrno {errno}\n")),
        "expected `errno {errno}` after the case line:\n{runs}"
    );
    assert_eq!(tail(&ours.stdout), clean_tail(), "{runs}");
}

fn check(number: u32, expect: Expect) {
    let runs = run_case(number);
    match expect {
        Expect::Identical => runs.assert_identical(),
        Expect::Differs(differences) => {
            for (ours, replace) in [
                (&runs.nn_host, differences.nn_host),
                (&runs.upstream_wit, differences.upstream_wit),
                (&runs.nn_host_0819, differences.nn_host_0819),
                (&runs.upstream_wit_v34, differences.upstream_wit_v34),
            ] {
                let expected = Outcome {
                    stdout: with_lines_replaced(&runs.reference.stdout, replace, &runs),
                    ..runs.reference.clone()
                };
                if let Err(e) = same_as_reference(&expected, ours) {
                    panic!(
                        "{} differs from the documented difference: {e}\n\nfull runs:\n{runs}",
                        ours.host
                    );
                }
            }
        }
        Expect::ReferenceFails { errno } => {
            for ours in runs.components() {
                assert_errno_instead_of_failure(&runs, ours, number, errno);
                assert_eq!(ours.stdout, runs.nn_host.stdout, "{runs}");
            }
        }
        Expect::UpstreamFails { errno } => {
            for upstream in [&runs.upstream_wit, &runs.upstream_wit_v34] {
                assert!(
                    matches!(upstream.end, End::Trap(_) | End::Panic(_)),
                    "{} was expected to trap or panic:\n{runs}",
                    upstream.host
                );
            }
            for ours in [&runs.nn_host, &runs.nn_host_0819] {
                assert_errno_instead_of_failure(&runs, ours, number, errno);
            }
        }
    }
}

macro_rules! cases {
    ($($name:ident => $expect:expr;)*) => {
        $(
            #[test]
            fn $name() {
                check(case_index::$name, $expect);
            }
        )*
    };
}

use Expect::*;

/// Before the first compute nn-host has no outputs (with 0.2.0-rc-2024-10-28
/// the outputs are what `compute` returned; with 0.2.0-rc-2024-08-19 its
/// `get-output` refuses): runtime_error and no size, where the reference
/// copies out the backend's uncomputed output tensor (and so does upstream
/// 34's `get-output`).
const NO_OUTPUT_BEFORE_COMPUTE: &[(&str, &str)] = &[
    ("errno {success}", "errno {runtime_error}"),
    ("size 40", "size 0"),
];

/// On a graph loaded by name whose names the adapter does not know, an
/// input index past the model's inputs cannot be refused at set_input with
/// 0.2.0-rc-2024-10-28: nothing tells the adapter how many inputs there are.
/// The reference says runtime_error; the adapter accepts it, and the next
/// compute, refused by the host, is retried without it, so the context keeps
/// working (docs/adapter.md).
const OUT_OF_RANGE_BY_NAME_2024_10_28: &[(&str, &str)] = &[
    ("set_input_1 {runtime_error}", "set_input_1 {success}"),
    ("set_input_1 {runtime_error}", "set_input_1 {success}"),
];
/// With 0.2.0-rc-2024-08-19 nn-host's set-input refuses the index at once,
/// as invalid_argument.
const OUT_OF_RANGE_BY_NAME_2024_08_19: &[(&str, &str)] = &[
    (
        "set_input_1 {runtime_error}",
        "set_input_1 {invalid_argument}",
    ),
    (
        "set_input_1 {runtime_error}",
        "set_input_1 {invalid_argument}",
    ),
];
/// Upstream's WIT hosts address tensors by their real names only, and the
/// adapter knows none for a graph loaded by name without baked names
/// (README, "the index→name rule"): upstream 48 refuses every compute
/// (runtime_error), so there is no output; upstream 34 refuses each
/// set-input (invalid_argument), computes on the never-set input as the
/// reference would, and refuses get-output.
const BY_NAME_UPSTREAM_WIT: &[(&str, &str)] = &[
    ("set_input_1 {runtime_error}", "set_input_1 {success}"),
    ("set_input_1 {runtime_error}", "set_input_1 {success}"),
    ("compute {success}", "compute {runtime_error}"),
    ("compute {success}", "compute {runtime_error}"),
    ("get_output {success}", "get_output {runtime_error}"),
    ("size 40", "size 0"),
    ("out 1053479594", "out 0"),
];
const BY_NAME_UPSTREAM_V34: &[(&str, &str)] = &[
    (
        "set_input_1 {runtime_error}",
        "set_input_1 {invalid_argument}",
    ),
    (
        "set_input_1 {runtime_error}",
        "set_input_1 {invalid_argument}",
    ),
    ("set_input_0 {success}", "set_input_0 {invalid_argument}"),
    ("get_output {success}", "get_output {runtime_error}"),
    ("size 40", "size 0"),
    ("out 1053479594", "out 0"),
];

cases! {
    tail_only => Identical;
    init_unknown_graph => Identical;
    set_input_unknown_context => Identical;
    compute_unknown_context => Identical;
    get_output_unknown_context => Identical;
    set_input_index_out_of_range => Identical;
    set_input_index_out_of_range_by_name => Differs(Differences {
        nn_host: OUT_OF_RANGE_BY_NAME_2024_10_28,
        upstream_wit: BY_NAME_UPSTREAM_WIT,
        nn_host_0819: OUT_OF_RANGE_BY_NAME_2024_08_19,
        upstream_wit_v34: BY_NAME_UPSTREAM_V34,
    });
    get_output_index_out_of_range => Identical;
    get_output_buffer_one_byte_short => Identical;
    get_output_zero_buffer => Identical;
    // The adapter checks the tensor against what the IR declares: refused
    // at set_input as on the reference (runtime_error), on every host.
    set_input_wrong_dims => Identical;
    set_input_wrong_type => Identical;
    // OpenVINO refuses a shape without dimensions before the reference
    // compares the data length: runtime_error, not invalid_argument.
    set_input_no_dims => Identical;
    // runtime_error on every host, as the reference's OpenVINO backend says.
    load_one_builder => Identical;
    // No ONNX backend on the reference: unsupported_operation; nn-host has
    // one (OpenVINO's ONNX reader), which rejects the IR bytes.
    load_ir_as_onnx => Differs(nn_host_only(&[("errno {unsupported_operation}", "errno {invalid_argument}")]));
    load_garbage => Identical;
    load_by_name_unknown => Identical;
    // nn-host autodetects OpenVINO IR; the reference has no autodetect backend.
    load_autodetect => Differs(nn_host_only(&[("errno {unsupported_operation}", "errno {success}")]));
    // No GPU device: runtime_error on every host.
    load_gpu => Identical;
    // The reference computes on never-set (uninitialised) inputs; nn-host
    // refuses a compute whose inputs were not all set (invalid_argument).
    compute_before_set_input => Differs(nn_host_only(&[("errno {success}", "errno {invalid_argument}")]));
    get_output_before_compute => Differs(Differences {
        nn_host: NO_OUTPUT_BEFORE_COMPUTE,
        upstream_wit: NO_OUTPUT_BEFORE_COMPUTE,
        nn_host_0819: NO_OUTPUT_BEFORE_COMPUTE,
        upstream_wit_v34: &[],
    });
    invalid_tensor_type => ReferenceFails { errno: "invalid_argument" };
    invalid_encoding => ReferenceFails { errno: "invalid_argument" };
    invalid_target => ReferenceFails { errno: "invalid_argument" };
    // TPU is a valid target the adapter passes on; upstream's OpenVINO
    // backend panics on it (WITX and WIT, 48 and 34 alike).
    tpu_target => UpstreamFails { errno: "unsupported_operation" };
    data_out_of_bounds => ReferenceFails { errno: "invalid_argument" };
    output_buffer_out_of_bounds => ReferenceFails { errno: "invalid_argument" };
    builders_out_of_bounds => ReferenceFails { errno: "invalid_argument" };
    data_shorter_than_dims => ReferenceFails { errno: "invalid_argument" };
    dims_out_of_bounds => ReferenceFails { errno: "invalid_argument" };
    output_buffer_wraps => ReferenceFails { errno: "invalid_argument" };
    name_out_of_bounds => ReferenceFails { errno: "invalid_argument" };
    data_longer_than_dims => ReferenceFails { errno: "invalid_argument" };
}
