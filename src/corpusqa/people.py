"""Candidate answers that are people, with the role the article gives them, and what a person
the question names belongs to.

A person comes with the role the article gives them: a title before the name ("Buffalo Police
Commissioner Joseph Gramaglia"), an apposition after it ("Jessica Lee, an astronomer at Royal
Observatory Greenwich"), or the fullest mention elsewhere in the article.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .descriptions import apposition, described_before, described_in, set_beside, titles
from .entities import Entity
from .keyword import terms
from .lexicon import FIT, PERSON_TERMS, unpossessed
from .places import NATIONALITIES, PLACE_LABELS, STATE_SHORT, US_STATES
from .question import Need
from .records import Candidate
from .roles import does_it, role_fit
from .speakers import ROLES, STARTERS, full_name, person_shaped, speaker, surnames

# A part played: "which character does X play?", "which role did X play?".
PARTS = frozenset({"character", "role", "part"})
_AS_PART = re.compile(r"\b(?:as|plays?|played|playing|portray(?:s|ed|ing)?)\s+(?:[\w'’]+\s+){0,3}$")


def plays_part(need: Need, sentence: str, e: Entity) -> bool:
    """Whether `e` is named as the part played: "stars Fraser as Charlie", "his recurring role
    as Karen's friend Beverley Leslie" (not Karen, whose friend it is)."""
    return (
        need.head in PARTS
        and e.label == "PERSON"
        and bool(_AS_PART.search(sentence[: e.start]))
        and sentence[e.end : e.end + 2] not in {"'s", "’s"}
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
    in_sentence = role_fit(need, sentence) * 0.8  # the same for every name of the sentence
    nation = _nationalities(" ".join((need.asked, *need.names)))  # "his Mexican counterpart"
    for e in entities:
        fit = FIT[need.kind].get(e.label, 0.0)
        if e.label == "ORG" and person_shaped(e.text, known, body):
            fit = 0.8  # "Denny Kellington" or "Stoltenberg", labelled ORG by the small model
        surname = terms(e.text.split()[-1])
        # A person is named with a capital: the small model calls "a human iris" one. The
        # first letter, not character: a name may follow a zero-width space.
        if not fit or not surname or not next(filter(str.isalpha, e.text), "").isupper():
            continue
        if sentence[e.end : e.end + 1] == "/":
            continue  # "Danny Lawson/PA Images": who took the photograph, not who is in it
        if need.kind == "identity":
            if _is_asked(need.people[0], e.text, body):
                found.append(_described(e, sentence, surname[0]))
            continue
        if surname[0] in need.terms:
            continue
        appos = apposition(sentence, e)
        if e.label == "ORG" and (set(terms(appos)) & PERSON_TERMS or _WHO.match(sentence, e.end)):
            fit = 0.8  # "Vultaggio, the company's cofounder", "Pieter de Pous, who leads": a person
        role = f"{appos} {titles(sentence, e, body)}"
        fit *= max(role_fit(need, role, body), in_sentence, does_it(need, appos))
        if plays_part(need, sentence, e):
            fit = 1.0  # "stars Brendan Fraser as Charlie": the character, not the actor
        fit = _playing(need, sentence, e.end, fit)
        if nation and (have := _nationalities(role)) and not nation & have:
            fit *= 0.3  # "his Chinese counterpart" for "his Mexican counterpart"
        if _lone_word(e.text, body) or _OF_NAME.search(sentence[: e.start]):
            # "Oscar nominees": a word the article never makes a person's name; "the
            # Academy of Motion Picture Arts and Sciences": the end of an organisation's
            fit *= 0.5
        found.append(Candidate(unpossessed(e.text), e.start, fit, surname[0], role, appos))
    if need.asked.startswith("whose") and need.head:
        found += _possessors(need, sentence)
    if not found and need.kind == "person":
        # "..., he said": the person named in the sentences before.
        person = speaker(sentence, before, surnames(body))
        # Stemmed as the question's terms are: "Galactic" is "galact" there.
        at = max(sentence.find(person.phrase), 0) if person else 0
        if (
            person
            and not set(terms(person.surname)) & need.terms
            and not _a_place(person.phrase, at, entities)
        ):
            # Who the article says the speaker is: "Felix Booth, head of LNG at data firm
            # Vortexa, told CNN ..." before "..., he said."
            role = f"{full_name(person, body)} {described_in(body, person.surname)}"
            fit = 0.8 * role_fit(need, role) * (0.5 if _OF_NAME.search(sentence[:at]) else 1)
            found.append(
                Candidate(
                    person.phrase,
                    at,
                    _playing(need, sentence, at + len(person.phrase), fit),
                    person.surname.lower(),
                    role,
                )
            )
    return found


_WHO = re.compile(r",\s+who\b")
_ACTING = frozenset(terms("play portray star"))
_PLAYS = re.compile(
    r"\s+(?:portrays?|portrayed|plays|played|stars as|starred as|as)\s+([A-Z][\w'’-]*)"
)


def _playing(need: Need, sentence: str, end: int, fit: float) -> float:
    """ "Biel portrays Candy Montgomery", "Melanie Lynskey as Betty Gore": who plays a part,
    for "which actress plays Candy Montgomery" or "who plays Betty Gore"; not the one who
    plays another ("Jessica Biel" for Betty Gore)."""
    plays = _PLAYS.match(sentence, end)
    if not plays or not set(need.verbs) & _ACTING or set(need.relation) & PERSON_TERMS:
        return fit  # "plays Charlie's daughter": the part is not Charlie
    if any(plays.group(1) in p.split() for p in need.people):
        return 1.0
    if need.head in {"actor", "actress", "star"} and not need.people:
        return 1.0  # "which actress plays a Texas housewife"
    return fit * 0.3 if need.people else fit


def _a_place(phrase: str, at: int, entities: tuple[Entity, ...]) -> bool:
    """A capitalised pair the entity model calls a place is no speaker: "the bombing of Pearl
    Harbor, scientists who ..." names no one. A lone surname it may call one ("Garland has
    three 40-point games") still names a person."""
    return " " in phrase and any(
        e.label in PLACE_LABELS and e.start <= at < e.end for e in entities
    )


_OF_NAME = re.compile(r"\b[A-Z][\w'’-]+ of $")


@lru_cache(maxsize=1024)
def _lone_word(name: str, body: str) -> bool:
    """A one-word name the article never writes after a first name or a title."""
    if " " in name:
        return False
    return not re.search(rf"\b[A-Z][\w.'’-]* {re.escape(name)}\b", body)


def _nationalities(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if w in NATIONALITIES}


def _is_asked(asked: str, name: str, body: str) -> bool:
    """Whether `name` is the person "who is X" asks about: X's surname, and X's first name if
    it has one ("John" is not John Kirby), in an article that names X in full."""
    want, have = asked.split(), name.split()
    if terms(have[-1]) != terms(want[-1]) or asked not in body:
        return False
    return len(have) == 1 or terms(have[0]) == terms(want[0])


def _described(e: Entity, sentence: str, key: str) -> Candidate:
    """The asked person as this sentence says who they are: the words before the name
    ("Pentagon press secretary John Kirby") or after it (", an astronomer at ..."). The
    answer is that whole phrase; a sentence that only names them answers nothing (fit 0.4)."""
    appos, before = apposition(sentence, e), described_before(sentence, e.start)
    beside = "" if before or appos else set_beside(sentence, e)
    if before:
        said = f"{before} {e.text}" + (f", {appos}" if appos else "")
    elif beside:
        said = f"{beside}, {e.text}"  # "His German colleague, Christine Lambrecht"
    else:
        said = f"{e.text}, {appos}" if appos else ""
    return Candidate(e.text, e.start, 1.0 if said else 0.4, key, said, appos)


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
        # The role in lower case ("safety") or in title case ("UK Defence Secretary Ben Wallace")
        pattern = (
            rf"((?:[A-Z][\w&'’.-]*\s+){{1,4}}?)((?:[a-z][\w-]*\s+){{1,2}}|{_TITLED_ROLE})"
            rf"(?:[A-Z][\w'’.-]*\s+){{0,2}}{surname}\b"
        )
        for m in re.finditer(pattern, sentence):
            if len(terms(m.group(2))) < len(m.group(2).split()):
                continue  # "Chanock is Javier Baez's agent": no role between, but a verb
            words = m.group(1).split()
            while words and words[0].lower() in STARTERS:
                words = words[1:]
            name = unpossessed(" ".join(words))
            if need.head == "state" and not any(name.endswith(s) for s in US_STATES):
                continue  # "House GOP leader Kevin McCarthy": what he leads, not his state
            if name and need.is_new(name):
                found.append(Candidate(name, m.start(1), 1.0, tied=True))
    return found


_TITLED_ROLE = rf"(?:(?:{'|'.join(sorted(w.title() for w in ROLES if w.isalpha()))})\s+){{1,3}}"
_SHORT = "|".join(re.escape(s) for s in sorted(STATE_SHORT, key=len, reverse=True))
_FULL = "|".join(sorted(US_STATES, key=len, reverse=True))


def home_states(need: Need, sentence: str) -> list[Candidate]:
    """ "Kevin McCarthy, R-Calif." and "McCarthy of California": the state of a lawmaker the
    question names, for "which state". A short form only after the party ("Garcetti of LA" is
    of Los Angeles)."""
    if need.kind != "place" or need.head != "state":
        return []
    found = []
    for person in dict.fromkeys((*need.people, *need.names)):  # the model misses some people
        surname = re.escape(person.split()[-1])
        pattern = rf"\b{surname}(?:,\s*\(?[RDI]-({_SHORT})|\s+of\s+({_FULL}))(?![\w-])"
        for m in re.finditer(pattern, sentence):
            state = m.group(1) or m.group(2)
            found.append(Candidate(STATE_SHORT[state], m.start(m.lastindex or 1), 1.0, tied=True))
    return found


_OWNER = re.compile(r"([A-Z][\w'’-]+)(?:,\s*\(?[RDI]-|\s+of\s+)$")


def state_of_another(need: Need, sentence: str, at: int) -> bool:
    """Whether the state at `at` is written as another person's ("Matt Gaetz of Florida",
    "Byron Donalds, R-Fla.") when the question asks for the state of the person it names."""
    m = _OWNER.search(sentence[:at])
    surnames = {p.split()[-1] for p in need.people}
    return bool(m and surnames and m.group(1) not in surnames)
