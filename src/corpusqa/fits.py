"""How well an entity the model found is of the asked-for type: a city for "which city", not
CNN; a date for "when", less for "Saturday"; a percentage for "what share", not a sum; a name
with the asked noun beside it ("the Fairmont Century Plaza hotel" for "which hotel")."""

from __future__ import annotations

import re

from .counts import asks_code
from .durations import AMOUNT, UNDATED, a_length, says_when
from .entities import Entity
from .keyword import compound_terms, terms
from .lexicon import DURATION, FIT, MONEY_HEADS, MONEY_VERBS, SHARE_HEADS, VAGUE_COUNT
from .measures import CLOCK, FRACTION
from .numerals import (
    AGE,
    LENGTH,
    MONTH_NAME,
    SPECIFIC_DATE,
    TIME_UNITS,
    UNITS,
    YEAR,
    numbers,
)
from .people import plays_part, state_of_another
from .places import BASED, GEOGRAPHY, US_STATES, VENUE, WITHIN
from .question import Need
from .things import CODE

NAMED_LABELS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "FAC", "LAW"})
# "guidance kits, or Joint Direct Attack Munitions": a name given as another for the asked
# thing ("what are the guidance kits called?").
_ALSO_CALLED = r",?\s+(?:or|also\s+known\s+as|known\s+as|called|dubbed|nicknamed)\s+$"


# "several minutes", "a few days": no number; "several hundred people" is one.
_UNCOUNTED = re.compile(
    r"(?i)(?:a\s+)?(?:several|few|many|some|numerous|multiple|various)\b"
    r"(?!\s+(?:hundred|thousand|million|billion|dozen))\D*$"
    # "thousands of tons", "hundreds of thousands of people"
    r"|(?:(?:tens|hundreds)\s+of\s+)?(?:dozens|hundreds|thousands|millions|billions)\s+of\b\D*$"
)


_AROUND = re.compile(r"(?:['’]s)?[\s-]+(?:suburbs?|area|outskirts|exurbs?)\b")


_UNSUMMED = re.compile(
    r"(?i)(?:(?:tens|hundreds)\s+of\s+)?(?:thousands|millions|billions|trillions)\s+of\s+"
    r"(?:dollars|pounds|euros)"
)


def _its_own_unit(need: Need, text: str) -> bool:
    """Whether a number's words are the question's own ("24 hours"), or it has none."""
    return set(terms(re.sub(r"[\d.,]+", " ", text))) <= need.terms


def entity_fit(need: Need, e: Entity, sentence: str) -> float:
    """How well an entity is of the asked-for type, with the asked noun's help."""
    fits = dict(FIT[need.kind])
    if need.kind == "number":
        if e.label == "ORDINAL" and need.asked.startswith("how many"):
            # "her fourth consecutive victory" says how many in a row
            return 1.0 if _IN_A_ROW.match(sentence, e.end) else 0.0
        if asks_code(need) and e.label in {"MONEY", "PERCENT"}:
            return 0.0  # "what jersey number": no sum or share is one
        if need.measure and fits.get(e.label) and not AMOUNT.search(e.text):
            return 0.3  # "thousands of miles away" for "how far": how far is not said
        if _GAP.match(sentence, e.end) and not need.terms & _GAP_TERMS:
            return 0.3  # "0.07 seconds behind", "122 points back": a gap, not her time or points
        if need.asked in DURATION or need.head in TIME_UNITS or need.measure == "long":
            if says_when(need, e):
                return 0.3  # "last week", "the year" say when, not how long
            fits["DATE"] = fits["TIME"] = 1.0
        elif UNITS.get(need.measure, frozenset()) & TIME_UNITS:
            fits["TIME"] = 1.0  # "0.07 seconds behind" is how far behind
        else:
            fits.pop("TIME")
        if need.head in MONEY_HEADS:
            fits.update(CARDINAL=0.3, PERCENT=0.2, QUANTITY=0.2)
        elif need.asked == "how much" and need.money:  # a sum or a share of the sum
            fits.update(CARDINAL=0.3, QUANTITY=0.2)
        elif need.asked == "how much" and set(need.relation) & MONEY_VERBS:
            fits.update(CARDINAL=0.3, QUANTITY=0.2, PERCENT=0.3)  # what it cost or earned
        elif need.head in SHARE_HEADS:  # "what share", "what percentage": a percentage
            fits.update(CARDINAL=0.3, QUANTITY=0.2, MONEY=0.2)
            if FRACTION.search(e.text):
                fits["CARDINAL"] = 1.0  # "two-thirds of young smokers": a share in words
        elif need.head == "rate" and not set(need.role) & _PAID:
            fits.update(MONEY=0.3)  # an inflation rate is no sum; an hourly rate may be
        elif need.asked.startswith("how much "):
            fits.update(PERCENT=0.3)  # "how much coal": an amount, not a share (a sum may be)
            if FRACTION.search(e.text):
                return 0.3  # "about half of its wheat" is a share of it too
        elif need.asked.startswith("how many"):  # a count, not a share or a sum
            fits.update(PERCENT=0.3, MONEY=0.3, QUANTITY=0.6)
            if set(e.text.lower().split()) <= VAGUE_COUNT or _UNCOUNTED.match(e.text):
                return 0.3  # "thousands", "several minutes": how many is not said
        if e.label == "MONEY" and _UNSUMMED.fullmatch(e.text):
            return 0.3  # "millions of dollars": how much is not said
        if need.prep == "by" and need.asked == "how much":
            fits["PERCENT"] = 1.0  # "by how much will costs increase": 14%, a change
        if set(numbers(e.text)) & set(need.numbers) and _its_own_unit(need, e.text):
            return 0.0  # the question's own number, not "24 millibars" for "in 24 hours"
        if need.whole and any(float(n) >= need.whole for n in numbers(e.text)):
            return 0.0  # "how many of the 10,000 layoffs": a part, smaller than the whole
    if need.asks_time:
        fits.update(TIME=1.0, DATE=0.4)
    if need.kind == "thing" and need.head == "language":
        fits["LANGUAGE"] = 1.0  # "in Mandarin"
    if plays_part(need, sentence, e):
        return 1.0  # "which role did he play?": "his role as ... Beverley Leslie"
    if need.kind == "place" and need.head in GEOGRAPHY:
        fits["ORG"] = 0.3  # "which city": CNN or a sheriff's department is none
    if need.kind == "place" and need.head and need.head not in GEOGRAPHY:
        fits.update(GPE=0.4, LOC=0.4, ORG=0.3)  # "which hospital": a named building, not a city
        if VENUE.search(e.text):
            return 1.0  # "the Apollo Theater" for "which venue"
    if need.kind == "place" and need.head in WITHIN and _AROUND.match(sentence, e.end):
        return 0.3  # "a Chicago suburb", "the Chicago area": a town near it, not it
    if need.kind == "place" and not e.start and _DATELINE.match(sentence):
        return 0.3  # "WASHINGTON—The House ...": where the story was filed
    if need.kind == "place" and need.head == "state" and e.label in {"GPE", "LOC"}:
        # "Northern California" is in a state; "the U.S." is not one, nor a bay or a coast
        # (LOC), though a GPE may be another country's state.
        if state_of_another(need, sentence, e.start):
            return 0.3
        if any(e.text.endswith(state) for state in US_STATES):
            return 1.0
        return 0.5 if e.label == "GPE" else 0.3
    fit = fits.get(e.label, 0.0)
    if (
        need.kind == "org"
        and need.head in _TEAMS
        and e.label == "GPE"
        and _PLAYED.search(sentence[: e.start])
    ):
        fit = 1.0  # "as the Cubs beat Cleveland": a team by its city
    if need.kind == "org" and e.label == "PERSON" and _based_name(e.text):
        fit = 1.0  # "California-based Virgin Orbit": a company where it is based
    if need.kind == "org" and CODE.fullmatch(e.text):
        return 0.3  # "two EF-2 tornadoes": a rating, which the small model calls a company
    if need.kind == "date" and (AGE.search(e.text) or LENGTH.search(e.text)):
        return 0.0  # "29-year-old" is an age, "the 100-day lockout" a length
    if need.kind == "date" and a_length(e, sentence):
        return 0.0  # "134 million years of life would be gained": how long, not when
    if need.kind == "date" and "month" in need.asked and not MONTH_NAME.search(e.text):
        fit *= 0.5  # "in what month and year": "1979" without its "March"
    if need.kind == "date" and "month and year" in need.asked and not YEAR.search(e.text):
        fit *= 0.5  # ... nor "February 18" without its year
    if need.kind == "date" and UNDATED.fullmatch(e.text):
        return 0.3  # "the year", "the coming weeks": no time is said
    if need.kind == "date" and not SPECIFIC_DATE.search(e.text):
        fit *= 0.5  # "Saturday", "last week": less than a date
    if need.asks_time and not CLOCK.search(e.text):
        fit *= 0.5  # "at what time": "Monday morning" says no time of day
    if (
        need.kind in {"place", "org", "thing"}
        and need.head
        and fit
        and (need.kind == "place" or e.label not in {"GPE", "LOC", "NORP"})
    ):
        # "the Fairmont Century Plaza hotel" for "which hotel"; but "the Washington office"
        # says where the office is, not what it is called.
        after = " ".join(sentence[e.start :].split()[: len(e.text.split()) + 2]).lower()
        before = " ".join(sentence[: e.start].split()[-1:]).lower()  # "subvariants XBB.1.5"
        if need.head in after or need.head in before or _called(need.head, sentence, e.start):
            fit = max(fit, 1.0)
    if need.head in {"holiday", "celebration", "observance"} and _HOLIDAY.search(e.text):
        fit = 1.0  # "Martin Luther King Jr. Day", which the small model calls a person
    if need.asks_name and e.label in NAMED_LABELS:
        fit = max(fit, 0.8)  # "what older name for an atmospheric river": a name, not a place
    if need.kind == "place" and need.head in _NAMED_WITH_HEAD and need.head not in e.text.lower():
        fit *= 0.5  # a county is named with its word ("Rockland County"), not "New York"
    if need.kind in {"org", "place"} and not _has_role_word(need, e.text):
        fit *= 0.8  # "which planning body": the Visalia Planning Commission, not Target
    return fit


_PAID = frozenset(terms("hourly pay wage exchange rent fee"))
_TEAMS = frozenset({"team", "club", "side", "opponent", "rival"})  # heads are singular
_PLAYED = re.compile(
    r"\b(?:beat|beats|beating|defeated|defeats|against|over|vs\.?|versus|faced|faces|hosts?|"
    r"hosted|swept|edged|routed|topped|past)\s+$"
)


_GAP = re.compile(
    r"(?:\s+(?:points?|seconds?|strokes?|games?|votes?|minutes?))?\s+"
    r"(?:behind|back|ahead|slower|faster|off\s+the\s+pace)\b",
    re.I,
)
_GAP_TERMS = frozenset(terms("behind back ahead slower faster lead trail margin gap"))
_IN_A_ROW = re.compile(r"\s+(?:consecutive|straight|successive)\b", re.I)


def _based_name(text: str) -> bool:
    """ "California-based Virgin Orbit": a name after where it is based."""
    m = BASED.match(text)
    return m is not None and text[m.end() : m.end() + 1].isupper()


_DATELINE = re.compile(r"[A-Z][A-Z .,'-]+\s*(?:\(\w+\)\s*)?[—–-]")


_HOLIDAY = re.compile(r"[A-Z][\w.'’ ]* (?:Day|Eve|Week)$")


# Places whose names carry the word for them.
_NAMED_WITH_HEAD = frozenset({"county", "parish", "borough"})


def _has_role_word(need: Need, text: str) -> bool:
    """Whether a name has one of the words the question puts before its asked noun ("planning"
    of "which planning body"); True when there are none, or they are names."""
    head = terms(need.head)[:1]
    others = [t for t in need.role if t not in head and t not in need.role_names]
    return not others or bool(set(others) & compound_terms(text))  # "California-based"


def _called(head: str, sentence: str, start: int) -> bool:
    """Whether the name at `start` is given as another name for `head`."""
    return bool(
        re.search(rf"\b{re.escape(head)}{_ALSO_CALLED}", sentence[max(0, start - 60) : start], re.I)
    )
