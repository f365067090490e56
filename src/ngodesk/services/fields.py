"""Validation of story fields as a user or an importer gives them."""

from __future__ import annotations

from typing import NoReturn
from urllib.parse import urlsplit

from ngodesk.domain.dates import PartialDate
from ngodesk.domain.errors import ValidationError
from ngodesk.domain.i18n import field_name, translate
from ngodesk.domain.models import STORY_TEXT_FIELDS, StoryStatus
from ngodesk.domain.text import CONTROL, language_name, read_language, require_encodable, suggest_language, url_key
from ngodesk.search.chinese import sort_key
from ngodesk.search.text import fold

# Longest values, in characters. A story is read whole whenever it is shown,
# searched for snippets or exported, and the window lays its text out: a
# 10,500,000-character body took 11 s and 450 MB per text box that showed
# it (the editor and the translation tab), a 200 MB record made the window
# unusable. The limits stay far above what catalogued stories hold.

#: Headlines run to 100-200 characters; a title of a thousand is a paragraph.
TITLE_MAX = 1000
#: Abstracts stay under 5,000 characters; feeds that put a whole article in
#: the description (which becomes the summary) reach about 50,000.
SUMMARY_MAX = 100_000
#: Long-form articles run to 150,000 characters, a whole report pasted in
#: to some 600,000; the editor lays a million out in about 1.4 s and 60 MB.
BODY_MAX = 1_000_000
#: A publication's name; a web address (browsers keep up to some 8,000).
SOURCE_MAX = 1000
URL_MAX = 8000
#: Extra data (what a format has that no field takes: a CSL note, other
#: titles) is read whenever the story is shown, as JSON text of at most this.
EXTRA_MAX = 100_000
#: Fields whose longer values are refused, with their limits.
LIMITS = {"title": TITLE_MAX, "summary": SUMMARY_MAX, "body": BODY_MAX, "source": SOURCE_MAX, "url": URL_MAX}
#: Fields whose longer text an import shortens (keeping it whole as an
#: attachment of the story) instead of refusing the record.
SHORTENED = ("summary", "body")


def clean_url(value: str) -> str:
    """An absolute http(s)/ftp URL (``//host/...`` becomes https), or ""."""
    value = value.strip()
    if not value:
        return ""
    if value.startswith("//"):
        value = "https:" + value
    problem = f"url: '{value}' is not a web address"
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises for a port out of range or not a number
    except ValueError as error:
        raise ValidationError(
            translate("Messages", "{problem}: {error}").format(problem=problem, error=error)
        ) from None
    if parts.scheme.lower() not in ("http", "https", "ftp") or not parts.netloc or " " in value:
        raise ValidationError(problem + " (http://... or https://...)")
    return value


def clean(field: str, value: object) -> dict[str, object]:
    """Column values for setting ``field`` to ``value``: the field itself
    plus what is derived from it. Raises ValidationError naming the field."""
    if field not in STORY_TEXT_FIELDS:
        raise ValidationError(
            translate("Messages", "'{field}' is not a story field; fields are: {join}").format(
                field=field, join=", ".join(STORY_TEXT_FIELDS)
            )
        )
    columns = _columns(field, plain_text(field, "" if value is None else str(value)))
    if len(stored := str(columns[field])) > LIMITS.get(field, len(stored)):
        _refuse_length(field, len(stored))
    return columns


def plain_text(field: str, text: str) -> str:
    """``text`` as the story field ``field`` (or its translation) may hold
    it: control characters removed. ValidationError naming the field when
    it holds what cannot be stored or is longer than the field holds."""
    if len(text) > 4 * LIMITS.get(field, len(text)):  # (refused before any work on a huge text)
        _refuse_length(field, len(text))
    text = CONTROL.sub("", require_encodable(text, field_name(field)))
    if len(text) > LIMITS.get(field, len(text)):
        _refuse_length(field, len(text))
    return text


def _refuse_length(field: str, length: int) -> NoReturn:
    message = translate("Messages", "{field}: {length:,} characters, more than the {limit:,} a story's {field} holds")
    keep = translate("Messages", "; keep a longer text as an attachment") if field in SHORTENED else ""
    raise ValidationError(message.format(field=field_name(field), length=length, limit=LIMITS[field]) + keep)


def _columns(field: str, text: str) -> dict[str, object]:
    """``clean`` of a text with its control characters removed."""
    if field == "title":
        title = " ".join(text.split())
        if not title:
            raise ValidationError(translate("Messages", "title: a story needs a title"))
        return {"title": title, "title_key": fold(title), "title_sort": sort_key(title)}
    if field == "url":
        url = clean_url(text)
        return {"url": url, "url_key": url_key(url)}
    if field == "published":
        if not text.strip():
            return {"published": "", "published_start": None, "published_end": None}
        try:
            date = PartialDate.parse(text)
        except ValidationError as error:
            raise ValidationError(translate("Messages", "published: {error}").format(error=error)) from error
        return {
            "published": str(date),
            "published_start": date.first_day().isoformat(),
            "published_end": date.last_day().isoformat(),
        }
    if field == "language":
        return {"language": language_tag(text)}
    if field == "status":
        try:
            return {"status": StoryStatus(text.strip().lower()).value}
        except ValueError:
            allowed = ", ".join(s.value for s in StoryStatus)
            raise ValidationError(
                translate("Messages", "status: '{text}' is not one of {allowed}").format(text=text, allowed=allowed)
            ) from None
    if field == "source":
        return {"source": " ".join(text.split())}
    return {field: text.strip()}


def language_tag(value: str) -> str:
    """The BCP 47 tag of a language a person gives (a code, a locale or a
    name: ``domain.text.read_language``); "" for none. ValidationError
    when the value names no language (with a language whose name is close,
    if there is one) or several."""
    reading = read_language(value)
    if reading.several:
        raise ValidationError(
            translate(
                "Messages", "language: '{value}' names several languages; a story has one, such as {first}"
            ).format(value=reading.given, first=reading.tag)
        )
    if not reading.readable:
        close = suggest_language(reading.given)
        message = (
            translate("Messages", "language: '{value}' is not a language; did you mean {name} ({tag})?")
            if close
            else translate(
                "Messages",
                "language: '{value}' is not a language; give a name such as English or 中文, or a code such as "
                "en, zh or zh-Hant",
            )
        )
        raise ValidationError(message.format(value=reading.given, name=language_name(close), tag=close))
    return reading.tag


def imported_language(value: str) -> tuple[str, bool, str]:
    """A language as an import keeps it: (the tag to store, whether to keep
    ``value`` as given in the story's extra data, a warning or ""). A value
    that names no language leaves the story without one; of several
    languages the first is kept (the record is imported either way)."""
    reading = read_language(value)
    warning = ""
    if reading.several:
        warning = translate(
            "Messages", "language '{value}' names several languages; {tag} kept, the value as given"
        ).format(value=reading.given, tag=reading.tag)
    elif not reading.readable:
        warning = translate(
            "Messages", "language '{value}' not read; kept as given, the story without a language"
        ).format(value=reading.given)
    return reading.tag, reading.changed, warning


def shorten(field: str, text: str) -> str:
    """``text`` cut to what ``field`` holds (``LIMITS``), at the last line
    break in the last tenth before the limit if there is one; unchanged
    when it fits."""
    limit = LIMITS.get(field, len(text))
    if len(text) <= limit:
        return text
    cut = text.rfind("\n", limit - limit // 10, limit)
    return text[: cut if cut > 0 else limit]


def clean_all(values: dict[str, object]) -> dict[str, object]:
    """Column values for several fields at once (see ``clean``)."""
    columns: dict[str, object] = {}
    for field, value in values.items():
        columns.update(clean(field, value))
    return columns
