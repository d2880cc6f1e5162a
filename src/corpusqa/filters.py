"""What narrows or tilts a search: outlet and date filters, checked once, and the recency prior."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from .errors import FilterError
from .numerals import NOW, THIS_MONTH
from .tuning import RECENCY_FLOOR


@dataclass(frozen=True)
class Filters:
    """Which articles a question may be answered from, and the date it is asked on."""

    outlets: tuple[str, ...] = ()
    since: str | None = None  # ISO dates, inclusive
    until: str | None = None
    as_of: str | None = None  # the question's date for the recency prior; not a filter

    def __bool__(self) -> bool:
        return bool(self.outlets or self.since or self.until)

    @property
    def today(self) -> str | None:
        return self.as_of or self.until


NONE = Filters()


def combine(
    filters: Filters | None,
    outlets: Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
    as_of: str | None = None,
) -> Filters:
    """`filters` with the loose keyword options laid over it (a keyword given wins)."""
    base = filters or NONE
    return Filters(
        tuple(outlets or ()) or tuple(base.outlets),
        since or base.since,
        until or base.until,
        as_of or base.as_of,
    )


def latest(question: str, filters: Filters, newest: str | None) -> Filters | None:
    """For a question about the latest news ("this week", "recently") with no start date of
    its own: the same filters narrowed to the week (for "this month", the 31 days) up to the
    day it is asked on, or the newest article's day. None for any other question."""
    today = filters.today or newest
    if filters.since or not today or not NOW.search(question):
        return None
    days = 31 if THIS_MONTH.search(question) else 7
    since = (date.fromisoformat(today[:10]) - timedelta(days=days)).isoformat()
    return Filters(filters.outlets, since, filters.until or today[:10], filters.as_of)


def day_numbers(dates: Sequence[str | None]) -> np.ndarray:
    """Each ISO date (a time may follow it) as a day number; NaN where there is none."""
    days = np.full(len(dates), np.nan)
    for i, published in enumerate(dates):
        with contextlib.suppress(ValueError):  # no date, or not one: NaN
            days[i] = date.fromisoformat((published or "")[:10]).toordinal()
    return days


def recency(
    days: np.ndarray, rows: np.ndarray, as_of: str | None, recency_days: float
) -> np.ndarray:
    """Recency factors of `rows`: 0.5 + 0.5 exp(-|days from as_of| / recency_days), 1 undated.

    `as_of` is the day counted from (`Searcher` passes the newest article's, the corpus's own
    "now", when the question gives none); without one, nothing is dated.
    """
    if not recency_days or not as_of:
        return np.ones(len(rows))
    now = date.fromisoformat(as_of).toordinal()
    factor = np.exp(-np.abs(now - days[rows]) / recency_days)
    return np.where(np.isnan(days[rows]), 1.0, RECENCY_FLOOR + (1 - RECENCY_FLOOR) * factor)


@dataclass(frozen=True)
class Catalog:
    """Each article's outlet and date as arrays, so that a filter is a few array operations
    whatever the size of the index."""

    names: tuple[str, ...]  # the outlets, lower case
    outlet: np.ndarray  # per article: its outlet's place in `names`, -1 for none
    day: np.ndarray  # per article: its date's day number, NaN for none

    @classmethod
    def of(cls, outlets: Sequence[str | None], dates: Sequence[str | None]) -> Catalog:
        """From each article's outlet and date, in the index's article order."""
        names = sorted({o.lower() for o in outlets if o})
        where = {n: i for i, n in enumerate(names)}
        outlet = np.array([where.get((o or "").lower(), -1) for o in outlets], np.int64)
        return cls(tuple(names), outlet, day_numbers(dates))

    def allowed(self, f: Filters) -> np.ndarray:
        """Which articles pass `f`: an outlet whose name contains one of `f.outlets` (any
        case), and a date within `f.since`..`f.until`, whole days (an undated article passes
        no date filter)."""
        keep = np.ones(len(self.outlet), dtype=bool)
        if f.outlets:
            wanted = np.zeros(len(self.names) + 1, dtype=bool)  # the last: no outlet (-1)
            wanted[
                [i for i, n in enumerate(self.names) if any(o.lower() in n for o in f.outlets)]
            ] = True
            keep &= wanted[self.outlet]
        if f.since:  # NaN compares false: undated articles drop out
            keep &= self.day >= date.fromisoformat(f.since).toordinal()
        if f.until:
            keep &= self.day <= date.fromisoformat(f.until).toordinal()
        return keep


def check_filters(filters: Filters, outlets: list[str]) -> None:
    """Unknown outlet names and malformed or inverted dates are mistakes worth saying."""
    _check_dates(filters)
    for name in filters.outlets:
        if not any(name.lower() in o.lower() for o in outlets):
            raise FilterError(f"unknown outlet {name!r}; the index has: {', '.join(outlets)}")


def _check_dates(f: Filters) -> None:
    for label, value in (("since", f.since), ("until", f.until), ("as_of", f.as_of)):
        if value:
            try:
                date.fromisoformat(value)
            except ValueError:
                raise FilterError(f"{label}={value!r} is not a date (YYYY-MM-DD)") from None
    if f.since and f.until and f.since > f.until:
        raise FilterError(f"the date range is inverted: since {f.since} is after until {f.until}")
