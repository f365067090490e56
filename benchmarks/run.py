"""Measure ngodesk against a raw sqlite3 baseline at given library sizes.

For each size, in one process and on the same synthetic records
(``generate.records``): import time, database size and search latency of
ngodesk, beside plain ``sqlite3`` doing a bulk insert with a default FTS5
index. See README.md for what is measured and the targets.

    python benchmarks/run.py                 # 10k and 100k stories
    python benchmarks/run.py --quick         # 2k stories
    python benchmarks/run.py --sizes 5000 --json out.json

Each size's library also times the command line's start-up
(``startup.py``: ``ngodesk --version``, ``--help``, ``info``, ``search``
and ``set`` as whole processes, beside ``python -c "import sqlite3"``).
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import sqlite3
import statistics
import sys
import tempfile
import time
import unicodedata
import uuid
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

import generate
import startup
from query_set import QUERIES

from ngodesk.domain.models import StoryRecord
from ngodesk.search import query as q
from ngodesk.services.importing import import_records
from ngodesk.services.library import open_library
from ngodesk.services.queries import search
from ngodesk.store.library import DB_NAME, Library

T = TypeVar("T")

#: Queries in pinyin or traditional characters, and the same words in
#: simplified characters: the first must stay within
#: SPELLING_RATIO_TARGET of the second (p95).
SPELLINGS = {
    "絲路": "丝路",
    "扶貧": "扶贫",
    "zouchuqu": "走出去",
    "zou chu qu": "走出去",
    "zǒu chū qù": "走出去",
    "fupin": "扶贫",
    "silu yijiaqin": "丝路一家亲",
    "minsheng xiangmu": "民生项目",
    "zhiyuanzhe": "志愿者",
    "miandian": "缅甸",
}
REPEATS = 5
LIMIT = 50

IMPORT_RATIO_TARGET = 3.0
SEARCH_P95_TARGET_MS = 50.0
SIZE_RATIO_TARGET = 3.0
SPELLING_RATIO_TARGET = 2.0


# --- measuring helpers ------------------------------------------------------


def timed(action: Callable[[], T]) -> tuple[float, T]:
    """Seconds ``action`` took (after a garbage collection) and its result."""
    gc.collect()
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def percentile(values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def database_bytes(path: Path) -> int:
    """Size of an SQLite file and its -wal/-shm after a full checkpoint."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return sum(f.stat().st_size for f in path.parent.glob(path.name + "*"))


def raw_text_bytes(records: Sequence[StoryRecord]) -> int:
    """UTF-8 bytes of every record's text, tag paths and entity names."""
    total = 0
    for r in records:
        parts = (r.title, r.summary, r.body, r.source, *r.tags, *r.people, *r.organisations, *r.places)
        total += sum(len(part.encode()) for part in parts)
    return total


# --- the raw sqlite3 baseline ----------------------------------------------

BASELINE_SCHEMA = """
CREATE TABLE stories (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
    summary TEXT, body TEXT, url TEXT, source TEXT, published TEXT, language TEXT, status TEXT,
    created_at TEXT, updated_at TEXT);
CREATE TABLE tags (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE);
CREATE TABLE story_tags (story_id INTEGER NOT NULL, tag_id INTEGER NOT NULL, PRIMARY KEY (story_id, tag_id));
CREATE TABLE entities (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, UNIQUE (kind, name));
CREATE TABLE story_entities (story_id INTEGER NOT NULL, entity_id INTEGER NOT NULL,
    PRIMARY KEY (story_id, entity_id));
CREATE VIRTUAL TABLE fts USING fts5(title, summary, body, source);
"""


def _ids(names: dict[object, int], key: object) -> int:
    return names.setdefault(key, len(names) + 1)


def baseline_import(path: Path, records: Sequence[StoryRecord]) -> None:
    """Bulk-insert the records' raw text in one transaction (WAL), with a
    plain FTS5 index over title/summary/body/source."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.executescript(BASELINE_SCHEMA)
    now = datetime.now(UTC).isoformat()
    tag_ids: dict[object, int] = {}
    entity_ids: dict[object, int] = {}
    stories, story_tags, story_entities = [], [], []
    for i, r in enumerate(records, 1):
        stories.append(
            (
                i,
                str(uuid.uuid4()),
                r.title,
                r.summary,
                r.body,
                r.url,
                r.source,
                r.published,
                r.language,
                "draft",
                now,
                now,
            )
        )
        story_tags += [(i, _ids(tag_ids, path)) for path in r.tags]
        for kind, names in (("person", r.people), ("organisation", r.organisations), ("place", r.places)):
            story_entities += [(i, _ids(entity_ids, (kind, name))) for name in names]
    connection.execute("BEGIN")
    connection.executemany("INSERT INTO stories VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", stories)
    connection.executemany("INSERT INTO tags VALUES (?, ?)", [(i, p) for p, i in tag_ids.items()])
    connection.executemany("INSERT OR IGNORE INTO story_tags VALUES (?, ?)", story_tags)
    connection.executemany("INSERT INTO entities VALUES (?, ?, ?)", [(i, *k) for k, i in entity_ids.items()])
    connection.executemany("INSERT OR IGNORE INTO story_entities VALUES (?, ?)", story_entities)
    connection.executemany(
        "INSERT INTO fts (rowid, title, summary, body, source) VALUES (?, ?, ?, ?, ?)",
        ((s[0], s[2], s[3], s[4], s[6]) for s in stories),
    )
    connection.execute("COMMIT")
    connection.close()


def fts5_expression(node: q.Node | None) -> str | None:
    """The query's free text as a plain FTS5 expression (terms quoted as
    strings); None when it has fields or dates (no baseline equivalent)."""
    if isinstance(node, q.Text):
        phrase = '"' + node.text.replace('"', '""') + '"'
        return f"{node.column} : {phrase}" if node.column else phrase
    if isinstance(node, q.Or):
        parts = [fts5_expression(child) for child in node.children]
        return None if None in parts else "(" + " OR ".join(parts) + ")"  # type: ignore[arg-type]
    if isinstance(node, q.And):
        positive = [fts5_expression(c) for c in node.children if not isinstance(c, q.Not)]
        negative = [fts5_expression(c.child) for c in node.children if isinstance(c, q.Not)]
        if not positive or None in positive or None in negative:
            return None
        return "(" + " AND ".join(positive) + "".join(f" NOT {n}" for n in negative) + ")"  # type: ignore[arg-type]
    return None


# --- runs -------------------------------------------------------------------


@dataclass
class QueryResult:
    """One query's hits and latencies (ms) in ngodesk and the baseline."""

    query: str
    hits: int
    times_ms: list[float]
    #: The warm-up run: the first time this query meets the library.
    first_ms: float
    baseline_hits: int | None = None
    baseline_times_ms: list[float] = field(default_factory=list)


@dataclass
class SizeResult:
    """All figures for one library size."""

    stories: int
    raw_text_bytes: int
    import_s: float
    baseline_import_s: float
    db_bytes: int
    baseline_db_bytes: int
    reopen_s: float
    queries: list[QueryResult]
    startup: list[startup.Startup]


Timings = tuple[int, float, list[float]]


def time_queries(run: Callable[[str], object], count: Callable[[str], int], queries: Sequence[str]) -> list[Timings]:
    """Per query: its hit count (untimed), the time in ms of the warm-up run
    of ``run`` (the query's first) and REPEATS timings after it."""
    results = []
    for text in queries:
        first, _ = timed(lambda: run(text))  # noqa: B023 - called at once
        hits = count(text)
        times = []
        for _ in range(REPEATS):
            start = time.perf_counter()
            run(text)
            times.append((time.perf_counter() - start) * 1000)
        results.append((hits, first * 1000, times))
    return results


def ngodesk_queries(library: Library) -> list[Timings]:
    """Time ``search`` (what the user sees: a page of views with snippets)."""

    def total(text: str) -> int:
        return search(library, text, limit=LIMIT).total

    return time_queries(total, total, QUERIES)


def baseline_queries(connection: sqlite3.Connection, expressions: Sequence[str]) -> list[Timings]:
    """Time the top ``LIMIT`` rowids by rank on the plain FTS5 table."""

    def top(expression: str) -> list[tuple[int]]:
        return connection.execute(
            "SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT ?", (expression, LIMIT)
        ).fetchall()

    def total(expression: str) -> int:
        return connection.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", (expression,)).fetchone()[0]

    return time_queries(top, total, expressions)


def _imports(n: int, seed: int, tmp: Path) -> tuple[int, float, float]:
    """Import ``n`` records into ``tmp``/baseline.sqlite and ``tmp``/library;
    return their raw text size and both import times. The records are
    dropped on return, so that they do not slow the searches' garbage
    collections."""
    records = generate.records(n, seed)
    baseline_s, _ = timed(lambda: baseline_import(tmp / "baseline.sqlite", records))
    library = open_library(tmp / "library")
    try:
        import_s, report = timed(lambda: import_records(library, records, origin="bench", parallel=True))
    finally:
        library.close()
    if report.added + len(report.duplicates) != n:  # (a few generated titles are same-day near-duplicates)
        raise SystemExit(f"ngodesk imported {report.added} of {n} stories, {len(report.duplicates)} duplicates")
    return raw_text_bytes(records), import_s, baseline_s


def bench_size(n: int, seed: int, workdir: str | None) -> SizeResult:
    """Generate ``n`` records and measure both sides on them."""
    with tempfile.TemporaryDirectory(prefix=f"ngodesk-bench-{n}-", dir=workdir) as name:
        tmp = Path(name)
        raw_bytes, import_s, baseline_s = _imports(n, seed, tmp)
        baseline_size = database_bytes(tmp / "baseline.sqlite")
        db_size = database_bytes(tmp / "library" / DB_NAME)

        reopen_s, library = timed(lambda: open_library(tmp / "library"))
        try:
            ours = ngodesk_queries(library)
        finally:
            library.close()

        expressions = {text: e for text in QUERIES if (e := fts5_expression(q.parse(text)))}
        connection = sqlite3.connect(tmp / "baseline.sqlite")
        theirs = dict(zip(expressions, baseline_queries(connection, list(expressions.values())), strict=True))
        connection.close()
        launches = startup.measure_all(tmp / "library")
    queries = []
    for text, (hits, first, times) in zip(QUERIES, ours, strict=True):
        base_hits, _, base_times = theirs.get(text, (None, 0.0, []))
        queries.append(QueryResult(text, hits, times, first, base_hits, base_times))
    return SizeResult(n, raw_bytes, import_s, baseline_s, db_size, baseline_size, reopen_s, queries, launches)


# --- report -----------------------------------------------------------------


SUMMARY_HEADER = ("metric", "ngodesk", "baseline", "ratio", "target", "result")


#: The issue's targets are set for libraries of this size; smaller runs are
#: shown for comparison (fixed costs, like starting the helper process,
#: weigh more there) and not judged.
TARGET_SIZE = 100_000


def _verdict(r: SizeResult, ok: bool) -> str:
    if r.stories < TARGET_SIZE:
        return "(judged at 100k)"
    return "pass" if ok else "FAIL"


def _latency_rows(r: SizeResult) -> list[tuple[str, str, str, str, str, str]]:
    """p50/p95 on the queries both sides find something for, then on all
    queries (ngodesk only: the baseline has no fields)."""
    both = [x for x in r.queries if x.baseline_hits]
    ours = [t for x in both for t in x.times_ms]
    theirs = [t for x in both for t in x.baseline_times_ms]
    everything = [t for x in r.queries for t in x.times_ms]
    rows = []
    for name, fraction in (("p50", 0.5), ("p95", 0.95)):
        a, b = percentile(ours, fraction), percentile(theirs, fraction)
        label = f"search {name}, {len(both)} queries both find (ms)"
        rows.append((label, f"{a:.1f}", f"{b:.2f}", f"{a / b:.0f}x", "", ""))
    p50, p95 = percentile(everything, 0.5), percentile(everything, 0.95)
    rows.append((f"search p50, all {len(r.queries)} queries (ms)", f"{p50:.1f}", "", "", "", ""))
    rows.append(
        (
            f"search p95, all {len(r.queries)} queries (ms)",
            f"{p95:.1f}",
            "",
            "",
            f"< {SEARCH_P95_TARGET_MS:g} ms",
            _verdict(r, p95 < SEARCH_P95_TARGET_MS),
        )
    )
    times = {x.query: x.times_ms for x in r.queries}
    spelled = percentile([t for query in SPELLINGS for t in times[query]], 0.95)
    plain = percentile([t for query in set(SPELLINGS.values()) for t in times[query]], 0.95)
    rows.append(
        (
            f"search p95, {len(SPELLINGS)} pinyin/traditional queries vs simplified (ms)",
            f"{spelled:.1f}",
            f"{plain:.1f}",
            f"{spelled / plain:.2f}x",
            f"<= {SPELLING_RATIO_TARGET:g}x",
            _verdict(r, spelled / plain <= SPELLING_RATIO_TARGET),
        )
    )
    firsts = {x.query: x.first_ms for x in r.queries}
    spelled_first = max(firsts[query] for query in SPELLINGS)
    plain_first = max(firsts[query] for query in SPELLINGS.values())
    rows.append(
        (
            "search, slowest first run of those (ms)",
            f"{spelled_first:.1f}",
            f"{plain_first:.1f}",
            f"{spelled_first / plain_first:.2f}x",
            "",
            "",
        )
    )
    return rows


def summary_rows(r: SizeResult) -> list[tuple[str, str, str, str, str, str]]:
    """metric | ngodesk | baseline | ratio | target | pass/fail."""
    mb = 1024 * 1024
    import_ratio = r.import_s / r.baseline_import_s
    size_vs_raw = r.db_bytes / r.raw_text_bytes
    return [
        (
            "import (s)",
            f"{r.import_s:.2f}",
            f"{r.baseline_import_s:.2f}",
            f"{import_ratio:.2f}x",
            f"<= {IMPORT_RATIO_TARGET:g}x",
            _verdict(r, import_ratio <= IMPORT_RATIO_TARGET),
        ),
        (
            "import (stories/s)",
            f"{r.stories / r.import_s:,.0f}",
            f"{r.stories / r.baseline_import_s:,.0f}",
            f"{r.baseline_import_s / r.import_s:.2f}x",
            "",
            "",
        ),
        (
            "database (MB)",
            f"{r.db_bytes / mb:.1f}",
            f"{r.baseline_db_bytes / mb:.1f}",
            f"{r.db_bytes / r.baseline_db_bytes:.2f}x",
            "",
            "",
        ),
        (
            "database / raw text",
            f"{size_vs_raw:.2f}x",
            f"{r.baseline_db_bytes / r.raw_text_bytes:.2f}x",
            "",
            f"< {SIZE_RATIO_TARGET:g}x (raw {r.raw_text_bytes / mb:.1f} MB)",
            _verdict(r, size_vs_raw < SIZE_RATIO_TARGET),
        ),
        *_latency_rows(r),
        ("reopen library (s)", f"{r.reopen_s:.2f}", "", "", "", ""),
        *startup.rows(r.startup, judged=r.stories >= TARGET_SIZE),
    ]


def _width(text: str) -> int:
    """Terminal columns of ``text`` (Chinese characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(_width(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        " | ".join(cell + " " * (w - _width(cell)) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in [header, *rows]
    ]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def query_rows(r: SizeResult) -> list[tuple[str, ...]]:
    rows = []
    for x in r.queries:
        base = x.baseline_times_ms
        rows.append(
            (
                x.query,
                f"{x.hits:,}",
                f"{statistics.median(x.times_ms):.1f}",
                f"{max(x.times_ms):.1f}",
                "-" if x.baseline_hits is None else f"{x.baseline_hits:,}",
                f"{statistics.median(base):.2f}" if base else "-",
            )
        )
    return rows


def report(r: SizeResult) -> str:
    return "\n".join(
        [
            f"\n== {r.stories:,} stories ==",
            table(SUMMARY_HEADER, summary_rows(r)),
            f"\nper query ({REPEATS} timed runs after a warm-up; baseline = default unicode61 FTS5 on raw text,"
            " which cannot find Chinese words inside longer runs and does not stem):",
            table(("query", "hits", "median ms", "max ms", "baseline hits", "baseline ms"), query_rows(r)),
        ]
    )


def passed(r: SizeResult) -> bool:
    return all(row[5] != "FAIL" for row in summary_rows(r))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="ngodesk import/search/size benchmark against raw sqlite3.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000], help="library sizes")
    parser.add_argument("--quick", action="store_true", help="2,000 stories only")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", metavar="OUT", help="also write the figures to this JSON file")
    parser.add_argument("--workdir", help="where the temporary databases go (default: the system temp dir)")
    args = parser.parse_args(argv)
    sizes = [2000] if args.quick else args.sizes
    print(f"sqlite {sqlite3.sqlite_version}, Python {sys.version.split()[0]}, {len(QUERIES)} queries")
    results = []
    for n in sizes:
        result = bench_size(n, args.seed, args.workdir)
        print(report(result), flush=True)
        results.append(result)
    if args.json:
        figures = [
            {"summary": [dict(zip(SUMMARY_HEADER, row, strict=True)) for row in summary_rows(r)], **asdict(r)}
            for r in results
        ]
        Path(args.json).write_text(json.dumps(figures, indent=1, ensure_ascii=False))
    return 0 if all(passed(r) for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
