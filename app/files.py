"""Every file the program writes or deletes goes through here, and no planted link is followed.

On a shared workstation another account (or a program) may leave, where
Tracing Desk is about to write or delete, a symbolic link to a victim file
(the database, a colleague's document) or a file of its own. This module is
the one place that writes and deletes the program's files (``docs/files.md``
lists them all):

- **Writing** (:class:`AtomicFile`, :func:`atomic_write`): the data goes to a
  new file created in the destination's folder under a random name with
  ``O_CREAT | O_EXCL | O_NOFOLLOW`` and mode 0600, is flushed to disk, then
  renamed over the destination with ``os.replace``. A rename replaces the
  *directory entry*: a link or someone else's file found at the destination is
  replaced, never written through, and the fact is logged (the file's role and
  a UUID, never a path). Readers never see a half-written file.
- **Appending** (:func:`open_append`, the log file): a link or someone else's
  file at the path is removed first, then the file is opened with
  ``O_APPEND | O_NOFOLLOW`` (0600) and checked to be our own regular file.
- **Folders** (:func:`private_dir`): the program's folders are real
  directories, ours, mode 0700; a link planted in their place is removed (its
  target never changed), a folder owned by someone else refused.
- **Deleting** (:func:`remove`, :func:`shred`, :func:`remove_tree`): the path is
  looked at with ``lstat`` first; only a regular file owned by the current
  user is overwritten (opened with ``O_NOFOLLOW`` and checked to be that very
  file), then unlinked. A link, or a file someone else put there, is only
  unlinked. Overwriting is best effort (on SSDs and copy-on-write file systems
  the old blocks may survive); the deletion is what counts.

Ownership is checked with :func:`owned_by_me` (the effective user id; the
tests replace it to simulate another account's file).

Windows: there is no ``O_NOFOLLOW`` nor owner id. Creation uses ``O_EXCL``
(``CREATE_NEW``, which fails on any existing name, links included); a path
whose ``lstat`` shows a reparse point (symbolic link, junction) is treated as
a link; overwriting before a deletion checks, after opening, that the file is
the one ``lstat`` saw (same file index). The owner is not checked: the
program's folders live in the user's profile, which other accounts cannot
write. Qt-free.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import stat
import uuid
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

log = logging.getLogger(__name__)

#: Files larger than this are deleted without being overwritten first.
OVERWRITE_LIMIT = 512 * 1024 * 1024
FILE_MODE = 0o600
DIR_MODE = 0o700
_CHUNK = 1 << 20
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOINHERIT", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_REPARSE_POINT = getattr(stat, "FILE_ATTRIBUTE_REPARSE_POINT", 0x400)
_CREATE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _BINARY | _CLOEXEC


class PathKind(Enum):
    """What ``lstat`` finds at a path the program is about to write or delete."""

    ABSENT = "absent"
    OWN_FILE = "own_file"
    LINK = "link"
    FOREIGN = "foreign"
    """A regular file owned by another account."""
    OTHER = "other"
    """A directory, a pipe, a device…: not a file the program wrote."""

    @property
    def planted(self) -> bool:
        """A link or someone else's file: never written through."""
        return self in (PathKind.LINK, PathKind.FOREIGN)


class UnsafePathError(OSError):
    """A path the program will not use (French message, no path quoted)."""

    def __init__(self, message: str, role: str) -> None:
        super().__init__(errno.EPERM, message)
        self.role = role

    def __str__(self) -> str:
        return str(self.strerror)


@dataclass(frozen=True, slots=True)
class Removal:
    """What :func:`remove` found and did."""

    found: PathKind
    overwritten: bool


def current_uid() -> int | None:
    """The effective user id, ``None`` where there is none (Windows)."""
    geteuid = getattr(os, "geteuid", None)
    return None if geteuid is None else int(geteuid())


def owned_by_me(st: os.stat_result) -> bool:
    """True when *st* belongs to the current user (always true on Windows, see the module)."""
    uid = current_uid()
    return uid is None or st.st_uid == uid


def _is_link(st: os.stat_result) -> bool:
    if stat.S_ISLNK(st.st_mode):
        return True
    return bool(getattr(st, "st_file_attributes", 0) & _REPARSE_POINT)


def _kind(st: os.stat_result) -> PathKind:
    if _is_link(st):
        return PathKind.LINK
    if not stat.S_ISREG(st.st_mode):
        return PathKind.OTHER
    return PathKind.OWN_FILE if owned_by_me(st) else PathKind.FOREIGN


def inspect(path: Path) -> PathKind:
    """What is at *path*, without following a link."""
    try:
        return _kind(os.lstat(path))
    except FileNotFoundError:
        return PathKind.ABSENT


def note_planted(found: PathKind, role: str, ref: str | None, action: str) -> None:
    """Log that a link or someone else's file was met: the file's role and a UUID, no path."""
    log.warning(
        "planted file",
        extra={"event": "planted_file", "role": role, "found": found.value, "action": action}
        | ({"ref": ref} if ref else {}),
    )


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):  # some file systems refuse it: the rename stands
        fd = os.open(folder, os.O_RDONLY | _DIRECTORY | _CLOEXEC)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# -- writing -----------------------------------------------------------------


def create_private(folder: Path) -> tuple[Path, int]:
    """A new empty file in *folder* under a random name, mode 0600: ``(its path, fd)``.

    ``O_EXCL`` (and ``O_NOFOLLOW`` where it exists): nothing already there,
    link or file, is ever opened. The name says nothing about the content.
    """
    tmp = Path(folder) / f".tracing-desk-{uuid.uuid4().hex}.part"
    fd = os.open(tmp, _CREATE_FLAGS, FILE_MODE)
    if os.name == "posix":
        os.fchmod(fd, FILE_MODE)
    return tmp, fd


def replace_into(tmp: Path, path: Path, *, role: str, ref: str | None = None) -> PathKind:
    """Rename our finished *tmp* over *path*; returns what *path* was before.

    A link or someone else's file at *path* is replaced (the directory entry),
    its target or content untouched, and logged.
    """
    found = inspect(path)
    if found.planted:
        note_planted(found, role, ref, "replaced")
    os.replace(tmp, path)
    _fsync_dir(path.parent)
    return found


class AtomicFile:
    """``with AtomicFile(path, role="export") as out: out.file.write(...)``.

    Writes a new private file beside *path* (:func:`create_private`) and, when
    the block ends without an exception, flushes it to disk and renames it over
    *path* (:func:`replace_into`); otherwise the temporary file is removed and
    *path* is left as it was. After the block, :attr:`replaced` says what was at
    *path* before (``PathKind.LINK``/``FOREIGN``: a planted file was replaced).
    """

    def __init__(self, path: Path, *, role: str, ref: str | None = None) -> None:
        self.path = Path(path)
        self.role = role
        self.ref = ref
        self.replaced = PathKind.ABSENT
        self._tmp: Path | None = None
        self._file: BinaryIO | None = None

    @property
    def file(self) -> BinaryIO:
        if self._file is None:
            raise ValueError("AtomicFile used outside its with block")
        return self._file

    def __enter__(self) -> AtomicFile:
        folder = self.path.parent if str(self.path.parent) else Path(".")
        self._tmp, fd = create_private(folder)
        self._file = os.fdopen(fd, "wb")
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        handle, tmp = self._file, self._tmp
        self._file = self._tmp = None
        assert handle is not None and tmp is not None
        try:
            if exc_type is None:
                handle.flush()
                os.fsync(handle.fileno())
            handle.close()
            if exc_type is None:
                self.replaced = replace_into(tmp, self.path, role=self.role, ref=self.ref)
        except BaseException:
            _discard(handle, tmp)
            raise
        if exc_type is not None:
            _discard(handle, tmp)


def _discard(handle: BinaryIO, tmp: Path) -> None:
    with contextlib.suppress(OSError):
        handle.close()
    with contextlib.suppress(OSError):
        os.unlink(tmp)


def atomic_write(path: Path, data: bytes, *, role: str, ref: str | None = None) -> PathKind:
    """Replace *path* with *data* (see :class:`AtomicFile`); returns what was there before."""
    with AtomicFile(path, role=role, ref=ref) as out:
        out.file.write(data)
    return out.replaced


def open_append(path: Path, *, role: str) -> int:
    """A descriptor to append to *path* (created 0600), never through a link.

    A link or someone else's file at *path* is unlinked first (logged);
    :class:`UnsafePathError` if what is opened is not our own regular file.
    """
    found = inspect(path)
    if found.planted:
        note_planted(found, role, None, "unlinked")
        os.unlink(path)
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | _NOFOLLOW | _BINARY | _CLOEXEC
    fd = os.open(path, flags, FILE_MODE)
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode) or not owned_by_me(st):
        os.close(fd)
        raise UnsafePathError(_UNSAFE_FILE, role)
    if os.name == "posix" and stat.S_IMODE(st.st_mode) != FILE_MODE:
        os.fchmod(fd, FILE_MODE)
    return fd


_UNSAFE_FILE = (
    "Un fichier du programme a été remplacé par un élément qui ne lui appartient pas\u00a0: "
    "rien n’y a été écrit. Contactez le service informatique."
)
_UNSAFE_DIR = (
    "Un dossier du programme appartient à un autre compte ou n’est pas un dossier\u00a0: "
    "rien n’y a été écrit. Contactez le service informatique."
)


def private_dir(path: Path, *, role: str) -> Path:
    """*path* as a real directory of ours with mode 0700 (created if absent).

    A link or a file planted in its place is unlinked (its target untouched)
    and the folder created; a directory owned by someone else, or anything
    else, raises :class:`UnsafePathError`.
    """
    path = Path(path)
    try:
        st: os.stat_result | None = os.lstat(path)
    except FileNotFoundError:
        st = None
    if st is not None and not stat.S_ISDIR(st.st_mode):
        found = _kind(st)
        if found is PathKind.OTHER:
            raise UnsafePathError(_UNSAFE_DIR, role)
        note_planted(found, role, None, "unlinked")
        os.unlink(path)
        st = None
    if st is None:
        path.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        with contextlib.suppress(FileExistsError):
            os.mkdir(path, DIR_MODE)
        st = os.lstat(path)
    if _is_link(st) or not stat.S_ISDIR(st.st_mode) or not owned_by_me(st):
        raise UnsafePathError(_UNSAFE_DIR, role)
    if os.name == "posix" and stat.S_IMODE(st.st_mode) != DIR_MODE:
        fd = os.open(path, os.O_RDONLY | _DIRECTORY | _NOFOLLOW | _CLOEXEC)
        try:
            os.fchmod(fd, DIR_MODE)
        finally:
            os.close(fd)
    return path


# -- deleting ----------------------------------------------------------------


def remove(
    path: Path, *, role: str = "file", ref: str | None = None, limit: int = OVERWRITE_LIMIT
) -> Removal:
    """Overwrite *path* with zeros if it is our own regular file, then unlink it.

    A link or someone else's file is only unlinked (logged with *role* and
    *ref*, a UUID). An empty, huge or read-only file is unlinked without
    being overwritten. Raises ``FileNotFoundError`` when nothing is there,
    ``IsADirectoryError`` for a directory.
    """
    st = os.lstat(path)
    found = _kind(st)
    overwritten = False
    if found is PathKind.OWN_FILE and 0 < st.st_size <= limit:
        overwritten = _overwrite(path, st)
    elif found.planted:
        note_planted(found, role, ref, "unlinked")
    if found is PathKind.OTHER and stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, "directory")
    os.unlink(path)
    return Removal(found, overwritten)


def _overwrite(path: Path, st: os.stat_result) -> bool:
    try:
        fd = os.open(path, os.O_WRONLY | _NOFOLLOW | _BINARY | _CLOEXEC)
    except OSError:
        return False  # read-only, or replaced by a link meanwhile (ELOOP): unlink only
    try:
        opened = os.fstat(fd)
        if (opened.st_dev, opened.st_ino) != (st.st_dev, st.st_ino):
            return False
        left = opened.st_size
        zeros = b"\0" * min(left, _CHUNK)
        while left > 0:
            left -= os.write(fd, zeros[: min(left, len(zeros))])
        os.fsync(fd)
        return True
    finally:
        os.close(fd)


def shred(path: Path, *, limit: int = OVERWRITE_LIMIT) -> bool:
    """:func:`remove`, returning True when the bytes were overwritten.

    False when the path was only unlinked (a link, someone else's file, an
    empty or huge file, a read-only file). Raises ``FileNotFoundError`` when
    nothing is there.
    """
    return remove(path, limit=limit).overwritten


def remove_tree(folder: Path, *, role: str, limit: int = OVERWRITE_LIMIT) -> tuple[int, list[str]]:
    """Remove *folder* and what it holds (each file through :func:`remove`), links not followed.

    A link in place of *folder*, or inside it, is unlinked: what it points
    to is neither listed nor touched. Returns the number of files removed and
    the failures (``"name (ErrorType)"``: the program's own names, no path).
    """
    removed = 0
    failures: list[str] = []
    try:
        st = os.lstat(folder)
    except FileNotFoundError:
        return 0, []
    if not stat.S_ISDIR(st.st_mode) or _is_link(st):
        try:
            remove(folder, role=role, limit=limit)
            removed += 1
        except OSError as exc:
            failures.append(f"{folder.name} ({type(exc).__name__})")
        return removed, failures
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        return 0, [f"{folder.name} ({type(exc).__name__})"]
    for entry in entries:
        child = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            n, more = remove_tree(child, role=role, limit=limit)
            removed += n
            failures += more
            continue
        try:
            remove(child, role=role, limit=limit)
            removed += 1
        except OSError as exc:
            failures.append(f"{folder.name}/{entry.name} ({type(exc).__name__})")
    try:
        os.rmdir(folder)
    except OSError as exc:
        failures.append(f"{folder.name} ({type(exc).__name__})")
    return removed, failures
