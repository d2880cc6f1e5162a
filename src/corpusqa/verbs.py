"""The verbs a parsed question is built on ("died" in "When did X die?"), where the small
parser tags them nouns too; what a when-question built on "is" dates; and the clause a
refusal says is not reported ("who founded the Bulletin"); and the forms a report of a verb
takes ("death" for "died", "grew" for "grow")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .entities import Parsed, Token
from .grammar import last_start
from .keyword import terms

if TYPE_CHECKING:
    from .question import Need

# A question's verb in the forms a report of it takes: "died" is reported as "death" too.
VERB_FORMS = {
    "die": {"die", "death", "dead", "kill", "pass"},  # "his father's passing", "passed away"
    "kill": {"kill", "die", "death", "dead"},
    "born": {"born", "birth", "nativ"},
    "won": {"won", "win", "winner", "victori"},
    "win": {"won", "win", "winner", "victori"},
    "resign": {"resign", "quit", "step"},
    "quit": {"resign", "quit", "step"},
    "arrest": {"arrest", "custodi", "detain"},
    "appli": {"appli", "applic", "applicant"},
}
# Irregular verbs as news reports them: the question's "grow" is the sentence's "grew".
_IRREGULAR = """grow grew grown | buy bought | sell sold | take took taken | give gave given |
    make made | go went gone | come came | find found | tell told | leave left | lose lost |
    hold held | bring brought | build built | meet met | pay paid | run ran | see saw seen |
    send sent | spend spent | speak spoke spoken | steal stole stolen | throw threw thrown |
    write wrote written | begin began begun | break broke broken | choose chose chosen |
    drive drove driven | fall fell fallen | fly flew flown | know knew known | lead led |
    rise rose risen | shoot shot | sing sang sung | sink sank sunk | stand stood |
    strike struck | teach taught | think thought | wear wore worn | catch caught |
    fight fought | feel felt | keep kept | sleep slept | swim swam swum | hide hid hidden"""
_PARTS = [{t for w in forms.split() for t in terms(w)} for forms in _IRREGULAR.split("|")]
IRREGULAR = {stem: frozenset(parts) for parts in _PARTS for stem in parts}


def verb_forms(verb: str) -> frozenset[str]:
    """A question verb's stem with the forms a report of it takes (`VERB_FORMS`, `IRREGULAR`)."""
    return frozenset(VERB_FORMS.get(verb, ())) | IRREGULAR.get(verb, frozenset()) | {verb}


def asked_verb(need: Need) -> str:
    """A pattern for the question's verb as a sentence writes it, by its own endings
    ("streaming", "returning"; not "sociology" for "social"); its other words when the parser
    found no verb ("is streaming"); "" when there are none."""
    named = {t for n in need.names for t in terms(n)}
    verbs = need.verbs or tuple(t for t in need.relation if t not in named)
    forms = "|".join(re.escape(f) for v in verbs for f in verb_forms(v))
    return rf"(?i:(?:{forms})(?:e|es|ed|ing|s)?)" if forms else ""


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


def doer(parsed: Parsed, verbs: list[Token], names: tuple[str, ...]) -> str:
    """The question's name that does what it asks about: "Turkey" in "How many aircraft did
    Turkey send?"; empty when its subject is no name (or the wh-phrase)."""
    heads = {parsed.tokens.index(v) for v in verbs}
    for t in parsed.tokens:
        if t.dep == "nsubj" and t.head in heads:
            return next((n for n in names if t.text in n.split()), "")
    return ""
