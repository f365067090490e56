"""Render the application icon (an SVG) as the PNG sizes of the hicolor
icon theme, for desktops that do not scale SVG icons themselves.

Usage: python render_icons.py APP.svg HICOLOR_DIR NAME SIZE...
writes HICOLOR_DIR/{SIZE}x{SIZE}/apps/NAME.png for each SIZE and prints
their paths; needs PySide6.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# The QGuiApplication needs no screen (installs over ssh, in CI); set before Qt loads.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402


def render(svg: Path, hicolor: Path, name: str, sizes: list[int]) -> list[Path]:
    """Write the PNGs; returns their paths."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: cannot read {svg} as SVG")
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        out = hicolor / f"{size}x{size}" / "apps" / f"{name}.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(out)):
            raise SystemExit(f"render_icons: cannot write {out}")
        written.append(out)
    return written


def main(argv: list[str]) -> int:
    if len(argv) < 4 or not all(size.isdigit() for size in argv[3:]):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    QGuiApplication([sys.argv[0]])  # (text in an SVG needs the font database, which needs one)
    for path in render(Path(argv[0]), Path(argv[1]), argv[2], [int(size) for size in argv[3:]]):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
