//! Tensor names from model bytes: WIT `compute` addresses inputs and outputs
//! by name, the legacy ABI by index, so at `load` the adapter reads the names
//! out of the model it is given.
//!
//! * OpenVINO IR XML: input *i* is the *i*-th top-level `Parameter` layer in
//!   document order, named by its output port's `names` attribute. Output *i*
//!   is the *i*-th top-level `Result` layer, named by its `output_names`
//!   attribute (IRs written by OpenVINO 2025 and later), else by the `names`
//!   of the port that feeds it (found through `<edges>`). A names attribute
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
//! The module builds for wasm32 (inside the adapter, where every byte counts
//! against a 12 KiB limit and byte-string literals or arrays would become
//! forbidden data segments, hence [`Key`]) and for the host (unit tests).

/// Receives the parsed names: first every input in order, then every output.
pub trait Sink {
    /// Starts the next tensor; `output` tells inputs and outputs apart.
    fn tensor(&mut self, output: bool, names: RawNames<'_>);
}

/// The unparsed names of one tensor; [`decode`] turns them into names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RawNames<'a> {
    /// No name is known: the tensor is named by its index.
    None,
    /// An IR names attribute value, still XML-escaped, comma-separated with
    /// `\,` escapes. [`decode`] drops it whole if it is not UTF-8 or has a
    /// bad entity.
    IrList(&'a [u8]),
    /// One ONNX name, verbatim, already checked to be UTF-8 without NUL.
    Single(&'a [u8]),
}

/// Receives decoded names byte by byte, so that no allocation is needed here.
pub trait NameOut {
    /// The next byte of the current name (never NUL).
    fn byte(&mut self, b: u8);
    /// The current name is complete (it is never empty).
    fn end(&mut self);
    /// The tensor's names turned out to be undecodable: forget every name
    /// reported for it so far.
    fn abort(&mut self);
}

/// Parses `model` (the first graph builder) for tensor names and reports them
/// to `sink`. Bytes that start with `<` (after an optional BOM and
/// whitespace) are read as IR XML, anything else as an ONNX `ModelProto`.
/// Returns `false` when the model could not be parsed; the sink must then
/// forget what it was told.
pub fn parse(model: &[u8], sink: &mut impl Sink) -> bool {
    if looks_like_xml(model) {
        xml::parse(model, sink).is_some()
    } else {
        onnx::parse(model, sink).is_some()
    }
}

/// A byte string of at most 15 bytes packed into two integers at compile
/// time, so comparing against it needs no copy of the bytes in linear memory.
/// Always build it in a constant (see `key!`) so the literal only exists
/// during compilation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    /// Bytes 0..8, first byte lowest.
    lo: u64,
    /// The length in the low byte, then bytes 8..15: small for most keys,
    /// which keeps the constants short. (Two words, so a `Key` is passed in
    /// registers: a larger struct would be passed by reference to a constant
    /// in memory, i.e. a data segment.)
    hi: u64,
}

/// `key!(b"text")`: a [`Key`] evaluated at compile time.
macro_rules! key {
    ($s:literal) => {{
        const K: $crate::names::Key = $crate::names::Key::new($s);
        K
    }};
}

impl Key {
    pub const fn new(s: &[u8]) -> Key {
        assert!(s.len() < 16);
        let mut key = Key {
            lo: 0,
            hi: s.len() as u64,
        };
        let mut i = 0;
        while i < s.len() {
            if i < 8 {
                key.lo |= (s[i] as u64) << (8 * i);
            } else {
                key.hi |= (s[i] as u64) << (8 * (i - 7));
            }
            i += 1;
        }
        key
    }

    fn len(self) -> usize {
        (self.hi & 0xff) as usize
    }

    /// Whether `s` starts with this key. Not inlined: one copy of the loop
    /// is smaller than one per call site.
    #[inline(never)]
    pub fn starts(self, s: &[u8]) -> bool {
        s.len() >= self.len()
            && s.iter().take(self.len()).enumerate().all(|(i, &b)| {
                let byte = if i < 8 {
                    self.lo >> (8 * i)
                } else {
                    self.hi >> (8 * (i - 7))
                };
                b == byte as u8
            })
    }

    /// Whether `s` is exactly this key.
    pub fn is(self, s: &[u8]) -> bool {
        s.len() == self.len() && self.starts(s)
    }

    /// Offset just past the first occurrence of this key in `hay`.
    pub fn end_in(self, hay: &[u8]) -> Option<usize> {
        (0..hay.len())
            .find(|&i| self.starts(hay.get(i..).unwrap_or(b"")))
            .map(|i| i + self.len())
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

/// Strict UTF-8 check (what a WIT `string` must be). Written out because
/// `core::str::from_utf8` brings a 256-byte lookup table, i.e. a data
/// segment, into the adapter.
pub fn is_utf8(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    while let Some((&b, tail)) = rest.split_first() {
        rest = tail;
        let (extra, min) = match b {
            0x00..=0x7f => continue,
            0xc0..=0xdf => (1, 0x80),
            0xe0..=0xef => (2, 0x800),
            0xf0..=0xf7 => (3, 0x10000),
            _ => return false,
        };
        let mut code = u32::from(b) & (0x3f >> extra);
        for _ in 0..extra {
            match rest.split_first() {
                Some((&c, tail)) if c & 0xc0 == 0x80 => {
                    code = code << 6 | u32::from(c & 0x3f);
                    rest = tail;
                }
                _ => return false,
            }
        }
        if code < min || code > 0x10ffff || (0xd800..0xe000).contains(&code) {
            return false;
        }
    }
    true
}

/// Decodes `raw` into individual names, in order, reporting them to `out`.
pub fn decode(raw: RawNames<'_>, out: &mut impl NameOut) {
    match raw {
        RawNames::None => {}
        RawNames::Single(name) => {
            name.iter().for_each(|&b| out.byte(b));
            out.end();
        }
        RawNames::IrList(value) => {
            let mut split = Splitter {
                out,
                escaped: false,
                nonempty: false,
            };
            if xml::unescape(value, &mut split) {
                split.finish();
            } else {
                split.out.abort();
            }
        }
    }
}

/// OpenVINO's tensor-name list splitting over XML-decoded bytes: tokens are
/// runs of (any char but `\`, `,` and newline | `\` followed by a char), `\,`
/// becomes `,`, other `\x` pairs stay verbatim, empty tokens and a lone
/// trailing `\` vanish (the regex `(?:[^\\,\n]|\\.)+` of the IR reader). NUL,
/// which no XML name can contain, also separates.
struct Splitter<'o, O: NameOut> {
    out: &'o mut O,
    escaped: bool,
    nonempty: bool,
}

impl<O: NameOut> Splitter<'_, O> {
    fn byte(&mut self, b: u8) {
        let separator = b == b'\n' || b == 0;
        if self.escaped {
            self.escaped = false;
            if b != b',' && !separator {
                self.emit(b'\\');
            }
        } else if b == b'\\' {
            self.escaped = true;
            return;
        } else if b == b',' {
            self.finish();
            return;
        }
        if separator {
            self.finish();
        } else {
            self.emit(b);
        }
    }

    fn emit(&mut self, b: u8) {
        self.nonempty = true;
        self.out.byte(b);
    }

    fn finish(&mut self) {
        self.escaped = false;
        if self.nonempty {
            self.nonempty = false;
            self.out.end();
        }
    }
}

/// A minimal, non-validating, non-recursive XML scanner that is just enough
/// for OpenVINO IR as OpenVINO writes it (pugixml: attribute values in double
/// quotes, `"` `<` `>` `&` escaped inside them). Comments, processing
/// instructions and `<!…>` declarations are skipped; nesting is a counter
/// (end-tag names are not matched), so depth costs nothing; the scanner
/// remembers only which part of `<net>` (layers or edges) and of a layer
/// (`<output>` or not) it is in, which is all the IR rules need. Documents
/// outside that dialect may get wrong or no names, never a panic.
pub mod xml {
    use super::{Key, NameOut, RawNames, Sink, Splitter};

    /// One start tag.
    #[derive(Clone, Copy)]
    struct Tag<'a> {
        /// 1 for the root element.
        depth: u32,
        name: &'a [u8],
        /// Raw bytes between the tag name and `>`.
        attrs: &'a [u8],
        /// The element at depth 2 it is in: [`LAYERS`], [`EDGES`] or 0.
        part: u32,
        /// Inside an `<output>` at depth 4 (a layer's output ports).
        output: bool,
    }

    /// `<net><layers>`.
    const LAYERS: u32 = 1;
    /// `<net><edges>`.
    const EDGES: u32 = 2;

    impl<'a> Tag<'a> {
        /// The raw (still XML-escaped) value of attribute `key` (see
        /// [`attr`]).
        fn attr(&self, key: Key) -> &'a [u8] {
            attr(self.attrs, key)
        }

        /// A top-level `<layer>` (not one of a `TensorIterator` body).
        fn is_layer(&self) -> bool {
            self.depth == 3 && self.part == LAYERS && key!(b"layer").is(self.name)
        }

        /// A `<port>` in the `<output>` of a top-level layer.
        fn is_output_port(&self) -> bool {
            self.depth == 5 && self.part == LAYERS && self.output && key!(b"port").is(self.name)
        }

        /// An `<edge>` of the top-level `<edges>`.
        fn is_edge(&self) -> bool {
            self.depth == 3 && self.part == EDGES && key!(b"edge").is(self.name)
        }

        /// A top-level layer of type `ty`.
        fn is_layer_of(&self, ty: Key) -> bool {
            self.is_layer() && ty.is(self.attr(key!(b"type")))
        }
    }

    /// The raw (still XML-escaped) value of attribute `key` in the attribute
    /// text `attrs`: the bytes between ` key="` and the next `"`. Empty when
    /// absent; an empty value counts as absent everywhere in the IR rules.
    #[inline(never)]
    fn attr(attrs: &[u8], key: Key) -> &[u8] {
        let mut rest = attrs;
        while let Some((&b, tail)) = rest.split_first() {
            rest = tail;
            if b.is_ascii_whitespace() && key.starts(rest) {
                let value = rest.get(key.len()..).unwrap_or(b"");
                if key!(b"=\"").starts(value) {
                    let value = value.get(2..).unwrap_or(b"");
                    let end = value.iter().position(|&c| c == b'"').unwrap_or(0);
                    return value.get(..end).unwrap_or(b"");
                }
            }
        }
        b""
    }

    /// Whether attribute values `a` and `b` are equal and not empty.
    fn same(a: &[u8], b: &[u8]) -> bool {
        !a.is_empty() && a == b
    }

    /// What [`Scanner::next`] found.
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum Step {
        /// A start tag, now in `Scanner::tag`.
        Start,
        /// The end of an element; `Scanner::depth` is now its parent's
        /// depth. (No payload, so a `Step` fits in one value.)
        End,
        /// The well-formed end of the document.
        Done,
        /// The document is malformed.
        Bad,
    }

    /// Iterates over a document's tags. Results are kept in the scanner
    /// rather than returned, so that no call needs a stack frame.
    struct Scanner<'a> {
        rest: &'a [u8],
        depth: u32,
        part: u32,
        output: bool,
        seen_root: bool,
        /// An empty-element tag (`<x/>`) was returned: its end comes next.
        pending_end: bool,
        /// The last start tag.
        tag: Tag<'a>,
    }

    impl<'a> Scanner<'a> {
        /// Not inlined: three scans start here.
        #[inline(never)]
        fn new(doc: &'a [u8]) -> Self {
            let tag = Tag {
                depth: 0,
                name: b"",
                attrs: b"",
                part: 0,
                output: false,
            };
            Scanner {
                rest: doc,
                depth: 0,
                part: 0,
                output: false,
                seen_root: false,
                pending_end: false,
                tag,
            }
        }

        #[inline(never)]
        fn next(&mut self) -> Step {
            if self.pending_end {
                self.pending_end = false;
                self.depth -= 1;
                return Step::End;
            }
            loop {
                let Some(lt) = self.rest.iter().position(|&b| b == b'<') else {
                    // Only text may follow the root element.
                    return if self.depth == 0 && self.seen_root {
                        Step::Done
                    } else {
                        Step::Bad
                    };
                };
                let tag = self.rest.get(lt + 1..).unwrap_or(b"");
                let kind = tag.first().copied().unwrap_or(0);
                // The tag ends at the first `>` outside double quotes
                // (a comment at its `-->`).
                let mut quoted = false;
                let end = if key!(b"!--").starts(tag) {
                    key!(b"-->").end_in(tag).map(|e| e - 1)
                } else {
                    tag.iter().position(|&b| {
                        quoted ^= b == b'"';
                        b == b'>' && !quoted
                    })
                };
                let Some(end) = end else { return Step::Bad };
                let body = tag.get(..end).unwrap_or(b"");
                self.rest = tag.get(end + 1..).unwrap_or(b"");
                match kind {
                    b'!' | b'?' => continue,
                    b'/' if self.depth > 0 => {
                        self.depth -= 1;
                        return Step::End;
                    }
                    _ => return self.start_tag(body),
                }
            }
        }

        /// Takes in the start tag `body` (between `<` and `>`).
        fn start_tag(&mut self, body: &'a [u8]) -> Step {
            let name_len = body
                .iter()
                .position(|&b| b.is_ascii_whitespace() || b == b'/')
                .unwrap_or(body.len());
            if name_len == 0 || (self.depth == 0 && self.seen_root) {
                return Step::Bad;
            }
            self.pending_end = body.last() == Some(&b'/');
            self.seen_root = true;
            self.depth += 1;
            let name = body.get(..name_len).unwrap_or(b"");
            if self.depth == 2 {
                self.part = if key!(b"layers").is(name) {
                    LAYERS
                } else if key!(b"edges").is(name) {
                    EDGES
                } else {
                    0
                };
            } else if self.depth == 4 {
                self.output = key!(b"output").is(name);
            }
            let attrs = body.get(name_len..).unwrap_or(b"");
            self.tag = Tag {
                depth: self.depth,
                name,
                attrs,
                part: self.part,
                output: self.output,
            };
            Step::Start
        }
    }

    /// XML-decodes an attribute value into `out`: the five predefined
    /// entities (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, all OpenVINO's
    /// writer produces in names). Returns `false` (after emitting an
    /// unspecified prefix) when the value is not UTF-8 or holds any other
    /// `&` sequence, character references included: that tensor then falls
    /// back to its index, which costs less adapter size than decoding them.
    pub(super) fn unescape<O: NameOut>(value: &[u8], out: &mut Splitter<'_, O>) -> bool {
        if !super::is_utf8(value) {
            return false;
        }
        let mut rest = value;
        while let Some((&b, tail)) = rest.split_first() {
            rest = tail;
            if b != b'&' {
                out.byte(b);
                continue;
            }
            let (c, len) = if key!(b"amp;").starts(rest) {
                (b'&', 4)
            } else if key!(b"lt;").starts(rest) {
                (b'<', 3)
            } else if key!(b"gt;").starts(rest) {
                (b'>', 3)
            } else if key!(b"quot;").starts(rest) {
                (b'"', 5)
            } else if key!(b"apos;").starts(rest) {
                (b'\'', 5)
            } else {
                return false;
            };
            out.byte(c);
            rest = rest.get(len..).unwrap_or(b"");
        }
        true
    }

    /// A names attribute as [`RawNames`]: `None` when absent or empty.
    fn raw(value: &[u8]) -> RawNames<'_> {
        if value.is_empty() {
            RawNames::None
        } else {
            RawNames::IrList(value)
        }
    }

    /// Reports inputs then outputs of the IR in `doc` to `sink`; `None` when
    /// the document is malformed.
    pub fn parse(doc: &[u8], sink: &mut impl Sink) -> Option<()> {
        for pass in 0..2 {
            let outputs = pass == 1;
            // The tensor of the current top-level layer, reported at its end
            // tag so that its ports have been seen.
            let mut pending: Option<RawNames<'_>> = None;
            let mut scanner = Scanner::new(doc);
            loop {
                let tag = match scanner.next() {
                    Step::Bad => return None,
                    Step::Done => break,
                    Step::End => {
                        // The end of a depth-3 element (a layer).
                        if scanner.depth == 2 {
                            if let Some(names) = pending.take() {
                                sink.tensor(outputs, names);
                            }
                        }
                        continue;
                    }
                    Step::Start => scanner.tag,
                };
                if !outputs && tag.is_layer_of(key!(b"Parameter")) {
                    pending = Some(RawNames::None);
                } else if tag.is_output_port() && pending == Some(RawNames::None) {
                    pending = Some(raw(tag.attr(key!(b"names"))));
                } else if outputs && tag.is_layer_of(key!(b"Result")) {
                    let mut names = tag.attr(key!(b"output_names"));
                    if names.is_empty() {
                        names = producer_names(doc, tag.attr(key!(b"id")));
                    }
                    pending = Some(raw(names));
                }
            }
        }
        Some(())
    }

    /// The `names` of the port that feeds the top-level layer with id `to`
    /// (empty when there is none): the first `<edge>` whose `to-layer` is
    /// `to` gives `from-layer` and `from-port`, and the output port with id
    /// `from-port` of the top-level layer with id `from-layer` has the names.
    /// An empty id matches nothing. A malformed document yields nothing here;
    /// the caller's own scan of the same document rejects it.
    #[inline(never)]
    fn producer_names<'a>(doc: &'a [u8], to: &[u8]) -> &'a [u8] {
        // Scan 0 looks for the edge, scan 1 for the port.
        let (mut layer, mut port): (&[u8], &[u8]) = (b"", b"");
        for scan in 0..2 {
            let mut scanner = Scanner::new(doc);
            let mut in_layer = false;
            loop {
                match scanner.next() {
                    Step::Start => {}
                    Step::End => continue,
                    Step::Done | Step::Bad => break,
                }
                let tag = &scanner.tag;
                if scan == 0 {
                    if tag.is_edge() && same(tag.attr(key!(b"to-layer")), to) {
                        layer = tag.attr(key!(b"from-layer"));
                        port = tag.attr(key!(b"from-port"));
                        break;
                    }
                } else if tag.is_layer() {
                    in_layer = same(tag.attr(key!(b"id")), layer);
                } else if in_layer && tag.is_output_port() && same(tag.attr(key!(b"id")), port) {
                    return tag.attr(key!(b"names"));
                }
            }
        }
        b""
    }
}

/// Just enough protobuf to read tensor names out of an ONNX `ModelProto`.
pub mod onnx {
    use super::{RawNames, Sink};

    /// Cursor over the fields of one message; `next` leaves the field
    /// number, wire type and payload (the bytes of a length-delimited field,
    /// empty otherwise) in the cursor, so no call needs a stack frame.
    struct Fields<'a> {
        rest: &'a [u8],
        number: u64,
        wire: u64,
        payload: &'a [u8],
        /// A varint was malformed.
        bad: bool,
    }

    impl<'a> Fields<'a> {
        fn new(message: &'a [u8]) -> Self {
            Fields {
                rest: message,
                number: 0,
                wire: 0,
                payload: b"",
                bad: false,
            }
        }

        /// `Some(true)`: one more field; `Some(false)`: the end of the
        /// message; `None`: malformed.
        #[inline(never)]
        fn next(&mut self) -> Option<bool> {
            if self.rest.is_empty() {
                return Some(false);
            }
            let key = self.varint();
            self.number = key >> 3;
            self.wire = key & 7;
            let len = match self.wire {
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
            let payload = self.rest.get(..len)?;
            self.rest = self.rest.get(len..)?;
            self.payload = if self.wire == 2 { payload } else { b"" };
            (self.number != 0).then_some(true)
        }

        /// A varint of at most 10 bytes (bits past 64 are ignored: the
        /// value only ever serves as a length checked against the buffer).
        /// A truncated or longer varint sets `bad` (returning a plain
        /// `u64` keeps the answer out of memory).
        fn varint(&mut self) -> u64 {
            let mut value = 0u64;
            let mut shift = 0;
            while let Some((&b, tail)) = self.rest.split_first() {
                self.rest = tail;
                let Some(bits) = u64::from(b & 0x7f).checked_shl(shift) else {
                    break;
                };
                value |= bits;
                if b < 0x80 {
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
    fn field(message: &[u8], number: u64, wire: u64) -> Option<Option<&[u8]>> {
        let mut fields = Fields::new(message);
        let mut found = None;
        while fields.next()? {
            if fields.number == number {
                if fields.wire != wire {
                    return None;
                }
                found = Some(fields.payload);
            }
        }
        Some(found)
    }

    // Field numbers from onnx.proto.
    const MODEL_IR_VERSION: u64 = 1;
    const MODEL_GRAPH: u64 = 7;
    const GRAPH_INITIALIZER: u64 = 5;
    const GRAPH_INPUT: u64 = 11;
    const GRAPH_OUTPUT: u64 = 12;
    const VALUE_INFO_NAME: u64 = 1;
    const TENSOR_NAME: u64 = 8;

    /// Reports inputs then outputs of the `ModelProto` in `model` to `sink`;
    /// `None` when malformed. A message without a varint `ir_version` is not
    /// taken for ONNX, so other binary formats do not yield made-up names.
    pub fn parse(model: &[u8], sink: &mut impl Sink) -> Option<()> {
        field(model, MODEL_IR_VERSION, 0)??;
        let graph = field(model, MODEL_GRAPH, 2)??;
        for pass in 0..2 {
            let output = pass == 1;
            let wanted = if output { GRAPH_OUTPUT } else { GRAPH_INPUT };
            let mut fields = Fields::new(graph);
            while fields.next()? {
                if fields.number != wanted {
                    continue;
                }
                if fields.wire != 2 {
                    return None;
                }
                let name = field(fields.payload, VALUE_INFO_NAME, 2)?;
                if !output && name.is_some() && is_initializer(graph, name)? {
                    continue;
                }
                let names = match name {
                    // `iter().all` rather than `contains`, which brings in
                    // a word-at-a-time memchr (about 200 bytes).
                    Some(n) if !n.is_empty() && n.iter().all(|&b| b != 0) && super::is_utf8(n) => {
                        RawNames::Single(n)
                    }
                    _ => RawNames::None,
                };
                sink.tensor(output, names);
            }
        }
        Some(())
    }

    /// Whether `name` is the name of one of the graph's initializers (a
    /// weight that ONNX also lists among the inputs).
    fn is_initializer(graph: &[u8], name: Option<&[u8]>) -> Option<bool> {
        let mut fields = Fields::new(graph);
        while fields.next()? {
            if fields.number == GRAPH_INITIALIZER
                && (fields.wire != 2 || field(fields.payload, TENSOR_NAME, 2)? == name)
            {
                return (fields.wire == 2).then_some(true);
            }
        }
        Some(false)
    }
}

/// A growable byte buffer; the adapter backs it with its arena, the tests
/// with a `Vec`.
pub trait Buf {
    /// Bytes written so far.
    fn used(&self) -> usize;
    /// Shortens the buffer to `len` bytes.
    fn truncate(&mut self, len: usize);
    /// Appends `b`; `false` when out of memory.
    fn push(&mut self, b: u8) -> bool;
}

/// Stores what a [`Sink`] receives as the compact table the adapter keeps
/// per graph: tensors in order (inputs first, then outputs), each a run of
/// NUL-terminated names closed by one more NUL. Names are never empty and
/// never contain NUL, so the table needs no lengths.
pub struct TableWriter<'b, B: Buf> {
    buf: &'b mut B,
    /// Where the current tensor starts.
    start: usize,
    pub inputs: u32,
    pub outputs: u32,
    /// Cleared when the buffer ran out of memory; the table is then unusable.
    pub ok: bool,
}

impl<'b, B: Buf> TableWriter<'b, B> {
    pub fn new(buf: &'b mut B) -> Self {
        TableWriter {
            buf,
            start: 0,
            inputs: 0,
            outputs: 0,
            ok: true,
        }
    }
}

impl<B: Buf> Sink for TableWriter<'_, B> {
    /// Not inlined: both parsers call it, and one copy is smaller.
    #[inline(never)]
    fn tensor(&mut self, output: bool, names: RawNames<'_>) {
        if output {
            self.outputs += 1;
        } else {
            self.inputs += 1;
        }
        self.start = self.buf.used();
        decode(names, self);
        self.end();
    }
}

impl<B: Buf> NameOut for TableWriter<'_, B> {
    fn byte(&mut self, b: u8) {
        self.ok &= self.buf.push(b);
    }

    fn end(&mut self) {
        self.byte(0);
    }

    fn abort(&mut self) {
        self.buf.truncate(self.start);
    }
}

/// The names of tensor `t` (inputs first, then outputs) in a table written
/// by [`TableWriter`]; empty when `t` is past the end.
pub fn table_names(table: &[u8], t: u32) -> TableNames<'_> {
    let mut names = TableNames { rest: table };
    for _ in 0..t {
        while names.next().is_some() {}
    }
    names
}

/// Iterator over one tensor's names in a table.
pub struct TableNames<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for TableNames<'a> {
    type Item = &'a [u8];
    fn next(&mut self) -> Option<&'a [u8]> {
        let end = self
            .rest
            .iter()
            .position(|&b| b == 0)
            .unwrap_or(self.rest.len());
        let name = self.rest.get(..end)?;
        self.rest = self.rest.get(end + 1..).unwrap_or(b"");
        (!name.is_empty()).then_some(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Collects names as strings: `(inputs, outputs)`, each tensor a list of
    /// its names.
    #[derive(Default, Debug, PartialEq)]
    struct Collect {
        inputs: Vec<Vec<String>>,
        outputs: Vec<Vec<String>>,
    }

    struct Names(Vec<String>, Vec<u8>);
    impl NameOut for Names {
        fn byte(&mut self, b: u8) {
            self.1.push(b);
        }
        fn end(&mut self) {
            assert!(!self.1.is_empty(), "empty names are never reported");
            self.0
                .push(String::from_utf8(std::mem::take(&mut self.1)).expect("names are UTF-8"));
        }
        fn abort(&mut self) {
            self.0.clear();
            self.1.clear();
        }
    }

    fn decoded(raw: RawNames<'_>) -> Vec<String> {
        let mut names = Names(Vec::new(), Vec::new());
        decode(raw, &mut names);
        assert!(names.1.is_empty());
        names.0
    }

    impl Sink for Collect {
        fn tensor(&mut self, output: bool, raw: RawNames<'_>) {
            let names = decoded(raw);
            if output {
                self.outputs.push(names);
            } else {
                assert!(self.outputs.is_empty(), "inputs come before outputs");
                self.inputs.push(names);
            }
        }
    }

    fn run(model: &[u8]) -> Option<Collect> {
        let mut c = Collect::default();
        parse(model, &mut c).then_some(c)
    }

    fn v(names: &[&[&str]]) -> Vec<Vec<String>> {
        names
            .iter()
            .map(|t| t.iter().map(|s| s.to_string()).collect())
            .collect()
    }

    fn model(name: &str) -> Vec<u8> {
        std::fs::read(format!(
            "{}/../tests/models/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
    }

    #[test]
    fn real_ir_two_io() {
        let c = run(&model("two_io.xml")).unwrap();
        assert_eq!(c.inputs, v(&[&["a"], &["b"]]));
        assert_eq!(c.outputs, v(&[&["sum"], &["product"]]));
    }

    #[test]
    fn every_real_ir_parses() {
        for entry in
            std::fs::read_dir(format!("{}/../tests/models", env!("CARGO_MANIFEST_DIR"))).unwrap()
        {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "xml") {
                let c = run(&std::fs::read(&path).unwrap()).unwrap_or_else(|| panic!("{path:?}"));
                // An IR may have no names at all (then every tensor falls
                // back to its index), but it always has inputs and outputs.
                assert!(
                    !c.inputs.is_empty() && !c.outputs.is_empty(),
                    "{path:?}: {c:?}"
                );
            }
        }
    }

    #[test]
    fn real_onnx_softmax() {
        let c = run(&model("softmax.onnx")).unwrap();
        assert_eq!(c.inputs, v(&[&["input"]]));
        assert_eq!(c.outputs, v(&[&["output"]]));
    }

    /// A small IR with two Parameters and two Results; `extra` goes into the
    /// first Result, `names` onto the first Parameter's port.
    fn ir(param_names: &str, result_attrs: &str) -> String {
        format!(
            r#"<?xml version="1.0"?>
<!-- a comment with <layer> inside -->
<net name="t" version="11">
  <layers>
    <layer id="7" name="x" type="Parameter" version="opset1">
      <data shape="1" element_type="f32"/>
      <output><port id="0" precision="FP32" {param_names}><dim>1</dim></port></output>
    </layer>
    <layer id="3" name="y" type="Parameter" version="opset1">
      <output><port id="0" precision="FP32" names="y"/></output>
    </layer>
    <layer id="9" name="add" type="Add" version="opset1">
      <input><port id="0"/><port id="1"/></input>
      <output><port id="2" precision="FP32" names="add_out,alias"/></output>
    </layer>
    <layer id="10" name="r0" type="Result" version="opset1" {result_attrs}>
      <input><port id="0"/></input>
    </layer>
    <layer id="11" name="r1" type="Result" version="opset1">
      <input><port id="0"/></input>
    </layer>
  </layers>
  <edges>
    <edge from-layer="7" from-port="0" to-layer="9" to-port="0"/>
    <edge from-layer="3" from-port="0" to-layer="9" to-port="1"/>
    <edge from-layer="9" from-port="2" to-layer="10" to-port="0"/>
    <edge from-layer="7" from-port="0" to-layer="11" to-port="0"/>
  </edges>
</net>
"#
        )
    }

    #[test]
    fn ir_escaped_and_multiple_names() {
        let c = run(ir(
            r#"names="a\,b,c,,d&amp;e,&lt;&gt;&quot;&apos;""#,
            r#"output_names="o\,1,o2""#,
        )
        .as_bytes())
        .unwrap();
        assert_eq!(c.inputs, v(&[&["a,b", "c", "d&e", "<>\"'"], &["y"]]));
        // r0 has output_names; r1 falls back to its producer's port (the
        // Parameter `x` port 0).
        assert_eq!(
            c.outputs,
            v(&[&["o,1", "o2"], &["a,b", "c", "d&e", "<>\"'"]])
        );
    }

    #[test]
    fn ir_output_names_from_producer_port() {
        // Pre-2025 IRs: the names sit on the producer's port only.
        let c = run(ir(r#"names="x""#, "").as_bytes()).unwrap();
        assert_eq!(c.inputs, v(&[&["x"], &["y"]]));
        assert_eq!(c.outputs, v(&[&["add_out", "alias"], &["x"]]));
    }

    #[test]
    fn real_ir_two_io_without_output_names() {
        // two_io.xml as OpenVINO before 2025 writes it: without
        // `output_names`, the Results are named through `<edges>` by the
        // ports of Add (`sum`) and Multiply (`product`) that feed them.
        let text = String::from_utf8(model("two_io.xml")).unwrap();
        let mut stripped = String::new();
        let mut rest = text.as_str();
        while let Some(at) = rest.find(" output_names=\"") {
            stripped.push_str(&rest[..at]);
            let value = &rest[at + " output_names=\"".len()..];
            rest = &value[value.find('"').unwrap() + 1..];
        }
        stripped.push_str(rest);
        assert!(text.contains("output_names=") && !stripped.contains("output_names"));
        let c = run(stripped.as_bytes()).unwrap();
        assert_eq!(c.inputs, v(&[&["a"], &["b"]]));
        assert_eq!(c.outputs, v(&[&["sum"], &["product"]]));
    }

    #[test]
    fn ir_producer_port_edge_cases() {
        // The Result is named by the port its first edge comes from; a
        // missing edge, layer, port or id gives no names (never a failure),
        // and only edges in the top-level `<edges>` count.
        let doc = |edges: &str, result_id: &str| {
            format!(
                r#"<net><layers>
                <layer id="1" type="Parameter"><output><port id="0" names="p"/></output></layer>
                <layer id="2" type="Relu"><output><port id="1" names="relu"/></output></layer>
                <layer {result_id} type="Result"/>
                </layers><edges>{edges}</edges><other><edge from-layer="2" from-port="1" to-layer="3"/></other></net>"#
            )
        };
        let names =
            |edges: &str, result_id: &str| run(doc(edges, result_id).as_bytes()).unwrap().outputs;
        let good = r#"<edge from-layer="2" from-port="1" to-layer="3" to-port="0"/>"#;
        let id3 = r#"id="3""#;
        assert_eq!(names(good, id3), v(&[&["relu"]]));
        assert_eq!(names(good, ""), v(&[&[]]));
        assert_eq!(names(good, r#"id="""#), v(&[&[]]));
        assert_eq!(names("", id3), v(&[&[]]));
        assert_eq!(
            names(r#"<edge from-layer="9" from-port="1" to-layer="3"/>"#, id3),
            v(&[&[]])
        );
        assert_eq!(
            names(r#"<edge from-layer="2" from-port="7" to-layer="3"/>"#, id3),
            v(&[&[]])
        );
        assert_eq!(
            names(r#"<edge from-port="1" to-layer="3"/>"#, id3),
            v(&[&[]])
        );
        assert_eq!(
            names(r#"<edge from-layer="1" from-port="1" to-layer="3"/>"#, id3),
            v(&[&[]])
        );
        let two = r#"<edge from-layer="1" from-port="0" to-layer="3"/><edge from-layer="2" from-port="1" to-layer="3"/>"#;
        assert_eq!(names(two, id3), v(&[&["p"]]));
    }

    #[test]
    fn ir_missing_names_fall_back_per_tensor() {
        let c = run(ir("", r#"output_names="""#).as_bytes()).unwrap();
        assert_eq!(c.inputs, v(&[&[], &["y"]]));
        // An empty output_names counts as absent: r0 takes its producer's
        // port names; r1's producer, `x`, has none.
        assert_eq!(c.outputs, v(&[&["add_out", "alias"], &[]]));
    }

    #[test]
    fn ir_odd_escapes_follow_openvino() {
        // `\x` other than `\,` stays verbatim; a trailing lone `\` vanishes;
        // a newline separates like a comma.
        assert_eq!(decoded(RawNames::IrList(br"p\q,r\")), ["p\\q", "r"]);
        assert_eq!(decoded(RawNames::IrList(b"s\nt")), ["s", "t"]);
        assert_eq!(decoded(RawNames::IrList(b"s\0t")), ["s", "t"]);
        assert_eq!(decoded(RawNames::IrList(br"\,")), [","]);
        assert_eq!(decoded(RawNames::IrList(b",,,")), Vec::<String>::new());
        assert_eq!(decoded(RawNames::IrList("é,ü".as_bytes())), ["é", "ü"]);
    }

    #[test]
    fn ir_bad_names_are_dropped_not_fatal() {
        // Bad entity, NUL char ref, non-UTF-8: that tensor has no names.
        for bad in ["&bogus;", "&#0;", "&#x41;", "&#65;", "&amp", "a&"] {
            let c = run(ir(&format!(r#"names="{bad}""#), "").as_bytes()).unwrap();
            assert_eq!(c.inputs[0], Vec::<String>::new(), "{bad}");
        }
        let mut doc = ir(r#"names="ZZ""#, "").into_bytes();
        let at = doc.windows(2).position(|w| w == b"ZZ").unwrap();
        doc[at] = 0xff;
        let c = run(&doc).unwrap();
        assert_eq!(c.inputs[0], Vec::<String>::new());
    }

    #[test]
    fn ir_nested_body_layers_are_ignored() {
        let doc = br#"<net><layers>
            <layer id="0" type="Parameter"><output><port id="0" names="outer"/></output></layer>
            <layer id="1" type="TensorIterator"><body><layers>
                <layer id="0" type="Parameter"><output><port id="0" names="inner"/></output></layer>
                <layer id="1" type="Result" output_names="inner_out"/>
            </layers></body></layer>
            <layer id="2" type="Result" output_names="outer_out"/>
        </layers></net>"#;
        let c = run(doc).unwrap();
        assert_eq!(c.inputs, v(&[&["outer"]]));
        assert_eq!(c.outputs, v(&[&["outer_out"]]));
    }

    #[test]
    fn ir_attribute_quotes_and_gt_in_values() {
        // `>` inside a double-quoted value does not end the tag.
        let doc = br#"<net><layers><layer id="0" name="a>b" type="Parameter"><output><port id="0" names="q"/></output></layer></layers></net>"#;
        assert_eq!(run(doc).unwrap().inputs, v(&[&["q"]]));
        // Single-quoted attributes are outside the dialect OpenVINO writes:
        // no names, but no failure either.
        let doc = br#"<net><layers><layer id='0' type='Parameter'><output><port id='0' names='q'/></output></layer></layers></net>"#;
        assert_eq!(run(doc).unwrap(), Collect::default());
    }

    #[test]
    fn malformed_xml_never_panics() {
        let good = model("two_io.xml");
        // Every truncation of a real IR either parses or is rejected.
        for len in 0..good.len() {
            let _ = run(&good[..len]);
        }
        // Truncated documents are rejected (not silently partial).
        assert!(run(&good[..good.len() / 2]).is_none());
        let cases: &[&[u8]] = &[
            b"<",
            b"<>",
            b"</net>",
            b"<net>",
            b"<net a=\"unterminated></net>",
            b"<net><!-- unterminated",
            b"<net><!DOCTYPE unterminated",
            b"<?xml unterminated",
            b"<net/><net/>",
            b"\xEF\xBB\xBF  <net",
        ];
        for case in cases {
            assert!(run(case).is_none(), "{:?}", String::from_utf8_lossy(case));
        }
        // Deep nesting costs a counter, not stack.
        let deep = format!(
            "<net>{}{}</net>",
            "<a>".repeat(200_000),
            "</a>".repeat(200_000)
        );
        assert_eq!(run(deep.as_bytes()).unwrap(), Collect::default());
        let unclosed = "<a>".repeat(200_000);
        assert!(run(unclosed.as_bytes()).is_none());
        // Arbitrary bytes after `<`.
        let mut noise = vec![b'<'];
        let mut x = 0x1234_5678u32;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            noise.push(b"<>/=\"' !-?[]a&;#\\,\n"[(x % 19) as usize]);
        }
        let _ = run(&noise);
    }

    #[test]
    fn utf8_check_agrees_with_std() {
        let mut x = 0x9e37_79b9u32;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x
        };
        for _ in 0..200_000 {
            let len = (next() % 6) as usize;
            // Bias towards bytes that matter for UTF-8.
            let bytes: Vec<u8> = (0..len)
                .map(|_| match next() % 4 {
                    0 => (next() % 0x80) as u8,
                    1 => 0x80 | (next() % 0x40) as u8,
                    _ => 0xc0 | (next() % 0x40) as u8,
                })
                .collect();
            assert_eq!(
                is_utf8(&bytes),
                std::str::from_utf8(&bytes).is_ok(),
                "{bytes:x?}"
            );
        }
        for s in ["", "a", "é", "€", "𝄞", "\u{10ffff}", "\u{d7ff}", "\u{e000}"] {
            assert!(is_utf8(s.as_bytes()));
        }
        for bad in [
            &b"\xed\xa0\x80"[..],
            b"\xc0\x80",
            b"\xf4\x90\x80\x80",
            b"\xe2\x82",
            b"\xff",
        ] {
            assert!(!is_utf8(bad));
        }
    }

    #[test]
    fn sniffing() {
        assert!(looks_like_xml(b"<net/>"));
        assert!(looks_like_xml(b"\xEF\xBB\xBF\n <?xml?>"));
        assert!(!looks_like_xml(b""));
        assert!(!looks_like_xml(b"\x08\x07"));
    }

    // --- ONNX -----------------------------------------------------------

    fn varint(out: &mut Vec<u8>, mut v: u64) {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                out.push(b);
                return;
            }
            out.push(b | 0x80);
        }
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
    impl Buf for Vec<u8> {
        fn used(&self) -> usize {
            self.len()
        }
        fn truncate(&mut self, len: usize) {
            Vec::truncate(self, len)
        }
        fn push(&mut self, b: u8) -> bool {
            Vec::push(self, b);
            true
        }
    }

    #[test]
    fn table_round_trip() {
        let doc = ir(r#"names="a\,b,c,d""#, r#"output_names="o1,o22,o333,o4444""#);
        let mut buf = Vec::new();
        let mut w = TableWriter::new(&mut buf);
        assert!(parse(doc.as_bytes(), &mut w));
        assert!(w.ok);
        assert_eq!((w.inputs, w.outputs), (2, 2));
        let all: Vec<Vec<&[u8]>> = (0..5).map(|t| table_names(&buf, t).collect()).collect();
        let expect: Vec<Vec<&[u8]>> = vec![
            vec![b"a,b", b"c", b"d"],
            vec![b"y"],
            vec![b"o1", b"o22", b"o333", b"o4444"],
            vec![b"a,b", b"c", b"d"],
            vec![],
        ];
        assert_eq!(all, expect);
        // Tensors without names take no names; indices past the end are empty.
        let mut buf = Vec::new();
        let mut w = TableWriter::new(&mut buf);
        assert!(parse(ir("", "").as_bytes(), &mut w));
        assert_eq!(table_names(&buf, 0).count(), 0);
        assert_eq!(table_names(&buf, 1).collect::<Vec<_>>(), vec![b"y"]);
        assert_eq!(table_names(&buf, 1000).count(), 0);
        // Undecodable names leave the tensor without names, the rest intact.
        let mut buf = Vec::new();
        let mut w = TableWriter::new(&mut buf);
        assert!(parse(ir(r#"names="ok,&bad;""#, "").as_bytes(), &mut w));
        assert_eq!(table_names(&buf, 0).count(), 0);
        assert_eq!(table_names(&buf, 1).collect::<Vec<_>>(), vec![b"y"]);
        // A corrupt (unterminated) table never panics.
        assert_eq!(
            table_names(&[9, 0, 0, 0, 200, 1], 2).collect::<Vec<_>>(),
            vec![&[200, 1]]
        );
        assert_eq!(table_names(&[1, 0], 3).count(), 0);
    }
}
