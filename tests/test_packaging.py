"""Installing ngodesk like a desktop application: the menu entry, AppStream
metadata, file type and icons (always checked), and the PyInstaller bundle
run as a user without Python would run it (NGODESK_TEST_DIST=1)."""

from __future__ import annotations

import configparser
import csv
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from ngodesk import __version__
from tests.bundle import built

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
APP_ID = "io.github.ngodesk.Ngodesk"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
MIME = PACKAGING / "application-x-ngodesk-copy.xml"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

needs_dist = pytest.mark.skipif(
    os.environ.get("NGODESK_TEST_DIST") != "1",
    reason="builds or runs the PyInstaller bundle (slow; `make dist` downloads PyInstaller): set NGODESK_TEST_DIST=1",
)


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (packaging/system-deps.sh test installs it)")
    return path


def desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, comment_prefixes=("#",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # (keys are case-sensitive)
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_menu_entry_is_valid() -> None:
    result = subprocess.run([tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_the_appstream_metadata_is_valid_without_warnings() -> None:
    result = subprocess.run(
        [tool("appstreamcli"), "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    problems = [line for line in result.stdout.splitlines() if line.startswith(("E:", "W:"))]
    assert result.returncode == 0 and not problems, result.stdout + result.stderr


def test_the_metadata_agree_with_each_other_and_the_program() -> None:
    """One id everywhere; the software centre shows this version; the menu
    entry opens the file type it declares."""
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert component.find("releases/release").get("version") == __version__  # type: ignore[union-attr]
    entry = desktop_entry(DESKTOP)
    assert entry["Icon"] == APP_ID
    mime_type = ET.parse(MIME).getroot()[0].get("type")
    assert mime_type == component.findtext("provides/mediatype")
    assert entry["MimeType"].split(";")[:2] == [mime_type, "inode/directory"]


def install_desktop(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(data), "NGODESK_PYTHON": sys.executable}
    return subprocess.run(
        ["sh", str(PACKAGING / "install-desktop.sh"), *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_install_desktop_installs_for_the_user_and_uninstall_removes_it(tmp_path: Path) -> None:
    data = tmp_path / "share"
    executable = Path(sys.executable).with_name("ngodesk")  # (this venv's console script)
    assert executable.exists()
    hicolor = data / "icons" / "hicolor"
    installed = [
        data / "applications" / f"{APP_ID}.desktop",
        data / "metainfo" / METAINFO.name,
        data / "mime" / "packages" / MIME.name,
        hicolor / "scalable" / "apps" / f"{APP_ID}.svg",
        *[hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png" for size in ICON_SIZES],
    ]

    for _ in range(2):  # (running it again just updates)
        result = install_desktop(str(executable), data=data)
        assert result.returncode == 0, result.stdout + result.stderr
        assert all(path.is_file() for path in installed), result.stdout
    entry = desktop_entry(installed[0])
    assert entry["Exec"] == f'"{executable}" --library=%f'
    assert entry["TryExec"] == str(executable)
    for size, png in zip(ICON_SIZES, installed[4:], strict=True):
        assert QImage(str(png)).size().toTuple() == (size, size)
    if shutil.which("update-mime-database"):
        assert "application/x-ngodesk-copy:*.ngodesk-copy" in (data / "mime" / "globs2").read_text()
    if shutil.which("update-desktop-database"):
        assert f"application/x-ngodesk-copy={APP_ID}.desktop" in (data / "applications" / "mimeinfo.cache").read_text()

    result = install_desktop("--uninstall", data=data)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not [path for path in installed if path.exists()]
    if shutil.which("update-desktop-database"):
        assert APP_ID not in (data / "applications" / "mimeinfo.cache").read_text()


def test_install_desktop_refuses_a_relative_executable(tmp_path: Path) -> None:
    result = install_desktop("ngodesk", data=tmp_path / "share")
    assert result.returncode == 1 and "absolute path" in result.stderr
    assert not (tmp_path / "share").exists()


# The bundle -------------------------------------------------------------


@pytest.fixture(scope="session")
def bundle() -> Path:
    """dist/ngodesk/ngodesk, built with `make dist` unless it is newer than
    every source file it is made from (``tests.bundle``: the build started
    in the background when the tests were collected)."""
    return built()


def run_bare(bundle: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the bundle as a user's session would, without this venv: only
    the system's PATH, no PYTHONPATH or VIRTUAL_ENV, a fresh HOME."""
    home.mkdir(parents=True, exist_ok=True)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([str(bundle), *args], capture_output=True, text=True, env=env, cwd=home, timeout=300)


def colours(png: Path) -> set[int]:
    """The colours of a grid of the image's pixels."""
    image = QImage(str(png))
    assert not image.isNull(), f"{png} is not a readable image"
    return {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}


@needs_dist
def test_the_bundle_runs_without_the_venv(bundle: Path, tmp_path: Path) -> None:
    result = run_bare(bundle, tmp_path / "home", "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"ngodesk {__version__}"


@needs_dist
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_bundle_creates_a_library_and_shows_its_window(bundle: Path, tmp_path: Path, language: str) -> None:
    library, png = tmp_path / "library", tmp_path / "window.png"
    result = run_bare(
        bundle, tmp_path / "home", "--library", str(library), "--screenshot", str(png), "--language", language
    )
    assert result.returncode == 0, result.stderr
    assert (library / "catalogue.sqlite").is_file()  # (made by the bundled migrations)
    assert QImage(str(png)).size().toTuple() == (1280, 800)
    assert len(colours(png)) > 10, "the window is blank"
    if language != "en":
        internal = bundle.parent / "_internal"
        assert (internal / "ngodesk" / "resources" / "translations" / f"ngodesk_{language}.qm").is_file()
        assert (internal / "PySide6" / "Qt" / "translations" / f"qtbase_{language}.qm").is_file()


@needs_dist
def test_the_bundle_started_from_the_menu_opens_the_default_library_with_the_sample(
    bundle: Path, tmp_path: Path
) -> None:
    home, png = tmp_path / "home", tmp_path / "window.png"
    result = run_bare(bundle, home, "--library=", "--screenshot", str(png))  # (the menu entry's Exec, no file)
    assert result.returncode == 0, result.stderr
    assert (home / ".local" / "share" / "ngodesk" / "library" / "catalogue.sqlite").is_file()
    info = json.loads(run_bare(bundle, home, "info", "--json").stdout)
    assert info["stories"] > 0 and info["glossary_terms"] > 0
    assert "zǒu chū qù" in run_bare(bundle, home, "glossary", "list").stdout  # (pypinyin's data)


@needs_dist
def test_the_bundle_imports_a_large_file_in_a_helper_process_and_finds_traditional_characters(
    bundle: Path, tmp_path: Path
) -> None:
    """A file over 4 MB is read by a spawned helper, which in a bundle is the
    executable itself again (multiprocessing.freeze_support in the launcher)."""
    big = tmp_path / "big.csv"
    with big.open("w", newline="", encoding="utf-8") as out:
        rows = csv.writer(out)
        rows.writerow(["title", "summary", "language"])  # (a language named: langcodes' data)
        summary = "走出去 livelihood projects 民生项目 " * 20
        rows.writerows([f"中国扶贫基金会 story {n}", summary, "中文"] for n in range(7000))
    assert big.stat().st_size > 4 * 1024 * 1024
    library, home = tmp_path / "library", tmp_path / "home"
    result = run_bare(bundle, home, "--library", str(library), "import", str(big))
    assert result.returncode == 0, result.stderr
    assert "7,000" in result.stdout
    found = run_bare(bundle, home, "--library", str(library), "search", "中國扶貧", "--json")  # (opencc's tables)
    assert len(json.loads(found.stdout)) == 20
