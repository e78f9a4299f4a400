//! No-growth check: many set_input/compute/get_output rounds must not grow
//! the guest's linear memory after the first round (the adapter keeps its
//! state in fixed space and must not leak per call), on any host.

use crate::harness::{run_three, Case, Guest};

/// Rounds per host. Chosen so the three runs stay well under 20 s in the
/// debug profile on 2 cores (see docs/testing.md for the measurement).
const ROUNDS: &str = "20000";

#[test]
fn many_rounds_do_not_grow_memory() {
    let triple = run_three(Case::new(Guest::Rust("churn"), &["models/softmax", ROUNDS]));
    triple.assert_identical();
    assert!(
        triple.nn_host.stdout.contains("memory growth after warm-up: 0 pages\n"),
        "{triple}"
    );
}
