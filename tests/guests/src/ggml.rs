//! What the GGML guests share: WasmEdge's protocol for language models
//! (`wasmedge-ggml` programs, crates.io `wasmedge-wasi-nn`): a graph loaded
//! by name with a JSON config, the prompt as input 0 and options as input 1
//! (`u8` tensors), the text as output 0 and a metadata JSON as output 1.

use wasmedge_wasi_nn::{
    BackendError, Error, ExecutionTarget, Graph, GraphBuilder, GraphEncoding,
    GraphExecutionContext, TensorType,
};

/// Room for one output, as the public examples give it (4096 tokens of 6
/// bytes).
const OUTPUT_BUFFER: usize = 4096 * 6;

/// `load_by_name_with_config(name, config)`, or `load_by_name` for an
/// empty config; a failure is printed and ends the program with 1.
pub fn load(name: &str, config: &str) -> Graph {
    let mut builder = GraphBuilder::new(GraphEncoding::Ggml, ExecutionTarget::AUTO);
    if !config.is_empty() {
        builder = builder.config(config.to_string());
    }
    builder
        .build_from_cache(name)
        .unwrap_or_else(|e| fail("load_by_name_with_config", e))
}

pub fn context(graph: &Graph) -> GraphExecutionContext {
    graph
        .init_execution_context()
        .unwrap_or_else(|e| fail("init_execution_context", e))
}

/// `set_input(context, 0, prompt)`.
pub fn set_prompt(context: &mut GraphExecutionContext, prompt: &str) {
    context
        .set_input(0, TensorType::U8, &[prompt.len()], prompt.as_bytes())
        .unwrap_or_else(|e| fail("set_input(0)", e));
}

/// `set_input(context, 1, metadata)`.
pub fn set_metadata(context: &mut GraphExecutionContext, metadata: &str) {
    context
        .set_input(1, TensorType::U8, &[metadata.len()], metadata.as_bytes())
        .unwrap_or_else(|e| fail("set_input(1)", e));
}

/// Output `index` as text (`get_output`, or `get_output_single`).
pub fn output(context: &GraphExecutionContext, index: usize, single: bool) -> String {
    let mut buffer = vec![0u8; OUTPUT_BUFFER];
    let written = if single {
        context.get_output_single(index, &mut buffer)
    } else {
        context.get_output(index, &mut buffer)
    }
    .unwrap_or_else(|e| fail("get_output", e));
    String::from_utf8_lossy(&buffer[..written.min(OUTPUT_BUFFER)]).into_owned()
}

/// For each prompt: the prompt, its token count (output 1 before any
/// compute), then the answer streamed with `compute_single` /
/// `get_output_single`, one piece a line, until WasmEdge's end errno;
/// `fini_single` ends each stream.
pub fn stream(context: &mut GraphExecutionContext, prompts: &[String]) {
    for prompt in prompts {
        set_prompt(context, prompt);
        println!("prompt: {prompt:?}");
        print_metadata(context);
        loop {
            match context.compute_single() {
                Ok(()) => println!("piece: {:?}", output(context, 0, true)),
                Err(e) => match generation_end(&e) {
                    Some(end) => {
                        println!("[INFO] {end}");
                        break;
                    }
                    None => fail("compute_single", e),
                },
            }
        }
        context
            .fini_single()
            .unwrap_or_else(|e| fail("fini_single", e));
    }
}

/// The token counts of output 1, as the examples print them.
pub fn print_metadata(context: &GraphExecutionContext) {
    let metadata = output(context, 1, false);
    println!("metadata: {metadata}");
}

/// WasmEdge's end-of-generation errors by name; other errors are `None`.
pub fn generation_end(error: &Error) -> Option<&'static str> {
    match error {
        Error::BackendError(BackendError::EndOfSequence) => Some("end of sequence"),
        Error::BackendError(BackendError::ContextFull) => Some("context full"),
        Error::BackendError(BackendError::PromptTooLong) => Some("prompt too long"),
        _ => None,
    }
}

/// Prints a failure and exits with 1.
pub fn fail(what: &str, e: Error) -> ! {
    println!("{what} failed: {e}");
    std::process::exit(1)
}

/// The arguments after the program name, or a usage line and exit 2.
pub fn args<const N: usize>(usage: &str) -> ([String; N], Vec<String>) {
    let mut all = std::env::args().skip(1);
    let fixed: Vec<String> = all.by_ref().take(N).collect();
    match fixed.try_into() {
        Ok(fixed) => (fixed, all.collect()),
        Err(_) => {
            println!("usage: {usage}");
            std::process::exit(2)
        }
    }
}
