"""Commands of the store itself: ``init``, ``recover``, ``doctor``, ``accept-restore``."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import Any

from app import __version__, paths
from app.cli._common import (
    EXIT_DATA_ERROR,
    EXIT_OK,
    EXIT_USAGE,
    add_user_argument,
    cli_user,
    err,
    fiche_service,
    open_db,
    signed_in,
    typed_twice,
)


def cmd_init(args: argparse.Namespace) -> int:
    from app.core.enums import JournalAction
    from app.db.store import init_store

    passphrase: str | None = None
    if args.passphrase:
        passphrase = typed_twice(
            "TRACING_DESK_PASSPHRASE",
            "Mode phrase secrète\u00a0: définissez TRACING_DESK_PASSPHRASE ou lancez la commande "
            "dans un terminal.",
            ("Nouvelle phrase secrète (12 caractères au moins)", "Confirmez la phrase secrète"),
            "rien n’a été créé",
        )
        if passphrase is None:
            return EXIT_USAGE
        if len(passphrase) < 12:
            err("La phrase secrète doit compter au moins 12 caractères : rien n’a été créé.")
            return EXIT_USAGE
    result = init_store(passphrase=passphrase)
    db = open_db() if passphrase is None else open_db(passphrase)
    try:
        fiche_service(db).record(JournalAction.INIT, detail=f"store {result.store_id}")
    finally:
        db.close()
    print(f"Base de données créée : {paths.database_path()}")
    if result.mode == "keyring":
        print("Clé de chiffrement enregistrée dans le trousseau du système.")
    else:
        print("Mode phrase secrète : la phrase sera demandée à chaque ouverture.")
    print()
    print("CODE DE RÉCUPÉRATION (affiché une seule fois) :")
    print(f"    {result.recovery_code}")
    print()
    print(
        "Notez-le et conservez-le en lieu sûr, hors de ce poste. Il permet de retrouver "
        "l’accès aux données si le trousseau est perdu (tracing-desk recover)."
    )
    return EXIT_OK


ENV_NEW_PASSPHRASE = "TRACING_DESK_NEW_PASSPHRASE"


def _recovery_code(args: argparse.Namespace) -> str:
    """The code: typed (hidden) at a terminal, else the first line of standard input.

    ``--code`` is still accepted, but the list of processes shows it to the
    other users of the machine: prefer standard input or the prompt.
    """
    code: str | None = args.code
    if not code:
        if sys.stdin.isatty():
            code = getpass.getpass("Code de récupération\u00a0: ")
        else:
            code = sys.stdin.readline().strip()
    return code


def _new_passphrase() -> str | None:
    """TRACING_DESK_NEW_PASSPHRASE, else typed twice at a terminal; ``None`` after a message."""
    return typed_twice(
        ENV_NEW_PASSPHRASE,
        "Nouvelle phrase secrète\u00a0: définissez TRACING_DESK_NEW_PASSPHRASE "
        "ou lancez la commande dans un terminal. Rien n’a été modifié.",
        (
            "Nouvelle phrase secrète (12 caractères au moins)",
            "Confirmez la nouvelle phrase secrète",
        ),
        "rien n’a été modifié",
    )


def _recover_passphrase(args: argparse.Namespace) -> int:
    """Passphrase mode: the code and a new passphrase; the old one is never asked."""
    from app.db.errors import WeakPassphraseError
    from app.db.recovery import normalise_code
    from app.db.store import check_new_passphrase, recover_passphrase

    code = _recovery_code(args)
    normalise_code(code)  # a typing mistake is said before anything else is asked
    new = _new_passphrase()
    if new is None:
        return EXIT_USAGE
    try:
        check_new_passphrase(new)
    except WeakPassphraseError as exc:
        err(f"{exc} Rien n’a été modifié.")
        return EXIT_USAGE
    recover_passphrase(code, new, user=cli_user())
    print(
        "Phrase secrète remplacée\u00a0: la base s’ouvre désormais avec la nouvelle phrase "
        "secrète\u202f; l’ancienne ne l’ouvre plus. Le même code de récupération reste valable."
    )
    return EXIT_OK


def cmd_recover(args: argparse.Namespace) -> int:
    from app.core.enums import JournalAction
    from app.db.store import recover, recovery_kind

    if recovery_kind() == "passphrase":
        return _recover_passphrase(args)
    code = _recovery_code(args)
    recover(code)
    db = open_db()
    try:
        fiche_service(db).record(JournalAction.KEY_RECOVERY)
    finally:
        db.close()
    print("Clé restaurée dans le trousseau : la base s’ouvre de nouveau.")
    return EXIT_OK


def doctor_report() -> dict[str, Any]:
    """The health report of ``doctor --json`` (also used by the À propos dialog)."""
    from app.db import keystore, watermark
    from app.db.errors import TamperedError
    from app.db.journal import verify
    from app.db.store import store_id

    db = open_db()
    try:
        state = watermark.state_of(db)
        problems = db.integrity_problems()
        if problems:  # later opens stay read-only until the repair (docs/guide-admin.md)
            watermark.record_integrity_failure(paths.data_dir(), store_id(), len(problems))
        repo = fiche_service(db)
        info = db.cipher_info()
        try:
            summary: dict[str, Any] = repo.summary()
            oldest = repo.oldest_created()
            next_deadline = repo.next_deadline()
            chain_ok: bool | None = verify(db).ok
        except TamperedError:  # a damaged page among the fiches or the journal: told, not raised
            if not problems:
                raise
            summary = dict.fromkeys(("total", "patients_zero", "contacts", "pending_sync"))
            oldest = next_deadline = chain_ok = None
        return {
            "version": __version__,
            "data_dir": str(paths.data_dir()),
            "cipher_version": info.get("cipher_version"),
            "cipher": info,
            "integrity_ok": not problems and not state.integrity_failed,
            "journal_chain_ok": chain_ok,
            **state.as_json(),
            "store_warning": state.message() or None,
            "keyring_backend": keystore.backend_name(),
            "keyring": keystore.backend_description(passphrase_mode=db.mode == "passphrase"),
            "schema_version": db.schema_version,
            "fiches_total": summary["total"],
            "patients_zero": summary["patients_zero"],
            "contacts": summary["contacts"],
            "pending_sync": summary["pending_sync"],
            "oldest_created": oldest.isoformat() if oldest else None,
            "next_deadline": next_deadline.isoformat() if next_deadline else None,
            **_purge_facts(db),
        }
    finally:
        db.close()


def _purge_facts(db: Any) -> dict[str, Any]:
    """``purge_suspended`` (read-only store), fiches past their deadline, and what to say."""
    from app.db.errors import StoreError
    from app.services.retention import SUSPENDED_MESSAGE, overdue_fiches, purge_suspended

    suspended = purge_suspended(db)
    try:
        overdue: int | None = overdue_fiches(db)
    except StoreError:  # a damaged page among the fiches: told by the integrity check
        overdue = None
    return {
        "purge_suspended": suspended,
        "purge_overdue": overdue,
        "purge_warning": SUSPENDED_MESSAGE.format(overdue=overdue if overdue is not None else "?")
        if suspended
        else None,
    }


def cmd_doctor(args: argparse.Namespace) -> int:
    from datetime import datetime

    from app.core.dates import format_datetime

    report = doctor_report()
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        labels = {
            "cipher_version": "Version SQLCipher",
            "integrity_ok": "Intégrité",
            "journal_chain_ok": "Chaînage du journal",
            "keyring": "Trousseau",
            "schema_version": "Version du schéma",
            "fiches_total": "Fiches",
            "patients_zero": "Patients zéro",
            "contacts": "Personnes contact",
            "pending_sync": "En attente de synchronisation",
            "oldest_created": "Plus ancienne création",
            "next_deadline": "Prochaine suppression",
            "data_dir": "Dossier de données",
            "rollback_detected": "Données manquantes",
            "missing_journal_entries": "Entrées du journal manquantes",
            "mark_tampered": "Repère d’état modifié",
            "read_only": "Lecture seule",
        }
        for key, label in labels.items():
            value = report[key]
            if key in ("rollback_detected", "mark_tampered", "read_only"):
                value = "OUI" if value else "non"
            elif isinstance(value, bool):
                value = "correcte" if value else "ÉCHEC"
            elif key in ("oldest_created", "next_deadline") and value:
                value = format_datetime(datetime.fromisoformat(value))  # establishment's clock
            print(f"{label:32} {value if value is not None else '—'}")
        if report["store_warning"]:
            print()
            print(report["store_warning"])
        if report["purge_warning"]:
            print()
            print(report["purge_warning"])
    ok = (
        report["integrity_ok"]
        and report["journal_chain_ok"]
        and not report["rollback_detected"]
        and not report["mark_tampered"]
    )
    return EXIT_OK if ok else EXIT_DATA_ERROR


def cmd_accept_restore(args: argparse.Namespace) -> int:
    """A référent accepts a deliberate restore: journaled, then the store's mark moves."""
    from app.db.watermark import accept_restore

    with signed_in(args) as (db, actor):
        state = accept_restore(db, actor)
    if state.rollback_detected:
        print(
            "Restauration acceptée (entrées du journal manquantes\u00a0: "
            f"{state.missing_entries})\u00a0: "
            "l’acceptation est inscrite au journal et la base accepte de nouveau les modifications."
        )
    else:
        print(
            "Repère d’état réinitialisé\u00a0: l’acceptation est inscrite au journal et la base "
            "accepte de nouveau les modifications."
        )
    return EXIT_OK


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``init``, ``recover``, ``doctor`` and ``accept-restore`` to *sub*."""
    p = sub.add_parser(
        "init", parents=[common], help="crée la base chiffrée, sa clé et le code de récupération"
    )
    p.add_argument("--passphrase", action="store_true", help="mode phrase secrète (sans trousseau)")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser(
        "recover",
        parents=[common],
        help="retrouve l’accès avec le code de récupération\u00a0: clé remise dans le "
        "trousseau, ou nouvelle phrase secrète (TRACING_DESK_NEW_PASSPHRASE, sinon demandée)",
    )
    p.add_argument(
        "--code",
        help="code de récupération (sinon demandé, ou lu sur l’entrée standard\u00a0: "
        "préférable, la liste des processus montre les arguments)",
    )
    p.set_defaults(handler=cmd_recover)

    p = sub.add_parser(
        "doctor", parents=[common], help="état de la base : chiffrement, intégrité, compteurs"
    )
    p.add_argument("--json", action="store_true", help="sortie JSON")
    p.set_defaults(handler=cmd_doctor)

    p = sub.add_parser(
        "accept-restore",
        parents=[common],
        help="accepte une sauvegarde remise en place volontairement (référent, journalisé)",
    )
    add_user_argument(p)
    p.set_defaults(handler=cmd_accept_restore)
