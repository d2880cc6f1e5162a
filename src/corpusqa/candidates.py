"""Candidate answers: spans of the asked-for type in an evidence sentence (people in
`people.py`). Anything the question already names is not an answer to it."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import repeat

from .entities import Entity
from .keyword import terms
from .lexicon import (
    COLOURS,
    DURATION,
    FIT,
    MONEY_HEADS,
    MONEY_VERBS,
    SHARE_HEADS,
    VAGUE_COUNT,
    unpossessed,
)
from .measures import (
    CLOCK,
    ages,
    attributes,
    clock_times,
    compound,
    counted,
    counts_asked,
    earlier_value,
    money_as_written,
    names_the_measure,
    percent_as_written,
    scores,
    split_changes,
    sums_in_words,
    unit_fit,
)
from .names import (
    CODE,
    capitalised_by_place,
    codes,
    described,
    named_things,
    roads,
    towns,
    unlabelled_names,
    widened,
    written_dates,
)
from .numerals import AGE, LENGTH, MONTH_NAME, SPECIFIC_DATE, TIME_UNITS, YEAR, numbers, undashed
from .people import affiliations, home_states, person_candidates, state_of_another
from .places import COUNTRIES, GEOGRAPHY, US_STATES, VENUE
from .question import Need
from .reasons import reasons, speaks_of
from .records import Candidate
from .speakers import person_shaped

_NAME_ASKED = re.compile(r"\b(?:name|title)\s+of\b")
_WEAK_LABELS = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT"})
# "guidance kits, or Joint Direct Attack Munitions": a name given as another for the asked
# thing ("what are the guidance kits called?").
_ALSO_CALLED = r",?\s+(?:or|also\s+known\s+as|known\s+as|called|dubbed|nicknamed)\s+$"
_NAMED_LABELS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "FAC", "LAW"})


def candidates(
    need: Need,
    sentence: str,
    entities: tuple[Entity, ...],
    body: str,
    before: list[str],
    people: frozenset[str] = frozenset(),
) -> list[Candidate]:
    """Every span of `sentence` that could answer `need`, with how well it fits; `people` are
    surnames the entity model calls people in other evidence sentences."""
    if need.kind in {"person", "identity"}:
        return person_candidates(need, sentence, entities, body, before, people)
    if need.kind == "reason":
        return reasons(need, sentence)
    if need.kind == "description":
        return [Candidate(sentence.strip(), 0, speaks_of(need.head, sentence))]
    if need.asks_age:
        return ages(need, sentence)
    if need.asks_score:
        return scores(need, sentence)
    found = []
    spans = widened(sentence, entities, body)
    if need.kind == "number":
        spans = split_changes(spans, sentence) + sums_in_words(sentence, entities)
    for e in map(percent_as_written, map(money_as_written, spans, repeat(sentence))):
        fit = _fit(need, e, sentence)
        if e.label in _WEAK_LABELS and person_shaped(e.text, people, body):
            continue  # a person the small model took for a title or a product
        if e.label in _NAMED_LABELS and capitalised_by_place(e.text, e.start, body):
            continue
        text = e.text
        if need.year_only:  # each year of "from 2023 to 2025" at its own place
            found += [
                Candidate(y.group(), e.start + y.start(), fit)
                for y in YEAR.finditer(text)
                if fit and need.is_new(y.group())
            ]
            continue
        if need.kind == "number" and e.label in {"CARDINAL", "QUANTITY", "DATE", "TIME"}:
            text = compound(sentence, e.start, counted(sentence, e.start, e.end))
            fit *= counts_asked(need, text, sentence, e.start) * unit_fit(need, text)
        if need.kind == "number" and earlier_value(need, sentence, e.start, e.end):
            fit *= 0.4
        fit *= names_the_measure(need, sentence)
        if need.kind == "number" and attributes(sentence, e.start, e.end):
            fit *= 0.3
        if need.kind == "date":
            text = undashed(text)
        if fit and need.is_new(text):
            found.append(Candidate(text, e.start, fit))
    if need.kind == "date":
        found += written_dates(sentence, entities)
    if need.asks_time:
        found += clock_times(need, sentence)
    if need.kind == "number":  # not "23 minutes" of "3 hours, 23 minutes"
        found = _outermost(found)
    if need.kind == "thing" and need.head in {"color", "colour"}:
        return [
            Candidate(m.group(), m.start(), 1.0)
            for m in re.finditer(r"[a-z]+", sentence)
            if m.group() in COLOURS and need.is_new(m.group())
        ]
    if need.kind == "thing":
        found = _outermost(found + named_things(need, sentence) + codes(need, sentence))
    if need.kind in {"org", "place", "thing"}:
        found += unlabelled_names(need, sentence, entities)
    if need.kind in {"org", "place"}:
        found += affiliations(need, sentence) + home_states(need, sentence)
    if need.kind == "org":
        found += described(need, sentence)
    if need.kind == "place":
        found += towns(need, sentence) + roads(need, sentence)
        # "top Chinese diplomat Yang Jiechi": a people is no place, however it is written.
        peoples = {(e.start, e.text) for e in entities if e.label == "NORP"}
        found = [c for c in found if (c.start, c.text) not in peoples]
    if need.kind == "place" and need.head in {"country", "nation"}:
        # "Maine" or "Moore County" is no country (Georgia is both).
        found = [c if _country(c.text) else replace(c, fit=min(c.fit, 0.3)) for c in found]
    if _NAME_ASKED.search(need.asked):  # "what is the name of ...": a name, not "his office"
        found = [c for c in found if c.text[:1].isupper() or c.text[:1].isdigit()]
    return found


def _outermost(found: list[Candidate]) -> list[Candidate]:
    """A span inside a longer one that fits as well is a piece of it ("the Clean Water, Safe
    Rivers" of "the Clean Water, Safe Rivers and Healthy Coasts Act")."""

    def span(c: Candidate) -> tuple[int, int]:
        skip = 4 if c.text.lower().startswith("the ") else 0  # "the X" holds what "X" holds
        return c.start + skip, c.start + len(c.text)

    return [
        c
        for c in found
        if not any(
            span(o)[0] <= span(c)[0]
            and span(c)[1] <= span(o)[1]
            and span(o) != span(c)
            and o.fit >= c.fit
            for o in found
        )
    ]


def _fit(need: Need, e: Entity, sentence: str) -> float:
    """How well an entity is of the asked-for type, with the asked noun's help."""
    fits = dict(FIT[need.kind])
    if need.kind == "number":
        if need.asked in DURATION or need.head in TIME_UNITS:
            if _WHEN_NOT_HOW_LONG.fullmatch(e.text):
                return 0.3  # "last week" says when, not how long
            fits["DATE"] = fits["TIME"] = 1.0
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
        elif need.head == "rate" and not set(need.role) & _PAID:
            fits.update(MONEY=0.3)  # an inflation rate is no sum; an hourly rate may be
        elif need.asked.startswith("how much "):
            fits.update(PERCENT=0.3)  # "how much coal": an amount, not a share (a sum may be)
        elif need.asked.startswith("how many"):  # a count, not a share or a sum
            fits.update(PERCENT=0.3, MONEY=0.3, QUANTITY=0.6)
            if set(e.text.lower().split()) <= VAGUE_COUNT:
                return 0.3  # "thousands": how many is not said
        if need.prep == "by" and need.asked == "how much":
            fits["PERCENT"] = 1.0  # "by how much will costs increase": 14%, a change
        if set(numbers(e.text)) & set(need.numbers):
            return 0.0  # the question's own number
        if need.whole and any(float(n) >= need.whole for n in numbers(e.text)):
            return 0.0  # "how many of the 10,000 layoffs": a part, smaller than the whole
    if need.asks_time:
        fits.update(TIME=1.0, DATE=0.4)
    if need.kind == "place" and need.head in GEOGRAPHY:
        fits["ORG"] = 0.3  # "which city": CNN or a sheriff's department is none
    if need.kind == "place" and need.head and need.head not in GEOGRAPHY:
        fits.update(GPE=0.4, LOC=0.4, ORG=0.3)  # "which hospital": a named building, not a city
        if VENUE.search(e.text):
            return 1.0  # "the Apollo Theater" for "which venue"
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
    if need.kind == "org" and CODE.fullmatch(e.text):
        return 0.3  # "two EF-2 tornadoes": a rating, which the small model calls a company
    if need.kind == "date" and (AGE.search(e.text) or LENGTH.search(e.text)):
        return 0.0  # "29-year-old" is an age, "the 100-day lockout" a length
    if need.kind == "date" and "month" in need.asked and not MONTH_NAME.search(e.text):
        fit *= 0.5  # "in what month and year": "1979" without its "March"
    if need.kind == "date" and "month and year" in need.asked and not YEAR.search(e.text):
        fit *= 0.5  # ... nor "February 18" without its year
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
    if need.asks_name and e.label in _NAMED_LABELS:
        fit = max(fit, 0.8)  # "what older name for an atmospheric river": a name, not a place
    if need.kind == "place" and need.head in _NAMED_WITH_HEAD and need.head not in e.text.lower():
        fit *= 0.5  # a county is named with its word ("Rockland County"), not "New York"
    if need.kind in {"org", "place"} and not _has_role_word(need, e.text):
        fit *= 0.8  # "which planning body": the Visalia Planning Commission, not Target
    return fit


_PAID = frozenset(terms("hourly pay wage exchange rent fee"))


_WHEN_NOT_HOW_LONG = re.compile(
    r"(?:last|this|next)\s+(?:week|weekend|month|year|season|night|\w+day)", re.I
)
_DATELINE = re.compile(r"[A-Z][A-Z .,'-]+\s*(?:\(\w+\)\s*)?[—–-]")


_HOLIDAY = re.compile(r"[A-Z][\w.'’ ]* (?:Day|Eve|Week)$")


def _country(name: str) -> bool:
    return unpossessed(name.removeprefix("the ")) in COUNTRIES


# Places whose names carry the word for them.
_NAMED_WITH_HEAD = frozenset({"county", "parish", "borough"})


def _has_role_word(need: Need, text: str) -> bool:
    """Whether a name has one of the words the question puts before its asked noun ("planning"
    of "which planning body"); True when there are none, or they are names."""
    head = terms(need.head)[:1]
    others = [t for t in need.role if t not in head and t not in need.role_names]
    return not others or bool(set(others) & set(terms(text)))


def _called(head: str, sentence: str, start: int) -> bool:
    """Whether the name at `start` is given as another name for `head`."""
    return bool(
        re.search(rf"\b{re.escape(head)}{_ALSO_CALLED}", sentence[max(0, start - 60) : start], re.I)
    )
