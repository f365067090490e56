"""Every importer on bad input: empty, truncated, binary garbage, the wrong
encoding and huge fields give a clear message naming the file or record,
never a crash, and the library is left exactly as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from ngodesk.domain.errors import ImportFailed
from ngodesk.formats import format_names
from ngodesk.services import exporting, importing, queries
from ngodesk.services.library import import_sample, open_library
from ngodesk.store.library import Library

#: What each export format's file is called when imported back.
EXPORTED = {"json": "json", "csv": "csv", "ris": "ris", "bibtex": "bibtex", "csl-json": "csl-json", "dc-xml": "oai-dc"}


def _good_file(library: Library, tmp_path: Path, export_format: str) -> bytes:
    path = tmp_path / f"good.{export_format}"
    exporting.export(library, export_format, path)
    return path.read_bytes()


class _named(tuple):  # noqa: N801 - reads as "in _named(path)"
    """Any message that starts by naming ``path``."""

    def __new__(cls, path: Path) -> _named:
        return super().__new__(cls, (str(path),))

    def __contains__(self, message: object) -> bool:
        return str(message).startswith(self[0])


def _outcome(library: Library, path: Path, format_name: str) -> str:
    """``imported N``, or the message of a refusal, after which the library
    must be as it was."""
    before = queries.info(library)["stories"]
    try:
        report = importing.import_files(library, [path], format_name, strict=True)
    except ImportFailed as error:
        assert queries.info(library)["stories"] == before
        return str(error)
    return f"imported {report.added}"


@pytest.mark.parametrize("format_name", format_names())
def test_empty_and_garbage_files_are_refused_by_every_importer(
    library: Library, tmp_path: Path, format_name: str
) -> None:
    import_sample(library)
    empty = tmp_path / "empty.dat"
    empty.write_bytes(b"")
    garbage = tmp_path / "garbage.dat"
    garbage.write_bytes(bytes(range(256)) * 40)
    assert _outcome(library, empty, format_name) in ("imported 0",) or "empty.dat" in _outcome(
        library, empty, format_name
    )
    assert str(garbage) in _outcome(library, garbage, format_name)  # named, and nothing changed


@pytest.mark.parametrize("export_format", sorted(EXPORTED))
def test_truncated_and_wrongly_encoded_files_change_nothing(
    sample_library: Library, tmp_path: Path, export_format: str
) -> None:
    data = _good_file(sample_library, tmp_path, export_format)
    with open_library(tmp_path / "empty") as library:
        truncated = tmp_path / f"truncated.{export_format}"
        truncated.write_bytes(data[: len(data) * 2 // 3])
        message = _outcome(library, truncated, EXPORTED[export_format])
        # the file refused, or the records before the cut imported (RIS, CSV: a record may end anywhere)
        assert message in _named(truncated) or message in {f"imported {n}" for n in range(1, 13)}
        utf16 = tmp_path / f"utf16.{export_format}"
        utf16.write_bytes(data.decode("utf-8-sig").encode("utf-16-le"))  # without its BOM: not text we can tell
        assert _outcome(library, utf16, EXPORTED[export_format]) in _named(utf16)


@pytest.mark.parametrize("export_format", sorted(EXPORTED))
def test_a_huge_field_is_imported_or_refused_by_name(
    sample_library: Library, tmp_path: Path, export_format: str
) -> None:
    path = tmp_path / f"huge.{export_format}"
    data = _good_file(sample_library, tmp_path, export_format).decode("utf-8-sig")
    path.write_text(data.replace("Beijing", "北京" * 400_000, 1), encoding="utf-8")
    message = _outcome(sample_library, path, EXPORTED[export_format])
    assert message.startswith(("imported", str(path)))
