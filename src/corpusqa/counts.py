"""What a number counts: "31 tanks" answers how many tanks, "14 battalions" does not; an age,
a telephone number or a batting average counts nothing; "what jersey number" asks for a code
("No. 42"), not a count."""

from __future__ import annotations

import re

from .keyword import terms
from .lexicon import CODE_NOUNS, HEADS, HOW_WORDS, PERSON_TERMS
from .numerals import AGE_OF, NUMBER_WORDS, TIME_UNITS, YEAR
from .places import NATIONALITIES
from .question import Need

_COUNTED_STOP = re.compile(r"[\w-]+")
_PER_NUMBER = re.compile(r"per\s+\d")
_MORE = frozenset({"more", "additional", "further"})
_MORE_COUNTED = re.compile(rf"\b(?:{'|'.join(sorted(_MORE))})\b", re.I)
_MORE_ASKED = re.compile(rf"how\s+many\s+{_MORE_COUNTED.pattern}", re.I)
# Words that end what a number counts: "25 including eight of ...", "40 on 14 for 19".
_COUNTED_END = frozenset("including after before during against while with behind ahead".split())
# Heads that any number answers: "what figure", "what amount".
_ANY_COUNT = HEADS["number"] | {"figure"}


_PEOPLE = frozenset(terms("people persons individuals"))


_PERSON_NOUNS = PERSON_TERMS | frozenset(terms("residents passengers visitors customers others"))


_HEADS_OF = re.compile(r"\s+of\s+([a-z]+)")


def counts_asked(need: Need, phrase: str, sentence: str, start: int = 0) -> float:
    """ "How many tanks": 1 for "31 tanks", less for a bare number in a sentence on tanks, least
    for "14 battalions" or a bare number in a sentence without tanks; a bare number after
    "killed" or "injured" counts people ("killed 168 and injured 682")."""
    if _an_age(sentence, start):
        return 0.3  # "Story, 29, batted ...": his age, not a count or a code
    if _MORE_ASKED.match(need.asked) and not _MORE_COUNTED.search(phrase):
        return 0.4  # "how many more battalions": "14 more", not the 100 already there
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
    if not need.head or need.head in _ANY_COUNT or need.measure or not terms(need.head):
        return 1.0  # "what was the life expectancy": a length of time (`unit_fit` checks it)
    head = terms(need.head)[0]
    # Not "000"; and "23-ounce cans" counts ounces as "23 ounces" does, but "three straight
    # 100-yard games" counts games: the yards are another amount's.
    end = start + len(phrase)
    lead, _, rest = phrase.partition(" ")
    phrase = lead if _OTHER_AMOUNT.fullmatch(lead) else f"{lead} {_OTHER_AMOUNT.sub(' ', rest)}"
    words = [
        w
        for w in terms(_after_number(phrase).replace("-", " "))
        # "as many as 35 vessels"; "killed seven" counts no "seven"s
        if not any(ch.isdigit() for ch in w) and w not in HOW_WORDS and w not in _SPELLED
    ]
    if words == ["head"] and (herd := _HEADS_OF.match(sentence, end)):
        words = terms(herd.group(1))  # "794,000 heads of livestock" counts livestock
    if head in _PEOPLE and set(words) & _PERSON_NOUNS:
        return 1.0  # "how many people worked for Meta": "87,000 employees"
    if words and set(words) <= _PEOPLE and head in NATIONALITIES:
        # "how many Indian Americans": "At 4.6 million people, Indian Americans ..."; not "the
        # state's 8.9 million people", which are another's
        return 0.4 if _OWNED.search(sentence[:start]) else 1.0
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
_OWNED = re.compile(r"(?:['’]s|\bof(?:\s+the)?)\s+$")
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
        if core.lower() in _MORE and word.start() == 1:
            stop = end + word.start() + len(core)  # "14 more battalions": more of them
            continue
        if not _COUNTED_STOP.fullmatch(core) or not terms(core) or core in _COUNTED_END:
            break
        if _PER_NUMBER.match(sentence, end + word.start()):
            break  # "7.5 births per 1,000 people": a rate, whose count is "7.5 births"
        if set(terms(core)) & verbs and not core.endswith("s"):
            break  # "24 survived", but "six mound visits" counts visits
        stop = end + word.start() + len(core)
        if core != word.group():
            break
    return sentence[start:stop]
