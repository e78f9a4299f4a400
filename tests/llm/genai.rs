//! What the GGML tests of nn-host and of the differential suite share: the
//! tiny models `tests/llm/llm.py models` generates, and GenAI's own answer
//! through its Python binding (`llm.py generate`), the reference. Included
//! by `#[path]` from both test crates, each a folder below the workspace
//! root.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

pub fn llm_script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/llm/llm.py")
}

/// The folder of generated models, made once per test binary.
pub fn models() -> &'static Path {
    static MODELS: OnceLock<tempfile::TempDir> = OnceLock::new();
    MODELS
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let status = Command::new("python3")
                .arg(llm_script())
                .arg("models")
                .arg(dir.path())
                .status()
                .unwrap();
            assert!(status.success(), "tests/llm/llm.py models failed");
            dir
        })
        .path()
}

/// GenAI's answer through its Python binding, streaming: `text`, `pieces`,
/// `input_tokens`, `output_tokens`, `finish`. `options` are GenAI's
/// (greedy unless they say otherwise).
pub fn native(model: &str, prompt: &str, options: Value) -> Value {
    let output = Command::new("python3")
        .arg(llm_script())
        .arg("generate")
        .arg(models().join(model))
        .arg(prompt)
        .arg(options.to_string())
        .arg("--stream")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}
