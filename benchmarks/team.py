"""The team hub at scale, on a real PostgreSQL server this script starts
(``tests/pg_cluster.py``: initdb and pg_ctl in a temporary folder):

1. the first join of a library of SIZE generated stories to an empty hub
   (everything pushed) and of an empty library (everything pulled), each
   beside COPY of the same rows into (and out of) a table of the hub's
   shape, measured in the same run;
2. an incremental sync of CHANGED edited stories on that hub;
3. DESKS desktops (processes) that each edit stories of their own (and,
   every 50th edit, one story all of them edit) and sync every 100 edits,
   for EDITS edits or MINUTES: then every desktop syncs twice and the
   script checks that no edit was lost (each is on the hub and on every
   desktop) and that conflicts came only from the story all edited.

    python benchmarks/team.py                                  # 100,000 stories, 20 desks
    python benchmarks/team.py --size 10000 --desks 4 --edits 200 --minutes 1
    python benchmarks/team.py --size 10000 --desks 0                # the joins and one sync only

Beside each join's time, the CPU time it took in this process and in the
server's processes (read from /proc: on a machine shared with other work,
the wall times measure its queue too).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import generate
from run import percentile, table, timed

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.pg_cluster import running_cluster  # noqa: E402 - (the repository's root on the path first)

from ngodesk.services import conflicts as conflicts_of  # noqa: E402
from ngodesk.services import importing, queries, stories, team  # noqa: E402
from ngodesk.services.library import open_library  # noqa: E402

T = TypeVar("T")

#: Each join within this many times COPY of the same rows.
JOIN_LIMIT = 3.0
#: An incremental sync of CHANGED stories, at most (s).
SYNC_LIMIT = 1.0
#: A desk syncs after this many edits.
SYNC_EVERY = 100
#: Every this many edits a desk edits the story all desks edit.
SHARED_EVERY = 50


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--changed", type=int, default=100)
    parser.add_argument("--desks", type=int, default=20)
    parser.add_argument("--desk-size", type=int, default=5_000, help="stories of the desks' library")
    parser.add_argument("--edits", type=int, default=500)
    parser.add_argument("--minutes", type=float, default=2.0)
    parser.add_argument("--workdir", help="where the temporary files go")
    parser.add_argument("--desk", nargs=5, metavar=("FOLDER", "N", "DESKS", "EDITS", "SECONDS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.desk:
        return _desk(Path(args.desk[0]), *(int(float(v)) for v in args.desk[1:]))
    rows: list[tuple[str, ...]] = []
    with tempfile.TemporaryDirectory(dir=args.workdir) as folder, running_cluster() as cluster:
        os.environ["PGPASSWORD"] = cluster.password  # (the desks' syncs: libpq's, as a user's ~/.pgpass)
        tmp = Path(folder)
        cluster.sql("CREATE DATABASE hub")
        cluster.sql("CREATE DATABASE desks")
        rows += _joins(cluster, tmp, args.size, args.changed)
        if args.desks:
            rows += _desks(cluster, tmp, args.desk_size, args.desks, args.edits, args.minutes)
    print(table(("metric", "ngodesk", "baseline", "ratio", "target", "result"), rows))
    return 0


def _joins(cluster, tmp: Path, size: int, changed: int) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    import psycopg

    url = cluster.url("hub")
    team.create(url)
    with open_library(tmp / "office") as library:
        importing.import_records(library, generate.records(size), parallel=True)
    with open_library(tmp / "office") as library:
        pushed_s, pushed, pushed_cpu = _with_cpu(cluster, lambda: team.join(library, url))
    with open_library(tmp / "newcomer") as library:
        pulled_s, pulled, pulled_cpu = _with_cpu(cluster, lambda: team.join(library, url))
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(
            "CREATE TABLE copied (kind text, uuid uuid, deleted boolean, data jsonb, PRIMARY KEY (kind, uuid))"
        )
        out = bytearray()

        def copy_out_of_hub() -> None:
            with connection.cursor().copy("COPY (SELECT kind, uuid, deleted, data FROM objects) TO STDOUT") as copy:
                for block in copy:
                    out.extend(block)

        def copy_into_table() -> None:
            with connection.cursor().copy("COPY copied FROM STDIN") as copy:
                copy.write(bytes(out))

        copy_out, _, copy_out_cpu = _with_cpu(cluster, copy_out_of_hub)
        copy_in, _, copy_in_cpu = _with_cpu(cluster, copy_into_table)
    with open_library(tmp / "office") as library:
        ids = queries.matching_ids(library, "").tolist()[:changed]
        for story_id in ids:
            stories.edit_story(library, story_id, {"title": f"Edited for the sync {story_id}"})
        sent_s, sent = timed(lambda: team.sync(library))
    with open_library(tmp / "newcomer") as library:
        taken_s, taken = timed(lambda: team.sync(library))
    objects = f"{pushed.pushed:,} objects"
    return [
        (f"first join, push: {size:,} stories, {objects} (s)", f"{pushed_s:.1f}", f"{copy_in:.1f}")
        + _verdict(pushed_s / copy_in, JOIN_LIMIT, f"<= {JOIN_LIMIT:g}x COPY in"),
        (
            "... CPU here + on the server (s)",
            _cpu(pushed_cpu),
            _cpu(copy_in_cpu),
            _ratio(pushed_cpu, copy_in_cpu),
            "",
            "",
        ),
        (f"first join, pull: {pulled.pulled:,} objects (s)", f"{pulled_s:.1f}", f"{copy_out:.1f}")
        + _verdict(pulled_s / copy_out, JOIN_LIMIT, f"<= {JOIN_LIMIT:g}x COPY out"),
        (
            "... CPU here + on the server (s)",
            _cpu(pulled_cpu),
            _cpu(copy_out_cpu),
            _ratio(pulled_cpu, copy_out_cpu),
            "",
            "",
        ),
        (f"sync of {changed} edited stories, sent: {sent.pushed:,} objects (s)", f"{sent_s:.2f}", "-", "-")
        + _verdict(sent_s, SYNC_LIMIT, f"<= {SYNC_LIMIT:g} s")[1:],
        (f"... taken by the other desk: {taken.pulled:,} objects (s)", f"{taken_s:.2f}", "-", "-")
        + _verdict(taken_s, SYNC_LIMIT, f"<= {SYNC_LIMIT:g} s")[1:],
    ]


def _with_cpu(cluster, action: Callable[[], T]) -> tuple[float, T, tuple[float, float]]:  # type: ignore[no-untyped-def]
    """Seconds ``action`` took, its result, and the CPU time it took in
    this process and in the server's processes."""
    here, server = time.process_time(), _server_cpu(cluster)
    took, result = timed(action)
    return took, result, (time.process_time() - here, _server_cpu(cluster) - server)


def _server_cpu(cluster) -> float:  # type: ignore[no-untyped-def]
    """The CPU time the cluster's processes took so far (those alive: the
    server's backends live as long as their connection), from /proc."""
    tick, total = os.sysconf("SC_CLK_TCK"), 0.0
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if str(cluster.folder) not in os.readlink(f"/proc/{pid}/cwd"):
                continue
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(v) for v in fields[11:15]) / tick  # (utime, stime and those of waited-for children)
    return total


def _cpu(spent: tuple[float, float]) -> str:
    return f"{spent[0]:.1f} + {spent[1]:.1f}"


def _ratio(spent: tuple[float, float], baseline: tuple[float, float]) -> str:
    return f"{sum(spent) / max(sum(baseline), 1e-9):.1f}x"


def _verdict(measured: float, limit: float, target: str) -> tuple[str, str, str]:
    return f"{measured:.1f}x", target, "pass" if measured <= limit else "FAIL"


def _desks(cluster, tmp: Path, size: int, desks: int, edits: int, minutes: float) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    import psycopg

    url = cluster.url("desks")
    team.create(url)
    first = tmp / "desk-0"
    with open_library(first) as library:
        importing.import_records(library, generate.records(size, seed=7), parallel=True)
    with open_library(first) as library:
        team.join(library, url)
    folders = [first] + [tmp / f"desk-{n}" for n in range(1, desks)]
    for folder in folders[1:]:
        shutil.copytree(first, folder, ignore=shutil.ignore_patterns(".lock"))
    started = time.perf_counter()
    workers = [
        subprocess.Popen(
            [sys.executable, __file__, "--desk", str(folder), str(n), str(desks), str(edits), str(minutes * 60)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for n, folder in enumerate(folders)
    ]
    reports = [json.loads(worker.communicate()[0]) for worker in workers]
    ran = time.perf_counter() - started
    for _ in range(2):  # (everyone takes everyone's last pushes)
        for folder in folders:
            with open_library(folder) as library:
                _sync_retrying(library)
    wanted: dict[str, str] = {}
    for report in reports:
        wanted.update(report["titles"])
    with psycopg.connect(url) as connection:
        on_hub = dict(
            connection.execute("SELECT uuid::text, data->>'title' FROM objects WHERE kind = 'stories'").fetchall()
        )
    lost_on_hub = sum(on_hub.get(uuid) != title for uuid, title in wanted.items())
    lost_on_desks = 0
    conflicts, shared_only = 0, True
    shared = reports[0]["shared"]
    for folder in folders:
        with open_library(folder) as library:
            titles = {s.uuid: s.title for s in queries.stories(library, queries.matching_ids(library, "").tolist())}
            lost_on_desks += sum(titles.get(uuid) != title for uuid, title in wanted.items())
            found = conflicts_of.conflicts(library)
            conflicts += len(found)
            shared_only &= all(c.record_uuid == shared for c in found)
    syncs = [s for report in reports for s in report["syncs"]]
    cpu = [s for report in reports for s in report["cpu"]]
    made = sum(report["edits"] for report in reports)
    return [
        (
            f"{desks} desks editing {ran:.0f} s: edits made, lost on the hub",
            f"{made:,}, {lost_on_hub}",
            "-",
            "-",
            "0 lost",
            "pass" if lost_on_hub == 0 else "FAIL",
        ),
        (
            "... lost on some desk after two final syncs",
            str(lost_on_desks),
            "-",
            "-",
            "0",
            "pass" if not lost_on_desks else "FAIL",
        ),
        (
            "... open conflicts (all desks), only on the story all edit",
            f"{conflicts}, {'yes' if shared_only else 'NO'}",
            "-",
            "-",
            "only there",
            "pass" if shared_only else "FAIL",
        ),
        (
            f"... sync of ~{SYNC_EVERY} edits p50 / p95 (s)",
            f"{percentile(syncs, 0.5):.2f} / {percentile(syncs, 0.95):.2f}",
            "-",
            "-",
            f"p95 <= {SYNC_LIMIT:g} s",
            "pass" if percentile(syncs, 0.95) <= SYNC_LIMIT else "FAIL",
        ),
        (
            "... the same syncs' own CPU time p50 / p95 (s)",
            f"{percentile(cpu, 0.5):.2f} / {percentile(cpu, 0.95):.2f}",
            "-",
            "-",
            "",
            "",
        ),
    ]


def _desk(folder: Path, n: int, desks: int, edits: int, seconds: int) -> int:
    """One desktop: edit its own stories (and now and then the shared one)
    at an even pace, EDITS in SECONDS, as a person at a desk would (not as
    fast as the machine can: 20 processes flat out on two cores measure the
    machine's queue), and sync every SYNC_EVERY edits; print what it did as
    JSON, each sync's time and the CPU time it took."""
    titles: dict[str, str] = {}
    syncs: list[float] = []
    cpu: list[float] = []
    made = 0
    with open_library(folder) as library:
        ids = queries.matching_ids(library, "").tolist()
        views = {s.id: s.uuid for s in queries.stories(library, ids)}
        shared = views[ids[0]]
        own = [i for i in ids[1:] if i % desks == n]
        start = time.monotonic()
        deadline = start + seconds
        while made < edits and time.monotonic() < deadline:
            time.sleep(max(0.0, start + made * seconds / edits - time.monotonic()))
            if made % SHARED_EVERY == SHARED_EVERY - 1:
                stories.edit_story(library, ids[0], {"summary": f"desk {n} says {made}"})
            else:
                story = own[made % len(own)]
                title = f"desk {n} edit {made}"
                stories.edit_story(library, story, {"title": title})
                titles[views[story]] = title
            made += 1
            if made % SYNC_EVERY == 0:
                before = time.process_time()
                took, _ = timed(lambda: _sync_retrying(library))
                syncs.append(took)
                cpu.append(time.process_time() - before)
        _sync_retrying(library)
    print(json.dumps({"titles": titles, "syncs": syncs, "cpu": cpu, "edits": made, "shared": shared}))
    return 0


def _sync_retrying(library) -> None:  # type: ignore[no-untyped-def]
    """Sync; a sync the others kept changing under is tried again."""
    from ngodesk.domain.errors import HubBusy

    for _ in range(5):
        try:
            team.sync(library)
            return
        except HubBusy:
            continue


if __name__ == "__main__":
    sys.exit(main())
