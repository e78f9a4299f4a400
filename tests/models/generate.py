#!/usr/bin/env python3
"""Writes the small, deterministic models the tests use (run from any folder;
`generate.py ir_names` writes only ir_names.txt).

OpenVINO's Python opset API builds the IR models; the `onnx` package builds the
ONNX one, and the `tflite` and `flatbuffers` packages the TensorFlow Lite one.
Re-running gives the same bytes, and the files are committed so that tests
need no Python at run time.
"""
import os
import random
import re
import sys
import tempfile

import numpy as np
import openvino as ov
import openvino.opset13 as ops

HERE = os.path.dirname(os.path.abspath(__file__))


def save_ir(model, name):
    path = os.path.join(HERE, name + ".xml")
    ov.save_model(model, path, compress_to_fp16=False)


def softmax():
    """One input `input` f32[1,10] -> `output` = softmax(input * 2 + 1).

    The constants give the model a non-empty weights file.
    """
    x = ops.parameter([1, 10], np.float32, name="input")
    x.output(0).set_names({"input"})
    scaled = ops.add(ops.multiply(x, ops.constant(np.float32(2.0))), ops.constant(np.float32(1.0)))
    y = ops.softmax(scaled, axis=1)
    y.output(0).set_names({"output"})
    result = ops.result(y)
    return ov.Model([result], [x], "softmax")


def two_io():
    """Inputs `a` f32[1,4] and `b` f32[1,4]; outputs `sum` = a + b, `difference` = a - b.

    Input 0 is `a`, input 1 is `b`; output 0 is `sum`, output 1 is `difference`
    (the document order of the Parameter and Result layers). The difference
    is not symmetric, so swapping the inputs (or the outputs) changes what a
    guest prints: a wrong index-to-name mapping cannot go unnoticed.
    """
    a = ops.parameter([1, 4], np.float32, name="a")
    a.output(0).set_names({"a"})
    b = ops.parameter([1, 4], np.float32, name="b")
    b.output(0).set_names({"b"})
    s = ops.add(a, b)
    s.output(0).set_names({"sum"})
    d = ops.subtract(a, b)
    d.output(0).set_names({"difference"})
    return ov.Model([ops.result(s), ops.result(d)], [a, b], "two_io")


def identity_u8():
    """Input `bytes` u8[2,3] -> `same` = bytes + 1 (a non-f32 tensor type)."""
    x = ops.parameter([2, 3], np.uint8, name="bytes")
    x.output(0).set_names({"bytes"})
    y = ops.add(x, ops.constant(np.uint8(1)))
    y.output(0).set_names({"same"})
    return ov.Model([ops.result(y)], [x], "identity_u8")


def scale_i32():
    """Input `ints` i32[2,3] -> `scaled` = ints * 3 + 1: a four-byte integer type,
    so a guest whose tensor-type number the host reads as another type (u8,
    f32, f64) gets an error or different numbers."""
    x = ops.parameter([2, 3], np.int32, name="ints")
    x.output(0).set_names({"ints"})
    y = ops.add(ops.multiply(x, ops.constant(np.int32(3))), ops.constant(np.int32(1)))
    y.output(0).set_names({"scaled"})
    return ov.Model([ops.result(y)], [x], "scale_i32")


def all_types():
    """One input per wasi:nn tensor type, `in_<t>` [2] -> `out_<t>` = x + x, in the
    order f16, f32, f64, bf16, u8, i32, i64 (the WIT tensor-type order)."""
    params, results = [], []
    for name, ty in [("f16", ov.Type.f16), ("f32", ov.Type.f32), ("f64", ov.Type.f64), ("bf16", ov.Type.bf16),
                     ("u8", ov.Type.u8), ("i32", ov.Type.i32), ("i64", ov.Type.i64)]:
        x = ops.parameter([2], ty, name="in_" + name)
        x.output(0).set_names({"in_" + name})
        y = ops.add(x, x)
        y.output(0).set_names({"out_" + name})
        params.append(x)
        results.append(ops.result(y))
    return ov.Model(results, params, "all_types")


def unnamed():
    """An IR without tensor names: f32[1,3] -> relu, two outputs (relu, x + x);
    inputs are reachable only by index and outputs are named "0" and "1"."""
    x = ops.parameter([1, 3], np.float32, name="x")
    return ov.Model([ops.result(ops.relu(x)), ops.result(ops.add(x, x))], [x], "unnamed")


def dynamic():
    """`x` f32[?,3] (dynamic batch) -> `y` = relu(x): output shapes are known only after inference."""
    x = ops.parameter(ov.PartialShape([-1, 3]), np.float32, name="x")
    x.output(0).set_names({"x"})
    y = ops.relu(x)
    y.output(0).set_names({"y"})
    return ov.Model([ops.result(y)], [x], "dynamic")


def strip_names(name):
    """save_model invents tensor names; remove them so the IR has none at all."""
    path = os.path.join(HERE, name + ".xml")
    with open(path) as f:
        xml = f.read()
    xml = re.sub(r' (output_)?names="[^"]*"', "", xml)
    with open(path, "w") as f:
        f.write(xml)


def softmax_onnx():
    """ONNX: `input` f32[1,10] -> `output` = Softmax(input)."""
    import onnx
    from onnx import TensorProto, helper

    node = helper.make_node("Softmax", ["input"], ["output"], axis=1)
    graph = helper.make_graph(
        [node],
        "softmax_onnx",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, [1, 10])],
        [helper.make_tensor_value_info("output", TensorProto.FLOAT, [1, 10])],
    )
    model = helper.make_model(graph, producer_name="nn-componentize", opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model.SerializeToString(deterministic=True)


# The constant `softmax_tflite` adds to its input.
TFLITE_BIAS = [0.5, -1.0, 2.0, 0.0]


def softmax_tflite():
    """TensorFlow Lite: `x` f32[1,4] -> `probabilities` = SOFTMAX(ADD(x, bias)),
    bias = TFLITE_BIAS (a constant buffer, so the model's weights are read too).

    Written with the flatbuffers builder API of the `tflite` package (the
    generated code of TensorFlow's schema.fbs), without TensorFlow itself.
    """
    import flatbuffers
    import tflite as t

    b = flatbuffers.Builder(0)

    def vector(start, items, prepend):
        start(b, len(items))
        for item in reversed(items):
            prepend(item)
        return b.EndVector()

    def ints(start, items):
        return vector(start, items, b.PrependInt32)

    def tables(start, items):
        return vector(start, items, b.PrependUOffsetTRelative)

    # Buffer 0 is the schema's empty sentinel; buffer 1 holds the bias.
    bias = b.CreateNumpyVector(np.frombuffer(np.array(TFLITE_BIAS, "<f4").tobytes(), np.uint8))
    buffers = []
    for data in [None, bias]:
        t.BufferStart(b)
        if data is not None:
            t.BufferAddData(b, data)
        buffers.append(t.BufferEnd(b))
    # Tensors 0..3: x, bias, shifted, probabilities.
    tensors = []
    for name, buffer in [("x", 0), ("bias", 1), ("shifted", 0), ("probabilities", 0)]:
        name = b.CreateString(name)
        shape = ints(t.TensorStartShapeVector, [1, 4])
        t.TensorStart(b)
        t.TensorAddShape(b, shape)
        t.TensorAddType(b, t.TensorType.FLOAT32)
        t.TensorAddBuffer(b, buffer)
        t.TensorAddName(b, name)
        tensors.append(t.TensorEnd(b))
    t.AddOptionsStart(b)
    add_options = t.AddOptionsEnd(b)
    t.SoftmaxOptionsStart(b)
    t.SoftmaxOptionsAddBeta(b, 1.0)
    softmax_options = t.SoftmaxOptionsEnd(b)
    operators = []
    for code, inputs, outputs, options_type, options in [
        (0, [0, 1], [2], t.BuiltinOptions.AddOptions, add_options),
        (1, [2], [3], t.BuiltinOptions.SoftmaxOptions, softmax_options),
    ]:
        inputs = ints(t.OperatorStartInputsVector, inputs)
        outputs = ints(t.OperatorStartOutputsVector, outputs)
        t.OperatorStart(b)
        t.OperatorAddOpcodeIndex(b, code)
        t.OperatorAddInputs(b, inputs)
        t.OperatorAddOutputs(b, outputs)
        t.OperatorAddBuiltinOptionsType(b, options_type)
        t.OperatorAddBuiltinOptions(b, options)
        operators.append(t.OperatorEnd(b))
    codes = []
    for builtin in [t.BuiltinOperator.ADD, t.BuiltinOperator.SOFTMAX]:
        t.OperatorCodeStart(b)
        t.OperatorCodeAddDeprecatedBuiltinCode(b, builtin)
        t.OperatorCodeAddBuiltinCode(b, builtin)
        t.OperatorCodeAddVersion(b, 1)
        codes.append(t.OperatorCodeEnd(b))
    tensors = tables(t.SubGraphStartTensorsVector, tensors)
    inputs = ints(t.SubGraphStartInputsVector, [0])
    outputs = ints(t.SubGraphStartOutputsVector, [3])
    operators = tables(t.SubGraphStartOperatorsVector, operators)
    name = b.CreateString("main")
    t.SubGraphStart(b)
    t.SubGraphAddTensors(b, tensors)
    t.SubGraphAddInputs(b, inputs)
    t.SubGraphAddOutputs(b, outputs)
    t.SubGraphAddOperators(b, operators)
    t.SubGraphAddName(b, name)
    subgraphs = tables(t.ModelStartSubgraphsVector, [t.SubGraphEnd(b)])
    codes = tables(t.ModelStartOperatorCodesVector, codes)
    buffers = tables(t.ModelStartBuffersVector, buffers)
    description = b.CreateString("nn-componentize test model")
    t.ModelStart(b)
    t.ModelAddVersion(b, 3)
    t.ModelAddOperatorCodes(b, codes)
    t.ModelAddSubgraphs(b, subgraphs)
    t.ModelAddDescription(b, description)
    t.ModelAddBuffers(b, buffers)
    b.Finish(t.ModelEnd(b), file_identifier=b"TFL3")
    model = bytes(b.Output())
    check_softmax_tflite(model)
    return model


def check_softmax_tflite(model):
    """Has OpenVINO's TensorFlow Lite frontend (which reads only files) compute
    softmax(x + bias) with the tensor names the tests use."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "model.tflite")
        with open(path, "wb") as f:
            f.write(model)
        read = ov.Core().read_model(path)
    assert [p.get_names() for p in read.inputs] == [{"x"}], read.inputs
    assert [p.get_names() for p in read.outputs] == [{"probabilities"}], read.outputs
    x = np.array([[1.0, 2.0, 3.0, 4.0]], np.float32)
    shifted = x + np.array(TFLITE_BIAS, np.float32)
    expected = np.exp(shifted - shifted.max()) / np.exp(shifted - shifted.max()).sum()
    got = ov.Core().compile_model(read, "CPU")([x])[0]
    assert np.allclose(got, expected, atol=1e-6), (got, expected)


# A Parameter feeding a Result; `@NAMES@` is the Parameter port's raw `names` attribute.
NAMES_IR = (
    '<?xml version="1.0"?>\n<net name="names" version="11"><layers>'
    '<layer id="0" name="x" type="Parameter" version="opset1"><data shape="1" element_type="f32" />'
    '<output><port id="0" precision="FP32" names="@NAMES@"><dim>1</dim></port></output></layer>'
    '<layer id="1" name="r" type="Result" version="opset1"><input><port id="0" precision="FP32"><dim>1</dim></port>'
    '</input></layer></layers><edges><edge from-layer="0" from-port="0" to-layer="1" to-port="0" /></edges></net>\n'
)

# The pieces random names attributes are made of: XML escapes (good and
# broken), character references (NUL, separators, non-ASCII, surrogates, out
# of range, overflowing 32 bits), the IR list syntax and raw whitespace.
NAMES_PIECES = [
    b"a", b"b", b"in", b"x1", b" ", b"  ", b"\\", b"\\\\", b"\\,", b",", b",,", b"\t", b"\r", b"\n", b"\r\n",
    b"&amp;", b"&lt;", b"&gt;", b"&quot;", b"&apos;", b"&#0;", b"&#9;", b"&#10;", b"&#13;", b"&#44;", b"&#92;",
    b"&#65;", b"&#x41;", b"&#xe9;", b"&#x1F600;", b"&#xD800;", b"&#x110000;", b"&#4294967361;", b"&#X41;",
    b"&#;", b"&#x;", b"&#12x;", b"&amp", b"&bogus;", b"&", b"'", b">", b"<", "\u00e9".encode(), "\u65e5".encode(),
    b"\xff", b"\x00",
]


def names_fixture():
    """tests/models/ir_names.txt: what OpenVINO's IR reader makes of a few
    hundred seeded random `names` attributes, for the adapter's differential
    unit test (adapter/names). One line per attribute: its raw bytes in hex,
    then `ok` and the hex of every name of the input tensor (sorted; the output
    tensor is the same one and must agree), `not-utf8` when OpenVINO reads it
    but a name is not UTF-8, or `rejected` when OpenVINO refuses the IR."""
    rng = random.Random(15)
    core = ov.Core()
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        xml, weights = os.path.join(tmp, "m.xml"), os.path.join(tmp, "m.bin")
        open(weights, "wb").close()
        for _ in range(400):
            attr = b"".join(rng.choice(NAMES_PIECES) for _ in range(rng.randint(1, 8)))
            with open(xml, "wb") as f:
                f.write(NAMES_IR.encode().replace(b"@NAMES@", attr))
            try:
                model = core.read_model(xml, weights)
            except RuntimeError:
                lines.append(attr.hex() + " rejected")
                continue
            try:
                names = sorted(n.encode() for n in model.inputs[0].get_names())
                assert names == sorted(n.encode() for n in model.outputs[0].get_names())
            except UnicodeDecodeError:
                lines.append(attr.hex() + " not-utf8")
                continue
            lines.append(" ".join([attr.hex(), "ok"] + [n.hex() for n in names]))
    with open(os.path.join(HERE, "ir_names.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")


def main():
    if sys.argv[1:] == ["ir_names"]:
        # Only the fixture (needs no `onnx` package).
        names_fixture()
        return
    save_ir(softmax(), "softmax")
    save_ir(two_io(), "two_io")
    save_ir(identity_u8(), "identity_u8")
    save_ir(all_types(), "all_types")
    save_ir(unnamed(), "unnamed")
    strip_names("unnamed")
    save_ir(dynamic(), "dynamic")
    # Last: OpenVINO numbers unnamed layers in creation order, so a model added
    # before the others would rename their layers.
    save_ir(scale_i32(), "scale_i32")
    with open(os.path.join(HERE, "softmax.onnx"), "wb") as f:
        f.write(softmax_onnx())
    with open(os.path.join(HERE, "softmax.tflite"), "wb") as f:
        f.write(softmax_tflite())
    names_fixture()


if __name__ == "__main__":
    main()
