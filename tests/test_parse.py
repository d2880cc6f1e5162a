from pathlib import Path

import pytest
from conftest import LLB, SEED, SPUTNIK

from corpusqa.chunk import chunk_article, sentence_spans
from corpusqa.clean import clean_lines, find_date
from corpusqa.errors import CorpusError
from corpusqa.parse import read_corpus
from corpusqa.records import Article


def articles() -> dict[str, Article]:
    return {a.id: a for a in read_corpus(SEED).articles}


def test_seed_files_are_the_shared_ones_byte_for_byte() -> None:
    shared = Path(__file__).resolve().parents[2] / "shared" / "seed-corpus"
    if not shared.exists():
        pytest.skip("../shared is not beside the checkout")
    for f in shared.glob("*.txt"):
        assert (SEED / f.name).read_bytes() == f.read_bytes()


def test_seed_metadata() -> None:
    a = articles()
    s, b = a[SPUTNIK], a[LLB]
    assert s.title.startswith("Kremlin: NATO Has Issues With Assessing Situation")
    assert s.outlet == "Sputnik International" and s.published == "2022-02-16"
    assert b.title.startswith("NATO suggests Russia moving some troops")
    assert b.outlet == "London Loves Business (LLB)" and b.published == "2022-02-15"
    assert b.byline == "LLB political Reporter"


CLUTTER = [
    "Sputnik International, 1920",
    "The latest news and stories",
    "mediabank",
    "©",
    "To participate in the discussion",
    "log in or register",
    "Заголовок",
    "Home Business",
    "Leave a Comment",
    "You may also like",
    "Sign up to our daily",
    "[ms-form",
    "by LLB",
    "12:46 pm",
]


def test_cleaning_removes_clutter_and_keeps_every_body_sentence() -> None:
    a = articles()
    for article in a.values():
        for junk in CLUTTER:
            assert junk not in article.body, (article.id, junk)
        assert not article.body.startswith(article.title)
    raw = (SEED / f"{SPUTNIK}.txt").read_text(encoding="utf-8").splitlines()
    body_lines = raw[7:16]  # the article's paragraphs, from "Earlier," to "no attack occurred."
    assert body_lines[0].startswith("Earlier,") and body_lines[-1].endswith("occurred.")
    for line in body_lines:
        assert line in a[SPUTNIK].body
    raw = (SEED / f"{LLB}.txt").read_text(encoding="utf-8").splitlines()
    paragraphs = [ln for ln in raw[7:45] if ln.strip()]
    assert paragraphs[0].startswith("The NATO Secretary General") and "Duma" in paragraphs[-1]
    for line in paragraphs:
        assert line in a[LLB].body


def test_general_rules_on_another_page_shape() -> None:
    lines = [
        "Daily Planet",
        "World | Politics | Home",
        "Mayor Opens New Bridge Over the River",
        "By Lois Lane | March 3, 2021",
        "Photo: Jimmy Olsen / Daily Planet",
        "The mayor opened the new bridge on Tuesday, calling it a triumph for the city.",
        "Трафик на мосту",
        "Share this article",
        "[newsletter-signup id=3]",
        "Officials said the bridge cost $40 million and took three years to build.",
        "Subscribe to our newsletter",
        "Comments",
    ]
    c = clean_lines(lines)
    assert c.title == "Mayor Opens New Bridge Over the River"
    assert c.outlet == "Daily Planet" and c.published == "2021-03-03"
    assert c.byline == "Lois Lane"
    assert c.paragraphs == (lines[5], lines[9])


def test_a_copyright_sign_inside_prose_keeps_the_line() -> None:
    abstract = (
        "Stem cells can form tumours in mice, and we review ways to reduce that risk "
        "before clinical use. © 2015 Elsevier Ltd. All rights reserved."
    )
    assert clean_lines([abstract], title="Stem cells").paragraphs == (abstract,)
    assert clean_lines(["© Reuters / Jane Doe", abstract], title="x").paragraphs == (abstract,)


@pytest.mark.parametrize(
    "text,iso",
    [
        ("16.02.2022", "2022-02-16"),
        ("15th Feb 22 12:46 pm", "2022-02-15"),
        ("February 15, 2022", "2022-02-15"),
        ("2023-01-06T10:00", "2023-01-06"),
        ("no date", None),
    ],
)
def test_dates(text: str, iso: str) -> None:
    assert find_date(text) == iso


def test_formats_and_bad_input(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "# A Markdown Headline Here\n\nThe council approved the "
        "[new budget](http://x) on Monday after a long debate.\n"
    )
    (tmp_path / "b.html").write_text(
        "<html><head><title>T</title><meta property='og:site_name' content='The Herald'>"
        "<meta property='article:published_time' content='2022-05-01T08:00'></head><body>"
        "<nav>Home News</nav><h1>Storm Closes the Harbour for Two Days</h1><article>"
        "<p>A storm closed the harbour on Sunday, stranding dozens of fishing boats.</p>"
        "<script>alert(1)</script><p>Repairs to the sea wall will take a week, officials said."
        "</p></article><footer>Subscribe</footer></body></html>"
    )
    (tmp_path / "c.jsonl").write_text(
        '{"id": "x1", "title": "Jsonl Title", "text": "Line one of the story is long enough to '
        'count as prose here.", "published": "2023-01-06", "url": "https://www.cnn.com/a"}\n'
        "{not json}\n"
        '{"id": "x2", "title": "No text"}\n'
    )
    (tmp_path / "d.txt").write_bytes(b"\xff\xfe\x00binary")
    (tmp_path / "e.txt").write_bytes(
        "Caf\xe9 Reopens on the Square\n\nThe caf\xe9 reopened on "
        "Monday, its owners said.\n".encode("latin-1")
    )
    (tmp_path / "g.txt").write_bytes(
        "Tide Tables Change\n\nThe harbour published new tide tables on Friday.\n".encode("utf-16")
    )
    (tmp_path / "f.txt").write_text("   \n\n")
    corpus = read_corpus(tmp_path)
    by_id = {a.id: a for a in corpus.articles}
    assert set(by_id) == {"a", "b", "x1", "e", "g"}  # Latin-1 and UTF-16 are read, not refused
    assert "café reopened" in by_id["e"].body and "tide tables" in by_id["g"].body
    assert by_id["a"].title == "A Markdown Headline Here"
    assert "new budget on Monday" in by_id["a"].body
    assert by_id["b"].title == "Storm Closes the Harbour for Two Days"
    assert by_id["b"].outlet == "The Herald" and by_id["b"].published == "2022-05-01"
    assert "alert" not in by_id["b"].body and "Home News" not in by_id["b"].body
    assert by_id["x1"].outlet == "cnn.com" and by_id["x1"].source == "https://www.cnn.com/a"
    messages = " | ".join(str(p) for p in corpus.problems)
    for expected in (
        "c.jsonl:2: malformed JSON",
        "c.jsonl:3: record has no text",
        "d.txt: binary file",
        "f.txt: empty article",
    ):
        assert expected in messages
    with pytest.raises(CorpusError, match="does not exist"):
        read_corpus(tmp_path / "missing")


def test_realtimeqa_layout_loads_as_it_is() -> None:
    path = Path(__file__).resolve().parents[2] / "shared/benchmarks/realtimeqa-2023-01"
    if not path.exists():
        pytest.skip("../shared is not beside the checkout")
    import itertools
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "rtqa.jsonl"
        with (path / "articles.jsonl").open() as f:
            sample.write_text("".join(itertools.islice(f, 20)))
        corpus = read_corpus(Path(tmp))
    assert len(corpus.articles) >= 18 and all(a.published for a in corpus.articles)


def test_sentences_and_chunks_have_exact_spans() -> None:
    for article in articles().values():
        spans = sentence_spans(article.body)
        assert all(article.body[s:e].strip() == article.body[s:e] for s, e in spans)
        chunks = chunk_article(article, max_words=60, overlap=1)
        assert [c.id for c in chunks] == [f"{article.id}#{i}" for i in range(len(chunks))]
        for prev, nxt in zip(chunks, chunks[1:], strict=False):
            if len(prev.sentences) > 1:  # one sentence of overlap, where there is room
                assert prev.sentences[-1] == nxt.sentences[0]
        for c in chunks:
            assert article.body[c.start : c.end] == c.text
    assert sentence_spans("Mr. Smith met Dr. Jones in the U.S. today. They spoke.") == [
        (0, 42),
        (43, 54),
    ]


def test_ranks_and_initials_do_not_end_a_sentence() -> None:
    def split(text: str) -> list[str]:
        return [text[s:e] for s, e in sentence_spans(text)]

    assert split("Pentagon press secretary Brig. Gen. Pat Ryder said so. Training starts.") == [
        "Pentagon press secretary Brig. Gen. Pat Ryder said so.",
        "Training starts.",
    ]
    assert split("Cavs coach J.B. Bickerstaff said it. Then Cpl. Ann Roe spoke.") == [
        "Cavs coach J.B. Bickerstaff said it.",
        "Then Cpl. Ann Roe spoke.",
    ]
    from corpusqa.lexicon import HONORIFIC

    title = HONORIFIC.search("Pentagon press secretary Brig. Gen. ")
    assert title is not None and title.group() == "Brig. Gen. "  # the answer keeps the rank whole
