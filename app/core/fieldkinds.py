"""The words of a field's metadata beyond its key and label: privacy, export, promotion.

Each field of :mod:`app.core.models` says, in its metadata (written by the
models' ``_m`` helper):

- ``privacy`` (:class:`FieldClass`, every leaf field): what its value is as
  far as disclosure is concerned;
- ``pseudonymised`` (:class:`Treatment`, optional): how it goes out in the
  pseudonymised export; without it, it never does;
- ``promote`` (:class:`Promote`, fields of the fiche itself, default copy):
  what « Promouvoir en patient zéro » does with it.

:mod:`app.core.fieldmeta` reads them; this module only names them, so that
the models can use them without importing what reads the models.

Pure Python: no Qt.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType

#: Metadata keys (beside ``key`` and ``label``).
PRIVACY = "privacy"
PSEUDONYMISED = "pseudonymised"
PROMOTE = "promote"


class FieldClass(StrEnum):
    """What a field's value is, as far as disclosure is concerned."""

    #: Technical data of the record itself (its UUID, version, last change).
    RECORD = "record"
    #: A reference to another fiche (replaced by a pseudonym, never exported as is).
    LINK = "link"
    #: Names a person directly: letters a–d (names, NIR, address, phones, doctor…).
    IDENTIFYING = "identifying"
    #: Identifies in combination: dates, sex, room, unit, postal codes.
    QUASI_IDENTIFYING = "quasi_identifying"
    #: Text typed by a person that is not a code: may carry anything, a name included.
    FREE_TEXT = "free_text"
    #: A value from a fixed list: enumerations, booleans, INSEE or ISO codes.
    CODED = "coded"


class Treatment(StrEnum):
    """How an allowed field goes out in the pseudonymised export."""

    #: The coded value, as its French label (enumerations, oui / non).
    AS_IS = "as_is"
    #: A date as its ISO week (``2026-W47``).
    WEEK = "week"
    #: A date or an instant as its month (``2026-11``).
    MONTH = "month"
    #: The unit as a pseudonymous code ``U01``, ``U02``… stable within one file.
    UNIT_CODE = "unit_code"
    #: A place stayed: only a code from a fixed list (INSEE département or
    #: collectivité, ISO 3166 country); anything else is left blank.
    PLACE_CODE = "place_code"
    #: A link to another fiche, as that fiche's pseudonym.
    PSEUDONYM = "pseudonym"


class Promote(StrEnum):
    """What « Promouvoir en patient zéro » does with a field both record types share."""

    #: Copied from the contact to the new patient zéro (the default).
    COPY = "copy"
    #: The record's own (identifier, state, version, instants): the new fiche has its own.
    DROP = "drop"
    #: Belongs to the person's situation: left unanswered, asked again.
    ASK_AGAIN = "ask_again"


#: The classes each treatment may be applied to. FREE_TEXT, IDENTIFYING and
#: RECORD appear nowhere: such a field can never be in the allow-list.
ALLOWED_CLASSES: Mapping[Treatment, frozenset[FieldClass]] = MappingProxyType(
    {
        Treatment.AS_IS: frozenset({FieldClass.CODED}),
        Treatment.WEEK: frozenset({FieldClass.QUASI_IDENTIFYING}),
        Treatment.MONTH: frozenset({FieldClass.QUASI_IDENTIFYING}),
        Treatment.UNIT_CODE: frozenset({FieldClass.QUASI_IDENTIFYING}),
        Treatment.PLACE_CODE: frozenset({FieldClass.CODED}),
        Treatment.PSEUDONYM: frozenset({FieldClass.LINK}),
    }
)

#: Classes that never go out, whatever the treatment.
NEVER_EXPORTED: frozenset[FieldClass] = frozenset(
    {FieldClass.FREE_TEXT, FieldClass.IDENTIFYING, FieldClass.RECORD}
)
