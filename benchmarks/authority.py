"""Batch tagging and sidebar counts with many tags, beside raw sqlite3
baselines measured in the same run on the same records.

- batch tag: ``tags.apply_path`` tags every story of the library (one
  transaction, stories touched) against a raw executemany of the same links
  plus an UPDATE of the stories' timestamps;
- batch edit (Story > Batch Edit, preview included): every story gets a tag
  and a status, against the same raw links plus an UPDATE of the status;
  and a regular-expression replacement in every title (search index kept
  in step) against the same substitution in Python written back to the
  baseline's stories and its FTS5 table;
- sidebar counts with TAGS tags (a three-level tree, 1-4 tags per story):
  the facet index the sidebar uses (built once, then counting the whole
  library) against a raw ``GROUP BY`` over the baseline's links.

    python benchmarks/authority.py                 # 100,000 stories, 10,000 tags
    python benchmarks/authority.py --size 10000
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import re
import sqlite3
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import generate
from run import baseline_import, table, timed

from ngodesk.services import batch, facet_index, importing, queries, tags
from ngodesk.services.library import open_library
from ngodesk.store.library import Library

TAGS = 10_000
#: Targets: the whole-library batch tag and the counts, within these ratios.
BATCH_LIMIT, COUNT_LIMIT = 5.0, 10.0


def _tagged(n: int) -> list:  # type: ignore[type-arg]
    """``n`` generated records, each with 1-4 of TAGS tags (10 x 100 x 10)."""
    pool = [f"Topic {a}/Subtopic {a}-{b}/Item {a}-{b}-{c}" for a in range(10) for b in range(100) for c in range(10)]
    chance = random.Random(7)
    return [
        dataclasses.replace(record, tags=tuple(chance.sample(pool, chance.randint(1, 4))))
        for record in generate.records(n)
    ]


def _batch_edits(library: Library, raw: sqlite3.Connection, ids: list[int], now: str) -> list[tuple]:  # type: ignore[type-arg]
    """The two batch edits beside their baselines (see the module's doc)."""
    edit = batch.BatchEdit(add_tags=("Batch/Edited",), values=(("status", "reviewed"),))
    ours, _ = timed(lambda: batch.apply(library, batch.plan(library, ids, edit)))

    def baseline_edit() -> None:
        raw.execute("BEGIN")
        raw.executemany("INSERT OR IGNORE INTO story_tags VALUES (?, ?)", [(i, 999_998) for i in ids])
        raw.execute("UPDATE stories SET status = 'reviewed', updated_at = ?", (now,))
        raw.execute("COMMIT")

    theirs, _ = timed(baseline_edit)
    replace = batch.BatchEdit(replacement=batch.Replacement("title", "^", "[checked] ", regex=True))
    ours_replace, (_, undo) = timed(lambda: batch.apply(library, batch.plan(library, ids, replace)))
    assert len(undo.changes) == len(ids)

    def baseline_replace() -> None:
        pattern = re.compile("^")
        raw.execute("BEGIN")
        titles = [(pattern.sub("[checked] ", t), now, i) for i, t in raw.execute("SELECT id, title FROM stories")]
        raw.executemany("UPDATE stories SET title = ?, updated_at = ? WHERE id = ?", titles)
        raw.executemany("UPDATE fts SET title = ? WHERE rowid = ?", [(t, i) for t, _, i in titles])
        raw.execute("COMMIT")

    theirs_replace, _ = timed(baseline_replace)
    return [
        (f"batch edit {len(ids):,}: tag + status (s)", f"{ours:.2f}", f"{theirs:.2f}", ours / theirs, BATCH_LIMIT),
        (
            f"batch replace in {len(ids):,} titles (s)",
            f"{ours_replace:.2f}",
            f"{theirs_replace:.2f}",
            ours_replace / theirs_replace,
            BATCH_LIMIT,
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--workdir", help="where the temporary files go")
    args = parser.parse_args(argv)
    rows, failed = [], []
    with tempfile.TemporaryDirectory(dir=args.workdir) as folder:
        tmp = Path(folder)
        records = _tagged(args.size)
        baseline_import(tmp / "baseline.sqlite", records)
        with open_library(tmp / "library") as library:
            importing.import_records(library, records, parallel=True)
            del records
            ids = queries.matching_ids(library, "").tolist()
            ours, _ = timed(lambda: tags.apply_path(library, ids, "Batch/Everything"))
            raw = sqlite3.connect(tmp / "baseline.sqlite", isolation_level=None)
            now = datetime.now(UTC).isoformat()

            def baseline_batch() -> None:
                raw.execute("BEGIN")
                raw.executemany("INSERT OR IGNORE INTO story_tags VALUES (?, ?)", [(i, 999_999) for i in ids])
                raw.execute("UPDATE stories SET updated_at = ?", (now,))
                raw.execute("COMMIT")

            theirs, _ = timed(baseline_batch)
            rows.append(
                (f"tag all {len(ids):,} stories (s)", f"{ours:.2f}", f"{theirs:.2f}", ours / theirs, BATCH_LIMIT)
            )
            rows += _batch_edits(library, raw, ids, now)
            built, index = timed(lambda: facet_index.build(library))
            counted, facets = timed(lambda: facet_index.count(index, None))
            tag_count = len(queries.tags(library, counted=False))
        group_by, _ = timed(lambda: raw.execute("SELECT tag_id, count(*) FROM story_tags GROUP BY tag_id").fetchall())
        raw.close()
        rows.append(
            (f"sidebar index, {tag_count:,} tags (s)", f"{built:.2f}", f"{group_by:.2f}", built / group_by, None)
        )
        rows.append(
            (
                f"sidebar counts, {tag_count:,} tags (ms)",
                f"{counted * 1000:.1f}",
                f"{group_by * 1000:.1f}",
                counted / group_by,
                COUNT_LIMIT,
            )
        )
        assert facets.total == len(ids)
    printed = []
    for label, mine, base, ratio, limit in rows:
        verdict = "" if limit is None else ("pass" if ratio <= limit else "FAIL")
        printed.append((label, mine, base, f"{ratio:.2f}x", f"<= {limit:g}x" if limit else "", verdict))
        if limit is not None and ratio > limit:
            failed.append(label)
    print(table(("metric", "ngodesk", "baseline", "ratio", "target", "result"), printed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
