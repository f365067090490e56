"""ngodesk beside calibre on the same generated stories, in one table.

    .venv/bin/python benchmarks/calibre.py                    # 10k and 100k, 3 runs each
    .venv/bin/python benchmarks/calibre.py --sizes 10000 --runs 1
    .venv/bin/python benchmarks/calibre.py --build-only       # build the calibre libraries (100k: up to 40 min)

Both libraries hold the records of ``generate.records(n, seed)``: in calibre
a story is a book (people as authors, source as publisher, summary as
comments, tags as hierarchical tags with dots, organisations and places in
two custom columns). calibre's side runs in its own Python through
``calibre-debug -e`` (Debian's ``calibre`` package); the records reach it
as a JSON file. Building a calibre library takes 40-300 books a second, so
the built ones are kept in ``--workdir`` between runs; the ngodesk library
is built again by every run (so it is in the format of the code measured).

ngodesk opens its library as the window does (for writing) and a search
returns every matching id, ranked (``queries.matching_ids``), as calibre's
``Cache.search`` returns every matching id (unsorted); ngodesk's tag list
is ``queries.tags``, its sidebar's counts ``queries.facets``, calibre's
Tag browser ``Cache.get_categories``.

Every measurement runs in a fresh process that opens the library and
takes that one measurement: an open is a first open after start-up and
every search is the first query after the open (calibre caches repeated
searches, ngodesk warms up on its first English query). A last process
per side opens the library and runs everything, for the peak RSS. Both
libraries are opened once before the runs (ngodesk's daily backup is
made then). With calibre missing the script says so and exits 0; it exits
1 when a target of the issue is missed at 100k.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

#: calibre columns for what its books have no field for: (label, heading).
CUSTOM_COLUMNS = (("orgs", "Organisations"), ("places", "Places"))
#: Books written per transaction while building a calibre library.
BATCH = 1000
#: Sizes at which the targets of issue 23 apply.
TARGET_SIZE = 100_000
#: ngodesk must be this many times faster on every row (and use this many
#: times less memory) at TARGET_SIZE.
FASTER, LESS_MEMORY = 10.0, 3.0


class Row(NamedTuple):
    """One line of the table: the steps each side takes in a fresh process
    after opening its library; the row shows the last step's time (special
    steps: ``open``, the open itself; ``started``, from starting the
    process to the library open; ``rss``, the peak RSS of a process that
    took every step of every row)."""

    label: str
    ngodesk: tuple[str, ...]
    calibre: tuple[str, ...]
    unit: str  # "s", "ms" or "MB"
    limit: float | None = None  # ngodesk's own target at TARGET_SIZE, in ``unit``
    targeted: bool = True  # False: shown, no target


def _search(query: str) -> tuple[str]:
    return (f"search:{query}",)


#: The sidebar's counts (ngodesk) and the Tag browser's (calibre).
COUNTS = ("counts",), ("categories",)
ROWS = (
    Row("open library, s (calibre: and load its cache)", ("open",), ("open",), "s", 0.3),
    Row("process start to library open, s", ("started",), ("started",), "s", targeted=False),
    Row("扶贫 (all fields), ms", _search("扶贫"), _search("扶贫"), "ms"),
    Row("走出去, ms", _search("走出去"), _search("走出去"), "ms"),
    Row("NGOs (first English query after open), ms", _search("NGOs"), _search("NGOs"), "ms", 40),
    Row('"disaster relief" (phrase), ms', _search('"disaster relief"'), _search('"disaster relief"'), "ms"),
    Row(
        "tag Region/Africa + narrower ones, a sidebar click (calibre: Tag browser), ms",
        (*COUNTS[0], "click:Region/Africa"),
        (*COUNTS[1], *_search('tags:"=.Region.Africa"')),
        "ms",
        5,
    ),
    Row(
        "the same typed: tag:Region/Africa, ms",
        _search("tag:Region/Africa"),
        _search('tags:"=.Region.Africa"'),
        "ms",
        targeted=False,
    ),
    Row("tag list with counts, the sidebar's (calibre: Tag browser), ms", *COUNTS, "ms", 15),
    Row("peak RSS, open + all of the above, MB", ("rss",), ("rss",), "MB"),
)
#: Steps that are not taken by a process but read from every one.
SPECIAL = ("open", "started", "rss")


def _peak_rss_mb() -> float:
    """This process's peak resident memory since it started its program
    (VmHWM: ``ru_maxrss`` keeps the parent's size at the fork across exec)."""
    status = Path("/proc/self/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))) / 1024


#: Opens a library; returns a function taking one step (a step of ROWS,
#: returning how many things it found) and a function closing the library.
Opener = Callable[[], tuple[Callable[[str], int], Callable[[], None]]]


def take_steps(opener: Opener, steps: Sequence[str]) -> dict[str, object]:
    """Time ``opener`` and then each of ``steps`` (ms); with the peak RSS,
    what each step found and when the library was open."""
    start = time.perf_counter()
    take, close = opener()
    figures: dict[str, object] = {"open": time.perf_counter() - start, "opened_at": time.time()}
    found = {}
    for step in steps:
        start = time.perf_counter()
        found[step] = take(step)
        figures[step] = (time.perf_counter() - start) * 1000
    close()
    return {**figures, "found": found, "rss": _peak_rss_mb()}


# --- calibre's side: runs inside calibre-debug (its Python: stdlib and calibre only) ---


def _calibre_book(record: dict[str, object], custom: dict[str, object]) -> object:
    """calibre Metadata for one generated record (``custom``: the library's
    custom column metadata)."""
    from calibre.ebooks.metadata.book.base import Metadata

    people = list(record["people"])  # type: ignore[call-overload]
    book = Metadata(record["title"], people) if people else Metadata(record["title"])
    book.comments = "\n\n".join(str(record[k]) for k in ("summary", "body") if record[k])
    book.publisher = record["source"] or None
    book.tags = [str(path).replace(".", "_").replace("/", ".") for path in record["tags"]]  # type: ignore[attr-defined]
    book.languages = ["zho" if str(record["language"]).startswith("zh") else "eng"]
    parts = [int(p) for p in str(record["published"]).split("-")] + [1, 1]
    book.pubdate = datetime(parts[0], parts[1], parts[2], tzinfo=UTC)
    if record["url"]:
        book.set_identifiers({"url": record["url"]})
    book.set_all_user_metadata(custom)
    book.set("#orgs", list(record["organisations"]))  # type: ignore[call-overload]
    book.set("#places", list(record["places"]))  # type: ignore[call-overload]
    return book


def calibre_build(folder: str, records_file: str) -> None:
    """Build the calibre library ``folder`` from the JSON records, in a
    ``.partial`` folder renamed when complete."""
    from calibre.library import db

    records = json.loads(Path(records_file).read_text(encoding="utf-8"))
    partial = Path(folder + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    library = db(str(partial))
    for label, heading in CUSTOM_COLUMNS:
        library.new_api.create_custom_column(label, heading, "text", True)
    library.close()  # (custom columns appear when the library is opened again)
    library = db(str(partial))
    cache = library.new_api
    custom = cache.field_metadata.custom_field_metadata()
    start = time.perf_counter()
    for first in range(0, len(records), BATCH):
        with cache.write_lock:
            cache.backend.conn.execute("BEGIN")
            for record in records[first : first + BATCH]:
                cache._create_book_entry(_calibre_book(record, custom), apply_import_tags=False)
            cache.backend.conn.execute("COMMIT")
        done = first + len(records[first : first + BATCH])
        rate = done / (time.perf_counter() - start)
        print(f"calibre: {done:,} of {len(records):,} books, {rate:.0f}/s", file=sys.stderr, flush=True)
    library.close()
    partial.rename(folder)


def calibre_measure(folder: str, steps: Sequence[str]) -> dict[str, object]:
    """Open the calibre library and take ``steps`` in order (see ROWS)."""
    from calibre.library import db

    def opener() -> tuple[Callable[[str], int], Callable[[], None]]:
        library = db(folder)
        cache = library.new_api

        def take(step: str) -> int:
            if step == "categories":
                return sum(len(items) for items in cache.get_categories().values())
            return len(cache.search(step.removeprefix("search:")))

        return take, library.close

    return take_steps(opener, steps)


# --- ngodesk's side ---


def ngodesk_measure(folder: str, steps: Sequence[str]) -> dict[str, object]:
    """Open the ngodesk library as the window does and take ``steps``."""
    from ngodesk.domain.models import FacetKind, Filter
    from ngodesk.services import facet_index, queries
    from ngodesk.services.library import open_library

    def opener() -> tuple[Callable[[str], int], Callable[[], None]]:
        library = open_library(folder)
        sidebar: dict[str, object] = {}  # what the sidebar holds once it has its counts

        def take(step: str) -> int:
            if step == "counts":  # the tag list, the facet index and the counts of every story, as the sidebar
                sidebar["tags"] = {tag.path: tag.id for tag in queries.tags(library, counted=False)}
                sidebar["index"] = _sidebar_index(library)
                return len(facet_index.count(sidebar["index"], None).tags)  # type: ignore[arg-type]
            if step.startswith("click:"):  # ids and counts of a tag's stories, as the sidebar filters
                tag = sidebar["tags"][step.removeprefix("click:")]  # type: ignore[index]
                ids, _ = facet_index.filtered(sidebar["index"], [Filter(FacetKind.TAG, str(tag))])  # type: ignore[arg-type]
                return len(ids)
            return len(queries.matching_ids(library, step.removeprefix("search:")))

        return take, library.close

    return take_steps(opener, steps)


def _sidebar_index(library: object) -> object:
    """The facet index as the window reads it: the one saved by the last
    session while the library has not changed since, else built (and
    saved, as the window's first build is)."""
    from ngodesk.services import facet_index, saved_facets

    index = saved_facets.load(library)  # type: ignore[arg-type]
    if index is None:
        index = facet_index.build(library)  # type: ignore[arg-type]
        saved_facets.save(library, index)  # type: ignore[arg-type]
    return index


def build_ngodesk(folder: Path, records: list[object]) -> None:
    """A new ngodesk library of ``records`` at ``folder``."""
    from ngodesk.services.importing import import_records
    from ngodesk.services.library import open_library

    shutil.rmtree(folder, ignore_errors=True)
    library = open_library(folder)
    try:
        report = import_records(library, records, origin="calibre.py", parallel=True)  # type: ignore[arg-type]
    finally:
        library.close()
    print(f"ngodesk: {report.added:,} stories ({len(report.duplicates)} duplicates left out)", file=sys.stderr)


# --- the parent: builds, starts the children, prints the table ---


def _child(side: str, folder: Path, steps: Sequence[str]) -> dict[str, object]:
    """Run one measuring process; its figures, with ``started`` (s from
    starting the process to the library open)."""
    here = str(Path(__file__).resolve())
    if side == "calibre":
        command = ["calibre-debug", "-e", here, "--", "--child", side, str(folder), *steps]
    else:
        command = [sys.executable, here, "--child", side, str(folder), *steps]
    started = time.time()
    done = subprocess.run(command, capture_output=True, text=True, timeout=3600)
    if done.returncode != 0:
        raise SystemExit(f"the {side} process failed:\n{done.stderr}")
    figures: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    figures["started"] = float(figures["opened_at"]) - started  # type: ignore[arg-type]
    return {**figures, "steps": list(steps)}


def _ensure_calibre(folder: Path, n: int, seed: int, workdir: Path, records: list[object]) -> None:
    """Build the calibre library of ``records`` at ``folder`` unless built."""
    if folder.is_dir():
        return
    keys = ("title", "summary", "body", "url", "source", "published", "language")
    lists = ("tags", "people", "organisations", "places")
    rows = [{**{k: getattr(r, k) for k in keys}, **{k: list(getattr(r, k)) for k in lists}} for r in records]
    records_file = workdir / f"records-{n}-s{seed}.json"
    records_file.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    print(f"building the calibre library of {n:,} books at {folder} (40-300 books/s)", file=sys.stderr)
    here = str(Path(__file__).resolve())
    try:
        subprocess.run(["calibre-debug", "-e", here, "--", "--build", str(folder), str(records_file)], check=True)
    finally:
        records_file.unlink()


def _spread(values: Sequence[float], unit: str) -> str:
    """The range of ``values`` ("low–high", or one value) written for ``unit``."""

    def one(v: float) -> str:
        if unit == "s":
            return f"{v:.2f}"
        return f"{v:,.0f}" if v >= 100 else f"{v:.1f}"

    low, high = one(min(values)), one(max(values))
    return low if low == high else f"{low}–{high}"


def _verdict(row: Row, ours: float, ratio: float, n: int) -> str:
    """met / MISSED at TARGET_SIZE and above; empty below it and for
    rows without a target."""
    if n < TARGET_SIZE or not row.targeted:
        return ""
    ok = ratio >= (LESS_MEMORY if row.unit == "MB" else FASTER)
    if row.limit is not None:
        ok = ok and ours <= row.limit
    return "met" if ok else "MISSED"


def _target(row: Row, n: int) -> str:
    if n < TARGET_SIZE or not row.targeted:
        return ""
    if row.unit == "MB":
        return f"<= 1/{LESS_MEMORY:g}"
    limit = f", <= {row.limit:g} {row.unit}" if row.limit is not None else ""
    return f">= {FASTER:g}x{limit}"


def _values(row: Row, side: str, runs: list[dict[str, object]]) -> list[float]:
    """``row``'s figures on ``side`` from every process: opens from all of
    them, peak RSS from those that took every step, others from those that
    took the row's steps."""
    steps = getattr(row, side)
    step = steps[-1]
    if step in ("open", "started"):
        return [float(f[step]) for f in runs]  # type: ignore[arg-type]
    if step == "rss":
        return [float(f[step]) for f in runs if f["everything"]]  # type: ignore[arg-type]
    return [float(f[step]) for f in runs if tuple(f["steps"]) == steps and not f["everything"]]  # type: ignore[arg-type]


def _faster(ratio: float, unit: str) -> str:
    """calibre's figure over ngodesk's, as the column says it."""
    better, worse = ("less memory", "more memory") if unit == "MB" else ("", "slower")
    if ratio < 0.95:
        return f"{1 / ratio:.1f}x {worse}"
    return f"{ratio:.0f}x {better}".rstrip() if ratio >= 10 else f"{ratio:.1f}x {better}".rstrip()


def table(n: int, runs: dict[str, list[dict[str, object]]]) -> tuple[list[tuple[str, ...]], bool]:
    """The table's rows for one size, and whether every target was met.
    Ranges are shown; ratios and verdicts use medians."""
    lines = []
    all_met = True
    for row in ROWS:
        theirs, ours = _values(row, "calibre", runs["calibre"]), _values(row, "ngodesk", runs["ngodesk"])
        ratio = statistics.median(theirs) / statistics.median(ours)
        verdict = _verdict(row, statistics.median(ours), ratio, n)
        all_met = all_met and verdict != "MISSED"
        faster = _faster(ratio, row.unit)
        lines.append((row.label, _spread(theirs, row.unit), _spread(ours, row.unit), faster, _target(row, n), verdict))
    return lines, all_met


def _processes(side: str) -> list[tuple[str, ...]]:
    """The steps of each measuring process of ``side`` (one per row, rows
    with the same steps sharing one)."""
    return list(dict.fromkeys(getattr(row, side) for row in ROWS if getattr(row, side)[-1] not in SPECIAL))


def _every_step(side: str) -> list[str]:
    return list(dict.fromkeys(step for steps in _processes(side) for step in steps))


def measure(n: int, seed: int, workdir: Path, runs: int) -> dict[str, list[dict[str, object]]]:
    """Build both libraries of ``n`` stories (calibre's unless kept) and
    take every measurement ``runs`` times, calibre and ngodesk alternately."""
    import generate

    records = generate.records(n, seed)
    folders = {"calibre": workdir / f"calibre-{n}-s{seed}", "ngodesk": workdir / f"ngodesk-{n}-s{seed}"}
    _ensure_calibre(folders["calibre"], n, seed, workdir, records)
    build_ngodesk(folders["ngodesk"], records)
    del records
    # the first session after building: ngodesk's window shows its sidebar
    # (and so saves the facet index the next sessions read)
    _child("calibre", folders["calibre"], [])
    _child("ngodesk", folders["ngodesk"], list(COUNTS[0]))
    figures: dict[str, list[dict[str, object]]] = {"calibre": [], "ngodesk": []}
    for run in range(runs):
        print(f"{n:,} stories, run {run + 1} of {runs}", file=sys.stderr, flush=True)
        for theirs, ours in zip(_processes("calibre"), _processes("ngodesk"), strict=True):
            figures["calibre"].append({**_child("calibre", folders["calibre"], theirs), "everything": False})
            figures["ngodesk"].append({**_child("ngodesk", folders["ngodesk"], ours), "everything": False})
        for side, folder in folders.items():
            figures[side].append({**_child(side, folder, _every_step(side)), "everything": True})
    shutil.rmtree(folders["ngodesk"])
    return figures


def _print_table(n: int, lines: list[tuple[str, ...]]) -> None:
    header = (f"{n:,} stories", "calibre", "ngodesk", "ngodesk faster by", "target", "result")
    widths = [max(_width(line[i]) for line in [header, *lines]) for i in range(len(header))]
    print()
    for line in [header, tuple("-" * w for w in widths), *lines]:
        cells = (cell + " " * (width - _width(cell)) for cell, width in zip(line, widths, strict=True))
        print(" | ".join(cells).rstrip())


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal (Chinese characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _print_found(runs: dict[str, list[dict[str, object]]]) -> None:
    """What each side found per row (stories; tags, or calibre's category items)."""
    found = {side: {k: v for f in runs[side] for k, v in f["found"].items()} for side in runs}  # type: ignore[union-attr]
    counts = []
    for row in ROWS:
        theirs, ours = row.calibre[-1], row.ngodesk[-1]
        if ours not in SPECIAL:
            counts.append(f"{ours.split(':', 1)[-1]} {found['calibre'][theirs]:,} / {found['ngodesk'][ours]:,}")
    print("found (calibre / ngodesk):", "; ".join(counts))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="ngodesk beside calibre on the same generated stories.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000], help="stories (default: 10k 100k)")
    parser.add_argument("--runs", type=int, default=3, help="measurements of each row (default: 3)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--workdir",
        type=Path,
        default=Path.home() / ".cache" / "ngodesk-bench",
        help="where the built calibre libraries are kept (default: ~/.cache/ngodesk-bench)",
    )
    parser.add_argument("--build-only", action="store_true", help="only build the calibre libraries not built yet")
    parser.add_argument("--json", metavar="OUT", help="also write every process's figures to this JSON file")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--build", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.build:
        calibre_build(*args.build)
        return 0
    if args.child:
        side, folder, *steps = args.child
        print(json.dumps((calibre_measure if side == "calibre" else ngodesk_measure)(folder, steps)))
        return 0
    if shutil.which("calibre-debug") is None:
        print(
            "calibre is not installed (no calibre-debug on PATH): nothing to compare with. "
            "On Debian: apt-get install calibre"
        )
        return 0
    args.workdir.mkdir(parents=True, exist_ok=True)
    all_met = True
    results = {}
    for n in args.sizes:
        if args.build_only:
            import generate

            folder = args.workdir / f"calibre-{n}-s{args.seed}"
            if not folder.is_dir():
                _ensure_calibre(folder, n, args.seed, args.workdir, generate.records(n, args.seed))
            continue
        runs = results[n] = measure(n, args.seed, args.workdir, args.runs)
        lines, met = table(n, runs)
        all_met = all_met and met
        _print_table(n, lines)
        _print_found(runs)
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0 if all_met else 1


if __name__ == "__main__":
    sys.exit(main())
