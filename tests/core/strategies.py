"""Hypothesis strategies for the core records (reused by the db tests).

``fiches()`` builds fully populated random fiches: every optional field set,
every list non-empty. Identifiers that have a format (NIR, phones, postal
codes, UUIDs) get valid values so that the records also pass format checks.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

import phonenumbers
from hypothesis import strategies as st

from app.core.identifiers import luhn_check_digit, nir_key
from app.core.models import AnyFiche, Contact, Exposition, PatientZero

MIN_DATE = date(1900, 1, 1)
MAX_DATE = date(2030, 12, 31)

texts = st.text(alphabet=st.characters(codec="utf-8"), max_size=24)
dates = st.dates(MIN_DATE, MAX_DATE)
instants = st.datetimes(datetime(2020, 1, 1), datetime(2030, 12, 31), timezones=st.just(UTC))
uuids = st.uuids(version=4).map(str)


@st.composite
def nirs(draw: st.DrawFn) -> str:
    """Valid 15-character NIRs, Corsican départements (2A/2B) included."""
    sex = draw(st.sampled_from("1278"))
    year = draw(st.integers(0, 99))
    month = draw(st.integers(1, 12))
    dept = draw(
        st.one_of(
            st.sampled_from(["2A", "2B"]),
            st.integers(1, 95).filter(lambda d: d != 20).map(lambda d: f"{d:02d}"),
            st.sampled_from(["97", "98", "99"]),
        )
    )
    commune = draw(st.integers(1, 999))
    order = draw(st.integers(1, 999))
    first13 = f"{sex}{year:02d}{month:02d}{dept}{commune:03d}{order:03d}"
    assert len(first13) == 13
    return first13 + nir_key(first13)


french_mobiles = st.builds(
    lambda prefix, rest: f"+33{prefix}{rest:08d}",
    st.sampled_from("67"),
    st.integers(0, 99_999_999),
)  # invalid ranges (e.g. 07 0x) are dropped by the validity filter below
french_landlines = st.builds(
    lambda prefix, rest: f"+33{prefix}{rest:08d}",
    st.sampled_from("123459"),
    st.integers(10_000_000, 99_999_999),
)


def _valid(e164: str) -> bool:
    return bool(phonenumbers.is_valid_number(phonenumbers.parse(e164, None)))


#: Valid E.164 numbers: metropolitan, overseas and foreign.
phones = st.one_of(
    french_mobiles,
    french_landlines,
    st.sampled_from(
        ["+262692123456", "+590690123456", "+596696123456", "+442079460958", "+14155552671"]
    ),
).filter(_valid)

postal_codes = st.one_of(
    st.integers(1, 95).flatmap(lambda d: st.integers(0, 999).map(lambda r: f"{d:02d}{r:03d}")),
    st.sampled_from(["97100", "97200", "97300", "97400", "97600", "98800"]),
)

rpps_numbers = (
    st.integers(0, 9_999_999_999).map(lambda n: f"{n:010d}").map(lambda s: s + luhn_check_digit(s))
)

# (class name, attribute) -> strategy, for fields with a format.
OVERRIDES: dict[tuple[str, str], st.SearchStrategy[Any]] = {
    ("Fiche", "uuid"): uuids,
    ("Exposition", "uuid"): uuids,
    ("Exposition", "patient_zero_uuid"): uuids,
    ("Fiche", "nir"): nirs(),
    ("Fiche", "phones"): st.lists(phones, min_size=1, max_size=3),
    ("Fiche", "version"): st.integers(0, 10_000),
    ("Address", "postal_code"): postal_codes,
    ("Doctor", "rpps"): rpps_numbers,
    ("Doctor", "phone"): phones,
    ("LegalRepresentative", "phone"): phones,
    ("StructureVisit", "phone"): phones,
}


def _override(cls: type, attr: str) -> st.SearchStrategy[Any] | None:
    for klass in cls.__mro__:
        found = OVERRIDES.get((klass.__name__, attr))
        if found is not None:
            return found
    return None


def _for_type(tp: Any, full: bool) -> st.SearchStrategy[Any]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [a for a in typing.get_args(tp) if a is not type(None)]
        inner_st = _for_type(inner, full)
        return inner_st if full else st.one_of(st.none(), inner_st)
    if origin is list:
        (item,) = typing.get_args(tp)
        return st.lists(_for_type(item, full), min_size=1 if full else 0, max_size=3)
    if isinstance(tp, type) and issubclass(tp, StrEnum):
        return st.sampled_from(list(tp))
    if tp is bool:
        return st.booleans()
    if tp is int:
        return st.integers(0, 10_000)
    if tp is str:
        return texts
    if tp is datetime:
        return instants
    if tp is date:
        return dates
    if dataclasses.is_dataclass(tp):
        return records(tp, full)  # type: ignore[arg-type]
    raise TypeError(f"no strategy for {tp!r}")


def records(cls: type[Any], full: bool = True) -> st.SearchStrategy[Any]:
    """Any core dataclass, every field drawn (``full``: optionals set, lists non-empty)."""
    hints = typing.get_type_hints(cls)
    kwargs: dict[str, st.SearchStrategy[Any]] = {}
    for f in dataclasses.fields(cls):
        override = _override(cls, f.name)
        kwargs[f.name] = override if override is not None else _for_type(hints[f.name], full)
    return st.builds(cls, **kwargs)


def _own_gathering_purposes(fiche: Any) -> Any:
    """E-l: a fiche holds the items of its own kind's list (the decree gives two)."""
    from app.core.enums import GatheringPurpose, gathering_purpose_for

    for gathering in fiche.gatherings:
        purpose = gathering_purpose_for(fiche.kind, gathering.purpose)
        if purpose is None and gathering.purpose is not None:
            purpose = GatheringPurpose.FAMILY
        gathering.purpose = purpose
    return fiche


def patients_zero(full: bool = True) -> st.SearchStrategy[PatientZero]:
    return records(PatientZero, full).map(_own_gathering_purposes)


def contacts(full: bool = True) -> st.SearchStrategy[Contact]:
    return records(Contact, full).map(_own_gathering_purposes)


def fiches(full: bool = True) -> st.SearchStrategy[AnyFiche]:
    return st.one_of(patients_zero(full), contacts(full))


def expositions(full: bool = True) -> st.SearchStrategy[Exposition]:
    return records(Exposition, full)
