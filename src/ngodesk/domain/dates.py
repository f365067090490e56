"""Partial publication dates: ``2018``, ``2018-12`` or ``2018-12-07``."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from ngodesk.domain.errors import ValidationError
from ngodesk.domain.i18n import translate

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, month or day; ``str()`` gives the ISO form."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (also ``/`` or ``.``
        separators); raise ValidationError naming the text otherwise."""
        cleaned = text.strip().replace("/", "-").replace(".", "-")
        match = _PATTERN.match(cleaned)
        if not match:
            raise ValidationError(
                translate("Messages", "'{text}' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD").format(text=text)
            )
        year = int(match.group(1))
        month = int(match.group(2)) if match.group(2) else None
        day = int(match.group(3)) if match.group(3) else None
        if not 1 <= year <= 9999:
            raise ValidationError(translate("Messages", "'{text}': year out of range").format(text=text))
        if month is not None and not 1 <= month <= 12:
            raise ValidationError(translate("Messages", "'{text}': month must be 01-12").format(text=text))
        if day is not None:
            assert month is not None
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise ValidationError(
                    translate("Messages", "'{text}': day must be 01-{last:02d}").format(text=text, last=last)
                )
        return cls(year, month, day)

    def first_day(self) -> date:
        """The earliest day this partial date can mean."""
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        """The latest day this partial date can mean."""
        if self.day is not None:
            return date(self.year, self.month or 1, self.day)
        month = self.month or 12
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text
