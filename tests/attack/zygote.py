"""A fork server for the attack suite: one process imports ngodesk once, then
runs each request in a forked child, so a command costs milliseconds instead
of the interpreter's start-up (1-2 s), and the suite can kill hundreds of
them. A child is a real, separate process running the real code: the
command line's ``main`` (as ``python -m ngodesk`` does) or the kill driver
(``tests.attack.driver``); a SIGKILL sent to it is a SIGKILL.

Protocol (JSON lines): a request ``{"kind": "cli"|"drive", "argv": [...],
"args": {...}, "out": PATH, "err": PATH, "env": {...}, "cwd": PATH}`` is
answered ``{"pid": N}`` at once and ``{"code": C}`` when the child ended
(C < 0: killed by signal -C). One child at a time.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import traceback

import ngodesk.cli  # noqa: F401 - imported once here, inherited by every child
import ngodesk.services.field_copy  # noqa: F401
import ngodesk.services.merging  # noqa: F401


def _redirect(path: str, fd: int) -> None:
    target = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(target, fd)
    os.close(target)


def _run(request: dict) -> int:
    if request["kind"] == "drive":
        from tests.attack.driver import drive

        drive(**request["args"])
        return 0
    from ngodesk.cli import main

    return main(request["argv"])


def _child(request: dict) -> None:
    """In the forked child: never returns."""
    code = 1
    try:
        stdin = os.open(os.devnull, os.O_RDONLY)
        os.dup2(stdin, 0)
        _redirect(request["out"], 1)
        _redirect(request["err"], 2)
        os.environ.clear()
        os.environ.update(request["env"])
        tempfile.tempdir = None  # (found again from $TMPDIR)
        os.chdir(request["cwd"])
        try:
            code = _run(request)
        except SystemExit as stop:  # (argparse's usage errors)
            code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
        except BaseException:  # noqa: BLE001 - printed as the interpreter prints an uncaught error
            traceback.print_exc()
            code = 1
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)


def serve() -> None:
    for line in sys.stdin:
        request = json.loads(line)
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            _child(request)
        print(json.dumps({"pid": pid}), flush=True)
        _, status = os.waitpid(pid, 0)
        print(json.dumps({"code": os.waitstatus_to_exitcode(status)}), flush=True)


if __name__ == "__main__":
    serve()
