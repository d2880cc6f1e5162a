"""Names as news writes them, where the small entity model misses or cuts them short: an entity
widened to the words beside it, quoted and "called ..." titles, brand names ending in "'s"
and capitalised words it did not label."""

from __future__ import annotations

import re

from .entities import AMOUNT_LABELS, Entity
from .keyword import DATE_WORDS, STOPWORDS, terms
from .lexicon import CAPITALISED, KINDS_ALSO, NAMES
from .numerals import MONTH_NAME
from .places import PLACE_LABELS
from .question import Need
from .records import Candidate
from .speakers import ROLES, STARTERS

_LEFT = re.compile(r"\b([A-Z][\w&'’.-]*|\d+)\s$")
# A name the small model cut after its "and" or "of" goes on over the capitalised words after.
_DANGLING = re.compile(r"\s(?:and|of|for|&)$")
_CAPITALS = re.compile(r"\s[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)*")
_RIGHT = re.compile(r"\s(?:[IVX]{2,5}|Jr\.?|&\s[A-Z]\w+)\b|(?:\.\d+)+\b")  # "XBB" + ".1.5"
_NAMED = re.compile(
    r"\b(?:called|named|dubbed|titled|known as)\s+[\"“']?"
    r"([A-Z][\w'’.-]*(?:\s+(?:of\s+|the\s+)?[A-Z0-9][\w'’.-]*){0,5})"
)
# "a special boat, called the “Dragon’s nest,”": a quoted name may hold an apostrophe.
_NAMEDQUOTED = re.compile(
    r"\b(?:called|named|dubbed|titled|known as|nicknamed)\s+(?:the\s+)?"
    r"[\"“]([^\"“”]{2,60}?)[,.]?[\"”]"
)
# "The Hypersonic Air-breathing Weapon Concept (HAWC)": a name's short form in brackets.
_SHORT_FORM = re.compile(r"((?:[\w'’-]+\s+){1,6})\(([A-Z][\w.&-]{1,11})\)")
# A capital of any alphabet: "Şehid Namirin". An apostrophe inside a word closes nothing:
# "“I don’t think ..." quotes no "I don".
QUOTED = re.compile(r"[\"“‘']([^\W\d_][^\"”’']{1,60}?)[\"”’'](?![^\W\d_])")
_QUOTES = "\"“‘'"
_CURRENCY = frozenset("$£€¥")
# Days written before a month the small model tagged alone: "between 15 and 16 February".
_DAYS_BEFORE = re.compile(
    r"((?:between\s+)?(?<![\d,.])[0-3]?\d(?:\s*(?:and|to|-|–)\s*[0-3]?\d)?)\s+$"
)
_LAW_HEADS = frozenset("law act bill legislation treaty measure".split())
_LAW = re.compile(
    r"\b(?:[A-Z][\w'’-]*,?\s+(?:(?:and|of|for|on|the|to)\s+)*){1,10}"
    r"(?:Act|Law|Bill|Treaty|Accord|Agreement|Convention)\b"
)


def widened(sentence: str, entities: tuple[Entity, ...], body: str = "") -> list[Entity]:
    """Entities with the capitalised words, numbers and numerals the small model left beside
    them ("Three 6" + "Mafia", "Pope Benedict" + "XVI", "M&M" + "'s" where the article nearly
    always writes it so), and neighbours joined ("San Francisco" + "Bay Area")."""
    out: list[Entity] = []
    for e in entities:
        start, end = e.start, e.end
        while (
            e.label in NAMES
            and (m := _LEFT.search(sentence[:start]))
            and m.group(1).lower() not in STARTERS
            and not (e.label == "PERSON" and m.group(1).lower() in ROLES)  # a title, not a name
            and not (e.label == "NORP" and m.group(1).isdigit())  # "222 Republicans": a count
            and not _a_count_of(sentence, e, entities, m.start(1))
        ):
            start = m.start(1)
        while m := _RIGHT.match(sentence[end:]):
            end += m.end()
        if e.label in NAMES and _DANGLING.search(e.text) and (m := _CAPITALS.match(sentence[end:])):
            end += m.end()  # "the National Association of County and" + "City Health Officials"
        days = _DAYS_BEFORE.search(sentence[:start]) if e.label == "DATE" else None
        if days and MONTH_NAME.match(e.text):
            start = days.start(1)  # "between 15 and 16" + "February", day before month
        if e.label == "MONEY" and sentence[start - 1 : start] in _CURRENCY:
            start -= 1  # "$17", of which the small model may keep only "17"
        if sentence[end : end + 2] in {"'s", "’s"} and _possessive_name(sentence[start:end], body):
            end += 2
        touching = (
            out
            and out[-1].end + 1 == start
            and sentence[out[-1].end] == " "
            and (out[-1].label == e.label or {out[-1].label, e.label} <= PLACE_LABELS)
        )
        if out and (touching or out[-1].end > start):  # overlapping after widening
            start = out.pop().start
        out.append(Entity(sentence[start:end], e.label, start, end))
    return out


def _a_count_of(sentence: str, e: Entity, entities: tuple[Entity, ...], at: int) -> bool:
    """ "47 Hertz customers", "13 Nobel Laureates": a number the model tagged as one, before a
    name that is or comes before a plural, counts; "Three 6 Mafia" is a name."""
    tagged = any(x.start <= at < x.end and x.label in AMOUNT_LABELS for x in entities)
    return tagged and bool(_PLURAL.match(sentence, e.end) or e.text.endswith("s"))


_PLURAL = re.compile(r"\s+[a-z]+s\b")


def _possessive_name(name: str, body: str) -> bool:
    """ "M&M's", "McDonald's": a name the article writes with "'s" nearly every time (four in
    five, three times or more) ends with it."""
    mentions = re.findall(rf"(?<!\w){re.escape(name)}(?!\w)(['’][sS]\b)?", body)
    return len(mentions) >= 3 and sum(map(bool, mentions)) >= 0.8 * len(mentions)


def unlabelled_names(need: Need, sentence: str, entities: tuple[Entity, ...]) -> list[Candidate]:
    """Capitalised names the small model missed ("Buffalo Bills player ..."): weak candidates."""
    found = []
    for m in CAPITALISED.finditer(sentence):
        if m.start() == 0 or any(e.start < m.end() and m.start() < e.end for e in entities):
            continue
        if need.kind in {"place", "org"} and sentence[m.start() - 1] in _QUOTES:
            continue  # performing "Marvin's Room": a title, not a venue
        if need.is_new(m.group()) and m.group().split()[0].lower() not in STARTERS:
            found.append(Candidate(m.group(), m.start(), 0.5))
    return found


# Words that say which of a kind, not what kind: "the latest holiday" names none.
_GENERIC = frozenset(
    """a an the this that these those its their his her our federal national state local
    latest new newest old first last next other same another major minor big small biggest
    largest popular annual official public private special certain such many several some
    any every each own""".split()
)


_NO_NAME_START = STARTERS | ROLES
# Capitalised words, "&" between them ("Outten & Golden"), a dot only inside a word, not the
# sentence's full stop.
_WORD = r"[A-Z](?:[\w&'’-]|\.(?=\w))*"
NAME_RUN = rf"{_WORD}(?:\s+(?:&\s+)?{_WORD})*"
_WRITTEN_BEFORE_NAMES = frozenset({"county", "state", "city", "country", "nation", "town"})


def described(need: Need, sentence: str) -> list[Candidate]:
    """ "Auxilione, a research firm," for "which research firm": a name its apposition calls
    the asked noun, which the small model may not tag at all, or tags as something else."""
    if not need.head:
        return []
    pattern = (
        rf"\b([A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*)*),\s+(?:a|an|the)\s+"
        rf"[\w\s-]{{0,40}}?\b{re.escape(need.head)}s?\b"
    )
    # ... or a name written right after it: "South Korean news agency Yonhap".
    titled = rf"\b{re.escape(need.head)}\s+({NAME_RUN})"
    # Not "the county Parks Department" or "the state Senate": no county's or state's name.
    patterns = [pattern] if need.head in _WRITTEN_BEFORE_NAMES else [pattern, titled]
    return [
        Candidate(m.group(1), m.start(1), _qualified(need, _before_head(m, sentence)))
        for m in (m for p in patterns for m in re.finditer(p, sentence))
        if m.group(1).split()[0].lower() not in _NO_NAME_START  # not "airline President X"
        and not WHEN_WORD.match(m.group(1))
        and need.is_new(m.group(1))
    ]


def _before_head(m: re.Match[str], sentence: str) -> str:
    """The words before the asked noun: before the match when it opens with the noun ("NBA
    champion Milwaukee Bucks"), else the apposition's (", an NBA champion")."""
    return sentence[: m.start()] if m.start() < m.start(1) else m.group()[len(m.group(1)) :]


def _qualified(need: Need, before: str) -> float:
    """1, or 0.3 when names qualify the asked noun and none is the question's: "NBA champion
    Milwaukee Bucks" for "which Super Bowl champion"."""
    words = set(terms(" ".join(re.findall(r"(?:^|\s)([A-Z][\w-]*)", before[-30:]))))
    return 0.3 if need.role_names and words and not words & set(need.role_names) else 1.0


def named_things(need: Need, sentence: str) -> list[Candidate]:
    found = [Candidate(m.group(1).strip(), m.start(1), 1.0) for m in _NAMED.finditer(sentence)]
    found += [Candidate(m.group(1), m.start(1), 1.0) for m in _NAMEDQUOTED.finditer(sentence)]
    if need.head in _LAW_HEADS:  # "the Food Allergy Safety, Treatment, ... and Research Act"
        for m in _LAW.finditer(sentence):
            name = m.group().removeprefix("The ")
            found.append(Candidate(name, m.end() - len(name), 1.0))
    found += [
        Candidate(m.group(1).strip(), m.start(1), _quoted_fit(need, sentence, m.start()))
        for m in QUOTED.finditer(sentence)
        if m.group(1)[0].isupper()
    ]
    if need.head:
        # "sesame seeds" for "which seed": the words the sentence puts before the asked noun
        # or a word for a kind of it ("heart disease" for "what illness").
        stem = terms(need.head)
        heads = "|".join(map(re.escape, (need.head, *KINDS_ALSO.get(need.head, ()))))
        pattern = rf"((?:[\w.-]+\s+){{1,2}})((?:{heads})\w*)\b"
        for m in re.finditer(pattern, sentence, re.I):
            words = [
                w
                for w in m.group(1).split()
                if terms(w)
                and terms(w)[0] not in need.terms
                and not w.lower().endswith(("ed", "ing"))
                and w.lower() not in _GENERIC
            ]  # "defined law", "a federal holiday" or "the latest holiday" is no name
            if words and stem and not _modifies(sentence, m.end()):
                found.append(Candidate(" ".join(words + [m.group(2)]), m.start(), 0.6))
    found = [c for c in found if need.is_new(c.text)]
    return found + short_forms(need, sentence) if need.asks_name else found


_NEXT = re.compile(r"\s+([a-z][a-z-]+)\b")
# Words after a noun that do not make it a modifier: "colon cancer since 2021".
_NOT_NOUNS = STOPWORDS | frozenset(
    """since like among amid despite via toward towards across around near behind beyond
    within without upon onto per last next earlier later now yet""".split()
)


def _modifies(sentence: str, end: int) -> bool:
    """ "a blockbuster court filing": the asked noun followed by another noun names that
    other thing ("filing"), not a court."""
    after = _NEXT.match(sentence, end)
    word = after.group(1) if after else ""
    return bool(word) and word not in _NOT_NOUNS and not word.endswith(("ed", "ly"))


def _quoted_fit(need: Need, sentence: str, at: int) -> float:
    """A quoted name right after the asked noun ("the Kurdish phrase “Şehid Namirin”") is
    what it names (1); any other quoted name is 0.8."""
    before = sentence[max(0, at - 30) : at].lower().split()[-2:]
    return 1.0 if need.head and any(w.startswith(need.head) for w in before) else 0.8


def short_forms(need: Need, sentence: str) -> list[Candidate]:
    """ "By what other name is the Hypersonic Air-breathing Weapon Concept known?": the short
    form in brackets after the question's own words for the thing (1), or after others (0.5)."""
    found = []
    for m in _SHORT_FORM.finditer(sentence):
        before = set(terms(m.group(1)))
        fit = 1.0 if len(before & need.terms) >= min(2, len(before)) else 0.5
        # Not `is_new`: another name of the question's own is what is asked.
        if not set(terms(m.group(2))) <= need.terms:
            found.append(Candidate(m.group(2), m.start(2), fit))
    return found


def capitalised_by_place(text: str, start: int, body: str) -> bool:
    """ "Vaccines are still expected to ...": a single word capitalised only because it starts
    the sentence, which the article writes in lower case and never capitalised mid-sentence, is
    no name, whatever the entity model calls it ("Target said ..." is: "at Target")."""
    if start or " " in text or not text[:1].isupper() or text.isupper():
        return False
    lower = re.search(rf"\b{re.escape(text.lower())}\b", body)
    return bool(lower) and not mid_sentence(text, body)


def mid_sentence(word: str, body: str) -> bool:
    """Whether the article writes `word` capitalised where no sentence starts ("at Target")."""
    return re.search(rf"(?<=[a-z,] ){re.escape(word)}\b", body) is not None


WHEN_WORD = re.compile(rf"{DATE_WORDS}|Today|Yesterday|Tonight")


def matches(need: Need, pattern: re.Pattern[str], sentence: str) -> list[Candidate]:
    """Each span of `sentence` that `pattern` finds and the question does not name: a name
    the entity model does not tag, but whose form says what it is."""
    return [
        Candidate(m.group(), m.start(), 1.0)
        for m in pattern.finditer(sentence)
        if need.is_new(m.group())
    ]
