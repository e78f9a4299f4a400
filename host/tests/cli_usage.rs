//! Issue 24: `nn-host` as a `wasmtime run` user expects it. Each case runs
//! the real binary and checks its stderr line, its exit code, and that it
//! leaves no file behind.

mod common;

use common::{
    expected_softmax, nn_host, nn_host_with, runner_component, softmax_model_dir, softmax_rounds,
    softmax_rounds_of, stderr,
};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A folder for one test's files; [`Work::assert_untouched`] checks that
/// nn-host added none.
struct Work {
    dir: tempfile::TempDir,
    files: Vec<PathBuf>,
}

impl Work {
    fn with(files: &[(&str, &[u8])]) -> Work {
        let dir = tempfile::tempdir().unwrap();
        for (name, bytes) in files {
            std::fs::write(dir.path().join(name), bytes).unwrap();
        }
        let files = Work::listing(dir.path());
        Work { dir, files }
    }

    fn listing(dir: &Path) -> Vec<PathBuf> {
        let mut files = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect::<Vec<_>>();
        files.sort();
        files
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn assert_untouched(&self) {
        assert_eq!(
            Work::listing(self.path()),
            self.files,
            "a file was left behind"
        );
    }
}

/// Exit code, then the one stderr line, which must start with `error: ` and
/// contain every one of `says`.
#[track_caller]
fn assert_one_error_line(output: &Output, code: i32, says: &[&str]) {
    let stderr = stderr(output);
    assert_eq!(output.status.code(), Some(code), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "not one line: {stderr}");
    assert!(stderr.starts_with("error: "), "{stderr}");
    for part in says {
        assert!(stderr.contains(part), "`{part}` missing: {stderr}");
    }
}

fn softmax_graph(dir: &Path) -> String {
    format!("softmax=openvino::{}", dir.display())
}

/// The softmax guest's 10 output floats on stdout are those of round 0.
#[track_caller]
fn assert_softmax_output(output: &Output) {
    assert_eq!(output.status.code(), Some(0), "{}", stderr(output));
    let found = output
        .stdout
        .chunks(4)
        .map(|b| f32::from_le_bytes(b.try_into().unwrap()))
        .collect::<Vec<_>>();
    assert_eq!(found.len(), 10, "{found:?}");
    for (found, expected) in found.iter().zip(expected_softmax(0)) {
        assert!((found - expected).abs() < 1e-5, "{found:?}");
    }
}

/// The first mistake: a u8 tensor for an f32 model. The guest sees only an
/// error code; nn-host says why on one line naming the call, and `-q`
/// silences it.
#[test]
fn the_hosts_reason_for_a_wasi_nn_error_is_one_line_naming_the_call() {
    let model = softmax_model_dir();
    // U8 is case 4 of tensor-type: ten one-byte values.
    let u8_input = softmax_rounds_of(1, "(i32.const 4) (i32.const 256) (i32.const 10)");
    let work = Work::with(&[("u8.wasm", &u8_input), ("f32.wasm", &softmax_rounds(1))]);
    let graph = softmax_graph(model.path());
    let run = |flags: &[&str], guest: &str| {
        let mut args = vec!["--no-cache", "--graph", &graph];
        args.extend(flags);
        args.push(guest);
        nn_host(work.path(), &args)
    };

    let reported = run(&[], "u8.wasm");
    assert_eq!(reported.status.code(), Some(1), "{}", stderr(&reported));
    assert_eq!(
        stderr(&reported),
        "wasi:nn compute: invalid-argument: input \"input\" (index 0) expects FP32[1, 10] but the tensor is U8\n"
    );
    let quiet = run(&["-q"], "u8.wasm");
    assert_eq!(quiet.status.code(), Some(1));
    assert_eq!(stderr(&quiet), "");
    // A guest that makes no mistake gets no line.
    let fine = run(&[], "f32.wasm");
    assert_softmax_output(&fine);
    assert_eq!(stderr(&fine), "");

    // load-by-name of a graph that was not preloaded.
    let missing = nn_host(work.path(), &["--no-cache", "f32.wasm"]);
    assert_eq!(missing.status.code(), Some(1));
    assert_eq!(
        stderr(&missing),
        "wasi:nn load-by-name: not-found: no graph named \"softmax\" was preloaded (registered: [])\n"
    );
    work.assert_untouched();
}

/// The second: OpenVINO missing. One `error:` line saying how to install
/// it, whatever RUST_BACKTRACE says; `-v` shows the chain.
#[test]
fn openvino_missing_is_one_line_saying_how_to_install_it() {
    let model = softmax_model_dir();
    let work = Work::with(&[("f32.wasm", &softmax_rounds(1))]);
    let graph = softmax_graph(model.path());
    let empty = tempfile::tempdir().unwrap();
    let no_python = empty.path().display().to_string();
    // No OPENVINO_LIB, no OPENVINO_INSTALL_DIR, no python3 on PATH to ask.
    let run = |flags: &[&str]| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_nn-host"));
        command
            .current_dir(work.path())
            .env_remove("OPENVINO_LIB")
            .env_remove("OPENVINO_INSTALL_DIR")
            .env("PATH", &no_python)
            .env("RUST_BACKTRACE", "1")
            .args(["--no-cache", "--graph", &graph])
            .args(flags)
            .arg("f32.wasm");
        command.output().unwrap()
    };
    let out = run(&[]);
    assert_one_error_line(
        &out,
        1,
        &[
            "error: f32.wasm: preloading graph \"softmax\"",
            "libopenvino_c) was not found; install it with `pip install openvino==",
        ],
    );
    let verbose = run(&["-v"]);
    assert_eq!(verbose.status.code(), Some(1));
    assert!(
        stderr(&verbose).contains("Caused by:"),
        "{}",
        stderr(&verbose)
    );
    work.assert_untouched();
}

/// `nn-host COMPONENT ARGS...` runs the guest, as `wasmtime` does, and
/// everything after the component is the guest's, `--help` included.
#[test]
fn a_component_runs_without_run_and_its_arguments_are_the_guests() {
    let model = softmax_model_dir();
    let work = Work::with(&[("f32.wasm", &softmax_rounds(1))]);
    let graph = softmax_graph(model.path());
    for args in [
        vec!["--graph", &graph, "f32.wasm"],
        vec!["--graph", &graph, "f32.wasm", "--help", "-v"],
        vec!["run", "--graph", &graph, "f32.wasm", "--help"],
    ] {
        let out = nn_host(work.path(), &args);
        assert_softmax_output(&out);
        assert_eq!(stderr(&out), "", "{args:?}");
    }
    // A WebAssembly text component runs, as `wasmtime run` runs one.
    let text = wasmprinter::print_bytes(softmax_rounds(1)).unwrap();
    std::fs::write(work.path().join("f32.wat"), text).unwrap();
    assert_softmax_output(&nn_host(work.path(), &["--graph", &graph, "f32.wat"]));
    std::fs::remove_file(work.path().join("f32.wat")).unwrap();
    work.assert_untouched();
}

/// Fatal problems are one `error:` line, without backtraces.
#[test]
fn fatal_errors_are_one_line() {
    let work = Work::with(&[
        ("junk.wasm", b"\0asm\x0d\0\x01\0junk"),
        ("hello.wasm", b"hello"),
        ("core.wat", b"(module)"),
        ("broken.wat", b"(component (core module (func (unknown))))"),
        ("small.wasm", &runner_component("", "(i32.const 0)")),
        ("trap.wasm", &runner_component("", "(unreachable)")),
    ]);
    let backtrace = [("RUST_BACKTRACE", "1")];
    assert_one_error_line(
        &nn_host_with(work.path(), &["absent.wasm"], &backtrace),
        1,
        &["error: absent.wasm: cannot read"],
    );
    assert_one_error_line(
        &nn_host_with(work.path(), &["junk.wasm"], &backtrace),
        1,
        &["error: junk.wasm: compiling the component: "],
    );
    // Neither binary nor text: the binary's error, not the text parser's.
    assert_one_error_line(
        &nn_host(work.path(), &["hello.wasm"]),
        1,
        &[
            "error: hello.wasm: compiling the component: ",
            "magic header not detected",
        ],
    );
    assert_one_error_line(
        &nn_host(work.path(), &["core.wat"]),
        1,
        &["error: core.wat: this is a core wasm module, not a component; run `nn-componentize` on it first"],
    );
    assert_one_error_line(
        &nn_host(work.path(), &["broken.wat"]),
        1,
        &["error: broken.wat: invalid WebAssembly text: unknown operator or unexpected token (at line 1, column 32)"],
    );
    // A memory minimum above --max-memory is the host's limit, in bytes.
    assert_one_error_line(
        &nn_host(work.path(), &["--max-memory", "32K", "small.wasm"]),
        1,
        &["error: small.wasm: the component needs a memory of 65536 bytes at start, more than the limit of 32768 bytes (--max-memory)"],
    );
    assert_eq!(
        nn_host(work.path(), &["--max-memory", "64K", "small.wasm"])
            .status
            .code(),
        Some(0)
    );
    // A trap: 134, as `wasmtime run`, and one line.
    assert_one_error_line(
        &nn_host_with(work.path(), &["trap.wasm"], &backtrace),
        134,
        &["error: the guest trapped: ", "unreachable"],
    );
    work.assert_untouched();
}

/// `--timeout` takes 500ms, 2s, 2m and plain seconds; `--max-memory` takes
/// K, M and G.
#[test]
fn durations_and_sizes_take_units() {
    let work = Work::with(&[
        (
            "spin.wasm",
            &runner_component("", "(loop $l (br $l)) (i32.const 0)"),
        ),
        ("small.wasm", &runner_component("", "(i32.const 0)")),
    ]);
    let spun = nn_host(work.path(), &["--timeout", "200ms", "spin.wasm"]);
    assert_one_error_line(
        &spun,
        134,
        &["error: the guest exceeded its timeout of 200ms"],
    );
    for (flag, value) in [
        ("--timeout", "2m"),
        ("--timeout", "2s"),
        ("--timeout", "1.5"),
        ("--max-memory", "64M"),
        ("--max-memory", "1G"),
        ("--max-memory", "65536"),
    ] {
        let out = nn_host(work.path(), &[flag, value, "small.wasm"]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{flag} {value}: {}",
            stderr(&out)
        );
    }
    for (flag, value) in [
        ("--timeout", "2x"),
        ("--max-memory", "1.5M"),
        ("--max-memory", "64T"),
    ] {
        let out = nn_host(work.path(), &[flag, value, "small.wasm"]);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{flag} {value}: {}",
            stderr(&out)
        );
        assert!(
            stderr(&out).starts_with("error: invalid value"),
            "{}",
            stderr(&out)
        );
    }
    work.assert_untouched();
}

/// `--graph` in every spelling both tools take, and Wasmtime's `-S`.
#[test]
fn graphs_in_every_spelling() {
    let model = softmax_model_dir();
    let folder = tempfile::tempdir().unwrap();
    let softmax = folder.path().join("softmax");
    std::fs::create_dir(&softmax).unwrap();
    for ext in ["xml", "bin"] {
        std::fs::copy(
            model.path().join(format!("model.{ext}")),
            softmax.join(format!("model.{ext}")),
        )
        .unwrap();
    }
    let work = Work::with(&[("f32.wasm", &softmax_rounds(1))]);
    let dir = softmax.display().to_string();
    for args in [
        vec!["--graph".to_owned(), format!("openvino::{dir}")],
        vec!["--graph".to_owned(), format!("softmax=autodetect::{dir}")],
        vec!["-S".to_owned(), format!("nn-graph=openvino::{dir}")],
        vec!["-S".to_owned(), format!("nn,nn-graph=autodetect::{dir}/")],
    ] {
        let mut args = args.iter().map(String::as_str).collect::<Vec<_>>();
        args.push("f32.wasm");
        assert_softmax_output(&nn_host(work.path(), &args));
    }
    let file = format!("softmax=openvino::{dir}/model.xml");
    let twice = format!("softmax=onnx::{dir}");
    let pytorch = format!("softmax=pytorch::{dir}");
    let s_twice = format!("nn-graph=openvino::{dir}");
    for (args, says) in [
        (vec!["--graph", &file], "give its folder"),
        (
            vec!["--graph", &file.replace("softmax=", "")],
            "give its folder",
        ),
        (
            vec!["--graph", &twice, "-S", &s_twice],
            "the graph name `softmax` is given twice",
        ),
        (
            vec!["--graph", &pytorch],
            "unknown graph encoding `pytorch` in `softmax=pytorch::",
        ),
        (
            vec!["-S", "cli"],
            "nn-host takes only -S nn and -S nn-graph=ENC::DIR",
        ),
    ] {
        let mut args = args.clone();
        args.push("f32.wasm");
        let out = nn_host(work.path(), &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        let first = stderr(&out).lines().next().unwrap_or_default().to_owned();
        assert!(
            first.starts_with("error: ") && first.contains(says),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    work.assert_untouched();
}

/// `nn-host completion SHELL` prints a completion script.
#[test]
fn completion_scripts() {
    let work = Work::with(&[]);
    for shell in ["bash", "zsh", "fish"] {
        let out = nn_host(work.path(), &["completion", shell]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("nn-host"),
            "{shell}"
        );
    }
    let out = nn_host(work.path(), &["completion", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
    work.assert_untouched();
}

/// Exit codes: the guest's own where WASI 0.2 carries it (`exit` gives 0 or
/// 1, `exit-with-code` any byte), 134 for a trap, 1 and 2 for the host's
/// own errors and usage errors (above).
#[test]
fn exit_codes_are_the_guests_where_wasi_carries_them() {
    let exiter = |call: &str| {
        common::component(
            "world exiter {\n  import wasi:cli/exit@0.2.12;\n  export wasi:cli/run@0.2.0;\n}\n",
            "exiter",
            &format!(
                r#"(module
  (import "wasi:cli/exit@0.2.12" "exit" (func $exit (param i32)))
  (import "wasi:cli/exit@0.2.12" "exit-with-code" (func $exit_with_code (param i32)))
  (memory (export "memory") 1)
  (func (export "wasi:cli/run@0.2.0#run") (result i32) {call} (i32.const 0)))"#
            ),
            &[
                "package wasi:cli@0.2.12;\ninterface exit {\n  exit: func(status: result);\n  exit-with-code: func(status-code: u8);\n}\n"
                    .to_string(),
            ],
        )
    };
    // A legacy module's preview1 `proc_exit(42)`, through the preview1
    // adapter nn-componentize uses, which calls `exit(err)` for any code
    // but 0: 1, as on `wasmtime run` (the README says so).
    let legacy = wat::parse_str(
        r#"(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (func (export "_start") (call $proc_exit (i32.const 42))))"#,
    )
    .unwrap();
    let proc_exit = nn_componentize::Componentizer::new()
        .componentize(&legacy)
        .unwrap();
    let work = Work::with(&[
        ("ok.wasm", &runner_component("", "(i32.const 0)")),
        ("err.wasm", &runner_component("", "(i32.const 1)")),
        ("exit1.wasm", &exiter("(call $exit (i32.const 1))")),
        (
            "exit42.wasm",
            &exiter("(call $exit_with_code (i32.const 42))"),
        ),
        (
            "exit255.wasm",
            &exiter("(call $exit_with_code (i32.const 255))"),
        ),
        ("proc_exit.wasm", &proc_exit),
    ]);
    for (guest, code) in [
        ("ok.wasm", 0),
        ("err.wasm", 1),
        ("exit1.wasm", 1),
        ("exit42.wasm", 42),
        ("exit255.wasm", 255),
        ("proc_exit.wasm", 1),
    ] {
        let out = nn_host(work.path(), &[guest]);
        assert_eq!(out.status.code(), Some(code), "{guest}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{guest}");
    }
    work.assert_untouched();
}

/// In process, the reasons are collected with captured output, and only
/// when asked for.
#[test]
fn in_process_runs_collect_the_reasons_when_asked() {
    let guest = softmax_rounds(1);
    let mut config = nn_host::RunConfig {
        capture_output: true,
        ..nn_host::RunConfig::default()
    };
    let runner = nn_host::Runner::new().unwrap();
    let silent = runner.run(&guest, &config).unwrap();
    assert_eq!(silent.exit_code, 1);
    assert!(silent.nn_errors.is_empty(), "{:?}", silent.nn_errors);
    config.report_nn_errors = true;
    let reported = runner.run(&guest, &config).unwrap();
    assert_eq!(reported.exit_code, 1);
    assert_eq!(
        reported.nn_errors,
        ["wasi:nn load-by-name: not-found: no graph named \"softmax\" was preloaded (registered: [])"]
    );
    assert!(reported.stderr.is_empty());
}
