"""The Trash at two library sizes: moving stories to it and restoring them,
and what the window and commands do before their first answer (counting
it, listing it, letting go of expired stories), which must not grow with
the library.

    python benchmarks/trash.py                       # 2,000 and 20,000 stories
    python benchmarks/trash.py --sizes 10000 100000 --moved 2000

Exits 1 when counting or purging at the larger size takes more than LIMIT
times as long as at the smaller one (both hold as many trashed stories).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import build_library  # noqa: E402

from ngodesk.services import queries, trash  # noqa: E402
from ngodesk.services.library import open_library  # noqa: E402

#: Largest ratio (larger library / smaller) of the times that must not grow.
LIMIT = 3.0


def _best(work: Callable[[], object], times: int = 5) -> float:
    best = float("inf")
    for _ in range(times):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def _once(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def measure(folder: Path, size: int, moved: int) -> dict[str, float]:
    """Seconds of each Trash operation in a library of ``size`` stories."""
    build_library(size, str(folder))
    with open_library(folder) as library:
        ids = queries.matching_ids(library, "").tolist()
        singles = iter(ids[:5])
        figures = {"move 1": _best(lambda: trash.move_to_trash(library, [next(singles)]))}
        figures[f"move {moved:,}"] = _once(lambda: trash.move_to_trash(library, ids[5 : moved + 5]))
        figures["count"] = _best(lambda: trash.count(library))
        figures["list"] = _best(lambda: trash.trashed(library))
        figures["purge (none expired)"] = _best(lambda: trash.purge(library))
        uuids = [t.uuid for t in trash.trashed(library)]
        figures[f"restore {len(uuids):,}"] = _once(lambda: trash.restore_stories(library, uuids))
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=(2000, 20000), metavar="N")
    parser.add_argument("--moved", type=int, default=1000, help="stories moved to the Trash at once")
    args = parser.parse_args()
    small, large = args.sizes
    with tempfile.TemporaryDirectory() as folder:
        first = measure(Path(folder) / "small", small, args.moved)
        second = measure(Path(folder) / "large", large, args.moved)
    print(f"{'':24} {small:>10,} {large:>10,}  stories")
    for name in first:
        print(f"{name:24} {first[name] * 1000:>8.1f}ms {second[name] * 1000:>8.1f}ms")
    grown = [n for n in ("count", "purge (none expired)") if second[n] > LIMIT * max(first[n], 0.001)]
    if grown:
        print(f"grew with the library: {', '.join(grown)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
