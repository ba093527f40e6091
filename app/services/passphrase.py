"""A forgotten passphrase replaced with the recovery code (a store in passphrase mode).

The window's « J’ai oublié ma phrase secrète » uses these, with the rules of
the command line (``tracing-desk recover``): the code's own check, which
tells a typo (:func:`check_recovery_code`), the new passphrase's rule
(:func:`check_new_passphrase`), both before any work; then the replacement
(:func:`recover_passphrase`: slow key derivations, the database re-keyed, a
journal entry), never on the UI thread. Each refusal is a
:class:`~app.db.errors.StoreError` (a :class:`~app.core.errors.UserError`)
with its French message; nothing here logs what was typed.
"""

from __future__ import annotations

from pathlib import Path

from app.db import recovery, store
from app.db.recovery import GROUP, canonical_chars
from app.db.store import MIN_PASSPHRASE_CHARS, RecoverResult

__all__ = [
    "GROUP",
    "MIN_PASSPHRASE_CHARS",
    "canonical_chars",
    "check_new_passphrase",
    "check_recovery_code",
    "recover_passphrase",
]

# ``GROUP``: the characters of one group of the recovery code (« ABCD-EFGH-… »);
# ``canonical_chars``: typed characters as the code holds them (case, separators,
# O→0, I/L→1), for the first-run wizard's check that the code was noted.


def check_recovery_code(code: str) -> str:
    """The code's 32 canonical characters; :class:`~app.db.errors.RecoveryCodeError`
    (French: a wrong length, a character not in the alphabet, a typo) otherwise."""
    return recovery.normalise_code(code)


def check_new_passphrase(passphrase: str) -> str:
    """The normalised passphrase; :class:`~app.db.errors.WeakPassphraseError` otherwise."""
    return store.check_new_passphrase(passphrase)


def recover_passphrase(
    code: str, new_passphrase: str, data_dir: Path, *, user: str
) -> RecoverResult:
    """Replace the forgotten passphrase of the store in *data_dir* (slow: a pool thread)."""
    return store.recover_passphrase(code, new_passphrase, data_dir, user=user)
