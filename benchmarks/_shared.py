"""What the benchmark scripts share: the data folder, indexing it once, percentiles."""

from __future__ import annotations

import json
import os
import shutil
import statistics
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from corpusqa import QA, Settings  # noqa: E402

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1] / "shared" / "benchmarks"
RTQA = SHARED / "realtimeqa-2023-01"
SCIFACT = SHARED / "scifact"
# Sets in newsqa-dev's form written for this project over other RealTime QA articles (each
# file's "about" says how): name -> file. extra, silence, types1-33 and blind3 are tuned on;
# heldout, blind, blind2, blind4, blind5 and blind6 were each scored blind and are held out, like
# newsqa-dev's odd ids.
OWN_SETS = {
    name: HERE / "data" / f"newsqa-{name}.json"
    for name in (
        "extra",
        "silence",
        "types",
        "types2",
        "types3",
        "types4",
        "types5",
        "types6",
        "types7",
        "types8",
        "types9",
        "types10",
        "types11",
        "types12",
        "types13",
        "types14",
        "types15",
        "types16",
        "types17",
        "types18",
        "types19",
        "types20",
        "types21",
        "types22",
        "types23",
        "types24",
        "types25",
        "types26",
        "types27",
        "types28",
        "types29",
        "types30",
        "types31",
        "types32",
        "types33",
        "heldout",
        "blind",
        "blind2",
        "blind3",
        "blind4",
        "blind5",
        "blind6",
    )
}


def rows(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def indexed(name: str, source: Path, **settings: Any) -> QA:
    """A QA over `source` (a JSONL file), indexed under benchmarks/work/<name>/ (incremental)."""
    corpus = HERE / "work" / name / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    copy = corpus / source.name
    # A copy, not a link: corpusqa skips links that lead out of the corpus folder.
    if copy.is_symlink() or not copy.exists() or copy.stat().st_size != source.stat().st_size:
        copy.unlink(missing_ok=True)
        shutil.copyfile(source, copy)
    qa = QA(Settings.from_env(corpus_dir=corpus, index_dir=corpus.parent / "index", **settings))
    report = qa.build()
    print(f"[{name}] {report.summary()} ({report.seconds:.0f} s)", flush=True)
    return qa


def as_of(question: dict[str, Any], window: int) -> dict[str, str | None]:
    """Retrieval arguments for asking on the question's date (the recency prior counts from
    it); with a `window`, only the articles of the `window` days up to it."""
    if not window:
        return {"since": None, "until": None, "as_of": question["date"]}
    from datetime import date, timedelta

    asked = date.fromisoformat(question["date"])
    return {
        "since": (asked - timedelta(days=window)).isoformat(),
        "until": asked.isoformat(),
        "as_of": question["date"],
    }


def answer_in(passages: list, answers: list[str], k: int) -> bool:
    """RealTime QA's hit: a correct option's text in the top k passages."""
    text = " ".join(p.text for p in passages[:k]).lower()
    return any(a.lower() in text for a in answers)


def percentiles(seconds: list[float]) -> dict[str, int]:
    ordered = sorted(seconds)
    return {
        "p50_ms": round(statistics.median(ordered) * 1000),
        "p95_ms": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] * 1000),
    }


def save(name: str, result: dict[str, Any]) -> None:
    out = HERE / "results" / f"{name}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    # Per-question rows go to the file only.
    print(json.dumps({k: v for k, v in result.items() if not k.endswith("_rows")}, indent=1))
