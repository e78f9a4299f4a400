//! Running a `wasi:cli/command` component in-process with WASI preview2 and
//! `wasi:nn`.
//!
//! [`run`] is called many times per process by the test suites, so the
//! engine, the linker and compiled components are shared process-wide.

use crate::wit::{add_to_linker, GraphEncoding, NnCtx, Registry};
use anyhow::{bail, Context as _, Result};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;
use wasmtime::component::{Component, Linker, ResourceTable};
use wasmtime::{Config, Engine, Store, StoreLimits, StoreLimitsBuilder, Trap};
use wasmtime_wasi::p2::bindings::sync::Command;
use wasmtime_wasi::p2::pipe::MemoryOutputPipe;
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
    pub graphs: Vec<GraphSpec>,
    /// Upper bound on each linear memory and table growth, in bytes.
    pub max_memory: Option<usize>,
    /// Wall-clock limit for guest code (checked at epoch boundaries in wasm;
    /// a long OpenVINO call finishes before the guest is interrupted).
    pub timeout: Option<Duration>,
    /// Collect stdout/stderr into [`RunOutcome`] instead of inheriting the
    /// host's streams (stdin is then empty).
    pub capture_output: bool,
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
}

/// Exit code for a trapping guest, the same as `wasmtime run` (SIGABRT).
const TRAP_EXIT_CODE: i32 = 134;
/// How often the epoch advances when some run has a timeout.
const EPOCH_TICK: Duration = Duration::from_millis(10);
/// Limit for captured stdout/stderr.
const CAPTURE_LIMIT: usize = 1 << 30;
/// Compiled components kept for repeated runs of the same bytes.
const COMPONENT_CACHE_SIZE: usize = 64;

struct RunState {
    wasi: WasiCtx,
    table: ResourceTable,
    nn: NnCtx,
    limits: StoreLimits,
}

impl WasiView for RunState {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView {
            ctx: &mut self.wasi,
            table: &mut self.table,
        }
    }
}

/// The process-wide engine (epoch interruption on, for `timeout`).
pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let mut config = Config::new();
        config.epoch_interruption(true);
        Engine::new(&config).expect("the default Cranelift configuration is valid")
    })
}

fn linker() -> Result<&'static Linker<RunState>> {
    static LINKER: OnceLock<Linker<RunState>> = OnceLock::new();
    if let Some(linker) = LINKER.get() {
        return Ok(linker);
    }
    let mut linker = Linker::new(engine());
    wasmtime_wasi::p2::add_to_linker_sync(&mut linker)
        .map_err(|e| e.context("adding WASI preview2"))?;
    add_to_linker(&mut linker, |state: &mut RunState| &mut state.nn).context("adding wasi:nn")?;
    Ok(LINKER.get_or_init(|| linker))
}

/// Compiles `bytes`, reusing the result for identical bytes.
fn component(bytes: &[u8]) -> Result<Component> {
    static CACHE: OnceLock<Mutex<HashMap<Vec<u8>, Component>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(found) = cache.lock().unwrap_or_else(|e| e.into_inner()).get(bytes) {
        return Ok(found.clone());
    }
    if bytes.starts_with(b"\0asm\x01\0\0\0") {
        bail!("this is a core wasm module, not a component; run `nn-componentize` on it first");
    }
    let started = std::time::Instant::now();
    let compiled =
        Component::new(engine(), bytes).map_err(|e| e.context("compiling the component"))?;
    tracing::debug!(elapsed = ?started.elapsed(), bytes = bytes.len(), "compiled component");
    let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
    if cache.len() >= COMPONENT_CACHE_SIZE {
        cache.clear();
    }
    cache.insert(bytes.to_vec(), compiled.clone());
    Ok(compiled)
}

/// Starts (once) the thread that advances the engine's epoch.
fn start_epoch_ticker() {
    static TICKER: OnceLock<()> = OnceLock::new();
    TICKER.get_or_init(|| {
        std::thread::Builder::new()
            .name("nn-host-epoch".into())
            .spawn(|| loop {
                std::thread::sleep(EPOCH_TICK);
                engine().increment_epoch();
            })
            .expect("spawning the epoch thread");
    });
}

/// Runs the `wasi:cli/command` component `component_bytes` to completion.
///
/// Errors are for problems before the guest runs (not a component, bad
/// preopen, a preloaded graph that fails to load); everything the guest does,
/// traps included, is reported in the [`RunOutcome`].
pub fn run(config: &RunConfig, component_bytes: &[u8]) -> Result<RunOutcome> {
    let component = component(component_bytes)?;
    let mut registry = Registry::new();
    for graph in &config.graphs {
        registry.preload(&graph.name, graph.encoding, &graph.dir)?;
    }

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
    let mut limits = StoreLimitsBuilder::new();
    if let Some(max) = config.max_memory {
        limits = limits.memory_size(max);
    }
    let state = RunState {
        wasi: wasi.build(),
        table: ResourceTable::new(),
        nn: NnCtx::new(Arc::new(registry)),
        limits: limits.build(),
    };
    let mut store = Store::new(engine(), state);
    store.limiter(|state| &mut state.limits);
    match config.timeout {
        Some(timeout) => {
            start_epoch_ticker();
            store
                .set_epoch_deadline((timeout.as_nanos() / EPOCH_TICK.as_nanos()).max(1) as u64 + 1);
        }
        None => store.set_epoch_deadline(u64::MAX / 2),
    }

    let started = std::time::Instant::now();
    let result = Command::instantiate(&mut store, &component, linker()?)
        .and_then(|command| command.wasi_cli_run().call_run(&mut store));
    tracing::debug!(elapsed = ?started.elapsed(), "guest finished");
    let (exit_code, trap) = match result {
        Ok(Ok(())) => (0, None),
        Ok(Err(())) => (1, None),
        Err(error) => match error.downcast_ref::<I32Exit>() {
            Some(exit) => (exit.0, None),
            None => {
                let message = match error.downcast_ref::<Trap>() {
                    Some(Trap::Interrupt) => format!(
                        "error: the guest exceeded its timeout of {:?}\n\n{error:?}\n",
                        config.timeout.unwrap_or_default()
                    ),
                    _ => format!("error: the guest trapped\n\n{error:?}\n"),
                };
                (TRAP_EXIT_CODE, Some(message))
            }
        },
    };
    let live_nn_resources = store.data_mut().nn.live_resources();
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
    })
}
