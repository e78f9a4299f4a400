//! Text from the module (import and export names, custom sections, messages
//! quoting them) made safe to print: no input byte can break a message over
//! lines, move the cursor or reorder what the terminal shows.

use std::fmt;

/// `text` with control characters escaped as Rust writes them (`\n`, `\r`,
/// `\t`, `\0`, else `\u{1b}`), and so are the Unicode line and paragraph
/// separators and the bidirectional formatting characters.
pub(crate) struct Escaped<'a>(pub(crate) &'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some(at) = rest.find(needs_escape) {
            f.write_str(&rest[..at])?;
            let c = rest[at..].chars().next().unwrap_or_default();
            match c {
                '\n' => f.write_str("\\n")?,
                '\r' => f.write_str("\\r")?,
                '\t' => f.write_str("\\t")?,
                '\0' => f.write_str("\\0")?,
                other => write!(f, "\\u{{{:x}}}", other as u32)?,
            }
            rest = &rest[at + c.len_utf8()..];
        }
        f.write_str(rest)
    }
}

/// `text` escaped, as a `String`.
pub(crate) fn escaped(text: &str) -> String {
    Escaped(text).to_string()
}

fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{200e}' | '\u{200f}' | '\u{202a}'
                ..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped_and_the_rest_kept() {
        assert_eq!(escaped("load\n   error: x"), "load\\n   error: x");
        assert_eq!(
            escaped("a\r\t\0\u{1b}[31mb\u{7f}\u{85}"),
            "a\\r\\t\\0\\u{1b}[31mb\\u{7f}\\u{85}"
        );
        assert_eq!(escaped("x\u{2028}y\u{202e}z"), "x\\u{2028}y\\u{202e}z");
        assert_eq!(escaped("données `ok` \\n"), "données `ok` \\n");
        assert_eq!(escaped(""), "");
    }
}
