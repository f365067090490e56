"""Checks on text from outside (command line, files, clipboard), and keys
that make two spellings of the same thing compare equal."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
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


# -- language values ----------------------------------------------------
#
# Files give a story's language as a code (zh, chi, zho, cmn, eng), a
# locale (zh_CN, en-US) or a name in some language ("Chinese", "english",
# 中文, 英文): they are read with langcodes, whose language-data knows the
# names of languages in many languages (CLDR), rather than with a table of
# our own. langcodes is imported by the functions that need it (0.1 s, and
# a command that reads no language must not pay it: issue 23) and each
# value is read once per process (lru_cache: an import holds few distinct
# values, and a reading costs tens of microseconds to milliseconds).

#: Values CLDR has no name for that Chinese and older Windows exports use,
#: read as the value given here ("zh; en": both, the first kept).
_LANGUAGE_ALIASES = {
    **dict.fromkeys(("汉语", "漢語", "华语", "華語", "国语", "國語", "华文", "華文", "汉文", "普通話"), "zh"),
    **dict.fromkeys(("中国语", "中國語", "中国话", "中國話"), "zh"),
    **dict.fromkeys(("简体", "簡體", "简体字", "簡體字", "zh-chs", "chs"), "zh-Hans"),
    **dict.fromkeys(("繁体", "繁體", "繁体字", "繁體字", "zh-cht", "cht"), "zh-Hant"),
    **dict.fromkeys(("中英", "中英文", "中英双语", "中英雙語"), "zh; en"),
    "廣東話": "yue",
}
#: Chinese written in which script, by region (zh_CN is simplified).
_CHINESE_SCRIPTS = {"CN": "Hans", "SG": "Hans", "MY": "Hans", "TW": "Hant", "HK": "Hant", "MO": "Hant"}
#: Words of a Chinese language name that say the script ("Chinese (Simplified)", 中文简体).
_SCRIPT_WORDS = (
    (re.compile(r"simplified|简体|簡體|\bhans\b", re.IGNORECASE), "Hans"),
    (re.compile(r"traditional|繁体|繁體|\bhant\b", re.IGNORECASE), "Hant"),
)
#: What separates languages in one value ("English; Chinese", "en/zh", 中文、英文).
_LANGUAGE_LIST = re.compile(r"\s*(?:[;；/|、&+,，]|\band\b|和|及|与)\s*", re.IGNORECASE)
#: A name with a region or script in brackets: "English (United Kingdom)", 中文（简体）.
_QUALIFIED = re.compile(r"(.+?)\s*[(（]\s*([^()（）]+?)\s*[)）]")
#: Control characters (line breaks too): no language name holds them (and
#: language-data's lookup breaks on a NUL).
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
#: A value longer than this is not read as a language (nor looked up).
_LANGUAGE_MAX = 80


@dataclass(frozen=True)
class LanguageReading:
    """What a language value given by a file or a person reads as."""

    #: the value given, without surrounding white space
    given: str
    #: its BCP 47 tag ("" for no language, or when it names none)
    tag: str
    #: False when the value names no language (kept as given elsewhere)
    readable: bool = True
    #: the value names several languages; ``tag`` is the first
    several: bool = False

    @property
    def changed(self) -> bool:
        """True when ``tag`` says it otherwise than ``given`` (not merely
        in letter case or with ``_`` for ``-``): worth keeping as given."""
        return self.given.replace("_", "-").casefold() != self.tag.casefold()


@lru_cache(maxsize=4096)
def primary(language: str) -> str:
    """``zh-CN`` -> ``zh``: the language, whatever its region or script."""
    return language.split("-")[0].lower()


def same_language(one: str, other: str) -> bool:
    """Whether two tags name one language as a translator sees it: en and
    en-GB are one; zh and zh-Hans are one, zh-Hant another (a script to
    convert to)."""

    def seen(tag: str) -> str:
        return "zh-Hans" if tag == "zh" else tag

    one, other = seen(one), seen(other)
    if one == other:
        return True
    return primary(one) == primary(other) != "zh"


def read_language(value: str) -> LanguageReading:
    """``value`` as a BCP 47 tag: codes standardised (chi, zho, cmn ->
    zh; eng -> en; ZH-cn -> zh-Hans), names in any language CLDR knows
    looked up ("Chinese", 中文 -> zh; "English", 英文 -> en; 简体中文 ->
    zh-Hans). Chinese takes its script from its region (zh_CN, zh-SG ->
    zh-Hans; zh-TW, zh-HK, zh-MO -> zh-Hant; no region: zh) and keeps no
    region; other languages keep a region only where it is not the
    language's usual one (en-US -> en, pt-BR -> pt; en-GB, pt-PT, fr-CA
    stay). ``und`` (undetermined) is no language. Several languages in one
    value ("English; Chinese"): the first, ``several`` set."""
    given = value.strip()
    if not given:
        return LanguageReading("", "")
    if len(given) > _LANGUAGE_MAX or unencodable_at(given) is not None or _CONTROLS.search(given):
        return LanguageReading(given, "", readable=False)
    listed = _LANGUAGE_ALIASES.get(given.casefold(), given)  # (中英文: "zh; en")
    parts = [part for part in _LANGUAGE_LIST.split(listed) if part]
    if len(parts) > 1:  # (before the whole: names are looked up by prefix, "English; Chinese" is English)
        tags = [_one_language(part) for part in parts]
        if all(found is not None for found in tags):
            return LanguageReading(given, next(t for t in tags if t is not None), several=len(set(tags)) > 1)
    tag = _one_language(given)
    if tag is not None:
        return LanguageReading(given, tag)
    return LanguageReading(given, "", readable=False)


def _one_language(value: str) -> str | None:
    """The tag of one language named or coded by ``value``, or None."""
    from langcodes import Language
    from langcodes.tag_parser import LanguageTagError

    if value.casefold() == "und":  # (undetermined)
        return ""
    alias = _LANGUAGE_ALIASES.get(value.casefold().replace("_", "-"), "")
    if alias and ";" not in alias:
        value = alias
    if value.isascii() and LANGUAGE_CODE.match(value.replace("_", "-")):
        try:
            coded = Language.get(value.replace("_", "-"), normalize=True)
        except (LanguageTagError, ValueError):
            coded = None
        if coded is not None and coded.is_valid():
            return _tidy(coded.prefer_macrolanguage())
    qualified = _QUALIFIED.fullmatch(value)
    if qualified and (base := _one_language(qualified[1])):  # English (United Kingdom), 中文（简体）
        found = Language.get(base)
        for qualifier in re.split(r"\s*[,，、]\s*", qualified[2]):
            found = found.update(_subtag(qualifier))
        return _tidy(found)
    try:
        named = Language.find(value)
    except LookupError:
        bare = value
        for pattern, _ in _SCRIPT_WORDS:
            bare = pattern.sub("", bare)
        bare = bare.strip(" \t()（）[]-,，")
        if bare == value or not bare:
            return None
        try:
            named = Language.find(bare)
        except LookupError:
            return None
    named = named.prefer_macrolanguage()
    if named.language == "zh" and not named.script:
        script = next((script for pattern, script in _SCRIPT_WORDS if pattern.search(value)), None)
        named = named.update_dict({"script": script}) if script else named
    return _tidy(named)


def _subtag(name: str) -> Any:
    """A langcodes ``Language`` holding the region or script ``name`` names
    (United Kingdom, 英国: GB; Simplified, 简体: Hans), else an empty one."""
    from langcodes import Language

    for kind in ("territory", "script"):
        try:
            return Language.find_name(kind, name)
        except LookupError:
            continue
    return Language.make()


def _tidy(found: Any) -> str | None:
    """The tag of a langcodes ``Language`` as ngodesk stores it (see
    ``read_language``); None when it is not a language."""
    from langcodes import Language

    if found.language in (None, "und"):
        if found.script in ("Hans", "Hant"):  # (简体, 繁體: Chinese by its script alone)
            return f"zh-{found.script}"
        return "" if found.language == "und" and not found.script and not found.territory else None
    if found.language == "zh":
        script = found.script or _CHINESE_SCRIPTS.get(found.territory or "")
        return f"zh-{script}" if script else "zh"
    usual = Language.make(language=found.language).maximize()
    kept = found.update_dict(
        {
            "script": None if found.script == usual.script else found.script,
            "territory": None
            if found.territory == Language.make(language=found.language, script=found.script).maximize().territory
            else found.territory,
        }
    )
    tag = kept.to_tag()
    return tag if len(tag) <= 35 else None  # (the column holds 35)


#: Languages offered by name when a value names none (see ``suggest_language``).
COMMON_LANGUAGES = ("en", "zh", "zh-Hans", "zh-Hant", "fr", "es", "ar", "ru", "pt", "sw", "de", "ja", "ko")


@lru_cache(maxsize=256)
def suggest_language(value: str) -> str:
    """The tag of a language whose name or code is close to ``value``
    (a typing mistake: "Chinse", "Englsh", "zh-XX"), or ""."""
    import difflib

    from langcodes import Language

    head = re.split(r"[-_]", value.strip(), maxsplit=1)[0]
    if head != value.strip() and (reading := read_language(head)).tag:
        return reading.tag
    names: dict[str, str] = {}
    for tag in COMMON_LANGUAGES:
        language = Language.get(tag)
        for name in (language.display_name("en"), language.display_name("zh-Hans"), language.autonym(), tag):
            names.setdefault(name.casefold(), tag)
    found = difflib.get_close_matches(value.strip().casefold(), list(names), n=1, cutoff=0.6)
    return names[found[0]] if found else ""


@lru_cache(maxsize=1024)
def language_name(tag: str, in_language: str = "en") -> str:
    """The name of the language ``tag`` (any letter case) in the language
    ``in_language`` ("Chinese (Simplified)"; in zh-Hans 中文（简体）); the
    tag itself when it names no language ngodesk can read."""
    from langcodes import Language
    from langcodes.tag_parser import LanguageTagError

    try:
        language = Language.get(tag, normalize=True)
    except (LanguageTagError, ValueError):
        return tag
    if not tag or not language.is_valid():
        return tag
    return language.display_name(read_language(in_language).tag or "en")
