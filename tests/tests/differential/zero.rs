//! Address 0 is linear memory (tests/guests/wat/zero.wat): each pointer
//! argument of the legacy calls at address 0 in turn must give exactly what
//! the reference gives, on every host, with both WIT versions and in every
//! dialect. The reference (wiggle) checks only bounds and alignment, so each
//! round there succeeds; the tests check that too, so that two hosts
//! failing alike cannot pass.

use crate::harness::{compiled, compiled_as, run_all, run_nn_host, run_upstream_witx, Case, Guest};
use nn_componentize::{Dialect, LegacyModule, WasiNnVersion};

const ZERO: Guest = Guest::Wat("zero");

/// Every pointer argument zero.wat can put at address 0 (its bit numbers).
const ALL: u32 = (1 << 11) - 1;

/// The labels zero.wat prints an errno under.
const ERRNO_LABELS: [&str; 6] = [
    "load_by_name",
    "load",
    "init",
    "set_input",
    "compute",
    "get_output",
];

fn case(mask: u32) -> Case {
    Case::new(ZERO, &[&mask.to_string()]).preload(&["softmax"])
}

/// The reference ran one round per bit of `mask`, every call succeeded, and
/// every component run printed exactly the same.
fn check(mask: u32) {
    let runs = run_all(case(mask));
    let rounds = runs.reference.stdout.matches("round ").count();
    assert_eq!(rounds, mask.count_ones() as usize, "{runs}");
    for line in runs.reference.stdout.lines() {
        let (label, value) = line.split_once(' ').unwrap();
        if ERRNO_LABELS.contains(&label) {
            assert_eq!(value, "0", "the reference failed {label}:\n{runs}");
        }
    }
    runs.assert_identical();
}

macro_rules! at_zero {
    ($($name:ident => $bit:literal;)*) => {
        $(
            #[test]
            fn $name() {
                check(1 << $bit);
            }
        )*
    };
}

at_zero! {
    load_by_name_name => 0;
    load_by_name_out => 1;
    load_builder_array => 2;
    load_builder => 3;
    set_input_tensor => 4;
    set_input_dims => 5;
    set_input_data => 6;
    get_output_buffer => 7;
    get_output_out => 8;
    load_out => 9;
    init_execution_context_out => 10;
}

/// All eleven in one run, one after the other.
#[test]
fn every_pointer_in_one_run() {
    check(ALL);
}

/// Componentized as each dialect (every errno here is 0, and f32, openvino
/// and cpu have the same values in every numbering), for both WIT versions:
/// what the reference prints.
#[test]
fn every_dialect() {
    let reference = run_upstream_witx(&case(ALL), &compiled(ZERO));
    assert_eq!(reference.exit_code(), Some(0), "{reference}");
    for version in WasiNnVersion::ALL {
        // zero.wat imports `wasi_ephemeral_nn`: the dialects of that module.
        for dialect in Dialect::ALL
            .into_iter()
            .filter(|d| d.legacy_module() == LegacyModule::WasiEphemeralNn)
        {
            let got = run_nn_host(&case(ALL), &compiled_as(ZERO, dialect, version));
            assert_eq!(
                (got.exit_code(), &got.stdout),
                (Some(0), &reference.stdout),
                "{dialect} on {version}:\n{got}"
            );
        }
    }
}
