"""Which organisation "the company" is: a sentence that names one only by what it is ("...,"
the retailer said in a statement") speaks of the one the sentence before it opens with, or
the one before that, or the headline's ("Moderna said it's developing a booster ... . The
subvariant is largely extinct, but the company said ...")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .chunk import previous_sentences
from .entities import Entity
from .names import capitalised_by_place, mid_sentence
from .question import Need
from .records import Candidate, Evidence
from .speakers import STARTERS

_WHAT = (
    "company firm retailer chain airline carrier automaker carmaker drugmaker maker bank lender "
    "network studio startup brand giant broadcaster publisher insurer manufacturer operator"
)
# "the home goods retailer", "the company's"; not "the company Moderna", which names it.
_DESCRIBED = re.compile(
    rf"\b[Tt]he\s+(?:[a-z][\w-]*\s+){{0,2}}(?:{'|'.join(_WHAT.split())})\b(?!\s+[A-Z])"
)


def described(need: Need, sentence: str) -> bool:
    """Whether an organisation question's sentence names one by what it is."""
    return need.kind == "org" and _DESCRIBED.search(sentence) is not None


def earlier(e: Evidence) -> list[str]:
    """The sentences "the company" of `e` may point back to, nearest first, then the headline."""
    return [*reversed(previous_sentences(e.article.body, e.span[0], 2)), e.article.title]


def referents(
    need: Need,
    sentence: str,
    found: tuple[Entity, ...],
    before: Sequence[tuple[str, tuple[Entity, ...]]],
    body: str,
) -> list[Candidate]:
    """The organisation the sentence's "the company" is: the name that is the subject of the
    nearest of the `before` sentences (with their entities) that has one, as a candidate where
    the description stands. None when the sentence names an organisation itself, which the
    description is more likely to be."""
    if not before or any(e.label == "ORG" for e in found):
        return []
    m = _DESCRIBED.search(sentence)
    if m is None:
        return []
    for text, entities in before:
        name = _subject(text, entities, body)
        if name and need.is_new(name):
            # Keyed like a speaker, so the cited quote reaches back to the sentence naming it.
            return [Candidate(name, m.start(), 0.8, key=name.lower())]
    return []


# "Moderna said", "NEW YORK – Struggling Bed Bath & Beyond warned", "Airbus (EADSF) followed".
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:&\s+)?[A-Z][\w'’.-]*){0,4}"
_SUBJECT = re.compile(rf"^(?:[A-Z][A-Z .,]+\s*[–—-]+\s*)?({_NAME})(?:\s+\([A-Z]+\))?\s+(?=[a-z])")
_NOT_ORG = frozenset({"GPE", "LOC", "NORP", "DATE", "TIME", "CARDINAL"})


def _subject(text: str, entities: tuple[Entity, ...], body: str) -> str:
    """The name a sentence opens with as its subject, when it can be an organisation's."""
    m = _SUBJECT.match(text.strip())
    if m is None:
        return ""
    words = m.group(1).split()
    if len(words) > 1 and capitalised_by_place(words[0], 0, body):
        words = words[1:]  # "Struggling Bed Bath & Beyond"
    name = " ".join(words)
    if len(words) == 1 and not _a_name(name, entities, body):
        return ""  # "Shares lost a quarter of their value"
    for e in entities:
        if name in e.text and (e.label in _NOT_ORG or (e.label == "PERSON" and len(words) > 1)):
            return ""
    before = re.findall(rf"\b([A-Z][a-z]+)\s+{re.escape(name)}\b", body)
    if len(words) == 1 and any(w.lower() not in STARTERS for w in before):
        return ""  # "Chang said": the surname of "Michael Chang"; not "While Moderna ..."
    return name


def _a_name(word: str, entities: tuple[Entity, ...], body: str) -> bool:
    """A single capitalised word that opens a sentence is a name when the entity model says
    so or the article capitalises it mid-sentence too."""
    if capitalised_by_place(word, 0, body):
        return False
    return mid_sentence(word, body) or any(e.text == word for e in entities)
