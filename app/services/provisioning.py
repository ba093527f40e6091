"""Putting the workstation into service from the first-run wizard's choices.

:func:`apply_choices` turns the wizard's :class:`FirstRunChoices` into one
:class:`~app.db.provisioning.Provisioning` (the référent, the declared
settings, the partner token where :func:`app.sync.config.token_in_database`
says it is kept) and hands it to :func:`app.db.provisioning.provision`: one
transaction, the keyring written last. In demonstration mode the fictitious
fiches come after, through the services' gate
(:func:`app.services.transfer.demo_data`); if that step fails, the station is
in service already and :class:`DemoDataError` carries the result, so that a
second « Terminer » redoes only that step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from app.core import settings as S
from app.core.errors import UserError
from app.db.connection import Database
from app.db.errors import StoreError
from app.db.provisioning import FirstRunError, Provisioned, Provisioning, provision
from app.services.errors import DemoRefused
from app.services.transfer import demo_data, real_fiches
from app.sync.config import check_token, token_entry, token_in_database
from app.sync.errors import SyncConfigError

__all__ = [
    "DEMO_PATIENTS_ZERO",
    "DEMO_SPREAD_DAYS",
    "DemoDataError",
    "FirstRunChoices",
    "FirstRunError",
    "Provisioned",
    "apply_choices",
]

DEMO_PATIENTS_ZERO = 40
DEMO_SPREAD_DAYS = 45


class DemoDataError(FirstRunError):
    """The station is in service, but its fictitious fiches could not be created.

    ``provisioned`` is the result to hand back to :func:`apply_choices` to redo
    only the demonstration data.
    """

    code: ClassVar[str] = "first_run_demo"

    def __init__(self, message: str, provisioned: Provisioned) -> None:
        super().__init__(message)
        self.provisioned = provisioned


@dataclass
class FirstRunChoices:
    """Everything the wizard collected (the password only lives here until it is hashed)."""

    demo: bool
    login: str
    display_name: str
    password: str = field(repr=False)
    settings: dict[str, Any]
    server_url: str = ""
    ca_bundle: str = ""
    token: str = field(default="", repr=False)


def provisioning_request(db: Database, choices: FirstRunChoices) -> Provisioning:
    """What :func:`~app.db.provisioning.provision` stores for *choices*.

    Raises :class:`FirstRunError` for a malformed partner token (nothing written).
    """
    values = dict(choices.settings)
    values[S.DEMO_MODE.key] = choices.demo
    if choices.server_url:
        values[S.SYNC_SERVER_URL.key] = choices.server_url
        values[S.SYNC_CA_BUNDLE.key] = choices.ca_bundle
    in_database: dict[str, str] = {}
    in_keyring: dict[str, str] = {}
    if choices.server_url and choices.token:
        try:
            token = check_token(choices.token)
        except SyncConfigError as exc:
            raise FirstRunError(str(exc)) from None
        place = in_database if token_in_database(db) else in_keyring
        place[token_entry(choices.server_url)] = token
    return Provisioning(
        login=choices.login,
        display_name=choices.display_name,
        password=choices.password,
        settings=values,
        database_secrets=in_database,
        keyring_secrets=in_keyring,
    )


def apply_choices(
    db: Database, choices: FirstRunChoices, provisioned: Provisioned | None = None
) -> Provisioned:
    """Database thread: put the station into service, then add the demonstration data.

    *provisioned* is the result carried by an earlier :class:`DemoDataError`:
    the station is in service already, only the fictitious fiches are made.
    """
    if provisioned is None:
        if choices.demo and real_fiches(db):
            raise FirstRunError(str(DemoRefused()))  # before anything is written
        provisioned = provision(db, provisioning_request(db, choices))
    if choices.demo:
        try:
            demo_data(
                db, provisioned.session, count=DEMO_PATIENTS_ZERO, spread_days=DEMO_SPREAD_DAYS
            )
        except (UserError, StoreError) as exc:
            raise DemoDataError(str(exc), provisioned) from None
    return provisioned
