//! A small deterministic generator and the iteration settings shared by the
//! fuzzers.

/// SplitMix64: deterministic across platforms and releases, which a
/// replayable seed needs.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn next_u32(&mut self) -> u32 {
        (self.next_u64() >> 32) as u32
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u32) -> u32 {
        ((self.next_u32() as u64 * n as u64) >> 32) as u32
    }

    /// True with probability `n / d`.
    pub fn chance(&mut self, n: u32, d: u32) -> bool {
        self.below(d) < n
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u32) as usize]
    }

    pub fn bytes(&mut self, len: usize) -> Vec<u8> {
        (0..len).map(|_| self.next_u32() as u8).collect()
    }
}

/// Which seeds a fuzzer runs: `NN_FUZZ_SEED` (default 0) is the first,
/// `NN_FUZZ_ITERS` (default: the fuzzer's bounded count) how many.
pub fn seeds(default_iters: u64) -> std::ops::Range<u64> {
    let read = |name: &str| {
        std::env::var(name).ok().map(|v| {
            v.parse::<u64>()
                .unwrap_or_else(|e| panic!("{name}={v:?}: not a number: {e}"))
        })
    };
    let first = read("NN_FUZZ_SEED").unwrap_or(0);
    let iters = read("NN_FUZZ_ITERS").unwrap_or(default_iters);
    first..first.saturating_add(iters)
}

/// Prints progress in long runs (with `--nocapture`): every `every` seeds.
pub fn progress(
    name: &str,
    every: u64,
    seed: u64,
    range: &std::ops::Range<u64>,
    start: std::time::Instant,
) {
    let done = seed + 1 - range.start;
    if done.is_multiple_of(every) || seed + 1 == range.end {
        let secs = start.elapsed().as_secs_f64();
        eprintln!(
            "{name}: {done} of {} seeds in {secs:.1} s ({:.1}/s)",
            range.end - range.start,
            done as f64 / secs
        );
    }
}
