"""Free-form answers scored as users see them: is a gold answer in the short answer?

newsqa-dev's README fixes the normalisation: case, straight and curly quotes, white space,
thousands separators and number words. Both sides become word tokens and a gold answer must
occur as a run of whole tokens, so "23" is not found in "2023" and "Jan.10" matches "Jan. 10".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_NUMBERS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_NUMBERS.update(
    {
        "thirty": "30",
        "forty": "40",
        "fifty": "50",
        "sixty": "60",
        "seventy": "70",
        "eighty": "80",
        "ninety": "90",
        "hundred": "100",
    }
)
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
_MARKER = re.compile(r"\[\d+\]")


def tokens(text: str) -> list[str]:
    text = text.translate(_QUOTES).lower()
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)  # 65,000 -> 65000
    text = text.replace("'", "")  # Cam'ron, Cam’ron and Camron alike
    return [_NUMBERS.get(t, t) for t in re.findall(r"\w+", text)]


def contains(answer: str, gold: str) -> bool:
    hay, needle = tokens(answer), tokens(gold)
    n = len(needle)
    return n > 0 and any(hay[i : i + n] == needle for i in range(len(hay) - n + 1))


def right(answer: str, golds: Iterable[str]) -> bool:
    return any(contains(answer, g) for g in golds)


def short(text: str) -> str:
    """The short answer: what comes before the first citation's sentence ends."""
    return _MARKER.sub("", text).strip()


def words(text: str) -> int:
    return len(short(text).split())
