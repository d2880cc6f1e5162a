"""Questions embedded without torch: the model exported once to ONNX, run by onnxruntime.

Importing torch and sentence-transformers takes seconds; a question is a dozen tokens. So the
local model is exported once (torch is needed then, and only then) into the cache folder, and
questions are embedded by onnxruntime with the model's own `tokenizer.json`: the same tokens,
the same mean pooling, vectors within 1e-6 of sentence-transformers' (`tests/test_embed.py`).
Only models built as Transformer -> mean Pooling (-> Normalize) are exported; any other
keeps the torch path.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import warnings
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

EXPORT_FORMAT = 1  # raised when the exported graph changes, so old exports are not used
_MODULES = ("Transformer", "Pooling", "Normalize")


def exportable(model_dir: Path) -> bool:
    """Whether the model is one this module reproduces exactly: a transformer, mean pooling."""
    try:
        modules = json.loads((model_dir / "modules.json").read_text(encoding="utf-8"))
        kinds = [m["type"].rsplit(".", 1)[-1] for m in modules]
        pooling = next(m["path"] for m in modules if m["type"].endswith("Pooling"))
        config = json.loads((model_dir / pooling / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, StopIteration):
        return False
    modes = [k for k, v in config.items() if k.startswith("pooling_mode") and v]
    return (
        kinds[:2] == ["Transformer", "Pooling"]
        and set(kinds) <= set(_MODULES)
        and modes == ["pooling_mode_mean_tokens"]
        and (model_dir / "tokenizer.json").exists()
    )


def export_path(cache_dir: Path, model_dir: Path) -> Path:
    """Where the export of `model_dir` is cached: named by the model's files as they are now,
    so a changed model is exported anew."""
    stats = []
    for path in sorted(model_dir.rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            st = path.stat()
            stats.append([path.relative_to(model_dir).as_posix(), st.st_size, st.st_mtime_ns])
    payload = json.dumps([str(model_dir.resolve()), stats, EXPORT_FORMAT])
    key = hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]
    return Path(cache_dir).expanduser() / f"query-encoder-{key}.onnx"


def export(model_dir: Path, dest: Path) -> None:
    """Write the ONNX graph of the transformer and its mean pooling to `dest`, whole or not at
    all. Needs torch, transformers and onnx."""
    import torch
    from transformers import AutoModel

    class Pooled(torch.nn.Module):
        def __init__(self, model: Any) -> None:
            super().__init__()
            self.model = model

        def forward(self, ids: Any, mask: Any, types: Any) -> Any:
            out = self.model(input_ids=ids, attention_mask=mask, token_type_ids=types)
            weights = mask.unsqueeze(-1).to(out.last_hidden_state.dtype)
            summed = (out.last_hidden_state * weights).sum(1)
            return summed / weights.sum(1).clamp(min=1e-9)

    model = Pooled(AutoModel.from_pretrained(str(model_dir), local_files_only=True).eval())
    dummy = torch.ones((2, 8), dtype=torch.long)
    names = ["input_ids", "attention_mask", "token_type_ids"]
    axes = {n: {0: "batch", 1: "tokens"} for n in names} | {"embedding": {0: "batch"}}
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the exporter's notes on tracing, not problems here
        torch.onnx.export(
            model,
            (dummy, dummy, torch.zeros_like(dummy)),
            str(tmp),
            input_names=names,
            output_names=["embedding"],
            dynamic_axes=axes,
            opset_version=17,
            dynamo=False,
        )
    os.replace(tmp, dest)
    log.info("exported the query encoder of %s to %s", model_dir, dest)


class OnnxQueryEncoder:
    """One onnxruntime session and tokenizer; both may be called from many threads at once."""

    def __init__(self, model_dir: Path, graph: Path, threads: int = 0) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(_max_tokens(model_dir))
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = max(threads, 0)
        options.log_severity_level = 3  # errors only
        self.session = onnxruntime.InferenceSession(
            str(graph), options, providers=["CPUExecutionProvider"]
        )

    def encode(self, text: str) -> np.ndarray:
        """The unit-length float32 vector of one text."""
        tokens = self.tokenizer.encode(text)
        feed = {
            "input_ids": np.array([tokens.ids], dtype=np.int64),
            "attention_mask": np.array([tokens.attention_mask], dtype=np.int64),
            "token_type_ids": np.array([tokens.type_ids], dtype=np.int64),
        }
        vector = np.asarray(self.session.run(None, feed)[0][0], dtype=np.float32)
        return vector / max(float(np.linalg.norm(vector)), 1e-12)


def _max_tokens(model_dir: Path) -> int:
    """sentence-transformers' `max_seq_length`: longer texts are cut there, as it cuts them."""
    try:
        config = json.loads((model_dir / "sentence_bert_config.json").read_text("utf-8"))
        return int(config["max_seq_length"])
    except (OSError, ValueError, KeyError):
        return 512
