"""Candidate answers that are people, with the role the article gives them, and what a person
the question names belongs to.

A person comes with the role the article gives them: a title before the name ("Buffalo Police
Commissioner Joseph Gramaglia"), an apposition after it ("Jessica Lee, an astronomer at Royal
Observatory Greenwich"), or the fullest mention elsewhere in the article.
"""

from __future__ import annotations

import re

from .entities import Entity
from .keyword import terms
from .lexicon import FIT
from .question import Need
from .records import Candidate
from .speakers import (
    STARTERS,
    apposition,
    full_name,
    person_shaped,
    role_fit,
    speaker,
    surnames,
    titles,
)


def person_candidates(
    need: Need,
    sentence: str,
    entities: tuple[Entity, ...],
    body: str,
    before: list[str],
    known: frozenset[str],
) -> list[Candidate]:
    found = []
    for e in entities:
        fit = FIT[need.kind].get(e.label, 0.0)
        if e.label == "ORG" and person_shaped(e.text, known, body):
            fit = 0.8  # "Denny Kellington" or "Stoltenberg", labelled ORG by the small model
        surname = terms(e.text.split()[-1])
        if not fit or not surname:
            continue
        asked_about = surname[0] in need.terms
        if asked_about != (need.kind == "identity"):
            continue
        appos = apposition(sentence, e)
        role = f"{appos} {titles(sentence, e, body)}"
        fit *= max(role_fit(need, role, body), role_fit(need, sentence) * 0.8)
        found.append(Candidate(e.text, e.start, fit, surname[0], role, appos))
    if need.asked.startswith("whose") and need.head:
        found += _possessors(need, sentence)
    if not found and need.kind == "person":
        # "..., he said": the person named in the sentences before.
        person = speaker(sentence, before, surnames(body))
        if person and person.surname.lower() not in need.terms:
            role = full_name(person, body)
            found.append(
                Candidate(
                    person.phrase,
                    max(sentence.find(person.phrase), 0),
                    0.8 * role_fit(need, role),
                    person.surname.lower(),
                    role,
                )
            )
    return found


def _possessors(need: Need, sentence: str) -> list[Candidate]:
    """ "whose jacket": the name written as its owner ("wears Cam’ron’s original pink jacket")."""
    owner = (
        rf"([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*?)['’]s\s+(?:[\w-]+\s+){{0,4}}?"
        rf"{re.escape(need.head)}"
    )
    return [
        Candidate(m.group(1), m.start(1), 1.0, terms(m.group(1).split()[-1])[0])
        for m in re.finditer(owner, sentence)
        if terms(m.group(1)) and need.is_new(m.group(1))
    ]


def affiliations(need: Need, sentence: str) -> list[Candidate]:
    """ "Buffalo Bills safety Damar Hamlin": the name written before the role of a person the
    question names is what that person belongs to (a team, a company, a state)."""
    found = []
    for person in need.people:
        surname = re.escape(person.split()[-1])
        pattern = (
            rf"((?:[A-Z][\w&'’.-]*\s+){{1,4}}?)(?:[a-z][\w-]*\s+){{1,2}}"
            rf"(?:[A-Z][\w'’.-]*\s+){{0,2}}{surname}\b"
        )
        for m in re.finditer(pattern, sentence):
            words = m.group(1).split()
            while words and words[0].lower() in STARTERS:
                words = words[1:]
            name = " ".join(words).removesuffix("'s").removesuffix("’s")
            if name and need.is_new(name):
                found.append(Candidate(name, m.start(1), 1.0, tied=True))
    return found
