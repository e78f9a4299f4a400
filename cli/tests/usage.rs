//! Issue 24: `nn-componentize` as a wasm-tools user expects it. Each bad
//! input runs the real binary and checks its stderr line, its exit code, and
//! that no file is left behind.

mod common;

use common::{dir_with, entries, expect_exit, pty, run, stderr, stdout, COMMAND};
use std::path::{Path, PathBuf};

/// The exit code, and a first stderr line starting with `error: ` that
/// contains `says`.
#[track_caller]
fn assert_error(output: &std::process::Output, code: i32, says: &str) {
    let stderr = stderr(output);
    assert_eq!(output.status.code(), Some(code), "{stderr}");
    let first = stderr.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("error: ") && first.contains(says),
        "`{says}` is not on the first line: {stderr}"
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn dash_output_is_stdout_and_no_input_is_stdin() {
    let dir = dir_with("legacy.wat", COMMAND.as_bytes());
    let output = expect_exit(0, &["legacy.wat", "-o", "-"], dir.path());
    common::check_component(&output.stdout).unwrap();
    assert_eq!(entries(dir.path()), [dir.path().join("legacy.wat")]);

    let piped = run(&["-o", "c.wasm"], dir.path(), Some(COMMAND.as_bytes()));
    assert!(piped.status.success(), "{}", stderr(&piped));
    let component = std::fs::read(dir.path().join("c.wasm")).unwrap();
    assert_eq!(component, output.stdout);
}

#[test]
fn output_equal_to_input_is_refused() {
    let dir = dir_with("legacy.wasm", &wat::parse_str(COMMAND).unwrap());
    std::os::unix::fs::symlink("legacy.wasm", dir.path().join("link.wasm")).unwrap();
    let before = entries(dir.path());
    for (input, output) in [
        ("legacy.wasm", "legacy.wasm"),
        ("legacy.wasm", "./legacy.wasm"),
        ("legacy.wasm", "link.wasm"),
        ("link.wasm", "legacy.wasm"),
    ] {
        let out = run(&[input, "-o", output], dir.path(), None);
        assert_error(
            &out,
            1,
            &format!("error: {output}: is the input file {input}; refusing to overwrite the input"),
        );
        assert_eq!(entries(dir.path()), before);
        assert_eq!(
            std::fs::read(dir.path().join("legacy.wasm")).unwrap(),
            wat::parse_str(COMMAND).unwrap()
        );
    }
}

#[test]
fn a_missing_output_folder_is_named() {
    let dir = dir_with("legacy.wat", COMMAND.as_bytes());
    let out = run(&["legacy.wat", "-o", "absent/c.wasm"], dir.path(), None);
    assert_error(
        &out,
        1,
        "error: absent/c.wasm: the folder absent does not exist; create it first",
    );
    assert_eq!(entries(dir.path()), [dir.path().join("legacy.wat")]);
}

#[test]
fn a_mistyped_subcommand_gets_did_you_mean() {
    let dir = dir_with("legacy.wat", COMMAND.as_bytes());
    for (typed, meant) in [
        ("inspct", "inspect"),
        ("dialect", "dialects"),
        ("completon", "completion"),
    ] {
        let out = run(&[typed, "legacy.wat"], dir.path(), None);
        assert_error(
            &out,
            2,
            &format!("`{typed}` is neither a file nor a subcommand; did you mean `{meant}`?"),
        );
    }
    // A file of that name is an input, not a typo.
    std::fs::write(dir.path().join("inspct"), COMMAND).unwrap();
    expect_exit(0, &["inspct", "-o", "c.wasm"], dir.path());
    std::fs::remove_file(dir.path().join("inspct")).unwrap();
    std::fs::remove_file(dir.path().join("c.wasm")).unwrap();
    assert_eq!(entries(dir.path()), [dir.path().join("legacy.wat")]);
}

#[test]
fn completion_scripts() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = run(&["completion", shell], dir.path(), None);
        assert!(out.status.success(), "{shell}: {}", stderr(&out));
        assert!(stdout(&out).contains("nn-componentize"), "{shell}");
    }
    assert_error(
        &run(&["completion", "tcsh"], dir.path(), None),
        2,
        "invalid value 'tcsh'",
    );
}

#[test]
fn inspect_says_how_a_component_was_adapted_and_where_it_runs() {
    let dir = dir_with("legacy.wat", COMMAND.as_bytes());
    for (flags, says) in [
        (
            &[][..],
            "c.wasm: component\n\
             kind: command (exports wasi:cli/run)\n\
             wasi:nn: 0.2.0-rc-2024-10-28 (runs on Wasmtime v35+ and nn-host)\n\
             wasi-nn adapter: dialect wasi-nn-0.6, wasi:nn 0.2.0-rc-2024-10-28 (recorded by nn-componentize)\n\
             no baked tensor names: load_by_name graphs use decimal names\n",
        ),
        (
            &[
                "--wasi-nn",
                "0.2.0-rc-2024-08-19",
                "--dialect",
                "wasi-nn-0.5",
            ][..],
            "c.wasm: component\n\
             kind: command (exports wasi:cli/run)\n\
             wasi:nn: 0.2.0-rc-2024-08-19 (runs on Wasmtime v25–v34 and nn-host)\n\
             wasi-nn adapter: dialect wasi-nn-0.5, wasi:nn 0.2.0-rc-2024-08-19 (recorded by nn-componentize)\n\
             no baked tensor names: load_by_name graphs use decimal names\n",
        ),
    ] {
        let mut args = vec!["legacy.wat", "-o", "c.wasm"];
        args.extend(flags);
        expect_exit(0, &args, dir.path());
        let inspected = expect_exit(0, &["inspect", "c.wasm"], dir.path());
        assert_eq!(stdout(&inspected), says);
    }

    // A damaged record is named.
    let mut component = std::fs::read(dir.path().join("c.wasm")).unwrap();
    use wasm_encoder::ComponentSection as _;
    wasm_encoder::CustomSection {
        name: nn_componentize::ADAPTED_SECTION.into(),
        data: b"dialect=wasi-nn-9\n"[..].into(),
    }
    .append_to_component(&mut component);
    std::fs::write(dir.path().join("bad.wasm"), component).unwrap();
    let before = entries(dir.path());
    assert_error(
        &run(&["inspect", "bad.wasm"], dir.path(), None),
        1,
        "error: bad.wasm: custom section `nn-componentize:adapted`: unknown dialect `wasi-nn-9`",
    );
    assert_eq!(entries(dir.path()), before);
}

#[test]
fn help_lists_the_allowed_values() {
    let dir = tempfile::tempdir().unwrap();
    let help = stdout(&run(&["--help"], dir.path(), None));
    for value in [
        "0.2.0-rc-2024-10-28",
        "0.2.0-rc-2024-08-19",
        "wasi-nn-0.6",
        "wasi-nn-0.5",
        "wasi-nn-0.2",
        "wasi-nn-0.1",
        "wasmedge",
    ] {
        assert!(help.contains(value), "{value}: {help}");
    }
}

/// Every usage error exits 2, and flags that would do nothing for a
/// subcommand are not offered by it.
#[test]
fn usage_errors_exit_2_and_subcommands_offer_only_their_flags() {
    let dir = dir_with("legacy.wat", COMMAND.as_bytes());
    let graph = format!("g=openvino::{}", dir.path().display());
    for args in [
        &["dialects", "-v"][..],
        &["dialects", "--max-input-size", "1K"],
        &["completion", "bash", "-v"],
        &["inspect", "--graph", &graph, "legacy.wat"],
        &["inspect", "--names", "g=a:b", "legacy.wat"],
        &["inspect", "-o", "c.wasm", "legacy.wat"],
        &["--dialect", "wasi-nn-0.3", "legacy.wat", "-o", "c.wasm"],
        &["--wasi-nn", "0.2", "legacy.wat", "-o", "c.wasm"],
        &["--max-input-size", "1T", "legacy.wat", "-o", "c.wasm"],
        &["legacy.wat", "--bogus", "-o", "c.wasm"],
    ] {
        let out = expect_exit(2, args, dir.path());
        assert!(
            stderr(&out).starts_with("error: "),
            "{args:?}: {}",
            stderr(&out)
        );
        assert_eq!(
            entries(dir.path()),
            [dir.path().join("legacy.wat")],
            "{args:?}"
        );
    }
}

/// A graph name given twice, and Wasmtime's `ENC::DIR` naming the graph
/// after its folder.
#[test]
fn graphs_by_folder_and_names_given_twice() {
    let dir = dir_with("legacy.wat", COMMAND.as_bytes());
    let model = dir.path().join("softmax");
    std::fs::create_dir(&model).unwrap();
    let models = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/models"));
    std::fs::copy(models.join("softmax.onnx"), model.join("model.onnx")).unwrap();
    let before = entries(dir.path());
    let by_folder = format!("onnx::{}", model.display());
    expect_exit(
        0,
        &["legacy.wat", "--graph", &by_folder, "-o", "c.wasm"],
        dir.path(),
    );
    let inspected = stdout(&run(&["inspect", "c.wasm"], dir.path(), None));
    assert!(
        inspected.contains("  \"softmax\": inputs [[\"input\"]], outputs [[\"output\"]]\n"),
        "{inspected}"
    );
    std::fs::remove_file(dir.path().join("c.wasm")).unwrap();
    for twice in [
        &["--graph", &by_folder, "--names", "softmax=a:b"][..],
        &[
            "--graph",
            &by_folder,
            "--graph",
            &format!("softmax=autodetect::{}", model.display()),
        ],
        &["--names", "g=a:b", "--names", "g=c:d"],
    ] {
        let mut args = vec!["legacy.wat", "-o", "c.wasm"];
        args.extend(twice);
        let out = run(&args, dir.path(), None);
        assert_error(&out, 2, "is given twice; give each graph one name");
        assert_eq!(entries(dir.path()), before);
    }
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let dir = dir_with("junk.wasm", b"junk");
    let error = |flags: &[&str], env: Option<(&str, &str)>| {
        let mut command = std::process::Command::new(common::BIN);
        command
            .current_dir(dir.path())
            .args(flags)
            .args(["junk.wasm", "-o", "c.wasm"]);
        if let Some((key, value)) = env {
            command.env(key, value);
        }
        let out = command.output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        stderr(&out)
    };
    let plain = "error: junk.wasm: not a valid WebAssembly module";
    assert!(error(&[], None).starts_with(plain));
    assert!(error(&["--color", "never"], None).starts_with(plain));
    assert!(error(&["--color=auto"], None).starts_with(plain));
    assert!(
        error(&["--color", "always"], None).starts_with("\x1b[1;31merror:\x1b[0m junk.wasm: "),
        "{}",
        error(&["--color", "always"], None)
    );
    // NO_COLOR turns off `auto`; an explicit `always` still colours.
    assert!(error(&[], Some(("NO_COLOR", "1"))).starts_with(plain));
    assert!(error(&["--color", "always"], Some(("NO_COLOR", "1"))).starts_with("\x1b[1;31m"));
    // clap's own messages follow --color too.
    let usage = expect_exit(2, &["--color", "always", "--bogus"], dir.path());
    assert!(stderr(&usage).contains("\x1b["), "{}", stderr(&usage));
    let usage = run(&["--color", "never", "--bogus"], dir.path(), None);
    assert!(!stderr(&usage).contains("\x1b["), "{}", stderr(&usage));
    assert_eq!(entries(dir.path()), [dir.path().join("junk.wasm")]);
}

/// No INPUT while stdin is a terminal is a usage error, not a wait for
/// input; `auto` colours a terminal.
#[cfg(unix)]
#[test]
fn terminals_get_a_usage_error_and_colour() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    let (_controller, terminal) = pty();
    let out = Command::new(common::BIN)
        .args(["-o", "c.wasm"])
        .current_dir(dir.path())
        .stdin(Stdio::from(terminal))
        .output()
        .unwrap();
    assert_error(
        &out,
        2,
        "no INPUT given and stdin is a terminal: name a module, or pipe one in",
    );
    assert_eq!(entries(dir.path()), Vec::<PathBuf>::new());

    let (mut controller, terminal) = pty();
    let status = Command::new(common::BIN)
        .args(["absent.wasm", "-o", "c.wasm"])
        .current_dir(dir.path())
        .stderr(Stdio::from(terminal))
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1));
    let mut shown = [0; 64];
    let read = controller.read(&mut shown).unwrap();
    let shown = String::from_utf8_lossy(&shown[..read]);
    assert!(
        shown.starts_with("\x1b[1;31merror:\x1b[0m absent.wasm"),
        "{shown:?}"
    );
    assert_eq!(entries(dir.path()), Vec::<PathBuf>::new());
}
