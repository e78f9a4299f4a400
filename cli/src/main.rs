//! `nn-componentize`: the command-line face of the `nn_componentize` library.

mod output;

use anyhow::{bail, Context};
use clap::{Args, Parser, Subcommand};
use nn_componentize::{Componentizer, Kind, WasiNnVersion};
use std::borrow::Cow;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const EXAMPLES: &str = "\
Examples:
  nn-componentize legacy.wasm -o component.wasm
      Adapt a legacy wasi-nn module (command or reactor chosen by `_start`).
  nn-componentize legacy.wat -t
      Read WebAssembly text and print the component as text.
  cat legacy.wasm | nn-componentize - -o component.wasm
      Read the module from stdin.
  nn-componentize --reactor --adapt wasi_snapshot_preview1=my_adapter.wasm lib.wasm -o lib.component.wasm
      Force the reactor flavour and use another preview1 adapter.
  nn-componentize inspect legacy.wasm
      List every import, which adapter serves it, and command/reactor.";

/// Turn legacy wasi-nn (`wasi_ephemeral_nn`) core modules into `wasi:nn` components.
///
/// Imports from `wasi_ephemeral_nn` are served by the built-in wasi-nn
/// adapter, imports from `wasi_snapshot_preview1` by the official preview1
/// adapter (the command one when the module exports `_start`).
#[derive(Parser, Debug)]
#[command(
    version,
    after_help = EXAMPLES,
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    #[command(flatten)]
    build: BuildArgs,

    /// Print what happens (-v: debug, -vv: trace) on stderr.
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    verbose: u8,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// List every import of a module grouped by module, which adapter serves
    /// it (or why none can), and whether it becomes a command or a reactor.
    Inspect {
        /// Module to inspect (binary or text; `-` reads stdin).
        input: PathBuf,
        #[command(flatten)]
        adapters: AdapterArgs,
    },
}

#[derive(Args, Debug)]
struct BuildArgs {
    /// Legacy core module, binary or text; `-` reads stdin.
    #[arg(required = true)]
    input: Option<PathBuf>,

    /// Where to write the component (default: stdout).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Emit the component as WebAssembly text instead of binary.
    #[arg(short = 't', long)]
    wat: bool,

    #[command(flatten)]
    adapters: AdapterArgs,
}

#[derive(Args, Debug)]
struct AdapterArgs {
    /// Use the adapter in FILE for imports from module NAME, replacing the
    /// built-in one (e.g. wasi_snapshot_preview1=adapter.wasm). Repeatable.
    #[arg(long, value_name = "NAME=FILE", value_parser = parse_adapt)]
    adapt: Vec<(String, PathBuf)>,

    /// Use the command preview1 adapter (the component exports wasi:cli/run).
    #[arg(long = "command", conflicts_with = "reactor")]
    command_kind: bool,

    /// Use the reactor preview1 adapter (no wasi:cli/run export).
    #[arg(long)]
    reactor: bool,

    /// The wasi:nn WIT version the component imports: 0.2.0-rc-2024-10-28
    /// (Wasmtime v35 and later, the default) or 0.2.0-rc-2024-08-19
    /// (Wasmtime v25-v34).
    #[arg(long = "wasi-nn", value_name = "VERSION", default_value_t = WasiNnVersion::default())]
    wasi_nn: WasiNnVersion,
}

fn parse_adapt(arg: &str) -> Result<(String, PathBuf), String> {
    match arg.split_once('=') {
        Some((name, file)) if !name.is_empty() && !file.is_empty() => {
            Ok((name.to_owned(), PathBuf::from(file)))
        }
        _ => Err(format!("expected NAME=FILE, got `{arg}`")),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_tracing(cli.verbose);
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn init_tracing(verbose: u8) {
    let level = match verbose {
        0 => return,
        1 => "nn_componentize=debug,wit_component=debug",
        _ => "trace",
    };
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new(level))
        .with_writer(std::io::stderr)
        .without_time()
        .init();
}

fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Some(Command::Inspect { input, adapters }) => {
            let (name, bytes) = read_input(&input)?;
            let inspection = componentizer(&adapters)?
                .inspect(&bytes)
                .with_context(|| name.clone())?;
            print!("{name}: core module\n{inspection}");
            Ok(())
        }
        None => build(cli.build),
    }
}

fn componentizer(args: &AdapterArgs) -> anyhow::Result<Componentizer> {
    let kind = match (args.command_kind, args.reactor) {
        (true, _) => Kind::Command,
        (_, true) => Kind::Reactor,
        _ => Kind::Auto,
    };
    let mut componentizer = Componentizer::new().kind(kind).wasi_nn(args.wasi_nn);
    for (name, file) in &args.adapt {
        let bytes = std::fs::read(file)
            .with_context(|| format!("{}: cannot read adapter", file.display()))?;
        componentizer = componentizer.adapt(name.clone(), bytes);
    }
    Ok(componentizer)
}

fn build(args: BuildArgs) -> anyhow::Result<()> {
    // `required = true` makes clap reject a missing INPUT before we get here.
    let input = args.input.context("missing INPUT")?;
    // Refuse early: no point converting what cannot be written.
    if args.output.is_none() && !args.wat && std::io::stdout().is_terminal() {
        bail!(
            "refusing to write a binary component to a terminal; \
             use -o FILE, redirect stdout, or pass -t for text"
        );
    }
    let (name, bytes) = read_input(&input)?;
    let result = componentizer(&args.adapters)?
        .componentize_with_notes(&bytes)
        .with_context(|| name.clone())?;
    for note in &result.notes {
        eprintln!("note: {name}: {note}");
    }
    let output = if args.wat {
        let mut text = wasmprinter::print_bytes(&result.component)
            .context("cannot print the component as text")?;
        text.push('\n');
        text.into_bytes()
    } else {
        result.component
    };
    match &args.output {
        Some(path) => output::write(path, &output),
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(&output)
                .and_then(|()| stdout.flush())
                .context("cannot write to stdout")
        }
    }
}

/// Reads the input file (or stdin for `-`) as a binary module, assembling
/// WebAssembly text; returns a name for messages with it.
fn read_input(path: &Path) -> anyhow::Result<(String, Vec<u8>)> {
    let (name, bytes, file) = if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("<stdin>: cannot read")?;
        ("<stdin>".to_owned(), bytes, None)
    } else {
        let name = path.display().to_string();
        let bytes = std::fs::read(path).with_context(|| format!("{name}: cannot read"))?;
        (name, bytes, Some(path))
    };
    let assembled = match nn_componentize::wasm_binary(&bytes, file) {
        Ok(Cow::Owned(binary)) => Some(binary),
        Ok(Cow::Borrowed(_)) => None,
        Err(err) => return Err(err.context(name)),
    };
    Ok((name, assembled.unwrap_or(bytes)))
}
