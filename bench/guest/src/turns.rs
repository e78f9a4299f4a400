//! A guest's side of a lockstep run (`bench/src/lockstep.rs`): its steps
//! (loading a graph with its execution context, or a round) come in turns.
//! Before a step, once the last turn is used up, it reads one byte `n` from
//! `input`: a turn of `n` steps. After the turn's last step it writes a `.`
//! to `output`. The bench's native loop includes this file, so that it
//! takes its turns exactly as the guest does.

use std::io::{Read, Write};

pub struct Turns<R, W> {
    /// How many graphs the guest loads (`NNBENCH_LOCKSTEP`'s value), each
    /// in a turn of its own before the rounds.
    pub graphs: usize,
    input: R,
    output: W,
    /// Steps left in this turn.
    left: u8,
}

impl<R: Read, W: Write> Turns<R, W> {
    pub fn new(graphs: usize, input: R, output: W) -> Self {
        Turns {
            graphs,
            input,
            output,
            left: 0,
        }
    }

    /// Before a step: waits for the next turn if this one is used up.
    pub fn before_step(&mut self) -> std::io::Result<()> {
        if self.left == 0 {
            let mut n = [0u8];
            self.input.read_exact(&mut n)?;
            self.left = n[0].max(1);
        }
        Ok(())
    }

    /// After a step: ends the turn with a `.` if that was its last step.
    pub fn after_step(&mut self) -> std::io::Result<()> {
        self.left = self.left.saturating_sub(1);
        if self.left == 0 {
            self.output.write_all(b".")?;
            self.output.flush()?;
        }
        Ok(())
    }
}
