"""Import and export speed per file format, beside the raw sqlite3 baseline
of ``run.py`` measured in the same run on the same records (just before
and just after each import, averaged: the speed of a shared machine
drifts).

The records (``generate.records``) go into a library once; each export
format writes them to a file, and each file that an importer reads is
imported into an empty library (parsing included). Targets: CSV and RIS
import of the whole file within 3x the baseline.

    python benchmarks/formats.py                 # 100,000 stories
    python benchmarks/formats.py --size 10000
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import generate
from run import baseline_import, table, timed

from ngodesk.domain.models import StoryRecord
from ngodesk.services import exporting, importing
from ngodesk.services.library import open_library

#: Formats whose import must stay within ``LIMIT`` times the baseline.
TARGETED = ("csv", "ris")
LIMIT = 3.0
#: Export formats an importer reads back, and the importer's name.
READ_BACK = {"json": "json", "csv": "csv", "ris": "ris", "bibtex": "bibtex", "csl-json": "csl-json", "dc-xml": "oai-dc"}


def _source(records: list[StoryRecord], tmp: Path) -> int:
    """Import ``records`` into ``tmp``/source (the library exported from);
    returns how many stories it holds (a few generated records are
    near-duplicates)."""
    with open_library(tmp / "source") as library:
        return importing.import_records(library, records, parallel=True).added


def _baseline(records: list[StoryRecord], tmp: Path) -> float:
    """Seconds the raw baseline takes to import ``records`` now."""
    (tmp / "baseline.sqlite").unlink(missing_ok=True)
    baseline_s, _ = timed(lambda: baseline_import(tmp / "baseline.sqlite", records))
    return baseline_s


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--workdir", help="where the temporary files go")
    args = parser.parse_args(argv)
    n = args.size
    with tempfile.TemporaryDirectory(dir=args.workdir) as folder:
        tmp = Path(folder)
        records = generate.records(n)
        stories = _source(records, tmp)
        baselines, rows, failed = [], [], []
        for name, spec in exporting.FORMATS.items():
            path = tmp / f"stories{spec.extension}.{name}"
            with open_library(tmp / "source") as library:
                export_s, _ = timed(lambda: exporting.export(library, name, path))  # noqa: B023
            import_cell, baseline_cell, ratio_cell = "-", "-", "-"
            if name in READ_BACK:
                # (measured just before and just after each import, and
                # averaged: this machine's speed drifts by a third within
                # minutes)
                before = _baseline(records, tmp)
                with open_library(tmp / f"into-{name}") as target:
                    import_s, report = timed(
                        lambda: importing.import_files(target, [path], READ_BACK[name], parallel=True)  # noqa: B023
                    )
                baseline_s = (before + _baseline(records, tmp)) / 2
                baselines.append(baseline_s)
                if report.added != stories or report.problems:
                    failed.append(f"{name}: imported {report.added} of {stories}, {len(report.problems)} problems")
                ratio = import_s / baseline_s
                import_cell = f"{import_s:.1f} s ({n / import_s:,.0f}/s)"
                baseline_cell = f"{baseline_s:.1f} s"
                ratio_cell = f"{ratio:.2f}x" + (" FAIL" if name in TARGETED and ratio > LIMIT else "")
                if name in TARGETED and ratio > LIMIT:
                    failed.append(f"{name}: import {ratio:.2f}x the baseline (target {LIMIT}x)")
            export_cell = f"{export_s:.1f} s ({n / export_s:,.0f}/s)"
            size = f"{path.stat().st_size / 1e6:.1f} MB"
            rows.append((name, export_cell, size, import_cell, baseline_cell, ratio_cell))
    spread = f"{min(baselines):.2f}-{max(baselines):.2f} s, the mean of one just before and one just after each import"
    print(f"{n:,} stories; raw sqlite3 baseline import {spread}\n")
    print(table(("format", "export", "file", "import (parse + write)", "baseline", "vs baseline"), rows))
    for line in failed:
        print(f"\n{line}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
