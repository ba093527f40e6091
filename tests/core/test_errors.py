"""The ``UserError`` base: a French message, a stable code, and who is (not) under it."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

import app
from app.core.errors import UserError, user_error_classes


def _import_every_app_module() -> None:
    for module in pkgutil.walk_packages(app.__path__, "app."):
        if module.name.rsplit(".", 1)[-1] == "__main__":  # runs the program when imported
            continue
        importlib.import_module(module.name)


def test_every_user_error_declares_its_own_unique_code() -> None:
    _import_every_app_module()
    classes = [c for c in user_error_classes() if c.__module__.startswith("app.")]
    assert len(classes) > 40  # the store's, access, export, decoding, settings, sync…
    undeclared = [c.__qualname__ for c in classes if "code" not in vars(c)]
    assert undeclared == []  # an inherited code would tell two conditions apart as one
    codes = [c.code for c in classes]
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", code) for code in codes), codes
    duplicates = sorted({code for code in codes if codes.count(code) > 1})
    assert duplicates == []


def test_walk_finds_classes_defined_later_and_deep() -> None:
    class Outer(UserError):
        code = "test_outer"

    class Inner(Outer):
        code = "test_inner"

    found = user_error_classes()
    assert found[0] is UserError
    assert Outer in found and Inner in found


def test_message_is_the_template_with_its_params() -> None:
    error = UserError("Ligne {line}\u00a0: texte illisible.", line=4)
    assert str(error) == error.message == "Ligne 4\u00a0: texte illisible."
    assert error.template == "Ligne {line}\u00a0: texte illisible." and error.params == {"line": 4}
    assert error.args == ("Ligne 4\u00a0: texte illisible.",)


def test_text_without_params_is_kept_as_typed() -> None:
    # A message already written (a path, a login with braces) is never formatted again.
    assert str(UserError("identifiant « a{b} » refusé")) == "identifiant « a{b} » refusé"
    assert str(UserError()) == UserError.default_message


def test_store_error_keeps_its_message_and_detail() -> None:
    from app.db.errors import DiskFullError, StoreError

    error = DiskFullError(detail="SQLITE_FULL")
    assert isinstance(error, UserError) and isinstance(error, StoreError)
    assert error.context == "db" and error.code == "disk_full"
    assert str(error) == f"{DiskFullError.default_message} (détail technique\u00a0: SQLITE_FULL)"
    assert error.message == DiskFullError.default_message


@pytest.mark.parametrize(
    ("module", "name"),
    [
        ("app.db.accounts", "AccountError"),
        ("app.db.accounts", "SignInError"),
        ("app.db.permissions", "PermissionDenied"),
        ("app.exports.service", "ExportError"),
        ("app.services.errors", "FicheRefused"),
        ("app.services.errors", "TransitionRefused"),
        ("app.services.errors", "DemoRefused"),
        ("app.services.errors", "PatientZeroGone"),
        ("app.sync.errors", "SyncError"),
        ("app.core.serialize", "DecodeError"),
        ("app.core.settings", "SettingError"),
        ("app.core.identifiers", "IdentifierError"),
        ("app.core.sheets", "SheetError"),
        ("app.core.rosters", "RosterError"),
        ("app.core.contact_finder", "FinderError"),
        ("app.core.accounts", "PasswordRuleError"),
        ("app.services.contact_import", "NotAPatientZero"),
    ],
)
def test_known_conditions_are_user_errors_not_store_errors(module: str, name: str) -> None:
    from app.db.errors import StoreError

    cls = getattr(importlib.import_module(module), name)
    assert issubclass(cls, UserError)
    assert not issubclass(cls, StoreError)  # access, export, decoding: not the store's


@pytest.mark.parametrize(
    ("module", "name"),
    [
        ("app.core.serialize", "DecodeError"),
        ("app.core.settings", "SettingError"),
        ("app.core.identifiers", "IdentifierError"),
        ("app.core.sheets", "SheetError"),
        ("app.core.rosters", "RosterError"),
        ("app.core.contact_finder", "FinderError"),
        ("app.core.accounts", "PasswordRuleError"),
        ("app.services.contact_import", "NotAPatientZero"),
    ],
)
def test_refused_input_stays_a_value_error(module: str, name: str) -> None:
    # Callers catching ValueError (the settings dialog, the JSON import) keep working.
    assert issubclass(getattr(importlib.import_module(module), name), ValueError)


def test_permission_denied_names_the_action_in_a_translatable_template() -> None:
    from app.core.accounts import PERMISSION_LABELS, Permission
    from app.db.permissions import PermissionDenied

    error = PermissionDenied(Permission.EXPORT)
    assert "{action}" in error.template and error.context == "db"
    assert str(error) == (
        f"Action réservée au référent ({PERMISSION_LABELS[Permission.EXPORT]})\u00a0: "
        "votre compte ne permet pas de la faire."
    )


def test_identifier_and_sheet_errors_keep_template_and_params() -> None:
    from app.core.identifiers import IdentifierError, normalize_nir
    from app.core.sheets import SheetError

    with pytest.raises(IdentifierError) as caught:
        normalize_nir("1234")
    assert caught.value.params == {"count": 4} and "{count}" in caught.value.template
    assert str(caught.value) == caught.value.message and "4 saisis" in str(caught.value)

    sheet = SheetError("Ligne {line}\u00a0: texte illisible ({detail}).", line=3, detail="x")
    assert sheet.line == 3 and sheet.params == {"line": 3, "detail": "x"}
    assert str(sheet) == "Ligne 3\u00a0: texte illisible (x)."
    assert sheet.detail is None  # ``detail`` here is the template's, not a technical detail


def test_server_refusal_keeps_the_class_code_apart_from_the_server_one() -> None:
    from app.sync.errors import ServerRefusedError

    error = ServerRefusedError("Refusé.", status=422, code="format_inconnu")
    assert error.code == "sync_refused" and error.server_code == "format_inconnu"
    assert error.status == 422 and str(error) == "Refusé."


def test_decode_error_message_names_the_field() -> None:
    from app.core.serialize import DecodeError

    error = DecodeError("nom", "texte attendu")
    assert isinstance(error, UserError) and error.code == "decode"
    assert str(error) == "nom\u00a0: texte attendu" and error.path == "nom"
