"""WordPress eXtended RSS (WXR 1.0-1.2), the file of Tools > Export, parsed
with defusedxml (no DTD entities, no external files, no network).

Posts become stories (other item types, such as pages, attachments and
menu items, only when asked for in ``ImportOptions.post_types``);
categories (with their parents) and tags (``post_tag``, in WXR 1.0
``tag``) become tags; authors become people under their display names;
HTML content becomes plain text. A story's WordPress status is kept in
``extra``, and drafts, pending, private and scheduled posts are marked
with a ``WordPress/<status>`` tag. Comments
and custom fields are kept in ``extra``; WordPress's internal fields
(custom fields whose key starts with ``_``) are not. Trashed posts and
auto-drafts are skipped and reported as such.
"""

from __future__ import annotations

import re
from collections import Counter
from xml.etree.ElementTree import Element

from ngodesk.domain.i18n import translate
from ngodesk.domain.models import RecordProblem, StoryRecord
from ngodesk.formats import NO_OPTIONS, ImportOptions, ParseResult, distinct
from ngodesk.formats.feeds import html_to_text
from ngodesk.formats.safe_xml import root_of

NAME = "wxr"
TITLE = "WordPress export (WXR)"
EXTENSIONS = (".wxr",)

_CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_WP = re.compile(r"\{(http://wordpress\.org/export/1\.\d+/)\}wxr_version$")
_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")


def _left_out(status: str) -> str:
    """Why an item of ``status`` is not imported ("" for one that is)."""
    if status == "trash":
        return translate("Messages", "in the WordPress trash")
    return translate("Messages", "an empty automatic draft") if status == "auto-draft" else ""


def sniff(text: str) -> bool:
    """True for an RSS document carrying WordPress's export namespace."""
    head = text[:6000]
    return "<rss" in head and "wordpress.org/export/" in head


def _text(element: Element | None, path: str) -> str:
    found = element.find(path) if element is not None else None
    return (found.text or "").strip() if found is not None else ""


class _Site:
    """What the channel says about the whole site: its namespace, name,
    language, authors and category tree."""

    def __init__(self, channel: Element, wp: str) -> None:
        self.wp = wp
        self.name = _text(channel, "title")
        self.language = _text(channel, "language")
        self.authors: dict[str, str] = {}
        for author in channel.iter(wp + "author"):
            login = _text(author, wp + "author_login")
            full = " ".join(_text(author, wp + f"author_{part}_name") for part in ("first", "last")).strip()
            self.authors[login] = _text(author, wp + "author_display_name") or full or login
        parents: dict[str, tuple[str, str]] = {}
        for category in channel.iter(wp + "category"):
            nicename = _text(category, wp + "category_nicename")
            parents[nicename] = (_text(category, wp + "cat_name") or nicename, _text(category, wp + "category_parent"))
        self.category_paths = {nicename: self._path(nicename, parents) for nicename in parents}

    @staticmethod
    def _path(nicename: str, parents: dict[str, tuple[str, str]]) -> str:
        names: list[str] = []
        seen: set[str] = set()
        while nicename in parents and nicename not in seen:  # (a loop in the tree stops the walk)
            seen.add(nicename)
            name, nicename = parents[nicename]
            names.append(name.replace("/", "-"))
        return "/".join(reversed(names))

    def tags(self, item: Element, status: str) -> tuple[str, ...]:
        found: list[str] = []
        for category in item.findall("category"):
            name = (category.text or "").strip()
            if not name:
                continue
            if category.get("domain") == "category":
                found.append(self.category_paths.get(category.get("nicename", ""), name.replace("/", "-")))
            elif category.get("domain") in ("post_tag", "tag"):  # (WXR 1.0 calls tags "tag")
                found.append(name.replace("/", "-"))
        if status not in ("publish", ""):
            found.append(f"WordPress/{status}")
        return distinct(found)

    def extra(self, item: Element, post_type: str, status: str) -> dict[str, object]:
        wp = self.wp
        extra: dict[str, object] = {"wp_post_type": post_type, "wp_status": status}
        for key in ("post_id", "post_name", "post_parent"):
            if (value := _text(item, wp + key)) and value != "0":
                extra[f"wp_{key}"] = value
        if guid := _text(item, "guid"):
            extra["wp_guid"] = guid
        fields = {
            _text(meta, wp + "meta_key"): (meta.findtext(wp + "meta_value") or "")
            for meta in item.findall(wp + "postmeta")
            if not _text(meta, wp + "meta_key").startswith("_")
        }
        if fields := {key: value for key, value in fields.items() if key}:
            extra["wp_custom_fields"] = fields
        comments = [
            {
                "author": _text(comment, wp + "comment_author"),
                "date": _text(comment, wp + "comment_date"),
                "text": html_to_text(comment.findtext(wp + "comment_content") or ""),
            }
            for comment in item.findall(wp + "comment")
        ]
        if comments:
            extra["wp_comments"] = comments
        return extra


def _published(item: Element, wp: str) -> str:
    for path in (wp + "post_date", wp + "post_date_gmt"):
        match = _DATE.match(_text(item, path))
        if match and not match.group(1).startswith("0000"):
            return match.group(1)
    return ""


def _channel(text: str) -> tuple[Element, str] | RecordProblem:
    """The export's channel and WordPress namespace (``{...}``), or why the
    text is not a WordPress export."""
    root = root_of(text)
    if isinstance(root, RecordProblem):
        return root
    channel = root.find("channel")
    version = next((m for e in root.iter() if (m := _WP.match(str(e.tag)))), None)
    if channel is None or version is None:
        return RecordProblem(
            translate("Messages", "the file"),
            translate("Messages", "not a WordPress export (no channel or wxr_version)"),
        )
    return channel, "{" + version.group(1) + "}"


def item_types(text: str) -> Counter[str]:
    """How many items of each type (post, page, attachment...) the export
    holds; empty when it cannot be read (``parse`` says why)."""
    found = _channel(text)
    if isinstance(found, RecordProblem):
        return Counter()
    channel, wp = found
    return Counter(_text(item, wp + "post_type") or "post" for item in channel.findall("item"))


def parse(text: str, options: ImportOptions = NO_OPTIONS) -> ParseResult:
    """The posts (or the item types asked for) of a WordPress export."""
    result = ParseResult()
    found = _channel(text)
    if isinstance(found, RecordProblem):
        result.problems.append(found)
        return result
    channel, wp = found
    site = _Site(channel, wp)
    left_out: Counter[str] = Counter()
    for number, item in enumerate(channel.findall("item"), 1):
        post_type, status = _text(item, wp + "post_type") or "post", _text(item, wp + "status")
        position = (
            translate("Messages", "item {number} (post {post})").format(number=number, post=post_id)
            if (post_id := _text(item, wp + "post_id"))
            else translate("Messages", "item {number}").format(number=number)
        )
        if post_type not in options.post_types:
            left_out[post_type] += 1
            continue
        if reason := _left_out(status):
            result.skipped.append(RecordProblem(position, reason))
            continue
        title = html_to_text(_text(item, "title"))
        if not title:
            result.problems.append(RecordProblem(position, translate("Messages", "the item has no title")))
            continue
        creator = _text(item, _DC + "creator")
        result.records.append(
            StoryRecord(
                title=title,
                position=position,
                summary=html_to_text(_text(item, wp.replace("}", "excerpt/}") + "encoded")),
                body=html_to_text(_text(item, _CONTENT + "encoded")),
                url=_text(item, "link"),
                source=site.name,
                published=_published(item, wp),
                language=site.language,
                tags=site.tags(item, status),
                people=(site.authors.get(creator, creator),) if creator else (),
                extra=site.extra(item, post_type, status),
            )
        )
    wanted = ", ".join(sorted(options.post_types))
    for post_type, count in sorted(left_out.items()):
        result.skipped.append(
            RecordProblem(
                translate("Messages", "the file"),
                translate(
                    "Messages", "%Ln item(s) of type '{type}' left out (importing: {wanted})", None, count
                ).format(type=post_type, wanted=wanted),
            )
        )
    return result
