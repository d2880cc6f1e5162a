"""Lengths of time and what says when instead: "134 million years" is a length where nothing
dates it ("two years ago" is a date); "last week", "earlier this week" or "the coming weeks" say
when, not how long."""

from __future__ import annotations

import re

from .entities import Entity
from .numerals import NUMBER_WORDS
from .question import Need

_LENGTH_OF_TIME = re.compile(
    r"(?:(?:about|around|nearly|almost|over|more than|less than|at least|up to|some)\s+)*"
    rf"(?:an?|\d[\d,.]*|several|few|{'|'.join(NUMBER_WORDS)})"
    r"(?:\s+(?:million|billion|thousand|hundred))?\s+"
    r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centur(?:y|ies))",
    re.I,
)
# What makes a length of time a date: "two years ago", "in two weeks", "a year later".
_DATED_BEFORE = re.compile(r"\b(?:in|within)\s+$", re.I)
_DATED_AFTER = re.compile(r"\s+(?:ago|later|earlier|after|before|from now|since)\b", re.I)


def a_length(e: Entity, sentence: str) -> bool:
    """ "134 million years", "a year": a length of time, where nothing around it dates it."""
    if not _LENGTH_OF_TIME.fullmatch(e.text):
        return False
    return not (_DATED_BEFORE.search(sentence[: e.start]) or _DATED_AFTER.match(sentence[e.end :]))


_WHEN_NOT_HOW_LONG = re.compile(
    r"(?:last|this|next)\s+(?:week|weekend|month|year|season|night|\w+day)", re.I
)
# "the year", "the coming weeks", "those days": a time of the story, no date or length in it.
UNDATED = re.compile(
    r"(?:the|these|those|recent|coming)(?:\s+(?:coming|past|following|same|recent))*\s+"
    r"(?:days?|weeks?|months?|years?|decades?|times?|period|era)",
    re.I,
)


def says_when(need: Need, e: Entity) -> bool:
    """ "last week", "earlier this week" for "how long" or "how many weeks": a date, no number
    or "a" of weeks in it. How often may be said without one ("every week")."""
    return bool(_WHEN_NOT_HOW_LONG.fullmatch(e.text)) or (
        need.asked != "how often" and e.label in {"DATE", "TIME"} and not AMOUNT.search(e.text)
    )


# What says how much: "10,000", "two", "a mile", "half an hour"; not "thousands of miles".
AMOUNT = re.compile(rf"\d|\b(?:an?|half|quarter|{'|'.join(NUMBER_WORDS)})\b", re.I)
