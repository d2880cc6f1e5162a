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
from dataclasses import dataclass, replace
from typing import Protocol

from .agree import agreement, predicate, previous_sentences, topic, wrong_tense
from .candidates import candidates
from .entities import Entities, Entity
from .keyword import terms
from .lexicon import HONORIFIC, numbers
from .question import Need, analyse
from .records import REFUSAL, Candidate, Draft, Evidence
from .speakers import ROLES, STARTERS, Person, full_name
from .tuning import (
    FOLLOW,
    MARGIN,
    MIN_AGREE,
    MIN_FIT,
    MIN_SUPPORT,
    MIN_SUPPORT_PRECISE,
    MIN_TOPIC,
    POOL,
    SECOND_LOOK,
    W_AGENT,
    W_AGREE,
    W_CONSENSUS,
    W_FIT,
    W_NEAR,
    W_OWN,
    W_PREP,
    W_RECENT,
    W_RECENT_NOW,
    W_TIED,
    W_TOPIC,
    W_VERB,
    W_WINDOW,
    WINDOW,
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
        read = pool(evidence)
        draft = compose(need, read, self.entities.of([e.text for e in read]))
        if not draft.refused or not _precise(need):
            return draft
        more = read + [e for e in evidence[:SECOND_LOOK] if e not in read]
        if len(more) == len(read):
            return draft
        # Before saying the articles do not answer a question whose answer has a form few
        # spans have (an age, a time of day, a score), read further down the evidence: "a
        # 69-year-old French man" was the 17th sentence for "how old was the attacker?".
        # Of any type, the further sentences answered unanswerable questions instead.
        second = compose(need, more, self.entities.of([e.text for e in more]))
        return draft if second.refused else second


_SPACE = re.compile(r"\s*")


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


@dataclass(frozen=True)
class Scored:
    """A candidate with how well it answers (`_value`) and how well its sentence agrees."""

    value: float
    agree: float
    candidate: Candidate
    evidence: Evidence

    @property
    def checked(self) -> bool:
        """Whether it passes the constraint check: its sentence agrees with the question and
        the span is of the asked-for type."""
        return self.agree >= MIN_AGREE and self.candidate.fit >= MIN_FIT


def rank(
    need: Need, evidence: Sequence[Evidence], entities: Sequence[tuple[Entity, ...]]
) -> list[Scored]:
    """Every candidate of the asked-for type in the evidence sentences, best first."""
    scored = []
    people = frozenset(
        x.text.split()[-1] for found in entities for x in found if x.label == "PERSON"
    )
    for e, found in zip(evidence, entities, strict=True):
        said = predicate(need, e)
        # "Where was he born?": a sentence that does not report the birth is not evidence.
        about = topic(need, e)
        agree = agreement(need, e) if about >= MIN_TOPIC and said != 0 else 0.0
        before = previous_sentences(e.article.body, e.span[0])
        for c in candidates(need, e.text, found, e.article.body, before, people):
            if wrong_tense(need, c.text, e.article.published):
                continue
            value = _value(need, e, c, agree, about) + W_VERB * (said or 0.0)
            if _agent_of_another(need, e.text, c.start):
                value -= W_AGENT
            scored.append(Scored(value, agree, c, e))
    return sorted(scored, key=lambda x: -x.value)


def compose(
    need: Need, evidence: Sequence[Evidence], entities: Sequence[tuple[Entity, ...]]
) -> Draft:
    """The best candidate of the asked-for type, from a sentence that agrees with the question,
    or a refusal that says what the closest sentence does report."""
    good = [x for x in rank(need, evidence, entities) if x.checked]
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


def _value(need: Need, e: Evidence, c: Candidate, agree: float, about: float) -> float:
    """How well a candidate answers: its sentence's evidence score (recency counting more for
    "this week"), the sentence's agreement and topic, the span's type fit and its place."""
    return (
        e.score * float(e.recent ** (W_RECENT_NOW if need.now else W_RECENT))
        + W_AGREE * agree
        + W_FIT * c.fit
        + W_NEAR * _nearness(need, e.text, c.start)
        + W_TOPIC * about
        + W_WINDOW * _window(need, e.text, c)
        + W_TIED * c.tied
        + W_PREP * _after_prep(need, e.text, c.start)
        + W_OWN * _owns_number(need, e.text, c)
    )


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
    fullest = full_name(Person(c.text, c.text.split()[-1], 0, 0), e.article.body)
    if len(fullest) > len(c.text) and fullest.endswith(c.text):  # not Eddie for Ryan Murphy
        return fullest
    title = HONORIFIC.search(e.text[: c.start])
    name = f"{title.group()}{c.text}" if title else c.text
    return f"{name}, {c.appos}" if c.appos else name


def _silent(need: Need, closest: Evidence) -> Draft:
    words = closest.text.split()
    said = " ".join(words[:40]) + (" …" if len(words) > 40 else "")
    asked = f", but not {need.asked}" if len(need.asked.split()) > 1 else ""
    text = f"{REFUSAL} The closest the articles come: “{_strip_end(said)}” [1]{asked}."
    return Draft(text, (closest,), refused=True)


_BY = re.compile(r"\b([a-z]+ed)\s+by\s+(?:[a-z]+\s+){0,2}$")


def _agent_of_another(need: Need, sentence: str, at: int) -> bool:
    """ "The Fabelmans won best director ..., hosted by comedian Jerrod Carmichael": the one
    who did something the question does not ask about (hosted), not who won."""
    m = _BY.search(sentence[:at])
    if m is None:
        return False
    return not set(terms(m.group(1))) & {*need.relation, *need.verbs, *need.role}


def _window(need: Need, sentence: str, c: Candidate) -> float:
    """The share of the question's words (what it says happened, and its names) found within
    WINDOW characters either side of the candidate: the answer sits among what is asked."""
    end = c.start + len(c.text)
    near = [
        t
        for m in re.finditer(r"[\w'-]+", sentence)
        if (m.end() <= c.start and c.start - m.end() < WINDOW)
        or (m.start() >= end and m.start() - end < WINDOW)
        for t in terms(m.group())[:1]
    ]
    wanted = set(need.relation) | {t for n in need.names for t in terms(n)}
    return len(wanted & set(near)) / len(wanted) if wanted else 0.0


def _after_prep(need: Need, sentence: str, at: int) -> float:
    """1 when the candidate follows the preposition the question puts before its wh-word
    ("pushed back from 2023 to 2025" for "to what year"), an article between them or not, or
    one of the question's verbs ("injured four others" for "how many did he injure?")."""
    before = [w.lower() for w in sentence[:at].split()[-2:]]
    if before[-1:] and before[-1] in {"the", "a", "an"}:
        before = before[:-1]
    if not before:
        return 0.0
    if need.prep and before[-1] == need.prep:
        return 1.0
    stem = terms(before[-1])[:1]
    return 1.0 if stem and stem[0] in need.verbs else 0.0


_NUMBER_IN = re.compile(r"(?<![\w.])\d[\d,.]*\d?s?\b")


def _owns_number(need: Need, sentence: str, c: Candidate) -> float:
    """1 when the number beside the candidate is one the question gives: after an amount
    ("just 7.8% of people in their 20s", not "About 30% of people in their 40s"), before a
    date ("9.7 billion in 2050", not "10.4 billion in 2100"). For amounts and dates only."""
    given = set(need.numbers) - set(need.years)
    if need.kind not in {"number", "date"} or not given:
        return 0.0
    if need.kind == "number":
        beside = _NUMBER_IN.search(sentence, c.start + len(c.text))
    else:
        beside = next(reversed(list(_NUMBER_IN.finditer(sentence, 0, c.start))), None)
    found = numbers(beside.group()) if beside else []
    return 1.0 if found and found[0] in given else 0.0


def _nearness(need: Need, sentence: str, at: int) -> float:
    """1 when the candidate stands next to one of the question's words, less further away."""
    anchors = [
        m.start()
        for m in re.finditer(r"[\w'-]+", sentence)
        if (t := terms(m.group())) and t[0] in need.terms
    ]
    if not anchors:
        return 0.0
    gap = min(abs(at - a) for a in anchors)
    return 1.0 / (1.0 + gap / 40)


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
