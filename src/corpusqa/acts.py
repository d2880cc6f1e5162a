"""Whose act a candidate is: the one the question asks about, or another's. "hosted by"
someone the question does not ask about, "China will send" for what Turkey sent, a clause
without the question's names, or a number written beside the asked verb."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from .keyword import terms
from .question import Need
from .records import Candidate
from .verbs import verb_forms

_BY = re.compile(r"\b([a-z]+ed)\s+by\s+(?:[a-z]+\s+){0,2}$")


def agent_of(sentence: str, at: int) -> set[str]:
    """The stem of the verb whose doer the candidate at `at` is written as: "hosted by
    comedian Jerrod Carmichael", "conducted by Thomas Wilkins"; empty if none."""
    m = _BY.search(sentence[:at])
    return set(terms(m.group(1))) if m else set()


def agent_of_another(need: Need, sentence: str, at: int) -> bool:
    """ "The Fabelmans won best director ..., hosted by comedian Jerrod Carmichael": the one
    who did something the question does not ask about (hosted), not who won."""
    verb = agent_of(sentence, at)
    return bool(verb) and not verb & {*need.relation, *need.verbs, *need.role}


_DONE_BY = re.compile(
    r"\b([A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)*)\s+(?:(?:will|would|has|have|had|also|did)\s+)*"
    r"([a-z]+)\s+(?:[\w,-]+\s+){0,3}$"
)


_OWNED = re.compile(r"['’]s?\s+(?:[a-z]+\s+)?$")


def done_by_another(need: Need, sentence: str, at: int) -> bool:
    """ "China will send two aircraft" for "How many aircraft did Turkey send?": the asked
    verb's doer in the sentence is a name other than the question's."""
    m = _DONE_BY.search(sentence[:at]) if need.doer else None
    if m is None or not any(set(terms(m.group(2))) & verb_forms(v) for v in need.verbs):
        return False
    if _OWNED.search(sentence[: m.start(1)]):
        return False  # "Vonn's previous GS win came in Maribor": a noun, not GS's act
    return not set(terms(m.group(1))) & set(terms(need.doer))


# A clause with a subject of its own: "..., and McDonald's launched", not "..., but in exchange";
# with a verb of its own: "..., while 24 survived", "..., and an estimated 90,000 died".
_CLAUSE = re.compile(r"(?:,\s+(?:and|but|while|whereas)|;)\s+(?=[A-Z])")
# ... and "Although 38% have monitored wastewater, only 21% plan to continue": the clause
# a sentence opens with a concession ends at its comma.
_CLAUSE_OF_VERB = re.compile(
    r"(?:,\s+(?:and|but|while|whereas)|;)\s+|^(?:Although|Though|While|Whereas)\b[^,]*,\s+"
)


def in_another_clause(need: Need, sentence: str, at: int) -> bool:
    """ "IHOP announced a rewards program in March, and McDonald's launched its first ... last
    year": for when McDonald's did, an amount, date, thing or organisation in a clause without
    the question's names when another clause of the sentence has one (Keaton's show, not the
    one Zendaya won for before ", while Michael Keaton ..."); likewise for its verb ("The crash
    killed 19 people, while 24 survived": how many survived)."""
    if need.kind not in {"number", "date", "thing", "org"}:
        return False  # not a person or a place: the other clause may name those
    names = [set(terms(n)) for n in need.names]
    verbs = [{v} for v in need.verbs]  # its own word: a clause on the killed is not on the dead
    return _elsewhere(sentence, at, _CLAUSE, lambda c: any(n <= c for n in names)) or _elsewhere(
        sentence, at, _CLAUSE_OF_VERB, lambda c: any(v & c for v in verbs)
    )


def _elsewhere(
    sentence: str, at: int, cut: re.Pattern[str], has: Callable[[set[str]], bool]
) -> bool:
    """Whether a clause of `sentence` other than the one at `at` has what is wanted, and that
    one does not."""
    cuts = [0, *(m.end() for m in cut.finditer(sentence)), len(sentence) + 1]
    clauses = list(pairwise(cuts))
    if len(clauses) < 2:
        return False
    found = [has(set(terms(sentence[a:b]))) for a, b in clauses]
    mine = next(i for i, (a, b) in enumerate(clauses) if a <= at < b)
    return any(found) and not found[mine]


def by_its_verb(need: Need, sentence: str, c: Candidate) -> bool:
    """ "he said the plane had departed around 6 a.m.": for when it departed, a time just after
    the question's verb, not "at 8:25 a.m. there was a sudden change" in the next sentence."""
    if need.kind not in {"date", "number"} or not need.verbs:
        return False
    end = c.start + len(c.text)
    # "More than 1,100 people have been killed": the verb after its auxiliaries.
    aux = _AUXILIARIES.match(sentence, end)
    after = set(terms(sentence[end : end + 12] + " " + (aux.group(1) if aux else "")))
    if any(verb_forms(v) & after for v in need.verbs):
        return True
    # "... killed and 33 million others impacted": a number with a verb of its own.
    own = _PARTICIPLE.search(c.text) or (aux and aux.group(1).endswith("ed"))
    before = set(terms(sentence[max(0, c.start - 30) : c.start]))
    return not own and any(verb_forms(v) & before for v in need.verbs)


_AUXILIARIES = re.compile(r"(?:\s+(?:have|has|had|were|was|are|is|been|being|be))*\s+([\w'-]+)")
_PARTICIPLE = re.compile(r"\s+[a-z]{3,}ed\b")
