"""Decoding import files honestly: the encoding a file declares or proves,
else a confident guess, else a refusal with the reason (never mojibake).

Order: a byte-order mark (UTF-8, UTF-16, UTF-32); an XML declaration's
``encoding``; strict UTF-8; then charset-normalizer (a maintained detector,
chosen over chardet for its per-guess "chaos" measure) limited to the
legacy encodings our users' files come in: GB18030 (a superset of GBK and
GB2312), Big5, Latin-1/Windows-1252. GB2312 and GBK declarations are read
as GB18030, which decodes everything they do.
"""

from __future__ import annotations

import codecs
import re

from ngodesk.domain.errors import ImportFailed
from ngodesk.domain.i18n import translate

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_XML_DECLARATION = re.compile(rb"""^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
#: Encodings read as a superset that decodes all they do.
_WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "iso-8859-1": "cp1252", "latin-1": "cp1252", "ascii": "utf-8"}
#: What a guess may be: the legacy encodings of the collections we import.
_GUESSES = ("gb18030", "big5", "cp1252")
#: Largest "chaos" (share of odd characters) a guess may show.
_MAX_CHAOS = 0.2


def _canonical(name: str) -> str | None:
    try:
        found = codecs.lookup(name).name
    except LookupError:
        return None
    return _WIDER.get(found, found)


def _declared(data: bytes) -> str | None:
    match = _XML_DECLARATION.match(data[:400])
    return match.group(1).decode("ascii").lower() if match else None


def decode(data: bytes, source: str) -> tuple[str, str]:
    """``(text, encoding used)`` of ``data``; raises ImportFailed naming
    ``source`` (the file) and why when no encoding fits."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _strict(data, name, source, "its byte-order mark says"), name.removesuffix("-sig")
    declared = _declared(data)
    if declared is not None:
        known = _canonical(declared)
        if known is None:
            raise ImportFailed(
                translate("Messages", "{source}: declares the encoding '{declared}', which is not known").format(
                    source=source, declared=declared
                )
            )
        return _strict(data, known, source, "its XML declaration says"), known
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        utf8_error = error
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(_GUESSES)).best()
    if best is not None and best.chaos <= _MAX_CHAOS:
        name = _canonical(best.encoding) or best.encoding
        return _strict(data, name, source, "it looks like"), name
    line = data[: utf8_error.start].count(b"\n") + 1
    raise ImportFailed(
        translate(
            "Messages",
            "{source}: not UTF-8 (line {line}, byte {start}) and not recognisably GBK/GB18030, Big5 or "
            "Latin-1; save it as UTF-8 and import again",
        ).format(source=source, line=line, start=utf8_error.start)
    )


def _strict(data: bytes, name: str, source: str, why: str) -> str:
    try:
        return data.decode(name)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportFailed(
            translate(
                "Messages", "{source}: {why} {upper}, but line {line} (byte {start}) is not valid {upper}"
            ).format(source=source, why=why, upper=name.upper(), line=line, start=error.start)
        ) from error
