//! `nn-componentize`: the command-line face of the `nn_componentize` library.

mod output;

use anyhow::{bail, Context};
use clap::builder::PossibleValuesParser;
use clap::error::ErrorKind;
use clap::{Args, ColorChoice, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use nn_args::GraphArg;
use nn_componentize::{ComponentInfo, Componentizer, Dialect, GraphNames, Kind, WasiNnVersion};
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
    name = "nn-componentize",
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

    /// When to colour messages: auto (on a terminal, unless NO_COLOR is
    /// set), always or never.
    #[arg(long, value_name = "WHEN", value_enum, default_value_t = ColorChoice::Auto, global = true)]
    color: ColorChoice,
}

/// The subcommands, which a mistyped one is checked against.
const SUBCOMMANDS: [&str; 3] = ["inspect", "dialects", "completion"];

#[derive(Subcommand, Debug)]
enum Command {
    /// Describe a module: every import grouped by module, which adapter
    /// serves it (or why none can), command or reactor, and dialect. Or a
    /// component: the wasi:nn version it imports, command or reactor, how
    /// nn-componentize adapted it, its baked names and the hosts that run it.
    Inspect {
        /// Module or component to inspect (binary or text; `-` reads stdin).
        input: PathBuf,
        #[command(flatten)]
        adapters: AdapterArgs,
        #[command(flatten)]
        common: CommonArgs,
    },
    /// List the dialects --dialect takes: the numberings legacy guests were
    /// built with, and who produced each.
    Dialects {
        /// Also print every table of every dialect (Markdown).
        #[arg(long)]
        tables: bool,
    },
    /// Print a completion script for SHELL on stdout.
    Completion {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Args, Debug)]
struct BuildArgs {
    /// Legacy core module, binary or text; `-` or none reads stdin.
    input: Option<PathBuf>,

    /// Where to write the component (default, and `-`: stdout).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Emit the component as WebAssembly text instead of binary.
    #[arg(short = 't', long)]
    wat: bool,

    #[command(flatten)]
    adapters: AdapterArgs,

    /// Bake the tensor names of the model in DIR (openvino or onnx) into
    /// the component, for the guest's load_by_name(NAME): the spelling of
    /// nn-host's --graph; ENC::DIR, Wasmtime's nn-graph, names the graph
    /// after its folder. Repeatable.
    #[arg(long = "graph", value_name = "NAME=ENC::DIR", value_parser = nn_args::parse_graph)]
    graphs: Vec<GraphArg>,

    /// Bake tensor names stated by hand for load_by_name(NAME): inputs,
    /// then outputs, comma-separated; `\` escapes `,`, `:` and `\` in a
    /// name. Repeatable.
    #[arg(long = "names", value_name = "NAME=IN,..:OUT,..", value_parser = parse_names)]
    names: Vec<(String, GraphNames)>,

    #[command(flatten)]
    common: CommonArgs,
}

/// What the commands that read a module share.
#[derive(Args, Debug)]
struct CommonArgs {
    /// Print what happens (-v: debug, -vv: trace) on stderr.
    #[arg(short, long, action = clap::ArgAction::Count)]
    verbose: u8,

    /// Refuse an input module or adapter file larger than SIZE bytes
    /// (suffixes K, M, G: KiB, MiB, GiB).
    #[arg(long, value_name = "SIZE", default_value = "1G", value_parser = nn_args::parse_size)]
    max_input_size: u64,
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

    /// The wasi:nn WIT version the component imports: the first (the
    /// default) for Wasmtime v35 and later, the second for Wasmtime v25-v34.
    #[arg(
        long = "wasi-nn",
        value_name = "VERSION",
        default_value_t = WasiNnVersion::default().to_string(),
        value_parser = PossibleValuesParser::new(WasiNnVersion::ALL.map(WasiNnVersion::as_str)),
    )]
    wasi_nn: String,

    /// The numbering the module was built with (`nn-componentize dialects`
    /// lists them). Default: detected from the module's imports and
    /// symbols, else wasi-nn-0.6.
    #[arg(
        long = "dialect",
        value_name = "NAME",
        value_parser = PossibleValuesParser::new(Dialect::ALL.map(Dialect::name)),
    )]
    dialect: Option<String>,
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

fn main() -> ExitCode {
    keep_freed_memory();
    let args = std::env::args_os().collect::<Vec<_>>();
    let mut command = Cli::command().color(requested_color(&args));
    // clap takes a mistyped subcommand for INPUT, and then says only that
    // the file is missing.
    if let Some(meant) = args
        .get(1)
        .and_then(|first| misspelled_subcommand(Path::new(first)))
    {
        let message = format!(
            "`{}` is neither a file nor a subcommand; did you mean `{meant}`?",
            args[1].to_string_lossy()
        );
        command.error(ErrorKind::InvalidSubcommand, message).exit();
    }
    let matches = command.get_matches_from(args);
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let paint = Paint::new(cli.color);
    match run(cli, paint) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprint!("{}", render_error(&err, paint));
            ExitCode::FAILURE
        }
    }
}

/// The `--color` on the command line, for clap's own messages, which are
/// printed before the parsed value exists (the last one wins, as in clap).
fn requested_color(args: &[std::ffi::OsString]) -> ColorChoice {
    let args = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect::<Vec<_>>();
    let mut choice = ColorChoice::Auto;
    for (at, arg) in args.iter().enumerate() {
        let value = match arg.strip_prefix("--color") {
            Some("") => args.get(at + 1).map(String::as_str),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        if let Some(found) = value.and_then(|v| ColorChoice::from_str(v, false).ok()) {
            choice = found;
        }
    }
    choice
}

/// Whether this process colours its `error:`, `warning:` and `note:`
/// prefixes on stderr.
#[derive(Clone, Copy)]
struct Paint(bool);

impl Paint {
    /// `auto` colours only a terminal, and never when NO_COLOR is set to
    /// anything but the empty string (no-color.org).
    fn new(choice: ColorChoice) -> Paint {
        Paint(match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stderr().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        })
    }

    /// `label:`, in bold `colour` (an ANSI SGR number) when painting.
    fn label(self, label: &str, colour: u8) -> String {
        match self.0 {
            true => format!("\x1b[1;{colour}m{label}:\x1b[0m "),
            false => format!("{label}: "),
        }
    }

    fn error(self) -> String {
        self.label("error", 31)
    }

    fn warning(self) -> String {
        self.label("warning", 33)
    }

    fn note(self) -> String {
        self.label("note", 36)
    }
}

/// Lines of an error message are cut to this many characters.
const MAX_LINE_CHARS: usize = 500;

/// `error: ` and the message's first line, which says on its own what went
/// wrong and where; any further lines (quoted source, a list of problems)
/// indented beneath it. Every line is cut to [`MAX_LINE_CHARS`], so that no
/// message, whatever it quotes, floods the terminal.
fn render_error(err: &anyhow::Error, paint: Paint) -> String {
    let message = format!("{err:#}");
    let mut rendered = String::new();
    for (i, line) in message.lines().enumerate() {
        let line = match line.char_indices().nth(MAX_LINE_CHARS) {
            Some((cut, _)) => Cow::Owned(format!("{}…", &line[..cut])),
            None => Cow::Borrowed(line),
        };
        match i {
            0 => rendered.push_str(&paint.error()),
            _ => rendered.push_str("  "),
        }
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

/// Ends the process with clap's usage error (exit code 2) saying `message`.
fn usage_error(kind: ErrorKind, message: impl std::fmt::Display) -> ! {
    Cli::command().error(kind, message).exit()
}

fn run(cli: Cli, paint: Paint) -> anyhow::Result<()> {
    match cli.command {
        Some(Command::Inspect {
            input,
            adapters,
            common,
        }) => {
            init_tracing(common.verbose);
            let limit = common.max_input_size;
            let (name, bytes) = read_input(&input, limit)?;
            let binary = nn_componentize::wasm_binary(&bytes, Some(Path::new(&name)))?;
            if wasmparser::Parser::is_component(&binary) {
                let info = ComponentInfo::read(&binary).with_context(|| name.clone())?;
                print!("{name}: component\n{info}");
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
        Some(Command::Completion { shell }) => {
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "nn-componentize",
                &mut std::io::stdout(),
            );
            Ok(())
        }
        None => build(cli.build, paint),
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

fn componentizer(args: &AdapterArgs, limit: u64) -> anyhow::Result<Componentizer> {
    let kind = match (args.command_kind, args.reactor) {
        (true, _) => Kind::Command,
        (_, true) => Kind::Reactor,
        _ => Kind::Auto,
    };
    // clap has checked both against their possible values.
    let wasi_nn: WasiNnVersion = args.wasi_nn.parse()?;
    let mut componentizer = Componentizer::new().kind(kind).wasi_nn(wasi_nn);
    if let Some(dialect) = &args.dialect {
        componentizer = componentizer.dialect(dialect.parse()?);
    }
    for (module, file) in &args.adapt {
        let bytes = read_file_limited(file, limit)
            .with_context(|| format!("{}: cannot read adapter", file.display()))?;
        componentizer = componentizer.adapt(module.clone(), bytes);
    }
    Ok(componentizer)
}

/// The subcommand `first` (the first argument) looks like a misspelling of,
/// when it is no file.
/// Tells glibc's malloc to reuse the memory this short-lived process frees
/// instead of returning it to the kernel: wit-component copies a module
/// several times while encoding it, and by default each large copy is a
/// fresh `mmap` whose pages fault in again (a third more page faults on a
/// 10 MB module than with reuse; docs/bench.md, "As a user runs them").
fn keep_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only sets malloc's parameters; it is called before
    // any other thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_MAX, 0);
        libc::mallopt(libc::M_TRIM_THRESHOLD, libc::c_int::MAX);
    }
}

fn misspelled_subcommand(first: &Path) -> Option<&'static str> {
    let text = first.to_str()?;
    if first.exists() || text.starts_with('-') || text.contains(['.', '/']) {
        return None;
    }
    SUBCOMMANDS.into_iter().find(|subcommand| {
        let distance = strsim::damerau_levenshtein(text, subcommand);
        distance > 0 && distance <= 2
    })
}

fn build(args: BuildArgs, paint: Paint) -> anyhow::Result<()> {
    init_tracing(args.common.verbose);
    let limit = args.common.max_input_size;
    let input = match args.input {
        Some(input) => input,
        None if std::io::stdin().is_terminal() => usage_error(
            ErrorKind::MissingRequiredArgument,
            "no INPUT given and stdin is a terminal: name a module, or pipe one in",
        ),
        None => PathBuf::from("-"),
    };
    let graph_names = args.graphs.iter().map(|g| g.name.as_str());
    let names = args.names.iter().map(|(graph, _)| graph.as_str());
    if let Err(message) = nn_args::check_graph_names_unique(graph_names.chain(names)) {
        usage_error(ErrorKind::ArgumentConflict, message);
    }
    let output = args.output.filter(|path| path != Path::new("-"));
    // Refuse early: no point converting what cannot be written.
    match &output {
        None if !args.wat && std::io::stdout().is_terminal() => bail!(
            "refusing to write a binary component to a terminal; \
             use -o FILE, redirect stdout, or pass -t for text"
        ),
        None => {}
        Some(path) => {
            let from_file = Some(input.as_path()).filter(|input| *input != Path::new("-"));
            output::check_destination(path, from_file)?;
        }
    }
    let mut componentizer = componentizer(&args.adapters, limit)?;
    for graph in &args.graphs {
        let names =
            nn_componentize::read_model_names(&graph.encoding, &graph.dir).with_context(|| {
                format!(
                    "--graph {}={}::{}",
                    graph.name,
                    graph.encoding,
                    graph.dir.display()
                )
            })?;
        componentizer = componentizer.graph_names(&graph.name, names)?;
    }
    for (graph, names) in &args.names {
        componentizer = componentizer.graph_names(graph, names.clone())?;
    }
    let (name, bytes) = read_input(&input, limit)?;
    let result = componentizer
        .componentize_with_notes(&bytes)
        .with_context(|| name.clone())?;
    for warning in &result.warnings {
        eprintln!("{}{name}: {warning}", paint.warning());
    }
    for note in &result.notes {
        eprintln!("{}{name}: {note}", paint.note());
    }
    let component = if args.wat {
        let mut text = wasmprinter::print_bytes(&result.component)
            .context("cannot print the component as text")?;
        text.push('\n');
        text.into_bytes()
    } else {
        result.component
    };
    match &output {
        Some(path) => output::write(path, &component),
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(&component)
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
        let bytes = read_limited(std::io::stdin().lock(), 0, limit)
            .with_context(|| format!("{name}: cannot read"))?;
        (name, bytes, None)
    } else {
        let name = path.display().to_string();
        let bytes =
            read_file_limited(path, limit).with_context(|| format!("{name}: cannot read"))?;
        (name, bytes, Some(path))
    };
    let assembled = match nn_componentize::wasm_binary(&bytes, file) {
        Ok(Cow::Owned(binary)) => Some(binary),
        Ok(Cow::Borrowed(_)) => None,
        Err(err) => return Err(err.context(name)),
    };
    Ok((name, assembled.unwrap_or(bytes)))
}

/// The file at `path`, unless it is more than `limit` bytes.
fn read_file_limited(path: &Path, limit: u64) -> anyhow::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let size = file.metadata()?.len();
    read_limited(file, size, limit)
}

/// Everything `reader` yields, unless that is more than `limit` bytes: an
/// endless source such as /dev/zero would otherwise run until killed.
/// `size` is what the reader is expected to yield (a file's length): one
/// allocation of that size, not a doubling series of copies.
fn read_limited(reader: impl Read, size: u64, limit: u64) -> anyhow::Result<Vec<u8>> {
    let expected = size.min(limit).saturating_add(1);
    let mut bytes = Vec::with_capacity(usize::try_from(expected).unwrap_or(0));
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        bail!(
            "larger than the input size limit of {} (raise it with --max-input-size)",
            nn_args::format_size(limit)
        );
    }
    Ok(bytes)
}
