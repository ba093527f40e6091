"""Local accounts: roles, what each role may do, the password rule, the sign-in delay.

Pure rules, no storage (``app.db.accounts`` stores the accounts and enforces
these rules; ``app.db.permissions`` checks a user's role before a restricted
action). The décret limits access to specially authorised staff on a
need-to-know basis (art. 3), and a workstation in a ward is often shared.

Password rule: at least :data:`MIN_PASSWORD_LENGTH` characters (counted after
Unicode NFC normalisation, so "é" typed either way counts once), at most
:data:`MAX_PASSWORD_LENGTH`, not made of a single repeated character, and
different from the login. Length is what makes a password strong against
guessing (NIST SP 800-63B § 5.1.1, ANSSI's 2021 recommendations on
authentication); composition rules are not required. Guessing at the sign-in
screen is slowed by :func:`retry_delay`, and a stolen database file is
encrypted as a whole (the password hashes inside are Argon2id as well).
"""

from __future__ import annotations

import unicodedata
from datetime import timedelta
from enum import Enum

from app.core.enums import LabelledEnum, _labels
from app.core.errors import UserError
from app.core.i18n import QT_TRANSLATE_NOOP

MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 256
FREE_ATTEMPTS = 5
"""Failed attempts allowed before a delay applies."""
FIRST_DELAY = timedelta(seconds=30)
MAX_DELAY = timedelta(minutes=15)
MAX_LOGIN_LENGTH = 64
RESERVED_LOGINS = frozenset({"programme", "inconnu", "systeme", "système"})


class Role(LabelledEnum):
    """What a signed-in person may do."""

    AGENT = "agent"
    REFERENT = "referent"


_labels(
    Role,
    {
        Role.AGENT: QT_TRANSLATE_NOOP("core", "agent de traçage"),
        Role.REFERENT: QT_TRANSLATE_NOOP("core", "référent"),
    },
)


class Permission(Enum):
    """Actions beyond entering and consulting fiches."""

    EXPORT = "export"
    READ_JOURNAL = "read_journal"
    CHANGE_SETTINGS = "change_settings"
    MANAGE_ACCOUNTS = "manage_accounts"
    FORGET_STATION = "forget_station"
    IMPORT = "import"
    DEMO_DATA = "demo_data"
    EARLY_PURGE = "early_purge"
    CONFIGURE_SYNC = "configure_sync"


PERMISSION_LABELS: dict[Permission, str] = {
    Permission.EXPORT: QT_TRANSLATE_NOOP("core", "exporter des fiches"),
    Permission.READ_JOURNAL: QT_TRANSLATE_NOOP("core", "consulter le journal"),
    Permission.CHANGE_SETTINGS: QT_TRANSLATE_NOOP("core", "modifier les paramètres"),
    Permission.MANAGE_ACCOUNTS: QT_TRANSLATE_NOOP("core", "gérer les comptes"),
    Permission.FORGET_STATION: QT_TRANSLATE_NOOP("core", "oublier ce poste"),
    Permission.IMPORT: QT_TRANSLATE_NOOP("core", "importer des fiches"),
    Permission.DEMO_DATA: QT_TRANSLATE_NOOP("core", "créer des fiches de démonstration"),
    Permission.EARLY_PURGE: QT_TRANSLATE_NOOP("core", "purger avant l’échéance"),
    Permission.CONFIGURE_SYNC: QT_TRANSLATE_NOOP("core", "configurer la synchronisation"),
}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.AGENT: frozenset(),
    Role.REFERENT: frozenset(Permission),
}
"""An agent enters and consults fiches; a référent may do everything."""


def allowed(role: Role | None, permission: Permission) -> bool:
    return role is not None and permission in ROLE_PERMISSIONS[role]


class PasswordRuleError(UserError, ValueError):
    """A password or login refused by the rules; ``str()`` is a French message."""

    code = "password_rule"


def normalise_password(password: str) -> str:
    """NFC form: the same characters typed on any system give the same password."""
    return unicodedata.normalize("NFC", password)


def check_password(password: str, login: str = "") -> str:
    """The normalised *password*, or :class:`PasswordRuleError` with the French reason."""
    value = normalise_password(password)
    if len(value) < MIN_PASSWORD_LENGTH:
        raise PasswordRuleError(
            f"Le mot de passe doit compter au moins {MIN_PASSWORD_LENGTH} caractères."
        )
    if len(value) > MAX_PASSWORD_LENGTH:
        raise PasswordRuleError(
            f"Le mot de passe doit compter au plus {MAX_PASSWORD_LENGTH} caractères."
        )
    if len(set(value)) == 1:
        raise PasswordRuleError("Le mot de passe ne peut pas répéter un seul caractère.")
    if login and value.casefold() == login.strip().casefold():
        raise PasswordRuleError("Le mot de passe doit être différent de l’identifiant.")
    return value


def check_login(login: str) -> str:
    """The stripped login, or :class:`PasswordRuleError` with the French reason.

    Logins name staff in the journal: letters, digits, ``.``, ``-``, ``_``;
    never ``:`` (``cli:<os user>`` names command-line use) nor a reserved name.
    """
    value = unicodedata.normalize("NFC", login.strip())
    if not value:
        raise PasswordRuleError("Indiquez un identifiant.")
    if len(value) > MAX_LOGIN_LENGTH:
        raise PasswordRuleError(
            f"L’identifiant doit compter au plus {MAX_LOGIN_LENGTH} caractères."
        )
    if not all(c.isalnum() or c in ".-_" for c in value):
        raise PasswordRuleError(
            "L’identifiant ne peut contenir que des lettres, des chiffres, « . », « - » et « _ »."
        )
    if value.casefold() in RESERVED_LOGINS:
        raise PasswordRuleError(f"L’identifiant « {value} » est réservé.")
    return value


def retry_delay(failed_attempts: int) -> timedelta:
    """How long to wait after *failed_attempts* consecutive failures before the next try.

    No delay for the first :data:`FREE_ATTEMPTS` failures; then 30 s, doubling
    at each further failure, up to 15 minutes.
    """
    if failed_attempts < FREE_ATTEMPTS:
        return timedelta(0)
    steps = min(failed_attempts - FREE_ATTEMPTS, 10)
    delay: timedelta = FIRST_DELAY * (2**steps)
    return min(delay, MAX_DELAY)
