"""Read the articles of a corpus folder: .txt, .md, .html and .jsonl, one `Article` each.

An unreadable file or record is reported as an `ArticleError` and skipped; the rest go on.
Metadata the text does not carry can be given in a sidecar `<name>.meta.json` beside the file.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from .clean import clean_lines, find_date
from .errors import ArticleError, CorpusError
from .htmlpage import PageText
from .records import Article
from .textfile import read_text

log = logging.getLogger(__name__)

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".jsonl"}
META_SUFFIX = ".meta.json"
MAX_ARTICLE_MB = 5.0  # one article's text


Stat = tuple[int, ...]  # size and mtime of a file and of its sidecar (changes.corpus_stats)


@dataclass(frozen=True)
class Corpus:
    articles: list[Article]  # the articles read
    files: dict[str, str]  # article id -> file, relative to the corpus folder
    problems: list[ArticleError]
    failed_files: frozenset[str]  # files with at least one problem
    stats: dict[str, Stat] = field(default_factory=dict)  # files read whole, or reused
    reused: list[str] = field(default_factory=list)  # ids of articles of files not read again


def read_corpus(
    corpus_dir: Path,
    max_article_mb: float = MAX_ARTICLE_MB,
    reuse: Mapping[str, list[str]] | None = None,
    stats: Mapping[str, Stat] | None = None,
) -> Corpus:
    """Every article under `corpus_dir`, and the problems met on the way; a file in `reuse`
    (unchanged since it was indexed: file -> its article ids) is not read again, its articles
    stay as indexed (`Corpus.reused`). `stats` are the files' stats taken before `reuse` was
    decided on."""
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        raise CorpusError(f"corpus folder {corpus_dir} does not exist (set CORPUSQA_CORPUS_DIR)")
    articles: dict[str, Article] = {}
    files: dict[str, str] = {}
    problems: list[ArticleError] = []
    failed: set[str] = set()
    reused: list[str] = []
    for path in corpus_files(corpus_dir):
        rel = path.relative_to(corpus_dir).as_posix()
        known = (reuse or {}).get(rel)
        if known is not None:
            for aid in known:
                if aid in files:  # a file read before it now holds this id too
                    problems.append(ArticleError(rel, f"duplicate article id {aid!r}"))
                    failed.add(rel)
                    continue
                reused.append(aid)
                files[aid] = rel
            continue
        for item in read_file(path, corpus_dir, max_article_mb):
            if isinstance(item, Article) and (item.id in articles or item.id in files):
                item = ArticleError(item.source, f"duplicate article id {item.id!r}")
            if isinstance(item, ArticleError):
                problems.append(item)
                failed.add(rel)
                log.warning("skipped %s", item)
            else:
                articles[item.id] = item
                files[item.id] = rel
    whole = {rel: st for rel, st in (stats or {}).items() if rel not in failed}
    return Corpus(list(articles.values()), files, problems, frozenset(failed), whole, reused)


def corpus_files(corpus_dir: Path) -> list[Path]:
    """Every article-like entry, links and folders named like articles included, so that
    `read_file` can say why one is skipped rather than pass over it in silence."""
    return sorted(
        p
        for p in corpus_dir.rglob("*")
        if not any(part.startswith(".") for part in p.relative_to(corpus_dir).parts)
        and p.suffix.lower() in SUFFIXES
    )


def read_file(
    path: Path, root: Path, max_article_mb: float = MAX_ARTICLE_MB
) -> Iterator[Article | ArticleError]:
    """The articles of one file; a problem is yielded, not raised, so the caller goes on."""
    rel = path.relative_to(root).as_posix()
    try:
        _check_entry(path, root)
        text = read_text(path)
        if path.suffix.lower() == ".jsonl":
            yield from _read_jsonl(text, path, rel, max_article_mb)
            return
        _check_size(str(path), text, max_article_mb)
        meta = _sidecar(path)
        yield _from_document(text, path.suffix.lower(), _file_id(rel), str(path), meta)
    except ArticleError as e:
        yield e


def _check_entry(path: Path, root: Path) -> None:
    """Links must lead to a file inside the corpus folder; folders are not articles."""
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            raise ArticleError(str(path), "a broken or looping link") from None
        if not target.is_relative_to(root.resolve()):
            raise ArticleError(str(path), "a link to a file outside the corpus folder")
    if path.is_dir():
        raise ArticleError(str(path), "a folder, not an article file")


def _file_id(rel: str) -> str:
    return re.sub(r"\.[^./]+$", "", rel)


def _sidecar(path: Path) -> dict[str, Any]:
    meta = path.with_name(path.name.rsplit(".", 1)[0] + META_SUFFIX)
    if not meta.exists():
        return {}
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise ArticleError(str(meta), f"unreadable metadata: {e}") from None
    if not isinstance(data, dict):
        raise ArticleError(str(meta), "metadata must be a JSON object")
    return data


def _from_document(
    text: str, suffix: str, article_id: str, source: str, meta: dict[str, Any]
) -> Article:
    title = meta.get("title")
    if suffix in {".html", ".htm"}:
        page = PageText()
        page.feed(text)
        page.close()
        lines, found = page.lines, page.meta
        title = title or found.get("title")
        meta = {**found, **meta}
    elif suffix in {".md", ".markdown"}:
        lines, md_title = _markdown_lines(text)
        title = title or md_title
    else:
        lines = text.splitlines()
    return _article(lines, article_id, source, {**meta, "title": title})


def _article(lines: list[str], article_id: str, source: str, meta: dict[str, Any]) -> Article:
    cleaned = clean_lines(lines, title=meta.get("title") or None)
    body = "\n\n".join(cleaned.paragraphs)
    if not body.strip():
        raise ArticleError(source, "empty article (no text left after cleaning)")
    url = meta.get("url") or None
    return Article(
        id=article_id,
        title=str(cleaned.title or meta.get("title") or article_id),
        body=body,
        source=url or source,
        outlet=meta.get("outlet") or cleaned.outlet or _domain(url),
        published=_iso(meta.get("published")) or cleaned.published,
        byline=_byline(meta.get("byline")) or cleaned.byline,
        url=url,
    )


_FIELDS = {
    "title": ("title", "headline"),
    "text": ("text", "body", "content"),
    "published": ("published", "date", "published_at", "publish_date"),
    "byline": ("byline", "authors", "author"),
    "outlet": ("outlet", "source", "site", "publisher"),
    "url": ("url", "link"),
}


def _check_size(source: str, text: str, max_article_mb: float) -> None:
    """News articles are far smaller: a book-sized one would hold the index for an hour."""
    size = len(text.encode("utf-8")) / 2**20
    if size > max_article_mb:
        raise ArticleError(
            source,
            f"{size:.1f} MB of text, more than the {max_article_mb:g} MB "
            "an article may have (CORPUSQA_MAX_ARTICLE_MB)",
        )


def _read_jsonl(
    text: str, path: Path, rel: str, max_article_mb: float
) -> Iterator[Article | ArticleError]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError("not a JSON object")
        except ValueError as e:
            yield ArticleError(where, f"malformed JSON line ({e})")
            continue
        meta = {
            key: next((record[n] for n in names if record.get(n)), None)
            for key, names in _FIELDS.items()
        }
        if not isinstance(meta["text"], str) or not meta["text"].strip():
            yield ArticleError(where, "record has no text")
            continue
        own = record.get("id", record.get("_id"))  # "_id" is the BEIR layout
        article_id = str(own) if own not in (None, "") else f"{_file_id(rel)}:{n}"
        try:
            _check_size(where, meta["text"], max_article_mb)
            yield _article(meta["text"].splitlines(), article_id, where, meta)
        except ArticleError as e:
            yield e


def _iso(value: Any) -> str | None:
    return find_date(str(value)) if value else None


def _byline(value: Any) -> str | None:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value if v) or None
    return str(value) if value else None


def _domain(url: str | None) -> str | None:
    host = urlparse(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def _markdown_lines(text: str) -> tuple[list[str], str | None]:
    title = None
    lines = []
    for line in text.splitlines():
        heading = re.match(r"^#{1,6}\s+(.*?)\s*#*$", line)
        if heading and title is None and line.startswith("# "):
            title = heading.group(1)
        line = heading.group(1) if heading else line
        # Links keep their words; emphasis markers go.
        line = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", line)
        lines.append(re.sub(r"(\*\*|__|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w))", "", line))
    return lines, title
