//! The `wasi:nn` WIT interfaces on a component linker, in every version
//! nn-host serves at once: a component importing either version, or both,
//! links against the same linker.
//!
//! Each served version is one module that names its WIT folder and says
//! what its `graph-execution-context` is; [`served_versions!`] lists the
//! modules and [`wasi_nn_bindings!`] generates each one's `errors` and
//! `inference` glue with `bindgen!`. What the versions share lives here:
//! the per-store [`NnCtx`], the `error` resource, and the `graph` and
//! `tensor` interfaces, which lend guest memory to the backend instead of
//! copying it (see [`add_graph_to_linker`]). The backends and the registry
//! name no version.
//!
//! - [`v2024_10_28`]: `compute(list<named-tensor>) -> list<named-tensor>`.
//! - [`v2024_08_19`] (Wasmtime v25–v34): a stateful context with
//!   `set-input`, `compute()` and `get-output`.
//!
//! Adding a version is a new module beside these (after its folder under
//! `wit/`), with its `Context` and `inference` impl, and its name in the
//! [`served_versions!`] call below.

use crate::backend::{
    Backends, Console, ErrorCode, ExecutionContext, ExecutionTarget, Graph, GraphEncoding, NnError,
    Tensor, TensorType,
};
use crate::limits::HostLimits;
use crate::registry::Registry;
use anyhow::{bail, Result};
use nn_abi::WasiNnVersion;
use std::sync::Arc;
use wasmtime::component::{
    Component, HasData, Linker, LinkerInstance, Resource, ResourceTable, ResourceType, WasmList,
};
use wasmtime::{AsContext as _, Engine, StoreContextMut};

/// Declares the version modules, newest first, with [`SERVED_VERSIONS`] and
/// an [`add_to_linker`] that adds every one of them.
macro_rules! served_versions {
    ($($module:ident),+ $(,)?) => {
        $(mod $module;)+

        /// The `wasi:nn` package versions nn-host serves, newest first.
        pub const SERVED_VERSIONS: &[WasiNnVersion] = &[$($module::VERSION),+];

        // A version in nn-abi's list needs its module here.
        const _: () = assert!(
            SERVED_VERSIONS.len() == WasiNnVersion::ALL.len(),
            "a wasi:nn version of nn-abi has no module in host/src/wit"
        );

        /// Adds every `wasi:nn` interface of every served version
        /// ([`SERVED_VERSIONS`]) to `linker`; `get` finds the [`NnCtx`] in
        /// the store's data.
        pub fn add_to_linker<T: 'static>(
            linker: &mut Linker<T>,
            get: fn(&mut T) -> &mut NnCtx,
        ) -> Result<()> {
            $(
                add_lent_to_linker::<T, $module::Context>(linker, get, $module::VERSION.as_str())?;
                $module::add_generated_to_linker(linker, get)?;
            )+
            Ok(())
        }

        /// Each version module's `bindgen!` path, for the test that it is
        /// that version's folder.
        #[cfg(test)]
        const WIT_PATHS: &[(WasiNnVersion, &str)] = &[$(($module::VERSION, $module::WIT_PATH)),+];
    };
}

served_versions!(v2024_10_28, v2024_08_19);

/// A version module's generated glue: `bindgen!` over the WIT file `$path`
/// (its version's folder: `bindgen!` takes only a literal, so the version
/// is written there a second time, and a test compares the two), with the backend's types for the resources and
/// the module's `Context` for `graph-execution-context`; the `error`
/// resource (`code`, `data`), identical in every version, implemented once
/// here; and `add_generated_to_linker`, which adds `inference` and
/// `errors`.
///
/// `graph` and `tensor` are generated too but linked by hand
/// ([`add_graph_to_linker`], [`add_tensor_to_linker`]): the generated
/// `load` and tensor constructor would lift every byte into a `Vec<u8>`
/// first, and `tensor.data` would need a cloned `Vec<u8>`. The test
/// `every_served_world_links` checks their names and types against the WIT.
macro_rules! wasi_nn_bindings {
    ($path:literal) => {
        mod generated {
            wasmtime::component::bindgen!({
                world: "ml",
                path: $path,
                with: {
                    "wasi:nn/graph.graph": crate::backend::Graph,
                    "wasi:nn/tensor.tensor": crate::backend::Tensor,
                    "wasi:nn/inference.graph-execution-context": super::Context,
                    "wasi:nn/errors.error": crate::backend::NnError,
                },
                imports: { default: trappable },
            });
        }

        use generated::wasi::nn::{errors, inference};

        #[cfg(test)]
        pub(super) const WIT_PATH: &str = $path;

        pub(super) fn add_generated_to_linker<T: 'static>(
            linker: &mut wasmtime::component::Linker<T>,
            get: fn(&mut T) -> &mut super::NnCtx,
        ) -> anyhow::Result<()> {
            inference::add_to_linker::<T, super::HasNn>(linker, get)?;
            errors::add_to_linker::<T, super::HasNn>(linker, get)?;
            Ok(())
        }

        impl errors::Host for super::NnCtx {}

        impl errors::HostError for super::NnCtx {
            fn code(
                &mut self,
                error: wasmtime::component::Resource<crate::backend::NnError>,
            ) -> wasmtime::Result<errors::ErrorCode> {
                Ok(self.error(&error)?.code.into())
            }

            fn data(
                &mut self,
                error: wasmtime::component::Resource<crate::backend::NnError>,
            ) -> wasmtime::Result<String> {
                Ok(self.error(&error)?.message.clone())
            }

            fn drop(
                &mut self,
                error: wasmtime::component::Resource<crate::backend::NnError>,
            ) -> wasmtime::Result<()> {
                self.table.delete(error)?;
                Ok(())
            }
        }

        super::same_cases!(
            errors::ErrorCode,
            crate::backend::ErrorCode,
            [
                InvalidArgument,
                InvalidEncoding,
                Timeout,
                RuntimeError,
                UnsupportedOperation,
                TooLarge,
                NotFound,
                Security,
                Unknown,
            ]
        );
    };
}
use wasi_nn_bindings;

/// `From` both ways between a generated enum and the backend's enum of the
/// same cases, so that the backend names no WIT version.
macro_rules! same_cases {
    ($wit:ty, $ours:ty, [$($case:ident),* $(,)?]) => {
        impl From<$wit> for $ours {
            fn from(value: $wit) -> Self {
                type Wit = $wit;
                type Ours = $ours;
                match value {
                    $(Wit::$case => Ours::$case,)*
                }
            }
        }
        impl From<$ours> for $wit {
            fn from(value: $ours) -> Self {
                type Wit = $wit;
                type Ours = $ours;
                match value {
                    $(Ours::$case => Wit::$case,)*
                }
            }
        }
    };
}
use same_cases;

/// Adds the hand-linked interfaces of `version`, which lend guest memory:
/// `graph`, whose new execution contexts are `C`, and `tensor`.
fn add_lent_to_linker<T: 'static, C: From<ExecutionContext> + Send + 'static>(
    linker: &mut Linker<T>,
    get: fn(&mut T) -> &mut NnCtx,
    version: &str,
) -> Result<()> {
    add_graph_to_linker::<T, C>(linker, get, &format!("wasi:nn/graph@{version}"))?;
    add_tensor_to_linker(linker, get, &format!("wasi:nn/tensor@{version}"))
}

/// Per-store `wasi:nn` state, shared by every version: the resources the
/// guest holds, the backends its `load` calls dispatch to, and the registry
/// of preloaded graphs.
///
/// Its own table (not the WASI one) keeps `wasi:nn` resources countable
/// apart from everything else the store holds.
pub struct NnCtx {
    table: ResourceTable,
    backends: Backends,
    registry: Arc<Registry>,
    /// The cap on one compute's output bytes ([`HostLimits::output_bytes`]).
    max_output_bytes: usize,
    /// Execution contexts the guest holds, and how many it may.
    live_contexts: usize,
    max_contexts: usize,
    /// The buffers of the inputs the last 10-28 `compute` consumed, for the
    /// next tensors of the same sizes ([`NnCtx::spare_input`]).
    spare_inputs: Vec<Arc<[u8]>>,
    /// Where the host's reason for each error the guest receives goes.
    reports: ErrorReports,
    /// Reports past [`MAX_COLLECTED_REPORTS`], counted instead of kept.
    uncollected_reports: usize,
    /// The guest's stdout, for backends that print there.
    console: Option<Console>,
}

/// The most lines [`ErrorReports::Collect`] keeps: a guest failing calls in
/// a loop must not make the host hold its every line.
pub const MAX_COLLECTED_REPORTS: usize = 1024;

/// Where [`NnCtx`] reports the host's reason for each `wasi:nn` error it
/// returns to the guest, one line per failing call
/// ([`NnCtx::report_errors`]). A guest usually prints only the error code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum ErrorReports {
    /// Nowhere (tracing's debug level still has them).
    #[default]
    Off,
    /// Written to the host process's stderr as they happen.
    Stderr,
    /// Kept, for [`NnCtx::take_error_reports`]: the first
    /// [`MAX_COLLECTED_REPORTS`], then a count.
    Collect(Vec<String>),
}

impl NnCtx {
    /// A context with the limits of a guest whose memory is not capped
    /// ([`HostLimits::default`]).
    pub fn new(backends: Backends, registry: Arc<Registry>) -> Self {
        NnCtx::with_limits(backends, registry, &HostLimits::default())
    }

    /// A context whose table holds at most `limits.handles` resources and
    /// whose computes produce at most `limits.output_bytes` bytes.
    pub fn with_limits(backends: Backends, registry: Arc<Registry>, limits: &HostLimits) -> Self {
        let mut table = ResourceTable::new();
        table.set_max_capacity(limits.handles);
        NnCtx {
            table,
            backends,
            registry,
            max_output_bytes: limits.output_bytes,
            live_contexts: 0,
            max_contexts: limits.contexts,
            spare_inputs: Vec::new(),
            reports: ErrorReports::Off,
            uncollected_reports: 0,
            console: None,
        }
    }

    /// Gives each new execution context `console`, the guest's stdout
    /// ([`BackendExecutionContext::set_console`]).
    pub fn set_console(&mut self, console: Console) {
        self.console = Some(console);
    }

    /// Reports each error returned to the guest to `reports`, as the line
    /// `wasi:nn CALL: CODE: REASON` (see [`error_report_line`]).
    pub fn report_errors(&mut self, reports: ErrorReports) {
        self.reports = reports;
    }

    /// The lines collected since the last call under
    /// [`ErrorReports::Collect`], and a last one counting those not kept;
    /// none otherwise.
    pub fn take_error_reports(&mut self) -> Vec<String> {
        let ErrorReports::Collect(lines) = &mut self.reports else {
            return Vec::new();
        };
        let mut taken = std::mem::take(lines);
        let uncollected = std::mem::take(&mut self.uncollected_reports);
        if uncollected > 0 {
            taken.push(format!(
                "wasi:nn: {uncollected} more errors, not kept (the first {MAX_COLLECTED_REPORTS} are)"
            ));
        }
        taken
    }

    /// A spare input buffer of `len` bytes for a new tensor, to be used if
    /// nothing else holds it. A legacy guest sends the same input sizes
    /// every round, so its inputs keep their addresses, and the backend
    /// finds each one already bound there.
    fn spare_input(&mut self, len: usize) -> Option<Arc<[u8]>> {
        let at = self.spare_inputs.iter().position(|s| s.len() == len)?;
        Some(self.spare_inputs.swap_remove(at))
    }

    /// How many `wasi:nn` resources (graphs, contexts, tensors, errors) the
    /// table holds right now: those the guest has not dropped yet.
    pub fn live_resources(&mut self) -> usize {
        self.table.iter_mut().count()
    }

    /// Reports the error `call` returns to the guest (see
    /// [`NnCtx::report_errors`]), stores it and returns it as the `Err` of a
    /// result.
    fn fail<T>(
        &mut self,
        call: &str,
        error: NnError,
    ) -> wasmtime::Result<Result<T, Resource<NnError>>> {
        tracing::debug!(call, code = ?error.code, message = %error.message, "wasi-nn error");
        match &mut self.reports {
            ErrorReports::Off => {}
            ErrorReports::Stderr => eprintln!("{}", error_report_line(call, &error)),
            ErrorReports::Collect(lines) if lines.len() < MAX_COLLECTED_REPORTS => {
                lines.push(error_report_line(call, &error))
            }
            ErrorReports::Collect(_) => self.uncollected_reports += 1,
        }
        Ok(Err(self.table.push(error)?))
    }

    /// Stores the outcome of `call`, which returns a resource: the value as a
    /// new resource, or the error as an `error` resource.
    fn push<T: Send + 'static>(
        &mut self,
        call: &str,
        outcome: Result<T, NnError>,
    ) -> wasmtime::Result<Result<Resource<T>, Resource<NnError>>> {
        match outcome {
            Ok(value) => Ok(Ok(self.table.push(value)?)),
            Err(error) => self.fail(call, error),
        }
    }

    /// `graph.init-execution-context`, the same in every version: a
    /// `too-large` error once the guest holds [`HostLimits::contexts`].
    fn new_context(
        &mut self,
        graph: &Resource<Graph>,
    ) -> wasmtime::Result<Result<ExecutionContext, NnError>> {
        if self.live_contexts >= self.max_contexts {
            return Ok(Err(NnError::new(
                ErrorCode::TooLarge,
                format!(
                    "the guest already holds {} execution contexts, this host's cap (--max-memory / {} bytes each); drop some first",
                    self.live_contexts,
                    crate::limits::CONTEXT_BYTES
                ),
            )));
        }
        let mut context = self.table.get(graph)?.0.init_execution_context();
        self.live_contexts += usize::from(context.is_ok());
        if let (Ok(context), Some(console)) = (&mut context, &self.console) {
            context.0.set_console(console.clone());
        }
        Ok(context)
    }

    /// The error behind an `error` handle, in every version.
    fn error(&self, error: &Resource<NnError>) -> wasmtime::Result<&NnError> {
        Ok(self.table.get(error)?)
    }

    /// `graph-execution-context` drop, the same in every version.
    fn drop_context<T: 'static>(&mut self, context: Resource<T>) -> wasmtime::Result<()> {
        self.table.delete(context)?;
        self.live_contexts -= 1;
        Ok(())
    }

    /// `graph.load-by-name`, the same in every version.
    fn preloaded_graph(&self, name: &str) -> Result<Graph, NnError> {
        tracing::debug!(name, "load-by-name");
        self.registry.get(name).cloned().ok_or_else(|| {
            NnError::new(
                ErrorCode::NotFound,
                format!(
                    "no graph named {name:?} was preloaded (registered: {:?})",
                    self.registry.names()
                ),
            )
        })
    }
}

/// The one line reporting that `call` returned `error` to the guest:
/// `wasi:nn CALL: CODE: REASON`, with the code as the WIT spells it and any
/// line breaks in the reason (OpenVINO's messages have them) made spaces.
pub fn error_report_line(call: &str, error: &NnError) -> String {
    let reason = error
        .message
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    format!("wasi:nn {call}: {}: {reason}", error.code.wit_name())
}

struct HasNn;

impl HasData for HasNn {
    type Data<'a> = &'a mut NnCtx;
}

/// Fails, naming the imports and the versions served, if `component`
/// imports `wasi:nn` interfaces of a version nn-host does not serve: the
/// linker alone would only say that one import is missing.
pub fn check_wasi_nn_imports(engine: &Engine, component: &Component) -> Result<()> {
    let unserved = component
        .component_type()
        .imports(engine)
        .map(|(name, _)| name)
        .filter(|name| {
            name.strip_prefix("wasi:nn/").is_some_and(|interface| {
                let version = interface.split_once('@').map(|(_, version)| version);
                !version.is_some_and(|v| SERVED_VERSIONS.iter().any(|served| served.as_str() == v))
            })
        })
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>();
    if !unserved.is_empty() {
        bail!(
            "the component imports {}, of a wasi:nn version nn-host does not serve; \
             it serves wasi:nn@{}",
            unserved.join(", "),
            SERVED_VERSIONS
                .iter()
                .map(|v| v.as_str())
                .collect::<Vec<_>>()
                .join(" and wasi:nn@")
        );
    }
    Ok(())
}

/// `bytes` in `spare` when [`overwrite`] can write them there, else in a
/// new buffer.
fn copy_into(spare: Option<Arc<[u8]>>, bytes: &[u8]) -> Arc<[u8]> {
    if let Some(mut spare) = spare {
        if overwrite(&mut spare, bytes) {
            return spare;
        }
    }
    Arc::from(bytes)
}

/// Copies `bytes` into `buffer`, keeping its address, when it has their
/// length and nothing else holds it; whether it did.
fn overwrite(buffer: &mut Arc<[u8]>, bytes: &[u8]) -> bool {
    match Arc::get_mut(buffer).filter(|b| b.len() == bytes.len()) {
        Some(buffer) => {
            buffer.copy_from_slice(bytes);
            true
        }
        None => false,
    }
}

/// Defines resource `name` of `instance` as the host type `R`, which lives
/// in the store's [`NnCtx`] table until the guest drops its handle.
fn add_table_resource<T: 'static, R: Send + 'static>(
    instance: &mut LinkerInstance<'_, T>,
    name: &str,
    get: fn(&mut T) -> &mut NnCtx,
) -> Result<()> {
    instance.resource(name, ResourceType::host::<R>(), move |mut store, rep| {
        get(store.data_mut())
            .table
            .delete(Resource::<R>::new_own(rep))?;
        Ok(())
    })?;
    Ok(())
}

/// Defines the `graph` interface `interface` (`wasi:nn/graph@VERSION`) by
/// hand with `func_wrap`, identical in every version but for what a new
/// execution context is (`C`). The generated `load` would copy every
/// builder out of guest memory into a `Vec<u8>` that lives through the
/// backend's load and compile (a MobileNet's 14 MB weights, twice in the
/// host's peak memory); this one lends the backend the guest's bytes
/// (`WasmList<u8>`), as a WITX host does.
fn add_graph_to_linker<T: 'static, C: From<ExecutionContext> + Send + 'static>(
    linker: &mut Linker<T>,
    get: fn(&mut T) -> &mut NnCtx,
    interface: &str,
) -> Result<()> {
    let mut graph = linker.instance(interface)?;
    add_table_resource::<T, Graph>(&mut graph, "graph", get)?;
    graph.func_wrap(
        "load",
        move |mut store: StoreContextMut<'_, T>,
              (builders, encoding, target): (
            WasmList<WasmList<u8>>,
            GraphEncoding,
            ExecutionTarget,
        )| {
            let nn = get(store.data_mut());
            let (backends, max_output_bytes) = (nn.backends.clone(), nn.max_output_bytes);
            let builders = builders
                .iter(&mut store)?
                .collect::<wasmtime::Result<Vec<WasmList<u8>>>>()?;
            let slices = builders
                .iter()
                .map(|builder| builder.as_le_slice(store.as_context()))
                .collect::<Vec<&[u8]>>();
            tracing::debug!(?encoding, ?target, builders = slices.len(), "load");
            let graph = backends.load(&slices, encoding, target, max_output_bytes);
            Ok((get(store.data_mut()).push("load", graph)?,))
        },
    )?;
    graph.func_wrap(
        "load-by-name",
        move |mut store: StoreContextMut<'_, T>, (name,): (String,)| {
            let nn = get(store.data_mut());
            let graph = nn.preloaded_graph(&name);
            Ok((nn.push("load-by-name", graph)?,))
        },
    )?;
    graph.func_wrap(
        "[method]graph.init-execution-context",
        move |mut store: StoreContextMut<'_, T>, (graph,): (Resource<Graph>,)| {
            let nn = get(store.data_mut());
            let created = nn.new_context(&graph)?.map(C::from);
            Ok((nn.push("init-execution-context", created)?,))
        },
    )?;
    Ok(())
}

/// Defines the `tensor` interface `interface` (`wasi:nn/tensor@VERSION`) by
/// hand with `func_wrap`, identical in every version. The generated
/// signatures would force a copy each way: the constructor copies the
/// guest's bytes straight from linear memory (`WasmList<u8>`) into the
/// tensor's `Arc<[u8]>`, and `tensor.data` lowers that `Arc` directly instead
/// of returning a cloned `Vec<u8>`.
fn add_tensor_to_linker<T: 'static>(
    linker: &mut Linker<T>,
    get: fn(&mut T) -> &mut NnCtx,
    interface: &str,
) -> Result<()> {
    let mut tensor = linker.instance(interface)?;
    add_table_resource::<T, Tensor>(&mut tensor, "tensor", get)?;
    tensor.func_wrap(
        "[constructor]tensor",
        move |mut store: StoreContextMut<'_, T>,
              (dimensions, ty, data): (Vec<u32>, TensorType, WasmList<u8>)| {
            let spare = get(store.data_mut()).spare_input(data.len());
            let bytes = data.as_le_slice(store.as_context());
            // The one copy from guest memory into host memory.
            let data = copy_into(spare, bytes);
            let tensor = Tensor {
                dimensions,
                ty,
                data,
            };
            Ok((get(store.data_mut()).table.push(tensor)?,))
        },
    )?;
    tensor.func_wrap(
        "[method]tensor.dimensions",
        move |mut store: StoreContextMut<'_, T>, (this,): (Resource<Tensor>,)| {
            Ok((get(store.data_mut()).table.get(&this)?.dimensions.clone(),))
        },
    )?;
    tensor.func_wrap(
        "[method]tensor.ty",
        move |mut store: StoreContextMut<'_, T>, (this,): (Resource<Tensor>,)| {
            Ok((get(store.data_mut()).table.get(&this)?.ty,))
        },
    )?;
    tensor.func_wrap(
        "[method]tensor.data",
        move |mut store: StoreContextMut<'_, T>, (this,): (Resource<Tensor>,)| {
            // Sharing the `Arc` lets wasmtime lower the bytes into the guest
            // directly: the one copy from host memory into guest memory.
            Ok((get(store.data_mut()).table.get(&this)?.data.clone(),))
        },
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A component importing the whole `ml` world of each served version
    /// links: every hand-linked function has the WIT's name and type, and
    /// each version module's `bindgen!` read its own version's folder.
    #[test]
    fn every_served_world_links() {
        let wit = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../wit");
        for (version, path) in WIT_PATHS {
            assert_eq!(*path, format!("../wit/{version}/wasi-nn.wit"));
        }
        let (mut served, mut all) = (SERVED_VERSIONS.to_vec(), WasiNnVersion::ALL.to_vec());
        served.sort();
        all.sort();
        assert_eq!(served, all, "each version is served once");
        let engine = Engine::default();
        let mut linker = Linker::<NnCtx>::new(&engine);
        add_to_linker(&mut linker, |nn| nn).unwrap();
        for version in SERVED_VERSIONS {
            let mut resolve = wit_parser::Resolve::default();
            let (package, _) = resolve.push_path(wit.join(version.as_str())).unwrap();
            let world = resolve.select_world(&[package], Some("ml")).unwrap();
            let mut module = wit_component::dummy_module(
                &resolve,
                world,
                wit_parser::ManglingAndAbi::Standard32,
            );
            wit_component::embed_component_metadata(
                &mut module,
                &resolve,
                world,
                wit_component::StringEncoding::UTF8,
            )
            .unwrap();
            let component = wit_component::ComponentEncoder::default()
                .module(&module)
                .unwrap()
                .encode()
                .unwrap();
            let component = Component::new(&engine, component).unwrap();
            if let Err(error) = linker.instantiate_pre(&component) {
                panic!("wasi:nn@{version}'s ml world does not link: {error:?}");
            }
        }
    }

    #[test]
    fn error_reports_are_one_line_and_collected_up_to_a_cap() {
        let mut nn = NnCtx::new(Backends::new(Vec::new()), Arc::new(Registry::new()));
        let error = || NnError::new(ErrorCode::RuntimeError, "OpenVINO says:\n  line two\n\n");
        assert_eq!(
            error_report_line("compute", &error()),
            "wasi:nn compute: runtime-error: OpenVINO says: line two"
        );
        // Off: nothing kept.
        nn.fail::<()>("compute", error()).unwrap().unwrap_err();
        assert!(nn.take_error_reports().is_empty());
        nn.report_errors(ErrorReports::Collect(Vec::new()));
        for _ in 0..MAX_COLLECTED_REPORTS + 5 {
            nn.fail::<()>("load", error()).unwrap().unwrap_err();
        }
        let reports = nn.take_error_reports();
        assert_eq!(reports.len(), MAX_COLLECTED_REPORTS + 1);
        assert_eq!(
            reports[0],
            "wasi:nn load: runtime-error: OpenVINO says: line two"
        );
        assert_eq!(
            reports[MAX_COLLECTED_REPORTS],
            "wasi:nn: 5 more errors, not kept (the first 1024 are)"
        );
        // Taken: the next run of reports starts afresh.
        nn.fail::<()>("compute", error()).unwrap().unwrap_err();
        assert_eq!(nn.take_error_reports().len(), 1);
    }

    #[test]
    fn spare_inputs_are_reused_only_when_unshared_and_of_the_same_size() {
        let mut nn = NnCtx::new(Backends::new(Vec::new()), Arc::new(Registry::new()));
        let spare: Arc<[u8]> = Arc::from(&[1u8, 2, 3][..]);
        let at = spare.as_ptr();
        nn.spare_inputs = vec![spare];
        assert!(nn.spare_input(4).is_none());
        let reused = copy_into(nn.spare_input(3), &[7, 8, 9]);
        assert_eq!((reused.as_ptr(), &reused[..]), (at, &[7u8, 8, 9][..]));
        assert!(nn.spare_input(3).is_none(), "a spare is taken once");
        // Still held elsewhere (a tensor the guest kept): never written.
        let held = reused.clone();
        let fresh = copy_into(Some(reused), &[4, 5, 6]);
        assert_ne!(fresh.as_ptr(), at);
        assert_eq!(
            (&held[..], &fresh[..]),
            (&[7u8, 8, 9][..], &[4u8, 5, 6][..])
        );
        // Another length: a new buffer.
        let other: Arc<[u8]> = Arc::from(&[0u8; 2][..]);
        assert_eq!(&copy_into(Some(other), &[1, 2, 3])[..], &[1, 2, 3]);
    }
}
