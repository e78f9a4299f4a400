//! Lockstep runs: the variants' guests (and the native loop) run side by
//! side, each on its own thread with its own instance and compiled model,
//! and the bench hands out their rounds one at a time, in turn.
//!
//! Why: on the shared 2-core machines this runs on, the speed of the
//! machine drifts by several percent over seconds (another tenant, the
//! host's frequency), and a run that compiles its own model differs from
//! the next by as much. Runs of one variant after another therefore gave
//! per-run ratios 10th–90th percentiles of ±3–4 % even between two runs of
//! the *same* native loop (docs/bench.md, "Inference"). Taking turns round
//! by round puts every variant under the same drift within milliseconds,
//! and every variant meets the others' compiled models in the caches alike.
//!
//! Protocol: a guest in lockstep ([`crate::variants::LOCKSTEP_ENV`]) reads
//! a byte `n` from stdin, runs `n` timed rounds and writes `.` to stdout;
//! after its last round it prints its `NNBENCH` line and exits. A turn is
//! one round, or several where rounds are too short for a turn's handover
//! (a wake-up on a pipe) to leave them undisturbed. The turns go in
//! alternating directions (a b c, then c b a), so that no variant always
//! follows the same one.

use crate::report::RunReport;
use crate::setup::Model;
use crate::variants::{native, Finished, GuestPipes, Run, Variant, Wasm};
use anyhow::{anyhow, Context, Result};
use std::io::{PipeReader, PipeWriter, Read, Write};
use std::os::fd::OwnedFd;

/// How a variant's thread ended.
enum Ended {
    Native(Run),
    Wasm(Finished),
}

/// The bench's ends of one guest's pipes.
struct Driven {
    to_guest: Option<PipeWriter>,
    from_guest: PipeReader,
    /// Still taking turns: it answered every round so far.
    alive: bool,
}

impl Driven {
    /// Gives the guest a turn of `rounds` rounds and waits for its `.`;
    /// false when it does not answer (it failed, and its thread says why).
    fn turn(&mut self, rounds: u8) -> bool {
        let mut answer = [0u8];
        let answered = self
            .to_guest
            .as_mut()
            .is_some_and(|to| to.write_all(&[rounds]).is_ok())
            && self.from_guest.read_exact(&mut answer).is_ok()
            && answer == *b".";
        self.alive &= answered;
        answered
    }
}

/// One lockstep run of `rounds` rounds of each variant in `order`, in
/// turns of `per_turn` rounds: each variant's run, or why it failed.
pub fn run(
    wasm: &Wasm,
    order: &[Variant],
    model: &Model,
    (rounds, per_turn): (usize, u8),
    seed: u64,
) -> Result<Vec<(Variant, Result<Run>)>> {
    anyhow::ensure!(per_turn > 0, "a turn is at least one round");
    let mut driven = Vec::with_capacity(order.len());
    let mut guest_ends = Vec::with_capacity(order.len());
    for _ in order {
        let (stdin, to_guest) = std::io::pipe().context("creating a pipe")?;
        let (from_guest, stdout) = std::io::pipe().context("creating a pipe")?;
        driven.push(Driven {
            to_guest: Some(to_guest),
            from_guest,
            alive: true,
        });
        guest_ends.push(GuestPipes {
            stdin: OwnedFd::from(stdin).into(),
            stdout: OwnedFd::from(stdout).into(),
        });
    }
    Ok(std::thread::scope(|scope| {
        let threads: Vec<_> = order
            .iter()
            .zip(guest_ends)
            .map(|(&variant, pipes)| {
                scope.spawn(move || match variant {
                    Variant::D => native::run(model, rounds, seed, Some(pipes)).map(Ended::Native),
                    _ => wasm
                        .run_with(variant, model, rounds, seed, Some(pipes))
                        .map(Ended::Wasm),
                })
            })
            .collect();
        let mut left = rounds;
        for turn in 0.. {
            if left == 0 {
                break;
            }
            let n = left.min(usize::from(per_turn));
            left -= n;
            let mut turns: Vec<usize> = (0..order.len()).collect();
            if turn % 2 == 1 {
                turns.reverse();
            }
            for i in turns {
                if driven[i].alive {
                    driven[i].turn(n as u8);
                }
            }
        }
        // A guest still waiting for a round sees the end of its stdin.
        for d in &mut driven {
            d.to_guest = None;
        }
        order
            .iter()
            .zip(driven)
            .zip(threads)
            .map(|((&variant, mut d), thread)| {
                let mut rest = String::new();
                let read = d.from_guest.read_to_string(&mut rest);
                let outcome = thread
                    .join()
                    .unwrap_or_else(|panic| {
                        Err(anyhow!("the variant's thread panicked: {panic:?}"))
                    })
                    .and_then(|ended| {
                        anyhow::ensure!(d.alive, "the guest stopped taking rounds");
                        match ended {
                            Ended::Native(run) => Ok(run),
                            Ended::Wasm(finished) => {
                                read.context("reading the guest's stdout")?;
                                let report = RunReport::parse_guest(&rest).with_context(|| {
                                    format!("guest stderr: {}", finished.stderr.trim())
                                })?;
                                Ok(Run {
                                    report,
                                    instantiate_ns: finished.instantiate_ns,
                                    wall_ns: finished.wall_ns,
                                })
                            }
                        }
                    });
                (variant, outcome)
            })
            .collect()
    }))
}
