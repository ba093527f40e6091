"""The contact finder's rules, one edge at a time (issue 17): reading the lists, the window,
the resident and the staff patient zéro, ranks, the same person."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

import pytest

from app.core.contact_finder import (
    Candidate,
    FinderError,
    FinderResult,
    Motive,
    Subject,
    Window,
    circumstance_for,
    contagious_window,
    find_candidates,
    person_keys,
)
from app.core.enums import Circumstance, EstablishmentStatus
from app.core.models import EstablishmentPlace, InfectionEvidence, PatientZero
from app.core.rosters import Person, RosterError, Shift, Stay, read_roster, read_rota
from app.core.sheets import SheetError

ROSTER_HEADER = "nom;prenom;date_naissance;unite;chambre;table;arrivee;depart"
ROTA_HEADER = "nom;prenom;date_naissance;unite;debut;fin"

#: The window of most tests: 10 → 16 November 2026.
W = Window(date(2026, 11, 10), date(2026, 11, 16))
PZ = Person("Dupré", "Hélène", date(1938, 4, 2))


def csv(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode()


def stay(
    person: Person,
    room: str,
    *,
    unit: str = "Les Tilleuls",
    table: str = "",
    arrival: date | None = None,
    departure: date | None = None,
    line: int = 2,
) -> Stay:
    return Stay(line, person, unit, room, table, arrival, departure)


def shift(person: Person, start: str, end: str, *, unit: str = "Les Tilleuls") -> Shift:
    fmt = "%d/%m/%Y %H:%M"
    return Shift(2, person, unit, datetime.strptime(start, fmt), datetime.strptime(end, fmt))


def subject(
    person: Person = PZ,
    *,
    status: EstablishmentStatus | None = None,
    unit: str = "",
    room: str = "",
    usage: str = "",
) -> Subject:
    names = (person.last_name, usage) if usage else (person.last_name,)
    return Subject(names, person.first_name, person.birth_date, unit, room, status)


def by_name(result: FinderResult) -> dict[str, Candidate]:
    return {c.person.last_name: c for c in result.candidates}


def days(*numbers: int) -> tuple[date, ...]:
    return tuple(date(2026, 11, n) for n in numbers)


# ----------------------------------------------------------------- the window


def test_window_starts_two_days_before_the_first_symptoms() -> None:
    infection = InfectionEvidence(symptom_onset=date(2026, 11, 12), sample_date=date(2026, 11, 13))
    assert contagious_window(infection, date(2026, 11, 20)) == Window(
        date(2026, 11, 10), date(2026, 11, 20)
    )


@pytest.mark.parametrize("asymptomatic", [True, False])
def test_window_starts_seven_days_before_the_sample_without_symptoms(asymptomatic: bool) -> None:
    onset = date(2026, 11, 1) if asymptomatic else None  # ignored when asymptomatic
    infection = InfectionEvidence(
        symptom_onset=onset, sample_date=date(2026, 11, 17), asymptomatic=asymptomatic
    )
    assert contagious_window(infection, date(2026, 11, 17)).start == date(2026, 11, 10)


def test_window_without_a_date_is_refused_in_french() -> None:
    with pytest.raises(FinderError, match="ni date des premiers symptômes ni date de prélèvement"):
        contagious_window(InfectionEvidence(), date(2026, 11, 17))
    with pytest.raises(FinderError, match="asymptomatique"):
        contagious_window(
            InfectionEvidence(asymptomatic=True, symptom_onset=date(2026, 11, 3)),
            date(2026, 11, 17),
        )


def test_window_ending_before_it_starts_is_refused() -> None:
    infection = InfectionEvidence(symptom_onset=date(2026, 11, 12))
    with pytest.raises(FinderError, match="avant son début le 10/11/2026"):
        contagious_window(infection, date(2026, 11, 9))
    # the last day may be the first
    assert contagious_window(infection, date(2026, 11, 10)) == Window(
        date(2026, 11, 10), date(2026, 11, 10)
    )


# ----------------------------------------------------------------- reading the lists


def test_roster_bom_any_column_order_comma_open_dates() -> None:
    data = b"\xef\xbb\xbf" + csv(
        "depart,Nom,Prénom,Date naissance,Unité,Chambre,Arrivée,Autre",
        ",Dupré,Hélène,02/04/1938,Les Tilleuls,12,01/11/2026,x",
    )
    (only,) = read_roster(data, "residents.csv")
    assert only.person == PZ
    assert (only.unit, only.room, only.table) == ("Les Tilleuls", "12", "")
    assert (only.arrival, only.departure) == (date(2026, 11, 1), None)
    assert only.line == 2


def test_roster_reports_every_bad_line_without_names() -> None:
    data = csv(
        ROSTER_HEADER,
        "Dupré;Hélène;02/04/1938;Les Tilleuls;12;;;",
        ";Secretname;01/01/1940;Les Tilleuls;12;;;",
        "Secretname;Anne;31/02/1940;Les Tilleuls;12;;;",
        "Secretname;Luc;01/01/1940;Les Tilleuls;12;;05/11/2026;04/11/2026",
        "Secretname;Marc;01/01/1940;Les Tilleuls;12;;05/11/26;",  # a 2-digit year: refused
    )
    with pytest.raises(RosterError) as info:
        read_roster(data, "residents.csv")
    problems = info.value.problems
    assert [line for line, _m in problems] == [3, 4, 5, 6]
    assert problems[0][1] == "nom\u00a0: à renseigner"
    assert str(info.value).splitlines()[1] == (
        "ligne 4\u00a0: date de naissance illisible «\u202f31/02/1940\u202f» (jj/mm/aaaa)"
    )
    assert "antérieure à la date d’arrivée" in problems[2][1]
    assert "date d’arrivée illisible «\u202f05/11/26\u202f»" in problems[3][1]
    assert "Secretname" not in str(info.value)


def test_rota_night_shift_and_shift_ending_at_its_start() -> None:
    data = csv(
        ROTA_HEADER,
        "Morel;Inès;03/05/1990;Les Tilleuls;09/11/2026 21:00;10/11/2026 07:00",
        "Morel;Inès;03/05/1990;Les Tilleuls;11/11/2026 14:00;11/11/2026 14:00",
        "Morel;Inès;03/05/1990;Les Tilleuls;12/11/2026 14:00;12/11/2026 13:00",
        "Morel;Inès;03/05/1990;Les Tilleuls;13/11/2026 25:00;13/11/2026 13:00",
    )
    with pytest.raises(RosterError) as info:
        read_rota(data, "planning.csv")
    assert [line for line, _m in info.value.problems] == [3, 4, 5]
    assert "fin du service (11/11/2026 14:00) avant ou à son début" in info.value.problems[0][1]
    assert "début du service illisible «\u202f13/11/2026 25:00\u202f»" in str(info.value)
    (night,) = read_rota(csv(ROTA_HEADER, *data.decode().splitlines()[1:2]), "p.csv")
    assert (night.start, night.end) == (datetime(2026, 11, 9, 21), datetime(2026, 11, 10, 7))


def test_missing_column_is_named_on_line_1() -> None:
    with pytest.raises(SheetError) as info:
        read_rota(csv("nom;prenom;date_naissance;unite;debut", "a;b;01/01/1990;A;x"), "p.csv")
    assert info.value.line == 1
    assert "fin" in str(info.value)


# ----------------------------------------------------------------- resident patient zéro


def test_resident_ranks_room_table_staff_unit() -> None:
    room = Person("Roux", "Jean", date(1935, 1, 1))
    table = Person("Blanc", "Odette", date(1936, 1, 1))
    unit = Person("Noir", "Paul", date(1937, 1, 1))
    other_unit = Person("Vert", "Rose", date(1939, 1, 1))
    nurse = Person("Morel", "Inès", date(1990, 5, 3))
    stays = [
        stay(PZ, "12", table="T3"),
        stay(room, "12", table="T1"),
        stay(table, "14", table="t3"),
        stay(unit, "15", table="T9"),
        stay(other_unit, "12", unit="Les Chênes", table="T3"),
    ]
    shifts = [shift(nurse, "12/11/2026 07:00", "12/11/2026 14:00")]
    result = find_candidates(subject(), stays, shifts, W)
    assert result.subject_found == "resident"
    assert [(c.person.last_name, c.motive, c.rank, c.status) for c in result.candidates] == [
        ("Roux", Motive.ROOM, 1, "resident"),
        ("Blanc", Motive.TABLE, 2, "resident"),
        ("Morel", Motive.STAFF, 3, "personnel"),
        ("Noir", Motive.UNIT, 4, "resident"),
    ]
    found = by_name(result)
    assert found["Roux"].days == days(*range(10, 17))
    assert (found["Roux"].unit, found["Roux"].room) == ("Les Tilleuls", "12")
    assert found["Morel"].days == days(12) and found["Morel"].room == ""


def test_roommate_who_left_the_day_before_the_window_and_one_arriving_on_its_last_day() -> None:
    left = Person("Parti", "Jules", date(1930, 1, 1))
    last = Person("Arrivé", "Jeanne", date(1931, 1, 1))
    stays = [
        stay(PZ, "12"),
        stay(left, "12", departure=date(2026, 11, 9)),
        stay(last, "12", arrival=date(2026, 11, 16)),
    ]
    found = by_name(find_candidates(subject(), stays, [], W))
    assert "Parti" not in found
    assert found["Arrivé"].motive is Motive.ROOM and found["Arrivé"].days == days(16)


def test_night_shift_starting_the_evening_before_the_window() -> None:
    nurse = Person("Nuit", "Aline", date(1980, 1, 1))
    evening = Person("Soir", "Bruno", date(1981, 1, 1))
    shifts = [
        shift(nurse, "09/11/2026 21:00", "10/11/2026 07:00"),
        shift(evening, "09/11/2026 14:00", "10/11/2026 00:00"),  # ends at midnight
    ]
    found = by_name(find_candidates(subject(), [stay(PZ, "12")], shifts, W))
    assert found["Nuit"].days == days(10)
    assert "Soir" not in found  # a shift ending at midnight does not touch the next day


def test_empty_tables_are_not_the_same_table() -> None:
    other = Person("Roux", "Jean", date(1935, 1, 1))
    found = by_name(find_candidates(subject(), [stay(PZ, "12"), stay(other, "14")], [], W))
    assert found["Roux"].motive is Motive.UNIT and found["Roux"].rank == 4


def test_one_entry_per_person_best_rank_all_days_room_of_the_last_day() -> None:
    mover = Person("Roux", "Jean", date(1935, 1, 1))
    stays = [
        stay(PZ, "12"),
        stay(mover, "12", departure=date(2026, 11, 12)),
        stay(mover, "20", arrival=date(2026, 11, 12), departure=date(2026, 11, 14)),
    ]
    nurse_too = [shift(mover, "16/11/2026 07:00", "16/11/2026 14:00")]
    (only,) = find_candidates(subject(), stays, nurse_too, W).candidates
    assert (only.motive, only.rank, only.status) == (Motive.ROOM, 1, "resident")
    assert only.days == days(10, 11, 12, 13, 14, 16)
    assert only.room == ""  # the last day links them by a shift: staff, no room
    (only,) = find_candidates(subject(), stays, [], W).candidates
    assert only.days == days(10, 11, 12, 13, 14) and only.room == "20"


def test_the_same_name_with_another_birth_date_is_another_person() -> None:
    homonym = Person("DUPRE", "helene", date(1940, 4, 2))
    result = find_candidates(subject(), [stay(PZ, "12"), stay(homonym, "12")], [], W)
    (only,) = result.candidates
    assert only.person == homonym and only.motive is Motive.ROOM


def test_names_compared_without_case_accents_and_oe_ligature() -> None:
    pz = Person("Cœur", "Éloïse", date(1938, 4, 2))
    written = Person("COEUR", "eloise", date(1938, 4, 2))
    contact = Person("Lefèvre", "Zoé", date(1935, 1, 1))
    known = person_keys(["LEFEVRE"], "zoe Marie", date(1935, 1, 1))
    result = find_candidates(subject(pz), [stay(written, "12"), stay(contact, "12")], [], W, known)
    assert result.subject_found == "resident"  # found, and never their own candidate
    (only,) = result.candidates
    assert only.person == contact and only.already_contact


def test_usage_name_and_first_first_name_find_the_patient_zero() -> None:
    pz = Subject(("Martin", "Dupré"), "Hélène Marie", PZ.birth_date, "", "", None)
    roommate = Person("Roux", "Jean", date(1935, 1, 1))
    result = find_candidates(pz, [stay(PZ, "12"), stay(roommate, "12")], [], W)
    assert result.subject_found == "resident"
    assert [c.person for c in result.candidates] == [roommate]


def test_not_found_taken_as_a_resident_of_the_fiche_unit_and_room() -> None:
    roommate = Person("Roux", "Jean", date(1935, 1, 1))
    neighbour = Person("Noir", "Paul", date(1937, 1, 1))
    stays = [stay(roommate, "12", arrival=date(2026, 11, 15)), stay(neighbour, "14")]
    result = find_candidates(subject(unit="les tilleuls", room="12"), stays, [], W)
    assert result.subject_found == "fiche"
    found = by_name(result)
    assert found["Roux"].motive is Motive.ROOM and found["Roux"].days == days(15, 16)
    assert found["Noir"].motive is Motive.UNIT
    with pytest.raises(FinderError, match="n’indique pas d’unité"):
        find_candidates(subject(), stays, [], W)


def test_status_decides_when_the_patient_zero_is_in_both_files() -> None:
    stays = [stay(PZ, "12")]
    shifts = [shift(PZ, "12/11/2026 07:00", "12/11/2026 14:00")]
    assert find_candidates(subject(), stays, shifts, W).subject_found == "resident"
    staff = subject(status=EstablishmentStatus.STAFF)
    assert find_candidates(staff, stays, shifts, W).subject_found == "personnel"
    assert find_candidates(subject(), [], shifts, W).subject_found == "personnel"


def test_sorted_by_rank_then_folded_name() -> None:
    names = ["zola", "Élie", "Abel", "eve"]
    stays = [stay(PZ, "12")] + [
        stay(Person(n, "X", date(1930, 1, i + 1)), "12") for i, n in enumerate(names)
    ]
    result = find_candidates(subject(), stays, [], W)
    assert [c.person.last_name for c in result.candidates] == ["Abel", "Élie", "eve", "zola"]


# ----------------------------------------------------------------- staff patient zéro


STAFF_PZ = Person("Morel", "Inès", date(1990, 5, 3))


def staff_result(shifts: Sequence[Shift], stays: Sequence[Stay] = ()) -> FinderResult:
    own = [shift(STAFF_PZ, "12/11/2026 07:00", "12/11/2026 14:00")]
    return find_candidates(subject(STAFF_PZ), stays, [*own, *shifts], W)


def test_staff_handover_and_overlap_in_the_same_unit() -> None:
    after = Person("Après", "Léa", date(1985, 1, 1))
    overlap = Person("Pendant", "Tom", date(1986, 1, 1))
    gap = Person("Écart", "Max", date(1987, 1, 1))
    elsewhere = Person("Ailleurs", "Zoé", date(1988, 1, 1))
    before_night = Person("Veille", "Ana", date(1989, 1, 1))
    result = staff_result(
        [
            shift(after, "12/11/2026 14:00", "12/11/2026 21:00"),
            shift(overlap, "12/11/2026 13:00", "12/11/2026 20:00"),
            shift(gap, "12/11/2026 14:01", "12/11/2026 21:00"),
            shift(elsewhere, "12/11/2026 07:00", "12/11/2026 14:00", unit="Les Chênes"),
            shift(before_night, "11/11/2026 21:00", "12/11/2026 07:00"),
        ]
    )
    assert result.subject_found == "personnel"
    found = by_name(result)
    assert set(found) == {"Après", "Pendant", "Veille"}
    assert all(c.motive is Motive.TEAM and c.rank == 1 for c in found.values())
    assert found["Veille"].days == days(12)  # the handover at 07:00 on the 12th


def test_staff_handover_outside_the_window_does_not_count() -> None:
    pz_night = shift(STAFF_PZ, "09/11/2026 21:00", "10/11/2026 07:00")  # touches the 10th
    before = Person("Avant", "Léa", date(1985, 1, 1))
    after = Person("Matin", "Tom", date(1986, 1, 1))
    shifts = [
        pz_night,
        shift(before, "09/11/2026 13:00", "09/11/2026 21:00"),  # handover on the 9th
        shift(after, "10/11/2026 07:00", "10/11/2026 14:00"),  # handover on the 10th
    ]
    found = by_name(find_candidates(subject(STAFF_PZ), [], shifts, W))
    assert set(found) == {"Matin"} and found["Matin"].days == days(10)


def test_staff_patient_zero_residents_of_the_unit_on_the_days_of_their_shifts() -> None:
    resident = Person("Roux", "Jean", date(1935, 1, 1))
    away = Person("Noir", "Paul", date(1937, 1, 1))
    stays = [stay(resident, "12"), stay(away, "14", departure=date(2026, 11, 11))]
    found = by_name(staff_result([], stays))
    assert set(found) == {"Roux"}
    assert (found["Roux"].motive, found["Roux"].rank, found["Roux"].days) == (
        Motive.UNIT,
        2,
        days(12),
    )
    assert found["Roux"].room == "12"


def test_shifts_compare_wall_times_across_the_dst_change() -> None:
    # 28/03/2027: clocks go forward at 02:00 in Europe/Paris; wall times still meet at 07:00.
    window = Window(date(2027, 3, 27), date(2027, 3, 29))
    colleague = Person("Jour", "Léa", date(1985, 1, 1))
    shifts = [
        shift(STAFF_PZ, "27/03/2027 21:00", "28/03/2027 07:00"),
        shift(colleague, "28/03/2027 07:00", "28/03/2027 14:00"),
    ]
    (only,) = find_candidates(subject(STAFF_PZ), [], shifts, window).candidates
    assert only.days == (date(2027, 3, 28),)


# ----------------------------------------------------------------- presets


def test_circumstance_preset_from_the_motive() -> None:
    assert circumstance_for(Motive.ROOM) == ([Circumstance.SAME_HOUSEHOLD], "")
    assert circumstance_for(Motive.TABLE) == ([Circumstance.FACE_TO_FACE], "")
    assert circumstance_for(Motive.STAFF) == ([Circumstance.CARE], "")
    assert circumstance_for(Motive.TEAM) == ([Circumstance.CONFINED_SPACE], "")
    assert circumstance_for(Motive.UNIT) == ([Circumstance.OTHER], "Même unité")


def test_subject_of_a_fiche() -> None:
    pz = PatientZero(
        birth_name="Martin",
        usage_name="Dupré",
        first_names="Hélène Marie",
        birth_date=PZ.birth_date,
        establishment=EstablishmentPlace(
            status=EstablishmentStatus.RESIDENT, unit="Les Tilleuls", room="12"
        ),
    )
    s = Subject.of(pz)
    assert s.names == ("Martin", "Dupré") and (s.unit, s.room) == ("Les Tilleuls", "12")
    assert ("dupre", "helene", PZ.birth_date) in s.match_keys()
    assert ("martin", "helene marie", PZ.birth_date) in s.match_keys()
