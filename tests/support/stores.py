"""Copies of a prepared store, for tests that start many runs from one template.

A copy of a store's files is, for the program, an older copy put back: its
high-water mark in the keyring (``watermark:<store id>``) may be ahead of it
and the store then opens read-only (issue 13). A test that copies a template
on purpose declares the restore, as an administrator's ``accept-restore``
would, by dropping that keyring copy of the mark; the copy's own mark file
travels with it.

Also the shared ``db`` fixture (a fresh store, open) and ``staffed`` (the same
with a référent and an agent): a pytest plugin registered in ``tests/conftest.py``;
a module may define its own.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.db import accounts, keystore, watermark
from app.db.accounts import AccountStore
from app.db.connection import Database
from app.db.store import init_store, open_store, store_id
from tests.support.accounts import AGENT, AGENT_PASSWORD, REFERENT, REFERENT_PASSWORD


def copy_store(template: Path, dest: Path) -> None:
    """Copy *template* to *dest* as a deliberate restore (see the module's doc)."""
    shutil.copytree(template, dest)
    keystore.delete_secret(watermark.KEYRING_PREFIX + store_id(dest))


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    """A fresh store in the test's data directory, open."""
    init_store(data_dir)
    database = open_store(data_dir)
    yield database
    database.close()


@pytest.fixture
def staffed(db: Database) -> Database:
    """A store with a référent and an agent."""
    AccountStore(db).create_first_referent(REFERENT, REFERENT_PASSWORD, "M. Lefèvre")
    AccountStore(db, REFERENT).create(AGENT, AGENT_PASSWORD, accounts.Role.AGENT)
    return db
