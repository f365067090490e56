"""A large import as the window runs it, and its undo and redo.

Writes ``--size`` generated stories (``generate.records``) to a RIS file
with ngodesk's writer, imports it into a library that holds the sample
collection as the window does (``read_files``, then ``import_read`` with a
helper process), and times: reading, writing, the longest wait between two
progress reports (the status bar's counts), then undo (``snapshot_added`` +
``remove_added``, what ImportStories.backward does on the GUI thread) and
redo (``restore_added``); for undo and redo also the CPU time of the
thread that ran them (what they take on an idle machine, less disk waits).

    .venv/bin/python benchmarks/import_undo.py [--size 20000] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import generate

from ngodesk.services import importing, queries, snapshots
from ngodesk.services.library import import_sample, open_library


def run_once(source: Path, folder: Path) -> dict[str, float]:
    """One import, undo and redo into a new library at ``folder``: seconds
    per step, and the longest gap between progress reports."""
    reports: list[float] = []

    def progress(done: int, total: int, title: str = "") -> bool:
        reports.append(time.perf_counter())
        return True

    with open_library(folder) as library:
        import_sample(library)
        before = queries.info(library)["stories"]
        start = time.perf_counter()
        read, report = importing.read_files([source], progress=progress)
        read_s = time.perf_counter() - start
        report = importing.import_read(library, read, report, parallel=True, progress=progress)
        import_s = time.perf_counter() - start
        gaps = [b - a for a, b in zip([start, *reports], [*reports, time.perf_counter()], strict=True)]
        start, cpu = time.perf_counter(), time.thread_time()
        snapshot = snapshots.snapshot_added(library, report.changes)
        snapshot_s = time.perf_counter() - start
        snapshots.remove_added(library, snapshot)
        undo_s, undo_cpu = time.perf_counter() - start, time.thread_time() - cpu
        assert queries.info(library)["stories"] == before, "undo left stories behind"
        start, cpu = time.perf_counter(), time.thread_time()
        snapshots.restore_added(library, snapshot)
        redo_s, redo_cpu = time.perf_counter() - start, time.thread_time() - cpu
        assert queries.info(library)["stories"] == before + report.added, "redo lost stories"
    return {
        "read": read_s,
        "import": import_s,
        "longest gap": max(gaps),
        "undo": undo_s,
        "of which snapshot": snapshot_s,
        "undo, CPU": undo_cpu,
        "redo": redo_s,
        "redo, CPU": redo_cpu,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workdir", help="where the temporary files go")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(dir=args.workdir) as folder:
        tmp = Path(folder)
        source = tmp / "stories.ris"
        generate.write_ris(generate.records(args.size), source)
        runs = [run_once(source, tmp / f"library-{i}") for i in range(args.runs)]
    print(f"{args.size:,} stories from RIS ({source.name}), {args.runs} runs: median (min-max) seconds")
    for name in runs[0]:
        values = [run[name] for run in runs]
        print(f"  {name:<18} {statistics.median(values):6.2f}  ({min(values):.2f}-{max(values):.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
