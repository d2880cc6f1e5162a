"""How well each candidate answers: its fit, its sentence's agreement with the question and
the share of what the question says happened that it says, how near it sits to the question's
words, after the question's preposition, and how recent its article is."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from .acts import agent_of, agent_of_another, by_its_verb, done_by_another, in_another_clause
from .agree import (
    agreement,
    is_outlet,
    predicate,
    topic,
)
from .candidates import candidates
from .chunk import previous_sentences
from .entities import Entity
from .keyword import terms
from .numerals import IN_YEAR, numbers
from .question import Need
from .records import Candidate, Evidence
from .referents import referents
from .roles import act_forms, tells_the_act
from .tense import reports_past, wrong_tense
from .tuning import ANSWER_WEIGHTS, MIN_AGREE, MIN_FIT, MIN_TOPIC, W_RECENT, W_RECENT_NOW, WINDOW


@dataclass(frozen=True)
class Scored:
    """A candidate with how well it answers (its `features` weighed by `ANSWER_WEIGHTS`) and
    how well its sentence agrees."""

    value: float
    agree: float
    candidate: Candidate
    evidence: Evidence
    features: Mapping[str, float] = field(default_factory=dict)

    @property
    def checked(self) -> bool:
        """Whether it passes the constraint check: its sentence agrees with the question and
        the span is of the asked-for type."""
        return self.agree >= MIN_AGREE and self.candidate.fit >= MIN_FIT


def rank(
    need: Need,
    evidence: Sequence[Evidence],
    entities: Sequence[tuple[Entity, ...]],
    earlier: Sequence[Sequence[tuple[str, tuple[Entity, ...]]]] = (),
) -> list[Scored]:
    """Every candidate of the asked-for type in the evidence sentences, best first; `earlier`
    has the entities of the sentences before each (`referents.earlier`), where it says "the
    company" of an organisation named there."""
    scored = []
    people = _people(entities)
    acts = act_forms(need)
    earlier = earlier or [()] * len(evidence)
    for e, found, prior in zip(evidence, entities, earlier, strict=True):
        said = predicate(need, e)
        # "Where was he born?": a sentence that does not report the birth is not evidence.
        about = topic(need, e)
        agree = agreement(need, e) if about >= MIN_TOPIC and said != 0 else 0.0
        before = previous_sentences(e.article.body, e.span[0])
        if reports_past(need, e.text):
            continue
        found_here = candidates(need, e.text, found, e.article.body, before, people)
        if need.kind == "org" and need.head not in _MEDIA:  # "CNN was first to report"
            found_here = [_not_the_outlet(c, e.article.outlet) for c in found_here]
        for c in found_here + referents(need, e.text, found, prior, e.article.body):
            if wrong_tense(need, c.text, e.article.published):
                continue
            # "Who founded it?": a sentence quoting its president is no evidence of that.
            fits = agree if tells_the_act(acts, e.text, c.role) else 0.0
            parts = features(need, e, c, fits, about, said)
            scored.append(Scored(weigh(parts), fits, c, e, parts))
    return sorted(scored, key=lambda x: -x.value)


def _people(entities: Sequence[tuple[Entity, ...]]) -> frozenset[str]:
    """The surnames the entity model calls people at least as often as anything else: not "Meta",
    a person in "What is Meta?" but an organisation in every other sentence."""
    labels = Counter((x.text.split()[-1], x.label == "PERSON") for f in entities for x in f)
    return frozenset(
        name for name, person in labels if person and labels[name, True] >= labels[name, False]
    )


_MEDIA = frozenset("network outlet broadcaster channel publication newspaper magazine".split())


def _not_the_outlet(c: Candidate, outlet: str | None) -> Candidate:
    """The article's own outlet ("told CNN") is rarely the organisation a question asks for."""
    return replace(c, fit=c.fit * 0.3) if is_outlet(c.text, outlet) else c


def weigh(parts: Mapping[str, float]) -> float:
    """A candidate's value: each of its features times its weight."""
    return sum(ANSWER_WEIGHTS[name] * x for name, x in parts.items())


def features(
    need: Need, e: Evidence, c: Candidate, agree: float, about: float, said: float | None
) -> dict[str, float]:
    """What a candidate's value is made of: its sentence's evidence score (recency counting
    more for "this week"), agreement, topic and verb, the span's type fit and its place."""
    return {
        "evidence": e.score * float(e.recent ** (W_RECENT_NOW if need.now else W_RECENT)),
        "agree": agree,
        "fit": c.fit,
        "near": _nearness(need, e.text, c.start),
        "topic": about,
        "window": _window(need, e.text, c),
        "tied": float(c.tied),
        "prep": _after_prep(need, e.text, c.start),
        "own": _owns_number(need, e.text, c),
        "verb": said or 0.0,
        "agent": float(
            agent_of_another(need, e.text, c.start) or done_by_another(need, e.text, c.start)
        ),
        "clause": float(in_another_clause(need, e.text, c.start)),
        "beside": float(by_its_verb(need, e.text, c)),
    }


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
    one of the question's verbs ("injured four others" for "how many did he injure?") or its
    "by" ("conducted by Thomas Wilkins" for "who conducted it?")."""
    before = [w.lower() for w in sentence[:at].split()[-2:]]
    if before[-1:] and before[-1] in {"the", "a", "an"}:
        before = before[:-1]
    if not before:
        return 0.0
    if need.prep and before[-1] == need.prep:
        return 1.0
    if before[-1] == "by" and agent_of(sentence, at) & set(need.verbs):  # "conducted by X"
        return 1.0
    stem = terms(before[-1])[:1]
    return 1.0 if stem and stem[0] in need.verbs else 0.0


_OF_NAME = re.compile(r"(?:\s+[a-z]+){0,2}?\s+(?:on|from|in|at|for)\s+(?:the\s+)?([A-Z][\w'’-]+)")
_NUMBER_IN = re.compile(r"(?<![\w.])\d[\d,.]*\d?s?\b")


def _owns_number(need: Need, sentence: str, c: Candidate) -> float:
    """1 when the number or name beside the candidate is one the question gives: after an
    amount ("just 7.8% of people in their 20s", not "About 30% of people in their 40s"), before
    a date ("9.7 billion in 2050", not "10.4 billion in 2100"), or among counts of different
    names ("23 million on Instagram", not "34 million followers on Facebook"). For amounts and
    dates only."""
    end = c.start + len(c.text)
    if need.kind == "number" and (year := IN_YEAR.match(sentence, end)):
        return 1.0 if year.group(1) in need.years else 0.0  # "$238 million in 2022, $244 ..."
    if need.kind == "number" and (name := _OF_NAME.match(sentence, end)):
        # "34 million followers on Facebook and 23 million on Instagram": whose count it is,
        # where the sentence sets counts of different names side by side.
        named = {t for n in need.names for t in terms(n)}
        others = {
            m.group(1)
            for n in _NUMBER_IN.finditer(sentence)
            if (m := _OF_NAME.match(sentence, n.end()))
        }
        if len(others) > 1:
            return 1.0 if set(terms(name.group(1))) & named else 0.0
    given = set(need.numbers) - set(need.years)
    if need.kind not in {"number", "date"} or not given:
        return 0.0
    if need.kind == "number":
        beside = _NUMBER_IN.search(sentence, end)
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
