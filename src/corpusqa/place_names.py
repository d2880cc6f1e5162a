"""Places the small entity model misses or mislabels: a town before a US state, where the
question's verb happened ("grew up in Compton"), where a named thing is based ("Austin-based
Madhu Chocolate"), a road by its name and number; and whether a name is a state or a country,
or the people of one."""

from __future__ import annotations

import re

from .entities import Entity
from .keyword import terms
from .lexicon import unpossessed
from .names import WHEN_WORD, matches
from .places import BASED, COUNTRIES, NATIONALITIES, ROAD, ROAD_HEADS, STATE_SHORT, US_STATES
from .question import Need
from .records import Candidate
from .speakers import STARTERS
from .verbs import asked_verb, verb_forms

_TOWN = re.compile(
    rf"((?:[A-Z][\w.'’-]*\s+){{0,3}}[A-Z][\w.'’-]*),\s+({'|'.join(sorted(US_STATES))})\b"
)
_TOWN_HEADS = frozenset({"city", "town", "village", "community", "suburb"})
_BEFORE_TOWN = frozenset("the in on at by from near".split())


def towns(need: Need, sentence: str) -> list[Candidate]:
    """ "at Carter's Lancaster, California home": a name before a comma and a US state is a
    town, whatever the entity model made of it."""
    found = []
    for m in _TOWN.finditer(sentence):
        words = m.group(1).split()
        while words and (words[0].endswith(("'s", "’s")) or words[0].lower() in _BEFORE_TOWN):
            words = words[1:]  # "Carter's Lancaster": the town is what follows the owner
        town = " ".join(words)
        if town and need.is_new(town) and not WHEN_WORD.fullmatch(town):  # "On Wednesday, Ohio"
            found.append(Candidate(town, m.start(1) + m.group(1).index(town), _town_fit(need)))
    return found


def _town_fit(need: Need) -> float:
    return 1.0 if need.head in _TOWN_HEADS or not need.head else 0.5


def where_it_happened(need: Need, sentence: str) -> list[Candidate]:
    """ "Dr. Dre, who grew up in Compton": a name after the question's verb and "in" is where
    it happened, whatever the entity model made of it (an ORG here); not "died from COVID-19"."""
    verbs = {f for v in need.verbs for f in verb_forms(v)}
    return [
        Candidate(m.group(2), m.start(2), _town_fit(need))
        for m in _VERB_IN.finditer(sentence)
        if set(terms(m.group(1))) & verbs
        and m.group(2).split()[0].lower() not in STARTERS
        and not WHEN_WORD.match(m.group(2))
        and need.is_new(m.group(2))
    ]


_VERB_IN = re.compile(
    r"\b([a-z]+)(?:\s+(?:up|out|back|down))?\s+in\s+"
    r"([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)"
)


# "returning to their bases of permanent deployment": a place in lower case, after the verb
_OWNED_PLACE = (
    r"((?:their|its|his|her|the|a|an)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?"
    r"(?:\s+of\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)?)"
    r"(?=\s*[.,;:!?]|\s+(?:following|after|before|and|but|which|that|when|while|as|for|with|"
    r"from|by|on|in|at)\b)"
)


def where_to(need: Need, sentence: str) -> list[Candidate]:
    """ "Where were the troops returning to?": the place the question's verb goes to, in or
    at, written in lower case ("returning to their bases of permanent deployment"); 0.8, less
    than a place's name."""
    verb = asked_verb(need)  # "were returning": no verb the parser found
    if need.kind != "place" or need.head or not verb:
        return []
    pattern = rf"\b{verb}\s+(?:to|into|in|at|towards?)\s+{_OWNED_PLACE}"
    return [Candidate(m.group(1), m.start(1), 0.8) for m in re.finditer(pattern, sentence)]


def based(need: Need, sentence: str) -> list[Candidate]:
    """ "Austin-based Madhu Chocolate": where the name after "-based" is based, 1 when it is
    the question's own name, else 0.5 (where something else is based)."""
    found = []
    for m in BASED.finditer(sentence):
        after = sentence[m.end() : m.end() + 60]
        fit = 1.0 if any(after.startswith(n) for n in need.names) else 0.5
        if need.is_new(m.group(1)):
            found.append(Candidate(m.group(1), m.start(1), fit))
    return found


def roads(need: Need, sentence: str) -> list[Candidate]:
    """ "stuck on New York State Route 198": a road by its name and number, which the small
    model cuts short ("New York State") or misses."""
    return matches(need, ROAD, sentence) if need.head in ROAD_HEADS else []


_CITY_TOO = frozenset({"New York", "Washington"})  # a state's name that is a city's too


def is_state_or_country(name: str) -> bool:
    bare = _bare(name)
    if bare.endswith(".") and bare[:-1] in STATE_SHORT:
        return True  # "Linden, Calif.": the state, as AP style shortens it
    return bare not in _CITY_TOO and (bare in US_STATES or bare in COUNTRIES)


def in_another_state(need: Need, name: str) -> bool:
    """ "Which city in California": New York, Washington, DC or Maine is in another state."""
    asked = {state for state, words in _STATE_TERMS.items() if words <= set(need.role)}
    written = _bare(name).split(",")[0]
    return bool(asked) and written in US_STATES and written not in asked


def a_people(name: str) -> bool:
    """ "Rhode Islander", "New Yorkers", "Californians": people of a state, not a place."""
    return _bare(name).removesuffix("s") in _STATE_PEOPLE


# Stemmed once: both are read for every place candidate of a "which city" question.
_STATE_TERMS = {state: frozenset(terms(state)) for state in US_STATES}
_STATE_PEOPLE = frozenset(f"{state}{end}" for state in US_STATES for end in ("er", "n", "an"))


def is_country(name: str) -> bool:
    return _bare(name) in COUNTRIES


def _bare(name: str) -> str:
    return unpossessed(name.removeprefix("the "))


_PLACED = re.compile(r"\b(?:in|from|at|near)\s+$")
_PHRASE_ENDS = re.compile(r"\s*(?:[,.;:()—–]|$)")


def written_as_place(sentence: str, e: Entity) -> bool:
    """ "launch from Cornwall —": a name after "from" or "in" with nothing after it, which is
    no people's word (not "in Chinese", "from Americans")."""
    word = e.text.split()[-1].lower().rstrip(".,;:")
    return (
        bool(_PLACED.search(sentence[: e.start]))
        and bool(_PHRASE_ENDS.match(sentence, e.end))
        and word not in NATIONALITIES
        and not word.endswith(("ans", "ese", "ish", "ers"))
    )
