"""Finding records by any of their names (both scripts, pinyin, acronyms,
any case, near spellings) and naming them in the reader's language."""

from __future__ import annotations

import pytest

from ngodesk.domain.models import AltName
from ngodesk.search.names import NameIndex, RecordNames, display_name
from ngodesk.services import entities
from ngodesk.services.library import add_sample_records
from ngodesk.store.library import Library

CFPA = RecordNames(
    1,
    "China Foundation for Poverty Alleviation",
    (
        AltName("中国扶贫基金会", "zh-Hans", True),
        AltName("中國扶貧基金會", "zh-Hant", True),
        AltName("CFPA", "en"),
        AltName("中国乡村发展基金会", "zh-Hans"),
    ),
)
KENYA = RecordNames(2, "Kenya", (AltName("肯尼亚", "zh-Hans", True),))
MYANMAR = RecordNames(3, "Myanmar", (AltName("缅甸", "zh-Hans", True), AltName("Burma", "en")))
RED_CROSS = RecordNames(4, "Red Cross Society of China", (AltName("中国红十字会", "zh-Hans", True),))


def _index(language: str = "en") -> NameIndex:
    return NameIndex([CFPA, KENYA, MYANMAR, RED_CROSS], language)


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("en", "China Foundation for Poverty Alleviation"),
        ("zh_CN", "中国扶贫基金会"),
        ("zh-Hans", "中国扶贫基金会"),
        ("zh_TW", "中國扶貧基金會"),
        ("fr", "China Foundation for Poverty Alleviation"),  # (no French name: the stored one)
    ],
)
def test_a_record_is_shown_by_its_preferred_name_in_the_readers_language(language: str, shown: str) -> None:
    assert display_name(CFPA.name, CFPA.alt_names, language) == shown


def test_a_name_in_the_language_beats_the_stored_name_in_another_and_a_chinese_stored_name_stays() -> None:
    assert display_name("Kenya", (AltName("肯尼亚", "zh-Hans"),), "zh_CN") == "肯尼亚"  # (not marked preferred)
    assert display_name("中国扶贫基金会", (AltName("CFPA", "en"),), "zh_CN") == "中国扶贫基金会"
    assert display_name("王芳", (), "en") == "王芳"


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("CFPA", 1),
        ("cfpa", 1),
        ("扶贫", 1),
        ("扶貧", 1),  # (traditional typed, simplified stored)
        ("中國扶貧", 1),
        ("fupin", 1),
        ("fu pin", 1),
        ("zgfp", 1),  # (the pinyin's initials)
        ("poverty", 1),
        ("缅甸", 3),
        ("Burma", 3),
        ("burma", 3),
        ("miandian", 3),
        ("Keny", 2),
        ("RCSC", 4),  # (the initials of an English name)
    ],
)
def test_every_name_of_a_record_completes(typed: str, found: int) -> None:
    assert [m.id for m in _index().complete(typed)][:1] == [found]


def test_a_completion_says_which_name_it_found_and_shows_the_records_name() -> None:
    match = _index("zh_CN").complete("Burma")[0]
    assert (match.name, match.label, match.matched, match.exact) == ("Myanmar", "缅甸", "Burma", True)
    assert _index().complete("Keny")[0].exact is False
    assert _index().exact("kenya").id == 2 and _index().exact("Keny") is None  # type: ignore[union-attr]


def test_starts_of_names_come_before_names_that_hold_the_text_and_short_text_reads_no_pinyin() -> None:
    index = NameIndex([RecordNames(1, "Lake Chad Basin"), RecordNames(2, "Chad")], "en")
    assert [m.id for m in index.complete("chad")] == [2, 1]
    assert index.complete("z") == []  # (one letter: no pinyin, no initials)


def test_a_name_that_matches_nothing_is_answered_with_the_closest_spelling_or_nothing() -> None:
    assert _index().suggest("Kenia").id == 2  # type: ignore[union-attr]
    assert _index().suggest("Myanmr").id == 3  # type: ignore[union-attr]
    assert _index().suggest("Zanzibar") is None
    assert _index().complete("") == []


def test_the_library_gives_every_name_and_the_names_shown(library: Library) -> None:
    add_sample_records(library)
    places = entities.names_of(library, "place")
    index = NameIndex(places, "zh_CN")
    myanmar = next(r for r in places if r.name == "Myanmar")
    assert AltName("Burma", "en") in myanmar.alt_names and index.label(myanmar.id) == "缅甸"
    assert [m.label for m in index.complete("burma")] == ["缅甸"]
    organisations = NameIndex(entities.names_of(library, "organisation"), "en")
    cfpa = organisations.complete("CFPA")[0]
    assert cfpa.name == "China Foundation for Poverty Alleviation"
    assert entities.labels(library, [cfpa.id, myanmar.id, 10_000], "zh_CN") == {
        cfpa.id: "中国扶贫基金会",
        myanmar.id: "缅甸",
    }


def test_records_added_changed_and_removed_are_followed_without_reading_the_rest() -> None:
    index = _index()
    index.update([RecordNames(5, "Kenema"), RecordNames(2, "Republic of Kenya", (AltName("Kenya", "en"),))], [3])
    assert [(m.label, m.matched) for m in index.complete("ken")] == [
        ("Kenema", "Kenema"),
        ("Republic of Kenya", "Kenya"),
    ]
    assert index.complete("burma") == [] and index.complete("肯尼亚") == []  # (its names before are forgotten)
    assert index.suggest("Myanmr") is None


def test_a_record_with_many_names_does_not_crowd_out_the_others() -> None:
    crowded = RecordNames(1, "Aaa", tuple(AltName(f"Aaa branch {n}", "en") for n in range(60)))
    others = [RecordNames(i, f"Office {i}", (AltName(f"Zzz branch office {i}", "en"),)) for i in range(2, 30)]
    found = NameIndex([crowded, *others], "en").complete("branch", limit=12)  # (its 60 names rank first)
    assert found[0].id == 1 and len({m.id for m in found}) == 12
