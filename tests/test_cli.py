"""Each `corpusqa` subcommand through `main([...])`, on a copy of the seed corpus."""

import shutil
from pathlib import Path

import pytest
from conftest import SEED, CountingEmbedder

from corpusqa import cli
from corpusqa.qa import QA
from corpusqa.settings import Settings


@pytest.fixture()
def folders(
    tmp_path: Path, embedder: CountingEmbedder, monkeypatch: pytest.MonkeyPatch
) -> list[str]:
    shutil.copytree(SEED, tmp_path / "corpus")
    monkeypatch.setattr(cli, "_qa", lambda settings: QA(settings, embedder=embedder))
    return ["--corpus", str(tmp_path / "corpus"), "--index", str(tmp_path / "index")]


def test_index_then_status_search_and_ask(
    folders: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main([*folders, "index"]) == 0
    assert "2 added" in capsys.readouterr().out
    assert cli.main([*folders, "index"]) == 0
    assert "0 added, 0 updated, 0 removed, 2 unchanged" in capsys.readouterr().out
    assert cli.main([*folders, "status"]) == 0
    assert ": 2 articles," in capsys.readouterr().out
    assert cli.main([*folders, "search", "Who doubted the withdrawal?", "-k", "2"]) == 0
    out = capsys.readouterr().out
    assert "[2]" in out and "[3]" not in out
    assert cli.main([*folders, "ask", "Who doubted the withdrawal?"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("NATO Secretary General Jens Stoltenberg") and "chars " in out


def test_errors_are_one_line_without_a_trace(
    folders: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main([*folders, "status"]) == 1  # nothing indexed yet
    err = capsys.readouterr().err
    assert err.startswith("corpusqa: no index") and "Traceback" not in err
    assert cli.main([*folders, "search", "troops", "--since", "yesterday"]) == 1
    assert "corpusqa:" in capsys.readouterr().err


def test_ask_has_no_k_to_ignore(folders: list[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main([*folders, "ask", "Who doubted the withdrawal?", "-k", "3"])


def test_serve_gets_the_settings_of_its_flags(
    folders: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import corpusqa.ui

    seen: list[Settings] = []
    monkeypatch.setattr(corpusqa.ui, "serve", seen.append)
    monkeypatch.setenv("CORPUSQA_TOP_K", "7")
    assert cli.main([*folders, "serve", "--port", "7999"]) == 0
    (settings,) = seen
    assert settings.port == 7999 and settings.top_k == 7
    assert settings.corpus_dir.name == "corpus" and settings.host == "127.0.0.1"
