"""What the command line says about an error it did not expect (a bug):
one line for the user, the traceback kept in a file for a bug report."""

from __future__ import annotations

import traceback
from datetime import UTC, datetime

from platformdirs import user_cache_path

#: The words every such message starts with (tests look for them).
UNEXPECTED = "unexpected error"


def save(error: BaseException) -> str:
    """Write ``error``'s traceback to a file in the user's cache folder and
    return a one-line message naming it (or saying it could not be kept)."""
    text = "".join(traceback.format_exception(error))
    kept = ""
    try:
        folder = user_cache_path("ngodesk", appauthor=False) / "crashes"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{datetime.now(UTC):%Y%m%dT%H%M%S%fZ}.txt"
        path.write_text(text, encoding="utf-8")
        kept = f"; details in {path}"
    except OSError:
        pass
    return (
        f"{UNEXPECTED} (a bug in ngodesk, please report it): {type(error).__name__}: {error}"
        f"{kept}. An unfinished change was rolled back."
    )
