//! `nn-host run`: runs a `wasi:cli/command` component with WASI preview2 and
//! `wasi:nn` on OpenVINO, exiting with the guest's exit code.

use anyhow::{bail, Context as _, Result};
use clap::{Parser, Subcommand};
use nn_host::{GraphSpec, RunConfig, Runner};
use std::path::PathBuf;
use std::time::Duration;

#[derive(Parser)]
#[command(
    name = "nn-host",
    version,
    about = "Run wasi:nn components on OpenVINO"
)]
struct Cli {
    /// More logging (-v: debug for nn-host, -vv: trace); RUST_LOG overrides.
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    verbose: u8,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run a wasi:cli/command component.
    Run(RunArgs),
}

#[derive(clap::Args)]
struct RunArgs {
    /// Preopen a host directory for the guest (HOST::GUEST, or one path for both).
    #[arg(long = "dir", value_name = "HOST::GUEST", value_parser = parse_dir)]
    dirs: Vec<(PathBuf, String)>,
    /// Set a guest environment variable (K=V, or K to pass the host's value).
    #[arg(long = "env", value_name = "K=V", value_parser = parse_env)]
    env: Vec<(String, String)>,
    /// Preload and compile a graph once, for `load-by-name` NAME.
    #[arg(long = "graph", value_name = "NAME=ENC::DIR", value_parser = parse_graph)]
    graphs: Vec<GraphSpec>,
    /// Maximum size of each linear memory, in bytes.
    #[arg(long, value_name = "BYTES")]
    max_memory: Option<usize>,
    /// Interrupt the guest after this many seconds (fractions allowed), even
    /// when it is blocked in a host call (sleeping, reading stdin).
    #[arg(long, value_name = "SECS", value_parser = parse_secs)]
    timeout: Option<Duration>,
    /// Compile everything afresh and keep nothing on disk. Otherwise
    /// compiled components (Wasmtime) and graphs (OpenVINO), and where
    /// python3's OpenVINO wheel is, are cached in $XDG_CACHE_HOME/nn-host,
    /// else ~/.cache/nn-host.
    #[arg(long)]
    no_cache: bool,
    /// The component to run.
    component: PathBuf,
    /// Arguments passed to the guest after its program name.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    args: Vec<String>,
}

fn parse_dir(text: &str) -> Result<(PathBuf, String)> {
    Ok(match text.split_once("::") {
        Some((host, guest)) => (PathBuf::from(host), guest.to_string()),
        None => (PathBuf::from(text), text.to_string()),
    })
}

fn parse_env(text: &str) -> Result<(String, String)> {
    let key = text.split_once('=').map_or(text, |(key, _)| key);
    if key.is_empty() {
        bail!("expected K=V or K with a non-empty variable name K, got {text:?}");
    }
    Ok(match text.split_once('=') {
        Some((key, value)) => (key.to_string(), value.to_string()),
        None => (
            text.to_string(),
            std::env::var(text).with_context(|| format!("--env {text}: not set on the host"))?,
        ),
    })
}

fn parse_graph(text: &str) -> Result<GraphSpec> {
    let Some((name, rest)) = text.split_once('=') else {
        bail!("expected NAME=ENC::DIR, got {text:?}")
    };
    let Some((encoding, dir)) = rest.split_once("::") else {
        bail!("expected NAME=ENC::DIR, got {text:?}")
    };
    if name.is_empty() {
        bail!("expected NAME=ENC::DIR with a non-empty graph NAME (what load-by-name asks for), got {text:?}");
    }
    Ok(GraphSpec {
        name: name.to_string(),
        encoding: encoding.parse()?,
        dir: PathBuf::from(dir),
    })
}

fn parse_secs(text: &str) -> Result<Duration> {
    let secs: f64 = text
        .trim_end_matches('s')
        .parse()
        .with_context(|| format!("not a number of seconds: {text:?}"))?;
    Duration::try_from_secs_f64(secs).with_context(|| format!("not a valid timeout: {text:?}"))
}

fn main() {
    let cli = Cli::parse();
    let default_filter = match cli.verbose {
        0 => "warn",
        1 => "warn,nn_host=debug",
        _ => "debug,nn_host=trace",
    };
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default_filter)),
        )
        .with_writer(std::io::stderr)
        .init();
    let Command::Run(args) = cli.command;
    if let Some(timeout) = args.timeout {
        start_watchdog(timeout);
    }
    match run(args) {
        Ok(code) => std::process::exit(code),
        Err(error) => {
            eprintln!("error: {error:?}");
            std::process::exit(1);
        }
    }
}

/// How long after the timeout the watchdog waits for the epoch interruption,
/// which ends a guest running wasm code more cleanly.
const WATCHDOG_GRACE: Duration = Duration::from_millis(500);

/// Ends the process once `timeout` (and a grace period) has passed. Epoch
/// interruption stops only wasm code; this also stops a guest blocked in a
/// host call: sleeping in `poll`, reading stdin, in a long inference.
fn start_watchdog(timeout: Duration) {
    let spawned = std::thread::Builder::new()
        .name("nn-host-watchdog".into())
        .spawn(move || {
            // Sleeping in steps keeps a timeout of centuries from overflowing.
            let mut left = timeout.saturating_add(WATCHDOG_GRACE);
            while !left.is_zero() {
                let step = left.min(Duration::from_secs(3600));
                std::thread::sleep(step);
                left -= step;
            }
            eprintln!(
                "error: the guest exceeded its timeout of {timeout:?} while blocked in a host call (sleeping, reading input, or in a long inference); ending nn-host"
            );
            // The code of a guest interrupted in wasm code.
            std::process::exit(nn_host::TRAP_EXIT_CODE);
        });
    if let Err(error) = spawned {
        eprintln!("error: starting the --timeout watchdog: {error}");
        std::process::exit(1);
    }
}

fn run(args: RunArgs) -> Result<i32> {
    let bytes = std::fs::read(&args.component)
        .with_context(|| format!("reading {}", args.component.display()))?;
    let mut guest_args = vec![args.component.display().to_string()];
    guest_args.extend(args.args);
    let config = RunConfig {
        args: guest_args,
        env: args.env,
        dirs: args.dirs,
        graphs: args.graphs,
        registry: None,
        max_memory: args.max_memory,
        timeout: args.timeout,
        capture_output: false,
    };
    let runner = match nn_host::default_cache_dir().filter(|_| !args.no_cache) {
        // A cache that cannot be set up costs time, not the run.
        Some(dir) => Runner::with_cache(&dir).or_else(|error| {
            eprintln!("warning: running without a cache: {error:#}");
            Runner::new()
        })?,
        None => Runner::new()?,
    };
    Ok(runner.run(&bytes, &config)?.exit_code)
}
