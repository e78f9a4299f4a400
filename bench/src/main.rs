//! Benchmarks: what adapting `wasi_ephemeral_nn` costs, measured against the
//! alternatives in the same run (issue 6).
//!
//! `cargo run --release -p bench -- all` prints a markdown table and writes
//! the same figures to `<target>/bench/results.json` (and `results.md`).
//! See docs/bench.md.

mod componentize;
// The guest's input generator, compiled here too for the native variant.
#[path = "../guest/src/inputs.rs"]
mod inputs;
mod lockstep;
mod nnhost;
/// The test guests' photo preprocessing, for the real-model row's input.
#[path = "../../tests/guests/src/photo.rs"]
#[allow(dead_code, reason = "the guests use all of it, the bench a part")]
mod photo;
mod report;
mod setup;
/// The guest's side of lockstep turns, which the native loop takes alike.
#[path = "../guest/src/turns.rs"]
mod turns;
mod variants;

use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand};
use report::{median, median_ns, p10_p90, RunReport};
use serde_json::{json, Value};
use setup::Model;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::Instant;
use variants::{Run, Variant, Wasm};

#[derive(Parser)]
#[command(about = "nn-componentize benchmarks (issue 6)")]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Run every benchmark, print the table, write <target>/bench/results.{json,md}.
    All(Opts),
    /// Run one variant on one model in this process and print its figures
    /// and peak RSS as one JSON line (used by `all` for memory figures).
    #[command(hide = true)]
    Child {
        #[arg(long)]
        variant: String,
        #[arg(long)]
        model: String,
        #[arg(long)]
        rounds: usize,
        #[arg(long)]
        seed: u64,
        #[arg(long)]
        module: PathBuf,
        #[arg(long)]
        component: PathBuf,
    },
}

#[derive(Args, Clone)]
struct Opts {
    /// Repeated runs (fresh instance each) per variant and model; figures are
    /// medians over these.
    #[arg(long, default_value_t = 11)]
    reps: usize,
    /// Rounds per run on the tiny model (one instance).
    #[arg(long, default_value_t = 10_000)]
    tiny_rounds: usize,
    /// Rounds per run on the classifiers (MobileNet-shaped, EfficientNet).
    #[arg(long, default_value_t = 480)]
    rounds: usize,
    /// Lockstep sessions per run on every model but large, each with fresh
    /// threads, instances and compilations; a variant's figure for the run
    /// is the mean of its sessions' medians, and the run's rounds are shared
    /// out among them. Even, so that the compilations' order, which reverses
    /// from one session to the next, is balanced.
    #[arg(long, default_value_t = 10)]
    sessions: usize,
    /// Models each variant compiles per session, and runs its rounds on in
    /// rotation.
    #[arg(long, default_value_t = 1)]
    graphs: usize,
    /// Rounds per run on the large-tensor model, whose targets are far from
    /// its figures.
    #[arg(long, default_value_t = 40)]
    large_rounds: usize,
    /// Tiny-model rounds in the memory (peak RSS, linear memory) child runs.
    #[arg(long, default_value_t = 100_000)]
    memory_rounds: usize,
    /// Rounds of the models other than tiny in the memory child runs.
    #[arg(long, default_value_t = 5)]
    rss_rounds: usize,
    /// Start-up measurements per variant.
    #[arg(long, default_value_t = 9)]
    startup_reps: usize,
    /// Timed encodings per module size and encoder.
    #[arg(long, default_value_t = 5)]
    componentize_reps: usize,
    /// Runs per module size in the whole-process componentize table.
    #[arg(long, default_value_t = 11)]
    process_reps: usize,
    /// Processes of each command per run in that table.
    #[arg(long, default_value_t = 7)]
    process_batch: usize,
    /// Legacy module sizes for the componentize benchmark, in MB.
    #[arg(long, value_delimiter = ',', default_values_t = vec![1, 10, 50])]
    sizes_mb: Vec<usize>,
    /// Seed of the input tensors.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Only these sections (sizes, componentize, inference, startup, memory).
    #[arg(long, value_delimiter = ',')]
    only: Vec<String>,
}

impl Opts {
    fn wants(&self, section: &str) -> bool {
        self.only.is_empty() || self.only.iter().any(|s| s == section)
    }
}

fn main() -> Result<()> {
    match Cli::parse().command {
        Cmd::All(opts) => all(&opts),
        Cmd::Child {
            variant,
            model,
            rounds,
            seed,
            module,
            component,
        } => child(&variant, &model, rounds, seed, &module, &component),
    }
}

/// Figures of the targets: `(label, measured, limit, met)` rows.
struct Target {
    what: String,
    measured: String,
    limit: String,
    met: Option<Verdict>,
}

/// Whether a measured figure meets its target.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Verdict {
    Met,
    Missed,
    /// The median meets the target but the spread crosses it: the run
    /// cannot tell.
    Undecided,
}

impl From<bool> for Verdict {
    fn from(met: bool) -> Self {
        if met {
            Verdict::Met
        } else {
            Verdict::Missed
        }
    }
}

/// The verdict on a ratio that must be at most `limit`: met only when the
/// 90th percentile of its per-run ratios is too, missed when the median is
/// not.
fn at_most(ratio: f64, (_, p90): (f64, f64), limit: f64) -> Verdict {
    match (ratio <= limit, p90 <= limit) {
        (true, true) => Verdict::Met,
        (true, false) => Verdict::Undecided,
        (false, _) => Verdict::Missed,
    }
}

impl Verdict {
    fn as_str(self) -> &'static str {
        match self {
            Verdict::Met => "met",
            Verdict::Missed => "missed",
            Verdict::Undecided => "undecided",
        }
    }
}

fn yes_no(met: Option<Verdict>) -> &'static str {
    match met {
        Some(Verdict::Met) => "met",
        Some(Verdict::Missed) => "**missed**",
        Some(Verdict::Undecided) => "**undecided**",
        None => "n/a",
    }
}

fn all(opts: &Opts) -> Result<()> {
    let started = Instant::now();
    let machine = setup::machine();
    let openvino = setup::load_openvino()?;
    eprintln!("==> OpenVINO: {}", openvino.display());
    eprintln!("==> building the bench guest (wasm32-wasip1)");
    let guest = setup::build_guest()?;
    let models = setup::models()?;
    let component = componentize::componentize(&guest).context("componentizing the bench guest")?;
    let component_2024_08_19 = componentize::componentize_2024_08_19(&guest)
        .context("componentizing the bench guest for wasi:nn@0.2.0-rc-2024-08-19")?;
    let out_dir = setup::bench_dir();
    std::fs::create_dir_all(&out_dir)?;
    let module_path = out_dir.join("nn-bench-guest.wasm");
    let component_path = out_dir.join("nn-bench-guest.component.wasm");
    let component_2024_08_19_path = out_dir.join("nn-bench-guest.component-2024-08-19.wasm");
    std::fs::write(&module_path, &guest)?;
    std::fs::write(&component_path, &component)?;
    std::fs::write(&component_2024_08_19_path, &component_2024_08_19)?;

    let mut md = String::new();
    let mut js = serde_json::Map::new();
    let mut targets: Vec<Target> = Vec::new();
    writeln!(md, "# nn-componentize benchmarks\n")?;
    writeln!(md, "Machine: {machine}  ")?;
    writeln!(md, "OpenVINO: `{}`; Wasmtime 48 with `Config::new()` defaults (Cranelift) for every wasm variant.\n", openvino.display())?;
    js.insert("machine".into(), json!(machine));
    js.insert("openvino".into(), json!(openvino.display().to_string()));
    js.insert(
        "options".into(),
        json!({
            "reps": opts.reps, "tiny_rounds": opts.tiny_rounds, "rounds": opts.rounds, "large_rounds": opts.large_rounds, "sessions": opts.sessions, "graphs": opts.graphs,
            "memory_rounds": opts.memory_rounds, "rss_rounds": opts.rss_rounds,
            "startup_reps": opts.startup_reps, "componentize_reps": opts.componentize_reps, "process_reps": opts.process_reps, "process_batch": opts.process_batch,
            "sizes_mb": opts.sizes_mb, "seed": opts.seed,
        }),
    );

    if opts.wants("sizes") {
        eprintln!("==> sizes");
        sizes(&guest, &component, &mut md, &mut js, &mut targets)?;
    }
    if opts.wants("componentize") {
        eprintln!("==> componentize speed");
        componentize_speed(opts, &guest, &mut md, &mut js, &mut targets)?;
    }
    let engine = variants::engine()?;
    if opts.wants("inference") {
        eprintln!("==> inference");
        let wasm = Wasm::new(
            &engine,
            &guest,
            &component,
            &component_2024_08_19,
            &Variant::ALL,
        )?;
        inference(opts, &wasm, &models, &mut md, &mut js, &mut targets)?;
    }
    if opts.wants("startup") {
        eprintln!("==> start-up");
        startup(
            opts, &engine, &guest, &component, &models[0], &mut md, &mut js,
        )?;
        nn_host_cache(
            opts,
            &component_path,
            &models,
            &mut md,
            &mut js,
            &mut targets,
        )?;
    }
    if opts.wants("memory") {
        eprintln!("==> memory (child processes)");
        memory(
            opts,
            &models,
            &module_path,
            [&component_path, &component_2024_08_19_path],
            &mut md,
            &mut js,
            &mut targets,
        )?;
    }

    // The targets, together.
    let mut summary = String::new();
    writeln!(summary, "## Targets\n")?;
    writeln!(summary, "| target | measured | limit | |")?;
    writeln!(summary, "|---|---:|---:|---|")?;
    for t in &targets {
        writeln!(
            summary,
            "| {} | {} | {} | {} |",
            t.what,
            t.measured,
            t.limit,
            yes_no(t.met)
        )?;
    }
    writeln!(summary)?;
    js.insert(
        "targets".into(),
        Value::Array(
            targets
                .iter()
                .map(|t| json!({"target": t.what, "measured": t.measured, "limit": t.limit, "verdict": t.met.map(Verdict::as_str)}))
                .collect(),
        ),
    );
    let elapsed = started.elapsed().as_secs_f64();
    js.insert("elapsed_s".into(), json!(elapsed));
    // Targets first, after the header.
    let header_end = md
        .find("\n\n")
        .and_then(|i| md[i + 2..].find("\n\n").map(|j| i + 2 + j + 2))
        .unwrap_or(md.len());
    md.insert_str(header_end, &summary);
    writeln!(md, "_Total benchmark time: {elapsed:.0} s._")?;

    print!("{md}");
    // A partial run (--only) must not overwrite the full results.
    let stem = if opts.only.is_empty() {
        "results".to_string()
    } else {
        format!("results-{}", opts.only.join("-"))
    };
    let json_path = out_dir.join(format!("{stem}.json"));
    std::fs::write(
        &json_path,
        serde_json::to_string_pretty(&Value::Object(js))? + "\n",
    )?;
    std::fs::write(out_dir.join(format!("{stem}.md")), &md)?;
    eprintln!("==> wrote {} and {stem}.md", json_path.display());
    Ok(())
}

fn fmt_bytes(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Three significant digits, or integer when large.
fn sig(x: f64) -> String {
    if x.abs() >= 100.0 {
        format!("{x:.0}")
    } else if x.abs() >= 10.0 {
        format!("{x:.1}")
    } else if x.abs() >= 1.0 {
        format!("{x:.2}")
    } else {
        format!("{x:.3}")
    }
}

fn sizes(
    guest: &[u8],
    component: &[u8],
    md: &mut String,
    js: &mut serde_json::Map<String, Value>,
    targets: &mut Vec<Target>,
) -> Result<()> {
    let ours = nn_adapter_tools::artifact(nn_abi::WasiNnVersion::default()).len();
    let official =
        wasi_preview1_component_adapter_provider::WASI_SNAPSHOT_PREVIEW1_COMMAND_ADAPTER.len();
    let floor = componentize::floor(&componentize::strip_nn(guest)?)?;
    let limit = nn_abi::ADAPTER_SIZE_BUDGET;
    writeln!(md, "## Adapter size\n")?;
    writeln!(md, "| | bytes | target |")?;
    writeln!(md, "|---|---:|---|")?;
    for module in nn_abi::LegacyModule::ALL {
        for version in nn_abi::WasiNnVersion::ALL {
            let bytes = nn_adapter_tools::artifact_of(version, module).len();
            let name = module.name();
            writeln!(
                md,
                "| our {name} adapter for {version} (`adapter/artifacts/{version}/`) | {} | ≤ {} ({}) |",
                fmt_bytes(bytes),
                fmt_bytes(limit),
                yes_no(Some((bytes <= limit).into()))
            )?;
            // The default module's rows keep their names of earlier runs.
            let what = match module {
                nn_abi::LegacyModule::WasiEphemeralNn => format!("adapter size, {version}"),
                _ => format!("adapter size, {version}, {name}"),
            };
            targets.push(Target {
                what,
                measured: format!("{} B", fmt_bytes(bytes)),
                limit: format!("≤ {} B ({} KiB)", fmt_bytes(limit), limit / 1024),
                met: Some((bytes <= limit).into()),
            });
        }
    }
    writeln!(
        md,
        "| official preview1 command adapter | {} | |",
        fmt_bytes(official)
    )?;
    writeln!(
        md,
        "| ours / official | {:.3} | |",
        ours as f64 / official as f64
    )?;
    writeln!(
        md,
        "| bench guest: core module | {} | |",
        fmt_bytes(guest.len())
    )?;
    writeln!(
        md,
        "| bench guest: component, nn-componentize | {} | |",
        fmt_bytes(component.len())
    )?;
    writeln!(
        md,
        "| bench guest: component, preview1 only (nn imports removed) | {} | |",
        fmt_bytes(floor.len())
    )?;
    writeln!(
        md,
        "| what wasi-nn adds to the component (after wit-component's trimming) | {} | |\n",
        component.len() as i64 - floor.len() as i64
    )?;
    js.insert(
        "sizes".into(),
        json!({
            "adapter_bytes": ours,
            "official_preview1_command_adapter_bytes": official,
            "ratio": ours as f64 / official as f64,
            "target_bytes": limit,
            "guest_module_bytes": guest.len(),
            "guest_component_bytes": component.len(),
            "guest_floor_component_bytes": floor.len(),
            "nn_added_bytes": component.len() as i64 - floor.len() as i64,
        }),
    );
    Ok(())
}

fn componentize_speed(
    opts: &Opts,
    guest: &[u8],
    md: &mut String,
    js: &mut serde_json::Map<String, Value>,
    targets: &mut Vec<Target>,
) -> Result<()> {
    writeln!(md, "## Componentize speed\n")?;
    writeln!(md, "Median of {} timed encodings each (interleaved, after one untimed). Floor: the same module with its `wasi_ephemeral_nn` imports replaced by local `unreachable` functions, encoded by wit-component with only the preview1 command adapter (validation on, as in `Componentizer::new()`).\n", opts.componentize_reps)?;
    writeln!(md, "Diagnostics beside the ratio: *pre-checks* is `Componentizer::inspect` alone (the componentizer's own parsing and checks); *both adapters* is wit-component alone with our adapter and the preview1 adapter, no pre-checks.\n")?;
    writeln!(md, "| legacy module | nn-componentize ms | floor ms | ratio | target | pre-checks ms | both adapters ms | both adapters / floor |")?;
    writeln!(md, "|---:|---:|---:|---:|---|---:|---:|---:|")?;
    let mut rows = Vec::new();
    let mut worst: Option<f64> = None;
    for &mb in &opts.sizes_mb {
        let padded = componentize::pad(guest, mb * 1_000_000)?;
        let t = componentize::time(&padded, opts.componentize_reps)?;
        let nn = median(&t.nn_ms);
        let floor = median(&t.floor_ms);
        let ratio = nn / floor;
        worst = Some(worst.map_or(ratio, |w: f64| w.max(ratio)));
        let both = median(&t.both_ms);
        let inspect = median(&t.inspect_ms);
        writeln!(
            md,
            "| {} B | {} | {} | {:.3} | ≤ 1.05 ({}) | {} | {} | {:.3} |",
            fmt_bytes(t.module_bytes),
            sig(nn),
            sig(floor),
            ratio,
            yes_no(Some((ratio <= 1.05).into())),
            sig(inspect),
            sig(both),
            both / floor
        )?;
        rows.push(json!({
            "size_mb": mb, "module_bytes": t.module_bytes,
            "nn_ms_median": nn, "floor_ms_median": floor, "ratio": ratio,
            "nn_ms": t.nn_ms, "floor_ms": t.floor_ms,
            "inspect_ms_median": inspect, "both_adapters_ms_median": both,
            "inspect_ms": t.inspect_ms, "both_adapters_ms": t.both_ms,
            "nn_component_bytes": t.nn_component_bytes, "floor_component_bytes": t.floor_component_bytes,
        }));
        targets.push(Target {
            what: format!("componentize / floor, {mb} MB module"),
            measured: format!("{ratio:.3}"),
            limit: "≤ 1.05".into(),
            met: Some((ratio <= 1.05).into()),
        });
    }
    writeln!(md)?;
    let process_rows = componentize_processes(opts, guest, md, targets)?;
    js.insert(
        "componentize".into(),
        json!({ "target_ratio": 1.05, "rows": rows, "processes": process_rows }),
    );
    Ok(())
}

/// Issue 26's whole-process targets, by module size in MB.
fn process_target(mb: usize) -> Option<f64> {
    match mb {
        1 => Some(1.05),
        10 => Some(1.02),
        _ => None,
    }
}

/// The componentize table as a user feels it: one process per module, the
/// cold start, reading and writing files included.
fn componentize_processes(
    opts: &Opts,
    guest: &[u8],
    md: &mut String,
    targets: &mut Vec<Target>,
) -> Result<Vec<Value>> {
    let commands = componentize::Commands::find(&setup::target_dir())?;
    writeln!(
        md,
        "### As a user runs them
"
    )?;
    writeln!(md, "Wall time of one process each: `nn-componentize m.wasm -o c.wasm` against `wasm-tools component new m′.wasm --adapt wasi_snapshot_preview1=… -o c′.wasm` ({}), where m′ is m with its `wasi_ephemeral_nn` imports stubbed, as above, and the adapter is the same preview1 command adapter. {} runs of {} processes of each command, the two interleaved with the order alternating (after one untimed run of each). Files are read and written in /dev/shm (tmpfs) where it exists, so that disk writeback is in neither figure. The ratio is of the medians over every process, with the 10th–90th percentile of the per-run ratios (a run's median over the other command's, in the same run) in brackets; a target is met when that 90th percentile is within it.\n",
        commands.wasm_tools.display(), opts.process_reps, opts.process_batch)?;
    writeln!(
        md,
        "| legacy module | nn-componentize ms | wasm-tools ms | ratio [p10–p90] | target |"
    )?;
    writeln!(md, "|---:|---:|---:|---|---|")?;
    let mut rows = Vec::new();
    for &mb in &opts.sizes_mb {
        let padded = componentize::pad(guest, mb * 1_000_000)?;
        let t = componentize::time_processes(
            &commands,
            &padded,
            opts.process_reps,
            opts.process_batch,
        )?;
        let (nn, floor) = (median(&t.nn_ms), median(&t.floor_ms));
        let ratio = nn / floor;
        let (p10, p90) = p10_p90(&t.run_ratios);
        let limit = process_target(mb);
        let met = limit.map(|limit| at_most(ratio, (p10, p90), limit));
        let limit_cell = match limit {
            Some(limit) => format!("≤ {limit:.2} ({})", yes_no(met)),
            None => "—".into(),
        };
        writeln!(
            md,
            "| {} B | {} | {} | {ratio:.3} [{p10:.3}–{p90:.3}] | {limit_cell} |",
            fmt_bytes(padded.len()),
            sig(nn),
            sig(floor),
        )?;
        if let Some(limit) = limit {
            targets.push(Target {
                what: format!("nn-componentize process / wasm-tools process, {mb} MB module"),
                measured: format!("{ratio:.3} [{p10:.3}–{p90:.3}]"),
                limit: format!("≤ {limit:.2}"),
                met,
            });
        }
        rows.push(json!({
            "size_mb": mb, "module_bytes": padded.len(),
            "nn_ms_median": nn, "wasm_tools_ms_median": floor, "ratio": ratio,
            "run_ratio_p10_p90": [p10, p90],
            "nn_ms": t.nn_ms, "wasm_tools_ms": t.floor_ms,
        }));
    }
    writeln!(md)?;
    Ok(rows)
}

/// Per-variant results of one model: every run's report, or the error.
type Results = BTreeMap<Variant, Result<Vec<Run>, String>>;

fn run_variant(wasm: &Wasm, v: Variant, model: &Model, rounds: usize, seed: u64) -> Result<Run> {
    if v.is_wasm() {
        wasm.run(v, model, rounds, seed)
    } else {
        variants::native::run(model, rounds, seed, None)
    }
}

fn inference(
    opts: &Opts,
    wasm: &Wasm,
    models: &[Model],
    md: &mut String,
    js: &mut serde_json::Map<String, Value>,
    targets: &mut Vec<Target>,
) -> Result<()> {
    writeln!(md, "## Inference\n")?;
    writeln!(md, "µs per set_input + compute + get_output round: the median over {} runs of each run's figure. A run is {} lockstep sessions (1 on large), its figure for a variant the mean of that variant's session medians. In a session every variant runs at once, on its own thread with its own instance; each compiles the model {} time(s) (one compilation a turn, in an order that reverses every turn and every session) and runs its share of the run's rounds on them in rotation, taking turns round by round (100 rounds a turn on tiny), each turn in a fresh random order that never starts with the variant that ended the last. Each ratio is the ratio of those medians, with the 10th–90th percentile of the per-run ratios (one variant against the other in the same run) in brackets; a target is met when that 90th percentile is within it. Tiny: {} rounds per run; MobileNet-shaped (random weights) and EfficientNet-Lite0 (the real classifier on chelsea.png): {}; large-tensor: {}. (a) {}; (b) {}; (b′) {}; (c) {}; (d) {}.\n",
        opts.reps, opts.sessions, opts.graphs, opts.tiny_rounds, opts.rounds, opts.large_rounds,
        Variant::A.describe(), Variant::B.describe(), Variant::BPrime.describe(), Variant::C.describe(), Variant::D.describe())?;
    if let Some(model) = models.iter().find(|m| m.name == "mobilenet") {
        let properties = variants::native::compiled_properties(model)?;
        let listed: Vec<String> = properties
            .iter()
            .map(|(k, v)| format!("`{k}` {v}"))
            .collect();
        writeln!(md, "OpenVINO runs every variant with its defaults: no variant sets a property, and all run in this process, so the CPU plugin chooses alike for each. For the MobileNet-shaped model it reports {}.\n", listed.join(", "))?;
        js.insert(
            "openvino_properties".into(),
            json!(properties.into_iter().collect::<BTreeMap<_, _>>()),
        );
    }
    writeln!(md, "| model | (a) µs | (b) µs | (b′) µs | (c) µs | (d) µs | (b)/(a) | target | (b′)/(a) | target | (b)/(d) | target | (b)/(c) | target | outputs agree |")?;
    writeln!(
        md,
        "|---|---:|---:|---:|---:|---:|---:|---|---:|---|---:|---|---:|---|---|"
    )?;
    let mut rows = Vec::new();
    let mut phase_rows = Vec::new();
    for model in models {
        let rounds = match model.name {
            "tiny" => opts.tiny_rounds,
            "large" => opts.large_rounds,
            _ => opts.rounds,
        };
        eprintln!(
            "    {} ({} rounds x {} runs per variant)",
            model.name, rounds, opts.reps
        );
        // A turn takes about a millisecond of rounds or more.
        let per_turn = if model.name == "tiny" { 100 } else { 1 };
        let mut results: Results = Variant::ALL.iter().map(|&v| (v, Ok(Vec::new()))).collect();
        // Large's rounds are too few to share out, and its targets far.
        let sessions = if model.name == "large" {
            1
        } else {
            opts.sessions.max(1)
        };
        let steps = (opts.graphs, rounds.div_ceil(sessions), per_turn);
        for session in 0..opts.reps * sessions {
            let variants: Vec<Variant> = Variant::ALL
                .into_iter()
                .filter(|v| results[v].is_ok())
                .collect();
            let seeds = (opts.seed, session as u64);
            for (v, run) in lockstep::run(wasm, &variants, model, steps, seeds)? {
                let slot = results.get_mut(&v).unwrap();
                match (slot.as_mut(), run) {
                    (Ok(runs), Ok(run)) => runs.push(run),
                    (_, Err(e)) => {
                        eprintln!("    ({}) failed on {}: {e:#}", v.key(), model.name);
                        *slot = Err(format!("{e:#}"));
                    }
                    (Err(_), Ok(_)) => {}
                }
            }
        }
        // Each run's figure per variant, in ns: the mean of its sessions'
        // medians (absent for a variant that failed or never ran).
        let per_run: BTreeMap<Variant, Vec<f64>> = results
            .iter()
            .filter_map(|(&v, r)| {
                let sessions_ns: Vec<f64> = r
                    .as_ref()
                    .ok()?
                    .iter()
                    .map(|r| r.report.median_ns as f64)
                    .collect();
                let runs: Vec<f64> = sessions_ns
                    .chunks(sessions)
                    .map(|run| run.iter().sum::<f64>() / run.len() as f64)
                    .collect();
                (!runs.is_empty()).then_some((v, runs))
            })
            .collect();
        let med = |v: Variant| -> Option<f64> { per_run.get(&v).map(|runs| median(runs) / 1e3) };
        let (a, b, b_prime, c, d) = (
            med(Variant::A),
            med(Variant::B),
            med(Variant::BPrime),
            med(Variant::C),
            med(Variant::D),
        );
        let ratio = |x: Option<f64>, y: Option<f64>| x.zip(y).map(|(x, y)| x / y);
        let ba = ratio(b, a);
        let b_prime_a = ratio(b_prime, a);
        let bd = ratio(b, d);
        let bc = ratio(b, c);
        // Run i of `x` over run i of `y` (they ran in the same sessions).
        let spread = |x: Variant, y: Variant| -> Option<(f64, f64)> {
            let (x, y) = (per_run.get(&x)?, per_run.get(&y)?);
            let ratios: Vec<f64> = x.iter().zip(y).map(|(x, y)| x / y).collect();
            Some(p10_p90(&ratios))
        };
        let (ba_spread, b_prime_a_spread, bd_spread, bc_spread) = (
            spread(Variant::B, Variant::A),
            spread(Variant::BPrime, Variant::A),
            spread(Variant::B, Variant::D),
            spread(Variant::B, Variant::C),
        );
        // Issue 26's targets (issue 14's for large, issue 11's for (b′)).
        let ba_limit = if model.name == "large" { 0.90 } else { 1.0 };
        let b_prime_a_limit = if model.name == "tiny" { 1.1 } else { 1.0 };
        let bd_limit = match model.name {
            "tiny" => Some(1.30),
            "mobilenet" | "efficientnet" => Some(1.02),
            _ => None,
        };
        let bc_limit = 1.0;
        let judge = |x: Option<f64>, spread: Option<(f64, f64)>, limit: f64| {
            x.zip(spread).map(|(x, spread)| at_most(x, spread, limit))
        };
        let checksums: Vec<&str> = Variant::ALL
            .iter()
            .filter_map(|v| {
                results[v]
                    .as_ref()
                    .ok()
                    .and_then(|r| r.first())
                    .map(|r| r.report.checksum.as_str())
            })
            .collect();
        let agree = checksums.windows(2).all(|w| w[0] == w[1]);
        let cell = |x: Option<f64>| x.map(sig).unwrap_or_else(|| "failed".into());
        let rcell = |x: Option<f64>| x.map(|x| format!("{x:.3}")).unwrap_or_else(|| "–".into());
        let scell = |x: Option<f64>, s: Option<(f64, f64)>| match s {
            Some((p10, p90)) => format!("{} [{p10:.3}–{p90:.3}]", rcell(x)),
            None => rcell(x),
        };
        let (ba_met, b_prime_a_met, bd_met, bc_met) = (
            judge(ba, ba_spread, ba_limit),
            judge(b_prime_a, b_prime_a_spread, b_prime_a_limit),
            bd_limit.and_then(|l| judge(bd, bd_spread, l)),
            judge(bc, bc_spread, bc_limit),
        );
        writeln!(
            md,
            "| {} | {} | {} | {} | {} | {} | {} | ≤ {ba_limit:.2} ({}) | {} | ≤ {b_prime_a_limit:.2} ({}) | {} | {} | {} | ≤ {bc_limit:.2} ({}) | {} |",
            model.name,
            cell(a),
            cell(b),
            cell(b_prime),
            cell(c),
            cell(d),
            scell(ba, ba_spread),
            yes_no(ba_met),
            scell(b_prime_a, b_prime_a_spread),
            yes_no(b_prime_a_met),
            scell(bd, bd_spread),
            bd_limit
                .map(|l| format!("≤ {l:.2} ({})", yes_no(bd_met)))
                .unwrap_or_default(),
            scell(bc, bc_spread),
            yes_no(bc_met),
            if agree {
                format!("yes ({})", checksums.len())
            } else {
                format!("**no**: {checksums:?}")
            }
        )?;
        for (what, x, spread, limit, met) in [
            ("(b)/(a)", ba, ba_spread, Some(ba_limit), ba_met),
            (
                "(b′)/(a)",
                b_prime_a,
                b_prime_a_spread,
                Some(b_prime_a_limit),
                b_prime_a_met,
            ),
            ("(b)/(d)", bd, bd_spread, bd_limit, bd_met),
            ("(b)/(c)", bc, bc_spread, Some(bc_limit), bc_met),
        ] {
            if let Some(limit) = limit {
                targets.push(Target {
                    what: format!("{what}, {}", model.name),
                    measured: scell(x, spread),
                    limit: format!("≤ {limit:.2}"),
                    met,
                });
            }
        }
        // Per variant, the median over sessions of each call's median.
        let mut phases = serde_json::Map::new();
        for (v, runs) in results
            .iter()
            .filter_map(|(v, r)| Some((v, r.as_ref().ok()?)))
        {
            if runs.is_empty() {
                continue;
            }
            let us = [0, 1, 2].map(|i| median_ns(runs.iter().map(|r| r.report.phases_ns[i])) / 1e3);
            phase_rows.push(format!(
                "| {} | ({}) | {} | {} | {} |",
                model.name,
                v.key(),
                sig(us[0]),
                sig(us[1]),
                sig(us[2])
            ));
            phases.insert(v.key().into(), json!(us));
        }
        let mut per_variant = serde_json::Map::new();
        for (v, r) in &results {
            per_variant.insert(
                v.key().into(),
                match r {
                    Ok(runs) => json!({
                        "describe": v.describe(),
                        "median_us": med(*v),
                        "runs": runs.iter().map(|r| r.report.to_json()).collect::<Vec<_>>(),
                    }),
                    Err(e) => json!({ "describe": v.describe(), "error": e }),
                },
            );
        }
        rows.push(json!({
            "model": model.name, "rounds": rounds, "reps": opts.reps, "sessions": sessions,
            "b_over_a": ba, "b_over_a_p10_p90": ba_spread, "b_over_a_target": ba_limit,
            "b_prime_over_a": b_prime_a, "b_prime_over_a_p10_p90": b_prime_a_spread,
            "b_prime_over_a_target": b_prime_a_limit,
            "b_over_d": bd, "b_over_d_p10_p90": bd_spread, "b_over_d_target": bd_limit,
            "b_over_c": bc, "b_over_c_p10_p90": bc_spread, "b_over_c_target": bc_limit,
            "outputs_agree": agree,
            "phases_us": phases,
            "variants": per_variant,
        }));
    }
    writeln!(md)?;
    writeln!(md, "Each round's three calls, timed on their own: µs, the median over every session of the session's median for that call. (d)'s set_input is the tensor created and filled, and bound to the request; its get_output the output read and copied.\n")?;
    writeln!(md, "| model | variant | set_input | compute | get_output |")?;
    writeln!(md, "|---|---|---:|---:|---:|")?;
    for row in &phase_rows {
        writeln!(md, "{row}")?;
    }
    writeln!(md)?;
    let errors: Vec<String> = rows
        .iter()
        .flat_map(|r| {
            let model = r["model"].as_str().unwrap_or_default().to_string();
            r["variants"].as_object().into_iter().flat_map(move |m| {
                let model = model.clone();
                m.iter().filter_map(move |(k, v)| {
                    v["error"]
                        .as_str()
                        .map(|e| format!("- ({k}) on {model}: `{e}`"))
                })
            })
        })
        .collect();
    if !errors.is_empty() {
        writeln!(md, "Failures:\n\n{}\n", errors.join("\n"))?;
    }
    js.insert("inference".into(), Value::Array(rows));
    Ok(())
}

fn startup(
    opts: &Opts,
    engine: &wasmtime::Engine,
    guest: &[u8],
    component: &[u8],
    tiny: &Model,
    md: &mut String,
    js: &mut serde_json::Map<String, Value>,
) -> Result<()> {
    // Compilation (no cache): Module::new vs Component::new.
    let mut module_ms = Vec::new();
    let mut component_ms = Vec::new();
    for _ in 0..3 {
        let t = Instant::now();
        drop(wasmtime::Module::new(engine, guest)?);
        module_ms.push(t.elapsed().as_secs_f64() * 1e3);
        let t = Instant::now();
        drop(wasmtime::component::Component::new(engine, component)?);
        component_ms.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let wasm = Wasm::new(engine, guest, component, &[], &Variant::DEFAULT_TARGET)?;
    let mut per: BTreeMap<Variant, Result<Vec<Run>, String>> = Variant::DEFAULT_TARGET
        .iter()
        .map(|&v| (v, Ok(Vec::new())))
        .collect();
    for _ in 0..opts.startup_reps {
        for v in Variant::DEFAULT_TARGET {
            let slot = per.get_mut(&v).unwrap();
            if let Ok(runs) = slot {
                match run_variant(&wasm, v, tiny, 1, opts.seed) {
                    Ok(run) => runs.push(run),
                    Err(e) => *slot = Err(format!("{e:#}")),
                }
            }
        }
    }
    writeln!(md, "## Start-up\n")?;
    writeln!(md, "Tiny model, median of {} runs each. *Instantiate*: `InstancePre::instantiate` (core module) or `CommandPre::instantiate` (component). *To first result*: from before instantiation to the end of a guest run that loads the model, creates the context and does one round (native: from `Core::new`). Compilation is separate (no cache, median of 3): module {} ms, component {} ms ({:.2}×).\n",
        opts.startup_reps, sig(median(&module_ms)), sig(median(&component_ms)), median(&component_ms) / median(&module_ms))?;
    writeln!(md, "| variant | instantiate ms | to first result ms | vs (a) | guest: model load ms | guest: first round ms |")?;
    writeln!(md, "|---|---:|---:|---:|---:|---:|")?;
    let wall_a = per[&Variant::A]
        .as_ref()
        .ok()
        .map(|r| median_ns(r.iter().map(|r| r.wall_ns)));
    let mut rows = serde_json::Map::new();
    for (v, r) in &per {
        match r {
            Ok(runs) => {
                let inst = median_ns(runs.iter().map(|r| r.instantiate_ns)) / 1e6;
                let wall = median_ns(runs.iter().map(|r| r.wall_ns));
                let load = median_ns(runs.iter().map(|r| r.report.load_ns)) / 1e6;
                let first = median_ns(runs.iter().map(|r| r.report.first_ns)) / 1e6;
                let vs = wall_a.map(|a| wall / a);
                writeln!(
                    md,
                    "| ({}) {} | {} | {} | {} | {} | {first:.3} |",
                    v.key(),
                    v.describe(),
                    if v.is_wasm() {
                        format!("{inst:.3}")
                    } else {
                        "–".into()
                    },
                    sig(wall / 1e6),
                    vs.map(|x| format!("{x:.3}")).unwrap_or_default(),
                    sig(load)
                )?;
                rows.insert(v.key().into(), json!({
                    "describe": v.describe(), "instantiate_ms": inst, "to_first_result_ms": wall / 1e6,
                    "vs_a": vs, "model_load_ms": load, "first_round_ms": first,
                }));
            }
            Err(e) => {
                writeln!(md, "| ({}) {} | failed | | | | |", v.key(), v.describe())?;
                rows.insert(
                    v.key().into(),
                    json!({ "describe": v.describe(), "error": e }),
                );
            }
        }
    }
    writeln!(md)?;
    js.insert("startup".into(), json!({
        "compile_module_ms": module_ms, "compile_component_ms": component_ms,
        "compile_module_ms_median": median(&module_ms), "compile_component_ms_median": median(&component_ms),
        "variants": rows,
    }));
    Ok(())
}

/// `nn-host run` as a user runs it, per model: a first run with an empty
/// cache folder, a second with the same folder (Wasmtime's compiled
/// component and OpenVINO's compiled graph now come from the cache), and one
/// with `--no-cache`; the wall time of each process until it exits after one
/// round. Issue 14's target: the second run ≥ 3× faster than the first.
fn nn_host_cache(
    opts: &Opts,
    component_path: &std::path::Path,
    models: &[Model],
    md: &mut String,
    js: &mut serde_json::Map<String, Value>,
    targets: &mut Vec<Target>,
) -> Result<()> {
    let nn_host = setup::target_dir().join("release/nn-host");
    writeln!(md, "### nn-host run with its cache\n")?;
    if !nn_host.exists() {
        writeln!(
            md,
            "Not measured: {} is not built (`scripts/bench.sh` builds it).\n",
            nn_host.display()
        )?;
        return Ok(());
    }
    let run = |model: &Model, cache: Option<&std::path::Path>| -> Result<f64> {
        let mut command = std::process::Command::new(&nn_host);
        command.arg("run");
        match cache {
            Some(dir) => command.env("XDG_CACHE_HOME", dir),
            None => command.arg("--no-cache"),
        };
        let args = variants::guest_args(model, 1, opts.seed);
        let started = Instant::now();
        let output = command
            .arg("--dir")
            .arg(format!("{}::{}", model.dir.display(), variants::GUEST_DIR))
            .arg(component_path)
            .args(&args[1..])
            .output()?;
        let ms = started.elapsed().as_secs_f64() * 1e3;
        anyhow::ensure!(
            output.status.success(),
            "nn-host run failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
        Ok(ms)
    };
    writeln!(
        md,
        "Wall time of the `nn-host run` process, one round, median of {} fresh cache folders.\n",
        opts.startup_reps
    )?;
    writeln!(
        md,
        "| model | first run ms | second run ms | first / second | target | `--no-cache` ms |"
    )?;
    writeln!(md, "|---|---:|---:|---:|---|---:|")?;
    let mut rows = serde_json::Map::new();
    for model in models.iter().filter(|m| m.name != "large") {
        let (mut first, mut second, mut none) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..opts.startup_reps {
            let cache = tempfile::tempdir()?;
            first.push(run(model, Some(cache.path()))?);
            second.push(run(model, Some(cache.path()))?);
            none.push(run(model, None)?);
        }
        let (first, second, none) = (median(&first), median(&second), median(&none));
        let speedup = first / second;
        writeln!(
            md,
            "| {} | {} | {} | {speedup:.2} | ≥ 3 ({}) | {} |",
            model.name,
            sig(first),
            sig(second),
            yes_no(Some((speedup >= 3.0).into())),
            sig(none)
        )?;
        targets.push(Target {
            what: format!("nn-host run, first / second with the cache, {}", model.name),
            measured: format!("{speedup:.2}"),
            limit: "≥ 3".into(),
            met: Some((speedup >= 3.0).into()),
        });
        rows.insert(
            model.name.into(),
            json!({ "first_ms": first, "second_ms": second, "no_cache_ms": none, "speedup": speedup }),
        );
    }
    writeln!(md)?;
    js.insert("nn_host_cache".into(), Value::Object(rows));
    Ok(())
}

fn memory(
    opts: &Opts,
    models: &[Model],
    module_path: &std::path::Path,
    [component_path, component_2024_08_19_path]: [&std::path::Path; 2],
    md: &mut String,
    js: &mut serde_json::Map<String, Value>,
    targets: &mut Vec<Target>,
) -> Result<()> {
    let exe = std::env::current_exe()?;
    writeln!(md, "## Memory\n")?;
    writeln!(md, "Each cell is one child process (this binary re-executed) that runs one variant on one model and reads its own `VmHWM` (peak RSS) from /proc/self/status; wasm children compile only what their variant needs. Tiny: {} rounds in one instance; others: {} rounds. Linear memory: `memory.size` after the first round → after the last; its target for (b) is (a)'s plus one copy of the input plus 1 MiB (16 pages).\n", opts.memory_rounds, opts.rss_rounds)?;
    writeln!(md, "(b′) is the component for wasi:nn@0.2.0-rc-2024-08-19 on nn-host (run as (b) with that component): it hands each input to the host at `set_input` and keeps no copy.\n")?;
    writeln!(md, "| model | (a) peak RSS MiB | (b) | (b′) | (c) | (d) | (b)/(a) | target | (b′)/(a) | linear memory pages (a) | (b) | (b′) | (c) | (b) target |")?;
    writeln!(
        md,
        "|---|---:|---:|---:|---:|---:|---:|---|---:|---|---|---|---|---|"
    )?;
    let mut rows = Vec::new();
    for model in models {
        let rounds = if model.name == "tiny" {
            opts.memory_rounds
        } else {
            opts.rss_rounds
        };
        eprintln!("    {} ({} rounds)", model.name, rounds);
        let mut cells: BTreeMap<Variant, Result<(u64, RunReport), String>> = BTreeMap::new();
        let runs = Variant::DEFAULT_TARGET
            .into_iter()
            .map(|v| (v, v, component_path))
            .chain([(Variant::BPrime, Variant::B, component_2024_08_19_path)]);
        for (v, child_variant, component_path) in runs {
            let out = std::process::Command::new(&exe)
                .args([
                    "child",
                    "--variant",
                    child_variant.key(),
                    "--model",
                    model.name,
                ])
                .args([
                    "--rounds",
                    &rounds.to_string(),
                    "--seed",
                    &opts.seed.to_string(),
                ])
                .arg("--module")
                .arg(module_path)
                .arg("--component")
                .arg(component_path)
                .output()?;
            let stdout = String::from_utf8_lossy(&out.stdout);
            let cell = if out.status.success() {
                (|| -> Result<(u64, RunReport)> {
                    let line = stdout.lines().last().context("child printed nothing")?;
                    let v: Value = serde_json::from_str(line)?;
                    Ok((
                        v["vmhwm_kib"].as_u64().context("vmhwm_kib")?,
                        RunReport::from_json(&v["report"])?,
                    ))
                })()
                .map_err(|e| format!("{e:#}"))
            } else {
                Err(format!(
                    "child {}: {}",
                    out.status,
                    String::from_utf8_lossy(&out.stderr).trim()
                ))
            };
            if let Err(e) = &cell {
                eprintln!("    ({}) failed on {}: {e}", v.key(), model.name);
            }
            cells.insert(v, cell);
        }
        let rss = |v: Variant| cells[&v].as_ref().ok().map(|(k, _)| *k as f64 / 1024.0);
        let pages = |v: Variant| -> String {
            match &cells[&v] {
                Ok((_, r)) => match r.pages {
                    Some((_, before, after)) if after == before => format!("{before} → {after}"),
                    Some((_, before, after)) => format!("**{before} → {after}**"),
                    None => "–".into(),
                },
                Err(_) => "failed".into(),
            }
        };
        let cell = |x: Option<f64>| {
            x.map(|x| format!("{x:.1}"))
                .unwrap_or_else(|| "failed".into())
        };
        let ba = rss(Variant::B).zip(rss(Variant::A)).map(|(b, a)| b / a);
        let bpa = rss(Variant::BPrime)
            .zip(rss(Variant::A))
            .map(|(b, a)| b / a);
        let rss_met = ba.map(|x| Verdict::from(x <= 1.05));
        // (b)'s pages after the last round against (a)'s + the input + 1 MiB.
        let last_pages = |v: Variant| cells[&v].as_ref().ok()?.1.pages.map(|(_, _, after)| after);
        let input_pages = (model.dims.iter().product::<usize>() * 4).div_ceil(65536) as u64;
        let pages_limit = last_pages(Variant::A).map(|a| a + input_pages + 16);
        let pages_met = last_pages(Variant::B)
            .zip(pages_limit)
            .map(|(b, limit)| Verdict::from(b <= limit));
        writeln!(
            md,
            "| {} | {} | {} | {} | {} | {} | {} | ≤ 1.05 ({}) | {} | {} | {} | {} | {} | {} |",
            model.name,
            cell(rss(Variant::A)),
            cell(rss(Variant::B)),
            cell(rss(Variant::BPrime)),
            cell(rss(Variant::C)),
            cell(rss(Variant::D)),
            ba.map(|x| format!("{x:.3}")).unwrap_or_else(|| "–".into()),
            yes_no(rss_met),
            bpa.map(|x| format!("{x:.3}")).unwrap_or_else(|| "–".into()),
            pages(Variant::A),
            pages(Variant::B),
            pages(Variant::BPrime),
            pages(Variant::C),
            pages_limit
                .map(|limit| format!("≤ {limit} ({})", yes_no(pages_met)))
                .unwrap_or_else(|| "–".into()),
        )?;
        targets.push(Target {
            what: format!("peak RSS (b)/(a), {}", model.name),
            measured: ba.map(|x| format!("{x:.3}")).unwrap_or_else(|| "–".into()),
            limit: "≤ 1.05".into(),
            met: rss_met,
        });
        targets.push(Target {
            what: format!("linear memory of (b) ≤ (a) + input + 1 MiB, {}", model.name),
            measured: last_pages(Variant::B)
                .map(|b| format!("{b} pages"))
                .unwrap_or_else(|| "–".into()),
            limit: pages_limit
                .map(|limit| format!("≤ {limit} pages"))
                .unwrap_or_else(|| "–".into()),
            met: pages_met,
        });
        if model.name == "tiny" {
            for v in [Variant::A, Variant::B, Variant::C] {
                let (measured, met) = match &cells[&v] {
                    Ok((_, r)) => match r.pages {
                        Some((_, before, after)) => (
                            format!("{before} → {after} pages"),
                            Some(Verdict::from(after <= before)),
                        ),
                        None => ("–".into(), None),
                    },
                    Err(_) => ("failed".into(), None),
                };
                targets.push(Target {
                    what: format!(
                        "linear-memory growth over {} tiny rounds, ({})",
                        rounds,
                        v.key()
                    ),
                    measured,
                    limit: "none".into(),
                    met,
                });
            }
        }
        let mut per = serde_json::Map::new();
        for (v, c) in &cells {
            per.insert(
                v.key().into(),
                match c {
                    Ok((kib, r)) => {
                        json!({ "describe": v.describe(), "vmhwm_kib": kib, "report": r.to_json() })
                    }
                    Err(e) => json!({ "describe": v.describe(), "error": e }),
                },
            );
        }
        rows.push(
            json!({ "model": model.name, "rounds": rounds, "b_over_a_rss": ba, "variants": per }),
        );
    }
    writeln!(md)?;
    js.insert("memory".into(), Value::Array(rows));
    Ok(())
}

/// The hidden `child` subcommand: one variant, one model, one run; prints
/// `{"vmhwm_kib":…, "vmrss_kib":…, "report":{…}}`.
fn child(
    variant: &str,
    model: &str,
    rounds: usize,
    seed: u64,
    module: &std::path::Path,
    component: &std::path::Path,
) -> Result<()> {
    let v = Variant::parse(variant)?;
    if !Variant::DEFAULT_TARGET.contains(&v) {
        bail!("variant {variant} has no memory figures (inference only)");
    }
    setup::load_openvino()?;
    let models = setup::models()?;
    let Some(model) = models.iter().find(|m| m.name == model) else {
        bail!("unknown model {model:?}");
    };
    let run = if v.is_wasm() {
        let engine = variants::engine()?;
        let module_bytes = if v == Variant::A {
            std::fs::read(module)?
        } else {
            Vec::new()
        };
        let component_bytes = if v == Variant::A {
            Vec::new()
        } else {
            std::fs::read(component)?
        };
        let wasm = Wasm::new(&engine, &module_bytes, &component_bytes, &[], &[v])?;
        drop((module_bytes, component_bytes));
        wasm.run(v, model, rounds, seed)?
    } else {
        variants::native::run(model, rounds, seed, None)?
    };
    let (hwm, rss) = setup::rss_kib()?;
    println!(
        "{}",
        json!({ "vmhwm_kib": hwm, "vmrss_kib": rss, "wall_ns": run.wall_ns, "report": run.report.to_json() })
    );
    Ok(())
}
