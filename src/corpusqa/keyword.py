"""The keyword side of the index: one tokenizer for BM25 and for sentence matching, and BM25.

BM25 comes from `bm25s`; it is rebuilt from the chunk store at every index update (tokenizing is
cheap next to embedding) and saved beside FAISS, never built per query.
"""

from __future__ import annotations

import logging
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

_TOKEN = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them themselves
    then there these they this those through to too under until up very was we were what when
    where which while who whom why will with would you your yours yourself yourselves s t said
    says say according""".split()
)


def _bm25s() -> Any:
    import bm25s

    # bm25s sets its logger to DEBUG on import and then logs every build.
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    return bm25s


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import Stemmer

    return Stemmer.Stemmer("english")


def terms(text: str) -> list[str]:
    """Lower-cased, stemmed content words; names, numbers and dates survive whole."""
    words = [w.replace("’", "'").lower() for w in _TOKEN.findall(text)]
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    return list(_stemmer().stemWords([w for w in words if w not in STOPWORDS]))


class Keywords:
    """BM25 over the chunks, row for row with the dense vectors."""

    def __init__(self, bm25: object | None, size: int) -> None:
        self.bm25 = bm25
        self.size = size

    @classmethod
    def build(cls, texts: list[str]) -> Keywords:
        if not texts:
            return cls(None, 0)
        bm25 = _bm25s().BM25()
        bm25.index([terms(t) or ["\u2205"] for t in texts], show_progress=False)
        return cls(bm25, len(texts))

    def save(self, folder: Path) -> None:
        if self.bm25 is not None:
            self.bm25.save(str(folder), show_progress=False)  # type: ignore[attr-defined]

    @classmethod
    def load(cls, folder: Path, size: int) -> Keywords:
        if size == 0:
            return cls(None, 0)
        return cls(_bm25s().BM25.load(str(folder), show_progress=False), size)

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every chunk for the query (zeros where no term matches)."""
        tokens = terms(query)
        if self.bm25 is None or not tokens:
            return np.zeros(self.size, dtype=np.float32)
        known = [t for t in tokens if t in self.bm25.vocab_dict]  # type: ignore[attr-defined]
        if not known:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self.bm25.get_scores(known), dtype=np.float32)  # type: ignore[attr-defined]

    def idf(self) -> dict[str, float]:
        """Each indexed term's inverse document frequency over the chunks (BM25's formula)."""
        if self.bm25 is None:
            return {}
        indptr = self.bm25.scores["indptr"]  # type: ignore[attr-defined]
        n = max(self.size, 1)
        return {
            term: math.log(1 + (n - df + 0.5) / (df + 0.5))
            for term, tid in self.bm25.vocab_dict.items()  # type: ignore[attr-defined]
            if tid + 1 < len(indptr) and (df := int(indptr[tid + 1] - indptr[tid])) > 0
        }
