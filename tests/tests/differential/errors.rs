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
    compiled, run_three, run_upstream_witx, same_as_reference, Case, End, Guest, Outcome, Triple,
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
    /// Identical stdout and exit code on the three hosts.
    Identical,
    /// Both hosts exit normally as the reference does, and print what the
    /// reference printed except for the listed lines, given as
    /// (reference line, our line); an empty list means identical.
    Differs {
        nn_host: &'static [(&'static str, &'static str)],
        upstream_wit: &'static [(&'static str, &'static str)],
    },
    /// The reference traps (or its host panics) on the case's call; the
    /// components print `errno <n>` for it, then finish the tail normally,
    /// identically on nn-host and upstream's WIT host.
    ReferenceFails { errno: u32 },
    /// The reference and upstream's WIT host (which gets the call through
    /// the adapter unchanged) both trap or panic; nn-host prints
    /// `errno <n>` and finishes the tail normally.
    UpstreamFails { errno: u32 },
}

fn run_case(number: u32) -> Triple {
    run_three(Case::new(ERRORS, &[&number.to_string()]))
}

/// The reference's stdout with some lines replaced.
fn with_lines_replaced(reference: &str, replace: &[(&str, &str)], triple: &Triple) -> String {
    let mut lines: Vec<&str> = reference.lines().collect();
    for (from, to) in replace {
        let at = lines
            .iter()
            .position(|l| l == from)
            .unwrap_or_else(|| panic!("the reference no longer prints {from:?}:\n{triple}"));
        lines[at] = to;
    }
    lines.iter().map(|l| format!("{l}\n")).collect()
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
fn assert_errno_instead_of_failure(triple: &Triple, ours: &Outcome, number: u32, errno: u32) {
    assert!(
        matches!(triple.reference.end, End::Trap(_) | End::Panic(_)),
        "the reference was expected to trap or panic:\n{triple}"
    );
    assert_eq!(ours.end, End::Exit(0), "{triple}");
    assert!(
        ours.stdout.starts_with(&triple.reference.stdout),
        "what the reference printed before failing must be a prefix of ours:\n{triple}"
    );
    assert!(
        ours.stdout
            .contains(&format!("case {number}\nerrno {errno}\n")),
        "expected `errno {errno}` after the case line:\n{triple}"
    );
    assert_eq!(tail(&ours.stdout), clean_tail(), "{triple}");
}

fn check(number: u32, expect: Expect) {
    let triple = run_case(number);
    match expect {
        Expect::Identical => triple.assert_identical(),
        Expect::Differs {
            nn_host,
            upstream_wit,
        } => {
            for (ours, replace) in [
                (&triple.nn_host, nn_host),
                (&triple.upstream_wit, upstream_wit),
            ] {
                let expected = Outcome {
                    stdout: with_lines_replaced(&triple.reference.stdout, replace, &triple),
                    ..triple.reference.clone()
                };
                if let Err(e) = same_as_reference(&expected, ours) {
                    panic!(
                        "{} differs from the documented difference: {e}\n\nfull runs:\n{triple}",
                        ours.host
                    );
                }
            }
        }
        Expect::ReferenceFails { errno } => {
            assert_errno_instead_of_failure(&triple, &triple.nn_host, number, errno);
            assert_errno_instead_of_failure(&triple, &triple.upstream_wit, number, errno);
            assert_eq!(
                triple.nn_host.stdout, triple.upstream_wit.stdout,
                "{triple}"
            );
        }
        Expect::UpstreamFails { errno } => {
            assert!(
                matches!(triple.upstream_wit.end, End::Trap(_) | End::Panic(_)),
                "upstream's WIT host was expected to trap or panic:\n{triple}"
            );
            assert_errno_instead_of_failure(&triple, &triple.nn_host, number, errno);
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

/// Set_input cannot be checked against the model before `compute` on a WIT
/// host (WIT has no set-input: the adapter keeps the tensor and sends all
/// inputs with `compute`), so a wrong shape or type is reported by the next
/// compute instead. nn-host calls it invalid_argument, upstream's WIT host
/// runtime_error.
const DEFERRED_SHAPE_CHECK_NN_HOST: &[(&str, &str)] =
    &[("errno 5", "errno 0"), ("compute 0", "compute 1")];
const DEFERRED_SHAPE_CHECK_UPSTREAM_WIT: &[(&str, &str)] =
    &[("errno 5", "errno 0"), ("compute 0", "compute 5")];
/// Before the first compute there are no outputs on a WIT host (outputs are
/// what `compute` returned): runtime_error and no size, where the reference
/// copies out the backend's uncomputed output tensor.
const NO_OUTPUT_BEFORE_COMPUTE: &[(&str, &str)] = &[("errno 0", "errno 5"), ("size 40", "size 0")];

cases! {
    tail_only => Identical;
    init_unknown_graph => Identical;
    set_input_unknown_context => Identical;
    compute_unknown_context => Identical;
    get_output_unknown_context => Identical;
    set_input_index_out_of_range => Identical;
    get_output_index_out_of_range => Identical;
    get_output_buffer_one_byte_short => Identical;
    get_output_zero_buffer => Identical;
    set_input_wrong_dims => Differs {
        nn_host: DEFERRED_SHAPE_CHECK_NN_HOST,
        upstream_wit: DEFERRED_SHAPE_CHECK_UPSTREAM_WIT,
    };
    set_input_wrong_type => Differs {
        nn_host: DEFERRED_SHAPE_CHECK_NN_HOST,
        upstream_wit: DEFERRED_SHAPE_CHECK_UPSTREAM_WIT,
    };
    // A wrong number of builders is the guest's mistake: nn-host says
    // invalid_argument; the reference (and upstream's WIT host) runtime_error.
    load_one_builder => Differs { nn_host: &[("errno 5", "errno 1")], upstream_wit: &[] };
    // No ONNX backend on the reference: unsupported_operation; nn-host has
    // one (OpenVINO's ONNX reader), which rejects the IR bytes.
    load_ir_as_onnx => Differs { nn_host: &[("errno 6", "errno 1")], upstream_wit: &[] };
    load_garbage => Identical;
    load_by_name_unknown => Identical;
    // nn-host autodetects OpenVINO IR; the reference has no autodetect backend.
    load_autodetect => Differs { nn_host: &[("errno 6", "errno 0")], upstream_wit: &[] };
    // No GPU device: runtime_error on every host.
    load_gpu => Identical;
    // The reference computes on never-set (uninitialised) inputs; nn-host
    // refuses a compute whose inputs were not all set (invalid_argument).
    compute_before_set_input => Differs { nn_host: &[("errno 0", "errno 1")], upstream_wit: &[] };
    get_output_before_compute => Differs {
        nn_host: NO_OUTPUT_BEFORE_COMPUTE,
        upstream_wit: NO_OUTPUT_BEFORE_COMPUTE,
    };
    invalid_tensor_type => ReferenceFails { errno: 1 };
    invalid_encoding => ReferenceFails { errno: 1 };
    invalid_target => ReferenceFails { errno: 1 };
    // TPU is a valid target the adapter passes on; upstream's OpenVINO
    // backend panics on it (WITX and WIT alike).
    tpu_target => UpstreamFails { errno: 6 };
    data_out_of_bounds => ReferenceFails { errno: 1 };
    output_buffer_out_of_bounds => ReferenceFails { errno: 1 };
    builders_out_of_bounds => ReferenceFails { errno: 1 };
    data_shorter_than_dims => ReferenceFails { errno: 1 };
    dims_out_of_bounds => ReferenceFails { errno: 1 };
    output_buffer_wraps => ReferenceFails { errno: 1 };
    name_out_of_bounds => ReferenceFails { errno: 1 };
    data_longer_than_dims => ReferenceFails { errno: 1 };
}
