"""Whether a text names something another way: by its initials ("CDC" for the "Centers for
Disease Control and Prevention", and the other way round) or by another name news gives it
("Britain" for the UK, the Academy Awards for the Oscars)."""

from __future__ import annotations

import re

# Names news uses for one thing, none of them the initials of another (those `agree` reads).
ALSO_NAMED = (
    ("Oscars", "Oscar", "Academy Awards", "Academy Award"),
    ("UK", "U.K.", "Britain", "United Kingdom"),
    ("US", "U.S.", "United States", "America"),
    ("EU", "E.U.", "European Union"),
)


_MINOR = frozenset("of for and the on in to".split())


def known_as(name: str, text: str) -> bool:
    """Whether `text` names `name` another way: by its initials ("CDC" for the "Centers for
    Disease Control and Prevention", and the other way round) or by a name in `ALSO_NAMED`."""
    bare = name.removeprefix("the ").replace(".", "")
    if bare.isupper() and 3 <= len(bare) <= 5:  # "US" would be any "Upper South"
        capitals = (
            rf"(?:[A-Z][\w'-]*(?:\s+(?:{'|'.join(_MINOR)}))*\s+){{{len(bare) - 1},}}[A-Z][\w'-]*"
        )
        # Overlapping, so that "the US Centers for Disease Control" has its "CDC".
        runs = re.finditer(rf"\b(?=({capitals}))", text)
        if any(_initials(m.group(1)).startswith(bare) for m in runs):
            return True
    initials = _initials(bare)
    if len(initials) >= 2 and re.search(rf"\b{re.escape(initials)}\b", text.replace(".", "")):
        return True
    return any(
        name in group and any(re.search(rf"\b{re.escape(n)}\b", text) for n in group)
        for group in ALSO_NAMED
    )


def _initials(phrase: str) -> str:
    words = phrase.split()
    letters = "".join(w[0] for w in words if w.lower() not in _MINOR)
    return letters if len(words) > 1 and letters.isalpha() and letters.isupper() else ""


def names_more(name: str, text: str) -> bool:
    """Whether `text` is another name that holds `name`'s other name in it: "the US Centers for
    Disease Control and Prevention" is no other name for the US."""
    group = next((g for g in ALSO_NAMED if name.removeprefix("the ") in g), ())
    rest = text
    for alias in group:
        rest = re.sub(rf"\b{re.escape(alias)}(?!\w)", "", rest)
    return bool(group) and len(re.findall(r"\b[A-Z][\w'-]*", rest)) >= 2


def longer_name_of(name: str, text: str) -> bool:
    """ "the Atlanta Braves" of "Braves": a name with more words before it is the same name."""
    bare = name.removeprefix("the ")
    return bare[:1].isupper() and len(bare) >= 4 and text.endswith(f" {bare}")
