"""Every filesystem path the program uses, resolved in one place.

Order of precedence for the data directory: ``--data-dir`` (set through
:func:`set_data_dir_override`), then ``TRACING_DESK_DATA_DIR``, then the
platform's user data directory (platformdirs).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "TracingDesk"
APP_AUTHOR = "TracingDesk"
ENV_DATA_DIR = "TRACING_DESK_DATA_DIR"
DB_FILENAME = "tracing.db"
RECOVERY_FILENAME = "tracing.db.recovery"
#: The names of the keyring entries the program created (no secret in it), so that
#: « Oublier ce poste » removes them even when the database cannot be opened.
KEYRING_ENTRIES_FILENAME = "tracing.db.keyring"
#: The workstation's sync lock (``app.sync.lock``).
SYNC_LOCK_FILENAME = "sync.lock"

_override: Path | None = None
_dirs = PlatformDirs(APP_NAME, APP_AUTHOR, roaming=False)


def set_data_dir_override(path: str | os.PathLike[str] | None) -> None:
    """Use *path* as the data directory for the rest of the process (``--data-dir``)."""
    global _override
    _override = Path(path).expanduser().absolute() if path is not None else None


def data_dir(create: bool = True) -> Path:
    """The data directory, created with mode 0700 when *create* is true."""
    if _override is not None:
        path = _override
    elif os.environ.get(ENV_DATA_DIR):
        path = Path(os.environ[ENV_DATA_DIR]).expanduser().absolute()
    else:
        path = Path(_dirs.user_data_dir)
    if create:
        ensure_private_dir(path)
    return path


def ensure_private_dir(path: Path) -> Path:
    """Create *path* (and parents) with mode 0700; tighten it if it already exists."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(path, 0o700)
    return path


def database_path() -> Path:
    return data_dir() / DB_FILENAME


def recovery_path() -> Path:
    """The file that holds the database key wrapped by the recovery code."""
    return data_dir() / RECOVERY_FILENAME


def backups_dir() -> Path:
    """Where migration backups go (encrypted copies of the database)."""
    return ensure_private_dir(data_dir() / "backups")


def logs_dir() -> Path:
    return ensure_private_dir(data_dir() / "logs")


def exports_dir() -> Path:
    return ensure_private_dir(data_dir() / "exports")


def drafts_dir() -> Path:
    return ensure_private_dir(data_dir() / "drafts")


def resources_dir() -> Path:
    """Read-only resources (translations, icons, poster assets, API document)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def translations_dir() -> Path:
    """The ``.ts`` translation sources and the compiled ``.qm`` files."""
    return resources_dir() / "translations"


def icons_dir() -> Path:
    """The program's icon: SVG source, PNG sizes (``hicolor/<n>x<n>/apps``), ICO, ICNS."""
    return resources_dir() / "icons"
