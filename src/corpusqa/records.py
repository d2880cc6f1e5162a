"""The frozen records that flow between the pipeline stages.

Ids survive from file to citation: an `Article.id` comes from the file (or the JSONL record),
a `Chunk.id` is `<article id>#<position>`, and passages and citations carry both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int]


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    body: str  # cleaned text; every offset in corpusqa points into it
    source: str  # file path or URL
    outlet: str | None = None
    published: str | None = None  # ISO date
    byline: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Chunk:
    id: str
    article_id: str
    text: str  # == article.body[start:end]
    start: int
    end: int
    sentences: tuple[Span, ...] = ()  # sentence spans inside the article body


@dataclass(frozen=True)
class Passage:
    text: str
    score: float
    article_id: str
    chunk_id: str
    title: str
    outlet: str | None
    published: str | None
    source: str
    start: int
    end: int


@dataclass(frozen=True)
class Citation:
    n: int
    article_id: str
    title: str
    outlet: str | None
    published: str | None
    source: str
    quote: str  # verbatim: article.body[start:end]
    start: int
    end: int
    context: str = ""  # the paragraph the quote sits in
    context_start: int = 0


REFUSAL = "The corpus does not answer this question."


@dataclass(frozen=True)
class Answer:
    question: str
    text: str
    citations: tuple[Citation, ...] = ()
    passages: tuple[Passage, ...] = ()
    refused: bool = False
    query: str = ""  # the standalone query actually retrieved with
    notes: tuple[str, ...] = field(default_factory=tuple)

    @classmethod
    def refusal(
        cls,
        question: str,
        query: str = "",
        passages: tuple[Passage, ...] = (),
        notes: tuple[str, ...] = (),
    ) -> Answer:
        """The plain refusal, with the closest passages as related reading."""
        return cls(question, REFUSAL, (), passages, True, query or question, notes)


_ZERO_WIDTH = str.maketrans(dict.fromkeys("\u200b\u200c\u2060\ufeff", " "))


@dataclass(frozen=True)
class Evidence:
    """A sentence of a retrieved passage, scored as an answer to the question."""

    article: Article
    span: Span
    score: float
    rank: int  # of its passage
    speaker: str | None = None  # the surname the answer attributes this sentence to
    recent: float = 1.0  # retrieval's recency factor for its article, from the question's date

    @property
    def text(self) -> str:
        """The sentence as the answer rules read it: a zero-width space (U+200B) between
        words is a space to them; the offsets stay those of the body, and quotes come from it."""
        return self.article.body[self.span[0] : self.span[1]].translate(_ZERO_WIDTH)


@dataclass(frozen=True)
class Candidate:
    """A span of an evidence sentence that could answer the question."""

    text: str  # the short answer, as the article writes it
    start: int  # in the sentence
    fit: float  # 0..1: how well it is of the asked-for type (and role)
    key: str = ""  # people: the surname, to group mentions of one person
    role: str = ""  # people: every word the article uses for who they are
    appos: str = ""  # people: the apposition after the name ("an astronomer at ...")
    tied: bool = False  # written as what the question's person belongs to ("Bills safety X")


@dataclass(frozen=True)
class Draft:
    """What every answer writer returns, extractive or a language model: text with [n] markers
    and the evidence each marker stands for, before `verify` checks them. An empty text means
    "nothing to offer"; `notes` say why."""

    text: str
    used: tuple[Evidence, ...] = ()
    refused: bool = False
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class SentenceTable:
    """Every distinct sentence of an index's chunks, embedded at build time and stored as
    float16, so that a question embeds only itself."""

    rows: Sequence[tuple[int, ...]]  # per chunk row: its sentences' rows in `vectors`
    vectors: Any  # (sentences, dim) float16 array, memory-mapped from disk when loaded


@dataclass(frozen=True)
class IndexStatus:
    """What the shells show of the loaded index."""

    folder: str
    articles: int
    chunks: int
    created: str  # ISO time the version was built
    outlets: tuple[str, ...] = ()
