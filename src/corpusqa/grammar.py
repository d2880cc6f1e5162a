"""Where the asking is in a parsed question: its wh-word, the noun that word asks about, the
phrase around that noun, and the verbs the asking sentence is built on."""

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
    breaks = [m.end() for m in re.finditer(r"[.!;]\s+(?=[A-Z])", text)]
    return breaks[-1] if breaks else 0


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
    if first >= len(tokens):
        return None
    retired = tokens[first].tag == "VBD" and tokens[first].text.lower() not in _AUX
    # "... sold in which states?": the word ending the question is its noun, whatever the
    # tagger says (it reads "states" as a verb there).
    last = all(t.tag == "." for t in tokens[first + 1 :]) and tokens[first].text.isalpha()
    if not (_nominal(tokens[first]) or retired or last):
        return None
    noun = _head_noun(tokens, first)
    # "the name of the gunman", "the title of the series": the noun after "of".
    if tokens[noun].text.lower() in {"name", "names", "title"}:
        return _noun_after_of(tokens, noun) or noun
    return noun


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


def _named_of(tokens: tuple[Token, ...], i: int, j: int) -> int | None:
    """ "which University of Cincinnati Medical Center doctor", "which Bank of England
    official": a name with "of" in it before the noun asked about; that noun's place."""
    proper = {"NNP", "NNPS"}
    if j >= len(tokens) or tokens[j].text.lower() != "of":
        return None
    if not all(tokens[k].tag in proper for k in range(i, j)):
        return None
    k = j + 1
    while k < len(tokens) and tokens[k].tag in proper:
        k += 1
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


def who_did(parsed: Parsed, wh: int | None) -> str:
    """ "who founded the Bulletin": a short who-question whose verb follows its wh-word, as a
    refusal can say it ("..., but not who founded the Bulletin"); "" for any other."""
    t = parsed.tokens
    if wh is None or wh + 1 >= len(t) or t[wh].text.lower() != "who":
        return ""
    if t[wh + 1].tag not in {"VBD", "VBZ", "VBP"} or t[wh + 1].text.lower() in _LIGHT:
        return ""
    clause = parsed.text[t[wh].start :].strip().rstrip("?").strip()
    return "w" + clause[1:] if len(clause.split()) <= 10 and "?" not in clause else ""


_LIGHT = frozenset("be is are was were been do does did have has had get got make made".split())


def main_verbs(parsed: Parsed) -> list[Token]:
    """The verb the asking sentence is built on and those joined to it by "and": in "X died
    this week. What age was she?" the death sets the scene; it is not what is asked."""
    tokens = parsed.tokens
    start = last_start(parsed.text)
    root = [i for i, t in enumerate(tokens) if t.dep == "ROOT" and t.start >= start]
    # "Where was X, the ..., born?": the small parser may miss a long question's verb, but a
    # verb that ends the question is its verb.
    last = [i for i, t in enumerate(tokens) if t.tag != "." and t.dep != "punct"][-1:]
    keep = set(root) | {i for i in last if tokens[i].tag.startswith("VB")}
    for i, t in enumerate(tokens):
        if t.dep == "conj" and t.head in keep:
            keep.add(i)
    verbs = [
        tokens[i]
        for i in sorted(keep)
        if (tokens[i].tag.startswith("VB") or _done(tokens, i))
        and tokens[i].text.lower() not in _LIGHT
    ]
    return verbs or _after_do(tokens, root)


def _done(tokens: tuple[Token, ...], i: int) -> bool:
    """ "What clinic does Katherine Zeratsky work for?", "When will the Senate vote on ...?":
    the small parser may tag "work" or "vote" a noun, but a word "does" or "will" is the
    auxiliary of is a verb."""
    if not tokens[i].text.islower():
        return False  # "does Baruch Fischhoff work": the name is no verb
    return any(t.head == i and t.dep == "aux" and t.text.lower() in _HELPS for t in tokens)


_DO = frozenset({"do", "does", "did"})
_HELPS = _DO | frozenset("will would can could shall should may might must".split())


def _after_do(tokens: tuple[Token, ...], root: list[int]) -> list[Token]:
    """ "How many did the gunman injure?": the small parser makes "did" the verb and "injure"
    its object, a noun; the word after the subject of "did" is the verb asked about. In "what
    company does Baruch Fischhoff work for?" it makes "work" a clause of "does" or of a name."""
    if not root:
        return []
    top = root[0]
    does = [i for i, t in enumerate(tokens) if i == top or t.head == top]
    does = [i for i in does if tokens[i].text.lower() in _DO][:1]
    if not does:
        return []
    return [
        t
        for i, t in enumerate(tokens)
        if t.head == top
        and i > does[0] + 1
        and (
            (t.dep == "dobj" and tokens[i - 1].tag.startswith("NN"))
            or (t.dep == "ccomp" and t.tag == "VB")
        )
    ][:1]


def dated_noun(parsed: Parsed) -> str:
    """The noun a question built on "is" or "was" dates: "hearing" of "When is the court
    hearing on ...?", "deadline" of "When is the deadline to file?"; "" for a name ("When was
    the first modern Olympics?") or a question with another verb."""
    tokens = parsed.tokens
    start = last_start(parsed.text)
    for i, t in enumerate(tokens):
        when = i > 0 and tokens[i - 1].text.lower() == "when"  # not "until what time are ..."
        if when and t.dep == "ROOT" and t.start >= start and t.text.lower() in _BE:
            subjects = [s for s in tokens if s.head == i and s.dep == "nsubj"]
            if subjects and subjects[0].tag in {"NN", "NNS"} and subjects[0].text.islower():
                return subjects[0].text.lower()
    return ""


_BE = frozenset({"is", "was", "are", "were"})
