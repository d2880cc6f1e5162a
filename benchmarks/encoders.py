"""Which encoder embeds what, measured: questions, documents, and a new process's start.

    .venv/bin/python benchmarks/encoders.py

- questions: onnxruntime (the default) against sentence-transformers, per question latency and
  the smallest cosine between their vectors over 120 RealTime QA questions and 500 sentences;
- documents: chunks/s of torch fp32, torch bf16 and onnxruntime fp32 on 512 RealTime QA chunks,
  beside this CPU's compute limit for the model (FLOPs per token x tokens, against a large
  matrix product's GFLOP/s measured here in fp32 and bf16);
- start: `corpusqa ask` in a new process on the seed corpus, 7 runs.

Writes benchmarks/results/encoders.json.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from _shared import HERE, RTQA, indexed, rows, save

from corpusqa import Settings
from corpusqa.chunk import embed_text
from corpusqa.embed import Embedder

ROOT = HERE.parent
CHUNKS = 512


def main() -> None:
    qa = indexed("rtqa", RTQA / "articles.jsonl")
    index = qa.searcher.index
    chunks = index.chunks[:CHUNKS]
    texts = [embed_text(index.articles[c.article_id], c) for c in chunks]
    sentences = [
        index.articles[c.article_id].body[s:e] for c in index.chunks[:200] for s, e in c.sentences
    ][:500]
    questions = [q["question"] for q in rows(RTQA / "questions.jsonl")]
    embedder = Embedder(Settings.from_env(precision="fp32"))
    result = {
        "machine": f"{os.cpu_count()} cores, bf16 native={Embedder(Settings()).bf16}",
        "questions": _questions(embedder, questions, sentences),
        "documents": _documents(embedder, texts),
        "start": _start(),
    }
    save("encoders", result)


def _questions(embedder: Embedder, questions: list[str], sentences: list[str]) -> dict:
    fast = embedder.query_encoder()
    assert fast is not None, "no ONNX query encoder"
    texts = questions + sentences
    reference = embedder.model.encode(texts, normalize_embeddings=True, convert_to_numpy=True)
    onnx = np.vstack([fast.encode(t) for t in texts])
    took = {}
    for name, encode in (("onnx", fast.encode), ("torch", lambda t: embedder.encode([t]))):
        start = time.perf_counter()
        for q in questions:
            encode(q)
        took[f"{name}_ms_per_question"] = round(
            (time.perf_counter() - start) / len(questions) * 1e3, 1
        )
    return {"texts": len(texts), "min_cosine": float((onnx * reference).sum(1).min()), **took}


def _documents(embedder: Embedder, texts: list[str]) -> dict:
    import torch

    tokens = [
        len(embedder.model.tokenizer(t, truncation=True, max_length=256)["input_ids"])
        for t in texts
    ]
    flops = _flops_per_chunk(embedder.model, float(np.mean(tokens)))
    out: dict = {"chunks": len(texts), "tokens_per_chunk": round(float(np.mean(tokens)), 1)}
    out["gflop_per_chunk"] = round(flops / 1e9, 2)
    reference = embedder.encode(texts)
    for name, bf16 in (("torch_fp32", False), ("torch_bf16", True)):
        embedder.bf16 = bf16
        start = time.perf_counter()
        vectors = embedder.encode(texts)
        rate = len(texts) / (time.perf_counter() - start)
        out[name] = {
            "chunks_per_s": round(rate, 1),
            "gflops": round(rate * flops / 1e9),
            "min_cosine_to_fp32": float((vectors * reference).sum(1).min()),
        }
    embedder.bf16 = False
    out["onnx_fp32"] = _onnx_documents(embedder, texts, reference, flops)
    for dtype in (torch.float32, torch.bfloat16):
        a = torch.randn(2048, 2048, dtype=dtype)
        a @ a
        start = time.perf_counter()
        for _ in range(10):
            a @ a
        peak = 10 * 2 * 2048**3 / (time.perf_counter() - start) / 1e9
        out[f"matmul_peak_gflops_{str(dtype).split('.')[-1]}"] = round(peak)
    return out


def _onnx_documents(
    embedder: Embedder, texts: list[str], reference: np.ndarray, flops: float
) -> dict:
    fast = embedder.query_encoder()
    assert fast is not None
    order = np.argsort([-len(t) for t in texts])
    start = time.perf_counter()
    vectors = np.zeros_like(reference)
    for lo in range(0, len(texts), 32):
        batch = order[lo : lo + 32]
        fast.tokenizer.enable_padding(pad_id=0)
        enc = fast.tokenizer.encode_batch([texts[i] for i in batch])
        fast.tokenizer.no_padding()
        feed = {
            "input_ids": np.array([e.ids for e in enc], dtype=np.int64),
            "attention_mask": np.array([e.attention_mask for e in enc], dtype=np.int64),
            "token_type_ids": np.array([e.type_ids for e in enc], dtype=np.int64),
        }
        v = fast.session.run(None, feed)[0]
        vectors[batch] = v / np.linalg.norm(v, axis=1, keepdims=True)
    rate = len(texts) / (time.perf_counter() - start)
    return {
        "chunks_per_s": round(rate, 1),
        "gflops": round(rate * flops / 1e9),
        "min_cosine_to_fp32": float((vectors * reference).sum(1).min()),
    }


def _flops_per_chunk(model: object, tokens: float) -> float:
    """2 FLOPs per weight per token in the layers (embeddings are a lookup), and attention's
    two products of tokens x tokens x width."""
    config = model[0].auto_model.config  # type: ignore[index]
    d, ff, layers = config.hidden_size, config.intermediate_size, config.num_hidden_layers
    per_token = layers * (2 * (4 * d * d + 2 * d * ff) + 4 * tokens * d)
    return per_token * tokens


def _start() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "CORPUSQA_INDEX_DIR": str(Path(tmp) / "index"),
            "CORPUSQA_CORPUS_DIR": str(ROOT / "corpus"),
        }
        cli = [sys.executable, "-m", "corpusqa.cli"]
        subprocess.run(cli + ["index"], env=env, check=True, capture_output=True)
        runs = []
        for _ in range(7):
            start = time.perf_counter()
            done = subprocess.run(
                cli + ["ask", "Who doubted the withdrawal?"],
                env=env,
                check=True,
                capture_output=True,
                text=True,
            )
            runs.append(time.perf_counter() - start)
            assert "Stoltenberg" in done.stdout
    return {
        "corpusqa_ask_seconds": {
            "median": round(statistics.median(runs), 2),
            "min": round(min(runs), 2),
            "max": round(max(runs), 2),
        }
    }


if __name__ == "__main__":
    main()
