"""Segments: an update writes what changed, deletes what it replaces; their count stays small."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from conftest import CountingEmbedder

from corpusqa.build import build_index
from corpusqa.index import Index
from corpusqa.qa import QA
from corpusqa.settings import Settings
from corpusqa.store import current, read_manifest
from corpusqa.tuning import MAX_SEGMENTS, RERANK


def _segments(settings: Settings) -> list[str]:
    folder = current(settings.index_dir)
    assert folder is not None
    return read_manifest(folder).segments


def _bytes(folder: object) -> int:
    from pathlib import Path

    return sum(p.stat().st_size for p in Path(str(folder)).rglob("*") if p.is_file())


def _before_tables(folder: object) -> None:
    """A segment folder as written before `tables.py`: chunks.jsonl, no catalog."""
    import json
    from pathlib import Path

    from corpusqa import tables

    folder = Path(str(folder))
    _, _, chunks = tables.read(folder)
    with (folder / "chunks.jsonl").open("w", encoding="utf-8") as f:
        for c, srows in zip(chunks, chunks.srows, strict=True):
            row = {"id": c.id, "article_id": c.article_id, "start": c.start, "end": c.end}
            row |= {"sentences": [list(s) for s in c.sentences], "srows": list(srows)}
            f.write(json.dumps(row) + "\n")
    _as_npz(folder)
    (folder / "chunks.npz").unlink()
    (folder / tables.CATALOG).unlink()


def _as_npz(folder: object) -> None:
    """A segment folder's arrays as written before plain `.npy` files: one `.npz` each."""
    import shutil
    from pathlib import Path

    for arrays in (Path(str(folder)) / "chunks", Path(str(folder)) / "bm25" / "tf"):
        np.savez(arrays.with_suffix(".npz"), **{p.stem: np.load(p) for p in arrays.glob("*.npy")})
        shutil.rmtree(arrays)


def _resize(version: object) -> None:
    """Record a hand-changed version's file sizes in its manifest, as a build would have."""
    import json
    from pathlib import Path

    version = Path(str(version))
    manifest = json.loads((version / "manifest.json").read_text())
    manifest["sizes"] = {
        p.relative_to(version).as_posix(): p.stat().st_size
        for p in version.rglob("*")
        if p.is_file() and p.name != "manifest.json"
    }
    (version / "manifest.json").write_text(json.dumps(manifest))


def test_an_update_writes_a_segment_of_the_new_articles_and_links_the_rest(
    settings: Settings, embedder: CountingEmbedder
) -> None:
    build_index(settings, embedder)
    first = current(settings.index_dir)
    (settings.corpus_dir / "geneva.txt").write_text(
        "Talks in Geneva\n\nDiplomats from both sides met in Geneva on Tuesday.\n"
    )
    build_index(settings, embedder)
    second = current(settings.index_dir)
    assert first is not None and second is not None
    old, new = read_manifest(first).segments, read_manifest(second).segments
    assert len(new) == 2 and new[0] == old[0]
    for name in ("vectors.faiss", "sentences.npy", "chunks/article.npy"):  # the same file
        assert (first / old[0] / name).stat().st_ino == (second / old[0] / name).stat().st_ino
    own = second / new[1]
    assert _bytes(own) < _bytes(first / old[0]) / 4
    (article_id,) = Index.load(settings).segments[1].articles
    assert article_id == "geneva"


def test_changed_and_removed_articles_are_deleted_from_their_segment(
    settings: Settings, embedder: CountingEmbedder
) -> None:
    for i in range(8):  # enough beside it that its segment is kept, not merged
        text = f"Report {i}\n\n" + " ".join(f"Paragraph {i}.{j} of filler news." for j in range(60))
        (settings.corpus_dir / f"filler-{i}.txt").write_text(text)
    build_index(settings, embedder)
    path = next(settings.corpus_dir.glob("004_*.txt"))
    path.write_text(path.read_text().replace("100 battalion", "120 battalion"))
    build_index(settings, embedder)
    index = Index.load(settings)
    assert index.manifest.deleted == {index.segments[0].name: [path.stem]}
    texts = " ".join(c.text for c in index.chunks)
    assert "120 battalion" in texts and "100 battalion" not in texts  # the old one is gone
    assert len(index.chunks) == len(index.vectors()) == len(index.bm25("battalion"))
    qvec = embedder.encode_query("How many battalion tactical groups does Russia have?")
    found = [index.chunks[r] for r in index.dense(qvec, 500)]
    assert len({c.id for c in found}) == len(found) == len(index.chunks)
    next(settings.corpus_dir.glob("000_*.txt")).unlink()
    build_index(settings, embedder)
    index = Index.load(settings)
    assert "000_75a7cf6cedd97c9f" not in index.articles and path.stem in index.articles


def test_bm25_scores_as_one_index_whatever_segment_holds_a_chunk(
    settings: Settings, embedder: CountingEmbedder, tmp_path: object
) -> None:
    build_index(settings, embedder)
    (settings.corpus_dir / "geneva.txt").write_text(
        "Talks in Geneva\n\nNATO diplomats met Russian troops' commanders in Geneva.\n"
    )
    build_index(settings, embedder)
    segmented = Index.load(settings)
    assert len(segmented.segments) == 2
    build_index(settings, embedder, rebuild=True)
    whole = Index.load(settings)
    assert len(whole.segments) == 1
    order = [whole.row_of[c.id] for c in segmented.chunks]
    for query in ("NATO troops withdrawal", "Geneva diplomats", "battalion tactical groups"):
        assert np.allclose(segmented.bm25(query), whole.bm25(query)[order], atol=1e-5)
    assert segmented.idf("nato") == whole.idf("nato")


def test_many_updates_keep_the_segment_count_bounded(
    settings: Settings, embedder: CountingEmbedder
) -> None:
    build_index(settings, embedder)
    counts = []
    for i in range(20):
        (settings.corpus_dir / f"note-{i}.txt").write_text(f"Note {i}\n\nBrief number {i}.\n")
        build_index(settings, embedder)
        counts.append(len(_segments(settings)))
    # The new segments merge like a binary counter: 20 updates leave a handful, not 21.
    assert max(counts) <= min(MAX_SEGMENTS, 7) and counts[-1] < counts[-2] + 1
    index = Index.load(settings)
    assert len(index.articles) == 22
    assert sum(len(s.chunks) for s in index.segments) == len(index.chunks)  # no dead rows left
    build_index(settings, embedder, rebuild=True)  # merged term frequencies = tokenized anew
    whole = Index.load(settings)
    order = [whole.row_of[c.id] for c in index.chunks]
    for query in ("Brief number 7", "NATO withdrawal", "Note 12"):
        assert np.allclose(index.bm25(query), whole.bm25(query)[order], atol=1e-5)


def test_a_version_written_before_segments_loads_and_is_rewritten_without_embedding(
    settings: Settings, embedder: CountingEmbedder
) -> None:
    import json
    import shutil

    build_index(settings, embedder)
    version = current(settings.index_dir)
    assert version is not None
    manifest = json.loads((version / "manifest.json").read_text())
    (name,) = manifest.pop("segments")
    info = json.loads((version / name / "segment.json").read_text())
    _before_tables(version / name)
    for path in (version / name).iterdir():  # the layout before segments: files at the root
        shutil.move(str(path), str(version / path.name))
    (version / name).rmdir()
    shutil.rmtree(version / "bm25")  # its BM25 was bm25s', which this code does not read
    (version / "bm25").mkdir()
    del manifest["deleted"]
    manifest |= {"hashes": info["hashes"], "files": info["files"], "sizes": {}}
    (version / "manifest.json").write_text(json.dumps(manifest))
    (settings.index_dir / "files.json").unlink()

    legacy = Index.load(settings)
    assert legacy.segments[0].legacy and len(legacy.chunks) == 11
    answer = QA(settings, embedder=embedder).ask("Who doubted the withdrawal?")
    assert "Stoltenberg" in answer.text
    embedder.calls.clear()
    report = build_index(settings, embedder)
    assert report.written and sum(embedder.calls) == 0  # rewritten, nothing embedded again
    assert len(_segments(settings)) == 1 and not Index.load(settings).segments[0].legacy


@pytest.mark.parametrize("older", [_before_tables, _as_npz], ids=["no catalog", "npz arrays"])
def test_a_segment_in_an_older_layout_loads_the_same_and_is_rewritten_without_embedding(
    settings: Settings, embedder: CountingEmbedder, older: Any
) -> None:
    build_index(settings, embedder)
    version = current(settings.index_dir)
    assert version is not None
    (name,) = read_manifest(version).segments
    index = Index.load(settings)
    chunks = [(c.id, c.text, c.sentences) for c in index.chunks]
    scores = index.bm25("NATO withdrawal")
    older(version / name)
    _resize(version)

    for loaded in (Index.load(settings), None):  # as it is, then after the next build
        if loaded is None:
            embedder.calls.clear()
            report = build_index(settings, embedder)  # no article changed: the layout is
            assert report.written and sum(embedder.calls) == 0  # rewritten, nothing embedded
            loaded = Index.load(settings)
            seg = loaded.folder / _segments(settings)[0]
            assert loaded.folder != version and (seg / "chunks" / "article.npy").is_file()
            assert (seg / "bm25" / "tf" / "data.npy").is_file()
            assert not (seg / "chunks.npz").exists() and not (seg / "bm25" / "tf.npz").exists()
        assert [(c.id, c.text, c.sentences) for c in loaded.chunks] == chunks
        assert np.array_equal(loaded.bm25("NATO withdrawal"), scores)


def test_a_loaded_index_reads_an_article_only_when_asked_for(
    settings: Settings, embedder: CountingEmbedder
) -> None:
    from corpusqa.tables import ArticleFile

    build_index(settings, embedder)
    index = Index.load(settings)
    (articles,) = [seg.articles for seg in index.segments]
    assert isinstance(articles, ArticleFile) and not articles._cache  # the catalog only
    qa = QA(settings, embedder=embedder)
    lazy = qa.searcher.index.segments[0].articles
    assert isinstance(lazy, ArticleFile) and not lazy._cache  # nor do search's arrays
    passages = qa.retrieve("Who doubted the withdrawal?", k=1)
    # The second stage reads the sentences of its candidates: their articles, no others.
    assert passages[0].article_id in lazy._cache and len(lazy._cache) <= RERANK
    assert index.row_of[passages[0].chunk_id] == index.chunks.index(
        next(c for c in index.chunks if c.id == passages[0].chunk_id)
    )


def test_a_merge_joins_term_frequencies_as_tokenizing_again_would() -> None:
    from corpusqa.keyword import Keywords

    old = ["NATO doubts the withdrawal", "Russian troops near the border", "A floating library"]
    new = ["Talks in Geneva about the border", "NATO and Russia"]
    joined = Keywords.join(
        [(Keywords.build(old), np.array([0, 2])), (Keywords.build(new), np.array([0, 1]))]
    )
    again = Keywords.build([old[0], old[2], *new])
    assert joined.size == again.size == 4 and joined.lengths.tolist() == again.lengths.tolist()
    for query in ("NATO border", "floating library withdrawal", "troops"):
        assert np.allclose(joined.scores(query), again.scores(query))
    assert joined.df("border") == again.df("border") == 1  # the dropped chunk's word is gone


def test_a_run_with_nothing_changed_reads_no_segment_catalogue(
    settings: Settings, embedder: CountingEmbedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    from corpusqa import segment

    build_index(settings, embedder)

    def unread(folder: object) -> None:
        raise AssertionError(f"{folder}/segment.json read on a no-op run")

    monkeypatch.setattr(segment, "info", unread)
    report = build_index(settings, embedder)  # a million chunks' hashes took 2.5 s to read
    assert not report.written and report.unchanged == 2


def test_term_frequencies_made_by_an_older_tokenizer_are_made_again_without_embedding(
    settings: Settings, embedder: CountingEmbedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    import re
    import shutil

    from corpusqa import keyword

    (settings.corpus_dir / "tariffs.txt").write_text(
        "Tariffs on steel\n\nThe U.S. raised tariffs on steel from the E.U. on Monday.\n"
    )
    build_index(settings, embedder)
    version = current(settings.index_dir)
    assert version is not None
    (name,) = read_manifest(version).segments
    index = Index.load(settings)
    joined = index.bm25("US tariffs")
    # As the tokenizer before acronyms were joined wrote them: "U.S." was the term "u.".
    monkeypatch.setattr(keyword, "_ACRONYM", re.compile(r"(?!)"))
    texts = [f"{index.articles[c.article_id].title}\n{c.text}" for c in index.chunks]
    old = keyword.Keywords.build(texts)
    monkeypatch.undo()
    shutil.rmtree(version / name / "bm25")
    old.save(version / name / "bm25")
    (version / name / "bm25" / keyword.ANALYZED).unlink()
    _resize(version)
    tariffs = index.row_of["tariffs#0"]
    assert Index.load(settings).bm25("US tariffs")[tariffs] < joined[tariffs]  # "us" unmatched

    embedder.calls.clear()
    report = build_index(settings, embedder)  # no article changed
    assert report.written and sum(embedder.calls) == 0
    loaded = Index.load(settings)
    assert keyword.analyzer(loaded.folder / _segments(settings)[0] / "bm25") == keyword.ANALYZER
    assert np.allclose(loaded.bm25("US tariffs"), joined)
    assert loaded.bm25("U.S. tariffs")[tariffs] == pytest.approx(joined[tariffs])
