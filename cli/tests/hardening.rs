//! The CLI at its edges: odd output targets, signals, huge or hostile input,
//! modules that wit-component would reject with its own words.

mod common;

use common::{dir_with, stderr, BIN, COMMAND};
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Runs nn-componentize in `dir`. Tests that check every message state
/// `--dialect`: a module that shows no dialect also gets a note about it.
fn run(args: &[&str], dir: &Path) -> Output {
    common::run(args, dir, None)
}

/// Names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("cannot list dir")
        .map(|e| {
            e.expect("dir entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// Runs `nn-componentize` on `module.wat` holding `wat` and expects exit
/// code 1 with an error line containing `expected`.
fn assert_componentize_fails(wat: &str, args: &[&str], expected: &str) {
    let dir = dir_with("module.wat", wat.as_bytes());
    let mut all = vec!["module.wat", "-o", "out.wasm"];
    all.extend_from_slice(args);
    let output = run(&all, dir.path());
    let stderr = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with("error: module.wat: ") && stderr.contains(expected),
        "expected `error: module.wat: ...{expected}...`, got: {stderr}"
    );
    assert_eq!(names(dir.path()), ["module.wat"], "a file was left behind");
}

#[test]
fn features_runtimes_leave_off_are_rejected() {
    // Legacy exceptions (`try`): wit-component validates with every feature
    // on, Wasmtime and wasmparser's defaults do not accept it.
    let wat = COMMAND.replace(
        "(func (export \"_start\")",
        "(func try catch_all end)\n  (func (export \"_start\")",
    );
    assert_componentize_fails(
        &wat,
        &[],
        "not a valid WebAssembly module: legacy_exceptions feature required for try instruction",
    );
}

/// Writes [`COMMAND`] as `module.wat` in a fresh directory.
fn command_dir() -> tempfile::TempDir {
    dir_with("module.wat", COMMAND.as_bytes())
}

/// Converts `module.wat` in `dir` to `-o out` and expects success.
fn convert_to(dir: &Path, out: &str) {
    let output = run(&["module.wat", "-o", out], dir);
    assert!(output.status.success(), "{}", stderr(&output));
}

fn is_component(bytes: &[u8]) -> bool {
    wasmparser::Parser::is_component(bytes)
}

#[cfg(unix)]
mod output_targets {
    use super::*;
    use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};

    #[test]
    fn a_symlink_is_followed_and_kept() {
        let dir = command_dir();
        std::fs::write(dir.path().join("target.wasm"), b"old").unwrap();
        std::os::unix::fs::symlink("target.wasm", dir.path().join("out.wasm")).unwrap();
        convert_to(dir.path(), "out.wasm");
        let link = std::fs::symlink_metadata(dir.path().join("out.wasm")).unwrap();
        assert!(link.file_type().is_symlink(), "the link was replaced");
        assert!(is_component(
            &std::fs::read(dir.path().join("target.wasm")).unwrap()
        ));
        assert_eq!(names(dir.path()), ["module.wat", "out.wasm", "target.wasm"]);
    }

    #[test]
    fn a_dangling_symlink_creates_its_target() {
        let dir = command_dir();
        std::fs::create_dir(dir.path().join("build")).unwrap();
        std::os::unix::fs::symlink("build/new.wasm", dir.path().join("out.wasm")).unwrap();
        convert_to(dir.path(), "out.wasm");
        assert!(std::fs::symlink_metadata(dir.path().join("out.wasm"))
            .unwrap()
            .file_type()
            .is_symlink());
        assert!(is_component(
            &std::fs::read(dir.path().join("build/new.wasm")).unwrap()
        ));
    }

    #[test]
    fn a_fifo_is_written_not_replaced() {
        let dir = command_dir();
        let fifo = dir.path().join("pipe");
        let c_path = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a plain mkfifo on a NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
        // Opening a FIFO for writing blocks until it has a reader.
        let reader = std::thread::spawn({
            let fifo = fifo.clone();
            move || std::fs::read(fifo).unwrap()
        });
        convert_to(dir.path(), "pipe");
        // Checked first: had the FIFO been replaced, the reader would wait
        // for a writer forever.
        assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
        let received = reader.join().unwrap();
        assert!(is_component(&received), "{} bytes", received.len());
        assert_eq!(names(dir.path()), ["module.wat", "pipe"]);
    }

    #[test]
    fn an_existing_file_keeps_its_mode() {
        let dir = command_dir();
        let out = dir.path().join("out.wasm");
        std::fs::write(&out, b"old").unwrap();
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o640)).unwrap();
        convert_to(dir.path(), "out.wasm");
        let metadata = std::fs::metadata(&out).unwrap();
        assert_eq!(metadata.mode() & 0o7777, 0o640);
        assert!(is_component(&std::fs::read(&out).unwrap()));
    }

    #[test]
    fn a_read_only_file_is_refused() {
        let dir = command_dir();
        let out = dir.path().join("out.wasm");
        std::fs::write(&out, b"old").unwrap();
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o444)).unwrap();
        let output = run(
            &["--dialect", "wasi-nn-0.6", "module.wat", "-o", "out.wasm"],
            dir.path(),
        );
        assert_eq!(output.status.code(), Some(1));
        assert_eq!(
            stderr(&output),
            "error: out.wasm: is read-only; refusing to overwrite it (make it writable or remove it)\n"
        );
        assert_eq!(std::fs::read(&out).unwrap(), b"old");
        assert_eq!(names(dir.path()), ["module.wat", "out.wasm"]);
    }

    #[test]
    fn a_hard_linked_file_is_written_in_place() {
        let dir = command_dir();
        let out = dir.path().join("out.wasm");
        std::fs::write(&out, b"old").unwrap();
        std::fs::hard_link(&out, dir.path().join("other-name.wasm")).unwrap();
        convert_to(dir.path(), "out.wasm");
        let written = std::fs::read(&out).unwrap();
        assert!(is_component(&written));
        assert_eq!(
            std::fs::read(dir.path().join("other-name.wasm")).unwrap(),
            written
        );
        assert_eq!(std::fs::metadata(&out).unwrap().nlink(), 2);
    }

    #[test]
    fn a_directory_is_refused() {
        let dir = command_dir();
        std::fs::create_dir(dir.path().join("out")).unwrap();
        let output = run(
            &["--dialect", "wasi-nn-0.6", "module.wat", "-o", "out"],
            dir.path(),
        );
        assert_eq!(output.status.code(), Some(1));
        assert_eq!(stderr(&output), "error: out: is a directory\n");
    }
}

/// [`COMMAND`] in binary with a passive data segment of `size` bytes, so
/// that the component is about as large.
fn large_module(size: usize) -> Vec<u8> {
    let mut module = wat::parse_str(COMMAND).unwrap();
    let mut segment = vec![1u8]; // one segment,
    segment.push(1); // passive,
    leb128::write::unsigned(&mut segment, size as u64).unwrap();
    segment.resize(segment.len() + size, 0x5a);
    module.push(11); // the data section
    leb128::write::unsigned(&mut module, segment.len() as u64).unwrap();
    module.extend_from_slice(&segment);
    module
}

#[cfg(unix)]
#[test]
fn sigterm_during_the_write_leaves_no_temporary_file() {
    use std::os::unix::process::ExitStatusExt;
    let dir = dir_with("big.wasm", &large_module(256 << 20));
    let mut child = Command::new(BIN)
        .args(["big.wasm", "-o", "out.wasm"])
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait for the temporary file to appear, then stop the process while
    // it writes 256 MiB.
    let temporary = loop {
        if let Some(name) = names(dir.path())
            .into_iter()
            .find(|n| n.starts_with(".tmp"))
        {
            break name;
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!("finished ({status}) before it was seen writing");
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    };
    // SAFETY: a plain kill of our own child.
    assert_eq!(unsafe { libc::kill(child.id() as i32, libc::SIGTERM) }, 0);
    let status = child.wait().unwrap();
    assert_eq!(status.signal(), Some(libc::SIGTERM), "{status}");
    assert_eq!(
        names(dir.path()),
        ["big.wasm"],
        "{temporary} or out.wasm left behind"
    );
}

#[cfg(unix)]
#[test]
fn endless_input_stops_at_the_size_limit() {
    let dir = dir_with("in.wat", COMMAND.as_bytes());
    let output = run(
        &["--max-input-size", "1M", "/dev/zero", "-o", "out.wasm"],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "error: /dev/zero: cannot read: larger than the input size limit of 1 MiB \
         (raise it with --max-input-size)\n"
    );
    let output = run(
        &["inspect", "--max-input-size=64K", "/dev/zero"],
        dir.path(),
    );
    assert!(
        stderr(&output)
            .contains("/dev/zero: cannot read: larger than the input size limit of 64 KiB"),
        "{}",
        stderr(&output)
    );
    let adapt = "wasi_snapshot_preview1=/dev/zero";
    let output = run(
        &["--max-input-size=2K", "--adapt", adapt, "in.wat"],
        dir.path(),
    );
    assert_eq!(
        stderr(&output),
        "error: /dev/zero: cannot read adapter: larger than the input size limit of 2 KiB \
         (raise it with --max-input-size)\n"
    );
    assert_eq!(names(dir.path()), ["in.wat"]);
}

#[test]
fn input_at_the_limit_is_accepted() {
    let dir = command_dir();
    let size = std::fs::metadata(dir.path().join("module.wat"))
        .unwrap()
        .len();
    let limit = format!("--max-input-size={size}");
    let output = run(&[&limit, "module.wat", "-o", "out.wasm"], dir.path());
    assert!(output.status.success(), "{}", stderr(&output));
    let limit = format!("--max-input-size={}", size - 1);
    let output = run(&[&limit, "module.wat", "-o", "out.wasm"], dir.path());
    assert!(stderr(&output).contains(&format!("input size limit of {} bytes", size - 1)));
}

#[test]
fn the_default_input_limit_is_one_gib() {
    let output = Command::new(BIN).arg("--help").output().unwrap();
    let help = String::from_utf8_lossy(&output.stdout);
    assert!(help.contains("--max-input-size <SIZE>"), "{help}");
    assert!(help.contains("[default: 1G]"), "{help}");
}

#[test]
fn a_text_error_is_one_line_with_the_source_indented_beneath() {
    let dir = dir_with("broken.wat", b"(module\n  (func (unknown)))\n");
    let output = run(&["broken.wat", "-o", "out.wasm"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "error: broken.wat: invalid WebAssembly text: unknown operator or unexpected token \
         (at broken.wat:2:10)\n  \
         2 |   (func (unknown)))\n  \
         \x20 |          ^\n"
    );
}

#[test]
fn a_huge_single_line_text_is_not_echoed() {
    // 14 MB on one line, with the error near the middle.
    let types = "(type (func))".repeat(9 << 16);
    let text = format!("(module {types} (func (unknown)) {types})");
    assert!(text.len() > 14_000_000);
    let dir = dir_with("minified.wat", text.as_bytes());
    let output = run(&["minified.wat", "-o", "out.wasm"], dir.path());
    let stderr = stderr(&output);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr.len() < 1000, "{} bytes of stderr", stderr.len());
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    assert!(lines[0].starts_with("error: minified.wat: invalid WebAssembly text: "));
    assert!(
        lines[1].starts_with("  1 | …") && lines[1].ends_with('…'),
        "{stderr}"
    );
}

#[test]
fn every_line_of_an_error_is_capped() {
    // An import name of 100,000 characters, quoted in the problem.
    let name = "x".repeat(100_000);
    let wat = format!(r#"(module (import "env" "{name}" (func)))"#);
    let dir = dir_with("long-name.wat", wat.as_bytes());
    let output = run(&["long-name.wat", "-o", "out.wasm"], dir.path());
    let stderr = stderr(&output);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr.starts_with(
        "error: long-name.wat: imports from modules that no adapter serves: `env` (xxx"
    ));
    assert!(stderr.ends_with("xxx…\n"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1);
    assert!(
        stderr.chars().count() < 520,
        "{} chars",
        stderr.chars().count()
    );
}

/// A module that adapters serve, with `extra` spliced in.
fn served_module(memory: &str, extra: &str) -> String {
    format!(
        r#"(module
  (import "wasi_ephemeral_nn" "compute" (func $compute (param i32) (result i32)))
  {memory}
  {extra})"#
    )
}

/// `inspect` and the conversion reject `wat` with the same `message`:
/// exit code 1 and that one line on stderr from both.
fn assert_both_reject(wat: &str, args: &[&str], message: &str) {
    let dir = dir_with("module.wat", wat.as_bytes());
    let mut inspect = vec!["inspect", "module.wat"];
    inspect.extend_from_slice(args);
    let output = run(&inspect, dir.path());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(stderr(&output), format!("error: module.wat: {message}\n"));
    assert!(
        stdout.contains(&format!("error: {message}\n"))
            && stdout.ends_with("result: cannot be componentized (1 problem)\n"),
        "inspect: {stdout}"
    );
    let mut convert = vec!["module.wat", "-o", "out.wasm"];
    convert.extend_from_slice(args);
    let output = run(&convert, dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stderr(&output), format!("error: module.wat: {message}\n"));
    assert_eq!(names(dir.path()), ["module.wat"]);
}

#[test]
fn no_exported_memory_is_named() {
    assert_both_reject(
        &served_module("(memory 1)", r#"(func (export "_start"))"#),
        &[],
        "the module exports no memory named `memory`; the adapters serving its imports read \
         and write its memory through that export",
    );
}

#[test]
fn a_wrong_start_type_is_named() {
    assert_both_reject(
        &served_module(
            r#"(memory (export "memory") 1)"#,
            r#"(func (export "_start") (param i32))"#,
        ),
        &[],
        "`_start` is exported with type (i32), but the preview1 command adapter calls it as ()",
    );
}

#[test]
fn a_wrong_realloc_type_is_named() {
    assert_both_reject(
        &served_module(
            r#"(memory (export "memory") 1)"#,
            r#"(func (export "cabi_realloc") (param i32))"#,
        ),
        &[],
        "`cabi_realloc` is exported with type (i32), but the canonical ABI calls it as \
         (i32, i32, i32, i32) -> i32",
    );
}

#[test]
fn non_final_function_types_are_named() {
    assert_both_reject(
        &served_module(
            r#"(memory (export "memory") 1)"#,
            r#"(type $open (sub (func))) (func (export "_start") (type $open))"#,
        ),
        &[],
        "the `_start` export has a non-final function type (`sub` without `final`), which \
         never matches the final type the adapter links it with",
    );
    assert_both_reject(
        r#"(module
  (type $open (sub (func (param i32) (result i32))))
  (import "wasi_ephemeral_nn" "compute" (func (type $open)))
  (memory (export "memory") 1))"#,
        &[],
        "the import `wasi_ephemeral_nn::compute` has a non-final function type (`sub` without \
         `final`), which never matches the final type the adapter links it with",
    );
}

#[test]
fn a_garbage_component_type_section_is_named() {
    assert_both_reject(
        &served_module(
            r#"(memory (export "memory") 1)"#,
            r#"(@custom "component-type:garbage" "\01\02\03garbage")"#,
        ),
        &[],
        "the `component-type` custom section is not wit-bindgen metadata: decoding custom \
         section component-type:garbage: magic header not detected: bad magic number - \
         expected=[0x0, 0x61, 0x73, 0x6d] actual=[0x1, 0x2, 0x3, 0x67] (at offset 0x0)",
    );
}

#[test]
fn command_without_an_entry_point_is_named() {
    assert_both_reject(
        &served_module(r#"(memory (export "memory") 1)"#, ""),
        &["--command"],
        "cannot be a command: the module neither exports `_start` nor has a start function of \
         type () to run as `_start`",
    );
}

/// The AssemblyScript compiler's output for a program whose top-level code
/// (its `main`) runs from the start section, as in the `as-wasi-nn`
/// examples.
const ASSEMBLYSCRIPT_START: &str = include_str!("assemblyscript/start.wat");

#[test]
fn a_start_section_program_becomes_a_command() {
    for args in [&[][..], &["--command"]] {
        let dir = dir_with("start.wat", ASSEMBLYSCRIPT_START.as_bytes());
        let mut all = vec!["--dialect", "wasi-nn-0.6", "start.wat", "-o", "out.wasm"];
        all.extend_from_slice(args);
        let output = run(&all, dir.path());
        assert!(output.status.success(), "{}", stderr(&output));
        assert_eq!(
            stderr(&output),
            "note: start.wat: the module has a start function and no `_start`: the start \
             function is exported as `_start` and runs when the command runs, not at \
             instantiation\n"
        );
        let component = std::fs::read(dir.path().join("out.wasm")).unwrap();
        wasmparser::Validator::new()
            .validate_all(&component)
            .expect("the component validates with default features");
        let text = wasmprinter::print_bytes(&component).unwrap();
        assert!(
            text.contains("(export \"wasi:cli/run@0.2."),
            "no wasi:cli/run export"
        );
        // The main module keeps no start section: `_start` runs `main` once.
        let main = text
            .split("(core module $main")
            .nth(1)
            .and_then(|rest| rest.split("(core module").next())
            .expect("a main module");
        assert!(!main.contains("(start "), "{main}");
        assert!(
            main.contains("(export \"_start\" (func $~start))"),
            "{main}"
        );
    }
    let dir = dir_with("start.wat", ASSEMBLYSCRIPT_START.as_bytes());
    let output = run(&["inspect", "start.wat"], dir.path());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains(
            "kind: command (no `_start`, but a start function: its start function becomes `_start`)"
        ),
        "{stdout}"
    );
}

#[test]
fn a_start_function_with_parameters_or_next_to_start_is_left_alone() {
    // A start function is always () -> (); with `_start` exported too, the
    // module is a command through `_start` and keeps its start section.
    let wat = served_module(
        r#"(memory (export "memory") 1)"#,
        r#"(func $init) (start $init) (func (export "_start"))"#,
    );
    let dir = dir_with("module.wat", wat.as_bytes());
    let output = run(
        &["--dialect", "wasi-nn-0.6", "module.wat", "-t"],
        dir.path(),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).is_empty(), "{}", stderr(&output));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("(start $init)"),
        "the start section was dropped"
    );
    // `--reactor` keeps the start section too.
    let wat = served_module(
        r#"(memory (export "memory") 1)"#,
        r#"(func $init) (start $init)"#,
    );
    let dir = dir_with("module.wat", wat.as_bytes());
    let output = run(&["module.wat", "-t", "--reactor"], dir.path());
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(String::from_utf8_lossy(&output.stdout).contains("(start $init)"));
}

#[test]
fn a_memory_that_cannot_grow_enough_is_warned_about() {
    let warning = |maximum, initial, needed| {
        format!(
            "the module's memory cannot grow beyond {maximum} pages ({initial} declared), but \
             the adapters take {needed} pages with memory.grow at start-up (2 each: shadow \
             stack and state) and the component will trap; raise or remove the memory's maximum"
        )
    };
    let preview1 = r#"(import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32 i32) (result i32)))"#;
    let cases = [
        // (memory, other imports, expected warning)
        ("4 4", preview1, Some(warning(4, 4, 4))),
        ("1 4", preview1, Some(warning(4, 1, 4))),
        ("1 5", preview1, None),
        ("3 4", "", Some(warning(4, 3, 2))),
        ("2 4", "", None),
        ("4", preview1, None),
    ];
    for (limits, imports, expected) in cases {
        let wat = served_module(
            &format!(r#"{imports} (memory (export "memory") {limits})"#),
            r#"(func (export "_start"))"#,
        );
        let dir = dir_with("module.wat", wat.as_bytes());
        let output = run(
            &["--dialect", "wasi-nn-0.6", "module.wat", "-o", "out.wasm"],
            dir.path(),
        );
        assert!(output.status.success(), "{}", stderr(&output));
        let expected_stderr = match &expected {
            Some(warning) => format!("warning: module.wat: {warning}\n"),
            None => String::new(),
        };
        assert_eq!(stderr(&output), expected_stderr, "memory {limits}");
        let output = run(&["inspect", "module.wat"], dir.path());
        let stdout = String::from_utf8_lossy(&output.stdout);
        match &expected {
            Some(warning) => assert!(
                stdout.contains(&format!("\nwarning: {warning}\n")),
                "{stdout}"
            ),
            None => assert!(!stdout.contains("warning:"), "{stdout}"),
        }
    }
}
