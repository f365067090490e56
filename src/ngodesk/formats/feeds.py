"""RSS 2.0 and Atom feeds, read with feedparser: each entry a story, links
resolved against the feed's own address, HTML summaries turned into
plain text, categories into tags, authors into people. Documents that
declare entities are refused (the way to entity bombs and external
files); feedparser itself fetches nothing for text input."""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from urllib.parse import urljoin

import feedparser

from ngodesk.domain.i18n import translate
from ngodesk.domain.models import RecordProblem, StoryRecord
from ngodesk.formats import NO_OPTIONS, ImportOptions, ParseResult, distinct

NAME = "rss"
TITLE = "RSS or Atom feed"
EXTENSIONS = (".rss", ".atom")

_ROOT = re.compile(r"<(rss|feed)\b[^>]*>", re.IGNORECASE)
_ENTITY = re.compile(r"<!ENTITY", re.IGNORECASE)
_BLOCKS = {"p", "br", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}


class _Text(HTMLParser):
    """Text of an HTML fragment: block elements become line breaks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def unknown_decl(self, data: str) -> None:
        if data.startswith("CDATA["):  # XHTML's CDATA sections are text
            self.parts.append(data[len("CDATA[") :])


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment, whitespace tidied."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def sniff(text: str) -> bool:
    """True for an ``<rss>`` or ``<feed>`` document that is not a WordPress
    export (WXR is RSS too)."""
    head = text[:4000]
    return _ROOT.search(head) is not None and "wordpress.org/export" not in head


def _date(entry: dict[str, object]) -> tuple[str, str]:
    """(ISO date, the raw date when it could not be read). The date is the
    one the feed wrote, in its own time zone (feedparser's parsed dates are
    in UTC: 06:30 +0800 on 1 January would become 31 December)."""
    for key in ("published", "updated"):
        raw = str(entry.get(key) or "").strip()
        if not raw:
            continue
        try:
            return parsedate_to_datetime(raw).date().isoformat(), ""  # RSS: RFC 822
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return datetime.fromisoformat(raw).date().isoformat(), ""  # Atom: RFC 3339
        except ValueError:
            return "", raw
    return "", ""


def parse(text: str, options: ImportOptions = NO_OPTIONS) -> ParseResult:
    """Every entry of a feed; entries without a title as problems."""
    result = ParseResult()
    if _ENTITY.search(text[:20000]):
        result.problems.append(
            RecordProblem(
                translate("Messages", "the file"), translate("Messages", "declares XML entities; refused for safety")
            )
        )
        return result
    try:
        feed = feedparser.parse(text, resolve_relative_uris=False, sanitize_html=True)
    except ValueError as error:  # (a character reference out of Unicode's range: &#2000000;)
        result.problems.append(
            RecordProblem(
                translate("Messages", "the file"),
                translate("Messages", "not a readable feed: {error}").format(error=error),
            )
        )
        return result
    base = str(feed.feed.get("link") or "")
    source = html_to_text(str(feed.feed.get("title") or ""))
    language = str(feed.feed.get("language") or "")
    if not feed.entries and feed.bozo:
        result.problems.append(
            RecordProblem(
                translate("Messages", "the file"),
                translate("Messages", "not a readable feed: {error}").format(error=feed.get("bozo_exception")),
            )
        )
    for number, entry in enumerate(feed.entries, 1):
        position = translate("Messages", "entry {number}").format(number=number)
        title = html_to_text(str(entry.get("title") or ""))
        if not title:
            result.problems.append(RecordProblem(position, translate("Messages", "the entry has no title")))
            continue
        published, raw_date = _date(entry)
        content = entry.get("content") or []
        body = html_to_text(str(content[0].get("value", ""))) if content else ""
        link = str(entry.get("link") or "")
        extra: dict[str, object] = {"feed_id": str(entry.get("id") or "")} if entry.get("id") else {}
        if raw_date:
            extra["date_as_given"] = raw_date
        result.records.append(
            StoryRecord(
                title=title,
                position=position,
                summary=html_to_text(str(entry.get("summary") or "")),
                body=body if body and body != html_to_text(str(entry.get("summary") or "")) else "",
                url=urljoin(base, link) if link else "",
                source=source,
                published=published,
                language=language,
                tags=distinct(t.get("term") or "" for t in entry.get("tags", [])),
                people=distinct([entry.get("author") or ""]),
                extra=extra,
            )
        )
    return result
