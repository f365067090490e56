"""Words the lower layers show people (error messages), marked for
translation without depending on Qt.

``translate(context, text)`` returns ``text`` as it is until the window
installs its translator (``install``: the interface's language, see
``ngodesk.ui.i18n``); the command line stays English. pyside6-lupdate finds
these calls by their name, so the messages land in the same catalogue as
the window's own words. Placeholders are filled after translating:
``translate("Messages", "{path} is not a library.").format(path=path)``.
"""

from __future__ import annotations

from collections.abc import Callable

_translator: Callable[[str, str], str] | None = None


def translate(context: str, text: str) -> str:
    """``text`` in the interface's language (as it is when none is set)."""
    return _translator(context, text) if _translator is not None else text


def install(translator: Callable[[str, str], str] | None) -> None:
    """Translate from now on with ``translator`` (None: English again)."""
    global _translator
    _translator = translator
