"""The public API: what `import corpusqa` offers, how it is called, and that importing is light."""

import inspect
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

import corpusqa
from corpusqa.errors import CorpusQAError

EXPORTED = {
    "QA",
    "Answer",
    "Article",
    "BuildReport",
    "Chunk",
    "Citation",
    "Passage",
    "Settings",
    "Filters",
    "IndexStatus",
    "ask",
    "build_index",
    "retrieve",
    "CorpusQAError",
    "ArticleError",
    "CorpusError",
    "FilterError",
    "IndexBusyError",
    "IndexDamagedError",
    "IndexMismatchError",
    "IndexMissingError",
    "LLMError",
    "ModelError",
    "QuestionError",
    "SettingsError",
}


def test_the_exported_names_are_these_and_all_resolve() -> None:
    assert set(corpusqa.__all__) == EXPORTED
    for name in corpusqa.__all__:
        assert getattr(corpusqa, name) is not None
    errors = [getattr(corpusqa, n) for n in EXPORTED if n.endswith("Error")]
    assert all(issubclass(e, CorpusQAError) for e in errors)


def test_options_are_keyword_only() -> None:
    for function in (
        corpusqa.retrieve,
        corpusqa.ask,
        corpusqa.QA.retrieve,
        corpusqa.QA.ask,
        corpusqa.QA.build,
    ):
        params = list(inspect.signature(function).parameters.values())
        positional = [p.name for p in params if p.kind is p.POSITIONAL_OR_KEYWORD]
        assert positional in (["question"], ["self", "question"], ["self"]), function
    assert inspect.signature(corpusqa.retrieve).parameters["k"].default is None  # CORPUSQA_TOP_K


def test_the_package_says_it_is_typed() -> None:
    assert resources.files("corpusqa").joinpath("py.typed").is_file()


def test_import_loads_no_model_index_or_web_library() -> None:
    heavy = ["torch", "faiss", "gradio", "spacy", "sentence_transformers", "llama_index"]
    code = f"import sys, corpusqa; print([m for m in {heavy!r} if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_settings_with_a_fixed_set_of_values_are_checked_when_built() -> None:
    import pytest

    with pytest.raises(corpusqa.SettingsError, match="CORPUSQA_RETRIEVAL='semantic': use one of"):
        corpusqa.Settings.from_env({"CORPUSQA_RETRIEVAL": "semantic"})
    with pytest.raises(corpusqa.SettingsError, match="CORPUSQA_PRECISION"):
        corpusqa.Settings(precision="fp16")  # type: ignore[arg-type]
    assert corpusqa.Settings.from_env({"CORPUSQA_RETRIEVAL": "bm25"}).retrieval == "bm25"


def test_the_cache_folder_follows_xdg_cache_home_when_settings_are_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "later"))
    assert corpusqa.Settings().cache_dir == tmp_path / "later" / "corpusqa"
    explicit = corpusqa.Settings.from_env({"CORPUSQA_CACHE_DIR": str(tmp_path / "mine")})
    assert explicit.cache_dir == tmp_path / "mine"
