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

from .aliases import known_as, longer_name_of, names_more
from .entities import Parsed, Token
from .grammar import asked_words, counted_noun, last_start, noun_of, noun_phrase, wh_token
from .keyword import terms
from .kinds import (
    Kind,
    Tense,
    happened_by,
    how_adjective,
    kind_asked,
    measure_asked,
    prep_asked,
    tense_of,
    whole_of,
)
from .lexicon import HEADS, MEASURE_NOUNS, MONEY_HEADS, MONEY_VERBS
from .numerals import MONTHS, NOW, YEAR, numbers, rates, undated
from .stated import is_name, name_of, name_shaped, titled
from .verbs import dated_noun, doer, main_verbs, who_did

_WHO_IS = re.compile(r"^\W*who\s+(is|was|are)\s+([^?]+?)\??$", re.I)
_WHO_ROLE = re.compile(
    r"^\W*who\s+(is|was|are|were)\s+(?:(?:the|a|an)\s+(?P<role>[a-z][a-z -]*?)\s+(?:of|for|to)\b"
    r"|[^?]*?['’]s\s+(?P<owned>[a-z][a-z -]*?)\s*\?*$)",
    re.I,
)
_DATED = re.compile(r"\b(1[89]\d\d|20\d\d)\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)")
_NAME_LABELS = {
    "PERSON",
    "ORG",
    "GPE",
    "LOC",
    "FAC",
    "NORP",
    "EVENT",
    "WORK_OF_ART",
    "LAW",
    "PRODUCT",
}


@dataclass(frozen=True)
class Need:
    """What the answer must be, and what the evidence must agree with."""

    kind: Kind
    head: str = ""  # the noun a "which"/"what" modifies, lower case ("astronomer")
    role: tuple[str, ...] = ()  # stemmed words of that noun phrase ("royal", "observ", ...)
    role_names: tuple[str, ...] = ()  # those of them written as a name ("royal", "greenwich")
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
    now: bool = False  # it asks about the latest news ("this week", "recently")
    peoples: tuple[str, ...] = ()  # stems of the nationalities it names ("chines", "european")
    prep: str = ""  # the preposition before the wh-word: "to" in "to what year ..."
    unsaid: str = ""  # what a refusal says the articles do not tell: "who founded the Bulletin"
    tense: Tense = ""  # "past" ("when did ..."), "future" ("when will ...") or neither
    measure: str = ""  # the dimension "how high/far/fast/long ..." asks ("high")
    months: tuple[str, ...] = ()  # stems of the months it names ("august")
    event: str = ""  # what "when is the ...?" dates, in place of a verb ("hearing")
    per: str = ""  # the unit of time a count is asked per: "day" in "how many babies a day"
    cited: tuple[str, ...] = ()  # the people it gives as a source: "according to Jay Parini"
    doer: str = ""  # its name that does what it asks about: "Turkey" in "did Turkey send"

    @property
    def year_only(self) -> bool:
        """ "In what year": a year; not "in what month and year", a month too."""
        return self.kind == "date" and self.head == "year" and "month" not in self.asked

    @property
    def asks_name(self) -> bool:
        """ "By what other name ...", "what is it called?": a name for what the question names."""
        return self.kind == "thing" and self.head in NAME_HEADS

    @property
    def asks_time(self) -> bool:
        """ "At what time ...": a time of day, not a date."""
        return self.kind == "date" and self.head in {"time", "hour"}

    @property
    def asks_score(self) -> bool:
        return self.kind == "thing" and self.head == "score"

    @property
    def asks_age(self) -> bool:
        return self.kind == "number" and (self.head == "age" or self.asked == "how old")

    def is_new(self, text: str) -> bool:
        """Whether `text` says something the question does not already name, itself or as
        its people ("China" for "which Chinese city")."""
        words = terms(text)
        if any(known_as(n, text) and not names_more(n, text) for n in self.names):
            return False  # "America" for a question about "the US"; not the US's CDC
        if self.kind not in {"person", "identity"} and any(
            longer_name_of(n, text) for n in self.names
        ):  # "the Atlanta Braves" of the Braves; but "Jill Biden" is not Biden
            return False
        return bool(words) and not all(w in self.terms or self._of_peoples(w) for w in words)

    def _of_peoples(self, word: str) -> bool:
        stem = word if len(word) < 5 else word[:-1]  # "china" / "chines", "germani" / "german"
        return any(p.startswith(stem) for p in self.peoples)


def analyse(parsed: Parsed) -> Need:
    """What `parsed` asks for, and the names, numbers and years it states."""
    text = parsed.text
    tagged = [name_of(e) for e in parsed.entities if e.label in _NAME_LABELS and terms(e.text)]
    names = titled(text, tagged)
    stated = Need(
        "description",
        names=names,
        people=tuple(name_of(e) for e in parsed.entities if e.label == "PERSON"),
        peoples=tuple(t for e in parsed.entities if e.label == "NORP" for t in terms(e.text)),
        numbers=tuple(numbers(text)),
        years=tuple(n for n in numbers(text) if YEAR.fullmatch(n)),
        terms=frozenset(terms(text)),
        dated=tuple(_DATED.findall(text)),
    )
    last = _last_question(text)
    who_is = _WHO_IS.match(last)
    if who_is and (
        any(e.label == "PERSON" and is_name(e.text, who_is.group(2)) for e in parsed.entities)
        or name_shaped(who_is.group(2))
    ):
        return replace(
            stated, kind="identity", asked=f"who {who_is.group(2)} is", people=(who_is.group(2),)
        )
    wh = wh_token(parsed)
    noun = noun_of(parsed.tokens, wh) if wh is not None else None
    if noun is None and wh is not None:
        noun = counted_noun(parsed.tokens, wh)
    if noun is not None and parsed.tokens[noun].dep == "poss" and parsed.tokens[noun].tag == "NNP":
        # "the name of TikTok's parent company" asks for a company; "which state's governor"
        # still for a state.
        noun = parsed.tokens[noun].head
    head = parsed.tokens[noun].text.lower() if noun is not None else ""
    head = head[:-1] if head.endswith("s") and head[:-1] in _ALL else head
    phrase = noun_phrase(parsed, wh, noun)
    role = tuple(t for t in terms(phrase) if t not in {"which", "what", "whose"})
    # Names inside the asked phrase ("which Cowen analyst") describe the answer's role; they
    # are matched against it, not required of the sentence.
    kind = kind_asked(parsed, wh, head)
    if kind == "description" and _CALLED.search(last):
        kind, head = "thing", "name"  # "what has it been dubbed?" asks for a name
    raced = kind == "date" and head == "time" and bool(set(role) & _RACE_TIME)
    if raced:
        kind = "number"  # "her two-run combined time": how long a race took, not when
    # Verbs the asked noun implies, which the sentence need not say: "what is it called?"
    # asks the naming, "what wage will it pay?" the payment.
    implied = _NAMING if head in NAME_HEADS or _CALLED.search(last) else frozenset()
    implied |= MONEY_VERBS if head in MONEY_HEADS else frozenset()
    # What the entity model named is not what happened; a title it missed still says it.
    named = {t for n in tagged for t in terms(n)} | set(role) | implied
    named |= set(terms(how_adjective(parsed, wh)))  # "how old": no word a sentence must say
    said = [t for t in terms(undated(text)) if not t.isdigit()]  # what it says happened
    verbs = main_verbs(parsed)
    asked = asked_words(noun, parsed, wh)
    need = replace(
        stated,
        kind=kind,
        head=head,
        role=role,
        role_names=tuple(t for w in phrase.split()[1:] if w[:1].isupper() for t in terms(w)),
        asked=asked,
        unsaid=who_did(parsed, wh),
        names=tuple(n for n in names if n not in phrase or _owns(n, phrase)),
        relation=tuple(t for t in said if t not in named),
        verbs=tuple(v for v in _stems(verbs) if v not in implied),
        happened=happened_by(parsed, verbs, stated.dated),
        whole=whole_of(text),
        money=any(e.label == "MONEY" for e in parsed.entities),
        now=bool(NOW.search(text) or _PRESENT.search(text)),
        prep=prep_asked(parsed, wh),
        tense=tense_of(parsed, verbs),
        measure=measure_asked(parsed, wh)
        or (kind == "number" and MEASURE_NOUNS.get(head))
        or ("long" if raced else ""),
        months=tuple(t for m in _IN_MONTH.findall(text) for t in terms(m)),
        event=dated_noun(parsed) if kind == "date" and not verbs else "",
        per=min(rates(last), default="") if _COUNT_ASKED.match(asked) else "",
        cited=tuple(p for p in stated.people if re.search(rf"according to {re.escape(p)}", text)),
        doer=doer(parsed, verbs, names),
    )
    role_of = _WHO_ROLE.match(last)
    if role_of:  # "who is the mother of X", "who was X's successor": a person in that role
        words = role_of.group("role") or role_of.group("owned")
        return replace(
            need,
            kind="person",
            head=words.split()[-1].lower(),
            role=tuple(terms(words)),
            asked=f"who {role_of.group(1).lower()} the {words}",
            relation=tuple(t for t in said if t not in terms(words)),
        )
    return need


_ALL = frozenset().union(*HEADS.values())
_COUNT_ASKED = re.compile(r"how (?:many|much)\b")  # not "what percentage of weekly admissions"
# "in August", "during March": the month a measure is of; not "the March 2023 gala" (a name)
_IN_MONTH = re.compile(rf"\b(?:in|during|for|through)\s+({'|'.join(MONTHS)})\b(?!\s+\d)")
NAME_HEADS = frozenset({"name", "nickname", "term"})

# What makes "time" a race's ("her two-run combined time"), not a time of day.
_RACE_TIME = frozenset(terms("combined finishing winning race run lap record fastest qualifying"))


def _owns(name: str, phrase: str) -> bool:
    """ "what was UBS's revenue": the owner is a name the sentence must meet, not a word of the
    asked role as "Cowen" of "which Cowen analyst" is."""
    return bool(re.search(rf"{re.escape(name)}['’]s?\s", phrase + " "))


# A question in the present perfect or progressive asks for the state of things now ("has
# the jackpot increased to", "is currently underway"): the newest report of it counts most.
_PRESENT = re.compile(
    r"\b(?:currently|now|(?:has|have)\s+(?:[\w'’-]+\s+){0,4}?(?:become|increased|risen|grown|reached|"
    r"climbed|fallen|dropped)|(?:is|are)\s+(?:\w+\s+)?(?:going|facing|leading|underway))\b",
    re.I,
)
_CALLED = re.compile(r"\b(?:called|known(?:\s+as)?|nicknamed|dubbed|named)\s*\?*$", re.I)
_NAMING = frozenset(terms("called known named nicknamed dubbed"))


def _last_question(text: str) -> str:
    text = text.strip()
    return text[last_start(text) :]


def _stems(verbs: list[Token]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t for v in verbs for t in terms(v.text)))
