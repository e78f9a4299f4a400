//! What wasmedge-ggml's `chatml` does: a ChatML prompt (system and user
//! turns) the program templates itself, generated with `compute`.
//!
//! Usage: ggml_chatml GRAPH CONFIG_JSON SYSTEM USER

use nn_legacy_guests::ggml;

fn main() {
    let ([name, config, system, user], _) =
        ggml::args::<4>("ggml_chatml GRAPH CONFIG_JSON SYSTEM USER");
    let graph = ggml::load(&name, &config);
    let mut context = ggml::context(&graph);
    let prompt = format!(
        "<|im_start|>system\n{system}<|im_end|>\n<|im_start|>user\n{user}<|im_end|>\n<|im_start|>assistant\n"
    );
    ggml::set_prompt(&mut context, &prompt);
    context
        .compute()
        .unwrap_or_else(|e| ggml::fail("compute", e));
    println!("output: {:?}", ggml::output(&context, 0, false));
    ggml::print_metadata(&context);
}
