"""Questions through onnxruntime: as exact as sentence-transformers, and no torch in the process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from conftest import SEED, CountingEmbedder

from corpusqa.embed import Embedder
from corpusqa.errors import ModelError
from corpusqa.onnxquery import export_path, exportable
from corpusqa.qa import QA
from corpusqa.settings import Settings

QUESTIONS = [
    "Who doubted the withdrawal?",
    "How many battalion tactical groups does Russia still have near the border?",
    "What did the UK Defence Secretary say about the troops?",
    "x",
]


def test_onnx_vectors_match_sentence_transformers(seed_qa: QA, embedder: CountingEmbedder) -> None:
    fast = embedder.query_encoder()
    assert fast is not None
    index = seed_qa.searcher.index
    texts = QUESTIONS + [
        a.body[s:e]
        for c in index.chunks
        for s, e in c.sentences
        for a in [index.articles[c.article_id]]
    ]
    texts.append(" ".join(a.body for a in index.articles.values()))  # longer than 256 tokens: cut
    model = embedder.model
    reference = model.encode(texts, normalize_embeddings=True, convert_to_numpy=True)  # fp32
    onnx = np.vstack([fast.encode(t) for t in texts])
    cosines = (onnx * reference).sum(axis=1)
    assert len(texts) > 40 and cosines.min() >= 0.9999, cosines.min()


def test_a_new_process_answers_without_importing_torch_or_spacys_cli(seed_qa: QA) -> None:
    folder = str(seed_qa.settings.index_dir)
    script = (
        "import sys, json; from corpusqa import QA, Settings; "
        f"qa = QA(Settings(corpus_dir={str(SEED)!r}, index_dir={folder!r})); "
        "qa.warm(); a = qa.ask('Who doubted the withdrawal?'); "
        "unseen = [m for m in ('torch', 'spacy.cli', 'typer', 'rich') if m in sys.modules]; "
        "from spacy.cli.info import info; real = info.__module__; "  # asked for: the real one
        "print(json.dumps([a.text, unseen, real]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=os.environ
    )
    assert out.returncode == 0, out.stderr
    text, loaded, real = json.loads(out.stdout.strip().splitlines()[-1])
    assert "Stoltenberg" in text and loaded == [] and real == "spacy.cli.info"


def _model_folder(tmp_path: Path, pooling: dict[str, bool]) -> Path:
    folder = tmp_path / "model"
    (folder / "1_Pooling").mkdir(parents=True)
    (folder / "config.json").write_text("{}")
    (folder / "tokenizer.json").write_text("{}")
    modules = [
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {
            "idx": 1,
            "name": "1",
            "path": "1_Pooling",
            "type": "sentence_transformers.models.Pooling",
        },
    ]
    (folder / "modules.json").write_text(json.dumps(modules))
    (folder / "1_Pooling" / "config.json").write_text(json.dumps(pooling))
    return folder


def test_only_mean_pooled_models_are_exported(tmp_path: Path) -> None:
    cls = _model_folder(
        tmp_path, {"pooling_mode_cls_token": True, "pooling_mode_mean_tokens": False}
    )
    assert not exportable(cls)
    auto = Embedder(Settings(model=str(cls), cache_dir=tmp_path / "cache"))
    assert auto.query_encoder() is None  # questions stay on torch
    strict = Embedder(Settings(model=str(cls), query_encoder="onnx", cache_dir=tmp_path / "c"))
    with pytest.raises(ModelError, match="CORPUSQA_QUERY_ENCODER"):
        strict.query_encoder()
    (cls / "1_Pooling" / "config.json").write_text('{"pooling_mode_mean_tokens": true}')
    assert exportable(cls)


def test_a_changed_model_is_exported_anew(tmp_path: Path) -> None:
    folder = _model_folder(tmp_path, {"pooling_mode_mean_tokens": True})
    before = export_path(tmp_path / "cache", folder)
    (folder / "config.json").write_text('{"changed": 1}')
    assert export_path(tmp_path / "cache", folder) != before
    assert before.parent == tmp_path / "cache"
