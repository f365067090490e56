"""Fixtures of the attack suite and its figures at the end of the run."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.attack.harness import FIGURES, Zygote


@pytest.fixture(scope="session")
def zygote(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Zygote]:
    """The fork server, started once (its children take each test's
    environment, so each still has its own user folders)."""
    server = Zygote(tmp_path_factory.mktemp("zygote"))
    yield server
    server.close()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not FIGURES.commands and not FIGURES.fuzz_cases and not FIGURES.kills:
        return
    terminalreporter.section("attack suite (issue 20)")
    for line in FIGURES.lines():
        terminalreporter.write_line(line)
    for what, items in (("traceback", FIGURES.tracebacks), ("written outside", FIGURES.outside_paths)):
        for item in items[:20]:
            terminalreporter.write_line(f"  {what}: {item}")
    for item in FIGURES.committed_lost[:20]:
        terminalreporter.write_line(f"  lost: {item}")
