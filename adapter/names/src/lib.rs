//! Tensor names from model bytes: WIT `compute` addresses inputs and outputs
//! by name, the legacy ABI by index, so at `load` the adapter reads the names
//! out of the model it is given.
//!
//! * OpenVINO IR XML: input *i* is the *i*-th top-level `Parameter` layer in
//!   document order, named by its output port's `names` attribute. Output *i*
//!   is the *i*-th top-level `Result` layer, named by its `output_names`
//!   attribute (IRs written by OpenVINO 2025 and later), else by the `names`
//!   of the port that feeds it (found through `<edges>`, with a hash table
//!   in memory the caller gives through [`Scratch`], so that time stays
//!   linear in the number of outputs). A names attribute
//!   lists several names separated by commas; a comma inside a name is
//!   written `\,` (the splitting rule of OpenVINO's IR reader).
//! * ONNX `ModelProto`: inputs are `graph.input` minus the names that also
//!   appear in `graph.initializer`, outputs are `graph.output`.
//!
//! Everything here is a pure function over `&[u8]` that never panics and
//! never recurses on input structure: a malformed, truncated or hostile model
//! makes [`parse`] return `false`, and the caller then names every tensor by
//! its decimal index. A name that is not valid UTF-8 (WIT strings must be) is
//! dropped; a tensor with no usable name also falls back to its index.
//!
//! The crate builds for wasm32 inside the adapter, where every byte counts
//! against a 12 KiB limit and byte-string literals or arrays would become
//! forbidden data segments (hence [`nodata`]), and for the host: unit tests,
//! and `nn-componentize`, which reads the names of preloaded models at
//! componentize time with exactly the adapter's rules.
//!
//! * [`ir_xml`]: the OpenVINO IR reader (and the IR names-attribute rules);
//! * [`onnx`]: the ONNX `ModelProto` reader;
//! * [`table`]: the compact per-graph name table the adapter keeps.

#![cfg_attr(target_arch = "wasm32", no_std)]
#![deny(unsafe_op_in_unsafe_fn)]

#[macro_use]
pub mod nodata;
pub mod ir_xml;
pub mod onnx;
pub mod table;
#[cfg(test)]
mod testing;

pub use ir_xml::{Record, Scratch};
pub use table::{table_names, Buf, TableNames, TableWriter};

/// Receives the parsed names: first every input in order, then every output.
pub trait Sink {
    /// Starts the next tensor, whose unparsed names are `names` in the form
    /// `form` ([`decode`] turns them into names); `output` tells inputs and
    /// outputs apart. (Scalars: one enum holding the bytes would be three
    /// words, passed through memory at every call.)
    fn tensor(&mut self, output: bool, form: NamesForm, names: &[u8]);

    /// What the input [`Sink::tensor`] just reported declares: the raw
    /// `element_type` and `shape` attribute values of its IR `Parameter`
    /// (empty when absent; [`ir_xml::element_type`] and
    /// [`ir_xml::declared_dims`] read them). Reported for every IR input, for
    /// no ONNX one. Ignored unless a sink wants it.
    fn declared(&mut self, _element_type: &[u8], _shape: &[u8]) {}
}

/// The form of a tensor's unparsed names. In either form, empty names are
/// no names: the tensor is named by its index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NamesForm {
    /// An IR names attribute value, still XML-escaped, comma-separated with
    /// `\,` escapes; empty when the attribute is absent. [`decode`] drops
    /// it whole where OpenVINO would read a name that is not UTF-8 or
    /// reject the IR.
    IrList,
    /// One ONNX name, verbatim, already checked to be UTF-8 without NUL.
    Single,
}

/// Receives decoded names byte by byte, so that no allocation is needed here.
pub trait NameOut {
    /// The next byte of the current name (never NUL).
    fn byte(&mut self, b: u8);
    /// The current name is complete (it is never empty, but may not be
    /// UTF-8 until the tensor's names are known to be decodable).
    fn end(&mut self);
    /// The tensor's names turned out to be undecodable: forget every name
    /// reported for it so far.
    fn abort(&mut self);
}

/// Parses `model` (the first graph builder) for tensor names and reports them
/// to `sink`. Bytes that start with `<` (after an optional BOM and
/// whitespace) are read as IR XML, anything else as an ONNX `ModelProto`.
/// `scratch` serves the IR reader (see [`Scratch`]). Returns `false` when
/// the model could not be parsed; the sink must then forget what it was
/// told.
pub fn parse(model: &[u8], sink: &mut impl Sink, scratch: &mut impl Scratch) -> bool {
    if looks_like_xml(model) {
        ir_xml::parse(model, sink, scratch).is_some()
    } else {
        onnx::parse(model, sink).is_some()
    }
}

/// True when `bytes` start like an XML document.
pub fn looks_like_xml(bytes: &[u8]) -> bool {
    let rest = if key!(b"\xEF\xBB\xBF").starts(bytes) {
        bytes.get(3..).unwrap_or(b"")
    } else {
        bytes
    };
    rest.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<')
}

/// Decodes `names` (in the form `form`) into individual names, in order,
/// reporting them to `out`.
pub fn decode(form: NamesForm, names: &[u8], out: &mut impl NameOut) {
    match form {
        NamesForm::Single => {
            if !names.is_empty() {
                names.iter().for_each(|&b| out.byte(b));
                out.end();
            }
        }
        NamesForm::IrList => {
            let mut split = ir_xml::Splitter {
                out,
                escaped: false,
                nonempty: false,
            };
            if ir_xml::unescape(names, &mut split) {
                split.finish();
            } else {
                split.out.abort();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing() {
        assert!(looks_like_xml(b"<net/>"));
        assert!(looks_like_xml(b"\xEF\xBB\xBF\n <?xml?>"));
        assert!(!looks_like_xml(b""));
        assert!(!looks_like_xml(b"\x08\x07"));
    }
}
