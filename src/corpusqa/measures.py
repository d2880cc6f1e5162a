"""Answers that are measures: an age, a time of day, a game's score, a sum, a count of the
asked thing, an amount in the asked dimension.

"How high did the missile fly?" is answered by a height ("above 65,000 feet"), not by the
"Mach 5" of the same story; "at what time" by a clock time ("11:59 p.m."), "by what score" by
a score ("30-24"). The unit a number is written with says which question it answers, and
the noun it counts which count is asked ("31 tanks", not "14 battalions").
"""

from __future__ import annotations

import re
from dataclasses import replace

from .entities import Entity
from .keyword import terms
from .lexicon import CODE_NOUNS, HEADS, HOW_WORDS, PERSON_TERMS
from .names import matches
from .numerals import AGE_OF, NUMBER_WORDS, TIME_UNITS, UNITS, YEAR
from .question import Need
from .records import Candidate

CLOCK = re.compile(
    r"\b(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b)"
    r"(?:\s+(?:ET|EST|EDT|CT|CST|PT|PST|GMT|UTC|BST|local\s+time)\b)?"
    r"|\b(?:noon|midnight)\b"
)
_SCORE = re.compile(r"(?<![\w.$-])(\d{1,3})[-–](\d{1,3})(?![\w%-]|\.\d)")
_TALLY = re.compile(r"\s+(?:edge|advantage)\s+in\b")
_MORE = re.compile(r"^,?\s+(?:and\s+)?(\d+|an?|one)\s+([a-z]+)\b")


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


_COUNTED_STOP = re.compile(r"[\w-]+")
# Words that end what a number counts: "25 including eight of ...", "40 on 14 for 19".
_COUNTED_END = frozenset("including after before during against while with".split())
# Heads that any number answers: "what figure", "what amount".
_ANY_COUNT = HEADS["number"] | {"figure"}


_PEOPLE = frozenset(terms("people persons individuals"))


_PERSON_NOUNS = PERSON_TERMS | frozenset(terms("residents passengers visitors customers others"))


def counts_asked(need: Need, phrase: str, sentence: str, start: int = 0) -> float:
    """ "How many tanks": 1 for "31 tanks", less for a bare number in a sentence on tanks, least
    for "14 battalions" or a bare number in a sentence without tanks; a bare number after
    "killed" or "injured" counts people ("killed 168 and injured 682")."""
    if _an_age(sentence, start):
        return 0.3  # "Story, 29, batted ...": his age, not a count or a code
    if asks_code(need):
        return 1.0 if _a_code(phrase) else 0.0
    if need.asked.startswith("how many") and (
        _PHONE.fullmatch(phrase.split()[0])
        or _DIALLED.search(sentence[:start])
        or _POINT_DECIMAL.match(phrase)
    ):
        # "1-800-273-8255", "call 911": a line to ring; "batted .251 with 24 homers": an
        # average. None counts anything.
        return 0.0
    if not need.head or need.head in _ANY_COUNT or not terms(need.head):
        return 1.0
    head = terms(need.head)[0]
    # Not "000"; and "23-ounce cans" counts ounces as "23 ounces" does, but "three straight
    # 100-yard games" counts games: the yards are another amount's.
    lead, _, rest = phrase.partition(" ")
    phrase = lead if _OTHER_AMOUNT.fullmatch(lead) else f"{lead} {_OTHER_AMOUNT.sub(' ', rest)}"
    words = [
        w
        for w in terms(_after_number(phrase).replace("-", " "))
        # "as many as 35 vessels"; "killed seven" counts no "seven"s
        if not any(ch.isdigit() for ch in w) and w not in HOW_WORDS and w not in _SPELLED
    ]
    if head in _PEOPLE and set(words) & _PERSON_NOUNS:
        return 1.0  # "how many people worked for Meta": "87,000 employees"
    if words:  # "26 universities" for "how many universities and colleges"; not "9 million
        # mortgages" for "how many households are at risk of defaulting on their mortgages"
        # "8 inches of rain" for how much rain
        of = need.asked.startswith("how much") and _OF.match(sentence, start + len(phrase))
        if head not in words and not (of and head in terms(of.group(1))):
            return 1.0 if set(words) & set(terms(need.asked)) else 0.4
        # "how many monthly users": "100 million US users" counts other users
        return 1.0 if set(need.role) - {head} - HOW_WORDS <= set(words) else 0.9
    if YEAR.fullmatch(phrase.strip()) or need.head in TIME_UNITS:
        return 0.3  # "in 2013" counts no centuries; a duration is written with its unit
    if head in _PEOPLE and _PEOPLE_VERB.search(sentence[:start]):
        return 0.8
    if set(terms(" ".join(sentence[:start].split()[-1:]))) & set(need.verbs):
        return 0.8  # "Mitchell scored 40" for how many points he scored
    return 0.8 if head in terms(sentence) else 0.4


def _an_age(sentence: str, start: int) -> bool:
    return any(
        start in (m.start(g) for g in range(1, AGE_OF.groups + 1))
        for m in AGE_OF.finditer(sentence)
    )


_ASKED_CODE = re.compile(r"\b(\w+) numbers?$")
_PHONE = re.compile(r"(?:1-)?\d{3}-\d{3}-\d{4}")
_DIALLED = re.compile(r"\b(?:dial(?:s|ed|led|ing|ling)?|call|text)\s+$", re.I)
_POINT_DECIMAL = re.compile(r"\.\d")


def asks_code(need: Need) -> bool:
    """ "What flight number", "what jersey number", "which emergency number": a code that
    names one, not a count."""
    m = _ASKED_CODE.search(need.asked)
    if need.head != "number" or m is None or not terms(m.group(1)):
        return False
    return need.asked.startswith("which") or bool(set(terms(m.group(1))) & CODE_NOUNS)


def _a_code(phrase: str) -> bool:
    """ "No. 42", "PW 494"; not "132 people" or "a six-time all-star", which count."""
    after = terms(_after_number(phrase))
    return bool(after) and all(any(ch.isdigit() for ch in w) for w in after)


def _after_number(phrase: str) -> str:
    """ "an estimated 90,000": what a count counts follows its number ("estimated" is none)."""
    words = phrase.split()
    at = next((i for i, w in enumerate(words) if any(ch.isdigit() for ch in w)), None)
    return phrase if at is None else " ".join(words[at:])


_OTHER_AMOUNT = re.compile(r"\b\d[\d,.]*\s?-\w+")
_SPELLED = frozenset(t for w in NUMBER_WORDS for t in terms(w)) | frozenset(
    terms("hundred thousand million billion trillion dozen dozens")
)
_OF = re.compile(r"\s+of\s+((?:[\w-]+\s+){0,2}[\w-]+)")


_PEOPLE_VERB = re.compile(
    r"\b(?:killed|killing|injured|injuring|wounded|wounding|hurt|evacuated|rescued|arrested|"
    r"hospitalized|hospitalised)\s+(?:at\s+least\s+|more\s+than\s+|about\s+|nearly\s+)?$"
)


def counted(sentence: str, start: int, end: int, verbs: frozenset[str] = frozenset()) -> str:
    """A number with up to three words it counts, ending before the first stop word or one of
    `verbs` ("24 survived" counts no "survived"); as written ("186-yard performance", of which
    the small model may tag only "186")."""
    stop = end
    for word in list(re.finditer(r"\S+", sentence[end:]))[:3]:
        core = word.group().rstrip(",.;:!?)\"'”’")
        if not _COUNTED_STOP.fullmatch(core) or not terms(core) or core in _COUNTED_END:
            break
        if set(terms(core)) & verbs and not core.endswith("s"):
            break  # "24 survived", but "six mound visits" counts visits
        stop = end + word.start() + len(core)
        if core != word.group():
            break
    return sentence[start:stop]


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
