//! The legacy `wasi_ephemeral_nn` core ABI, as the adapter implements it.
//!
//! This is the one place that knows the core signatures. They are lowered by
//! hand from `witx/wasi_ephemeral_nn.witx` (the source of truth) using the
//! WITX lowering rules: a `list`/`string` parameter becomes a pointer and a
//! length, a record (`$tensor`) is passed by pointer, every scalar or handle
//! is one `i32`, an `expected` result with a success value adds a trailing
//! out-pointer parameter, and the function returns the `nn_errno` as `i32`.
//! A unit test re-derives the parameter counts from the WITX text so the
//! table cannot silently drift from it.

use wasmparser::ValType;

/// A function of the legacy `wasi_ephemeral_nn` module and its core type.
#[derive(Debug, Clone, Copy)]
pub struct LegacyFunction {
    /// Import name inside the `wasi_ephemeral_nn` module.
    pub name: &'static str,
    /// Core parameter types after WITX lowering.
    pub params: &'static [ValType],
    /// Core result types after WITX lowering (always the errno).
    pub results: &'static [ValType],
}

const I32: ValType = ValType::I32;

/// Every function of `wasi_ephemeral_nn` in WITX order.
pub const LEGACY_FUNCTIONS: &[LegacyFunction] = &[
    // builder array (ptr, len), encoding, target, graph out-pointer
    LegacyFunction {
        name: "load",
        params: &[I32, I32, I32, I32, I32],
        results: &[I32],
    },
    // name (ptr, len), graph out-pointer
    LegacyFunction {
        name: "load_by_name",
        params: &[I32, I32, I32],
        results: &[I32],
    },
    // graph, context out-pointer
    LegacyFunction {
        name: "init_execution_context",
        params: &[I32, I32],
        results: &[I32],
    },
    // context, index, tensor pointer
    LegacyFunction {
        name: "set_input",
        params: &[I32, I32, I32],
        results: &[I32],
    },
    // context, index, buffer pointer, buffer size, bytes-written out-pointer
    LegacyFunction {
        name: "get_output",
        params: &[I32, I32, I32, I32, I32],
        results: &[I32],
    },
    // context
    LegacyFunction {
        name: "compute",
        params: &[I32],
        results: &[I32],
    },
];

/// Looks up a function of the legacy ABI by import name.
pub fn function(name: &str) -> Option<&'static LegacyFunction> {
    LEGACY_FUNCTIONS.iter().find(|f| f.name == name)
}

/// Functions that other wasi-nn dialects put in the same `wasi_ephemeral_nn`
/// module. Naming the dialect tells the user the module was built for a
/// different host rather than being corrupt.
const OTHER_DIALECTS: &[(&str, &str)] = &[
    ("load_by_name_with_config", "WasmEdge's wasi-nn plugin"),
    (
        "compute_single",
        "WasmEdge's wasi-nn plugin (GGML streaming)",
    ),
    (
        "get_output_single",
        "WasmEdge's wasi-nn plugin (GGML streaming)",
    ),
    ("fini_single", "WasmEdge's wasi-nn plugin (GGML streaming)"),
    ("unload", "WasmEdge's wasi-nn plugin"),
];

/// The dialect that defines `name`, when it is a known non-WITX function.
pub fn dialect_of(name: &str) -> Option<&'static str> {
    OTHER_DIALECTS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, dialect)| *dialect)
}

/// Formats a core function type as `(i32, i32) -> i32`.
pub fn format_signature(params: &[ValType], results: &[ValType]) -> String {
    let join = |types: &[ValType]| {
        types
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    match results {
        [] => format!("({})", join(params)),
        [one] => format!("({}) -> {one}", join(params)),
        many => format!("({}) -> ({})", join(params), join(many)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    const WITX: &str = include_str!("../../witx/wasi_ephemeral_nn.witx");

    /// Splits WITX text into parentheses, atoms and strings; comments dropped.
    fn tokens(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for line in text.lines() {
            let line = line.split(";;").next().unwrap_or("");
            let spaced = line.replace('(', " ( ").replace(')', " ) ");
            out.extend(spaced.split_whitespace().map(str::to_owned));
        }
        out
    }

    /// Index just past the parenthesised form starting at `start`.
    fn form_end(tokens: &[String], start: usize) -> usize {
        let mut depth = 0;
        for (i, t) in tokens.iter().enumerate().skip(start) {
            match t.as_str() {
                "(" => depth += 1,
                ")" => {
                    depth -= 1;
                    if depth == 0 {
                        return i + 1;
                    }
                }
                _ => {}
            }
        }
        panic!("unbalanced WITX");
    }

    /// Core parameter count of every `@interface func`, computed from the
    /// WITX lowering rules independently of the table above.
    fn witx_param_counts() -> HashMap<String, usize> {
        let toks = tokens(WITX);
        // typename -> head of its definition ("list", "record", "enum", "u32", ...)
        let mut kinds = HashMap::new();
        let mut counts = HashMap::new();
        let mut i = 0;
        while i < toks.len() {
            if toks[i] == "(" && toks.get(i + 1).map(String::as_str) == Some("typename") {
                let name = toks[i + 2].clone();
                let head = if toks[i + 3] == "(" {
                    toks[i + 4].clone()
                } else {
                    toks[i + 3].clone()
                };
                kinds.insert(name, head);
            }
            if toks[i] == "(" && toks.get(i + 1).map(String::as_str) == Some("@interface") {
                let end = form_end(&toks, i);
                let name = toks[i + 5].trim_matches('"').to_owned();
                let mut count = 0;
                let mut j = i + 6;
                while j < end {
                    if toks[j] == "param" {
                        let ty = toks[j + 2].as_str();
                        let head = kinds.get(ty).map(String::as_str).unwrap_or(ty);
                        count += if matches!(head, "list" | "string") {
                            2
                        } else {
                            1
                        };
                    }
                    if toks[j] == "expected" && toks[j + 1] != "(" {
                        count += 1; // out-pointer for the success value
                    }
                    j += 1;
                }
                counts.insert(name, count);
                i = end;
                continue;
            }
            i += 1;
        }
        counts
    }

    #[test]
    fn table_matches_witx() {
        let counts = witx_param_counts();
        assert_eq!(counts.len(), LEGACY_FUNCTIONS.len(), "{counts:?}");
        for f in LEGACY_FUNCTIONS {
            assert_eq!(counts.get(f.name), Some(&f.params.len()), "{}", f.name);
            assert_eq!(f.results, &[ValType::I32], "{} returns the errno", f.name);
            assert!(f.params.iter().all(|t| *t == ValType::I32), "{}", f.name);
        }
    }

    #[test]
    fn dialect_functions_are_not_in_the_table() {
        for (name, _) in OTHER_DIALECTS {
            assert!(function(name).is_none(), "{name}");
        }
    }

    #[test]
    fn signatures_format_like_the_errors_say() {
        assert_eq!(format_signature(&[I32, I32], &[I32]), "(i32, i32) -> i32");
        assert_eq!(format_signature(&[], &[]), "()");
    }
}
