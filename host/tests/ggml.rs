//! The `ggml` backend (GGUF models on OpenVINO GenAI) against GenAI run
//! natively: the tiny models of `tests/llm/llm.py`, generated once per test
//! binary, answered by the backend and by GenAI's Python binding with the
//! same prompt and options (the WasmEdge option and the GenAI option it
//! becomes are both spelled out in each case).

mod common;

use nn_abi::ggml::{Finish, Mode, PROMPT_TOO_LONG_MESSAGE as PROMPT_TOO_LONG};
use nn_host::{
    Backends, ErrorCode, ExecutionContext, ExecutionTarget, GraphEncoding, Tensor, TensorType,
};
use serde_json::{json, Value};
use std::process::Command;

#[path = "../../tests/llm/genai.rs"]
mod genai;
use genai::{models, native};

fn bytes(data: &[u8]) -> Tensor {
    Tensor {
        dimensions: vec![data.len() as u32],
        ty: TensorType::U8,
        data: data.into(),
    }
}

fn context(model: &str) -> ExecutionContext {
    let graph = Backends::available()
        .load_file(
            &models().join(model),
            GraphEncoding::Ggml,
            ExecutionTarget::Cpu,
        )
        .unwrap();
    graph.0.init_execution_context().unwrap()
}

/// What the backend answered: text (in a stream, the piece), metadata
/// JSON, finish, and how many pieces the text is.
#[derive(Debug)]
struct Answer {
    text: String,
    metadata: Value,
    finish: Finish,
    pieces: u32,
}

fn compute(
    context: &mut ExecutionContext,
    prompt: &str,
    metadata: Option<Value>,
) -> Result<Answer, nn_host::NnError> {
    compute_in(context, prompt, metadata, Mode::Generate)
}

fn compute_in(
    context: &mut ExecutionContext,
    prompt: &str,
    metadata: Option<Value>,
    mode: Mode,
) -> Result<Answer, nn_host::NnError> {
    let mut inputs = vec![("0".to_string(), bytes(prompt.as_bytes()))];
    if let Some(metadata) = metadata {
        inputs.push(("1".to_string(), bytes(metadata.to_string().as_bytes())));
    }
    if mode != Mode::Generate {
        inputs.push(("3".to_string(), bytes(&[mode as u8])));
    }
    let outputs = context.0.compute(inputs, usize::MAX)?;
    let names = outputs
        .iter()
        .map(|(name, _)| name.as_str())
        .collect::<Vec<_>>();
    assert_eq!(names, ["0", "1", "2"]);
    let text = String::from_utf8(outputs[0].1.data.to_vec()).unwrap();
    let finish = match outputs[2].1.data[0] {
        0 => Finish::Stop,
        1 => Finish::Length,
        2 => Finish::ContextFull,
        other => panic!("finish {other:?}"),
    };
    let pieces = u32::from_le_bytes(outputs[2].1.data[1..].try_into().unwrap());
    let metadata: Value = serde_json::from_slice(&outputs[1].1.data).unwrap();
    let name = match finish {
        Finish::Stop => "stop",
        Finish::Length => "length",
        Finish::ContextFull => "context-full",
    };
    assert_eq!(metadata["finish"], name);
    Ok(Answer {
        text,
        metadata,
        finish,
        pieces,
    })
}

/// A whole stream: mode 2, then mode 3 until no piece comes; the pieces
/// and the answer that ended the stream.
fn stream(context: &mut ExecutionContext, prompt: &str, metadata: Value) -> (Vec<String>, Answer) {
    let mut pieces = Vec::new();
    let mut answer = compute_in(context, prompt, Some(metadata), Mode::Stream).unwrap();
    while answer.pieces == 1 {
        pieces.push(answer.text.clone());
        assert_eq!(answer.metadata["output_tokens"], pieces.len());
        answer = compute_in(context, prompt, None, Mode::Next).unwrap();
    }
    assert_eq!((answer.pieces, answer.text.as_str()), (0, ""));
    (pieces, answer)
}

/// The backend's answer equals GenAI's native one: text and token counts.
fn assert_native(answer: &Answer, native: &Value) {
    assert_eq!(answer.text, native["text"].as_str().unwrap());
    assert_eq!(answer.metadata["input_tokens"], native["input_tokens"]);
    assert_eq!(answer.metadata["output_tokens"], native["output_tokens"]);
}

/// Native pieces, as GenAI's streamer gave them.
fn native_pieces(native: &Value) -> Vec<String> {
    native["pieces"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn alphabet_model_gives_its_known_greedy_answer() {
    let mut context = context("alphabet.gguf");
    let answer = compute(
        &mut context,
        "abc",
        Some(json!({"temp": 0, "n-predict": 40, "enable-log": false, "n-gpu-layers": 100})),
    )
    .unwrap();
    assert_eq!(answer.text, "defghijklmnopqrstuvwxyzé");
    assert_eq!(answer.finish, Finish::Stop);
    assert_eq!(answer.metadata["input_tokens"], 3);
    // 23 letters, 2 bytes of é, then the end of text.
    assert_eq!(answer.metadata["output_tokens"], 26);
    assert_eq!(answer.metadata["finish"], "stop");
    assert_eq!(answer.metadata["llama_build_number"], 0);
    assert_native(
        &answer,
        &native("alphabet.gguf", "abc", json!({"max_new_tokens": 40})),
    );
}

#[test]
fn random_model_matches_native_genai_under_each_option() {
    // (WasmEdge metadata, the GenAI options it means, prompt)
    let cases = [
        (
            json!({"temp": 0, "n-predict": 12}),
            json!({"max_new_tokens": 12}),
            "hello 12",
        ),
        (
            json!({"temp": 0, "n-predict": 16, "repeat-penalty": 1.5}),
            json!({"max_new_tokens": 16, "repetition_penalty": 1.5}),
            "the quick brown fox",
        ),
        (
            json!({"temp": 0.7, "top-p": 0.9, "top-k": 20, "seed": 42, "n-predict": 16}),
            json!({"max_new_tokens": 16, "do_sample": true, "temperature": 0.7, "top_p": 0.9, "top_k": 20, "rng_seed": 42}),
            "hello 12",
        ),
        (
            json!({"temp": 1.0, "seed": 7, "n-predict": 16}),
            json!({"max_new_tokens": 16, "do_sample": true, "temperature": 1.0, "top_p": 0.95, "top_k": 40, "rng_seed": 7}),
            "abc",
        ),
    ];
    for (metadata, genai, prompt) in cases {
        let mut context = context("random.gguf");
        let answer = compute(&mut context, prompt, Some(metadata.clone())).unwrap();
        assert!(!answer.text.is_empty(), "{metadata}");
        assert_native(&answer, &native("random.gguf", prompt, genai));
    }
}

#[test]
fn reverse_prompt_stops_the_text_after_it() {
    let mut context = context("alphabet.gguf");
    let answer = compute(
        &mut context,
        "abc",
        Some(json!({"temp": 0, "reverse-prompt": "hij"})),
    )
    .unwrap();
    assert_eq!(answer.text, "defghij");
    assert_eq!(answer.metadata["finish"], "stop");
    assert_native(
        &answer,
        &native(
            "alphabet.gguf",
            "abc",
            json!({"stop_strings": ["hij"], "include_stop_str_in_output": true}),
        ),
    );
}

#[test]
fn options_stay_in_force_for_later_computes() {
    let mut context = context("alphabet.gguf");
    let first = compute(
        &mut context,
        "abc",
        Some(json!({"temp": 0, "n-predict": 3})),
    )
    .unwrap();
    assert_eq!(
        (first.text.as_str(), &first.metadata["finish"]),
        ("def", &json!("length"))
    );
    let second = compute(&mut context, "uvw", None).unwrap();
    assert_eq!(second.text, "xyz");
    let third = compute(&mut context, "uvw", Some(json!({"n-predict": 5}))).unwrap();
    assert_eq!(third.text, "xyzé");
    assert_eq!(third.metadata["output_tokens"], 5);
}

#[test]
fn the_context_bounds_the_prompt_and_the_generation() {
    let mut context = context("alphabet.gguf");
    // WasmEdge: a prompt of more than ctx-size - 4 tokens is too long (102).
    let error = compute(
        &mut context,
        "abcde",
        Some(json!({"temp": 0, "ctx-size": 8})),
    )
    .unwrap_err();
    assert_eq!(error.code, ErrorCode::TooLarge, "{error}");
    assert!(error.message.starts_with(PROMPT_TOO_LONG), "{error}");
    assert!(error.message.contains("5 tokens"), "{error}");
    // 4 tokens fit; WasmEdge samples ctx-size - prompt + 1 tokens, the last
    // finding the context full (101).
    let answer = compute(&mut context, "abcd", None).unwrap();
    assert_eq!(answer.text, "efghi");
    assert_eq!(answer.finish, Finish::ContextFull);
    assert_native(
        &answer,
        &native("alphabet.gguf", "abcd", json!({"max_new_tokens": 5})),
    );
}

/// WasmEdge's stream (`compute_single`): no n-predict, no reverse prompt;
/// one piece per compute, as GenAI's streamer gives them; a stream that
/// fills the context ends before the token that would find it full; a new
/// stream ends the one in progress.
#[test]
fn streams_are_the_pieces_genai_streams() {
    let mut alphabet = context("alphabet.gguf");
    let options = json!({"temp": 0, "n-predict": 2, "reverse-prompt": "g"});
    let (pieces, end) = stream(&mut alphabet, "abc", options);
    // One piece per token, and é (two byte tokens) as one piece.
    let letters = "defghijklmnopqrstuvwxyz".chars().map(String::from);
    assert_eq!(pieces, letters.chain(["é".to_string()]).collect::<Vec<_>>());
    assert_eq!(end.finish, Finish::Stop);
    let reference = native("alphabet.gguf", "abc", json!({"max_new_tokens": 4096}));
    assert_eq!(pieces, native_pieces(&reference));
    assert_eq!(end.metadata["input_tokens"], reference["input_tokens"]);
    assert_eq!(end.metadata["output_tokens"], reference["output_tokens"]);

    let mut random = context("random.gguf");
    let (pieces, end) = stream(&mut random, "hello 12", json!({"temp": 0, "ctx-size": 24}));
    assert_eq!(end.finish, Finish::ContextFull);
    // 24 - 7 tokens: not the one that would find the context full.
    let reference = native("random.gguf", "hello 12", json!({"max_new_tokens": 17}));
    assert_eq!(pieces, native_pieces(&reference));

    // Abandoned after its first piece, then started again.
    let first = compute_in(&mut random, "the fox", None, Mode::Stream).unwrap();
    assert_eq!(first.pieces, 1);
    let (again, _) = stream(&mut random, "the fox", json!({}));
    assert_eq!(again[0], first.text);
    let next = compute_in(&mut random, "the fox", None, Mode::Next).unwrap_err();
    assert!(
        next.message.contains("without a stream in progress"),
        "{next}"
    );
}

/// Mode 1 counts the prompt's tokens and generates nothing, whatever the
/// context holds (WasmEdge's output 1 before a compute).
#[test]
fn counting_generates_nothing() {
    let mut context = context("random.gguf");
    let answer = compute_in(
        &mut context,
        "hello 12",
        Some(json!({"ctx-size": 5})),
        Mode::Count,
    )
    .unwrap();
    assert_eq!((answer.text.as_str(), answer.finish), ("", Finish::Length));
    assert_eq!(answer.metadata["input_tokens"], 7);
    assert_eq!(answer.metadata["output_tokens"], 0);
    let bad = context
        .0
        .compute(
            vec![("0".into(), bytes(b"abc")), ("3".into(), bytes(&[7]))],
            usize::MAX,
        )
        .err()
        .unwrap();
    assert!(
        bad.message
            .contains("input 3 (the mode) is 7, not 0, 1, 2 or 3"),
        "{bad}"
    );
}

#[test]
fn bytes_load_as_the_file_does() {
    let model = std::fs::read(models().join("alphabet.gguf")).unwrap();
    let graph = Backends::available()
        .load(
            &[&model],
            GraphEncoding::Ggml,
            ExecutionTarget::Cpu,
            usize::MAX,
        )
        .unwrap();
    let mut context = graph.0.init_execution_context().unwrap();
    let answer = compute(&mut context, "xy", Some(json!({"temp": 0}))).unwrap();
    assert_eq!(answer.text, "zé");
    // A second builder is the graph's config, as WasmEdge reads it: in
    // force in each context, under the metadata.
    let load = |builders: &[&[u8]]| {
        Backends::available().load(
            builders,
            GraphEncoding::Ggml,
            ExecutionTarget::Cpu,
            usize::MAX,
        )
    };
    let config = br#"{"temp": 0, "n-predict": 3}"#;
    let graph = load(&[&model, config]).unwrap();
    for _ in 0..2 {
        let mut context = graph.0.init_execution_context().unwrap();
        assert_eq!(compute(&mut context, "abc", None).unwrap().text, "def");
        let metadata = json!({"n-predict": 1});
        assert_eq!(
            compute(&mut context, "abc", Some(metadata)).unwrap().text,
            "d"
        );
    }
    for (builders, expected) in [
        (
            &[&model[..], b"{\"n-predict\": "][..],
            "builder 1 (the config): the metadata is not valid JSON",
        ),
        (
            &[&model[..], b"{\"grammar\": \"x\"}"][..],
            "builder 1 (the config): the ggml option `grammar`",
        ),
        (
            &[&model[..], config, config][..],
            "a ggml graph has 1 builder (the GGUF file's bytes) or 2",
        ),
    ] {
        let refused = load(builders).err().unwrap();
        assert!(refused.message.starts_with(expected), "{refused}");
    }
}

#[test]
fn unreadable_models_are_one_line_errors_naming_the_file() {
    let truncated = models().join("truncated.gguf");
    let whole = std::fs::read(models().join("alphabet.gguf")).unwrap();
    std::fs::write(&truncated, &whole[..whole.len() / 2]).unwrap();
    let not_gguf = models().join("not.gguf");
    std::fs::write(&not_gguf, b"<net/>").unwrap();
    for (file, code, says) in [
        (
            "f32.gguf",
            ErrorCode::InvalidArgument,
            "Unsupported quantization type",
        ),
        (
            "spm.gguf",
            ErrorCode::InvalidArgument,
            "tokenizer is `llama`",
        ),
        (
            "truncated.gguf",
            ErrorCode::InvalidArgument,
            "it is truncated",
        ),
        ("not.gguf", ErrorCode::InvalidEncoding, "not a GGUF file"),
    ] {
        let path = models().join(file);
        let error = Backends::available()
            .load_file(&path, GraphEncoding::Ggml, ExecutionTarget::Cpu)
            .err()
            .unwrap_or_else(|| panic!("{file} loaded"));
        assert_eq!(error.code, code, "{file}: {error}");
        assert!(
            error.message.contains(&path.display().to_string()),
            "{error}"
        );
        assert!(error.message.contains(says), "{error}");
        assert!(!error.message.contains('\n'), "{error}");
    }
}

#[test]
fn bad_metadata_and_inputs_are_guest_errors() {
    let mut context = context("alphabet.gguf");
    let malformed = context
        .0
        .compute(
            vec![
                ("0".into(), bytes(b"abc")),
                ("1".into(), bytes(b"{\"temp\": ")),
            ],
            usize::MAX,
        )
        .err()
        .unwrap();
    assert_eq!(malformed.code, ErrorCode::InvalidArgument);
    assert!(malformed.message.contains("not valid JSON"), "{malformed}");
    let grammar = compute(
        &mut context,
        "abc",
        Some(json!({"grammar": "root ::= \"a\""})),
    )
    .err()
    .unwrap();
    assert_eq!(grammar.code, ErrorCode::UnsupportedOperation);
    assert!(grammar.message.contains("`grammar`"), "{grammar}");
    let no_prompt = context
        .0
        .compute(vec![("1".into(), bytes(b"{}"))], usize::MAX)
        .err()
        .unwrap();
    assert!(
        no_prompt.message.contains("input 0 (the prompt)"),
        "{no_prompt}"
    );
    let f32_prompt = Tensor {
        dimensions: vec![1],
        ty: TensorType::Fp32,
        data: vec![0; 4].into(),
    };
    let wrong_type = context.0.input_index("0", &f32_prompt).err().unwrap();
    assert!(wrong_type.message.contains("u8 bytes"), "{wrong_type}");
    let fifth = context.0.input_index("4", &bytes(b"")).err().unwrap();
    assert!(
        fifth
            .message
            .contains("2 (the load config) and 3 (the mode), not \"4\""),
        "{fifth}"
    );
    // The context still works.
    assert_eq!(
        compute(
            &mut context,
            "abc",
            Some(json!({"temp": 0, "n-predict": 2}))
        )
        .unwrap()
        .text,
        "de"
    );
}

#[test]
fn the_load_config_applies_once() {
    let mut context = context("alphabet.gguf");
    let run = |context: &mut ExecutionContext, inputs: &[(&str, &str)]| {
        let inputs = inputs
            .iter()
            .map(|(name, data)| (name.to_string(), bytes(data.as_bytes())))
            .collect();
        let outputs = context.0.compute(inputs, usize::MAX).unwrap();
        String::from_utf8(outputs[0].1.data.to_vec()).unwrap()
    };
    let config = r#"{"temp": 0, "n-predict": 4}"#;
    // The config, then metadata on top of it.
    assert_eq!(
        run(
            &mut context,
            &[("0", "abc"), ("2", config), ("1", r#"{"n-predict": 2}"#)]
        ),
        "de"
    );
    // Given again (as 0.2.0-rc-2024-08-19 keeps inputs set), it is not
    // applied again: the metadata's n-predict stays.
    assert_eq!(run(&mut context, &[("0", "abc"), ("2", config)]), "de");
    // An empty config is none (WasmEdge's graphs loaded without one): the
    // defaults, here n-predict -1 bounded by the end of the text.
    let mut fresh = self::context("alphabet.gguf");
    let all = run(
        &mut fresh,
        &[("0", "xy"), ("2", ""), ("1", r#"{"temp": 0}"#)],
    );
    assert_eq!(all, "zé");
    // Refused metadata changes nothing.
    let refused = context
        .0
        .compute(
            vec![
                ("0".into(), bytes(b"abc")),
                ("1".into(), bytes(b"{\"n-predict\": ")),
            ],
            usize::MAX,
        )
        .err()
        .unwrap();
    assert_eq!(refused.code, ErrorCode::InvalidArgument);
    assert_eq!(run(&mut context, &[("0", "abc")]), "de");
}

/// `nn-host` preloading a ggml graph: each problem is one `error:` line
/// naming the graph and the cause, exit 1; WasmEdge's `--nn-preload` works
/// as `--graph`, and a folder instead of the GGUF file is a usage error.
#[test]
fn preloading_ggml_graphs_from_the_command_line() {
    let work = tempfile::tempdir().unwrap();
    std::fs::write(work.path().join("f32.wasm"), common::softmax_rounds(1)).unwrap();
    let alphabet = models().join("alphabet.gguf").display().to_string();
    let f32_model = models().join("f32.gguf").display().to_string();
    let nn_host = |args: &[&str], env: &[(&str, &str)]| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_nn-host"));
        command
            .current_dir(work.path())
            .arg("--no-cache")
            .args(args)
            .arg("f32.wasm");
        for (key, value) in env {
            command.env(key, value);
        }
        let output = command.output().unwrap();
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    let one_line = |(code, stderr): (Option<i32>, String), expected_code: i32, says: &[&str]| {
        assert_eq!(code, Some(expected_code), "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.starts_with("error: "), "{stderr}");
        for part in says {
            assert!(stderr.contains(part), "`{part}` missing: {stderr}");
        }
    };
    // The guest (a softmax program) never runs: the preload fails first.
    one_line(
        nn_host(
            &["--graph", &format!("default=ggml::{alphabet}")],
            &[("OPENVINO_GENAI_LIB", "/nonexistent")],
        ),
        1,
        &[
            "preloading graph \"default\"",
            "OPENVINO_GENAI_LIB=/nonexistent is neither the libopenvino_genai file",
        ],
    );
    one_line(
        nn_host(
            &["--nn-preload", &format!("default:GGML:AUTO:{f32_model}")],
            &[],
        ),
        1,
        &[
            "preloading graph \"default\"",
            "Unsupported quantization type",
        ],
    );
    let folder = models().display().to_string();
    let (code, stderr) = nn_host(&["--graph", &format!("ggml::{folder}")], &[]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("write ggml::FILE.gguf"), "{stderr}");
    let (code, stderr) = nn_host(
        &["--nn-preload", &format!("default:ONNX:AUTO:{alphabet}")],
        &[],
    );
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("--graph NAME=ENC::DIR"), "{stderr}");
    // Preloaded, the graph is there for the guest (which loads another).
    let (code, stderr) = nn_host(
        &[
            "-q",
            "--nn-preload",
            &format!("default:GGML:AUTO:{alphabet}"),
        ],
        &[],
    );
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(stderr, "", "only the guest's own failure");
}

/// A compute without any input is the adapter's probe for a GGML graph:
/// it succeeds here, with nothing generated (an OpenVINO graph refuses it).
#[test]
fn a_compute_without_inputs_answers_the_probe() {
    let mut context = context("alphabet.gguf");
    let outputs = context.0.compute(Vec::new(), usize::MAX).unwrap();
    let names = outputs
        .iter()
        .map(|(name, _)| name.as_str())
        .collect::<Vec<_>>();
    assert_eq!(names, ["0", "1", "2"]);
    assert!(outputs[0].1.data.is_empty());
    assert_eq!(&outputs[2].1.data[..], &[Finish::Stop as u8, 0, 0, 0, 0]);
    let metadata = context
        .0
        .compute(vec![("1".into(), bytes(b"{}"))], usize::MAX)
        .err()
        .unwrap();
    assert!(
        metadata
            .message
            .contains("input 0 (the prompt) was not given"),
        "{metadata}"
    );
}
