"""What the article says a person is: an apposition (", an astronomer at Royal Observatory
Greenwich,"), the words before the name ("pediatrician Mark Corkins"), and the same around
the article's first mentions of the surname."""

from __future__ import annotations

import re
from itertools import islice

from .chunk import sentence_spans
from .entities import Entity
from .keyword import terms
from .lexicon import NOT_ROLE, PERSON_TERMS
from .speakers import ROLES, STARTERS

_APPOSITION = re.compile(
    r"^\s*,\s*((?:a|an|the)\s+)?([^,;.\"“”]{3,90}?)"
    r"(?=,|;|\.|\s+(?:said|says|told|wrote|added|who)\b|$)"
)
_BEFORE = re.compile(r"((?:[A-Za-z][\w'’.-]*\s+){1,4})$")


def apposition(sentence: str, e: Entity) -> str:
    """ ", an astronomer at Royal Observatory Greenwich," after the name; not a list of names."""
    after = _APPOSITION.match(sentence[e.end :])
    if (
        after
        and (after.group(1) or after.group(2)[0].islower() or _titled(after.group(2)))
        and after.group(2).split()[0] not in NOT_ROLE
    ):
        return (after.group(1) or "") + after.group(2).strip()
    return ""


def _titled(words: str) -> bool:
    """ "Dunkin' president", "Pfizer CEO": a capitalised apposition that ends in a role, not
    another name ("Raphael Warnock of Georgia")."""
    return words.split()[-1].lower() in ROLES


def _this_sentence(before: str) -> str:
    """The part of `before` in the sentence it ends in: not "its coverage. Joe" for Buck."""
    spans = sentence_spans(before)
    return before[spans[-1][0] :] if spans else before


def titles(sentence: str, e: Entity, body: str) -> str:
    """The words before the name ("pediatrician Mark Corkins") here and where the article
    names the person elsewhere ("Cavs coach J.B. Bickerstaff" for a later "Bickerstaff")."""
    prior = _BEFORE.search(sentence[: e.start])
    return f"{prior.group(1).strip() if prior else ''} {described_in(body, e.text.split()[-1])}"


def described_in(body: str, surname: str) -> str:
    """The words before and after the article's first mentions of a surname."""
    parts = []
    for m in islice(re.finditer(rf"\b{re.escape(surname)}\b", body), 3):
        around = _BEFORE.search(_this_sentence(body[max(0, m.start() - 80) : m.start()]))
        after = _APPOSITION.match(body[m.end() : m.end() + 120])
        parts += [around.group(1) if around else "", after.group(2) if after else ""]
    return " ".join(parts)


# Words that end a description written before a name, going back from it: "We will hear
# again from Jacinda Ardern" says nothing of who she is.
_NOT_DESCRIPTION = (
    NOT_ROLE
    | STARTERS
    | frozenset(
        """is was are were be been has have had will would can could may might says say we i you
    he she they it his her their our my me us them there here again also now then when where
    what why how not no""".split()
    )
)
_JOINERS = frozenset({"of", "for", "at"})  # "coordinator for strategic communications"


def set_beside(sentence: str, e: Entity) -> str:
    """ "His German colleague, Christine Lambrecht, said": the phrase before a name that the
    name is set beside, between commas, when it ends in a word for a person."""
    m = re.search(r",\s*$", sentence[: e.start])
    if m is None or not re.match(r"\s*,", sentence[e.end :]):
        return ""
    phrase = described_before(sentence, m.start())
    last = phrase.split()[-1].lower() if phrase else ""
    if not (last in ROLES or set(terms(last)) & PERSON_TERMS):
        return ""
    whose = _WHOSE.search(sentence[: m.start() - len(phrase)])  # "his wife", "the spokesman"
    return f"{whose.group(1)} {phrase}" if whose else phrase


_WHOSE = re.compile(r"\b(the|his|her|their|its|a|an)\s+$", re.I)


def described_before(sentence: str, start: int) -> str:
    """The words before a name that say who the person is: "Pentagon press secretary" in
    "Days later, Pentagon press secretary John Kirby said", "Yankees manager" in "says Yankees
    manager Aaron Boone"; back to a punctuation mark or a word that cannot describe."""
    words = re.split(r"\s+", sentence[:start].rstrip())
    kept: list[str] = []
    for w in reversed(words):
        bare = w.strip("'’")
        if not bare or not re.fullmatch(r"[\w.&-]+(?:['’]s)?", bare) or len(kept) == 8:
            break
        low = bare.lower()
        if low in _NOT_DESCRIPTION and not (kept and low in _JOINERS):
            break
        kept.append(bare)
    while kept and kept[-1].lower() in _JOINERS:
        kept.pop()
    kept.reverse()
    last = kept[-1] if kept else ""
    if not re.search(r"[a-z]", last) or re.search(r"(?:ed|ing|ly)$", last):
        return ""  # "NATO", "Reuters reported", "quickly"
    return " ".join(kept)
