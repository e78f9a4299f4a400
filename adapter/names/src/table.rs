//! The compact table of tensor names the adapter keeps per graph, written
//! from what the parsers report and read back by tensor index.

use super::{decode, NameOut, NamesForm, Sink};

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
    fn tensor(&mut self, output: bool, form: NamesForm, names: &[u8]) {
        if output {
            self.outputs += 1;
        } else {
            self.inputs += 1;
        }
        self.start = self.buf.used();
        decode(form, names, self);
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
    let (mut rest, mut t) = (table, t);
    // Tensors end at a NUL that starts a name (an empty name).
    let mut name_start = true;
    while t > 0 {
        let Some((&b, tail)) = rest.split_first() else {
            break;
        };
        rest = tail;
        if b == 0 && name_start {
            t -= 1;
        }
        name_start = b == 0;
    }
    TableNames { rest }
}

/// Iterator over one tensor's names in a table; the default has none.
#[derive(Default)]
pub struct TableNames<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for TableNames<'a> {
    type Item = &'a [u8];
    fn next(&mut self) -> Option<&'a [u8]> {
        let all = self.rest;
        let mut len = 0;
        while let Some((&b, tail)) = self.rest.split_first() {
            self.rest = tail;
            if b == 0 {
                break;
            }
            len += 1;
        }
        all.get(..len).filter(|name| !name.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::super::testing::ir;
    use super::*;

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
    fn skipping_a_tensor_stops_where_its_names_end() {
        // `table_names` skips tensors as `next` would walk them (to their
        // first empty name), on every string of bytes 0 and 1 up to 12 long,
        // corrupt ones included.
        for len in 0..=12 {
            for bits in 0..1u32 << len {
                let table: Vec<u8> = (0..len).map(|i| (bits >> i & 1) as u8).collect();
                for t in 0..8 {
                    let mut walked = TableNames { rest: &table };
                    for _ in 0..t {
                        while walked.next().is_some() {}
                    }
                    assert_eq!(table_names(&table, t).rest, walked.rest, "{table:?} {t}");
                }
            }
        }
    }

    #[test]
    fn table_round_trip() {
        let doc = ir(r#"names="a\,b,c,d""#, r#"output_names="o1,o22,o333,o4444""#);
        let mut buf = Vec::new();
        let mut w = TableWriter::new(&mut buf);
        assert!(parse(doc.as_bytes(), &mut w, &mut Vec::new()));
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
        assert!(parse(ir("", "").as_bytes(), &mut w, &mut Vec::new()));
        assert_eq!(table_names(&buf, 0).count(), 0);
        assert_eq!(table_names(&buf, 1).collect::<Vec<_>>(), vec![b"y"]);
        assert_eq!(table_names(&buf, 1000).count(), 0);
        // Undecodable names leave the tensor without names, the rest intact.
        let mut buf = Vec::new();
        let mut w = TableWriter::new(&mut buf);
        assert!(parse(
            ir(r#"names="ok,&#xD800;""#, "").as_bytes(),
            &mut w,
            &mut Vec::new()
        ));
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
