#!/usr/bin/env python3
"""Tiny GGUF language models for the ggml tests, and the native reference.

    llm.py models OUT_DIR
        Writes the test models into OUT_DIR (each file written aside and
        renamed, so a reader never sees half a model):
          alphabet.gguf  llama, greedy answer known: each letter is followed
                         by the next one; `z` by `é` (two byte tokens: one
                         UTF-8 piece streamed from two tokens), then the end
                         of text. Prompt `abc` -> `defghijklmnopqrstuvwxyzé`.
          random.gguf    qwen2 (attention biases), random weights.
          f32.gguf       llama with F32 linear weights: GenAI refuses it.
          spm.gguf       llama with a SentencePiece (`llama`) tokenizer:
                         GenAI refuses it.
        All are 2 layers, hidden 64, 4 heads, with a byte-level BPE (`gpt2`)
        tokenizer of 256 byte tokens, 24 merges and `<|endoftext|>`; linear
        weights F16. The content is a pure function of the seed below, so
        every run writes the same bytes.

    llm.py generate MODEL PROMPT OPTIONS_JSON [--stream]
        Runs MODEL through OpenVINO GenAI's Python binding (the reference the
        host is compared with) and prints one JSON object: `text`, `pieces`
        (what the streamer callback received, in order; only with
        --stream), `input_tokens`, `output_tokens`, `finish` ("stop" or
        "length"). OPTIONS_JSON is GenAI's own generation options
        (max_new_tokens, do_sample, temperature, ...); the chat template is
        always off, as nn-host has it.
"""

import json
import os
import sys
from pathlib import Path

import numpy as np

SEED = 29
N_EMBD = 64
N_HEAD = 4
N_LAYER = 2
N_FF = 128
CONTEXT = 2048
EOS_TEXT = "<|endoftext|>"


def byte_tokens():
    """GPT-2's byte-to-unicode table: the 256 byte tokens, in byte order."""
    printable = (
        list(range(ord("!"), ord("~") + 1))
        + list(range(ord("¡"), ord("¬") + 1))
        + list(range(ord("®"), ord("ÿ") + 1))
    )
    chars = printable[:]
    extra = 0
    for b in range(256):
        if b not in printable:
            printable.append(b)
            chars.append(256 + extra)
            extra += 1
    table = dict(zip(printable, chars))
    return [chr(table[b]) for b in range(256)]


def vocabulary():
    """Tokens, token types and merges of the byte-level BPE tokenizer.

    The merges join digits and spaces only, so letters stay single tokens
    (the alphabet model's answer depends on it)."""
    tokens = byte_tokens()
    space = tokens[ord(" ")]
    pairs = [(space, d) for d in "0123456789"] + [
        (a, b) for a, b in zip("0123456789", "1234567890")
    ]
    pairs += [(space, space), (space + space, space + space)]
    pairs += [(tokens[ord("\n")], tokens[ord("\n")]), (space, tokens[ord("\n")])]
    merges = [f"{a} {b}" for a, b in pairs]
    tokens = tokens + [a + b for a, b in pairs] + [EOS_TEXT]
    types = [1] * (len(tokens) - 1) + [3]
    return tokens, types, merges


def write_model(path, arch, weights, tokenizer="gpt2", linear_type=np.float16):
    import gguf

    tokens, types, merges = vocabulary()
    aside = path.with_name(path.name + f".{os.getpid()}.tmp")
    writer = gguf.GGUFWriter(str(aside), arch)
    writer.add_name(path.stem)
    writer.add_context_length(CONTEXT)
    writer.add_embedding_length(N_EMBD)
    writer.add_block_count(N_LAYER)
    writer.add_feed_forward_length(N_FF)
    writer.add_head_count(N_HEAD)
    writer.add_head_count_kv(N_HEAD)
    writer.add_rope_dimension_count(N_EMBD // N_HEAD)
    writer.add_rope_freq_base(10000.0)
    writer.add_layer_norm_rms_eps(1e-6)
    writer.add_file_type(1)  # mostly F16
    writer.add_tokenizer_model(tokenizer)
    if tokenizer == "gpt2":
        writer.add_tokenizer_pre("default")
        writer.add_token_merges(merges)
    else:
        writer.add_token_scores([0.0] * len(tokens))
    writer.add_token_list(tokens)
    writer.add_token_types(types)
    writer.add_bos_token_id(len(tokens) - 1)
    writer.add_eos_token_id(len(tokens) - 1)
    writer.add_add_bos_token(False)
    for name, array in weights.items():
        is_linear = array.ndim == 2
        writer.add_tensor(name, array.astype(linear_type if is_linear else np.float32))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    os.replace(aside, path)


def random_weights(rng, arch, n_vocab):
    def normal(*shape, scale=0.02):
        return rng.normal(0.0, scale, size=shape).astype(np.float32)

    weights = {
        "token_embd.weight": normal(n_vocab, N_EMBD, scale=1.0),
        "output_norm.weight": np.ones(N_EMBD, np.float32),
        "output.weight": normal(n_vocab, N_EMBD, scale=0.1),
    }
    for layer in range(N_LAYER):
        block = f"blk.{layer}."
        weights.update(
            {
                block + "attn_norm.weight": np.ones(N_EMBD, np.float32),
                block + "attn_q.weight": normal(N_EMBD, N_EMBD, scale=0.2),
                block + "attn_k.weight": normal(N_EMBD, N_EMBD, scale=0.2),
                block + "attn_v.weight": normal(N_EMBD, N_EMBD, scale=0.2),
                block + "attn_output.weight": normal(N_EMBD, N_EMBD, scale=0.2),
                block + "ffn_norm.weight": np.ones(N_EMBD, np.float32),
                block + "ffn_gate.weight": normal(N_FF, N_EMBD, scale=0.2),
                block + "ffn_up.weight": normal(N_FF, N_EMBD, scale=0.2),
                block + "ffn_down.weight": normal(N_EMBD, N_FF, scale=0.2),
            }
        )
        if arch == "qwen2":
            for part in "qkv":
                weights[block + f"attn_{part}.bias"] = normal(N_EMBD, scale=0.1)
    return weights


def alphabet_weights(rng):
    """Zeroed output projections leave each position's hidden state the
    normalised embedding of its token; the LM head row of token `next(t)` is
    that embedding, so greedy decoding follows the chain below."""
    tokens, _, _ = vocabulary()
    n_vocab = len(tokens)
    weights = random_weights(rng, "llama", n_vocab)
    for layer in range(N_LAYER):
        weights[f"blk.{layer}.attn_output.weight"][:] = 0.0
        weights[f"blk.{layer}.ffn_down.weight"][:] = 0.0
    embeddings = weights["token_embd.weight"]
    embeddings /= np.linalg.norm(embeddings, axis=1, keepdims=True) / np.sqrt(N_EMBD)
    head = np.zeros((n_vocab, N_EMBD), np.float32)
    chain = {ord(c): ord(c) + 1 for c in "abcdefghijklmnopqrstuvwxy"}
    chain[ord("z")] = 0xC3  # é is C3 A9
    chain[0xC3] = 0xA9
    chain[0xA9] = n_vocab - 1  # then the end of text
    for token, following in chain.items():
        head[following] = embeddings[token] / N_EMBD * 4.0
    weights["output.weight"] = head
    return weights


def make_models(out_dir):
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    n_vocab = len(vocabulary()[0])
    write_model(out_dir / "alphabet.gguf", "llama", alphabet_weights(np.random.default_rng(SEED)))
    write_model(
        out_dir / "random.gguf", "qwen2", random_weights(np.random.default_rng(SEED + 1), "qwen2", n_vocab)
    )
    write_model(
        out_dir / "f32.gguf",
        "llama",
        random_weights(np.random.default_rng(SEED + 2), "llama", n_vocab),
        linear_type=np.float32,
    )
    write_model(
        out_dir / "spm.gguf",
        "llama",
        random_weights(np.random.default_rng(SEED + 3), "llama", n_vocab),
        tokenizer="llama",
    )


def generate(model, prompt, options, stream):
    import openvino_genai

    pipeline = openvino_genai.LLMPipeline(model, "CPU")
    config = pipeline.get_generation_config()
    config.apply_chat_template = False
    for key, value in options.items():
        if key == "stop_strings":
            value = set(value)
        setattr(config, key, value)
    pieces = []

    def on_piece(piece):
        pieces.append(piece)
        return openvino_genai.StreamingStatus.RUNNING

    result = pipeline.generate([prompt], config, on_piece if stream else None)
    metrics = result.perf_metrics
    finish = str(result.finish_reasons[0]).rsplit(".", 1)[-1].lower() if hasattr(result, "finish_reasons") else None
    answer = {
        "text": result.texts[0],
        "input_tokens": metrics.get_num_input_tokens(),
        "output_tokens": metrics.get_num_generated_tokens(),
        "finish": finish,
    }
    if stream:
        answer["pieces"] = pieces
    return answer


def main(argv):
    if len(argv) == 3 and argv[1] == "models":
        make_models(argv[2])
        return 0
    if len(argv) in (5, 6) and argv[1] == "generate" and argv[5:] in ([], ["--stream"]):
        answer = generate(argv[2], argv[3], json.loads(argv[4]), argv[5:] == ["--stream"])
        print(json.dumps(answer))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
