//! The ways of running the same inference loop:
//!
//! - (a) the legacy module on upstream `wasmtime-wasi-nn`'s WITX host;
//! - (b) the componentized module (default target, `wasi:nn@0.2.0-rc-2024-10-28`)
//!   on `nn-host`;
//! - (b′) the module componentized for `wasi:nn@0.2.0-rc-2024-08-19` on
//!   `nn-host` (inference section only);
//! - (c) the componentized module (default target) on upstream
//!   `wasmtime-wasi-nn`'s WIT host;
//! - (d) native Rust calling the `openvino` crate, no wasm.
//!
//! All wasm variants share one `Engine` built from `Config::new()` (Wasmtime's
//! defaults: Cranelift, same settings for every variant) and are
//! pre-instantiated once (`InstancePre`), as a production host would; each
//! run gets a fresh `Store` and instance and a fresh wasi-nn context (with a
//! fresh OpenVINO `Core` upstream; nn-host keeps one `Core` per process), and
//! parses the guest's `NNBENCH` line.

use crate::report::{format_checksum, RunReport};
use crate::setup::Model;
use anyhow::{bail, Context, Result};
use std::time::Instant;
use wasmtime::component::{Component, ResourceTable};
use wasmtime::{Config, Engine, Module, Store};
use wasmtime_wasi::cli::{InputFile, OutputFile};
use wasmtime_wasi::p1::WasiP1Ctx;
use wasmtime_wasi::p2::bindings::sync::CommandPre;
use wasmtime_wasi::p2::pipe::MemoryOutputPipe;
use wasmtime_wasi::{FsPerms, I32Exit, WasiCtx, WasiCtxBuilder, WasiCtxView, WasiView};

/// `wasmtime::Error` is not `std::error::Error`; with Wasmtime's `anyhow`
/// feature it converts into `anyhow::Error`, after which `.context` works.
pub trait IntoAnyhow<T> {
    fn anyhow(self) -> Result<T>;
}

impl<T> IntoAnyhow<T> for wasmtime::Result<T> {
    fn anyhow(self) -> Result<T> {
        self.map_err(anyhow::Error::from)
    }
}

/// The guest path the model folder is preopened at.
pub const GUEST_DIR: &str = "/model";

/// A guest's part in a lockstep run (`crate::lockstep`): it loads `graphs`
/// graphs, then runs its rounds on them in rotation; before a step it reads
/// a byte `n` from `stdin`, takes `n` steps and writes a `.` to `stdout`,
/// until done; then its `NNBENCH` line.
pub struct Lockstep {
    pub stdin: std::fs::File,
    pub stdout: std::fs::File,
    pub graphs: usize,
}

/// The environment variable that puts the guest in lockstep, its value the
/// number of graphs.
pub const LOCKSTEP_ENV: &str = "NNBENCH_LOCKSTEP";

/// Which variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Variant {
    A,
    B,
    /// (b′): (b) with the component for `wasi:nn@0.2.0-rc-2024-08-19`.
    BPrime,
    C,
    D,
}

impl Variant {
    /// Every variant: the inference section runs them all.
    pub const ALL: [Variant; 5] = [
        Variant::A,
        Variant::B,
        Variant::BPrime,
        Variant::C,
        Variant::D,
    ];
    /// The variants with the default `wasi:nn` target: the start-up and
    /// memory sections run these.
    pub const DEFAULT_TARGET: [Variant; 4] = [Variant::A, Variant::B, Variant::C, Variant::D];

    pub fn key(self) -> &'static str {
        match self {
            Variant::A => "a",
            Variant::B => "b",
            Variant::BPrime => "b'",
            Variant::C => "c",
            Variant::D => "d",
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Variant::A => "legacy module, upstream WITX host",
            Variant::B => "component, nn-host",
            Variant::BPrime => "component for wasi:nn@0.2.0-rc-2024-08-19, nn-host",
            Variant::C => "component, upstream WIT host",
            Variant::D => "native Rust, openvino crate",
        }
    }

    pub fn parse(s: &str) -> Result<Self> {
        Variant::ALL
            .into_iter()
            .find(|v| v.key() == s)
            .with_context(|| format!("unknown variant {s:?} (a, b, b', c or d)"))
    }

    pub fn is_wasm(self) -> bool {
        self != Variant::D
    }
}

/// The guest's command line for one run.
pub fn guest_args(model: &Model, rounds: usize, seed: u64) -> Vec<String> {
    vec![
        "nn-bench-guest".into(),
        format!("{GUEST_DIR}/{}", model.xml),
        format!("{GUEST_DIR}/{}", model.bin),
        model.dims_arg(),
        model.out_bytes.to_string(),
        rounds.to_string(),
        match model.input_file {
            Some(file) => format!("file:{GUEST_DIR}/{file}"),
            None => seed.to_string(),
        },
    ]
}

/// A wasm guest that ran to a 0 exit: its output, and the host's times.
pub struct Finished {
    pub stdout: String,
    pub stderr: String,
    pub instantiate_ns: u64,
    pub wall_ns: u64,
}

/// One run of a variant.
#[derive(Debug, Clone)]
pub struct Run {
    pub report: RunReport,
    /// Host time to create the instance (wasm) — zero for native.
    pub instantiate_ns: u64,
    /// Host wall time from before instantiation to the end of the guest's
    /// `_start` / `wasi:cli/run` (native: from `Core::new` to the last round).
    pub wall_ns: u64,
}

/// State of (a): preview1 plus upstream's WITX wasi-nn.
struct WitxState {
    wasi: WasiP1Ctx,
    nn: wasmtime_wasi_nn::witx::WasiNnCtx,
}

/// State of (c): WASI p2 plus upstream's WIT wasi-nn.
struct WitState {
    wasi: WasiCtx,
    table: ResourceTable,
    nn: wasmtime_wasi_nn::wit::WasiNnCtx,
}

impl WasiView for WitState {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView {
            ctx: &mut self.wasi,
            table: &mut self.table,
        }
    }
}

/// Compiled code and linkers for the wasm variants (only those asked for,
/// so that a child process measuring peak RSS holds only its own variant).
pub struct Wasm {
    pub engine: Engine,
    witx: Option<wasmtime::InstancePre<WitxState>>,
    wit: Option<CommandPre<WitState>>,
    nn_host: Option<crate::nnhost::Prepared>,
    nn_host_2024_08_19: Option<crate::nnhost::Prepared>,
}

/// Wasmtime's default configuration, the same for every wasm variant.
pub fn engine() -> Result<Engine> {
    Engine::new(&Config::new()).anyhow()
}

impl Wasm {
    /// Compiles the legacy module and/or its components (default target,
    /// and `wasi:nn@0.2.0-rc-2024-08-19` for (b′)), as `variants` need, and
    /// links them.
    pub fn new(
        engine: &Engine,
        module_bytes: &[u8],
        component_bytes: &[u8],
        component_2024_08_19_bytes: &[u8],
        variants: &[Variant],
    ) -> Result<Self> {
        let witx = if variants.contains(&Variant::A) {
            let module = Module::new(engine, module_bytes)
                .anyhow()
                .context("compiling the legacy module")?;
            let mut linker = wasmtime::Linker::new(engine);
            wasmtime_wasi_nn::witx::add_to_linker(&mut linker, |s: &mut WitxState| &mut s.nn)?;
            wasmtime_wasi::p1::add_to_linker_sync(&mut linker, |s: &mut WitxState| &mut s.wasi)?;
            Some(linker.instantiate_pre(&module)?)
        } else {
            None
        };
        let component = if variants.contains(&Variant::B) || variants.contains(&Variant::C) {
            Some(
                Component::new(engine, component_bytes)
                    .anyhow()
                    .context("compiling the component")?,
            )
        } else {
            None
        };
        let wit = match &component {
            Some(component) if variants.contains(&Variant::C) => {
                let mut linker = wasmtime::component::Linker::new(engine);
                wasmtime_wasi_nn::wit::add_to_linker(&mut linker, |s: &mut WitState| {
                    wasmtime_wasi_nn::wit::WasiNnView::new(&mut s.table, &mut s.nn)
                })?;
                wasmtime_wasi::p2::add_to_linker_sync(&mut linker)?;
                Some(CommandPre::new(linker.instantiate_pre(component)?)?)
            }
            _ => None,
        };
        let nn_host = match &component {
            Some(component) if variants.contains(&Variant::B) => Some(
                crate::nnhost::Prepared::new(engine, component)
                    .context("linking the component with nn-host")?,
            ),
            _ => None,
        };
        let nn_host_2024_08_19 = if variants.contains(&Variant::BPrime) {
            let component = Component::new(engine, component_2024_08_19_bytes)
                .anyhow()
                .context("compiling the wasi:nn@0.2.0-rc-2024-08-19 component")?;
            Some(
                crate::nnhost::Prepared::new(engine, &component)
                    .context("linking the wasi:nn@0.2.0-rc-2024-08-19 component with nn-host")?,
            )
        } else {
            None
        };
        Ok(Wasm {
            engine: engine.clone(),
            witx,
            wit,
            nn_host,
            nn_host_2024_08_19,
        })
    }

    /// Runs the guest once on `variant` (a, b, b′ or c).
    pub fn run(&self, variant: Variant, model: &Model, rounds: usize, seed: u64) -> Result<Run> {
        let finished = self.run_with(variant, model, rounds, seed, None)?;
        let report = RunReport::parse_guest(&finished.stdout)
            .with_context(|| format!("guest stderr: {}", finished.stderr.trim()))?;
        Ok(Run {
            report,
            instantiate_ns: finished.instantiate_ns,
            wall_ns: finished.wall_ns,
        })
    }

    /// Runs the guest once on `variant`, in lockstep when given
    /// (its stdout is then theirs, and [`Finished::stdout`] empty); an exit
    /// code other than 0 is an error with the guest's stderr.
    pub fn run_with(
        &self,
        variant: Variant,
        model: &Model,
        rounds: usize,
        seed: u64,
        lockstep: Option<Lockstep>,
    ) -> Result<Finished> {
        let args = guest_args(model, rounds, seed);
        let (instantiate_ns, wall_ns, exit, out, err) = match variant {
            Variant::A | Variant::C => {
                let stdout = MemoryOutputPipe::new(1 << 20);
                let stderr = MemoryOutputPipe::new(1 << 20);
                let mut wasi = wasi_builder(&args, model, &stdout, &stderr)?;
                if let Some(lockstep) = lockstep {
                    wasi.stdin(InputFile::new(lockstep.stdin))
                        .stdout(OutputFile::new(lockstep.stdout))
                        .env(LOCKSTEP_ENV, lockstep.graphs.to_string());
                }
                let (instantiate_ns, wall_ns, exit) = if variant == Variant::A {
                    self.run_witx(wasi)?
                } else {
                    self.run_wit(wasi)?
                };
                let (out, err) = (stdout.contents().to_vec(), stderr.contents().to_vec());
                (instantiate_ns, wall_ns, exit, out, err)
            }
            Variant::B | Variant::BPrime => {
                let prepared = if variant == Variant::B {
                    &self.nn_host
                } else {
                    &self.nn_host_2024_08_19
                };
                let outcome = prepared
                    .as_ref()
                    .with_context(|| format!("variant {} was not prepared", variant.key()))?
                    .run(&args, model, lockstep)?;
                (
                    outcome.instantiate_time.as_nanos() as u64,
                    outcome.run_time.as_nanos() as u64,
                    outcome.exit_code,
                    outcome.stdout,
                    outcome.stderr,
                )
            }
            Variant::D => bail!("variant d is native; use native::run"),
        };
        let stdout = String::from_utf8_lossy(&out).into_owned();
        let stderr = String::from_utf8_lossy(&err).into_owned();
        if exit != 0 {
            bail!("guest exited with {exit}: {}", stderr.trim());
        }
        Ok(Finished {
            stdout,
            stderr,
            instantiate_ns,
            wall_ns,
        })
    }

    fn run_witx(&self, mut wasi: WasiCtxBuilder) -> Result<(u64, u64, i32)> {
        let wasi = wasi.build_p1();
        let nn = wasmtime_wasi_nn::witx::WasiNnCtx::new(
            wasmtime_wasi_nn::backend::list(),
            wasmtime_wasi_nn::InMemoryRegistry::new().into(),
        );
        let mut store = Store::new(&self.engine, WitxState { wasi, nn });
        let t = Instant::now();
        let pre = self.witx.as_ref().context("variant a was not prepared")?;
        let instance = pre.instantiate(&mut store)?;
        let instantiate_ns = t.elapsed().as_nanos() as u64;
        let start = instance.get_typed_func::<(), ()>(&mut store, "_start")?;
        let exit = exit_code(start.call(&mut store, ()).map(|()| 0))?;
        Ok((instantiate_ns, t.elapsed().as_nanos() as u64, exit))
    }

    fn run_wit(&self, mut wasi: WasiCtxBuilder) -> Result<(u64, u64, i32)> {
        let wasi = wasi.build();
        let nn = wasmtime_wasi_nn::wit::WasiNnCtx::new(
            wasmtime_wasi_nn::backend::list(),
            wasmtime_wasi_nn::InMemoryRegistry::new().into(),
        );
        let mut store = Store::new(
            &self.engine,
            WitState {
                wasi,
                table: ResourceTable::new(),
                nn,
            },
        );
        let pre = self.wit.as_ref().context("variant c was not prepared")?;
        run_command(&mut store, pre)
    }
}

/// Instantiates a command component and runs it: (instantiate ns, wall ns
/// from before instantiation, exit code). Shared by (b) and (c), so both are
/// timed the same way.
pub fn run_command<T: 'static>(
    store: &mut Store<T>,
    pre: &CommandPre<T>,
) -> Result<(u64, u64, i32)> {
    let t = Instant::now();
    let command = pre.instantiate(&mut *store)?;
    let instantiate_ns = t.elapsed().as_nanos() as u64;
    let exit =
        exit_code(
            command
                .wasi_cli_run()
                .call_run(&mut *store)
                .map(|r| if r.is_ok() { 0 } else { 1 }),
        )?;
    Ok((instantiate_ns, t.elapsed().as_nanos() as u64, exit))
}

/// A `WasiCtxBuilder` with the guest's arguments, captured output and the
/// model folder preopened read-only at [`GUEST_DIR`].
pub fn wasi_builder(
    args: &[String],
    model: &Model,
    stdout: &MemoryOutputPipe,
    stderr: &MemoryOutputPipe,
) -> Result<WasiCtxBuilder> {
    let mut builder = WasiCtxBuilder::new();
    builder
        .args(args)
        .stdout(stdout.clone())
        .stderr(stderr.clone())
        .preopened_dir(&model.dir, GUEST_DIR, FsPerms::ReadOnly)
        .anyhow()
        .with_context(|| format!("preopening {}", model.dir.display()))?;
    Ok(builder)
}

/// Turns a run's result into an exit code: `proc_exit(n)` is an `I32Exit`
/// error, anything else is a real failure.
pub fn exit_code(result: wasmtime::Result<i32>) -> Result<i32> {
    match result {
        Ok(code) => Ok(code),
        Err(e) => match e.downcast_ref::<I32Exit>() {
            Some(exit) => Ok(exit.0),
            None => Err(anyhow::Error::from(e)).context("the guest trapped"),
        },
    }
}

/// (d): the guest's loop in native Rust on the `openvino` crate: the same
/// model bytes, the same input, and per round the same work a wasi-nn
/// host does (a fresh input tensor filled from the caller's buffer,
/// `infer`, the output copied into the caller's buffer).
pub mod native {
    use super::*;
    use crate::inputs::{f32_from_le_bytes, seeded_f32};
    use crate::turns::Turns;
    use openvino::{CompiledModel, Core, DeviceType, ElementType, Shape, Tensor};

    /// The loop, in lockstep when given (as the guest is).
    pub fn run(model: &Model, rounds: usize, seed: u64, lockstep: Option<Lockstep>) -> Result<Run> {
        anyhow::ensure!(rounds > 0, "rounds must be at least 1");
        let input = match model.input_file {
            Some(file) => f32_from_le_bytes(&std::fs::read(model.dir.join(file))?),
            None => seeded_f32(seed, model.input_len()),
        };
        anyhow::ensure!(
            input.len() == model.input_len(),
            "{}: wrong input size",
            model.name
        );
        let input_bytes: &[u8] = bytemuck_f32(&input);
        let mut output = vec![0u8; model.out_bytes];

        let wall = Instant::now();
        let mut turns = lockstep.map(|l| Turns::new(l.graphs, l.stdin, l.stdout));
        let (mut load_ns, mut init_ns) = (0, 0);
        let mut compiled = Vec::new();
        for i in 0..turns.as_ref().map_or(1, |t| t.graphs) {
            if let Some(turns) = &mut turns {
                turns.before_step().context("waiting for a turn")?;
            }
            let t = Instant::now();
            let (core, mut graph) = compile(model)?;
            let loaded = t.elapsed().as_nanos() as u64;
            let t = Instant::now();
            let request = graph.create_infer_request()?;
            if i == 0 {
                (load_ns, init_ns) = (loaded, t.elapsed().as_nanos() as u64);
            }
            compiled.push((core, graph, request));
            if let Some(turns) = &mut turns {
                turns.after_step().context("ending a turn")?;
            }
        }

        let dims: Vec<i64> = model.dims.iter().map(|&d| d as i64).collect();
        let mut times = Vec::with_capacity(rounds);
        let mut phases = Vec::with_capacity(rounds);
        let ns = |d: std::time::Duration| d.as_nanos() as u64;
        let mut written = 0;
        for i in 0..rounds {
            if let Some(turns) = &mut turns {
                turns.before_step().context("waiting for a turn")?;
            }
            let graphs = compiled.len();
            let request = &mut compiled[i % graphs].2;
            let t = Instant::now();
            let shape = Shape::new(&dims)?;
            let mut tensor = Tensor::new(ElementType::F32, &shape)?;
            tensor.get_raw_data_mut()?.copy_from_slice(input_bytes);
            request.set_input_tensor_by_index(0, &tensor)?;
            let set = Instant::now();
            request.infer()?;
            let computed = Instant::now();
            let out = request.get_output_tensor_by_index(0)?;
            let data = out.get_raw_data()?;
            written = data.len().min(output.len());
            output[..written].copy_from_slice(&data[..written]);
            let end = Instant::now();
            times.push(ns(end - t));
            phases.push([ns(set - t), ns(computed - set), ns(end - computed)]);
            if let Some(turns) = &mut turns {
                turns.after_step().context("ending a turn")?;
            }
        }
        let wall_ns = wall.elapsed().as_nanos() as u64;
        let checksum: f64 = output[..written]
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes(c.try_into().unwrap()) as f64)
            .sum();
        let report =
            RunReport::from_times(&times, &phases, load_ns, init_ns, written as u64, checksum);
        debug_assert_eq!(report.checksum, format_checksum(checksum));
        Ok(Run {
            report,
            instantiate_ns: 0,
            wall_ns,
        })
    }

    /// The properties that decide how OpenVINO runs a model, as the CPU
    /// plugin reports them for `model` compiled the way every variant
    /// compiles it: with none set (upstream's hosts set none, nn-host only
    /// `CACHE_DIR` when it caches, which the bench does not ask), in this
    /// process, under its CPU affinity.
    pub fn compiled_properties(model: &Model) -> Result<Vec<(&'static str, String)>> {
        const KEYS: [&str; 7] = [
            "INFERENCE_NUM_THREADS",
            "NUM_STREAMS",
            "ENABLE_CPU_PINNING",
            "ENABLE_HYPER_THREADING",
            "SCHEDULING_CORE_TYPE",
            "PERFORMANCE_HINT",
            "INFERENCE_PRECISION_HINT",
        ];
        let (_core, compiled) = compile(model)?;
        KEYS.into_iter()
            .map(|key| {
                let value = compiled
                    .get_property(&openvino::PropertyKey::Other(key.into()))
                    .with_context(|| format!("reading {key}"))?;
                Ok((key, value.into_owned()))
            })
            .collect()
    }

    /// `model` read from its files and compiled for the CPU with no
    /// property set, with the `Core` that compiled it.
    fn compile(model: &Model) -> Result<(Core, CompiledModel)> {
        let xml = std::fs::read(model.dir.join(model.xml))?;
        let weights = std::fs::read(model.dir.join(model.bin))?;
        let mut core = Core::new()?;
        let mut weights_tensor =
            Tensor::new(ElementType::U8, &Shape::new(&[1, weights.len() as i64])?)?;
        weights_tensor.get_raw_data_mut()?.copy_from_slice(&weights);
        let ov_model = core.read_model_from_buffer(&xml, Some(&weights_tensor))?;
        let compiled = core.compile_model(&ov_model, DeviceType::CPU)?;
        Ok((core, compiled))
    }

    fn bytemuck_f32(v: &[f32]) -> &[u8] {
        // SAFETY: f32 has no padding and u8 has alignment 1.
        unsafe { std::slice::from_raw_parts(v.as_ptr().cast::<u8>(), std::mem::size_of_val(v)) }
    }
}
