//! `nn-host`: runs a `wasi:cli/command` component with WASI preview2 and
//! `wasi:nn` on OpenVINO, exiting with the guest's exit code. Spelled as
//! `wasmtime run` is: `nn-host [run] [OPTIONS] COMPONENT [ARGS...]`.

use anyhow::{Context as _, Result};
use clap::{CommandFactory, Parser, Subcommand};
use nn_args::GraphArg;
use nn_host::{GraphSpec, RunConfig, Runner};
use std::path::PathBuf;
use std::time::Duration;

/// Exit code for the host's own errors (those clap reports are 2).
const HOST_ERROR_EXIT_CODE: i32 = 1;

const AFTER_HELP: &str = "\
Exit status: the guest's own (wasi:cli/exit), 134 when the guest traps or \
exceeds --timeout, 1 for nn-host's own errors, 2 for usage errors.

Examples:
  nn-host component.wasm arg1 arg2
  nn-host run --dir models::models component.wasm models
  nn-host --graph softmax=openvino::models/softmax by_name.wasm softmax
  nn-host -S nn-graph=openvino::models/softmax by_name.wasm softmax
  nn-host --graph default=ggml::tiny.gguf llama_stream.wasm";

#[derive(Parser)]
#[command(
    name = "nn-host",
    version,
    about = "Run wasi:nn components on OpenVINO",
    after_help = AFTER_HELP,
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    /// `nn-host COMPONENT ARGS...`, as `nn-host run COMPONENT ARGS...`.
    #[command(flatten)]
    run: RunArgs,

    /// More logging (-v: debug for nn-host and every error's causes, -vv:
    /// trace); RUST_LOG overrides.
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    verbose: u8,

    /// Print none of the host's reasons for the wasi:nn errors the guest
    /// receives (fatal errors are still printed).
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    quiet: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Run a wasi:cli/command component (the default: `nn-host COMPONENT`).
    Run(RunArgs),
    /// Print a completion script for SHELL on stdout.
    Completion {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(clap::Args)]
struct RunArgs {
    /// Preopen a host directory for the guest (HOST::GUEST, or one path for both).
    #[arg(long = "dir", value_name = "HOST::GUEST", value_parser = parse_dir)]
    dirs: Vec<(PathBuf, String)>,
    /// Set a guest environment variable (K=V, or K to pass the host's value).
    #[arg(long = "env", value_name = "K=V", value_parser = parse_env)]
    env: Vec<(String, String)>,
    /// Preload and compile a graph once, for `load-by-name` NAME (ENC::DIR:
    /// named after its folder). ENC: openvino, onnx, tensorflowlite,
    /// autodetect; or ggml::FILE.gguf, a GGUF language model (named after
    /// the file).
    #[arg(long = "graph", value_name = "NAME=ENC::DIR", value_parser = nn_args::parse_graph)]
    graphs: Vec<GraphArg>,
    /// WasmEdge's spelling for a GGUF model: NAME:GGML:TARGET:FILE
    /// (default:GGML:AUTO:model.gguf), the same as --graph NAME=ggml::FILE.
    #[arg(long = "nn-preload", value_name = "NAME:GGML:AUTO:FILE", value_parser = nn_args::parse_nn_preload)]
    nn_preloads: Vec<GraphArg>,
    /// Wasmtime's spelling: `-S nn` (always on) and `-S nn-graph=ENC::DIR`
    /// (a graph named after its folder); comma-separated, repeatable.
    #[arg(short = 'S', value_name = "nn|nn-graph=ENC::DIR", value_parser = parse_wasi_options)]
    wasi: Vec<WasiOptions>,
    /// Maximum size of each linear memory, in bytes; suffixes K, M, G are
    /// KiB, MiB, GiB (64M, 1G).
    #[arg(long, value_name = "SIZE", value_parser = parse_memory_size)]
    max_memory: Option<usize>,
    /// Interrupt the guest after this long (500ms, 2s, 2m, or seconds: 1.5),
    /// even when it is blocked in a host call (sleeping, reading stdin).
    #[arg(long, value_name = "DURATION", value_parser = nn_args::parse_duration)]
    timeout: Option<Duration>,
    /// Compile everything afresh and keep nothing on disk. Otherwise
    /// compiled components (Wasmtime) and graphs (OpenVINO), and where
    /// python3's OpenVINO wheel is, are cached in $XDG_CACHE_HOME/nn-host,
    /// else ~/.cache/nn-host.
    #[arg(long)]
    no_cache: bool,
    /// The component to run (binary or WebAssembly text), then the arguments
    /// passed to the guest after its program name: everything after the
    /// component goes to the guest, `--help` included.
    #[arg(
        value_name = "COMPONENT",
        required = true,
        num_args = 1..,
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    component_and_args: Vec<String>,
}

/// The graphs of one `-S` value (`nn` alone adds none).
#[derive(Clone)]
struct WasiOptions(Vec<GraphArg>);

/// Wasmtime's `-S` for wasi:nn: `nn`, `nn=y`, `nn-graph=ENC::DIR`, several
/// separated by commas. Wasmtime's other `-S` options are refused by name.
fn parse_wasi_options(text: &str) -> Result<WasiOptions, String> {
    let mut graphs = Vec::new();
    for option in text.split(',') {
        match option.split_once('=') {
            None if option == "nn" => {}
            Some(("nn", "y" | "yes" | "true")) => {}
            Some(("nn-graph", graph)) if !graph.contains('=') => {
                graphs.push(nn_args::parse_graph(graph)?)
            }
            Some(("nn-graph", _)) => {
                return Err(format!(
                    "expected nn-graph=ENC::DIR (Wasmtime names the graph after DIR), got `{option}`; use --graph NAME=ENC::DIR to name it"
                ))
            }
            _ => {
                return Err(format!(
                    "nn-host takes only -S nn and -S nn-graph=ENC::DIR of Wasmtime's -S options, not `{option}`"
                ))
            }
        }
    }
    Ok(WasiOptions(graphs))
}

fn parse_memory_size(text: &str) -> Result<usize, String> {
    let bytes = nn_args::parse_size(text)?;
    usize::try_from(bytes).map_err(|_| format!("{text} is more than this machine can address"))
}

fn parse_dir(text: &str) -> Result<(PathBuf, String), String> {
    Ok(match text.split_once("::") {
        Some((host, guest)) => (PathBuf::from(host), guest.to_string()),
        None => (PathBuf::from(text), text.to_string()),
    })
}

fn parse_env(text: &str) -> Result<(String, String), String> {
    let key = text.split_once('=').map_or(text, |(key, _)| key);
    if key.is_empty() {
        return Err(format!(
            "expected K=V or K with a non-empty variable name K, got {text:?}"
        ));
    }
    Ok(match text.split_once('=') {
        Some((key, value)) => (key.to_string(), value.to_string()),
        None => (
            text.to_string(),
            std::env::var(text).map_err(|_| format!("{text} is not set on the host"))?,
        ),
    })
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
    let args = match cli.command {
        Some(Command::Completion { shell }) => {
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "nn-host",
                &mut std::io::stdout(),
            );
            return;
        }
        Some(Command::Run(args)) => args,
        None => cli.run,
    };
    let graphs = match graph_specs(&args) {
        Ok(graphs) => graphs,
        Err(message) => Cli::command()
            .error(clap::error::ErrorKind::ArgumentConflict, message)
            .exit(),
    };
    if let Some(timeout) = args.timeout {
        start_watchdog(timeout);
    }
    match run(args, graphs, !cli.quiet) {
        Ok(code) => std::process::exit(code),
        Err(error) => {
            match cli.verbose {
                0 => eprintln!("error: {}", one_line(&error)),
                _ => eprintln!("error: {error:?}"),
            }
            std::process::exit(HOST_ERROR_EXIT_CODE);
        }
    }
}

/// `error`'s chain on one line (`outer: inner: root`), line breaks inside a
/// message made spaces: what a fatal error prints without `-v`.
fn one_line(error: &anyhow::Error) -> String {
    format!("{error:#}")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The graphs of `--graph` and `-S nn-graph`, each name once.
fn graph_specs(args: &RunArgs) -> Result<Vec<GraphSpec>, String> {
    let all = args
        .graphs
        .iter()
        .chain(&args.nn_preloads)
        .chain(args.wasi.iter().flat_map(|options| &options.0))
        .collect::<Vec<_>>();
    nn_args::check_graph_names_unique(all.iter().map(|graph| graph.name.as_str()))?;
    all.into_iter()
        .map(|graph| {
            Ok(GraphSpec {
                name: graph.name.clone(),
                encoding: graph.encoding.parse().map_err(|e| format!("{e:#}"))?,
                dir: graph.dir.clone(),
            })
        })
        .collect()
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
        std::process::exit(HOST_ERROR_EXIT_CODE);
    }
}

fn run(args: RunArgs, graphs: Vec<GraphSpec>, report_nn_errors: bool) -> Result<i32> {
    // The guest's argv: the component's path, then its arguments.
    let component = PathBuf::from(&args.component_and_args[0]);
    let bytes = std::fs::read(&component)
        .with_context(|| format!("{}: cannot read", component.display()))?;
    let config = RunConfig {
        args: args.component_and_args,
        env: args.env,
        dirs: args.dirs,
        graphs,
        registry: None,
        max_memory: args.max_memory,
        timeout: args.timeout,
        capture_output: false,
        report_nn_errors,
        stdin: None,
        stdout: None,
    };
    let runner = match nn_host::default_cache_dir().filter(|_| !args.no_cache) {
        // A cache that cannot be set up costs time, not the run.
        Some(dir) => Runner::with_cache(&dir).or_else(|error| {
            eprintln!("warning: running without a cache: {}", one_line(&error));
            Runner::new()
        })?,
        None => Runner::new()?,
    };
    let outcome = runner
        .run(&bytes, &config)
        .with_context(|| component.display().to_string())?;
    Ok(outcome.exit_code)
}
