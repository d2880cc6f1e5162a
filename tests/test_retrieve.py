from pathlib import Path
from typing import Any

import numpy as np
import pytest
from conftest import LLB, SPUTNIK, CountingEmbedder

from corpusqa.errors import FilterError
from corpusqa.fusion import diversify, rrf, with_recency
from corpusqa.qa import QA
from corpusqa.records import Chunk
from corpusqa.settings import Settings
from corpusqa.tuning import NAMED

ODD = """Wire Report
Obscure Trade Envoy Named in Port Dispute
2 March 2022
The envoy Zbigniew Kowalczykowski met port officials to settle the long dispute over fees.
Port officials and envoys often meet to settle disputes over trade fees, officials said.
"""


def test_rrf_rewards_agreement() -> None:
    fused = dict(rrf([[1, 2, 3], [3, 1, 4]]))
    assert fused[1] > fused[3] > fused[2] and 4 in fused


def test_recency_reorders_by_the_factors() -> None:
    ranked = [(7, 1.0), (8, 0.9)]
    assert with_recency(ranked, np.array([0.5, 1.0])) == [(8, 0.9), (7, 0.5)]


def test_diversity_caps_each_article_and_fills_up_last() -> None:
    def chunk(article: str, n: int) -> Chunk:
        return Chunk(f"{article}#{n}", article, "x", n * 10, n * 10 + 9, ((n * 10, n * 10 + 9),))

    chunks = [chunk("a", 0), chunk("a", 1), chunk("a", 2), chunk("b", 0)]
    ranked = [(0, 0.9), (1, 0.8), (2, 0.7), (3, 0.1)]
    assert diversify(ranked, chunks, 3, per_article=2) == [(0, 0.9), (1, 0.8), (3, 0.1)]
    # Too few other articles: the capped chunk comes after the rest, not sorted among them.
    assert diversify(ranked, chunks, 4, per_article=1) == [(0, 0.9), (3, 0.1), (1, 0.8), (2, 0.7)]


def test_exact_rare_name_beats_a_merely_similar_passage(
    settings: Settings, embedder: CountingEmbedder
) -> None:
    (settings.corpus_dir / "odd.txt").write_text(ODD, encoding="utf-8")
    qa = QA(settings, embedder=embedder)
    qa.build()
    top = qa.retrieve("What did Kowalczykowski do?", k=3)
    assert top[0].article_id == "odd" and "Kowalczykowski" in top[0].text


OLD_PORT = """Wire Report
Harbour Fees Settled
2 March 2016
The envoy Zbigniew Kowalczykowski met port officials to settle the long dispute over fees.
"""


def _old_and_newer(
    settings: Settings, embedder: CountingEmbedder, old: str, headline: str, newer: list[str]
) -> QA:
    """A built index of an old story (old.txt) and newer ones under one headline, one a day
    from the 3rd of the month `headline` ends with (new0.txt ...)."""
    (settings.corpus_dir / "old.txt").write_text(old, encoding="utf-8")
    title, month = headline.rsplit(", ", 1)
    for i, line in enumerate(newer):
        story = f"Wire Report\n{title}\n{i + 3} {month}\n{line}\n"
        (settings.corpus_dir / f"new{i}.txt").write_text(story, encoding="utf-8")
    qa = QA(settings, embedder=embedder)
    qa.build()
    return qa


def test_a_rare_name_finds_its_old_story_past_the_recency_prior(
    settings: Settings, embedder: CountingEmbedder
) -> None:
    # Six years older than the rest: the recency prior alone would halve it, and newer stories
    # of another Zbigniew rank as high in both fused lists.
    roles = ["a Polish official", "a trade envoy", "a port spokesman"]
    newer = [f"Zbigniew Nowak, {r}, said the talks on port fees would resume." for r in roles]
    qa = _old_and_newer(settings, embedder, OLD_PORT, "Port talks resume, March 2022", newer)
    question = "Who is Zbigniew Kowalczykowski?"
    assert qa.searcher.named(question) == [qa.searcher.index.row_of["old#0"]]
    assert qa.retrieve(question, k=3)[0].article_id == "old"
    assert qa.searcher.named("Who doubted the withdrawal?") == []


def test_a_name_few_stories_hold_finds_its_story_however_long(
    settings: Settings, embedder: CountingEmbedder
) -> None:
    # One old story names the bank in every one of its chunks, more chunks than NAMED; newer
    # layoff stories of other firms match the question's other words as well.
    paragraphs = [
        f"Paragraph {i}: the Swiss bank Zurvanto said its plan to cut staff in unit {i} would "
        "save money, and its board approved the plan after a long meeting on the layoffs, "
        "which unions in several cities said they would fight in the courts for months. "
        "Analysts said the cuts were deeper than expected and shares rose on the news."
        for i in range(2 * NAMED + 4)  # two to a chunk
    ]
    old = "Wire Report\nZurvanto to cut jobs\n2 March 2012\n" + "\n\n".join(paragraphs) + "\n"
    firms = ["Amazon", "Meta", "Google"]
    newer = [f"{f} plans to cut 10,000 employees, the company said of its layoffs." for f in firms]
    qa = _old_and_newer(settings, embedder, old, "Layoffs, January 2023", newer)
    question = "How many employees does Zurvanto plan to cut?"
    rows = qa.searcher.named(question)
    assert len(rows) > NAMED
    assert {qa.searcher.index.chunks[r].article_id for r in rows} == {"old"}
    assert qa.retrieve(question, k=3)[0].article_id == "old"


def test_filters_apply_before_ranking(seed_qa: QA) -> None:
    only = seed_qa.retrieve("Who doubted the withdrawal?", k=3, outlets=["London Loves"])
    assert len(only) == 3 and {p.article_id for p in only} == {LLB}
    dated = seed_qa.retrieve("Who doubted the withdrawal?", k=3, since="2022-02-16")
    assert dated and {p.article_id for p in dated} == {SPUTNIK}
    assert seed_qa.retrieve("troops", k=3, since="2023-01-01") == []


def test_bad_filters_are_reported(seed_qa: QA) -> None:
    with pytest.raises(FilterError, match="unknown outlet 'Reuters'.*Sputnik"):
        seed_qa.retrieve("troops", outlets=["Reuters"])
    with pytest.raises(FilterError, match="inverted"):
        seed_qa.retrieve("troops", since="2022-03-01", until="2022-01-01")
    with pytest.raises(FilterError, match="not a date"):
        seed_qa.retrieve("troops", since="yesterday")


def test_diversity_spreads_across_articles(seed_qa: QA) -> None:
    passages = seed_qa.retrieve("Stoltenberg troops withdrawal", k=4)
    assert {p.article_id for p in passages} == {SPUTNIK, LLB}
    spans = [(p.article_id, p.start, p.end) for p in passages]
    assert len(set(spans)) == len(spans)


def _report(date: str, extra: str = "") -> str:
    return (
        f"Harbour Gazette\nFerry Strike Ends at Pellworth\n{date}\n"
        f"The ferry strike at Pellworth ended after crews accepted a pay offer.{extra}\n"
    )


def test_newer_reporting_wins_when_relevance_is_close(
    tmp_path: Path, embedder: CountingEmbedder
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    # The older report matches the question a little better, so without the prior it wins.
    (corpus / "old.txt").write_text(
        _report("3 May 2021", " The Pellworth ferry strike is over."), encoding="utf-8"
    )
    (corpus / "new.txt").write_text(_report("3 May 2022"), encoding="utf-8")
    (corpus / "undated.txt").write_text(
        "Notes\nA Pellworth walk\nGulls over the quay.\n", encoding="utf-8"
    )

    def top(recency_days: float, **dates: Any) -> str:
        s = Settings(corpus_dir=corpus, index_dir=tmp_path / "index", recency_days=recency_days)
        qa = QA(s, embedder=embedder)
        qa.build()
        return qa.retrieve("Pellworth ferry strike", k=2, **dates)[0].article_id

    assert top(0) == "old"
    assert top(365) == "new"
    assert top(365, as_of="2021-05-01") == "old"  # asked back then, the old report is news
    qa = QA(Settings(corpus_dir=corpus, index_dir=tmp_path / "index"), embedder=embedder)
    ix = qa.searcher.index
    rows = [i for i, c in enumerate(ix.chunks) if c.article_id in ("new", "undated")]
    assert list(qa.searcher.recency(np.array(rows))) == [1.0, 1.0]
    with pytest.raises(FilterError, match="as_of='soon' is not a date"):
        qa.retrieve("ferry", as_of="soon")


def test_filters_as_one_value_match_the_keywords(seed_qa: QA) -> None:
    from corpusqa import Filters

    by_value = seed_qa.retrieve("troops", k=3, filters=Filters(outlets=("Sputnik International",)))
    by_keyword = seed_qa.retrieve("troops", k=3, outlets=["Sputnik International"])
    assert by_value == by_keyword and {p.article_id for p in by_value} == {SPUTNIK}
    # A keyword beside the value wins.
    mixed = seed_qa.retrieve(
        "troops",
        k=3,
        filters=Filters(outlets=("Sputnik International",)),
        outlets=["London Loves Business (LLB)"],
    )
    assert {p.article_id for p in mixed} == {LLB}


def test_the_second_stage_ranks_by_the_best_sentence(seed_qa: QA) -> None:
    from corpusqa.sentences import Reranker

    searcher = seed_qa.searcher
    query = "Which British official saw no evidence of a withdrawal?"
    qvec = searcher.query_vector(query)
    flat = [(row, 1.0) for row in range(len(searcher.index.chunks))]  # no fused preference
    ranked = Reranker(searcher.scorer, depth=len(flat)).rank(query, qvec, flat, top_n=2)
    assert len(ranked) == 2 and ranked[0][1] >= ranked[1][1]
    best = searcher.index.chunks[ranked[0][0]]
    assert "Wallace" in best.text  # the chunk whose sentence answers, not merely the topic
    only_fused = Reranker(searcher.scorer, depth=0).rank(query, qvec, flat)
    assert only_fused == flat  # depth 0: the fused order is kept


def test_filters_are_array_operations_over_the_articles() -> None:
    from corpusqa.filters import Catalog, Filters

    catalog = Catalog.of(
        ["Sputnik International", "London Loves Business", None, "sputnik"],
        ["2022-02-16", "2022-02-15T09:00:00", "2022-02-16", None],
    )
    assert catalog.allowed(Filters()).tolist() == [True, True, True, True]
    assert catalog.allowed(Filters(outlets=("SPUTNIK",))).tolist() == [True, False, False, True]
    since = Filters(since="2022-02-16")
    assert catalog.allowed(since).tolist() == [True, False, True, False]
    both = Filters(outlets=("loves", "sputnik"), until="2022-02-15")
    assert catalog.allowed(both).tolist() == [False, True, False, False]  # all of its last day


def _island(corpus: Path) -> None:
    """One long article and six short ones that fill the search's other places."""

    def filler(topic: str, n: int) -> str:
        return " ".join(
            f"{topic} note {i} is about the weather and the harbour walls." for i in range(n)
        )

    parts = [
        "The Pellworth ferry operator reported its yearly results on Monday. " * 4,
        filler("Gulls", 8),
        filler("Tides", 3)
        + " Last year the boats carried 412,000 passengers. "
        + filler("Sand", 4),
        filler("Dunes", 8),
        filler("Lighthouse", 8),
    ]
    (corpus / "ferry.txt").write_text(
        "Harbour Gazette\nA busy year\n3 May 2022\n" + "\n\n".join(parts) + "\n", encoding="utf-8"
    )
    for i, town in enumerate(["Amrum", "Föhr", "Sylt", "Helgoland", "Hooge", "Nordstrand"]):
        (corpus / f"other{i}.txt").write_text(
            f"Harbour Gazette\n{town} ferry news\n{i + 1} April 2022\n"
            f"The {town} ferry operator thanked its passengers on Monday.\n",
            encoding="utf-8",
        )


def test_ask_also_reads_the_chunks_beside_its_best_passages_and_the_best_article(
    tmp_path: Path, embedder: CountingEmbedder
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _island(corpus)
    qa = QA(Settings(corpus_dir=corpus, index_dir=tmp_path / "index"), embedder=embedder)
    qa.build()
    question = "What did the Pellworth ferry operator report?"
    passages = qa.retrieve(question, k=6)
    ids = [c.id for c in qa.searcher.index.chunks if c.article_id == "ferry"]
    best = [p.chunk_id for p in passages[:2]]
    beside = [
        ids[j]
        for b in best
        if b in ids
        for j in (ids.index(b) - 1, ids.index(b) + 1)
        if 0 <= j < len(ids)
    ]
    # ... and then the rest of the best passage's article ("ferry", whose chunks the search
    # capped at two).
    whole = [c.id for c in qa.searcher.index.chunks if c.article_id == passages[0].article_id]
    shown_ids = {p.chunk_id for p in passages}
    expected = list(dict.fromkeys(c for c in beside + whole if c not in shown_ids))
    found = qa.searcher.neighbours(passages, 2)
    assert passages[0].article_id == "ferry" and len(whole) > 3
    assert expected and [p.chunk_id for p in found] == expected
    # Their sentences are read as evidence, though no passage of the search holds them.
    shown = " ".join(p.text for p in passages)
    read = {e.text for e in qa.evidence(question)}
    assert any(s not in shown and s in found[0].text for s in read)
