//! What wasmedge-ggml's `test/set-input-twice` checks: setting the same
//! prompt twice gives the same input token count (output 1, read before
//! any compute).
//!
//! Usage: ggml_set_input_twice GRAPH CONFIG_JSON PROMPT

use nn_legacy_guests::ggml;

fn input_tokens(context: &wasmedge_wasi_nn::GraphExecutionContext) -> String {
    let metadata = ggml::output(context, 1, false);
    let key = "\"input_tokens\":";
    match metadata.find(key) {
        Some(at) => metadata[at + key.len()..]
            .trim_start()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect(),
        None => {
            println!("no input_tokens in {metadata:?}");
            std::process::exit(1)
        }
    }
}

fn main() {
    let ([name, config, prompt], _) =
        ggml::args::<3>("ggml_set_input_twice GRAPH CONFIG_JSON PROMPT");
    let graph = ggml::load(&name, &config);
    let mut context = ggml::context(&graph);
    ggml::set_prompt(&mut context, &prompt);
    let first = input_tokens(&context);
    ggml::set_prompt(&mut context, &prompt);
    let second = input_tokens(&context);
    println!("input tokens: {first}, then {second}");
    if first != second {
        println!("the number of input tokens changed after setting the input twice");
        std::process::exit(1);
    }
}
