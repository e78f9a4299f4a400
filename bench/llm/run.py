#!/usr/bin/env python3
"""Token generation: a streaming LlamaEdge-style guest, componentized, on
nn-host, against OpenVINO GenAI natively, on the same generated GGUF with
the same options (greedy, end of text ignored, the stream bounded by the
context) and GenAI's default thread count on both sides.

    bench/llm/run.py NN_HOST COMPONENT WORK_DIR [REPS]

COMPONENT is `tests/guests`' `ggml_llama_stream`, componentized. The model
(llama, hidden 512, 8 layers, F16, 55 MB; `tests/llm/llm.py`'s generator
at a larger size) is written to WORK_DIR once. Each rep is one process
that streams the prompt twice; the second stream is timed (the first pays
the process's first inference): time to the first piece, and the mean time
per later piece. nn-host's side is read from the guest's stdout lines as
they arrive. Prints one JSON object: the medians over REPS (default 5) and
the ratios.
"""

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests" / "llm"))
import llm  # noqa: E402

PROMPT = "hello 12 the fox"
CTX_SIZE = 136


def make_model(path):
    import numpy as np

    if path.exists():
        return
    llm.N_EMBD, llm.N_HEAD, llm.N_LAYER, llm.N_FF = 512, 8, 8, 1536
    n_vocab = len(llm.vocabulary()[0])
    weights = llm.random_weights(np.random.default_rng(5), "llama", n_vocab)
    llm.write_model(path, "llama", weights)


def native(model, reps):
    import openvino_genai

    pipeline = openvino_genai.LLMPipeline(str(model), "CPU")
    prompt_tokens = pipeline.get_tokenizer().encode(PROMPT).input_ids.shape[1]

    def stream():
        config = pipeline.get_generation_config()
        config.apply_chat_template = False
        config.ignore_eos = True
        config.max_new_tokens = CTX_SIZE - prompt_tokens
        times = []
        start = time.perf_counter()

        def on_piece(_):
            times.append(time.perf_counter())
            return openvino_genai.StreamingStatus.RUNNING

        pipeline.generate([PROMPT], config, on_piece)
        return times[0] - start, (times[-1] - times[0]) / (len(times) - 1)

    stream()
    return [stream() for _ in range(reps)]


def component(nn_host, component, model, reps):
    config = json.dumps({"temp": 0, "ctx-size": CTX_SIZE, "ignore-eos": True})
    command = [nn_host, "run", "--graph", f"default=ggml::{model}", component, "default", config, PROMPT, PROMPT]
    runs = []
    for _ in range(reps):
        process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, bufsize=1)
        streams = []
        for line in process.stdout:
            now = time.perf_counter()
            if line.startswith("metadata:"):
                streams.append([now])
            elif line.startswith("piece:"):
                streams[-1].append(now)
        if process.wait() != 0:
            raise SystemExit(f"{' '.join(command)} failed")
        times = streams[-1]
        runs.append((times[1] - times[0], (times[-1] - times[1]) / (len(times) - 2)))
    return runs


def main(argv):
    if len(argv) not in (4, 5):
        print(__doc__, file=sys.stderr)
        return 2
    nn_host, component_path, work = argv[1], argv[2], Path(argv[3])
    reps = int(argv[4]) if len(argv) == 5 else 5
    work.mkdir(parents=True, exist_ok=True)
    model = work / "llm-bench.gguf"
    make_model(model)
    ours = component(nn_host, component_path, model, reps)
    theirs = native(model, reps)
    median = lambda runs, i: statistics.median(r[i] for r in runs) * 1000  # noqa: E731
    result = {
        "model_bytes": model.stat().st_size,
        "reps": reps,
        "native_ttft_ms": median(theirs, 0),
        "native_ms_per_piece": median(theirs, 1),
        "component_ttft_ms": median(ours, 0),
        "component_ms_per_piece": median(ours, 1),
    }
    result["ttft_ratio"] = result["component_ttft_ms"] / result["native_ttft_ms"]
    result["pieces_per_s_ratio"] = result["native_ms_per_piece"] / result["component_ms_per_piece"]
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
