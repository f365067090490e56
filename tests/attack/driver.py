"""The kill harness's victim: many small real commands (``ngodesk.cli.main``
in this process, as ``python -m ngodesk`` runs it) against one library and
its field copy, each written to a ledger before it starts and after it
returned 0, i.e. committed. Run in a child of ``tests.attack.zygote`` and
killed with SIGKILL at a random moment, or by itself (``die_at``) just
before or just after the Nth database commit.

Ledger lines (JSON): ``{"run", "n", "op", "state": "start"|"done", ...}``;
an op is committed when its ``done`` line is there. What each op leaves,
and so what ``tests.attack.test_kills`` checks after a kill:

- ``add``: a story with ``uuid`` and ``title`` (``doomed`` ones may be
  deleted later by a ``delete``);
- ``set``: story ``uuid``'s ``field`` is ``value`` (or a later op's value);
- ``tag``: story ``uuid`` has the tag ``path``;
- ``create-tag``: the tag ``path`` exists;
- ``delete``: story ``uuid`` is gone;
- ``import``: stories titled ``titles`` exist;
- ``backup``: the file ``path`` is a sound backup;
- ``copy-add`` (in the field copy), then ``merge``: the stories added
  there before are in the library.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import signal
from pathlib import Path

from ngodesk.cli import main

#: Ops and how often the driver picks each.
WEIGHTS = {
    "add": 4,
    "doomed": 1,
    "set": 4,
    "tag": 2,
    "create-tag": 1,
    "delete": 1,
    "import": 1,
    "backup": 1,
    "copy-add": 1,
    "merge": 1,
}


def read_ledger(path: Path | str) -> list[dict]:
    """The ledger's complete lines (a kill may cut the last one short)."""
    entries = []
    with contextlib.suppress(FileNotFoundError):
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            with contextlib.suppress(ValueError):
                entries.append(json.loads(line))
    return entries


def committed(entries: list[dict]) -> list[dict]:
    """The ``done`` lines, in order."""
    return [e for e in entries if e["state"] == "done"]


def _die_at_commit(number: int, after: bool) -> None:
    """SIGKILL this process at its ``number``th commit (just before the
    database's COMMIT, or just after it returned)."""
    from sqlalchemy import Engine, event
    from sqlalchemy.orm import Session

    seen = [0]

    def hook(*_: object) -> None:
        seen[0] += 1
        if seen[0] >= number:
            os.kill(os.getpid(), signal.SIGKILL)

    if after:
        event.listen(Session, "after_commit", hook)
    else:
        event.listen(Engine, "commit", hook)


class _Driver:
    def __init__(self, library: str, copy: str, run: int, seed: int, ledger: str, scratch: str) -> None:
        self.library, self.copy, self.run, self.scratch = library, copy, run, Path(scratch)
        self.random = random.Random(seed)
        self.ledger = os.open(ledger, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        entries = read_ledger(ledger)
        done = committed(entries)
        deleted = {e["uuid"] for e in entries if e["op"] == "delete"}  # (or maybe deleted: killed at the commit)
        self.stories = [e["uuid"] for e in done if e["op"] == "add" and not e["doomed"]]
        self.doomed = [e["uuid"] for e in done if e["op"] == "add" and e["doomed"] and e["uuid"] not in deleted]
        self.n = 0

    def note(self, entry: dict) -> None:
        os.write(self.ledger, (json.dumps({"run": self.run, "n": self.n, **entry}) + "\n").encode())

    def cli(self, entry: dict, *argv: str, library: str | None = None) -> str | None:
        """Standard output of the command, None when it failed (noted in
        the ledger: a command refused after a kill is a finding)."""
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = main(["--library", library or self.library, *argv])
        if code != 0:
            self.note({**entry, "state": "failed", "code": code})
            return None
        return out.getvalue()

    def step(self) -> None:
        """One op: each kind in turn first in a run (the start is where
        most kills land), then at random."""
        self.n += 1
        op = list(WEIGHTS)[self.run % len(WEIGHTS)] if self.n == 1 else ""
        op = op or self.random.choices(list(WEIGHTS), list(WEIGHTS.values()))[0]
        if op in ("set", "tag") and not self.stories or op == "delete" and not self.doomed:
            op = "add"
        getattr(self, "_" + op.replace("-", "_"))()

    def _do(self, entry: dict, *argv: str, library: str | None = None) -> str | None:
        self.note({**entry, "state": "start"})
        out = self.cli(entry, *argv, library=library)
        if out is not None:
            self.note({**entry, "state": "done"})
        return out

    def _add(self, doomed: bool = False) -> None:
        title = f"{'doomed' if doomed else 'story'} r{self.run} n{self.n} 走出去"
        entry = {"op": "add", "title": title, "doomed": doomed}
        self.note({**entry, "state": "start"})
        out = self.cli(entry, "add", "--title", title, f"summary=s{self.n}", f"tags+=attack/r{self.run}")
        if out is not None:
            uuid = out.strip()
            self.note({**entry, "uuid": uuid, "state": "done"})
            (self.doomed if doomed else self.stories).append(uuid)

    def _doomed(self) -> None:
        self._add(doomed=True)

    def _set(self) -> None:
        uuid = self.random.choice(self.stories)
        field = self.random.choice(("summary", "source", "body"))
        value = f"{field} r{self.run} n{self.n} 丝路"
        self._do({"op": "set", "uuid": uuid, "field": field, "value": value}, "set", uuid, f"{field}={value}")

    def _tag(self) -> None:
        uuid, path = self.random.choice(self.stories), f"attack/t{self.run}-{self.n}"
        self._do({"op": "tag", "uuid": uuid, "path": path}, "set", uuid, f"tags+={path}")

    def _create_tag(self) -> None:
        path = f"attack/made/r{self.run}n{self.n}"
        self._do({"op": "create-tag", "path": path}, "tag", "create", path)

    def _delete(self) -> None:
        uuid = self.doomed.pop(self.random.randrange(len(self.doomed)))
        self._do({"op": "delete", "uuid": uuid}, "delete", uuid)

    def _import(self) -> None:
        titles = [f"imported r{self.run} n{self.n} {i}" for i in range(3)]
        path = self.scratch / f"import-r{self.run}-n{self.n}.csv"
        path.write_text("title,date\n" + "".join(f"{t},2024-01-0{i + 1}\n" for i, t in enumerate(titles)), "utf-8")
        self._do({"op": "import", "titles": titles}, "import", str(path))

    def _backup(self) -> None:
        entry = {"op": "backup"}
        self.note({**entry, "state": "start"})
        out = self.cli(entry, "backup")
        if out is not None:  # "Backed up to PATH (N KB)."
            self.note({**entry, "path": out.removeprefix("Backed up to ").rpartition(" (")[0], "state": "done"})

    def _copy_add(self) -> None:
        title = f"field r{self.run} n{self.n}"
        entry = {"op": "copy-add", "title": title}
        self.note({**entry, "state": "start"})
        out = self.cli(entry, "add", "--title", title, library=self.copy)
        if out is not None:
            self.note({**entry, "uuid": out.strip(), "state": "done"})

    def _merge(self) -> None:
        self._do({"op": "merge"}, "merge", self.copy)


def drive(
    library: str,
    copy: str,
    run: int,
    seed: int,
    ledger: str,
    scratch: str,
    steps: int = 1000,
    die_at: int | None = None,
    die_after: bool = False,
    plan: tuple[str, ...] = (),
) -> None:
    """Run up to ``steps`` ops (until killed, as a rule), or the ops of ``plan``."""
    if die_at is not None:
        _die_at_commit(die_at, die_after)
    driver = _Driver(library, copy, run, seed, ledger, scratch)
    for op in plan:
        driver.n += 1
        getattr(driver, "_" + op.replace("-", "_"))()
    for _ in range(0 if plan else steps):
        driver.step()
