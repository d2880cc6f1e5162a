"""The object people hold: settings, the model and the current index, loaded once.

`QA.retrieve` and `QA.ask` notice a newer index version (built by another process or by
`QA.build`) and switch to it between questions, so a running chat sees new articles.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

from .answer import Extractive
from .build import BuildReport, Progress, build_index
from .embed import Embedder
from .entities import Entities
from .errors import QuestionError
from .filters import Filters, combine, latest
from .followup import History, standalone
from .index import Index
from .llm import LLM, load_llm
from .numerals import undated
from .records import Answer, Draft, Evidence, IndexStatus, Passage
from .retrieve import Searcher
from .settings import Settings
from .tuning import NEIGHBOURS
from .validate import checked_question
from .verify import cite, quote_span, verify

log = logging.getLogger(__name__)


class QA:
    def __init__(
        self,
        settings: Settings | None = None,
        embedder: Embedder | None = None,
        llm: LLM | None = None,
    ) -> None:
        self.settings = settings or Settings.from_env()
        self._embedder = embedder
        self._searcher: Searcher | None = None
        self._lock = threading.Lock()
        self._llm = llm if llm is not None else load_llm(self.settings)
        self.entities = Entities(self.settings.ner_model)
        self.writer = Extractive(self.entities)

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = Embedder(self.settings)
        return self._embedder

    @property
    def searcher(self) -> Searcher:
        """The current index, reloaded when a newer version has been published."""
        with self._lock:
            if self._searcher is None or not self._searcher.index.is_current(self.settings):
                self._searcher = Searcher(
                    Index.load(self.settings),
                    self.embedder,
                    recency_days=self.settings.recency_days,
                )
            return self._searcher

    def warm(self) -> None:
        """Load the index, the embedding model and the entity model now, not at the first
        question: a chat that says it is running answers its first question as fast as later
        ones."""
        # The entity model loads in Python while the index and the query encoder load mostly
        # in C++ (faiss, onnxruntime): side by side, a new process answers sooner.
        with ThreadPoolExecutor(1) as pool:
            entities = pool.submit(self.entities.parse, "Who is warming up?")
            self.searcher.query_vector("warm up")
            entities.result()  # its error, if any, is raised here

    def status(self) -> IndexStatus:
        """The loaded index at a glance, for the shells (`corpusqa status`, the chat's header)."""
        ix = self.searcher.index
        return IndexStatus(
            str(ix.folder),
            len(ix.articles),
            len(ix.chunks),
            ix.manifest.created,
            tuple(self.outlets()),
        )

    def outlets(self) -> list[str]:
        """The outlets the index holds, for filter choices."""
        return self.searcher.outlets()

    def build(self, *, progress: Progress | None = None, rebuild: bool = False) -> BuildReport:
        return build_index(self.settings, self.embedder, progress=progress, rebuild=rebuild)

    def retrieve(
        self,
        question: str,
        *,
        k: int | None = None,
        filters: Filters | None = None,
        outlets: Sequence[str] = (),
        since: str | None = None,
        until: str | None = None,
        as_of: str | None = None,
        mode: str | None = None,
    ) -> list[Passage]:
        """The k best passages (default CORPUSQA_TOP_K), best first; `as_of` is the date the
        question is asked on, which the recency prior counts from. `filters` holds the same
        options as one value; a keyword given beside it wins."""
        return self._retrieve(
            self.searcher,
            self.check(question),
            k,
            combine(filters, outlets, since, until, as_of),
            mode,
        )

    def _retrieve(
        self,
        searcher: Searcher,
        question: str,
        k: int | None,
        filters: Filters,
        mode: str | None = None,
    ) -> list[Passage]:
        k = self.settings.top_k if k is None else k
        if k < 1:
            raise QuestionError(f"k is {k}: ask for at least 1 passage (-k, CORPUSQA_TOP_K)")
        return searcher.search(
            question, k, filters, mode or self.settings.retrieval, self.settings.candidates
        )

    def ask(
        self,
        question: str,
        *,
        history: History | None = None,
        filters: Filters | None = None,
        outlets: Sequence[str] = (),
        since: str | None = None,
        until: str | None = None,
        as_of: str | None = None,
    ) -> Answer:
        """A short answer with verified citations, or a refusal that says what the articles
        do report; `history` makes a follow-up ("what did he say?") self-contained."""
        question = self.check(question)
        query = standalone(question, history or [])
        searcher = self.searcher  # one index version for the whole question
        chosen = combine(filters, outlets, since, until, as_of)
        passages, evidence, older = self._evidence(searcher, query, chosen)
        answer = self._answer(question, query, searcher, chosen, passages, evidence)
        return replace(answer, notes=(*answer.notes, older)) if older else answer

    def _answer(
        self,
        question: str,
        query: str,
        searcher: Searcher,
        chosen: Filters,
        passages: list[Passage],
        evidence: list[Evidence],
    ) -> Answer:
        if not passages:
            note = "No article matches the filters." if chosen else ""
            return Answer.refusal(question, query, notes=(note,) if note else ())
        if not evidence or evidence[0].score < self.settings.refuse_below:
            return Answer.refusal(question, query, tuple(passages))
        draft = self.writer.write(query, evidence)
        extractive = self._cited(question, query, draft, passages, searcher)
        if draft.refused:
            return replace(extractive, refused=True)
        if self._llm is None:
            return extractive
        return self._written(self._llm, question, query, evidence, passages, searcher, extractive)

    def evidence(
        self,
        question: str,
        *,
        filters: Filters | None = None,
        outlets: Sequence[str] = (),
        since: str | None = None,
        until: str | None = None,
        as_of: str | None = None,
    ) -> list[Evidence]:
        """The sentences `ask` reads for a question, each scored as an answer to it, best
        first: to see what an answer (or a refusal) was chosen from."""
        chosen = combine(filters, outlets, since, until, as_of)
        return self._evidence(self.searcher, self.check(question), chosen)[1]

    def _evidence(
        self, searcher: Searcher, query: str, chosen: Filters
    ) -> tuple[list[Passage], list[Evidence], str]:
        """The passages and sentences read, and a note when a question about "this week" is
        answered from older articles: that week's articles are read first, and when none of
        them is on the question's topic at all, every article the filters allow."""
        week = latest(query, chosen, searcher.newest)
        if week is None:
            return *self._read(searcher, query, chosen), ""
        passages, evidence = self._read(searcher, query, week)
        if evidence and evidence[0].score >= self.settings.refuse_below:
            return passages, evidence, ""
        note = (
            f"No article dated {week.since} to {week.until} is on this question; "
            "the answer draws on articles of other dates."
        )
        return *self._read(searcher, query, chosen), note

    def _read(
        self, searcher: Searcher, query: str, chosen: Filters
    ) -> tuple[list[Passage], list[Evidence]]:
        # "This week" is a date, read as one by `latest` and the recency prior; as words it
        # only pulls the question's vector away from the sentences that answer it.
        query = undated(query)
        passages = self._retrieve(searcher, query, max(self.settings.top_k, 6), chosen)
        if not passages:
            return passages, []
        read = passages + searcher.neighbours(passages, NEIGHBOURS)
        return passages, searcher.evidence(query, read, chosen.today)

    def _written(
        self,
        llm: LLM,
        question: str,
        query: str,
        evidence: list[Evidence],
        passages: list[Passage],
        searcher: Searcher,
        extractive: Answer,
    ) -> Answer:
        """The language model's answer when its citations check out, else the extractive one
        with a note saying why."""
        written = llm.write(question, evidence)
        if not written.text:
            return replace(extractive, notes=written.notes)
        checked = self._cited(question, query, written, passages, searcher)
        if checked.refused:
            note = (
                f"{llm.name} cited nothing that supports its answer; showing the extractive answer"
            )
            return replace(extractive, notes=(note,))
        return checked

    def _cited(
        self, question: str, query: str, draft: Draft, passages: list[Passage], searcher: Searcher
    ) -> Answer:
        citations = [cite(n, e.article, quote_span(e)) for n, e in enumerate(draft.used, 1)]
        text, checked = verify(draft.text, citations, searcher.index.articles)
        if not checked:
            return Answer.refusal(question, query, tuple(passages))
        return Answer(question, text, tuple(checked), tuple(passages), False, query)

    def check(self, question: str) -> str:
        """A usable question, or a `QuestionError` that says what is wrong with it."""
        return checked_question(question, self.settings.max_question_chars)
