"""Whether a number is the amount asked, not another beside it: of what the question measures
(a severance, a share of American adults), not what it was before it changed or by how much it
changed, and not the number of people who spoke ("two officials told CNN")."""

from __future__ import annotations

import re
from dataclasses import replace

from .entities import Entity
from .keyword import terms
from .lexicon import HOW_WORDS, MONEY_HEADS, NAMED_SUMS, SHARE_HEADS
from .numerals import PER_UNIT, numbers, rates
from .question import Need


def names_the_measure(need: Need, sentence: str, before: str = "") -> float:
    """1 unless the sentence never names what the question measures: a sum of a named kind
    ("how much severance": "his $44 billion acquisition" is none), or what a share is of
    ("what share of American adults": not "about 35% of Granite Staters"; "what efficacy
    against severe disease": not "80% efficacy against infection")."""
    if need.kind != "number":
        return 1.0
    words = NAMED_SUMS.get(need.head)
    if need.head in SHARE_HEADS:
        # Names among them need not be met here: the agreement check has them.
        words = frozenset(need.role) - set(terms(need.head)) - set(need.role_names) - HOW_WORDS
    if not words:
        return 1.0
    if _OF_THOSE.search(sentence):  # "About 20% of those loans": of the ones just named
        sentence = f"{before} {sentence}"
    # "properties-for-sale" names the properties for sale
    return 1.0 if words & set(terms(sentence.replace("-", " "))) else 0.4


_OF_THOSE = re.compile(r"\bof\s+(?:those|these|them)\b", re.I)


def sum_of_another(need: Need, sentence: str, sums: list[Entity], e: Entity) -> bool:
    """ "posted a loss of $2.31 billion ..., in contrast to ... net profit of $1.13 billion": a
    sum named for what the question does not ask ("what net profit": the loss; "how much did
    it lose": "blamed the loss on a $1 billion charge"), in a sentence that names the sum it
    does ask, for another sum or as its subject. A sum named for nothing here is left alone."""
    if need.kind != "number" or e.label != "MONEY":
        return False
    asked = {f for t in need.terms for f in SUM_NOUNS.get(t, ())}
    asked |= set(terms(need.head)) if need.head in MONEY_HEADS else set()
    mine = _named_for(sentence, e)
    if not mine or mine & (need.terms | asked):
        return False
    others = [_named_for(sentence, x) for x in sums if x.label == "MONEY" and x != e]
    return bool(asked & set(terms(sentence))) or any(n & asked for n in others)


def _named_for(sentence: str, e: Entity) -> set[str]:
    """The noun a sum is written for: "a loss of $2.31 billion", "a $1 billion charge", "$1.7
    billion in net revenues"."""
    before = _NOUN_OF.search(sentence, 0, e.start)
    after = _NOUN_AFTER.match(sentence, e.end)
    return set(terms(before.group(1) if before else "")) | set(
        terms(after.group(1) if after else "")
    )


_NOUN_OF = re.compile(r"\b([a-z]+)\s+of\s+(?:about\s+|around\s+|nearly\s+|more\s+than\s+)?$")
_NOUN_AFTER = re.compile(r"\s+(?:in\s+)?(?:net\s+|total\s+|annual\s+)?([a-z]+)\b")
# The noun a question's verb reports its sum as.
SUM_NOUNS = {
    t: frozenset(terms(nouns))
    for verb, nouns in {
        "lose": "loss losses",
        "earn": "earnings profit income",
        "spend": "spending",
        "sell": "sale sales",
        "pay": "payment",
    }.items()
    for t in terms(verb)
}


def attributes(sentence: str, start: int, end: int) -> bool:
    """ "one Twitter employee said", "according to two officials", "said one of the sources": a
    number saying who spoke, which counts nothing the article reports."""
    return bool(_SAYS.match(sentence, end) or _ACCORDING.search(sentence, 0, start))


def rate_unasked(need: Need, sentence: str, end: int) -> bool:
    """ "1,646 Covid-19 deaths a day": a number per day, week or year, where the question asks
    for neither a rate nor a speed ("how fast": "17,000 miles per hour")."""
    per = _PER.match(sentence, end)
    if per is None or need.measure or need.terms & _RATE_WORDS:
        return False
    if per.group(2):  # "7.5 births per 1,000 people": asked only "per 1,000"
        return need.per != _per_count(per)
    return not set(terms(per.group(1))) & need.terms  # "how many a day": a rate is asked


def rate_unsaid(need: Need, sentence: str, end: int) -> bool:
    """ "How many babies are born each day?": a sentence that counts no births a day (a year's
    3.4 million) does not say; "how many births per 1,000 people": only a number written
    "per 1,000" does."""
    if need.per.isdigit():
        per = _PER.match(sentence, end)
        return per is None or _per_count(per) != need.per
    return bool(need.per) and need.per not in rates(sentence)


def _per_count(per: re.Match[str]) -> str:
    """The number of people a rate is per ("1000" for "per 1,000 people"), or ""."""
    return (per.group(2) or "").replace(",", "")


# A rate, within a few words of its number: "200 to 400 deaths a day".
_PER = re.compile(rf"(?:\s+[\w,.-]+){{0,3}}?\s+{PER_UNIT}")
_RATE_WORDS = frozenset(terms("per daily annual rate"))

_SAYS = re.compile(
    r"\s*(?:[\w'’-]+\s+){0,3}?(?:who\s+)?(?:said|says|told|tweeted|wrote|added|noted|posted)\b"
)
_ACCORDING = re.compile(r"\b(?:according\s+to|said|says)\s+$")  # "said one of them"


# "10 points for every $1, up from 5 points", "fallen from 40% to just 9%": what it was.
_UP_FROM = re.compile(r"\b(?:up|down)\s+from\s+(?:just\s+|about\s+|around\s+)?$")
_FROM = re.compile(r"\bfrom\s+(?:just\s+|about\s+|around\s+)?$")
_TO_NUMBER = re.compile(r"\s+to\s+(?:just\s+|about\s+|around\s+|nearly\s+)?[$£€]?\d")
_EARLIER = frozenset(terms("old previous earlier former original prior"))


_A_TO_B = re.compile(r"(.*\d.*?)(\s+to\s+)(.*\d.*)")
# "The impacts ranged from 53 to 180 miles": a range, one answer, not a change.
_RANGED = re.compile(r"\b(?:rang|vari|vary)\w*\s+from\s+(?:about\s+|around\s+)?$")


def split_changes(spans: list[Entity], sentence: str) -> list[Entity]:
    """ "fell from 3.7% to 3.5%", which the small model tags as one span: what it was and what
    it is, each its own."""
    out = []
    for e in spans:
        m = _A_TO_B.fullmatch(e.text)
        before = sentence[max(0, e.start - 30) : e.start]
        if m and _FROM.search(before) and not _RANGED.search(before):
            to = e.start + m.start(3)
            out += [
                replace(e, text=m.group(1), end=e.start + m.end(1)),
                replace(e, text=m.group(3), start=to),
            ]
        else:
            out.append(e)
    return out


def target_unasked(need: Need, sentence: str, end: int) -> bool:
    """ "reduce its headcount to "around 54,000" by 2015": a number set for a year the question
    does not ask about, which is not what is now or was (a question of what will be, or is
    expected, may ask it)."""
    if not (need.now or need.tense == "past"):
        return False
    m = _BY_YEAR.match(sentence, end)
    return m is not None and m.group(1) not in need.years


_BY_YEAR = re.compile(r"[\"”’']?\s+by\s+(?:the\s+end\s+of\s+)?((?:19|20)\d\d)\b")


def earlier_value(need: Need, sentence: str, start: int, end: int) -> bool:
    """Whether a number is what the asked amount was before it changed, when the question
    does not ask what it was, or by how much it changed, when it does not ask that."""
    if _CHANGED_BY.search(sentence[max(0, start - 60) : start]) and need.prep != "by":
        return True  # "delays have extended the mission by about a week"
    if need.prep == "from" or need.terms & _EARLIER:
        return False
    before = sentence[max(0, start - 40) : start]
    return bool(
        _UP_FROM.search(before)
        or (_FROM.search(before) and _TO_NUMBER.match(sentence, end))
        or _ORIGINALLY.search(before)
    )


_CHANGED_BY = re.compile(
    r"\b(?:extended|increased|raised|cut|reduced|lowered|delayed|shortened|lengthened)\s+"
    r"(?:[\w'’-]+\s+){0,4}?by\s+(?:about\s+|nearly\s+|almost\s+|more\s+than\s+)?$"
)
# "was originally billed as a 10-day mission, but ultimately stretched to about 17 days"
_ORIGINALLY = re.compile(r"\b(?:originally|initially)\s+(?:[\w-]+\s+){0,3}$")


# "£146,000 ($157,000)": the same sum in another currency, beside it in brackets.
_SUM = r"[$£€]?\d[\d,.]*(?:\s*(?:million|billion|bn|m))?"
_CONVERTED = re.compile(rf"{_SUM}\s*\(\s*$")
_CONVERSION = re.compile(rf"\s*\(\s*{_SUM}\s*\)")


def converts_asked(need: Need, sentence: str, start: int, end: int) -> bool:
    """A sum the question gives, written in another currency: "a mortgage of £146,000
    ($157,000)" for a question on a £146,000 mortgage."""
    before = _CONVERTED.search(sentence, 0, start)
    after = _CONVERSION.match(sentence, end)
    other = before.group() if before else after.group() if after else ""
    return bool(set(numbers(other)) & set(need.numbers))


_PORTION = re.compile(r"\s+of\s+(?:a|an|the|its|their|his|her|all|those)\s+((?:[\w'’-]+\s*){1,3})")


def portion_unasked(need: Need, text: str, sentence: str, end: int) -> bool:
    """ "mortgages worth 60% and 85% of a property's value": a portion of something the
    question does not name, where it asks by how much a thing changed ("cut 50% of its
    staff" is by how much it cut its staff)."""
    if need.prep != "by" or not text.endswith("%"):
        return False
    of = _PORTION.match(sentence, end)
    return of is not None and not set(terms(of.group(1))) & need.terms
