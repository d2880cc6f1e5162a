"""Answers the entity model does not tag. Things written in lower case: what a sentence says
the asked noun is ("The only category that the USDA revised downward was fresh vegetables"),
or what it says caused the asked effect ("hair loss due to alopecia"), or puts where the
question has the asked noun after the same name ("exempt Russian oil" for "which Russian
fuels"); and a name written
where the question puts its answer ("streaming on Hulu" for "on which service ... streaming")
a team's plural name the model left untagged ("the Phillies"), a web address, the quoted
words before the noun "what kind of" asks about ("a “no limits” partnership"), codes
("XBB.1.5", "#LoveWhereYouWorked") and dates as news writes them ("Jan.10")."""

from __future__ import annotations

import re

from .entities import Entity
from .keyword import terms
from .lexicon import KINDS_ALSO, TICKER_HEADS
from .names import NAME_RUN, QUOTED, matches
from .numerals import WRITTEN_DATE
from .question import Need
from .records import Candidate
from .verbs import asked_verb

# A noun phrase of up to four lower-case words, ended by punctuation or a word that starts
# another phrase; "the", "a" or "an" before it is not part of the answer.
_PHRASE = r"(?:(?:the|a|an)\s+)?((?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*)"
_END = (
    r"(?=\s*(?:[.,;:!?()—–]|$|\s(?:and|but|or|which|that|who|because|as|in|on|at|for|with|"
    r"from|by|to|of|after|before|since|while|when|than)\b))"
)
_COPULA = re.compile(rf"\b(?:is|was|are|were)\s+{_PHRASE}{_END}")
_CAUSE = re.compile(rf"\b(?:due to|caused by|because of|(?:the|a) result of)\s+{_PHRASE}{_END}")
# What follows a copula but names no thing: "was not", "is also", "were expected".
_NOT_A_THING = frozenset(
    """not also still now just only even already likely unlikely expected set due able about
    more less most least very so too there here it this that one what how when where who
    being been""".split()
)
# What a name in lower case runs to: the closing quote or the clause's end.
_KNOWN_AS = re.compile(
    r"\bknown as\s+(?:the\s+)?[“\"]?([a-z][^,.;:!?“”\"()]{2,60}?)(?=\s*[”\",.;:!?()]|$)"
)
_CAUSE_VERBS = frozenset(terms("cause causes caused behind"))


def identified(need: Need, sentence: str) -> list[Candidate]:
    """Lower-case answers to a "what"/"which <noun>" question: the phrase after "is"/"was"
    whose subject holds the asked noun, and, when the question asks what causes something,
    the phrase after "due to" or "caused by"."""
    if need.kind != "thing" or not need.head:
        return []
    found = []
    if need.asks_name:  # "forever known as the upset kings of October"
        found += [Candidate(m.group(1), m.start(1), 1.0) for m in _KNOWN_AS.finditer(sentence)]
    heads = {need.head, *KINDS_ALSO.get(need.head, ())}
    for m in _COPULA.finditer(sentence):
        subject = _clause_before(sentence, m.start())
        if any(re.search(rf"\b{re.escape(h)}\w*\b", subject, re.I) for h in heads):
            found.append(Candidate(m.group(1), m.start(1), 1.0))
    for h in heads:  # "a Category 3 storm" for "what category", "Section 230" for "which section"
        numbered = rf"\b{re.escape(h)}\s+(?:\d+|[IVX]+)\b"
        found += [
            Candidate(m.group(), m.start(), 1.0) for m in re.finditer(numbered, sentence, re.I)
        ]
    if (set(need.verbs) | set(terms(need.head))) & _CAUSE_VERBS:  # "which causes of death"
        found += [Candidate(m.group(1), m.start(1), 1.0) for m in _CAUSE.finditer(sentence)]
    return [c for c in found if _a_thing(c.text) and need.is_new(c.text)]


_NOT_PARTICLE = r"(?!(?:out|up|down|off|away|back|over)\b)"  # "wheat and corn out of"


def in_its_place(need: Need, sentence: str) -> list[Candidate]:
    """ "get Ukrainian wheat and corn out" for "Which Ukrainian crops is it trying to get
    out?": lower-case words after the asked noun's modifier, where the question has the noun."""
    words = need.asked.split()
    if need.kind != "thing" or len(words) != 3 or not words[1][:1].isupper():
        return []
    more = rf"(?:\s+and\s+(?:[a-z][\w-]*\s+)?{_NOT_PARTICLE}[a-z][\w-]*)?"
    pattern = rf"\b{re.escape(words[1])}\s+{_PHRASE}{more}{_END}"
    head = set(terms(need.head))
    return [
        Candidate(m.group()[len(words[1]) :].strip(), m.start(1), 0.6)
        for m in re.finditer(pattern, sentence)
        if not set(terms(m.group(1))) & head and need.is_new(m.group(1))
    ]


def after_the_verb(need: Need, sentence: str) -> list[Candidate]:
    """ "“Candy” is currently streaming on Hulu" for "On which service is 'Candy' streaming?":
    a capitalised name right after the question's verb and the preposition it asks with."""
    verb = asked_verb(need)
    if need.kind not in {"thing", "org"} or not need.prep or not verb:
        return []
    pattern = rf"\b{verb}(?i:\s+{re.escape(need.prep)}\s+(?:the\s+)?)({NAME_RUN})"
    found = re.finditer(pattern, sentence)
    return [Candidate(m.group(1), m.start(1), 1.0) for m in found if need.is_new(m.group(1))]


def plural_names(need: Need, sentence: str, entities: tuple[Entity, ...]) -> list[Candidate]:
    """ "beaten the Phillies": one plural capitalised word after "the" that the entity model
    left untagged, a team or a band; a weak organisation candidate."""
    if need.kind != "org":
        return []
    found = []
    for m in _PLURAL_NAME.finditer(sentence):
        untagged = not any(e.start < m.end() and m.start(1) < e.end for e in entities)
        if untagged and need.is_new(m.group(1)):
            found.append(Candidate(m.group(1), m.start(1), 0.5))
    return found


_PLURAL_NAME = re.compile(r"\bthe\s+([A-Z][a-z]{2,}s)\b(?!\s+[A-Z])")


def _clause_before(sentence: str, at: int) -> str:
    """The words before `at` back to the last comma, dash or semicolon."""
    return re.split(r"[,;:—–]", sentence[:at])[-1]


def _a_thing(text: str) -> bool:
    first = text.split()[0].lower()
    return first not in _NOT_A_THING and not first.endswith(("ed", "ly", "ing"))


_WEB_HEADS = frozenset({"website", "site", "domain", "url"})
_WEB_ADDRESS = re.compile(
    r"(?<![\w@.])(?:https?://)?(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
    r"\.(?:com|org|net|gov|edu|io|co|us|uk|tv|info)\b(?:/[\w/-]*)?"
)


def web_addresses(need: Need, sentence: str) -> list[Candidate]:
    """ "sell his music online at garthbrooks.com": a web address, for "which website"."""
    return matches(need, _WEB_ADDRESS, sentence) if need.head in _WEB_HEADS else []


_KINDS = frozenset({"kind", "type", "sort"})  # stemmed as written
_NEXT_WORD = re.compile(r"\s+([a-z][\w-]*)")


def quoted_kind(need: Need, sentence: str) -> list[Candidate]:
    """ "a “no limits” partnership": the quoted words before the noun that "what kind of
    partnership" asks about."""
    if need.head not in _KINDS:
        return []
    nouns = set(need.role) - _KINDS
    return [
        Candidate(m.group(1), m.start(1), 1.0)
        for m in QUOTED.finditer(sentence)
        if (word := _NEXT_WORD.match(sentence, m.end()))
        and set(terms(word.group(1))) & nouns
        and need.is_new(m.group(1))
    ]


CODE = re.compile(r"\b[A-Z]{1,5}(?:\.\d+)+\b|\b[A-Z]{1,5}-\d+[A-Z]?\b")


def codes(need: Need, sentence: str) -> list[Candidate]:
    """Names written as codes, which the entity model misses ("subvariant XBB.1.5", "F-35"):
    1 beside the asked noun, else 0.6; and hashtags and handles ("#LoveWhereYouWorked"), 1
    for "what hashtag", else 0.3."""
    found = []
    for m in CODE.finditer(sentence):
        beside = sentence[max(0, m.start() - 30) : m.end() + 30].lower()
        fit = 1.0 if need.head and need.head in beside else 0.6
        if need.is_new(m.group()):
            found.append(Candidate(m.group(), m.start(), fit))
    if need.head in TICKER_HEADS:  # "Astra (ASTR)", "(NYSE: GM)"
        found += [Candidate(m.group(1), m.start(1), 1.0) for m in _TICKER.finditer(sentence)]
    for m in _TAG.finditer(sentence):
        if need.is_new(m.group()):
            found.append(Candidate(m.group(), m.start(), 1.0 if need.head in _TAGS else 0.3))
    return found


_TICKER = re.compile(r"\((?:(?:NYSE|NASDAQ|Nasdaq|LSE|TSX)\s*:\s*)?([A-Z]{1,5})\)")
_TAG = re.compile(r"(?<![\w@#])[#@][A-Za-z]\w+")
_TAGS = frozenset({"hashtag", "handle", "tag", "username"})


def written_dates(sentence: str, entities: tuple[Entity, ...]) -> list[Candidate]:
    """Dates the small model missed, as news writes them: "Jan.10", "Aug. 29, 2006"."""
    return [
        Candidate(m.group(), m.start(), 1.0)
        for m in WRITTEN_DATE.finditer(sentence)
        if not any(
            e.label == "DATE" and e.start <= m.start() and m.end() <= e.end for e in entities
        )
    ]
