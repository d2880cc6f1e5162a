"""`corpusqa index | search | ask | serve | status`: a thin shell over `QA`."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import textwrap
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from .errors import CorpusQAError
from .records import Answer, Passage
from .settings import Settings


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        settings = Settings.from_env(corpus_dir=args.corpus, index_dir=args.index)
        code = int(args.run(args, settings) or 0)
        sys.stdout.flush()  # a reader that left shows here, where it is handled
        return code
    except CorpusQAError as e:
        print(f"corpusqa: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("corpusqa: interrupted; the previous index is still in place", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `corpusqa ask ... | head`: the reader left; say nothing more, and keep Python's own
        # flush at exit from writing to the closed pipe.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def run() -> None:
    """The console script. Everything is written and flushed when `main` returns, so the
    process ends there: freeing the loaded models and index one object at a time would add a
    quarter of a second to every `corpusqa ask`."""
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, OSError):
        code = code or 1
    logging.shutdown()
    os._exit(code)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="corpusqa", description="Cited answers from news articles.")
    p.add_argument("--corpus", help="corpus folder (CORPUSQA_CORPUS_DIR, default corpus/)")
    p.add_argument("--index", help="index folder (CORPUSQA_INDEX_DIR, default index/)")
    p.add_argument("-v", "--verbose", action="store_true")
    sub = p.add_subparsers(required=True, metavar="COMMAND")
    c = sub.add_parser("index", help="index the corpus (only new or changed articles)")
    c.add_argument("--rebuild", action="store_true", help="re-embed everything")
    c.set_defaults(run=_index)
    for name, run, text in (
        ("search", _search, "print the best passages"),
        ("ask", _ask, "print a short cited answer"),
    ):
        c = sub.add_parser(name, help=text)
        c.add_argument("question")
        if name == "search":  # `ask` reads as many passages as it needs
            c.add_argument("-k", type=int, default=None, help="passages (CORPUSQA_TOP_K)")
        c.add_argument("--outlet", action="append", default=[], help="repeatable")
        c.add_argument("--since", help="YYYY-MM-DD")
        c.add_argument("--until", help="YYYY-MM-DD")
        c.add_argument(
            "--as-of",
            help="YYYY-MM-DD: prefer articles near this date (default: the newest article's)",
        )
        c.set_defaults(run=run)
    c = sub.add_parser("serve", help="start the web chat")
    c.add_argument("--host")
    c.add_argument("--port", type=int)
    c.set_defaults(run=_serve)
    sub.add_parser("status", help="what the index holds").set_defaults(run=_status)
    return p


def _qa(settings: Settings) -> Any:
    from .qa import QA

    return QA(settings)


def _index(args: argparse.Namespace, settings: Settings) -> int:
    from tqdm import tqdm

    bar = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        bar = bar or tqdm(total=total, unit="text", desc="embedding")
        bar.update(done - bar.n)

    report = _qa(settings).build(progress=progress, rebuild=args.rebuild)
    if bar:
        bar.close()
    for problem in report.problems:
        print(f"skipped: {problem}", file=sys.stderr)
    print(f"{report.summary()} ({report.seconds:.1f} s)")
    return 0


def _search(args: argparse.Namespace, settings: Settings) -> int:
    passages = _qa(settings).retrieve(
        args.question,
        k=args.k,
        outlets=args.outlet,
        since=args.since,
        until=args.until,
        as_of=args.as_of,
    )
    if not passages:
        print("no passage matches (check the filters)")
    for i, p in enumerate(passages, 1):
        print(f"[{i}] {_source(p)}  score {p.score:.3f}")
        print(textwrap.indent(textwrap.fill(p.text, 96), "    "), end="\n\n")
    return 0


def _ask(args: argparse.Namespace, settings: Settings) -> int:
    qa = _qa(settings)
    qa.warm()
    answer: Answer = qa.ask(
        args.question, outlets=args.outlet, since=args.since, until=args.until, as_of=args.as_of
    )
    print(answer.text)
    for note in answer.notes:
        print(f"({note})")
    print()
    if answer.refused:
        print("Related reading:" if answer.passages else "")
        for source in dict.fromkeys(_source(p) for p in answer.passages[:5]):
            print(f"  - {source}")
    for c in answer.citations:
        print(
            f'[{c.n}] {c.outlet or "?"}, "{c.title}", {c.published or "undated"}'
            f" (chars {c.start}-{c.end} of {c.article_id})"
        )
        print(textwrap.indent(textwrap.fill(f"“{c.quote}”", 96), "    "))
    return 0


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    from .ui import serve

    serve(replace(settings, host=args.host or settings.host, port=args.port or settings.port))
    return 0


def _status(args: argparse.Namespace, settings: Settings) -> int:
    from .qa import QA

    st = QA(replace(settings, llm="")).status()  # the index only: no answer writer to load
    print(f"{st.folder}: {st.articles} articles, {st.chunks} chunks, built {st.created}")
    return 0


def _source(p: Passage) -> str:
    return f"{p.outlet or '?'} | {p.title} | {p.published or 'undated'} | {p.source}"


if __name__ == "__main__":
    run()
