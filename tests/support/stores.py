"""Copies of a prepared store, for tests that start many runs from one template.

A copy of a store's files is, for the program, an older copy put back: its
high-water mark in the keyring (``watermark:<store id>``) may be ahead of it
and the store then opens read-only (issue 13). A test that copies a template
on purpose declares the restore, as an administrator's ``accept-restore``
would, by dropping that keyring copy of the mark; the copy's own mark file
travels with it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from app.db import keystore, watermark
from app.db.store import store_id


def copy_store(template: Path, dest: Path) -> None:
    """Copy *template* to *dest* as a deliberate restore (see the module's doc)."""
    shutil.copytree(template, dest)
    keystore.delete_secret(watermark.KEYRING_PREFIX + store_id(dest))
