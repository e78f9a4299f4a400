//! What wasmedge-ggml's `basic` does: one prompt, generated whole with
//! `compute`, printed with the output metadata.
//!
//! Usage: ggml_basic GRAPH CONFIG_JSON PROMPT

use nn_legacy_guests::ggml;

fn main() {
    let ([name, config, prompt], _) = ggml::args::<3>("ggml_basic GRAPH CONFIG_JSON PROMPT");
    let graph = ggml::load(&name, &config);
    let mut context = ggml::context(&graph);
    ggml::set_prompt(&mut context, &prompt);
    match context.compute() {
        Ok(()) => {}
        Err(e) => match ggml::generation_end(&e) {
            Some(end) => println!("[INFO] {end}"),
            None => ggml::fail("compute", e),
        },
    }
    println!("output: {:?}", ggml::output(&context, 0, false));
    ggml::print_metadata(&context);
}
