"""Writing a file the user named, or standard output: a file appears
complete or not at all (written beside the target, then put in its
place), whatever the writer raises; one the user may open at once.

Every export (stories, annotations, glossary, thesaurus) writes through
``deliver``. No Qt, no library: any layer above formats may use it.
"""

from __future__ import annotations

import io
import os
import re
import secrets
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

from ngodesk.domain.errors import NgodeskError
from ngodesk.domain.i18n import translate


def deliver(target: Path | str | None, write: Callable[[IO[str]], object]) -> None:
    """Run ``write`` on the file ``target`` (UTF-8, newlines untranslated),
    which appears complete or not at all, or on standard output when it is
    None. Raises NgodeskError naming the file when it cannot be written;
    whatever ``write`` raises leaves the file as it was."""
    if target is None:
        _to_stdout(write)
    else:
        _to_file(Path(target), write)


def _to_file(target: Path, write: Callable[[IO[str]], object]) -> None:
    if target.is_dir() or target.name in ("", ".", ".."):  # (-o . meaning "here", say)
        raise NgodeskError(
            translate("Messages", "Cannot write {target}: it is a folder; give the name of a file.").format(
                target=target
            )
        )
    _remove_stale_parts(target)
    # Made with os.open, not mkstemp, so that the file gets the user's usual
    # permissions (mkstemp's are private to the user).
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    try:
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as error:
        raise NgodeskError(
            translate("Messages", "Cannot write {target}: {value}").format(target=target, value=error.strerror or error)
        ) from error
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            write(out)
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise NgodeskError(
            translate("Messages", "Cannot write {target}: {value}").format(target=target, value=error.strerror or error)
        ) from error
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


#: A partial file of an export of the same name older than this was left
#: by an export that was killed (SIGKILL, a power cut): no export runs so long.
STALE_PART = 6 * 3600


def _remove_stale_parts(target: Path) -> None:
    """Delete what killed exports to ``target`` left beside it."""
    pattern = re.compile(re.escape(f".{target.name}.") + r"[0-9a-f]{8}\.part")
    try:
        found = [p for p in target.parent.iterdir() if pattern.fullmatch(p.name)]
        for path in found:
            if time.time() - path.lstat().st_mtime > STALE_PART and not path.is_symlink():
                path.unlink(missing_ok=True)
    except OSError:
        pass  # (the export itself says what is wrong with the folder)


def _to_stdout(write: Callable[[IO[str]], object]) -> None:
    sys.stdout.flush()
    out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
    try:
        write(out)
        out.flush()
    except OSError as error:  # e.g. a closed pipe
        raise NgodeskError(
            translate("Messages", "Cannot write to standard output: {value}").format(value=error.strerror or error)
        ) from error
    finally:
        out.detach()  # standard output stays open
