"""Deleting the program's files on a shared workstation without following planted links.

:func:`shred` is how the program deletes a file it wrote (an export at its
deadline, the data files on « Oublier ce poste »): it looks at the path with
``lstat`` first and overwrites the bytes only of a regular file owned by the
current user, opened with ``O_NOFOLLOW`` and checked to be that very file.
A symbolic link, or a file someone else put there, is only unlinked: the
link's target is never written, whatever it is (the database itself, a
colleague's document).

Overwriting is best effort (on SSDs and copy-on-write file systems the old
blocks may survive); the deletion is what counts. Qt-free.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

#: Files larger than this are deleted without being overwritten first.
OVERWRITE_LIMIT = 512 * 1024 * 1024
_CHUNK = 1 << 20


def _owned_by_me(st: os.stat_result) -> bool:
    getuid = getattr(os, "getuid", None)
    return getuid is None or st.st_uid == getuid()


def shred(path: Path, *, limit: int = OVERWRITE_LIMIT) -> bool:
    """Overwrite *path* with zeros if it is our own regular file, then unlink it.

    Returns True when the bytes were overwritten, False when the path was only
    unlinked (a link, someone else's file, an empty or huge file, a read-only
    file). Raises ``FileNotFoundError`` when nothing is there.
    """
    st = os.lstat(path)
    overwritten = False
    if stat.S_ISREG(st.st_mode) and _owned_by_me(st) and 0 < st.st_size <= limit:
        flags = os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        try:
            fd = os.open(path, flags)
        except (PermissionError, OSError):
            fd = -1  # read-only, or replaced by a link meanwhile (ELOOP): unlink only
        if fd >= 0:
            try:
                opened = os.fstat(fd)
                if (opened.st_dev, opened.st_ino) == (st.st_dev, st.st_ino):
                    left = opened.st_size
                    zeros = b"\0" * min(left, _CHUNK)
                    while left > 0:
                        left -= os.write(fd, zeros[: min(left, len(zeros))])
                    os.fsync(fd)
                    overwritten = True
            finally:
                os.close(fd)
    os.unlink(path)
    return overwritten
