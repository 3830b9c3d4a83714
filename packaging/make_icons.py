"""Render resources/icons/villagebank.svg to the PNG sizes and the Windows .ico the packages use.

Run after changing the SVG (the outputs are committed, so builds need neither this script nor a renderer):

    QT_QPA_PLATFORM=offscreen PYTHONPATH=src .venv/bin/python packaging/make_icons.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "villagebank.svg"
ICO = ROOT / "packaging" / "windows" / "villagebank.ico"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


def render(size: int):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SVG}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - Qt needs one
    for size in PNG_SIZES:
        render(size).save(str(ICONS / f"villagebank-{size}.png"))
    # Each .ico frame rendered at its own size (sharper than Pillow scaling one big image down).
    frames = []
    for size in ICO_SIZES:
        path = ICONS / f".ico-{size}.png"
        render(size).save(str(path))
        frames.append(Image.open(path).convert("RGBA"))
        frames[-1].load()
        path.unlink()
    biggest = frames[-1]
    biggest.save(ICO, format="ICO", sizes=[f.size for f in frames], append_images=frames[:-1])
    print(f"wrote {len(PNG_SIZES)} PNGs to {ICONS.relative_to(ROOT)} and {ICO.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
