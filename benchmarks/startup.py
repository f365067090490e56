"""Command-line start-up: whole ``python -m ngodesk`` processes, timed
beside ``python -c "import sqlite3"`` measured in the same run (median of
``--runs`` after one warm-up each, with the fastest and slowest run).

    python benchmarks/startup.py --library PATH   # a library it may change: one story's source is set
    python benchmarks/run.py                      # measures this on each size's library too

The processes run with Python's byte-code cache (an installed ngodesk has
its compiled modules): PYTHONDONTWRITEBYTECODE is left out of their
environment, so the warm-up writes what the timed runs read.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

#: ``ngodesk --version`` and ``--help``, within this many times the bare interpreter's start.
RATIO_TARGET = 4.0
#: ``ngodesk search 扶贫 --limit 20`` on 100k stories, the whole process.
SEARCH_TARGET_S = 0.5
RUNS = 7


@dataclass
class Startup:
    """One command's whole-process times (seconds)."""

    label: str
    times_s: list[float]

    @property
    def median_s(self) -> float:
        return statistics.median(self.times_s)


def installed_environment() -> dict[str, str]:
    """This environment as an installed ngodesk runs in: with Python's
    byte-code cache (PYTHONDONTWRITEBYTECODE left out)."""
    return {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def run_once(argv: Sequence[str]) -> float:
    """Seconds one process takes, which must succeed. (Its peak RSS is not
    measured: a child of this process starts as a copy of it, and Linux
    counts that copy's RSS in the child's peak.)"""
    start = time.perf_counter()
    result = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=installed_environment())
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {result.stderr.decode(errors='replace')}")
    return elapsed


def measure(label: str, argv: Sequence[str], runs: int = RUNS) -> Startup:
    """``runs`` runs of ``argv`` after a warm-up; a ``{run}`` in an
    argument becomes the run's number (so that each ``set`` changes)."""
    times = [run_once([arg.replace("{run}", str(run)) for arg in argv]) for run in range(runs + 1)][1:]
    return Startup(label, times)


def a_story(library: Path) -> str:
    """The uuid of one story of ``library`` (read-only)."""
    connection = sqlite3.connect(f"file:{library / 'catalogue.sqlite'}?mode=ro", uri=True)
    try:
        (uuid,) = connection.execute("SELECT uuid FROM stories ORDER BY id LIMIT 1").fetchone()
    finally:
        connection.close()
    return str(uuid)


def measure_all(library: Path, runs: int = RUNS) -> list[Startup]:
    """The baseline first, then ngodesk's commands on ``library`` (whose
    first story gets a new source, ``set`` being one of them)."""
    python = sys.executable
    ngodesk = [python, "-m", "ngodesk"]
    on_library = [*ngodesk, "--library", str(library)]
    story = a_story(library)
    commands = [
        ('python -c "import sqlite3"', [python, "-c", "import sqlite3"]),
        ("ngodesk --version", [*ngodesk, "--version"]),
        ("ngodesk --help", [*ngodesk, "--help"]),
        ("ngodesk info", [*on_library, "info"]),
        ("ngodesk search 扶贫 --limit 20", [*on_library, "search", "扶贫", "--limit", "20"]),
        ("ngodesk set UUID source=...", [*on_library, "set", story, "source=startup run {run}"]),
    ]
    return [measure(label, argv, runs) for label, argv in commands]


def rows(results: Sequence[Startup], judged: bool = True) -> list[tuple[str, str, str, str, str, str]]:
    """metric | ngodesk | baseline | ratio | target | result (as run.py's
    summary); the search's target is judged only when ``judged``."""
    baseline, *commands = results
    rows = []
    for result in commands:
        ratio = result.median_s / baseline.median_s
        target, verdict = "", ""
        if result.label in ("ngodesk --version", "ngodesk --help"):
            target, verdict = f"<= {RATIO_TARGET:g}x", "pass" if ratio <= RATIO_TARGET else "FAIL"
        elif result.label.startswith("ngodesk search"):
            target = f"<= {SEARCH_TARGET_S:g} s"
            verdict = ("pass" if result.median_s <= SEARCH_TARGET_S else "FAIL") if judged else "(judged at 100k)"
        elif result.label.startswith("ngodesk set"):
            target = f"(1,000 calls: {result.median_s * 1000 / 60:.1f} min)"
        rows.append(
            (
                f"{result.label} (s)",
                f"{result.median_s:.3f} ({min(result.times_s):.2f}-{max(result.times_s):.2f})",
                f"{baseline.median_s:.3f}",
                f"{ratio:.1f}x",
                target,
                verdict,
            )
        )
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="ngodesk's command-line start-up against the bare interpreter's.")
    parser.add_argument("--library", type=Path, required=True, help="a library it may change (one story's source)")
    parser.add_argument("--runs", type=int, default=RUNS, help=f"timed runs per command (default {RUNS})")
    args = parser.parse_args(argv)
    from run import table  # (run.py's table, beside its other rows)

    results = measure_all(args.library, args.runs)
    header = ("metric", "ngodesk", "baseline", "ratio", "target", "result")
    print(f"Python {sys.version.split()[0]}, median of {args.runs} runs (baseline: {results[0].label})")
    print(table(header, rows(results)))
    return 0 if all(row[5] != "FAIL" for row in rows(results)) else 1


if __name__ == "__main__":
    sys.exit(main())
