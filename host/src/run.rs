//! Running a `wasi:cli/command` component in-process with WASI preview2 and
//! `wasi:nn`.
//!
//! A [`Runner`] owns what is worth keeping between runs: the engine, the
//! linker with both interfaces on it, the components already compiled and
//! linked, and the graphs already compiled for `--graph`. Embedders, the
//! test suites and the bench each build their own, so nothing about a run
//! is process-wide state (the OpenVINO library and core aside: see
//! [`crate::openvino::library`]). [`Runner::with_cache`] also keeps compiled
//! code on disk, for the next process.

use crate::backend::{Backends, Graph, GraphEncoding};
use crate::limits::HostLimits;
use crate::registry::Registry;
use crate::wit::{add_to_linker, check_wasi_nn_imports, ErrorReports, NnCtx};
use anyhow::{bail, Context as _, Result};
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};
use wasmtime::component::{Component, Linker, ResourceTable};
use wasmtime::{
    Cache, CacheConfig, Config, Engine, ResourceLimiter, Store, StoreLimits, StoreLimitsBuilder,
    Trap,
};
use wasmtime_wasi::cli::{InputFile, OutputFile};
use wasmtime_wasi::p2::bindings::sync::CommandPre;
use wasmtime_wasi::p2::pipe::MemoryOutputPipe;
use wasmtime_wasi::p2::OutputStream as _;
use wasmtime_wasi::{FsPerms, I32Exit, WasiCtx, WasiCtxBuilder, WasiCtxView, WasiView};

/// A graph to compile before the guest starts, reachable via `load-by-name`.
#[derive(Debug, Clone)]
pub struct GraphSpec {
    pub name: String,
    pub encoding: GraphEncoding,
    pub dir: PathBuf,
}

/// How to run a component: what `nn-host run` takes on its command line.
#[derive(Debug, Clone, Default)]
pub struct RunConfig {
    /// The guest's argv, program name first.
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
    /// Preopened directories as (host path, guest path).
    pub dirs: Vec<(PathBuf, String)>,
    /// Compiled once per [`Runner`] (and output cap): every run given the
    /// same encoding and folder shares the graph, so the folder's files are
    /// read once per runner.
    pub graphs: Vec<GraphSpec>,
    /// Graphs compiled once and shared by every run given them (threads
    /// included); `graphs` are added to the run's own copy of it.
    pub registry: Option<Arc<Registry>>,
    /// Upper bound on each linear memory and table growth, in bytes; the
    /// host-side limits derive from it (see [`HostLimits`]).
    pub max_memory: Option<usize>,
    /// Wall-clock limit for guest code, checked at epoch boundaries in wasm.
    /// A guest blocked in a host call (a sleep, a stdin read, a long
    /// OpenVINO call) is interrupted only once that call returns; `nn-host
    /// run` adds a watchdog that ends the process.
    pub timeout: Option<Duration>,
    /// Collect stdout/stderr into [`RunOutcome`] instead of inheriting the
    /// host's streams (stdin is then empty).
    pub capture_output: bool,
    /// A file or pipe the guest reads as its stdin, and one it writes as
    /// its stdout, instead of the host's or captured ones: how an embedder
    /// talks with a guest while it runs (the bench's lockstep rounds).
    /// Reads and writes block the guest until the other end answers.
    pub stdin: Option<Arc<std::fs::File>>,
    pub stdout: Option<Arc<std::fs::File>>,
    /// Report the host's reason for each `wasi:nn` error the guest receives,
    /// one line per failing call (`wasi:nn CALL: CODE: REASON`): on the host
    /// process's stderr, or with `capture_output` in
    /// [`RunOutcome::nn_errors`]. `nn-host` does, unless `-q`.
    pub report_nn_errors: bool,
}

/// What the guest did: its exit code, its output when captured, and the
/// `wasi:nn` resources it left behind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunOutcome {
    /// `wasi:cli/exit` code; 0 or 1 from `run`'s result; 134 for a trap (as
    /// `wasmtime run` reports an abort), with the trap appended to stderr.
    pub exit_code: i32,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// `wasi:nn` resources (graphs, contexts, tensors, errors) the guest
    /// still held when it returned or trapped, counted before the store
    /// was dropped. A guest that releases what it uses leaves a count that
    /// does not depend on how many rounds it ran.
    pub live_nn_resources: usize,
    /// How long instantiating the (already compiled and linked) component took.
    pub instantiate_time: Duration,
    /// From before instantiation until the guest returned, exited or trapped.
    pub run_time: Duration,
    /// With [`RunConfig::report_nn_errors`] and `capture_output`, the line
    /// reporting each `wasi:nn` error the guest received, in order.
    pub nn_errors: Vec<String>,
}

/// Exit code for a trapping or timed-out guest, the same as `wasmtime run`
/// (SIGABRT).
pub const TRAP_EXIT_CODE: i32 = 134;
/// How often the epoch advances once some run has a timeout.
const EPOCH_TICK: Duration = Duration::from_millis(10);
/// The epoch deadline of a run without a timeout, and the most any timeout
/// asks for: far enough never to come, near enough that Wasmtime's
/// `current epoch + deadline` cannot overflow.
const NO_DEADLINE: u64 = u64::MAX / 2;
/// Limit for captured stdout/stderr.
const CAPTURE_LIMIT: usize = 1 << 30;
/// Linked components a [`Runner`] keeps for repeated runs of the same bytes.
const COMPONENT_CACHE_SIZE: usize = 64;
/// `--graph` graphs a [`Runner`] keeps compiled for later runs.
const GRAPH_CACHE_SIZE: usize = 64;

/// What a preloaded graph is compiled from: its encoding and folder, and the
/// output cap it was checked against (the run's, from `--max-memory`).
type GraphKey = (GraphEncoding, PathBuf, usize);

/// A store's data: WASI, `wasi:nn` and the memory limits.
struct RunState {
    wasi: WasiCtx,
    table: ResourceTable,
    nn: NnCtx,
    limits: MemoryLimits,
}

/// [`StoreLimits`], remembering the size of a memory refused as it is
/// created (grown from nothing) while the component is instantiated: a
/// minimum above the cap is the host's limit to report, not the guest's trap.
struct MemoryLimits {
    limits: StoreLimits,
    instantiating: bool,
    /// The largest memory refused at its creation, in bytes.
    refused_at_start: Option<usize>,
}

impl ResourceLimiter for MemoryLimits {
    fn memory_growing(
        &mut self,
        current: usize,
        desired: usize,
        maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        let allowed = self.limits.memory_growing(current, desired, maximum)?;
        if !allowed && self.instantiating && current == 0 {
            self.refused_at_start = self.refused_at_start.max(Some(desired));
        }
        Ok(allowed)
    }

    fn table_growing(
        &mut self,
        current: usize,
        desired: usize,
        maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        self.limits.table_growing(current, desired, maximum)
    }

    fn instances(&self) -> usize {
        self.limits.instances()
    }

    fn tables(&self) -> usize {
        self.limits.tables()
    }

    fn memories(&self) -> usize {
        self.limits.memories()
    }
}

impl WasiView for RunState {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView {
            ctx: &mut self.wasi,
            table: &mut self.table,
        }
    }
}

/// A component compiled and linked by a [`Runner`], ready to instantiate;
/// cheap to clone.
#[derive(Clone)]
pub struct LinkedCommand(CommandPre<RunState>);

/// Runs `wasi:cli/command` components; build one and reuse it.
pub struct Runner {
    engine: Engine,
    linker: Linker<RunState>,
    backends: Backends,
    /// Whether the engine checks epochs, which `RunConfig::timeout` needs.
    /// Wasmtime cannot be asked, so it is known only for [`Runner::new`]'s.
    epoch_interruption: bool,
    /// Keyed by the component's bytes: the test suites run the same few
    /// components hundreds of times.
    linked: Mutex<HashMap<Vec<u8>, LinkedCommand>>,
    /// [`RunConfig::graphs`] already compiled, shared by the runs (and
    /// threads) that name them.
    graphs: Mutex<HashMap<GraphKey, Graph>>,
    /// The thread advancing the epoch, started by the first timed run.
    epoch_ticker: OnceLock<()>,
}

impl Runner {
    /// A runner on its own engine, with epoch interruption on for timeouts.
    /// Nothing is cached on disk.
    pub fn new() -> Result<Self> {
        Runner::configured(None)
    }

    /// [`Runner::new`], keeping compiled code in `dir` for later processes:
    /// Wasmtime's compilation cache in `dir/wasmtime` (components) and
    /// OpenVINO's model cache in `dir/openvino` (graphs, `load` and
    /// `--graph` alike). A second process running the same component with
    /// the same models compiles neither, and finds OpenVINO without asking
    /// `python3` where its wheel is (`dir/openvino-wheel`). See
    /// [`default_cache_dir`].
    pub fn with_cache(dir: &Path) -> Result<Self> {
        Runner::configured(Some(dir))
    }

    fn configured(cache: Option<&Path>) -> Result<Self> {
        let mut config = Config::new();
        config.epoch_interruption(true);
        let mut backends = Backends::available();
        if let Some(dir) = cache {
            // Wasmtime wants an absolute cache folder.
            let dir = std::path::absolute(dir)
                .with_context(|| format!("the cache folder {}", dir.display()))?;
            let mut cache_config = CacheConfig::new();
            cache_config.with_directory(dir.join("wasmtime"));
            let cache = Cache::new(cache_config).map_err(|e| {
                e.context(format!(
                    "setting up Wasmtime's compilation cache in {}",
                    dir.join("wasmtime").display()
                ))
            })?;
            config.cache(Some(cache));
            backends = Backends::with_model_cache(&dir);
            crate::openvino::library::remember_wheel_in(dir.join("openvino-wheel"));
        }
        let engine = Engine::new(&config).map_err(|e| e.context("creating the Wasmtime engine"))?;
        Runner::build(engine, true, backends)
    }

    /// A runner on an embedder's engine (the bench shares one across hosts).
    /// Runs with a [`RunConfig::timeout`] are then refused: whether that
    /// engine checks epochs cannot be known.
    pub fn with_engine(engine: &Engine) -> Result<Self> {
        Runner::build(engine.clone(), false, Backends::available())
    }

    fn build(engine: Engine, epoch_interruption: bool, backends: Backends) -> Result<Self> {
        let mut linker = Linker::new(&engine);
        wasmtime_wasi::p2::add_to_linker_sync(&mut linker)
            .map_err(|e| e.context("adding WASI preview2"))?;
        add_to_linker(&mut linker, |state: &mut RunState| &mut state.nn)
            .context("adding wasi:nn")?;
        Ok(Runner {
            engine,
            linker,
            backends,
            epoch_interruption,
            linked: Mutex::default(),
            graphs: Mutex::default(),
            epoch_ticker: OnceLock::new(),
        })
    }

    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// Links a component compiled for [`Runner::engine`].
    pub fn link(&self, component: &Component) -> Result<LinkedCommand> {
        check_wasi_nn_imports(&self.engine, component)?;
        let exports = component
            .component_type()
            .exports(&self.engine)
            .map(|(name, _)| name.to_string())
            .collect::<Vec<_>>();
        if !exports.iter().any(|name| name.starts_with("wasi:cli/run@")) {
            bail!(
                "this component is not a command: it exports no `wasi:cli/run` interface (a reactor or a library; its exports: {}); nn-host runs wasi:cli/command components, as `wasmtime run` does. A legacy module becomes a command only when it exports `_start`: without one, nn-componentize makes a reactor",
                match exports.is_empty() {
                    true => "none".to_string(),
                    false => exports.join(", "),
                }
            );
        }
        let pre = self
            .linker
            .instantiate_pre(component)
            .and_then(CommandPre::new)
            .map_err(|e| e.context("linking the component with WASI preview2 and wasi:nn"))?;
        Ok(LinkedCommand(pre))
    }

    /// Compiles and links `bytes` (binary or WebAssembly text), reusing the
    /// result for identical bytes.
    fn compile(&self, bytes: &[u8]) -> Result<LinkedCommand> {
        let cached = |linked: &HashMap<Vec<u8>, LinkedCommand>| linked.get(bytes).cloned();
        if let Some(found) = cached(&self.linked.lock().unwrap_or_else(|e| e.into_inner())) {
            return Ok(found);
        }
        let binary = wasm_binary(bytes)?;
        if binary.starts_with(b"\0asm\x01\0\0\0") {
            bail!("this is a core wasm module, not a component; run `nn-componentize` on it first");
        }
        let started = Instant::now();
        let component = Component::new(&self.engine, &binary)
            .map_err(|e| e.context("compiling the component"))?;
        tracing::debug!(elapsed = ?started.elapsed(), bytes = bytes.len(), "compiled component");
        let linked = self.link(&component)?;
        let mut cache = self.linked.lock().unwrap_or_else(|e| e.into_inner());
        if cache.len() >= COMPONENT_CACHE_SIZE {
            cache.clear();
        }
        cache.insert(bytes.to_vec(), linked.clone());
        Ok(linked)
    }

    /// Runs the `wasi:cli/command` component `component_bytes` to completion.
    ///
    /// Errors are for problems before the guest runs (not a component, bad
    /// preopen, a preloaded graph that fails to load); everything the guest
    /// does, traps included, is reported in the [`RunOutcome`].
    pub fn run(&self, component_bytes: &[u8], config: &RunConfig) -> Result<RunOutcome> {
        let linked = self.compile(component_bytes)?;
        self.run_linked(&linked, config)
    }

    /// [`Runner::run`] for a component linked by [`Runner::link`].
    pub fn run_linked(&self, linked: &LinkedCommand, config: &RunConfig) -> Result<RunOutcome> {
        if config.timeout.is_some() && !self.epoch_interruption {
            bail!("a timeout needs epoch interruption, which only Runner::new's engine is known to have");
        }
        let host_limits = HostLimits::for_max_memory(config.max_memory);
        let registry = match (&config.registry, config.graphs.is_empty()) {
            (Some(shared), true) => shared.clone(),
            (shared, _) => {
                let mut registry = shared.as_deref().cloned().unwrap_or_default();
                for graph in &config.graphs {
                    let compiled = self.preloaded(graph, host_limits.output_bytes)?;
                    registry.insert(&graph.name, compiled);
                }
                Arc::new(registry)
            }
        };

        let mut wasi = WasiCtxBuilder::new();
        wasi.args(&config.args).envs(&config.env);
        for (host, guest) in &config.dirs {
            wasi.preopened_dir(host, guest, FsPerms::ReadWrite)
                .map_err(|e| e.context(format!("preopening {} as {guest}", host.display())))?;
        }
        let captured = config.capture_output.then(|| {
            let (stdout, stderr) = (
                MemoryOutputPipe::new(CAPTURE_LIMIT),
                MemoryOutputPipe::new(CAPTURE_LIMIT),
            );
            wasi.stdout(stdout.clone()).stderr(stderr.clone());
            (stdout, stderr)
        });
        if captured.is_none() {
            wasi.inherit_stdio();
        }
        if let Some(stdin) = &config.stdin {
            wasi.stdin(InputFile::new(
                stdin.try_clone().context("the guest's stdin")?,
            ));
        }
        if let Some(stdout) = &config.stdout {
            wasi.stdout(OutputFile::new(
                stdout.try_clone().context("the guest's stdout")?,
            ));
        }
        let mut limits = StoreLimitsBuilder::new();
        if let Some(max) = config.max_memory {
            limits = limits.memory_size(max);
        }
        let mut table = ResourceTable::new();
        table.set_max_capacity(host_limits.handles);
        let mut nn = NnCtx::with_limits(self.backends.clone(), registry, &host_limits);
        nn.set_console(match &captured {
            Some((stdout, _)) => {
                let stdout = stdout.clone();
                Arc::new(move |bytes: &[u8]| {
                    // Past the capture limit the guest's own writes trap;
                    // the host's are dropped.
                    let _ = stdout.clone().write(bytes::Bytes::copy_from_slice(bytes));
                })
            }
            None => Arc::new(|bytes: &[u8]| {
                let mut stdout = std::io::stdout().lock();
                let _ = std::io::Write::write_all(&mut stdout, bytes);
                let _ = std::io::Write::flush(&mut stdout);
            }),
        });
        nn.report_errors(match (config.report_nn_errors, config.capture_output) {
            (false, _) => ErrorReports::Off,
            (true, false) => ErrorReports::Stderr,
            (true, true) => ErrorReports::Collect(Vec::new()),
        });
        let state = RunState {
            wasi: wasi.build(),
            table,
            nn,
            limits: MemoryLimits {
                limits: limits.build(),
                instantiating: false,
                refused_at_start: None,
            },
        };
        let mut store = Store::new(&self.engine, state);
        store.limiter(|state| &mut state.limits);
        host_limits.apply(&mut store);
        match config.timeout {
            Some(timeout) => {
                self.start_epoch_ticker();
                store.set_epoch_deadline(timeout_ticks(timeout));
            }
            None => store.set_epoch_deadline(NO_DEADLINE),
        }

        let started = Instant::now();
        store.data_mut().limits.instantiating = true;
        let instance = linked.0.instantiate(&mut store);
        store.data_mut().limits.instantiating = false;
        if let (Err(error), Some(refused)) = (&instance, store.data().limits.refused_at_start) {
            tracing::debug!(?error, "instantiation refused");
            bail!(
                "the component needs a memory of {refused} bytes at start, more than the limit of {} bytes (--max-memory)",
                config.max_memory.unwrap_or_default()
            );
        }
        let instantiate_time = started.elapsed();
        let result = instance.and_then(|command| command.wasi_cli_run().call_run(&mut store));
        let run_time = started.elapsed();
        tracing::debug!(?instantiate_time, ?run_time, "guest finished");
        let (exit_code, trap) = match result {
            Ok(Ok(())) => (0, None),
            Ok(Err(())) => (1, None),
            Err(error) => match error.downcast_ref::<I32Exit>() {
                Some(exit) => (exit.0, None),
                None => {
                    // One line; the wasm backtrace and the causes at -v.
                    tracing::debug!("the guest stopped: {error:?}");
                    let message = match error.downcast_ref::<Trap>() {
                        Some(Trap::Interrupt) => format!(
                            "error: the guest exceeded its timeout of {:?}\n",
                            config.timeout.unwrap_or_default()
                        ),
                        _ => format!("error: the guest trapped: {}\n", error.root_cause()),
                    };
                    (TRAP_EXIT_CODE, Some(message))
                }
            },
        };
        let live_nn_resources = store.data_mut().nn.live_resources();
        let nn_errors = store.data_mut().nn.take_error_reports();
        drop(store);
        let (stdout, mut stderr) = match captured {
            Some((stdout, stderr)) => (stdout.contents().to_vec(), stderr.contents().to_vec()),
            None => (Vec::new(), Vec::new()),
        };
        if let Some(message) = trap {
            if config.capture_output {
                stderr.extend_from_slice(message.as_bytes());
            } else {
                eprint!("{message}");
            }
        }
        Ok(RunOutcome {
            exit_code,
            stdout,
            stderr,
            live_nn_resources,
            instantiate_time,
            run_time,
            nn_errors,
        })
    }

    /// `graph` compiled, checked against `max_output_bytes`: compiled by the
    /// first run that names it, shared by the later ones. The lock is held
    /// while compiling so that threads starting together compile it once.
    fn preloaded(&self, graph: &GraphSpec, max_output_bytes: usize) -> Result<Graph> {
        let key = (graph.encoding, graph.dir.clone(), max_output_bytes);
        let mut graphs = self.graphs.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(found) = graphs.get(&key) {
            return Ok(found.clone());
        }
        let compiled = Registry::load_graph(
            &self.backends,
            &graph.name,
            graph.encoding,
            &graph.dir,
            max_output_bytes,
        )?;
        if graphs.len() >= GRAPH_CACHE_SIZE {
            graphs.clear();
        }
        graphs.insert(key, compiled.clone());
        Ok(compiled)
    }

    /// Starts (once per runner) the thread that advances the epoch. It holds
    /// the engine weakly and ends once the engine is dropped.
    fn start_epoch_ticker(&self) {
        self.epoch_ticker.get_or_init(|| {
            let engine = self.engine.weak();
            std::thread::Builder::new()
                .name("nn-host-epoch".into())
                .spawn(move || loop {
                    std::thread::sleep(EPOCH_TICK);
                    match engine.upgrade() {
                        Some(engine) => engine.increment_epoch(),
                        None => break,
                    }
                })
                .expect("spawning the epoch thread");
        });
    }
}

/// `bytes` in binary form: WebAssembly text is assembled (with wast, what
/// `wat` does, to place its error on one line), anything else is passed on.
fn wasm_binary(bytes: &[u8]) -> Result<Cow<'_, [u8]>> {
    if !matches!(wat::Detect::from_bytes(bytes), wat::Detect::WasmText) {
        return Ok(Cow::Borrowed(bytes));
    }
    let text = std::str::from_utf8(bytes).map_err(|error| {
        anyhow::anyhow!(
            "invalid WebAssembly text: not UTF-8 (at byte {})",
            error.valid_up_to()
        )
    })?;
    let assemble = || -> Result<Vec<u8>, wast::Error> {
        let buffer = wast::parser::ParseBuffer::new(text)?;
        wast::parser::parse::<wast::Wat>(&buffer)?.encode()
    };
    assemble().map(Cow::Owned).map_err(|error| {
        let (line, column) = error.span().linecol_in(text);
        let column = text
            .lines()
            .nth(line)
            .and_then(|source| source.get(..column))
            .map_or(column, |before| before.chars().count());
        anyhow::anyhow!(
            "invalid WebAssembly text: {} (at line {}, column {})",
            error.message(),
            line + 1,
            column + 1
        )
    })
}

/// The epoch deadline for `timeout`: whole ticks, one more for the tick in
/// progress, saturating at [`NO_DEADLINE`] (a timeout of centuries never
/// fires rather than wrapping around to a short one).
fn timeout_ticks(timeout: Duration) -> u64 {
    let ticks = timeout.as_nanos() / EPOCH_TICK.as_nanos() + 1;
    u64::try_from(ticks).unwrap_or(u64::MAX).min(NO_DEADLINE)
}

/// Where `nn-host run` keeps its caches (see [`Runner::with_cache`]):
/// `$XDG_CACHE_HOME/nn-host`, else `$HOME/.cache/nn-host`; `None` when
/// neither variable holds an absolute path.
pub fn default_cache_dir() -> Option<PathBuf> {
    let absolute = |var| {
        std::env::var_os(var)
            .map(PathBuf::from)
            .filter(|path| path.is_absolute())
    };
    let base =
        absolute("XDG_CACHE_HOME").or_else(|| absolute("HOME").map(|home| home.join(".cache")));
    base.map(|base| base.join("nn-host"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeouts_saturate_instead_of_wrapping() {
        assert_eq!(timeout_ticks(Duration::ZERO), 1);
        assert_eq!(timeout_ticks(Duration::from_secs(1)), 101);
        // 184467440737095520 s is 2^64 ticks of 10 ms and a bit: it used to
        // wrap around to a deadline of about 4 s.
        assert_eq!(
            timeout_ticks(Duration::from_secs(184_467_440_737_095_520)),
            NO_DEADLINE
        );
        assert_eq!(timeout_ticks(Duration::MAX), NO_DEADLINE);
    }
}
