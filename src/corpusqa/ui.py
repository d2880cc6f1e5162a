"""The web chat: answers with source cards, filters, uploads, and index updates while it runs."""

from __future__ import annotations

import html
import ipaddress
import logging
import os
import re
import sys
from collections.abc import Sequence
from typing import Any

from .articleview import add_article_view, link
from .errors import CorpusQAError
from .parse import SUFFIXES
from .qa import QA
from .records import Answer, Citation
from .settings import Settings
from .throttle import LoginThrottle
from .updater import Updater, save_uploads

log = logging.getLogger(__name__)
CSS = """
.cqa-card {border:1px solid #ddd; border-radius:8px; padding:8px 10px; margin:8px 0}
.cqa-meta {font-size:0.85em; color:#555; margin-bottom:4px}
.cqa-card mark {background:#fde68a; padding:0 2px}
.cqa-note {font-size:0.85em; color:#92400e}
"""


def status(qa: QA, updater: Updater) -> str:
    try:
        st = qa.status()
        text = (
            f"**{st.articles} articles**, {st.chunks} chunks · "
            f"updated {st.created[:19].replace('T', ' ')}"
        )
    except CorpusQAError as e:
        text = f"No index yet ({e})"
    if updater.busy:
        text += f" · ⏳ {updater.state}"
    if updater.last:
        text += f"\n\nLast update: {html.escape(updater.last)}"
    return text


def reply(
    qa: QA,
    updater: Updater,
    message: str,
    history: Sequence[Any],
    outlets: Sequence[str] | None = None,
    since: str = "",
    until: str = "",
) -> str:
    """The chat's answer as HTML; every error becomes a sentence, never a trace."""
    try:
        answer = qa.ask(
            message,
            history=list(history or []),
            outlets=list(outlets or []),
            since=(since or "").strip() or None,
            until=(until or "").strip() or None,
        )
    except CorpusQAError as e:
        hint = " An index update is running; try again in a moment." if updater.busy else ""
        return f"<p>⚠️ {html.escape(str(e))}.{hint}</p>"
    except Exception as e:
        log.exception("answering %r failed", message)
        return f"<p>⚠️ Something went wrong while answering ({html.escape(type(e).__name__)}).</p>"
    return render(answer)


def render(answer: Answer) -> str:
    parts = [f"<p>{_markers(html.escape(answer.text))}</p>"]
    parts += [f"<p class='cqa-note'>{html.escape(n)}</p>" for n in answer.notes]
    if answer.refused and answer.passages:
        seen = dict.fromkeys(
            (p.outlet, p.title, p.published, p.source, p.article_id) for p in answer.passages
        )
        items = "".join(f"<li>{_meta(*row)}</li>" for row in seen)
        parts.append(f"<p>Related reading (not an answer):</p><ul>{items}</ul>")
    parts += [_card(c) for c in answer.citations]
    return "".join(parts)


def _card(c: Citation) -> str:
    before = c.context[: c.start - c.context_start]
    after = c.context[c.end - c.context_start :]
    quote = f"{html.escape(before)}<mark>{html.escape(c.quote)}</mark>{html.escape(after)}"
    meta = _meta(c.outlet, c.title, c.published, c.source, c.article_id)
    return (
        f"<div class='cqa-card'><div class='cqa-meta'><b>[{c.n}]</b> {meta}</div>"
        f"<div>{quote}</div></div>"
    )


def _meta(
    outlet: str | None, title: str, published: str | None, source: str, article_id: str
) -> str:
    url = link(source, article_id)
    headline = html.escape(title)
    headline = f"<a href='{html.escape(url)}' target='_blank'>{headline}</a>"
    when = html.escape(published or "undated")
    return f"<b>{html.escape(outlet or 'unknown outlet')}</b> · {when} · {headline}"


def _markers(escaped: str) -> str:
    return re.sub(r"\[(\d+)\]", r"<sup>[\1]</sup>", escaped)


def build_app(qa: QA, updater: Updater) -> Any:
    import gradio as gr

    def respond(
        message: str, history: list[Any], outlets: list[str], since: str, until: str
    ) -> str:
        return reply(qa, updater, message, history, outlets, since, until)

    def upload(files: list[Any] | None) -> tuple[str, None]:
        saved, refused = save_uploads(files, qa.settings)
        if saved:
            updater.request()
        lines = [f"added {html.escape(s)}" for s in saved] + [html.escape(r) for r in refused]
        return "\n\n".join(lines) or "no file chosen", None

    def tick() -> tuple[str, Any]:
        try:
            outlets = qa.outlets()
        except CorpusQAError:
            outlets = []
        return status(qa, updater), gr.update(choices=outlets)

    with gr.Blocks(title="corpusqa", analytics_enabled=False) as app:
        gr.Markdown("## corpusqa · cited answers from your news articles")
        state = gr.Markdown(status(qa, updater), elem_id="status")
        with gr.Row():
            with gr.Column(scale=1, min_width=260):
                gr.Markdown("### Filters")
                outlets = gr.Dropdown(
                    [],
                    multiselect=True,
                    label="Outlets",
                    allow_custom_value=True,
                    elem_id="outlets",
                )
                since = gr.Textbox(label="From (YYYY-MM-DD)", elem_id="since")
                until = gr.Textbox(label="To (YYYY-MM-DD)", elem_id="until")
                gr.Markdown("### Add articles")
                files = gr.File(
                    file_count="multiple",
                    file_types=sorted(SUFFIXES),
                    elem_id="upload",
                    label=".txt .md .html .jsonl",
                )
                added = gr.Markdown(elem_id="upload-result")
                gr.Button("Add to the index", elem_id="upload-button").click(
                    upload, files, [added, files], api_name="upload"
                )
            with gr.Column(scale=3):
                gr.ChatInterface(
                    respond,
                    additional_inputs=[outlets, since, until],
                    chatbot=gr.Chatbot(elem_id="chat", height=560, sanitize_html=True),
                    textbox=gr.Textbox(
                        placeholder="Ask about the articles…", elem_id="question", submit_btn=True
                    ),
                    examples=[["Who doubted the withdrawal?", None, "", ""]],
                    cache_examples=False,
                    api_name="chat",
                )
        timer = gr.Timer(2.0)
        timer.tick(tick, None, [state, outlets], show_progress="hidden")
    return app


def serve(settings: Settings, block: bool = True) -> Any:
    """Build the index on first run (progress in the terminal), then start the chat."""
    from starlette.middleware import Middleware

    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    qa = QA(settings)
    try:
        qa.searcher  # noqa: B018 - loads the index, or says there is none
    except CorpusQAError:
        print(f"building the index of {settings.corpus_dir} (first run)...", file=sys.stderr)
        _first_build(qa)
    auth = tuple(settings.auth.split(":", 1)) if ":" in settings.auth else None
    if not _loopback(settings.host) and auth is None:
        print(
            f"WARNING: the chat listens on {settings.host}, reachable from other machines, "
            "with no login. Set CORPUSQA_AUTH=user:password to require one.",
            file=sys.stderr,
        )
    qa.warm()
    updater = Updater(qa)
    updater.request()  # files added while the server was down: an update, a no-op if none
    updater.watch(settings.watch_seconds)
    app = build_app(qa, updater)
    app.queue(default_concurrency_limit=4)
    app.launch(
        server_name=settings.host,
        server_port=settings.port,
        auth=auth,
        app_kwargs={"middleware": [Middleware(LoginThrottle)]} if auth else None,
        max_file_size=f"{settings.upload_max_mb}mb",
        prevent_thread_lock=True,
        css=CSS,
        quiet=not block,
        ssr_mode=False,
        footer_links=[],
    )
    add_article_view(app.app, qa)
    close = app.close

    def close_all(*args: Any, **kwargs: Any) -> Any:  # the folder watch ends with the server
        updater.stop()
        return close(*args, **kwargs)

    app.close = close_all
    if block:
        app.block_thread()
    return app


def _first_build(qa: QA) -> None:
    from tqdm import tqdm

    with tqdm(unit="text", desc="embedding") as bar:

        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)

        report = qa.build(progress=progress)
    print(report.summary(), file=sys.stderr)


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        serve(Settings.from_env())
    except CorpusQAError as e:
        print(f"corpusqa: {e}", file=sys.stderr)
        sys.exit(1)
