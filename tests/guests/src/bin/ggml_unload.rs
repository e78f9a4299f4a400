//! What wasmedge-ggml's `test/unload` checks: a graph loaded, used and
//! unloaded, five times over.
//!
//! Usage: ggml_unload GRAPH CONFIG_JSON PROMPT

use nn_legacy_guests::ggml;

fn main() {
    let ([name, config, prompt], _) = ggml::args::<3>("ggml_unload GRAPH CONFIG_JSON PROMPT");
    for round in 0..5 {
        let graph = ggml::load(&name, &config);
        let mut context = ggml::context(&graph);
        ggml::set_prompt(&mut context, &prompt);
        context
            .compute()
            .unwrap_or_else(|e| ggml::fail("compute", e));
        println!("round {round}: {:?}", ggml::output(&context, 0, false));
        graph.unload().unwrap_or_else(|e| ggml::fail("unload", e));
    }
}
