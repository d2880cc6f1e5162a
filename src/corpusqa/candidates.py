"""Candidate answers: spans of the asked-for type in an evidence sentence.

A person comes with the role the article gives them: a title before the name ("Buffalo Police
Commissioner Joseph Gramaglia"), an apposition after it ("Jessica Lee, an astronomer at Royal
Observatory Greenwich"), or the fullest mention elsewhere in the article. Anything the question
already names is not an answer to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .entities import Entity
from .keyword import terms
from .question import HEADS, Need
from .speakers import ROLES, STARTERS, full_name, people, speaker, surnames

# How well an entity label fits each expected type; labels not listed do not fit.
FIT = {
    "person": {"PERSON": 1.0, "ORG": 0.3},
    "identity": {"PERSON": 1.0},
    "org": {"ORG": 1.0, "PERSON": 0.4, "NORP": 0.2, "WORK_OF_ART": 0.3},
    "place": {"GPE": 1.0, "LOC": 1.0, "FAC": 1.0, "ORG": 0.5},
    "date": {"DATE": 1.0, "TIME": 0.5},
    "number": {"CARDINAL": 1.0, "MONEY": 1.0, "QUANTITY": 1.0, "PERCENT": 1.0, "DATE": 0.3,
               "TIME": 0.5},
    "thing": {"WORK_OF_ART": 1.0, "LAW": 1.0, "PRODUCT": 0.8, "EVENT": 0.7, "ORG": 0.4,
              "PERSON": 0.3, "FAC": 0.4, "GPE": 0.2, "NORP": 0.3},
}
_MONEY_HEADS = {"price", "cost"}
_NAMES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART", "LAW",
          "PRODUCT"}
_VENUE = re.compile(r"\b(Theat(er|re)|Hotel|Stadium|Arena|Cent(er|re)|Hall|Hospital|Airport|"
                    r"Park|Museum|Church|Cathedral|Plaza|Square|Gardens?|Field|Bridge|Palace|"
                    r"Abbey|Clinic|Prison|Campus|Club)\b")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:&\s+)?[A-Z][\w'’.-]*)+")
US_STATES = frozenset("""Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware
    Florida Georgia Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland
    Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma
    Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming""".split()
                       ) | {"New Hampshire", "New Jersey", "New Mexico", "New York",
                            "North Carolina", "North Dakota", "Rhode Island", "South Carolina",
                            "South Dakota", "West Virginia"}
_GEOGRAPHY = {"city", "town", "state", "country", "nation", "district", "county", "region",
              "province", "village", "island", "neighborhood", "neighbourhood", "area",
              "capital", "continent", "part", "place", "location"}
_TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century",
               "centuries", "seconds", "minutes", "hours", "days", "weeks", "months", "years",
               "decades"}
_LEFT = re.compile(r"\b([A-Z][\w&'’.-]*|\d+)\s$")
_RIGHT = re.compile(r"\s(?:[IVX]{2,5}|Jr\.?|&\s[A-Z]\w+)\b")
_AGE = re.compile(r"\d+-year-old|\bage[ds]?\b", re.I)
_SPECIFIC_DATE = re.compile(r"\d|January|February|March|April|May|June|July|August|September|"
                            r"October|November|December|Jan\b|Feb\b|Aug\b|Sept?\b|Oct\b|Nov\b|"
                            r"Dec\b", re.I)
_DURATION = {"how long", "how old", "how often"}
GENERIC_ROLES = frozenset("official person man woman people figure leader member".split())
DEMONYMS = {"UK": "British", "Britain": "British", "London": "British", "US": "American",
            "U.S.": "American", "Washington": "American", "Kremlin": "Russian",
            "Moscow": "Russian", "Russia": "Russian", "Germany": "German", "Berlin": "German",
            "France": "French", "Paris": "French", "China": "Chinese", "Beijing": "Chinese",
            "Ukraine": "Ukrainian", "Kyiv": "Ukrainian", "EU": "European", "Brussels": "European"}
_APPOSITION = re.compile(r"^\s*,\s*((?:a|an|the)\s+)?([^,;.\"“”]{3,90}?)"
                         r"(?=,|;|\.|\s+(?:said|says|told|wrote|added|who)\b|$)")
_BEFORE = re.compile(r"((?:[A-Za-z][\w'’.-]*\s+){1,4})$")
_NAMED = re.compile(r"\b(?:called|named|dubbed|titled|known as)\s+[\"“']?"
                    r"([A-Z][\w'’.-]*(?:\s+(?:of\s+|the\s+)?[A-Z0-9][\w'’.-]*){0,5})")
_QUOTED = re.compile(r"[\"“‘']([A-Z][^\"”’']{1,60}?)[\"”’']")
_REASON = re.compile(r"\b(because(?:\s+of)?|due\s+to|as\s+a\s+result\s+of|owing\s+to|"
                     r"in\s+order\s+to|so\s+that|amid|over\s+concerns?|to\s+(?=[a-z]+\b))\s+"
                     r"([^;.]{4,160})")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_CAUSAL = re.compile(r"\b(because|due|reason|caus\w*|after|as|since|amid|so|led|result\w*|"
                     r"motive|why|blam\w*|over)\b", re.I)
_NOT_ROLE = frozenset("""in on at for to by from with as who which that however meanwhile also too
    though then and or but said says told""".split())
_COUNTED_STOP = re.compile(r"[\w-]+")


@dataclass(frozen=True)
class Candidate:
    text: str  # the short answer, as the article writes it
    start: int  # in the sentence
    fit: float  # 0..1: how well it is of the asked-for type (and role)
    key: str = ""  # people: the surname, to group mentions of one person
    role: str = ""  # people: every word the article uses for who they are
    appos: str = ""  # people: the apposition after the name ("an astronomer at ...")


def candidates(need: Need, sentence: str, entities: tuple[Entity, ...], body: str,
               before: list[str], people: frozenset[str] = frozenset()) -> list[Candidate]:
    """Every span of `sentence` that could answer `need`, with how well it fits; `people` are
    surnames the entity model calls people in other evidence sentences."""
    if need.kind in {"person", "identity"}:
        return _people(need, sentence, entities, body, before, people)
    if need.kind == "reason":
        return _reasons(sentence)
    if need.kind == "description":
        return [Candidate(sentence.strip(), 0, 0.5)]
    found = []
    for e in _widened(sentence, entities):
        fit = _fit(need, e, sentence)
        text = e.text
        if need.year_only:
            year = _YEAR.search(text)
            if not year:
                continue
            text = year.group()
        if need.kind == "number" and e.label in {"CARDINAL", "QUANTITY", "DATE"}:
            text = _counted(sentence, e.start, e.end)
            fit *= _counts_what_is_asked(need, text, sentence)
        if fit and _new(text, need):
            found.append(Candidate(text, e.start, fit))
    if need.kind == "thing":
        found += _named_things(need, sentence)
    if need.kind in {"org", "place", "thing"}:
        found += _unlabelled_names(need, sentence, entities)
    return found


def _unlabelled_names(need: Need, sentence: str, entities: tuple[Entity, ...]) -> list[Candidate]:
    """Capitalised names the small model missed ("Buffalo Bills player ..."): weak candidates."""
    found = []
    for m in _CAPITALISED.finditer(sentence):
        if m.start() == 0 or any(e.start < m.end() and m.start() < e.end for e in entities):
            continue
        if _new(m.group(), need) and m.group().split()[0].lower() not in STARTERS:
            found.append(Candidate(m.group(), m.start(), 0.5))
    return found


def _widened(sentence: str, entities: tuple[Entity, ...]) -> list[Entity]:
    """Entities with the capitalised words, numbers and numerals the small model left beside
    them ("Three 6" + "Mafia", "Pope Benedict" + "XVI"), and neighbours joined ("San Francisco"
    + "Bay Area")."""
    out: list[Entity] = []
    for e in entities:
        start, end = e.start, e.end
        while e.label in _NAMES and (m := _LEFT.search(sentence[:start])) \
                and m.group(1).lower() not in STARTERS:
            start = m.start(1)
        while m := _RIGHT.match(sentence[end:]):
            end += m.end()
        touching = out and out[-1].end + 1 == start and sentence[out[-1].end] == " " \
            and out[-1].label == e.label
        if out and (touching or out[-1].end > start):  # overlapping after widening
            start = out.pop().start
        out.append(Entity(sentence[start:end], e.label, start, end))
    return out


def _fit(need: Need, e: Entity, sentence: str) -> float:
    """How well an entity is of the asked-for type, with the asked noun's help."""
    fits = dict(FIT[need.kind])
    if need.kind == "number":
        if need.asked in _DURATION or need.head in _TIME_UNITS:
            fits["DATE"] = fits["TIME"] = 1.0
        else:
            fits.pop("TIME")
        if need.head in _MONEY_HEADS:
            fits.update(CARDINAL=0.3, PERCENT=0.2, QUANTITY=0.2)
        elif need.asked.startswith("how many"):  # a count, not a share or a sum
            fits.update(PERCENT=0.3, MONEY=0.3, QUANTITY=0.6)
        if set(_digits(e.text)) & set(need.numbers):
            return 0.0  # the question's own number
    if need.kind == "place" and need.head and need.head not in _GEOGRAPHY:
        fits.update(GPE=0.4, LOC=0.4, ORG=0.3)  # "which hospital": a named building, not a city
        if _VENUE.search(e.text):
            return 1.0  # "the Apollo Theater" for "which venue"
    if need.kind == "place" and need.head == "state" and e.label == "GPE":
        return 1.0 if e.text.removeprefix("the ") in US_STATES else 0.5  # not "the U.S."
    fit = fits.get(e.label, 0.0)
    if need.kind == "date" and _AGE.search(e.text):
        return 0.0  # "29-year-old" is an age
    if need.kind == "date" and not _SPECIFIC_DATE.search(e.text):
        fit *= 0.5  # "Saturday", "last week": less than a date
    if need.kind in {"place", "org", "thing"} and need.head and fit:
        # "the Fairmont Century Plaza hotel" for "which hotel"
        after = " ".join(sentence[e.start :].split()[: len(e.text.split()) + 2]).lower()
        if need.head in after:
            fit = max(fit, 1.0)
    return fit


def _digits(text: str) -> list[str]:
    return [re.sub(r"[,.](?=\d{3}\b)", "", n) for n in re.findall(r"\d[\d,.]*\d|\d", text)]


def _new(text: str, need: Need) -> bool:
    """A candidate the question does not already name."""
    words = terms(text)
    return bool(words) and not set(words) <= need.terms


def _people(need: Need, sentence: str, entities: tuple[Entity, ...], body: str,
            before: list[str], known: frozenset[str]) -> list[Candidate]:
    found = []
    for e in entities:
        fit = FIT[need.kind].get(e.label, 0.0)
        if e.label == "ORG" and _person_shaped(e.text, known, body):
            fit = 0.8  # "Denny Kellington" or "Stoltenberg", labelled ORG by the small model
        surname = terms(e.text.split()[-1])
        if not fit or not surname:
            continue
        asked_about = surname[0] in need.terms
        if asked_about != (need.kind == "identity"):
            continue
        appos = _apposition(sentence, e)
        role = f"{appos} {_title(sentence, e, body)}"
        fit *= max(_role_fit(need, role), _role_fit(need, sentence) * 0.8)
        found.append(Candidate(e.text, e.start, fit, surname[0], role, appos))
    if not found and need.kind == "person":
        # "..., he said": the person named in the sentences before.
        person = speaker(sentence, None, before, surnames(body))
        if person and person.surname.lower() not in need.terms:
            role = full_name(person, body)
            found.append(Candidate(person.phrase, max(sentence.find(person.phrase), 0),
                                   0.8 * _role_fit(need, role), person.surname.lower(), role))
    return found


def _person_shaped(text: str, known: frozenset[str], body: str) -> bool:
    """A surname other sentences give a person, or names the article treats as a person's:
    a lower-case role before them ("assistant trainer Denny Kellington"), or speech after."""
    if " " not in text:
        return text in known
    found = people(text)
    if len(found) != 1 or found[0].phrase != text:
        return False
    name = re.escape(text)
    roles = [m.group(1) for m in re.finditer(rf"\b([a-z]{{3,}}) {name}\b", body)]
    return any(r in ROLES or r.endswith(("er", "or", "ist", "ant", "ian")) for r in roles) or bool(
        re.search(rf"{name}(,? who\b|,? said\b| told\b)", body))


def _apposition(sentence: str, e: Entity) -> str:
    """", an astronomer at Royal Observatory Greenwich," after the name; not a list of names."""
    after = _APPOSITION.match(sentence[e.end :])
    if after and (after.group(1) or after.group(2)[0].islower()) \
            and after.group(2).split()[0] not in _NOT_ROLE:
        return (after.group(1) or "") + after.group(2).strip()
    return ""


def _title(sentence: str, e: Entity, body: str) -> str:
    """The words before the name ("pediatrician Mark Corkins") here and where the article
    names the person elsewhere ("Cavs coach J.B. Bickerstaff" for a later "Bickerstaff")."""
    parts = []
    prior = _BEFORE.search(sentence[: e.start])
    if prior:
        parts.append(prior.group(1).strip())
    surname = e.text.split()[-1]
    for m in list(re.finditer(rf"\b{re.escape(surname)}\b", body))[:3]:
        around = _BEFORE.search(body[max(0, m.start() - 80) : m.start()])
        after = _APPOSITION.match(body[m.end() : m.end() + 120])
        parts += [around.group(1) if around else "", after.group(2) if after else ""]
    return " ".join(parts)


def _role_fit(need: Need, role: str) -> float:
    """1 for the asked role, 0.3 for a person whose role the article gives otherwise or not at
    all ("which biographer" is not answered by a president); 0.75 when no role is asked."""
    if not need.role:
        return 0.75
    return 0.3 + 0.7 * _role_match(need, role)


def _role_match(need: Need, role: str) -> float:
    """The share of the question's role words in the person's role; its head counts double,
    and a generic head ("which British official") is met by any role the article gives."""
    have = set(terms(_demonyms(role)))
    if need.head in GENERIC_ROLES and have:
        have |= set(terms(need.head))
    head = terms(need.head)[0] if need.head and terms(need.head) else ""
    weights = {t: 2.0 if t == head else 1.0 for t in need.role}
    return sum(w for t, w in weights.items() if t in have) / sum(weights.values())


def _demonyms(text: str) -> str:
    """"UK Defence Secretary" is British: countries add their adjective for role matching."""
    return text + "".join(f" {adj}" for country, adj in DEMONYMS.items()
                          if re.search(rf"\b{country}\b", text))


def _reasons(sentence: str) -> list[Candidate]:
    """"because ...", "due to ..." (1), "to <verb> ..." (0.7), else the sentence itself: 0.5
    where it has a word of cause, 0.3 (not an answer) where it has none."""
    found = [Candidate(m.group(0).strip().rstrip(",;"), m.start(),
                       0.7 if m.group(1).startswith("to") else 1.0)
             for m in _REASON.finditer(sentence)]
    causal = 0.5 if _CAUSAL.search(sentence) else 0.3
    return found + [Candidate(sentence.strip(), 0, causal)]


def _named_things(need: Need, sentence: str) -> list[Candidate]:
    found = [Candidate(m.group(1).strip(), m.start(1), 1.0) for m in _NAMED.finditer(sentence)]
    found += [Candidate(m.group(1).strip(), m.start(1), 0.8) for m in _QUOTED.finditer(sentence)]
    if need.head:
        # "sesame seeds" for "which seed": the words the sentence puts before the asked noun.
        stem = terms(need.head)
        pattern = rf"((?:[\w.-]+\s+){{1,2}})({re.escape(need.head)}\w*)\b"
        for m in re.finditer(pattern, sentence, re.I):
            words = [w for w in m.group(1).split() if terms(w) and terms(w)[0] not in need.terms]
            if words and stem:
                found.append(Candidate(" ".join(words + [m.group(2)]), m.start(), 0.6))
    return [c for c in found if _new(c.text, need)]


def _counts_what_is_asked(need: Need, counted: str, sentence: str) -> float:
    """"How many tanks": 1 for "31 tanks", less for a bare number in a sentence on tanks, least
    for "14 battalions" or a bare number in a sentence without tanks."""
    if not need.head or need.head in HEADS["number"] or not terms(need.head):
        return 1.0
    head = terms(need.head)[0]
    words = terms(counted)[1:]
    if words:  # "26 universities" for "how many universities and colleges"
        return 1.0 if head in words or set(words) & (set(need.role) | need.terms) else 0.4
    return 0.8 if head in terms(sentence) else 0.4


def _counted(sentence: str, start: int, end: int) -> str:
    """A number with up to three words it counts, ending before the first stop word."""
    phrase = sentence[start:end]
    for word in sentence[end:].split()[:3]:
        core = word.rstrip(",.;:!?)\"'”’")
        if not _COUNTED_STOP.fullmatch(core) or not terms(core):
            break
        phrase += " " + core
        if core != word:
            break
    return phrase
