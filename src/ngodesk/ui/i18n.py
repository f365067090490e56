"""The interface language: English (the source) or Simplified Chinese.

The choice lives in the preferences (``settings.LANGUAGE``; empty: follow
the system locale, so any Chinese locale gets Chinese) and applies from the
next start. ngodesk's own strings come from
``resources/translations/ngodesk_<language>.qm`` (compiled from the .ts
by ``make``), the lower layers' messages through ``ngodesk.domain.i18n``,
and the standard dialogs' from Qt's own translations.
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ngodesk.domain import i18n as messages

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
    if language == "en":
        return language
    ours = QTranslator(app)
    if not ours.load(catalogue(language)):
        _in_use = "en"
        return _in_use
    app.installTranslator(ours)
    messages.install(QCoreApplication.translate)  # (the lower layers' messages too)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
    QLocale.setDefault(QLocale(language))
    return language
