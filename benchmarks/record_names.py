"""Completing record names as the editor does (``search.names``): reading
every name of N organisations (an English name, a Chinese one, an
acronym) and finding, for each keystroke of some names typed letter by
letter, the records any of whose names the text finds, beside the plain
substring test over the same folded names (what a list completer does,
without pinyin, initials or ranking).

    python benchmarks/record_names.py                # 20,000 records
    python benchmarks/record_names.py --size 2000
"""

from __future__ import annotations

import argparse
import random
import sys

from run import percentile, table, timed

from ngodesk.domain.models import AltName
from ngodesk.search.chinese import reading_table
from ngodesk.search.names import NameIndex, RecordNames
from ngodesk.search.text import fold

#: Target: a keystroke's completion at 20,000 records, p95.
KEYSTROKE_MS = 50.0
_WORDS = ("China", "Foundation", "Poverty", "Alleviation", "Red", "Cross", "Society", "of", "for", "Rural", "Water")
_TYPED = ("CFPA", "扶贫", "fupin", "Red Cross", "miandian", "Keny", "zgfp")


def records(n: int) -> list[RecordNames]:
    """``n`` organisations, each with an English name, a Chinese one
    (3-9 common characters) and the English name's initials."""
    chance = random.Random(7)
    han = [chr(code) for code in range(0x4E00, 0x4E00 + 3000)]
    made = []
    for i in range(n):
        english = " ".join(chance.choice(_WORDS) for _ in range(chance.randint(2, 5)))
        chinese = "".join(chance.choice(han) for _ in range(chance.randint(3, 9)))
        acronym = "".join(word[0] for word in english.split()).upper()
        made.append(RecordNames(i, english, (AltName(chinese, "zh-Hans", True), AltName(acronym, "en"))))
    made.append(
        RecordNames(n, "China Foundation for Poverty Alleviation", (AltName("中国扶贫基金会", "zh-Hans", True),))
    )
    return made


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20_000)
    size = parser.parse_args().size
    reading_table()  # (pypinyin's tables: loaded once per process, before the window opens the editor)
    given = records(size)
    build, index = timed(lambda: NameIndex(given, "zh_CN"))
    folded = [fold(name) for r in given for name in (r.name, *(alt.name for alt in r.alt_names))]
    ours, plain = [], []
    for typed in _TYPED:
        for end in range(1, len(typed) + 1):
            ours.append(timed(lambda text=typed[:end]: index.complete(text))[0] * 1000)
            wanted = fold(typed[:end])
            plain.append(timed(lambda wanted=wanted: [name for name in folded if wanted in name])[0] * 1000)
    p95 = percentile(ours, 0.95)
    print(f"{size:,} records, {len(folded):,} names; index read in {build:.2f} s")
    print(
        table(
            ("per keystroke", "median ms", "p95 ms"),
            [
                ("search.names completion", f"{percentile(ours, 0.5):.1f}", f"{p95:.1f}"),
                ("substring over folded names", f"{percentile(plain, 0.5):.1f}", f"{percentile(plain, 0.95):.1f}"),
            ],
        )
    )
    return 0 if p95 <= KEYSTROKE_MS or size > 20_000 else 1


if __name__ == "__main__":
    sys.exit(main())
