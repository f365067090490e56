"""The command line end to end on temporary libraries: ``cli.main`` as
``python -m ngodesk`` runs it, and real processes where only a process
shows the behaviour (start-up, signals, pipes)."""

from __future__ import annotations

import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from ngodesk import __version__, cli
from ngodesk.services import stories
from ngodesk.services.library import open_library
from tests.conftest import SAMPLE, copy_library, held_by_another_process


def ngodesk(
    *args: str, library: Path | None = None, env: dict[str, str] | None = None, real: bool = False
) -> subprocess.CompletedProcess[str]:
    """``ngodesk [--library LIBRARY] ARGS``: its exit code and output. Run
    here through ``cli.main``, as ``python -m ngodesk`` runs it (a command
    costs its work, not a Python start: most of test_cli's time was
    starting processes); ``real``: a process of its own, for what only a
    process shows (its start-up, signals, a pipe closed under it)."""
    argv = [*(["--library", str(library)] if library is not None else []), *args]
    if real:
        return subprocess.run(
            [sys.executable, "-m", "ngodesk", *argv],
            capture_output=True,
            text=True,
            env={**os.environ, **(env or {})},
            timeout=120,
        )
    out, err = _Output(), _Output()
    handlers = {number: signal.getsignal(number) for number in (signal.SIGTERM, signal.SIGHUP)}
    saved = os.environ.copy()
    os.environ.update(env or {})
    try:
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = cli.main(argv)
            except SystemExit as exit_:  # (argparse's usage errors, as the process would end)
                code = exit_.code if isinstance(exit_.code, int) else 0 if exit_.code is None else 1
                if isinstance(exit_.code, str):
                    print(exit_.code, file=sys.stderr)
    finally:
        os.environ.clear()
        os.environ.update(saved)
        for number, handler in handlers.items():  # (the command's own: SIGTERM as Ctrl-C)
            signal.signal(number, handler)
    return subprocess.CompletedProcess(["ngodesk", *argv], code, out.text(), err.text())


class _Output(io.TextIOWrapper):
    """A standard stream as a command's process has one (text over bytes,
    UTF-8), read back as text."""

    def __init__(self) -> None:
        super().__init__(io.BytesIO(), encoding="utf-8", write_through=True)

    def text(self) -> str:
        self.flush()
        return self.buffer.getvalue().decode("utf-8")  # type: ignore[attr-defined]


def ok(*args: str, library: Path | None = None, real: bool = False) -> str:
    result = ngodesk(*args, library=library, real=real)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def cli_library(tmp_path: Path, _sample_template: Path) -> Path:
    """A closed library holding the sample (a copy of the run's template)."""
    return copy_library(_sample_template, tmp_path / "cli-library")


def test_version() -> None:
    assert ok("--version", real=True).strip() == f"ngodesk {__version__}"
    assert ok("--version").strip() == f"ngodesk {__version__}"  # (and this module's way of running it says the same)


def test_first_start_creates_the_default_library_with_the_sample(tmp_path: Path) -> None:
    facts = json.loads(ok("info", "--json", real=True))  # (a first start: a process of its own)
    assert (facts["stories"], facts["glossary_terms"], facts["translations"], facts["annotations"]) == (13, 3, 0, 0)
    assert Path(facts["path"]).is_relative_to(tmp_path / "xdg-data")
    again = json.loads(ok("info", "--json"))
    assert (again["stories"], again["glossary_terms"]) == (13, 3)  # not imported twice


def test_a_named_new_library_starts_empty(tmp_path: Path) -> None:
    result = ngodesk("info", "--json", env={"NGODESK_LIBRARY": str(tmp_path / "env-lib")})
    facts = json.loads(result.stdout)
    assert (facts["stories"], facts["path"]) == (0, str(tmp_path / "env-lib"))
    assert facts["schema_version"] and facts["tags"] == 0


def test_reading_a_folder_that_holds_no_library_says_a_new_one_was_made(tmp_path: Path) -> None:
    """A mistyped --library would otherwise look like an empty library."""
    result = ngodesk("search", "扶贫", library=tmp_path / "mistyped")
    assert result.returncode == 0
    assert result.stdout == "No stories match.\n"
    assert result.stderr == f"ngodesk: no library was at {tmp_path / 'mistyped'}; made a new, empty one there\n"
    assert ngodesk("search", "扶贫", library=tmp_path / "mistyped").stderr == ""  # (there now)


def test_import_reports_and_skips_duplicates(cli_library: Path) -> None:
    out = ok("import", str(SAMPLE), library=cli_library)
    assert out.startswith("Imported 0 stories; 13 duplicates skipped.\nDuplicates:\n")
    assert "line 3: already in the library as “Designing “Lion Lights” for Kenya" in out


TABLE = "题目,日期,标签\n走出去的民间组织,2019-03-05,走出去; 民间组织\n,2019-03-06,没有标题\n丝路一家亲,2019-03-07,\n"


def test_import_json_report_and_exit_code_when_a_record_fails(cli_library: Path, tmp_path: Path) -> None:
    table = tmp_path / "stories.csv"
    table.write_text(TABLE, encoding="utf-8")
    result = ngodesk("import", str(table), "--map", "题目=title", "--json", library=cli_library)
    assert result.returncode == 1  # one record failed; the good ones are in
    report = json.loads(result.stdout)
    assert report["imported"] == 2 and report["duplicates"] == [] and report["skipped"] == []
    assert report["failed"] == [{"record": f"{table}, line 3", "reason": "the row has no title"}]
    again = ngodesk("import", str(table), "--map", "题目=title", "--json", library=cli_library)
    assert [d["action"] for d in json.loads(again.stdout)["duplicates"]] == ["skipped", "skipped"]


def test_strict_import_imports_nothing_and_on_duplicate_add_imports_anyway(cli_library: Path, tmp_path: Path) -> None:
    table = tmp_path / "stories.csv"
    table.write_text(TABLE, encoding="utf-8")
    strict = ngodesk("import", str(table), "--map", "题目=title", "--strict", library=cli_library)
    assert (
        strict.returncode == 1
        and "line 3: the row has no title" in strict.stderr
        and "nothing was imported" in strict.stderr
    )
    assert json.loads(ok("info", "--json", library=cli_library))["stories"] == 13
    ok("import", str(SAMPLE), "--on-duplicate", "add", library=cli_library)
    assert json.loads(ok("info", "--json", library=cli_library))["stories"] == 26


def test_duplicates_lists_pairs(cli_library: Path) -> None:
    assert ok("duplicates", library=cli_library).startswith("0 likely duplicate pairs.")
    ok("import", str(SAMPLE), "--on-duplicate", "add", library=cli_library)
    pairs = json.loads(ok("duplicates", "--json", library=cli_library))
    assert len(pairs) == 13 and {p["reason"] for p in pairs} == {"the same title"}
    assert all(p["first"]["title"] == p["second"]["title"] for p in pairs)


def test_import_usage_errors(cli_library: Path, tmp_path: Path) -> None:
    bad_map = ngodesk("import", str(SAMPLE), "--map", "题目=headline", library=cli_library)
    assert bad_map.returncode == 2 and "give COLUMN=FIELD, FIELD one of title, summary" in bad_map.stderr
    unknown_column = tmp_path / "stories.csv"
    unknown_column.write_text(TABLE, encoding="utf-8")
    result = ngodesk("import", str(unknown_column), "--map", "Title=title", library=cli_library)
    assert result.returncode == 1 and "no column named 'Title'; the columns are: 题目, 日期, 标签" in result.stderr


def test_search_json(cli_library: Path) -> None:
    hits = json.loads(ok("search", "絲路", "--json", library=cli_library))
    assert len(hits) == 1
    hit = hits[0]
    assert {"uuid", "title", "published", "tags", "snippet", "score"} <= hit.keys()
    assert hit["title"] == "Second “Silk Road NGO Cooperation Network Forum” held in Beijing"
    assert "[丝路]" in hit["snippet"] and hit["tags"] == ["Chinese NGOs Going Out"]
    assert len(json.loads(ok("search", "NGOs", "--limit", "2", "--json", library=cli_library))) == 2


def test_add_set_show_delete_round_trip(cli_library: Path) -> None:
    uuid = ok(
        "add",
        "--title",
        "中国扶贫基金会在缅甸",
        "published=2019-03",
        "language=zh",
        "tags+=Region/Asia/Myanmar",
        "org+=中国扶贫基金会",
        library=cli_library,
    ).strip()
    assert len(uuid) == 36
    ok(
        "set",
        uuid[:8],
        "summary=民生项目 in Shan State",
        "status=reviewed",
        "tags-=Region/Asia/Myanmar",
        "tags+=Topic/Poverty",
        library=cli_library,
    )
    story = json.loads(ok("show", uuid, "--json", library=cli_library))
    assert story["uuid"] == uuid and story["summary"] == "民生项目 in Shan State"
    assert (story["published"], story["language"], story["status"]) == ("2019-03", "zh", "reviewed")
    assert story["tags"] == ["Topic/Poverty"]
    assert [(e["kind"], e["name"]) for e in story["entities"]] == [("organisation", "中国扶贫基金会")]
    assert {"title", "body", "url", "source"} <= story.keys()
    assert "中国扶贫基金会在缅甸" in ok("show", uuid, library=cli_library)
    assert [h["uuid"] for h in json.loads(ok("search", "民生 status:reviewed", "--json", library=cli_library))] == [
        uuid
    ]
    ok("delete", uuid, library=cli_library)
    result = ngodesk("show", uuid, library=cli_library)
    assert result.returncode == 1 and "was deleted" in result.stderr


def test_set_tags_replaces_them_and_search_takes_unquoted_words(cli_library: Path) -> None:
    uuid = ok("add", "--title", "Well drilling in Kenya", "tags=Region/Kenya; Topic/Water", library=cli_library).strip()
    ok("set", uuid, "tags=region/kenya; Topic/Health", library=cli_library)
    story = json.loads(ok("show", uuid, "--json", library=cli_library))
    assert story["tags"] == ["Region/Kenya", "Topic/Health"]
    hits = json.loads(ok("search", "drilling", "tag:Health", "--json", library=cli_library))
    assert [hit["uuid"] for hit in hits] == [uuid]
    ok("delete", uuid[:8], library=cli_library)
    result = ngodesk("show", uuid[:8], library=cli_library)
    assert result.returncode == 1 and f"Story {uuid} was deleted" in result.stderr


def test_add_json_prints_the_story(cli_library: Path) -> None:
    story = json.loads(ok("add", "--title", "T", "source=CDB", "--json", library=cli_library))
    assert story["title"] == "T" and story["source"] == "CDB" and len(story["uuid"]) == 36


def test_tags_and_info_json(cli_library: Path) -> None:
    tags = json.loads(ok("tags", "--json", library=cli_library))
    assert [(t["path"], t["stories"]) for t in tags] == [("Chinese NGOs Going Out", 13)]
    facts = json.loads(ok("info", "--json", library=cli_library))
    assert facts["stories"] == 13 and facts["tags"] == 1 and facts["path"] == str(cli_library)
    assert facts["schema_version"]


def test_check_passes_then_finds_a_damaged_index(cli_library: Path) -> None:
    assert "No problems found." in ok("check", library=cli_library)
    with sqlite3.connect(cli_library / "catalogue.sqlite") as connection:
        connection.execute("INSERT INTO story_fts(story_fts) VALUES ('delete-all')")
    connection.close()
    result = ngodesk("check", library=cli_library)
    assert result.returncode == 1
    assert "search index: holds 0 stories, the library 13" in result.stdout


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["frobnicate"], 2, "invalid choice"),
        (["search"], 2, "required: QUERY"),
        (["search", "x", "--limit", "0"], 2, "must be at least 1"),
        (["set", "abcd1234", "nonsense"], 2, "'nonsense' is not FIELD=VALUE"),
        (["add", "--title", "x", "colour+=red"], 2, "works for tags, org, person and place only"),
        (["search", "colour:red"], 1, "Unknown field 'colour:'"),
        (["search", '"unclosed'], 1, "no closing quote"),
        (["add", "--title", "x", "published=2019-13"], 1, "month must be 01-12"),
        (["add", "--title", "x", "shoe=9"], 1, "'shoe' is not a story field"),
        (["show", "00000000-0000-4000-8000-000000000000"], 1, "No story with uuid"),
        (["show", "not-a-uuid!"], 1, "is not a story uuid"),
        (["delete", "ffffffff"], 1, "No story with uuid"),
        (["import", "/nonexistent/file.txt"], 1, "no such file"),
        (["import", "/"], 1, "/: is a folder; give the files in it"),
        (["import", "/dev/null"], 1, "not a regular file"),
        (["add", "--title", "x", "title=y"], 2, "give the title once, with --title"),
    ],
)
def test_exit_codes_and_messages(cli_library: Path, args: list[str], code: int, message: str) -> None:
    result = ngodesk(*args, library=cli_library)
    assert result.returncode == code, result.stderr
    assert message in result.stderr


def test_failed_import_names_the_file_and_changes_nothing(cli_library: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Keyword: x\n\n\x81\x8d\x8f\x90\x9d broken\n")
    result = ngodesk("import", str(SAMPLE), str(bad), library=cli_library)
    assert result.returncode == 1 and "bad.txt: not UTF-8 (line 3" in result.stderr
    assert json.loads(ok("info", "--json", library=cli_library))["stories"] == 13


def test_second_writer_gets_a_message_naming_the_first(cli_library: Path) -> None:
    with held_by_another_process(cli_library) as holder_pid:
        result = ngodesk("--wait", "0.2", "add", "--title", "Blocked", library=cli_library)
        assert result.returncode == 1
        assert f"process {holder_pid}" in result.stderr and "search, show, tags and info work" in result.stderr
        assert json.loads(ok("search", "丝路", "--json", library=cli_library))  # reading still works


def test_deleted_sample_stories_stay_deleted_in_the_default_library() -> None:
    first = json.loads(ok("search", "丝路", "--json"))[0]["uuid"]
    ok("delete", first)
    ok("add", "--title", "A story of my own")  # opens the library for writing again
    assert json.loads(ok("info", "--json"))["stories"] == 13
    assert json.loads(ok("search", "丝路", "--json")) == []


def test_output_piped_into_a_reader_that_stops_early_ends_quietly(tmp_path: Path) -> None:
    """``ngodesk show UUID | head -1``: no traceback when the reader goes away."""
    library = tmp_path / "big"
    with open_library(library) as opened:
        uuid = stories.create_story(opened, {"title": "长篇报道", "body": "正文\n" * 200_000}).uuid
    process = subprocess.Popen(
        [sys.executable, "-m", "ngodesk", "--library", str(library), "show", uuid],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()  # (what head does after its line)
    errors = process.stderr.read().decode()
    assert process.wait(timeout=60) == 1 and "Traceback" not in errors


def test_a_folder_of_other_files_becomes_a_library_only_by_init(tmp_path: Path) -> None:
    folder = tmp_path / "thesis"
    folder.mkdir()
    (folder / "chapter1.docx").write_bytes(b"draft")
    refused = ngodesk("add", "--title", "A story", library=folder)
    assert refused.returncode == 1
    assert "holds other files and no ngodesk library" in refused.stderr and "init" in refused.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["chapter1.docx"]  # nothing written
    assert "Made a new library" in ok("init", library=folder)
    assert "There was already a library" in ok("init", library=folder)
    ok("add", "--title", "A story", library=folder)
    assert (folder / "chapter1.docx").read_bytes() == b"draft"


def test_hidden_files_and_a_library_s_own_folders_are_no_reason_to_ask(tmp_path: Path) -> None:
    folder = tmp_path / "new library"
    (folder / "files").mkdir(parents=True)  # (left by a first opening that failed)
    (folder / ".DS_Store").write_bytes(b"\0")
    ok("add", "--title", "A story", library=folder)
    assert (folder / "catalogue.sqlite").exists()


def test_import_json_is_one_json_document_whatever_goes_wrong(cli_library: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.dat"
    notes.write_text("Meeting notes\nnothing a reader knows\n", encoding="utf-8")
    binary = tmp_path / "photo.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    missing = tmp_path / "gone.ris"
    for path, reason in (
        (notes, f"{notes}: cannot tell what format it is in; the formats known are "),
        (binary, f"{binary}: "),
        (missing, f"{missing}: no such file"),
    ):
        result = ngodesk("import", str(path), "--json", library=cli_library)
        report = json.loads(result.stdout)  # (one document, nothing else on standard output)
        assert result.returncode == 1 and report["imported"] == 0 and report["error"].startswith(reason)
        assert report["failed"] == [{"record": f"{path}, the file", "reason": report["error"]}]
    table = tmp_path / "stories.csv"
    table.write_text(TABLE, encoding="utf-8")
    with held_by_another_process(cli_library) as holder_pid:
        result = ngodesk("--wait", "0.2", "import", str(table), "--json", library=cli_library)
    report = json.loads(result.stdout)
    assert result.returncode == 1 and (report["imported"], report["failed"]) == (0, [])
    assert f"process {holder_pid}" in report["error"]
    done = json.loads(ngodesk("import", str(table), "--map", "题目=title", "--json", library=cli_library).stdout)
    assert done["error"] is None and done["imported"] == 2


def test_import_json_names_the_story_each_duplicate_matched(cli_library: Path) -> None:
    report = json.loads(ngodesk("import", str(SAMPLE), "--json", library=cli_library).stdout)
    first = report["duplicates"][0]
    shown = json.loads(ok("show", first["matched"], "--json", library=cli_library))
    assert first["reason"] == f"already in the library as “{shown['title']}” (the same title)"


def test_delete_moves_to_the_trash_and_trash_restore_brings_the_story_back(cli_library: Path) -> None:
    uuid = ok("add", "--title", "缅甸 wells", "tags+=Region/Asia/Myanmar", "person+=Zhang San", library=cli_library)
    uuid = uuid.strip()
    before = json.loads(ok("show", uuid, "--json", library=cli_library))
    assert "Moved 1 story to the Trash" in ok("delete", uuid[:8], library=cli_library)
    gone = ngodesk("show", uuid, library=cli_library)
    assert gone.returncode == 1 and "It is in the Trash" in gone.stderr
    listed = json.loads(ok("trash", "--json", library=cli_library))
    assert [(t["uuid"], t["title"]) for t in listed] == [(uuid, "缅甸 wells")] and listed[0]["kept_until"]
    assert (
        f"{uuid[:8]}" in ok("trash", library=cli_library)
        and json.loads(ok("info", "--json", library=cli_library))["in_trash"] == 1
    )

    assert ok("trash", "restore", uuid, library=cli_library).strip() == "Restored 1 story."

    assert json.loads(ok("show", uuid, "--json", library=cli_library)) == before
    assert ok("trash", library=cli_library).strip() == "The Trash is empty."
    again = ngodesk("trash", "restore", uuid, library=cli_library)  # it is no longer there
    assert again.returncode == 1 and f"No story {uuid} in the Trash." in again.stderr


def test_trash_empty_and_an_unknown_uuid(cli_library: Path) -> None:
    hits = json.loads(ok("search", "NGO", "--json", library=cli_library))
    ok("delete", *(h["uuid"] for h in hits[:3]), library=cli_library)
    unknown = ngodesk("trash", "restore", "abcd1234", library=cli_library)
    assert unknown.returncode == 1 and unknown.stderr.strip() == "ngodesk: No story abcd1234 in the Trash."
    assert len(json.loads(ok("trash", "--json", library=cli_library))) == 3
    assert ok("trash", "empty", library=cli_library).strip() == "Deleted 3 stories for good; the Trash is empty."
    assert json.loads(ok("trash", "--json", library=cli_library)) == []
    assert ok("trash", "empty", library=cli_library).strip() == "The Trash was empty."
    usage = ngodesk("trash", "restore", library=cli_library)
    assert usage.returncode == 2 and "UUID" in usage.stderr
