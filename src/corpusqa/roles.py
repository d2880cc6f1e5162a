"""How well the role an article gives a person meets the role a question asks for: "which
defence secretary" is met by "UK Defence Secretary Ben Wallace", "who leads it" by its leader,
not by "Prime Minister" or a senator for "which House Democrat"."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .agree import article_terms
from .keyword import compound_terms, terms
from .lexicon import GENERIC_ROLES, ROLE_ALSO
from .places import DEMONYMS
from .question import Need
from .verbs import verb_forms


def role_fit(need: Need, role: str, body: str = "") -> float:
    """1 for the asked role, 0.3 for a person whose role the article gives otherwise or not at
    all ("which biographer" is not answered by a president); 0.75 when no role is asked."""
    if not need.role:
        return 0.75
    return 0.3 + 0.7 * _role_match(need, role, body)


def _role_match(need: Need, role: str, body: str = "") -> float:
    """The share of the question's role words in the person's role; its head counts double,
    and a generic head ("which British official") is met by any role the article gives. A
    name of the asked role that the person's article has elsewhere counts half: "which
    University of Cincinnati Medical Center doctor" for "Dr. William Knight" in a story on
    that hospital."""
    role = _WHITE_HOUSE.sub("", role)  # the president's, not a chamber
    # "Grammy-winning" as one word and as the question's parser splits it: "grammi", "win".
    have = set(terms(_widened(role))) | compound_terms(role)
    have |= doers(have)  # "who leads the program" is its leader
    if need.head in GENERIC_ROLES and have and "chief" not in need.role:  # chief executive
        have |= set(terms(need.head))
    head = terms(need.head)[0] if need.head and terms(need.head) else ""
    weights = {t: 2.0 if t == head else 1.0 for t in need.role}
    around = article_terms(body) if body else frozenset()
    met = sum(
        w if t in have else w / 2 if t in need.role_names and t in around else 0.0
        for t, w in weights.items()
    )
    if head and need.head not in GENERIC_ROLES and met < sum(weights.values()):
        # "Prime Minister" for "which defence minister": the head, but another kind of it
        before = re.findall(rf"(\w+)\s+{re.escape(need.head)}", role, re.I)
        if any(b.lower() in _PORTFOLIOS and not set(terms(b)) & set(need.role) for b in before):
            return 0.0
    if _other_chamber(need, role):
        return 0.0  # "Senate Majority Leader" for "which House Democrat"
    return met / sum(weights.values())


_WHITE_HOUSE = re.compile(r"\bWhite House\b")
# The two chambers of a legislature, by the words for them and their members.
_CHAMBERS = (frozenset(terms("House Rep representative")), frozenset(terms("Senate Sen")))


def _other_chamber(need: Need, role: str) -> bool:
    """A senator ("Sen. Elizabeth Warren") for "which House Democrat", or the other way."""
    have = set(terms(role))
    asked = [bool(c & set(need.role)) for c in _CHAMBERS]
    given = [bool(c & have) for c in _CHAMBERS]
    return any(asked) and any(given) and not any(a and g for a, g in zip(asked, given, strict=True))


# A country adds its adjective ("UK Defence Secretary" is British), a role word the roles it
# also counts as ("Dr" a doctor, an uncle a relative: `ROLE_ALSO`); made once, not per call.
_COUNTRIES = [(re.compile(rf"\b{country}\b"), adj) for country, adj in DEMONYMS.items()]
_ALSO = [(re.compile(rf"\b{word}\b"), more) for word, more in ROLE_ALSO.items()]


# What kind of minister, secretary or director a title says: "Prime Minister" is no defence
# minister. Not names or teams ("Cavaliers coach" is an NBA coach).
_PORTFOLIOS = frozenset(
    """prime foreign finance defence defense interior home health justice education transport
    trade culture economy environment energy treasury deputy vice assistant associate
    managing""".split()
)


def _widened(role: str) -> str:
    """A role with the words it also counts as, for matching the asked role."""
    lower = role.lower()
    return (
        role
        + "".join(f" {adj}" for country, adj in _COUNTRIES if country.search(role))
        + "".join(f" {more}" for word, more in _ALSO if word.search(lower))
    )


def does_it(need: Need, appos: str) -> float:
    """1 when the apposition names the person for what the question asks who did: "the
    company's cofounder" for "who cofounded it?", "the winner" for "who won?"."""
    if need.role or not need.verbs:
        return 0.0
    nouns = set(terms(appos))  # the stem of "cofounder" is its verb's
    return 1.0 if set(need.verbs) & nouns or doers(need.verbs) & nouns else 0.0


def doers(stems: Iterable[str]) -> set[str]:
    """The stems of the nouns for who does each verb: "lead" a leader, "direct" a director."""
    return {t for s in stems for t in _doer(s)}


@lru_cache(maxsize=4096)
def _doer(stem: str) -> tuple[str, ...]:  # per role word of every candidate: cached
    return (*terms(stem + "er"), *terms(stem + "or"))


def act_forms(need: Need) -> frozenset[str] | None:
    """For "who founded the Bulletin?", the words that name the act in a sentence: the verb in
    any form, its doer ("founder") and the words news writes it in ("started by"). None when
    the question asks no plain act, or asks for a role instead."""
    if need.kind != "person" or need.role or not need.verbs:
        return None
    acts = [_PAST.get(v, v) for v in need.verbs if _PAST.get(v, v) in _PLAIN_ACTS]
    if not acts:
        return None
    forms = {*doers(acts)} | {f for v in acts for f in (*verb_forms(v), *_ACTS[v])}
    return frozenset(forms)


def tells_the_act(forms: frozenset[str] | None, sentence: str, role: str) -> bool:
    """Whether the sentence, or what it says of the person, names the act `forms` spells: a
    president of the Bulletin quoted on its clock is not who founded it."""
    return forms is None or bool(forms & {*terms(sentence), *terms(role)})


# Acts news names plainly when it reports who did them: a founding is written "founded" or
# "founder", a design "designed". Not the acts written in many words ("doubted" as "refused
# to call it", "scored 51" as "has 51", "leads" as "chief executive"): their absence says
# little.
_PLAIN_ACTS = frozenset(
    t
    for w in "found cofound design invent chair present host direct write compose create"
    " discover interview receive sign appoint nominate elect replace succeed marry sue fire hire"
    " buy acquire sell build administer officiate sponsor endorse pardon shoot kidnap indict"
    " fund donate sing draw paint steal teach choose manage coach".split()
    for t in terms(w)
)

# The stemmer leaves irregular pasts as they are: "wrote" asks what "write" does.
_PAST = {
    terms(past)[0]: terms(verb)[0]
    for past, verb in (
        ("wrote", "write"),
        ("built", "build"),
        ("bought", "buy"),
        ("sold", "sell"),
        ("sang", "sing"),
        ("drew", "draw"),
        ("chose", "choose"),
        ("shot", "shoot"),
        ("stole", "steal"),
        ("taught", "teach"),
    )
}

# A verb in the words news writes its act in: a company "founded" as "started", "wrote" as
# "written" or "author", who "received" an award as who "was presented with" it, who
# "interviewed" her as whom she "told", who was "elected" as who "won the speakership".
_ACT_FORMS = {
    "found": "start establish create",  # "Applebee's was started by Bill and T. J."
    "cofound": "start establish create",
    "receive": "present given award honor honour accept won",
    "elect": "won win vote ballot chosen",
    "appoint": "named name tapped picked chosen appointee",
    "hire": "named signed appointed",
    "fire": "dismissed ousted sacked",
    "replace": "succeed successor predecessor",
    "succeed": "replace successor predecessor",
    "sue": "lawsuit suit plaintiff",
    "buy": "bought buyer purchase acquire deal",
    "create": "creator made developed",
    "invent": "inventor developed created",
    "discover": "found spotted identified",
    "compose": "composer wrote written",
    "build": "built builder constructed",
    "marry": "wed wedding husband wife spouse",
    "kidnap": "abducted abduction",
    "indict": "charged charges",
    "sponsor": "introduced authored",
    "endorse": "backed support",
    "pardon": "clemency commuted",
    "donate": "gift gave donor contributed",
    "fund": "financed paid backer funder",
    "interview": "tell told ask asked speak spoke",
    "write": "wrote written writer author",
    "sell": "sold seller",
    "sing": "sang sung singer",
    "draw": "drew drawn",
    "choose": "chose chosen pick select",
    "shoot": "shot gunman shooter",
    "steal": "stole stolen thief",
    "teach": "taught teacher",
}
_ACTS: dict[str, frozenset[str]] = {t: frozenset() for t in _PLAIN_ACTS} | {
    terms(verb)[0]: frozenset(terms(words)) for verb, words in _ACT_FORMS.items()
}
