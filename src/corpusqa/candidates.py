"""Candidate answers: spans of the asked-for type in an evidence sentence (people in
`people.py`). Anything the question already names is not an answer to it."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import repeat

from .amounts import (
    attributes,
    converts_asked,
    earlier_value,
    names_the_measure,
    portion_unasked,
    rate_unasked,
    rate_unsaid,
    split_changes,
    sum_of_another,
    target_unasked,
)
from .counts import counted, counts_asked
from .entities import Entity
from .fits import NAMED_LABELS, entity_fit
from .keyword import terms
from .lexicon import COLOURS, HEADS, SHARE_HEADS
from .measures import (
    ages,
    clock_times,
    compound,
    money_as_written,
    percent_as_written,
    scores,
    shares_in_words,
    sums_in_words,
    temperatures,
    unit_fit,
)
from .names import (
    capitalised_by_place,
    described,
    named_things,
    unlabelled_names,
    widened,
)
from .numerals import MONTHS, YEAR, undashed
from .people import PARTS, affiliations, home_states, person_candidates
from .place_names import (
    a_people,
    based,
    in_another_state,
    is_country,
    is_state_or_country,
    roads,
    towns,
    where_it_happened,
    where_to,
    written_as_place,
)
from .places import WITHIN
from .question import Need
from .reasons import reasons, speaks_of
from .records import Candidate
from .speakers import person_shaped
from .things import (
    after_the_verb,
    codes,
    identified,
    in_its_place,
    plural_names,
    quoted_kind,
    web_addresses,
    written_dates,
)
from .verbs import verb_forms

_NAME_ASKED = re.compile(r"\b(?:name|title)\s+of\b")
_WEAK_LABELS = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT"})
# A weekday that a month places: "the first Monday" goes on "in September".
_OF_MONTH = re.compile(rf"(?<=day)\s+(?:in|of)\s+(?:{'|'.join(MONTHS)})\b")
_UNIT_ADJECTIVE = re.compile(r"\d-[a-z]+$")


def _describes_another(need: Need, after: str) -> bool:
    """The words a measure written as an adjective describes, when the question names none."""
    words = set(terms(after))
    return bool(words) and not words & need.terms


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
        found = person_candidates(need, sentence, entities, body, before, people)
        if need.head in HEADS["org"]:  # "which broadcaster": "national broadcaster ABC"
            found += described(need, sentence)
        return found
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
    verbs = frozenset(f for v in need.verbs for f in verb_forms(v))
    if need.kind == "number":
        spans = split_changes(spans, sentence) + sums_in_words(sentence, entities)
        if need.head in SHARE_HEADS:
            spans += shares_in_words(sentence)
    for e in map(percent_as_written, map(money_as_written, spans, repeat(sentence))):
        fit = entity_fit(need, e, sentence)
        if e.label in _WEAK_LABELS and person_shaped(e.text, people, body):
            continue  # a person the small model took for a title or a product
        if e.label in NAMED_LABELS and capitalised_by_place(e.text, e.start, body):
            continue
        if need.kind == "org" and " " not in e.text and person_shaped(e.text, people, body):
            continue  # "Myers and other tobacco experts said": a person the article names
        text = e.text
        if need.year_only:  # each year of "from 2023 to 2025" at its own place
            found += [
                Candidate(y.group(), e.start + y.start(), fit)
                for y in YEAR.finditer(text)
                if fit and need.is_new(y.group())
            ]
            continue
        if need.kind == "number" and e.label in {"CARDINAL", "QUANTITY", "DATE", "TIME"}:
            # A share is of what the question says: "one in four", not "one in four adults".
            # A measure written as an adjective ends at its unit: "600-pound", not "600-pound
            # gay man slowly"; "17,000 miles per hour" goes on.
            if need.head not in SHARE_HEADS and not (
                need.measure and _UNIT_ADJECTIVE.search(e.text)
            ):
                text = compound(sentence, e.start, counted(sentence, e.start, e.end, verbs))
            fit *= counts_asked(need, text, sentence, e.start) * unit_fit(need, text)
            if _UNIT_ADJECTIVE.search(e.text) and _describes_another(need, text[len(e.text) :]):
                fit *= 0.4  # "a 600-pound gay man": his weight, not the pounds he gained
        if need.kind == "number" and earlier_value(need, sentence, e.start, e.end):
            fit *= 0.4
        if need.kind == "number" and rate_unasked(need, sentence, e.start + len(text)):
            fit *= 0.4  # "200 to 400 deaths a day" is no count of June's deaths
        if need.kind == "number" and rate_unsaid(need, sentence, e.end):
            fit *= 0.4  # "how many a day": a year's count does not say
        fit *= names_the_measure(need, sentence, before[-1] if before else "")
        if need.kind == "number" and attributes(sentence, e.start, e.end):
            fit *= 0.3
        if need.kind == "number" and portion_unasked(need, text, sentence, e.start + len(text)):
            fit *= 0.4
        if need.kind == "number" and target_unasked(need, sentence, e.start + len(text)):
            fit *= 0.4
        if sum_of_another(need, sentence, spans, e):
            fit *= 0.4
        if need.kind == "number" and converts_asked(need, sentence, e.start, e.end):
            continue  # "£146,000 ($157,000)": the question's own sum
        if need.kind == "date":
            text = undashed(text)
            if of_month := _OF_MONTH.match(sentence, e.start + len(text)):
                text += of_month.group()  # "the first Monday in September"
        if fit and need.is_new(text):
            found.append(Candidate(text, e.start, fit))
    if need.kind == "date":
        found += written_dates(sentence, entities)
    if need.asks_time:
        found += clock_times(need, sentence)
    found += temperatures(need, sentence)
    if need.kind == "number":  # not "23 minutes" of "3 hours, 23 minutes"
        found = _outermost(found)
    if need.kind == "thing" and need.head in {"color", "colour"}:
        return [
            Candidate(m.group(), m.start(), 1.0)
            for m in re.finditer(r"[a-z]+", sentence)
            if m.group() in COLOURS and need.is_new(m.group())
        ]
    if need.kind == "thing":
        found += named_things(need, sentence) + codes(need, sentence) + identified(need, sentence)
        found += quoted_kind(need, sentence) + in_its_place(need, sentence)
        found = _outermost(found)
    if need.kind in {"org", "place", "thing"}:
        found += unlabelled_names(need, sentence, entities) + after_the_verb(need, sentence)
        found += plural_names(need, sentence, entities) + web_addresses(need, sentence)
    if need.kind == "thing" and need.head in PARTS:
        # "Which role did he play?": a character, not the film's title ("Sordid Lives").
        titles = {e.start for e in entities if e.label == "WORK_OF_ART"}
        found = [
            c if c.fit == 1.0 and c.start not in titles else replace(c, fit=0.3) for c in found
        ]
    if need.kind in {"org", "place"}:
        found += affiliations(need, sentence) + home_states(need, sentence)
    if need.kind in {"org", "place"}:
        found += described(need, sentence)  # "the popular nightlife neighborhood Itaewon"
    if need.kind == "place":
        found += towns(need, sentence) + roads(need, sentence) + where_it_happened(need, sentence)
        found += based(need, sentence) + where_to(need, sentence)
        # "top Chinese diplomat Yang Jiechi": a people is no place, however it is written;
        # but "the first launch from Cornwall" is one, whatever the model calls it.
        placed = [e for e in entities if e.label == "NORP" and written_as_place(sentence, e)]
        found += [Candidate(e.text, e.start, 1.0) for e in placed if need.is_new(e.text)]
        peoples = {(e.start, e.text) for e in entities if e.label == "NORP" and e not in placed}
        found = [c for c in found if (c.start, c.text) not in peoples and not a_people(c.text)]
    if need.kind == "place" and need.head in WITHIN:
        # "which New York school districts": New Jersey is none, however it was found.
        found = [
            replace(c, fit=min(c.fit, 0.3))
            if is_state_or_country(c.text) or in_another_state(need, c.text)
            else c
            for c in found
        ]
    if need.kind == "place" and need.head in {"country", "nation"}:
        # "Maine" or "Moore County" is no country (Georgia is both).
        found = [c if is_country(c.text) else replace(c, fit=min(c.fit, 0.3)) for c in found]
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
