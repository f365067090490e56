"""SIGKILL at random moments: a process doing real command-line work (add,
set, tag, delete, import, backup, merge of a field copy; see
``tests.attack.driver``) is killed again and again, at random, at the
start of an op, or just before or after a database commit. After each
kill the library opens, passes ``ngodesk check`` (SQLite's integrity check
among others) and holds every edit the process reported committed.

``NGODESK_ATTACK_KILLS=N`` kills N times (100 by default)."""

from __future__ import annotations

import random
import signal
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import nullcontext
from pathlib import Path

import pytest
from sqlalchemy import text

from ngodesk.services import queries
from ngodesk.services.library import open_library
from ngodesk.store import backups
from ngodesk.store.library import BACKUPS_DIR, Library
from tests.attack.driver import committed, read_ledger
from tests.attack.harness import FIGURES, Zygote, count, counted, succeeded
from tests.conftest import SAMPLE
from tests.test_cli import ngodesk

#: Backups made after one that may have rotated it away (10 are kept).
ROTATED = 8


def _story_facts(library: Library) -> dict[str, dict[str, str]]:
    with library.read() as session:
        rows = session.execute(text("SELECT id, uuid, title, summary, source, body FROM stories")).all()
    tag_lists = queries.story_tags(library, [row.id for row in rows])
    return {
        row.uuid: {"title": row.title, "summary": row.summary, "source": row.source, "body": row.body}
        | {"tags": "\n".join(tag_lists.get(row.id, []))}
        for row in rows
    }


def _lost(entries: list[dict], mine: Library, copy: Library | None) -> list[str]:
    """Committed edits of the ledger that the libraries do not hold (the
    field copy's when it is given). An op started later and not reported
    committed may or may not have committed: either outcome is right."""
    facts, theirs = _story_facts(mine), _story_facts(copy) if copy else None
    titles = {f["title"] for f in facts.values()}
    tag_paths = set(queries.tag_paths(mine))
    deleting = {e["uuid"] for e in entries if e["op"] == "delete"}
    settings: dict[tuple[str, str], set[str]] = {}  # (story, field) -> the values it may have now
    backups_after, copied, lost = 0, set(), []
    for e in reversed(entries):
        if e["state"] == "start" and e["op"] in ("backup", "merge"):
            backups_after += 1
        e["backups_after"] = backups_after
    for e in entries:
        if e["op"] == "set" and e["state"] == "done":
            settings[e["uuid"], e["field"]] = {e["value"]}
        elif e["op"] == "set" and e["state"] == "start":
            settings.setdefault((e["uuid"], e["field"]), set()).add(e["value"])
    for e in entries:
        if e["state"] != "done":
            continue
        FIGURES.committed_checked += 1
        op, story = e["op"], facts.get(e.get("uuid", ""))
        if op == "add" and story is None and e["uuid"] not in deleting:
            lost.append(f"added story {e['title']!r} is missing")
        elif op in ("set", "tag") and story is None:
            lost.append(f"{op} on {e['uuid']}: the story is missing")
        elif op == "set" and story[e["field"]] not in settings[e["uuid"], e["field"]]:
            lost.append(f"set {e['field']}={e['value']!r} (or later): the story has {story[e['field']]!r}")
        elif op == "tag" and e["path"] not in story["tags"].split("\n"):
            lost.append(f"tag {e['path']} is not on its story")
        elif op == "create-tag" and e["path"] not in tag_paths:
            lost.append(f"tag {e['path']} is missing")
        elif op == "delete" and e["uuid"] in facts:
            lost.append(f"deleted story {e['uuid']} is back")
        elif op == "import" and not set(e["titles"]) <= titles:
            lost.append(f"imported {sorted(set(e['titles']) - titles)} missing")
        elif op == "backup" and e["backups_after"] < ROTATED and not Path(e["path"]).is_file():
            lost.append(f"backup {e['path']} is missing")  # (and every backup listed is sound: see check)
        elif op == "copy-add":
            copied.add(e["uuid"])
            if theirs is not None and e["uuid"] not in theirs:
                lost.append(f"story {e['title']!r} added in the field copy is missing there")
        elif op == "merge" and not copied <= facts.keys():
            lost.append(f"merge: {len(copied - facts.keys())} stories of the field copy are missing")
    return lost


class _Stream:
    """One library and its field copy under attack, with its own fork
    server and ledger. Two streams take turns: one's process runs (and is
    killed) while the other's library is checked, so both cores work."""

    def __init__(self, folder: Path, scratch: Path, rng: random.Random) -> None:
        self.folder, self.copy, self.ledger = folder / "library", folder / "copy", folder / "ledger.jsonl"
        self.scratch, self.rng, self.runs = scratch, rng, 0
        self.zygote = Zygote(scratch)
        self.how, self.deadline, self.wanted = "", 0.0, 0
        self.sound: set[Path] = set()  # (backups checked already)

    def prepare(self) -> None:
        """The library, its copy, and stories for the ops that need one."""
        succeeded(self.zygote.cli("--library", str(self.folder), "import", str(SAMPLE)))
        succeeded(self.zygote.cli("--library", str(self.folder), "copy", str(self.copy)))
        args = {"library": str(self.folder), "copy": str(self.copy), "run": -1, "seed": 0}
        args |= {"ledger": str(self.ledger), "scratch": str(self.scratch), "plan": ("add", "add", "doomed", "doomed")}
        self.zygote.start("drive", args=args)
        succeeded(self.zygote.wait())

    def start(self) -> None:
        """Start the driver, to be killed one way or another (``self.how``)."""
        self.how = self.rng.choice(("random", "random", "late", "at an op's start", "at a commit", "after a commit"))
        args = {"library": str(self.folder), "copy": str(self.copy), "run": self.runs, "seed": self.rng.random()}
        args |= {"ledger": str(self.ledger), "scratch": str(self.scratch)}
        if self.how in ("at a commit", "after a commit"):
            args |= {"die_at": self.rng.randint(1, 5), "die_after": self.how == "after a commit"}
        self.wanted = len(read_ledger(self.ledger)) + self.rng.randint(1, 3)
        self.zygote.start("drive", args=args)
        self.deadline = time.monotonic() + self.rng.uniform(0, 0.6 if self.how == "late" else 0.25)
        self.runs += 1

    def kill(self) -> None:
        """Kill the driver (when its moment came) and check what it left."""
        pid = self.zygote.pid
        assert pid is not None
        if self.how in ("random", "late"):
            time.sleep(max(0.0, self.deadline - time.monotonic()))
        elif self.how == "at an op's start":
            while len(read_ledger(self.ledger)) < self.wanted and time.monotonic() < self.deadline + 30:
                time.sleep(0.002)
        if self.how in ("random", "late", "at an op's start"):
            self.zygote.kill()
        result = counted(("(kill driver)",), self.zygote.wait())
        assert result.code == -signal.SIGKILL, (self.how, result.code, result.stderr[-3000:])
        FIGURES.kills += 1
        failed = [e for e in read_ledger(self.ledger) if e["state"] == "failed"]
        assert failed == [], (failed, result.stderr[-3000:])

    def check(self, by_command: bool) -> None:
        """The libraries open and are sound, and no committed edit is
        lost (the field copy, which few ops write to, and by the command
        itself: ``by_command``)."""
        with open_library(self.folder) as mine, open_library(self.copy) if by_command else nullcontext() as theirs:
            assert queries.check(mine) == []
            assert theirs is None or queries.check(theirs) == []
            lost = _lost(read_ledger(self.ledger), mine, theirs)
        FIGURES.committed_lost += lost
        assert lost == []
        opened = (self.folder, self.copy) if by_command else (self.folder,)
        leftovers = [p for folder in opened for p in folder.rglob("*") if ".partial" in p.name]
        assert leftovers == []  # (what a killed backup or copy left is removed on the next opening)
        for listed in backups.listing(self.folder / BACKUPS_DIR):  # (a backup is complete or not there)
            if listed.path not in self.sound:
                assert backups.problems(listed.path) == [], listed.path
                self.sound.add(listed.path)
        if by_command:
            for library in (self.folder, self.copy):
                out = succeeded(self.zygote.cli("--library", str(library), "check"))
                assert out.strip() == "No problems found."


@pytest.fixture
def streams(tmp_path: Path) -> Iterator[list[_Stream]]:
    seed = count("NGODESK_ATTACK_SEED", random.randrange(1 << 32))
    print(f"kill harness seed {seed} (NGODESK_ATTACK_SEED={seed} makes the same choices; the moments vary)")
    rng = random.Random(seed)
    made = []
    for name in ("a", "b"):
        (tmp_path / name / "scratch").mkdir(parents=True)
        made.append(_Stream(tmp_path / name, tmp_path / name / "scratch", rng))
    try:
        for stream in made:
            stream.prepare()
        yield made
    finally:
        for stream in made:
            stream.zygote.close()


def test_no_committed_edit_is_lost_and_no_library_damaged_by_sigkill(streams: list[_Stream]) -> None:
    kills = count("NGODESK_ATTACK_KILLS", 100)
    streams[0].start()
    for n in range(kills):
        killed, next_one = streams[n % 2], streams[(n + 1) % 2]
        if n + 1 < kills:
            next_one.start()
        killed.kill()
        killed.check(by_command=n % 50 == 49 or n + 2 >= kills)
    entries = [e for stream in streams for e in read_ledger(stream.ledger) if e["run"] >= 0]
    print(f"ops started: {Counter(e['op'] for e in entries if e['state'] == 'start')}")
    print(f"ops committed: {Counter(e['op'] for e in committed(entries))}")
    if kills >= 40:  # (each kind of op comes first in a run in turn: each was attacked)
        assert {e["op"] for e in entries} >= {"add", "set", "tag", "delete", "import", "backup", "copy-add", "merge"}
    assert (
        counted(("check",), ngodesk("check", library=streams[0].folder, real=True)).code == 0
    )  # (the real command, once)
