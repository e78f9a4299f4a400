//! A guest's side of a lockstep run (`bench/src/lockstep.rs`): the rounds
//! come in turns. Before a round, once the last turn is used up, it reads
//! one byte `n` from `input`: a turn of `n` rounds. After the turn's last
//! round it writes a `.` to `output`. The bench's native loop includes this
//! file, so that it takes its turns exactly as the guest does.

use std::io::{Read, Write};

pub struct Turns<R, W> {
    input: R,
    output: W,
    /// Rounds left in this turn.
    left: u8,
}

impl<R: Read, W: Write> Turns<R, W> {
    pub fn new(input: R, output: W) -> Self {
        Turns {
            input,
            output,
            left: 0,
        }
    }

    /// Before a round: waits for the next turn if this one is used up.
    pub fn before_round(&mut self) -> std::io::Result<()> {
        if self.left == 0 {
            let mut n = [0u8];
            self.input.read_exact(&mut n)?;
            self.left = n[0].max(1);
        }
        Ok(())
    }

    /// After a round: ends the turn with a `.` if that was its last round.
    pub fn after_round(&mut self) -> std::io::Result<()> {
        self.left = self.left.saturating_sub(1);
        if self.left == 0 {
            self.output.write_all(b".")?;
            self.output.flush()?;
        }
        Ok(())
    }
}
