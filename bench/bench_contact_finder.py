"""Contact finder benchmark: the whole candidate list against merely reading the two files.

Generated in memory (CSV bytes, nothing written): 300 residents in 6 units
(two per room, ten tables per unit, one in ten changing room halfway) and 150
staff (25 per unit, morning 07:00–14:00, afternoon 14:00–21:00 and night
21:00–07:00 shifts, five a week) over 6 weeks. Both runs of each round start
from the same bytes:

1. **read**: ``app.core.sheets.read_sheet`` of the two files (the baseline: decoding,
   separator detection, one dict per row);
2. **list**: ``read_roster`` + ``read_rota`` + ``find_candidates`` for a
   resident patient zéro, then for a staff patient zéro, over the 6 weeks.

Targets (issue 17): the whole list **under 0.5 s** and **at most 3×** the read
time. Medians of ``--runs`` rounds; the finder's memories (folded names,
dates read) are emptied before each list, as at a session's first list.
Nothing is asserted: read the numbers.

Usage: ``.venv/bin/python bench/bench_contact_finder.py [--runs 7] [--json]``
(``--json`` prints one object on stdout).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.core.contact_finder import Subject, Window, find_candidates  # noqa: E402
from app.core.enums import EstablishmentStatus  # noqa: E402
from app.core.rosters import (  # noqa: E402
    ROSTER_OPTIONAL,
    ROSTER_REQUIRED,
    ROTA_REQUIRED,
    clear_caches,
    read_roster,
    read_rota,
)
from app.core.sheets import read_sheet  # noqa: E402

RESIDENTS = 300
STAFF = 150
UNITS = 6
WEEKS = 6
START = date(2026, 10, 19)
WINDOW = Window(START, START + timedelta(weeks=WEEKS) - timedelta(days=1))
SHIFTS = ((7, 7), (14, 7), (21, 10))  # start hour, length in hours
LAST = ("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
        "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "Cœur")  # fmt: skip
FIRST = ("Jeanne", "Marie", "Hélène", "Éloïse", "Paul", "Jean", "Louis", "André", "Zoé", "Inès")


def _name(rng: random.Random, i: int) -> tuple[str, str, str]:
    born = date(1925, 1, 1) + timedelta(days=rng.randrange(365 * 40) + i)
    return rng.choice(LAST), rng.choice(FIRST), born.strftime("%d/%m/%Y")


def make_files(seed: int = 17) -> tuple[bytes, bytes]:
    """The residents' file and the rota, as an export would give them (CSV UTF-8, ``;``)."""
    rng = random.Random(seed)
    fmt = "%d/%m/%Y"
    roster = ["\ufeffnom;prenom;date_naissance;unite;chambre;table;arrivee;depart"]
    per_unit = RESIDENTS // UNITS
    for i in range(RESIDENTS):
        last, first, born = _name(rng, i)
        unit = f"Unité {i % UNITS + 1}"
        room = str(100 * (i % UNITS + 1) + (i // UNITS) // 2)
        table = f"T{(i // UNITS) % 10 + 1}"
        arrival = (START - timedelta(days=rng.randrange(400))).strftime(fmt)
        if i % 10 == 0:  # changes room halfway
            move = START + timedelta(days=21)
            roster.append(f"{last};{first};{born};{unit};{room};{table};{arrival};{move:{fmt}}")
            new_room = str(100 * (i % UNITS + 1) + per_unit // 2 + i // 10 % 5)
            roster.append(f"{last};{first};{born};{unit};{new_room};{table};{move:{fmt}};")
        else:
            roster.append(f"{last};{first};{born};{unit};{room};{table};{arrival};")
    rota = ["nom;prenom;date_naissance;unite;debut;fin"]
    for i in range(STAFF):
        last, first, born = _name(rng, RESIDENTS + i)
        unit = f"Unité {i % UNITS + 1}"
        hour, length = SHIFTS[i % 3]
        for week in range(WEEKS):
            for day in rng.sample(range(7), 5):
                start = datetime.combine(START, datetime.min.time()) + timedelta(
                    weeks=week, days=day, hours=hour
                )
                end = start + timedelta(hours=length)
                rota.append(
                    f"{last};{first};{born};{unit};{start:%d/%m/%Y %H:%M};{end:%d/%m/%Y %H:%M}"
                )
    return ("\n".join(roster) + "\n").encode(), ("\n".join(rota) + "\n").encode()


def _subject(data: bytes, line: int, status: EstablishmentStatus) -> Subject:
    cells = data.decode("utf-8-sig").splitlines()[line - 1].split(";")
    born = datetime.strptime(cells[2], "%d/%m/%Y").date()
    return Subject((cells[0],), cells[1], born, "", "", status)


def _list(roster: bytes, rota: bytes, status: EstablishmentStatus) -> tuple[float, int]:
    """The whole list for one patient zéro, from the bytes: seconds, candidates."""
    clear_caches()  # as the first list of a session: no name folded, no date read yet
    t0 = time.perf_counter()
    stays = read_roster(roster, "residents.csv")
    shifts = read_rota(rota, "planning.csv")
    if status is EstablishmentStatus.STAFF:
        subject = _subject(rota, 2, status)
    else:
        subject = _subject(roster, 3, status)
    result = find_candidates(subject, stays, shifts, WINDOW)
    elapsed = time.perf_counter() - t0
    expected = "personnel" if status is EstablishmentStatus.STAFF else "resident"
    assert result.subject_found == expected
    return elapsed, len(result.candidates)


def one_round(roster: bytes, rota: bytes) -> tuple[float, float, float, int, int, int]:
    """Seconds to read the two files, to list for a resident and for a staff patient zéro."""
    t0 = time.perf_counter()
    rows = read_sheet(roster, "residents.csv", ROSTER_REQUIRED, ROSTER_OPTIONAL)
    rows += read_sheet(rota, "planning.csv", ROTA_REQUIRED)
    read_s = time.perf_counter() - t0
    resident_s, n_resident = _list(roster, rota, EstablishmentStatus.RESIDENT)
    staff_s, n_staff = _list(roster, rota, EstablishmentStatus.STAFF)
    return read_s, resident_s, staff_s, len(rows), n_resident, n_staff


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="rounds (medians)")
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    args = parser.parse_args()
    roster, rota = make_files()
    one_round(roster, rota)  # warm-up (imports, caches)
    reads: list[float] = []
    residents: list[float] = []
    staffs: list[float] = []
    for _ in range(args.runs):
        read_s, resident_s, staff_s, rows, n_resident, n_staff = one_round(roster, rota)
        reads.append(read_s)
        residents.append(resident_s)
        staffs.append(staff_s)
    read_ms = statistics.median(reads) * 1000
    resident_ms = statistics.median(residents) * 1000
    staff_ms = statistics.median(staffs) * 1000
    list_ms = max(resident_ms, staff_ms)
    report = {
        "residents": RESIDENTS,
        "staff": STAFF,
        "weeks": WEEKS,
        "rows": rows,
        "read_ms": round(read_ms, 1),
        "list_resident_pz_ms": round(resident_ms, 1),
        "list_staff_pz_ms": round(staff_ms, 1),
        "list_ms": round(list_ms, 1),
        "ratio": round(list_ms / read_ms, 2),
        "candidates_resident_pz": n_resident,
        "candidates_staff_pz": n_staff,
        "target_list_ms": 500,
        "target_ratio": 3.0,
    }
    if args.json:
        print(json.dumps(report))
        return 0
    print(
        f"{RESIDENTS} résidents, {STAFF} professionnels, {WEEKS} semaines\u00a0: "
        f"{rows} lignes ({len(roster) // 1024} + {len(rota) // 1024} Kio)"
    )
    print(f"lecture seule des deux fichiers (read_sheet)   {read_ms:8.1f} ms")
    print(
        f"liste complète, patient zéro résident          {resident_ms:8.1f} ms"
        f"   ({n_resident} candidats)"
    )
    print(
        f"liste complète, patient zéro professionnel     {staff_ms:8.1f} ms   ({n_staff} candidats)"
    )
    print(f"pire liste\u00a0: {list_ms:.1f} ms (cible < 500 ms)")
    print(f"rapport liste / lecture\u00a0: {list_ms / read_ms:.2f} × (cible ≤ 3 ×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
