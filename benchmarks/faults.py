"""What users drop in or do to a running corpusqa, measured on real processes.

    .venv/bin/python benchmarks/faults.py [--only kills,bad,big,load,drop,login]

- kills: `corpusqa index` runs SIGKILLed at random moments, 20 times; after each the index
  must load and answer, and a last run must index everything.
- bad: a folder of bad input (binary, empty, 30 MB text, UTF-16, Latin-1, malformed JSONL lines,
  HTML with a script, link loop, dangling link, link out, unreadable file, folder named x.txt).
- big: reading, cleaning and chunking one article of 1 to 30 MB; indexing 1 and 3 MB.
- load: 50 gradio_client users asking the chat for 60 s.
- drop: seconds from a file written into the corpus folder to an API answer citing it.
- login: 100 wrong passwords against a chat with a login.
Works under benchmarks/work/faults/; writes benchmarks/results/faults.json (--only replaces
just the parts it runs).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from _shared import HERE, RTQA, percentiles, rows, save

WORK = HERE / "work" / "faults"
SEED = HERE.parents[1] / "shared" / "seed-corpus"
BIN = Path(sys.executable).parent / "corpusqa"


def env(corpus: Path, index: Path, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "CORPUSQA_CORPUS_DIR": str(corpus),
        "CORPUSQA_INDEX_DIR": str(index),
        **extra,
    }


# Root reads any file whatever its mode; without these two capabilities it meets a locked file.
AS_USER = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"] if os.geteuid() == 0 else []


def run(
    *args: str, environ: dict[str, str], locked_out: bool = False, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    prefix = AS_USER if locked_out else []
    return subprocess.run(
        [*prefix, str(BIN), *args], env=environ, capture_output=True, text=True, timeout=timeout
    )


def news(n: int, start: int = 0) -> list[str]:
    """RealTime QA articles as .txt bodies: headline, blank line, text."""
    lines = rows(RTQA / "articles.jsonl")[start : start + n]
    return [f"{a['title']}\n\n{a['text']}\n" for a in lines]


def kills(rounds: int = 20) -> dict[str, Any]:
    from corpusqa import QA, Settings
    from corpusqa.parse import read_corpus

    root = WORK / "kills"
    shutil.rmtree(root, ignore_errors=True)
    corpus, index = root / "corpus", root / "index"
    shutil.copytree(SEED, corpus)
    bodies = news(10 + 5 * rounds)
    for i, body in enumerate(bodies[:10]):
        (corpus / f"n{i:03}.txt").write_text(body)
    started = time.perf_counter()
    assert run("index", environ=env(corpus, index)).returncode == 0
    full = time.perf_counter() - started
    qa = QA(Settings.from_env(corpus_dir=corpus, index_dir=index))
    rng = random.Random(7)
    broken, answered, moments = 0, 0, []
    for r in range(rounds):
        for j in range(5):  # five new articles a round, and one changed
            (corpus / f"n{10 + 5 * r + j:03}.txt").write_text(bodies[10 + 5 * r + j])
        (corpus / "n000.txt").write_text(bodies[0] + f"\nUpdated in round {r}.\n")
        moment = rng.uniform(0.2, full * 1.2)
        moments.append(round(moment, 2))
        proc = subprocess.Popen(
            [str(BIN), "index"],
            env=env(corpus, index),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(moment)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        try:
            answered += bool(qa.retrieve("Who doubted the withdrawal?", k=3))
        except Exception as e:  # noqa: BLE001 - any failure to load is what is counted
            broken += 1
            print(f"round {r}: {type(e).__name__}: {e}", file=sys.stderr)
    last = run("index", environ=env(corpus, index), timeout=900)
    indexed = set(QA(Settings.from_env(corpus_dir=corpus, index_dir=index)).searcher.index.articles)
    expected = {a.id for a in read_corpus(corpus).articles}
    return {
        "rounds": rounds,
        "unkilled_run_s": round(full, 1),
        "kill_after_s": moments,
        "unloadable_after_kill": broken,
        "answered_after_kill": answered,
        "last_run_ok": last.returncode == 0,
        "articles_missing_after": len(expected - indexed),
        "leftover_tmp_folders": len(list(index.glob(".tmp-*"))),
    }


BAD = {  # file name -> the reason `corpusqa index` must give
    "binary.txt": "binary file",
    "empty.txt": "no text",
    "huge.txt": "CORPUSQA_MAX_ARTICLE_MB",
    "loop-a.txt": "broken or looping link",
    "loop-b.txt": "broken or looping link",
    "dangling.txt": "broken or looping link",
    "out.txt": "outside the corpus folder",
    "locked.txt": "cannot be read",
    "folder.txt": "a folder",
    "feed.jsonl:2": "malformed JSON",
    "feed.jsonl:4": "malformed JSON",
}


def bad_folder(corpus: Path) -> None:
    shutil.copytree(SEED, corpus)
    one, two, three, four = news(4, start=100)
    (corpus / "binary.txt").write_bytes(b"PK\x03\x04\x00\x00" + os.urandom(4000))
    (corpus / "empty.txt").write_text("")
    (corpus / "huge.txt").write_text(three * (30 * 2**20 // len(three) + 1))
    (corpus / "utf16.txt").write_text(one, encoding="utf-16")
    (corpus / "latin1.txt").write_bytes(
        "Café society in Zürich\n\nLe café était plein à craquer, dit-on, après la fête.\n".encode(
            "latin-1"
        )
    )
    record = '{"id": "feed-%d", "title": "Feed item %d", "text": "%s"}'
    (corpus / "feed.jsonl").write_text(
        "\n".join(
            [
                record % (1, 1, "A first good line about the harbour."),
                "{not json",
                record % (3, 3, "A third good line about the ferry."),
                '["a list"]',
            ]
        )
        + "\n"
    )
    (corpus / "page.html").write_text(
        f"<html><head><title>Script page</title></head><body><h1>"
        f"Script page</h1><script>fetch('http://127.0.0.1:9/x')"
        f"</script><p>{two}</p></body></html>"
    )
    (corpus / "loop-a.txt").symlink_to(corpus / "loop-b.txt")
    (corpus / "loop-b.txt").symlink_to(corpus / "loop-a.txt")
    (corpus / "dangling.txt").symlink_to(corpus / "missing.txt")
    (corpus.parent / "secret.txt").write_text("Secret\n\nOutside the corpus.\n")
    (corpus / "out.txt").symlink_to(corpus.parent / "secret.txt")
    (corpus / "locked.txt").write_text(four)
    (corpus / "folder.txt").mkdir()


def bad() -> dict[str, Any]:
    from corpusqa import QA, Settings

    root = WORK / "bad"
    shutil.rmtree(root, ignore_errors=True)
    corpus, index = root / "corpus", root / "index"
    bad_folder(corpus)
    (corpus / "locked.txt").chmod(0)
    started = time.perf_counter()
    first = run("index", environ=env(corpus, index), locked_out=True)
    seconds = time.perf_counter() - started
    second = run("index", environ=env(corpus, index), locked_out=True)
    named = re.findall(r"^skipped: (\S+?)(:\d+)?: (.*)$", first.stderr, re.M)
    said = {Path(path).name + line: reason for path, line, reason in named}
    wrong = {name: said.get(name) for name, why in BAD.items() if why not in said.get(name, "")}
    ix = QA(Settings.from_env(corpus_dir=corpus, index_dir=index)).searcher.index
    good = {p.stem for p in SEED.glob("*.txt")} | {"utf16", "latin1", "page", "feed-1", "feed-3"}
    script_kept = any("fetch(" in a.body for a in ix.articles.values())
    return {
        "exit_code": first.returncode,
        "seconds": round(seconds, 1),
        "skipped_lines": len(named),
        "bad_named_once_with_reason": len(BAD) - len(wrong),
        "bad_files": len(BAD),
        "misnamed": wrong,
        "named_more_than_once": len(named) - len(said),
        "good_indexed": len(good & set(ix.articles)),
        "good_files": len(good),
        "missing": sorted(good - set(ix.articles)),
        "script_text_in_index": script_kept,
        "second_run": second.stdout.strip().splitlines()[-1:],
    }


def big(sizes: tuple[int, ...] = (1, 3, 10, 30)) -> dict[str, Any]:
    from corpusqa.chunk import chunk_article
    from corpusqa.parse import read_file

    root = WORK / "big"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    body = "\n\n".join(news(200))
    out: dict[str, Any] = {"read_clean_chunk_s": {}, "index_s": {}}
    for mb in sizes:
        path = root / f"big{mb}.txt"
        text = "A very long article\n\n" + body * (mb * 2**20 // len(body) + 1)
        path.write_text(text[: text.rfind("\n\n", 0, mb * 2**20)])  # whole paragraphs, mb MB
        started = time.perf_counter()
        (article,) = read_file(path, root, max_article_mb=64)
        chunks = chunk_article(article, 120, 1)  # type: ignore[arg-type]
        out["read_clean_chunk_s"][f"{mb} MB"] = round(time.perf_counter() - started, 2)
        out.setdefault("chunks", {})[f"{mb} MB"] = len(chunks)
    for mb in sizes[:2]:
        corpus = root / f"corpus{mb}"
        corpus.mkdir()
        shutil.copy(root / f"big{mb}.txt", corpus)
        started = time.perf_counter()
        done = run(
            "index",
            environ=env(corpus, root / f"index{mb}", CORPUSQA_MAX_ARTICLE_MB="64"),
            timeout=3600,
        )
        out["index_s"][f"{mb} MB"] = round(time.perf_counter() - started, 1)
        out.setdefault("index_summary", {})[f"{mb} MB"] = done.stdout.strip()
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def server(corpus: Path, index: Path, **extra: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    proc = subprocess.Popen(
        [str(BIN), "serve", "--port", str(port)],
        env=env(corpus, index, **extra),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    for _ in range(600):
        try:
            socket.create_connection(("127.0.0.1", port), 0.5).close()
            return proc, url
        except OSError:
            time.sleep(0.5)
    proc.kill()
    raise RuntimeError("the chat did not start")


def seed_server(name: str, **extra: str) -> tuple[subprocess.Popen[bytes], str, Path]:
    root = WORK / name
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(SEED, root / "corpus")
    proc, url = server(root / "corpus", root / "index", **extra)
    return proc, url, root / "corpus"


QUESTIONS = [
    "Who doubted the withdrawal?",
    "What did Stoltenberg say about the troops?",
    "How many troops did Russia have near the border?",
    "When did Russia announce it?",
    "What happened to the rouble?",
    "Who is Jens Stoltenberg?",
    "What did the FTSE do?",
    "Which country did the US warn?",
]


def load(clients: int = 50, seconds: float = 60.0) -> dict[str, Any]:
    from gradio_client import Client

    proc, url, _ = seed_server("load")
    times: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def user(n: int) -> None:
        client = Client(url, verbose=False)
        while time.perf_counter() < stop:
            started = time.perf_counter()
            try:
                reply = client.predict(QUESTIONS[n % len(QUESTIONS)], [], "", "", api_name="/chat")
                ok = isinstance(reply, str) and reply.strip()
                with lock:
                    (
                        times.append(time.perf_counter() - started)
                        if ok
                        else errors.append(f"empty reply {reply!r}")
                    )
            except Exception as e:  # noqa: BLE001 - every failure a user would see is counted
                with lock:
                    errors.append(f"{type(e).__name__}: {e}")
            n += 1

    try:
        threads = [threading.Thread(target=user, args=(n,)) for n in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        proc.kill()
    return {
        "clients": clients,
        "seconds": seconds,
        "answers": len(times),
        "errors": len(errors),
        "first_errors": errors[:3],
        **percentiles(times),
        "answers_per_s": round(len(times) / seconds, 1),
    }


DROPPED = (
    "The Harbour Courier\n\nLighthouse keeper {name} retired on Friday after {n} years at "
    "the Skerry Point light, the harbour board said.\n"
)


def drop(times: int = 5) -> dict[str, Any]:
    from gradio_client import Client

    proc, url, corpus = seed_server("drop")
    client = Client(url, verbose=False)
    waits = []
    try:
        for i, name in enumerate(
            ["Ada Quill", "Bram Tove", "Cora Lind", "Dov Marr", "Eli Sand"][:times]
        ):
            (corpus / f"keeper{i}.txt").write_text(DROPPED.format(name=name, n=20 + i))
            started = time.perf_counter()
            while name not in client.predict(
                f"Which lighthouse keeper retired after {20 + i} years?",
                [],
                "",
                "",
                api_name="/chat",
            ):
                if time.perf_counter() - started > 120:
                    break
                time.sleep(0.2)
            waits.append(time.perf_counter() - started)
    finally:
        proc.kill()
    return {
        "drops": len(waits),
        "seconds": [round(w, 1) for w in waits],
        "median_s": round(statistics.median(waits), 1),
        "max_s": round(max(waits), 1),
    }


def login(attempts: int = 100) -> dict[str, Any]:
    import urllib.error
    import urllib.parse
    import urllib.request

    proc, url, _ = seed_server("login", CORPUSQA_AUTH="editor:s3cret")

    def attempt(password: str) -> int:
        form = urllib.parse.urlencode({"username": "editor", "password": password}).encode()
        try:
            return int(urllib.request.urlopen(url + "login", form).status)
        except urllib.error.HTTPError as e:
            return int(e.code)

    try:
        started = time.perf_counter()
        codes = [attempt(f"guess{i}") for i in range(attempts)]
        seconds = time.perf_counter() - started
        checked = codes.count(400)
        started = time.perf_counter()
        while attempt("s3cret") != 200:  # the owner, after the attack, waits this long
            time.sleep(1)
        owner_wait = time.perf_counter() - started
    finally:
        proc.kill()
    return {
        "attempts": attempts,
        "seconds": round(seconds, 2),
        "checked": checked,
        "held_back_429": codes.count(429),
        "owner_waited_s": round(owner_wait, 1),
    }


def main() -> None:
    steps = {"kills": kills, "bad": bad, "big": big, "load": load, "drop": drop, "login": login}
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", default=",".join(steps))
    names = parser.parse_args().only.split(",")
    result: dict[str, Any] = {}
    for name in names:
        started = time.perf_counter()
        result[name] = steps[name]()
        print(f"[{name}] {time.perf_counter() - started:.0f} s: {result[name]}", flush=True)
    earlier = HERE / "results" / "faults.json"  # a part re-run replaces only its own figures
    save("faults", {**(json.loads(earlier.read_text()) if earlier.exists() else {}), **result})


if __name__ == "__main__":
    main()
