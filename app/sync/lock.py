"""One sync at a time on a workstation: an OS file lock beside the database.

The lock belongs to the open file: the system drops it when the process ends,
even on ``kill -9``, so a crashed sync never blocks the next one.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO

from app import paths
from app.files import open_append
from app.sync.errors import SyncBusyError

LOCK_FILENAME = paths.SYNC_LOCK_FILENAME


class SyncLock:
    def __init__(self, directory: Path) -> None:
        self.path = directory / LOCK_FILENAME
        self._fh: IO[bytes] | None = None

    def acquire(self) -> None:
        """Take the lock or raise :class:`SyncBusyError` at once (never waits)."""
        # kept open while locked; never through a link planted at the lock's name
        fh = os.fdopen(open_append(self.path, role="sync lock"), "ab")
        try:
            if os.name == "nt":
                import msvcrt

                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.close()
            raise SyncBusyError(
                "Une synchronisation est déjà en cours sur ce poste (autre fenêtre ou commande)."
            ) from None
        self._fh = fh

    def release(self) -> None:
        fh, self._fh = self._fh, None
        if fh is None:
            return
        try:
            if os.name == "nt":
                import msvcrt

                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
        finally:
            fh.close()

    def __enter__(self) -> SyncLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
