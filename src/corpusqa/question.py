"""What a question asks for, and what it already says: the answer's type and its constraints.

"Which Royal Observatory Greenwich astronomer told Newsweek ... 50,000 years?" asks for a
person whose role has "astronomer" (and "Royal Observatory Greenwich") in it, in a sentence that
agrees with "Newsweek" and "50,000". The type comes from the wh-word and, for "which <noun>",
from the noun the wh-word modifies (the parser finds it); the constraints are the question's
named entities, numbers and years.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from .entities import Parsed, Token
from .keyword import terms
from .lexicon import DESCRIPTION_HEADS, HEADS, MONTHS, NOT_PEOPLE, REASON_HEADS, YEAR, numbers

Kind = Literal["person", "org", "place", "date", "number", "thing", "reason", "description",
               "identity"]
# Matched at the wh-word, not anywhere: "Which astronomer said when ..." asks for a person.
_NUMBER_Q = re.compile(r"how\s+(many|much|long|old|far|close|big|large|tall|high|fast|often)\b"
                       r"|what\s+(are|were|is|was)\s+the\s+odds\b", re.I)
_DATE_Q = re.compile(r"when\b|(what|which)\s+(date|day|year|month|decade)\b", re.I)
_WHO_IS = re.compile(r"^\W*who\s+(is|was|are)\s+([^?]+?)\??$", re.I)
_DATED = re.compile(r"\b(1[89]\d\d|20\d\d)\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)")
_NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART", "LAW",
                "PRODUCT"}


@dataclass(frozen=True)
class Need:
    """What the answer must be, and what the evidence must agree with."""

    kind: Kind
    head: str = ""  # the noun a "which"/"what" modifies, lower case ("astronomer")
    role: tuple[str, ...] = ()  # stemmed words of that noun phrase ("royal", "observ", ...)
    asked: str = ""  # the asked-for phrase, for saying what the articles do not report
    names: tuple[str, ...] = ()  # the question's named entities, as written
    people: tuple[str, ...] = ()  # those of them that are people
    numbers: tuple[str, ...] = ()  # its numbers, digits only, years included
    years: tuple[str, ...] = ()
    dated: tuple[tuple[str, str], ...] = ()  # ("2023", "Met Gala"): a year and what it dates
    terms: frozenset[str] = frozenset()  # every stemmed term of the question
    relation: tuple[str, ...] = ()  # its other words: what it says happened ("administ", "oath")
    verbs: tuple[str, ...] = ()  # stems of its main verbs ("die" in "when did X die after ...")
    happened: str = ""  # "2023-03": the month (or year) it says something already happened in
    whole: float = 0.0  # "how many of the 10,000 layoffs": the answer is less than this
    money: bool = False  # it speaks of money ("how much of the $168 million"): so will the answer

    @property
    def year_only(self) -> bool:
        return self.kind == "date" and self.head == "year"

    @property
    def asks_age(self) -> bool:
        return self.kind == "number" and (self.head == "age" or self.asked == "how old")


def analyse(parsed: Parsed) -> Need:
    """What `parsed` asks for, and the names, numbers and years it states."""
    text = parsed.text
    names = tuple(dict.fromkeys(e.text for e in parsed.entities
                                if e.label in _NAME_LABELS and terms(e.text)))
    stated = Need("description", names=names,
                  people=tuple(e.text for e in parsed.entities if e.label == "PERSON"),
                  numbers=tuple(numbers(text)),
                  years=tuple(YEAR.findall(text)), terms=frozenset(terms(text)),
                  dated=tuple(_DATED.findall(text)))
    who_is = _WHO_IS.match(_last_question(text))
    if who_is and any(e.label == "PERSON" and e.text in who_is.group(2)
                      for e in parsed.entities):
        return replace(stated, kind="identity", asked=f"who {who_is.group(2)} is",
                       people=(who_is.group(2),))
    wh = _wh_token(parsed)
    noun = _noun_of(parsed.tokens, wh) if wh is not None else None
    if noun is None and wh is not None:
        noun = _counted_noun(parsed.tokens, wh)
    head = parsed.tokens[noun].text.lower() if noun is not None else ""
    head = head[:-1] if head.endswith("s") and head[:-1] in _ALL else head
    phrase = _phrase(parsed, wh, noun)
    role = tuple(t for t in terms(phrase) if t not in {"which", "what", "whose"})
    # Names inside the asked phrase ("which Cowen analyst") describe the answer's role; they
    # are matched against it, not required of the sentence.
    named = {t for n in names for t in terms(n)} | set(role)
    verbs = _main_verbs(parsed)
    return replace(stated, kind=_kind(parsed, wh, head), head=head, role=role,
                   asked=_asked(noun, parsed, wh),
                   names=tuple(n for n in names if n not in phrase),
                   relation=tuple(t for t in terms(text) if t not in named and not t.isdigit()),
                   verbs=_stems(verbs), happened=_happened(parsed, verbs, stated.dated),
                   whole=_whole(text), money=any(e.label == "MONEY" for e in parsed.entities))


_ALL = frozenset().union(*HEADS.values())


def _kind(parsed: Parsed, wh: int | None, head: str) -> Kind:
    word = parsed.tokens[wh].text.lower() if wh is not None else ""
    asking = parsed.text[parsed.tokens[wh].start :] if wh is not None else ""
    if _NUMBER_Q.match(asking):  # "how many years": a number of years, not a date
        return "number"
    if head in HEADS["date"] or _DATE_Q.match(asking):
        return "date"
    if head in HEADS["number"]:
        return "number"
    if word == "where":
        return "place"
    if word == "why" or head in REASON_HEADS:
        return "reason"
    if head in DESCRIPTION_HEADS:
        return "description"
    for kind in ("person", "org", "place"):
        if head in HEADS[kind]:
            return kind
    if word in {"who", "whom", "whose"}:
        return "person"
    if head and head.endswith(("er", "ist", "ian")) and head not in NOT_PEOPLE \
            and word == "which":
        return "person"  # an unlisted role noun: "which pollster", "which rapper"
    if head and word in {"which", "what"}:
        return "thing"
    return "description"


_WH_TAGS = {"WDT", "WP", "WP$", "WRB"}
_AUX = {"did", "do", "does", "was", "were", "is", "are", "had", "has", "have"}
_COPULA = re.compile(r"^(is|was|are|were)\s+(the|a|an)\s+", re.I)


def _wh_token(parsed: Parsed) -> int | None:
    """The wh-word of the asking clause: in the last sentence if it has one, else the first."""
    start = _last_start(parsed.text)
    found = [i for i, t in enumerate(parsed.tokens) if t.tag in _WH_TAGS]
    late = [i for i in found if parsed.tokens[i].start >= start]
    return (late or found)[0] if found else None


def _last_start(text: str) -> int:
    """Where the question's last sentence starts: quizzes set the scene first ("X died this
    week. What age was she?")."""
    breaks = [m.end() for m in re.finditer(r"[.!;]\s+(?=[A-Z])", text)]
    return breaks[-1] if breaks else 0


def _noun_of(tokens: tuple[Token, ...], wh: int) -> int | None:
    """The noun a wh-word asks about: "which <noun>", or "what is the <noun> of"."""
    word = tokens[wh].text.lower()
    if word not in {"what", "which", "whose"}:
        return None
    rest = " ".join(t.text for t in tokens[wh + 1 : wh + 4])
    copula = _COPULA.match(rest)
    first = wh + 1 + (len(copula.group().split()) if copula else 0)
    retired = tokens[first].tag == "VBD" and tokens[first].text.lower() not in _AUX
    if first >= len(tokens) or not (_nominal(tokens[first]) or retired):
        return None
    noun = _head_noun(tokens, first)
    # "the name of the gunman", "the title of the series": the noun after "of".
    if tokens[noun].text.lower() in {"name", "names", "title"}:
        return _noun_after_of(tokens, noun) or noun
    return noun


def _counted_noun(tokens: tuple[Token, ...], wh: int) -> int | None:
    """"how many M1 Abrams tanks": the noun counted."""
    if wh + 2 < len(tokens) and tokens[wh + 1].text.lower() in {"many", "much"} \
            and _nominal(tokens[wh + 2]):
        return _head_noun(tokens, wh + 2)
    return None


def _nominal(t: Token) -> bool:
    return t.tag.startswith(("NN", "JJ", "CD", "VBN", "VBG")) or t.tag == "HYPH"


def _head_noun(tokens: tuple[Token, ...], i: int) -> int:
    """The last common noun of the run starting at i: "Amazon retail executive" -> executive."""
    last = None
    j = i + 1
    while j < len(tokens) and (_nominal(tokens[j]) or (
            tokens[j].tag == "CC" and j + 1 < len(tokens) and _nominal(tokens[j + 1]))):
        if tokens[j].tag in {"NN", "NNS"}:
            last = j
        j += 1
    # "which country's prime minister" asks for the country: the possessive ends the phrase.
    if tokens[i].tag in {"NN", "NNS"} and last is None:
        last = i
    if tokens[j - 1].tag in {"NNP", "NNPS"} and j - 1 > i:
        return j - 1  # "which high-profile Republican"
    return last if last is not None else j - 1


def _noun_after_of(tokens: tuple[Token, ...], i: int) -> int | None:
    if i + 1 < len(tokens) and tokens[i + 1].text.lower() == "of":
        j = i + 2
        while j < len(tokens) and tokens[j].tag in {"DT", "PRP$"}:
            j += 1
        if j < len(tokens) and _nominal(tokens[j]):
            return _head_noun(tokens, j)
    return None


def _phrase(parsed: Parsed, wh: int | None, noun: int | None) -> str:
    """The noun phrase asked about, without relative clauses: "Which German cardinal"."""
    if noun is None:
        return ""
    keep = _subtree(parsed.tokens, noun, skip={"relcl", "acl", "advcl", "appos", "punct"})
    lo, hi = min(keep), max(keep)
    if wh is not None and wh < lo:
        lo = wh
    return " ".join(parsed.tokens[i].text for i in range(lo, hi + 1) if i in keep or i == wh)


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


def _asked(noun: int | None, parsed: Parsed, wh: int | None) -> str:
    """The question's words from the wh-word to the noun asked about: "which Buffalo hospital"."""
    if wh is not None and noun is not None and noun > wh:
        t = parsed.tokens
        words = parsed.text[t[wh].start : t[noun].start + len(t[noun].text)]
        return words[0].lower() + words[1:]
    if wh is None:
        return "that"
    word = parsed.tokens[wh].text.lower()
    nxt = parsed.tokens[wh + 1].text.lower() if wh + 1 < len(parsed.tokens) else ""
    return f"how {nxt}" if word == "how" and nxt in {"many", "much", "long", "old"} else word


def _last_question(text: str) -> str:
    return re.split(r"(?<=[.;!])\s+", text.strip())[-1]


_LIGHT = frozenset("be is are was were been do does did have has had get got make made".split())
_MONTH_YEAR = re.compile(rf"\b({'|'.join(MONTHS)})\s+(1[89]\d\d|20\d\d)\b")


def _main_verbs(parsed: Parsed) -> list[Token]:
    """The verb the asking sentence is built on and those joined to it by "and": in "X died
    this week. What age was she?" the death sets the scene; it is not what is asked."""
    tokens = parsed.tokens
    start = _last_start(parsed.text)
    root = [i for i, t in enumerate(tokens) if t.dep == "ROOT" and t.start >= start]
    # "Where was X, the ..., born?": the small parser may miss a long question's verb, but a
    # verb that ends the question is its verb.
    last = [i for i, t in enumerate(tokens) if t.tag != "." and t.dep != "punct"][-1:]
    keep = set(root) | {i for i in last if tokens[i].tag.startswith("VB")}
    for i, t in enumerate(tokens):
        if t.dep == "conj" and t.head in keep:
            keep.add(i)
    return [tokens[i] for i in sorted(keep) if tokens[i].tag.startswith("VB")
            and tokens[i].text.lower() not in _LIGHT]


def _stems(verbs: list[Token]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t for v in verbs for t in terms(v.text)))


def _happened(parsed: Parsed, verbs: list[Token], dated: tuple[tuple[str, str], ...]) -> str:
    """The latest month (or year) the question says its event already happened in."""
    past = any(v.tag == "VBD" for v in verbs) or any(
        t.text.lower() in {"did", "was", "were", "had"} and t.dep in {"aux", "auxpass"}
        for t in parsed.tokens)
    if not past:
        return ""  # "what is expected at the March 2023 Academy Awards?" may be answered before
    months = [f"{y}-{MONTHS.index(m) + 1:02}" for m, y in _MONTH_YEAR.findall(parsed.text)]
    return max(months or [year for year, _ in dated], default="")


_PART_OF = re.compile(r"\bhow\s+many\s+of\s+(?:the|its|their|those|these|[A-Z][\w.&-]*['’]s)"
                      r"\s+(\d[\d,]*)\b", re.I)


def _whole(text: str) -> float:
    m = _PART_OF.search(text)
    return float(m.group(1).replace(",", "")) if m else 0.0

