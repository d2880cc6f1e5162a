"""Numbers, dates, ages and units as news writes them: "65,000" and "sixty-five", "Jan. 4",
"a 118-year old nun", "this week"."""

from __future__ import annotations

import re

TIME_UNITS = {
    "second",
    "minute",
    "hour",
    "day",
    "night",
    "week",
    "month",
    "year",
    "decade",
    "century",
    "centuries",
    "seconds",
    "minutes",
    "hours",
    "days",
    "nights",
    "weeks",
    "months",
    "years",
    "decades",
}
# The units an amount in each asked dimension is written with ("how high": feet, metres);
# "how long" is a time or a length.
_LENGTHS = (
    "feet foot ft inches inch yards miles mile meters metres meter metre m km kilometers kilometres"
)
UNITS = {
    "high": frozenset(f"{_LENGTHS} stories storeys".split()),
    "tall": frozenset(f"{_LENGTHS} stories storeys".split()),
    "deep": frozenset(_LENGTHS.split()),
    "wide": frozenset(_LENGTHS.split()),
    # "how far behind" a winner, "how far from midnight": a margin may be in time
    **dict.fromkeys(["far", "close"], frozenset(f"{_LENGTHS} light years au".split()) | TIME_UNITS),
    "long": frozenset(_LENGTHS.split()) | TIME_UNITS | {"minute", "hour", "day", "week", "year"},
    "fast": frozenset("mph kph knots mach per hour speed".split()),
    **dict.fromkeys(["hot", "cold"], frozenset("degrees degree fahrenheit celsius f c".split())),
    "heavy": frozenset("pounds pound lbs lb kilograms kilogram kg tons tonnes ton ounces".split()),
}
AGE = re.compile(r"\d+-year-old|\bage[ds]?\b", re.I)
# An age as news writes it, the number first: "a 118-year old nun", "at age 115", "aged 90",
# "who lived to be 122 years old".
# Obituaries and profiles also write it after the name or pronoun: "Martin, 77, spoke", "He
# was 67."
AGE_OF = re.compile(
    r"(?i:\b(\d{1,3})[- ]years?[- ]old\b|\b(?:age|aged)\s+(\d{1,3})\b)"
    r"|\b[A-Z][\w'’-]+, (\d{1,2})(?:, (?=[a-z])|\.(?=\s|$))"  # "said Persinger, 29."
    r"|\b(?:[Hh]e|[Ss]he) (?:was|is) (\d{1,3})(?=[.,;])"
    r"|\b[Aa]t (\d{1,2}), (?=[A-Z][a-z]|he\b|she\b)"  # "At 26, Zendaya made history"
    # "who turns 29 today", "will turn 29 on Wednesday"; not "the index turned 5 percent"
    r"|\b(?:[Ww]ho|[Hh]e|[Ss]he|will|[A-Z][\w'’-]+) turn(?:s|ed)? (\d{1,3})"
    r"(?![\w%-]| years| percent)",
)
MONTHS = (
    "January February March April May June July August September October November December"
).split()
_MONTH = "|".join(MONTHS)
_SHORT = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"  # as dates abbreviate them
MONTH_NAME = re.compile(rf"\b(?:{_MONTH}|(?:{_SHORT})\b)")
SPECIFIC_DATE = re.compile(rf"\d|{_MONTH}|Jan\b|Feb\b|Aug\b|Sept?\b|Oct\b|Nov\b|Dec\b", re.I)
WRITTEN_DATE = re.compile(
    rf"\b(?:(?:{_SHORT})\.?\s?|(?:{_MONTH})\s)\d{{1,2}}\b"
    r"(?:,\s*(?:1[89]|20)\d\d\b)?"
)
_YEAR = r"(?:1[89]|20)\d\d"
YEAR = re.compile(rf"\b({_YEAR})\b")
# "$238 million in 2022": the year an amount is for, right after it.
IN_YEAR = re.compile(rf"\s+(?:in|for|by|during)\s+({_YEAR})\b")
# "in their 20s" and "the 1990s" are a span of numbers, not 20 or 1990: kept with their "s".
_NUMBER = re.compile(r"(?<!\d)(?<!\d[.,])(?:\d[\d,.]*\d|\d)(?:s\b)?")
# What a number is glued to when it is part of a name: "M1", "G7", "COVID-19", "F-16",
# "C/2022", "XBB.1.5"; not "mid-2022" or "pre-2020".
_NAMED = re.compile(r"(?:[A-Za-z]|[A-Za-z]*[A-Z][A-Za-z]*[-/]|[A-Z]\.)$")
_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_WORDS = {w: i + 1 for i, w in enumerate(_UNITS)} | {w: i + 10 for i, w in enumerate(_TEENS)}
NUMBER_WORDS = (*_TENS, *_WORDS)
_SPELLED = re.compile(
    rf"\b(?:({'|'.join(_TENS)})(?:[-\s]({'|'.join(_UNITS)}))?|({'|'.join(_WORDS)}))\b", re.I
)


def spelled(text: str) -> list[str]:
    """The numbers a text writes in words, as digits: "EIGHTY-SIX" is 86, "twelve" 12."""
    out = []
    for m in _SPELLED.finditer(text):
        tens, unit, word = (g.lower() if g else "" for g in m.groups())
        n = (
            (_TENS.index(tens) + 2) * 10 + (_UNITS.index(unit) + 1 if unit else 0)
            if tens
            else _WORDS[word]
        )
        out.append(str(n))
    return out


_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman(text: str) -> list[str]:
    """The numbers a text writes in Roman numerals of two letters or more after a capitalised
    word, as digits: "Super Bowl LVI" is 56, "Pope Benedict XVI" 16."""
    out = []
    for m in re.finditer(r"\b[A-Z][a-z]+ ([IVXLC]{2,})\b", text):
        values = [_ROMAN_DIGITS[c] for c in m.group(1)]
        n = sum(-v if v < w else v for v, w in zip(values, values[1:] + [0], strict=True))
        out.append(str(n))
    return out


def numbers(text: str) -> list[str]:
    """The numbers of a text as plain digits: "65,000" and "65000" alike, "1.5" kept; the
    digits of a name ("M1 Abrams", "COVID-19", "comet C/2022 E3") are no number."""
    return [
        re.sub(r"[,.](?=\d{3}\b)", "", m.group())
        for m in _NUMBER.finditer(text)
        if not _NAMED.search(text[max(0, m.start() - 12) : m.start()])
    ]


# A question about the latest news: the newest reporting should win more clearly.
NOW = re.compile(
    r"\bthis\s+(?:past\s+)?(?:week|weekend|month)\b|\brecent(?:ly)?\b|\blatest\b|\bnewest\b"
    r"|\bupcoming\b|\bthis\s+(?:morning|afternoon|evening)\b",
    re.I,
)
THIS_MONTH = re.compile(r"\bthis\s+month\b", re.I)


def undated(question: str) -> str:
    """The question without its words for "now" ("this week", "recently"): they are its date,
    not what it asks about."""
    return " ".join(NOW.sub(" ", question).split()) or question


_DASH = re.compile(r"\s+[-–—]\s+")


def undashed(date: str) -> str:
    """ "January 3 - Elizabeth Holmes": a timeline's date, without the entry it heads."""
    m = _DASH.search(date)
    rest = date[m.end() :] if m else ""
    return date[: m.start()] if m and not (YEAR.search(rest) or MONTH_NAME.search(rest)) else date


# "A 100-day lockout": a length written as an adjective, no date (not "a 29-year-old").
LENGTH = re.compile(r"\d+-(?:day|week|month|year)\b(?!-old)")


# A number per unit of time: "a day", "per week", "every year", "daily", "annually".
# ... or per a number of people: "7.5 births per 1,000 people".
PER_UNIT = r"(?:(?:a|an|per|each|every)\s+(day|week|month|year|hour|night)\b|per\s+(\d[\d,]*)\b)"
_RATE = re.compile(
    rf"\b{PER_UNIT}"
    r"(?!\s+(?:ago|before|earlier|prior|later|after|since))"  # "from a year before": a date
    r"|\b(dai|week|month|year|hour|night|annual)ly\b",
    re.I,
)


def rates(text: str) -> set[str]:
    """The units of time `text` counts something per: {"day"} for "1,646 deaths a day"."""
    units = {(m.group(1) or m.group(2) or m.group(3)).lower() for m in _RATE.finditer(text)}
    units = {u.replace(",", "") for u in units}
    return {{"dai": "day", "annual": "year"}.get(u, u) for u in units}
