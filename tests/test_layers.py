"""The house rules: lower layers never load Qt; the window writes only
through services; only the store uses SQLite's driver; the building
blocks import no service; the services import one another without a
cycle; no widget attribute hides a Qt method."""

import subprocess
import sys


def test_lower_layers_import_no_qt() -> None:
    code = (
        "import sys, pkgutil, importlib\n"
        "import ngodesk.domain, ngodesk.store, ngodesk.search, ngodesk.formats, ngodesk.steps, ngodesk.services\n"
        "packages = ngodesk.domain, ngodesk.store, ngodesk.search, ngodesk.formats, ngodesk.steps, ngodesk.services\n"
        "for pkg in packages:\n"
        "    for info in pkgutil.iter_modules(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "import ngodesk.cli\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_the_window_writes_only_through_services() -> None:
    """Every write is a service's transaction: ui/ opens none of its own
    (an action that needs two service calls has a service that makes them
    one, which the command line can call too)."""
    import ast
    from pathlib import Path

    ui = Path(__file__).resolve().parents[1] / "src" / "ngodesk" / "ui"
    opened = [
        f"{path.name}:{node.lineno}"
        for path in sorted(ui.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "write"
        and ast.unparse(node.func.value).endswith("library")
    ]
    assert opened == []


#: Modules above the store that still send SQL to the driver as it is
#: written (SQLite's PRAGMAs, a TEMP table): to move behind store/ (issue 24).
DRIVER_SQL_STILL_USED = {"services/queries.py", "services/duplicates.py", "services/field_copy.py"}


def test_only_the_store_uses_sqlites_driver() -> None:
    """Everything SQLite-specific stays behind store/ (so a second engine
    can sit beside it): no module above it imports sqlite3 or takes the
    driver's connection out of a session."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "src" / "ngodesk"
    using = {
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if path.parts[len(root.parts)] != "store"
        and any(
            line.strip().startswith(("import sqlite3", "from sqlite3")) or "driver_connection" in line
            for line in path.read_text("utf-8").splitlines()
        )
    }
    assert using == set()
    raw_sql = {
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if path.parts[len(root.parts)] != "store" and "exec_driver_sql(" in path.read_text("utf-8")
    }
    assert raw_sql == DRIVER_SQL_STILL_USED


def test_the_building_blocks_import_no_service() -> None:
    """steps/ (what a service's transaction is made of) sits below
    services/: a block that needed a service would make the services
    depend on one another through it."""
    import ast
    from pathlib import Path

    steps = Path(__file__).resolve().parents[1] / "src" / "ngodesk" / "steps"
    importing = {
        f"{path.name}:{node.lineno}"
        for path in sorted(steps.glob("*.py"))
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.ImportFrom)
        and (node.module or "").startswith(("ngodesk.services", "ngodesk.ui", "ngodesk.cli"))
    }
    assert importing == set()


def test_the_services_import_one_another_without_a_cycle() -> None:
    """No service reaches back to one that imports it, not even through an
    import inside a function (such a cycle works only while the import
    stays late, and hides which module stands on which)."""
    import ast
    from graphlib import CycleError, TopologicalSorter
    from pathlib import Path

    services = Path(__file__).resolve().parents[1] / "src" / "ngodesk" / "services"
    names = {path.stem for path in services.glob("*.py")} - {"__init__"}
    uses: dict[str, set[str]] = {}
    for name in names:
        used = set()
        for node in ast.walk(ast.parse((services / f"{name}.py").read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "ngodesk.services":
                used |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("ngodesk.services."):
                used.add(node.module.split(".")[2])  # type: ignore[union-attr]
        uses[name] = used & names - {name}
    try:
        tuple(TopologicalSorter(uses).static_order())
    except CycleError as cycle:
        raise AssertionError(f"services import one another in a cycle: {' -> '.join(cycle.args[1])}") from None


def test_no_widget_attribute_hides_a_qt_method() -> None:
    """``self.actions = ...`` in a widget hid ``QWidget.actions()`` (and
    ``self.find`` the static ``QWidget.find``): Qt, a test or a later
    change calling the method got the attribute."""
    import ast
    import importlib
    import inspect
    import pkgutil

    from PySide6.QtCore import QObject

    import ngodesk.ui

    hidden = []
    for info in pkgutil.walk_packages(ngodesk.ui.__path__, "ngodesk.ui."):
        module = importlib.import_module(info.name)
        for node in ast.walk(ast.parse(inspect.getsource(module))):
            cls = getattr(module, node.name, None) if isinstance(node, ast.ClassDef) else None
            if not (inspect.isclass(cls) and issubclass(cls, QObject)):
                continue
            qt = [base for base in cls.__mro__ if base.__module__.startswith(("PySide6", "shiboken6"))]
            for target in ast.walk(node):
                if (
                    isinstance(target, ast.Attribute)
                    and isinstance(target.ctx, ast.Store)
                    and isinstance(target.value, ast.Name)
                    and target.value.id == "self"
                    and any(callable(getattr(base, target.attr, None)) for base in qt)
                ):
                    hidden.append(f"{info.name}.{node.name}: self.{target.attr}")  # type: ignore[attr-defined]
    assert hidden == []
