import json
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from conftest import LLB, SPUTNIK, CountingEmbedder

from corpusqa.build import build_index
from corpusqa.embed import Embedder, model_path
from corpusqa.errors import (
    CorpusError,
    IndexBusyError,
    IndexMismatchError,
    IndexMissingError,
    ModelError,
)
from corpusqa.index import Index
from corpusqa.qa import QA
from corpusqa.settings import Settings
from corpusqa.store import current

NEW = """City Paper
Harbour Town Approves Plan for a Floating Library
By Ann Example
3 March 2022
Harbour Town councillors voted on Thursday to build a floating library moored in the old port.
The library will hold twelve thousand books and open in the summer of 2023, the mayor said.
"""


def test_retrieves_stoltenbergs_doubt_in_the_top_3(seed_qa: QA) -> None:
    passages = seed_qa.retrieve("Who doubted the withdrawal?", k=3)
    assert len(passages) == 3
    assert any("who doubted the Russian Defence Ministry statements" in p.text for p in passages)
    p = passages[0]
    article = seed_qa.searcher.index.articles[p.article_id]
    assert article.body[p.start : p.end] == p.text
    assert p.outlet and p.title and p.published and p.source
    assert passages == sorted(passages, key=lambda p: -p.score)


def test_incremental_add_change_remove(settings: Settings, embedder: CountingEmbedder) -> None:
    qa = QA(settings, embedder=embedder)
    first = qa.build()
    assert (first.added, first.unchanged, first.written) == (2, 0, True)
    again = qa.build()
    assert (again.added, again.updated, again.removed, again.unchanged) == (0, 0, 0, 2)
    assert again.chunks_embedded == 0 and not again.written

    (settings.corpus_dir / "floating.txt").write_text(NEW, encoding="utf-8")
    embedder.calls.clear()
    added = qa.build()
    assert (added.added, added.updated, added.removed, added.unchanged) == (1, 0, 0, 2)
    assert added.chunks_embedded == 1
    # Its sentences, embedded at build time; no sentence of an unchanged article again.
    spans = {s for c in qa.searcher.index.chunks if c.article_id == "floating" for s in c.sentences}
    assert embedder.calls == [1, len(spans)] == [1, added.sentences_embedded]
    top = qa.retrieve("floating library in the port", k=1)[0]
    assert top.article_id == "floating" and top.outlet == "City Paper"

    path = settings.corpus_dir / f"{LLB}.txt"
    path.write_text(
        path.read_text(encoding="utf-8").replace("100 battalion", "120 battalion"), encoding="utf-8"
    )
    changed = qa.build()
    assert (changed.added, changed.updated, changed.unchanged) == (0, 1, 2)
    assert any("120 battalion" in p.text for p in qa.retrieve("how many battalions", k=5))

    (settings.corpus_dir / "floating.txt").unlink()
    removed = qa.build()
    assert (removed.removed, removed.unchanged) == (1, 2)
    assert all(p.article_id != "floating" for p in qa.retrieve("floating library", k=10))
    scores = qa.searcher.index.bm25("floating library")
    assert len(scores) == len(qa.searcher.index.chunks)
    assert scores.max() == 0  # BM25 forgot it too


def test_bad_article_is_skipped_and_its_old_version_kept(
    settings: Settings, embedder: CountingEmbedder
) -> None:
    build_index(settings, embedder)
    (settings.corpus_dir / "broken.txt").write_bytes(b"\x00\x01binary")
    path = settings.corpus_dir / f"{SPUTNIK}.txt"
    original = path.read_bytes()
    path.write_bytes(original + b"\x00\x01 now binary")
    report = build_index(settings, embedder)
    assert report.kept == 1 and report.removed == 0
    assert any("broken.txt: binary" in p for p in report.problems)
    assert any(f"{SPUTNIK}.txt: binary" in p for p in report.problems)
    assert SPUTNIK in Index.load(settings).articles


def test_interrupted_build_leaves_the_previous_index(
    settings: Settings, embedder: CountingEmbedder
) -> None:
    build_index(settings, embedder)
    before = current(settings.index_dir)
    (settings.corpus_dir / "floating.txt").write_text(NEW, encoding="utf-8")

    def die(done: int, total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build_index(settings, embedder, progress=die)
    assert current(settings.index_dir) == before
    assert "floating" not in Index.load(settings).articles
    assert build_index(settings, embedder).added == 1  # and the next build finishes the job


def test_build_killed_in_a_real_process_leaves_the_previous_index(
    settings: Settings, embedder: CountingEmbedder, tmp_path: Path
) -> None:
    build_index(settings, embedder)
    before = current(settings.index_dir)
    lines = [
        json.dumps(
            {
                "id": f"n{i}",
                "title": f"Story number {i} about the harbour",
                "text": NEW.split("\n", 5)[-1] * 3 + f" Item {i}.",
            }
        )
        for i in range(400)
    ]
    (settings.corpus_dir / "many.jsonl").write_text("\n".join(lines), encoding="utf-8")
    script = textwrap.dedent(f"""
        from corpusqa.build import build_index
        from corpusqa.settings import Settings
        def progress(done, total):
            print("progress", done, flush=True)
        build_index(Settings(corpus_dir={str(settings.corpus_dir)!r},
                             index_dir={str(settings.index_dir)!r}), progress=progress)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().startswith("progress")  # it is mid-way through embedding
    proc.kill()
    proc.wait()
    assert current(settings.index_dir) == before
    assert len(Index.load(settings).articles) == 2


def test_second_build_waits_for_the_lock_or_says_why(
    settings: Settings, embedder: CountingEmbedder
) -> None:
    from filelock import FileLock

    settings.index_dir.mkdir(parents=True)
    held = threading.Event()

    def other_build() -> None:  # holds the lock as a concurrent build would, then lets go
        with FileLock(str(settings.index_dir / ".lock")):
            held.set()
            time.sleep(1.5)

    holder = threading.Thread(target=other_build)
    holder.start()
    held.wait(5)
    with pytest.raises(IndexBusyError, match="another build holds"):
        build_index(settings, embedder, lock_wait=0.2)
    started = time.monotonic()
    assert build_index(settings, embedder, lock_wait=30).added == 2
    assert time.monotonic() - started >= 0.5
    holder.join()


def test_missing_index_mismatch_and_empty_corpus(
    settings: Settings, embedder: CountingEmbedder, tmp_path: Path
) -> None:
    with pytest.raises(IndexMissingError, match="corpusqa index"):
        Index.load(settings)
    build_index(settings, embedder)
    other = Settings(corpus_dir=settings.corpus_dir, index_dir=settings.index_dir, chunk_words=50)
    with pytest.raises(IndexMismatchError, match="chunk_words: index 120, now 50.*--rebuild"):
        Index.load(other)
    assert build_index(other, embedder, rebuild=True).added == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(CorpusError, match="no readable article"):
        build_index(Settings(corpus_dir=empty, index_dir=tmp_path / "ix2"), embedder)


def test_model_never_downloads() -> None:
    assert (model_path("bundled") / "config.json").exists()
    with pytest.raises(ModelError, match="CORPUSQA_MODEL.*never downloads"):
        Embedder(Settings(model="sentence-transformers/all-mpnet-base-v2"))


def test_bf16_is_exact_enough_where_it_is_used(embedder: CountingEmbedder) -> None:
    texts = ["NATO doubted the Russian troop withdrawal.", "A floating library opens in 2023."]
    fp32 = embedder.encode(texts)
    bf16 = Embedder(Settings(precision="bf16"))
    bf16._model = embedder.model  # same weights, other arithmetic
    cos = (fp32 * bf16.encode(texts)).sum(axis=1)
    assert cos.min() >= 0.999
    assert np.allclose(np.linalg.norm(fp32, axis=1), 1.0, atol=1e-5)


def test_queries_and_documents_share_the_model(embedder: CountingEmbedder) -> None:
    text = "NATO doubts the Russian troop withdrawal."
    query, document = embedder.encode_query(text), embedder.encode_document([text])[0]
    assert query.shape == (embedder.dim,) and float(query @ document) > 0.9999


def test_sentence_vectors_are_stored_at_build_time_and_match_the_model(seed_qa: QA) -> None:
    ix = seed_qa.searcher.index
    assert ix.sentences is not None and ix.sentences.vectors.dtype == np.float16
    for row, chunk in enumerate(ix.chunks):
        body = ix.articles[chunk.article_id].body
        stored = np.asarray(ix.sentences.vectors[list(ix.sentences.rows[row])], dtype=np.float32)
        fresh = seed_qa.embedder.encode_document([body[s:e] for s, e in chunk.sentences])
        cos = (stored * fresh).sum(axis=1) / np.linalg.norm(stored, axis=1)
        assert cos.min() >= 0.9999, (chunk.id, cos.min())  # float16 and batching, no more
    # A sentence shared by two overlapping chunks is stored once.
    assert len(ix.sentences.vectors) == len(
        {(c.article_id, s) for c in ix.chunks for s in c.sentences}
    )


def test_a_question_embeds_only_itself(
    settings: Settings, embedder: CountingEmbedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    qa = QA(settings, embedder=embedder)
    qa.build()
    embedder.calls.clear()
    answer = qa.ask("Which British official saw no evidence of a withdrawal?")
    # Through the ONNX query encoder: the torch model embeds nothing at question time.
    assert not answer.refused and embedder.calls == [] and embedder.query_encoder() is not None
    monkeypatch.setattr(embedder, "query_encoder", lambda: None)  # CORPUSQA_QUERY_ENCODER=torch
    answer = qa.ask("Which British official saw no evidence of troops leaving?")
    assert not answer.refused and embedder.calls == [1]  # the sentences were embedded at build


def test_unchanged_files_are_not_read_again(
    settings: Settings, embedder: CountingEmbedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from corpusqa import parse

    qa = QA(settings, embedder=embedder)
    qa.build()
    read: list[str] = []
    real = parse.read_file

    def counting(path: Path, root: Path, max_article_mb: float = 5.0):  # type: ignore[no-untyped-def]
        read.append(path.name)
        return real(path, root, max_article_mb)

    monkeypatch.setattr(parse, "read_file", counting)
    again = qa.build()
    assert read == [] and (again.unchanged, again.written) == (2, False)  # stats alone

    (settings.corpus_dir / "floating.txt").write_text(NEW, encoding="utf-8")
    added = qa.build()
    assert read == ["floating.txt"] and (added.added, added.unchanged) == (1, 2)
    assert {p.article_id for p in qa.retrieve("Kremlin NATO troops", k=5)} >= {SPUTNIK}

    read.clear()
    path = settings.corpus_dir / f"{SPUTNIK}.txt"
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))  # touched
    touched = qa.build()
    assert read == [path.name] and touched.chunks_embedded == 0  # read, same text: no embedding

    read.clear()
    meta = settings.corpus_dir / f"{LLB}.meta.json"
    meta.write_text('{"outlet": "LLB Daily"}', encoding="utf-8")  # only the sidecar changed
    relabelled = qa.build()
    assert read == [f"{LLB}.txt"] and relabelled.updated == 1
    assert "LLB Daily" in qa.outlets()


def test_a_lost_file_record_costs_one_reading_and_nothing_else(
    settings: Settings, embedder: CountingEmbedder
) -> None:
    qa = QA(settings, embedder=embedder)
    qa.build()
    (settings.index_dir / "files.json").unlink()
    embedder.calls.clear()
    again = qa.build()  # every file read again, none embedded, the record written anew
    assert (again.unchanged, again.chunks_embedded, embedder.calls) == (2, 0, [])
    assert (settings.index_dir / "files.json").exists()
