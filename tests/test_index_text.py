"""The index form of text: one text at a time (editing a story) and many
together (imports, rebuilds, batch edits) must give the same result, or a
story's index entry could not be removed again (the index is contentless)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from ngodesk.search import text
from ngodesk.search.text import index_text, index_texts


def test_chinese_runs_become_bigrams_in_each_text_of_a_batch() -> None:
    texts = ["丝路一家亲", "abc丝", "路def", "", "Red Cross", "絲路，ＡＢ", "中", "e\u0301tude 國"]
    assert index_texts(texts) == [
        " 丝路 路一 一家 家亲 亲 ",
        "abc 丝 ",  # (a run does not go on into the next text)
        " 路 def",
        "",
        "Red Cross",
        " 丝路 路 ,AB",  # traditional to simplified, full-width to ASCII
        " 中 ",
        "\u00e9tude  国 ",  # combining accent composed
    ]


@pytest.mark.parametrize("batch_chars", [1 << 20, 7])  # (one batch; many, texts longer than one)
def test_a_batch_agrees_with_one_text_at_a_time_on_awkward_characters(
    batch_chars: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(text, "_BATCH_CHARS", batch_chars)
    rng = random.Random(7)
    # full-width and compatibility forms, jamo that compose, a lone
    # surrogate, kana with a combining mark, an extension-B ideograph...
    pool = (
        "ab ,.\u00a0\uff0c\uff21\u3000e\u0301\u1100\u1161\u11a8國会项目丝路"
        "\U00020001\U0002f800\uf900\ud800\u00bd\u2460\u3005\u30ab\u309a\ufb01"
    )
    texts = ["".join(rng.choice(pool) for _ in range(rng.randint(0, 10))) for _ in range(3000)]
    texts += ["".join(chr(rng.randint(0x80, 0x32000)) for _ in range(rng.randint(0, 6))) for _ in range(3000)]
    assert index_texts(texts) == [index_text(one) for one in texts]


def test_the_traditional_table_kept_between_runs_is_the_one_opencc_makes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    made, version = text._made_table(), text.index_version()
    kept = tmp_path / "cache" / "ngodesk" / "traditional-table.json"
    for damage in (None, "not json", '{"opencc": "another version", "digest": "x", "pairs": "絲丝"}', '{"pairs": 1}'):
        if damage is not None:
            kept.write_text(damage, "utf-8")
        for cached in (text._kept_or_made, text.traditional_table, text.index_version, text._traditional_chars):
            cached.cache_clear()
        assert text.traditional_table() == made and text.index_version() == version  # (made again, kept)
        assert kept.exists() and text._kept() is not None
    assert text.simplify("絲路") == "丝路"
