"""Issue 17 — the contact finder on a hand-worked scenario (written from the issue, not the code).

An EHPAD with two units, « Les Tilleuls » and « Les Érables »: 40 resident
stays (one resident changes room mid-period: two rows, written « Œuvray »
then « OEUVRAY ») and 25 staff over three weeks (09/11/2026 – 29/11/2026)
with morning (07:00–14:00), afternoon (14:00–21:00) and night (21:00–07:00
the next day) shifts. Two patients zéro:

- **resident** — Marguerite Lefèvre, born 12/04/1931, Les Tilleuls, room
  T12, table 3, there the whole period. The fiche says birth name « Durand »,
  usage name « Lefèvre », first names « Marguerite Louise »; the file writes
  « LEFEVRE;marguerite ». First symptoms 20/11/2026, until 24/11/2026 ⇒
  window 18/11 – 24/11 (2 days before the symptoms).
- **staff** — Sophie Bernard, born 05/05/1985, nurse in Les Érables (one
  afternoon in Les Tilleuls on 19/11). No symptom date, sample 21/11/2026,
  until 16/11/2026 ⇒ window 14/11 – 16/11 (7 days before the sample). Her
  shifts: 12/11 morning (before the window), 13/11 night (21:00 → 14/11
  07:00, touches 14/11), 15/11 afternoon, 16/11 night (→ 17/11 07:00).

Every expectation below is worked out by hand from the rule sentences of the
issue, quoted where they decide an edge. The second half runs the same
scenario end to end through ``tracing-desk contacts candidates``.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from app.core.contact_finder import (
    FinderError,
    FinderResult,
    Motive,
    Subject,
    Window,
    contagious_window,
    find_candidates,
)
from app.core.enums import EstablishmentStatus
from app.core.models import EstablishmentPlace, InfectionEvidence, PatientZero
from app.core.rosters import read_roster, read_rota
from app.core.text import fold

TILLEULS = "Les Tilleuls"
ERABLES = "Les Érables"

# Line 1 is the header, so the first stay is line 2.
RESIDENTS = """\
nom;prenom;date_naissance;unite;chambre;table;arrivee;depart
LEFEVRE;marguerite;12/04/1931;Les Tilleuls;T12;3;01/10/2026;
Giraud;Fernand;19/07/1933;Les Tilleuls;T12;3;01/10/2026;
Aubry;Bérénice;02/02/1935;Les Tilleuls;T12;5;01/09/2026;17/11/2026
Roux;Camille;06/06/1940;Les Tilleuls;T12;4;24/11/2026;
Œuvray;Denise;03/03/1938;Les Tilleuls;T14;3;01/10/2026;20/11/2026
OEUVRAY;DENISE;03/03/1938;Les Tilleuls;T12;4;21/11/2026;
LEFÈVRE;Marguerite;30/08/1929;Les Tilleuls;T15;3;01/09/2026;
Martin;Paul;15/01/1942;Les Tilleuls;T16;3;20/11/2026;
Blanc;Lucie;22/05/1937;Les Tilleuls;T11;2;01/09/2026;
Faure;Robert;11/11/1936;Les Tilleuls;T18;3;01/09/2026;19/11/2026
Noël;Yvette;08/12/1939;Les Tilleuls;T17;;01/09/2026;
Dupuis;Henriette;14/02/1934;Les Tilleuls;T19;1;01/09/2026;
Chevalier;Émile;25/03/1941;Les Tilleuls;T21;2;01/09/2026;
Morel;André;09/09/1936;Les Tilleuls;T22;4;01/09/2026;17/11/2026
Garnier;Suzanne;17/10/1943;Les Tilleuls;T23;;25/11/2026;
Fontaine;Louis;03/06/1935;Les Tilleuls;T24;2;01/09/2026;
Lambert;Odette;27/01/1932;Les Tilleuls;T25;1;01/09/2026;
Rousseau;Jacqueline;19/04/1938;Les Tilleuls;T26;4;01/09/2026;
Vincent;Marcel;02/08/1937;Les Tilleuls;T27;5;;
Mercier;Germaine;13/05/1930;Les Tilleuls;T28;5;01/09/2026;18/11/2026
Barre;Jules;29/09/1940;Les Tilleuls;T29;2;01/09/2026;
Petit;Gaston;21/12/1934;Les Érables;E03;1;01/09/2026;22/11/2026
Petit;Gaston;21/12/1934;Les Tilleuls;T20;1;23/11/2026;
Bonnet;Alice;05/07/1939;Les Érables;E05;3;01/09/2026;
Leroy;Raymond;30/10/1933;Les Érables;E06;2;01/09/2026;13/11/2026
Guérin;Simone;12/02/1941;Les Érables;E07;2;16/11/2026;
Renard;Arlette;06/04/1936;Les Érables;E08;;17/11/2026;
Gauthier;Maurice;18/09/1932;Les Érables;E09;1;01/09/2026;
Perrin;Paulette;24/11/1935;Les Érables;E10;1;01/09/2026;
Clément;Roger;07/01/1940;Les Érables;E11;2;01/09/2026;
Morin;Yvonne;29/06/1937;Les Érables;E12;3;01/09/2026;
Masson;Lucien;16/03/1931;Les Érables;E14;3;01/09/2026;
Henry;Madeleine;01/12/1938;Les Érables;E15;4;01/09/2026;
Roussel;Georges;10/10/1934;Les Érables;E16;4;01/09/2026;
Mathieu;Thérèse;23/08/1936;Les Érables;E17;;01/09/2026;15/11/2026
Lemaire;Albert;04/04/1942;Les Érables;E18;1;15/11/2026;
Dumont;Colette;28/02/1939;Les Érables;E19;2;01/09/2026;
Brun;Pierre;15/09/1933;Les Érables;E20;;01/09/2026;
Carpentier;Jeanne;20/01/1935;Les Érables;E21;3;01/09/2026;10/11/2026
Da Silva;Maria;08/05/1941;Les Érables;E22;2;01/09/2026;
"""

ROTA = """\
nom;prenom;date_naissance;unite;debut;fin
BERNARD;Sophie;05/05/1985;Les Tilleuls;19/11/2026 14:00;19/11/2026 21:00
Bernard;Sophie;05/05/1985;Les Érables;12/11/2026 07:00;12/11/2026 14:00
Bernard;Sophie;05/05/1985;Les Érables;13/11/2026 21:00;14/11/2026 07:00
Bernard;Sophie;05/05/1985;Les Érables;15/11/2026 14:00;15/11/2026 21:00
Bernard;Sophie;05/05/1985;Les Érables;16/11/2026 21:00;17/11/2026 07:00
Bernard;Sophie;05/05/1985;Les Érables;26/11/2026 07:00;26/11/2026 14:00
GIRAUD;HÉLÈNE;10/01/1980;Les Tilleuls;19/11/2026 14:00;19/11/2026 21:00
Giraud;Helene;10/01/1980;Les Tilleuls;20/11/2026 14:00;20/11/2026 21:00
Giraud;Hélène;10/01/1980;Les Tilleuls;10/11/2026 07:00;10/11/2026 14:00
Haddad;Karim;11/02/1979;Les Tilleuls;12/11/2026 07:00;12/11/2026 14:00
Haddad;Karim;11/02/1979;Les Tilleuls;17/11/2026 21:00;18/11/2026 07:00
Colin;Nathalie;22/07/1983;Les Tilleuls;17/11/2026 07:00;17/11/2026 14:00
Colin;Nathalie;22/07/1983;Les Tilleuls;25/11/2026 07:00;25/11/2026 14:00
Caron;Julien;30/03/1990;Les Tilleuls;24/11/2026 21:00;25/11/2026 07:00
Marchand;Élodie;14/09/1992;Les Tilleuls;18/11/2026 07:00;18/11/2026 14:00
Marchand;Élodie;14/09/1992;Les Tilleuls;21/11/2026 07:00;21/11/2026 14:00
Marchand;Élodie;14/09/1992;Les Tilleuls;22/11/2026 07:00;22/11/2026 14:00
Picard;Thomas;08/08/1987;Les Érables;18/11/2026 14:00;18/11/2026 21:00
Picard;Thomas;08/08/1987;Les Tilleuls;23/11/2026 14:00;23/11/2026 21:00
Fournier;Mélanie;01/04/1991;Les Tilleuls;20/11/2026 21:00;21/11/2026 07:00
Robin;Inès;19/12/1994;Les Tilleuls;24/11/2026 14:00;24/11/2026 21:00
Roger;Kevin;05/10/1989;Les Tilleuls;10/11/2026 21:00;11/11/2026 07:00
Roger;Kevin;05/10/1989;Les Tilleuls;26/11/2026 21:00;27/11/2026 07:00
Gilbert;Laura;12/06/1996;Les Tilleuls;14/11/2026 07:00;14/11/2026 14:00
Aubert;Yasmine;27/02/1989;Les Tilleuls;15/11/2026 14:00;15/11/2026 21:00
Aubert;Yasmine;27/02/1989;Les Tilleuls;28/11/2026 14:00;28/11/2026 21:00
Moreau;Isabelle;18/01/1986;Les Tilleuls;23/11/2026 07:00;23/11/2026 14:00
Moreau;Isabelle;18/01/1986;Les Tilleuls;24/11/2026 07:00;24/11/2026 14:00
Moreau;Isabelle;18/01/1986;Les Tilleuls;29/11/2026 07:00;29/11/2026 14:00
Benali;Fatima;21/03/1975;Les Érables;13/11/2026 21:00;14/11/2026 07:00
Benali;Fatima;21/03/1975;Les Érables;16/11/2026 21:00;17/11/2026 07:00
Guillot;Nicolas;02/12/1982;Les Érables;14/11/2026 07:00;14/11/2026 14:00
Dufour;Chloé;17/05/1993;Les Érables;15/11/2026 07:00;15/11/2026 14:00
Lemoine;Antoine;09/01/1988;Les Érables;16/11/2026 14:00;16/11/2026 21:00
Meyer;Sandrine;26/08/1978;Les Érables;17/11/2026 07:00;17/11/2026 14:00
Brunet;Pauline;13/03/1990;Les Érables;12/11/2026 07:00;12/11/2026 14:00
Lucas;David;20/07/1986;Les Érables;14/11/2026 21:00;15/11/2026 07:00
Leclerc;Manon;04/11/1995;Les Érables;15/11/2026 14:00;15/11/2026 21:00
Schmitt;Hugo;03/02/1991;Les Érables;15/11/2026 21:00;16/11/2026 07:00
Barbier;Olivier;31/10/1984;Les Érables;13/11/2026 07:00;13/11/2026 14:00
Hubert;Céline;11/04/1981;Les Érables;13/11/2026 14:00;13/11/2026 21:00
Laurent;Jérôme;06/06/1977;Les Érables;09/11/2026 21:00;10/11/2026 07:00
Laurent;Jérôme;06/06/1977;Les Érables;20/11/2026 07:00;20/11/2026 14:00
"""

RESIDENT_PZ_SYMPTOMS = date(2026, 11, 20)
RESIDENT_UNTIL = date(2026, 11, 24)
STAFF_PZ_SAMPLE = date(2026, 11, 21)
STAFF_UNTIL = date(2026, 11, 16)


def _nov(*days: int) -> tuple[date, ...]:
    return tuple(date(2026, 11, d) for d in days)


def resident_pz() -> PatientZero:
    """Found in the roster by usage name + first first-name + birth date (other case/accents)."""
    return PatientZero(
        birth_name="Durand",
        usage_name="Lefèvre",
        first_names="Marguerite Louise",
        birth_date=date(1931, 4, 12),
        infection=InfectionEvidence(
            symptom_onset=RESIDENT_PZ_SYMPTOMS, sample_date=date(2026, 11, 21)
        ),
        establishment=EstablishmentPlace(
            status=EstablishmentStatus.RESIDENT, unit=TILLEULS, room="T12"
        ),
    )


def staff_pz() -> PatientZero:
    """Found in the rota (« BERNARD;Sophie » and « Bernard;Sophie »)."""
    return PatientZero(
        birth_name="Bernard",
        first_names="Sophie Anne",
        birth_date=date(1985, 5, 5),
        infection=InfectionEvidence(sample_date=STAFF_PZ_SAMPLE),
        establishment=EstablishmentPlace(status=EstablishmentStatus.STAFF, unit=ERABLES),
    )


# (nom, prénom, birth date) → a folded key, as « Persons are the same when name,
# first name and birth date match without case or accents (Œ as OE) ».
def key(last: str, first: str, born: date) -> tuple[str, str, date]:
    return (fold(last), fold(first), born)


ALL_DAYS = _nov(18, 19, 20, 21, 22, 23, 24)
R, P = "resident", "personnel"

# One expected line: (key, statut, motif, rang, jours, unité, chambre).
Row = tuple[tuple[str, str, date], str, Motive, int, tuple[date, ...], str, str]


def resident_expected() -> list[Row]:
    """Resident patient zéro, window 18/11 – 24/11, present in Les Tilleuls T12 table 3 every day.

    « on a day of the window when both were present in the same unit: the same
    room → chambre (rank 1); otherwise the same non-empty table → table (rank 2);
    otherwise → unite (rank 4). A staff member with a shift in that unit touching
    a day of the window on which the patient zéro was present there → personnel
    (rank 3). » « Each person appears once, with their best rank. » Sorted by
    rank, then folded name, then first name.
    """
    t = TILLEULS
    return [
        # --- rank 1, chambre
        # Giraud Fernand: same room T12 AND same table 3 every day → chambre only, once.
        (key("Giraud", "Fernand", date(1933, 7, 19)), R, Motive.ROOM, 1, ALL_DAYS, t, "T12"),
        # Œuvray Denise: T14 table 3 until 20/11 (table), T12 from 21/11 (room): two
        # rows, « Œuvray » / « OEUVRAY », one person; best rank chambre; the days are
        # every day any rule links them (18–20 table, 21–24 room); room on the last
        # shared day (24/11) is T12.
        (key("Œuvray", "Denise", date(1938, 3, 3)), R, Motive.ROOM, 1, ALL_DAYS, t, "T12"),
        # Roux Camille: arrived in T12 on the window's last day → one day.
        (key("Roux", "Camille", date(1940, 6, 6)), R, Motive.ROOM, 1, _nov(24), t, "T12"),
        # (Aubry Bérénice, T12, left 17/11 = the day before the window: nothing shared.)
        # --- rank 2, table 3
        # Faure Robert, T18 table 3, left 19/11 (depart inclusive) → 18, 19.
        (key("Faure", "Robert", date(1936, 11, 11)), R, Motive.TABLE, 2, _nov(18, 19), t, "T18"),
        # LEFÈVRE Marguerite born 1929: the patient zéro's homonym with another birth
        # date is another person — « the same name with another birth date is another
        # person » — at table 3 in T15.
        (key("Lefèvre", "Marguerite", date(1929, 8, 30)), R, Motive.TABLE, 2, ALL_DAYS, t, "T15"),
        # Martin Paul, T16 table 3, arrived 20/11.
        (
            key("Martin", "Paul", date(1942, 1, 15)),
            R,
            Motive.TABLE,
            2,
            _nov(20, 21, 22, 23, 24),
            t,
            "T16",
        ),
        # (Bonnet Alice: table 3 but in Les Érables: not the same unit → nothing.)
        # --- rank 3, personnel: shifts in Les Tilleuls touching 18–24
        # Bernard Sophie (the other patient zéro) 19/11 afternoon: « another patient
        # zéro can be one ».
        (key("Bernard", "Sophie", date(1985, 5, 5)), P, Motive.STAFF, 3, _nov(19), t, ""),
        # Caron Julien: night 24/11 21:00 → 25/11 07:00 touches 24/11 (25 is after until).
        (key("Caron", "Julien", date(1990, 3, 30)), P, Motive.STAFF, 3, _nov(24), t, ""),
        # Fournier Mélanie: night 20/11 → 21/11 touches both.
        (key("Fournier", "Mélanie", date(1991, 4, 1)), P, Motive.STAFF, 3, _nov(20, 21), t, ""),
        # Giraud Hélène, written « GIRAUD;HÉLÈNE » and « Giraud;Helene »: one person,
        # 19/11 and 20/11 (her 10/11 shift is before the window).
        (key("Giraud", "Hélène", date(1980, 1, 10)), P, Motive.STAFF, 3, _nov(19, 20), t, ""),
        # Haddad Karim: night 17/11 21:00 → 18/11 07:00 starts the evening before the
        # window and touches its first day. « 21:00 → 07:00 touches two days ».
        (key("Haddad", "Karim", date(1979, 2, 11)), P, Motive.STAFF, 3, _nov(18), t, ""),
        (
            key("Marchand", "Élodie", date(1992, 9, 14)),
            P,
            Motive.STAFF,
            3,
            _nov(18, 21, 22),
            t,
            "",
        ),
        # Moreau Isabelle: 23/11, 24/11 (29/11 after until).
        (key("Moreau", "Isabelle", date(1986, 1, 18)), P, Motive.STAFF, 3, _nov(23, 24), t, ""),
        # Picard Thomas: 18/11 in Les Érables (other unit, not counted), 23/11 here.
        (key("Picard", "Thomas", date(1987, 8, 8)), P, Motive.STAFF, 3, _nov(23), t, ""),
        (key("Robin", "Inès", date(1994, 12, 19)), P, Motive.STAFF, 3, _nov(24), t, ""),
        # (Colin 17/11 and 25/11, Roger, Gilbert, Aubert: no shift here touching 18–24.)
        # --- rank 4, unite: Les Tilleuls, other room, other or no table
        (key("Barre", "Jules", date(1940, 9, 29)), R, Motive.UNIT, 4, ALL_DAYS, t, "T29"),
        (key("Blanc", "Lucie", date(1937, 5, 22)), R, Motive.UNIT, 4, ALL_DAYS, t, "T11"),
        (key("Chevalier", "Émile", date(1941, 3, 25)), R, Motive.UNIT, 4, ALL_DAYS, t, "T21"),
        (key("Dupuis", "Henriette", date(1934, 2, 14)), R, Motive.UNIT, 4, ALL_DAYS, t, "T19"),
        (key("Fontaine", "Louis", date(1935, 6, 3)), R, Motive.UNIT, 4, ALL_DAYS, t, "T24"),
        (key("Lambert", "Odette", date(1932, 1, 27)), R, Motive.UNIT, 4, ALL_DAYS, t, "T25"),
        # Mercier Germaine left on the window's first day: present that day.
        (key("Mercier", "Germaine", date(1930, 5, 13)), R, Motive.UNIT, 4, _nov(18), t, "T28"),
        # Noël Yvette has no table: « the same non-empty table » fails → unite.
        (key("Noël", "Yvette", date(1939, 12, 8)), R, Motive.UNIT, 4, ALL_DAYS, t, "T17"),
        # Petit Gaston: Les Érables until 22/11, then Les Tilleuls T20 from 23/11.
        (key("Petit", "Gaston", date(1934, 12, 21)), R, Motive.UNIT, 4, _nov(23, 24), t, "T20"),
        (key("Rousseau", "Jacqueline", date(1938, 4, 19)), R, Motive.UNIT, 4, ALL_DAYS, t, "T26"),
        # Vincent Marcel: arrivee and depart both empty = open.
        (key("Vincent", "Marcel", date(1937, 8, 2)), R, Motive.UNIT, 4, ALL_DAYS, t, "T27"),
        # (Morel left 17/11, Garnier arrives 25/11: nothing shared.)
    ]


def staff_expected() -> list[Row]:
    """Staff patient zéro, window 14/11 – 16/11; her shifts intersecting it are all in Les Érables.

    « another staff member whose shift in the same unit overlaps one of them in
    time or meets it at a handover (one ends at the minute the other starts), the
    overlap or handover falling at least partly inside the window → equipe (rank
    1); a resident present in that unit on a day of the window that one of the
    patient zéro's shifts there touches → unite (rank 2). » The window days her
    shifts touch: 14 (13/11 night), 15 (afternoon), 16 (16/11 night; 17/11 is
    outside).
    """
    e = ERABLES
    return [
        # --- rank 1, equipe
        # Benali Fatima: the same two nights; overlaps inside the window on 14/11 and 16/11.
        (key("Benali", "Fatima", date(1975, 3, 21)), P, Motive.TEAM, 1, _nov(14, 16), e, ""),
        # Dufour Chloé: morning 15/11 ends 14:00 when the afternoon starts: handover.
        (key("Dufour", "Chloé", date(1993, 5, 17)), P, Motive.TEAM, 1, _nov(15), e, ""),
        # Guillot Nicolas: morning 14/11 starts 07:00 when the night ends: handover.
        (key("Guillot", "Nicolas", date(1982, 12, 2)), P, Motive.TEAM, 1, _nov(14), e, ""),
        # Leclerc Manon: the same afternoon.
        (key("Leclerc", "Manon", date(1995, 11, 4)), P, Motive.TEAM, 1, _nov(15), e, ""),
        # Lemoine Antoine: afternoon 16/11 ends 21:00 when the night starts.
        (key("Lemoine", "Antoine", date(1988, 1, 9)), P, Motive.TEAM, 1, _nov(16), e, ""),
        # Schmitt Hugo: night 15/11 21:00 → 16/11 07:00 starts when the afternoon ends;
        # the handover falls on 15/11 (his shift shares no time with hers on 16/11).
        (key("Schmitt", "Hugo", date(1991, 2, 3)), P, Motive.TEAM, 1, _nov(15), e, ""),
        # Not equipe: Meyer (handover 17/11 07:00, outside the window), Hubert
        # (handover 13/11 21:00, outside), Brunet (12/11, before), Lucas (14/11 night:
        # no overlap, no handover), Barbier (13/11 morning), Laurent, Picard, and all
        # the Tilleuls staff (other unit).
        # --- rank 2, unite: Les Érables residents present on 14, 15 or 16
        (key("Bonnet", "Alice", date(1939, 7, 5)), R, Motive.UNIT, 2, _nov(14, 15, 16), e, "E05"),
        (key("Brun", "Pierre", date(1933, 9, 15)), R, Motive.UNIT, 2, _nov(14, 15, 16), e, "E20"),
        (key("Clément", "Roger", date(1940, 1, 7)), R, Motive.UNIT, 2, _nov(14, 15, 16), e, "E11"),
        (key("Da Silva", "Maria", date(1941, 5, 8)), R, Motive.UNIT, 2, _nov(14, 15, 16), e, "E22"),
        (
            key("Dumont", "Colette", date(1939, 2, 28)),
            R,
            Motive.UNIT,
            2,
            _nov(14, 15, 16),
            e,
            "E19",
        ),
        (
            key("Gauthier", "Maurice", date(1932, 9, 18)),
            R,
            Motive.UNIT,
            2,
            _nov(14, 15, 16),
            e,
            "E09",
        ),
        # Guérin Simone arrived 16/11.
        (key("Guérin", "Simone", date(1941, 2, 12)), R, Motive.UNIT, 2, _nov(16), e, "E07"),
        (
            key("Henry", "Madeleine", date(1938, 12, 1)),
            R,
            Motive.UNIT,
            2,
            _nov(14, 15, 16),
            e,
            "E15",
        ),
        # Lemaire Albert arrived 15/11.
        (key("Lemaire", "Albert", date(1942, 4, 4)), R, Motive.UNIT, 2, _nov(15, 16), e, "E18"),
        (key("Masson", "Lucien", date(1931, 3, 16)), R, Motive.UNIT, 2, _nov(14, 15, 16), e, "E14"),
        # Mathieu Thérèse left 15/11.
        (key("Mathieu", "Thérèse", date(1936, 8, 23)), R, Motive.UNIT, 2, _nov(14, 15), e, "E17"),
        (key("Morin", "Yvonne", date(1937, 6, 29)), R, Motive.UNIT, 2, _nov(14, 15, 16), e, "E12"),
        (
            key("Perrin", "Paulette", date(1935, 11, 24)),
            R,
            Motive.UNIT,
            2,
            _nov(14, 15, 16),
            e,
            "E10",
        ),
        # Petit Gaston, still in Les Érables E03 then (moved to Les Tilleuls on 23/11).
        (key("Petit", "Gaston", date(1934, 12, 21)), R, Motive.UNIT, 2, _nov(14, 15, 16), e, "E03"),
        (
            key("Roussel", "Georges", date(1934, 10, 10)),
            R,
            Motive.UNIT,
            2,
            _nov(14, 15, 16),
            e,
            "E16",
        ),
        # Not unite: Leroy left 13/11 (the day before the window; her 13/11 night
        # touches 13/11 but that day is outside it), Renard arrived 17/11 (touched by
        # the 16/11 night, but outside the window), Carpentier left 10/11.
    ]


def fiche_expected() -> list[Row]:
    """A patient zéro found in neither file: « taken as a resident of the fiche's unit and room ».

    Les Tilleuls, T12, no table known: present every day of 18–24. Marguerite
    Lefèvre (1931), in the file, is now just a roommate; no table candidates.
    """
    t = TILLEULS
    by_key = {row[0]: row for row in resident_expected()}
    rows: list[Row] = [
        (key("Giraud", "Fernand", date(1933, 7, 19)), R, Motive.ROOM, 1, ALL_DAYS, t, "T12"),
        (key("Lefevre", "Marguerite", date(1931, 4, 12)), R, Motive.ROOM, 1, ALL_DAYS, t, "T12"),
        (key("Oeuvray", "Denise", date(1938, 3, 3)), R, Motive.ROOM, 1, ALL_DAYS, t, "T12"),
        (key("Roux", "Camille", date(1940, 6, 6)), R, Motive.ROOM, 1, _nov(24), t, "T12"),
    ]
    rows += [r for r in resident_expected() if r[3] == 3]  # the same staff
    unit_names = [
        ("Barre", "Jules", date(1940, 9, 29)),
        ("Blanc", "Lucie", date(1937, 5, 22)),
        ("Chevalier", "Émile", date(1941, 3, 25)),
        ("Dupuis", "Henriette", date(1934, 2, 14)),
        ("Faure", "Robert", date(1936, 11, 11)),
        ("Fontaine", "Louis", date(1935, 6, 3)),
        ("Lambert", "Odette", date(1932, 1, 27)),
        ("LEFÈVRE", "Marguerite", date(1929, 8, 30)),
        ("Martin", "Paul", date(1942, 1, 15)),
        ("Mercier", "Germaine", date(1930, 5, 13)),
        ("Noël", "Yvette", date(1939, 12, 8)),
        ("Petit", "Gaston", date(1934, 12, 21)),
        ("Rousseau", "Jacqueline", date(1938, 4, 19)),
        ("Vincent", "Marcel", date(1937, 8, 2)),
    ]
    for name in unit_names:
        k, status, _m, _r, days, unit, room = by_key[key(*name)]
        rows.append((k, status, Motive.UNIT, 4, days, unit, room))
    return rows


def as_rows(result: FinderResult) -> list[Row]:
    return [
        (c.person.key(), c.status, c.motive, c.rank, c.days, c.unit, c.room)
        for c in result.candidates
    ]


# --------------------------------------------------------------- file variants


def _cells(text: str) -> list[list[str]]:
    return [line.split(";") for line in text.splitlines()]


def _typed(header: str, value: str) -> Any:
    """Some cells as real xlsx dates (the sheet turns them back into jj/mm/aaaa [hh:mm])."""
    if not value:
        return None
    if header in ("date_naissance", "arrivee", "depart"):
        return datetime.strptime(value, "%d/%m/%Y")
    if header in ("debut", "fin"):
        return datetime.strptime(value, "%d/%m/%Y %H:%M")
    return value


def xlsx_bytes(text: str) -> bytes:
    """The same table as an .xlsx: columns reversed, an unknown column, date cells."""
    rows = _cells(text)
    header = rows[0]
    order = list(reversed(range(len(header))))
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["commentaire", *(header[i] for i in order)])
    for number, row in enumerate(rows[1:], start=2):
        sheet.append([f"note {number}", *(_typed(header[i], row[i]) for i in order)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def comma_bom_bytes(text: str) -> bytes:
    """UTF-8 with a BOM, « , » separated, columns in another order plus an ignored one."""
    rows = _cells(text)
    header = rows[0]
    order = [*range(1, len(header)), 0]
    lines = [",".join(["remarque", *(header[i] for i in order)])]
    lines += [",".join(["", *(row[i] for i in order)]) for row in rows[1:]]
    return b"\xef\xbb\xbf" + ("\r\n".join(lines) + "\r\n").encode("utf-8")


VARIANTS = {
    "csv-semicolon": (lambda t: t.encode("utf-8"), "residents.csv", "planning.csv"),
    "csv-bom-comma": (comma_bom_bytes, "residents.CSV", "planning.csv"),
    "xlsx": (xlsx_bytes, "residents.xlsx", "planning.XLSX"),
}


@pytest.fixture(params=sorted(VARIANTS))
def files(request: pytest.FixtureRequest) -> tuple[list[Any], list[Any]]:
    encode, roster_name, rota_name = VARIANTS[request.param]
    return read_roster(encode(RESIDENTS), roster_name), read_rota(encode(ROTA), rota_name)


# ----------------------------------------------------------------------- tests


def test_the_files_are_read_row_by_row() -> None:
    stays = read_roster(RESIDENTS.encode(), "residents.csv")
    shifts = read_rota(ROTA.encode(), "planning.csv")
    assert len(stays) == 40
    assert len(shifts) == 43
    assert len({s.person.key() for s in stays}) == 38  # Œuvray and Petit have two stays
    assert len({s.person.key() for s in shifts}) == 25
    first = stays[0]
    assert (first.line, first.person.last_name, first.person.first_name) == (
        2,
        "LEFEVRE",
        "marguerite",
    )
    assert (first.unit, first.room, first.table) == (TILLEULS, "T12", "3")
    assert (first.arrival, first.departure) == (date(2026, 10, 1), None)
    vincent = next(s for s in stays if s.person.last_name == "Vincent")
    assert (vincent.arrival, vincent.departure) == (None, None)  # empty = open
    night = next(s for s in shifts if s.person.last_name == "Haddad" and s.start.day == 17)
    assert (night.line, night.start, night.end) == (
        12,
        datetime(2026, 11, 17, 21, 0),
        datetime(2026, 11, 18, 7, 0),
    )


def test_window_from_symptoms_from_sample_or_refused() -> None:
    until = date(2026, 11, 24)
    # 2 days before the first symptoms, to the end of the until day.
    symptoms = InfectionEvidence(symptom_onset=date(2026, 11, 20), sample_date=date(2026, 11, 21))
    assert contagious_window(symptoms, until) == Window(date(2026, 11, 18), until)
    assert contagious_window(InfectionEvidence(symptom_onset=date(2026, 11, 20)), until) == Window(
        date(2026, 11, 18), until
    )
    # Asymptomatic: 7 days before the sample, even if a symptom date was typed.
    asympto = InfectionEvidence(asymptomatic=True, sample_date=date(2026, 11, 21))
    assert contagious_window(asympto, until) == Window(date(2026, 11, 14), until)
    stale = InfectionEvidence(
        asymptomatic=True, symptom_onset=date(2026, 11, 19), sample_date=date(2026, 11, 21)
    )
    assert contagious_window(stale, until) == Window(date(2026, 11, 14), until)
    # No symptom date: 7 days before the sample.
    no_symptom = InfectionEvidence(sample_date=date(2026, 11, 21))
    assert contagious_window(no_symptom, until) == Window(date(2026, 11, 14), until)
    # Nothing usable: a French refusal.
    for evidence in (InfectionEvidence(), InfectionEvidence(asymptomatic=True)):
        with pytest.raises(FinderError) as err:
            contagious_window(evidence, until)
        assert re.search(r"date|prélèvement|symptôme", str(err.value))


def test_resident_patient_zero_full_list(files: tuple[list[Any], list[Any]]) -> None:
    stays, shifts = files
    window = contagious_window(resident_pz().infection, RESIDENT_UNTIL)
    assert window == Window(date(2026, 11, 18), date(2026, 11, 24))
    known = {
        key("OEUVRAY", "denise", date(1938, 3, 3)),  # recorded as « OEUVRAY »: flagged
        key("Lefèvre", "Marguerite", date(1930, 1, 1)),  # another birth date: not the homonym
    }
    result = find_candidates(Subject.of(resident_pz()), stays, shifts, window, known)
    assert result.window == window
    assert result.subject_found == "resident"
    assert as_rows(result) == resident_expected()
    # The patient zéro is not their own candidate (her homonym born 1929 is).
    assert key("Lefevre", "Marguerite", date(1931, 4, 12)) not in {r[0] for r in as_rows(result)}
    flagged = {c.person.key() for c in result.candidates if c.already_contact}
    assert flagged == {key("Oeuvray", "Denise", date(1938, 3, 3))}


def test_staff_patient_zero_full_list(files: tuple[list[Any], list[Any]]) -> None:
    stays, shifts = files
    window = contagious_window(staff_pz().infection, STAFF_UNTIL)
    assert window == Window(date(2026, 11, 14), date(2026, 11, 16))
    known = [key("benali", "FATIMA", date(1975, 3, 21)), key("Roux", "Camille", date(1940, 6, 6))]
    result = find_candidates(Subject.of(staff_pz()), stays, shifts, window, known)
    assert result.subject_found == "personnel"
    assert as_rows(result) == staff_expected()
    flagged = {c.person.key() for c in result.candidates if c.already_contact}
    assert flagged == {key("Benali", "Fatima", date(1975, 3, 21))}


def test_patient_zero_not_in_the_files_is_a_resident_of_the_fiche_room(
    files: tuple[list[Any], list[Any]],
) -> None:
    stays, shifts = files
    pz = PatientZero(
        birth_name="Inconnue",
        first_names="Zoé",
        birth_date=date(1936, 1, 1),
        infection=InfectionEvidence(symptom_onset=RESIDENT_PZ_SYMPTOMS),
        establishment=EstablishmentPlace(
            status=EstablishmentStatus.RESIDENT, unit=TILLEULS, room="T12"
        ),
    )
    window = Window(date(2026, 11, 18), date(2026, 11, 24))
    result = find_candidates(Subject.of(pz), stays, shifts, window)
    assert result.subject_found == "fiche"
    assert as_rows(result) == fiche_expected()
    assert not any(c.already_contact for c in result.candidates)
    # Without a unit on the fiche there is nothing to go by: a French refusal.
    pz.establishment = EstablishmentPlace()
    with pytest.raises(FinderError) as err:
        find_candidates(Subject.of(pz), stays, shifts, window)
    assert "unité" in str(err.value)


def test_in_both_files_the_fiche_status_decides() -> None:
    """Sophie Bernard also has a stay (a staff member hospitalised in the EHPAD, say)."""
    stays = read_roster(
        (RESIDENTS + "BERNARD;Sophie;05/05/1985;Les Tilleuls;T30;;01/11/2026;\n").encode(),
        "residents.csv",
    )
    shifts = read_rota(ROTA.encode(), "planning.csv")
    window = Window(date(2026, 11, 14), date(2026, 11, 16))
    as_staff = find_candidates(Subject.of(staff_pz()), stays, shifts, window)
    assert as_staff.subject_found == "personnel"
    assert as_rows(as_staff) == staff_expected()
    resident = staff_pz()
    resident.establishment = EstablishmentPlace(status=EstablishmentStatus.RESIDENT)
    as_resident = find_candidates(Subject.of(resident), stays, shifts, window)
    assert as_resident.subject_found == "resident"
    # As a resident of T30 (alone, no table), her candidates are Les Tilleuls
    # residents (unite) and staff (personnel): none in Les Érables.
    assert {c.unit for c in as_resident.candidates} == {TILLEULS}
    assert {c.motive for c in as_resident.candidates} == {Motive.UNIT, Motive.STAFF}


# ------------------------------------------------------ end to end, command line


@pytest.fixture
def store(data_dir: Path, fake_clock: Any, capsys: pytest.CaptureFixture[str]) -> Iterator[Path]:
    """An initialised store (no account: the command acts as ``cli:<os user>``)."""
    from app.cli import main

    assert main(["init"]) == 0
    capsys.readouterr()
    yield data_dir


def _save_patients_zero(data_dir: Path) -> tuple[str, str]:
    """Both patients zéro, and a contact already linked to the resident one (« OEUVRAY »)."""
    from app.core.models import Contact, Exposition
    from app.db.store import open_store
    from app.services.fiches import FicheService

    with open_store(data_dir) as db:
        service = FicheService(db, "ide.test")
        resident, staff = resident_pz(), staff_pz()
        service.save(resident)
        service.save(staff)
        # Already a contact of *this* patient zéro → flagged.
        service.save(
            Contact(
                birth_name="OEUVRAY",
                first_names="Denise",
                birth_date=date(1938, 3, 3),
                expositions=[Exposition(patient_zero_uuid=resident.uuid)],
            )
        )
        # A contact of the *other* patient zéro only → not flagged for the resident one.
        service.save(
            Contact(
                birth_name="Roux",
                first_names="Camille",
                birth_date=date(1940, 6, 6),
                expositions=[Exposition(patient_zero_uuid=staff.uuid)],
            )
        )
    return resident.uuid, staff.uuid


def _fiche_count(data_dir: Path) -> int:
    from app.db.store import open_store
    from app.services.fiches import FicheService

    with open_store(data_dir) as db:
        return FicheService(db, "ide.test").summary()["total"]


def _json_rows(candidates: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [
        (
            (fold(c["nom"]), fold(c["prenom"]), date.fromisoformat(c["date_naissance"])),
            c["statut"],
            c["motif"],
            c["rang"],
            tuple(date.fromisoformat(d) for d in c["jours"]),
            c["deja_contact"],
        )
        for c in candidates
    ]


def _expected_json(rows: list[Row], flagged: set[tuple[str, str, date]]) -> list[tuple[Any, ...]]:
    return [(k, s, str(m), rank, days, k in flagged) for k, s, m, rank, days, _u, _r in rows]


def test_cli_candidates_json_for_both_patients_zero(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import main

    resident_uuid, staff_uuid = _save_patients_zero(store)
    roster = tmp_path / "residents.csv"
    roster.write_bytes(RESIDENTS.encode())
    rota = tmp_path / "planning.xlsx"
    rota.write_bytes(xlsx_bytes(ROTA))
    before = _fiche_count(store)
    argv = ["contacts", "candidates", "--roster", str(roster), "--rota", str(rota), "--json"]

    # No --until: until today (the fake clock: 24/11/2026).
    assert main([*argv, "--patient-zero", resident_uuid]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert set(doc) == {"patient_zero", "fenetre", "candidats"}
    assert doc["patient_zero"] == resident_uuid
    assert doc["fenetre"] == {"debut": "2026-11-18", "fin": "2026-11-24"}
    keys = {"nom", "prenom", "date_naissance", "statut", "motif", "rang", "jours", "deja_contact"}
    assert all(set(c) == keys for c in doc["candidats"])
    assert _json_rows(doc["candidats"]) == _expected_json(
        resident_expected(), {key("Oeuvray", "Denise", date(1938, 3, 3))}
    )
    # Names as written in the file.
    by_birth = {c["date_naissance"]: c for c in doc["candidats"]}
    assert (by_birth["1929-08-30"]["nom"], by_birth["1929-08-30"]["prenom"]) == (
        "LEFÈVRE",
        "Marguerite",
    )
    assert (by_birth["1933-07-19"]["nom"], by_birth["1933-07-19"]["jours"][0]) == (
        "Giraud",
        "2026-11-18",
    )

    assert main([*argv, "--patient-zero", staff_uuid, "--until", "16/11/2026"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["fenetre"] == {"debut": "2026-11-14", "fin": "2026-11-16"}
    assert _json_rows(doc["candidats"]) == _expected_json(staff_expected(), set())

    # Without --json: a listing for people, with the names.
    roster_only = ["contacts", "candidates", "--roster", str(roster), "--until", "24/11/2026"]
    assert main([*roster_only, "--patient-zero", resident_uuid]) == 0
    out = capsys.readouterr().out
    assert "Giraud" in out and "Rousseau" in out and "Aubry" not in out
    assert _fiche_count(store) == before  # listing creates nothing


def _bad(text: str, line: int, replace: tuple[str, str]) -> str:
    lines = text.splitlines()
    assert replace[0] in lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(*replace)
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("which", "content", "needles"),
    [
        pytest.param(
            "roster",
            RESIDENTS.replace(";chambre;", ";salle;", 1),
            [r"chambre", r"ligne\W+1\b"],
            id="missing-column",
        ),
        pytest.param(
            "roster",
            _bad(_bad(RESIDENTS, 7, ("03/03/1938", "3 mars 38")), 12, ("01/09/2026", "31/09/2026")),
            [r"ligne\W+7\b", r"ligne\W+12\b"],
            id="unreadable-dates",
        ),
        pytest.param(
            "rota",
            _bad(ROTA, 4, ("14/11/2026 07:00", "13/11/2026 20:00")),
            [r"ligne\W+4\b"],
            id="shift-ends-before-it-starts",
        ),
        pytest.param(
            "rota",
            _bad(ROTA, 9, ("20/11/2026 21:00", "20/11/2026 25:00")),
            [r"ligne\W+9\b"],
            id="unreadable-time",
        ),
    ],
)
def test_cli_bad_files_exit_65_with_the_line(
    store: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    which: str,
    content: str,
    needles: list[str],
) -> None:
    from app.cli import main

    resident_uuid, _staff = _save_patients_zero(store)
    roster = tmp_path / "residents.csv"
    rota = tmp_path / "planning.csv"
    roster.write_bytes((content if which == "roster" else RESIDENTS).encode())
    rota.write_bytes((content if which == "rota" else ROTA).encode())
    before = _fiche_count(store)
    code = main(
        [
            "contacts",
            "candidates",
            "--patient-zero",
            resident_uuid,
            "--roster",
            str(roster),
            "--rota",
            str(rota),
            "--until",
            "24/11/2026",
            "--json",
        ]
    )
    captured = capsys.readouterr()
    assert code == 65
    assert captured.out.strip() == ""  # no half list
    for needle in needles:
        assert re.search(needle, captured.err, re.IGNORECASE), captured.err
    assert "Traceback" not in captured.err
    assert _fiche_count(store) == before


def test_kept_candidates_become_fiches_once(store: Path) -> None:
    """« Créer les fiches »: draft contacts linked to the patient zéro, existing fiches linked.

    « An existing fiche for the same person (the duplicate rules) is linked
    instead of duplicated »; a person already linked to this patient zéro is
    left unchanged, so doing it twice creates nothing.
    """
    from app.core.enums import Circumstance, LifecycleState
    from app.core.models import Contact
    from app.db.store import open_store
    from app.services.contact_finder import build_candidates, create_contacts
    from app.services.fiches import FicheService

    resident_uuid, staff_uuid = _save_patients_zero(store)
    with open_store(store) as db:
        listing = build_candidates(
            db,
            "ide.test",
            resident_uuid,
            (RESIDENTS.encode(), "residents.csv"),
            (ROTA.encode(), "planning.csv"),
            until=RESIDENT_UNTIL,
        )
        assert listing.rows_read == 83
        by_key = {c.person.key(): c for c in listing.result.candidates}
        giraud = by_key[key("Giraud", "Fernand", date(1933, 7, 19))]
        roux = by_key[key("Roux", "Camille", date(1940, 6, 6))]  # a contact of the staff PZ
        oeuvray = by_key[key("Oeuvray", "Denise", date(1938, 3, 3))]  # already linked
        haddad = by_key[key("Haddad", "Karim", date(1979, 2, 11))]  # staff, night before
        assert oeuvray.already_contact and not roux.already_contact
        kept = [giraud, roux, oeuvray, haddad]
        first = create_contacts(db, "ide.test", resident_uuid, kept)
        assert len(first.created) == 2 and len(first.linked) == 1 and len(first.unchanged) == 1
        again = create_contacts(db, "ide.test", resident_uuid, kept)
        assert again.created == () and again.linked == ()
        assert set(again.unchanged) == {*first.created, *first.linked, *first.unchanged}

        service = FicheService(db, "ide.test")
        linked = {lc.contact.uuid: lc for lc in service.contacts_of(resident_uuid)}
        assert len(linked) == 4  # Œuvray (before) + Giraud, Roux, Haddad
        roux_fiche = service.peek(first.linked[0])
        assert isinstance(roux_fiche, Contact)
        assert {e.patient_zero_uuid for e in roux_fiche.expositions} == {staff_uuid, resident_uuid}
        for uuid in first.created:
            lc = linked[uuid]
            assert lc.contact.state is LifecycleState.DRAFT
            if lc.contact.birth_name == "Giraud":
                assert (lc.contact.first_names, lc.contact.birth_date) == (
                    "Fernand",
                    date(1933, 7, 19),
                )
                place = lc.contact.establishment
                assert (place.status, place.unit, place.room) == (
                    EstablishmentStatus.RESIDENT,
                    TILLEULS,
                    "T12",
                )
                assert lc.exposition.last_contact == date(2026, 11, 24)  # last shared day
                assert lc.exposition.circumstances == [Circumstance.SAME_HOUSEHOLD]
            else:
                assert lc.contact.birth_name == "Haddad"
                place = lc.contact.establishment
                assert (place.status, place.unit) == (EstablishmentStatus.STAFF, TILLEULS)
                assert lc.exposition.last_contact == date(2026, 11, 18)
                assert lc.exposition.circumstances == [Circumstance.CARE]
            assert lc.exposition.suggested_risk is not None
