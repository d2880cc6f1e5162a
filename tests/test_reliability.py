"""Reliability defects of issue 11 that are quick to show: each test failed on the earlier main."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CountingEmbedder

from corpusqa import chunk
from corpusqa.errors import QuestionError
from corpusqa.parse import read_corpus
from corpusqa.qa import QA
from corpusqa.settings import Settings


class _Counting(str):
    """A text that records how long each slice taken of it is."""

    longest = 0

    def __getitem__(self, key):  # type: ignore[no-untyped-def]
        piece = str.__getitem__(self, key)
        _Counting.longest = max(_Counting.longest, len(piece))
        return piece


def test_sentence_splitting_reads_a_bounded_window_per_sentence_end() -> None:
    text = "Mr. Smith went to Washington. He said no. " * 2000  # 84,000 characters
    expected = chunk.sentence_spans(text)
    _Counting.longest = 0
    assert chunk.sentence_spans(_Counting(text)) == expected
    # The earlier main copied the whole text before every full stop (quadratic in its length).
    assert _Counting.longest < 200


def test_splitting_is_unchanged_on_abbreviations_and_initials() -> None:
    text = (
        "Coach Mr. Bickerstaff said so. The U.S. Army agreed. Dr. No left at 5 p.m. "
        'Then "It remains [...] What we see" was said. A new one.'
    )
    assert [text[s:e] for s, e in chunk.sentence_spans(text)] == [
        "Coach Mr. Bickerstaff said so.",
        "The U.S. Army agreed.",
        'Dr. No left at 5 p.m. Then "It remains [...] What we see" was said.',
        "A new one.",
    ]


def test_an_unreadable_article_is_reported_and_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "good.txt").write_text("A headline\n\nA body sentence about the news.\n")
    bad = tmp_path / "locked.txt"
    bad.write_text("A headline\n\nSecret.\n")
    real = Path.read_bytes

    # root reads any file whatever its mode, so the refusal is simulated
    def read_bytes(self: Path) -> bytes:
        if self == bad:
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    corpus = read_corpus(tmp_path)
    assert [a.id for a in corpus.articles] == ["good"]
    assert len(corpus.problems) == 1 and "cannot be read (Permission denied)" in str(
        corpus.problems[0]
    )


def test_english_check_on_real_qa(seed_qa: QA) -> None:
    for q in [
        "PD-1 triggering on monocytes reduces IL-10 production by monocytes.",
        "Which film did Die Hard's director make next?",
    ]:
        assert seed_qa.check(q) == q
    for q in ["Qui a douté du retrait des troupes?", "Wer hat den Rückzug bezweifelt und warum?"]:
        with pytest.raises(QuestionError, match="English"):
            seed_qa.check(q)


def test_k_below_one_is_a_message_not_every_passage(seed_qa: QA) -> None:
    for k in (0, -1):
        with pytest.raises(QuestionError, match="at least 1"):
            seed_qa.retrieve("Who doubted the withdrawal?", k=k)
    assert len(seed_qa.retrieve("Who doubted the withdrawal?", k=2)) == 2


def test_output_piped_into_a_closed_reader_ends_without_a_trace(seed_qa: QA) -> None:
    env = {
        **os.environ,
        "CORPUSQA_INDEX_DIR": str(seed_qa.settings.index_dir),
        "CORPUSQA_CORPUS_DIR": str(seed_qa.settings.corpus_dir),
        "HF_HUB_OFFLINE": "1",
    }
    # `true` leaves before anything is written: the pipe is closed by the time corpusqa writes.
    script = f"{sys.executable} -m corpusqa.cli search 'who doubted the withdrawal?' | true"
    run = subprocess.run(
        ["bash", "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert "Traceback" not in run.stderr and "BrokenPipe" not in run.stderr, run.stderr


def test_links_folders_and_encodings_are_each_named_once(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("Secret Headline\n\nA file outside the corpus folder.\n")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("Good Headline\n\nA body sentence about the news.\n")
    (corpus / "out.txt").symlink_to(outside)
    (corpus / "dangling.txt").symlink_to(corpus / "missing.txt")
    (corpus / "loop-a.txt").symlink_to(corpus / "loop-b.txt")
    (corpus / "loop-b.txt").symlink_to(corpus / "loop-a.txt")
    (corpus / "inside.txt").symlink_to(corpus / "good.txt")  # a link within the corpus is fine
    (corpus / "folder.txt").mkdir()
    read = read_corpus(corpus)
    assert sorted(a.id for a in read.articles) == ["good", "inside"]
    reasons = {Path(p.source).name: p.reason for p in read.problems}
    assert reasons == {
        "out.txt": "a link to a file outside the corpus folder",
        "dangling.txt": "a broken or looping link",
        "loop-a.txt": "a broken or looping link",
        "loop-b.txt": "a broken or looping link",
        "folder.txt": "a folder, not an article file",
    }


def test_a_no_op_build_clears_folders_of_killed_builds(
    settings: Settings, embedder: CountingEmbedder
) -> None:
    from corpusqa.build import build_index

    build_index(settings, embedder)
    dead = settings.index_dir / ".tmp-0123456789ab"
    dead.mkdir()
    report = build_index(settings, embedder)
    assert report.added == 0 and not dead.exists()


def test_a_waiting_build_says_why(
    settings: Settings, embedder: CountingEmbedder, caplog: pytest.LogCaptureFixture
) -> None:
    from filelock import FileLock

    from corpusqa.build import build_index
    from corpusqa.errors import IndexBusyError

    settings.index_dir.mkdir(parents=True)
    with FileLock(str(settings.index_dir / ".lock")), pytest.raises(IndexBusyError):
        build_index(settings, embedder, lock_wait=0.5)
    assert "another build" in caplog.text and "waiting up to" in caplog.text


def _two_versions(settings: Settings, embedder: CountingEmbedder) -> tuple[Path, Path]:
    """A first build, then a second after one article changed; returns both version folders."""
    from corpusqa.build import build_index
    from corpusqa.store import current

    build_index(settings, embedder)
    first = current(settings.index_dir)
    path = next(settings.corpus_dir.glob("000_*.txt"))
    path.write_text(path.read_text() + "\nA sentence added in an update about the border.\n")
    build_index(settings, embedder)
    second = current(settings.index_dir)
    assert first is not None and second is not None
    return first, second


@pytest.mark.parametrize(
    "damage", ["truncate chunks", "truncate articles", "remove vectors", "truncate manifest"]
)
def test_a_damaged_version_falls_back_and_index_repairs_it(
    settings: Settings, embedder: CountingEmbedder, caplog: pytest.LogCaptureFixture, damage: str
) -> None:
    from corpusqa.build import build_index
    from corpusqa.index import Index
    from corpusqa.store import current

    first, second = _two_versions(settings, embedder)
    # The update's own segment: the other is the first version's, hard-linked, shared.
    (own,) = {p.name for p in second.glob("seg-*")} - {p.name for p in first.glob("seg-*")}
    if damage.startswith("truncate") and damage != "truncate manifest":
        target = (
            second / own / ("chunks/start.npy" if damage == "truncate chunks" else "articles.jsonl")
        )
        target.write_bytes(target.read_bytes()[:-40])
    elif damage == "remove vectors":
        (second / own / "vectors.faiss").unlink()
    else:
        target = second / "manifest.json"
        target.write_bytes(target.read_bytes()[:30])
    index = Index.load(settings)  # the earlier whole version, with one line saying so
    assert index.folder == first and "is damaged" in caplog.text
    embedder.calls.clear()
    report = build_index(settings, embedder)  # repairs: only the changed article is embedded
    repaired = current(settings.index_dir)
    assert repaired not in (first, second) and Index.load(settings).folder == repaired
    assert report.updated == 1 and report.chunks_embedded <= 10
    # ... and only its sentences: the other article's come from the whole version.
    changed = {
        s
        for c in Index.load(settings).chunks
        if c.article_id.startswith("000_")
        for s in c.sentences
    }
    assert embedder.calls == [report.chunks_embedded, len(changed)]


def test_no_whole_version_is_one_line_saying_how_to_rebuild(
    settings: Settings, embedder: CountingEmbedder
) -> None:
    from corpusqa.build import build_index
    from corpusqa.errors import IndexDamagedError
    from corpusqa.index import Index
    from corpusqa.store import current

    build_index(settings, embedder)
    pointed = current(settings.index_dir)
    assert pointed is not None
    next(pointed.glob("seg-*/vectors.faiss")).unlink()
    with pytest.raises(IndexDamagedError, match=r"--rebuild") as error:
        Index.load(settings)
    assert "\n" not in str(error.value)


def test_the_sentence_cache_holds_under_concurrent_requests(seed_qa: QA) -> None:
    """Many threads asking for sentence vectors through a cache far too small for them: each
    gets its own vectors, none fails (the earlier main read back entries others had evicted)."""
    import threading
    import time

    import numpy as np

    from corpusqa.retrieve import Searcher

    class Slow:
        """Stands in for the model: a vector from the text, after a pause that lets threads
        interleave."""

        def encode_document(self, texts):  # type: ignore[no-untyped-def]
            time.sleep(0.001)
            return np.array([[float(len(t)), float(hash(t) % 97)] for t in texts])

    index = seed_qa.searcher.index
    searcher = Searcher(index, Slow(), cache_size=3)  # type: ignore[arg-type]
    chunks = [c for c in index.chunks if len(c.sentences) > 1]
    errors: list[BaseException] = []

    def work(i: int) -> None:
        try:
            for round_ in range(40):
                c = chunks[(i + round_) % len(chunks)]
                got = searcher.scorer.vectors(c.article_id, list(c.sentences))
                body = index.articles[c.article_id].body
                assert got[:, 0].tolist() == [float(e - s) for s, e in c.sentences], body[:20]
        except BaseException as e:  # noqa: BLE001 - every failure is the finding
            errors.append(e)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_a_book_sized_article_is_named_with_the_setting_to_change(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Good Headline\n\nA body sentence about the news.\n")
    sentence = "The council met again on Monday to discuss the harbour budget in detail. "
    (tmp_path / "book.txt").write_text("A Very Long Report\n\n" + sentence * 30_000)  # 2.2 MB
    corpus = read_corpus(tmp_path, max_article_mb=1)
    assert [a.id for a in corpus.articles] == ["good"]
    assert "more than the 1 MB an article may have (CORPUSQA_MAX_ARTICLE_MB)" in str(
        corpus.problems[0]
    )
    assert {a.id for a in read_corpus(tmp_path, max_article_mb=5).articles} == {"good", "book"}


def test_the_same_corpus_by_another_path_is_not_embedded_again(
    tmp_path: Path, embedder: CountingEmbedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from conftest import SEED

    from corpusqa.build import build_index
    from corpusqa.settings import Settings

    shutil.copytree(SEED, tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)
    build_index(Settings(corpus_dir=Path("corpus"), index_dir=Path("index")), embedder)
    embedder.calls.clear()
    report = build_index(
        Settings(corpus_dir=tmp_path / "corpus", index_dir=Path("index")), embedder
    )
    assert report.unchanged == 2 and report.added == report.updated == 0
    assert embedder.calls == []


def test_wrong_passwords_wait_longer_each_time_per_address() -> None:
    from corpusqa.throttle import Misses

    now = [0.0]
    misses = Misses(free=3, longest=8.0, clock=lambda: now[0])
    for _ in range(3):
        assert misses.wait("10.0.0.1") == 0.0
        misses.attempt("10.0.0.1")
    assert misses.wait("10.0.0.1") == 1.0 and misses.wait("10.0.0.2") == 0.0
    waits = []
    for _ in range(6):
        now[0] += misses.wait("10.0.0.1")
        misses.attempt("10.0.0.1")
        waits.append(misses.wait("10.0.0.1"))
    assert waits == [2.0, 4.0, 8.0, 8.0, 8.0, 8.0]
    misses.accepted("10.0.0.1")
    assert misses.wait("10.0.0.1") == 0.0


def test_warm_loads_index_and_models_before_the_first_question(
    settings: Settings, embedder: CountingEmbedder
) -> None:
    from corpusqa.qa import QA

    qa = QA(settings, embedder=embedder)
    qa.build()
    qa.warm()
    assert qa._searcher is not None and qa.entities._nlp is not None
