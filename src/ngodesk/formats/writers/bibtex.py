"""BibTeX export with bibtexparser 2's writer. Entries are ``@article``
when the story has a source (the newspaper, as ``journal``), else
``@misc``, unless imported as another type; the key is ``story-`` and
the first 8 hex digits of the uuid (all 32 should two stories share
those), so it stays the same from one export to the next. Text stays
Unicode (biber and modern BibTeX read UTF-8); LaTeX's special characters
and ligatures (``--``, ``''``...) are escaped, line breaks become
spaces; the url is written as it is (BibTeX styles and biber read it
verbatim) but for braces and backslashes, percent-encoded. People are
the authors, tags the keywords (comma-separated, or by semicolons when a
tag holds a comma), the date goes in ``date`` (BibLaTeX) and
``year``/``month``."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import IO

from bibtexparser import model
from bibtexparser.entrypoint import write_string
from bibtexparser.library import Library
from bibtexparser.middlewares import AddEnclosingMiddleware

from ngodesk.domain.models import EntityKind, StoryView
from ngodesk.formats.writers import date_parts, keyword_list, names, one_line

_SPECIAL = str.maketrans(
    {
        "\\": r"\textbackslash{}",
        "{": r"\textbraceleft{}",
        "}": r"\textbraceright{}",
        "&": r"\&",
        "%": r"\%",
        "$": r"\$",
        "#": r"\#",
        "_": r"\_",
        "~": r"\textasciitilde{}",
        "^": r"\string^",
    }
)
#: TeX ligatures (-- `` '' !` ?`) are broken apart with an empty group.
_LIGATURE = re.compile(r"(?<=[-`'!?])(?=[-`'])")
_AND = re.compile(r"\sand\s", re.IGNORECASE)
_URL_UNSAFE = str.maketrans({"{": "%7B", "}": "%7D", "\\": "%5C"})
#: Values are braced, numbers too. The entries are made for the writing
#: alone, so the middleware may change them in place (by default the
#: writer deep-copies each entry first: a third of an export's time).
_UNPARSE = [
    AddEnclosingMiddleware(
        allow_inplace_modification=True, default_enclosing="{", reuse_previous_enclosing=False, enclose_integers=True
    )
]


def escape(text: str) -> str:
    """``text`` as the value of a braced BibTeX field: one line, LaTeX's
    special characters escaped (braces always balanced), Unicode kept."""
    return _LIGATURE.sub("{}", one_line(text).translate(_SPECIAL))


def _author(name: str) -> str:
    """A name holding " and " is braced, or BibTeX would read two people."""
    return f"{{{escape(name)}}}" if _AND.search(name) else escape(name)


def _entry(view: StoryView, key: str) -> model.Entry:
    parts = date_parts(view.published)
    values = {
        "title": escape(view.title),
        "author": " and ".join(_author(n) for n in names(view, EntityKind.PERSON)),
        "journal": escape(view.source),
        "date": view.published,
        "year": str(parts[0]) if parts else "",
        "month": str(parts[1]) if len(parts) > 1 else "",
        "url": view.url.translate(_URL_UNSAFE),
        "language": escape(view.language),
        "keywords": escape(keyword_list(view)),
        "abstract": escape(view.summary),
    }
    kind = re.sub(r"[^A-Za-z]", "", str(view.extra.get("bibtex_type") or ("article" if view.source else "misc")))
    return model.Entry(kind or "misc", key, [model.Field(name, value) for name, value in values.items() if value])


def write(out: IO[str], stories: Iterable[StoryView]) -> None:
    """Write ``stories`` as BibTeX entries with unique keys."""
    used: set[str] = set()
    for view in stories:
        hex_digits = view.uuid.replace("-", "")
        key = f"story-{hex_digits[:8]}"
        if key in used:
            key = f"story-{hex_digits}"
        used.add(key)
        out.write(write_string(Library([_entry(view, key)]), unparse_stack=_UNPARSE) + "\n")
