//! The command-line values `nn-componentize` and `nn-host` share, parsed
//! once so that both tools take the same spellings: `--graph` (and
//! Wasmtime's `-S nn-graph`), sizes and durations. Parsers return `String`
//! errors, as clap's value parsers want them.

use std::path::PathBuf;
use std::time::Duration;

/// The graph encodings `--graph` takes in both tools: those nn-host's
/// backends read (nn-host's tests check that the two lists agree).
pub const GRAPH_ENCODINGS: [&str; 5] = ["openvino", "onnx", "tensorflowlite", "autodetect", "ggml"];

/// The encoding whose graph is one model file (a GGUF) rather than a folder.
pub const FILE_ENCODING: &str = "ggml";

/// A `--graph` value: graph `name` (what `load_by_name` asks for) is the
/// model in folder `dir` (for [`FILE_ENCODING`], the model file), in
/// `encoding` (one of [`GRAPH_ENCODINGS`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GraphArg {
    pub name: String,
    pub encoding: String,
    pub dir: PathBuf,
}

/// Parses `NAME=ENC::DIR`, or Wasmtime's `ENC::DIR`, which names the graph
/// after the folder (the last component of `DIR`). `DIR` must not be a
/// file: a preloaded graph is a folder, except for `ggml`, whose graph is
/// one GGUF file (`NAME=ggml::FILE`, or `ggml::FILE` named after the
/// file's stem) and must not be a folder.
pub fn parse_graph(arg: &str) -> Result<GraphArg, String> {
    let usage = || format!("expected NAME=ENC::DIR or ENC::DIR, got `{arg}`");
    let (head, dir) = arg.split_once("::").ok_or_else(usage)?;
    let (name, encoding) = match head.split_once('=') {
        Some((name, encoding)) => (Some(name), encoding),
        None => (None, head),
    };
    if dir.is_empty() {
        return Err(usage());
    }
    if !GRAPH_ENCODINGS.contains(&encoding) {
        return Err(format!(
            "unknown graph encoding `{encoding}` in `{arg}`; expected one of: {}",
            GRAPH_ENCODINGS.join(", ")
        ));
    }
    let dir = PathBuf::from(dir);
    if encoding == FILE_ENCODING {
        if dir.is_dir() {
            return Err(format!(
                "{} is a folder; a ggml graph is one GGUF file: write ggml::FILE.gguf",
                dir.display()
            ));
        }
        let name = match name {
            Some(name) => name.to_owned(),
            None => dir
                .file_stem()
                .map(|stem| stem.to_string_lossy().into_owned())
                .ok_or_else(|| {
                    format!("`{arg}` names no file to name the graph after; write NAME=ggml::FILE")
                })?,
        };
        if name.is_empty() {
            return Err(format!(
                "expected NAME=ggml::FILE with a non-empty graph NAME (what load_by_name asks for), got `{arg}`"
            ));
        }
        return Ok(GraphArg {
            name,
            encoding: encoding.to_owned(),
            dir,
        });
    }
    if dir.is_file() {
        return Err(format!(
            "{} is a file; a graph is given by its folder: give its folder, {}",
            dir.display(),
            match dir.parent().map(|p| p.display().to_string()) {
                Some(parent) if !parent.is_empty() => parent,
                _ => ".".to_owned(),
            }
        ));
    }
    let name = match name {
        Some(name) => name.to_owned(),
        None => folder_name(&dir).ok_or_else(|| {
            format!("`{arg}` names no folder to name the graph after; write NAME=ENC::DIR")
        })?,
    };
    if name.is_empty() {
        return Err(format!(
            "expected NAME=ENC::DIR with a non-empty graph NAME (what load_by_name asks for), got `{arg}`"
        ));
    }
    Ok(GraphArg {
        name,
        encoding: encoding.to_owned(),
        dir,
    })
}

/// The last normal component of `dir` (`models/softmax/` gives `softmax`).
fn folder_name(dir: &std::path::Path) -> Option<String> {
    dir.components().rev().find_map(|c| match c {
        std::path::Component::Normal(name) => Some(name.to_string_lossy().into_owned()),
        _ => None,
    })
}

/// Refuses a graph name given twice: which one `load_by_name` would get is
/// not for the tools to guess.
pub fn check_graph_names_unique<'a>(
    names: impl IntoIterator<Item = &'a str>,
) -> Result<(), String> {
    let mut seen = std::collections::HashSet::new();
    for name in names {
        if !seen.insert(name) {
            return Err(format!(
                "the graph name `{name}` is given twice; give each graph one name"
            ));
        }
    }
    Ok(())
}

/// Parses a size in bytes: `1048576`, or with a binary suffix `64K`, `100M`,
/// Parses WasmEdge's `--nn-preload NAME:ENCODING:TARGET:FILE` for a GGML
/// model (`default:GGML:AUTO:model.gguf`), as `--graph NAME=ggml::FILE`.
/// Any target is taken (the graph runs on the CPU); other encodings are
/// refused with the `--graph` spelling to use instead.
pub fn parse_nn_preload(arg: &str) -> Result<GraphArg, String> {
    let mut parts = arg.splitn(4, ':');
    let (Some(name), Some(encoding), Some(_target), Some(file)) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(format!(
            "expected WasmEdge's NAME:GGML:TARGET:FILE (default:GGML:AUTO:model.gguf), got `{arg}`"
        ));
    };
    if !encoding.eq_ignore_ascii_case(FILE_ENCODING) {
        return Err(format!(
            "--nn-preload takes GGML models only (`{encoding}` in `{arg}`); preload other models with --graph NAME=ENC::DIR"
        ));
    }
    if file.is_empty() {
        return Err(format!("`{arg}` names no model file"));
    }
    parse_graph(&format!("{name}={FILE_ENCODING}::{file}"))
}

/// `1G` (KiB, MiB, GiB; lower case too).
pub fn parse_size(arg: &str) -> Result<u64, String> {
    let (digits, shift) = match arg.as_bytes().last() {
        Some(b'K' | b'k') => (&arg[..arg.len() - 1], 10),
        Some(b'M' | b'm') => (&arg[..arg.len() - 1], 20),
        Some(b'G' | b'g') => (&arg[..arg.len() - 1], 30),
        _ => (arg, 0),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(1 << shift))
        .ok_or_else(|| {
            format!("expected a number of bytes like 1048576, 64K, 100M or 1G, got `{arg}`")
        })
}

/// `bytes` for messages: in the largest binary unit that divides it.
pub fn format_size(bytes: u64) -> String {
    match bytes {
        0 => "0 bytes".to_owned(),
        b if b % (1 << 30) == 0 => format!("{} GiB", b >> 30),
        b if b % (1 << 20) == 0 => format!("{} MiB", b >> 20),
        b if b % (1 << 10) == 0 => format!("{} KiB", b >> 10),
        b => format!("{b} bytes"),
    }
}

/// Parses a duration: a number (fractions allowed) with a unit, `ms`, `s`,
/// `m` or `h` (`500ms`, `2s`, `1.5m`), or a bare number of seconds. Negative,
/// NaN and infinite values are refused.
pub fn parse_duration(arg: &str) -> Result<Duration, String> {
    let usage = || format!("expected a duration like 500ms, 2s, 2m or 1.5 (seconds), got `{arg}`");
    let split = arg
        .find(|c: char| c.is_ascii_alphabetic())
        .unwrap_or(arg.len());
    let (number, unit) = arg.split_at(split);
    let seconds = match unit {
        "ms" => 0.001,
        "" | "s" => 1.0,
        "m" => 60.0,
        "h" => 3600.0,
        _ => return Err(usage()),
    };
    let value: f64 = number.parse().map_err(|_| usage())?;
    if !value.is_finite() || value < 0.0 {
        return Err(usage());
    }
    Duration::try_from_secs_f64(value * seconds).map_err(|_| usage())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graphs_in_both_spellings() {
        let dir = std::env::temp_dir();
        let named = parse_graph(&format!("g=onnx::{}", dir.display())).unwrap();
        assert_eq!(
            (named.name.as_str(), named.encoding.as_str()),
            ("g", "onnx")
        );
        assert_eq!(named.dir, dir);
        let by_folder = parse_graph("openvino::models/softmax/").unwrap();
        assert_eq!(by_folder.name, "softmax");
        // `=` after `::` belongs to the folder.
        let odd = parse_graph("autodetect::a=b").unwrap();
        assert_eq!((odd.name.as_str(), odd.dir), ("a=b", PathBuf::from("a=b")));
        for bad in [
            "g=openvino",
            "g=openvino::",
            "=onnx::d",
            "openvino::/",
            "g=::d",
        ] {
            assert!(parse_graph(bad).is_err(), "{bad}");
        }
        let unknown = parse_graph("g=pytorch::d").unwrap_err();
        assert!(
            unknown.contains("unknown graph encoding `pytorch`")
                && unknown.contains("openvino, onnx, tensorflowlite, autodetect, ggml"),
            "{unknown}"
        );
        let file = tempfile_in(&dir);
        let refused = parse_graph(&format!("g=openvino::{}", file.display())).unwrap_err();
        assert!(refused.contains("give its folder"), "{refused}");
        std::fs::remove_file(file).unwrap();
    }

    #[test]
    fn ggml_graphs_are_files() {
        let dir = std::env::temp_dir();
        let named = parse_graph("tiny=ggml::models/tiny.gguf").unwrap();
        assert_eq!(
            (named.name.as_str(), named.encoding.as_str(), named.dir),
            ("tiny", "ggml", PathBuf::from("models/tiny.gguf"))
        );
        assert_eq!(parse_graph("ggml::models/tiny.gguf").unwrap().name, "tiny");
        let folder = parse_graph(&format!("g=ggml::{}", dir.display())).unwrap_err();
        assert!(folder.contains("write ggml::FILE.gguf"), "{folder}");
        assert_eq!(
            parse_nn_preload("default:GGML:AUTO:models/tiny.gguf"),
            parse_graph("default=ggml::models/tiny.gguf")
        );
        assert_eq!(
            parse_nn_preload("x:ggml:CPU:a:b.gguf").unwrap().dir,
            PathBuf::from("a:b.gguf")
        );
        let other = parse_nn_preload("default:OPENVINO:CPU:model.xml").unwrap_err();
        assert!(other.contains("--graph NAME=ENC::DIR"), "{other}");
        assert!(parse_nn_preload("default:GGML:AUTO").is_err());
    }

    fn tempfile_in(dir: &std::path::Path) -> PathBuf {
        let file = dir.join(format!("nn-args-test-{}.xml", std::process::id()));
        std::fs::write(&file, b"<net/>").unwrap();
        file
    }

    #[test]
    fn graph_names_given_twice_are_refused() {
        assert!(check_graph_names_unique(["a", "b"]).is_ok());
        let refused = check_graph_names_unique(["a", "b", "a"]).unwrap_err();
        assert!(refused.contains("`a` is given twice"), "{refused}");
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("1024"), Ok(1024));
        assert_eq!(parse_size("64K"), Ok(64 << 10));
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("1g"), Ok(1 << 30));
        for bad in ["", "M", "1.5M", "-1", "1T", "99999999999G"] {
            assert!(parse_size(bad).is_err(), "{bad}");
        }
        assert_eq!(format_size(3 << 20), "3 MiB");
        assert_eq!(format_size(1000), "1000 bytes");
    }

    #[test]
    fn durations() {
        let ms = Duration::from_millis;
        assert_eq!(parse_duration("500ms"), Ok(ms(500)));
        assert_eq!(parse_duration("2s"), Ok(ms(2000)));
        assert_eq!(parse_duration("2m"), Ok(ms(120_000)));
        assert_eq!(parse_duration("1h"), Ok(ms(3_600_000)));
        assert_eq!(parse_duration("0.25"), Ok(ms(250)));
        assert_eq!(parse_duration("1.5m"), Ok(ms(90_000)));
        for bad in ["", "s", "-1", "-1s", "NaN", "inf", "1x", "2 s", "1e400"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }
}
