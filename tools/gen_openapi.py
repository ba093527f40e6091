"""Write ``resources/api/openapi.json``, the sync protocol document, from the central service.

The reference central service (``central/api.py``) is the one definition of the
protocol; this script renders its OpenAPI document. ``tests/central`` checks that
the committed file is up to date. Usage: ``.venv/bin/python tools/gen_openapi.py``.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "api" / "openapi.json"


def render() -> str:
    sys.path.insert(0, str(ROOT))
    from central.api import create_app
    from central.storage import Storage, sqlite_url

    with tempfile.TemporaryDirectory() as tmp:
        storage = Storage(sqlite_url(Path(tmp) / "doc.db"))
        try:
            doc = create_app(storage, purge_interval=None).openapi()
        finally:
            storage.close()
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
