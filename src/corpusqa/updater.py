"""Articles added while the chat runs: uploads saved into the corpus, and index updates in the
background while the chat keeps answering from the previous version."""

from __future__ import annotations

import logging
import os
import re
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .errors import CorpusQAError
from .parse import SUFFIXES
from .qa import QA
from .settings import Settings

log = logging.getLogger(__name__)


class Updater:
    """Runs index updates in the background, one at a time, and says how far they are."""

    def __init__(self, qa: QA) -> None:
        self.qa = qa
        self.state = "idle"
        self.last = ""
        self._wanted = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._seen = self._signature()

    def request(self) -> None:
        self._wanted.set()
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, daemon=True)
                self._thread.start()

    def watch(self, seconds: float) -> None:
        """Look at the corpus folder every `seconds` from a thread of the server's own, so files
        dropped in are indexed whether or not a page is open (0: no watching)."""
        if seconds <= 0:
            return

        def loop() -> None:
            while not self._stop.wait(seconds):
                try:
                    self.poll_folder()
                except OSError as e:  # a folder changing under the scan; the next look retries
                    log.info("corpus scan: %s", e)

        name = f"corpusqa-watch {self.qa.settings.corpus_dir}"
        threading.Thread(target=loop, name=name, daemon=True).start()

    def stop(self) -> None:
        self._stop.set()

    def poll_folder(self) -> None:
        """Articles dropped into the corpus folder are noticed by their names, sizes and times."""
        now = self._signature()
        if now != self._seen:
            self._seen = now
            self.request()

    def _signature(self) -> tuple[tuple[str, int, int], ...]:
        folder = self.qa.settings.corpus_dir
        if not folder.is_dir():
            return ()
        found = []
        for path in folder.rglob("*"):
            if path.is_file():
                info = path.stat()
                found.append((str(path), info.st_size, info.st_mtime_ns))
        return tuple(sorted(found))

    def _run(self) -> None:
        while self._wanted.is_set():
            self._wanted.clear()
            self.state = "indexing: reading articles"
            try:
                report = self.qa.build(progress=self._progress)
                self.last = report.summary() + "".join(f"\nskipped: {p}" for p in report.problems)
            except CorpusQAError as e:
                self.last = f"index update failed: {e}"
            except Exception as e:  # the page must hear of it; the log keeps the trace
                log.exception("index update failed")
                self.last = f"index update failed: {type(e).__name__}: {e}"
            self._seen = self._signature()
        self.state = "idle"

    def _progress(self, done: int, total: int) -> None:
        self.state = f"indexing: {done}/{total} chunks and sentences embedded"

    @property
    def busy(self) -> bool:
        return self.state != "idle"


def save_uploads(files: Sequence[Any] | None, settings: Settings) -> tuple[list[str], list[str]]:
    """Copy uploaded files into the corpus under safe names; returns (saved, refused)."""
    saved, refused = [], []
    target = settings.corpus_dir / "uploads"
    for f in files or []:
        # Gradio hands over paths; older versions wrapped them in objects with a .name.
        path = Path(f) if isinstance(f, str | os.PathLike) else Path(f.name)
        name = safe_name(path.name)
        if Path(name).suffix.lower() not in SUFFIXES:
            refused.append(f"{path.name}: only .txt, .md, .html and .jsonl files are accepted")
            continue
        if path.stat().st_size > settings.upload_max_mb * 2**20:
            refused.append(f"{path.name}: larger than {settings.upload_max_mb} MB")
            continue
        target.mkdir(parents=True, exist_ok=True)
        dest = target / name
        n = 1
        while dest.exists():
            dest = target / f"{Path(name).stem}-{n}{Path(name).suffix}"
            n += 1
        dest.write_bytes(path.read_bytes())
        saved.append(dest.name)
    return saved, refused


def safe_name(name: str) -> str:
    """A file name that stays inside the corpus folder: no separators, no leading dots."""
    base = re.split(r"[\\/]", name)[-1]
    base = re.sub(r"[^\w.-]+", "_", base).lstrip("._") or "upload.txt"
    return base[:120]
