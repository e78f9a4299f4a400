//! (b): the component on nn-host, through its `Runner` built on the bench's
//! shared default-configuration engine, so the engine settings are the same
//! for every wasm variant. The runner links the component once (like the
//! `CommandPre` of (c)); each run is a fresh store, instance and wasi-nn
//! context, timed by the runner from before instantiation as (c) is by
//! `run_command`.

use crate::setup::Model;
use crate::variants::{Lockstep, GUEST_DIR, LOCKSTEP_ENV};
use anyhow::{Context, Result};
use nn_host::{LinkedCommand, RunConfig, RunOutcome, Runner};
use std::sync::Arc;
use wasmtime::component::Component;
use wasmtime::Engine;

/// The component linked by an nn-host runner.
pub struct Prepared {
    runner: Runner,
    linked: LinkedCommand,
}

impl Prepared {
    pub fn new(engine: &Engine, component: &Component) -> Result<Self> {
        let runner = Runner::with_engine(engine).context("creating nn-host's runner")?;
        let linked = runner.link(component)?;
        Ok(Prepared { runner, linked })
    }

    /// One run with `args`, the model folder preopened at [`GUEST_DIR`] and
    /// the output captured, or in lockstep.
    pub fn run(
        &self,
        args: &[String],
        model: &Model,
        lockstep: Option<Lockstep>,
    ) -> Result<RunOutcome> {
        let mut config = RunConfig {
            args: args.to_vec(),
            dirs: vec![(model.dir.clone(), GUEST_DIR.to_string())],
            capture_output: true,
            ..RunConfig::default()
        };
        if let Some(lockstep) = lockstep {
            config.stdin = Some(Arc::new(lockstep.stdin));
            config.stdout = Some(Arc::new(lockstep.stdout));
            config
                .env
                .push((LOCKSTEP_ENV.into(), lockstep.graphs.to_string()));
        }
        self.runner.run_linked(&self.linked, &config)
    }
}
