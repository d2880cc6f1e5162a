"""The keyword side of the index: one tokenizer for BM25 and for sentence matching, and BM25.

Each segment of the index keeps its chunks' term frequencies (a sparse terms x chunks matrix
and the chunks' lengths); a query is scored with statistics of the whole index (`Stats`: how
many chunks, their mean length, each term's document frequency summed over the segments), so
a chunk scores the same whichever segment holds it. Like Lucene, the statistics count deleted
chunks until their segment is merged. The formula is Lucene's BM25 (k1 1.5, b 0.75), as bm25s
computed it before.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from . import disk

K1, B = 1.5, 0.75
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
# "U.S." and "US", "U.K." and "UK" are one term.
_ACRONYM = re.compile(r"\b(?:[A-Z]\.){2,}")
# The version of `terms`: a segment's term frequencies made by another one are made again from
# its chunks' text at the next build (nothing embedded); 1 is before acronyms were joined.
ANALYZER = 2
ANALYZED = "analyzer.json"
TF = "tf"  # the folder of the term-frequency arrays, "tf.npz" in segments written before
EMPTY = "\u2205"  # the one term of a chunk with none, so that every chunk has a length


_CAPITALISED = re.compile(r"[A-Z][\w'’&.-]*(?:\s+(?:[A-Z][\w'’&.-]*|van|von|de|der|al))*")


def names_in(question: str) -> list[list[str]]:
    """The words of each name a question writes with capitals ("Isaac Nauta", "AccuWeather"),
    not the capital that starts it or a sentence ("Who", "Which")."""
    found = []
    for m in _CAPITALISED.finditer(question):
        words = m.group().split()
        if m.start() == 0 or re.search(r"[.?!:]\s*[\"“']?$", question[: m.start()]):
            words = words[1:]
        words = [w.rstrip(".'’") for w in words if terms(w)]
        # A date is no name: "Drake's January 2023 show" names Drake.
        for run in re.split(r"\b(?:" + DATE_WORDS + r")\b", " ".join(words)):
            if run.split():
                found.append(run.split())
    return found


DATE_WORDS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
)


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import Stemmer

    return Stemmer.Stemmer("english")


def terms(text: str) -> list[str]:
    """Lower-cased, stemmed content words; names, numbers and dates survive whole, and a
    dotted acronym is its letters ("U.S." is "us", as "US" is)."""
    text = _ACRONYM.sub(lambda m: m.group().replace(".", ""), text)
    words = [w.replace("’", "'").lower() for w in _TOKEN.findall(text)]
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    return list(_stemmer().stemWords([w for w in words if w not in STOPWORDS]))


def compound_terms(text: str) -> set[str]:
    """The terms of a text and of each hyphened compound's words: "Austin-based" says "Austin"
    and "based" as well as itself."""
    return set(terms(text)) | set(terms(text.replace("-", " ")))


@dataclass(frozen=True)
class Stats:
    """What BM25 needs of the whole index: chunks, their mean length, each term's frequency."""

    parts: tuple[Keywords, ...]
    docs: int
    mean_length: float

    @classmethod
    def of(cls, parts: Sequence[Keywords]) -> Stats:
        docs = sum(p.size for p in parts)
        length = sum(float(p.lengths.sum()) for p in parts)
        return cls(tuple(parts), docs, length / docs if docs else 1.0)

    def df(self, term: str) -> int:
        return sum(p.df(term) for p in self.parts)

    def idf(self, df: int) -> float:
        return math.log(1 + (self.docs - df + 0.5) / (df + 0.5))


def analyzer(folder: Path) -> int:
    """The version of `terms` that made a segment's term frequencies (1 when unsaid)."""
    path = folder / ANALYZED
    return int(json.loads(path.read_text("utf-8"))["analyzer"]) if path.exists() else 1


class Keywords:
    """The term frequencies of one segment's chunks, row for row with its vectors."""

    def __init__(
        self, vocab: dict[str, int], matrix: Any, lengths: np.ndarray, analyzer: int = ANALYZER
    ) -> None:
        self.vocab = vocab  # term -> row of `matrix`
        self.matrix = matrix  # scipy CSR, terms x chunks, term frequencies
        self.lengths = lengths  # terms per chunk
        self.size = len(lengths)
        self.analyzer = analyzer  # the version of `terms` that made them
        self._norms: tuple[float, np.ndarray] | None = None

    @classmethod
    def build(cls, texts: Sequence[str]) -> Keywords:
        from scipy.sparse import csr_matrix

        vocab: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        lengths = np.zeros(len(texts), dtype=np.int32)
        for col, text in enumerate(texts):
            words = terms(text) or [EMPTY]
            lengths[col] = len(words)
            for word in words:
                rows.append(vocab.setdefault(word, len(vocab)))
                cols.append(col)
        ones = np.ones(len(rows), dtype=np.int32)
        matrix = csr_matrix((ones, (rows, cols)), shape=(len(vocab), len(texts)), dtype=np.int32)
        matrix.sum_duplicates()  # repeated words become one entry with their count
        return cls(vocab, matrix, lengths)

    @classmethod
    def join(cls, parts: Sequence[tuple[Keywords, np.ndarray]]) -> Keywords:
        """The chunks `rows` of each part, in order, as one segment's: what a merge writes,
        without tokenizing the merged chunks again."""
        from scipy.sparse import csr_matrix

        vocab: dict[str, int] = {}
        rows, cols, data, lengths = [], [], [], []
        done = 0
        for part, keep in parts:
            remap = np.array([vocab.setdefault(w, len(vocab)) for w in part.vocab], np.int64)
            order = np.empty(len(part.vocab), dtype=np.int64)
            order[list(part.vocab.values())] = remap
            sub = part.matrix[:, keep].tocoo()
            rows.append(order[sub.row])
            cols.append(sub.col + done)
            data.append(sub.data)
            lengths.append(part.lengths[keep])
            done += len(keep)
        matrix = csr_matrix(
            (np.concatenate(data), (np.concatenate(rows), np.concatenate(cols))),
            shape=(len(vocab), done),
            dtype=np.int32,
        )
        return cls(vocab, matrix, np.concatenate(lengths).astype(np.int32))

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        m = self.matrix
        arrays = {"data": m.data, "indices": m.indices, "indptr": m.indptr}
        disk.save_arrays(folder / TF, arrays | {"lengths": self.lengths})
        words = sorted(self.vocab, key=self.vocab.__getitem__)
        (folder / "vocab.json").write_text(json.dumps(words, ensure_ascii=False), "utf-8")
        (folder / ANALYZED).write_text(json.dumps({"analyzer": self.analyzer}), "utf-8")

    @classmethod
    def load(cls, folder: Path, size: int) -> Keywords:
        from scipy.sparse import csr_matrix

        arrays = disk.load_arrays(folder / TF)
        words = json.loads((folder / "vocab.json").read_text("utf-8"))
        if len(arrays["lengths"]) != size:
            raise ValueError(f"keywords for {len(arrays['lengths'])} chunks, not {size}")
        matrix = csr_matrix(
            (arrays["data"], arrays["indices"], arrays["indptr"]), shape=(len(words), size)
        )
        return cls({w: i for i, w in enumerate(words)}, matrix, arrays["lengths"], analyzer(folder))

    def _norm(self, mean_length: float) -> np.ndarray:
        """Each chunk's length normalisation; kept, as the mean length changes only with the
        index (a pass over a million lengths is ~5 ms a question)."""
        if self._norms is None or self._norms[0] != mean_length:
            self._norms = (mean_length, K1 * (1 - B + B * self.lengths / mean_length))
        return self._norms[1]

    def df(self, term: str) -> int:
        row = self.vocab.get(term)
        return 0 if row is None else int(self.matrix.indptr[row + 1] - self.matrix.indptr[row])

    def scores(self, query: str, stats: Stats | None = None) -> np.ndarray:
        """BM25 score of every chunk of this segment (zeros where no term matches), with the
        whole index's statistics."""
        stats = stats or Stats.of([self])
        out = np.zeros(self.size, dtype=np.float64)
        norm = self._norm(stats.mean_length)
        for term in terms(query):  # a repeated word counts again, as in bm25s
            row = self.vocab.get(term)
            if row is None:
                continue
            lo, hi = self.matrix.indptr[row], self.matrix.indptr[row + 1]
            docs, tf = self.matrix.indices[lo:hi], self.matrix.data[lo:hi]
            out[docs] += stats.idf(stats.df(term)) * tf / (norm[docs] + tf)
        return out.astype(np.float32)
