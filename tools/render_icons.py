"""Render the program's icon (resources/icons/tracing-desk.svg) to PNG, ICO and ICNS.

    .venv/bin/python tools/render_icons.py

Writes ``resources/icons/hicolor/<n>x<n>/apps/tracing-desk.png`` for the usual
sizes (the Linux icon theme layout, also what the window loads),
``tracing-desk.ico`` (Windows: PNG entries, Vista and later) and
``tracing-desk.icns`` (macOS: PNG entries). Rendering uses Qt's QSvgRenderer
(QtSvg ships with PySide6-Essentials) on the offscreen platform.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / "tracing-desk.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS types holding PNG data, by pixel size.
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}


def render(size: int) -> bytes:
    """The icon as PNG bytes, *size* × *size* pixels, transparent around the tile."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"SVG illisible : {SOURCE}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico file whose entries are PNG images."""
    sizes = [s for s in ICO_SIZES if s in pngs]
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries, payload = b"", b""
    for s in sizes:
        data = pngs[s]
        dim = 0 if s >= 256 else s  # 0 means 256
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        payload += data
        offset += len(data)
    return header + entries + payload


def icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns file whose entries are PNG images."""
    body = b""
    for size, kind in ICNS_TYPES.items():
        data = pngs[size]
        body += kind + struct.pack(">I", len(data) + 8) + data
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    pngs = {size: render(size) for size in SIZES}
    for size, data in pngs.items():
        target = ICONS / "hicolor" / f"{size}x{size}" / "apps" / "tracing-desk.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    (ICONS / "tracing-desk.ico").write_bytes(ico(pngs))
    (ICONS / "tracing-desk.icns").write_bytes(icns(pngs))
    print(f"{len(pngs)} PNG, tracing-desk.ico, tracing-desk.icns dans {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
