"""Checks on text from outside (command line, files, clipboard), and keys
that make two spellings of the same thing compare equal."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit

from ngodesk.domain.errors import ValidationError
from ngodesk.domain.i18n import translate

_SURROGATE = re.compile("[\ud800-\udfff]")
#: Control characters no text of a library holds (tab and line ends aside).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: A BCP 47 language tag such as en, zh or zh-Hant.
LANGUAGE_CODE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


def unencodable_at(text: str) -> int | None:
    """Index of the first character UTF-8 cannot store (a lone surrogate,
    as Python makes of undecodable bytes in command-line arguments)."""
    found = _SURROGATE.search(text)
    return found.start() if found else None


def one_line(text: str) -> str:
    """``text`` without control characters, its white space runs made one
    space (a name, a title)."""
    return " ".join(CONTROL.sub("", text).split())


def require_encodable(text: str, what: str) -> str:
    """``text`` unchanged, or ValidationError naming ``what`` and the column."""
    position = unencodable_at(text)
    if position is not None:
        raise ValidationError(
            translate(
                "Messages",
                "{what} has bytes that are not valid UTF-8 at column {value}; check the terminal's or the "
                "file's encoding.",
            ).format(what=what, value=position + 1)
        )
    return text


#: Query parameters that only say where a reader came from.
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|spm|from|share_token|scene|ref|ref_src)$", re.IGNORECASE)


def url_key(url: str) -> str:
    """A web address reduced to what identifies the page, for finding the
    same story twice: no scheme, lower-case host without ``www.`` and
    default port, no trailing slash, no fragment (but ``#/route`` and
    ``#!route``, which name pages of one-page sites), no tracking parameters
    (``utm_*``, ``spm``...), the others sorted. ``""`` for ``""`` and for
    a site's home page (it names a site, not a story)."""
    parts = urlsplit(url.strip())
    if not parts.netloc:
        return url.strip().lower()
    host = (parts.hostname or "").removeprefix("www.")
    port = parts.port if parts.port not in (None, 80, 443) else None
    query = sorted(
        (name, value) for name, value in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(name)
    )
    path = parts.path.rstrip("/")
    route = f"#{parts.fragment}" if parts.fragment.startswith(("/", "!")) else ""  # a page of a one-page site
    if not path and not query and not route:
        return ""
    return f"{host}{f':{port}' if port else ''}{path}" + (f"?{urlencode(query)}" if query else "") + route
