"""Keep the translations of strings that moved to another class.

lupdate files a string under the class that translates it (its context):
when code moves from one class to another, the string comes back
unfinished under the new context and its translation is dropped with the
old one. ``make ts`` runs this after lupdate: every unfinished message
whose source (and comment, and plural-ness) had a finished translation in
the file before takes that translation.

Usage: carry_translations.py BEFORE.ts AFTER.ts (AFTER is rewritten).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

MESSAGE = re.compile(r"<message( numerus=\"yes\")?>.*?</message>", re.DOTALL)
SOURCE = re.compile(r"<source>.*?</source>(\s*<comment>.*?</comment>)?", re.DOTALL)
TRANSLATION = re.compile(r"<translation[^>]*>.*?</translation>|<translation[^>]*/>", re.DOTALL)
UNFINISHED = 'type="unfinished"'


def _key(message: str) -> tuple[bool, str] | None:
    found = SOURCE.search(message)
    return (' numerus="yes"' in message[:30], found.group(0)) if found else None


def finished(text: str) -> dict[tuple[bool, str], str]:
    """The finished translations of a .ts file's text, by their source
    (its XML as lupdate writes it, with the comment)."""
    found: dict[tuple[bool, str], str] = {}
    for match in MESSAGE.finditer(text):
        message = match.group(0)
        key, translation = _key(message), TRANSLATION.search(message)
        if key and translation and UNFINISHED not in translation.group(0) and "vanished" not in translation.group(0):
            found.setdefault(key, translation.group(0))
    return found


def carry(before: str, after: str) -> tuple[str, int]:
    """``after`` with its unfinished messages translated from ``before``
    where it had them; and how many were."""
    known = finished(before)
    carried = 0

    def fill(match: re.Match[str]) -> str:
        nonlocal carried
        message = match.group(0)
        translation = TRANSLATION.search(message)
        key = _key(message)
        if translation is None or UNFINISHED not in translation.group(0) or key not in known:
            return message
        carried += 1
        return message[: translation.start()] + known[key] + message[translation.end() :]

    return MESSAGE.sub(fill, after), carried


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    before, after = (Path(name) for name in argv)
    text, carried = carry(before.read_text(encoding="utf-8"), after.read_text(encoding="utf-8"))
    if carried:
        after.write_text(text, encoding="utf-8")
        print(f"{after}: {carried} translations carried to the class the string moved to")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
