"""Export time of one story with many tags, per export format: 1,000 tags
against 4,000. Linear work takes about 4x as long for 4x the tags; the HTML
catalogue once took 16x (a story is listed under each of its tags, and each
listing read all its tags: 5.5 s and 99 s).

    python benchmarks/many_tags.py                 # 1,000 and 4,000 tags
    python benchmarks/many_tags.py --tags 2000     # 2,000 and 8,000

Exits 1 when a format's ratio is above LIMIT (well above 4x, well below
16x: timings on a shared machine are noisy).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from ngodesk.services import exporting, queries, stories
from ngodesk.services.library import open_library

#: Largest ratio of the two export times accepted.
LIMIT = 8.0


def _export_seconds(folder: Path, tags: int, format_name: str) -> float:
    """Best of three exports of one story with ``tags`` tags."""
    with open_library(folder / f"library-{tags}") as library:
        if not queries.story_count(library):
            paths = [f"Topic {n // 100}/Tag {n:05d}" for n in range(tags)]
            stories.create_story(library, {"title": "One story", "summary": "Under every tag."}, paths)
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            exporting.export(library, format_name, folder / f"out-{tags}")
            best = min(best, time.perf_counter() - start)
        return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tags", type=int, default=1000, help="the smaller tag count (the larger is 4x)")
    args = parser.parse_args()
    small, large = args.tags, 4 * args.tags
    failed = []
    print(f"{'format':10} {small:>8,} tags {large:>8,} tags   ratio")
    with tempfile.TemporaryDirectory() as folder:
        for format_name in exporting.FORMATS:
            before = _export_seconds(Path(folder), small, format_name)
            after = _export_seconds(Path(folder), large, format_name)
            ratio = after / before
            print(f"{format_name:10} {before:12.3f} s {after:12.3f} s {ratio:7.1f}x")
            if ratio > LIMIT:
                failed.append(format_name)
    if failed:
        print(f"more than {LIMIT}x: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
