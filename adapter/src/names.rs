//! Tensor names from model bytes: WIT `compute` addresses inputs and outputs
//! by name, the legacy ABI by index, so at `load` the adapter reads the names
//! out of the model it is given.
//!
//! * OpenVINO IR XML: input *i* is the *i*-th top-level `Parameter` layer in
//!   document order, named by its output port's `names` attribute. Output *i*
//!   is the *i*-th top-level `Result` layer, named by its `output_names`
//!   attribute, else by the `names` of the port that feeds it (found through
//!   `<edges>`). A names attribute lists several names separated by commas; a
//!   comma inside a name is written `\,` (the splitting rule of OpenVINO's IR
//!   reader).
//! * ONNX `ModelProto`: inputs are `graph.input` minus the names that also
//!   appear in `graph.initializer`, outputs are `graph.output`.
//!
//! Everything here is a pure function over `&[u8]` that never panics and
//! never recurses on input structure: a malformed, truncated or hostile model
//! makes [`parse`] return `false`, and the caller then names every tensor by
//! its decimal index. A name that is not valid UTF-8 (WIT strings must be) is
//! dropped; a tensor with no usable name also falls back to its index.
//! The module builds for wasm32 (inside the adapter) and for the host (unit
//! tests).

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
    /// One ONNX name, verbatim, already checked to be non-empty UTF-8.
    Single(&'a [u8]),
}

/// Receives decoded names byte by byte, so that no allocation is needed here.
pub trait NameOut {
    /// The next byte of the current name.
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
        xml::parse(model, sink).is_ok()
    } else {
        onnx::parse(model, sink).is_ok()
    }
}

/// A byte string of at most 15 bytes packed into a `u128` at compile time.
///
/// The adapter must not have data segments, and every byte-string literal
/// compared at run time would be one; a `Key` compares as integers instead.
/// Always build it in a constant (see [`key!`]) so the literal only exists
/// during compilation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    /// Bytes 0..8, first byte lowest.
    lo: u64,
    /// Bytes 8..15, then the length in the top byte.
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
        let mut key = Key { lo: 0, hi: (s.len() as u64) << 56 };
        let mut i = 0;
        while i < s.len() {
            if i < 8 {
                key.lo |= (s[i] as u64) << (8 * i);
            } else {
                key.hi |= (s[i] as u64) << (8 * (i - 8));
            }
            i += 1;
        }
        key
    }

    fn len(self) -> usize {
        (self.hi >> 56) as usize
    }

    fn byte(self, i: usize) -> u8 {
        let word = if i < 8 { self.lo } else { self.hi };
        (word >> (8 * (i % 8))) as u8
    }

    /// Whether `s` is exactly this key. Not inlined: one copy of the loop is
    /// smaller than one per call site.
    #[inline(never)]
    pub fn is(self, s: &[u8]) -> bool {
        s.len() == self.len() && s.iter().enumerate().all(|(i, &b)| b == self.byte(i))
    }

    /// `s` without this key as its prefix, if it has it.
    pub fn strip(self, s: &[u8]) -> Option<&[u8]> {
        s.get(..self.len()).filter(|p| self.is(p))?;
        s.get(self.len()..)
    }

    /// Offset of the first occurrence of this key in `hay`.
    pub fn find(self, hay: &[u8]) -> Option<usize> {
        hay.windows(self.len().max(1)).position(|w| self.is(w))
    }
}

/// True when `bytes` start like an XML document.
pub fn looks_like_xml(bytes: &[u8]) -> bool {
    let rest = key!(b"\xEF\xBB\xBF").strip(bytes).unwrap_or(bytes);
    rest.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<')
}

/// Strict UTF-8 check (what a WIT `string` must be). Written out with
/// comparisons because `core::str::from_utf8` brings a 256-byte lookup table,
/// i.e. a data segment, into the adapter.
pub fn is_utf8(bytes: &[u8]) -> bool {
    let cont = |b: Option<&u8>, lo: u8, hi: u8| b.is_some_and(|&b| (lo..=hi).contains(&b));
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let next = bytes.get(i + 1);
        let (len, ok) = match b {
            0x00..=0x7f => (1, true),
            0xc2..=0xdf => (2, cont(next, 0x80, 0xbf)),
            0xe0 => (3, cont(next, 0xa0, 0xbf)),
            0xed => (3, cont(next, 0x80, 0x9f)),
            0xe1..=0xef => (3, cont(next, 0x80, 0xbf)),
            0xf0 => (4, cont(next, 0x90, 0xbf)),
            0xf4 => (4, cont(next, 0x80, 0x8f)),
            0xf1..=0xf3 => (4, cont(next, 0x80, 0xbf)),
            _ => (1, false),
        };
        if !ok || !(2..len).all(|k| cont(bytes.get(i + k), 0x80, 0xbf)) {
            return false;
        }
        i += len;
    }
    true
}

/// Decodes `raw` into individual names, in order, reporting them to `out`.
pub fn decode(raw: RawNames<'_>, out: &mut impl NameOut) {
    match raw {
        RawNames::None => {}
        RawNames::Single(name) => {
            if !name.is_empty() {
                name.iter().for_each(|&b| out.byte(b));
                out.end();
            }
        }
        RawNames::IrList(value) => {
            let mut splitter = Splitter { out, escaped: false, nonempty: false };
            if xml::unescape(value, &mut |b| splitter.byte(b)) {
                splitter.finish();
            } else {
                splitter.out.abort();
            }
        }
    }
}

/// OpenVINO's tensor-name list splitting over XML-decoded bytes: tokens are
/// runs of (any char but `\`, `,` and newline | `\` followed by a char), `\,`
/// becomes `,`, other `\x` pairs stay verbatim, empty tokens and a lone
/// trailing `\` vanish (the regex `(?:[^\\,\n]|\\.)+` of the IR reader).
struct Splitter<'o, O: NameOut> {
    out: &'o mut O,
    escaped: bool,
    nonempty: bool,
}

impl<O: NameOut> Splitter<'_, O> {
    fn byte(&mut self, b: u8) {
        if self.escaped {
            self.escaped = false;
            match b {
                b',' => self.emit(b','),
                b'\n' => self.finish(),
                _ => {
                    self.emit(b'\\');
                    self.emit(b);
                }
            }
        } else {
            match b {
                b'\\' => self.escaped = true,
                b',' | b'\n' => self.finish(),
                _ => self.emit(b),
            }
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
/// for OpenVINO IR: elements, attributes, comments, processing instructions
/// and `<!…>` declarations are recognised (CDATA, which IR never uses, counts
/// as such a declaration); nesting is tracked with a counter
/// (so depth costs nothing) and the names of the outermost levels are kept.
pub mod xml {
    use super::{Key, RawNames, Sink};

    /// The document is not well-formed enough to trust.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub struct Malformed;

    /// How many outer element names [`Scanner`] remembers: `net/layers/layer/
    /// output/port` is the deepest path the IR rules look at.
    const PATH: usize = 5;

    /// One start tag.
    #[derive(Clone, Copy)]
    pub struct Element<'a> {
        /// 1 for the root element.
        pub depth: u32,
        /// Raw bytes between the tag name and `>`/`/>`.
        pub attrs: &'a [u8],
        /// Names of the enclosing elements from the root (up to [`PATH`]).
        pub path: [&'a [u8]; PATH],
        /// `<x/>`: no matching end tag follows.
        pub empty: bool,
    }

    impl<'a> Element<'a> {
        /// Whether the element at `depth` of the current path (1 = root;
        /// `self.depth` = this element) has the tag `tag`.
        pub fn at(&self, depth: u32, tag: Key) -> bool {
            let index = depth.wrapping_sub(1) as usize;
            self.path.get(index).is_some_and(|name| tag.is(name))
        }

        /// Whether this element's path from the root starts with
        /// `net/<second>/<third>` (checked one level at a time: an array of
        /// keys would be a static, i.e. a data segment).
        fn under(&self, second: Key, third: Key) -> bool {
            self.at(1, NET) && self.at(2, second) && self.at(3, third)
        }

        /// The raw (still XML-escaped) value of attribute `key`.
        pub fn attr(&self, key: Key) -> Option<&'a [u8]> {
            let mut rest = self.attrs;
            loop {
                let (k, v, next) = next_attr(rest).ok()??;
                if key.is(k) {
                    return Some(v);
                }
                rest = next;
            }
        }
    }

    /// Events of [`Scanner`].
    #[derive(Clone, Copy)]
    pub enum Event<'a> {
        Start(Element<'a>),
        /// An end tag, or the end of an empty element; `depth` is the depth
        /// of the element that closed.
        End { depth: u32 },
    }

    /// Iterates over the elements of a document.
    pub struct Scanner<'a> {
        doc: &'a [u8],
        pos: usize,
        depth: u32,
        path: [&'a [u8]; PATH],
        seen_root: bool,
        pending_end: Option<u32>,
    }

    impl<'a> Scanner<'a> {
        pub fn new(doc: &'a [u8]) -> Self {
            Scanner { doc, pos: 0, depth: 0, path: [b""; PATH], seen_root: false, pending_end: None }
        }

        /// The next event, `Ok(None)` at a well-formed end of the document.
        pub fn next_event(&mut self) -> Result<Option<Event<'a>>, Malformed> {
            if let Some(depth) = self.pending_end.take() {
                return Ok(Some(Event::End { depth }));
            }
            loop {
                let rest = self.doc.get(self.pos..).unwrap_or(b"");
                let Some(lt) = rest.iter().position(|&b| b == b'<') else {
                    // Only text may follow the root element.
                    return if self.depth == 0 && self.seen_root { Ok(None) } else { Err(Malformed) };
                };
                let tag = rest.get(lt..).unwrap_or(b"");
                if let Some(after) = key!(b"<!--").strip(tag) {
                    self.pos += lt + 4 + key!(b"-->").find(after).ok_or(Malformed)? + 3;
                } else if let Some(after) = key!(b"<?").strip(tag) {
                    self.pos += lt + 2 + key!(b"?>").find(after).ok_or(Malformed)? + 2;
                } else if let Some(after) = key!(b"<!").strip(tag) {
                    self.pos += lt + 2 + key!(b">").find(after).ok_or(Malformed)? + 1;
                } else if let Some(after) = key!(b"</").strip(tag) {
                    let close = key!(b">").find(after).ok_or(Malformed)?;
                    self.pos += lt + 2 + close + 1;
                    let closed = self.depth;
                    if closed == 0 {
                        return Err(Malformed);
                    }
                    let tag = after.get(..close).unwrap_or(b"");
                    let name_len = tag.iter().take_while(|b| !b.is_ascii_whitespace()).count();
                    let name = tag.get(..name_len).unwrap_or(b"");
                    if (closed as usize) <= PATH && self.path.get(closed as usize - 1) != Some(&name) {
                        return Err(Malformed);
                    }
                    self.depth -= 1;
                    return Ok(Some(Event::End { depth: closed }));
                } else {
                    return self.start_tag(lt).map(Some);
                }
            }
        }

        /// Parses the start tag at `self.pos + lt`.
        fn start_tag(&mut self, lt: usize) -> Result<Event<'a>, Malformed> {
            let start = self.pos + lt + 1;
            let body = self.doc.get(start..).unwrap_or(b"");
            let name_len = body
                .iter()
                .position(|&b| b.is_ascii_whitespace() || b == b'>' || b == b'/')
                .ok_or(Malformed)?;
            if name_len == 0 || (self.depth == 0 && self.seen_root) {
                return Err(Malformed);
            }
            let name = body.get(..name_len).unwrap_or(b"");
            // Walk the attributes to find where the tag ends; quoted values
            // may contain `>`.
            let mut rest = body.get(name_len..).unwrap_or(b"");
            loop {
                match next_attr(rest)? {
                    Some((_, _, next)) => rest = next,
                    None => break,
                }
            }
            let trimmed = trim_start(rest);
            let (empty, tail) = if let Some(t) = key!(b"/>").strip(trimmed) {
                (true, t)
            } else if let Some(t) = key!(b">").strip(trimmed) {
                (false, t)
            } else {
                return Err(Malformed);
            };
            let attrs_len = body.len() - name_len - rest.len();
            let attrs = body.get(name_len..name_len + attrs_len).unwrap_or(b"");
            self.pos = self.doc.len() - tail.len();
            self.seen_root = true;
            self.depth = self.depth.checked_add(1).ok_or(Malformed)?;
            if let Some(slot) = self.path.get_mut(self.depth as usize - 1) {
                *slot = name;
            }
            let element = Element { depth: self.depth, attrs, path: self.path, empty };
            if empty {
                self.pending_end = Some(self.depth);
                self.depth -= 1;
            }
            Ok(Event::Start(element))
        }
    }

    /// Splits off the next `key="value"` of an attribute list: `Ok(None)`
    /// when only whitespace and the tag end remain.
    fn next_attr(s: &[u8]) -> Result<Option<(&[u8], &[u8], &[u8])>, Malformed> {
        let s = trim_start(s);
        match s.first() {
            None | Some(b'>') | Some(b'/') => return Ok(None),
            _ => {}
        }
        let key_len = s
            .iter()
            .position(|&b| b == b'=' || b.is_ascii_whitespace())
            .ok_or(Malformed)?;
        let key = s.get(..key_len).unwrap_or(b"");
        let rest = trim_start(s.get(key_len..).unwrap_or(b""));
        let rest = trim_start(key!(b"=").strip(rest).ok_or(Malformed)?);
        let quote = *rest.first().ok_or(Malformed)?;
        if quote != b'"' && quote != b'\'' {
            return Err(Malformed);
        }
        let value_and_rest = rest.get(1..).unwrap_or(b"");
        let end = value_and_rest.iter().position(|&b| b == quote).ok_or(Malformed)?;
        let value = value_and_rest.get(..end).unwrap_or(b"");
        if value.iter().any(|&b| b == b'<') {
            return Err(Malformed);
        }
        Ok(Some((key, value, value_and_rest.get(end + 1..).unwrap_or(b""))))
    }

    fn trim_start(s: &[u8]) -> &[u8] {
        let n = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
        s.get(n..).unwrap_or(b"")
    }

    /// XML-decodes an attribute value byte by byte (`&amp;`, `&lt;`, `&gt;`,
    /// `&quot;`, `&apos;`, `&#N;`, `&#xN;`). Returns `false` (after emitting
    /// an unspecified prefix) when the value is not UTF-8 or holds a bad
    /// entity.
    pub fn unescape(value: &[u8], out: &mut impl FnMut(u8)) -> bool {
        if !super::is_utf8(value) {
            return false;
        }
        let mut rest = value;
        while let Some((&b, tail)) = rest.split_first() {
            rest = tail;
            if b != b'&' {
                out(b);
                continue;
            }
            let Some(semi) = rest.iter().take(12).position(|&c| c == b';') else {
                return false;
            };
            let entity = rest.get(..semi).unwrap_or(b"");
            rest = rest.get(semi + 1..).unwrap_or(b"");
            let c = if key!(b"amp").is(entity) {
                '&'
            } else if key!(b"lt").is(entity) {
                '<'
            } else if key!(b"gt").is(entity) {
                '>'
            } else if key!(b"quot").is(entity) {
                '"'
            } else if key!(b"apos").is(entity) {
                '\''
            } else {
                match char_ref(entity) {
                    Some(c) => c,
                    None => return false,
                }
            };
            let mut utf8 = [0u8; 4];
            c.encode_utf8(&mut utf8).bytes().for_each(&mut *out);
        }
        true
    }

    /// `#N` or `#xN` → the character, `None` for anything else.
    fn char_ref(entity: &[u8]) -> Option<char> {
        let digits = key!(b"#").strip(entity)?;
        let (digits, radix) = match key!(b"x").strip(digits) {
            Some(hex) => (hex, 16),
            None => (digits, 10),
        };
        if digits.is_empty() {
            return None;
        }
        let mut code = 0u32;
        for &d in digits {
            let digit = char::from(d).to_digit(radix)?;
            code = code.checked_mul(radix)?.checked_add(digit)?;
        }
        // A NUL char reference is not allowed in XML.
        if code == 0 {
            return None;
        }
        char::from_u32(code)
    }

    /// A names attribute as [`RawNames`]: `None` when absent or empty.
    fn raw(value: Option<&[u8]>) -> RawNames<'_> {
        match value {
            Some(v) if !v.is_empty() => RawNames::IrList(v),
            _ => RawNames::None,
        }
    }

    const NET: Key = key!(b"net");
    const LAYERS: Key = key!(b"layers");
    const LAYER: Key = key!(b"layer");
    const OUTPUT: Key = key!(b"output");
    const PORT: Key = key!(b"port");
    const EDGES: Key = key!(b"edges");
    const EDGE: Key = key!(b"edge");
    const TYPE: Key = key!(b"type");
    const ID: Key = key!(b"id");
    const NAMES: Key = key!(b"names");

    /// Whether `e` is one of the top-level `<layer>`s (not a layer of a
    /// `TensorIterator`/`Loop` body, which sits deeper).
    fn is_top_layer(e: &Element<'_>) -> bool {
        e.depth == 3 && e.under(LAYERS, LAYER)
    }

    /// Whether `e` is a `<port>` in the `<output>` of a top-level layer.
    fn is_top_output_port(e: &Element<'_>) -> bool {
        e.depth == 5 && e.under(LAYERS, LAYER) && e.at(4, OUTPUT) && e.at(5, PORT)
    }

    /// Reports inputs then outputs of the IR in `doc` to `sink`.
    pub fn parse(doc: &[u8], sink: &mut impl Sink) -> Result<(), Malformed> {
        // Inputs: the first output port of each top-level Parameter, in
        // document order. The layer is reported at its end tag so that its
        // ports have been seen.
        let mut scanner = Scanner::new(doc);
        let mut parameter: Option<RawNames<'_>> = None;
        while let Some(event) = scanner.next_event()? {
            match event {
                Event::Start(e) if is_top_layer(&e) => {
                    parameter = e.attr(TYPE).is_some_and(|t| key!(b"Parameter").is(t)).then_some(RawNames::None);
                }
                Event::Start(e) if is_top_output_port(&e) => {
                    if parameter == Some(RawNames::None) {
                        parameter = Some(raw(e.attr(NAMES)));
                    }
                }
                Event::End { depth: 3 } => {
                    if let Some(names) = parameter.take() {
                        sink.tensor(false, names);
                    }
                }
                _ => {}
            }
        }
        // Outputs: each top-level Result, in document order.
        let mut scanner = Scanner::new(doc);
        while let Some(event) = scanner.next_event()? {
            if let Event::Start(e) = event {
                if is_top_layer(&e) && e.attr(TYPE).is_some_and(|t| key!(b"Result").is(t)) {
                    let names = match raw(e.attr(key!(b"output_names"))) {
                        RawNames::None => producer_names(doc, e.attr(ID))?,
                        names => names,
                    };
                    sink.tensor(true, names);
                }
            }
        }
        Ok(())
    }

    /// The `names` of the port that feeds the layer with id `result`: the
    /// `<edge>` whose `to-layer` is the Result gives `from-layer`/`from-port`,
    /// and that layer's `<output>` port with that id has the names.
    fn producer_names<'a>(doc: &'a [u8], result: Option<&[u8]>) -> Result<RawNames<'a>, Malformed> {
        let Some(result) = result else { return Ok(RawNames::None) };
        let mut scanner = Scanner::new(doc);
        let mut from = None;
        while let Some(event) = scanner.next_event()? {
            if let Event::Start(e) = event {
                if e.depth == 3 && e.under(EDGES, EDGE) && e.attr(key!(b"to-layer")) == Some(result) {
                    from = e.attr(key!(b"from-layer")).zip(e.attr(key!(b"from-port")));
                    break;
                }
            }
        }
        let Some((layer, port)) = from else { return Ok(RawNames::None) };
        let mut scanner = Scanner::new(doc);
        let mut in_producer = false;
        while let Some(event) = scanner.next_event()? {
            if let Event::Start(e) = event {
                if is_top_layer(&e) {
                    in_producer = e.attr(ID) == Some(layer);
                } else if in_producer && is_top_output_port(&e) && e.attr(ID) == Some(port) {
                    return Ok(raw(e.attr(NAMES)));
                }
            }
        }
        Ok(RawNames::None)
    }
}

/// Just enough protobuf to read tensor names out of an ONNX `ModelProto`.
pub mod onnx {
    use super::{RawNames, Sink};

    /// The bytes are not a protobuf message of the expected shape.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub struct Malformed;

    /// A field value; only length-delimited payloads are kept.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Value<'a> {
        Varint(u64),
        Bytes(&'a [u8]),
        Fixed,
    }

    /// Iterates over the fields of one message, checking every length.
    pub struct Fields<'a> {
        rest: &'a [u8],
    }

    impl<'a> Fields<'a> {
        pub fn new(message: &'a [u8]) -> Self {
            Fields { rest: message }
        }

        /// `Ok(None)` at the end of the message.
        pub fn next_field(&mut self) -> Result<Option<(u64, Value<'a>)>, Malformed> {
            if self.rest.is_empty() {
                return Ok(None);
            }
            let key = self.varint()?;
            let field = key >> 3;
            if field == 0 {
                return Err(Malformed);
            }
            let value = match key & 7 {
                0 => Value::Varint(self.varint()?),
                1 => self.skip(8).map(|_| Value::Fixed)?,
                2 => {
                    let len = usize::try_from(self.varint()?).map_err(|_| Malformed)?;
                    Value::Bytes(self.skip(len)?)
                }
                5 => self.skip(4).map(|_| Value::Fixed)?,
                // Groups (3, 4) are not used by ONNX; 6 and 7 do not exist.
                _ => return Err(Malformed),
            };
            Ok(Some((field, value)))
        }

        fn varint(&mut self) -> Result<u64, Malformed> {
            let mut value = 0u64;
            for (i, &b) in self.rest.iter().enumerate().take(10) {
                let bits = u64::from(b & 0x7f);
                if i == 9 && b > 1 {
                    return Err(Malformed); // more than 64 bits
                }
                value |= bits << (7 * i);
                if b & 0x80 == 0 {
                    self.rest = self.rest.get(i + 1..).unwrap_or(b"");
                    return Ok(value);
                }
            }
            Err(Malformed)
        }

        fn skip(&mut self, len: usize) -> Result<&'a [u8], Malformed> {
            let taken = self.rest.get(..len).ok_or(Malformed)?;
            self.rest = self.rest.get(len..).unwrap_or(b"");
            Ok(taken)
        }
    }

    /// The last occurrence of length-delimited field `number` (protobuf's
    /// "last one wins" for singular fields), checking the whole message.
    fn last_bytes(message: &[u8], number: u64) -> Result<Option<&[u8]>, Malformed> {
        let mut fields = Fields::new(message);
        let mut found = None;
        while let Some((field, value)) = fields.next_field()? {
            if field == number {
                match value {
                    Value::Bytes(b) => found = Some(b),
                    _ => return Err(Malformed),
                }
            }
        }
        Ok(found)
    }

    // Field numbers from onnx.proto.
    const MODEL_IR_VERSION: u64 = 1;
    const MODEL_GRAPH: u64 = 7;
    const GRAPH_INITIALIZER: u64 = 5;
    const GRAPH_INPUT: u64 = 11;
    const GRAPH_OUTPUT: u64 = 12;
    const VALUE_INFO_NAME: u64 = 1;
    const TENSOR_NAME: u64 = 8;

    /// Reports inputs then outputs of the `ModelProto` in `model` to `sink`.
    /// A message without `ir_version` or `graph` is not taken for ONNX, so
    /// other binary formats do not yield made-up names.
    pub fn parse(model: &[u8], sink: &mut impl Sink) -> Result<(), Malformed> {
        let mut fields = Fields::new(model);
        let mut ir_version = false;
        let mut graph = None;
        while let Some((field, value)) = fields.next_field()? {
            match (field, value) {
                (MODEL_IR_VERSION, Value::Varint(_)) => ir_version = true,
                (MODEL_GRAPH, Value::Bytes(g)) => graph = Some(g),
                (MODEL_IR_VERSION | MODEL_GRAPH, _) => return Err(Malformed),
                _ => {}
            }
        }
        let graph = match (ir_version, graph) {
            (true, Some(g)) => g,
            _ => return Err(Malformed),
        };
        for output in [false, true] {
            let wanted = if output { GRAPH_OUTPUT } else { GRAPH_INPUT };
            let mut fields = Fields::new(graph);
            while let Some((field, value)) = fields.next_field()? {
                if field != wanted {
                    continue;
                }
                let Value::Bytes(info) = value else { return Err(Malformed) };
                let name = last_bytes(info, VALUE_INFO_NAME)?;
                if !output && name.is_some() && is_initializer(graph, name)? {
                    continue;
                }
                let names = match name {
                    Some(n) if !n.is_empty() && super::is_utf8(n) => RawNames::Single(n),
                    _ => RawNames::None,
                };
                sink.tensor(output, names);
            }
        }
        Ok(())
    }

    /// Whether `name` is the name of one of the graph's initializers (a
    /// weight that ONNX also lists among the inputs).
    fn is_initializer(graph: &[u8], name: Option<&[u8]>) -> Result<bool, Malformed> {
        let mut fields = Fields::new(graph);
        while let Some((field, value)) = fields.next_field()? {
            if field == GRAPH_INITIALIZER {
                let Value::Bytes(tensor) = value else { return Err(Malformed) };
                if last_bytes(tensor, TENSOR_NAME)? == name {
                    return Ok(true);
                }
            }
        }
        Ok(false)
    }
}

/// A growable byte buffer; the adapter backs it with its arena, the tests
/// with a `Vec`.
pub trait Buf {
    fn len(&self) -> usize;
    /// Shortens the buffer to `len` bytes.
    fn truncate(&mut self, len: usize);
    /// Appends `bytes`; `false` when out of memory.
    fn extend(&mut self, bytes: &[u8]) -> bool;
    fn bytes_mut(&mut self) -> &mut [u8];
}

/// Stores what a [`Sink`] receives as a compact table the adapter keeps per
/// graph: for each tensor (inputs first, then outputs) a little-endian `u32`
/// name count, then each name as a `u32` length and its bytes padded to 4.
pub struct TableWriter<'b, B: Buf> {
    buf: &'b mut B,
    /// Offset of the current tensor's count.
    count_at: usize,
    /// Offset of the current name's length, while a name is open.
    name_at: Option<usize>,
    pub inputs: u32,
    pub outputs: u32,
    /// Cleared when the buffer ran out of memory; the table is then unusable.
    pub ok: bool,
}

impl<'b, B: Buf> TableWriter<'b, B> {
    pub fn new(buf: &'b mut B) -> Self {
        TableWriter { buf, count_at: 0, name_at: None, inputs: 0, outputs: 0, ok: true }
    }

    fn put(&mut self, bytes: &[u8]) {
        self.ok = self.ok && self.buf.extend(bytes);
    }

    /// Appends `n` (at most 4) zero bytes. The bytes come from a local array:
    /// a constant slice would be promoted to a static, i.e. a data segment.
    fn put_zeros(&mut self, n: usize) {
        let zeros = [0u8; 4];
        self.put(zeros.get(..n).unwrap_or(&zeros));
    }

    /// Adds `delta` to the little-endian `u32` at `at`.
    fn bump(&mut self, at: usize, delta: u32) {
        if let Some(slot) = self.buf.bytes_mut().get_mut(at..at + 4) {
            let mut word = [0; 4];
            word.copy_from_slice(slot);
            slot.copy_from_slice(&u32::from_le_bytes(word).wrapping_add(delta).to_le_bytes());
        }
    }
}

impl<B: Buf> Sink for TableWriter<'_, B> {
    fn tensor(&mut self, output: bool, names: RawNames<'_>) {
        if output {
            self.outputs += 1;
        } else {
            self.inputs += 1;
        }
        self.count_at = self.buf.len();
        self.put_zeros(4);
        decode(names, self);
    }
}

impl<B: Buf> NameOut for TableWriter<'_, B> {
    fn byte(&mut self, b: u8) {
        if self.name_at.is_none() {
            self.name_at = Some(self.buf.len());
            self.put_zeros(4);
        }
        let byte = [b];
        self.put(&byte);
    }

    fn abort(&mut self) {
        self.name_at = None;
        self.buf.truncate(self.count_at + 4);
        if let Some(count) = self.buf.bytes_mut().get_mut(self.count_at..self.count_at + 4) {
            count.fill(0);
        }
    }

    fn end(&mut self) {
        let Some(at) = self.name_at.take() else { return };
        let len = self.buf.len() - at - 4;
        self.bump(at, len as u32);
        let pad = (4 - len % 4) % 4;
        self.put_zeros(pad);
        self.bump(self.count_at, 1);
    }
}

/// The names of tensor `t` (inputs first, then outputs) in a table written
/// by [`TableWriter`]; empty when `t` is past the end.
pub fn table_names(table: &[u8], t: u32) -> TableNames<'_> {
    let mut rest = table;
    for _ in 0..t {
        let mut names = TableNames::at(rest);
        while names.next().is_some() {}
        rest = names.rest;
    }
    TableNames::at(rest)
}

/// Iterator over one tensor's names in a table.
pub struct TableNames<'a> {
    remaining: u32,
    rest: &'a [u8],
}

impl<'a> TableNames<'a> {
    fn at(table: &'a [u8]) -> Self {
        match read_u32(table) {
            Some(count) => TableNames { remaining: count, rest: table.get(4..).unwrap_or(b"") },
            None => TableNames { remaining: 0, rest: b"" },
        }
    }
}

impl<'a> Iterator for TableNames<'a> {
    type Item = &'a [u8];
    fn next(&mut self) -> Option<&'a [u8]> {
        if self.remaining == 0 {
            return None;
        }
        self.remaining -= 1;
        let len = read_u32(self.rest)? as usize;
        let name = self.rest.get(4..4 + len)?;
        let padded = 4 + len + (4 - len % 4) % 4;
        self.rest = self.rest.get(padded..).unwrap_or(b"");
        Some(name)
    }
}

fn read_u32(bytes: &[u8]) -> Option<u32> {
    let mut word = [0; 4];
    word.copy_from_slice(bytes.get(..4)?);
    Some(u32::from_le_bytes(word))
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
            self.0.push(String::from_utf8(std::mem::take(&mut self.1)).expect("names are UTF-8"));
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
        names.iter().map(|t| t.iter().map(|s| s.to_string()).collect()).collect()
    }

    fn model(name: &str) -> Vec<u8> {
        std::fs::read(format!("{}/../tests/models/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    #[test]
    fn real_ir_two_io() {
        let c = run(&model("two_io.xml")).unwrap();
        assert_eq!(c.inputs, v(&[&["a"], &["b"]]));
        assert_eq!(c.outputs, v(&[&["sum"], &["product"]]));
    }

    #[test]
    fn every_real_ir_parses() {
        for entry in std::fs::read_dir(format!("{}/../tests/models", env!("CARGO_MANIFEST_DIR"))).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "xml") {
                let c = run(&std::fs::read(&path).unwrap()).unwrap_or_else(|| panic!("{path:?}"));
                // An IR may have no names at all (then every tensor falls
                // back to its index), but it always has inputs and outputs.
                assert!(!c.inputs.is_empty() && !c.outputs.is_empty(), "{path:?}: {c:?}");
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
        let c = run(ir(r#"names="a\,b,c,,d&amp;e,&#x41;""#, r#"output_names="o\,1,o2""#).as_bytes()).unwrap();
        assert_eq!(c.inputs, v(&[&["a,b", "c", "d&e", "A"], &["y"]]));
        // r0 has output_names; r1 falls back to its producer's port (the
        // Parameter `x` port 0).
        assert_eq!(c.outputs, v(&[&["o,1", "o2"], &["a,b", "c", "d&e", "A"]]));
    }

    #[test]
    fn ir_output_names_from_producer_port() {
        let c = run(ir(r#"names="x""#, "").as_bytes()).unwrap();
        assert_eq!(c.outputs, v(&[&["add_out", "alias"], &["x"]]));
    }

    #[test]
    fn ir_missing_names_fall_back_per_tensor() {
        let c = run(ir("", r#"output_names="""#).as_bytes()).unwrap();
        assert_eq!(c.inputs, v(&[&[], &["y"]]));
        assert_eq!(c.outputs, v(&[&["add_out", "alias"], &[]]));
    }

    #[test]
    fn ir_odd_escapes_follow_openvino() {
        // `\x` other than `\,` stays verbatim; a trailing lone `\` vanishes;
        // a newline separates like a comma.
        assert_eq!(decoded(RawNames::IrList(br"p\q,r\")), ["p\\q", "r"]);
        assert_eq!(decoded(RawNames::IrList(b"s&#10;t")), ["s", "t"]);
        assert_eq!(decoded(RawNames::IrList(br"\,")), [","]);
        assert_eq!(decoded(RawNames::IrList(b",,,")), Vec::<String>::new());
        assert_eq!(decoded(RawNames::IrList("é,ü".as_bytes())), ["é", "ü"]);
    }

    #[test]
    fn ir_bad_names_are_dropped_not_fatal() {
        // Bad entity, NUL char ref, non-UTF-8: that tensor has no names.
        for bad in ["&bogus;", "&#0;", "&#xD800;", "&amp", "&#99999999999;"] {
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
        let doc = br#"<net><layers><layer id='0' type='Parameter' name="a>b"><output><port id="0" names='q'/></output></layer></layers></net>"#;
        assert_eq!(run(doc).unwrap().inputs, v(&[&["q"]]));
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
            b"<net></layers>",
            b"<net a=b></net>",
            b"<net a=\"unterminated></net>",
            b"<net><!-- unterminated",
            b"<net><!DOCTYPE unterminated",
            b"<?xml unterminated",
            b"<net/><net/>",
            b"<net a></net>",
            b"<net a=\"<\"></net>",
            b"\xEF\xBB\xBF  <net",
        ];
        for case in cases {
            assert!(run(case).is_none(), "{:?}", String::from_utf8_lossy(case));
        }
        // Deep nesting costs a counter, not stack.
        let deep = format!("<net>{}{}</net>", "<a>".repeat(200_000), "</a>".repeat(200_000));
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
            assert_eq!(is_utf8(&bytes), std::str::from_utf8(&bytes).is_ok(), "{bytes:x?}");
        }
        for s in ["", "a", "é", "€", "𝄞", "\u{10ffff}", "\u{d7ff}", "\u{e000}"] {
            assert!(is_utf8(s.as_bytes()));
        }
        for bad in [&b"\xed\xa0\x80"[..], b"\xc0\x80", b"\xf4\x90\x80\x80", b"\xe2\x82", b"\xff"] {
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
        fn len(&self) -> usize {
            Vec::len(self)
        }
        fn truncate(&mut self, len: usize) {
            Vec::truncate(self, len)
        }
        fn extend(&mut self, bytes: &[u8]) -> bool {
            self.extend_from_slice(bytes);
            true
        }
        fn bytes_mut(&mut self) -> &mut [u8] {
            self
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
        // A corrupt table never panics.
        assert_eq!(table_names(&[9, 0, 0, 0, 200, 0, 0, 0, 1], 0).count(), 0);
        assert_eq!(table_names(&[1, 0], 3).count(), 0);
    }
}
