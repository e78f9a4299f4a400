//! (b): the component on nn-host, embedded through its public API
//! (`nn_host::add_to_linker`, `NnCtx`, `Registry`) on the bench's shared
//! default-configuration engine, exactly like (c) is embedded on upstream's
//! WIT host. (`nn_host::run` would use nn-host's own engine, which enables
//! epoch interruption; embedding keeps the engine settings identical across
//! the wasm variants.)

use crate::setup::Model;
use crate::variants::{run_command, wasi_builder, IntoAnyhow};
use anyhow::{Context, Result};
use std::sync::Arc;
use wasmtime::component::{Component, Linker, ResourceTable};
use wasmtime::{Engine, Store};
use wasmtime_wasi::p2::bindings::sync::CommandPre;
use wasmtime_wasi::p2::pipe::MemoryOutputPipe;
use wasmtime_wasi::{WasiCtx, WasiCtxView, WasiView};

struct State {
    wasi: WasiCtx,
    table: ResourceTable,
    nn: nn_host::NnCtx,
}

impl WasiView for State {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView {
            ctx: &mut self.wasi,
            table: &mut self.table,
        }
    }
}

/// The component linked against nn-host's `wasi:nn` and WASI preview2.
pub struct Prepared {
    engine: Engine,
    pre: CommandPre<State>,
}

impl Prepared {
    pub fn new(engine: &Engine, component: &Component) -> Result<Self> {
        let mut linker = Linker::new(engine);
        wasmtime_wasi::p2::add_to_linker_sync(&mut linker).anyhow()?;
        nn_host::add_to_linker(&mut linker, |s: &mut State| &mut s.nn)
            .context("adding nn-host's wasi:nn")?;
        let pre = CommandPre::new(linker.instantiate_pre(component).anyhow()?).anyhow()?;
        Ok(Prepared {
            engine: engine.clone(),
            pre,
        })
    }

    /// One run: returns (instantiate ns, wall ns, exit code).
    pub fn run(
        &self,
        args: &[String],
        model: &Model,
        stdout: &MemoryOutputPipe,
        stderr: &MemoryOutputPipe,
    ) -> Result<(u64, u64, i32)> {
        let wasi = wasi_builder(args, model, stdout, stderr)?.build();
        let nn = nn_host::NnCtx::new(Arc::new(nn_host::Registry::new()));
        let mut store = Store::new(
            &self.engine,
            State {
                wasi,
                table: ResourceTable::new(),
                nn,
            },
        );
        run_command(&mut store, &self.pre)
    }
}
