"""Index build and query cost on RealTime QA 2023-01 (782 real articles, 120 questions).

    .venv/bin/python benchmarks/build.py

Reads ../shared/benchmarks/realtimeqa-2023-01/ by path; works under benchmarks/work/ (ignored by
git) and writes benchmarks/results/build.json.
"""

from __future__ import annotations

import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

from _shared import HERE, RTQA, percentiles, rows, save

from corpusqa import QA, Settings

WORK = HERE / "work" / "build"
HELD_OUT = 10


def main() -> None:
    lines = (RTQA / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    questions = [q["question"] for q in rows(RTQA / "questions.jsonl")]
    corpus, index = WORK / "corpus", WORK / "index"
    subprocess.run(["rm", "-rf", str(WORK)], check=True)
    corpus.mkdir(parents=True)
    (corpus / "articles.jsonl").write_text("\n".join(lines[:-HELD_OUT]) + "\n", encoding="utf-8")
    qa = QA(Settings.from_env(corpus_dir=corpus, index_dir=index))
    qa.embedder.encode_query("warm up")  # model load is reported as cold start, not build

    first = qa.build()
    rerun = qa.build()
    (corpus / "new.jsonl").write_text("\n".join(lines[-HELD_OUT:]) + "\n", encoding="utf-8")
    added = qa.build()
    qa.retrieve(questions[0])
    latencies = []
    for q in questions:
        t = time.perf_counter()
        qa.retrieve(q, k=5)
        latencies.append(time.perf_counter() - t)
    took = percentiles(latencies)
    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, torch threads default, "
        f"bf16={qa.embedder.bf16}",
        "articles": first.added + added.added,
        "chunks": added.chunks_total,
        "build_seconds": round(first.seconds, 1),
        "sentences": first.sentences_embedded,
        "embedded_per_second": round(
            (first.chunks_embedded + first.sentences_embedded) / first.seconds, 1
        ),
        "index_mb": round(_size(index) / 2**20, 1),
        "rerun_unchanged_seconds": round(rerun.seconds, 2),
        "add_10_articles_seconds": round(added.seconds, 2),
        "add_10_chunks_embedded": added.chunks_embedded,
        "add_10_sentences_embedded": added.sentences_embedded,
        "retrieve_p50_ms": took["p50_ms"],
        "retrieve_p95_ms": took["p95_ms"],
        "cold_start_seconds": round(_cold_start(index, questions[0]), 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    save("build", result)


def _size(folder: Path) -> int:
    from corpusqa.store import current

    live = current(folder)
    return sum(p.stat().st_size for p in live.rglob("*") if p.is_file()) if live else 0


def _cold_start(index: Path, question: str) -> float:
    code = f"import corpusqa; corpusqa.retrieve({question!r}, index_dir={str(index)!r})"
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - t


if __name__ == "__main__":
    main()
