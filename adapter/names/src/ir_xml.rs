//! A minimal, non-validating, non-recursive XML scanner that is just enough
//! for OpenVINO IR as OpenVINO writes it (pugixml: attribute values in double
//! quotes, `"` `<` `>` `&` escaped inside them). Comments, processing
//! instructions and `<!…>` declarations are skipped; nesting is a counter
//! (end-tag names are not matched), so depth costs nothing; the scanner
//! remembers only which part of `<net>` (layers or edges) and of a layer
//! (`<output>` or not) it is in, which is all the IR rules need. Documents
//! outside that dialect may get wrong or no names, never a panic.

use super::{NameOut, RawNames, Sink};
use crate::nodata::{is_utf8, Key};

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

/// Decodes an attribute value the way OpenVINO's IR reader (pugixml with
/// its default options) does, into `out`: a raw tab, CR, LF or CR LF becomes
/// one space; `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` and character
/// references `&#N;` / `&#xH;` (code point taken modulo 2^32, as pugixml
/// does) are decoded; any other `&` is a literal `&`. OpenVINO's copy of the
/// value ends at the first NUL a character reference produces. Returns
/// `false`, having reported nothing, when OpenVINO would reject the IR (a raw
/// NUL) or read a name that is not UTF-8 (raw bytes, a surrogate or a code
/// point past U+10FFFF before that end): that tensor falls back to its index.
pub(super) fn unescape<O: NameOut>(value: &[u8], out: &mut Splitter<'_, O>) -> bool {
    // Pass 0 finds the end of OpenVINO's copy and checks; pass 1 reports.
    let mut end = value.len();
    for pass in 0..2 {
        let mut at = 0;
        while let Some(&b) = value.get(at) {
            let live = at < end;
            let (c, len) = match b {
                0 => return false,
                b'&' => entity(value.get(at + 1..).unwrap_or(b"")),
                b'\r' if value.get(at + 1) == Some(&b'\n') => (u32::from(b' '), 2),
                b'\t' | b'\n' | b'\r' => (u32::from(b' '), 1),
                _ => {
                    // A raw byte: its UTF-8 validity is checked below.
                    if pass == 1 && live {
                        out.byte(b);
                    }
                    at += 1;
                    continue;
                }
            };
            if live && c == 0 {
                end = at;
            } else if live && pass == 0 && (c > 0x10ffff || (0xd800..0xe000).contains(&c)) {
                return false;
            } else if live && pass == 1 {
                put_char(c, out);
            }
            at += len;
        }
        if !is_utf8(value.get(..end).unwrap_or(b"")) {
            return false;
        }
    }
    true
}

/// The entity after a `&` (`rest` starts after it): its code point and its
/// length including the `&`, or `&` itself (length 1) when `rest` does not
/// start with one pugixml decodes.
#[inline(never)]
fn entity(rest: &[u8]) -> (u32, usize) {
    let named = if key!(b"amp;").starts(rest) {
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
    if rest.first() != Some(&b'#') {
        return (u32::from(named.0), named.1);
    }
    let hex = rest.get(1) == Some(&b'x');
    let (radix, digits_at) = if hex { (16, 2) } else { (10, 1) };
    let mut code = 0u32;
    let mut at = digits_at;
    while let Some(&d) = rest.get(at) {
        if d == b';' && at > digits_at {
            return (code, at + 2);
        }
        let Some(v) = (d as char).to_digit(radix) else {
            break;
        };
        code = code.wrapping_mul(radix).wrapping_add(v);
        at += 1;
    }
    (u32::from(b'&'), 1)
}

/// Reports the UTF-8 encoding of code point `c` (at most U+10FFFF).
fn put_char<O: NameOut>(c: u32, out: &mut Splitter<'_, O>) {
    if c < 0x80 {
        out.byte(c as u8);
        return;
    }
    let extra: u32 = if c < 0x800 {
        1
    } else if c < 0x10000 {
        2
    } else {
        3
    };
    // Lead byte 0xC0, 0xE0 or 0xF0, then the continuation bytes.
    out.byte((0xf00u32 >> (extra + 1)) as u8 | (c >> (6 * extra)) as u8);
    for i in (0..extra).rev() {
        out.byte(0x80 | (c >> (6 * i)) as u8 & 0x3f);
    }
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
    use super::super::RawNames;

    #[test]
    fn real_ir_two_io() {
        let c = run(&model("two_io.xml")).unwrap();
        assert_eq!(c.inputs, v(&[&["a"], &["b"]]));
        assert_eq!(c.outputs, v(&[&["sum"], &["difference"]]));
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
        // Hand-picked cases of `ir_names_agree_with_openvino`: `\x` other
        // than `\,` stays verbatim, a trailing `\` too; `\\,` is `\` then an
        // escaped comma; raw whitespace becomes a space, a newline from a
        // character reference stays and separates nothing; spaces at both
        // ends stay; a NUL from a character reference ends the value.
        let names = |raw: &[u8]| decoded(RawNames::IrList(raw));
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
        assert_eq!(names(b",,,"), Vec::<String>::new());
        assert_eq!(names("\u{e9},\u{fc}".as_bytes()), ["\u{e9}", "\u{fc}"]);
        // Not entities to pugixml: kept verbatim.
        for verbatim in ["&bogus;", "&amp", "a&", "&#;", "&#x;", "&#X41;", "&#12x;"] {
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
