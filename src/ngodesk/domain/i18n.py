"""Words the lower layers show people (error messages), marked for
translation without depending on Qt.

``translate(context, text)`` returns ``text`` as it is until the window
installs its translator (``install``: the interface's language, see
``ngodesk.ui.i18n``); the command line stays English. pyside6-lupdate finds
these calls by their name, so the messages land in the same catalogue as
the window's own words. Placeholders are filled after translating:
``translate("Messages", "{path} is not a library.").format(path=path)``.
A count goes to ``translate(context, text, None, count)`` as Qt's ``%Ln`` (the catalogue
has its plural forms); a field named in a message goes through
``field_name`` (the window's label for it, the name itself in English).
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str, str | None, int], str]

_translator: Translator | None = None
_field_names: Callable[[str], str] | None = None


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the interface's language (as it is when none is set),
    its ``%Ln`` replaced by the count ``n`` in the plural form it asks for
    (Qt's signature, so that lupdate reads the call)."""
    if _translator is not None:
        return _translator(context, text, disambiguation, n)
    return text.replace("%Ln", str(n)) if n >= 0 else text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``text`` for the catalogue under ``context`` (lupdate collects
    it by this name) and return it untranslated, to be translated where it
    is shown. (PySide6's own is typed as returning object.)"""
    return text


def field_name(name: str) -> str:
    """The story field ``name`` as the interface calls it (``name`` itself
    when no translator is installed: the command line's words)."""
    return _field_names(name) if _field_names is not None and _translator is not None else name


def install(translator: Translator | None, field_names: Callable[[str], str] | None = None) -> None:
    """Translate from now on with ``translator`` (None: English again),
    naming fields with ``field_names``."""
    global _translator, _field_names
    _translator, _field_names = translator, field_names
