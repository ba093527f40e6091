"""Errors of the encrypted store that a person can act on.

Each class has a stable ``code`` (CLI exit status, JSON output, logs) and a
French message saying what happened and what to do, written for a nurse or
the IT staff. Messages never contain personal data: at most a store id, a
schema version or an SQLite error name (``detail``). Programming errors
(bad SQL, constraint violations) are *not* ``StoreError``: they propagate as-is.
``StoreError`` is an :class:`app.core.errors.UserError`, as are the access,
export, decoding and settings errors, which are not conditions of the store.

The texts are marked with ``QT_TRANSLATE_NOOP("db", …)`` so the UI can
translate them; ``str()`` gives the French text.
"""

from __future__ import annotations

from typing import ClassVar

from app.core.errors import UserError
from app.core.i18n import QT_TRANSLATE_NOOP


class StoreError(UserError):
    """A known condition of the local store, explained to the user in French."""

    code: ClassVar[str] = "store_error"
    context: ClassVar[str] = "db"
    default_message: ClassVar[str] = QT_TRANSLATE_NOOP(
        "db",
        "La base de données locale est inutilisable. "
        "Notez ce message et contactez le service informatique.",
    )

    def __init__(self, message: str | None = None, *, detail: str | None = None) -> None:
        self.detail = detail
        super().__init__(message)


class WrongKeyError(StoreError):
    code = "wrong_key"
    default_message = QT_TRANSLATE_NOOP(
        "db",
        "La clé de chiffrement trouvée ne correspond pas à la base de données : "
        "la base n’a pas été modifiée. Si la clé du trousseau a été remplacée, "
        "restaurez-la avec « tracing-desk recover » et votre code de récupération.",
    )


PASSPHRASE_WRONG_MESSAGE = QT_TRANSLATE_NOOP(
    "db",
    "Phrase secrète incorrecte, ou fichier de base de données endommagé : "
    "la base n’a pas été modifiée. Vérifiez la phrase secrète (majuscules, accents) "
    "et réessayez ; si elle est perdue, utilisez « tracing-desk recover » "
    "avec votre code de récupération.",
)


class TamperedError(StoreError):
    code = "tampered"
    default_message = QT_TRANSLATE_NOOP(
        "db",
        "Le fichier de base de données a été modifié ou endommagé (la clé est correcte "
        "mais le contenu ne se déchiffre pas). Rien n’a été effacé ni remplacé. "
        "Ne supprimez pas le fichier : contactez le service informatique, qui pourra "
        "repartir d’une sauvegarde du dossier de données.",
    )


class NewerSchemaError(StoreError):
    code = "newer_schema"
    default_message = QT_TRANSLATE_NOOP(
        "db",
        "Cette base de données a été créée ou mise à jour par une version plus récente "
        "de Tracing Desk. Installez la version la plus récente du programme ; "
        "la base n’a pas été modifiée.",
    )


class DiskFullError(StoreError):
    code = "disk_full"
    default_message = QT_TRANSLATE_NOOP(
        "db",
        "Le disque est plein : l’enregistrement n’a pas été fait (rien n’a été perdu "
        "de ce qui était déjà enregistré). Libérez de la place ou contactez le service "
        "informatique, puis réessayez.",
    )


class DatabaseLockedError(StoreError):
    code = "locked"
    default_message = QT_TRANSLATE_NOOP(
        "db",
        "La base de données est occupée par une autre fenêtre ou une tâche en cours. "
        "Attendez quelques secondes puis réessayez ; si cela persiste, fermez les autres "
        "instances de Tracing Desk.",
    )


class ReadOnlyError(StoreError):
    code = "read_only"
    default_message = QT_TRANSLATE_NOOP(
        "db",
        "La base de données ne peut pas être modifiée (fichier ou dossier en lecture "
        "seule, droits insuffisants). Contactez le service informatique.",
    )


class DiskIOError(StoreError):
    code = "disk_io"
    default_message = QT_TRANSLATE_NOOP(
        "db",
        "Erreur de lecture ou d’écriture sur le disque. L’opération n’a pas été faite. "
        "Vérifiez le disque ou le partage réseau, puis réessayez ; si cela persiste, "
        "contactez le service informatique.",
    )


class CannotOpenError(StoreError):
    code = "cannot_open"
    default_message = QT_TRANSLATE_NOOP(
        "db",
        "Le fichier de base de données ne peut pas être ouvert (dossier absent, "
        "inaccessible ou droits insuffisants). Contactez le service informatique.",
    )


class CipherSettingsError(StoreError):
    code = "cipher_settings"
    default_message = QT_TRANSLATE_NOOP(
        "db",
        "Le fichier n’utilise pas le chiffrement attendu (SQLCipher 4, PBKDF2-HMAC-SHA512, "
        "HMAC-SHA512, en-tête chiffré). Il n’a pas été créé par cette version de "
        "Tracing Desk ; il n’a pas été modifié. Contactez le service informatique.",
    )


class KeyringRefusedError(StoreError):
    code = "keyring_refused"
    default_message = QT_TRANSLATE_NOOP(
        "db",
        "Aucun trousseau sécurisé du système n’est disponible (ou le trousseau trouvé "
        "enregistre les secrets en clair) : la clé de la base ne peut pas y être "
        "conservée. Utilisez le mode phrase secrète (« tracing-desk init --passphrase ») "
        "ou demandez au service informatique d’activer le trousseau du système.",
    )


class KeyringAccessError(StoreError):
    code = "keyring_access"
    default_message = QT_TRANSLATE_NOOP(
        "db",
        "Le trousseau du système n’a pas répondu ou a refusé l’accès (verrouillé ?). "
        "Déverrouillez votre session ou le trousseau, puis réessayez.",
    )


class KeyMissingError(StoreError):
    code = "key_missing"
    default_message = QT_TRANSLATE_NOOP(
        "db",
        "La base de données existe mais sa clé est absente du trousseau de cet "
        "utilisateur (profil réinitialisé, autre poste ?). La base n’a pas été modifiée. "
        "Utilisez « tracing-desk recover » avec votre code de récupération.",
    )


class StoreNotInitialisedError(StoreError):
    code = "not_initialised"
    default_message = QT_TRANSLATE_NOOP(
        "db",
        "Aucune base de données n’existe encore dans ce dossier de données. "
        "Créez-la avec « tracing-desk init », ou vérifiez le dossier choisi.",
    )


class StoreExistsError(StoreError):
    code = "store_exists"
    default_message = QT_TRANSLATE_NOOP(
        "db",
        "Une base de données existe déjà dans ce dossier : elle n’a pas été remplacée. "
        "Pour repartir de zéro, le service informatique doit d’abord la déplacer.",
    )


class RecoveryCodeError(StoreError):
    code = "recovery_code"
    default_message = QT_TRANSLATE_NOOP(
        "db",
        "Ce code de récupération ne correspond pas à cette base de données. "
        "Vérifiez la saisie (32 caractères, les tirets et espaces sont facultatifs) "
        "et qu’il s’agit bien du code imprimé pour ce poste.",
    )


class RecoveryFileError(StoreError):
    code = "recovery_file"
    default_message = QT_TRANSLATE_NOOP(
        "db",
        "Le fichier de récupération (tracing.db.recovery) est absent ou illisible : "
        "la clé ne peut pas être restaurée avec le code. "
        "Contactez le service informatique.",
    )


class PassphraseRequiredError(StoreError):
    code = "passphrase_required"
    default_message = QT_TRANSLATE_NOOP(
        "db",
        "Cette base est protégée par une phrase secrète : saisissez-la "
        "(ou définissez TRACING_DESK_PASSPHRASE pour les scripts).",
    )


class WeakPassphraseError(StoreError):
    code = "weak_passphrase"
    default_message = QT_TRANSLATE_NOOP(
        "db",
        "Phrase secrète trop courte : choisissez au moins 12 caractères, "
        "par exemple plusieurs mots.",
    )


class WritesRefusedError(StoreError):
    """A change refused because the store is open read-only (see app.db.watermark)."""

    code = "writes_refused"
    default_message = QT_TRANSLATE_NOOP(
        "db",
        "Modification refusée\u00a0: la base de données est ouverte en lecture seule "
        "(vérification d’intégrité échouée ou données manquantes). Consultation et export "
        "restent possibles\u202f; prévenez le référent.",
    )


ALL_ERRORS: tuple[type[StoreError], ...] = (
    StoreError,
    WrongKeyError,
    TamperedError,
    NewerSchemaError,
    DiskFullError,
    DatabaseLockedError,
    ReadOnlyError,
    DiskIOError,
    CannotOpenError,
    CipherSettingsError,
    KeyringRefusedError,
    KeyringAccessError,
    KeyMissingError,
    StoreNotInitialisedError,
    StoreExistsError,
    RecoveryCodeError,
    RecoveryFileError,
    PassphraseRequiredError,
    WeakPassphraseError,
    WritesRefusedError,
)
"""Every store error class, for the CLI's table of exit codes and for tests."""
