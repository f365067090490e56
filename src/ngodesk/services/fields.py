"""Validation of story fields as a user or an importer gives them."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ngodesk.domain.dates import PartialDate
from ngodesk.domain.errors import ValidationError
from ngodesk.domain.i18n import translate
from ngodesk.domain.models import StoryStatus
from ngodesk.domain.text import LANGUAGE_CODE, require_encodable, url_key
from ngodesk.search.chinese import sort_key
from ngodesk.search.text import fold

EDITABLE = ("title", "summary", "body", "url", "source", "published", "language", "status")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
TITLE_MAX = 1000


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
    if field not in EDITABLE:
        raise ValidationError(
            translate("Messages", "'{field}' is not a story field; fields are: {join}").format(
                field=field, join=", ".join(EDITABLE)
            )
        )
    text = require_encodable("" if value is None else str(value), field)
    text = _CONTROL.sub("", text)
    if field == "title":
        title = " ".join(text.split())
        if not title:
            raise ValidationError(translate("Messages", "title: a story needs a title"))
        if len(title) > TITLE_MAX:
            raise ValidationError(
                translate("Messages", "title: longer than {TITLE_MAX} characters").format(TITLE_MAX=TITLE_MAX)
            )
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
        code = text.strip()
        if code and not LANGUAGE_CODE.match(code):
            raise ValidationError(
                translate("Messages", "language: '{code}' is not a language code such as en, zh or zh-Hant").format(
                    code=code
                )
            )
        return {"language": code}
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


def clean_all(values: dict[str, object]) -> dict[str, object]:
    """Column values for several fields at once (see ``clean``)."""
    columns: dict[str, object] = {}
    for field, value in values.items():
        columns.update(clean(field, value))
    return columns
