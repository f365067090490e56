"""The house rule: lower layers never load Qt."""

import subprocess
import sys


def test_lower_layers_import_no_qt() -> None:
    code = (
        "import sys, pkgutil, importlib\n"
        "import ngodesk.domain, ngodesk.store, ngodesk.search, ngodesk.formats, ngodesk.services\n"
        "for pkg in (ngodesk.domain, ngodesk.store, ngodesk.search, ngodesk.formats, ngodesk.services):\n"
        "    for info in pkgutil.iter_modules(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "import ngodesk.cli\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
