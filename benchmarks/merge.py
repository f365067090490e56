"""Merging a field copy back: CHANGED stories edited in the copy (title
and status) merged into a library of SIZE stories, beside a raw sqlite3
baseline measured in the same run that writes the same new values into
the baseline library (its stories and its FTS5 table) in one transaction.

The merge includes what a user waits for: the backup made before it, the
three-way comparison, the writes with the search index kept in step, the
history brought along, and the snapshot of the copy kept for the next
merge.

    python benchmarks/merge.py                         # 100,000 stories, 10,000 changed
    python benchmarks/merge.py --size 10000 --changed 1000
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import generate
from run import baseline_import, table, timed

from ngodesk.services import batch, field_copy, importing, merging, queries
from ngodesk.services.library import open_library

#: The merge within this many times the baseline.
LIMIT = 20.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--changed", type=int, default=10_000)
    parser.add_argument("--workdir", help="where the temporary files go")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(dir=args.workdir) as folder:
        tmp = Path(folder)
        records = generate.records(args.size)
        baseline_import(tmp / "baseline.sqlite", records)
        with open_library(tmp / "office") as library:
            importing.import_records(library, records, parallel=True)
            del records
            copied, _ = timed(lambda: field_copy.make_copy(library, tmp / "laptop"))
        with open_library(tmp / "laptop") as theirs:
            ids = queries.matching_ids(theirs, "").tolist()[: args.changed]
            edit = batch.BatchEdit(
                values=(("status", "reviewed"),), replacement=batch.Replacement("title", "^", "[field] ", regex=True)
            )
            batch.apply(theirs, batch.plan(theirs, ids, edit))
        with open_library(tmp / "office") as library:
            merged, report = timed(lambda: merging.merge(library, tmp / "laptop"))
            assert report.changed.get("stories") == len(ids) and not report.conflicts
        raw = sqlite3.connect(tmp / "baseline.sqlite", isolation_level=None)
        now = datetime.now(UTC).isoformat()

        def baseline() -> None:
            raw.execute("BEGIN")
            rows = raw.execute(f"SELECT id, title FROM stories ORDER BY id LIMIT {len(ids)}").fetchall()
            raw.executemany(
                "UPDATE stories SET title = ?, status = 'reviewed', updated_at = ? WHERE id = ?",
                [("[field] " + title, now, i) for i, title in rows],
            )
            raw.executemany("UPDATE fts SET title = ? WHERE rowid = ?", [("[field] " + title, i) for i, title in rows])
            raw.execute("COMMIT")

        theirs_time, _ = timed(baseline)
        raw.close()
    ratio = merged / theirs_time
    print(
        table(
            ("metric", "ngodesk", "baseline", "ratio", "target", "result"),
            [
                (f"field copy of {args.size:,} stories (s)", f"{copied:.2f}", "-", "-", "", ""),
                (
                    f"merge {len(ids):,} changed into {args.size:,} (s)",
                    f"{merged:.2f}",
                    f"{theirs_time:.2f}",
                    f"{ratio:.2f}x",
                    f"<= {LIMIT:g}x",
                    "pass" if ratio <= LIMIT else "FAIL",
                ),
            ],
        )
    )
    return 0 if ratio <= LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
