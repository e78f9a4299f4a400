//! Runs the `nn-componentize` binary as a user would.

mod common;

use common::{dir_with, entries, expect_exit, expect_quiet_success, run, stderr, BIN};

use nn_componentize::WasiNnVersion;
use std::process::{Command, Stdio};

/// A command-style legacy module: all six nn functions, preview1, `_start`.
const COMMAND: &str = r#"(module
  (import "wasi_ephemeral_nn" "load" (func (param i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_ephemeral_nn" "load_by_name" (func (param i32 i32 i32) (result i32)))
  (import "wasi_ephemeral_nn" "init_execution_context" (func (param i32 i32) (result i32)))
  (import "wasi_ephemeral_nn" "set_input" (func (param i32 i32 i32) (result i32)))
  (import "wasi_ephemeral_nn" "get_output" (func (param i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_ephemeral_nn" "compute" (func $compute (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "_start") (drop (call $compute (i32.const 0))))
)"#;

/// Runs `nn-componentize NAME -o out.wasm` on a bad input and checks the
/// failure: exit code 1, one `error: NAME: ...` message containing
/// `expected`, and no output (or temporary) file left behind.
fn assert_rejected(name: &str, input: &[u8], expected: &str) {
    let dir = dir_with(name, input);
    let output = expect_exit(1, &[name, "-o", "out.wasm"], dir.path());
    let stderr = stderr(&output);
    assert!(
        stderr.starts_with(&format!("error: {name}: ")),
        "message does not name the file: {stderr}"
    );
    assert!(
        stderr.contains(expected),
        "expected `{expected}` in: {stderr}"
    );
    assert!(output.stdout.is_empty());
    assert_eq!(
        entries(dir.path()),
        vec![dir.path().join(name)],
        "a file was left behind"
    );
}

fn binary(wat: &str) -> Vec<u8> {
    wat::parse_str(wat).expect("test WAT parses")
}

#[test]
fn not_wasm_is_rejected() {
    assert_rejected(
        "notes.txt",
        b"hello, world\n",
        "not a valid WebAssembly module: magic header not detected: bad magic number",
    );
}

#[test]
fn truncated_module_is_rejected() {
    let bytes = binary(COMMAND);
    assert_rejected(
        "truncated.wasm",
        &bytes[..bytes.len() / 2],
        "not a valid WebAssembly module: unexpected end-of-file",
    );
}

#[test]
fn invalid_module_is_rejected() {
    // Well-formed binary, but the body returns nothing where i32 is due.
    let bytes = binary("(module (func (result i32)))");
    assert_rejected(
        "invalid.wasm",
        &bytes,
        "not a valid WebAssembly module: type mismatch",
    );
}

#[test]
fn invalid_text_is_rejected() {
    assert_rejected(
        "broken.wat",
        b"(module (func",
        "invalid WebAssembly text: expected `)`",
    );
}

#[test]
fn component_is_rejected() {
    assert_rejected(
        "component.wasm",
        &binary("(component)"),
        "already a component; nothing to adapt",
    );
}

#[test]
fn wasmedge_function_under_another_dialect_names_the_dialect() {
    let wat = br#"(module (import "wasi_ephemeral_nn" "load_by_name_with_config" (func (param i32 i32 i32 i32 i32) (result i32))) (memory (export "memory") 1))"#;
    let dir = dir_with("wasmedge.wat", wat);
    let output = expect_exit(
        1,
        &["--dialect", "wasi-nn-0.6", "wasmedge.wat", "-o", "c.wasm"],
        dir.path(),
    );
    assert_eq!(
        stderr(&output),
        "error: wasmedge.wat: `wasi_ephemeral_nn::load_by_name_with_config` \
         is not a function of dialect wasi-nn-0.6, so the adapter does not provide it (dialect \
         wasmedge defines it: componentize with --dialect wasmedge)\n"
    );
    assert!(!dir.path().join("c.wasm").exists());
}

#[test]
fn wasmedge_imports_are_detected_and_served() {
    let wat = COMMAND.replace(
        "(memory",
        r#"(import "wasi_ephemeral_nn" "load_by_name_with_config" (func (param i32 i32 i32 i32 i32) (result i32))) (memory"#,
    );
    let dir = dir_with("wasmedge.wat", wat.as_bytes());
    let output = run(&["inspect", "wasmedge.wat"], dir.path(), None);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains(
            "dialect: wasmedge (imports `load_by_name_with_config`, which only WasmEdge defines)"
        ),
        "{text}"
    );
    assert!(text.contains("result: can be componentized"), "{text}");
    expect_quiet_success(&["wasmedge.wat", "-o", "c.wasm"], dir.path());
}

#[test]
fn a_module_without_evidence_gets_the_default_and_a_note() {
    let dir = dir_with("legacy.wat", COMMAND.as_bytes());
    let output = expect_exit(0, &["legacy.wat", "-o", "c.wasm"], dir.path());
    assert_eq!(
        stderr(&output),
        "note: legacy.wat: no evidence of the crate that built the module: its wasi-nn numbers \
         are read as wasi-nn-0.6; if it was built with another, say so with --dialect (one of: \
         wasi-nn-0.6, wasi-nn-0.5, wasi-nn-0.2, wasi-nn-0.1, wasmedge)\n"
    );
    let output = run(&["inspect", "legacy.wat"], dir.path(), None);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains(
            "dialect: wasi-nn-0.6 (the default: the module carries no evidence of its numbering)"
        ),
        "{text}"
    );
    // An explicit --dialect needs no note.
    expect_quiet_success(
        &["--dialect", "wasi-nn-0.6", "legacy.wat", "-o", "c.wasm"],
        dir.path(),
    );
}

#[test]
fn unknown_dialect_is_one_line_with_the_choices() {
    let dir = dir_with("legacy.wat", COMMAND.as_bytes());
    let output = run(
        &["--dialect", "wasi-nn-0.3", "legacy.wat", "-o", "c.wasm"],
        dir.path(),
        None,
    );
    // A usage error: clap's exit code and message, the choices listed.
    let stderr = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.starts_with("error: invalid value 'wasi-nn-0.3' for '--dialect <NAME>'\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "[possible values: wasi-nn-0.6, wasi-nn-0.5, wasi-nn-0.2, wasi-nn-0.1, wasmedge]"
        ),
        "{stderr}"
    );
    assert!(!dir.path().join("c.wasm").exists());
}

#[test]
fn dialects_lists_every_name_and_its_tables() {
    let dir = tempfile::tempdir().unwrap();
    let output = expect_exit(0, &["dialects"], dir.path());
    let text = String::from_utf8(output.stdout).unwrap();
    for dialect in nn_componentize::Dialect::ALL {
        assert!(
            text.lines().any(|l| l.starts_with(dialect.name())),
            "{dialect} missing from:\n{text}"
        );
    }
    let output = run(&["dialects", "--tables"], dir.path(), None);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("## `wasi-nn-0.1`"), "{text}");
    assert!(text.contains("| u8 = 2 | U8 = 4 |"), "{text}");
}

#[test]
fn unknown_nn_function_lists_the_abi() {
    assert_rejected(
        "unknown.wat",
        br#"(module (import "wasi_ephemeral_nn" "frobnicate" (func)))"#,
        "(the ABI has: load, load_by_name, init_execution_context, set_input, get_output, compute)",
    );
}

#[test]
fn wrong_signature_shows_expected_and_found() {
    assert_rejected(
        "signature.wat",
        br#"(module (import "wasi_ephemeral_nn" "get_output" (func (param i32 i32 i32 i32) (result i32))))"#,
        "`wasi_ephemeral_nn::get_output` is imported with the wrong core signature: \
         expected (i32, i32, i32, i32, i32) -> i32 (from the wasi_ephemeral_nn WITX), \
         found (i32, i32, i32, i32) -> i32",
    );
}

#[test]
fn unserved_modules_are_listed() {
    assert_rejected(
        "unserved.wat",
        br#"(module
          (import "wasi_ephemeral_nn" "compute" (func (param i32) (result i32)))
          (import "env" "log" (func (param i32 i32)))
          (import "env" "abort" (func))
          (import "js" "now" (func (result f64))))"#,
        "imports from modules that no adapter serves: `env` (log, abort), `js` (now)",
    );
}

#[test]
fn failure_leaves_an_existing_output_untouched() {
    let dir = dir_with("bad.wat", b"(module (func");
    std::fs::write(dir.path().join("out.wasm"), b"previous").unwrap();
    expect_exit(1, &["bad.wat", "-o", "out.wasm"], dir.path());
    assert_eq!(
        std::fs::read(dir.path().join("out.wasm")).unwrap(),
        b"previous"
    );
    assert_eq!(
        entries(dir.path()).len(),
        2,
        "a temporary file was left behind"
    );
}

#[test]
fn output_file_is_a_valid_command_component() {
    let dir = dir_with("legacy.wat", COMMAND.as_bytes());
    let output = expect_exit(
        0,
        &[
            "--dialect",
            "wasi-nn-0.6",
            "legacy.wat",
            "-o",
            "component.wasm",
        ],
        dir.path(),
    );
    assert!(output.stdout.is_empty());
    assert!(output.stderr.is_empty(), "{}", stderr(&output));
    let component = std::fs::read(dir.path().join("component.wasm")).unwrap();
    assert_imports_wasi_nn(&component, WasiNnVersion::default());
    let exports = common::exported_interfaces(&component).unwrap();
    assert!(
        exports.iter().any(|e| e.starts_with("wasi:cli/run@0.2.")),
        "{exports:?}"
    );
}

/// `component` imports the four `wasi:nn` interfaces of `version`, and no
/// `wasi:nn` interface of another version (read from its decoded WIT).
fn assert_imports_wasi_nn(component: &[u8], version: WasiNnVersion) {
    common::check_component_for(component, version).unwrap();
    let imports = common::imported_interfaces(component).unwrap();
    for interface in ["graph", "inference", "tensor", "errors"] {
        let name = format!("wasi:nn/{interface}@{version}");
        assert!(imports.contains(&name), "{name} missing from {imports:?}");
    }
    for other in WasiNnVersion::ALL.into_iter().filter(|v| *v != version) {
        assert!(
            !imports.iter().any(|i| i.ends_with(&format!("@{other}"))),
            "wasi:nn@{other} imported by a component for {version}: {imports:?}"
        );
    }
}

#[test]
fn wasi_nn_flag_selects_the_imported_version() {
    let dir = dir_with("legacy.wat", COMMAND.as_bytes());
    for version in WasiNnVersion::ALL {
        expect_quiet_success(
            &[
                "--wasi-nn",
                version.as_str(),
                "--dialect",
                "wasi-nn-0.6",
                "legacy.wat",
                "-o",
                "c.wasm",
            ],
            dir.path(),
        );
        let component = std::fs::read(dir.path().join("c.wasm")).unwrap();
        assert_imports_wasi_nn(&component, version);
    }
}

#[test]
fn unknown_wasi_nn_version_lists_the_choices() {
    let dir = dir_with("legacy.wat", COMMAND.as_bytes());
    let output = expect_exit(
        2,
        &[
            "--wasi-nn",
            "0.2.0-rc-2024-06-25",
            "legacy.wat",
            "-o",
            "c.wasm",
        ],
        dir.path(),
    );
    let stderr = stderr(&output);
    assert!(
        stderr
            .starts_with("error: invalid value '0.2.0-rc-2024-06-25' for '--wasi-nn <VERSION>'\n"),
        "{stderr}"
    );
    for choice in ["0.2.0-rc-2024-10-28", "0.2.0-rc-2024-08-19"] {
        assert!(stderr.contains(choice), "{choice} not listed: {stderr}");
    }
    assert_eq!(entries(dir.path()), [dir.path().join("legacy.wat")]);
}

#[test]
fn inspect_names_the_wasi_nn_version() {
    let dir = dir_with("legacy.wat", COMMAND.as_bytes());
    for (args, version) in [
        (&["inspect", "legacy.wat"][..], WasiNnVersion::default()),
        (
            &["inspect", "--wasi-nn", "0.2.0-rc-2024-08-19", "legacy.wat"][..],
            WasiNnVersion::V2024_08_19,
        ),
    ] {
        let output = expect_exit(0, args, dir.path());
        let text = String::from_utf8(output.stdout).unwrap();
        let line = format!(
            "wasi_ephemeral_nn: served by the built-in wasi-nn adapter (wasi:nn@{version})"
        );
        assert!(text.contains(&line), "`{line}` missing from:\n{text}");
    }
}

#[test]
fn reactor_flag_overrides_start() {
    let dir = dir_with("legacy.wat", COMMAND.as_bytes());
    expect_exit(0, &["--reactor", "legacy.wat", "-o", "c.wasm"], dir.path());
    let component = std::fs::read(dir.path().join("c.wasm")).unwrap();
    common::check_component(&component).unwrap();
    assert_eq!(
        common::exported_interfaces(&component).unwrap(),
        Vec::<String>::new()
    );
}

#[test]
fn command_flag_exports_run_without_start() {
    let wat = COMMAND.replace("(export \"_start\")", "(export \"main\")");
    let dir = dir_with("legacy.wat", wat.as_bytes());
    expect_exit(0, &["legacy.wat", "-o", "c.wasm"], dir.path());
    let auto = std::fs::read(dir.path().join("c.wasm")).unwrap();
    assert!(common::exported_interfaces(&auto).unwrap().is_empty());
    // Nothing to run: `inspect` gives the conversion's verdict.
    let output = expect_exit(1, &["inspect", "--command", "legacy.wat"], dir.path());
    assert!(stderr(&output).contains("cannot be a command"));
    assert!(String::from_utf8_lossy(&output.stdout).contains("kind: command (requested)"));
}

#[test]
fn binary_goes_to_stdout_when_it_is_not_a_terminal() {
    let dir = dir_with("legacy.wat", COMMAND.as_bytes());
    let output = expect_exit(0, &["legacy.wat"], dir.path());
    assert!(output.stdout.starts_with(b"\0asm"));
    common::check_component(&output.stdout).unwrap();
}

#[cfg(unix)]
#[test]
fn binary_is_refused_on_a_terminal() {
    let (_controller, terminal) = common::pty();
    let dir = dir_with("legacy.wat", COMMAND.as_bytes());
    let output = Command::new(BIN)
        .arg("legacy.wat")
        .current_dir(dir.path())
        .stdout(Stdio::from(terminal))
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("refusing to write a binary component to a terminal"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn wat_flag_prints_text() {
    let dir = dir_with("legacy.wat", COMMAND.as_bytes());
    let output = expect_exit(0, &["-t", "legacy.wat"], dir.path());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.starts_with("(component"),
        "{}",
        &text[..40.min(text.len())]
    );
    common::check_component(&wat::parse_str(&text).unwrap()).unwrap();

    expect_exit(0, &["--wat", "legacy.wat", "-o", "c.wat"], dir.path());
    let written = std::fs::read_to_string(dir.path().join("c.wat")).unwrap();
    assert_eq!(written, text);
}

#[test]
fn stdin_accepts_binary_and_text() {
    let dir = tempfile::tempdir().unwrap();
    for input in [binary(COMMAND), COMMAND.as_bytes().to_vec()] {
        let output = run(&["-", "-o", "c.wasm"], dir.path(), Some(&input));
        assert!(output.status.success(), "{}", stderr(&output));
        common::check_component(&std::fs::read(dir.path().join("c.wasm")).unwrap()).unwrap();
    }
    let output = run(&["-"], dir.path(), Some(b"junk"));
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).starts_with("error: <stdin>: not a valid WebAssembly module"));
}

#[test]
fn module_without_nn_gets_a_note() {
    let wat = r#"(module
      (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
      (memory (export "memory") 1)
      (func (export "_start") (call $exit (i32.const 0))))"#;
    let dir = dir_with("plain.wat", wat.as_bytes());
    let output = expect_exit(0, &["plain.wat", "-o", "c.wasm"], dir.path());
    assert_eq!(
        stderr(&output),
        "note: plain.wat: the module imports nothing from `wasi_ephemeral_nn`; \
         only `wasi_snapshot_preview1` is adapted\n"
    );
    let component = std::fs::read(dir.path().join("c.wasm")).unwrap();
    common::check_component(&component).unwrap();
    let imports = common::imported_interfaces(&component).unwrap();
    assert!(
        imports.iter().all(|i| !i.starts_with("wasi:nn/")),
        "{imports:?}"
    );
}

#[test]
fn inspect_lists_imports_by_module() {
    let wat = COMMAND.replace(
        "(memory",
        r#"(import "env" "log" (func)) (import "wasi_ephemeral_nn" "unload" (func (param i32) (result i32))) (memory"#,
    );
    let dir = dir_with("legacy.wat", wat.as_bytes());
    let output = run(
        &["inspect", "--dialect", "wasi-nn-0.6", "legacy.wat"],
        dir.path(),
        None,
    );
    // The verdict: exit code 1 and the conversion's error.
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let convert = run(
        &["--dialect", "wasi-nn-0.6", "legacy.wat", "-o", "c.wasm"],
        dir.path(),
        None,
    );
    assert_eq!(stderr(&output), stderr(&convert));
    assert!(
        stderr(&output)
            .starts_with("error: legacy.wat: 2 problems prevent adapting this module:\n"),
        "{}",
        stderr(&output)
    );
    let text = String::from_utf8(output.stdout).unwrap();
    for line in [
        "legacy.wat: core module",
        "kind: command (exports `_start`)",
        "dialect: wasi-nn-0.6 (requested with --dialect)",
        "wasi_ephemeral_nn: served by the built-in wasi-nn adapter",
        "  load                    (i32, i32, i32, i32, i32) -> i32",
        "wasi_snapshot_preview1: served by the official preview1 command adapter",
        "env: no adapter serves this module",
        "    error: `wasi_ephemeral_nn::unload` is not a function of dialect wasi-nn-0.6",
        "result: cannot be componentized (2 problems)",
    ] {
        assert!(text.contains(line), "`{line}` missing from:\n{text}");
    }
}

#[test]
fn inspect_describes_components_instead_of_adapting_them() {
    let dir = dir_with("c.wasm", &binary("(component)"));
    let output = expect_exit(0, &["inspect", "c.wasm"], dir.path());
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "c.wasm: component\n\
         kind: reactor (exports no wasi:cli/run; hosts that run commands refuse it)\n\
         wasi:nn: not imported\n\
         wasi-nn adapter: none recorded (no `nn-componentize:adapted` custom section)\n\
         no baked tensor names: load_by_name graphs use decimal names\n"
    );
}

#[test]
fn adapt_replaces_an_adapter() {
    let dir = dir_with("legacy.wat", COMMAND.as_bytes());
    std::fs::write(
        dir.path().join("nn.wasm"),
        nn_adapter_tools::adapter(nn_abi::WasiNnVersion::default()),
    )
    .unwrap();
    let args = [
        "--adapt",
        "wasi_ephemeral_nn=nn.wasm",
        "legacy.wat",
        "-o",
        "c.wasm",
    ];
    expect_exit(0, &args, dir.path());
    common::check_component(&std::fs::read(dir.path().join("c.wasm")).unwrap()).unwrap();

    let output = run(
        &[
            "inspect",
            "--adapt",
            "wasi_ephemeral_nn=nn.wasm",
            "legacy.wat",
        ],
        dir.path(),
        None,
    );
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("wasi_ephemeral_nn: served by the adapter supplied for `wasi_ephemeral_nn`"),
        "{text}"
    );
}

#[test]
fn adapt_serves_a_new_module() {
    // A trivial adapter (no imports) for `env`, as `--adapt` allows any module.
    let wat = r#"(module
      (import "wasi_ephemeral_nn" "compute" (func (param i32) (result i32)))
      (import "env" "answer" (func (result i32)))
      (memory (export "memory") 1))"#;
    let dir = dir_with("legacy.wat", wat.as_bytes());
    std::fs::write(
        dir.path().join("env.wasm"),
        binary(r#"(module (func (export "answer") (result i32) (i32.const 42)))"#),
    )
    .unwrap();
    expect_exit(
        0,
        &["--adapt", "env=env.wasm", "legacy.wat", "-o", "c.wasm"],
        dir.path(),
    );
    common::check_component(&std::fs::read(dir.path().join("c.wasm")).unwrap()).unwrap();
}

#[test]
fn adapt_checks_the_supplied_adapter_exports() {
    let wat =
        r#"(module (import "env" "question" (func (result i32))) (memory (export "memory") 1))"#;
    let dir = dir_with("legacy.wat", wat.as_bytes());
    std::fs::write(
        dir.path().join("env.wasm"),
        binary(r#"(module (func (export "answer") (result i32) (i32.const 42)))"#),
    )
    .unwrap();
    let output = expect_exit(
        1,
        &["--adapt", "env=env.wasm", "legacy.wat", "-o", "c.wasm"],
        dir.path(),
    );
    assert!(
        stderr(&output).contains("`env::question` is not exported by the adapter for `env`"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn missing_adapter_file_is_named() {
    let dir = dir_with("legacy.wat", COMMAND.as_bytes());
    let output = expect_exit(
        1,
        &["--adapt", "env=missing.wasm", "legacy.wat", "-o", "c.wasm"],
        dir.path(),
    );
    assert!(
        stderr(&output).starts_with("error: missing.wasm: cannot read adapter"),
        "{}",
        stderr(&output)
    );
    assert!(!dir.path().join("c.wasm").exists());
}

#[test]
fn missing_input_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let output = expect_exit(1, &["absent.wasm", "-o", "c.wasm"], dir.path());
    assert!(
        stderr(&output).starts_with("error: absent.wasm: cannot read"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn verbose_traces_on_stderr() {
    let dir = dir_with("legacy.wat", COMMAND.as_bytes());
    let output = expect_exit(0, &["-v", "legacy.wat", "-o", "c.wasm"], dir.path());
    assert!(
        stderr(&output).contains("registering adapter"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn help_has_examples_and_version_is_the_crate_version() {
    let dir = tempfile::tempdir().unwrap();
    let help = run(&["--help"], dir.path(), None);
    assert!(help.status.success());
    let help = String::from_utf8(help.stdout).unwrap();
    assert!(
        help.contains("Examples:") && help.contains("nn-componentize inspect legacy.wasm"),
        "{help}"
    );
    let version = run(&["--version"], dir.path(), None);
    assert_eq!(
        String::from_utf8(version.stdout).unwrap(),
        format!("nn-componentize {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn docs_dialects_md_has_the_current_tables() {
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/dialects.md"))
        .unwrap();
    let start = "<!-- tables: generated by `nn-componentize dialects --tables` -->\n";
    let tables = docs
        .split_once(start)
        .and_then(|(_, rest)| rest.split_once("<!-- end of tables -->"))
        .map(|(tables, _)| tables)
        .expect("docs/dialects.md has the tables markers");
    let dir = tempfile::tempdir().unwrap();
    let output = run(&["dialects", "--tables"], dir.path(), None);
    assert_eq!(
        tables,
        String::from_utf8(output.stdout).unwrap(),
        "docs/dialects.md is stale: regenerate its tables with `nn-componentize dialects --tables`"
    );
}
