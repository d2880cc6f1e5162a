"""Does a sentence agree with what the question states? Names, numbers, years, what happened.

A sentence that names the question's people and numbers, says what the question says happened
(in it, the headline, or the sentences just around it) and does not contradict its dates is
evidence; one that contradicts it is not, however close its words.
"""

from __future__ import annotations

import re
from collections.abc import Set
from functools import lru_cache

from .aliases import known_as
from .chunk import previous_sentences
from .keyword import compound_terms, terms
from .lexicon import COMMON_NAME_WORDS
from .numerals import numbers, roman, spelled
from .question import Need
from .records import Evidence
from .tense import contradicts, written_before, year_agrees
from .tuning import MIN_TOPIC
from .verbs import VERB_FORMS, verb_forms


@lru_cache(maxsize=512)
def article_terms(body: str) -> frozenset[str]:
    return frozenset(terms(body))


@lru_cache(maxsize=1024)
def _nearby(title: str, body: str, start: int) -> frozenset[str]:
    """The terms of the headline and the two sentences before `start`."""
    return frozenset(terms(_around(title, body, start)))


def _around(title: str, body: str, start: int) -> str:
    return " ".join([title, *previous_sentences(body, start, 2)])


def _at(e: Evidence) -> tuple[str, str, int]:
    return e.article.title, e.article.body, e.span[0]


def agreement(need: Need, e: Evidence) -> float:
    """The share of the question's names, numbers and years that the sentence agrees with: 1 in
    the sentence, less in the headline or the sentences before, less in the article. 0 when the
    sentence contradicts the question's dates ("the 2022 Met Gala" for the 2023 one; an
    article written before the month the question says something happened)."""
    if contradicts(need, e.text) or written_before(need, e):
        return 0.0  # a sentence that contradicts the question is no evidence for it
    checks = []
    sentence = set(terms(e.text))
    nearby = _nearby(*_at(e))
    article = article_terms(e.article.body)
    for name in need.names:
        # A person by their surname: "Bill Weatherburn" is not met by "the Bills"; a name by
        # the words that tell it from others: "New York" is not met by "new admissions".
        words = _telling(name) if name not in need.people else _surname(name)
        # A person may be written as a handle: "@MichaelJackson".
        handle = set(terms("".join(name.split()))) if name in need.people else set()
        if is_outlet(name, e.article.outlet):  # "the USA Today storm article"
            checks.append(1.0)
            continue
        # A person the question names must be in the sentence or just before it (or the
        # headline), and so must any name of a question asking for a number: a count is a
        # local fact, and a sentence far from the name counts something else.
        elsewhere = 0.0 if name in need.people or need.kind == "number" else 0.5
        # A word of a longer name meets it only where the article has the whole name:
        # "Arizona" in a story on a campaign's ads is not "AriZona Beverages".
        whole = name in need.people or all(_meets({w}, article) for w in terms(name))
        check = (
            1.0
            if (whole and _meets(words, sentence)) or handle & sentence or known_as(name, e.text)
            else 0.6
            if (whole and _meets(words, nearby)) or known_as(name, _around(*_at(e)))
            else elsewhere
            if whole and words & article
            else 0.0
        )
        if check == 0.0 and name in need.people and _he_or_she(e, words):
            check = 0.6  # "He died in January at age 86." three sentences after his name
        if (
            check == 0.0
            and name in need.people
            and name not in need.cited
            and need.kind == "number"
        ):
            return 0.0  # "how many followers does Jordan Peterson have": a count of his, or none
        checks.append(check)
    # "86th" is met by "EIGHTY-SIX"; not "January 4" by "four", as news spells out every
    # number under ten.
    digits = set(numbers(e.text)) | {n for n in spelled(e.text) if int(n) >= 10}
    digits |= set(roman(e.text))  # "Super Bowl LVI" for "Super Bowl 56"
    body_digits = e.article.body.replace(",", "")
    for n in need.numbers:
        if n in need.years and need.kind != "date":  # a date question's years may be answers
            # A count, like a name of it, is of the year only near where the year is written.
            year = year_agrees(n, e, digits, need.kind == "number")
            if year == 0.0:  # dated to other years only, or years later and never saying it
                return 0.0
            checks.append(year)
        elif n in need.years:
            continue
        else:
            checks.append(1.0 if n in digits else 0.5 if n in body_digits else 0.0)
    if need.kind == "number":  # "how much did egg prices rise in August?": that month's
        checks += [1.0 if m in sentence else 0.6 if m in nearby else 0.0 for m in need.months]
    return sum(checks) / len(checks) if checks else 1.0


_PRONOUN_START = re.compile(r"^(?:He|She)\b")


def _he_or_she(e: Evidence, surname: set[str]) -> bool:
    """A sentence opening with "He" or "She" where one of the three sentences before names
    the person: a pronoun chain back to the name."""
    if not _PRONOUN_START.match(e.text):
        return False
    body, start = e.article.body, e.span[0]
    return any(surname & set(terms(s)) for s in previous_sentences(body, start, 3))


def _telling(name: str) -> set[str]:
    words = set(terms(name))
    return words - COMMON_NAME_WORDS or words


def _surname(name: str) -> set[str]:
    """The terms a person is met by: the surname ("Benedict" of "Benedict XVI"); "Bill
    Weatherburn" is not met by "the Bills"."""
    words = [w for w in name.split() if not _SUFFIX.fullmatch(w)] or name.split()
    return set(terms(words[-1]))


_SUFFIX = re.compile(r"(?:Jr|Sr)\.?|[IVXL]+")


def is_outlet(name: str, outlet: str | None) -> bool:
    """Whether `name` is the article's outlet, however written ("USA Today", "usatoday.com",
    "CNN" for "London CNN")."""
    site = (outlet or "").lower().removesuffix(".com").removesuffix(".co.uk")
    words = re.findall(r"[a-z]+", site)
    names = {re.sub(r"[^a-z]", "", n) for n in (name.lower(), name.lower().removeprefix("the "))}
    first = name.lower().removeprefix("the ").split()[:1]  # "CNN Business" of CNN
    return any(len(n) >= 2 and (n == "".join(words) or n in words) for n in names) or (
        first == ["".join(words)] and len(words) == 1
    )


def topic(need: Need, e: Evidence) -> float:
    """The share of what the question says happened ("administered the oath") that the sentence,
    the headline or the two sentences before it say: names alone do not make a sentence an
    answer."""
    if not need.relation:
        return 1.0
    words = compound_terms(e.text)  # "Austin-based Madhu Chocolate" says where it is based
    around = _nearby(*_at(e)) | words
    # "the deaths of Candy in 1994" says he died: a birth or death in the sentence, in any
    # form. Not "winner" for "won": a sentence on other winners is off topic more often.
    met = [
        t in around
        or (t in _LIFE and bool(VERB_FORMS[t] & words))
        or (t in _SAYING and bool(_SAID.search(e.text)))  # "said Thursday" for "commented"
        for t in need.relation
    ]
    if set(need.relation) <= set(need.verbs) and need.relation[0] not in VERB_FORMS:
        # Only a verb says what happened ("how many countries belong to ..."): news writes it
        # many ways ("an association of 54 countries"), so its absence does not refuse.
        return max(sum(met) / len(need.relation), MIN_TOPIC)
    return sum(met) / len(need.relation)


_LIFE = frozenset({"die", "kill", "born"})
_SAYING = frozenset(terms("comment remark respond react"))
_SAID = re.compile(r"\b(?:said|says|told|commented|remarked|responded|stated)\b")


def predicate(need: Need, e: Evidence) -> float | None:
    """The share of the question's verbs ("died", "born") that the sentence itself has, in any
    form ("death", "birth"): the date someone died, not the date of the stop before it. None
    when the question has no such verb."""
    # Only verbs that name an event ("died", not "held" or "started"): a common verb in a
    # sentence says little about whether it reports what was asked.
    verbs = [v for v in need.verbs if v in VERB_FORMS]
    if need.kind == "date" and need.tense == "future":
        # "When will its offices reopen?": what is yet to come is dated with its own verb; a
        # sentence dating the layoffs says nothing of the reopening.
        verbs = [v for v in need.verbs if v not in _LIGHT_VERBS] or _light_objects(need)
    if need.event and not verbs:  # "When is the court hearing ...?": the hearing's date
        verbs = terms(need.event)[:1]
    if not verbs:
        return None
    words = set(terms(e.text))
    if need.asks_age:  # "Leslie Jordan ... has died, his agent announced. He was 67."
        words |= _nearby(*_at(e))
    return sum(bool(verb_forms(v) & words) for v in verbs) / len(verbs)


_LIGHT_VERBS = frozenset(terms("take get come go make happen become"))


def _light_objects(need: Need) -> list[str]:
    """ "When will the limit take effect?": what a light verb says happens is its object."""
    pairs = zip(need.relation, need.relation[1:], strict=False)
    return [b for a, b in pairs if a in need.verbs and a in _LIGHT_VERBS][:1]


def _meets(name: set[str], words: Set[str]) -> bool:
    """A name's word in `words`, or its adjective ("Russia" and "Russian", "Ukraine"...)."""
    return bool(name & words) or any(
        len(n) >= 4 and (w.startswith(n) or n.startswith(w)) and len(w) >= 4
        for n in name
        for w in words
    )
