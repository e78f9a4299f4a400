//! Running the binary and checking components: shared by the CLI tests and
//! the golden-file harness.

// Each test binary compiles this module and uses a different subset of it.
#![allow(dead_code)]

use anyhow::{bail, ensure, Context, Result};
use nn_componentize::WasiNnVersion;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use wasmparser::{Validator, WasmFeatures};
use wit_component::{DecodedWasm, WitPrinter};
use wit_parser::{Resolve, WorldId, WorldKey};

pub const BIN: &str = env!("CARGO_BIN_EXE_nn-componentize");

/// A command-style legacy module using one wasi-nn function (`compute`) and
/// preview1: `_start`, memory `memory`.
pub const COMMAND: &str = r#"(module
  (import "wasi_ephemeral_nn" "compute" (func $compute (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "_start") (drop (call $compute (i32.const 0))))
)"#;

/// A pseudo-terminal: (controller, terminal).
#[cfg(unix)]
pub fn pty() -> (std::fs::File, std::os::fd::OwnedFd) {
    use std::os::fd::{FromRawFd, OwnedFd};
    let (mut controller, mut terminal) = (0, 0);
    // SAFETY: openpty writes two new file descriptors into the out-params;
    // the null pointers ask for no name and default terminal settings.
    let rc = unsafe {
        libc::openpty(
            &mut controller,
            &mut terminal,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(rc, 0, "openpty failed");
    // SAFETY: both descriptors were just opened and are owned by nobody else.
    unsafe {
        (
            std::fs::File::from_raw_fd(controller),
            OwnedFd::from_raw_fd(terminal),
        )
    }
}

/// The paths in `dir`, sorted: what a run left behind.
pub fn entries(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("cannot list dir")
        .map(|e| e.expect("dir entry").path())
        .collect();
    entries.sort();
    entries
}

/// Runs `nn-componentize ARGS` in `dir`, feeding `stdin` when given.
pub fn run(args: &[&str], dir: &Path, stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cannot start nn-componentize");
    if let Some(bytes) = stdin {
        use std::io::Write;
        let mut pipe = child.stdin.take().expect("stdin is piped");
        pipe.write_all(bytes).expect("cannot write stdin");
    }
    child
        .wait_with_output()
        .expect("nn-componentize did not finish")
}

/// Runs `nn-componentize ARGS` in `dir` and checks that it exited with
/// `code`, showing its stderr when not.
pub fn expect_exit(code: i32, args: &[&str], dir: &Path) -> Output {
    let output = run(args, dir, None);
    assert_eq!(
        output.status.code(),
        Some(code),
        "nn-componentize {}: {}",
        args.join(" "),
        stderr(&output)
    );
    output
}

/// Runs `nn-componentize ARGS` in `dir` and checks that it succeeded
/// quietly: exit 0 and nothing on stderr.
pub fn expect_quiet_success(args: &[&str], dir: &Path) -> Output {
    let output = expect_exit(0, args, dir);
    assert!(
        output.stderr.is_empty(),
        "nn-componentize {}: {}",
        args.join(" "),
        stderr(&output)
    );
    output
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A fresh directory holding `input` as `name`.
pub fn dir_with(name: &str, input: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("cannot create a temp dir");
    std::fs::write(dir.path().join(name), input).expect("cannot write input");
    dir
}

/// Validates `component`, checks that it imports nothing but `wasi:nn/*` at
/// the default version and preview2 `wasi:*` interfaces, and returns its
/// decoded world printed as WIT.
pub fn check_component(component: &[u8]) -> Result<String> {
    check_component_for(component, WasiNnVersion::default())
}

/// [`check_component`] for a component whose `wasi:nn/*` imports must all be
/// of `wasi_nn`.
pub fn check_component_for(component: &[u8], wasi_nn: WasiNnVersion) -> Result<String> {
    Validator::new_with_features(WasmFeatures::all())
        .validate_all(component)
        .context("the component does not validate")?;
    let (resolve, world) = decode(component)?;
    for key in resolve.worlds[world].imports.keys() {
        let WorldKey::Interface(id) = key else {
            bail!(
                "unexpected non-interface import `{}`",
                resolve.name_world_key(key)
            );
        };
        let name = resolve.id_of(*id).context("anonymous interface import")?;
        let package = resolve.interfaces[*id]
            .package
            .map(|p| &resolve.packages[p].name)
            .context("interface without a package")?;
        let version = package.version.as_ref().context("unversioned import")?;
        ensure!(
            package.namespace == "wasi",
            "`{name}` is not a wasi interface"
        );
        if package.name == "nn" {
            ensure!(
                version.to_string() == wasi_nn.as_str(),
                "`{name}`: wasi:nn version {version}, expected {wasi_nn}"
            );
        } else {
            ensure!(
                version.major == 0 && version.minor == 2,
                "`{name}` is not a preview2 (0.2.x) interface"
            );
        }
    }
    let package = resolve.worlds[world]
        .package
        .context("decoded world has no package")?;
    let mut printer = WitPrinter::default();
    printer
        .print(&resolve, package, &[])
        .context("cannot print the decoded WIT")?;
    Ok(printer.output.to_string())
}

/// Decodes the WIT world a component imports and exports.
pub fn decode(component: &[u8]) -> Result<(Resolve, WorldId)> {
    match wit_component::decode(component).context("cannot decode the component's WIT")? {
        DecodedWasm::Component(resolve, world) => Ok((resolve, world)),
        DecodedWasm::WitPackage(..) => bail!("decoded a WIT package, not a component"),
    }
}

/// Names of the interfaces the component imports (e.g. `wasi:nn/graph@...`).
pub fn imported_interfaces(component: &[u8]) -> Result<Vec<String>> {
    let (resolve, world) = decode(component)?;
    Ok(resolve.worlds[world]
        .imports
        .keys()
        .map(|k| resolve.name_world_key(k))
        .collect())
}

/// Names of the interfaces the component exports (e.g. `wasi:cli/run@...`).
pub fn exported_interfaces(component: &[u8]) -> Result<Vec<String>> {
    let (resolve, world) = decode(component)?;
    Ok(resolve.worlds[world]
        .exports
        .keys()
        .map(|k| resolve.name_world_key(k))
        .collect())
}
