//! What wasmedge-ggml's `multimodel` does: two graphs loaded by name, each
//! answering the same prompt on its own context.
//!
//! Usage: ggml_multimodel GRAPH_A GRAPH_B CONFIG_JSON PROMPT

use nn_legacy_guests::ggml;

fn main() {
    let ([first, second, config, prompt], _) =
        ggml::args::<4>("ggml_multimodel GRAPH_A GRAPH_B CONFIG_JSON PROMPT");
    let graphs = [ggml::load(&first, &config), ggml::load(&second, &config)];
    for (name, graph) in [first, second].iter().zip(&graphs) {
        let mut context = ggml::context(graph);
        ggml::set_prompt(&mut context, &prompt);
        context
            .compute()
            .unwrap_or_else(|e| ggml::fail("compute", e));
        println!("{name}: {:?}", ggml::output(&context, 0, false));
    }
}
