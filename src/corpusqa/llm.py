"""An optional language model that writes the answer from numbered sentences.

Off unless `CORPUSQA_LLM` names one; with it unset nothing here imports or connects. The model's
text goes through the same citation check as the extractive answer, and any failure or time-out
falls back to the extractive answer with a note. llama-index's LLM classes are built with explicit
arguments; its global `Settings` is never touched. A GGUF file runs on llama-cpp-python directly.
"""

from __future__ import annotations

import concurrent.futures
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import LLMError
from .records import Draft
from .settings import Settings

if TYPE_CHECKING:
    from .records import Evidence

log = logging.getLogger(__name__)
PROMPT = """Answer the question in one to three sentences using only the numbered sentences.
After each claim put the number of the sentence that supports it, like [1] or [2][3].
If the sentences do not answer the question, reply exactly: NOT IN CORPUS

Question: {question}

{sentences}

Answer:"""


class LLM:
    def __init__(
        self, complete: Callable[[str], str], name: str = "llm", timeout: float = 60.0
    ) -> None:
        self.complete = complete
        self.name = name
        self.timeout = timeout

    def write(self, question: str, evidence: Sequence[Evidence]) -> Draft:
        """A cited draft from the numbered sentences; an empty one (with a note) on any failure,
        time-out or uncited reply, so the caller falls back to the extractive answer."""
        numbered = list(evidence[:8])
        lines = "\n".join(f"[{i}] {e.text}" for i, e in enumerate(numbered, 1))
        prompt = PROMPT.format(question=question, sentences=lines)
        pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
        try:
            text = pool.submit(self.complete, prompt).result(timeout=self.timeout).strip()
        except concurrent.futures.TimeoutError:
            return _empty(f"{self.name} timed out after {self.timeout:.0f} s")
        except Exception as e:  # any failure of a remote or local model falls back
            log.warning("%s failed: %s", self.name, e)
            return _empty(f"{self.name} failed ({type(e).__name__})")
        finally:
            pool.shutdown(wait=False)
        if not text or "NOT IN CORPUS" in text or "[" not in text:
            log.info("%s replied without citations: %r", self.name, text[:300])
            return _empty(f"{self.name} gave no cited answer")
        return Draft(text, tuple(numbered))


def _empty(why: str) -> Draft:
    return Draft("", notes=(f"{why}; showing the extractive answer",))


Client = Callable[[str, str, float], Callable[[str], str]]  # (model, url, timeout) -> complete
WRITERS: dict[str, Client] = {}


def writer(prefix: str) -> Callable[[Client], Client]:
    """Register a client for `CORPUSQA_LLM=<prefix>:<model>[@<url>]`."""

    def register(client: Client) -> Client:
        WRITERS[prefix] = client
        return client

    return register


def load_llm(settings: Settings) -> LLM | None:
    """The configured model, or None: `<prefix>:<model>[@<url>]` for a registered prefix
    (`openai`, `ollama`, `gguf`)."""
    spec = settings.llm.strip()
    if not spec:
        return None
    kind, _, rest = spec.partition(":")
    model, _, url = rest.partition("@")
    client = WRITERS.get(kind)
    if client is None:
        raise LLMError(
            f"CORPUSQA_LLM={kind}:...: use openai:<model>@<url>, ollama:<model> "
            f"or gguf:<path> (registered: {', '.join(WRITERS)})"
        )
    try:
        complete = client(model, url, settings.llm_timeout)
    except ImportError as e:
        raise LLMError(
            f"CORPUSQA_LLM={spec!r} needs an optional extra: pip install "
            f"'corpusqa[{'gguf' if kind == 'gguf' else 'llm'}]' ({e.name})"
        ) from None
    return LLM(complete, name=spec, timeout=settings.llm_timeout)


@writer("openai")
def _openai(model: str, url: str, timeout: float) -> Callable[[str], str]:
    from llama_index.llms.openai_like import OpenAILike

    client: Any = OpenAILike(
        model=model,
        api_base=url or "http://127.0.0.1:8000/v1",
        api_key="unused",
        is_chat_model=True,
        timeout=timeout,
    )
    return lambda prompt: str(client.complete(prompt).text)


@writer("ollama")
def _ollama(model: str, url: str, timeout: float) -> Callable[[str], str]:
    from llama_index.llms.ollama import Ollama

    client: Any = Ollama(
        model=model, base_url=url or "http://127.0.0.1:11434", request_timeout=timeout
    )
    return lambda prompt: str(client.complete(prompt).text)


@writer("gguf")
def _gguf(path: str, url: str = "", timeout: float = 0.0) -> Callable[[str], str]:
    """A local GGUF file, prompted through the chat template it carries. (llama-index's LlamaCPP
    wraps every prompt in Llama 2's [INST] format; SmolLM2 answered that with bare "[2]".)"""
    if not Path(path).is_file():
        raise LLMError(f"CORPUSQA_LLM=gguf:{path}: no such file")
    from llama_cpp import Llama

    model = Llama(model_path=path, n_ctx=4096, verbose=False)

    def complete(prompt: str) -> str:
        reply = model.create_chat_completion(
            messages=[{"role": "user", "content": prompt}], temperature=0.0, max_tokens=200
        )
        return str(reply["choices"][0]["message"]["content"] or "")

    return complete
