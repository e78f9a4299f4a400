//! What one run of the guest (or of the native loop) reports, and medians.

use anyhow::{bail, Context, Result};
use serde_json::{json, Value};

/// The figures of one run: the guest's `NNBENCH` line, or the same fields
/// measured by the native variant. Times in nanoseconds.
#[derive(Debug, Clone)]
pub struct RunReport {
    pub rounds: u64,
    pub load_ns: u64,
    pub init_ns: u64,
    pub first_ns: u64,
    pub median_ns: u64,
    pub p10_ns: u64,
    pub p90_ns: u64,
    pub min_ns: u64,
    pub mean_ns: u64,
    /// The medians of a round's three calls, each timed on its own:
    /// set_input, compute, get_output.
    pub phases_ns: [u64; 3],
    /// Linear memory (64 KiB pages) at start, after round 1 and after the
    /// last round; `None` for the native variant.
    pub pages: Option<(u64, u64, u64)>,
    pub out_bytes: u64,
    /// Sum of the output values, printed with 7 significant digits: equal
    /// across variants when they computed the same thing.
    pub checksum: String,
}

impl RunReport {
    /// Parses the `NNBENCH key=value ...` line out of the guest's stdout.
    pub fn parse_guest(stdout: &str) -> Result<Self> {
        let Some(line) = stdout.lines().find_map(|l| l.strip_prefix("NNBENCH ")) else {
            bail!("the guest printed no NNBENCH line; its stdout was: {stdout:?}");
        };
        let get = |key: &str| -> Result<&str> {
            line.split_whitespace()
                .find_map(|kv| kv.strip_prefix(key).and_then(|r| r.strip_prefix('=')))
                .with_context(|| format!("no {key}= in {line:?}"))
        };
        let num = |key: &str| -> Result<u64> {
            get(key)?
                .parse()
                .with_context(|| format!("{key} in {line:?}"))
        };
        let pages = Some((
            num("pages_start")?,
            num("pages_before")?,
            num("pages_after")?,
        ));
        Self::from_fields(num, pages, get("checksum")?.to_string())
    }

    /// The fields the guest's line and the JSON form share, read by `num`.
    fn from_fields(
        num: impl Fn(&str) -> Result<u64>,
        pages: Option<(u64, u64, u64)>,
        checksum: String,
    ) -> Result<Self> {
        Ok(RunReport {
            rounds: num("rounds")?,
            load_ns: num("load_ns")?,
            init_ns: num("init_ns")?,
            first_ns: num("first_ns")?,
            median_ns: num("median_ns")?,
            p10_ns: num("p10_ns")?,
            p90_ns: num("p90_ns")?,
            min_ns: num("min_ns")?,
            mean_ns: num("mean_ns")?,
            phases_ns: [num("set_ns")?, num("compute_ns")?, num("get_ns")?],
            pages,
            out_bytes: num("out_bytes")?,
            checksum,
        })
    }

    /// Builds a report from per-round times and their three calls' times
    /// (the native variant).
    pub fn from_times(
        times: &[u64],
        phases: &[[u64; 3]],
        load_ns: u64,
        init_ns: u64,
        out_bytes: u64,
        checksum: f64,
    ) -> Self {
        let mut sorted = times.to_vec();
        sorted.sort_unstable();
        let pct = |p: usize| sorted[(sorted.len() - 1) * p / 100];
        RunReport {
            rounds: times.len() as u64,
            load_ns,
            init_ns,
            first_ns: times[0],
            median_ns: pct(50),
            p10_ns: pct(10),
            p90_ns: pct(90),
            min_ns: sorted[0],
            mean_ns: times.iter().sum::<u64>() / times.len() as u64,
            phases_ns: [0, 1, 2].map(|i| {
                let mut phase: Vec<u64> = phases.iter().map(|p| p[i]).collect();
                phase.sort_unstable();
                phase[(phase.len() - 1) / 2]
            }),
            pages: None,
            out_bytes,
            checksum: format_checksum(checksum),
        }
    }

    pub fn to_json(&self) -> Value {
        json!({
            "rounds": self.rounds,
            "load_ns": self.load_ns,
            "init_ns": self.init_ns,
            "first_ns": self.first_ns,
            "median_ns": self.median_ns,
            "p10_ns": self.p10_ns,
            "p90_ns": self.p90_ns,
            "min_ns": self.min_ns,
            "mean_ns": self.mean_ns,
            "set_ns": self.phases_ns[0],
            "compute_ns": self.phases_ns[1],
            "get_ns": self.phases_ns[2],
            "pages_start": self.pages.map(|p| p.0),
            "pages_before": self.pages.map(|p| p.1),
            "pages_after": self.pages.map(|p| p.2),
            "out_bytes": self.out_bytes,
            "checksum": self.checksum,
        })
    }

    pub fn from_json(v: &Value) -> Result<Self> {
        let num = |k: &str| v[k].as_u64().with_context(|| format!("{k} in {v}"));
        let pages = match (
            v["pages_start"].as_u64(),
            v["pages_before"].as_u64(),
            v["pages_after"].as_u64(),
        ) {
            (Some(a), Some(b), Some(c)) => Some((a, b, c)),
            _ => None,
        };
        Self::from_fields(
            num,
            pages,
            v["checksum"].as_str().unwrap_or_default().to_string(),
        )
    }
}

/// The guest's `{:.6e}` formatting of an f64, so checksums compare as text.
pub fn format_checksum(sum: f64) -> String {
    format!("{sum:.6e}")
}

/// Median of a non-empty sample (mean of the two middle values when even).
pub fn median(values: &[f64]) -> f64 {
    assert!(!values.is_empty(), "median of nothing");
    let mut v = values.to_vec();
    v.sort_by(|a, b| a.partial_cmp(b).expect("no NaN in timings"));
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// The 10th and 90th percentiles of a non-empty sample (nearest rank).
pub fn p10_p90(values: &[f64]) -> (f64, f64) {
    assert!(!values.is_empty(), "percentiles of nothing");
    let mut v = values.to_vec();
    v.sort_by(|a, b| a.partial_cmp(b).expect("no NaN in ratios"));
    let rank = |p: f64| v[((p * v.len() as f64).ceil() as usize).clamp(1, v.len()) - 1];
    (rank(0.1), rank(0.9))
}

/// Median of u64 nanoseconds, as f64.
pub fn median_ns(values: impl IntoIterator<Item = u64>) -> f64 {
    let v: Vec<f64> = values.into_iter().map(|x| x as f64).collect();
    median(&v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_by_nearest_rank() {
        let v: Vec<f64> = (1..=10).map(f64::from).collect();
        assert_eq!(p10_p90(&v), (1.0, 9.0));
        assert_eq!(p10_p90(&[3.0]), (3.0, 3.0));
        assert_eq!(p10_p90(&[2.0, 1.0]), (1.0, 2.0));
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
    }
}
