//! A minimal, non-validating, non-recursive XML scanner that is just enough
//! for OpenVINO IR as OpenVINO writes it (pugixml: attribute values in double
//! quotes, `"` `<` `>` `&` escaped inside them). Comments, processing
//! instructions and `<!…>` declarations are skipped; nesting is a counter
//! (end-tag names are not matched), so depth costs nothing; the scanner
//! remembers only which part of `<net>` (layers or edges) and of a layer
//! (`<output>` or not) it is in, which is all the IR rules need. Documents
//! outside that dialect may get wrong or no names, never a panic.

use super::{NameOut, NamesForm, Sink};
use crate::nodata::{is_utf8, Key};

/// One start tag: what it is for the IR rules, and its attributes.
#[derive(Clone, Copy)]
struct Tag<'a> {
    kind: Kind,
    /// Raw bytes between the tag name and `>`.
    attrs: &'a [u8],
}

/// What a start tag is, for the IR rules (found once per tag, in
/// [`Scanner::start_tag`]). In the order that makes the adapter smallest.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// An `<edge>` of the top-level `<edges>`.
    Edge,
    Other,
    /// A top-level `<layer>` (not one of a `TensorIterator` body) of type
    /// `Parameter`.
    Parameter,
    /// A top-level `<layer>` of type `Result`.
    Result,
    /// A `<port>` in the `<output>` of a top-level layer.
    OutputPort,
    /// The `<data>` of a top-level layer.
    Data,
    /// Any other top-level `<layer>`.
    Layer,
}

/// `<net><layers>`.
const LAYERS: u32 = 1;
/// `<net><edges>`.
const EDGES: u32 = 2;

impl<'a> Tag<'a> {
    /// The raw (still XML-escaped) value of the attribute `key` (its name
    /// then `="`) opens (see [`attr`]).
    fn attr(&self, key: Key) -> &'a [u8] {
        attr(self.attrs, key)
    }
}

/// The raw (still XML-escaped) value of an attribute in the attribute text
/// `attrs`, `key` being its name then `="`: the bytes between a whitespace
/// byte and `key`, and the next `"`. Empty when absent; an empty value
/// counts as absent everywhere in the IR rules.
#[inline(never)]
fn attr(attrs: &[u8], key: Key) -> &[u8] {
    let mut rest = attrs;
    while let Some((&b, tail)) = rest.split_first() {
        rest = tail;
        if b.is_ascii_whitespace() && key.starts(rest) {
            let value = rest.get(key.len()..).unwrap_or(b"");
            let end = value.iter().position(|&c| c == b'"').unwrap_or(0);
            return value.get(..end).unwrap_or(b"");
        }
    }
    b""
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
/// rather than returned, and `next` is inlined into [`parse`], its one
/// caller, where the scanner's fields then live in locals (about 240 bytes
/// less in the adapter than a call with the scanner in memory).
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
    fn new(doc: &'a [u8]) -> Self {
        let tag = Tag {
            kind: Kind::Other,
            attrs: b"",
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

    fn next(&mut self) -> Step {
        #[cfg(test)]
        tests::STEPS.with(|steps| steps.set(steps.get() + 1));
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
            // (a comment at its `-->`: the first `>` after two `-`).
            let end = tag_end(tag);
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
        let (depth, part) = (self.depth, self.part);
        // At depth 3: a `<layer>` of `<layers>` or an `<edge>` of `<edges>`.
        let item = if part == LAYERS {
            key!(b"layer")
        } else {
            key!(b"edge")
        };
        let kind = if depth == 3 && part == EDGES && item.is(name) {
            Kind::Edge
        } else if depth == 3 && part == LAYERS && item.is(name) {
            let ty = attr(attrs, key!(b"type=\""));
            if key!(b"Parameter").is(ty) {
                Kind::Parameter
            } else if key!(b"Result").is(ty) {
                Kind::Result
            } else {
                Kind::Layer
            }
        } else if depth == 5 && part == LAYERS && self.output && key!(b"port").is(name) {
            Kind::OutputPort
        } else if depth == 4 && part == LAYERS && key!(b"data").is(name) {
            Kind::Data
        } else {
            Kind::Other
        };
        self.tag = Tag { kind, attrs };
        Step::Start
    }
}

/// Where the tag that `tag` starts (after its `<`) ends: its first `>`
/// outside double quotes, or for a comment the first `>` right after two
/// `-` (the `-->`; the `--` of `!--` counts, as in `<!-->`).
#[inline(always)]
fn tag_end(tag: &[u8]) -> Option<usize> {
    let comment = key!(b"!--").starts(tag);
    let mut quoted = false;
    // Bit i: the byte i + 1 back is a `-`.
    let mut dashes = 0u32;
    tag.iter().position(|&b| {
        let open = if comment { dashes != 3 } else { quoted };
        quoted ^= b == b'"';
        dashes = (dashes << 1 | u32::from(b == b'-')) & 3;
        b == b'>' && !open
    })
}

/// Decodes an attribute value the way OpenVINO's IR reader (pugixml with
/// its default options) does, into `out`: a raw tab, CR, LF or CR LF becomes
/// one space; `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` and character
/// references `&#N;` / `&#xH;` (code point taken modulo 2^32, as pugixml
/// does) are decoded; any other `&` is a literal `&`. OpenVINO's copy of the
/// value ends at the first NUL a character reference produces. Returns
/// `false` when OpenVINO would reject the IR (a raw NUL) or read a name that
/// is not UTF-8 (raw bytes, a surrogate or a code point past U+10FFFF before
/// that end); what was reported is then void (the caller aborts), and that
/// tensor falls back to its index.
pub(super) fn unescape<O: NameOut>(value: &[u8], out: &mut Splitter<'_, O>) -> bool {
    let mut end = value.len();
    let mut at = 0;
    while let Some(&b) = value.get(at) {
        let live = at < end;
        let (c, len) = match b {
            0 => return false,
            b'&' => entity(value.get(at + 1..).unwrap_or(b"")),
            b'\r' if value.get(at + 1) == Some(&b'\n') => (u32::from(b' '), 2),
            b'\t' | b'\n' | b'\r' => (u32::from(b' '), 1),
            // A raw byte: its UTF-8 validity is checked at the end.
            _ => (u32::from(b), 1),
        };
        if live && c == 0 {
            end = at;
        } else if live && (c > 0x10ffff || (0xd800..0xe000).contains(&c)) {
            return false;
        } else if live && len == 1 {
            // A raw byte, or a `&` or space that stands for itself.
            out.byte(c as u8);
        } else if live {
            put_char(c, out);
        }
        at += len;
    }
    is_utf8(value.get(..end).unwrap_or(b""))
}

/// The entity after a `&` (`rest` starts after it): its code point and its
/// length including the `&`, or `&` itself (length 1) when `rest` does not
/// start with one pugixml decodes.
/// Inlined: as a call, its pair comes back through memory.
#[inline(always)]
fn entity(rest: &[u8]) -> (u32, usize) {
    if rest.first() == Some(&b'#') {
        let hex = rest.get(1) == Some(&b'x');
        let (radix, digits_at) = if hex { (16, 2) } else { (10, 1) };
        let mut code = 0u32;
        let mut at = digits_at;
        while let Some(&d) = rest.get(at) {
            if d == b';' && at > digits_at {
                return (code, at + 2);
            }
            let Some(v) = (d as char).to_digit(16).filter(|&v| v < radix) else {
                break;
            };
            code = code.wrapping_mul(radix).wrapping_add(v);
            at += 1;
        }
    }
    let (c, len) = if key!(b"amp;").starts(rest) {
        (b'&', 5)
    } else if key!(b"lt;").starts(rest) {
        (b'<', 4)
    } else if key!(b"gt;").starts(rest) {
        (b'>', 4)
    } else if key!(b"quot;").starts(rest) {
        (b'"', 6)
    } else if key!(b"apos;").starts(rest) {
        (b'\'', 6)
    } else {
        (b'&', 1)
    };
    (u32::from(c), len)
}

/// Reports the UTF-8 encoding of code point `c` (at most U+10FFFF).
/// Inlined into its one caller, `unescape`.
#[inline(always)]
fn put_char<O: NameOut>(c: u32, out: &mut Splitter<'_, O>) {
    if c < 0x80 {
        out.byte(c as u8);
        return;
    }
    // 1, 2 or 3 for 8 to 11, 12 to 16 or 17 to 21 significant bits.
    let extra = (35 - c.leading_zeros()) / 5 - 1;
    // Lead byte 0xC0, 0xE0 or 0xF0, then the continuation bytes.
    out.byte((0xf00u32 >> (extra + 1)) as u8 | (c >> (6 * extra)) as u8);
    for i in (0..extra).rev() {
        out.byte(0x80 | (c >> (6 * i)) as u8 & 0x3f);
    }
}

/// Reports inputs then outputs of the IR in `doc` to `sink`; `None` when
/// the document is malformed, or when `scratch` has no memory for the
/// output lookup.
///
/// Four scans, whatever the number of tensors: 0 reports the inputs and
/// counts the outputs; 1 records each output; 2 finds the first edge into
/// each output without `output_names`, and 3 the port that edge comes
/// from. Scans 2 and 3 find the records a tag is for in a hash table
/// ([`Table`]), where a scan per output would take time quadratic in
/// their number.
pub fn parse(doc: &[u8], sink: &mut impl Sink, scratch: &mut impl Scratch) -> Option<()> {
    let mut results: usize = 0;
    let mut table = Table { records: &mut [] };
    let mut scratch = Some(scratch);
    for scan in 0..4 {
        if scan == 1 {
            // Each record enters the table at most twice: at most half full.
            let len = (4 * results).max(1).next_power_of_two();
            table.records = scratch.take()?.records(len)?;
            results = 0;
        }
        // The names of the current top-level Parameter (scan 0) and the
        // attributes of its `<data>`, reported at its end tag so that its
        // ports have been seen.
        let mut input: Option<&[u8]> = None;
        let mut data: &[u8] = b"";
        let mut layer = 0;
        let mut scanner = Scanner::new(doc);
        loop {
            let tag = match scanner.next() {
                Step::Bad => return None,
                Step::Done => break,
                Step::End => {
                    // The end of a depth-3 element (a layer).
                    if scanner.depth == 2 {
                        if let Some(input) = input.take() {
                            sink.tensor(false, NamesForm::IrList, input);
                            sink.declared(
                                attr(data, key!(b"element_type=\"")),
                                attr(data, key!(b"shape=\"")),
                            );
                        }
                    }
                    continue;
                }
                Step::Start => scanner.tag,
            };
            let id = |key| number(tag.attr(key));
            let kind = tag.kind;
            if matches!(kind, Kind::Parameter | Kind::Result | Kind::Layer) {
                layer = id(key!(b"id=\""));
            }
            if scan == 0 && kind == Kind::Parameter {
                input = Some(b"");
                data = b"";
            } else if kind == Kind::Data {
                data = tag.attrs;
            } else if kind == Kind::OutputPort {
                let names = tag.attr(key!(b"names=\""));
                if matches!(input, Some([])) {
                    input = Some(names);
                } else if scan == 3 {
                    let port = layer << 32 ^ id(key!(b"id=\""));
                    table.found(port, SEEKING_PORT, 0, names);
                }
            } else if scan < 2 && kind == Kind::Result {
                let names = tag.attr(key!(b"output_names=\""));
                let state = if names.is_empty() {
                    SEEKING_EDGE
                } else {
                    NAMED
                };
                table.enter(layer, results as u32, u64::from(state), names);
                results += 1;
            } else if scan == 2 && kind == Kind::Edge {
                // A Result's first edge gives the key its port is sought by.
                let from = id(key!(b"from-layer=\"")) << 32 ^ id(key!(b"from-port=\""));
                table.found(id(key!(b"to-layer=\"")), SEEKING_EDGE, from, b"");
            }
        }
    }
    for record in table.records.get(..results)? {
        let names = if record.state == NAMED {
            record.names.get()
        } else {
            b""
        };
        sink.tensor(true, NamesForm::IrList, names);
    }
    Some(())
}

/// No check of the element type: what [`element_type`] answers for
/// `dynamic`, `undefined` or an absent attribute.
pub const ANY_TYPE: u32 = u32::MAX;
/// An element type no legacy tensor has (`boolean`, `i8`, ...): every
/// legacy tensor type differs from it.
pub const OTHER_TYPE: u32 = 7;

/// The WIT `tensor-type` code of an IR `element_type` attribute value
/// (`f16` 0, `f32` 1, `f64` 2, `bf16` 3, `u8` 4, `i32` 5, `i64` 6), else
/// [`ANY_TYPE`] or [`OTHER_TYPE`].
#[inline(never)]
pub fn element_type(name: &[u8]) -> u32 {
    if name.is_empty() || key!(b"dynamic").is(name) || key!(b"undefined").is(name) {
        return ANY_TYPE;
    }
    // The name's bytes, first lowest; a longer name is none of these.
    let mut word: u64 = 0;
    for (i, &b) in name.iter().take(5).enumerate() {
        word |= u64::from(b) << (8 * i);
    }
    match word {
        0x36_3166 => 0,
        0x32_3366 => 1,
        0x34_3666 => 2,
        0x3631_6662 => 3,
        0x3875 => 4,
        0x32_3369 => 5,
        0x34_3669 => 6,
        _ => OTHER_TYPE,
    }
}

/// A dimension [`declared_dims`] reports for `?` or `-1`: any size fits.
pub const ANY_DIM: u32 = u32::MAX;

/// Reports to `dim`, in order, the dimensions an IR `shape` attribute value
/// declares (`1,3,224,224`; empty for a scalar), [`ANY_DIM`] for a dynamic
/// one (`?`, `-1`). `false`, part way, when the shape says more than that:
/// a range (`1..10`), a dynamic rank (`...`), or a dimension that is not a
/// number below [`ANY_DIM`].
pub fn declared_dims(shape: &[u8], mut dim: impl FnMut(u32)) -> bool {
    if shape.is_empty() {
        return true;
    }
    for piece in shape.split(|&b| b == b',') {
        if key!(b"?").is(piece) || key!(b"-1").is(piece) {
            dim(ANY_DIM);
            continue;
        }
        let mut value = 0u64;
        for &b in piece {
            let digit = u64::from(b.wrapping_sub(b'0'));
            if digit > 9 {
                return false;
            }
            // Capped past 2^32, so that it cannot wrap.
            value = (value * 10 + digit).min(1 << 33);
        }
        if piece.is_empty() || value >= u64::from(ANY_DIM) {
            return false;
        }
        dim(value as u32);
    }
    true
}

/// Memory for the output lookup, which needs room in proportion to the
/// number of outputs (the adapter has no heap of its own; its arena serves).
pub trait Scratch {
    /// `len` records, all zero (`Record::default()`); `None` when out of
    /// memory.
    fn records(&mut self, len: usize) -> Option<&mut [Record]>;
}

#[cfg(not(target_arch = "wasm32"))]
impl Scratch for Vec<Record> {
    fn records(&mut self, len: usize) -> Option<&mut [Record]> {
        self.clear();
        self.resize(len, Record::default());
        Some(self.as_mut_slice())
    }
}

/// A part of the document, kept without a borrow so that records can live
/// in the caller's memory. [`parse`] makes every span it reads from a part
/// of its `doc`, which it holds throughout.
#[derive(Clone, Copy, Default)]
struct Span {
    ptr: usize,
    len: usize,
}

impl Span {
    fn new(part: &[u8]) -> Span {
        Span {
            ptr: part.as_ptr() as usize,
            len: part.len(),
        }
    }

    fn get<'d>(self) -> &'d [u8] {
        // SAFETY: see the type: a part of the document `parse` holds (a
        // slice's pointer is never null, even when it is empty).
        unsafe { core::slice::from_raw_parts(self.ptr as *const u8, self.len) }
    }
}

/// Where an output's record is: seeking the first edge into its Result,
/// seeking the port that edge comes from, or done (named, or without names).
const SEEKING_EDGE: u32 = 0;
const SEEKING_PORT: u32 = 1;
const NAMED: u32 = 2;

/// One Result layer in the output lookup, and (unrelated to it) one slot of
/// the lookup's hash table.
#[derive(Clone, Copy, Default)]
pub struct Record {
    /// [`SEEKING_EDGE`]: the Result's id; [`SEEKING_PORT`]: the `from-layer`
    /// and `from-port` of its first edge, as `layer << 32 ^ port`.
    key: u64,
    names: Span,
    state: u32,
    /// The table slot: a record's index + 1, 0 when free.
    slot: u32,
}

/// A layer or port id as OpenVINO reads it (`stoll`, so `07` and ` 7` are
/// 7). OpenVINO rejects an IR with an id that is missing or not a number,
/// so such ids need not be told apart: the digits alone are read, modulo
/// 2^32 (OpenVINO writes ids from 0 up), which keeps `layer << 32 ^ port`
/// unambiguous.
fn number(value: &[u8]) -> u64 {
    let mut n: u32 = 0;
    for &d in value {
        let digit = u32::from(d).wrapping_sub(u32::from(b'0'));
        if digit < 10 {
            n = n.wrapping_mul(10).wrapping_add(digit);
        }
    }
    u64::from(n)
}

/// The output lookup's hash table: open addressing with linear probing
/// over the records' `slot`s, one entry per record and state it enters, at
/// most two per record in at least four slots per record. An entry whose
/// record moved on stays, matching nothing; a probe for a key visits every
/// entry up to the first free slot, so records sharing a key need no chain.
struct Table<'r> {
    records: &'r mut [Record],
}

impl Table<'_> {
    /// Sets record `i` and enters it unless it is [`NAMED`]. (Parameters
    /// in the order and types of [`Table::found`]'s, which makes them one
    /// function type.)
    fn enter(&mut self, key: u64, i: u32, state: u64, names: &[u8]) {
        let state = state as u32;
        let Some(record) = self.records.get_mut(i as usize) else {
            return;
        };
        // Not `*record = …`: its `slot` belongs to the table.
        record.key = key;
        record.names = Span::new(names);
        record.state = state;
        let mut at = start(key);
        while let Some(slot) = self.slot(at).filter(|_| state != NAMED) {
            if *slot == 0 {
                *slot = i + 1;
                return;
            }
            at += 1;
        }
    }

    /// Moves every record with `key` in `state` on to the next state, with
    /// `next_key` and `names`; a record that moved on matches no later tag,
    /// so only the first tag for a key counts.
    fn found(&mut self, key: u64, state: u32, next_key: u64, names: &[u8]) {
        let mut at = start(key);
        while let Some(&mut entry @ 1..) = self.slot(at) {
            let i = entry as usize - 1;
            if self
                .records
                .get(i)
                .is_some_and(|r| r.state == state && r.key == key)
            {
                self.enter(next_key, i as u32, u64::from(state) + 1, names);
            }
            at += 1;
        }
    }

    /// Slot `at` (modulo the table size): a record's index + 1, 0 when free.
    fn slot(&mut self, at: usize) -> Option<&mut u32> {
        let mask = self.records.len().wrapping_sub(1);
        self.records.get_mut(at & mask).map(|r| &mut r.slot)
    }
}

/// Where the probe for `key` starts.
fn start(key: u64) -> usize {
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize
}

/// OpenVINO's tensor-name list splitting over decoded bytes: names are
/// separated by commas, a `\` right before a comma makes that comma part of
/// the name (and is dropped), every other `\` stays, and empty names vanish.
/// Spaces are kept, at both ends too.
pub(super) struct Splitter<'o, O: NameOut> {
    pub(super) out: &'o mut O,
    /// The previous byte was a `\`, not yet reported.
    pub(super) escaped: bool,
    pub(super) nonempty: bool,
}

impl<O: NameOut> Splitter<'_, O> {
    pub(super) fn byte(&mut self, b: u8) {
        if self.escaped {
            self.escaped = false;
            if b == b',' {
                self.emit(b);
                return;
            }
            self.emit(b'\\');
        }
        if b == b'\\' {
            self.escaped = true;
        } else if b == b',' {
            self.finish();
        } else {
            self.emit(b);
        }
    }

    fn emit(&mut self, b: u8) {
        self.nonempty = true;
        self.out.byte(b);
    }

    pub(super) fn finish(&mut self) {
        if self.escaped {
            self.escaped = false;
            self.emit(b'\\');
        }
        if self.nonempty {
            self.nonempty = false;
            self.out.end();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{decoded, ir, model, run, v, Collect};
    use super::super::NamesForm;
    use std::cell::Cell;

    thread_local! {
        /// Tags the scanners of this thread have stepped over.
        pub(super) static STEPS: Cell<u64> = const { Cell::new(0) };
    }

    /// An IR of `outputs` Results without `output_names`, each fed by its
    /// own Relu, edges listed last to first.
    fn wide_ir(outputs: usize) -> String {
        let mut layers = String::from(
            r#"<layer id="0" type="Parameter"><output><port id="0" names="in"/></output></layer>"#,
        );
        let mut edges = String::new();
        for i in 1..=outputs {
            let (relu, result) = (2 * i, 2 * i + 1);
            layers += &format!(
                r#"<layer id="{relu}" type="Relu"><output><port id="1" names="r{i}"/></output></layer><layer id="{result}" type="Result"/>"#
            );
            edges = format!(
                r#"<edge from-layer="0" from-port="0" to-layer="{relu}" to-port="0"/><edge from-layer="{relu}" from-port="1" to-layer="{result}" to-port="0"/>{edges}"#
            );
        }
        format!("<net><layers>{layers}</layers><edges>{edges}</edges></net>")
    }

    #[test]
    fn output_lookup_is_linear() {
        // Scans over the document are a fixed number whatever the number of
        // outputs; a scan per output (the quadratic lookup this replaced)
        // needs 2,000 times as many steps here.
        let doc = wide_ir(2_000);
        let tags = doc.matches('<').count() as u64;
        STEPS.with(|s| s.set(0));
        let c = run(doc.as_bytes()).unwrap();
        let steps = STEPS.with(|s| s.get());
        assert_eq!(c.outputs.len(), 2_000);
        assert_eq!(c.outputs[0], ["r1"]);
        assert_eq!(c.outputs[1_999], ["r2000"]);
        assert!(steps <= 8 * tags, "{steps} scanner steps for {tags} tags");
    }

    /// The names of each output by the rule, computed the obvious way from
    /// what [`random_ir`] generated.
    struct Expected {
        doc: String,
        outputs: Vec<Vec<String>>,
    }

    /// An IR of random layers, ports, Results and edges, with empty and
    /// repeated ids, shared producers and edges to nowhere.
    fn random_ir(seed: u64) -> Expected {
        let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
        let mut below = |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % n
        };
        let id = |v: u64| if v == 0 { String::new() } else { v.to_string() };
        let attr = |name: &str, v: &str| {
            if v.is_empty() && name != "names" {
                String::new()
            } else {
                format!(r#" {name}="{v}""#)
            }
        };
        // (layer id, [(port id, names)]) and Result ids, in document order.
        let mut layers: Vec<(String, Vec<(String, String)>)> = Vec::new();
        let mut results = Vec::new();
        let mut text = String::new();
        for n in 0..below(40) {
            if below(3) == 0 {
                let rid = id(below(12));
                text += &format!(r#"<layer{} type="Result"/>"#, attr("id", &rid));
                results.push(rid);
            } else {
                let lid = id(below(12));
                let ports: Vec<(String, String)> = (0..below(3))
                    .map(|p| (id(below(4)), format!("n{n}_{p}")))
                    .collect();
                let ports_text: String = ports
                    .iter()
                    .map(|(p, names)| format!("<port{}{}/>", attr("id", p), attr("names", names)))
                    .collect();
                text += &format!(
                    r#"<layer{} type="Relu"><output>{ports_text}</output></layer>"#,
                    attr("id", &lid)
                );
                layers.push((lid, ports));
            }
        }
        let edges: Vec<[String; 3]> = (0..below(30))
            .map(|_| [id(below(12)), id(below(4)), id(below(12))])
            .collect();
        let edges_text: String = edges
            .iter()
            .map(|[l, p, t]| {
                format!(
                    "<edge{}{}{}/>",
                    attr("from-layer", l),
                    attr("from-port", p),
                    attr("to-layer", t)
                )
            })
            .collect();
        let outputs = results
            .iter()
            .map(|rid| {
                let names = || -> Option<String> {
                    let [l, p, _] = edges.iter().find(|e| &e[2] == rid)?;
                    layers
                        .iter()
                        .filter(|(lid, _)| lid == l)
                        .flat_map(|(_, ports)| ports)
                        .find(|(pid, _)| pid == p)
                        .map(|(_, names)| names.clone())
                };
                names().into_iter().collect()
            })
            .collect();
        Expected {
            doc: format!("<net><layers>{text}</layers><edges>{edges_text}</edges></net>"),
            outputs,
        }
    }

    #[test]
    fn output_lookup_follows_the_rule() {
        for seed in 0..2_000 {
            let expected = random_ir(seed);
            let c = run(expected.doc.as_bytes()).unwrap();
            assert_eq!(c.outputs, expected.outputs, "{}", expected.doc);
        }
    }

    #[test]
    fn real_ir_two_io() {
        let c = run(&model("two_io.xml")).unwrap();
        assert_eq!(c.inputs, v(&[&["a"], &["b"]]));
        assert_eq!(c.outputs, v(&[&["sum"], &["difference"]]));
    }

    #[test]
    fn inputs_declare_their_element_type_and_shape() {
        let c = run(&model("two_io.xml")).unwrap();
        let f32_1x4 = ("f32".to_string(), "1,4".to_string());
        assert_eq!(c.declared, [f32_1x4.clone(), f32_1x4]);
        let c = run(&model("dynamic.xml")).unwrap();
        assert_eq!(c.declared, [("f32".to_string(), "?,3".to_string())]);
        let types: Vec<u32> = run(&model("all_types.xml"))
            .unwrap()
            .declared
            .iter()
            .map(|(ty, _)| super::element_type(ty.as_bytes()))
            .collect();
        // f16 f32 f64 bf16 u8 i32 i64, as WIT numbers them.
        assert_eq!(types, [0, 1, 2, 3, 4, 5, 6]);
        // A Parameter without `<data>` (the fixture's second) declares
        // nothing, not its predecessor's.
        let c = run(ir("", "").as_bytes()).unwrap();
        let none = (String::new(), String::new());
        assert_eq!(c.declared, [("f32".to_string(), "1".to_string()), none]);
    }

    #[test]
    fn element_types() {
        use super::{element_type, ANY_TYPE, OTHER_TYPE};
        for (name, code) in [
            ("f16", 0),
            ("f32", 1),
            ("f64", 2),
            ("bf16", 3),
            ("u8", 4),
            ("i32", 5),
            ("i64", 6),
            ("dynamic", ANY_TYPE),
            ("undefined", ANY_TYPE),
            ("", ANY_TYPE),
            ("boolean", OTHER_TYPE),
            ("i8", OTHER_TYPE),
            ("u64", OTHER_TYPE),
            ("f32x", OTHER_TYPE),
            ("f8e4m3", OTHER_TYPE),
        ] {
            assert_eq!(element_type(name.as_bytes()), code, "{name:?}");
        }
    }

    #[test]
    fn declared_shapes() {
        use super::ANY_DIM;
        let dims = |shape: &str| {
            let mut dims = Vec::new();
            super::declared_dims(shape.as_bytes(), |d| dims.push(d)).then_some(dims)
        };
        assert_eq!(dims("1,3,224,224"), Some(vec![1, 3, 224, 224]));
        assert_eq!(dims("10"), Some(vec![10]));
        assert_eq!(dims("0,4294967294"), Some(vec![0, u32::MAX - 1]));
        assert_eq!(dims(""), Some(vec![]));
        assert_eq!(dims("?,3"), Some(vec![ANY_DIM, 3]));
        assert_eq!(dims("-1,-1"), Some(vec![ANY_DIM, ANY_DIM]));
        for unchecked in [
            "1..10,3",
            "...",
            "1,,2",
            "1,",
            "4294967295",
            "99999999999999999999999",
            " 1",
            "-2",
            "??",
        ] {
            assert_eq!(dims(unchecked), None, "{unchecked:?}");
        }
    }

    #[test]
    fn every_real_ir_parses() {
        for entry in
            std::fs::read_dir(format!("{}/../../tests/models", env!("CARGO_MANIFEST_DIR"))).unwrap()
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
        // ports of Add (`sum`) and Subtract (`difference`) that feed them.
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
        assert_eq!(c.outputs, v(&[&["sum"], &["difference"]]));
    }

    #[test]
    fn ir_producer_port_edge_cases() {
        // The Result is named by the port its first edge comes from; an
        // edge, layer or port that is not there gives no names (never a
        // failure), and only edges in the top-level `<edges>` count. Ids
        // are numbers: `03` is 3. (OpenVINO rejects an IR with a missing
        // id, which reads as 0 here, an id none of these layers has.)
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
        assert_eq!(names(good, r#"id="03""#), v(&[&["relu"]]));
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
        // Hand-picked cases of `ir_names_agree_with_openvino`: `\x` other
        // than `\,` stays verbatim, a trailing `\` too; `\\,` is `\` then an
        // escaped comma; raw whitespace becomes a space, a newline from a
        // character reference stays and separates nothing; spaces at both
        // ends stay; a NUL from a character reference ends the value.
        let names = |raw: &[u8]| decoded(NamesForm::IrList, raw);
        assert_eq!(names(br"p\q,r\"), ["p\\q", "r\\"]);
        assert_eq!(names(br"a\\,b"), ["a\\,b"]);
        assert_eq!(names(br"\,"), [","]);
        assert_eq!(names(b"a\tb\r\nc\rd\ne"), ["a b c d e"]);
        assert_eq!(names(b"&#10;q"), ["\nq"]);
        assert_eq!(names(b" a , b "), [" a ", " b "]);
        assert_eq!(names(b"a&#0;b,c"), ["a"]);
        assert_eq!(names(b"a&#0;\xff"), ["a"]);
        assert_eq!(names(b"a&#44;b,a\\&#44;b"), ["a", "b", "a,b"]);
        assert_eq!(
            names(b"&#65;&#x42;&#xe9;&#x1F600;&#4294967361;"),
            ["AB\u{e9}\u{1f600}A"]
        );
        for c in (0x80..=0x10ffff).filter_map(char::from_u32) {
            let raw = format!("&#x{:x};", u32::from(c));
            assert_eq!(names(raw.as_bytes()), [c.to_string()]);
        }
        assert_eq!(names(b",,,"), Vec::<String>::new());
        assert_eq!(names("\u{e9},\u{fc}".as_bytes()), ["\u{e9}", "\u{fc}"]);
        // Not entities to pugixml: kept verbatim.
        assert_eq!(names(b"&#xAf;&#x4a;"), ["\u{af}J"]);
        for verbatim in [
            "&bogus;", "&amp", "a&", "&#;", "&#x;", "&#X41;", "&#12x;", "&#1a;",
        ] {
            assert_eq!(names(verbatim.as_bytes()), [verbatim]);
        }
    }

    #[test]
    fn ir_bad_names_are_dropped_not_fatal() {
        // A raw NUL (OpenVINO rejects the IR), a name that is not UTF-8
        // (surrogate, past U+10FFFF, raw bytes): that tensor has no names.
        for bad in ["&#xD800;", "&#x110000;", "ok,&#1114112;", "a\0b"] {
            let c = run(ir(&format!(r#"names="{bad}""#), "").as_bytes()).unwrap();
            assert_eq!(c.inputs[0], Vec::<String>::new(), "{bad}");
        }
        let mut doc = ir(r#"names="ZZ""#, "").into_bytes();
        let at = doc.windows(2).position(|w| w == b"ZZ").unwrap();
        doc[at] = 0xff;
        let c = run(&doc).unwrap();
        assert_eq!(c.inputs[0], Vec::<String>::new());
    }

    /// Differential test against OpenVINO's IR reader: every `names`
    /// attribute in `tests/models/ir_names.txt` (written by
    /// `tests/models/generate.py ir_names` with OpenVINO itself) must give
    /// exactly the names OpenVINO reports for that tensor, both for the
    /// Parameter and for the Result it feeds; where OpenVINO rejects the IR
    /// or reports a name that is not UTF-8, the tensor gets no names.
    #[test]
    fn ir_names_agree_with_openvino() {
        let fixture = String::from_utf8(model("ir_names.txt")).unwrap();
        let hex = |h: &str| -> Vec<u8> {
            (0..h.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&h[i..i + 2], 16).unwrap())
                .collect()
        };
        let template = ir(r#"names="@""#, "").into_bytes();
        let at = template.iter().position(|&b| b == b'@').unwrap();
        let mut disagree = Vec::new();
        for line in fixture.lines() {
            let mut fields = line.split(' ');
            let attr = hex(fields.next().unwrap());
            let expected: Vec<String> = match fields.next().unwrap() {
                "ok" => fields.map(|n| String::from_utf8(hex(n)).unwrap()).collect(),
                "rejected" | "not-utf8" => Vec::new(),
                other => panic!("bad fixture status {other:?}"),
            };
            let doc = [&template[..at], &attr, &template[at + 1..]].concat();
            let c = run(&doc).unwrap();
            let mut got = c.inputs[0].clone();
            got.sort();
            got.dedup();
            let mut via_edge = c.outputs[1].clone();
            via_edge.sort();
            via_edge.dedup();
            if got != expected || via_edge != expected {
                disagree.push(format!("{line}: adapter {got:?}, OpenVINO {expected:?}"));
            }
        }
        assert!(fixture.lines().count() >= 400);
        assert!(
            disagree.is_empty(),
            "{} disagreements:\n{}",
            disagree.len(),
            disagree.join("\n")
        );
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
    fn tag_ends() {
        use super::tag_end;
        assert_eq!(tag_end(b"!-->"), Some(3));
        assert_eq!(tag_end(b"!--->x"), Some(4));
        assert_eq!(tag_end(b"!-- a > \" b -->x"), Some(14));
        assert_eq!(tag_end(b"!-- - > --->"), Some(11));
        assert_eq!(tag_end(b"!-- --"), None);
        assert_eq!(tag_end(b"!- ->"), Some(4));
        assert_eq!(tag_end(b"a x=\">\" >"), Some(8));
        assert_eq!(tag_end(b"a x=\">"), None);
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
}
