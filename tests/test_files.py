"""app.files: writing, appending, folders and deleting never follow a planted link (issue 13).

Each test plants a symbolic link to a victim file (or folder) of the user, or
a file of another account (mode 0666), where the module writes or deletes,
and checks that the victim is untouched and the result is our own 0600 file.
"""

from __future__ import annotations

import json
import logging
import os
import stat
from pathlib import Path

import pytest

from app import files
from app.files import AtomicFile, PathKind, UnsafePathError

VICTIM = b"document d'un collegue, ou la base elle-meme\n" * 8
FOREIGN_UID = 4242


def plant_victim(tmp_path: Path, name: str = "victime.txt") -> Path:
    victim = tmp_path / name
    victim.write_bytes(VICTIM)
    return victim


def plant_link(path: Path, victim: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(victim)


def make_foreign(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """*path* becomes another account's file: chown as root, else the owner check says so."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.chown(path, FOREIGN_UID, FOREIGN_UID, follow_symlinks=False)
        return
    inode = os.lstat(path).st_ino
    mine = files.owned_by_me
    monkeypatch.setattr(files, "owned_by_me", lambda st: st.st_ino != inode and mine(st))


def plant_foreign(path: Path, monkeypatch: pytest.MonkeyPatch, witness: Path) -> None:
    """Another account's file (0666) at *path*; *witness* is a hard link to its content."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(VICTIM)
    os.chmod(path, 0o666)
    os.link(path, witness)
    make_foreign(path, monkeypatch)


def assert_private_file(path: Path) -> None:
    st = os.lstat(path)
    assert stat.S_ISREG(st.st_mode), "a regular file, not a link"
    assert stat.S_IMODE(st.st_mode) == 0o600
    assert files.owned_by_me(st)


def no_temporary_left(folder: Path) -> bool:
    return not list(folder.glob(".tracing-desk-*"))


# -- writing -------------------------------------------------------------------


def test_atomic_write_makes_a_private_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    out = tmp_path / "export.csv"
    assert files.atomic_write(out, b"a;b\n", role="export") is PathKind.ABSENT
    assert out.read_bytes() == b"a;b\n"
    assert_private_file(out)
    assert no_temporary_left(tmp_path)


def test_atomic_write_replaces_a_planted_link_never_its_target(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    victim = plant_victim(tmp_path)
    out = tmp_path / "dossier Martin" / "export.csv"
    plant_link(out, victim)
    with caplog.at_level(logging.WARNING, logger="app.files"):
        found = files.atomic_write(out, b"nouveau", role="export", ref="4c1d")
    assert found is PathKind.LINK
    assert victim.read_bytes() == VICTIM
    assert out.read_bytes() == b"nouveau"
    assert_private_file(out)
    [record] = [r for r in caplog.records if getattr(r, "event", "") == "planted_file"]
    assert (record.role, record.found, record.ref) == ("export", "link", "4c1d")  # type: ignore[attr-defined]
    assert "Martin" not in json.dumps(vars(record), default=str)  # the folder is never logged


def test_atomic_write_replaces_another_accounts_file_without_writing_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "export.csv"
    witness = tmp_path / "witness"
    plant_foreign(out, monkeypatch, witness)
    assert files.inspect(out) is PathKind.FOREIGN
    assert files.atomic_write(out, b"nouveau", role="export") is PathKind.FOREIGN
    assert witness.read_bytes() == VICTIM  # its inode was never opened for writing
    assert out.read_bytes() == b"nouveau"
    assert_private_file(out)


def test_a_failed_write_leaves_the_destination_and_no_temporary(tmp_path: Path) -> None:
    out = tmp_path / "export.csv"
    out.write_bytes(b"ancien")
    with pytest.raises(RuntimeError), AtomicFile(out, role="export") as target:
        target.file.write(b"moitie")
        raise RuntimeError("interrompu")
    assert out.read_bytes() == b"ancien"
    assert no_temporary_left(tmp_path)


def test_the_temporary_name_is_never_opened_when_something_is_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """O_EXCL/O_NOFOLLOW: a link planted at the very temporary name is not followed."""
    import uuid

    fixed = uuid.UUID("00000000-0000-4000-8000-000000000001")
    monkeypatch.setattr(files.uuid, "uuid4", lambda: fixed)
    victim = plant_victim(tmp_path)
    plant_link(tmp_path / f".tracing-desk-{fixed.hex}.part", victim)
    with pytest.raises(FileExistsError):
        files.atomic_write(tmp_path / "export.csv", b"donnees", role="export")
    assert victim.read_bytes() == VICTIM
    assert not (tmp_path / "export.csv").exists()


def test_the_owner_check_follows_the_effective_user(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "f"
    out.write_bytes(b"x")
    assert files.inspect(out) is PathKind.OWN_FILE
    if hasattr(os, "geteuid"):
        monkeypatch.setattr(os, "geteuid", lambda: os.lstat(out).st_uid + 1)
        assert files.inspect(out) is PathKind.FOREIGN


# -- appending -----------------------------------------------------------------


def test_open_append_unlinks_a_planted_link_and_appends_to_a_private_file(tmp_path: Path) -> None:
    victim = plant_victim(tmp_path)
    log = tmp_path / "logs" / "tracing-desk.log"
    plant_link(log, victim)
    fd = files.open_append(log, role="log")
    try:
        os.write(fd, b"ligne\n")
    finally:
        os.close(fd)
    assert victim.read_bytes() == VICTIM
    assert log.read_bytes() == b"ligne\n"
    assert_private_file(log)


def test_open_append_never_appends_to_another_accounts_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "tracing-desk.log"
    witness = tmp_path / "witness"
    plant_foreign(log, monkeypatch, witness)
    fd = files.open_append(log, role="log")
    try:
        os.write(fd, b"ligne\n")
    finally:
        os.close(fd)
    assert witness.read_bytes() == VICTIM
    assert log.read_bytes() == b"ligne\n"
    assert_private_file(log)


# -- folders -------------------------------------------------------------------


def test_private_dir_replaces_a_planted_link_and_never_changes_its_target(tmp_path: Path) -> None:
    victim_dir = tmp_path / "partage"
    victim_dir.mkdir(mode=0o755)
    os.chmod(victim_dir, 0o755)
    folder = tmp_path / "data" / "logs"
    plant_link(folder, victim_dir)
    assert files.private_dir(folder, role="logs") == folder
    st = os.lstat(folder)
    assert stat.S_ISDIR(st.st_mode) and stat.S_IMODE(st.st_mode) == 0o700
    assert stat.S_IMODE(os.stat(victim_dir).st_mode) == 0o755  # not chmod-ed through the link


def test_private_dir_tightens_its_mode(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir(mode=0o777)
    os.chmod(folder, 0o777)
    files.private_dir(folder, role="backups")
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700


def test_private_dir_refuses_a_folder_of_another_account(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    os.chmod(folder, 0o777)
    make_foreign(folder, monkeypatch)
    with pytest.raises(UnsafePathError) as caught:
        files.private_dir(folder, role="backups")
    assert "appartient à un autre compte" in str(caught.value)
    assert str(tmp_path) not in str(caught.value)
    assert stat.S_IMODE(os.lstat(folder).st_mode) == 0o777


# -- deleting ------------------------------------------------------------------


def test_remove_overwrites_our_own_file(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(b"Martin;0612345678\n")
    keep = os.open(path, os.O_RDONLY)
    try:
        removal = files.remove(path, role="export")
        assert removal == files.Removal(PathKind.OWN_FILE, True)
        assert os.pread(keep, 64, 0) == b"\0" * len(b"Martin;0612345678\n")
    finally:
        os.close(keep)
    assert not path.exists()


def test_remove_only_unlinks_a_link(tmp_path: Path) -> None:
    victim = plant_victim(tmp_path)
    link = tmp_path / "export.csv"
    plant_link(link, victim)
    assert files.remove(link, role="export").found is PathKind.LINK
    assert not os.path.lexists(link) and victim.read_bytes() == VICTIM


def test_remove_never_overwrites_another_accounts_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "export.csv"
    witness = tmp_path / "witness"
    plant_foreign(path, monkeypatch, witness)
    assert files.remove(path, role="export") == files.Removal(PathKind.FOREIGN, False)
    assert not path.exists() and witness.read_bytes() == VICTIM


def test_remove_tree_never_enters_a_linked_folder(tmp_path: Path) -> None:
    victim_dir = tmp_path / "documents"
    victim_dir.mkdir()
    inside = plant_victim(victim_dir, "rapport.txt")
    data = tmp_path / "data"
    plant_link(data / "logs", victim_dir)  # the folder itself is a link
    (data / "drafts").mkdir()
    plant_link(data / "drafts" / "x", inside)  # and a link inside a real folder
    (data / "drafts" / "ours").write_bytes(b"brouillon")
    assert files.remove_tree(data / "logs", role="logs") == (1, [])
    assert files.remove_tree(data / "drafts", role="drafts") == (2, [])
    assert inside.read_bytes() == VICTIM and sorted(os.listdir(victim_dir)) == ["rapport.txt"]
    assert os.listdir(data) == []
