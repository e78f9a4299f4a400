//! Just enough protobuf to read tensor names out of an ONNX `ModelProto`.

use super::{NamesForm, Sink};
use crate::nodata::{is_utf8, same};

/// Cursor over the fields of one message; [`Fields::next_of`] leaves the
/// payload of the field it stops at (the bytes of a length-delimited field,
/// the value's bytes of a fixed-size one, empty for a varint; only the
/// first is ever read) in the cursor, so no call needs a stack frame.
struct Fields<'a> {
    rest: &'a [u8],
    payload: &'a [u8],
    /// A varint was malformed.
    bad: bool,
}

impl<'a> Fields<'a> {
    fn new(message: &'a [u8]) -> Self {
        Fields {
            rest: message,
            payload: b"",
            bad: false,
        }
    }

    /// Moves to the next field numbered `number`, checking every field on
    /// the way. `Some(true)`: found; `Some(false)`: the end of the message;
    /// `None`: malformed, or the field's wire type is not `wire`.
    #[inline(never)]
    fn next_of(&mut self, number: u32, wire: u32) -> Option<bool> {
        loop {
            if self.rest.is_empty() {
                return Some(false);
            }
            // The field's number times 8 plus its wire type.
            let key = self.varint();
            let len = match key & 7 {
                0 => {
                    self.varint();
                    0
                }
                1 => 8,
                2 => usize::try_from(self.varint()).ok()?,
                5 => 4,
                // Groups (3, 4) are not used by ONNX; 6 and 7 do not exist.
                _ => return None,
            };
            if self.bad {
                return None;
            }
            self.payload = self.rest.get(..len)?;
            self.rest = self.rest.get(len..)?;
            match key >> 3 {
                0 => return None,
                n if n == u64::from(number) => return (key & 7 == u64::from(wire)).then_some(true),
                _ => {}
            }
        }
    }

    /// A varint of at most 10 bytes (bits past 64 are ignored: the
    /// value only ever serves as a length checked against the buffer).
    /// A truncated or longer varint sets `bad` and leaves the cursor
    /// (returning a plain `u64` keeps the answer out of memory).
    fn varint(&mut self) -> u64 {
        let mut value = 0u64;
        let mut rest = self.rest;
        let mut shift = 0;
        while let Some((&b, tail)) = rest.split_first().filter(|_| shift < 64) {
            rest = tail;
            value |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                self.rest = rest;
                return value;
            }
            shift += 7;
        }
        self.bad = true;
        0
    }
}

/// The payload of the last occurrence (protobuf's "last one wins" for
/// singular fields) of field `number`, which must have wire type `wire`,
/// checking the whole message; `Some(None)` when absent, `None` when
/// malformed.
fn field(message: &[u8], number: u32, wire: u32) -> Option<Option<&[u8]>> {
    let mut fields = Fields::new(message);
    let mut found = None;
    while fields.next_of(number, wire)? {
        found = Some(fields.payload);
    }
    Some(found)
}

// Field numbers from onnx.proto.
const MODEL_IR_VERSION: u32 = 1;
const MODEL_GRAPH: u32 = 7;
const GRAPH_INITIALIZER: u32 = 5;
const GRAPH_INPUT: u32 = 11;
const GRAPH_OUTPUT: u32 = 12;
const VALUE_INFO_NAME: u32 = 1;
const TENSOR_NAME: u32 = 8;

/// Reports inputs then outputs of the `ModelProto` in `model` to `sink`;
/// `None` when malformed. A message without a varint `ir_version` is not
/// taken for ONNX, so other binary formats do not yield made-up names.
/// Not inlined: the adapter is smaller with the reader as a function of its
/// own.
#[inline(never)]
pub fn parse(model: &[u8], sink: &mut impl Sink) -> Option<()> {
    field(model, MODEL_IR_VERSION, 0)??;
    let graph = field(model, MODEL_GRAPH, 2)??;
    for pass in 0..2 {
        let output = pass == 1;
        let wanted = if output { GRAPH_OUTPUT } else { GRAPH_INPUT };
        let mut fields = Fields::new(graph);
        while fields.next_of(wanted, 2)? {
            let name = field(fields.payload, VALUE_INFO_NAME, 2)?;
            if !output && name.map_or(Some(false), |n| is_initializer(graph, n))? {
                continue;
            }
            let names = match name {
                // `iter().all` rather than `contains`, which brings in a
                // word-at-a-time memchr (about 200 bytes).
                Some(n) if n.iter().all(|&b| b != 0) && is_utf8(n) => n,
                _ => b"",
            };
            sink.tensor(output, NamesForm::Single, names);
        }
    }
    Some(())
}

/// Whether `name` is the name of one of the graph's initializers (a
/// weight that ONNX also lists among the inputs).
fn is_initializer(graph: &[u8], name: &[u8]) -> Option<bool> {
    let mut fields = Fields::new(graph);
    while fields.next_of(GRAPH_INITIALIZER, 2)? {
        if field(fields.payload, TENSOR_NAME, 2)?.is_some_and(|n| same(n, name)) {
            return Some(true);
        }
    }
    Some(false)
}

#[cfg(test)]
mod tests {
    use super::super::testing::{model, run, v};

    #[test]
    fn real_onnx_softmax() {
        let c = run(&model("softmax.onnx")).unwrap();
        assert_eq!(c.inputs, v(&[&["input"]]));
        assert_eq!(c.outputs, v(&[&["output"]]));
    }

    /// A protobuf varint: unsigned LEB128.
    fn varint(out: &mut Vec<u8>, v: u64) {
        leb128::write::unsigned(out, v).unwrap();
    }

    fn field(out: &mut Vec<u8>, number: u64, payload: &[u8]) {
        varint(out, number << 3 | 2);
        varint(out, payload.len() as u64);
        out.extend_from_slice(payload);
    }

    fn value_info(name: &[u8]) -> Vec<u8> {
        let mut v = Vec::new();
        field(&mut v, 1, name);
        v
    }

    fn onnx_model(graph: &[u8]) -> Vec<u8> {
        let mut m = vec![0x08, 0x07]; // ir_version = 7
        field(&mut m, 7, graph);
        m
    }

    #[test]
    fn onnx_initializers_are_not_inputs() {
        let mut g = Vec::new();
        field(&mut g, 11, &value_info(b"x"));
        field(&mut g, 11, &value_info(b"weight"));
        field(&mut g, 11, &value_info(b"y"));
        let mut init = Vec::new();
        field(&mut init, 8, b"weight");
        varint(&mut init, 9 << 3 | 2); // raw_data
        varint(&mut init, 3);
        init.extend_from_slice(b"\x01\x02\x03");
        field(&mut g, 5, &init);
        field(&mut g, 12, &value_info(b"out0"));
        field(&mut g, 12, &value_info(b"out1"));
        let c = run(&onnx_model(&g)).unwrap();
        assert_eq!(c.inputs, v(&[&["x"], &["y"]]));
        assert_eq!(c.outputs, v(&[&["out0"], &["out1"]]));
    }

    #[test]
    fn onnx_missing_and_non_utf8_names_fall_back() {
        let mut g = Vec::new();
        field(&mut g, 11, &[]);
        field(&mut g, 11, &value_info(b"\xff\xfe"));
        field(&mut g, 12, &value_info(b""));
        let c = run(&onnx_model(&g)).unwrap();
        assert_eq!(c.inputs, v(&[&[], &[]]));
        assert_eq!(c.outputs, v(&[&[]]));
    }

    #[test]
    fn malformed_protobuf_never_panics() {
        let good = model("softmax.onnx");
        for len in 0..good.len() {
            let _ = run(&good[..len]);
        }
        let cases: &[&[u8]] = &[
            // not a model: no ir_version / no graph
            b"\x3a\x00",
            b"\x08\x07",
            // huge varint (11 bytes) and a varint past 64 bits
            b"\x08\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01",
            b"\x08\xff\xff\xff\xff\xff\xff\xff\xff\xff\x02",
            // length past the end
            b"\x08\x07\x3a\xff\xff\xff\xff\x0f",
            b"\x08\x07\x3a\x05\x5a\x10",
            // field number 0, groups, wire type 7
            b"\x00\x01",
            b"\x08\x07\x0b",
            b"\x08\x07\x0f",
            // graph with the wrong wire type
            b"\x08\x07\x38\x01",
            // truncated varint
            b"\x08",
        ];
        for case in cases {
            assert!(run(case).is_none(), "{case:?}");
        }
        // Deeply nested length-delimited fields: parsed without recursion.
        let mut nested = Vec::new();
        for _ in 0..10_000 {
            let mut outer = Vec::new();
            field(&mut outer, 11, &nested);
            nested = outer;
            if nested.len() > 100_000 {
                break;
            }
        }
        let _ = run(&onnx_model(&nested));
    }
}
