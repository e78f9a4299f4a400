//! Golden-file tests, modelled on wit-component's `tests/components`.
//!
//! Every folder in `golden/` (next to this file) is one test case. Input:
//! `module.wat`, a legacy core module (or anything else the tool must reject),
//! optionally `kind.txt` holding `command` or `reactor` to override the
//! automatic choice, and optionally `wasi-nn.txt` holding the `wasi:nn` version
//! to target (as `--wasi-nn` takes it; the default otherwise), optionally
//! `dialect.txt` holding the dialect (as `--dialect` takes it; detected
//! otherwise), and optionally
//! `names.txt` with tensor names to bake in, a line per graph in the form of
//! `--names` (`GRAPH=IN,..:OUT,..`, no escapes; the component's table is then
//! expected, decoded, in `baked-names.txt`). Expected output: `component.wit` (the decoded world) and
//! `component.wat` (the component's skeleton, below) when the conversion
//! succeeds, or `error.txt` when it must fail. Folders named `error-*` must
//! fail, all others must succeed, so blessing cannot turn a regression into an
//! expectation.
//!
//! `component.wat` is printed with `wasmprinter`'s skeleton mode: every type,
//! import, export, instance, alias, canonical function and core function
//! signature, without function bodies or data. The components embed the real
//! adapters (ours and the preview1 one), and a full print made every rebuild
//! of adapter/artifacts/<version>/wasi_ephemeral_nn.wasm rewrite some 28,000 lines of
//! golden text that no one could review. wit-component's own tests avoid this
//! with small stand-in adapters instead, but what these cases pin is what the
//! real adapter becomes in a component: which of its functions are kept for a
//! given module, what they import, how the instances are wired. The skeleton
//! keeps exactly that, so a golden diff is a change of structure; what the
//! code does is the differential suite's job (the `nn-tests` package).
//!
//! `BLESS=1 cargo test -p nn-componentize --test golden` rewrites the
//! expectations.

mod common;

use anyhow::{bail, Context, Result};
use libtest_mimic::{Arguments, Trial};
use nn_componentize::{Componentizer, GraphNames, Kind, WasiNnVersion};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const BLESS_HINT: &str = "run `BLESS=1 cargo test -p nn-componentize --test golden` to update \
     the expectations (component.wat is the components' structure, so this is expected when \
     an adapter in adapter/artifacts/ gains or loses functions, imports or exports)";

fn main() -> ExitCode {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut cases: Vec<PathBuf> = match std::fs::read_dir(&root) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_dir())
            .collect(),
        Err(err) => {
            eprintln!("cannot list {}: {err}", root.display());
            return ExitCode::FAILURE;
        }
    };
    cases.sort();
    let trials = cases
        .into_iter()
        .map(|dir| {
            let name = dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            Trial::test(name, move || {
                run_case(&dir).map_err(|e| format!("{e:#}").into())
            })
        })
        .collect();
    libtest_mimic::run(&Arguments::from_args(), trials).exit_code()
}

fn bless() -> bool {
    std::env::var_os("BLESS").is_some_and(|v| !v.is_empty() && v != "0")
}

fn run_case(dir: &Path) -> Result<()> {
    let must_fail = dir
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with("error-"));
    let module = std::fs::read(dir.join("module.wat")).context("cannot read module.wat")?;
    let mut componentizer = Componentizer::new();
    if let Ok(kind) = std::fs::read_to_string(dir.join("kind.txt")) {
        componentizer = componentizer.kind(match kind.trim() {
            "command" => Kind::Command,
            "reactor" => Kind::Reactor,
            other => bail!("kind.txt: expected `command` or `reactor`, found `{other}`"),
        });
    }
    let wasi_nn = match std::fs::read_to_string(dir.join("wasi-nn.txt")) {
        Ok(version) => version
            .trim()
            .parse::<WasiNnVersion>()
            .context("wasi-nn.txt")?,
        Err(_) => WasiNnVersion::default(),
    };
    componentizer = componentizer.wasi_nn(wasi_nn);
    if let Ok(dialect) = std::fs::read_to_string(dir.join("dialect.txt")) {
        componentizer = componentizer.dialect(dialect.trim().parse().context("dialect.txt")?);
    }
    if let Ok(table) = std::fs::read_to_string(dir.join("names.txt")) {
        for line in table.lines().filter(|l| !l.trim().is_empty()) {
            let (graph, lists) = line
                .split_once('=')
                .context("names.txt: GRAPH=IN,..:OUT,..")?;
            let (inputs, outputs) = lists.split_once(':').context("names.txt: IN,..:OUT,..")?;
            let list = |names: &str| -> Vec<Vec<String>> {
                names
                    .split(',')
                    .filter(|n| !n.is_empty())
                    .map(|n| vec![n.to_owned()])
                    .collect()
            };
            let names = GraphNames {
                inputs: list(inputs),
                outputs: list(outputs),
            };
            componentizer = componentizer.graph_names(graph, names)?;
        }
    }
    match (componentizer.componentize(&module), must_fail) {
        (Ok(component), false) => {
            let wit = common::check_component_for(&component, wasi_nn)?;
            expect(&dir.join("component.wit"), &wit)?;
            expect(&dir.join("component.wat"), &(skeleton(&component)? + "\n"))?;
            // The skeleton leaves out custom sections' contents: the baked
            // table is shown decoded.
            match nn_componentize::baked_names(&component)? {
                Some(table) => {
                    let listed: String = table
                        .iter()
                        .map(|(graph, names)| format!("{graph}: {names:?}\n"))
                        .collect();
                    expect(&dir.join("baked-names.txt"), &listed)?;
                }
                None => absent(&dir.join("baked-names.txt"))?,
            }
            absent(&dir.join("error.txt"))
        }
        (Err(err), true) => {
            expect(&dir.join("error.txt"), &format!("{err:#}\n"))?;
            absent(&dir.join("component.wit"))?;
            absent(&dir.join("component.wat"))
        }
        (Ok(_), true) => bail!("expected an error (the case is named error-*), but it succeeded"),
        (Err(err), false) => Err(err.context("componentizing failed")),
    }
}

/// The component as text without function bodies, data or custom section
/// contents (see the module documentation).
fn skeleton(component: &[u8]) -> Result<String> {
    let mut text = String::new();
    wasmprinter::Config::new()
        .print_skeleton(true)
        .print(component, &mut wasmprinter::PrintFmtWrite(&mut text))
        .context("cannot print component")?;
    Ok(text)
}

/// `cli/tests/golden/<case>/<file>`: short enough to read in a failure message.
fn shown(path: &Path) -> String {
    let tail: Vec<_> = path.iter().rev().take(2).collect();
    match tail.as_slice() {
        [file, case] => format!(
            "cli/tests/golden/{}/{}",
            case.to_string_lossy(),
            file.to_string_lossy()
        ),
        _ => path.display().to_string(),
    }
}

/// Compares `actual` with the file at `path`, or writes it when blessing.
fn expect(path: &Path, actual: &str) -> Result<()> {
    if bless() {
        return std::fs::write(path, actual)
            .with_context(|| format!("cannot write {}", shown(path)));
    }
    let expected = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read {}; {BLESS_HINT}", shown(path)))?
        .replace("\r\n", "\n");
    if expected == actual {
        return Ok(());
    }
    let want_lines: Vec<&str> = expected.lines().collect();
    let got_lines: Vec<&str> = actual.lines().collect();
    let line = (0..=want_lines.len().max(got_lines.len()))
        .find(|&i| want_lines.get(i) != got_lines.get(i))
        .unwrap_or(0);
    let show = |lines: &[&str]| {
        lines
            .get(line)
            .copied()
            .unwrap_or("<end of file>")
            .to_owned()
    };
    let (want, got, line) = (show(&want_lines), show(&got_lines), line + 1);
    bail!(
        "{} differs from the output, first at line {line}:\n  expected: {want}\n  actual:   {got}\n{BLESS_HINT}",
        shown(path)
    )
}

/// Expectation files of the other outcome must not linger: blessing removes
/// them, otherwise their presence is a failure.
fn absent(path: &Path) -> Result<()> {
    if !path.exists() {
        return Ok(());
    }
    if bless() {
        return std::fs::remove_file(path)
            .with_context(|| format!("cannot remove {}", shown(path)));
    }
    bail!(
        "{} exists but does not apply to this outcome; {BLESS_HINT}",
        shown(path)
    )
}
