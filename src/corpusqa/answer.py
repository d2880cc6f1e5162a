"""Short extractive answers with numbered citations that are checked before they are shown.

The answer is shaped from the best sentences of the retrieved passages: the speaker for "who"
questions, the number or date for "how many" and "when", the sentence itself otherwise. Every
`[n]` marker is then checked by `verify`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from .chunk import sentence_spans
from .keyword import terms
from .records import Article, Citation, Span
from .speakers import Person, full_name, speaker, surnames

REFUSAL = "The corpus does not answer this question."
_WHO = re.compile(r"^\W*(who|whom|whose)\b|^\W*which\s+(\w+\s+){0,2}(official|person|minister|"
                  r"leader|spokes\w+|politician|secretary|president|man|woman|people|chief)\b",
                  re.I)
_COUNT = re.compile(r"^\W*how\s+(many|much)\b", re.I)
_WHEN = re.compile(r"^\W*(when|what\s+(date|day|year|month|time))\b", re.I)
_NUMWORD = (r"(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
            r"thirty|forty|fifty|hundred|thousand|million|billion|dozens?|hundreds?|thousands?)")
_NUMBER = re.compile(rf"(?:[$£€]|\b)\d[\d,.]*\b(\s+(thousand|million|billion|per ?cent|%))?"
                     rf"|\b{_NUMWORD}(([\s-]+|\s+and\s+){_NUMWORD})*\b", re.I)
_DATE = re.compile(r"\b(\d{1,2}(st|nd|rd|th)?\s+)?(January|February|March|April|May|June|July|"
                   r"August|September|October|November|December)(\s+\d{1,2}(st|nd|rd|th)?)?"
                   r"(,?\s+\d{4})?|\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
                   r"\b|\b(19|20)\d{2}\b")


@dataclass(frozen=True)
class Evidence:
    """A candidate sentence: where it is and how well it answers."""

    article: Article
    span: Span
    score: float
    rank: int  # of its passage
    speaker: str | None = None  # the surname the answer attributes this sentence to

    @property
    def text(self) -> str:
        return self.article.body[self.span[0] : self.span[1]]


def kind(question: str) -> str:
    for name, pattern in (("who", _WHO), ("count", _COUNT), ("when", _WHEN)):
        if pattern.search(question):
            return name
    return "what"


def compose(question: str, evidence: Sequence[Evidence]) -> tuple[str, list[Evidence]]:
    """Answer text with [n] markers, and the evidence each n stands for (1-based)."""
    best = evidence[0]
    shape = kind(question)
    margin = 0.2 if shape == "who" else 0.12
    close = [e for e in evidence if e.score >= best.score - margin][:10]
    if shape == "who":
        return _who(question, close)
    if shape in {"count", "when"}:
        pattern = _NUMBER if shape == "count" else _DATE
        for e in close:
            found = _nearest(pattern, e.text, terms(question))
            if found:
                return f"{found} [1].", [e]
    return _sentences(close)


def _sentences(close: Sequence[Evidence]) -> tuple[str, list[Evidence]]:
    """The best sentence, and a second from another article that says something else."""
    chosen = [close[0]]
    for e in close[1:]:
        if e.article.id != chosen[0].article.id and _overlap(e.text, chosen[0].text) < 0.6:
            chosen.append(e)
            break
    parts = [f"{_strip_end(e.text)} [{i}]." for i, e in enumerate(chosen, 1)]
    return " ".join(parts), chosen


def _who(question: str, close: Sequence[Evidence]) -> tuple[str, list[Evidence]]:
    verb = _verb(question)
    groups: dict[str, tuple[str, list[Evidence]]] = {}
    for e in close:
        person = _speaker_of(e, verb)
        if person is None:
            continue
        name = full_name(person, e.article.body)
        key = person.surname
        e = replace(e, speaker=key)
        if key in groups:
            longest = max(groups[key][0], name, key=len)
            groups[key] = (longest, groups[key][1] + [e])
        else:
            groups[key] = (name, [e])
    if not groups:
        return _sentences(close)
    # A speaker supported by more sentences, and in the question's own words, leads.
    stem = terms(verb)[0] if verb and terms(verb) else None

    def support(group: tuple[str, list[Evidence]]) -> float:
        scores = sorted((e.score for e in group[1]), reverse=True)
        said = any(stem in terms(e.text) for e in group[1]) if stem else False
        return scores[0] + 0.5 * sum(scores[1:3]) + (0.1 if said else 0.0)

    ranked = sorted(groups.values(), key=support, reverse=True)[:2]
    cited: list[Evidence] = []
    clauses = []
    for name, items in ranked:
        items = _one_per_article(items)[:3]
        marks = "".join(f"[{len(cited) + i}]" for i in range(1, len(items) + 1))
        cited.extend(items)
        clauses.append(f"{name} {marks}")
    text = clauses[0] + (f"; also {clauses[1]}" if len(clauses) > 1 else "") + "."
    return text, cited


def _speaker_of(e: Evidence, verb: str | None) -> Person | None:
    body = e.article.body
    before = _previous_sentences(body, e.span[0])
    return speaker(e.text, verb, before, surnames(body))


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


def _verb(question: str) -> str | None:
    words = re.findall(r"[a-z]+", question.lower())
    for w in words[1:3]:
        if w not in {"is", "was", "were", "are", "did", "does", "do", "has", "have", "the"}:
            return w[:-2] if w.endswith("ed") and len(w) > 5 else w
    return None


def _nearest(pattern: re.Pattern[str], text: str, qterms: list[str]) -> str | None:
    """The match of `pattern` nearest to a question term, with the words it counts."""
    matches = [m for m in pattern.finditer(text) if m.group().strip()]
    if not matches:
        return None
    wanted = set(qterms)
    anchors = [m.start() for m in re.finditer(r"[\w'-]+", text)
               if (t := terms(m.group())) and t[0] in wanted]
    m = min(matches, key=lambda m: min((abs(m.start() - a) for a in anchors), default=0))
    phrase = m.group()
    if pattern is _NUMBER:
        # What is counted: up to three words, ending before the first stop word, so
        # "150,000 Russian servicemen being stationed" gives "150,000 Russian servicemen".
        for word in text[m.end() :].split()[:3]:
            core = word.rstrip(",.;:!?)\"'”’")
            if not re.fullmatch(r"[\w-]+", core) or not terms(core):
                break
            phrase += " " + core
            if core != word:
                break
    return phrase.strip().rstrip(",.;:")


def _strip_end(text: str) -> str:
    return text.rstrip().rstrip(".")


def _overlap(a: str, b: str) -> float:
    ta, tb = set(terms(a)), set(terms(b))
    return len(ta & tb) / max(1, min(len(ta), len(tb)))


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
