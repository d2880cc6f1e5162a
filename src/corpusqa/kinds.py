"""What the wh-word and the words around it ask: the answer's kind, the dimension of a
measure, the preposition before the wh-word, the tense, and the whole a count is part of."""

from __future__ import annotations

import re
from typing import Literal

from .entities import Parsed, Token
from .lexicon import DESCRIPTION_HEADS, HEADS, NOT_PEOPLE, REASON_HEADS
from .numerals import MONTHS

Kind = Literal[
    "person", "org", "place", "date", "number", "thing", "reason", "description", "identity"
]
Tense = Literal["", "past", "future"]
# Matched at the wh-word, not anywhere: "Which astronomer said when ..." asks for a person.
_NUMBER_Q = re.compile(
    r"how\s+(many|much|long|old|far|close|big|large|tall|high|fast|often|heavy|deep|wide|hot|cold)\b"
    r"|what\s+(are|were|is|was)\s+the\s+odds\b|what\s+figure\b",  # "at what figure": a number
    re.I,
)
_DATE_Q = re.compile(r"when\b|(what|which)\s+(date|day|year|month|decade)\b", re.I)
# A quiz's statement that leaves its answer blank at the end.
_BLANK = re.compile(r"\b(?:(by)|since(?:\s+at\s+least)?)\s*(?::|…|\.\.\.|_+)\s*$", re.I)
_CAUSED = re.compile(r"what\s+(?:caused|prompted|triggered|sparked|led\s+to)\b", re.I)


def kind_asked(parsed: Parsed, wh: int | None, head: str) -> Kind:
    word = parsed.tokens[wh].text.lower() if wh is not None else ""
    word = "which" if word == "this" else word
    asking = parsed.text[parsed.tokens[wh].start :] if wh is not None else ""
    blank = _BLANK.search(parsed.text) if wh is None else None
    if blank:  # "..., previously held by:" asks for whoever; "since at least:" for a date
        return "person" if blank.group(1) else "date"
    if _NUMBER_Q.match(asking):  # "how many years": a number of years, not a date
        return "number"
    if head in HEADS["date"] or _DATE_Q.match(asking):
        return "date"
    if head in HEADS["number"]:
        return "number"
    if word == "where":
        return "place"
    if word == "why" or head in REASON_HEADS or _CAUSED.match(asking):
        return "reason"  # "what caused the crash?" asks why it happened
    if head in DESCRIPTION_HEADS:
        return "description"
    for kind in ("person", "org", "place"):
        if head in HEADS[kind]:
            return kind
    if word in {"who", "whom", "whose"}:
        return "person"
    if head and head.endswith(("er", "ist", "ian")) and head not in NOT_PEOPLE and word == "which":
        return "person"  # an unlisted role noun: "which pollster", "which rapper"
    if head and word in {"which", "what"}:
        return "thing"
    return "description"


def how_adjective(parsed: Parsed, wh: int | None) -> str:
    """ "old" of "how old is X?": the dimension a number is asked in, which a sentence giving
    it need not say ("Fraser, 54, ..."); not "many" or "much"."""
    m = _NUMBER_Q.match(parsed.text[parsed.tokens[wh].start :]) if wh is not None else None
    word = (m.group(1) or "").lower() if m else ""
    return "" if word in {"many", "much"} else word


_MEASURE = re.compile(r"how\s+(high|tall|deep|far|close|long|fast|heavy|wide|hot|cold)\b", re.I)


def measure_asked(parsed: Parsed, wh: int | None) -> str:
    m = _MEASURE.match(parsed.text[parsed.tokens[wh].start :]) if wh is not None else None
    return m.group(1).lower() if m else ""


def prep_asked(parsed: Parsed, wh: int | None) -> str:
    """ "To what year ...", "In which state ...": the answer follows the same word."""
    if not wh or parsed.tokens[wh - 1].tag not in {"IN", "TO"}:
        return ""
    return parsed.tokens[wh - 1].text.lower()


_MONTH_YEAR = re.compile(rf"\b({'|'.join(MONTHS)})\s+(1[89]\d\d|20\d\d)\b")


def tense_of(parsed: Parsed, verbs: list[Token]) -> Tense:
    """Whether the question asks about what happened ("when did ...") or what will ("when
    will ..."), from its main verbs and auxiliaries."""
    if any(t.text.lower() in {"will", "'ll", "shall"} and t.dep == "aux" for t in parsed.tokens):
        return "future"
    return "past" if _past(parsed, verbs) else ""


def _past(parsed: Parsed, verbs: list[Token]) -> bool:
    return any(v.tag == "VBD" for v in verbs) or any(
        t.text.lower() in {"did", "was", "were", "had"} and t.dep in {"aux", "auxpass"}
        for t in parsed.tokens
    )


def happened_by(parsed: Parsed, verbs: list[Token], dated: tuple[tuple[str, str], ...]) -> str:
    """The latest month (or year) the question says its event already happened in."""
    if not _past(parsed, verbs):
        return ""  # "what is expected at the March 2023 Academy Awards?" may be answered before
    months = [f"{y}-{MONTHS.index(m) + 1:02}" for m, y in _MONTH_YEAR.findall(parsed.text)]
    return max(months or [year for year, _ in dated], default="")


_PART_OF = re.compile(
    r"\bhow\s+many\s+of\s+(?:the|its|their|those|these|[A-Z][\w.&-]*['’]s)"
    r"\s+(\d[\d,]*)\b",
    re.I,
)


def whole_of(text: str) -> float:
    m = _PART_OF.search(text)
    return float(m.group(1).replace(",", "")) if m else 0.0
