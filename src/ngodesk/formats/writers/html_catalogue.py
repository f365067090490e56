"""A printable HTML catalogue: one self-contained page (inline CSS, no
scripts, nothing loaded from the network), stories grouped by tag, a table
of contents linking to each group, the untagged stories last. A story with
several tags is listed under each. Each story shows its title (linked to
its url), date, source, authors (people) and summary, marked with its
language so that Chinese is drawn in the right glyphs; all text is
escaped."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from html import escape
from typing import IO

TITLE = "Catalogue"
UNTAGGED = "Untagged"

_STYLE = """
body { font-family: "Noto Serif", "Source Han Serif", "Songti SC", serif; max-width: 48em; margin: 2em auto;
       padding: 0 1em; line-height: 1.5; color: #111; }
h1 { margin-bottom: 0; } .exported { color: #555; margin-top: .2em; }
nav ol { padding-left: 1.5em; } nav a, h3 a { color: inherit; }
section { margin-top: 2em; } h2 { border-bottom: 1px solid #999; }
article { margin: 0 0 1.2em; break-inside: avoid; } h3 { font-size: 1.05em; margin: 0; }
.meta { color: #555; font-size: .9em; margin: .1em 0; } .summary { margin: .2em 0; white-space: pre-line; }
@media print { body { margin: 0; max-width: none; } section { break-before: page; } a { text-decoration: none; } }
"""


@dataclass(frozen=True)
class Entry:
    """What the catalogue shows of a story: a story is listed under each of
    its tags, so it is read without what it does not show (its tags: one
    with 4,000 tags was read 4,000 times with all of them)."""

    title: str
    url: str = ""
    published: str = ""
    source: str = ""
    #: its people's names, in display order
    people: tuple[str, ...] = ()
    language: str = ""
    summary: str = ""


@dataclass(frozen=True)
class Group:
    """The stories listed under one tag (``tag`` is its path, ``""`` for
    the untagged ones); ``stories`` is consumed once, in order."""

    tag: str
    count: int
    stories: Iterable[Entry]


def _heading(group: Group) -> str:
    return escape(group.tag.replace("/", " › ") if group.tag else UNTAGGED)


def _story(entry: Entry) -> str:
    title = escape(entry.title)
    if entry.url:
        title = f'<a href="{escape(entry.url)}">{title}</a>'
    meta = " · ".join(escape(part) for part in (entry.published, entry.source, ", ".join(entry.people)) if part)
    lang = f' lang="{escape(entry.language)}"' if entry.language else ""
    return (
        f"<article{lang}>\n<h3>{title}</h3>\n"
        + (f'<p class="meta">{meta}</p>\n' if meta else "")
        + (f'<p class="summary">{escape(entry.summary)}</p>\n' if entry.summary else "")
        + "</article>\n"
    )


def write(out: IO[str], groups: Sequence[Group], total: int, exported_at: datetime) -> None:
    """Write the page: ``total`` stories (each counted once) in ``groups``,
    exported at ``exported_at`` (UTC)."""
    out.write(
        f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{TITLE}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"<header>\n<h1>{TITLE}</h1>\n"
        f'<p class="exported">{total:,} {"story" if total == 1 else "stories"}, '
        f"exported {exported_at:%Y-%m-%d %H:%M} UTC</p>\n</header>\n"
        "<nav>\n<h2>Contents</h2>\n<ol>\n"
    )
    for number, group in enumerate(groups, 1):
        out.write(f'<li><a href="#group-{number}">{_heading(group)}</a> ({group.count:,})</li>\n')
    out.write("</ol>\n</nav>\n")
    for number, group in enumerate(groups, 1):
        out.write(f'<section id="group-{number}">\n<h2>{_heading(group)}</h2>\n')
        for entry in group.stories:
            out.write(_story(entry))
        out.write("</section>\n")
    out.write("</body>\n</html>\n")
