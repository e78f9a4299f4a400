//! What wasmedge-ggml's `llama` does: a conversation of several requests on
//! one context, each with its own options (`set_input(1)`), the prompt
//! growing with every answer, as the example's chat loop grows it.
//!
//! Usage: ggml_llama GRAPH CONFIG_JSON METADATA_JSON PROMPT...

use nn_legacy_guests::ggml;

fn main() {
    let ([name, config, metadata], prompts) =
        ggml::args::<3>("ggml_llama GRAPH CONFIG_JSON METADATA_JSON PROMPT...");
    let graph = ggml::load(&name, &config);
    let mut context = ggml::context(&graph);
    let mut saved = String::new();
    for prompt in prompts {
        saved = format!("{saved}[INST] {prompt} [/INST]");
        ggml::set_metadata(&mut context, &metadata);
        ggml::set_prompt(&mut context, &saved);
        match context.compute() {
            Ok(()) => {}
            Err(e) => match ggml::generation_end(&e) {
                Some(end) => {
                    println!("[INFO] {end}, the conversation starts again");
                    saved.clear();
                }
                None => ggml::fail("compute", e),
            },
        }
        let answer = ggml::output(&context, 0, false);
        println!("answer: {answer:?}");
        ggml::print_metadata(&context);
        if !saved.is_empty() {
            saved = format!("{saved} {}", answer.trim());
        }
    }
}
