//! `nn-host run` and `nn_host::Runner`: exit codes, preloading, limits.

mod common;

use common::{
    expected_softmax, nn_host, nn_version, runner_component, runner_component_importing,
    softmax_model_dir, softmax_rounds, wit_versions, write,
};
use nn_host::{GraphEncoding, GraphSpec, RunConfig, Runner};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

/// `run` returns the discriminant `load-by-name` stored (0 = ok, 1 = err).
const LOAD_BY_NAME: &str =
    "(call $load_by_name0 (i32.const 64) (i32.const 7) (i32.const 16)) (i32.load8_u (i32.const 16))";
/// Grows memory by 64 pages (4 MiB): ok when that succeeds, err when refused.
const GROW: &str = "(i32.eq (memory.grow (i32.const 64)) (i32.const -1))";
const SPIN: &str = "(loop $l (br $l)) (i32.const 0)";

#[test]
fn cli_exit_codes() {
    let work = tempfile::tempdir().unwrap();
    let graphs = softmax_model_dir();
    let load = write(
        work.path(),
        "load.wasm",
        &runner_component("softmax", LOAD_BY_NAME),
    );
    let graph = format!("softmax=openvino::{}", graphs.path().display());

    let found = nn_host(
        work.path(),
        &["run", "--graph", &graph, &load, "extra", "--args"],
    );
    assert_eq!(
        found.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&found.stderr)
    );
    let missing = nn_host(work.path(), &["run", &load]);
    assert_eq!(
        missing.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&missing.stderr)
    );

    let grow = write(work.path(), "grow.wasm", &runner_component("", GROW));
    assert_eq!(nn_host(work.path(), &["run", &grow]).status.code(), Some(0));
    assert_eq!(
        nn_host(work.path(), &["run", "--max-memory", "1048576", &grow])
            .status
            .code(),
        Some(1)
    );

    let spin = write(work.path(), "spin.wasm", &runner_component("", SPIN));
    let timed_out = nn_host(work.path(), &["run", "--timeout", "0.2", &spin]);
    assert_eq!(timed_out.status.code(), Some(134));
    assert!(String::from_utf8_lossy(&timed_out.stderr).contains("timeout"));

    let core = write(
        work.path(),
        "core.wasm",
        &wat::parse_str("(module)").unwrap(),
    );
    let refused = nn_host(work.path(), &["run", &core]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("nn-componentize"));

    let bad_graph = nn_host(
        work.path(),
        &["run", "--graph", "x=openvino::/nonexistent", &load],
    );
    assert_eq!(bad_graph.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad_graph.stderr).contains("preloading graph \"x\""));
}

#[test]
fn in_process_runs_capture_and_repeat() {
    let graphs = softmax_model_dir();
    let load = runner_component("softmax", LOAD_BY_NAME);
    let mut config = RunConfig {
        args: vec!["load".into()],
        graphs: vec![GraphSpec {
            name: "softmax".into(),
            encoding: GraphEncoding::Openvino,
            dir: graphs.path().into(),
        }],
        capture_output: true,
        ..RunConfig::default()
    };
    let runner = Runner::new().unwrap();
    for _ in 0..3 {
        assert_eq!(runner.run(&load, &config).unwrap().exit_code, 0);
    }
    config.graphs.clear();
    assert_eq!(runner.run(&load, &config).unwrap().exit_code, 1);

    config.timeout = Some(Duration::from_millis(100));
    let outcome = runner.run(&runner_component("", SPIN), &config).unwrap();
    assert_eq!(outcome.exit_code, 134);
    assert!(
        String::from_utf8_lossy(&outcome.stderr).contains("exceeded its timeout"),
        "{outcome:?}"
    );
    assert!(outcome.stdout.is_empty());
}

/// A runner on an embedder's engine runs components it links itself, and
/// refuses a timeout it could not enforce rather than ignoring it.
#[test]
fn runner_on_an_embedders_engine() {
    let engine = wasmtime::Engine::default();
    let runner = Runner::with_engine(&engine).unwrap();
    let component =
        wasmtime::component::Component::new(&engine, runner_component("softmax", LOAD_BY_NAME))
            .unwrap();
    let linked = runner.link(&component).unwrap();
    let mut config = RunConfig {
        args: vec!["load".into()],
        capture_output: true,
        ..RunConfig::default()
    };
    let outcome = runner.run_linked(&linked, &config).unwrap();
    assert_eq!(outcome.exit_code, 1, "{outcome:?}");
    assert!(outcome.instantiate_time <= outcome.run_time);

    config.timeout = Some(Duration::from_secs(1));
    let refused = runner.run_linked(&linked, &config).unwrap_err();
    assert!(format!("{refused:#}").contains("timeout"), "{refused:#}");
}

/// Both served versions, each alone and both in one component, on one runner.
#[test]
fn components_importing_either_version_or_both_run() {
    let graphs = softmax_model_dir();
    let versions = wit_versions();
    let mut config = RunConfig {
        graphs: vec![GraphSpec {
            name: "softmax".into(),
            encoding: GraphEncoding::Openvino,
            dir: graphs.path().into(),
        }],
        capture_output: true,
        ..RunConfig::default()
    };
    let runner = Runner::new().unwrap();
    let both = "(call $load_by_name0 (i32.const 64) (i32.const 7) (i32.const 16))
        (call $load_by_name1 (i32.const 64) (i32.const 7) (i32.const 32))
        (i32.or (i32.load8_u (i32.const 16)) (i32.load8_u (i32.const 32)))";
    let guests = [
        runner_component_importing(&versions[..1], "softmax", LOAD_BY_NAME, &[]),
        runner_component_importing(&versions[1..], "softmax", LOAD_BY_NAME, &[]),
        runner_component_importing(&versions, "softmax", both, &[]),
    ];
    for (index, guest) in guests.iter().enumerate() {
        let outcome = runner.run(guest, &config).unwrap();
        assert_eq!(outcome.exit_code, 0, "guest {index}: {outcome:?}");
    }
    // Without the graph, load-by-name fails in each version.
    config.graphs.clear();
    for (index, guest) in guests.iter().enumerate() {
        let outcome = runner.run(guest, &config).unwrap();
        assert_eq!(outcome.exit_code, 1, "guest {index}: {outcome:?}");
    }
}

/// A `wasi:nn` version nn-host does not serve is named, with the versions
/// it does, before anything runs: in process and on the command line.
#[test]
fn unserved_versions_are_refused_by_name() {
    let stateful = nn_version(true);
    let wit = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../wit/{stateful}/wasi-nn.wit")),
    )
    .unwrap();
    let unserved = "0.2.0-rc-2024-06-25";
    let old_wit = wit.replace(
        &format!("package wasi:nn@{stateful};"),
        &format!("package wasi:nn@{unserved};"),
    );
    assert_ne!(old_wit, wit);
    let guest =
        runner_component_importing(&[unserved.to_string()], "softmax", LOAD_BY_NAME, &[old_wit]);
    let expect = |message: &str| {
        assert!(
            message.contains(&format!("`wasi:nn/graph@{unserved}`")),
            "{message}"
        );
        for served in wit_versions() {
            assert!(message.contains(&format!("wasi:nn@{served}")), "{message}");
        }
    };
    let error = Runner::new()
        .unwrap()
        .run(&guest, &RunConfig::default())
        .unwrap_err();
    expect(&format!("{error:#}"));

    let work = tempfile::tempdir().unwrap();
    let file = write(work.path(), "old.wasm", &guest);
    let refused = nn_host(work.path(), &["run", &file]);
    assert_eq!(refused.status.code(), Some(1));
    expect(&String::from_utf8_lossy(&refused.stderr));
}

/// Every file under `dir`, recursively (none when it does not exist).
fn files_under(dir: &Path) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .map(|entry| entry.unwrap().path())
        .flat_map(|path| match path.is_dir() {
            true => files_under(&path),
            false => vec![path],
        })
        .collect()
}

/// Issue 14: `nn-host run` caches compiled components (Wasmtime) and graphs
/// (OpenVINO) under `$XDG_CACHE_HOME/nn-host`, with where OpenVINO's wheel
/// is, and `--no-cache` keeps nothing; all runs give the same first result.
#[test]
fn cli_caches_compiled_code_unless_told_not_to() {
    let work = tempfile::tempdir().unwrap();
    let graphs = softmax_model_dir();
    let guest = write(work.path(), "rounds.wasm", &softmax_rounds(1));
    let graph = format!("softmax=openvino::{}", graphs.path().display());
    let run = |cache_home: &Path, flags: &[&str]| {
        let mut args = vec!["run", "--graph", &graph];
        args.extend(flags);
        args.push(&guest);
        let out = Command::new(env!("CARGO_BIN_EXE_nn-host"))
            .current_dir(work.path())
            .env("XDG_CACHE_HOME", cache_home)
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let first = out
            .stdout
            .chunks(4)
            .map(|b| f32::from_le_bytes(b.try_into().unwrap()))
            .collect::<Vec<_>>();
        assert_eq!(first.len(), 10);
        for (found, expected) in first.iter().zip(expected_softmax(0)) {
            assert!((found - expected).abs() < 1e-5, "{first:?}");
        }
        out.stdout
    };

    let cached = tempfile::tempdir().unwrap();
    let first = run(cached.path(), &[]);
    let wasmtime = cached.path().join("nn-host/wasmtime");
    let openvino = cached.path().join("nn-host/openvino");
    let compiled_components = files_under(&wasmtime.join("modules"));
    assert!(
        !compiled_components.is_empty(),
        "{:?}",
        files_under(cached.path())
    );
    let blobs = files_under(&openvino);
    assert!(
        blobs
            .iter()
            .any(|f| f.extension().is_some_and(|e| e == "blob")),
        "{blobs:?}"
    );
    // The second run reads the caches: the same entries, the same result.
    assert_eq!(run(cached.path(), &[]), first);
    assert_eq!(files_under(&wasmtime.join("modules")), compiled_components);
    assert_eq!(files_under(&openvino), blobs);

    // Where python3 said the OpenVINO wheel is, is remembered beside them,
    // and a later run believes it: a memo naming a folder whose library is
    // not one fails the run with that file's name.
    let memo = cached.path().join("nn-host/openvino-wheel");
    let lib = nn_host::openvino::library::load().unwrap();
    let from_wheel = ["OPENVINO_LIB", "OPENVINO_INSTALL_DIR"]
        .iter()
        .all(|var| std::env::var_os(var).is_none())
        && !["/usr", "/opt"]
            .iter()
            .any(|system| lib.starts_with(system));
    if from_wheel {
        let remembered = std::fs::read(&memo).unwrap();
        assert_eq!(
            remembered,
            lib.parent().unwrap().as_os_str().as_encoded_bytes()
        );
        let fake = tempfile::tempdir().unwrap();
        std::fs::write(fake.path().join("libopenvino_c.so"), b"not a library").unwrap();
        std::fs::write(&memo, fake.path().as_os_str().as_encoded_bytes()).unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_nn-host"))
            .current_dir(work.path())
            .env("XDG_CACHE_HOME", cached.path())
            .args(["run", "--graph", &graph, &guest])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_ne!(out.status.code(), Some(0), "{stderr}");
        assert!(
            stderr.contains(&fake.path().join("libopenvino_c.so").display().to_string()),
            "{stderr}"
        );
        std::fs::write(&memo, remembered).unwrap();
        assert_eq!(run(cached.path(), &[]), first);
    } else {
        assert!(!memo.exists(), "{lib:?}");
    }

    let uncached = tempfile::tempdir().unwrap();
    assert_eq!(run(uncached.path(), &["--no-cache"]), first);
    assert_eq!(
        files_under(uncached.path()),
        Vec::<std::path::PathBuf>::new()
    );
}

/// Issue 15: a `--graph` model is checked against the run's output cap
/// (from `--max-memory`), not a fixed 4 GiB; a runner keeps one compiled
/// graph per cap, so a later run with room for the outputs gets one.
#[test]
fn preloaded_graphs_are_checked_against_the_runs_cap() {
    let graphs = softmax_model_dir();
    let load = runner_component("softmax", LOAD_BY_NAME);
    let mut config = RunConfig {
        graphs: vec![GraphSpec {
            name: "softmax".into(),
            encoding: GraphEncoding::Openvino,
            dir: graphs.path().into(),
        }],
        // Softmax has 40 bytes of outputs.
        max_memory: Some(39),
        capture_output: true,
        ..RunConfig::default()
    };
    let runner = Runner::new().unwrap();
    let refused = runner.run(&load, &config).unwrap_err();
    let message = format!("{refused:#}");
    assert!(
        message.contains("preloading graph \"softmax\""),
        "{message}"
    );
    assert!(message.contains("cap of 39 bytes"), "{message}");
    config.max_memory = Some(1 << 20);
    let outcome = runner.run(&load, &config).unwrap();
    assert_eq!(outcome.exit_code, 0, "{outcome:?}");
}

/// A `--graph` TensorFlow Lite model (`model.tflite`) loads for
/// `load-by-name`, and the private copy OpenVINO reads it from, under the
/// process's `TMPDIR`, is gone afterwards, whether OpenVINO read it or not.
#[test]
fn tflite_graphs_leave_no_temporary_files() {
    let work = tempfile::tempdir().unwrap();
    let load = write(
        work.path(),
        "load.wasm",
        &runner_component("softmax", LOAD_BY_NAME),
    );
    let graphs = tempfile::tempdir().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let graph = format!("softmax=tensorflowlite::{}", graphs.path().display());
    let run = |model: &[u8]| {
        std::fs::write(graphs.path().join("model.tflite"), model).unwrap();
        Command::new(env!("CARGO_BIN_EXE_nn-host"))
            .current_dir(work.path())
            .env("TMPDIR", tmp.path())
            .args(["run", "--no-cache", "--graph", &graph, &load])
            .output()
            .unwrap()
    };
    let empty = || std::fs::read_dir(tmp.path()).unwrap().count() == 0;
    let loaded = run(&common::model("softmax.tflite"));
    assert_eq!(
        loaded.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&loaded.stderr)
    );
    assert!(empty(), "files left in TMPDIR after a load");
    let refused = run(b"\x1c\0\0\0TFL3 not a model");
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(refused.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("preloading graph \"softmax\"") && stderr.contains("Tflite"),
        "{stderr}"
    );
    assert!(empty(), "files left in TMPDIR after a failed load");
}

/// A guest given pipes as stdin and stdout (`RunConfig::stdin`, `stdout`)
/// reads what the embedder writes, and what it writes reaches the embedder
/// while it runs (the bench's lockstep rounds rely on both).
#[test]
fn stdin_and_stdout_can_be_pipes_the_embedder_drives() {
    use std::io::{Read, Write};
    // Reads one byte from stdin and writes it back, twice.
    let echo = wat::parse_str(
        r#"(module
          (import "wasi_snapshot_preview1" "fd_read" (func $read (param i32 i32 i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
          (memory (export "memory") 1)
          (func $echo
            (i32.store (i32.const 0) (i32.const 16))
            (i32.store (i32.const 4) (i32.const 1))
            (drop (call $read (i32.const 0) (i32.const 0) (i32.const 1) (i32.const 8)))
            (drop (call $write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))
          (func (export "_start") (call $echo) (call $echo)))"#,
    )
    .unwrap();
    let component = nn_componentize::Componentizer::new()
        .componentize(&echo)
        .unwrap();
    let (stdin, mut to_guest) = std::io::pipe().unwrap();
    let (mut from_guest, stdout) = std::io::pipe().unwrap();
    let config = RunConfig {
        stdin: Some(std::sync::Arc::new(
            std::os::fd::OwnedFd::from(stdin).into(),
        )),
        stdout: Some(std::sync::Arc::new(
            std::os::fd::OwnedFd::from(stdout).into(),
        )),
        capture_output: true,
        ..RunConfig::default()
    };
    let runner = Runner::new().unwrap();
    std::thread::scope(|scope| {
        // The config holds the pipes' guest ends: dropped when the run ends,
        // so that a guest not using them makes the reads below fail, not hang.
        let guest = scope.spawn(|| {
            let config = config;
            runner.run(&component, &config)
        });
        to_guest.write_all(b"xy").unwrap();
        drop(to_guest);
        let mut echoed = [0u8; 2];
        from_guest.read_exact(&mut echoed).unwrap();
        assert_eq!(&echoed, b"xy");
        let outcome = guest.join().unwrap().unwrap();
        assert_eq!(outcome.exit_code, 0, "{outcome:?}");
    });
}
