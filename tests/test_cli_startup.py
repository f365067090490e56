"""The command line starts in a blink: ``--version``, ``--help``, a
command's ``--help`` and the read-only commands import only what they use
(real processes, their imports read from ``python -X importtime``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ngodesk import cli, formats
from ngodesk.cli import choices as cli_choices
from ngodesk.domain.models import StoryRecord
from ngodesk.services import importing
from ngodesk.services.library import open_library
from ngodesk.store import migrate
from tests.conftest import copy_library
from tests.test_cli import ok

#: What a start that only answers must not load (each costs 0.1-0.5 s).
HEAVY = ("sqlalchemy", "alembic", "PySide6", "numpy", "ngodesk.services", "ngodesk.store.schema")
#: A format module (a parser) or the formats' own heavy dependencies.
PARSERS = tuple(f"ngodesk.formats.{name}" for name in ("ris", "bibtex", "csv_table", "feeds", "wxr", "mods"))


def imported(*args: str, code: str | None = None) -> set[str]:
    """The modules a real ``python -m ngodesk ARGS`` (or ``python -c
    CODE``) process imports after the interpreter's start."""
    command = [sys.executable, "-X", "importtime", *(["-c", code] if code else ["-m", "ngodesk", *args])]
    result = subprocess.run(command, capture_output=True, text=True, env=os.environ.copy(), timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return {
        line.rpartition("|")[2].strip() for line in result.stderr.splitlines() if line.startswith("import time:")
    } - {"module"}


def loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == name or m.startswith(name + ".") for name in names))


def ran(code: str) -> subprocess.CompletedProcess[str]:
    """A real ``python -c CODE`` process, which must succeed."""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def window_opened(library: Path, then: str = "") -> str:
    """Code that opens a window on ``library`` offscreen, runs its event
    loop for 1.5 s (painted, its background work started), runs ``then``
    and ends the process (the window is gone once the loop has quit)."""
    return (
        "import os\nos.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtCore import QTimer\n"
        "from ngodesk.ui.app import Windows, make_application\n"
        "app = make_application()\n"
        f"window = Windows().open({str(library)!r}, ask=False)\n"
        "QTimer.singleShot(1500, app.quit)\napp.exec()\n"
        f"{then}os._exit(0)\n"
    )


@pytest.mark.parametrize("args", [["--version"], ["--help"]], ids=" ".join)
def test_version_and_help_import_nothing_heavy(args: list[str]) -> None:
    modules = imported(*args)
    assert "ngodesk.cli" in modules  # (the measurement sees the program's imports)
    assert not loaded(modules, HEAVY + PARSERS + ("ngodesk.domain.models", "ngodesk.formats"))


def test_every_command_answers_help_without_importing_anything_heavy() -> None:
    commands = sorted(cli.COMMANDS)
    code = (
        "import contextlib, io\nfrom ngodesk.cli import main\n"
        f"for name in {commands!r}:\n"
        "    with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "        main([name, '--help'])\n"
    )
    modules = imported(code=code)
    assert "ngodesk.cli.fieldwork" in modules
    assert not loaded(modules, HEAVY + PARSERS)


def test_reading_and_setting_load_neither_alembic_nor_qt_nor_numpy_nor_the_formats(
    tmp_path: Path, _sample_template: Path
) -> None:
    library = copy_library(_sample_template, tmp_path / "library")
    uuid = json.loads(ok("search", "NGOs", "--json", library=library))[0]["uuid"]
    others = ("alembic", "PySide6", "numpy", "rdflib", "rispy", "bibtexparser", "feedparser", "rapidfuzz")
    commands = (["info"], ["search", "扶贫", "--limit", "20"], ["show", uuid], ["tags"], ["set", uuid, "summary=扶贫"])
    for args in commands:
        modules = imported("--library", str(library), *args)
        assert "ngodesk.services.queries" in modules
        assert not loaded(modules, others + PARSERS), args


def test_the_window_loads_no_flow_before_its_first_paint(tmp_path: Path, _sample_template: Path) -> None:
    """Opening the window (up to its first paint) imports neither the
    import, export, field-copy and merge flows nor langcodes, rapidfuzz or
    a parser: they load when the user starts one."""
    library = copy_library(_sample_template, tmp_path / "library")
    code = (
        "import os\nos.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from ngodesk.ui.app import Windows, make_application\n"
        "app = make_application()\n"
        f"window = Windows().open({str(library)!r}, ask=False)\n"
        "window.grab()\n"  # (paints it: the story list's first rows, the editor, the sidebar)
        "window.close()\n"
    )
    modules = imported(code=code)
    assert "ngodesk.ui.main_window" in modules
    flows = tuple(
        f"ngodesk.services.{name}" for name in ("importing", "exporting", "field_copy", "merging", "duplicates")
    )
    assert not loaded(modules, flows + PARSERS + ("langcodes", "rapidfuzz", "feedparser", "alembic"))


def test_the_window_showing_its_counts_loads_no_langcodes(tmp_path: Path, _sample_template: Path) -> None:
    """The sidebar names the languages of the stories it counts (here one
    in traditional Chinese) from the names written out for the editor,
    as an English window speaks them: langcodes' language data (0.2 s,
    11 MB) loads only for a language they lack."""
    library = copy_library(_sample_template, tmp_path / "library")
    with open_library(library) as opened:
        importing.import_records(opened, [StoryRecord("絲路一家親", "", language="zh-Hant")])
    code = (
        "import os\nos.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from ngodesk.ui.app import Windows, make_application\n"
        "app = make_application()\n"
        f"window = Windows().open({str(library)!r}, ask=False)\n"
        "window.grab()\n"
        "from ngodesk.domain.models import FacetKind\n"
        "section = window.sidebar.sections[FacetKind.LANGUAGE]\n"
        "while window.search_runner.busy or not section.childCount():\n"
        "    QCoreApplication.processEvents()\n"
        "names = [section.child(i).text(0) for i in range(section.childCount())]\n"
        "assert any('Chinese (Traditional)' in name for name in names), names\n"
        "while window.opening_checks.running():\n"
        "    QCoreApplication.processEvents()\n"
        "window.close()\n"
    )
    assert not loaded(imported(code=code), ("langcodes", "language_data"))


def test_a_window_on_a_library_joined_to_no_hub_loads_no_team_module(tmp_path: Path, _sample_template: Path) -> None:
    """Asking whether a library is joined to a hub is a meta read: the
    sync's modules (the merge, the hub's, PostgreSQL's driver) load only
    for a library that is."""
    library = copy_library(_sample_template, tmp_path / "library")
    modules = imported(code=window_opened(library))
    assert "ngodesk.ui.team_flow" in modules
    assert not loaded(modules, ("ngodesk.services.team", "ngodesk.services.merging", "ngodesk.store.hub.connection"))


def test_the_program_collects_garbage_again_once_its_library_is_open(tmp_path: Path, _sample_template: Path) -> None:
    """``ngodesk`` holds the garbage collector back while it imports (~40
    ms of a search's CPU) and never longer: a long command collects."""
    library = copy_library(_sample_template, tmp_path / "library")
    code = (
        "import gc, sys\nfrom ngodesk.cli import program\n"
        f"sys.argv = ['ngodesk', '--library', {str(library)!r}, 'info']\n"
        "opening = program._open\n"
        "def spied(args, write):\n"
        "    before = gc.isenabled()\n"
        "    library = opening(args, write)\n"
        "    print('collecting', before, gc.isenabled(), file=sys.stderr)\n"
        "    return library\n"
        "program._open = spied\nprogram.run()\n"
    )
    assert "collecting False True" in ran(code).stderr


def test_qt_reads_no_more_of_the_libraries_the_window_stands_on_than_their_entry_modules() -> None:
    """PySide6's import hook reads the whole source of every module
    imported after Qt (looking for "PySide6"), and linecache keeps it:
    SQLAlchemy and numpy (~200,000 lines) are imported before Qt, so only
    the modules the window's own imports name are read again."""
    code = (
        "import linecache\nimport ngodesk.ui.main_window\n"
        "print(sum(len(lines) for name, (_, _, lines, _) in linecache.cache.items()"
        " if '/sqlalchemy/' in name or '/numpy/' in name))"
    )
    assert int(ran(code).stdout) < 10_000


def test_an_open_window_keeps_no_source_lines_that_qts_import_hook_read(tmp_path: Path, _sample_template: Path) -> None:
    """What the hook read for the window's modules and its background
    work's (~60,000 lines) is let go of once the window is painted and
    that work has started."""
    library = copy_library(_sample_template, tmp_path / "library")
    code = window_opened(
        library,
        then="import linecache, time\n"
        "while window.opening_checks.running():\n    app.processEvents()\n    time.sleep(0.01)\n"
        "print(sum(len(entry[2]) for name, entry in linecache.cache.items()"
        " if len(entry) == 4 and not name.startswith('<')), flush=True)\n",
    )
    assert int(ran(code).stdout) < 1_000


def test_the_choices_written_out_for_the_parser_are_the_real_ones() -> None:
    from ngodesk.domain.models import AnnotationKind, EntityKind
    from ngodesk.formats import csv_table, skos
    from ngodesk.services import exporting, glossary, importing, merging, trash

    assert list(formats.NAMES) == list(formats._registry())
    assert formats.format_names() == sorted(formats._registry())
    assert cli_choices.ON_DUPLICATE == tuple(importing.OnDuplicate)
    assert cli_choices.EXPORT_FORMATS == tuple(exporting.FORMATS)
    assert cli_choices.CSV_FIELDS == csv_table.FIELDS
    assert (cli_choices.CSV_EXTRA, cli_choices.CSV_IGNORE) == (csv_table.EXTRA, csv_table.IGNORE)
    assert cli_choices.ANNOTATION_KINDS == tuple(AnnotationKind)
    assert cli_choices.PREFER == tuple(merging.Prefer)
    assert cli_choices.GLOSSARY_FORMATS == glossary.FORMATS
    assert cli_choices.SKOS_FORMATS == tuple(skos.FORMATS)
    assert cli_choices.TRASH_KEEP_DAYS == trash.KEEP_DAYS
    assert set(cli_choices.ENTITY_KINDS.values()) == set(EntityKind)


def test_the_revisions_read_from_the_scripts_are_alembics() -> None:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(migrate.LIBRARY.config())
    assert migrate.LIBRARY.revisions() == {s.revision: s.down_revision for s in scripts.walk_revisions()}
    assert migrate.LIBRARY.head_revision() == scripts.get_current_head()
    assert migrate.LIBRARY.known_revisions() == {s.revision for s in scripts.walk_revisions()}
