"""Keyword lists written into one field, as reference managers write them.

A plain list is split at semicolons, else at commas (``split_list``:
``a, b, c``, CNKI's ``a;;b``, ngodesk's own ``Water, sanitation; Health``).
Two reference managers separate keywords by a comma with no space after
it and keep a comma inside a keyword otherwise: Mendeley Desktop writes
the keyword's own comma and space (``Industry, Mining, Construction,Water``)
and Better BibTeX for Zotero a semicolon in its place (``Industry; Mining;
Construction,Water``, "the , -> ; is unfortunate" in its source). A list
with such tight commas beside spaced commas or semicolons is read their
way: split at the tight commas only, a Better BibTeX semicolon a comma
again. Zotero's own BibTeX export (``a, b, c``) cannot say which comma is
a keyword's: it is read as a plain list, as Zotero itself reads it.

No library reads these lists (bibtexparser leaves ``keywords`` a string,
and biblatex's own rule is "split at every comma"), so this is our own.
"""

from __future__ import annotations

import re

from ngodesk.domain.i18n import translate
from ngodesk.formats import distinct, split_list

#: where a list read the Mendeley / Better BibTeX way is kept as given
KEPT = "keywords_as_given"

#: a comma with no space after it (and not at the end)
_TIGHT = re.compile(r",(?=\S)")
#: what a reference manager keeps inside a keyword: a comma and a space, a semicolon
_INSIDE = re.compile(r",\s|;")


def split_keywords(text: str) -> tuple[tuple[str, ...], bool]:
    """The keywords of a list as written in one field, and whether it was
    read the Mendeley / Better BibTeX way (a record then says so)."""
    if ";;" in text or not (_TIGHT.search(text) and _INSIDE.search(text)):  # (";;": CNKI's plain list)
        return split_list(text, commas=True), False
    pieces = [piece if ", " in piece else piece.replace(";", ",") for piece in _TIGHT.split(text)]
    return distinct(piece.strip().strip(",") for piece in pieces), True


def read_keywords(text: str, extra: dict[str, object], warnings: list[str]) -> tuple[str, ...]:
    """``split_keywords``; a list read the Mendeley / Better BibTeX way is
    kept as given in ``extra`` and said in ``warnings``."""
    keywords, theirs = split_keywords(text)
    if theirs:
        extra[KEPT] = text
        warnings.append(
            translate(
                "Messages",
                "keywords: split only at commas with no space after them, as Mendeley and Better BibTeX write "
                "them ({count} tags); the list as given kept in extra as keywords_as_given",
            ).format(count=len(keywords))
        )
    return keywords
