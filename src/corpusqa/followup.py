"""Follow-up questions in a chat made self-contained from the turns before them."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

from .verify import MARKER

History = Sequence[Any]  # (user, assistant) pairs or {"role", "content"} messages


_PRONOUN = re.compile(r"\b(he|she|him|his|her|hers|they|them|their)\b", re.I)


def standalone(question: str, history: History) -> str:
    """A follow-up made self-contained: pronouns point at the person the last answer named."""
    turns = _turns(history)
    if not turns or not _PRONOUN.search(question):
        return question
    last_question, last_answer = turns[-1]
    from .speakers import people

    named = people(MARKER.sub("", last_answer)) or people(last_question)
    if not named:
        return f"{last_question} {question}"
    name = named[0].surname

    def swap(m: re.Match[str]) -> str:
        word = m.group().lower()
        return f"{name}'s" if word in {"his", "hers", "their"} else name

    return _PRONOUN.sub(swap, question, count=1)


def _turns(history: History) -> list[tuple[str, str]]:
    turns: list[tuple[str, str]] = []
    pending = ""
    for item in history:
        if isinstance(item, dict):
            content = _plain(item.get("content"))
            if item.get("role") == "user":
                pending = content
            elif item.get("role") == "assistant" and pending:
                turns.append((pending, content))
                pending = ""
        elif isinstance(item, list | tuple) and len(item) == 2:
            turns.append((_plain(item[0]), _plain(item[1])))
    return turns


def _plain(content: Any) -> str:
    """Chat content as text: a string, or a list of parts; the web chat's HTML loses its tags."""
    if isinstance(content, list):
        content = " ".join(_plain(part) for part in content)
    elif isinstance(content, dict):
        content = content.get("text") or content.get("content") or ""
    return html.unescape(re.sub(r"<[^>]+>", " ", str(content or "")))
