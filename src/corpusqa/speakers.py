"""Who said it: people named in a sentence, and the fullest mention of each.

The entity model says where names are; this reads the shape of news prose around them: a run
of capitalised words (with role words such as "spokesman" allowed in lower case) ending in a
personal name, the person a "who ..." clause or a "he said" refers to, and a surname expanded
to its fullest mention in the article ("Stoltenberg" -> "NATO Secretary General Jens
Stoltenberg"). What the article says a person is, is read in `descriptions`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

ROLES = frozenset(
    """secretary general minister foreign defence defense president vice prime chancellor
    spokesman spokeswoman spokesperson chief director senator governor mayor ambassador
    representative rep sen gov dr mr mrs ms king queen pope ceo chairman chairwoman chair
    commissioner leader head deputy envoy official adviser advisor analyst professor prof
    judge justice attorney admiral lt col gen sgt captain capt commander colleague reporter
    correspondent editor executive founder officer economist coach manager premier minister's
    interior home state first lady sir dame lord famer""".split()
)
LOWER_ROLES = frozenset(
    """spokesman spokeswoman spokesperson chief director minister secretary president leader head
    official adviser advisor analyst envoy ambassador""".split()
)
# Words a phrase cannot start before: "On Monday The Russian President ..." starts at "Russian".
STARTERS = frozenset(
    """the a an on in at for and but of to by from with as after before during this that these
    those his her their its our monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    earlier later however meanwhile responding two three four several many though although
    while whereas because unless if when once""".split()
)
NOT_NAMES = STARTERS | frozenset(
    """nato un eu us uk british german russian american french chinese ukrainian european western
    eastern israeli iranian indian japanese korean italian spanish polish turkish canadian
    australian""".split()
)
ORG_WORDS = frozenset(
    """ministry department office agency council committee party government army force forces
    alliance union league bank house court university center centre institute news times post
    association organization organisation company group parliament duma kremlin commission
    studies analyses affairs relations security services systems school college""".split()
)
_TOKEN = re.compile(r"[A-Za-z][\w'’.-]*")
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}[A-Z]?")
_PLACE_INITIALS = frozenset({"u.s", "u.k", "u.n", "e.u", "d.c"})
PRONOUN = re.compile(
    r"\b(he|she|they)\s+(said|says|added|warned|told|claimed|stated|noted)\b"
    r"|^\W*(he|she)\b",
    re.I,
)


@dataclass(frozen=True)
class Person:
    phrase: str  # as the article gives it, role included
    surname: str
    start: int  # in the text searched
    end: int


def people(text: str, known: frozenset[str] = frozenset()) -> list[Person]:
    """Every named person in `text`, in order of appearance; `known` surnames count alone."""
    found = []
    tokens = list(_TOKEN.finditer(text))
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and _joinable(text, tokens, i, j):
            j += 1
        if j > i:
            person = _person(text, tokens[i:j], known)
            if person:
                found.append(person)
        i = max(j, i + 1)
    return found


def _joinable(text: str, tokens: list[re.Match[str]], i: int, j: int) -> bool:
    word = tokens[j].group()
    if not (word[0].isupper() or word.lower() in LOWER_ROLES):
        return False
    if j == i:
        return True
    prev = tokens[j - 1].group()
    if prev.endswith(".") and len(prev) > 3 and not _initials(prev[:-1]):
        # a full stop ends the run; "Mr." and "J.B." do not
        return False
    return text[tokens[j - 1].end() : tokens[j].start()] == " "


def _person(text: str, run: list[re.Match[str]], known: frozenset[str]) -> Person | None:
    words = [_bare(m.group()) for m in run]
    lowered = [w.lower() for w in words]
    # The phrase starts after any leading function word ("On Monday The Russian President ...").
    start = max((k + 1 for k, w in enumerate(lowered) if w in STARTERS), default=0)
    names = []
    for w, low in zip(reversed(words[start:]), reversed(lowered[start:]), strict=True):
        if (
            low in ROLES
            or low in ORG_WORDS
            or low in NOT_NAMES
            or (w.isupper() and not _initials(w))
        ):
            break
        names.append(w)
    names.reverse()
    alone = len(names) == 1 and names[0] in known
    if not (2 <= len(names) <= 4 or alone) or lowered[-1] in ORG_WORDS:
        return None
    first, last = run[start], run[-1]
    phrase = text[first.start() : last.start() + len(_bare(last.group()))]
    return Person(phrase, names[-1], first.start(), first.start() + len(phrase))


def _initials(word: str) -> bool:
    """ "J.B." (bare: "J.B") is part of a name; "NATO" and "U.S." are not."""
    return bool(_INITIALS.fullmatch(word)) and word.lower() not in _PLACE_INITIALS


def _bare(word: str) -> str:
    """A token without a trailing full stop or possessive."""
    return re.sub(r"(['’]s?|\.)$", "", word)


def speaker(sentence: str, before: list[str], known: frozenset[str] = frozenset()) -> Person | None:
    """The person a sentence attributes its claim to, looking back for "he said"."""
    found = people(sentence, known)
    who = re.search(r",\s*who\s+", sentence)
    if who:
        near = [p for p in found if p.end <= who.start() + 1]
        if near:
            return near[-1]
    if found and not PRONOUN.search(sentence[: found[0].start]):
        return found[0]
    # "he said", or a sentence that opens a quote: the words of someone named just before.
    if PRONOUN.search(sentence) or sentence.lstrip().startswith(("“", '"')):
        for text in reversed(before):
            earlier = people(text, known)
            if earlier:
                return earlier[0]
    return found[0] if found else None


@lru_cache(maxsize=256)
def _mentions(article_text: str) -> tuple[Person, ...]:
    """The people of a whole article, read once however many of its sentences are evidence."""
    return tuple(people(article_text))


def surnames(article_text: str) -> frozenset[str]:
    return frozenset(p.surname for p in _mentions(article_text))


def full_name(person: Person, article_text: str) -> str:
    """The fullest mention of the same surname in the article: role and all."""
    mentions = [p.phrase for p in _mentions(article_text) if p.surname == person.surname]
    return max(mentions, key=len, default=person.phrase)


def person_shaped(text: str, known: frozenset[str], body: str) -> bool:
    """A surname other sentences give a person, or names the article treats as a person's:
    a lower-case role before them ("assistant trainer Denny Kellington"), or speech after
    ("X said", "X, the brand's director, said")."""
    if " " not in text:
        # "Bickerstaff said ...": a surname the article writes in full elsewhere as a person's.
        full = {m.group() for m in re.finditer(rf"\b[A-Z][\w.'’-]* {re.escape(text)}\b", body)}
        return text in known or any(person_shaped(f, known, body) for f in sorted(full)[:5])
    found = people(text)
    if len(found) != 1 or found[0].phrase != text:
        return False
    name = re.escape(text)
    roles = [m.group(1) for m in re.finditer(rf"\b([a-z]{{3,}}) {name}\b", body)]
    speech = rf"{name}(,? who\b|,? said\b| told\b|, [^,.;\"“”]{{3,90}}, (?:said|says|told)\b)"
    said = rf"\b(?:said|says) {name}, (?:the|an?) "  # "said Matthew Myers, the president of"
    return any(r in ROLES or r.endswith(("er", "or", "ist", "ant", "ian")) for r in roles) or bool(
        re.search(speech, body) or re.search(said, body)
    )
