"""Short extractive answers with numbered citations that are checked before they are shown.

`question.analyse` says what the question asks for (a person with a role, a number, a date, a
place, ...) and what it already states (names, numbers, years). The answer is the best span of
that type (`candidates`) in a sentence that agrees with those constraints; when no such
sentence holds one, the question is refused and the closest sentence is shown for what it does
report. Every `[n]` marker is then checked by `verify`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from .entities import Entities, Entity
from .keyword import terms
from .lexicon import HONORIFIC
from .question import Need, analyse
from .ranking import Scored, rank
from .records import REFUSAL, Candidate, Draft, Evidence
from .referents import described, earlier
from .speakers import ROLES, STARTERS, Person, full_name
from .tuning import (
    FOLLOW,
    MARGIN,
    MIN_SUPPORT,
    MIN_SUPPORT_PRECISE,
    POOL,
    SECOND_LOOK,
    W_CONSENSUS,
)


class Writer(Protocol):
    """Writes an answer from scored evidence sentences: the extractive writer below, or a
    language model (`llm.LLM`). Either way `verify` checks the draft's markers."""

    name: str

    def write(self, question: str, evidence: Sequence[Evidence]) -> Draft: ...


class Extractive:
    """The default writer: the asked-for span from the evidence, or a refusal."""

    name = "extractive"

    def __init__(self, entities: Entities) -> None:
        self.entities = entities

    def write(self, question: str, evidence: Sequence[Evidence]) -> Draft:
        need = analyse(self.entities.parse(question))
        if _AMONG_OPTIONS.search(question):  # a quiz's "all of these ... except:", options cut
            return _silent(need, evidence[0], _NO_OPTIONS)
        read = pool(evidence)
        draft = self._compose(need, read)
        if not draft.refused or not _precise(need):
            return draft
        more = read + [e for e in evidence[:SECOND_LOOK] if e not in read]
        if len(more) == len(read):
            return draft
        # Before saying the articles do not answer a question whose answer has a form few
        # spans have (an age, a time of day, a score), read further down the evidence: "a
        # 69-year-old French man" was the 17th sentence for "how old was the attacker?".
        # Of any type, the further sentences answered unanswerable questions instead.
        second = self._compose(need, more)
        return draft if second.refused else second

    def _compose(self, need: Need, read: list[Evidence]) -> Draft:
        return compose(need, read, *read_entities(self.entities, need, read))


_SPACE = re.compile(r"\s*")
# Which of several options is not so can only be told with the options.
_AMONG_OPTIONS = re.compile(r"\bexcept\s*[:?.…]*\s*$", re.I)
_NO_OPTIONS = "It asks which of its options is not so, and gives none: ask about each one."


def _precise(need: Need) -> bool:
    return need.asks_age or need.asks_time or need.asks_score


def pool(evidence: Sequence[Evidence]) -> list[Evidence]:
    """The sentences worth reading closely: the best few, near the best score, and the
    sentence after each of the best FOLLOW ("... the second elected world leader to give
    birth in office. The first was Benazir Bhutto ...")."""
    best = evidence[0].score
    read = [e for e in evidence[:POOL] if e.score >= best - MARGIN]
    after = {(e.article.id, e.span[0]): e for e in evidence}
    for e in evidence[:FOLLOW]:
        start = _SPACE.match(e.article.body, e.span[1]).end()  # type: ignore[union-attr]
        nxt = after.get((e.article.id, start))
        if nxt is not None and nxt not in read:
            read.append(nxt)
    return read


def read_entities(
    entities: Entities, need: Need, read: Sequence[Evidence]
) -> tuple[list[tuple[Entity, ...]], list[list[tuple[str, tuple[Entity, ...]]]]]:
    """What `rank` reads besides the sentences: their entities, and for a sentence that says
    "..., the retailer said", the sentences before it with theirs (`referents`)."""

    def before(e: Evidence) -> list[tuple[str, tuple[Entity, ...]]]:
        texts = earlier(e)
        return list(zip(texts, entities.of(texts), strict=True))

    earlier_ones = [before(e) if described(need, e.text) else [] for e in read]
    return entities.of([e.text for e in read]), earlier_ones


def compose(
    need: Need,
    evidence: Sequence[Evidence],
    entities: Sequence[tuple[Entity, ...]],
    earlier: Sequence[Sequence[tuple[str, tuple[Entity, ...]]]] = (),
) -> Draft:
    """The best candidate of the asked-for type, from a sentence that agrees with the question,
    or a refusal that says what the closest sentence does report."""
    good = [x for x in rank(need, evidence, entities, earlier) if x.checked]
    if need.kind == "identity":
        good = _by_consensus(good)
    support = MIN_SUPPORT_PRECISE if _precise(need) else MIN_SUPPORT
    if not good or good[0].value < support:  # nothing, or too little backs the best one
        return _silent(need, evidence[0])
    c, e = good[0].candidate, good[0].evidence
    used = [replace(e, speaker=c.key or None)]
    if c.key:  # the same person in other articles' sentences backs the answer too
        others = [x.evidence for x in good if x.candidate.key == c.key]
        used += [replace(o, speaker=c.key) for o in _one_per_article([e, *others])[1:3]]
    marks = "".join(f"[{i}]" for i in range(1, len(used) + 1))
    return Draft(f"{_form(need, c, e)} {marks}.", tuple(used))


def _by_consensus(good: list[Scored]) -> list[Scored]:
    """Who a person is as most mentions say it: each description gains W_CONSENSUS for every
    other that shares a word of it ("Prime Minister Jacinda Ardern" thrice, before one
    speech's "Jacinda Ardern, an accomplished female leader")."""
    words = [set(terms(x.candidate.role)) - set(terms(x.candidate.text)) for x in good]

    def backed(i: int) -> float:
        return sum(bool(words[i] & w) for j, w in enumerate(words) if j != i) * W_CONSENSUS

    order = sorted(range(len(good)), key=lambda i: -(good[i].value + backed(i)))
    return [replace(good[i], value=good[i].value + backed(i)) for i in order]


def _form(need: Need, c: Candidate, e: Evidence) -> str:
    if need.kind == "identity" and c.role:
        return c.role  # "Pentagon press secretary John Kirby", as the sentence says it
    if need.kind in {"person", "identity"}:
        return _person(c, e)
    if need.kind in {"place", "org"}:
        return _fullest(_strip_end(c.text), e.article.body)
    return _strip_end(c.text)


def _fullest(name: str, body: str) -> str:
    """A place or organisation by the fullest name the article gives it mid-sentence (where a
    capital starts a name, not a sentence): "San Francisco Bay Area" for a later "Bay Area"."""
    the, name = ("the ", name[4:]) if name.startswith("the ") else ("", name)
    if not name[:1].isupper():
        return the + name
    longer = [
        m.group(1) + name
        for m in re.finditer(rf"(?<=[a-z,] )((?:[A-Z][\w&-]* ){{1,3}}){re.escape(name)}\b", body)
        if not {w.lower() for w in m.group(1).split()} & (STARTERS | ROLES)
    ]
    return max(longer, key=len) if longer else the + name


def _person(c: Candidate, e: Evidence) -> str:
    """A name with the role the article gives: its fullest mention, or name plus apposition."""
    body = e.article.body
    fullest = full_name(Person(c.text, c.text.split()[-1], 0, 0), body)
    if len(fullest) > len(c.text) and fullest.endswith(c.text):  # not Eddie for Ryan Murphy
        # "Hall of Famer Hank Aaron", "Airlines for America chief Nick Calio": a title with
        # "of" or "for" in it, which a mention's capitalised run stops at.
        of = re.search(rf"\b((?:[A-Z][\w'’-]*\s+)+(?:of|for)\s+){re.escape(fullest)}", body)
        title = of.group(1).split() if of else []
        while title and title[0].lower() in STARTERS:  # not "And Chinese Ministry of ..."
            title.pop(0)
        titled = " ".join([*title, fullest]) if {"of", "for"} & set(title) else fullest
        # "former Vice President Mike Pence": a title no longer (or not fully) held says so.
        was = re.search(rf"\b({_NO_LONGER})\s*{re.escape(titled)}", body, re.I)
        return f"{was.group(1).lower()} {titled}".replace("- ", "-") if was else titled
    title = HONORIFIC.search(e.text[: c.start])
    name = f"{title.group()}{c.text}" if title else c.text
    return f"{name}, {c.appos}" if c.appos else name


_NO_LONGER = r"former|ex-|then-|outgoing|late|acting|interim"


def _silent(need: Need, closest: Evidence, why: str = "") -> Draft:
    words = closest.text.split()
    said = " ".join(words[:40]) + (" …" if len(words) > 40 else "")
    unsaid = need.unsaid or (need.asked if len(need.asked.split()) > 1 else "")
    asked = f", but not {unsaid}" if unsaid and not why else ""
    lead = f"{REFUSAL} {why}" if why else REFUSAL
    text = f"{lead} The closest the articles come: “{_strip_end(said)}” [1]{asked}."
    return Draft(text, (closest,), refused=True)


def _one_per_article(items: list[Evidence]) -> list[Evidence]:
    seen: set[str] = set()
    out = []
    for e in items:
        if e.article.id not in seen:
            seen.add(e.article.id)
            out.append(e)
    return out


def _strip_end(text: str) -> str:
    """The span without its full stop, which the answer adds; not the dot of "p.m."."""
    text = text.rstrip()
    return text if re.search(r"\b[a-z]\.[a-z]\.$", text) else text.rstrip(".")
