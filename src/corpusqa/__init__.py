"""corpusqa: cited answers from a folder of news articles, offline.

    import corpusqa
    corpusqa.build_index()                      # corpus/ -> index/, incremental
    corpusqa.retrieve("who doubted the withdrawal?", k=3)
    corpusqa.ask("who doubted the withdrawal?")

Nothing heavy happens at import time: the model and the index load on first use and stay loaded.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from .build import BuildReport, Progress
from .errors import (
    ArticleError,
    CorpusError,
    CorpusQAError,
    FilterError,
    IndexBusyError,
    IndexDamagedError,
    IndexMismatchError,
    IndexMissingError,
    LLMError,
    ModelError,
    QuestionError,
    SettingsError,
)
from .filters import Filters
from .qa import QA
from .records import Answer, Article, Chunk, Citation, IndexStatus, Passage
from .settings import Settings

__all__ = [
    "QA",
    "Answer",
    "Article",
    "ArticleError",
    "BuildReport",
    "Chunk",
    "Citation",
    "CorpusError",
    "Filters",
    "IndexStatus",
    "CorpusQAError",
    "FilterError",
    "IndexBusyError",
    "IndexDamagedError",
    "IndexMismatchError",
    "IndexMissingError",
    "LLMError",
    "ModelError",
    "Passage",
    "QuestionError",
    "Settings",
    "SettingsError",
    "ask",
    "build_index",
    "retrieve",
]


@lru_cache(maxsize=4)
def _qa(settings: Settings) -> QA:
    return QA(settings)


def _default(**overrides: Any) -> QA:
    return _qa(Settings.from_env(**overrides))


def build_index(
    corpus_dir: str | Path | None = None,
    index_dir: str | Path | None = None,
    *,
    progress: Progress | None = None,
    rebuild: bool = False,
) -> BuildReport:
    """Index `corpus_dir` into `index_dir` (defaults: settings), embedding only what changed."""
    qa = _default(corpus_dir=corpus_dir, index_dir=index_dir)
    return qa.build(progress=progress, rebuild=rebuild)


def retrieve(
    question: str,
    *,
    k: int | None = None,
    filters: Filters | None = None,
    outlets: Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
    as_of: str | None = None,
    mode: str | None = None,
    index_dir: str | Path | None = None,
) -> list[Passage]:
    """The k best passages for `question` (default CORPUSQA_TOP_K), best first; `as_of` is the
    date it is asked on."""
    return _default(index_dir=index_dir).retrieve(
        question,
        k=k,
        filters=filters,
        outlets=outlets,
        since=since,
        until=until,
        as_of=as_of,
        mode=mode,
    )


def ask(
    question: str,
    *,
    history: Sequence[Any] | None = None,
    filters: Filters | None = None,
    outlets: Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
    as_of: str | None = None,
    index_dir: str | Path | None = None,
) -> Answer:
    """A short answer with verified citations, or a refusal when the corpus is silent."""
    return _default(index_dir=index_dir).ask(
        question,
        history=history,
        filters=filters,
        outlets=outlets,
        since=since,
        until=until,
        as_of=as_of,
    )
