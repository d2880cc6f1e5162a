"""The names a question states: its named entities without the quotes and possessives left on
them, each title it quotes, and whether "who is X" names a person or someone related to one."""

from __future__ import annotations

import re

from .entities import Entity
from .keyword import terms
from .lexicon import unpossessed

# A title the question quotes: "'The Whale'", "“Will & Grace”"; not the "'s" of "Charlie's".
_TITLE = re.compile(r"(?<![\w'’])['‘“\"]([A-Z][^'‘’“”\"]{0,60}?)['’”\"](?!\w)")
_QUOTE_CHARS = "'‘’“”\""


def titled(text: str, names: list[str]) -> tuple[str, ...]:
    """The question's names without the quotes the entity model left on them ("'The Whale"),
    and each title it quotes, which the model may not call a name at all."""
    titles = [m.group(1).strip() for m in _TITLE.finditer(text)]
    bare = [n.strip(_QUOTE_CHARS) for n in names]
    kept = [n for n in bare if n and not any(set(terms(n)) <= set(terms(t)) for t in titles)]
    return tuple(dict.fromkeys([*kept, *(t for t in titles if terms(t))]))


def name_of(e: Entity) -> str:
    """A person as named, without the possessive: "Steve Martin's new book" names Steve Martin."""
    return unpossessed(e.text) if e.label == "PERSON" else e.text


# Lower-case words inside a person's name ("Maria van Kerkhove", "Ursula von der Leyen").
_PARTICLES = frozenset("van von der den de di da du del la le bin al".split())


def is_name(name: str, asked: str) -> bool:
    """Whether "who is X" asks who a person named X is ("Pope Francis"), not who stands in
    relation to them ("the mother of X's son", "X's successor")."""
    words = asked.strip(" ?.,").removeprefix("the ").split()
    return name in asked and all(
        w[:1].isupper() or not w[:1].isalpha() or w in _PARTICLES for w in words
    )


def name_shaped(asked: str) -> bool:
    """ "Eytan Stibbe": two to four capitalised words, which the small entity model may not
    call a person; "the Mayor" or "NATO" are not."""
    words = asked.strip(" ?.,").split()
    capitals = [w for w in words if w not in _PARTICLES]
    return (
        2 <= len(words) <= 4
        and all(w[:1].isupper() and not w.isupper() for w in capitals)
        and words[0][:1].isupper()
        and words[-1][:1].isupper()
    )
