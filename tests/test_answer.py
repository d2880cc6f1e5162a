import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import LLB, SPUTNIK, CountingEmbedder

from corpusqa.errors import LLMError, QuestionError
from corpusqa.followup import standalone
from corpusqa.llm import LLM, load_llm
from corpusqa.qa import QA
from corpusqa.records import REFUSAL, Answer, Article, Citation, Evidence
from corpusqa.settings import Settings
from corpusqa.verify import verify


def _citation(n: int, article: Article, quote: str, start: int, end: int) -> Citation:
    return Citation(
        n,
        article.id,
        article.title,
        article.outlet,
        article.published,
        article.source,
        quote,
        start,
        end,
    )


def cited_articles(answer: Answer) -> set[str]:
    return {c.article_id for c in answer.citations}


def assert_verbatim(qa: QA, answer: Answer) -> None:
    markers = {int(n) for n in __import__("re").findall(r"\[(\d+)\]", answer.text)}
    assert markers == {c.n for c in answer.citations}
    assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))
    for c in answer.citations:
        body = qa.searcher.index.articles[c.article_id].body
        assert body[c.start : c.end] == c.quote
        assert c.quote in c.context and c.outlet and c.title and c.published


def test_who_doubted_the_withdrawal(seed_qa: QA) -> None:
    a = seed_qa.ask("Who doubted the withdrawal?")
    assert not a.refused
    assert a.text.startswith("NATO Secretary General Jens Stoltenberg [1][2]")
    first = [c for c in a.citations if c.n in (1, 2)]
    assert {c.article_id for c in first} == {SPUTNIK, LLB}  # both articles report it
    assert all("Stoltenberg" in c.quote for c in first)
    assert_verbatim(seed_qa, a)


def test_what_peskov_said_of_nato(seed_qa: QA) -> None:
    a = seed_qa.ask("What did Peskov say of NATO?")
    assert "Peskov" in a.text and "NATO" in a.text and cited_articles(a) == {SPUTNIK}
    assert "incorrectly assessing" in " ".join(c.quote for c in a.citations)
    assert_verbatim(seed_qa, a)


def test_how_many_battalion_tactical_groups_remain(seed_qa: QA) -> None:
    a = seed_qa.ask("How many battalion tactical groups remain?")
    assert a.text.startswith("100") and cited_articles(a) == {LLB}
    assert_verbatim(seed_qa, a)


def test_which_british_official_saw_no_evidence(seed_qa: QA) -> None:
    a = seed_qa.ask("Which British official saw no evidence?")
    assert "UK Defence Secretary Ben Wallace" in a.text and cited_articles(a) == {SPUTNIK}
    assert "any evidence of that withdrawal" in a.citations[0].quote
    assert_verbatim(seed_qa, a)


# (question, how the short answer starts, the article cited): more seed questions, each
# answered wrong or refused by the code before its rule
SEED_ANSWERS = [
    # the name before a title-case role is what the person belongs to
    ("Which country's defence secretary is Ben Wallace?", "UK [", SPUTNIK),
    # "overnight between 15 and 16 February": the entity model tags "February" alone
    (
        "When would the Russian attack start according to British tabloids?",
        "between 15 and 16 February [",
        SPUTNIK,
    ),
    # "His German colleague, Christine Lambrecht, said": who she is, set beside her name
    ("Who is Christine Lambrecht?", "His German colleague, Christine Lambrecht [", SPUTNIK),
    # "100 battalion tactical troops with 14 more battalions on the way"
    ("How many more battalions are on the way to the border?", "14 more battalions [", LLB),
    # a place in lower case after the question's verb, not the ministry that reported it
    ("Where were the troops returning to?", "their bases of permanent deployment [", SPUTNIK),
]


@pytest.mark.parametrize("question, answer, article", SEED_ANSWERS)
def test_more_seed_questions(seed_qa: QA, question: str, answer: str, article: str) -> None:
    a = seed_qa.ask(question)
    assert a.text.startswith(answer) and cited_articles(a) == {article}, a.text
    assert_verbatim(seed_qa, a)


@pytest.mark.parametrize(
    "question",
    [
        "What is the capital of Australia?",
        "Who won the 2018 football World Cup?",
        "How do I bake sourdough bread?",
    ],
)
def test_unanswerable_questions_are_refused(seed_qa: QA, question: str) -> None:
    a = seed_qa.ask(question)
    assert a.refused and a.text == REFUSAL and not a.citations
    assert a.passages  # the closest passages come back as related reading


def test_follow_up_resolves_against_history(seed_qa: QA) -> None:
    history = [
        {"role": "user", "content": "Who doubted the withdrawal?"},
        {"role": "assistant", "content": "NATO Secretary General Jens Stoltenberg [1][2]."},
    ]
    a = seed_qa.ask("What did he say about the equipment?", history=history)
    assert a.query == "What did Stoltenberg say about the equipment?"
    assert "equipment" in a.text and cited_articles(a) == {LLB}
    assert_verbatim(seed_qa, a)
    assert standalone("What about troops?", []) == "What about troops?"


@pytest.mark.parametrize(
    "question,message",
    [
        ("   ", "empty"),
        ("x" * 600, "limit is 500"),
        ("Кто сомневался в отводе войск?", "English"),
        ("Qui a douté du retrait des troupes?", "English"),
    ],
)
def test_bad_questions_get_a_message(seed_qa: QA, question: str, message: str) -> None:
    with pytest.raises(QuestionError, match=message):
        seed_qa.ask(question)


def _scripted(seed_qa: QA, reply: Callable[[str], str]) -> Answer:
    qa = QA(seed_qa.settings, embedder=seed_qa.embedder, llm=LLM(reply, name="scripted"))
    return qa.ask("Who doubted the withdrawal?")


def test_llm_answer_with_good_markers_is_kept(seed_qa: QA) -> None:
    def reply(prompt: str) -> str:
        n = next(
            line[1]
            for line in prompt.splitlines()
            if line.startswith("[") and "who doubted" in line
        )
        return f"Jens Stoltenberg doubted the Russian Defence Ministry statements [{n}]."

    a = _scripted(seed_qa, reply)
    assert a.text == "Jens Stoltenberg doubted the Russian Defence Ministry statements [1]."
    assert "who doubted" in a.citations[0].quote and not a.notes
    assert_verbatim(seed_qa, a)


def test_llm_unsupported_markers_are_dropped(seed_qa: QA) -> None:
    def reply(prompt: str) -> str:
        wrong = next(
            line[1]
            for line in prompt.splitlines()
            if line.startswith("[") and "Stoltenberg" not in line and "Wallace" not in line
        )
        return f"Stoltenberg doubted the withdrawal [{wrong}][9]."

    a = _scripted(seed_qa, reply)  # no marker survives: none supports the claim
    assert a.text.startswith("NATO Secretary General Jens Stoltenberg [1][2]")
    assert "cited nothing that supports" in a.notes[0]


def _late() -> str:
    time.sleep(5)
    return "late [1]"


@pytest.mark.parametrize(
    "reply", [lambda p: "Stoltenberg doubted it.", lambda p: 1 / 0, lambda p: _late()]
)
def test_llm_failures_fall_back_to_the_extractive_answer(
    seed_qa: QA, reply: Callable[[str], str]
) -> None:
    qa = QA(
        seed_qa.settings, embedder=seed_qa.embedder, llm=LLM(reply, name="scripted", timeout=1.0)
    )
    a = qa.ask("Who doubted the withdrawal?")
    assert a.text.startswith("NATO Secretary General Jens Stoltenberg [1][2]")
    assert a.notes and "extractive answer" in a.notes[0]


def test_a_misconfigured_llm_is_reported_before_any_question(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(LLMError, match="use openai:<model>@<url>"):
        load_llm(Settings(llm="gpt:4"))
    with pytest.raises(LLMError, match="no such file"):
        load_llm(Settings(llm=f"gguf:{tmp_path / 'missing.gguf'}"))
    model = tmp_path / "model.gguf"
    model.write_bytes(b"GGUF")
    monkeypatch.setitem(__import__("sys").modules, "llama_cpp", None)  # the extra not installed
    with pytest.raises(LLMError, match=r"pip install 'corpusqa\[gguf\]'"):
        load_llm(Settings(llm=f"gguf:{model}"))
    assert load_llm(Settings(llm="")) is None


def test_verify_drops_markers_that_do_not_fit(seed_qa: QA) -> None:
    article = seed_qa.searcher.index.articles[LLB]
    start = article.body.index("Russia still have 100")
    end = article.body.index(".", start) + 1
    good = _citation(1, article, article.body[start:end], start, end)
    forged = _citation(2, article, "Russia still have 900 battalion tactical troops", start, end)
    text, kept = verify(
        "Russia has 100 battalion tactical troops [1][2]. Truss is happy [1].",
        [good, forged],
        seed_qa.searcher.index.articles,
    )
    assert text == "Russia has 100 battalion tactical troops [1]. Truss is happy."
    assert [c.n for c in kept] == [1]
    assert Evidence(article, (start, end), 1.0, 0).text == good.quote


def test_a_shared_title_does_not_make_a_quote_support_another_person(seed_qa: QA) -> None:
    article = seed_qa.searcher.index.articles[SPUTNIK]
    start = article.body.index("His statements were echoed by UK Defence Secretary Ben Wallace")
    end = article.body.index(".", article.body.index("physical observations", start)) + 1
    wallace = _citation(1, article, article.body[start:end], start, end)
    articles = seed_qa.searcher.index.articles
    text, kept = verify(
        "NATO Secretary General Jens Stoltenberg doubted the withdrawal [1].", [wallace], articles
    )
    assert text == "NATO Secretary General Jens Stoltenberg doubted the withdrawal." and not kept
    text, kept = verify(
        "UK Defence Secretary Ben Wallace saw no evidence of the withdrawal [1].",
        [wallace],
        articles,
    )
    assert text.endswith("[1].") and len(kept) == 1


def test_follow_up_reads_the_web_chats_html_history(seed_qa: QA) -> None:
    from corpusqa.ui import render

    first = seed_qa.ask("Who doubted the withdrawal?")
    history = [
        {"role": "user", "content": [{"type": "text", "text": first.question}]},
        {"role": "assistant", "content": render(first)},
    ]
    assert (
        standalone("What did he say about the equipment?", history)
        == "What did Stoltenberg say about the equipment?"
    )


def test_writers_are_registered_by_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    from corpusqa import llm

    monkeypatch.setitem(llm.WRITERS, "echo", lambda model, url, timeout: lambda p: f"{model} [1]")
    writer = load_llm(Settings(llm="echo:m1@http://127.0.0.1:1"))
    assert writer is not None and writer.complete("prompt") == "m1 [1]"
    assert set(llm.WRITERS) >= {"openai", "ollama", "gguf"}


def test_a_refusal_is_built_one_way() -> None:
    from corpusqa.records import REFUSAL, Answer

    a = Answer.refusal("Who?", "who?")
    assert (a.text, a.refused, a.citations, a.query) == (REFUSAL, True, (), "who?")


def test_status_and_outlets_for_the_shells(seed_qa: QA) -> None:
    st = seed_qa.status()
    assert (st.articles, st.chunks > 0) == (2, True)
    assert st.outlets == tuple(seed_qa.outlets())
    assert "London Loves Business (LLB)" in st.outlets


def test_evidence_is_what_an_answer_is_chosen_from(seed_qa: QA) -> None:
    question = "Who doubted the withdrawal?"
    evidence = seed_qa.evidence(question)
    scores = [e.score for e in evidence]
    assert scores == sorted(scores, reverse=True) and len(evidence) > 5
    quoted = {c.quote for c in seed_qa.ask(question).citations}
    assert quoted & {e.text for e in evidence}  # the answer quotes a sentence read
    assert seed_qa.evidence(question, until="2022-02-14") == []  # no article that early


def test_this_week_reads_that_weeks_articles_first(
    tmp_path: Path, embedder: CountingEmbedder
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    # The older report words it as the question does, so without the week it answers.
    (corpus / "old.txt").write_text(
        "Harbour Gazette\nPellworth ferry strike\n1 December 2022\n"
        "Union leader Mara Quint spoke about the Pellworth ferry strike on Monday.\n",
        encoding="utf-8",
    )
    (corpus / "new.txt").write_text(
        "Harbour Gazette\nCrews stop the boats again\n20 January 2023\n"
        "The stoppage on the Pellworth ferries went on, said Tomas Brand, who leads the crews' "
        "union. No boat sailed on Thursday.\n",
        encoding="utf-8",
    )
    qa = QA(Settings(corpus_dir=corpus, index_dir=tmp_path / "index"), embedder=embedder)
    qa.build()
    asked = "Which union leader spoke about the Pellworth ferry strike"
    assert "Quint" in qa.ask(f"{asked}?", as_of="2023-01-22").text
    week = qa.ask(f"{asked} this week?", as_of="2023-01-22")
    assert "Brand" in week.text and cited_articles(week) == {"new"} and not week.notes
    assert_verbatim(qa, week)
    # Nothing that week: every article is read, and the answer says so.
    later = qa.ask(f"{asked} this week?", as_of="2023-03-30")
    assert not later.refused and later.notes == (
        "No article dated 2023-03-23 to 2023-03-30 is on this question; "
        "the answer draws on articles of other dates.",
    )


def test_which_questions_are_narrowed_to_the_latest_news() -> None:
    from corpusqa.filters import Filters, latest

    asked = Filters(outlets=("Sputnik",), as_of="2023-01-27")
    assert latest("Which film led the Oscar nominations this week?", asked, None) == Filters(
        ("Sputnik",), "2023-01-20", "2023-01-27", "2023-01-27"
    )
    assert latest("Who resigned this month?", Filters(), "2023-01-27") == Filters(
        (), "2022-12-27", "2023-01-27", None
    )  # no date given: the newest article's day is "today"
    assert latest("Who resigned?", asked, "2023-01-27") is None
    assert latest("Who resigned recently?", Filters(since="2023-01-01"), None) is None
    assert latest("Who resigned recently?", Filters(), None) is None  # no dated article


def test_the_sentence_after_the_best_is_read_closely_too() -> None:
    from corpusqa.answer import pool
    from corpusqa.chunk import sentence_spans

    body = (
        "She is only the second elected leader to give birth in office. The first was Ada "
        "Quill, the islands' former premier. Crowds cheered. Rain fell on the quay."
    )
    article = Article("a", "T", body, "a.txt", "Outlet", "2023-01-20")
    spans = sentence_spans(body)
    scores = [0.9, 0.1, 0.8, 0.7]  # the answer's own sentence says little of the question
    evidence = sorted(
        (Evidence(article, span, score, 0) for span, score in zip(spans, scores, strict=True)),
        key=lambda e: -e.score,
    )
    read = pool(evidence)
    assert [e.text for e in read if e.score < 0.5] == [
        "The first was Ada Quill, the islands' former premier."
    ]
