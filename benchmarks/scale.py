"""The index at scale: synthetic news of 10k, 100k (and 1M) chunks, the model left out.

    .venv/bin/python benchmarks/scale.py [--sizes 10000 100000] [--ann ...] [--keep]

(`--sizes 1000000 --ann --keep` adds the million-chunk figures, about an hour here.)

Articles are made of RealTime QA sentences (about two chunks each, five outlets, dates over
three years) in JSONL shards of 500 articles. They are embedded by a stand-in model built here:
a random 1-layer, 384-wide BERT with all-MiniLM-L6-v2's tokenizer, cut at 32 tokens, so that
the index is what is measured. Per size: the full build and +10 articles with the embedding
time taken out (and the bytes the update wrote), a no-op run, load time and peak memory of a new
process, `retrieve` p50/p95 with and without filters, and the dense search's recall@10 against
exact search. Writes benchmarks/results/scale.json; work files under benchmarks/work/scale/.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from _shared import HERE, RTQA, indexed, percentiles, rows, save

from corpusqa import QA, Settings
from corpusqa.embed import Embedder, model_path

WORK = HERE / "work" / "scale"
OUTLETS = ["Daily Ledger", "Evening Post", "Harbour News", "Metro Wire", "Valley Times"]
SHARD = 500


class Timed(Embedder):
    """The stand-in model, with the seconds spent embedding documents counted."""

    seconds = 0.0

    def encode_document(self, texts: Any, progress: Any = None) -> np.ndarray:
        start = time.perf_counter()
        try:
            return super().encode_document(texts, progress)
        finally:
            self.seconds += time.perf_counter() - start


def stand_in_model(folder: Path) -> Path:
    """A random 1-layer sentence-transformers model, 384 wide, built once."""
    if (folder / "modules.json").exists():
        return folder
    import torch
    from transformers import BertConfig, BertModel

    torch.manual_seed(0)
    bundled = model_path("bundled")
    config = BertConfig(
        hidden_size=384,
        num_hidden_layers=1,
        num_attention_heads=6,
        intermediate_size=384,
        max_position_embeddings=512,
    )
    BertModel(config).save_pretrained(str(folder))
    for name in ("tokenizer.json", "tokenizer_config.json", "vocab.txt", "special_tokens_map.json"):
        shutil.copy(bundled / name, folder / name)
    (folder / "1_Pooling").mkdir(exist_ok=True)
    shutil.copy(bundled / "1_Pooling" / "config.json", folder / "1_Pooling" / "config.json")
    for name in ("modules.json", "config_sentence_transformers.json"):
        shutil.copy(bundled / name, folder / name)
    (folder / "sentence_bert_config.json").write_text(
        json.dumps({"max_seq_length": 32, "do_lower_case": False})
    )
    return folder


def sentences() -> list[str]:
    out = []
    for article in rows(RTQA / "articles.jsonl"):
        for para in article["text"].split("\n"):
            out += [s.strip() + "." for s in para.split(". ") if 40 <= len(s) <= 300]
    return out


def articles(n: int, pool: list[str], seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    made = []
    for i in range(n):
        day = 1 + rng.randrange(3 * 365)
        made.append(
            {
                "id": f"syn-{seed}-{i}",
                "title": rng.choice(pool)[:80],
                "outlet": rng.choice(OUTLETS),
                "published": f"{2020 + day // 365}-{1 + day % 365 // 31:02}-{1 + day % 28:02}",
                "text": "\n\n".join(rng.sample(pool, 8)),  # about 180 words: two chunks
            }
        )
    return made


def write_shards(corpus: Path, made: list[dict[str, Any]], prefix: str) -> None:
    for i in range(0, len(made), SHARD):
        lines = "\n".join(json.dumps(a) for a in made[i : i + SHARD])
        (corpus / f"{prefix}-{i // SHARD:05}.jsonl").write_text(lines + "\n", encoding="utf-8")


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def measure(chunks: int, model: Path, pool: list[str]) -> dict[str, Any]:
    work = WORK / str(chunks)
    shutil.rmtree(work, ignore_errors=True)
    corpus, index = work / "corpus", work / "index"
    corpus.mkdir(parents=True)
    write_shards(corpus, articles(chunks // 2, pool, seed=1), "base")
    settings = Settings.from_env(corpus_dir=corpus, index_dir=index, model=str(model))
    embedder = Timed(settings)
    qa = QA(settings, embedder=embedder)
    first = qa.build()
    full = first.seconds - embedder.seconds
    noop = qa.build()
    write_shards(corpus, articles(10, pool, seed=2), "new")
    before, embedder.seconds = _inodes(index), 0.0
    added = qa.build()
    out = {
        "chunks": added.chunks_total,
        "articles": chunks // 2 + 10,
        "build_seconds_without_embedding": round(full, 1),
        "embedding_seconds": round(first.seconds - full, 1),
        "noop_seconds": round(noop.seconds, 3),
        "add_10_seconds_without_embedding": round(added.seconds - embedder.seconds, 2),
        "add_10_bytes_written": _written(index, before),
    }
    out.update(_searches(qa, pool))
    out.update(_new_process(settings))
    return out


def _inodes(index: Path) -> set[int]:
    from corpusqa.store import current

    live = current(index)
    return {p.stat().st_ino for p in live.rglob("*") if p.is_file()} if live else set()


def _written(index: Path, before: set[int]) -> int:
    """Bytes of the files the update wrote: its version's files that are not hard links to the
    previous version's (the files record, a few KB, aside)."""
    from corpusqa.store import current

    live = current(index)
    files = [p for p in live.rglob("*") if p.is_file()] if live else []
    return sum(p.stat().st_size for p in files if p.stat().st_ino not in before)


def _searches(qa: QA, pool: list[str]) -> dict[str, Any]:
    rng = random.Random(3)
    questions = [" ".join(rng.choice(pool).split()[:12]) + "?" for _ in range(100)]
    qa.retrieve(questions[0])
    out: dict[str, Any] = {}
    for name, filters in (
        ("", {}),
        ("_filtered", {"outlets": [OUTLETS[0]], "since": "2021-01-01", "until": "2021-12-31"}),
    ):
        took = []
        for q in questions:
            start = time.perf_counter()
            qa.retrieve(q, k=5, **filters)
            took.append(time.perf_counter() - start)
        p = percentiles(took)
        out[f"retrieve{name}_p50_ms"], out[f"retrieve{name}_p95_ms"] = p["p50_ms"], p["p95_ms"]
    index = qa.searcher.index
    vectors = index.vectors()
    hits = []
    for q in questions:
        qvec = qa.embedder.encode_query(q)
        exact = set(np.argsort(-(vectors @ qvec))[:10].tolist())
        hits.append(len(exact & set(index.dense(qvec, 10))) / 10)
    out["segments"] = [f"{type(s.vectors).__name__} of {s.vectors.ntotal}" for s in index.segments]
    out["dense_recall@10"] = round(float(np.mean(hits)), 3)
    return out


def _new_process(settings: Settings) -> dict[str, Any]:
    """Load time and peak memory of a process that loads the index and answers one search.
    Peak memory is VmHWM: getrusage's maxrss would count the benchmark's own memory, inherited
    at fork."""
    code = (
        "import json, sys, time; t = time.perf_counter(); from corpusqa import QA, Settings; "
        f"qa = QA(Settings(corpus_dir={str(settings.corpus_dir)!r}, "
        f"index_dir={str(settings.index_dir)!r}, model={settings.model!r})); qa.searcher; "
        "load = time.perf_counter() - t; qa.retrieve('Who won the election?'); "
        "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]; "
        "print(json.dumps([load, int(hwm), 'torch' in sys.modules]))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    load, kb, torch = json.loads(done.stdout.strip().splitlines()[-1])
    return {"load_seconds": round(load, 2), "peak_rss_mb": round(kb / 1024), "torch": torch}


def ann_recall(size: int) -> dict[str, Any]:
    """The dense search's recall@10 against exact search on vectors like real ones: the stand-in
    model's are nearly parallel (cosine 0.96 to their mean, all-MiniLM-L6-v2's 0.29), which
    no approximate index handles as it would real text. So: real all-MiniLM-L6-v2 vectors of
    RealTime QA (its chunks and sentences, 77k), as many copies as needed with Gaussian noise
    (sigma 0.05 a dimension), 200 questions made the same way."""
    from corpusqa import dense

    index = indexed("rtqa", RTQA / "articles.jsonl").searcher.index
    table = index.sentences
    assert table is not None
    real = np.vstack([index.vectors(), np.asarray(table.vectors, dtype=np.float32)])
    rng = np.random.default_rng(0)

    def noisy(n: int) -> np.ndarray:
        x = real[rng.integers(0, len(real), n)] + rng.normal(0, 0.05, (n, real.shape[1]))
        return np.asarray(x / np.linalg.norm(x, axis=1, keepdims=True), dtype=np.float32)

    x, queries = noisy(size), noisy(200)
    start = time.perf_counter()
    ann = dense.build(x, x.shape[1])
    built = time.perf_counter() - start
    exact = dense.build(x, x.shape[1], ann_rows=size + 1)
    hits, took = [], []
    for q in queries:
        truth = {r for r, _ in dense.search(exact, q, 10)}
        start = time.perf_counter()
        found = {r for r, _ in dense.search(ann, q, 10)}
        took.append(time.perf_counter() - start)
        hits.append(len(truth & found) / 10)
    p = percentiles(took)
    filtered = _filtered_recall(ann, x, queries[:100], rng)
    return {"vectors": size, "search": type(ann).__name__, "build_seconds": round(built, 1),
            "recall@10": round(float(np.mean(hits)), 3), "p50_ms": p["p50_ms"],
            "p95_ms": p["p95_ms"], "filtered": filtered}  # fmt: skip


def _filtered_recall(ann: Any, x: np.ndarray, queries: np.ndarray, rng: Any) -> list[Any]:
    """Recall@10 and p50 of a search with a filter allowing a random share of the rows,
    against exact search over the allowed rows alone."""
    from corpusqa import dense

    out = []
    for share in (1 / 2, 1 / 5, 1 / 15, 1 / 33):
        mask = rng.random(len(x)) < share
        allowed = np.flatnonzero(mask)
        hits, took = [], []
        for q in queries:
            truth = set(allowed[dense.best(x[allowed] @ q, 10)].tolist())
            start = time.perf_counter()
            found = {r for r, _ in dense.search(ann, q, 10, mask)}
            took.append(time.perf_counter() - start)
            hits.append(len(truth & found) / 10)
        out.append({"share": round(share, 3), "recall@10": round(float(np.mean(hits)), 3),
                    "p50_ms": percentiles(took)["p50_ms"]})  # fmt: skip
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", nargs="*", type=int, default=[10_000, 100_000])
    parser.add_argument("--ann", nargs="*", type=int, default=[200_000, 1_000_000])
    parser.add_argument("--keep", action="store_true", help="keep the other sizes' figures")
    args = parser.parse_args()
    model = stand_in_model(WORK / "stand-in-model")
    pool = sentences()
    results: dict[str, Any] = {"sentences_in_pool": len(pool), "sizes": {}, "ann_real_vectors": []}
    if args.keep:  # add these sizes to the figures of an earlier run
        results = json.loads((HERE / "results" / "scale.json").read_text(encoding="utf-8"))
    for size in args.ann:
        measured = [m for m in results["ann_real_vectors"] if m["vectors"] != size]
        results["ann_real_vectors"] = [*measured, ann_recall(size)]
        print(results["ann_real_vectors"][-1], flush=True)
    for size in args.sizes:
        results["sizes"][str(size)] = measure(size, model, pool)
        print(size, results["sizes"][str(size)], flush=True)
    save("scale", results)


if __name__ == "__main__":
    main()
