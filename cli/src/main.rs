//! `nn-componentize`: the command-line face of the `nn_componentize` library.

mod output;

use anyhow::{bail, Context};
use clap::{Args, Parser, Subcommand};
use nn_componentize::{Componentizer, Dialect, GraphNames, Kind, WasiNnVersion};
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
      List every import, which adapter serves it, command/reactor and dialect.
  nn-componentize --dialect wasi-nn-0.5 old.wasm -o component.wasm
      Adapt a module built with crates.io wasi-nn 0.5 (see `nn-componentize dialects`).";

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

    /// Refuse an input module or adapter file larger than SIZE bytes
    /// (suffixes K, M, G: KiB, MiB, GiB).
    #[arg(long, value_name = "SIZE", default_value = "1G", value_parser = parse_size, global = true)]
    max_input_size: u64,
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
    /// List the dialects --dialect takes: the numberings legacy guests were
    /// built with, and who produced each.
    Dialects {
        /// Also print every table of every dialect (Markdown).
        #[arg(long)]
        tables: bool,
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
    // Parsed by `componentizer`, not clap, so that an unknown version is one
    // `error:` line with the choices and exit code 1, like every input error.
    #[arg(long = "wasi-nn", value_name = "VERSION", default_value_t = WasiNnVersion::default().to_string())]
    wasi_nn: String,

    /// The numbering the module was built with (`nn-componentize dialects`
    /// lists them). Default: detected from the module's imports and
    /// symbols, else wasi-nn-0.6.
    // Parsed by `componentizer`, like --wasi-nn.
    #[arg(long = "dialect", value_name = "NAME")]
    dialect: Option<String>,

    /// Bake the tensor names of the model in DIR (openvino or onnx) into
    /// the component, for the guest's load_by_name(NAME): the spelling of
    /// nn-host's --graph and Wasmtime's nn-graph. Repeatable.
    #[arg(long = "graph", value_name = "NAME=ENC::DIR", value_parser = parse_graph)]
    graphs: Vec<(String, String, PathBuf)>,

    /// Bake tensor names stated by hand for load_by_name(NAME): inputs,
    /// then outputs, comma-separated; `\` escapes `,`, `:` and `\` in a
    /// name. Repeatable.
    #[arg(long = "names", value_name = "NAME=IN,..:OUT,..", value_parser = parse_names)]
    names: Vec<(String, GraphNames)>,
}

fn parse_graph(arg: &str) -> Result<(String, String, PathBuf), String> {
    let parsed = arg.split_once('=').and_then(|(name, rest)| {
        let (encoding, dir) = rest.split_once("::")?;
        (!name.is_empty() && !encoding.is_empty() && !dir.is_empty())
            .then(|| (name.to_owned(), encoding.to_owned(), PathBuf::from(dir)))
    });
    parsed.ok_or_else(|| format!("expected NAME=ENC::DIR, got `{arg}`"))
}

fn parse_names(arg: &str) -> Result<(String, GraphNames), String> {
    let usage = || format!("expected NAME=IN,..:OUT,.. (at least one name), got `{arg}`");
    let (graph, lists) = arg.split_once('=').ok_or_else(usage)?;
    // One pass: `,` ends a name, the one `:` ends the inputs, `\x` is x.
    let (mut inputs, mut outputs) = (Vec::new(), Vec::new());
    let mut name = String::new();
    let mut in_outputs = false;
    let mut chars = lists.chars();
    loop {
        let c = chars.next();
        match c {
            Some('\\') => name.push(chars.next().ok_or_else(usage)?),
            Some(',' | ':') | None => {
                let list = if in_outputs {
                    &mut outputs
                } else {
                    &mut inputs
                };
                if !name.is_empty() || c == Some(',') {
                    list.push(vec![std::mem::take(&mut name)]);
                }
                match c {
                    Some(':') if in_outputs => return Err(usage()),
                    Some(':') => in_outputs = true,
                    None => break,
                    _ => {}
                }
            }
            Some(c) => name.push(c),
        }
    }
    if !in_outputs {
        return Err(usage());
    }
    let names = GraphNames { inputs, outputs };
    let mut check = nn_componentize::NameTable::default();
    check
        .insert(graph, names.clone())
        .map_err(|e| format!("{e}: in `{arg}`"))?;
    Ok((graph.to_owned(), names))
}

fn parse_adapt(arg: &str) -> Result<(String, PathBuf), String> {
    match arg.split_once('=') {
        Some((name, file)) if !name.is_empty() && !file.is_empty() => {
            Ok((name.to_owned(), PathBuf::from(file)))
        }
        _ => Err(format!("expected NAME=FILE, got `{arg}`")),
    }
}

/// Parses `1024`, `64K`, `100M`, `1G` (binary multiples) into bytes.
fn parse_size(arg: &str) -> Result<u64, String> {
    let (digits, shift) = match arg.as_bytes().last() {
        Some(b'K' | b'k') => (&arg[..arg.len() - 1], 10),
        Some(b'M' | b'm') => (&arg[..arg.len() - 1], 20),
        Some(b'G' | b'g') => (&arg[..arg.len() - 1], 30),
        _ => (arg, 0),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(1 << shift))
        .ok_or_else(|| {
            format!("expected a number of bytes like 1048576, 64K, 100M or 1G, got `{arg}`")
        })
}

/// `bytes` for messages: in the largest binary unit that divides it.
fn format_size(bytes: u64) -> String {
    match bytes {
        0 => "0 bytes".to_owned(),
        b if b % (1 << 30) == 0 => format!("{} GiB", b >> 30),
        b if b % (1 << 20) == 0 => format!("{} MiB", b >> 20),
        b if b % (1 << 10) == 0 => format!("{} KiB", b >> 10),
        b => format!("{b} bytes"),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_tracing(cli.verbose);
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprint!("{}", render_error(&err));
            ExitCode::FAILURE
        }
    }
}

/// Lines of an error message are cut to this many characters.
const MAX_LINE_CHARS: usize = 500;

/// `error: ` and the message's first line, which says on its own what went
/// wrong and where; any further lines (quoted source, a list of problems)
/// indented beneath it. Every line is cut to [`MAX_LINE_CHARS`], so that no
/// message, whatever it quotes, floods the terminal.
fn render_error(err: &anyhow::Error) -> String {
    let message = format!("{err:#}");
    let mut rendered = String::new();
    for (i, line) in message.lines().enumerate() {
        let line = match line.char_indices().nth(MAX_LINE_CHARS) {
            Some((cut, _)) => Cow::Owned(format!("{}…", &line[..cut])),
            None => Cow::Borrowed(line),
        };
        rendered.push_str(if i == 0 { "error: " } else { "  " });
        rendered.push_str(&line);
        rendered.push('\n');
    }
    rendered
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
    let limit = cli.max_input_size;
    match cli.command {
        Some(Command::Inspect { input, adapters }) => {
            let (name, bytes) = read_input(&input, limit)?;
            let binary = nn_componentize::wasm_binary(&bytes, Some(Path::new(&name)))?;
            if wasmparser::Parser::is_component(&binary) {
                print!(
                    "{name}: component\n{}",
                    describe_baked_names(&binary).with_context(|| name.clone())?
                );
                return Ok(());
            }
            let inspection = componentizer(&adapters, limit)?
                .inspect(&bytes)
                .with_context(|| name.clone())?;
            print!("{name}: core module\n{inspection}");
            // The verdict is also the exit code and the conversion's error.
            inspection.verdict().context(name)
        }
        Some(Command::Dialects { tables }) => {
            print!("{}", describe_dialects(tables));
            Ok(())
        }
        None => build(cli.build, limit),
    }
}

/// `nn-componentize dialects`: a line per dialect, or with `tables`, every
/// table (the text of docs/dialects.md's tables).
fn describe_dialects(tables: bool) -> String {
    let mut out = String::new();
    for dialect in Dialect::ALL {
        if tables {
            out.push_str(&dialect.tables_markdown());
            out.push('\n');
        } else {
            let default = if dialect == Dialect::default() {
                " (default)"
            } else {
                ""
            };
            out.push_str(&format!(
                "{:<12} {}{default}\n",
                dialect.name(),
                dialect.produced_by()
            ));
        }
    }
    out
}

/// The tensor names baked into a component, one graph a line.
fn describe_baked_names(component: &[u8]) -> anyhow::Result<String> {
    let Some(table) = nn_componentize::baked_names(component)? else {
        return Ok("no baked tensor names: load_by_name graphs use decimal names\n".into());
    };
    let mut out = String::from("baked tensor names for load_by_name:\n");
    for (graph, names) in table.iter() {
        out.push_str(&format!(
            "  {graph:?}: inputs {:?}, outputs {:?}\n",
            names.inputs, names.outputs
        ));
    }
    Ok(out)
}

fn componentizer(args: &AdapterArgs, limit: u64) -> anyhow::Result<Componentizer> {
    let kind = match (args.command_kind, args.reactor) {
        (true, _) => Kind::Command,
        (_, true) => Kind::Reactor,
        _ => Kind::Auto,
    };
    let wasi_nn: WasiNnVersion = args.wasi_nn.parse()?;
    let mut componentizer = Componentizer::new().kind(kind).wasi_nn(wasi_nn);
    if let Some(dialect) = &args.dialect {
        componentizer = componentizer.dialect(dialect.parse()?);
    }
    for (graph, encoding, dir) in &args.graphs {
        let names = nn_componentize::read_model_names(encoding, dir)
            .with_context(|| format!("--graph {graph}={encoding}::{}", dir.display()))?;
        componentizer = componentizer.graph_names(graph, names)?;
    }
    for (graph, names) in &args.names {
        componentizer = componentizer.graph_names(graph, names.clone())?;
    }
    for (module, file) in &args.adapt {
        let bytes = std::fs::File::open(file)
            .map_err(anyhow::Error::from)
            .and_then(|reader| read_limited(reader, limit))
            .with_context(|| format!("{}: cannot read adapter", file.display()))?;
        componentizer = componentizer.adapt(module.clone(), bytes);
    }
    Ok(componentizer)
}

fn build(args: BuildArgs, limit: u64) -> anyhow::Result<()> {
    // `required = true` makes clap reject a missing INPUT before we get here.
    let input = args.input.context("missing INPUT")?;
    // Refuse early: no point converting what cannot be written.
    if args.output.is_none() && !args.wat && std::io::stdout().is_terminal() {
        bail!(
            "refusing to write a binary component to a terminal; \
             use -o FILE, redirect stdout, or pass -t for text"
        );
    }
    let (name, bytes) = read_input(&input, limit)?;
    let result = componentizer(&args.adapters, limit)?
        .componentize_with_notes(&bytes)
        .with_context(|| name.clone())?;
    for warning in &result.warnings {
        eprintln!("warning: {name}: {warning}");
    }
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

/// Reads the input file (or stdin for `-`), at most `limit` bytes, as a
/// binary module, assembling WebAssembly text; returns a name for messages
/// with it.
fn read_input(path: &Path, limit: u64) -> anyhow::Result<(String, Vec<u8>)> {
    let (name, bytes, file) = if path == Path::new("-") {
        let name = "<stdin>".to_owned();
        let bytes = read_limited(std::io::stdin().lock(), limit)
            .with_context(|| format!("{name}: cannot read"))?;
        (name, bytes, None)
    } else {
        let name = path.display().to_string();
        let bytes = std::fs::File::open(path)
            .map_err(anyhow::Error::from)
            .and_then(|file| read_limited(file, limit))
            .with_context(|| format!("{name}: cannot read"))?;
        (name, bytes, Some(path))
    };
    let assembled = match nn_componentize::wasm_binary(&bytes, file) {
        Ok(Cow::Owned(binary)) => Some(binary),
        Ok(Cow::Borrowed(_)) => None,
        Err(err) => return Err(err.context(name)),
    };
    Ok((name, assembled.unwrap_or(bytes)))
}

/// Everything `reader` yields, unless that is more than `limit` bytes: an
/// endless source such as /dev/zero would otherwise run until killed.
fn read_limited(reader: impl Read, limit: u64) -> anyhow::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        bail!(
            "larger than the input size limit of {} (raise it with --max-input-size)",
            format_size(limit)
        );
    }
    Ok(bytes)
}
