"""One real model per session; each test that writes gets its own copy of the seed corpus."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
# The query encoder's ONNX export goes to a cache of this run, not the user's ~/.cache.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="corpusqa-cache-")

from corpusqa.embed import Embedder, Progress  # noqa: E402
from corpusqa.qa import QA  # noqa: E402
from corpusqa.settings import Settings  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus"
SPUTNIK = "000_75a7cf6cedd97c9f"
LLB = "004_ca47a91dfa488ab7"


class CountingEmbedder(Embedder):
    """The real model, counting what it is asked to embed."""

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)
        self.calls: list[int] = []

    def encode(
        self, texts: Sequence[str], progress: Progress | None = None, step: int = 256
    ) -> np.ndarray:
        self.calls.append(len(texts))
        return super().encode(texts, progress, step)


@pytest.fixture(scope="session")
def embedder() -> CountingEmbedder:
    return CountingEmbedder(Settings())


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SEED, folder)
    return folder


@pytest.fixture()
def settings(tmp_path: Path, corpus: Path) -> Settings:
    return Settings(corpus_dir=corpus, index_dir=tmp_path / "index")


@pytest.fixture(scope="session")
def seed_qa(tmp_path_factory: pytest.TempPathFactory, embedder: CountingEmbedder) -> QA:
    """A QA over an index of the seed corpus, built once for the read-only tests."""
    folder = tmp_path_factory.mktemp("seed")
    s = Settings(corpus_dir=SEED, index_dir=folder / "index")
    qa = QA(s, embedder=embedder)
    qa.build()
    return qa
