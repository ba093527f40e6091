"""Local accounts in the encrypted store: Argon2id password hashes, sign-in, delays.

Passwords are hashed with Argon2id (argon2-cffi, RFC 9106 low-memory
profile: 64 MiB, 3 passes, 4 lanes). Hashing takes a noticeable fraction of a
second by design: call these functions from the database thread or a worker,
never from the UI thread.

After :data:`app.core.accounts.FREE_ATTEMPTS` consecutive failures, the next
attempt is refused until a delay has passed (:func:`retry_delay`), counted
from the last failure with the program's clock; the refusal says how many
seconds remain, so the UI can show a countdown without waiting. Every attempt
is journaled (``connexion`` / ``échec de connexion``) with the account's login
or ``inconnu``, never with what was typed in the password field; a name with
no account is not recorded either (it may be a password typed in the wrong
field), and shares one counter with every other unknown name.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from argon2.profiles import RFC_9106_LOW_MEMORY

from app.core.accounts import (
    PasswordRuleError,
    Permission,
    Role,
    check_login,
    check_password,
    normalise_password,
    retry_delay,
)
from app.core.clock import get_clock
from app.core.enums import JournalAction
from app.core.errors import UserError
from app.core.i18n import QT_TRANSLATE_NOOP
from app.db import journal
from app.db.connection import Cursor, Database, Row
from app.db.permissions import Session, has_accounts, require
from app.db.timefmt import from_db, to_db

log = logging.getLogger(__name__)

UNKNOWN_USER = "inconnu"
"""The journal's name for a failed sign-in under a name that has no account."""

_OUTCOMES = {
    "délai en cours": "delay_running",
    "identifiant inconnu": "unknown_name",
    "mot de passe incorrect": "wrong_password",
    "compte désactivé": "disabled_account",
}

_hasher = PasswordHasher.from_parameters(RFC_9106_LOW_MEMORY)


def set_hasher(hasher: PasswordHasher) -> None:
    """Replace the hasher (tests use cheaper parameters; hashes stay Argon2id)."""
    global _hasher
    _hasher = hasher


class AccountError(UserError):
    """A refused account operation (French message): not a condition of the store."""

    code: ClassVar[str] = "account"
    context: ClassVar[str] = "db"


class SignInError(UserError):
    """A refused sign-in. ``retry_after`` is the wait in whole seconds (0: none)."""

    code: ClassVar[str] = "sign_in"
    context: ClassVar[str] = "db"
    default_message: ClassVar[str] = QT_TRANSLATE_NOOP(
        "db", "Identifiant ou mot de passe incorrect."
    )

    def __init__(self, message: str | None = None, *, retry_after: int = 0) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class Account:
    login: str
    display_name: str
    role: Role
    active: bool
    created_at: datetime


def hash_password(password: str) -> str:
    return _hasher.hash(normalise_password(password))


def _verify(stored: str, password: str) -> bool:
    try:
        return bool(_hasher.verify(stored, normalise_password(password)))
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def checked_credentials(login: str, password: str) -> tuple[str, str]:
    """The checked login and the password's hash (slow: outside any transaction)."""
    try:
        login = check_login(login)
        password = check_password(password, login)
    except PasswordRuleError as exc:
        raise AccountError(str(exc)) from None
    return login, hash_password(password)


def insert_account(
    cur: Cursor, login: str, hashed: str, role: Role, display_name: str, *, actor: str | None
) -> Session:
    """Insert an account (from :func:`checked_credentials`) in the caller's transaction.

    *actor* is the référent who creates it, ``None`` for the station's first
    account (the first référent, journaled under its own login).
    """
    now = get_clock().now()
    first = actor is None
    any_account = cur.execute("SELECT 1 FROM accounts LIMIT 1").fetchone()
    if first and any_account:
        raise AccountError("Le compte référent de ce poste existe déjà.")
    if not any_account and role is not Role.REFERENT:
        # An agent as the only account would leave no one to manage the station.
        raise AccountError("Le premier compte du poste doit être celui d’un référent.")
    if cur.execute("SELECT 1 FROM accounts WHERE login = ?", (login,)).fetchone():
        raise AccountError(f"L’identifiant « {login} » est déjà pris.")
    cur.execute(
        "INSERT INTO accounts (login, display_name, role, password_hash, active,"
        " created_at, password_set_at) VALUES (?, ?, ?, ?, 1, ?, ?)",
        (login, display_name.strip(), role.value, hashed, to_db(now), to_db(now)),
    )
    who = login if actor is None else actor
    journal.append(cur, now, who, JournalAction.CREATE, None, f"compte {login} {role}")
    return Session(login, role, display_name.strip())


# A hash to verify against when the name is unknown, so that an unknown name
# takes as long as a wrong password (no account enumeration by timing).
_DUMMY_HASH: str | None = None


def _dummy_hash() -> str:
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = _hasher.hash("tracing-desk : pas de compte")
    return _DUMMY_HASH


def _wait_seconds(failures: int, last_failed_at: str | None, now: datetime) -> int:
    if not last_failed_at:
        return 0
    until = from_db(last_failed_at) + retry_delay(failures)
    remaining = (until - now).total_seconds()
    return max(0, math.ceil(remaining))


def _delay_message(seconds: int) -> str:
    if seconds >= 120:
        wait = f"{math.ceil(seconds / 60)} minutes"
    else:
        wait = f"{seconds} seconde{'s' if seconds > 1 else ''}"
    return f"Trop d’essais infructueux : nouvel essai possible dans {wait}."


class AccountStore:
    """Accounts of one store. *actor* is who acts (journal and rights); ``None`` at sign-in."""

    def __init__(self, db: Database, actor: str | Session | None = None) -> None:
        self.db = db
        self.actor = actor

    @property
    def _actor_name(self) -> str:
        return str(self.actor) if self.actor is not None else UNKNOWN_USER

    # -- reading ------------------------------------------------------------
    def has_accounts(self) -> bool:
        return has_accounts(self.db)

    def get(self, login: str) -> Account | None:
        row = self.db.query_one(
            "SELECT login, display_name, role, active, created_at FROM accounts WHERE login = ?",
            (login.strip(),),
        )
        return _account(row) if row is not None else None

    def list(self) -> list[Account]:
        """Every account (référent only)."""
        require(self.db, self._actor_name, Permission.MANAGE_ACCOUNTS)
        return [
            _account(r)
            for r in self.db.query(
                "SELECT login, display_name, role, active, created_at FROM accounts"
                " ORDER BY login COLLATE NOCASE"
            )
        ]

    # -- creating -----------------------------------------------------------
    def create_first_referent(self, login: str, password: str, display_name: str = "") -> Session:
        """The first account of the station, a référent (only while there is none)."""
        return self._create(login, password, Role.REFERENT, display_name, first=True)

    def create(self, login: str, password: str, role: Role, display_name: str = "") -> Account:
        """A new account, created by a référent."""
        require(self.db, self._actor_name, Permission.MANAGE_ACCOUNTS)
        self._create(login, password, role, display_name, first=False)
        account = self.get(login)
        assert account is not None
        return account

    def _create(
        self, login: str, password: str, role: Role, display_name: str, *, first: bool
    ) -> Session:
        login, hashed = checked_credentials(login, password)  # before the transaction: slow
        with self.db.transaction() as cur:
            session = insert_account(
                cur, login, hashed, role, display_name, actor=None if first else self._actor_name
            )
        log.info("account created", extra={"event": "account_created", "role": role.value})
        return session

    # -- changing -----------------------------------------------------------
    def set_password(self, login: str, new_password: str, old_password: str | None = None) -> None:
        """Change a password: one's own (with the old one) or anyone's as référent."""
        account = self.get(login)
        if account is None:
            raise AccountError("Compte inconnu.")
        own = str(self.actor) == account.login
        if own and old_password is not None:
            row = self.db.query_one(
                "SELECT password_hash FROM accounts WHERE login = ?", (account.login,)
            )
            if row is None or not _verify(str(row[0]), old_password):
                raise AccountError("L’ancien mot de passe est incorrect.")
        else:
            require(self.db, self._actor_name, Permission.MANAGE_ACCOUNTS)
        try:
            password = check_password(new_password, account.login)
        except PasswordRuleError as exc:
            raise AccountError(str(exc)) from None
        hashed = hash_password(password)
        now = get_clock().now()
        with self.db.transaction() as cur:
            cur.execute(
                "UPDATE accounts SET password_hash = ?, password_set_at = ?, failed_attempts = 0,"
                " last_failed_at = NULL WHERE login = ?",
                (hashed, to_db(now), account.login),
            )
            journal.append(
                cur, now, self._actor_name, JournalAction.UPDATE, None, f"mot de passe {login}"
            )
        log.info("account password set", extra={"event": "account_password", "own": own})

    def set_active(self, login: str, active: bool) -> None:
        """Enable or disable an account (référent; the last active référent stays)."""
        require(self.db, self._actor_name, Permission.MANAGE_ACCOUNTS)
        account = self.get(login)
        if account is None:
            raise AccountError("Compte inconnu.")
        now = get_clock().now()
        with self.db.transaction() as cur:
            if not active and account.role is Role.REFERENT:
                self._keep_a_referent(cur, account.login)
            cur.execute(
                "UPDATE accounts SET active = ? WHERE login = ?", (int(active), account.login)
            )
            journal.append(
                cur,
                now,
                self._actor_name,
                JournalAction.UPDATE,
                None,
                f"compte {account.login} {'activé' if active else 'désactivé'}",
            )

    def set_role(self, login: str, role: Role) -> None:
        require(self.db, self._actor_name, Permission.MANAGE_ACCOUNTS)
        account = self.get(login)
        if account is None:
            raise AccountError("Compte inconnu.")
        now = get_clock().now()
        with self.db.transaction() as cur:
            if role is not Role.REFERENT and account.role is Role.REFERENT:
                self._keep_a_referent(cur, account.login)
            cur.execute("UPDATE accounts SET role = ? WHERE login = ?", (role.value, account.login))
            journal.append(
                cur, now, self._actor_name, JournalAction.UPDATE, None, f"compte {login} {role}"
            )

    @staticmethod
    def _keep_a_referent(cur: Cursor, leaving: str) -> None:
        row = cur.execute(
            "SELECT count(*) FROM accounts WHERE role = ? AND active = 1 AND login != ?",
            (Role.REFERENT.value, leaving),
        ).fetchone()
        if not row or int(row[0]) == 0:
            raise AccountError("Le poste doit garder au moins un compte référent actif.")

    # -- signing in ---------------------------------------------------------
    def wait_before_next_try(self, login: str) -> int:
        """Seconds before *login* may try again (0: now)."""
        now = get_clock().now()
        row = self.db.query_one(
            "SELECT failed_attempts, last_failed_at FROM accounts WHERE login = ?",
            (login.strip(),),
        )
        if row is None:
            row = self.db.query_one(
                "SELECT failed_attempts, last_failed_at FROM login_throttle WHERE id = 1"
            )
        if row is None:
            return 0
        return _wait_seconds(int(row[0]), row[1], now)

    def authenticate(self, login: str, password: str, *, purpose: str = "") -> Session:
        """Check a password; the :class:`Session` on success, :class:`SignInError` else.

        *purpose* (``"déverrouillage"``, ``"cli"``…) goes into the journal's detail.
        """
        now = get_clock().now()
        name = login.strip()
        row = self.db.query_one(
            "SELECT login, display_name, role, active, password_hash, failed_attempts,"
            " last_failed_at FROM accounts WHERE login = ?",
            (name,),
        )
        if row is None:
            throttle = self.db.query_one(
                "SELECT failed_attempts, last_failed_at FROM login_throttle WHERE id = 1"
            )
            failures, last = (int(throttle[0]), throttle[1]) if throttle else (0, None)
        else:
            failures, last = int(row[5]), row[6]
        wait = _wait_seconds(failures, last, now)
        if wait > 0:
            who = str(row[0]) if row is not None else UNKNOWN_USER
            self._journal_failure(who, now, "délai en cours", count=False)
            raise SignInError(_delay_message(wait), retry_after=wait)

        if row is None:
            _verify(_dummy_hash(), password)  # same cost as a real check
            self._journal_failure(UNKNOWN_USER, now, "identifiant inconnu")
            raise SignInError(retry_after=self._next_wait(None, now))
        account_login = str(row[0])
        if not _verify(str(row[4]), password):
            self._journal_failure(account_login, now, "mot de passe incorrect")
            raise SignInError(retry_after=self._next_wait(account_login, now))
        if not int(row[3]):
            self._journal_failure(account_login, now, "compte désactivé", count=False)
            raise SignInError("Ce compte est désactivé : adressez-vous au référent.")
        rehash = _hasher.check_needs_rehash(str(row[4]))
        new_hash = hash_password(password) if rehash else None
        with self.db.transaction() as cur:
            cur.execute(
                "UPDATE accounts SET failed_attempts = 0, last_failed_at = NULL"
                + (", password_hash = ?" if new_hash else "")
                + " WHERE login = ?",
                (new_hash, account_login) if new_hash else (account_login,),
            )
            journal.append(cur, now, account_login, JournalAction.LOGIN, None, purpose)
        log.info("sign-in", extra={"event": "sign_in", "outcome": "ok"})
        return Session(account_login, Role(str(row[2])), str(row[1]))

    def _journal_failure(self, who: str, now: datetime, reason: str, *, count: bool = True) -> None:
        with self.db.transaction() as cur:
            if count:
                if who == UNKNOWN_USER:
                    cur.execute(
                        "UPDATE login_throttle SET failed_attempts = failed_attempts + 1,"
                        " last_failed_at = ? WHERE id = 1",
                        (to_db(now),),
                    )
                else:
                    cur.execute(
                        "UPDATE accounts SET failed_attempts = failed_attempts + 1,"
                        " last_failed_at = ? WHERE login = ?",
                        (to_db(now), who),
                    )
            journal.append(cur, now, who, JournalAction.LOGIN_FAILED, None, reason)
        # The reason only: neither the typed name nor the typed password.
        outcome = _OUTCOMES.get(reason, "refused")
        log.warning("sign-in refused", extra={"event": "sign_in", "outcome": outcome})

    def _next_wait(self, login: str | None, now: datetime) -> int:
        if login is None:
            row = self.db.query_one(
                "SELECT failed_attempts, last_failed_at FROM login_throttle WHERE id = 1"
            )
        else:
            row = self.db.query_one(
                "SELECT failed_attempts, last_failed_at FROM accounts WHERE login = ?", (login,)
            )
        return _wait_seconds(int(row[0]), row[1], now) if row else 0

    def record_lock(self, login: str, reason: str = "inactivité") -> None:
        """Journal that *login*'s session was locked (``verrouillage``)."""
        now = get_clock().now()
        with self.db.transaction() as cur:
            journal.append(cur, now, login, JournalAction.LOCK, None, reason)


def _account(r: Row) -> Account:
    return Account(
        login=str(r[0]),
        display_name=str(r[1]),
        role=Role(str(r[2])),
        active=bool(r[3]),
        created_at=from_db(str(r[4])),
    )
