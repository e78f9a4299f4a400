#!/usr/bin/env python3
"""Token generation: a streaming LlamaEdge-style guest, componentized, on
nn-host, against OpenVINO GenAI natively, on the same generated GGUF with
the same options (greedy, end of text ignored, the stream bounded by the
context) and GenAI's default thread count on both sides.

    bench/llm/run.py NN_HOST COMPONENT WORK_DIR [REPS (default 11)]

COMPONENT is `tests/guests`' `ggml_llama_stream`, componentized. The model
(llama, hidden 512, 8 layers, F16, 55 MB; `tests/llm/llm.py`'s generator
at a larger size) is written to WORK_DIR once. A rep is one nn-host
process that streams the prompt 1 + STREAMS times (the first stream pays
the process's first inference and is not timed), and STREAMS native
streams, the two in alternating order from one rep to the next: time to
the first piece, and the mean time per later piece. nn-host's side is read
from the guest's stdout lines as they arrive. Prints one JSON object: the
medians over every timed stream, the ratios, the 10th-90th percentile of
the per-rep ratios, and a verdict on each target (met only when that
spread is within it).
"""

import json
import math
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests" / "llm"))
import llm  # noqa: E402

PROMPT = "hello 12 the fox"
CTX_SIZE = 136
# Timed streams per rep on each side.
STREAMS = 5
# The targets: time to first token at most 1.05x native, pieces
# per second at least 0.97x.
TTFT_TARGET = 1.05
RATE_TARGET = 0.97


def make_model(path):
    import numpy as np

    if path.exists():
        return
    llm.N_EMBD, llm.N_HEAD, llm.N_LAYER, llm.N_FF = 512, 8, 8, 1536
    n_vocab = len(llm.vocabulary()[0])
    weights = llm.random_weights(np.random.default_rng(5), "llama", n_vocab)
    llm.write_model(path, "llama", weights)


class Native:
    """GenAI's Python binding on the same file, loaded once and warmed up."""

    def __init__(self, model):
        import openvino_genai

        self.genai = openvino_genai
        self.pipeline = openvino_genai.LLMPipeline(str(model), "CPU")
        self.prompt_tokens = self.pipeline.get_tokenizer().encode(PROMPT).input_ids.shape[1]
        self.stream()

    def stream(self):
        """One stream: (time to the first piece, mean time per later piece)."""
        config = self.pipeline.get_generation_config()
        config.apply_chat_template = False
        config.ignore_eos = True
        config.max_new_tokens = CTX_SIZE - self.prompt_tokens
        times = []
        start = time.perf_counter()

        def on_piece(_):
            times.append(time.perf_counter())
            return self.genai.StreamingStatus.RUNNING

        self.pipeline.generate([PROMPT], config, on_piece)
        return times[0] - start, (times[-1] - times[0]) / (len(times) - 1)


def component(nn_host, component, model, streams):
    """One nn-host process streaming the prompt 1 + `streams` times: the
    figures of each stream but the first (which pays the process's first
    inference)."""
    config = json.dumps({"temp": 0, "ctx-size": CTX_SIZE, "ignore-eos": True})
    prompts = [PROMPT] * (1 + streams)
    command = [nn_host, "run", "--graph", f"default=ggml::{model}", component, "default", config, *prompts]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, bufsize=1)
    times = []
    for line in process.stdout:
        now = time.perf_counter()
        if line.startswith("metadata:"):
            times.append([now])
        elif line.startswith("piece:"):
            times[-1].append(now)
    if process.wait() != 0:
        raise SystemExit(f"{' '.join(command)} failed")
    return [(t[1] - t[0], (t[-1] - t[1]) / (len(t) - 2)) for t in times[1:]]


def p10_p90(values):
    ordered = sorted(values)
    rank = lambda p: ordered[max(math.ceil(p * len(ordered)), 1) - 1]  # noqa: E731
    return rank(0.1), rank(0.9)


def main(argv):
    if len(argv) not in (4, 5):
        print(__doc__, file=sys.stderr)
        return 2
    nn_host, component_path, work = argv[1], argv[2], Path(argv[3])
    reps = int(argv[4]) if len(argv) == 5 else 11
    work.mkdir(parents=True, exist_ok=True)
    model = work / "llm-bench.gguf"
    make_model(model)
    native = Native(model)
    ours, theirs, ttft_ratios, rate_ratios = [], [], [], []
    for rep in range(reps):
        # Side by side, in alternating order: both meet the same machine.
        if rep % 2 == 0:
            mine = component(nn_host, component_path, model, STREAMS)
            native_runs = [native.stream() for _ in range(STREAMS)]
        else:
            native_runs = [native.stream() for _ in range(STREAMS)]
            mine = component(nn_host, component_path, model, STREAMS)
        ours += mine
        theirs += native_runs
        med = lambda runs, i: statistics.median(r[i] for r in runs)  # noqa: E731
        ttft_ratios.append(med(mine, 0) / med(native_runs, 0))
        rate_ratios.append(med(native_runs, 1) / med(mine, 1))
    median = lambda runs, i: statistics.median(r[i] for r in runs) * 1000  # noqa: E731
    result = {
        "model_bytes": model.stat().st_size,
        "reps": reps,
        "streams_per_rep": STREAMS,
        "native_ttft_ms": median(theirs, 0),
        "native_ms_per_piece": median(theirs, 1),
        "component_ttft_ms": median(ours, 0),
        "component_ms_per_piece": median(ours, 1),
    }
    result["ttft_ratio"] = result["component_ttft_ms"] / result["native_ttft_ms"]
    result["ttft_ratio_p10_p90"] = p10_p90(ttft_ratios)
    result["pieces_per_s_ratio"] = result["native_ms_per_piece"] / result["component_ms_per_piece"]
    result["pieces_per_s_ratio_p10_p90"] = p10_p90(rate_ratios)
    # Met only when the spread of the per-rep ratios is within the target.
    ttft_low, ttft_high = result["ttft_ratio_p10_p90"]
    rate_low, rate_high = result["pieces_per_s_ratio_p10_p90"]
    result["ttft_verdict"] = verdict(result["ttft_ratio"] <= TTFT_TARGET, ttft_high <= TTFT_TARGET)
    result["pieces_per_s_verdict"] = verdict(result["pieces_per_s_ratio"] >= RATE_TARGET, rate_low >= RATE_TARGET)
    print(json.dumps(result))
    return 0


def verdict(median_within, spread_within):
    if not median_within:
        return "missed"
    return "met" if spread_within else "undecided"


if __name__ == "__main__":
    sys.exit(main(sys.argv))
