"""Turn the lines of a saved news page into headline, metadata and a clean body.

The rules are about the shape of page clutter, not about particular sites: a header region before
the first line of prose (banner, breadcrumb, headline, byline, dateline, photo credit), short
prompts and shortcodes, lines in another script, and a tail of short non-prose lines after the
last paragraph. Body lines are kept verbatim, so every quote is a substring of the original text.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

_END = re.compile(r"""[.!?…]["'”’)\]]*$|["”’]$""")
_SHORTCODE = re.compile(r"^(\[/?[a-z][\w-]*(\s[^\]]*)?\]|\{\{[^}]*\}\})$", re.I)
_CREDIT = re.compile(r"©|\(c\)\s*\d{4}|^(photo|image|picture|credit|video)s?\s*(:|/|by\b)", re.I)
_PROMPT = re.compile(
    r"\b(sign[ -]?up|sign[ -]?in|log[ -]?in|register|subscribe|newsletter|leave a (comment|reply)"
    r"|comments?|you may also like|related (articles?|stories|news|posts?)|read (more|next|also)"
    r"|share (this|on)|follow us|advertisement|sponsored|cookies?|participate in the discussion"
    r"|all rights reserved|click here|recommended|most (read|popular)|trending)\b",
    re.I,
)
_BYLINE = re.compile(r"^(by|written by|words by)\s+(?P<who>.+)$", re.I)
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            "jan january",
            "feb february",
            "mar march",
            "apr april",
            "may",
            "jun june",
            "jul july",
            "aug august",
            "sep sept september",
            "oct october",
            "nov november",
            "dec december",
        ]
    )
    for m in names.split()
}
_MON = r"(?P<mon>jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?"  # noqa: E501
_DATES = [
    re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)"),
    re.compile(r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})\b"),
    re.compile(r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})\b"),
    re.compile(rf"\b(?P<d>\d{{1,2}})(st|nd|rd|th)?\s+{_MON}\s+(?P<y>\d{{4}}|\d{{2}})\b", re.I),
    re.compile(rf"\b{_MON}\s+(?P<d>\d{{1,2}})(st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b", re.I),
]


@dataclass(frozen=True)
class Cleaned:
    title: str | None
    outlet: str | None
    published: str | None
    byline: str | None
    paragraphs: tuple[str, ...]


def words(line: str) -> int:
    """Tokens that hold a letter: a bare "-" or "1920" is not a word."""
    return sum(1 for t in line.split() if any(c.isalpha() for c in t))


def is_prose(line: str) -> bool:
    """A line of running text: a sentence-like end and enough words, or plainly long."""
    n = words(line)
    return (n >= 8 and bool(_END.search(line))) or n >= 25


def find_date(text: str) -> str | None:
    for pattern in _DATES:
        for m in pattern.finditer(text):
            parsed = _to_date(m.groupdict())
            if parsed:
                return parsed
    return None


def _to_date(g: dict[str, str | None]) -> str | None:
    try:
        m = g.get("m")
        month = int(m) if m else _MONTHS[(g.get("mon") or "").lower().rstrip(".")]
        year = int(g["y"] or 0)
        year += 2000 if year < 100 else 0
        return date(year, month, int(g.get("d") or 0)).isoformat()
    except (KeyError, ValueError):
        return None


def dominant_script(text: str) -> str | None:
    if text.isascii():  # every ASCII letter is Latin: skip the per-letter look-ups
        return "LATIN" if any(ch.isalpha() for ch in text) else None
    counts = Counter(_script(ch) for ch in text if ch.isalpha())
    return counts.most_common(1)[0][0] if counts else None


@lru_cache(maxsize=8192)  # a text has few distinct characters; names are slow to look up
def _script(ch: str) -> str:
    try:
        return unicodedata.name(ch).split()[0]
    except ValueError:
        return "UNKNOWN"


def _foreign(line: str, script: str | None) -> bool:
    if script == "LATIN" and line.isascii():
        return False
    letters = [c for c in line if c.isalpha()]
    if not letters or script is None:
        return False
    native = sum(1 for c in letters if _script(c) == script)
    return native / len(letters) < 0.5


def is_clutter(line: str, script: str | None) -> bool:
    if _SHORTCODE.match(line) or _foreign(line, script):
        return True
    if _CREDIT.search(line) and not is_prose(line):  # "© Reuters", not "... © 2015 Elsevier"
        return True
    if not any(c.isalnum() for c in line):
        return True
    return words(line) <= 10 and not _END.search(line) and bool(_PROMPT.search(line))


def clean_lines(lines: list[str], title: str | None = None) -> Cleaned:
    """Split the lines of one article into its metadata and its body paragraphs."""
    lines = [ln.strip() for ln in lines]
    script = dominant_script("\n".join(lines))
    kept = [ln for ln in lines if ln and not is_clutter(ln, script)]
    at = _title_position(kept, title)
    title = kept[at] if at >= 0 else title
    prose = [i for i in range(at + 1, len(kept)) if is_prose(kept[i])]
    first = prose[0] if prose else at + 1
    last = prose[-1] if prose else len(kept) - 1
    header = kept[:first]
    banner = [ln for ln in kept[: max(at, 1)] if ln != title]
    body = [ln for ln in kept[first : last + 1] if ln != title]
    # After the last paragraph, only lines that could themselves be prose survive.
    body += [ln for ln in kept[last + 1 :] if words(ln) > 10 or _END.search(ln)]
    dates = [d for d in map(find_date, header) if d]
    bylines = [m.group("who") for ln in header if (m := _BYLINE.match(ln)) and words(ln) <= 12]
    outlets = [name for ln in banner if (name := _outlet_name(ln))]
    return Cleaned(
        title=title,
        outlet=outlets[0] if outlets else None,
        published=dates[0] if dates else None,
        byline=_strip_dateline(bylines[0]) if bylines else None,
        paragraphs=tuple(body),
    )


def _title_position(kept: list[str], title: str | None) -> int:
    """Where the headline stands among the first lines, or -1.

    Lines before it are the site's banner, tagline and breadcrumb. A breadcrumb ends with the
    headline it leads to ("Home News <headline>"), so a line that ends with a later one is skipped.
    """
    head = kept[:6]
    if title is not None:
        return head.index(title) if title in head else -1
    for i, line in enumerate(head):
        if not _title_like(line) or any(b != line and line.endswith(b) for b in head[i + 1 :]):
            continue
        return i
    return -1


def _strip_dateline(text: str) -> str:
    """A byline without a trailing dateline or time ("Jane Doe | 15 Feb 2022")."""
    return re.split(r"\s[|,–-]\s|\s\d", text, maxsplit=1)[0].strip()


def _title_like(line: str) -> bool:
    if words(line) < 4 or words(line) > 40 or find_date(line) or _BYLINE.match(line):
        return False
    return not re.search(r"[.!?]\s+[A-Z]", line) and not _END.search(line)


def _outlet_name(line: str) -> str | None:
    """A short banner line made of capitalised words: the site's name."""
    name = re.sub(r"[,\s]+\d[\d\s,./:-]*$", "", line).strip(" -–—|•·:")
    tokens = name.split()
    if not 1 <= len(tokens) <= 5 or name.endswith("."):
        return None
    if all(t[0].isupper() or t[0].isdigit() or t in {"of", "the", "and", "&"} for t in tokens):
        return name
    return None
