//! Runs a `wasi:cli/command` component on upstream `wasmtime-wasi-nn` 34's
//! WIT host, the `wasi:nn@0.2.0-rc-2024-08-19` host of Wasmtime v25–v34, set
//! up the way `wasmtime run -S nn -S nn-graph=ENC::DIR` sets it up.
//!
//! ```text
//! wasmtime-v34-nn [--dir HOST::GUEST]... [--graph ENC::DIR]... COMPONENT [ARG]...
//! ```
//!
//! A preloaded graph is named after its folder, as upstream names it. The
//! guest's stdout and stderr are inherited. Exit code: the guest's own; 1 when
//! `run` returns an error; 134 with the trap on stderr when the guest traps;
//! 125 with the error on stderr when the guest could not be run (arguments,
//! preloading, compiling, instantiating). A host panic ends the process with
//! Rust's panic exit code (101).
//!
//! OpenVINO is found by `openvino-finder` 0.8: the caller puts a folder with
//! an unversioned `libopenvino_c.so` of OpenVINO ≤ 2025.0 on
//! `LD_LIBRARY_PATH` (openvino-sys 0.8 numbers element types as those
//! releases do).

use anyhow::{bail, Context as _, Result};
use std::path::PathBuf;
use wasmtime::component::{Component, Linker, ResourceTable};
use wasmtime::{Config, Engine, Store};
use wasmtime_wasi::p2::bindings::sync::Command;
use wasmtime_wasi::p2::{IoView, WasiCtx, WasiCtxBuilder, WasiView};
use wasmtime_wasi::{DirPerms, FilePerms, I32Exit};
use wasmtime_wasi_nn::wit::{WasiNnCtx, WasiNnView};
use wasmtime_wasi_nn::InMemoryRegistry;

struct Host {
    wasi: WasiCtx,
    nn: WasiNnCtx,
    table: ResourceTable,
}

impl IoView for Host {
    fn table(&mut self) -> &mut ResourceTable {
        &mut self.table
    }
}

impl WasiView for Host {
    fn ctx(&mut self) -> &mut WasiCtx {
        &mut self.wasi
    }
}

struct Args {
    dirs: Vec<(PathBuf, String)>,
    graphs: Vec<(String, PathBuf)>,
    component: PathBuf,
    guest_args: Vec<String>,
}

fn parse_args() -> Result<Args> {
    let mut dirs = Vec::new();
    let mut graphs = Vec::new();
    let mut args = std::env::args().skip(1);
    loop {
        let Some(arg) = args.next() else {
            bail!("usage: wasmtime-v34-nn [--dir HOST::GUEST]... [--graph ENC::DIR]... COMPONENT [ARG]...");
        };
        let mut value = |flag: &str| {
            let value = args
                .next()
                .with_context(|| format!("{flag} needs a value"))?;
            let (left, right) = value
                .split_once("::")
                .with_context(|| format!("{flag} {value}: expected A::B"))?;
            Ok::<_, anyhow::Error>((left.to_string(), right.to_string()))
        };
        match arg.as_str() {
            "--dir" => {
                let (host, guest) = value("--dir")?;
                dirs.push((PathBuf::from(host), guest));
            }
            "--graph" => {
                let (encoding, dir) = value("--graph")?;
                graphs.push((encoding, PathBuf::from(dir)));
            }
            _ => {
                let guest_args = std::iter::once(arg.clone()).chain(args).collect();
                return Ok(Args {
                    dirs,
                    graphs,
                    component: PathBuf::from(arg),
                    guest_args,
                });
            }
        }
    }
}

/// Exit code when the guest could not be run at all.
const SETUP_FAILURE_EXIT: i32 = 125;
/// Exit code when the guest trapped.
const TRAP_EXIT: i32 = 134;

fn main() {
    let code = run().unwrap_or_else(|error| {
        eprintln!("error: {error:?}");
        SETUP_FAILURE_EXIT
    });
    std::process::exit(code)
}

/// Runs the guest; returns its exit code.
fn run() -> Result<i32> {
    let args = parse_args()?;
    let engine = Engine::new(&Config::new())?;
    let mut linker = Linker::<Host>::new(&engine);
    wasmtime_wasi::p2::add_to_linker_sync(&mut linker)?;
    wasmtime_wasi_nn::wit::add_to_linker(&mut linker, |h: &mut Host| {
        WasiNnView::new(&mut h.table, &mut h.nn)
    })?;

    let mut backends = wasmtime_wasi_nn::backend::list();
    let mut registry = InMemoryRegistry::new();
    for (encoding, dir) in &args.graphs {
        let encoding: wasmtime_wasi_nn::wit::GraphEncoding = encoding
            .parse()
            .map_err(|e| anyhow::anyhow!("--graph {encoding}::{}: {e:?}", dir.display()))?;
        let backend = backends
            .iter_mut()
            .find(|b| b.encoding() == encoding)
            .and_then(|b| b.as_dir_loadable())
            .with_context(|| format!("no backend loads {encoding:?} graphs from a folder"))?;
        registry
            .load(backend, dir)
            .with_context(|| format!("preloading {}", dir.display()))?;
    }

    let mut wasi = WasiCtxBuilder::new();
    wasi.inherit_stdio().args(&args.guest_args);
    for (host, guest) in &args.dirs {
        wasi.preopened_dir(host, guest, DirPerms::all(), FilePerms::all())
            .with_context(|| format!("preopening {}", host.display()))?;
    }
    let host = Host {
        wasi: wasi.build(),
        nn: WasiNnCtx::new(backends, registry.into()),
        table: ResourceTable::new(),
    };

    let component = Component::from_file(&engine, &args.component)
        .with_context(|| format!("compiling {}", args.component.display()))?;
    let mut store = Store::new(&engine, host);
    let command = Command::instantiate(&mut store, &component, &linker)
        .with_context(|| format!("instantiating {}", args.component.display()))?;
    let code = match command.wasi_cli_run().call_run(&mut store) {
        Ok(Ok(())) => 0,
        Ok(Err(())) => 1,
        Err(error) => match error.downcast_ref::<I32Exit>() {
            Some(exit) => exit.0,
            None => {
                eprintln!("error: the guest trapped: {error:?}");
                TRAP_EXIT
            }
        },
    };
    Ok(code)
}
