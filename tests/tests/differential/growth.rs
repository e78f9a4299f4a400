//! No-growth check: many set_input/compute/get_output rounds must not grow
//! the guest's linear memory after the first round (the adapter keeps its
//! state in fixed space and must not leak per call), on any host.

use crate::harness::{compiled, run_nn_host, run_upstream_witx, same_as_reference, Case, Guest};

/// Rounds per host. memory.size counts 64 KiB pages, so 20,000 rounds show
/// any leak of 4 bytes or more per round. Measured in the debug profile on
/// 2 cores: about 2 s on the reference and 8 s on nn-host (see
/// docs/testing.md). Upstream's WIT host runs the same adapter, so it is
/// left out here to keep the suite lean.
const ROUNDS: &str = "20000";

#[test]
fn many_rounds_do_not_grow_memory() {
    let case = Case::new(Guest::Rust("churn"), &["models/softmax", ROUNDS]);
    let guest = compiled(case.guest);
    let started = std::time::Instant::now();
    let reference = run_upstream_witx(&case, &guest);
    let reference_time = started.elapsed();
    let ours = run_nn_host(&case, &guest);
    eprintln!("churn: reference {reference_time:?}, nn-host {:?}", started.elapsed() - reference_time);
    same_as_reference(&reference, &ours).unwrap_or_else(|e| panic!("{e}"));
    assert!(ours.stdout.contains("memory growth after warm-up: 0 pages\n"), "{reference}{ours}");
}
