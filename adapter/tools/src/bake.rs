//! Tensor names baked into the adapter at componentize time.
//!
//! `load_by_name` never shows the adapter a model's bytes, so the adapter
//! imports `nn-componentize::baked-names` (`(param $name i32) (param $len
//! i32) (param $dst i32) (result i32)`: the length of the names baked for
//! the graph called `[$name, $name + $len)`, 0 for none, written to `$dst`
//! unless it is 0) and [`bake`] replaces that import with a generated
//! function whose code compares the name and stores the bytes (an adapter
//! may not have data segments), so the adapter carries no lookup of its
//! own. The adapter's `src/wasm/baked.rs` reads what it writes:
//! [`GraphNames::encode`], whose format is written there and nowhere else.
//! [`NameTable::encode`] is the whole table, for the component's custom
//! section.

use anyhow::{bail, ensure, Context, Result};
use std::collections::BTreeMap;
use wasm_encoder::reencode::{self, Reencode};
use wasm_encoder::{CodeSection, Function, FunctionSection, ImportSection, Instruction, MemArg};
use wasmparser::{Parser, Payload, TypeRef};

use nn_abi::bake_import::{BAKED_NAMES, DIALECT_TABLE, MODULE};
use nn_abi::{Dialect, DialectTable, WasiNnVersion};

/// The tensor names of one graph: every input, then every output, each with
/// one or more names (the first is the one sent to the host).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GraphNames {
    pub inputs: Vec<Vec<String>>,
    pub outputs: Vec<Vec<String>>,
}

impl GraphNames {
    /// What the adapter keeps per graph: the name table (each tensor's
    /// names NUL-terminated, one more NUL after each tensor, inputs first),
    /// then the input and output counts (little-endian u32), last so that
    /// dropping them leaves the table.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for tensor in self.inputs.iter().chain(&self.outputs) {
            for name in tensor {
                out.extend_from_slice(name.as_bytes());
                out.push(0);
            }
            out.push(0);
        }
        for count in [self.inputs.len(), self.outputs.len()] {
            out.extend_from_slice(&(count as u32).to_le_bytes());
        }
        out
    }

    /// The inverse of [`GraphNames::encode`].
    pub fn decode(bytes: &[u8]) -> Result<GraphNames> {
        let at = bytes.len().checked_sub(8).context("no counts")?;
        let (table, counts) = bytes.split_at(at);
        let (inputs, counts) = word(counts)?;
        let (outputs, _) = word(counts)?;
        let mut tensors: Vec<Vec<String>> = Vec::new();
        let mut rest = table;
        for _ in 0..inputs + outputs {
            let mut tensor = Vec::new();
            loop {
                let end = rest
                    .iter()
                    .position(|&b| b == 0)
                    .context("unterminated name")?;
                let (name, tail) = (&rest[..end], &rest[end + 1..]);
                rest = tail;
                if name.is_empty() {
                    break;
                }
                tensor.push(String::from_utf8(name.to_vec()).context("a name is not UTF-8")?);
            }
            tensors.push(tensor);
        }
        ensure!(rest.is_empty(), "trailing bytes");
        let outputs = tensors.split_off(inputs);
        Ok(GraphNames {
            inputs: tensors,
            outputs,
        })
    }
}

/// Graph name → its tensor names, as baked into a component.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NameTable(BTreeMap<String, GraphNames>);

impl NameTable {
    /// Adds or replaces the names of `graph`. Names must be non-empty and
    /// free of NUL (the table's separator); a graph needs at least one
    /// tensor.
    pub fn insert(&mut self, graph: &str, names: GraphNames) -> Result<()> {
        ensure!(!graph.is_empty(), "a graph name must not be empty");
        ensure!(
            !names.inputs.is_empty() || !names.outputs.is_empty(),
            "graph `{graph}`: no tensor names"
        );
        for tensor in names.inputs.iter().chain(&names.outputs) {
            ensure!(
                !tensor.is_empty(),
                "graph `{graph}`: a tensor without a name"
            );
            for name in tensor {
                ensure!(
                    !name.is_empty() && !name.contains('\0'),
                    "graph `{graph}`: tensor name {name:?} is empty or contains NUL"
                );
            }
        }
        self.0.insert(graph.to_owned(), names);
        Ok(())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &GraphNames)> {
        self.0.iter().map(|(name, names)| (name.as_str(), names))
    }

    /// The whole table, for the component's custom section: per graph,
    /// little-endian u32 `name_len`, the graph name, u32 `names_len`, then
    /// [`GraphNames::encode`].
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for (graph, names) in &self.0 {
            let names = names.encode();
            out.extend_from_slice(&(graph.len() as u32).to_le_bytes());
            out.extend_from_slice(graph.as_bytes());
            out.extend_from_slice(&(names.len() as u32).to_le_bytes());
            out.extend_from_slice(&names);
        }
        out
    }

    /// The inverse of [`NameTable::encode`].
    pub fn decode(mut bytes: &[u8]) -> Result<NameTable> {
        let mut table = NameTable::default();
        while !bytes.is_empty() {
            let graph = take(&mut bytes)?;
            let graph =
                std::str::from_utf8(graph).context("name table: graph name is not UTF-8")?;
            let names = GraphNames::decode(take(&mut bytes)?)
                .with_context(|| format!("name table: graph `{graph}`"))?;
            table.insert(graph, names)?;
        }
        Ok(table)
    }
}

/// The little-endian u32 at the start of `bytes`, and the rest.
fn word(bytes: &[u8]) -> Result<(usize, &[u8])> {
    let (w, rest) = bytes
        .split_first_chunk::<4>()
        .context("name table: truncated")?;
    Ok((u32::from_le_bytes(*w) as usize, rest))
}

/// A u32 length and that many bytes from `bytes`, which moves past them.
fn take<'a>(bytes: &mut &'a [u8]) -> Result<&'a [u8]> {
    let (len, rest) = word(bytes)?;
    ensure!(rest.len() >= len, "name table: truncated");
    let (taken, rest) = rest.split_at(len);
    *bytes = rest;
    Ok(taken)
}

/// Makes the adapter artifact for `version` what wit-component takes:
/// replaces its `nn-componentize` imports with generated functions
/// (`baked-names` with one that writes `table`, see the module
/// documentation, an empty table giving one that writes nothing;
/// `dialect-table` with one that returns `dialect`'s packed tables), and
/// adds the `component-type` section, the version's `ml` world from `wit/`
/// (wit-component reads it and leaves it out of the component, so the
/// artifact does not carry a copy). Every adapter goes through here.
pub fn bake(
    adapter: &[u8],
    version: WasiNnVersion,
    table: &NameTable,
    dialect: Dialect,
) -> Result<Vec<u8>> {
    let mut imported_funcs = 0u32;
    let mut names = None;
    let mut tables = None;
    for payload in Parser::new(0).parse_all(adapter) {
        if let Payload::ImportSection(reader) = payload.context("adapter does not parse")? {
            for import in reader.into_imports() {
                let import = import?;
                if let TypeRef::Func(ty) = import.ty {
                    match (import.module, import.name) {
                        (MODULE, BAKED_NAMES) => names = Some((imported_funcs, ty)),
                        (MODULE, DIALECT_TABLE) => tables = Some((imported_funcs, ty)),
                        _ => {}
                    }
                    imported_funcs += 1;
                }
            }
        }
    }
    let mut replaced = Vec::new();
    for (import, name, function) in [
        (names, BAKED_NAMES, names_function(table)),
        (tables, DIALECT_TABLE, dialect_function(dialect)),
    ] {
        let Some((index, ty)) = import else {
            bail!("the adapter does not import `{MODULE}::{name}`");
        };
        replaced.push(Replaced {
            index,
            ty,
            function,
        });
    }
    replaced.sort_by_key(|r| r.index);
    let mut baker = Baker {
        replaced,
        // Defined functions follow the imports, of which there are fewer.
        first_new: None,
        imported_funcs: imported_funcs - 2,
    };
    let mut module = wasm_encoder::Module::new();
    baker
        .parse_core_module(&mut module, Parser::new(0), adapter)
        .map_err(|e| anyhow::anyhow!("rewriting the adapter: {e}"))?;
    module.section(&wasm_encoder::CustomSection {
        name: "component-type".into(),
        data: component_type(version)?.into(),
    });
    Ok(module.finish())
}

/// The `ml` world of `version`'s WIT package, encoded as wit-component
/// metadata.
fn component_type(version: WasiNnVersion) -> Result<Vec<u8>> {
    let target = version.wit();
    let resolve = target.resolve();
    let package = resolve
        .package_names
        .get(target.package_name())
        .context("the WIT package is in its resolve")?;
    let world = resolve.select_world(&[*package], Some("ml"))?;
    wit_component::metadata::encode(resolve, world, wit_component::StringEncoding::UTF8, None)
}

/// An import [`bake`] turns into a defined function.
struct Replaced {
    /// Its function index among the imports.
    index: u32,
    /// Its type index.
    ty: u32,
    function: Function,
}

struct Baker {
    /// Sorted by `index`; the generated functions follow every defined one
    /// in this order.
    replaced: Vec<Replaced>,
    /// Index of the first generated function.
    first_new: Option<u32>,
    imported_funcs: u32,
}

/// `(param $name i32) (param $len i32) (param $dst i32) (result i32)`: for
/// each graph of `table` in turn, a block that leaves unless `$len` and the
/// bytes at `$name` are its name, else stores [`GraphNames::encode`] at
/// `$dst` (unless it is 0) and returns its length; 0 after the last.
fn names_function(table: &NameTable) -> Function {
    use wasm_encoder::BlockType::Empty;
    use Instruction as I;
    let (name, len, dst) = (0, 1, 2);
    let mut f = Function::new([]);
    let arg = |offset: usize| MemArg {
        offset: offset as u64,
        align: 0,
        memory_index: 0,
    };
    for (graph, names) in table.iter() {
        let graph = graph.as_bytes();
        f.instruction(&I::Block(Empty));
        f.instruction(&I::LocalGet(len));
        f.instruction(&I::I32Const(graph.len() as i32));
        f.instruction(&I::I32Ne);
        f.instruction(&I::BrIf(0));
        for (at, chunk) in chunks(graph) {
            f.instruction(&I::LocalGet(name));
            f.instruction(&chunk.load(arg(at)));
            f.instruction(&chunk.constant());
            f.instruction(&chunk.ne());
            f.instruction(&I::BrIf(0));
        }
        let bytes = names.encode();
        f.instruction(&I::LocalGet(dst));
        f.instruction(&I::If(Empty));
        for (at, chunk) in chunks(&bytes) {
            f.instruction(&I::LocalGet(dst));
            f.instruction(&chunk.constant());
            f.instruction(&chunk.store(arg(at)));
        }
        f.instruction(&I::End);
        f.instruction(&I::I32Const(bytes.len() as i32));
        f.instruction(&I::Return);
        f.instruction(&I::End);
    }
    f.instruction(&I::I32Const(0));
    f.instruction(&I::End);
    f
}

/// Up to eight bytes of a constant, little-endian, as one wasm value.
#[derive(Clone, Copy)]
enum Chunk {
    Eight(i64),
    Four(i32),
    One(i32),
}

impl Chunk {
    fn constant(self) -> Instruction<'static> {
        match self {
            Chunk::Eight(v) => Instruction::I64Const(v),
            Chunk::Four(v) | Chunk::One(v) => Instruction::I32Const(v),
        }
    }

    fn load(self, arg: MemArg) -> Instruction<'static> {
        match self {
            Chunk::Eight(_) => Instruction::I64Load(arg),
            Chunk::Four(_) => Instruction::I32Load(arg),
            Chunk::One(_) => Instruction::I32Load8U(arg),
        }
    }

    fn store(self, arg: MemArg) -> Instruction<'static> {
        match self {
            Chunk::Eight(_) => Instruction::I64Store(arg),
            Chunk::Four(_) => Instruction::I32Store(arg),
            Chunk::One(_) => Instruction::I32Store8(arg),
        }
    }

    fn ne(self) -> Instruction<'static> {
        match self {
            Chunk::Eight(_) => Instruction::I64Ne,
            Chunk::Four(_) | Chunk::One(_) => Instruction::I32Ne,
        }
    }
}

/// `bytes` as (offset, chunk): eight bytes at a time, then four, then one.
fn chunks(bytes: &[u8]) -> Vec<(usize, Chunk)> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let rest = &bytes[at..];
        let (chunk, width) = match rest.len() {
            8.. => (
                Chunk::Eight(i64::from_le_bytes(rest[..8].try_into().expect("8 bytes"))),
                8,
            ),
            4.. => (
                Chunk::Four(i32::from_le_bytes(rest[..4].try_into().expect("4 bytes"))),
                4,
            ),
            _ => (Chunk::One(i32::from(rest[0])), 1),
        };
        out.push((at, chunk));
        at += width;
    }
    out
}

/// `(param $table i32) (result i64)`: the packed [`DialectTable`] numbered
/// `$table`, or all `f` (nothing maps) for any other number.
fn dialect_function(dialect: Dialect) -> Function {
    let mut f = Function::new([]);
    let tables = DialectTable::ALL;
    // One block per table around a `br_table` on the argument; leaving
    // block `i` returns table `i`.
    f.instruction(&Instruction::Block(wasm_encoder::BlockType::Empty));
    for _ in tables {
        f.instruction(&Instruction::Block(wasm_encoder::BlockType::Empty));
    }
    f.instruction(&Instruction::LocalGet(0));
    let targets: Vec<u32> = (0..tables.len() as u32).collect();
    f.instruction(&Instruction::BrTable(targets.into(), tables.len() as u32));
    for (i, table) in tables.into_iter().enumerate() {
        debug_assert_eq!(table as usize, i);
        f.instruction(&Instruction::End);
        f.instruction(&Instruction::I64Const(dialect.packed(table) as i64));
        f.instruction(&Instruction::Return);
    }
    f.instruction(&Instruction::End);
    f.instruction(&Instruction::I64Const(-1));
    f.instruction(&Instruction::End);
    f
}

impl Reencode for Baker {
    type Error = std::convert::Infallible;

    fn function_index(&mut self, func: u32) -> Result<u32, reencode::Error<Self::Error>> {
        let first_new = self.first_new.expect("counted before the code");
        let mut below = 0;
        for (i, r) in self.replaced.iter().enumerate() {
            if r.index == func {
                return Ok(first_new + i as u32);
            }
            if r.index < func {
                below += 1;
            }
        }
        Ok(func - below)
    }

    fn parse_import_section(
        &mut self,
        imports: &mut ImportSection,
        section: wasmparser::ImportSectionReader<'_>,
    ) -> Result<(), reencode::Error<Self::Error>> {
        for import in section.into_imports() {
            let import = import?;
            let generated =
                import.module == MODULE && [BAKED_NAMES, DIALECT_TABLE].contains(&import.name);
            if !generated {
                imports.import(import.module, import.name, self.entity_type(import.ty)?);
            }
        }
        Ok(())
    }

    fn parse_function_section(
        &mut self,
        functions: &mut FunctionSection,
        section: wasmparser::FunctionSectionReader<'_>,
    ) -> Result<(), reencode::Error<Self::Error>> {
        self.first_new = Some(self.imported_funcs + section.count());
        reencode::utils::parse_function_section(self, functions, section)?;
        for r in &self.replaced {
            functions.function(r.ty);
        }
        Ok(())
    }

    fn parse_code_section(
        &mut self,
        code: &mut CodeSection,
        section: wasmparser::CodeSectionReader<'_>,
    ) -> Result<(), reencode::Error<Self::Error>> {
        reencode::utils::parse_code_section(self, code, section)?;
        for r in &self.replaced {
            code.function(&r.function);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_graphs() -> NameTable {
        let mut table = NameTable::default();
        let names = |list: &[&[&str]]| -> Vec<Vec<String>> {
            list.iter()
                .map(|t| t.iter().map(|n| n.to_string()).collect())
                .collect()
        };
        table
            .insert(
                "two_io",
                GraphNames {
                    inputs: names(&[&["a", "a:0"], &["b"]]),
                    outputs: names(&[&["sum"], &["product"]]),
                },
            )
            .unwrap();
        table
            .insert(
                "x",
                GraphNames {
                    inputs: names(&[&["in"]]),
                    outputs: vec![],
                },
            )
            .unwrap();
        table
    }

    #[test]
    fn table_encodes_and_decodes() {
        let table = two_graphs();
        assert_eq!(NameTable::decode(&table.encode()).unwrap(), table);
        assert_eq!(NameTable::decode(&[]).unwrap(), NameTable::default());
        let mut bytes = table.encode();
        bytes.pop();
        assert!(NameTable::decode(&bytes).is_err());
    }

    #[test]
    fn bad_names_are_refused() {
        let mut table = NameTable::default();
        let one = |name: &str| GraphNames {
            inputs: vec![vec![name.to_string()]],
            outputs: vec![],
        };
        assert!(table.insert("g", one("")).is_err());
        assert!(table.insert("g", one(r"a\0b")).is_ok());
        assert!(table.insert("g", one("a\u{0}b")).is_err());
        assert!(table.insert("", one("a")).is_err());
        assert!(table.insert("g", GraphNames::default()).is_err());
    }

    #[test]
    fn baked_adapters_pass_the_verifier_without_the_import() {
        for version in WasiNnVersion::ALL {
            for table in [NameTable::default(), two_graphs()] {
                let baked = bake(
                    crate::artifact(version),
                    version,
                    &table,
                    Dialect::default(),
                )
                .unwrap();
                crate::verify(&baked, version).unwrap();
                let imports_it = Parser::new(0).parse_all(&baked).any(|p| {
                    matches!(p, Ok(Payload::ImportSection(r))
                        if r.clone().into_imports().any(|i| i.unwrap().module == MODULE))
                });
                assert!(!imports_it, "{version}");
            }
        }
    }

    #[test]
    fn a_module_without_the_import_is_refused() {
        let module = wat::parse_str("(module)").unwrap();
        let err = bake(
            &module,
            WasiNnVersion::default(),
            &NameTable::default(),
            Dialect::default(),
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("baked-names"), "{err}");
    }
}
