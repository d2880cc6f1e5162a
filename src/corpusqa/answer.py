"""Short extractive answers with numbered citations that are checked before they are shown.

`question.analyse` says what the question asks for (a person with a role, a number, a date, a
place, ...) and what it already states (names, numbers, years). The answer is the best span of
that type (`candidates`) in a sentence that agrees with those constraints; when no such
sentence holds one, the question is refused and the closest sentence is shown for what it does
report. Every `[n]` marker is then checked by `verify`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set
from dataclasses import dataclass, replace
from functools import lru_cache

from .candidates import Candidate, candidates
from .chunk import sentence_spans
from .entities import Entity
from .keyword import terms
from .lexicon import YEAR, numbers
from .question import Need
from .records import Article, Citation, Span
from .speakers import Person, full_name

REFUSAL = "The corpus does not answer this question."

@dataclass(frozen=True)
class Evidence:
    """A candidate sentence: where it is and how well it answers."""

    article: Article
    span: Span
    score: float
    rank: int  # of its passage
    speaker: str | None = None  # the surname the answer attributes this sentence to
    recent: float = 1.0  # retrieval's recency factor for its article, from the question's date

    @property
    def text(self) -> str:
        return self.article.body[self.span[0] : self.span[1]]


# Set on newsqa-dev's even ids only (benchmarks/tune_answers.py, README "What was tried").
POOL = 12  # evidence sentences read for candidates
MARGIN = 0.4  # ... that score within this of the best
W_AGREE, W_FIT, W_NEAR, W_RECENT = 0.3, 0.2, 0.1, 1.0
MIN_AGREE = 0.5  # below this share of the question's constraints the sentence is not evidence
MIN_FIT = 0.5  # below this a span is not of the asked-for type (a number counting other things)
MIN_TOPIC = 0.2  # share of the question's other words the sentence and those before must have


@dataclass(frozen=True)
class Draft:
    """An answer before its citations are checked: text with [n] markers and their evidence."""

    text: str
    used: tuple[Evidence, ...]
    refused: bool = False


def pool(evidence: Sequence[Evidence]) -> list[Evidence]:
    """The sentences worth reading closely: the best few, near the best score."""
    best = evidence[0].score
    return [e for e in evidence[:POOL] if e.score >= best - MARGIN]


def compose(need: Need, evidence: Sequence[Evidence],
            entities: Sequence[tuple[Entity, ...]]) -> Draft:
    """The best candidate of the asked-for type, from a sentence that agrees with the question,
    or a refusal that says what the closest sentence does report."""
    scored = []
    people = frozenset(x.text.split()[-1] for found in entities for x in found
                       if x.label == "PERSON")
    for e, found in zip(evidence, entities, strict=True):
        agree = agreement(need, e) if topic(need, e) >= MIN_TOPIC else 0.0
        before = _previous_sentences(e.article.body, e.span[0])
        for c in candidates(need, e.text, found, e.article.body, before, people):
            near = _nearness(need, e.text, c.start)
            value = e.score * e.recent ** W_RECENT + W_AGREE * agree + W_FIT * c.fit \
                + W_NEAR * near
            scored.append((value, agree, c, e))
    good = [x for x in scored if x[1] >= MIN_AGREE and x[2].fit >= MIN_FIT]
    if not good:
        return _silent(need, evidence[0])
    _, _, c, e = max(good, key=lambda x: x[0])
    used = [replace(e, speaker=c.key or None)]
    if c.key:  # the same person in other articles' sentences backs the answer too
        others = [x[3] for x in sorted(good, key=lambda x: -x[0]) if x[2].key == c.key]
        used += [replace(o, speaker=c.key) for o in _one_per_article([e, *others])[1:3]]
    marks = "".join(f"[{i}]" for i in range(1, len(used) + 1))
    return Draft(f"{_form(need, c, e)} {marks}.", tuple(used))


def _form(need: Need, c: Candidate, e: Evidence) -> str:
    if need.kind in {"person", "identity"}:
        return _person(c, e)
    return _strip_end(c.text)


def _person(c: Candidate, e: Evidence) -> str:
    """A name with the role the article gives: its fullest mention, or name plus apposition."""
    fullest = full_name(Person(c.text, c.text.split()[-1], 0, 0), e.article.body)
    if len(fullest) > len(c.text) and fullest.endswith(c.text):  # not Eddie for Ryan Murphy
        return fullest
    return f"{c.text}, {c.appos}" if c.appos else c.text


def _silent(need: Need, closest: Evidence) -> Draft:
    words = closest.text.split()
    said = " ".join(words[:40]) + (" …" if len(words) > 40 else "")
    asked = f", but not {need.asked}" if len(need.asked.split()) > 1 else ""
    text = f"{REFUSAL} The closest the articles come: “{_strip_end(said)}” [1]{asked}."
    return Draft(text, (closest,), refused=True)


@lru_cache(maxsize=512)
def _article_terms(body: str) -> frozenset[str]:
    return frozenset(terms(body))


@lru_cache(maxsize=1024)
def _nearby(title: str, body: str, start: int) -> frozenset[str]:
    """The terms of the headline and the two sentences before `start`."""
    return frozenset(terms(" ".join([title, *_previous_sentences(body, start, 2)])))


def agreement(need: Need, e: Evidence) -> float:
    """The share of the question's names, numbers and years that the sentence agrees with: 1 in
    the sentence, less in the headline or the sentences before, less in the article. 0 when the
    sentence dates the question's thing to another year ("the 2022 Met Gala")."""
    checks = []
    sentence = set(terms(e.text))
    nearby = _nearby(e.article.title, e.article.body, e.span[0])
    article = _article_terms(e.article.body)
    for name in need.names:
        words = set(terms(name))
        # A person the question names must be in the sentence or just before it.
        elsewhere = 0.0 if name in need.people else 0.5
        checks.append(1.0 if _meets(words, sentence) else 0.6 if _meets(words, nearby)
                      else elsewhere if words & article else 0.0)
    digits = set(numbers(e.text))
    body_digits = e.article.body.replace(",", "")
    if _contradicts(need, e.text):
        return 0.0  # a sentence that contradicts the question is no evidence for it
    for n in need.numbers:
        if n in need.years and need.kind != "date":  # a date question's years may be answers
            checks.append(_year_agrees(n, e, digits))
        elif n in need.years:
            continue
        else:
            checks.append(1.0 if n in digits else 0.5 if n in body_digits else 0.0)
    return sum(checks) / len(checks) if checks else 1.0


def topic(need: Need, e: Evidence) -> float:
    """The share of what the question says happened ("administered the oath") that the sentence,
    the two before it or the headline say: names alone do not make a sentence an answer."""
    if not need.relation:
        return 1.0
    around = _nearby(e.article.title, e.article.body, e.span[0]) | set(terms(e.text))
    return sum(t in around for t in need.relation) / len(need.relation)


def _meets(name: set[str], words: Set[str]) -> bool:
    """A name's word in `words`, or its adjective ("Russia" and "Russian", "Ukraine"...)."""
    return bool(name & words) or any(
        len(n) >= 4 and (w.startswith(n) or n.startswith(w)) and len(w) >= 4
        for n in name for w in words)


def _contradicts(need: Need, sentence: str) -> bool:
    """"the 2022 Met Gala" against the question's "2023 Met Gala": the same thing, another year."""
    for year, thing in need.dated:
        other = re.search(rf"\b(1[89]\d\d|20\d\d)\s+{re.escape(thing)}\b", sentence, re.I)
        if other and other.group(1) != year:
            return True
    return False


def _year_agrees(year: str, e: Evidence, digits: set[str]) -> float:
    if year in digits:
        return 1.0
    if any(YEAR.fullmatch(d) for d in digits):
        return 0.0  # the sentence dates itself to other years only
    published = (e.article.published or "")[:4]
    if published and 0 <= int(published) - int(year) <= 1:
        return 0.75
    if published and int(published) < int(year):
        return 0.25  # written before the year the question asks about
    return 0.5 if year in e.article.body else 0.0


def _nearness(need: Need, sentence: str, at: int) -> float:
    """1 when the candidate stands next to one of the question's words, less further away."""
    anchors = [m.start() for m in re.finditer(r"[\w'-]+", sentence)
               if (t := terms(m.group())) and t[0] in need.terms]
    if not anchors:
        return 0.0
    gap = min(abs(at - a) for a in anchors)
    return 1.0 / (1.0 + gap / 40)


@lru_cache(maxsize=256)
def _spans(body: str) -> tuple[Span, ...]:
    return tuple(sentence_spans(body))


def _previous_sentences(body: str, start: int, n: int = 3) -> list[str]:
    spans = [s for s in _spans(body) if s[1] <= start]
    return [body[s:e] for s, e in spans[-n:]]


def _one_per_article(items: list[Evidence]) -> list[Evidence]:
    seen: set[str] = set()
    out = []
    for e in items:
        if e.article.id not in seen:
            seen.add(e.article.id)
            out.append(e)
    return out


def _strip_end(text: str) -> str:
    return text.rstrip().rstrip(".")


def quote_span(e: Evidence) -> Span:
    """The cited span: the sentence, reaching back to the one naming the speaker if needed."""
    start, end = e.span
    person_needed = e.speaker
    if person_needed and person_needed not in e.text:
        body = e.article.body
        for sentence in reversed(_previous_sentences(body, start)):
            if person_needed in sentence:
                return body.rfind(sentence, 0, start), end
    return start, end


def cite(n: int, article: Article, span: Span) -> Citation:
    body = article.body
    start, end = span
    para_start = body.rfind("\n\n", 0, start) + 2 if "\n\n" in body[:start] else 0
    para_end = body.find("\n\n", end)
    para_end = len(body) if para_end < 0 else para_end
    return Citation(n=n, article_id=article.id, title=article.title, outlet=article.outlet,
                    published=article.published, source=article.source, quote=body[start:end],
                    start=start, end=end, context=body[para_start:para_end],
                    context_start=para_start)
