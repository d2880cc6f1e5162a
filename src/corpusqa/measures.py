"""Answers that are measures: an age, a time of day, a game's score, a sum, a share, an amount
in the asked dimension (what a number counts is `counts.py`'s).

"How high did the missile fly?" is answered by a height ("above 65,000 feet"), not by the
"Mach 5" of the same story; "at what time" by a clock time ("11:59 p.m."), "by what score" by
a score ("30-24"). The unit a number is written with says which question it answers.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .entities import Entity
from .keyword import terms
from .names import matches
from .numerals import AGE_OF, NUMBER_WORDS, TIME_UNITS, UNITS
from .question import Need
from .records import Candidate

CLOCK = re.compile(
    r"\b(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b)"
    r"(?:\s+(?:ET|EST|EDT|CT|CST|PT|PST|GMT|UTC|BST|local\s+time)\b)?"
    r"|\b(?:noon|midnight)\b"
)
_SCORE = re.compile(r"(?<![\w.$-])(\d{1,3})[-–](\d{1,3})(?![\w%-]|\.\d)")
_TALLY = re.compile(r"\s+(?:edge|advantage)\s+in\b")
_MORE = re.compile(r"^,?\s+(?:and\s+)?(\d[\d.]*|an?|one)\s+([a-z]+)\b")


_CURRENCY = r"(?:dollars?|euros?|pounds?|pence|cents?|roubles?|rubles?|yen|yuan|rupees?|francs?)\b"
_CURRENCY_WORDS = re.compile(rf"\s*{_CURRENCY}", re.I)
# "for just one rouble": a sum in words, which the small model leaves out.
_SUM_IN_WORDS = re.compile(
    rf"\b(?:{'|'.join(NUMBER_WORDS)}|\d[\d,.]*)(?:\s+(?:million|billion|trillion))?\s+{_CURRENCY}",
    re.I,
)


def money_as_written(e: Entity, sentence: str) -> Entity:
    """An amount is money when it is written so: "just one rouble" is, though the small model
    calls it a count; "around 10.4 billion people" is not, though it calls it money. The
    currency word after a number belongs to it ("100 billion" + " euros")."""
    if e.label == "QUANTITY" and "pound" in e.text.lower():
        return e  # "200 pounds" is a weight more often than a sum
    after = sentence[e.end : e.end + 12]
    written = bool(re.search(r"[$£€¥]|\b(?:US|C|A)\$", e.text + sentence[e.start - 1 : e.start]))
    word = _CURRENCY_WORDS.match(after)
    written = written or bool(_CURRENCY_WORDS.search(e.text) or word)
    if e.label in {"CARDINAL", "QUANTITY"} and written:
        end = e.end + word.end() if word else e.end
        return replace(e, text=sentence[e.start : end], label="MONEY", end=end)
    if e.label == "MONEY" and not written:
        return replace(e, label="CARDINAL")
    return e


def percent_as_written(e: Entity) -> Entity:
    """A share is written with "%" or "percent": the small model calls "as much as 8 inches"
    one too."""
    if e.label == "PERCENT" and not re.search(r"%|\bper\s?cent", e.text, re.I):
        return replace(e, label="QUANTITY" if re.search(r"\d\s*[a-z]", e.text) else "CARDINAL")
    return e


def sums_in_words(sentence: str, entities: tuple[Entity, ...]) -> list[Entity]:
    """The sums a sentence writes with a currency word that no entity covers."""
    return [
        Entity(m.group(), "MONEY", m.start(), m.end())
        for m in _SUM_IN_WORDS.finditer(sentence)
        if not any(e.start < m.end() and m.start() < e.end for e in entities)
    ]


# A share in words: "two-thirds", "about half", "one in four adults".
_PART = r"(?:\d+|one|two|three|four|five)"
_WHOLE = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten)"
FRACTION = re.compile(
    rf"\b(?:half|thirds?|quarters?|fifths?|tenths?|{_PART} (?:in|out of) {_WHOLE})\b", re.I
)
_ONE_IN = re.compile(
    r"\b(?:(?:about|roughly|nearly|almost|only|just|more than|at least)\s+)*"
    rf"{_PART} (?:in|out of) {_WHOLE}\b",
    re.I,
)


def shares_in_words(sentence: str) -> list[Entity]:
    """ "about one in four adults": a share the small model splits into two numbers."""
    return [Entity(m.group(), "CARDINAL", m.start(), m.end()) for m in _ONE_IN.finditer(sentence)]


def clock_times(need: Need, sentence: str) -> list[Candidate]:
    """ "Starting May 1 at 11:59 p.m.": the times of day a sentence gives."""
    return matches(need, CLOCK, sentence)


# "minus 40 F", "-25°F", "101 degrees": a temperature the small model may not tag at all.
_TEMPERATURE = re.compile(
    r"(?:\b(?:minus|negative)\s+|(?<![\w.-])-)?\d+(?:\.\d+)?"
    r"(?:\s*(?:degrees|°)(?:\s*(?:F|C|Fahrenheit|Celsius)\b)?|\s*°?(?:F|C)\b)"
)


def temperatures(need: Need, sentence: str) -> list[Candidate]:
    """The temperatures a sentence gives, for "how cold", "how hot" or "what temperature"."""
    return matches(need, _TEMPERATURE, sentence) if need.measure in {"hot", "cold"} else []


def scores(need: Need, sentence: str) -> list[Candidate]:
    """ "the Yellow Jackets prevailed 30-24": the scores a sentence gives; a record such as
    "(10-1)" in brackets is a season's, not a game's. In a roundup of several games, a score
    whose clause lacks the teams the question names is another game's."""
    found = list(_SCORE.finditer(sentence))
    out = []
    for i, m in enumerate(found):
        if {m.group(1), m.group(2)} & set(need.numbers):
            continue
        fit = 0.4 if sentence[m.start() - 1 : m.start()] == "(" else 1.0
        if _TALLY.match(sentence, m.end()):
            fit = 0.3  # "a 296-72 edge in total yards": a count within the game
        if len(found) > 1 and not _names_game(
            need, sentence[found[i - 1].end() if i else 0 : m.end()]
        ):
            fit = 0.3  # "... Alabama rolled Auburn 49-27" for Georgia against Auburn
        out.append(Candidate(m.group(), m.start(), fit))
    return out


def _names_game(need: Need, clause: str) -> bool:
    """Whether a roundup's clause names two of the question's names (or its one)."""
    words = set(terms(clause))
    names = [set(terms(n)) for n in need.names if not n.isdigit()]
    return sum(n <= words for n in names) >= min(2, len(names))


def unit_fit(need: Need, text: str) -> float:
    """1 for an amount in the dimension the question asks ("how high": feet, metres), 0.3
    for one in another or none ("Mach 5", "two brawls"); 1 when no dimension is asked."""
    units = UNITS.get(need.measure)
    if not units:
        return 1.0
    words = set(re.findall(r"[a-z]+", text.lower()))
    return 1.0 if words & units else 0.3


def compound(sentence: str, start: int, text: str) -> str:
    """ "3 hours, 1 minute": a duration goes on over its next units of time."""
    if not set(text.lower().split()) & TIME_UNITS:
        return text
    end = start + len(text)
    while (more := _MORE.match(sentence[end:])) and more.group(2) in TIME_UNITS:
        end += more.end()  # "2 hours, 3 minutes, 2 seconds"
    return sentence[start:end]


_NAME_AGED = re.compile(r"([A-Z][\w'’-]+), \d")


def ages(need: Need, sentence: str) -> list[Candidate]:
    """ "What age was she?": the number an age is written with, not a count or a date."""
    found = []
    surnames = {p.split()[-1] for p in need.people}
    for m in AGE_OF.finditer(sentence):
        number = next(g for g in m.groups() if g)
        # "killed Halyna Hutchins, 42, and injured director Joel Souza, 48": each age is of
        # the name written just before it.
        of = _NAME_AGED.match(m.group())
        fit = 0.3 if surnames and of and of.group(1) not in surnames else 1.0
        if number not in need.numbers:
            found.append(Candidate(number, m.start(), fit))
    return found
