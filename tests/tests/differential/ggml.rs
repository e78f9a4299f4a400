//! The GGML guests (WasmEdge's `wasmedge-ggml` programs, written here with
//! crates.io `wasmedge-wasi-nn`), componentized for each `wasi:nn` version
//! and run on nn-host with GGUF models preloaded (`--graph NAME=ggml::FILE`),
//! print exactly what OpenVINO GenAI gives natively for the same prompts and
//! options: its Python binding (`tests/llm/llm.py generate`) is the
//! reference, since WasmEdge itself cannot run here. The models are the
//! tiny GGUFs of `tests/llm/llm.py models`: `alphabet` (llama, greedy
//! answer known) and `random` (qwen2). See docs/testing.md.

use crate::harness::{compiled_for, Guest};
use nn_componentize::WasiNnVersion;
use serde_json::{json, Value};
use std::sync::OnceLock;

#[path = "../../llm/genai.rs"]
mod genai;
use genai::{models, native};

/// What the guests print for output 1 (WasmEdge's key order).
fn metadata_line(input_tokens: &Value, output_tokens: &Value, finish: &str) -> String {
    format!(
        "metadata: {{\"input_tokens\": {input_tokens}, \"output_tokens\": {output_tokens}, \"llama_build_number\": 0, \"llama_commit\": \"openvino-genai-2026.4.1\", \"finish\": \"{finish}\"}}\n"
    )
}

/// What `ggml_basic` and `ggml_chatml` print for GenAI's `reference`
/// answer: the text, then output 1.
fn answer_lines(reference: &Value) -> String {
    format!(
        "output: {}\n{}",
        quoted(&reference["text"]),
        metadata_line(
            &reference["input_tokens"],
            &reference["output_tokens"],
            reference["finish"].as_str().unwrap()
        )
    )
}

/// The guest's text as the guests print it (Rust's `{:?}` of a string).
fn quoted(text: &Value) -> String {
    format!("{:?}", text.as_str().unwrap())
}

/// Runs `guest`, componentized for `version`, on nn-host with the `graphs`
/// (name, model file) preloaded; returns its exit code and stdout.
fn run(
    guest: Guest,
    version: WasiNnVersion,
    graphs: &[(&str, &str)],
    args: &[&str],
) -> (i32, String) {
    run_with(guest, version, graphs, &[], args)
}

/// [`run`], with the models' folder preopened as each of `dirs`.
fn run_with(
    guest: Guest,
    version: WasiNnVersion,
    graphs: &[(&str, &str)],
    dirs: &[&str],
    args: &[&str],
) -> (i32, String) {
    static RUNNER: OnceLock<nn_host::Runner> = OnceLock::new();
    let runner = RUNNER.get_or_init(|| nn_host::Runner::new().expect("nn-host runner"));
    let compiled = compiled_for(guest, version);
    let mut argv = vec![format!("{}.wasm", guest.name())];
    argv.extend(args.iter().map(|a| a.to_string()));
    let config = nn_host::RunConfig {
        args: argv,
        graphs: graphs
            .iter()
            .map(|(name, file)| nn_host::GraphSpec {
                name: name.to_string(),
                encoding: nn_host::GraphEncoding::Ggml,
                dir: models().join(file),
            })
            .collect(),
        dirs: dirs
            .iter()
            .map(|dir| (models().to_path_buf(), dir.to_string()))
            .collect(),
        capture_output: true,
        ..nn_host::RunConfig::default()
    };
    let outcome = runner
        .run(&compiled.component_bytes, &config)
        .expect("nn-host run");
    let stdout = String::from_utf8_lossy(&outcome.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&outcome.stderr);
    assert!(stderr.is_empty() || outcome.exit_code != 0, "{stderr}");
    (outcome.exit_code, stdout)
}

/// Runs on both WIT versions and checks the output is `expected` (exit 0).
#[track_caller]
fn assert_prints(guest: Guest, graphs: &[(&str, &str)], args: &[&str], expected: &str) {
    assert_prints_with(guest, graphs, &[], args, expected)
}

/// [`assert_prints`], with the models' folder preopened as each of `dirs`.
#[track_caller]
fn assert_prints_with(
    guest: Guest,
    graphs: &[(&str, &str)],
    dirs: &[&str],
    args: &[&str],
    expected: &str,
) {
    for version in WasiNnVersion::ALL {
        let (code, stdout) = run_with(guest, version, graphs, dirs, args);
        assert_eq!(
            stdout,
            expected,
            "{} on nn-host for wasi:nn@{version}",
            guest.name()
        );
        assert_eq!(code, 0, "{} on wasi:nn@{version}", guest.name());
    }
}

/// What `ggml::stream` prints for `prompts` on `model` with a context of
/// `ctx_size` tokens, by GenAI natively: each prompt's count, then the
/// pieces GenAI's streamer gives (the stream has no n-predict; the context
/// bounds it) and the end.
fn expected_stream(model: &str, prompts: &[&str], ctx_size: u64) -> String {
    let mut expected = String::new();
    for prompt in prompts {
        let reference = native(model, prompt, json!({"max_new_tokens": ctx_size}));
        let input = &reference["input_tokens"];
        let room = ctx_size - input.as_u64().unwrap();
        let reference = native(model, prompt, json!({"max_new_tokens": room}));
        expected += &format!("prompt: {prompt:?}\n");
        expected += &metadata_line(input, &json!(0), "length");
        for piece in reference["pieces"].as_array().unwrap() {
            expected += &format!("piece: {}\n", quoted(piece));
        }
        expected += match reference["finish"].as_str().unwrap() {
            "stop" => "[INFO] end of sequence\n",
            _ => "[INFO] context full\n",
        };
    }
    expected
}

pub mod ggml_llama_stream {
    use super::*;
    use crate::harness::rust_guest;

    /// The issue's "done when": a LlamaEdge-style streaming guest streams
    /// the pieces GenAI's own streamer gives, ends with WasmEdge's
    /// `end_of_sequence`, and streams again after `fini_single`.
    #[test]
    fn streams_what_genai_streams() {
        let config = r#"{"temp": 0, "ctx-size": 64, "n-predict": 3, "enable-log": false, "n-gpu-layers": 0}"#;
        for (model, prompts) in [
            ("alphabet.gguf", ["abc", "uvw"]),
            ("random.gguf", ["hello 12", "the fox"]),
        ] {
            let mut args = vec!["default", config];
            args.extend(prompts);
            assert_prints(
                rust_guest::ggml_llama_stream,
                &[("default", model)],
                &args,
                &expected_stream(model, &prompts, 64),
            );
        }
    }
}

pub mod ggml_load_bytes {
    use super::*;
    use crate::harness::rust_guest;

    /// A GGUF the guest loads from bytes (`load` with WasmEdge's ggml
    /// encoding) is served as a preloaded one: the prompt's count and the
    /// stream are GenAI's, with the options as the load's second builder
    /// (WasmEdge's config) or as input 1.
    #[test]
    fn streams_what_genai_streams() {
        let options = r#"{"temp": 0, "ctx-size": 64, "n-predict": 3}"#;
        for (model, prompts) in [
            ("alphabet.gguf", ["abc", "uvw"]),
            ("random.gguf", ["hello 12", "the fox"]),
        ] {
            let expected = expected_stream(model, &prompts, 64);
            let file = format!("models/{model}");
            for how in ["builder", "metadata"] {
                let mut args = vec![file.as_str(), how, options];
                args.extend(prompts);
                assert_prints_with(
                    rust_guest::ggml_load_bytes,
                    &[],
                    &["models"],
                    &args,
                    &expected,
                );
            }
        }
    }
}

pub mod ggml_basic {
    use super::*;
    use crate::harness::rust_guest;

    /// A load config with an option GenAI cannot do fails the compute, with
    /// `unsupported_operation`, on both WIT versions (10-28's adapter used to
    /// retry without the config, as it does for a graph whose inputs it does
    /// not know, and generated as if the option were not there).
    #[test]
    fn a_refused_option_in_the_config_fails_the_compute() {
        for option in [r#""embedding": true"#, r#""mmproj": "mmproj.gguf""#] {
            let config = format!(r#"{{"temp": 0, {option}}}"#);
            for version in WasiNnVersion::ALL {
                let (code, stdout) = run(
                    rust_guest::ggml_basic,
                    version,
                    &[("default", "alphabet.gguf")],
                    &["default", &config, "abc"],
                );
                assert_eq!(
                    (code, stdout.as_str()),
                    (
                        1,
                        "compute failed: Backend Error: WASI-NN Backend Error: Unsupported Operation\n"
                    ),
                    "{option} on wasi:nn@{version}"
                );
            }
        }
    }

    #[test]
    fn generates_what_genai_generates() {
        for (model, prompt) in [("alphabet.gguf", "abc"), ("random.gguf", "hello 12")] {
            let config = r#"{"temp": 0, "n-predict": 12, "threads": 2}"#;
            let reference = native(model, prompt, json!({"max_new_tokens": 12}));
            let expected = answer_lines(&reference);
            assert_prints(
                rust_guest::ggml_basic,
                &[("default", model)],
                &["default", config, prompt],
                &expected,
            );
        }
    }

    /// `stream-stdout`: `compute` writes each piece to the guest's stdout
    /// as it is generated, as WasmEdge's plugin prints it (wasmedge-ggml's
    /// `basic` shows its answer only so), before the guest prints anything
    /// after its `compute`.
    #[test]
    fn stream_stdout_prints_the_pieces_during_compute() {
        let (model, prompt) = ("random.gguf", "hello 12");
        let reference = native(model, prompt, json!({"max_new_tokens": 6}));
        let streamed: String = reference["pieces"]
            .as_array()
            .unwrap()
            .iter()
            .map(|piece| piece.as_str().unwrap())
            .collect();
        assert_eq!(streamed, reference["text"].as_str().unwrap());
        let expected = format!("{streamed}{}", answer_lines(&reference));
        assert_prints(
            rust_guest::ggml_basic,
            &[("default", model)],
            &[
                "default",
                r#"{"temp": 0, "n-predict": 6, "stream-stdout": true}"#,
                prompt,
            ],
            &expected,
        );
    }

    /// WasmEdge's 102 for a prompt the context cannot hold, and 101 when the
    /// context ends the generation (the text is there all the same).
    #[test]
    fn context_bounds_are_wasmedges_errnos() {
        let too_long = r#"{"temp": 0, "ctx-size": 8}"#;
        let expected = "[INFO] prompt too long\n";
        for version in WasiNnVersion::ALL {
            let (_, stdout) = run(
                rust_guest::ggml_basic,
                version,
                &[("default", "alphabet.gguf")],
                &["default", too_long, "abcde"],
            );
            assert!(stdout.starts_with(expected), "wasi:nn@{version}: {stdout}");
        }
        let reference = native("alphabet.gguf", "abcd", json!({"max_new_tokens": 5}));
        let expected = format!(
            "[INFO] context full\noutput: {}\n{}",
            quoted(&reference["text"]),
            metadata_line(
                &reference["input_tokens"],
                &reference["output_tokens"],
                "context-full"
            )
        );
        assert_prints(
            rust_guest::ggml_basic,
            &[("default", "alphabet.gguf")],
            &["default", too_long, "abcd"],
            &expected,
        );
    }
}

pub mod ggml_dims_one {
    use super::*;
    use crate::harness::rust_guest;

    /// The published `wasmedge-ggml` programs declare each text with
    /// dimensions `[1]`: the adapter reads the bytes whole on a GGML graph,
    /// as WasmEdge does (elsewhere a length its dimensions do not give is
    /// `invalid_argument`, the reference's answer).
    #[test]
    fn texts_declared_with_one_element_are_read_whole() {
        let (model, prompt) = ("random.gguf", "the quick brown fox");
        let reference = native(model, prompt, json!({"max_new_tokens": 5}));
        let input = &reference["input_tokens"];
        let expected = format!(
            "{}output: {}\n{}",
            metadata_line(input, &json!(0), "length"),
            quoted(&reference["text"]),
            metadata_line(
                input,
                &reference["output_tokens"],
                reference["finish"].as_str().unwrap()
            )
        );
        assert_prints(
            rust_guest::ggml_dims_one,
            &[("default", model)],
            &[
                "default",
                r#"{"temp": 0.9, "n-predict": 9}"#,
                r#"{"temp": 0, "n-predict": 5}"#,
                prompt,
            ],
            &expected,
        );
    }
}

pub mod ggml_chatml {
    use super::*;
    use crate::harness::rust_guest;

    #[test]
    fn the_programs_template_reaches_genai_as_sent() {
        let (system, user) = ("You are terse.", "hello 12");
        let prompt = format!("<|im_start|>system\n{system}<|im_end|>\n<|im_start|>user\n{user}<|im_end|>\n<|im_start|>assistant\n");
        let reference = native("random.gguf", &prompt, json!({"max_new_tokens": 10}));
        let expected = format!(
            "output: {}\n{}",
            quoted(&reference["text"]),
            metadata_line(
                &reference["input_tokens"],
                &reference["output_tokens"],
                "length"
            )
        );
        let config = r#"{"temp": 0, "n-predict": 10}"#;
        assert_prints(
            rust_guest::ggml_chatml,
            &[("default", "random.gguf")],
            &["default", config, system, user],
            &expected,
        );
    }
}

pub mod ggml_llama {
    use super::*;
    use crate::harness::rust_guest;

    /// Options per request (`set_input(ctx, 1, json)`) over the load config,
    /// and a conversation whose prompt grows with each answer.
    #[test]
    fn each_request_uses_its_options() {
        let config = r#"{"temp": 0.9, "seed": 1}"#;
        let metadata = r#"{"temp": 0, "n-predict": 6}"#;
        let mut expected = String::new();
        let mut saved = String::new();
        for prompt in ["hello 12", "the fox"] {
            saved = format!("{saved}[INST] {prompt} [/INST]");
            let reference = native("random.gguf", &saved, json!({"max_new_tokens": 6}));
            expected += &format!("answer: {}\n", quoted(&reference["text"]));
            expected += &metadata_line(
                &reference["input_tokens"],
                &reference["output_tokens"],
                reference["finish"].as_str().unwrap(),
            );
            saved = format!("{saved} {}", reference["text"].as_str().unwrap().trim());
        }
        assert_prints(
            rust_guest::ggml_llama,
            &[("default", "random.gguf")],
            &["default", config, metadata, "hello 12", "the fox"],
            &expected,
        );
    }
}

pub mod ggml_set_input_twice {
    use super::*;
    use crate::harness::rust_guest;

    #[test]
    fn the_prompt_is_counted_before_any_compute() {
        let reference = native(
            "random.gguf",
            "the quick brown fox",
            json!({"max_new_tokens": 1}),
        );
        let n = &reference["input_tokens"];
        // With a config (`load_by_name_with_config`) and without
        // (`load_by_name`, as wasmedge-ggml's `nnrpc` loads): a GGML graph
        // either way.
        for config in [r#"{"ctx-size": 64}"#, ""] {
            assert_prints(
                rust_guest::ggml_set_input_twice,
                &[("default", "random.gguf")],
                &["default", config, "the quick brown fox"],
                &format!("input tokens: {n}, then {n}\n"),
            );
        }
    }
}

pub mod ggml_multimodel {
    use super::*;
    use crate::harness::rust_guest;

    #[test]
    fn two_graphs_answer_as_their_models_do() {
        let prompt = "abc";
        let mut expected = String::new();
        for (name, model) in [("alphabet", "alphabet.gguf"), ("random", "random.gguf")] {
            let reference = native(model, prompt, json!({"max_new_tokens": 8}));
            expected += &format!("{name}: {}\n", quoted(&reference["text"]));
        }
        assert_prints(
            rust_guest::ggml_multimodel,
            &[("alphabet", "alphabet.gguf"), ("random", "random.gguf")],
            &[
                "alphabet",
                "random",
                r#"{"temp": 0, "n-predict": 8}"#,
                prompt,
            ],
            &expected,
        );
    }
}

pub mod ggml_unload {
    use super::*;
    use crate::harness::rust_guest;

    #[test]
    fn a_graph_loads_again_after_unload() {
        let reference = native("alphabet.gguf", "mno", json!({"max_new_tokens": 4}));
        let expected = (0..5)
            .map(|round| format!("round {round}: {}\n", quoted(&reference["text"])))
            .collect::<String>();
        assert_prints(
            rust_guest::ggml_unload,
            &[("default", "alphabet.gguf")],
            &["default", r#"{"temp": 0, "n-predict": 4}"#, "mno"],
            &expected,
        );
    }
}

pub mod ggml_model_not_found {
    use super::*;
    use crate::harness::rust_guest;

    /// A name the host does not have is WasmEdge's `not_found`, with a
    /// config and without, where a guest of another dialect gets the
    /// reference's `unsupported_operation` (`c_guests::a_wrong_dialect_is_caught`).
    #[test]
    fn an_unknown_name_is_wasmedges_not_found() {
        for config in [r#"{"ctx-size": 64}"#, ""] {
            assert_prints(
                rust_guest::ggml_model_not_found,
                &[],
                &["default", config],
                "not found\n",
            );
        }
    }
}
