"""The glossary: terms with readings and renderings, TBX and table files."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from ngodesk.cli import main
from ngodesk.domain.errors import ImportFailed
from ngodesk.domain.models import TermRecord, TermStatus
from ngodesk.formats import tbx
from ngodesk.services import glossary
from ngodesk.services.library import open_library
from ngodesk.store.library import Library
from tests.conftest import REALWORLD

needs_realworld = pytest.mark.skipif(not REALWORLD.is_dir(), reason="../shared/realworld is not here")


def terms_of(library: Library) -> list[TermRecord]:
    return [term for _, term in glossary.terms(library)]


def test_a_new_default_library_has_the_sample_terms_with_readings() -> None:
    with open_library() as library:
        found = {t.term: (t.rendering, t.pinyin, t.traditional, t.status) for t in terms_of(library)}
    assert found == {
        "走出去": ("going out", "zǒu chū qù", "走出去", TermStatus.APPROVED),
        "丝路一家亲": ("Silk Road Family", "sī lù yī jiā qīn", "絲路一家親", TermStatus.APPROVED),
        "民生项目": ("livelihood projects", "mín shēng xiàng mù", "民生項目", TermStatus.APPROVED),
    }


def test_chinese_terms_sort_by_pinyin_and_a_traditional_spelling_completes_its_term(library: Library) -> None:
    glossary.import_terms(library, [TermRecord("走出去", "going out"), TermRecord("银行", "bank")])
    report = glossary.import_terms(
        library, [TermRecord("銀行", "", alternatives=("banks",), definition="A financial institution.")]
    )
    assert (report.added, report.updated) == (0, 1)
    assert [(t.term, t.pinyin, t.alternatives, t.definition) for t in terms_of(library)] == [
        ("银行", "yín háng", ("banks",), "A financial institution."),  # y before z; 行 read háng here
        ("走出去", "zǒu chū qù", (), ""),
    ]
    assert glossary.import_terms(library, [TermRecord("银行", "bank")]).unchanged == 1


@needs_realworld
def test_the_real_tbx_file_imports_with_everything_kept(library: Library) -> None:
    report = glossary.import_file(library, REALWORLD / "tbx_glossary" / "omegat_sampleTBXfile_bom.tbx")
    assert (report.added, report.problems) == (1, [])
    (term,) = terms_of(library)
    assert (term.term, term.rendering, term.source_language, term.target_language) == (
        "alpha smoothing factor",
        "hu translation",
        "en",
        "hu",
    )
    assert term.subjects == ("manufacturing",) and term.definition == "A value between 0 and 1 used in ..."
    assert dict(term.extra) == {"termType (en)": "fullForm", "partOfSpeech (en)": "noun", "partOfSpeech (hu)": "noun"}


@needs_realworld
def test_the_real_utf16_tab_glossary_imports(library: Library) -> None:
    report = glossary.import_file(library, REALWORLD / "tbx_glossary" / "omegat_glossary_testUTF16LE.txt")
    assert (report.added, report.problems) == (2, [])
    assert [(t.term, t.rendering, t.note) for t in terms_of(library)] == [
        ("LE", "Little Endian", "Comment #2"),
        ("UTF", "Unicode Transformation Format", "Comment #1"),
    ]


def rich_terms() -> list[TermRecord]:
    return [
        TermRecord(
            "丝路一家亲",
            "Silk Road Family",
            alternatives=("Silk Road Family Project",),
            forbidden=("Silk Road One Family",),
            definition="A programme of the Silk Road NGO Cooperation Network.",
            note="Capitalise: it is a name.",
            subjects=("Programme", "Belt and Road"),
            status=TermStatus.APPROVED,
        ),
        TermRecord("走出去", "going out", status=TermStatus.DEPRECATED, extra={"source": "2019 style sheet"}),
        TermRecord("=SUM(A1)", "a formula-like term", source_language="en", target_language="zh"),
    ]


@pytest.mark.parametrize(("format_name", "suffix"), [("tbx", ".tbx"), ("csv", ".csv")])
def test_export_and_import_into_an_empty_library_keeps_every_field(
    library: Library, tmp_path: Path, format_name: str, suffix: str
) -> None:
    glossary.import_terms(library, rich_terms())
    out = tmp_path / f"glossary{suffix}"
    assert glossary.export(library, format_name, out) == 3
    with open_library(tmp_path / "other") as other:
        report = glossary.import_file(other, out)
        assert (report.added, report.problems) == (3, [])
        copied = terms_of(other)

    def comparable(term: TermRecord) -> TermRecord:
        extra = term.extra if format_name == "tbx" else {}  # (a table has no column for extra)
        return dataclasses.replace(term, uuid="", position="", extra=extra)

    assert [comparable(t) for t in copied] == [comparable(t) for t in terms_of(library)]
    if format_name == "csv":
        assert "'=SUM(A1)" in out.read_text(encoding="utf-8-sig")  # not run as a formula


def test_entity_declarations_in_tbx_are_refused(library: Library, tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.tbx"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE martif [<!ENTITY a "aaaa">]><martif>&a;</martif>')
    report = glossary.import_file(library, bomb)
    assert [p.reason for p in report.problems] == ["declares XML entities; refused for safety"]
    assert terms_of(library) == []


def test_unreadable_entries_are_reported_by_position_and_strict_imports_nothing(
    library: Library, tmp_path: Path
) -> None:
    table = tmp_path / "terms.csv"
    table.write_text("term,rendering,status\n走出去,going out,final\n,no term,draft\n民生项目,livelihood projects,\n")
    with pytest.raises(ImportFailed, match=r"terms.csv, line 2: status: 'final' is not one of draft"):
        glossary.import_file(library, table, strict=True)
    assert terms_of(library) == []
    report = glossary.import_file(library, table)
    assert [(p.position, p.reason) for p in report.problems] == [
        ("line 2", "status: 'final' is not one of draft, approved, deprecated"),
        ("line 3", "the row has no term"),
    ]
    assert [t.term for t in terms_of(library)] == ["民生项目"]
    tbx = tmp_path / "terms.tbx"
    tbx.write_text(
        '<martif type="TBX" xml:lang="zh"><text><body><termEntry id="e1"><langSet xml:lang="zh"/></termEntry>'
        '<termEntry><langSet xml:lang="zh"><tig><term>民生项目</term></tig></langSet></termEntry>'
        "</body></text></martif>"
    )
    report = glossary.import_file(library, tbx)
    assert [(p.position, p.reason) for p in report.problems] == [("entry 1 (e1)", "the entry has no term")]
    assert report.unchanged == 1


def test_tbx_v3_concept_entries_pick_chinese_to_english(library: Library, tmp_path: Path) -> None:
    v3 = tmp_path / "v3.tbx"
    v3.write_text(
        '<?xml version="1.0"?><tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Core" xml:lang="en"><text><body>'
        "<conceptEntry id='c1'><descrip type='definition'>Chinese outbound policy.</descrip>"
        "<langSec xml:lang='en'><termSec><term>going out</term>"
        "<termNote type='administrativeStatus'>preferredTerm-admn-sts</termNote></termSec>"
        "<termSec><term>going global</term><termNote type='administrativeStatus'>admittedTerm-admn-sts</termNote>"
        "</termSec><termSec><term>go out policy</term>"
        "<termNote type='administrativeStatus'>deprecatedTerm-admn-sts</termNote></termSec></langSec>"
        "<langSec xml:lang='zh-Hant'><termSec><term>走出去</term></termSec></langSec>"
        "<langSec xml:lang='zh-CN'><termSec><term>走出去</term></termSec></langSec>"
        "</conceptEntry></body></text></tbx>",
        encoding="utf-8",
    )
    report = glossary.import_file(library, v3)
    assert report.problems == []
    (term,) = terms_of(library)
    assert (term.term, term.source_language, term.target_language, term.rendering) == (
        "走出去",
        "zh-Hans",
        "en",
        "going out",
    )
    assert (term.alternatives, term.forbidden, term.definition) == (
        ("going global",),
        ("go out policy",),
        "Chinese outbound policy.",
    )


def test_glossary_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    library = tmp_path / "library"
    table = tmp_path / "terms.tsv"
    table.write_text("走出去\tgoing out\tpolicy slogan\n\t\t\n民生项目\tlivelihood projects\n", encoding="utf-16")
    assert main(["--library", str(library), "glossary", "import", str(table), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"added": 2, "updated": 0, "unchanged": 0, "failed": []}
    assert main(["--library", str(library), "glossary", "list"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "民生项目 (mín shēng xiàng mù) -> livelihood projects  [zh>en, draft]",
        "走出去 (zǒu chū qù) -> going out  [zh>en, draft]",
    ]
    bad = tmp_path / "bad.csv"
    bad.write_text("term,rendering\n,orphan rendering\n")
    assert main(["--library", str(library), "glossary", "import", str(bad)]) == 1
    assert "bad.csv, line 2: the row has no term" in capsys.readouterr().err
    assert main(["--library", str(library), "glossary", "export", "--format", "tbx"]) == 0
    assert capsys.readouterr().out.count("<termEntry") == 2


def test_the_consistency_check_finds_forbidden_and_missing_renderings(
    library: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    from ngodesk.domain.models import Translation
    from ngodesk.services import consistency, stories, translations

    glossary.import_terms(
        library,
        [
            TermRecord("走出去", "going out", alternatives=("going global",), forbidden=("go out",)),
            TermRecord("民生项目", "livelihood projects"),
            TermRecord("一带一路", "Belt and Road", status=TermStatus.DEPRECATED),
        ],
    )
    good = stories.create_story(library, {"title": "民间组织走出去", "summary": "开展民生项目。"}).id
    bad = stories.create_story(library, {"title": "民间組織走出去与一带一路", "summary": "民生项目"}).id
    stories.create_story(library, {"title": "走出去 (untranslated)"})
    translations.set_translations(
        library,
        good,
        [Translation("title", "en", "NGOs Going Global"), Translation("summary", "en", "Livelihood projects begin.")],
    )
    translations.set_translations(
        library, bad, [Translation("title", "en", "NGOs go out"), Translation("summary", "zh-Hant", "民生項目")]
    )
    found = consistency.check(library)
    assert [(i.story_id, i.field, i.language, i.term, i.problem) for i in found] == [
        (bad, "title", "en", "走出去", "uses the forbidden rendering “go out”"),
        (bad, "title", "en", "走出去", "does not use “going out”"),
    ]  # the deprecated term and the Chinese-to-Chinese translation are not checked
    assert main(["--library", str(library.folder), "glossary", "check"]) == 1
    out = capsys.readouterr()
    assert "title (en): 走出去 uses the forbidden rendering “go out”" in out.out and "2 inconsistencies." in out.err
    stories.delete_stories(library, [bad])
    assert main(["--library", str(library.folder), "glossary", "check"]) == 0
    assert capsys.readouterr().out == "The translations follow the glossary.\n"


@pytest.mark.parametrize("encoding", ["utf-16", "gb18030", "big5"])
def test_tbx_files_in_the_encoding_they_declare_import(library: Library, tmp_path: Path, encoding: str) -> None:
    declared = {"utf-16": "UTF-16", "gb18030": "GB2312", "big5": "Big5"}[encoding]
    text = (
        f'<?xml version="1.0" encoding="{declared}"?>\n<martif type="TBX" xml:lang="zh"><text><body><termEntry>'
        '<langSet xml:lang="zh"><tig><term>走出去</term></tig></langSet>'
        '<langSet xml:lang="en"><tig><term>going out</term></tig></langSet></termEntry></body></text></martif>'
    )
    if encoding == "big5":
        text = text.replace("走出去", "民間組織")
    path = tmp_path / "multiterm.tbx"
    path.write_bytes(text.encode(encoding))
    report = glossary.import_file(library, path)
    assert (report.added, report.problems) == (1, [])
    assert [t.rendering for t in terms_of(library)] == ["going out"]


def test_terms_match_whole_words_in_either_script(library: Library) -> None:
    from ngodesk.domain.models import Translation
    from ngodesk.services import consistency, stories, translations

    glossary.import_terms(
        library,
        [
            TermRecord("UN", "联合国", source_language="en", target_language="zh"),
            TermRecord("民间组织", "NGO", forbidden=("civil organisation",)),
        ],
    )
    finder = glossary.TermFinder(glossary.terms(library))
    text = "Under the UN, 民間組織 and NGOs"
    assert [text[o.start : o.end] for o in finder.find(text)] == ["UN", "民間組織"]
    story = stories.create_story(library, {"title": "民间组织的 ongoing work", "language": "zh"}).id
    translations.set_translations(
        library,
        story,
        [Translation("title", "en", "The ongoing work of NGOs"), Translation("title", "zh-Hant", "民間組織的工作")],
    )
    assert consistency.check(library) == []  # "NGOs" is the rendering; "ongoing" is not "NGO"


def test_importing_again_adds_a_new_rendering_as_an_alternative_and_variants_are_one_language(
    library: Library,
) -> None:
    glossary.import_terms(library, [TermRecord("走出去", "going out", source_language="zh")])
    report = glossary.import_terms(
        library, [TermRecord("走出去", "Going Global", source_language="zh-CN", target_language="en-US")]
    )
    assert (report.added, report.updated) == (0, 1)
    (term,) = terms_of(library)
    assert (term.rendering, term.alternatives) == ("going out", ("Going Global",))


def test_languages_given_by_name_or_locale_are_stored_as_tags(library: Library, tmp_path: Path) -> None:
    glossary.import_terms(
        library,
        [
            TermRecord("民生", "livelihood", source_language="Chinese", target_language="English"),
            TermRecord("救灾", "disaster relief", source_language="zh_TW", target_language="en-US"),
        ],
    )
    assert {(t.term, t.source_language, t.target_language) for t in terms_of(library)} == {
        ("民生", "zh", "en"),
        ("救灾", "zh-Hant", "en"),
    }
    with pytest.raises(ImportFailed, match="source language: .Zzyzx."):
        glossary.import_terms(library, [TermRecord("义工", "volunteer", source_language="Zzyzx")], strict=True)


def test_overlong_terms_are_refused_and_characters_xml_cannot_hold_are_dropped(library: Library) -> None:
    report = glossary.import_terms(
        library,
        [TermRecord("走" * 300, "x", position="line 2"), TermRecord("民生项目", "livelihood", note="a\x0cb\x00c")],
    )
    assert [(p.position, p.reason.split(";")[0]) for p in report.problems] == [
        ("line 2", "term: longer than 200 characters (300)")
    ]
    assert [t.note for t in terms_of(library)] == ["abc"]
    assert "<note>abc</note>" in tbx.write(terms_of(library))


def test_tbx_source_synonyms_are_kept_and_a_deprecated_one_is_not_the_term(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "synonyms.tbx"
    path.write_text(
        '<martif type="TBX" xml:lang="zh"><text><body><termEntry>'
        '<langSet xml:lang="zh"><tig><term>丝路</term><termNote type="normativeAuthorization">deprecatedTerm'
        "</termNote></tig><tig><term>丝绸之路</term></tig><ntig><termGrp><term>丝绸路</term></termGrp></ntig></langSet>"
        '<langSet xml:lang="en"><tig><term>Silk Road</term></tig><tig><term>Silk Route</term>'
        '<termNote type="normativeAuthorization">deprecatedTerm</termNote></tig></langSet>'
        "</termEntry></body></text></martif>",
        encoding="utf-8",
    )
    assert glossary.import_file(library, path).problems == []
    (term,) = terms_of(library)
    assert (term.term, term.rendering, term.forbidden, term.status) == (
        "丝绸之路",
        "Silk Road",
        ("Silk Route",),
        TermStatus.DRAFT,
    )
    assert term.extra == {"other terms (zh)": "丝绸路", "deprecated terms (zh)": "丝路"}


#: The shapes real termbases use for a term's status: TBX-Basic's
#: administrativeStatus with its endings (an IATE-style export), and
#: TBX-Default's normativeAuthorization without them, in ntig groups.
STATUSES_TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="zh">
<text><body>
<termEntry id="c1">
 <langSet xml:lang="zh"><tig><term>民生项目</term></tig></langSet>
 <langSet xml:lang="en">
  <tig><term>people's livelihood projects</term>
   <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
  <tig><term>livelihood projects</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
  <tig><term>welfare projects</term><termNote type="administrativeStatus">obsoleteTerm-admn-sts</termNote></tig>
  <tig><term>charity projects</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
  <tig><term>relief projects</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></tig>
 </langSet>
</termEntry>
<termEntry id="c2">
 <langSet xml:lang="zh"><ntig><termGrp><term>走出去</term></termGrp></ntig></langSet>
 <langSet xml:lang="en">
  <ntig><termGrp><term>going out</term><termNote type="normativeAuthorization">preferred</termNote></termGrp></ntig>
  <ntig><termGrp><term>going global</term><termNote type="normativeAuthorization">admitted</termNote></termGrp></ntig>
  <ntig><termGrp><term>go abroad</term><termNote type="normativeAuthorization">obsolete</termNote></termGrp></ntig>
  <ntig><termGrp><term>going-out strategy</term>
   <termNote type="normativeAuthorization">deprecated</termNote></termGrp></ntig>
 </langSet>
</termEntry>
</body></text></martif>
"""


def test_every_target_term_is_kept_with_its_status(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "iate.tbx"
    path.write_text(STATUSES_TBX, encoding="utf-8")
    assert glossary.import_file(library, path).added == 2
    livelihood, going_out = sorted(terms_of(library), key=lambda t: t.term)
    assert (livelihood.rendering, livelihood.alternatives, livelihood.forbidden) == (
        "livelihood projects",
        ("people's livelihood projects",),
        ("welfare projects", "charity projects", "relief projects"),
    )
    assert livelihood.extra == {"term statuses (en)": "welfare projects: obsolete; relief projects: superseded"}
    assert (going_out.rendering, going_out.alternatives, going_out.forbidden) == (
        "going out",
        ("going global",),
        ("go abroad", "going-out strategy"),
    )
    assert going_out.extra == {"term statuses (en)": "go abroad: obsolete"}
    exported = tmp_path / "again.tbx"
    glossary.export(library, "tbx", exported)
    with open_library(tmp_path / "other") as other:
        glossary.import_file(other, exported)
        assert sorted(terms_of(other), key=lambda t: t.term) == [
            dataclasses.replace(t, uuid=other_t.uuid)
            for t, other_t in zip((livelihood, going_out), sorted(terms_of(other), key=lambda t: t.term), strict=True)
        ]
