"""Where the asking is in a parsed question: its wh-word, the noun that word asks about and the
phrase around that noun (its verbs are in `verbs.py`)."""

from __future__ import annotations

import re

from .entities import Parsed, Token
from .lexicon import TYPED_HEADS

_WH_TAGS = {"WDT", "WP", "WP$", "WRB"}


_AUX = {"did", "do", "does", "was", "were", "is", "are", "had", "has", "have"}


_COPULA = re.compile(r"^(is|was|are|were)\s+(the|a|an)\s+", re.I)


def wh_token(parsed: Parsed) -> int | None:
    """The wh-word of the asking clause: in the last sentence if it has one, else the first;
    in a quiz's statement without one, the "this" of "romped past this opponent"."""
    start = last_start(parsed.text)
    found = [i for i, t in enumerate(parsed.tokens) if t.tag in _WH_TAGS]
    late = [i for i in found if parsed.tokens[i].start >= start]
    return (late or found)[0] if found else _demonstrative(parsed.tokens)


_NOT_ASKED = frozenset(
    """week weekend year month season offseason morning afternoon evening night time
    summer winter spring fall autumn decade century past""".split()
)


def _demonstrative(tokens: tuple[Token, ...]) -> int | None:
    """ "This four-time WNBA champion stepped away ...": "this" before a noun that is not a
    time ("this week") stands for "which"."""
    for i, t in enumerate(tokens[:-1]):
        if t.text.lower() == "this" and _nominal(tokens[i + 1]):
            noun = _head_noun(tokens, i + 1)
            if tokens[noun].text.lower() not in _NOT_ASKED:
                return i
    return None


def last_start(text: str) -> int:
    """Where the question's last sentence starts: quizzes set the scene first ("X died this
    week. What age was she?")."""
    breaks = [m.end() for m in _BREAK.finditer(text)]
    return breaks[-1] if breaks else 0


# Not after an initial or a title: "did Fraser speak with Samuel D. Hunter", "Dr. Fauci".
_BREAK = re.compile(r"(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|No))(?<!\bMrs)[.!;]\s+(?=[A-Z])")


def noun_of(tokens: tuple[Token, ...], wh: int) -> int | None:
    """The noun a wh-word asks about: "which <noun>", or "what is the <noun> of"."""
    word = tokens[wh].text.lower()
    if word not in {"what", "which", "whose", "this"}:
        return None
    if word in {"which", "what"} and (chosen := _noun_after_of(tokens, wh)) is not None:
        return chosen  # "which of these films": one of the films
    rest = " ".join(t.text for t in tokens[wh + 1 : wh + 4])
    copula = _COPULA.match(rest)
    first = wh + 1 + (len(copula.group().split()) if copula else 0)
    # "What was UBS's revenue?": an owner, and the noun asked is what it owns.
    owned = _owned_after_copula(tokens, wh)
    if owned is not None:
        return owned
    if first >= len(tokens):
        return None
    retired = tokens[first].tag == "VBD" and tokens[first].text.lower() not in _AUX
    # "... sold in which states?": the word ending the question is its noun, whatever the
    # tagger says (it reads "states" as a verb there).
    last = all(t.tag == "." for t in tokens[first + 1 :]) and tokens[first].text.isalpha()
    if not (_nominal(tokens[first]) or retired or last):
        return None
    noun = _head_noun(tokens, first)
    # "which country's prime minister" asks for the country, "which Canadian men's rights
    # activist" for the activist: the parser ties the wh-word to the noun it asks about.
    owner = tokens[wh].head
    tied = tokens[wh].dep == "det" and noun < owner and _nominal(tokens[owner])
    if tied and any(t.dep == "case" for t in tokens[noun:owner]):
        noun = owner
    # "the name of the gunman", "the title of the series": the noun after "of".
    if tokens[noun].text.lower() in {"name", "names", "title"}:
        return _noun_after_of(tokens, noun) or noun
    return noun


_NAMING = frozenset("known called dubbed nicknamed named".split())


def _owned_after_copula(tokens: tuple[Token, ...], wh: int) -> int | None:
    """ "What was UBS's revenue", "what were the company's losses": the noun owned, where the
    question goes on from its copula with an owner (not "which country's president", which
    asks for the country), and the noun tells what kind of answer is asked ("what is Beijing's
    National Stadium known as" asks no stadium)."""
    if wh + 2 >= len(tokens) or tokens[wh + 1].text.lower() not in {"is", "was", "are", "were"}:
        return None
    for k in range(wh + 2, min(wh + 6, len(tokens))):
        t = tokens[k]
        if t.tag == "POS":
            owner = tokens[k - 1]
            owned = tokens[owner.head]
            typed = bool({owned.text.lower(), owned.text.lower()[:-1]} & TYPED_HEADS)
            named = any(w.text.lower() in _NAMING for w in tokens[k:])
            ok = owner.dep == "poss" and _nominal(owned) and typed and not named
            return owner.head if ok else None
        if not (_nominal(t) or t.tag in {"NNP", "NNPS", "DT"}):
            return None
    return None


def counted_noun(tokens: tuple[Token, ...], wh: int) -> int | None:
    """ "how many M1 Abrams tanks": the noun counted."""
    if (
        wh + 2 < len(tokens)
        and tokens[wh + 1].text.lower() in {"many", "much"}
        and _nominal(tokens[wh + 2])
    ):
        return _head_noun(tokens, wh + 2)
    return None


def _nominal(t: Token) -> bool:
    return t.tag.startswith(("NN", "JJ", "CD", "VBN", "VBG")) or t.tag == "HYPH"


def _head_noun(tokens: tuple[Token, ...], i: int) -> int:
    """The last common noun of the run starting at i: "Amazon retail executive" -> executive."""
    last = None
    j = i + 1
    while j < len(tokens) and (
        _nominal(tokens[j])
        or (tokens[j].tag == "CC" and j + 1 < len(tokens) and _nominal(tokens[j + 1]))
    ):
        if _prefix(tokens, j):
            break  # "which professor co-authored it": "co-" begins the verb, not the noun
        if tokens[j].tag in {"NN", "NNS"}:
            last = j
        j += 1
    after = _named_of(tokens, i, j)
    if after is not None:
        return _head_noun(tokens, after)
    # "which country's prime minister" asks for the country: the possessive ends the phrase.
    if tokens[i].tag in {"NN", "NNS"} and last is None:
        last = i
    if j < len(tokens) and tokens[j - 1].tag in {"NNP", "NNPS"} and tokens[j].text in TYPED_HEADS:
        return j  # "which Orlando Magic forward", the tagger reading "forward" as an adverb
    if tokens[j - 1].tag in {"NNP", "NNPS"} and j - 1 > i:
        return j - 1  # "which high-profile Republican"
    return last if last is not None else j - 1


def _prefix(tokens: tuple[Token, ...], j: int) -> bool:
    return tokens[j].text.lower() == "co" and j + 1 < len(tokens) and tokens[j + 1].text == "-"


def _named_of(tokens: tuple[Token, ...], i: int, j: int) -> int | None:
    """ "which University of Cincinnati Medical Center doctor", "which former Bank of England
    official": a name with "of" in it before the noun asked about; that noun's place."""
    proper = {"NNP", "NNPS"}
    if j >= len(tokens) or tokens[j].text.lower() not in {"of", "for", "on"}:
        return None  # "Bank of England", "Airlines for America", "Alliance on Mental Illness"
    while i < j and tokens[i].tag == "JJ" and tokens[i].text.islower():
        i += 1  # "former", "top"
    if i == j or not all(tokens[k].tag in proper for k in range(i, j)):
        return None
    k = j + 1
    while k < len(tokens) and tokens[k].tag in proper:
        k += 1
    if k > j + 1 and tokens[k - 1].text.lower() in TYPED_HEADS:
        return k - 1  # "which Hall of Famer": the name ends with the noun asked about
    return k if k > j + 1 and k < len(tokens) and tokens[k].tag in {"NN", "NNS"} else None


def _noun_after_of(tokens: tuple[Token, ...], i: int) -> int | None:
    if i + 1 < len(tokens) and tokens[i + 1].text.lower() == "of":
        j = i + 2
        while j < len(tokens) and tokens[j].tag in {"DT", "PRP$"}:
            j += 1
        if j < len(tokens) and _nominal(tokens[j]):
            return _head_noun(tokens, j)
    return None


def noun_phrase(parsed: Parsed, wh: int | None, noun: int | None) -> str:
    """The noun phrase asked about, without relative clauses: "Which German cardinal"."""
    if noun is None:
        return ""
    keep = _subtree(parsed.tokens, noun, skip={"relcl", "acl", "advcl", "appos", "punct"})
    lo, hi = min(keep), max(keep)
    if wh is not None and wh < lo:
        lo = wh
    words: list[str] = []
    last = None
    for i in range(lo, hi + 1):
        if i not in keep and i != wh:
            continue
        t = parsed.tokens[i]
        glued = last is not None and last.start + len(last.text) == t.start
        words.append(t.text if glued or not words else f" {t.text}")  # "E3G", not "E3 G"
        last = t
    return "".join(words)


def _subtree(tokens: tuple[Token, ...], root: int, skip: set[str]) -> set[int]:
    out = {root}
    changed = True
    while changed:
        changed = False
        for i, t in enumerate(tokens):
            if i not in out and t.head in out and t.head != i and t.dep not in skip:
                out.add(i)
                changed = True
    return out


def asked_words(noun: int | None, parsed: Parsed, wh: int | None) -> str:
    """The question's words from the wh-word to the noun asked about: "which Buffalo hospital"."""
    if wh is not None and noun is not None and noun > wh:
        t = parsed.tokens
        words = parsed.text[t[wh].start : t[noun].start + len(t[noun].text)]
        words = re.sub(r"^this\b", "which", words, flags=re.I)
        return words[0].lower() + words[1:]
    if wh is None:
        return "that"
    word = parsed.tokens[wh].text.lower()
    nxt = parsed.tokens[wh + 1].text.lower() if wh + 1 < len(parsed.tokens) else ""
    return f"how {nxt}" if word == "how" and nxt in {"many", "much", "long", "old"} else word
