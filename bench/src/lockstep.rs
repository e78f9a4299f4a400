//! Lockstep runs: the variants' guests (and the native loop) run side by
//! side, each on its own thread with its own instances and compiled models,
//! and the bench hands out their steps one at a time, in turn.
//!
//! Why: on the shared 2-core machines this runs on, the speed of the
//! machine drifts by several percent over seconds (another tenant, the
//! host's frequency). Runs of one variant after another therefore gave
//! per-run ratios 10th–90th percentiles of ±3–4 % even between two runs of
//! the *same* native loop (docs/bench.md, "Deciding a 2 % target"). Taking
//! turns round by round puts every variant under the same drift within
//! milliseconds, and every variant meets the others' compiled models in the
//! caches alike.
//!
//! Protocol: a guest in lockstep ([`crate::variants::LOCKSTEP_ENV`]) reads
//! a byte `n` from stdin, takes `n` steps and writes `.` to stdout; after
//! its last round it prints its `NNBENCH` line and exits. Its first steps
//! each load the model and create an execution context, `graphs` times;
//! the rest are its timed rounds, on those contexts in rotation.
//!
//! A turn is one round, or several where rounds are too short for a turn's
//! handover (a wake-up on a pipe) to leave them undisturbed. The schedule
//! ([`schedule`]) answers three biases measured on EfficientNet-Lite0
//! (docs/bench.md, "Deciding a 2 % target"):
//! - One compilation of a model runs a few percent faster or slower than
//!   another, and in a series of compilations the later ones ran faster,
//!   by up to 4 % over twenty. So each variant compiles `graphs` models, one
//!   per turn, in an order that reverses every turn and from one session
//!   to the next: over an even number of them, every variant's places in
//!   the series add up alike.
//! - One session differs from the next (fresh threads, instances and
//!   compilations) by 1–2 % a variant, however many compilations each
//!   has. So a run is several sessions (`bench all --sessions`).
//! - A variant that runs twice in a row finds its own weights still in the
//!   caches: with the rounds' order reversed every turn (a b c, then c b a)
//!   the two variants at the ends did so once a turn and ran 3–7 % faster
//!   than those in the middle. So each round turn goes in a fresh random
//!   order that never starts with the variant that ended the turn before.

use crate::report::RunReport;
use crate::setup::Model;
use crate::variants::{native, Finished, Lockstep, Run, Variant, Wasm};
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
    /// Still taking turns: it answered every turn so far.
    alive: bool,
}

impl Driven {
    /// Gives the guest a turn of `steps` steps and waits for its `.`;
    /// false when it does not answer (it failed, and its thread says why).
    fn turn(&mut self, steps: u8) -> bool {
        let mut answer = [0u8];
        let answered = self
            .to_guest
            .as_mut()
            .is_some_and(|to| to.write_all(&[steps]).is_ok())
            && self.from_guest.read_exact(&mut answer).is_ok()
            && answer == *b".";
        self.alive &= answered;
        answered
    }
}

/// One turn: the variants' indices in the order they take it, and how many
/// steps each takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Turn {
    pub order: Vec<usize>,
    pub steps: u8,
}

/// The turns of lockstep session number `session` of `n` variants:
/// `graphs` turns of one load each, in an order that reverses every turn
/// and from one session to the next (session 0's first load turn goes
/// forward, session 1's backward), then `rounds` rounds in turns of
/// `per_turn`, each in a random order (from a generator seeded with
/// `session`) that does not start with the variant that ended the turn
/// before.
pub fn schedule(
    n: usize,
    graphs: usize,
    (rounds, per_turn): (usize, u8),
    session: u64,
) -> Vec<Turn> {
    let mut turns: Vec<Turn> = (0..graphs as u64)
        .map(|g| {
            let mut order: Vec<usize> = (0..n).collect();
            if (session + g) % 2 == 1 {
                order.reverse();
            }
            Turn { order, steps: 1 }
        })
        .collect();
    let mut rng = fastrand::Rng::with_seed(session);
    let per_turn = usize::from(per_turn.max(1));
    for first in (0..rounds).step_by(per_turn) {
        let mut order: Vec<usize> = (0..n).collect();
        rng.shuffle(&mut order);
        let last = turns.last().and_then(|t| t.order.last());
        if n >= 2 && last == order.first() {
            order.swap(0, rng.usize(1..n));
        }
        let steps = per_turn.min(rounds - first) as u8;
        turns.push(Turn { order, steps });
    }
    turns
}

/// Lockstep session number `session` of each of `variants`: `graphs` loads
/// then `rounds` rounds in turns of `per_turn`, as [`schedule`] orders
/// them. Each variant's run, or why it failed. `seed` seeds the input.
pub fn run(
    wasm: &Wasm,
    variants: &[Variant],
    model: &Model,
    (graphs, rounds, per_turn): (usize, usize, u8),
    (seed, session): (u64, u64),
) -> Result<Vec<(Variant, Result<Run>)>> {
    anyhow::ensure!(per_turn > 0, "a turn is at least one round");
    anyhow::ensure!(graphs > 0, "a variant loads at least one graph");
    let mut driven = Vec::with_capacity(variants.len());
    let mut guest_ends = Vec::with_capacity(variants.len());
    for _ in variants {
        let (stdin, to_guest) = std::io::pipe().context("creating a pipe")?;
        let (from_guest, stdout) = std::io::pipe().context("creating a pipe")?;
        driven.push(Driven {
            to_guest: Some(to_guest),
            from_guest,
            alive: true,
        });
        guest_ends.push(Lockstep {
            stdin: OwnedFd::from(stdin).into(),
            stdout: OwnedFd::from(stdout).into(),
            graphs,
        });
    }
    Ok(std::thread::scope(|scope| {
        let threads: Vec<_> = variants
            .iter()
            .zip(guest_ends)
            .map(|(&variant, lockstep)| {
                std::thread::Builder::new()
                    // Named for profilers: `perf report --sort comm`.
                    .name(format!("variant {}", variant.key()))
                    .spawn_scoped(scope, move || match variant {
                        Variant::D => {
                            native::run(model, rounds, seed, Some(lockstep)).map(Ended::Native)
                        }
                        _ => wasm
                            .run_with(variant, model, rounds, seed, Some(lockstep))
                            .map(Ended::Wasm),
                    })
            })
            .collect();
        let turns = schedule(variants.len(), graphs, (rounds, per_turn), session);
        for turn in turns {
            for i in turn.order {
                if driven[i].alive {
                    driven[i].turn(turn.steps);
                }
            }
        }
        // A guest still waiting for a round sees the end of its stdin.
        for d in &mut driven {
            d.to_guest = None;
        }
        variants
            .iter()
            .zip(driven)
            .zip(threads)
            .map(|((&variant, mut d), thread)| {
                let mut rest = String::new();
                let read = d.from_guest.read_to_string(&mut rest);
                let outcome = thread
                    .context("starting the variant's thread")
                    .and_then(|thread| {
                        thread.join().unwrap_or_else(|panic| {
                            Err(anyhow!("the variant's thread panicked: {panic:?}"))
                        })
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

#[cfg(test)]
mod tests {
    use super::{schedule, Turn};

    #[test]
    fn loads_come_first_one_a_turn_in_orders_that_reverse() {
        let turns = schedule(3, 4, (5, 2), 0);
        let loads: Vec<&Turn> = turns.iter().take(4).collect();
        for (g, turn) in loads.iter().enumerate() {
            let forward = [0, 1, 2];
            let backward = [2, 1, 0];
            let expected: &[usize] = if g % 2 == 0 { &forward } else { &backward };
            assert_eq!(turn.order, expected);
            assert_eq!(turn.steps, 1);
        }
        // Over an even number of loads each variant's places add up alike.
        for v in 0..3 {
            let places: usize = loads
                .iter()
                .map(|t| t.order.iter().position(|&i| i == v).unwrap())
                .sum();
            assert_eq!(places, 4);
        }
        // The next session starts backward, so one load a session balances
        // over two sessions.
        assert_eq!(schedule(3, 1, (1, 1), 0)[0].order, [0, 1, 2]);
        assert_eq!(schedule(3, 1, (1, 1), 1)[0].order, [2, 1, 0]);
        let steps: Vec<u8> = turns[4..].iter().map(|t| t.steps).collect();
        assert_eq!(steps, [2, 2, 1], "5 rounds in turns of 2");
    }

    #[test]
    fn round_turns_are_permutations_that_never_repeat_a_variant_across_a_turn() {
        let turns = schedule(5, 2, (4800, 1), 3);
        assert_eq!(turns.len(), 4802);
        for turn in &turns {
            let mut sorted = turn.order.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, [0, 1, 2, 3, 4]);
        }
        // From the last load on (the loads' reversals repeat by design).
        for pair in turns[1..].windows(2) {
            assert_ne!(pair[0].order[4], pair[1].order[0], "{pair:?}");
        }
        assert_eq!(
            turns,
            schedule(5, 2, (4800, 1), 3),
            "one seed, one schedule"
        );
        assert_ne!(turns, schedule(5, 2, (4800, 1), 4));
    }

    #[test]
    fn every_variant_takes_every_place_in_the_rounds_alike() {
        let turns = schedule(5, 0, (4800, 1), 0);
        for variant in 0..5 {
            for place in 0..5 {
                let count = turns.iter().filter(|t| t.order[place] == variant).count();
                // 960 expected; the binomial's standard deviation is 28.
                assert!(
                    (840..=1080).contains(&count),
                    "{variant} at {place}: {count}"
                );
            }
        }
    }

    #[test]
    fn one_variant_takes_its_turns_alone() {
        let turns = schedule(1, 1, (3, 1), 0);
        assert!(turns.iter().all(|t| t.order == [0]));
        assert_eq!(turns.len(), 4);
    }
}
