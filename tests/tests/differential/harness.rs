//! Running one legacy guest five ways and comparing what it printed:
//!
//! 1. the legacy core module on the reference: upstream `wasmtime-wasi-nn` 48's
//!    WITX host (`wasmtime_wasi_nn::witx`) with `wasmtime_wasi` preview1;
//! 2. the module componentized for `wasi:nn@0.2.0-rc-2024-10-28` on an
//!    `nn_host::Runner`;
//! 3. the same component on upstream 48's WIT host (`wasmtime_wasi_nn::wit`)
//!    with `wasmtime_wasi` p2;
//! 4. the module componentized for `wasi:nn@0.2.0-rc-2024-08-19` on the same
//!    `nn_host::Runner` (nn-host serves both versions);
//! 5. that component on upstream `wasmtime-wasi-nn` 34's WIT host, the
//!    `tests/wasmtime-v34` runner (built by build.rs), one process per run:
//!    Wasmtime 34 and 48 cannot share a build, and its OpenVINO 2025.0
//!    cannot share a process with the 2026 release the others load.
//!
//! Every host gets the same arguments, the same preopened model folder
//! (guest path `models`) and, when the case asks for them, the same further
//! preopened folders and the same preloaded graphs for `load_by_name`. Stdout is captured in memory (through a pipe
//! for the runner).

use std::collections::HashMap;
use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex, OnceLock};

use nn_componentize::{Componentizer, Dialect, WasiNnVersion};

use wasmtime::component::{Component, Linker as ComponentLinker, ResourceTable};
use wasmtime::{Config, Engine, Linker, Module, Store};
use wasmtime_wasi::p2::pipe::MemoryOutputPipe;
use wasmtime_wasi::{FsPerms, I32Exit, WasiCtx, WasiCtxBuilder, WasiCtxView, WasiView};

/// Guest path of the preopened model folder on every host.
pub const MODELS_GUEST_DIR: &str = "models";
/// Captured output is limited to this many bytes per stream.
const PIPE_CAPACITY: usize = 1 << 20;

/// The hosts a guest is run on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Host {
    /// Legacy module on upstream 48's WITX host (the reference).
    UpstreamWitx,
    /// Component for this `wasi:nn` version on this project's `nn-host`.
    Nn(WasiNnVersion),
    /// Component for `wasi:nn@0.2.0-rc-2024-10-28` on upstream 48's WIT host.
    UpstreamWit,
    /// Component for `wasi:nn@0.2.0-rc-2024-08-19` on upstream 34's WIT host.
    UpstreamWitV34,
}

impl fmt::Display for Host {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Host::UpstreamWitx => f.write_str("reference (upstream 48 WITX host, legacy module)"),
            Host::Nn(version) => write!(f, "nn-host (component for wasi:nn@{version})"),
            Host::UpstreamWit => write!(
                f,
                "upstream 48 WIT host (component for wasi:nn@{})",
                WasiNnVersion::V2024_10_28
            ),
            Host::UpstreamWitV34 => write!(
                f,
                "upstream 34 WIT host (component for wasi:nn@{})",
                WasiNnVersion::V2024_08_19
            ),
        }
    }
}

/// How a run ended.
#[derive(Clone, Debug, PartialEq)]
pub enum End {
    /// `_start` returned (0) or the guest exited with this code.
    Exit(i32),
    /// The run failed with a trap or a host error that aborted the guest.
    Trap(String),
    /// A host function panicked.
    Panic(String),
}

#[derive(Clone, Debug)]
pub struct Outcome {
    pub host: Host,
    pub end: End,
    pub stdout: String,
    pub stderr: String,
}

impl Outcome {
    pub fn exit_code(&self) -> Option<i32> {
        match self.end {
            End::Exit(code) => Some(code),
            _ => None,
        }
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "--- {}: {:?}", self.host, self.end)?;
        writeln!(f, "stdout:\n{}", self.stdout)?;
        if !self.stderr.is_empty() {
            writeln!(f, "stderr:\n{}", self.stderr)?;
        }
        Ok(())
    }
}

/// A guest program: a Rust or C guest built by build.rs, or a WAT file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Guest {
    /// A program of tests/guests/src/bin: its name and the built file.
    Rust {
        name: &'static str,
        path: &'static str,
    },
    /// One build of a program of tests/guests/c: the program's name (every
    /// build of it runs as `<name>.wasm`) and the built file.
    C {
        name: &'static str,
        path: &'static str,
    },
    /// A file of tests/guests/wat, by name.
    Wat(&'static str),
}

/// One constant per Rust guest, named as its file in tests/guests/src/bin
/// (hence lowercase: the tests pair programs and tests by that name).
#[allow(non_upper_case_globals)]
pub mod rust_guest {
    macro_rules! declare {
        ($name:ident, $path:literal) => {
            pub const $name: super::Guest = super::Guest::Rust {
                name: stringify!($name),
                path: $path,
            };
        };
    }
    foreach_rust_guest!(declare);
}

impl Guest {
    pub fn name(&self) -> &'static str {
        match self {
            Guest::Rust { name, .. } | Guest::C { name, .. } | Guest::Wat(name) => name,
        }
    }

    pub fn module_bytes(&self) -> Vec<u8> {
        match self {
            Guest::Rust { path, .. } | Guest::C { path, .. } => {
                std::fs::read(path).unwrap_or_else(|e| panic!("reading {path}: {e}"))
            }
            Guest::Wat(name) => {
                let path = Path::new(env!("NN_GUESTS_WAT_DIR")).join(format!("{name}.wat"));
                wat::parse_file(&path).unwrap_or_else(|e| panic!("parsing {}: {e}", path.display()))
            }
        }
    }
}

/// One run of a guest: its arguments (without argv[0]), the folders
/// preopened besides the models folder (host path, guest path) and the graphs
/// the hosts preload for `load_by_name` (folder names under the models
/// folder, each with its encoding as the WIT spells it).
#[derive(Clone, Debug)]
pub struct Case {
    pub guest: Guest,
    pub args: Vec<String>,
    pub dirs: Vec<(PathBuf, String)>,
    pub preload: Vec<(&'static str, &'static str)>,
}

impl Case {
    pub fn new(guest: Guest, args: &[&str]) -> Self {
        Case {
            guest,
            args: args.iter().map(|s| s.to_string()).collect(),
            dirs: vec![],
            preload: vec![],
        }
    }

    /// Also preopens the host folder `host` as `guest`.
    pub fn dir(mut self, host: &Path, guest: &str) -> Self {
        self.dirs.push((host.to_path_buf(), guest.to_string()));
        self
    }

    /// Every preopened folder: the models folder, then the case's own.
    fn preopens(&self) -> Vec<(PathBuf, String)> {
        let mut dirs = vec![(models_dir().to_path_buf(), MODELS_GUEST_DIR.to_string())];
        dirs.extend(self.dirs.iter().cloned());
        dirs
    }

    /// Preloads these OpenVINO IR folders.
    pub fn preload(self, names: &[&'static str]) -> Self {
        names
            .iter()
            .fold(self, |case, name| case.preload_as("openvino", name))
    }

    /// Preloads the model folder `name` with `encoding`.
    pub fn preload_as(mut self, encoding: &'static str, name: &'static str) -> Self {
        self.preload.push((encoding, name));
        self
    }

    fn argv(&self) -> Vec<String> {
        let mut argv = vec![format!("{}.wasm", self.guest.name())];
        argv.extend(self.args.iter().cloned());
        argv
    }
}

/// The models, laid out the way the guests and the registries expect:
/// `<root>/<name>/model.xml` + `model.bin` per IR model, and
/// `<root>/softmax.onnx`; the real ones of [`real_models_dir`] too:
/// `<root>/efficientnet_lite0/`, `<root>/imagenet_labels.txt` and
/// `<root>/photos/<name>.png`. Shared by all tests of this binary.
pub fn models_dir() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let src = Path::new(env!("NN_MODELS_DIR"));
        let dir = tempfile::Builder::new()
            .prefix("nn-models-")
            .tempdir()
            .expect("temp dir");
        for name in ["softmax", "two_io", "identity_u8", "scale_i32", "dynamic"] {
            let sub = dir.path().join(name);
            std::fs::create_dir(&sub).unwrap();
            for ext in ["xml", "bin"] {
                std::fs::copy(
                    src.join(format!("{name}.{ext}")),
                    sub.join(format!("model.{ext}")),
                )
                .unwrap_or_else(|e| panic!("copying model {name}.{ext}: {e}"));
            }
        }
        std::fs::copy(src.join("softmax.onnx"), dir.path().join("softmax.onnx")).unwrap();
        // An input file for `classify`: ten f32 values, little-endian.
        let input: Vec<u8> = (0..10)
            .flat_map(|i| (i as f32 * 0.3 - 1.5).to_le_bytes())
            .collect();
        std::fs::write(dir.path().join("input.f32"), input).unwrap();
        let real = real_models_dir();
        for file in REAL_MODEL_FILES {
            let to = dir.path().join(file);
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::copy(real.join(file), &to)
                .unwrap_or_else(|e| panic!("copying {}: {e}", real.join(file).display()));
        }
        // chelsea.png as the classifiers' f32 input: preprocessed for
        // EfficientNet-Lite0 as the `imagenet` guest does it.
        let png = std::fs::read(dir.path().join("photos/chelsea.png")).unwrap();
        let photo = crate::photo::decode_png(&png).unwrap();
        let input: Vec<u8> = crate::photo::tensor(&photo, &crate::photo::EFFICIENTNET_LITE)
            .iter()
            .flat_map(|v| v.to_le_bytes())
            .collect();
        std::fs::write(dir.path().join(CHELSEA_TENSOR), input).unwrap();
        dir
    })
    .path()
}

/// chelsea.png preprocessed for EfficientNet-Lite0 (f32 [1,3,224,224]), in
/// [`models_dir`].
pub const CHELSEA_TENSOR: &str = "chelsea.f32";

/// The `classify` guest's arguments for EfficientNet-Lite0 on
/// [`CHELSEA_TENSOR`], with room for its 1000 scores.
pub const CLASSIFY_CHELSEA: [&str; 5] = [
    "models/efficientnet_lite0",
    "f32",
    "1x3x224x224",
    "models/chelsea.f32",
    "4000",
];

/// The class a classifying guest prints on its `top class: N (score)` line.
pub fn top_class(stdout: &str) -> Option<&str> {
    stdout
        .lines()
        .find_map(|l| l.strip_prefix("top class: "))
        .and_then(|l| l.split_whitespace().next())
}

/// What the tests use of [`real_models_dir`], by path inside it.
pub const REAL_MODEL_FILES: [&str; 12] = [
    "efficientnet_lite0/model.xml",
    "efficientnet_lite0/model.bin",
    "imagenet_labels.txt",
    "text_orientation/model.onnx",
    "face_detection/model.tflite",
    "photos/page.png",
    "photos/astronaut.png",
    "photos/chelsea.png",
    "photos/coffee.png",
    "photos/camera.png",
    "photos/motorcycle_left.png",
    "photos/motorcycle_right.png",
];

/// The real pretrained models and photos, `$NN_REAL_MODELS_DIR`, filled and
/// checked once per test binary by `scripts/real_models.py` (which makes
/// only what is missing).
pub fn real_models_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::var_os("NN_REAL_MODELS_DIR").unwrap_or_else(|| {
            panic!(
                "NN_REAL_MODELS_DIR is not set: `source scripts/env.sh` fetches the real models \
                 and sets it"
            )
        });
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/real_models.py");
        let output = Command::new("python3")
            .arg(&script)
            .output()
            .unwrap_or_else(|e| panic!("running {}: {e}", script.display()));
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        PathBuf::from(dir)
    })
}

/// Makes OpenVINO's C library usable by upstream's backend: `openvino-sys`
/// keeps one process-wide handle, which `nn_host` knows how to fill from the
/// pip wheel.
pub fn ensure_openvino() {
    static LOADED: OnceLock<()> = OnceLock::new();
    LOADED.get_or_init(|| {
        nn_host::openvino::library::load()
            .expect("loading OpenVINO (pip install openvino==2026.4.1)");
    });
}

/// One engine for both upstream hosts (core modules and components).
fn upstream_engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(&Config::new()).expect("engine"))
}

/// A guest componentized once for one `wasi:nn` version; the legacy module
/// and the component are compiled for the upstream engine, or written to a
/// file for the v34 runner, on first use.
pub struct Compiled {
    pub name: &'static str,
    pub module_bytes: Vec<u8>,
    pub wasi_nn: WasiNnVersion,
    pub component_bytes: Vec<u8>,
    module: OnceLock<Module>,
    component: OnceLock<Component>,
    component_file: OnceLock<tempfile::TempDir>,
}

impl Compiled {
    /// Componentizes `module_bytes` of the guest `name` with `componentizer`
    /// for `wasi_nn`.
    pub fn new(
        name: &'static str,
        module_bytes: Vec<u8>,
        componentizer: Componentizer,
        wasi_nn: WasiNnVersion,
    ) -> Self {
        let component_bytes = componentizer
            .wasi_nn(wasi_nn)
            .componentize(&module_bytes)
            .unwrap_or_else(|e| panic!("componentize failed: {e:?}"));
        Compiled {
            name,
            module_bytes,
            wasi_nn,
            component_bytes,
            module: OnceLock::new(),
            component: OnceLock::new(),
            component_file: OnceLock::new(),
        }
    }

    /// A folder holding the component as `<name>.wasm`: the runner is started
    /// there with that relative path, which becomes the guest's argv[0], as on
    /// the other hosts.
    fn component_dir(&self) -> &Path {
        self.component_file
            .get_or_init(|| {
                let dir = tempfile::Builder::new()
                    .prefix("nn-component-")
                    .tempdir()
                    .expect("temp dir");
                std::fs::write(
                    dir.path().join(format!("{}.wasm", self.name)),
                    &self.component_bytes,
                )
                .expect("writing the component");
                dir
            })
            .path()
    }

    fn module(&self) -> &Module {
        self.module.get_or_init(|| {
            Module::new(upstream_engine(), &self.module_bytes).expect("compile legacy module")
        })
    }

    fn component(&self) -> &Component {
        self.component.get_or_init(|| {
            Component::new(upstream_engine(), &self.component_bytes).expect("compile component")
        })
    }
}

/// `guest` componentized as `dialect` for `wasi_nn` (not cached: each
/// call componentizes and compiles anew).
pub fn compiled_as(guest: Guest, dialect: Dialect, wasi_nn: WasiNnVersion) -> Compiled {
    Compiled::new(
        guest.name(),
        guest.module_bytes(),
        Componentizer::new().dialect(dialect),
        wasi_nn,
    )
}

/// The guest componentized for the default `wasi:nn` version.
pub fn compiled(guest: Guest) -> Arc<Compiled> {
    compiled_for(guest, WasiNnVersion::default())
}

/// Each guest is componentized and compiled once per version and test binary.
pub fn compiled_for(guest: Guest, wasi_nn: WasiNnVersion) -> Arc<Compiled> {
    /// Filled once per guest and version, outside the map's lock.
    type Slot = Arc<OnceLock<Arc<Compiled>>>;
    static CACHE: OnceLock<Mutex<HashMap<(Guest, WasiNnVersion), Slot>>> = OnceLock::new();
    let slot = CACHE
        .get_or_init(Default::default)
        .lock()
        .unwrap()
        .entry((guest, wasi_nn))
        .or_default()
        .clone();
    slot.get_or_init(|| {
        Arc::new(Compiled::new(
            guest.name(),
            guest.module_bytes(),
            Componentizer::new(),
            wasi_nn,
        ))
    })
    .clone()
}

/// Runs `f`, turning a panic into `End::Panic` while keeping what the guest
/// printed before it.
fn guarded(
    host: Host,
    stdout: &MemoryOutputPipe,
    stderr: &MemoryOutputPipe,
    f: impl FnOnce() -> End,
) -> Outcome {
    let end = match catch_unwind(AssertUnwindSafe(f)) {
        Ok(end) => end,
        Err(payload) => End::Panic(
            payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "non-string panic".into()),
        ),
    };
    Outcome {
        host,
        end,
        stdout: String::from_utf8_lossy(&stdout.contents()).into_owned(),
        stderr: String::from_utf8_lossy(&stderr.contents()).into_owned(),
    }
}

/// Classifies the error a guest's entry point returned.
fn end_of(error: wasmtime::Error) -> End {
    if let Some(exit) = error.downcast_ref::<I32Exit>() {
        End::Exit(exit.0)
    } else {
        End::Trap(format!("{error:?}"))
    }
}

/// Graphs preloaded for upstream hosts.
fn upstream_backends(case: &Case) -> (Vec<wasmtime_wasi_nn::Backend>, wasmtime_wasi_nn::Registry) {
    let graphs: Vec<(String, String)> = case
        .preload
        .iter()
        .map(|(encoding, name)| {
            (
                encoding.to_string(),
                models_dir().join(name).to_string_lossy().into_owned(),
            )
        })
        .collect();
    wasmtime_wasi_nn::preload(&graphs).expect("upstream preload")
}

fn wasi_builder(
    case: &Case,
    stdout: &MemoryOutputPipe,
    stderr: &MemoryOutputPipe,
) -> WasiCtxBuilder {
    let mut builder = WasiCtxBuilder::new();
    builder
        .args(&case.argv())
        .stdout(stdout.clone())
        .stderr(stderr.clone());
    for (host, guest) in case.preopens() {
        builder
            .preopened_dir(&host, &guest, FsPerms::ReadOnly)
            .unwrap_or_else(|e| panic!("preopen {}: {e}", host.display()));
    }
    builder
}

struct WitxCtx {
    wasi: wasmtime_wasi::p1::WasiP1Ctx,
    nn: wasmtime_wasi_nn::witx::WasiNnCtx,
}

/// (1) The legacy module on upstream's WITX host.
pub fn run_upstream_witx(case: &Case, compiled: &Compiled) -> Outcome {
    ensure_openvino();
    let stdout = MemoryOutputPipe::new(PIPE_CAPACITY);
    let stderr = MemoryOutputPipe::new(PIPE_CAPACITY);
    guarded(Host::UpstreamWitx, &stdout, &stderr, || {
        let engine = upstream_engine();
        let mut linker: Linker<WitxCtx> = Linker::new(engine);
        wasmtime_wasi_nn::witx::add_to_linker(&mut linker, |s: &mut WitxCtx| &mut s.nn).unwrap();
        wasmtime_wasi::p1::add_to_linker_sync(&mut linker, |s: &mut WitxCtx| &mut s.wasi).unwrap();
        let (backends, registry) = upstream_backends(case);
        let ctx = WitxCtx {
            wasi: wasi_builder(case, &stdout, &stderr).build_p1(),
            nn: wasmtime_wasi_nn::witx::WasiNnCtx::new(backends, registry),
        };
        let mut store = Store::new(engine, ctx);
        let instance = match linker.instantiate(&mut store, compiled.module()) {
            Ok(i) => i,
            Err(e) => return End::Trap(format!("instantiate: {e:?}")),
        };
        let start = instance
            .get_typed_func::<(), ()>(&mut store, "_start")
            .expect("_start");
        match start.call(&mut store, ()) {
            Ok(()) => End::Exit(0),
            Err(e) => end_of(e),
        }
    })
}

struct WitCtx {
    wasi: WasiCtx,
    nn: wasmtime_wasi_nn::wit::WasiNnCtx,
    table: ResourceTable,
}

impl WasiView for WitCtx {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView {
            ctx: &mut self.wasi,
            table: &mut self.table,
        }
    }
}

/// (3) The 10-28 component on upstream 48's WIT host.
pub fn run_upstream_wit(case: &Case, compiled: &Compiled) -> Outcome {
    assert_eq!(compiled.wasi_nn, WasiNnVersion::V2024_10_28);
    ensure_openvino();
    let stdout = MemoryOutputPipe::new(PIPE_CAPACITY);
    let stderr = MemoryOutputPipe::new(PIPE_CAPACITY);
    guarded(Host::UpstreamWit, &stdout, &stderr, || {
        let engine = upstream_engine();
        let mut linker: ComponentLinker<WitCtx> = ComponentLinker::new(engine);
        wasmtime_wasi_nn::wit::add_to_linker(&mut linker, |c: &mut WitCtx| {
            wasmtime_wasi_nn::wit::WasiNnView::new(&mut c.table, &mut c.nn)
        })
        .unwrap();
        wasmtime_wasi::p2::add_to_linker_sync(&mut linker).unwrap();
        let (backends, registry) = upstream_backends(case);
        let ctx = WitCtx {
            wasi: wasi_builder(case, &stdout, &stderr).build(),
            nn: wasmtime_wasi_nn::wit::WasiNnCtx::new(backends, registry),
            table: ResourceTable::new(),
        };
        let mut store = Store::new(engine, ctx);
        let command = match wasmtime_wasi::p2::bindings::sync::Command::instantiate(
            &mut store,
            compiled.component(),
            &linker,
        ) {
            Ok(c) => c,
            Err(e) => return End::Trap(format!("instantiate: {e:?}")),
        };
        match command.wasi_cli_run().call_run(&mut store) {
            Ok(Ok(())) => End::Exit(0),
            Ok(Err(())) => End::Exit(1),
            Err(e) => end_of(e),
        }
    })
}

/// One nn-host runner for the whole test binary, so each component is
/// compiled and linked once however many cases run it.
fn nn_host_runner() -> &'static nn_host::Runner {
    static RUNNER: OnceLock<nn_host::Runner> = OnceLock::new();
    RUNNER.get_or_init(|| nn_host::Runner::new().expect("nn-host runner"))
}

/// `nn_host::Runner::run` reports a trapping guest as this exit code (like
/// `wasmtime run`), with the trap appended to stderr.
const NN_HOST_TRAP_EXIT: i32 = 134;

/// (2), (4) The component, of either version, on this project's host.
pub fn run_nn_host(case: &Case, compiled: &Compiled) -> Outcome {
    run_nn_host_counting(case, compiled).0
}

/// [`run_nn_host`], also returning how many `wasi:nn` resources the guest
/// still held when it returned (`None` when `Runner::run` failed or panicked).
pub fn run_nn_host_counting(case: &Case, compiled: &Compiled) -> (Outcome, Option<usize>) {
    ensure_openvino();
    let models = models_dir();
    let config = nn_host::RunConfig {
        args: case.argv(),
        dirs: case.preopens(),
        graphs: case
            .preload
            .iter()
            .map(|(encoding, name)| nn_host::GraphSpec {
                name: name.to_string(),
                encoding: encoding.parse().expect("a WIT graph encoding"),
                dir: models.join(name),
            })
            .collect(),
        capture_output: true,
        ..nn_host::RunConfig::default()
    };
    let (end, stdout, stderr, live) = match catch_unwind(AssertUnwindSafe(|| {
        nn_host_runner().run(&compiled.component_bytes, &config)
    })) {
        Ok(Ok(out)) => {
            let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
            let end = if out.exit_code == NN_HOST_TRAP_EXIT {
                End::Trap(stderr.clone())
            } else {
                End::Exit(out.exit_code)
            };
            (
                end,
                String::from_utf8_lossy(&out.stdout).into_owned(),
                stderr,
                Some(out.live_nn_resources),
            )
        }
        Ok(Err(e)) => (
            End::Trap(format!("nn_host::Runner::run failed: {e:?}")),
            String::new(),
            String::new(),
            None,
        ),
        Err(_) => (
            End::Panic("nn_host::Runner::run panicked".into()),
            String::new(),
            String::new(),
            None,
        ),
    };
    (
        Outcome {
            host: Host::Nn(compiled.wasi_nn),
            end,
            stdout,
            stderr,
        },
        live,
    )
}

/// The runner's exit code when it could not run the guest (bad arguments,
/// compile or instantiation failure), as opposed to the guest's own exit.
const RUNNER_SETUP_FAILURE_EXIT: i32 = 125;
/// The runner's exit code when the guest trapped (the trap is on stderr).
const RUNNER_TRAP_EXIT: i32 = 134;
/// The exit code of a Rust process that panicked: a host function of
/// upstream's WIT host panicked.
const RUST_PANIC_EXIT: i32 = 101;

/// (5) The 08-19 component on upstream 34's WIT host, in a process of the
/// `tests/wasmtime-v34` runner. Started here and awaited by
/// [`V34Run::outcome`], so that it runs while the other hosts do.
pub struct V34Run(std::process::Child);

impl V34Run {
    pub fn start(case: &Case, compiled: &Compiled) -> V34Run {
        assert_eq!(compiled.wasi_nn, WasiNnVersion::V2024_08_19);
        let libs = std::env::var_os("NN_OPENVINO_V34_LIBS").unwrap_or_else(|| {
            panic!(
                "NN_OPENVINO_V34_LIBS is not set: `source scripts/env.sh` installs OpenVINO \
                 2025.0 for the wasmtime-wasi-nn 34 runner and sets it"
            )
        });
        assert!(
            Path::new(&libs).join("libopenvino_c.so").exists(),
            "NN_OPENVINO_V34_LIBS={}: no libopenvino_c.so there (`source scripts/env.sh` installs it)",
            Path::new(&libs).display()
        );
        let models = models_dir();
        let mut command = Command::new(env!("NN_WASMTIME_V34_RUNNER"));
        command
            .current_dir(compiled.component_dir())
            .env("LD_LIBRARY_PATH", libs);
        for (host, guest) in case.preopens() {
            command
                .arg("--dir")
                .arg(format!("{}::{guest}", host.display()));
        }
        for (encoding, name) in &case.preload {
            command
                .arg("--graph")
                .arg(format!("{encoding}::{}", models.join(name).display()));
        }
        let child = command
            .args(case.argv())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("starting {}: {e}", env!("NN_WASMTIME_V34_RUNNER")));
        V34Run(child)
    }

    pub fn outcome(self) -> Outcome {
        let output = self
            .0
            .wait_with_output()
            .expect("waiting for the v34 runner");
        let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        let end = match output.status.code() {
            Some(RUNNER_SETUP_FAILURE_EXIT) | None => {
                panic!(
                    "the v34 runner did not run the guest ({}):\n{stderr}",
                    output.status
                )
            }
            Some(RUNNER_TRAP_EXIT) => End::Trap(stderr.clone()),
            Some(RUST_PANIC_EXIT) => End::Panic(stderr.clone()),
            Some(code) => End::Exit(code),
        };
        Outcome {
            host: Host::UpstreamWitV34,
            end,
            stdout,
            stderr,
        }
    }
}

/// What the hosts did with one case.
pub struct Runs {
    pub case: Case,
    pub reference: Outcome,
    /// The 10-28 component on nn-host.
    pub nn_host: Outcome,
    /// The 10-28 component on upstream 48's WIT host.
    pub upstream_wit: Outcome,
    /// The 08-19 component on nn-host.
    pub nn_host_0819: Outcome,
    /// The 08-19 component on upstream 34's WIT host.
    pub upstream_wit_v34: Outcome,
}

impl fmt::Display for Runs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "=== {:?} {:?}", self.case.guest, self.case.args)?;
        write!(f, "{}", self.reference)?;
        for outcome in self.components() {
            write!(f, "{outcome}")?;
        }
        Ok(())
    }
}

/// Runs a case on every host, with the default componentizer.
pub fn run_all(case: Case) -> Runs {
    let v2024_10_28 = compiled_for(case.guest, WasiNnVersion::V2024_10_28);
    let v2024_08_19 = compiled_for(case.guest, WasiNnVersion::V2024_08_19);
    run_compiled(case, &v2024_10_28, &v2024_08_19)
}

/// Runs a case on every host, the guest componentized by `componentizer`
/// (for both versions) instead of the default one: e.g. with baked names.
pub fn run_all_with(case: Case, componentizer: &Componentizer) -> Runs {
    let (v2024_10_28, v2024_08_19) = compiled_by(case.guest, componentizer);
    run_compiled(case, &v2024_10_28, &v2024_08_19)
}

/// `guest` componentized by `componentizer` for 10-28 and for 08-19.
pub fn compiled_by(guest: Guest, componentizer: &Componentizer) -> (Compiled, Compiled) {
    let compile = |wasi_nn| {
        Compiled::new(
            guest.name(),
            guest.module_bytes(),
            componentizer.clone(),
            wasi_nn,
        )
    };
    (
        compile(WasiNnVersion::V2024_10_28),
        compile(WasiNnVersion::V2024_08_19),
    )
}

fn run_compiled(case: Case, v2024_10_28: &Compiled, v2024_08_19: &Compiled) -> Runs {
    let v34 = V34Run::start(&case, v2024_08_19);
    let reference = run_upstream_witx(&case, v2024_10_28);
    let nn_host = run_nn_host(&case, v2024_10_28);
    let upstream_wit = run_upstream_wit(&case, v2024_10_28);
    let nn_host_0819 = run_nn_host(&case, v2024_08_19);
    Runs {
        case,
        reference,
        nn_host,
        upstream_wit,
        nn_host_0819,
        upstream_wit_v34: v34.outcome(),
    }
}

/// The differential rule: `other` exited exactly as the reference did and
/// printed exactly the same stdout. The reference itself must have exited
/// normally (a trap or panic there is never "the same").
pub fn same_as_reference(reference: &Outcome, other: &Outcome) -> Result<(), String> {
    let Some(code) = reference.exit_code() else {
        return Err(format!("the reference did not exit normally:\n{reference}"));
    };
    if other.exit_code() != Some(code) {
        return Err(format!(
            "exit differs (reference exited {code}):\n{reference}{other}"
        ));
    }
    if other.stdout != reference.stdout {
        return Err(format!(
            "stdout differs:\n{}\n{reference}{other}",
            diff(&reference.stdout, &other.stdout)
        ));
    }
    Ok(())
}

/// Line-by-line difference, for failure messages.
pub fn diff(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    let mut out = String::new();
    for i in 0..e.len().max(a.len()) {
        let (x, y) = (e.get(i).copied(), a.get(i).copied());
        if x != y {
            out.push_str(&format!(
                "line {}:\n  reference: {:?}\n  other:     {:?}\n",
                i + 1,
                x,
                y
            ));
        }
    }
    out
}

impl Runs {
    /// The runs of the components: the 10-28 one on nn-host and upstream 48,
    /// then the 08-19 one on nn-host and upstream 34.
    pub fn components(&self) -> [&Outcome; 4] {
        [
            &self.nn_host,
            &self.upstream_wit,
            &self.nn_host_0819,
            &self.upstream_wit_v34,
        ]
    }

    /// Every component run matches the reference.
    pub fn check(&self) -> Result<(), String> {
        self.components()
            .into_iter()
            .try_for_each(|outcome| same_as_reference(&self.reference, outcome))
    }

    #[track_caller]
    pub fn assert_identical(&self) {
        if let Err(e) = self.check() {
            panic!("{e}\n\nfull runs:\n{self}");
        }
    }
}
