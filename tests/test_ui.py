"""The chat: the reply function, a real Gradio server, and a real browser."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import ROOT, SEED, CountingEmbedder

from corpusqa.qa import QA
from corpusqa.settings import Settings
from corpusqa.ui import reply, serve
from corpusqa.updater import Updater, safe_name, save_uploads

ARTIFACTS = ROOT / "tests" / "artifacts"
HOSTILE = """Evil Gazette
Town Fair Draws Record Crowd of Visitors This Weekend
5 March 2022
The town fair drew nine thousand visitors <script>window.__pwned = 1</script> and \
<img src=x onerror="window.__pwned=2"> <a href="javascript:window.__pwned=3">rides</a>, \
organisers said on Sunday.
Organisers said the fair will return next year with more rides and a bigger car park.
"""
NEW = """Harbour Courier
Lighthouse Keeper Retires After Forty Years of Service
4 March 2022
Lighthouse keeper Morag Abernethy retired on Friday after forty years at the Skerry light.
She said the hardest winter was 1987, when storms cut the island off for six weeks.
"""


SCRIPTED = """<html><head><title>Harbour Gala Raises Funds for the Lifeboat</title></head><body>
<h1>Harbour Gala Raises Funds for the Lifeboat</h1>
<p>Harbour Courier, 6 March 2022</p>
<p>The harbour gala raised four thousand pounds for the lifeboat crew on Saturday.</p>
<script>fetch("http://127.0.0.1:LISTENER/script-ran")</script>
<img src="http://127.0.0.1:LISTENER/image-loaded">
<p>Organisers thanked the volunteers who ran the stalls.</p>
</body></html>
"""


class Listener:
    """A loopback HTTP server that records every request it gets."""

    def __init__(self) -> None:
        import http.server

        hits: list[str] = []
        self.hits = hits

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                hits.append(self.path)
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(predicate: Callable[[], object], timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(0.3)
    raise AssertionError("timed out waiting")


def test_reply_renders_answer_and_cards(seed_qa: QA) -> None:
    html = reply(seed_qa, Updater(seed_qa), "Who doubted the withdrawal?", [])
    assert "Jens Stoltenberg" in html and "<mark>" in html and "cqa-card" in html
    assert "Sputnik International" in html and "London Loves Business" in html


def test_reply_turns_errors_into_messages(seed_qa: QA) -> None:
    updater = Updater(seed_qa)
    assert "the question is empty" in reply(seed_qa, updater, "  ", [])
    assert "inverted" in reply(seed_qa, updater, "troops", [], None, "2022-03-01", "2022-01-01")
    assert "unknown outlet" in reply(seed_qa, updater, "troops", [], ["Reuters"])
    missing = QA(Settings(index_dir=Path("/nonexistent/index")), embedder=seed_qa.embedder)
    assert "corpusqa index" in reply(missing, Updater(missing), "troops?", [])
    assert "does not answer" in reply(seed_qa, updater, "What is the capital of Australia?", [])


def test_uploads_are_checked_and_cannot_escape(tmp_path: Path) -> None:
    settings = Settings(corpus_dir=tmp_path / "corpus", index_dir=tmp_path / "index")
    good = tmp_path / "ok.txt"
    good.write_text(NEW)
    bad = tmp_path / "run.exe"
    bad.write_text("x")
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (2 * 2**20))
    saved, refused = save_uploads(
        [good, bad, big, good], Settings(corpus_dir=settings.corpus_dir, upload_max_mb=1)
    )
    assert saved == ["ok.txt", "ok-1.txt"] and len(refused) == 2
    assert safe_name("../../etc/passwd") == "passwd"
    assert safe_name("..\\..\\x y.md") == "x_y.md" and safe_name(".hidden.txt") == "hidden.txt"


@pytest.fixture(scope="module")
def server(
    tmp_path_factory: pytest.TempPathFactory, embedder: CountingEmbedder
) -> Iterator[tuple[str, Settings]]:
    folder = tmp_path_factory.mktemp("server")
    shutil.copytree(SEED, folder / "corpus")
    settings = Settings(corpus_dir=folder / "corpus", index_dir=folder / "index", port=free_port())
    QA(settings, embedder=embedder).build()
    app = serve(settings, block=False)
    yield f"http://127.0.0.1:{settings.port}/", settings
    app.close()


def test_articles_are_served_as_plain_text_and_corpus_files_not_at_all(
    server: tuple[str, Settings],
) -> None:
    import urllib.error
    import urllib.request

    url, settings = server
    with urllib.request.urlopen(f"{url}article/000_75a7cf6cedd97c9f") as r:
        assert r.headers["Content-Type"].startswith("text/plain")
        assert r.headers["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in r.headers["Content-Security-Policy"]
        assert "Kremlin spokesman Dmitry Peskov" in r.read().decode()
    raw = (settings.corpus_dir / "000_75a7cf6cedd97c9f.txt").resolve()
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(f"{url}gradio_api/file={raw}")


def test_real_server_answers_through_gradio_client(server: tuple[str, Settings]) -> None:
    from gradio_client import Client

    url, _ = server
    client = Client(url, verbose=False)
    html = client.predict("Who doubted the withdrawal?", [], "", "", api_name="/chat")
    assert "Jens Stoltenberg" in html and "cqa-card" in html
    html = client.predict("Who doubted the withdrawal?", ["London Loves"], "", "", api_name="/chat")
    assert "London Loves Business" in html and "Sputnik International" not in html


def chromium() -> str:
    path = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.skip("Debian's chromium is not installed (make test installs it as root)")
    return path


@pytest.mark.browser
def test_browser_asks_uploads_and_stays_inert(server: tuple[str, Settings], tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    url, settings = server
    hostile, new = tmp_path / "fair.txt", tmp_path / "lighthouse.txt"
    hostile.write_text(HOSTILE)
    new.write_text(NEW)
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium(),
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        page = browser.new_page(viewport={"width": 1300, "height": 950})
        page.goto(url)

        def ask(question: str, expect: str) -> None:
            page.locator("#question textarea").fill(question)
            page.keyboard.press("Enter")
            page.locator("#chat .cqa-card", has_text=expect).last.wait_for(timeout=60_000)

        ask("Who doubted the withdrawal?", "Sputnik International")
        assert "Jens Stoltenberg" in page.locator("#chat").inner_text()
        page.screenshot(path=str(ARTIFACTS / "chat.png"), full_page=True)

        page.locator("#upload input[type=file]").set_input_files([str(hostile), str(new)])
        page.locator("#upload-button").click()
        page.locator("#status").get_by_text("4 articles").wait_for(timeout=120_000)
        ask("When did the lighthouse keeper retire?", "Harbour Courier")
        assert (
            "Morag Abernethy" in page.locator("#chat").inner_text()
            or "Friday" in page.locator("#chat").inner_text()
        )

        ask("How many visitors came to the town fair?", "Evil Gazette")
        chat = page.locator("#chat").inner_text()
        assert "<script>" in chat  # shown as text ...
        assert page.evaluate("window.__pwned") is None  # ... and never run
        assert page.locator("#chat a[href^='javascript']").count() == 0
        page.screenshot(path=str(ARTIFACTS / "upload.png"), full_page=True)

        # An uploaded web page with a script: its citation opens its text, which runs nothing.
        listener = Listener()
        scripted = tmp_path / "gala.html"
        scripted.write_text(SCRIPTED.replace("LISTENER", str(listener.port)))
        page.locator("#upload input[type=file]").set_input_files([str(scripted)])
        page.locator("#upload-button").click()
        page.locator("#status").get_by_text("5 articles").wait_for(timeout=120_000)
        ask("How much did the harbour gala raise for the lifeboat?", "Harbour Gala")
        link = page.locator("#chat .cqa-card a", has_text="Harbour Gala").last
        with page.context.expect_page() as opened:
            link.click()
        article = opened.value
        article.wait_for_load_state()
        assert "/article/" in article.url
        assert "four thousand pounds" in article.content()
        raw = settings.corpus_dir / "uploads" / "gala.html"
        article.goto(f"{url}gradio_api/file={raw.resolve()}")  # the file itself: not served
        time.sleep(1.5)
        assert listener.hits == []
        listener.close()
        browser.close()
    assert (settings.corpus_dir / "uploads" / "lighthouse.txt").exists()


def test_article_text_needs_the_login_and_wrong_passwords_slow_down(
    tmp_path: Path, embedder: CountingEmbedder
) -> None:
    import urllib.error
    import urllib.parse
    import urllib.request

    shutil.copytree(SEED, tmp_path / "corpus")
    settings = Settings(
        corpus_dir=tmp_path / "corpus",
        index_dir=tmp_path / "index",
        port=free_port(),
        auth="editor:s3cret",
    )
    QA(settings, embedder=embedder).build()
    app = serve(settings, block=False)
    try:
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"http://127.0.0.1:{settings.port}/article/000_75a7cf6cedd97c9f")
        assert refused.value.code == 401

        def login(password: str) -> int:
            form = urllib.parse.urlencode({"username": "editor", "password": password}).encode()
            try:
                return int(
                    urllib.request.urlopen(f"http://127.0.0.1:{settings.port}/login", form).status
                )
            except urllib.error.HTTPError as e:
                return e.code

        assert login("s3cret") == 200
        codes = [login(f"guess{i}") for i in range(20)]
        assert codes[:5] == [400] * 5 and set(codes[5:]) == {429}  # held back, not even checked
        assert login("s3cret") == 429  # until the wait is over
    finally:
        app.close()


def test_articles_dropped_in_are_answered_without_any_page_open(
    tmp_path: Path, embedder: CountingEmbedder
) -> None:
    from gradio_client import Client

    shutil.copytree(SEED, tmp_path / "corpus")
    settings = Settings(
        corpus_dir=tmp_path / "corpus",
        index_dir=tmp_path / "index",
        port=free_port(),
        watch_seconds=0.5,
    )
    QA(settings, embedder=embedder).build()
    (settings.corpus_dir / "lighthouse.txt").write_text(NEW)  # while the server is down
    app = serve(settings, block=False)
    try:
        client = Client(f"http://127.0.0.1:{settings.port}/", verbose=False)

        def answers(question: str, expect: str) -> bool:
            return expect in client.predict(question, [], "", "", api_name="/chat")

        wait_for(lambda: answers("When did the lighthouse keeper retire?", "Harbour Courier"))
        (settings.corpus_dir / "fair.txt").write_text(HOSTILE)  # while it runs
        wait_for(lambda: answers("How many visitors came to the town fair?", "Evil Gazette"))
    finally:
        app.close()
    # Closing the server ends its folder watch too.
    watch = f"corpusqa-watch {settings.corpus_dir}"
    wait_for(lambda: not any(t.name == watch for t in threading.enumerate()))
