"""Putting a workstation into service: the first référent, the settings and the secrets at once.

The first-run wizard (``app.ui.first_run``), through
:func:`app.services.provisioning.apply_choices`, hands one :class:`Provisioning`
to :func:`provision`, which does every write to the store in **one
transaction**: the référent's account, the declared settings and the secrets
kept in the encrypted database (the partner token of a passphrase-mode
store), each journaled as usual. The account's rules and the keyring are
checked before the transaction; a refused setting, a station that has an
account already or a failure inside it (disk full, a damaged file) roll
everything back. Either way nothing is left half made and the same
choices can simply be applied again.

The OS keyring is written **last**, once the transaction has committed: it
cannot be rolled back, so it must never hold a secret for a station that was
not put into service. If it refuses then (rare: it was checked just before),
the station is in service all the same and :attr:`Provisioned.keyring_problem`
says which step to redo (French).

Only the store layer is here; the partner token's rules, and the fictitious
fiches of the demonstration mode, are the services' (``app.services.provisioning``).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from app.core.accounts import Role
from app.core.settings import SettingError
from app.db import keystore
from app.db.accounts import checked_credentials, insert_account
from app.db.connection import Database
from app.db.errors import StoreError
from app.db.permissions import Session
from app.db.settings_store import SettingsStore, write_secret

log = logging.getLogger(__name__)


class FirstRunError(StoreError):
    """A choice refused while putting the station into service (French message)."""

    code: ClassVar[str] = "first_run"


@dataclass(frozen=True)
class Provisioning:
    """What to store when the station is put into service.

    *settings* are declared settings (key → value, checked by the registry);
    *database_secrets* are kept in the encrypted database
    (:func:`app.db.settings_store.set_secret`), *keyring_secrets* in the OS
    keyring (:func:`app.db.keystore.set_secret`), both name → value.
    """

    login: str
    display_name: str
    password: str = field(repr=False)
    settings: Mapping[str, Any] = field(default_factory=dict)
    database_secrets: Mapping[str, str] = field(default_factory=dict, repr=False)
    keyring_secrets: Mapping[str, str] = field(default_factory=dict, repr=False)


@dataclass(frozen=True)
class Provisioned:
    """The station in service: the référent's session, and what the keyring refused."""

    session: Session
    keyring_problem: str = ""


def provision(db: Database, request: Provisioning) -> Provisioned:
    """Store *request* in one transaction, then write the keyring (database thread).

    Raises :class:`FirstRunError` for a refused setting,
    :class:`~app.db.accounts.AccountError` for a refused account (the rules of
    ``app.core.accounts``, or a station that already has one) and the known
    :class:`StoreError` conditions; in every case nothing has been written.
    """
    if request.keyring_secrets:
        keystore.check_backend()  # a refusing keyring: said before anything is written
    login, hashed = checked_credentials(request.login, request.password)
    settings = SettingsStore(db, login)
    with db.transaction() as cur:
        # The account first: a station that has one already is refused as such.
        session = insert_account(
            cur, login, hashed, Role.REFERENT, request.display_name, actor=None
        )
        try:
            checked = settings.check_many(dict(request.settings))
        except SettingError as exc:
            raise FirstRunError(str(exc)) from None
        settings.write_checked(cur, checked)
        for name, value in request.database_secrets.items():
            write_secret(cur, name, value, login)
    log.info("station provisioned", extra={"event": "station_provisioned"})
    problem = ""
    for name, value in request.keyring_secrets.items():
        try:
            keystore.set_secret(name, value)
        except StoreError as exc:
            problem = str(exc)
            log.warning("keyring refused a secret after provisioning", extra={"event": "keyring"})
    return Provisioned(session, problem)
