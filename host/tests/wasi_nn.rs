//! Drives every `wasi:nn` function through a real component (a WAT proxy
//! whose exports forward to the imports through guest memory) on OpenVINO.

mod common;

use common::{model, models_dir, proxy_component, softmax_model_dir};
use nn_host::{
    add_to_linker, Backends, ErrorCode, ExecutionTarget, GraphEncoding, HostLimits, NnCtx,
    Registry, TensorType,
};
use std::sync::{Arc, OnceLock};
use wasmtime::component::{Component, ComponentNamedList, Instance, Lift, Linker, Lower};
use wasmtime::{Engine, Store};

struct State {
    nn: NnCtx,
}

/// The proxy guest instantiated in a fresh store; component and linker are
/// compiled once per test binary.
struct Proxy {
    store: Store<State>,
    instance: Instance,
}

type NnResult<T> = Result<T, (ErrorCode, String)>;

/// The linker and the proxy of each version (list-compute, stateful),
/// compiled once per test binary.
fn compiled() -> &'static (Linker<State>, [Component; 2]) {
    static COMPILED: OnceLock<(Linker<State>, [Component; 2])> = OnceLock::new();
    COMPILED.get_or_init(|| {
        let engine = Engine::default();
        let mut linker = Linker::new(&engine);
        add_to_linker(&mut linker, |s: &mut State| &mut s.nn).unwrap();
        let components = [false, true]
            .map(|stateful| Component::new(&engine, proxy_component(stateful)).unwrap());
        (linker, components)
    })
}

impl Proxy {
    /// A proxy of the version whose `compute` takes lists.
    fn new() -> Proxy {
        Proxy::with_registry(false, Registry::new())
    }

    /// A proxy of the stateful version (`set-input`, `compute()`, `get-output`).
    fn stateful() -> Proxy {
        Proxy::with_registry(true, Registry::new())
    }

    fn with_registry(stateful: bool, registry: Registry) -> Proxy {
        let (linker, components) = compiled();
        let mut store = Store::new(
            linker.engine(),
            State {
                nn: NnCtx::new(Backends::available(), Arc::new(registry)),
            },
        );
        // The limits `Runner` sets: hostcall fuel and handles beyond
        // Wasmtime's defaults.
        HostLimits::default().apply(&mut store);
        let instance = linker
            .instantiate(&mut store, &components[usize::from(stateful)])
            .unwrap();
        Proxy { store, instance }
    }

    fn live(&mut self) -> usize {
        self.store.data_mut().nn.live_resources()
    }

    fn call<P: ComponentNamedList + Lower, R: ComponentNamedList + Lift>(
        &mut self,
        name: &str,
        params: P,
    ) -> R {
        let func = self
            .instance
            .get_typed_func::<P, R>(&mut self.store, name)
            .unwrap();
        func.call(&mut self.store, params).unwrap()
    }

    /// Reads an error resource's code and message, then drops it.
    fn error(&mut self, error: u32) -> (ErrorCode, String) {
        let (code,): (ErrorCode,) = self.call("error-code", (error,));
        let (data,): (String,) = self.call("error-data", (error,));
        let () = self.call("drop-error", (error,));
        (code, data)
    }

    fn result(&mut self, result: Result<u32, u32>) -> NnResult<u32> {
        result.map_err(|e| self.error(e))
    }

    fn load(
        &mut self,
        builders: Vec<Vec<u8>>,
        encoding: GraphEncoding,
        target: ExecutionTarget,
    ) -> NnResult<u32> {
        let (r,) = self.call("load", (builders, encoding, target));
        self.result(r)
    }

    fn load_by_name(&mut self, name: &str) -> NnResult<u32> {
        let (r,) = self.call("load-by-name", (name.to_string(),));
        self.result(r)
    }

    fn init(&mut self, graph: u32) -> NnResult<u32> {
        let (r,) = self.call("init-execution-context", (graph,));
        self.result(r)
    }

    fn tensor(&mut self, dims: &[u32], ty: TensorType, data: &[u8]) -> u32 {
        let (t,): (u32,) = self.call("new-tensor", (dims.to_vec(), ty, data.to_vec()));
        t
    }

    fn f32_tensor(&mut self, dims: &[u32], values: &[f32]) -> u32 {
        let bytes = values
            .iter()
            .flat_map(|v| v.to_le_bytes())
            .collect::<Vec<_>>();
        self.tensor(dims, TensorType::Fp32, &bytes)
    }

    fn dims(&mut self, tensor: u32) -> Vec<u32> {
        self.call::<_, (Vec<u32>,)>("tensor-dimensions", (tensor,))
            .0
    }

    fn ty(&mut self, tensor: u32) -> TensorType {
        self.call::<_, (TensorType,)>("tensor-ty", (tensor,)).0
    }

    fn data(&mut self, tensor: u32) -> Vec<u8> {
        self.call::<_, (Vec<u8>,)>("tensor-data", (tensor,)).0
    }

    fn f32s(&mut self, tensor: u32) -> Vec<f32> {
        self.data(tensor)
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes(c.try_into().unwrap()))
            .collect()
    }

    fn compute(&mut self, context: u32, inputs: Vec<(&str, u32)>) -> NnResult<Vec<(String, u32)>> {
        let inputs = inputs
            .into_iter()
            .map(|(n, t)| (n.to_string(), t))
            .collect::<Vec<_>>();
        let (r,): (Result<Vec<(String, u32)>, u32>,) = self.call("compute", (context, inputs));
        r.map_err(|e| self.error(e))
    }

    /// Stateful version: `set-input`.
    fn set_input(&mut self, context: u32, name: &str, tensor: u32) -> NnResult<()> {
        let (r,): (Result<(), u32>,) = self.call("set-input", (context, name.to_string(), tensor));
        r.map_err(|e| self.error(e))
    }

    /// Stateful version: `compute()`.
    fn run(&mut self, context: u32) -> NnResult<()> {
        let (r,): (Result<(), u32>,) = self.call("compute", (context,));
        r.map_err(|e| self.error(e))
    }

    /// Stateful version: `get-output`.
    fn get_output(&mut self, context: u32, name: &str) -> NnResult<u32> {
        let (r,) = self.call("get-output", (context, name.to_string()));
        self.result(r)
    }

    fn openvino(&mut self, name: &str) -> NnResult<u32> {
        let builders = vec![model(&format!("{name}.xml")), model(&format!("{name}.bin"))];
        self.load(builders, GraphEncoding::Openvino, ExecutionTarget::Cpu)
    }

    fn context(&mut self, name: &str) -> u32 {
        let graph = self.openvino(name).unwrap();
        let context = self.init(graph).unwrap();
        let () = self.call("drop-graph", (graph,));
        context
    }
}

fn softmax(values: impl Iterator<Item = f32>) -> Vec<f32> {
    let values = values.collect::<Vec<_>>();
    let max = values.iter().cloned().fold(f32::MIN, f32::max);
    let exps = values.iter().map(|v| (v - max).exp()).collect::<Vec<_>>();
    let sum: f32 = exps.iter().sum();
    exps.iter().map(|e| e / sum).collect()
}

fn assert_close(actual: &[f32], expected: &[f32]) {
    assert_eq!(actual.len(), expected.len());
    for (a, e) in actual.iter().zip(expected) {
        assert!((a - e).abs() < 1e-5, "{actual:?} != {expected:?}");
    }
}

const INPUT: [f32; 10] = [0.0, 0.1, 0.2, 0.3, 0.4, -0.5, 1.0, 2.0, -1.0, 0.5];

#[test]
fn openvino_softmax_by_tensor_name() {
    let mut p = Proxy::new();
    let context = p.context("softmax");
    let input = p.f32_tensor(&[1, 10], &INPUT);
    let outputs = p.compute(context, vec![("input", input)]).unwrap();
    assert_eq!(
        outputs.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(),
        ["output"]
    );
    let out = outputs[0].1;
    assert_eq!(p.dims(out), [1, 10]);
    assert_eq!(p.ty(out), TensorType::Fp32);
    assert_close(&p.f32s(out), &softmax(INPUT.iter().map(|x| 2.0 * x + 1.0)));
    // A context computes again; the earlier output keeps its own bytes.
    let first = p.data(out);
    let zeros = p.f32_tensor(&[1, 10], &[0.0; 10]);
    let again = p.compute(context, vec![("input", zeros)]).unwrap();
    assert_close(&p.f32s(again[0].1), &[0.1; 10]);
    assert_eq!(p.data(out), first);
    let () = p.call("drop-tensor", (out,));
    let () = p.call("drop-context", (context,));
}

/// Output buffers are reused across computes only once the guest has
/// dropped the tensor: an output the guest holds keeps the first result
/// however many computes follow, on one output or several.
#[test]
fn held_outputs_are_not_overwritten_by_later_computes() {
    let mut p = Proxy::new();
    let context = p.context("softmax");
    let other = [1.0, -1.0, 0.5, 0.0, 2.0, 0.3, -0.2, 0.9, 0.1, -2.0];
    let expected_first = softmax(INPUT.iter().map(|x| 2.0 * x + 1.0));
    let expected_other = softmax(other.iter().map(|x| 2.0 * x + 1.0));
    let input = p.f32_tensor(&[1, 10], &INPUT);
    let held = p.compute(context, vec![("input", input)]).unwrap()[0].1;
    let first = p.data(held);
    assert_close(&p.f32s(held), &expected_first);
    for round in 0..3 {
        let input = p.f32_tensor(&[1, 10], &other);
        let out = p.compute(context, vec![("input", input)]).unwrap()[0].1;
        assert_close(&p.f32s(out), &expected_other);
        assert_eq!(
            p.data(held),
            first,
            "round {round}: the held output changed"
        );
        // Released: the next compute may reuse its buffer.
        let () = p.call("drop-tensor", (out,));
    }
    let () = p.call("drop-tensor", (held,));
    let input = p.f32_tensor(&[1, 10], &other);
    let out = p.compute(context, vec![("input", input)]).unwrap()[0].1;
    assert_close(&p.f32s(out), &expected_other);

    // Two outputs: the held one keeps its values, the released one is reused.
    let context = p.context("two_io");
    let ta = p.f32_tensor(&[1, 4], &[1.0, 2.0, 3.0, 4.0]);
    let tb = p.f32_tensor(&[1, 4], &[10.0, 20.0, 30.0, 40.0]);
    let outputs = p.compute(context, vec![("a", ta), ("b", tb)]).unwrap();
    let (held_sum, difference) = (outputs[0].1, outputs[1].1);
    let () = p.call("drop-tensor", (difference,));
    for round in 0..2 {
        let ta = p.f32_tensor(&[1, 4], &[2.0, 2.0, 2.0, 2.0]);
        let tb = p.f32_tensor(&[1, 4], &[3.0, 3.0, 3.0, 3.0]);
        let outputs = p.compute(context, vec![("a", ta), ("b", tb)]).unwrap();
        assert_eq!(p.f32s(outputs[0].1), [5.0; 4], "round {round}");
        assert_eq!(p.f32s(outputs[1].1), [-1.0; 4], "round {round}");
        assert_eq!(
            p.f32s(held_sum),
            [11.0, 22.0, 33.0, 44.0],
            "round {round}: the held output changed"
        );
        for (_, tensor) in outputs {
            let () = p.call("drop-tensor", (tensor,));
        }
    }
}

#[test]
fn onnx_by_decimal_index_and_autodetect() {
    let mut p = Proxy::new();
    for encoding in [GraphEncoding::Onnx, GraphEncoding::Autodetect] {
        let graph = p
            .load(vec![model("softmax.onnx")], encoding, ExecutionTarget::Cpu)
            .unwrap();
        let context = p.init(graph).unwrap();
        let input = p.f32_tensor(&[1, 10], &INPUT);
        let outputs = p.compute(context, vec![("0", input)]).unwrap();
        assert_eq!(outputs[0].0, "output");
        assert_close(&p.f32s(outputs[0].1), &softmax(INPUT.iter().cloned()));
    }
    let builders = vec![model("softmax.xml"), model("softmax.bin")];
    let graph = p
        .load(builders, GraphEncoding::Autodetect, ExecutionTarget::Cpu)
        .unwrap();
    let context = p.init(graph).unwrap();
    let input = p.f32_tensor(&[1, 10], &INPUT);
    assert_eq!(
        p.compute(context, vec![("input", input)]).unwrap()[0].0,
        "output"
    );
}

/// What tests/models/softmax.tflite adds to its input before the softmax
/// (`TFLITE_BIAS` in generate.py).
const TFLITE_BIAS: [f32; 4] = [0.5, -1.0, 2.0, 0.0];

fn tflite_expected(x: &[f32; 4]) -> Vec<f32> {
    softmax(x.iter().zip(TFLITE_BIAS).map(|(x, b)| x + b))
}

/// TensorFlow Lite through OpenVINO's frontend: ports carry the TFLite
/// tensors' names (`x`, `probabilities`), as IR and ONNX ports carry theirs.
#[test]
fn tflite_by_tensor_name_index_and_autodetect() {
    let mut p = Proxy::new();
    let x = [1.0, 2.0, 3.0, 4.0];
    let y = [-3.0, 0.25, 7.5, -0.5];
    for (encoding, input) in [
        (GraphEncoding::Tensorflowlite, "x"),
        (GraphEncoding::Tensorflowlite, "0"),
        (GraphEncoding::Autodetect, "x"),
    ] {
        let graph = p
            .load(
                vec![model("softmax.tflite")],
                encoding,
                ExecutionTarget::Cpu,
            )
            .unwrap();
        let context = p.init(graph).unwrap();
        let () = p.call("drop-graph", (graph,));
        for values in [x, y] {
            let tensor = p.f32_tensor(&[1, 4], &values);
            let outputs = p.compute(context, vec![(input, tensor)]).unwrap();
            assert_eq!(
                outputs.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(),
                ["probabilities"]
            );
            let out = outputs[0].1;
            assert_eq!(p.dims(out), [1, 4]);
            assert_eq!(p.ty(out), TensorType::Fp32);
            assert_close(&p.f32s(out), &tflite_expected(&values));
            let () = p.call("drop-tensor", (out,));
        }
        let wrong = p.f32_tensor(&[1, 10], &INPUT);
        let (code, message) = p.compute(context, vec![("x", wrong)]).unwrap_err();
        assert_eq!(code, ErrorCode::InvalidArgument, "{message}");
        assert!(message.contains("expects shape [1, 4]"), "{message}");
        let () = p.call("drop-context", (context,));
    }
    assert_eq!(p.live(), 0);

    // The stateful version names outputs the same way.
    let mut p = Proxy::stateful();
    let graph = p
        .load(
            vec![model("softmax.tflite")],
            GraphEncoding::Tensorflowlite,
            ExecutionTarget::Cpu,
        )
        .unwrap();
    let context = p.init(graph).unwrap();
    let tensor = p.f32_tensor(&[1, 4], &y);
    p.set_input(context, "x", tensor).unwrap();
    p.run(context).unwrap();
    let out = p.get_output(context, "probabilities").unwrap();
    assert_close(&p.f32s(out), &tflite_expected(&y));
}

/// Damaged TensorFlow Lite files (cut short, bytes overwritten) give an error
/// resource or, where the damage misses what OpenVINO reads, a graph that
/// still computes; never a crash.
#[test]
fn corrupt_tflite_models_are_errors_not_crashes() {
    let mut p = Proxy::new();
    let good = model("softmax.tflite");
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = |below: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % below as u64) as usize
    };
    let (mut refused, mut loaded) = (0, 0);
    for round in 0..60 {
        let mut bytes = good.clone();
        if round % 3 == 0 {
            bytes.truncate(next(good.len()));
        } else {
            for _ in 0..1 + next(4) {
                // Past the identifier, so that the bytes stay "TensorFlow Lite".
                let at = 8 + next(good.len() - 8);
                bytes[at] = next(256) as u8;
            }
        }
        match p.load(
            vec![bytes],
            GraphEncoding::Tensorflowlite,
            ExecutionTarget::Cpu,
        ) {
            Err((code, message)) => {
                assert_eq!(code, ErrorCode::RuntimeError, "round {round}: {message}");
                assert!(message.contains("could not"), "round {round}: {message}");
                refused += 1;
            }
            Ok(graph) => {
                loaded += 1;
                if let Ok(context) = p.init(graph) {
                    let tensor = p.f32_tensor(&[1, 4], &[1.0, 2.0, 3.0, 4.0]);
                    if let Ok(outputs) = p.compute(context, vec![("0", tensor)]) {
                        for (_, out) in outputs {
                            let () = p.call("drop-tensor", (out,));
                        }
                    }
                    let () = p.call("drop-context", (context,));
                }
                let () = p.call("drop-graph", (graph,));
            }
        }
    }
    assert!(
        refused >= 20,
        "only {refused} of 60 damaged models were refused ({loaded} loaded)"
    );
    assert_eq!(p.live(), 0);
}

#[test]
fn two_inputs_two_outputs_in_model_order() {
    let mut p = Proxy::new();
    let context = p.context("two_io");
    let (a, b) = ([1.0, 2.0, 3.0, 4.0], [10.0, 20.0, 30.0, 40.0]);
    for (name_a, name_b) in [("a", "b"), ("0", "1")] {
        let ta = p.f32_tensor(&[1, 4], &a);
        let tb = p.f32_tensor(&[1, 4], &b);
        // Given in reverse order: inputs are matched by name or index, not position.
        let outputs = p
            .compute(context, vec![(name_b, tb), (name_a, ta)])
            .unwrap();
        assert_eq!(
            outputs.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(),
            ["sum", "difference"]
        );
        assert_eq!(p.f32s(outputs[0].1), [11.0, 22.0, 33.0, 44.0]);
        assert_eq!(p.f32s(outputs[1].1), [-9.0, -18.0, -27.0, -36.0]);
    }
}

#[test]
fn u8_model_and_empty_weights() {
    let mut p = Proxy::new();
    let context = p.context("identity_u8");
    let input = p.tensor(&[2, 3], TensorType::U8, &[0, 1, 2, 3, 254, 9]);
    let outputs = p.compute(context, vec![("bytes", input)]).unwrap();
    assert_eq!(outputs[0].0, "same");
    assert_eq!(p.ty(outputs[0].1), TensorType::U8);
    assert_eq!(p.dims(outputs[0].1), [2, 3]);
    assert_eq!(p.data(outputs[0].1), [1, 2, 3, 4, 255, 10]);
    // two_io.bin is empty: a model without constants loads from empty weights.
    assert!(model("two_io.bin").is_empty());
    p.openvino("two_io").unwrap();
}

#[test]
fn every_tensor_type_round_trips_through_the_resource() {
    let mut p = Proxy::new();
    for (ty, size) in [
        (TensorType::Fp16, 2),
        (TensorType::Fp32, 4),
        (TensorType::Fp64, 8),
        (TensorType::Bf16, 2),
        (TensorType::U8, 1),
        (TensorType::I32, 4),
        (TensorType::I64, 8),
    ] {
        let bytes = (0..6 * size).map(|i| i as u8).collect::<Vec<_>>();
        let t = p.tensor(&[2, 3], ty, &bytes);
        assert_eq!(p.dims(t), [2, 3]);
        assert_eq!(p.ty(t), ty);
        assert_eq!(p.data(t), bytes);
        let () = p.call("drop-tensor", (t,));
    }
}

#[test]
fn load_by_name_hits_registered_graphs_only() {
    let dir = softmax_model_dir();
    let mut registry = Registry::new();
    registry
        .preload(
            &Backends::available(),
            "softmax",
            GraphEncoding::Openvino,
            dir.path(),
        )
        .unwrap();
    let mut p = Proxy::with_registry(false, registry);
    let graph = p.load_by_name("softmax").unwrap();
    let context = p.init(graph).unwrap();
    let input = p.f32_tensor(&[1, 10], &INPUT);
    assert_eq!(
        p.compute(context, vec![("input", input)]).unwrap()[0].0,
        "output"
    );
    // A second load-by-name shares the compiled graph.
    p.load_by_name("softmax").unwrap();
    let path = models_dir().join("softmax").display().to_string();
    for missing in ["two_io", "", path.as_str()] {
        let (code, message) = p.load_by_name(missing).unwrap_err();
        assert_eq!(code, ErrorCode::NotFound, "{message}");
        assert!(message.contains(&format!("{missing:?}")), "{message}");
    }
}

#[test]
fn bad_models_are_errors() {
    let mut p = Proxy::new();
    let cpu = ExecutionTarget::Cpu;
    let xml = model("softmax.xml");
    let bin = model("softmax.bin");
    let cases: Vec<(Vec<Vec<u8>>, GraphEncoding, ErrorCode, &str)> = vec![
        (
            vec![b"<net garbage".to_vec(), vec![]],
            GraphEncoding::Openvino,
            ErrorCode::RuntimeError,
            "could not read",
        ),
        (
            vec![b"garbage".to_vec(), vec![]],
            GraphEncoding::Openvino,
            ErrorCode::RuntimeError,
            "could not read",
        ),
        (
            vec![vec![0x08, 0x07, 0xff, 0xff]],
            GraphEncoding::Onnx,
            ErrorCode::RuntimeError,
            "could not read",
        ),
        (
            vec![xml.clone(), bin[..bin.len() / 2].to_vec()],
            GraphEncoding::Openvino,
            ErrorCode::RuntimeError,
            "could not read",
        ),
        (
            vec![xml.clone()],
            GraphEncoding::Openvino,
            ErrorCode::RuntimeError,
            "needs 2 builders",
        ),
        (
            vec![model("softmax.onnx"), vec![]],
            GraphEncoding::Onnx,
            ErrorCode::InvalidArgument,
            "needs 1 builder",
        ),
        (
            vec![model("softmax.onnx")],
            GraphEncoding::Openvino,
            ErrorCode::RuntimeError,
            "needs 2 builders",
        ),
        (
            vec![xml.clone(), bin.clone()],
            GraphEncoding::Onnx,
            ErrorCode::InvalidArgument,
            "needs 1 builder",
        ),
        (
            vec![xml.clone()],
            GraphEncoding::Onnx,
            ErrorCode::InvalidEncoding,
            "look like Ir",
        ),
        (
            vec![b"garbage".to_vec()],
            GraphEncoding::Autodetect,
            ErrorCode::InvalidEncoding,
            "recognised none of",
        ),
        (
            vec![],
            GraphEncoding::Autodetect,
            ErrorCode::InvalidEncoding,
            "recognised none of",
        ),
        (
            vec![b"\x1c\0\0\0TFL3\0\0".to_vec()],
            GraphEncoding::Autodetect,
            ErrorCode::RuntimeError,
            "could not read the Tflite model",
        ),
        (
            vec![b"\x1c\0\0\0TFL3\0\0".to_vec()],
            GraphEncoding::Tensorflowlite,
            ErrorCode::RuntimeError,
            "could not read the Tflite model",
        ),
        (
            vec![b"garbage".to_vec()],
            GraphEncoding::Tensorflowlite,
            ErrorCode::RuntimeError,
            "could not read the Tflite model",
        ),
        (
            vec![model("softmax.tflite"), vec![]],
            GraphEncoding::Tensorflowlite,
            ErrorCode::InvalidArgument,
            "a tensorflowlite graph needs 1 builder (the .tflite model), got 2",
        ),
        (
            vec![],
            GraphEncoding::Tensorflowlite,
            ErrorCode::InvalidArgument,
            "needs 1 builder (the .tflite model), got 0",
        ),
        (
            vec![model("softmax.tflite"), vec![]],
            GraphEncoding::Autodetect,
            ErrorCode::InvalidArgument,
            "needs 1 builder (the .tflite model), got 2",
        ),
        (
            vec![model("softmax.onnx")],
            GraphEncoding::Tensorflowlite,
            ErrorCode::InvalidEncoding,
            "declared Tflite but its bytes look like Onnx",
        ),
        (
            vec![model("softmax.tflite"), vec![]],
            GraphEncoding::Openvino,
            ErrorCode::InvalidEncoding,
            "declared Ir but its bytes look like Tflite",
        ),
        (
            vec![model("softmax.tflite")],
            GraphEncoding::Onnx,
            ErrorCode::InvalidEncoding,
            "declared Onnx but its bytes look like Tflite",
        ),
        (
            vec![vec![1]],
            GraphEncoding::Tensorflow,
            ErrorCode::InvalidEncoding,
            "no backend for the tensorflow encoding",
        ),
        (
            vec![vec![1]],
            GraphEncoding::Pytorch,
            ErrorCode::InvalidEncoding,
            "no backend for the pytorch encoding",
        ),
        (
            vec![vec![1]],
            GraphEncoding::Ggml,
            ErrorCode::InvalidEncoding,
            "cannot read the builder: it is not a GGUF file",
        ),
    ];
    for (builders, encoding, code, needle) in cases {
        let (got, message) = p.load(builders, encoding, cpu).unwrap_err();
        assert_eq!(got, code, "{encoding:?}: {message}");
        assert!(
            message.contains(needle),
            "{encoding:?}: {message:?} lacks {needle:?}"
        );
    }
}

#[test]
fn targets() {
    let mut p = Proxy::new();
    let builders = vec![model("softmax.xml"), model("softmax.bin")];
    let (code, message) = p
        .load(
            builders.clone(),
            GraphEncoding::Openvino,
            ExecutionTarget::Tpu,
        )
        .unwrap_err();
    assert_eq!(code, ErrorCode::UnsupportedOperation);
    assert!(message.contains("TPU"), "{message}");
    match p.load(builders, GraphEncoding::Openvino, ExecutionTarget::Gpu) {
        // Only on machines with an OpenVINO GPU device.
        Ok(_) => {}
        Err((code, message)) => {
            assert_eq!(code, ErrorCode::RuntimeError);
            assert!(
                message.contains("GPU device") && message.contains("CPU"),
                "{message}"
            );
        }
    }
}

#[test]
fn bad_inputs_are_errors() {
    let mut p = Proxy::new();
    let softmax = p.context("softmax");
    let two_io = p.context("two_io");
    let ten = INPUT
        .iter()
        .flat_map(|v| v.to_le_bytes())
        .collect::<Vec<_>>();
    /// An input as (name, dimensions, type, bytes).
    type Input<'a> = (&'a str, &'a [u32], TensorType, Vec<u8>);
    let cases: Vec<(u32, Vec<Input>, &[&str])> = vec![
        (
            softmax,
            vec![("nope", &[1, 10], TensorType::Fp32, ten.clone())],
            &["\"nope\"", "\"input\" (index 0) FP32[1, 10]"],
        ),
        (
            softmax,
            vec![("1", &[1, 10], TensorType::Fp32, ten.clone())],
            &["index 1 is out of range", "1 input"],
        ),
        (
            softmax,
            vec![("input", &[1, 5], TensorType::Fp32, ten[..20].to_vec())],
            &["\"input\" (index 0)", "expects shape [1, 10]", "[1, 5]"],
        ),
        (
            softmax,
            vec![("input", &[1, 10], TensorType::Fp32, ten[..12].to_vec())],
            &["holds 12 bytes", "[1, 10] of FP32 need 40"],
        ),
        (
            softmax,
            vec![("input", &[1, 10], TensorType::I32, ten.clone())],
            &["expects FP32[1, 10]", "tensor is I32"],
        ),
        (
            softmax,
            vec![
                ("input", &[1, 10], TensorType::Fp32, ten.clone()),
                ("0", &[1, 10], TensorType::Fp32, ten.clone()),
            ],
            &["more than once", "\"0\""],
        ),
        (softmax, vec![], &["missing input(s) \"input\" (index 0)"]),
        (
            two_io,
            vec![("a", &[1, 4], TensorType::Fp32, ten[..16].to_vec())],
            &["missing input(s) \"b\" (index 1)", "all 2"],
        ),
    ];
    for (context, inputs, needles) in cases {
        let inputs = inputs
            .into_iter()
            .map(|(name, dims, ty, data)| (name, p.tensor(dims, ty, &data)))
            .collect::<Vec<_>>();
        let (code, message) = p.compute(context, inputs).unwrap_err();
        assert_eq!(code, ErrorCode::InvalidArgument, "{message}");
        for needle in needles {
            assert!(message.contains(needle), "{message:?} lacks {needle:?}");
        }
    }
    // The context still works after refused computes.
    let input = p.f32_tensor(&[1, 10], &INPUT);
    p.compute(softmax, vec![("input", input)]).unwrap();
}

#[test]
fn inference_is_fast() {
    let mut p = Proxy::new();
    let context = p.context("softmax");
    let bytes = INPUT
        .iter()
        .flat_map(|v| v.to_le_bytes())
        .collect::<Vec<_>>();
    let rounds = 200;
    let started = std::time::Instant::now();
    for _ in 0..rounds {
        let input = p.tensor(&[1, 10], TensorType::Fp32, &bytes);
        let outputs = p.compute(context, vec![("input", input)]).unwrap();
        let () = p.call("drop-tensor", (outputs[0].1,));
    }
    let each = started.elapsed() / rounds;
    eprintln!("tensor + compute + drop through the component: {each:?} per inference");
    assert!(each < std::time::Duration::from_millis(20), "{each:?}");
}

#[test]
fn every_tensor_type_through_openvino() {
    let mut p = Proxy::new();
    let context = p.context("all_types");
    let types = [
        ("f16", TensorType::Fp16, vec![0x00, 0x3c, 0x00, 0x40]), // 1.0, 2.0
        (
            "f32",
            TensorType::Fp32,
            [1.5f32, -2.0]
                .iter()
                .flat_map(|v| v.to_le_bytes())
                .collect(),
        ),
        (
            "f64",
            TensorType::Fp64,
            [1.5f64, -2.0]
                .iter()
                .flat_map(|v| v.to_le_bytes())
                .collect(),
        ),
        ("bf16", TensorType::Bf16, vec![0x80, 0x3f, 0x00, 0x40]), // 1.0, 2.0
        ("u8", TensorType::U8, vec![7, 100]),
        (
            "i32",
            TensorType::I32,
            [-3i32, 5].iter().flat_map(|v| v.to_le_bytes()).collect(),
        ),
        (
            "i64",
            TensorType::I64,
            [-3i64, 1000].iter().flat_map(|v| v.to_le_bytes()).collect(),
        ),
    ];
    let expected: [Vec<u8>; 7] = [
        vec![0x00, 0x40, 0x00, 0x44], // 2.0, 4.0
        [3.0f32, -4.0]
            .iter()
            .flat_map(|v| v.to_le_bytes())
            .collect(),
        [3.0f64, -4.0]
            .iter()
            .flat_map(|v| v.to_le_bytes())
            .collect(),
        vec![0x00, 0x40, 0x80, 0x40], // 2.0, 4.0
        vec![14, 200],
        [-6i32, 10].iter().flat_map(|v| v.to_le_bytes()).collect(),
        [-6i64, 2000].iter().flat_map(|v| v.to_le_bytes()).collect(),
    ];
    let mut inputs = Vec::new();
    let names = types
        .iter()
        .map(|(n, _, _)| format!("in_{n}"))
        .collect::<Vec<_>>();
    for ((_, ty, data), name) in types.iter().zip(&names) {
        inputs.push((name.as_str(), p.tensor(&[2], *ty, data)));
    }
    let outputs = p.compute(context, inputs).unwrap();
    for (((name, ty, _), (out_name, out)), expected) in types.iter().zip(outputs).zip(expected) {
        assert_eq!(out_name, format!("out_{name}"));
        assert_eq!(p.ty(out), *ty, "{name}");
        assert_eq!(p.dims(out), [2], "{name}");
        assert_eq!(p.data(out), expected, "{name}");
    }
}

#[test]
fn unnamed_model_uses_indices() {
    let mut p = Proxy::new();
    let context = p.context("unnamed");
    let input = p.f32_tensor(&[1, 3], &[-1.0, 0.5, 2.0]);
    let outputs = p.compute(context, vec![("0", input)]).unwrap();
    assert_eq!(
        outputs.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(),
        ["0", "1"]
    );
    assert_eq!(p.f32s(outputs[0].1), [0.0, 0.5, 2.0]);
    assert_eq!(p.f32s(outputs[1].1), [-2.0, 1.0, 4.0]);
    let input = p.f32_tensor(&[1, 3], &[0.0; 3]);
    let (code, message) = p.compute(context, vec![("x", input)]).unwrap_err();
    assert_eq!(code, ErrorCode::InvalidArgument);
    assert!(message.contains("#0 (unnamed)"), "{message}");
}

#[test]
fn dynamic_shapes() {
    let mut p = Proxy::new();
    let context = p.context("dynamic");
    for rows in [1u32, 3] {
        let values = (0..rows * 3).map(|i| i as f32 - 2.0).collect::<Vec<_>>();
        let input = p.f32_tensor(&[rows, 3], &values);
        let outputs = p.compute(context, vec![("x", input)]).unwrap();
        assert_eq!(p.dims(outputs[0].1), [rows, 3]);
        assert_eq!(
            p.f32s(outputs[0].1),
            values.iter().map(|v| v.max(0.0)).collect::<Vec<_>>()
        );
    }
    // OpenVINO itself refuses a rank the dynamic shape cannot take.
    let input = p.f32_tensor(&[3], &[1.0, 2.0, 3.0]);
    let (code, message) = p.compute(context, vec![("x", input)]).unwrap_err();
    assert_eq!(code, ErrorCode::InvalidArgument);
    assert!(message.contains("\"x\" (index 0) was refused"), "{message}");
}

// The stateful version: `set-input`, `compute()`, `get-output`.

#[test]
fn stateful_softmax_set_compute_get() {
    let mut p = Proxy::stateful();
    let graph = p.openvino("softmax").unwrap();
    let context = p.init(graph).unwrap();
    let () = p.call("drop-graph", (graph,));
    let input = p.f32_tensor(&[1, 10], &INPUT);
    p.set_input(context, "input", input).unwrap();
    p.run(context).unwrap();
    let expected = softmax(INPUT.iter().map(|x| 2.0 * x + 1.0));
    // By tensor name, and by decimal index when no output has that name.
    let by_name = p.get_output(context, "output").unwrap();
    let by_index = p.get_output(context, "0").unwrap();
    for out in [by_name, by_index] {
        assert_eq!(p.dims(out), [1, 10]);
        assert_eq!(p.ty(out), TensorType::Fp32);
        assert_close(&p.f32s(out), &expected);
    }
    let first = p.data(by_name);
    // Computing again without set-input reuses the inputs: same outputs.
    p.run(context).unwrap();
    let again = p.get_output(context, "output").unwrap();
    assert_eq!(p.data(again), first);
    // A later set-input of the same input, by index this time, replaces it;
    // outputs the guest holds keep their bytes.
    let zeros = p.f32_tensor(&[1, 10], &[0.0; 10]);
    p.set_input(context, "0", zeros).unwrap();
    p.run(context).unwrap();
    let third = p.get_output(context, "output").unwrap();
    assert_close(&p.f32s(third), &[0.1; 10]);
    assert_eq!(p.data(by_name), first);
    assert_eq!(p.data(again), first);
    for tensor in [by_name, by_index, again, third] {
        let () = p.call("drop-tensor", (tensor,));
    }
    let () = p.call("drop-context", (context,));
    // The inputs went with their context: nothing is left.
    assert_eq!(p.live(), 0);
}

#[test]
fn stateful_two_inputs_two_outputs() {
    let mut p = Proxy::stateful();
    let context = p.context("two_io");
    for (name_a, name_b) in [("a", "b"), ("0", "1")] {
        let ta = p.f32_tensor(&[1, 4], &[1.0, 2.0, 3.0, 4.0]);
        let tb = p.f32_tensor(&[1, 4], &[10.0, 20.0, 30.0, 40.0]);
        p.set_input(context, name_b, tb).unwrap();
        p.set_input(context, name_a, ta).unwrap();
        p.run(context).unwrap();
        for (names, expected) in [
            (["sum", "0"], [11.0, 22.0, 33.0, 44.0]),
            (["difference", "1"], [-9.0, -18.0, -27.0, -36.0]),
        ] {
            for name in names {
                let out = p.get_output(context, name).unwrap();
                assert_eq!(p.f32s(out), expected, "{name}");
                let () = p.call("drop-tensor", (out,));
            }
        }
    }
    // "a" then "0" name the same input: the second replaces the first.
    let ta = p.f32_tensor(&[1, 4], &[0.0; 4]);
    p.set_input(context, "a", ta).unwrap();
    let ta = p.f32_tensor(&[1, 4], &[2.0; 4]);
    p.set_input(context, "0", ta).unwrap();
    p.run(context).unwrap();
    let sum = p.get_output(context, "sum").unwrap();
    assert_eq!(p.f32s(sum), [12.0, 22.0, 32.0, 42.0]);
}

#[test]
fn stateful_outputs_of_unnamed_models_go_by_index() {
    let mut p = Proxy::stateful();
    let context = p.context("unnamed");
    let input = p.f32_tensor(&[1, 3], &[-1.0, 0.5, 2.0]);
    p.set_input(context, "0", input).unwrap();
    p.run(context).unwrap();
    let first = p.get_output(context, "0").unwrap();
    let second = p.get_output(context, "1").unwrap();
    assert_eq!(p.f32s(first), [0.0, 0.5, 2.0]);
    assert_eq!(p.f32s(second), [-2.0, 1.0, 4.0]);
    let (code, message) = p.get_output(context, "2").unwrap_err();
    assert_eq!(code, ErrorCode::InvalidArgument);
    assert!(
        message.contains("\"0\" (index 0), \"1\" (index 1)"),
        "{message}"
    );
}

#[test]
fn stateful_bad_inputs_and_outputs_are_errors() {
    let mut p = Proxy::stateful();
    let softmax = p.context("softmax");
    let ten = INPUT
        .iter()
        .flat_map(|v| v.to_le_bytes())
        .collect::<Vec<_>>();
    // Sequence errors: nothing computed yet, nothing set yet.
    let (code, message) = p.get_output(softmax, "output").unwrap_err();
    assert_eq!(code, ErrorCode::InvalidArgument);
    assert!(message.contains("call compute first"), "{message}");
    let (code, message) = p.run(softmax).unwrap_err();
    assert_eq!(code, ErrorCode::InvalidArgument);
    assert!(
        message.contains("missing input(s) \"input\" (index 0)"),
        "{message}"
    );
    let two_io = p.context("two_io");
    let ta = p.f32_tensor(&[1, 4], &[1.0; 4]);
    p.set_input(two_io, "a", ta).unwrap();
    let (code, message) = p.run(two_io).unwrap_err();
    assert_eq!(code, ErrorCode::InvalidArgument);
    assert!(
        message.contains("missing input(s) \"b\" (index 1)"),
        "{message}"
    );

    // set-input checks the name and the tensor at once, and takes the
    // tensor either way.
    type Input<'a> = (&'a str, &'a [u32], TensorType, Vec<u8>, &'a [&'a str]);
    let cases: Vec<Input> = vec![
        (
            "nope",
            &[1, 10],
            TensorType::Fp32,
            ten.clone(),
            &["\"nope\"", "\"input\" (index 0) FP32[1, 10]"],
        ),
        (
            "1",
            &[1, 10],
            TensorType::Fp32,
            ten.clone(),
            &["index 1 is out of range"],
        ),
        (
            "input",
            &[1, 5],
            TensorType::Fp32,
            ten[..20].to_vec(),
            &["expects shape [1, 10]", "[1, 5]"],
        ),
        (
            "input",
            &[1, 10],
            TensorType::Fp32,
            ten[..12].to_vec(),
            &["holds 12 bytes"],
        ),
        (
            "input",
            &[1, 10],
            TensorType::I32,
            ten.clone(),
            &["expects FP32[1, 10]", "tensor is I32"],
        ),
    ];
    let live = p.live();
    for (name, dims, ty, data, needles) in cases {
        let tensor = p.tensor(dims, ty, &data);
        let (code, message) = p.set_input(softmax, name, tensor).unwrap_err();
        assert_eq!(code, ErrorCode::InvalidArgument, "{message}");
        for needle in needles {
            assert!(message.contains(needle), "{message:?} lacks {needle:?}");
        }
    }
    assert_eq!(p.live(), live, "set-input leaked a tensor or an error");
    // Refused inputs were not set.
    let (_, message) = p.run(softmax).unwrap_err();
    assert!(message.contains("missing input(s)"), "{message}");

    // Unknown output names, after a successful compute.
    let input = p.f32_tensor(&[1, 10], &INPUT);
    p.set_input(softmax, "input", input).unwrap();
    p.run(softmax).unwrap();
    for name in ["nope", "1", "", "+0", "output "] {
        let (code, message) = p.get_output(softmax, name).unwrap_err();
        assert_eq!(code, ErrorCode::InvalidArgument, "{message}");
        assert!(
            message.contains(&format!("no output named {name:?}"))
                && message.contains("\"output\" (index 0)"),
            "{message}"
        );
    }

    // A failed compute leaves no outputs behind.
    let dynamic = p.context("dynamic");
    let input = p.f32_tensor(&[1, 3], &[1.0, -2.0, 3.0]);
    p.set_input(dynamic, "x", input).unwrap();
    p.run(dynamic).unwrap();
    let input = p.f32_tensor(&[3], &[1.0, 2.0, 3.0]);
    p.set_input(dynamic, "x", input).unwrap();
    let (code, message) = p.run(dynamic).unwrap_err();
    assert_eq!(code, ErrorCode::InvalidArgument);
    assert!(message.contains("\"x\" (index 0) was refused"), "{message}");
    let (_, message) = p.get_output(dynamic, "0").unwrap_err();
    assert!(message.contains("call compute first"), "{message}");
    // The context works again once given a good input.
    let input = p.f32_tensor(&[2, 3], &[1.0, -2.0, 3.0, -4.0, 5.0, -6.0]);
    p.set_input(dynamic, "x", input).unwrap();
    p.run(dynamic).unwrap();
    let out = p.get_output(dynamic, "0").unwrap();
    assert_eq!(p.dims(out), [2, 3]);
    assert_eq!(p.f32s(out), [1.0, 0.0, 3.0, 0.0, 5.0, 0.0]);
}

#[test]
fn stateful_graph_tensor_and_error_functions() {
    let dir = tempfile::tempdir().unwrap();
    for file in ["xml", "bin"] {
        std::fs::copy(
            models_dir().join(format!("two_io.{file}")),
            dir.path().join(format!("model.{file}")),
        )
        .unwrap();
    }
    let mut registry = Registry::new();
    registry
        .preload(
            &Backends::available(),
            "two_io",
            GraphEncoding::Openvino,
            dir.path(),
        )
        .unwrap();
    let mut p = Proxy::with_registry(true, registry);
    let graph = p.load_by_name("two_io").unwrap();
    let context = p.init(graph).unwrap();
    let () = p.call("drop-graph", (graph,));
    let (code, message) = p.load_by_name("softmax").unwrap_err();
    assert_eq!(code, ErrorCode::NotFound);
    assert!(
        message.contains("\"softmax\"") && message.contains("two_io"),
        "{message}"
    );
    let (code, message) = p
        .load(vec![vec![1]], GraphEncoding::Ggml, ExecutionTarget::Cpu)
        .unwrap_err();
    assert_eq!(code, ErrorCode::InvalidEncoding);
    // The ggml backend's reason, not a Rust type's name.
    assert!(
        message.contains("it is not a GGUF file") && !message.contains("Ggml"),
        "{message}"
    );
    let (code, _) = p
        .load(
            vec![b"garbage".to_vec(), vec![]],
            GraphEncoding::Openvino,
            ExecutionTarget::Cpu,
        )
        .unwrap_err();
    assert_eq!(code, ErrorCode::RuntimeError);
    for ty in [TensorType::U8, TensorType::I64, TensorType::Bf16] {
        let t = p.tensor(&[3, 1], ty, &[7; 48][..3 * size_of(ty)]);
        assert_eq!((p.dims(t), p.ty(t)), (vec![3, 1], ty));
        assert_eq!(p.data(t), vec![7; 3 * size_of(ty)]);
        let () = p.call("drop-tensor", (t,));
    }
    let () = p.call("drop-context", (context,));
    assert_eq!(p.live(), 0);
}

fn size_of(ty: TensorType) -> usize {
    match ty {
        TensorType::U8 => 1,
        TensorType::Fp16 | TensorType::Bf16 => 2,
        TensorType::Fp32 | TensorType::I32 => 4,
        TensorType::Fp64 | TensorType::I64 => 8,
    }
}

#[test]
fn served_versions_are_the_wit_folders() {
    let mut served = nn_host::SERVED_VERSIONS
        .iter()
        .map(|v| v.as_str())
        .collect::<Vec<_>>();
    served.sort_unstable_by(|a, b| b.cmp(a));
    assert_eq!(served, common::wit_versions());
}

#[test]
fn onnx_bytes_load_under_the_openvino_encoding() {
    // As in the reference host, where OpenVINO detects the format.
    let mut p = Proxy::new();
    let graph = p
        .load(
            vec![model("softmax.onnx"), vec![]],
            GraphEncoding::Openvino,
            ExecutionTarget::Cpu,
        )
        .unwrap();
    let context = p.init(graph).unwrap();
    let input = p.f32_tensor(&[1, 10], &INPUT);
    let outputs = p.compute(context, vec![("0", input)]).unwrap();
    assert_close(&p.f32s(outputs[0].1), &softmax(INPUT.iter().cloned()));
}

/// IR XML of one layer `ty` (version `version`, attributes `data`) on a
/// parameter `x` and a constant `c` (`c_bytes` bytes at offset 0 of the
/// weights), with output `y`; shapes are comma-separated dims ("" = scalar).
fn ir_xml(
    (x_type, x_shape): (&str, &str),
    (c_type, c_shape, c_bytes): (&str, &str, usize),
    (ty, version, data): (&str, &str, &str),
    (y_type, y_shape): (&str, &str),
) -> Vec<u8> {
    let dims = |shape: &str| {
        shape
            .split(',')
            .filter(|d| !d.is_empty())
            .map(|d| format!("<dim>{d}</dim>"))
            .collect::<String>()
    };
    let precision = |element: &str| element.to_uppercase().replace("F32", "FP32");
    let (xp, cp, yp) = (precision(x_type), precision(c_type), precision(y_type));
    let (xd, cd, yd) = (dims(x_shape), dims(c_shape), dims(y_shape));
    format!(
        r#"<?xml version="1.0"?>
<net name="generated" version="11">
  <layers>
    <layer id="0" name="x" type="Parameter" version="opset1">
      <data shape="{x_shape}" element_type="{x_type}"/>
      <output><port id="0" precision="{xp}" names="x">{xd}</port></output>
    </layer>
    <layer id="1" name="c" type="Const" version="opset1">
      <data element_type="{c_type}" shape="{c_shape}" offset="0" size="{c_bytes}"/>
      <output><port id="0" precision="{cp}">{cd}</port></output>
    </layer>
    <layer id="2" name="y" type="{ty}" version="{version}">
      <data {data}/>
      <input><port id="0" precision="{xp}">{xd}</port><port id="1" precision="{cp}">{cd}</port></input>
      <output><port id="2" precision="{yp}" names="y">{yd}</port></output>
    </layer>
    <layer id="3" name="out" type="Result" version="opset1">
      <input><port id="0" precision="{yp}">{yd}</port></input>
    </layer>
  </layers>
  <edges>
    <edge from-layer="0" from-port="0" to-layer="2" to-port="0"/>
    <edge from-layer="1" from-port="0" to-layer="2" to-port="1"/>
    <edge from-layer="2" from-port="2" to-layer="3" to-port="0"/>
  </edges>
</net>
"#
    )
    .into_bytes()
}

#[test]
fn outputs_over_the_cap_are_refused_before_allocation() {
    // A scalar broadcast to 65536 × 65536 × 64 FP32 values: 1 TiB.
    let shape = [65536i64, 65536, 64];
    let xml = ir_xml(
        ("f32", ""),
        ("i64", "3", 24),
        ("Broadcast", "opset3", r#"mode="numpy""#),
        ("f32", "65536,65536,64"),
    );
    let bin: Vec<u8> = shape.iter().flat_map(|d| d.to_le_bytes()).collect();
    let started = std::time::Instant::now();
    for stateful in [false, true] {
        let mut p = Proxy::with_registry(stateful, Registry::new());
        let (code, message) = p
            .load(
                vec![xml.clone(), bin.clone()],
                GraphEncoding::Openvino,
                ExecutionTarget::Cpu,
            )
            .unwrap_err();
        assert_eq!(code, ErrorCode::TooLarge, "{message}");
        assert!(
            message.contains(&format!("{} bytes", 1u64 << 40)),
            "{message}"
        );
        assert!(message.contains("cap of 4294967296 bytes"), "{message}");
    }
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
}

#[test]
fn models_and_tensors_over_128_mib() {
    // Wasmtime's default hostcall fuel: 128 MiB copied per host call.
    const LEN: usize = (130 << 20) + 3;
    let shape = LEN.to_string();
    let xml = ir_xml(
        ("u8", &shape),
        ("u8", &shape, LEN),
        ("Add", "opset1", r#"auto_broadcast="numpy""#),
        ("u8", &shape),
    );
    let mut p = Proxy::new();
    // 130 MiB of weights through `load`: the constant is all 1s.
    let graph = p
        .load(
            vec![xml, vec![1; LEN]],
            GraphEncoding::Openvino,
            ExecutionTarget::Cpu,
        )
        .unwrap();
    let context = p.init(graph).unwrap();
    // A 130 MiB tensor in and out.
    let input = (0..LEN).map(|i| (i % 251) as u8).collect::<Vec<_>>();
    let x = p.tensor(&[LEN as u32], TensorType::U8, &input);
    drop(input);
    let outputs = p.compute(context, vec![("x", x)]).unwrap();
    let output = p.data(outputs[0].1);
    assert_eq!(output.len(), LEN);
    assert!(output
        .iter()
        .enumerate()
        .all(|(i, &b)| b == (i % 251) as u8 + 1));
}
