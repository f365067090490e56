"""Shared fixtures: every test gets its own library folder and its own
"user data folder", so nothing touches the real default library."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from ngodesk.store.library import Library
from tests import bundle, forked, pg_cluster
from tests.pg_cluster import Cluster

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


#: The bundle's build started by this process (``tests.bundle``).
_BUILD = pytest.StashKey[subprocess.Popen[bytes] | None]()


def _needs_bundle(item: pytest.Item) -> bool:
    return "bundle" in getattr(item, "fixturenames", ())


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The bundle's tests come last: its build runs beside the others."""
    items.sort(key=_needs_bundle)  # (stable: the others keep their order)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start building the bundle now, in one process of the run (the first
    worker of ``make test``'s, or pytest's own without workers), when the
    bundle's tests are to run (``tests.bundle``)."""
    if os.environ.get("NGODESK_TEST_DIST") != "1" or os.environ.get("PYTEST_XDIST_WORKER", "gw0") != "gw0":
        return
    if any(_needs_bundle(item) for item in session.items) and not session.config.option.collectonly:
        session.config.stash[_BUILD] = bundle.start()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """The build started here ends with the run: awaited (another worker's
    test may wait for it), or stopped when the run was interrupted."""
    build = session.config.stash.get(_BUILD, None)
    if build is None or build.poll() is not None:
        return
    if exitstatus == pytest.ExitCode.INTERRUPTED:
        os.killpg(build.pid, signal.SIGTERM)
    build.wait()


SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "sample" / "chinese_ngos_going_out.txt"
REALWORLD = Path(__file__).resolve().parents[2] / "shared" / "realworld"


@pytest.fixture(scope="session")
def _user_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder for the session, outside every test's own folder:
    what ngodesk keeps there (the traditional-to-simplified table) is made
    once, and is no write of the test's (the attack suite counts those)."""
    return tmp_path_factory.mktemp("user-cache")


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, _user_cache: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(_user_cache))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("NGODESK_LIBRARY", raising=False)
    from PySide6.QtCore import QSettings

    # (Qt reads XDG_CONFIG_HOME once per process: without this, one test's
    # window state, e.g. a dock left open, reached the next test's window)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.NativeFormat, scope, str(tmp_path / "xdg-config"))


#: The pauses a window waits after typing before it acts, in the tests
#: that drive a window (``qtbot``): the editor's and the translation pane's
#: before saving (800 ms), the search box's before searching (250 ms).
#: Shortened, not removed: what is typed is still saved or searched once
#: the typing pauses, as a test waits for (``waitUntil``); typing goes on
#: without the event loop, so a pause never falls inside it. The waits
#: were a worker's idle time (~1 s a test typing in the editor).
TYPING_PAUSE_MS = 100


@pytest.fixture(autouse=True)
def _short_typing_pauses(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if "qtbot" not in request.fixturenames:
        return
    from ngodesk.ui import editor, search_bar, translation_pane

    pauses = ((editor, "SAVE_DELAY_MS"), (translation_pane, "SAVE_DELAY_MS"), (search_bar, "SEARCH_DELAY_MS"))
    for module, name in pauses:
        monkeypatch.setattr(module, name, min(getattr(module, name), TYPING_PAUSE_MS))


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "library"


def _template(folder: Path, sample: bool) -> Path:
    """A new library in ``folder`` (with the sample imported when ``sample``),
    closed, its log folded into the database: a finished library to copy."""
    from ngodesk.services.library import import_sample, open_library

    made = open_library(folder)
    try:
        if sample:
            import_sample(made)
    finally:
        made.close()
    return folder


@pytest.fixture(scope="session")
def _empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _template(tmp_path_factory.mktemp("template") / "library", sample=False)


@pytest.fixture(scope="session")
def _sample_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _template(tmp_path_factory.mktemp("template") / "library", sample=True)


@pytest.fixture
def library(library_path: Path, request: pytest.FixtureRequest) -> Iterator[Library]:
    """A new library of the test's own (with the sample when the test asks
    for ``sample_library``), copied from a template made once per run
    (1 ms, where making and migrating one takes ~0.5 s, ~1 s with the
    sample). Opened as a store (its index is current and, as a library
    just made, it has no backup yet)."""
    template = request.getfixturevalue(
        "_sample_template" if "sample_library" in request.fixturenames else "_empty_template"
    )
    shutil.copytree(template, library_path, ignore=_LOCK)
    lib = Library.open(library_path)
    yield lib
    lib.close()


#: What a library folder holds that is not copied into a test's own.
_LOCK = shutil.ignore_patterns(".lock")


def copy_library(template: Path, folder: Path) -> Path:
    """``folder``, a closed library copied from ``template`` (the
    ``_empty_template`` or ``_sample_template`` of the run): for a test
    whose commands or processes open the library themselves."""
    shutil.copytree(template, folder, ignore=_LOCK)
    return folder


@pytest.fixture
def sample_library(library: Library) -> Library:
    """A library holding the sample collection (see ``library``)."""
    return library


#: Another process holding a library's write lock (``tests.forked``).
held_by_another_process = forked.held_by_another_process


def _mount(*args: str) -> None:
    """Run mount(8) as root, or skip the test saying why it cannot."""
    if os.geteuid() != 0:
        pytest.skip("needs root to mount a file system")
    done = subprocess.run(["mount", *args], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount here: {done.stderr.strip()}")


@contextmanager
def small_disk(folder: Path, size: str) -> Iterator[Path]:
    """``folder`` as a tmpfs of ``size`` (a full disk on purpose)."""
    folder.mkdir(parents=True, exist_ok=True)
    _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder))
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


@contextmanager
def read_only_view(folder: Path, view: Path) -> Iterator[Path]:
    """``folder`` seen read-only at ``view`` (a CD, a write-protected stick)."""
    view.mkdir(parents=True, exist_ok=True)
    _mount("--bind", str(folder), str(view))
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(view)], check=True, capture_output=True)
        yield view
    finally:
        subprocess.run(["umount", "-l", str(view)], check=True)


@pytest.fixture(scope="session")
def postgres() -> Iterator[Cluster]:
    """A real PostgreSQL server for this test process (the team hub's
    tests): skipped where the server is not installed and cannot be, never
    as root (``make test`` installs it there, so CI always runs them)."""
    if pg_cluster.server_programs() is None:
        if os.geteuid() == 0:
            pytest.fail(f"PostgreSQL's server is missing: {pg_cluster.INSTALL}")
        pytest.skip(f"PostgreSQL's server is not installed (as root: {pg_cluster.INSTALL})")
    with pg_cluster.running_cluster() as cluster:
        yield cluster


@pytest.fixture
def hub_database(postgres: Cluster, request: pytest.FixtureRequest) -> Iterator[str]:
    """A new, empty database on the test server, for one test; its admin URL."""
    test = request.node.name.lower()
    name = "hub_" + "".join(c if c.isalnum() else "_" for c in test.removeprefix("test_"))[:24]
    postgres.sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    postgres.sql(f'CREATE DATABASE "{name}"')
    yield postgres.url(name)
    postgres.sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def hub(hub_database: str, postgres: Cluster, monkeypatch: pytest.MonkeyPatch) -> str:
    """A new hub's URL (without a password: libpq takes the admin's from
    PGPASSWORD, as a desktop would from ~/.pgpass)."""
    from ngodesk.services import team

    team.create(hub_database)
    monkeypatch.setenv("PGPASSWORD", postgres.password)
    return hub_database.replace(f":{postgres.password}@", "@")


@pytest.fixture
def desk(tmp_path: Path, _sample_template: Path, _empty_template: Path) -> Callable[..., Path]:
    """``desk(name, sample=True)``: a library of its own (a desktop's)."""

    def make(name: str, sample: bool = True) -> Path:
        folder = tmp_path / name
        shutil.copytree(_sample_template if sample else _empty_template, folder, ignore=_LOCK)
        return folder

    return make
