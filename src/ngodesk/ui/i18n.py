"""The interface language: English (the source) or Simplified Chinese.

The choice lives in the preferences (``settings.LANGUAGE``; empty: follow
the system locale, so any Chinese locale gets Chinese) and applies from the
next start. ngodesk's own strings come from
``resources/translations/ngodesk_<language>.qm`` (compiled from the .ts
by ``make``), the lower layers' messages through ``ngodesk.domain.i18n``,
and the standard dialogs' from Qt's own translations. English has a
catalogue too: the plural forms of its counts ("%n stories": 1 story).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ngodesk.domain import i18n as messages
from ngodesk.ui import labels

#: Interface languages offered, by code ("" follows the system).
LANGUAGES = {"": "", "en": "English", "zh_CN": "简体中文"}
_in_use = "en"


def in_use() -> str:
    """The interface's language now ("en" or "zh_CN": what ``install`` set)."""
    return _in_use


def wanted(choice: str) -> str:
    """The language to use for preference ``choice``: itself when it is
    one of ours, else the system's ("zh_CN" for any Chinese locale)."""
    if choice in LANGUAGES and choice:
        return choice
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def catalogue(language: str) -> str:
    """The path of ngodesk's compiled translation into ``language``."""
    return str(resources.files("ngodesk.resources").joinpath("translations", f"ngodesk_{language}.qm"))


def install(app: QCoreApplication, choice: str) -> str:
    """Translate ``app`` into the language ``choice`` asks for; returns the
    language in use ("en" when its translation is missing)."""
    global _in_use
    language = _in_use = wanted(choice)
    for old in app.findChildren(QTranslator):
        app.removeTranslator(old)
        old.setParent(None)  # (gone with its last Python reference)
    messages.install(None)
    QLocale.setDefault(QLocale(language))
    ours = QTranslator(app)
    if not ours.load(catalogue(language)):
        _in_use = "en"
        QLocale.setDefault(QLocale("en"))
        return _in_use if language == "en" else install(app, "en")
    app.installTranslator(ours)
    if language == "en":  # (its catalogue holds the plural forms of the counts only)
        messages.install(QCoreApplication.translate)
        return language
    messages.install(QCoreApplication.translate, labels.field_label)  # (the lower layers' messages too)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
    return language


def number(n: int) -> str:
    """``n`` written as the interface's language writes numbers (20,000)."""
    return QLocale().toString(n)


def listing(items: Iterable[str]) -> str:
    """``items`` as one phrase of the interface's language ("Title and
    Summary", "标题和摘要")."""
    return QLocale().createSeparatedList(list(items))


def without_mnemonic(text: str) -> str:
    """``text`` of an action without its mnemonic: "&Import…" is "Import…",
    "导入(&I)…" (or Qt's "导入(I)…") is "导入…", as a toolbar shows it."""
    return re.sub(r"\(&?[^\s()&]\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")
