//! Legacy dialects: the numberings real guests were built with.
//!
//! Every legacy guest imports `wasi_ephemeral_nn` with the same signatures,
//! but the numbers inside them changed several times
//! (docs/dialects.md has the history). A [`Dialect`] says how to read a
//! guest's `tensor_type`, `graph_encoding` and `execution_target` values and
//! how to write its `nn_errno`.
//!
//! The adapter does not know any dialect. It imports
//! `nn-componentize::dialect-table` (`(param i32) (result i64)`: one packed
//! table per [`DialectTable`]) and `bake` (nn-adapter-tools) replaces that import with
//! a function that returns this dialect's tables, generated from the
//! [`Dialect`] here. The packing is written here and nowhere else:
//! one nibble per legacy value, value 0 in the lowest; the nibble is the WIT
//! value (or, for [`DialectTable::Errnos`], the dialect's errno), and `f`
//! means the dialect's value has no WIT counterpart.
//!
//! Facts are derived where a document states them: the current WITX and
//! WasmEdge numberings come from `witx/` ([`legacy_abi`]), the WIT
//! numbering from `wit/` ([`WasiNnVersion::wit`]). Only the older
//! numberings, for which no WITX file is kept, are listed below; their
//! sources are the crates.io `wasi-nn` releases that define them.

use crate::{legacy_abi, LegacyModule, WasiNnVersion};
use anyhow::Result;
use std::fmt::Write as _;

/// A numbering of the legacy ABI, named after the crates that produce it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dialect {
    /// crates.io `wasi-nn` 0.6: the current WITX.
    #[default]
    WasiNn06,
    /// crates.io `wasi-nn` 0.5.
    WasiNn05,
    /// crates.io `wasi-nn` 0.2–0.4.
    WasiNn02,
    /// crates.io `wasi-nn` 0.1.
    WasiNn01,
    /// WasmEdge ≥ 0.15 and crates.io `wasmedge-wasi-nn`.
    WasmEdge,
    /// WAMR ≥ 2.4's `wasi_ephemeral_nn` (C guests of its
    /// `wasi_ephemeral_nn.h`): WITX but for the encodings.
    Wamr,
    /// WAMR's legacy `wasi_nn` module (C guests of its `wasi_nn.h`): another
    /// module with its own layouts, served by its own adapter.
    WamrWasiNn,
}

/// The tables the adapter asks for, by the argument it passes to
/// `nn-componentize::dialect-table` (the adapter's `build.rs` generates its
/// table numbers from these).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialectTable {
    /// Legacy `tensor_type` → WIT `tensor-type`.
    TensorTypes = 0,
    /// Legacy `graph_encoding` → WIT `graph-encoding`.
    GraphEncodings = 1,
    /// Legacy `execution_target` → WIT `execution-target`.
    ExecutionTargets = 2,
    /// Current-WITX `nn_errno` (what the adapter computes) → the dialect's
    /// `nn_errno`.
    Errnos = 3,
    /// WasmEdge's errnos past WITX's (`end_of_sequence` 100 …
    /// `model_not_found` 103, by their offset from 100) → the same offset,
    /// for the dialects whose guests are WasmEdge's; none for the others,
    /// which get the WITX errno the reference host answers instead.
    WasmEdgeErrnos = 4,
}

impl DialectTable {
    /// Every table, by number.
    pub const ALL: [DialectTable; 5] = [
        DialectTable::TensorTypes,
        DialectTable::GraphEncodings,
        DialectTable::ExecutionTargets,
        DialectTable::Errnos,
        DialectTable::WasmEdgeErrnos,
    ];

    /// The legacy type the table reads or writes, as WITX names it.
    pub fn legacy_type(self) -> &'static str {
        match self {
            DialectTable::TensorTypes => "tensor_type",
            DialectTable::GraphEncodings => "graph_encoding",
            DialectTable::ExecutionTargets => "execution_target",
            DialectTable::Errnos => "nn_errno",
            DialectTable::WasmEdgeErrnos => "wasmedge_errno",
        }
    }
}

/// Where a dialect's numbering of one enum comes from.
#[derive(Clone, Copy)]
enum Numbering {
    /// A WITX enum of `witx/`, by type name.
    Witx(&'static str),
    /// Listed here: the cases in numbering order.
    Listed(&'static [&'static str]),
}

/// One dialect's facts.
struct Spec {
    name: &'static str,
    produced_by: &'static str,
    tensor_types: Numbering,
    graph_encodings: Numbering,
    execution_targets: Numbering,
    errnos: Numbering,
    /// For each current-WITX errno the dialect lacks, the dialect's errno
    /// returned instead.
    errno_substitutes: &'static [(&'static str, &'static str)],
    /// Which of WasmEdge's errnos 100-103 ([`WASMEDGE_ERRNOS`]) the guests
    /// get where WasmEdge returns them. The adapter produces 100-102 only
    /// on a GGML graph and never 103 (WasmEdge's answer for a preloaded
    /// model file that is missing, which nn-host refuses at start), so it
    /// reads only `model_not_found`'s entry, as the sign of WasmEdge's
    /// guests: their `load_by_name` may load a GGML graph, and an unknown
    /// name is `not_found`, as WasmEdge answers.
    wasmedge_errnos: &'static [&'static str],
}

/// WasmEdge's errnos past WITX's, from 100 (`WASI_NN_ERROR_*` in
/// WasmEdge's `plugins/wasi_nn/types.h`).
pub const WASMEDGE_ERRNOS: [&str; 4] = [
    "end_of_sequence",
    "context_full",
    "prompt_too_long",
    "model_not_found",
];

/// `tensor_type` of crates.io `wasi-nn` 0.1.0–0.5.0 (`TENSOR_TYPE_*` in
/// their `src/generated.rs`), and of WAMR's legacy `wasi_nn` (`fp16`,
/// `fp32`, `up8`, `ip32` in its `wasi_nn_types.h`).
const OLD_TENSOR_TYPES: Numbering = Numbering::Listed(&["f16", "f32", "u8", "i32"]);

/// `graph_encoding` of WAMR (`wasi_nn_types.h`, both of its modules): WIT's
/// order, ggml 5 and autodetect 6.
const WAMR_GRAPH_ENCODINGS: Numbering = Numbering::Listed(&[
    "openvino",
    "onnx",
    "tensorflow",
    "pytorch",
    "tensorflowlite",
    "ggml",
    "autodetect",
]);

/// The catch-all errno substitutes of the generations before `wasi-nn` 0.5.
/// Their Wasmtime WITX hosts (v5–v12) trapped on every error
/// (`unimplemented!()` in `nn_errno_from_wasi_nn_error`), so there is no
/// errno of theirs to copy: a short buffer or oversized tensor is a bad
/// argument, and the other failures are runtime errors.
const WASI_NN_02_SUBSTITUTES: &[(&str, &str)] = &[
    ("unsupported_operation", "runtime_error"),
    ("too_large", "invalid_argument"),
    ("not_found", "runtime_error"),
];

/// `wasi-nn` 0.1 can only say `invalid_argument` about a failed call
/// (`missing_memory` and `busy` describe conditions an adapter never has).
const WASI_NN_01_SUBSTITUTES: &[(&str, &str)] = &[
    ("invalid_encoding", "invalid_argument"),
    ("runtime_error", "invalid_argument"),
    ("unsupported_operation", "invalid_argument"),
    ("too_large", "invalid_argument"),
    ("not_found", "invalid_argument"),
];

impl Dialect {
    /// Every dialect, the default first.
    pub const ALL: [Dialect; 7] = [
        Dialect::WasiNn06,
        Dialect::WasiNn05,
        Dialect::WasiNn02,
        Dialect::WasiNn01,
        Dialect::WasmEdge,
        Dialect::Wamr,
        Dialect::WamrWasiNn,
    ];

    fn spec(self) -> Spec {
        match self {
            Dialect::WasiNn06 => Spec {
                name: "wasi-nn-0.6",
                produced_by: "crates.io wasi-nn 0.6 (the current WITX): guests for Wasmtime's WITX host >= v15 and WasmEdge >= 0.15 (WAMR's C guests number encodings otherwise: wamr)",
                tensor_types: Numbering::Witx("tensor_type"),
                graph_encodings: Numbering::Witx("graph_encoding"),
                execution_targets: Numbering::Witx("execution_target"),
                errnos: Numbering::Witx("nn_errno"),
                errno_substitutes: &[],
                wasmedge_errnos: &[],
            },
            Dialect::WasiNn05 => Spec {
                name: "wasi-nn-0.5",
                produced_by: "crates.io wasi-nn 0.5: guests for Wasmtime v13-v14",
                tensor_types: OLD_TENSOR_TYPES,
                graph_encodings: Numbering::Witx("graph_encoding"),
                execution_targets: Numbering::Witx("execution_target"),
                errnos: Numbering::Witx("nn_errno"),
                errno_substitutes: &[],
                wasmedge_errnos: &[],
            },
            Dialect::WasiNn02 => Spec {
                name: "wasi-nn-0.2",
                produced_by: "crates.io wasi-nn 0.2-0.4: guests for Wasmtime v5-v12 and WasmEdge 0.13.0-0.13.3",
                tensor_types: OLD_TENSOR_TYPES,
                graph_encodings: Numbering::Listed(&[
                    "openvino",
                    "onnx",
                    "tensorflow",
                    "pytorch",
                    "tensorflowlite",
                ]),
                execution_targets: Numbering::Witx("execution_target"),
                errnos: Numbering::Listed(&[
                    "success",
                    "invalid_argument",
                    "invalid_encoding",
                    "missing_memory",
                    "busy",
                    "runtime_error",
                ]),
                errno_substitutes: WASI_NN_02_SUBSTITUTES,
                wasmedge_errnos: &[],
            },
            Dialect::WasiNn01 => Spec {
                name: "wasi-nn-0.1",
                produced_by: "crates.io wasi-nn 0.1: the first guests (Wasmtime <= v4, WasmEdge <= 0.12)",
                tensor_types: OLD_TENSOR_TYPES,
                graph_encodings: Numbering::Listed(&["openvino"]),
                execution_targets: Numbering::Witx("execution_target"),
                errnos: Numbering::Listed(&[
                    "success",
                    "invalid_argument",
                    "missing_memory",
                    "busy",
                ]),
                errno_substitutes: WASI_NN_01_SUBSTITUTES,
                wasmedge_errnos: &[],
            },
            Dialect::WasmEdge => Spec {
                name: "wasmedge",
                produced_by: "crates.io wasmedge-wasi-nn 0.7-0.8: guests for WasmEdge >= 0.15, with its extra functions",
                tensor_types: Numbering::Witx("tensor_type"),
                graph_encodings: Numbering::Witx("wasmedge_graph_encoding"),
                execution_targets: Numbering::Witx("wasmedge_execution_target"),
                errnos: Numbering::Witx("nn_errno"),
                errno_substitutes: &[],
                wasmedge_errnos: &WASMEDGE_ERRNOS,
            },
            // WAMR's errors are WITX's 0-8 and WasmEdge's 100-103; a wamr
            // guest is not WasmEdge's (no `model_not_found`: an unknown name
            // is the reference host's WITX errno), and gets GGML's 100-102
            // only from a GGML graph.
            Dialect::Wamr => Spec {
                name: "wamr",
                produced_by: "WAMR >= 2.4's wasi_ephemeral_nn (C programs built with its wasi_ephemeral_nn.h): the current WITX but for the encodings (ggml 5, autodetect 6), and WasmEdge's load_by_name_with_config",
                tensor_types: Numbering::Witx("tensor_type"),
                graph_encodings: WAMR_GRAPH_ENCODINGS,
                execution_targets: Numbering::Witx("execution_target"),
                errnos: Numbering::Witx("nn_errno"),
                errno_substitutes: &[],
                wasmedge_errnos: &WASMEDGE_ERRNOS[..3],
            },
            Dialect::WamrWasiNn => Spec {
                name: "wamr-wasi-nn",
                produced_by: "WAMR's legacy wasi_nn module (C programs built with its wasi_nn.h; deprecated in WAMR): chosen for every module that imports wasi_nn",
                tensor_types: OLD_TENSOR_TYPES,
                graph_encodings: WAMR_GRAPH_ENCODINGS,
                execution_targets: Numbering::Witx("execution_target"),
                errnos: Numbering::Witx("nn_errno"),
                errno_substitutes: &[],
                wasmedge_errnos: &[],
            },
        }
    }

    /// The name `--dialect` takes.
    pub fn name(self) -> &'static str {
        self.spec().name
    }

    /// One line on who produced modules of this dialect.
    pub fn produced_by(self) -> &'static str {
        self.spec().produced_by
    }

    /// Whether the dialect has WasmEdge's extra function `name`: WasmEdge
    /// all of them, WAMR's `wasi_ephemeral_nn` `load_by_name_with_config`.
    pub fn has_wasmedge_function(self, name: &str) -> bool {
        match self {
            Dialect::WasmEdge => true,
            Dialect::Wamr => name == "load_by_name_with_config",
            _ => false,
        }
    }

    /// The legacy module the dialect's guests import.
    pub fn legacy_module(self) -> LegacyModule {
        match self {
            Dialect::WamrWasiNn => LegacyModule::WamrWasiNn,
            _ => LegacyModule::WasiEphemeralNn,
        }
    }

    /// The names, comma-separated, for messages that list the choices.
    pub fn choices() -> String {
        crate::choices(Dialect::ALL.map(Dialect::name))
    }

    /// The dialect's cases of `table`'s legacy type, in numbering order.
    fn legacy_cases(self, table: DialectTable) -> Vec<String> {
        let spec = self.spec();
        let numbering = match table {
            DialectTable::TensorTypes => spec.tensor_types,
            DialectTable::GraphEncodings => spec.graph_encodings,
            DialectTable::ExecutionTargets => spec.execution_targets,
            DialectTable::Errnos => spec.errnos,
            DialectTable::WasmEdgeErrnos => {
                return spec.wasmedge_errnos.iter().map(|c| c.to_string()).collect();
            }
        };
        match numbering {
            Numbering::Witx(typename) => legacy_abi()
                .enum_cases(typename)
                .expect("a WITX enum of witx/ (a unit test checks every dialect)")
                .to_vec(),
            Numbering::Listed(cases) => cases.iter().map(|c| c.to_string()).collect(),
        }
    }

    /// Every entry of `table`: the dialect's case name and value, and what it
    /// maps to (a WIT case for the enums, a dialect errno for
    /// [`DialectTable::Errnos`], whose keys are the current WITX errnos).
    /// `None`: no counterpart, so the adapter answers `invalid_argument`.
    pub fn entries(self, table: DialectTable) -> Vec<Entry> {
        if table == DialectTable::WasmEdgeErrnos {
            let own = self.legacy_cases(table);
            return (0..)
                .zip(WASMEDGE_ERRNOS)
                .map(|(offset, name)| Entry {
                    legacy: name.to_owned(),
                    value: offset,
                    maps_to: own
                        .iter()
                        .any(|case| case == name)
                        .then(|| (name.to_owned(), offset)),
                })
                .collect();
        }
        if table == DialectTable::Errnos {
            let own = self.legacy_cases(table);
            let substitutes = self.spec().errno_substitutes;
            let current = legacy_abi()
                .enum_cases("nn_errno")
                .expect("witx/ defines nn_errno");
            return current
                .iter()
                .enumerate()
                .map(|(value, name)| {
                    let target = substitutes
                        .iter()
                        .find(|(lacking, _)| lacking == name)
                        .map_or(name.as_str(), |(_, instead)| instead);
                    let position = own.iter().position(|case| case == target);
                    Entry {
                        legacy: name.clone(),
                        value: value as u32,
                        maps_to: position.map(|p| (own[p].clone(), p as u32)),
                    }
                })
                .collect();
        }
        let wit_type = match table {
            DialectTable::TensorTypes => "tensor-type",
            DialectTable::GraphEncodings => "graph-encoding",
            _ => "execution-target",
        };
        let wit = wit_enum(wit_type);
        self.legacy_cases(table)
            .iter()
            .enumerate()
            .map(|(value, name)| {
                let wit_case = wit_case_for(table, name);
                Entry {
                    legacy: name.clone(),
                    value: value as u32,
                    maps_to: wit_case.and_then(|case| {
                        wit.iter()
                            .position(|c| c == case)
                            .map(|p| (case.to_owned(), p as u32))
                    }),
                }
            })
            .collect()
    }

    /// `table` packed for the adapter (see the module documentation).
    pub fn packed(self, table: DialectTable) -> u64 {
        let mut packed = u64::MAX;
        for entry in self.entries(table).iter().take(16) {
            if let Some((_, to)) = &entry.maps_to {
                let shift = 4 * entry.value;
                packed = packed & !(0xf << shift) | (u64::from(*to) << shift);
            }
        }
        packed
    }

    /// Every table as Markdown, the text of `nn-componentize dialects
    /// --tables` and of docs/dialects.md.
    pub fn tables_markdown(self) -> String {
        let mut out = format!("## `{}`\n\n{}.\n", self.name(), self.produced_by());
        for table in DialectTable::ALL {
            let (from, to, none) = match table {
                DialectTable::Errnos => (
                    "adapter (current WITX) errno",
                    "guest errno",
                    "none: `invalid_argument`",
                ),
                DialectTable::WasmEdgeErrnos => (
                    "WasmEdge errno, from 100",
                    "guest errno, from 100",
                    "none: the reference host's WITX errno",
                ),
                _ => ("guest value", "WIT value", "none: `invalid_argument`"),
            };
            let _ = write!(
                out,
                "\n`{}`:\n\n| {from} | {to} |\n| --- | --- |\n",
                table.legacy_type()
            );
            for entry in self.entries(table) {
                let to = match &entry.maps_to {
                    Some((name, value)) => format!("{name} = {value}"),
                    None => none.to_owned(),
                };
                let _ = writeln!(out, "| {} = {} | {to} |", entry.legacy, entry.value);
            }
        }
        out
    }
}

/// One entry of a dialect table; see [`Dialect::entries`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub legacy: String,
    pub value: u32,
    pub maps_to: Option<(String, u32)>,
}

/// The WIT case a legacy case maps to; `None` where WIT has none.
fn wit_case_for(table: DialectTable, legacy: &str) -> Option<&'static str> {
    match table {
        DialectTable::TensorTypes => match legacy {
            "f16" => Some("FP16"),
            "f32" => Some("FP32"),
            "f64" => Some("FP64"),
            "u8" => Some("U8"),
            "i32" => Some("I32"),
            "i64" => Some("I64"),
            _ => None,
        },
        // The cases WIT shares with the legacy enums have the same names.
        DialectTable::GraphEncodings => match legacy {
            "openvino" => Some("openvino"),
            "onnx" => Some("onnx"),
            "tensorflow" => Some("tensorflow"),
            "pytorch" => Some("pytorch"),
            "tensorflowlite" => Some("tensorflowlite"),
            "ggml" => Some("ggml"),
            "autodetect" => Some("autodetect"),
            _ => None,
        },
        DialectTable::ExecutionTargets => match legacy {
            "cpu" => Some("cpu"),
            "gpu" => Some("gpu"),
            "tpu" => Some("tpu"),
            // WasmEdge's `auto` lets the runtime choose; the CPU is a valid
            // choice on every host.
            "auto" => Some("cpu"),
            _ => None,
        },
        DialectTable::Errnos | DialectTable::WasmEdgeErrnos => None,
    }
}

/// The cases of WIT enum `name` in numbering order. Every WIT version
/// numbers them the same (a unit test checks it), so the default is read.
fn wit_enum(name: &str) -> Vec<String> {
    wit_enum_of(WasiNnVersion::default(), name)
}

/// The cases of WIT enum `name` of `version`, in numbering order.
fn wit_enum_of(version: WasiNnVersion, name: &str) -> Vec<String> {
    version.wit().enum_cases(name).expect("an enum of wasi:nn")
}

impl std::fmt::Display for Dialect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Dialect {
    type Err = anyhow::Error;

    fn from_str(s: &str) -> Result<Self> {
        crate::parse_named(s, &Dialect::ALL, Dialect::name, "dialect")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the adapter does with a packed table: the nibble at `value`,
    /// `None` for `f` or a value past 15.
    fn lookup(dialect: Dialect, table: DialectTable, value: u32) -> Option<u32> {
        let nibble = (value < 16).then(|| (dialect.packed(table) >> (4 * value)) & 0xf)?;
        (nibble != 0xf).then_some(nibble as u32)
    }

    fn tensor_type(d: Dialect, v: u32) -> Option<u32> {
        lookup(d, DialectTable::TensorTypes, v)
    }
    fn encoding(d: Dialect, v: u32) -> Option<u32> {
        lookup(d, DialectTable::GraphEncodings, v)
    }
    fn target(d: Dialect, v: u32) -> Option<u32> {
        lookup(d, DialectTable::ExecutionTargets, v)
    }
    fn errno(d: Dialect, v: u32) -> Option<u32> {
        lookup(d, DialectTable::Errnos, v)
    }

    // WIT tensor-type: FP16 0, FP32 1, FP64 2, BF16 3, U8 4, I32 5, I64 6.
    #[test]
    fn current_tensor_types_each_value() {
        for d in [Dialect::WasiNn06, Dialect::WasmEdge, Dialect::Wamr] {
            assert_eq!(tensor_type(d, 0), Some(0), "{d} f16");
            assert_eq!(tensor_type(d, 1), Some(1), "{d} f32");
            assert_eq!(tensor_type(d, 2), Some(2), "{d} f64");
            assert_eq!(tensor_type(d, 3), Some(4), "{d} u8");
            assert_eq!(tensor_type(d, 4), Some(5), "{d} i32");
            assert_eq!(tensor_type(d, 5), Some(6), "{d} i64");
            assert_eq!(tensor_type(d, 6), None, "{d}");
            assert_eq!(tensor_type(d, 15), None, "{d}");
            assert_eq!(tensor_type(d, 255), None, "{d}");
        }
    }

    #[test]
    fn old_tensor_types_each_value() {
        for d in [
            Dialect::WasiNn05,
            Dialect::WasiNn02,
            Dialect::WasiNn01,
            Dialect::WamrWasiNn,
        ] {
            assert_eq!(tensor_type(d, 0), Some(0), "{d} f16");
            assert_eq!(tensor_type(d, 1), Some(1), "{d} f32");
            assert_eq!(tensor_type(d, 2), Some(4), "{d} u8");
            assert_eq!(tensor_type(d, 3), Some(5), "{d} i32");
            assert_eq!(tensor_type(d, 4), None, "{d}");
            assert_eq!(tensor_type(d, 5), None, "{d}");
        }
    }

    // WIT graph-encoding: openvino 0, onnx 1, tensorflow 2, pytorch 3,
    // tensorflowlite 4, ggml 5, autodetect 6.
    #[test]
    fn encodings_each_value() {
        for d in [Dialect::WasiNn06, Dialect::WasiNn05] {
            for v in 0..5 {
                assert_eq!(encoding(d, v), Some(v), "{d} {v}");
            }
            assert_eq!(encoding(d, 5), Some(6), "{d} autodetect");
            assert_eq!(encoding(d, 6), None, "{d}");
        }
        for v in 0..5 {
            assert_eq!(encoding(Dialect::WasiNn02, v), Some(v), "{v}");
        }
        assert_eq!(encoding(Dialect::WasiNn02, 5), None);
        assert_eq!(encoding(Dialect::WasiNn01, 0), Some(0));
        assert_eq!(encoding(Dialect::WasiNn01, 1), None);
        let w = Dialect::WasmEdge;
        for v in 0..5 {
            assert_eq!(encoding(w, v), Some(v), "{v}");
        }
        assert_eq!(encoding(w, 5), Some(6), "autodetect");
        assert_eq!(encoding(w, 6), Some(5), "ggml");
        for v in 7..=14 {
            assert_eq!(encoding(w, v), None, "{v}: no WIT backend");
        }
        assert_eq!(encoding(w, 15), None);
        // WAMR numbers its encodings as WIT does, in both of its modules.
        for d in [Dialect::Wamr, Dialect::WamrWasiNn] {
            for v in 0..=6 {
                assert_eq!(encoding(d, v), Some(v), "{d} {v}");
            }
            assert_eq!(encoding(d, 7), None, "{d}");
        }
    }

    #[test]
    fn targets_each_value() {
        for d in Dialect::ALL {
            assert_eq!(target(d, 0), Some(0), "{d} cpu");
            assert_eq!(target(d, 1), Some(1), "{d} gpu");
            assert_eq!(target(d, 2), Some(2), "{d} tpu");
        }
        assert_eq!(target(Dialect::WasmEdge, 3), Some(0), "auto → cpu");
        for d in [
            Dialect::WasiNn06,
            Dialect::WasiNn05,
            Dialect::WasiNn02,
            Dialect::WasiNn01,
        ] {
            assert_eq!(target(d, 3), None, "{d}");
        }
    }

    // Adapter errnos (current WITX): success 0, invalid_argument 1,
    // invalid_encoding 2, missing_memory 3, busy 4, runtime_error 5,
    // unsupported_operation 6, too_large 7, not_found 8.
    #[test]
    fn errnos_each_value() {
        for d in [
            Dialect::WasiNn06,
            Dialect::WasiNn05,
            Dialect::WasmEdge,
            Dialect::Wamr,
            Dialect::WamrWasiNn,
        ] {
            for v in 0..=8 {
                assert_eq!(errno(d, v), Some(v), "{d} {v}");
            }
        }
        let d = Dialect::WasiNn02;
        for v in 0..=5 {
            assert_eq!(errno(d, v), Some(v), "{v}");
        }
        assert_eq!(
            errno(d, 6),
            Some(5),
            "unsupported_operation → runtime_error"
        );
        assert_eq!(errno(d, 7), Some(1), "too_large → invalid_argument");
        assert_eq!(errno(d, 8), Some(5), "not_found → runtime_error");
        let d = Dialect::WasiNn01;
        assert_eq!(errno(d, 0), Some(0), "success");
        assert_eq!(errno(d, 1), Some(1), "invalid_argument");
        assert_eq!(errno(d, 2), Some(1), "invalid_encoding → invalid_argument");
        assert_eq!(errno(d, 3), Some(2), "missing_memory");
        assert_eq!(errno(d, 4), Some(3), "busy");
        for v in 5..=8 {
            assert_eq!(errno(d, v), Some(1), "{v} → invalid_argument");
        }
        for d in Dialect::ALL {
            assert_eq!(errno(d, 9), None, "{d}");
        }
    }

    #[test]
    fn every_errno_maps_for_every_dialect() {
        for d in Dialect::ALL {
            for entry in d.entries(DialectTable::Errnos) {
                assert!(entry.maps_to.is_some(), "{d}: {}", entry.legacy);
            }
        }
    }

    #[test]
    fn wit_versions_number_the_enums_alike() {
        for name in ["tensor-type", "graph-encoding", "execution-target"] {
            assert_eq!(
                wit_enum_of(WasiNnVersion::V2024_10_28, name),
                wit_enum_of(WasiNnVersion::V2024_08_19, name),
                "{name}"
            );
        }
    }

    #[test]
    fn wamr_functions_and_modules() {
        assert!(Dialect::Wamr.has_wasmedge_function("load_by_name_with_config"));
        assert!(!Dialect::Wamr.has_wasmedge_function("unload"));
        assert!(Dialect::WasmEdge.has_wasmedge_function("unload"));
        assert!(!Dialect::WamrWasiNn.has_wasmedge_function("load_by_name_with_config"));
        for d in Dialect::ALL {
            let module = match d {
                Dialect::WamrWasiNn => LegacyModule::WamrWasiNn,
                _ => LegacyModule::WasiEphemeralNn,
            };
            assert_eq!(d.legacy_module(), module, "{d}");
        }
    }

    #[test]
    fn names_parse_and_unknown_ones_list_the_choices() {
        for d in Dialect::ALL {
            assert_eq!(d.name().parse::<Dialect>().unwrap(), d);
        }
        let err = "wasi-nn-0.3".parse::<Dialect>().unwrap_err().to_string();
        assert!(
            err.contains("wasi-nn-0.1") && err.contains("wasmedge"),
            "{err}"
        );
    }

    #[test]
    fn only_wasmedge_guests_get_wasmedge_errnos() {
        for dialect in Dialect::ALL {
            let mapped = dialect
                .entries(DialectTable::WasmEdgeErrnos)
                .into_iter()
                .filter_map(|entry| entry.maps_to)
                .collect::<Vec<_>>();
            let expected = match dialect {
                Dialect::WasmEdge => 4,
                // A wamr guest is not WasmEdge's: an unknown name is the
                // reference's errno, not WasmEdge's `not_found`.
                Dialect::Wamr => 3,
                _ => 0,
            };
            let all = WASMEDGE_ERRNOS.iter().zip(0..);
            let all = all.map(|(name, offset)| (name.to_string(), offset));
            assert_eq!(mapped, all.take(expected).collect::<Vec<_>>(), "{dialect}");
        }
        assert_eq!(WASMEDGE_ERRNOS[3], "model_not_found");
    }

    #[test]
    fn markdown_lists_every_entry() {
        let text = Dialect::WasiNn01.tables_markdown();
        assert!(text.contains("| u8 = 2 | U8 = 4 |"), "{text}");
        assert!(
            text.contains("| runtime_error = 5 | invalid_argument = 1 |"),
            "{text}"
        );
        let text = Dialect::WasmEdge.tables_markdown();
        assert!(
            text.contains("| whisper = 9 | none: `invalid_argument` |"),
            "{text}"
        );
    }
}
