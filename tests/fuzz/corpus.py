"""The fuzz corpus: valid and damaged input files for every import kind, each labelled
with what the importer must do with it.

Two ways in: :func:`random_case` draws a kind, a format and a registered mutation from a
``random.Random`` (seeded by the benchmark; hypothesis drives it in the tests through
``st.randoms()``), and :func:`hand_made_cases` lists the cases the issue names one by one
(far cells, stale dimensions, truncation, bombs, deep nesting, surrogates…). The
mutations live in ``table_mutations``, ``xlsx_mutations`` and ``interchange_mutations``.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator

from . import (
    csv_mutations,  # noqa: F401 - registers the CSV byte mutations
    interchange_mutations as interchange,
    table_mutations as tables,
    xlsx_mutations as xlsx,
)
from .base import (
    ALL_KINDS,
    BAD,
    EITHER,
    ESCAPE_SURROGATES,
    GOOD,
    MUTATIONS,
    TABLE_KINDS,
    Case,
    Mutation,
    Table,
    base_data,
    csv_bytes,
    table_case,
)
from .xlsx_build import XCell, table_cells

__all__ = [
    "ALL_KINDS",
    "BAD",
    "EITHER",
    "FORMATS",
    "GOOD",
    "TABLE_KINDS",
    "Case",
    "base_data",
    "combos",
    "every_combo",
    "hand_made_cases",
    "random_case",
    "random_cases",
    "sweep",
]

#: The formats each kind is read from.
FORMATS = {**dict.fromkeys(TABLE_KINDS, ("csv", "xlsx")), "moodle": ("csv",), "case": ("json",)}


def combos(
    kinds: Iterable[str] | None = None, formats: Iterable[str] | None = None
) -> list[tuple[str, str, Mutation]]:
    """Every (kind, format, mutation) that makes sense, in a stable order."""
    kinds = set(kinds or ALL_KINDS)
    formats = set(formats or ("csv", "xlsx", "json"))
    return [
        (kind, fmt, m)
        for m in MUTATIONS.values()
        for kind in ALL_KINDS
        for fmt in FORMATS[kind]
        if kind in kinds and fmt in formats and kind in m.kinds and fmt in m.formats
    ]


def random_case(
    rnd: random.Random, kinds: Iterable[str] | None = None, formats: Iterable[str] | None = None
) -> Case:
    """A kind (each equally likely), one of its formats, then a mutation by weight."""
    available = combos(kinds, formats)
    kind = rnd.choice(sorted({k for k, _, _ in available}))
    fmt = rnd.choice(sorted({f for k, f, _ in available if k == kind}))
    choices = [m for k, f, m in available if k == kind and f == fmt]
    chosen = rnd.choices(choices, [m.weight for m in choices])[0]
    return chosen.make(rnd, kind, fmt)


def random_cases(
    seed: int, count: int, kinds: Iterable[str] | None = None, formats: Iterable[str] | None = None
) -> Iterator[Case]:
    """``count`` cases; each notes the seed that makes it again with :func:`random_case`."""
    master = random.Random(seed)
    kinds = list(kinds) if kinds is not None else None
    formats = list(formats) if formats is not None else None
    for _ in range(count):
        case_seed = master.randrange(2**63)
        case = random_case(random.Random(case_seed), kinds, formats)
        yield _noted(case, f"random_case(Random({case_seed}))")


def sweep(seed: int = 0, light: bool = False, kinds: Iterable[str] | None = None) -> list[Case]:
    """Every mutation once per format it applies to, on a kind drawn with ``seed``;
    ``light`` leaves out the rarely drawn heavy ones (large files, zip bombs)."""
    rnd = random.Random(seed)
    available = combos(kinds)
    made = []
    for mutation in MUTATIONS.values():
        if light and mutation.weight < 0.5:
            continue
        for fmt in sorted(mutation.formats):
            options = sorted({k for k, f, m in available if m is mutation and f == fmt})
            if options:
                kind = rnd.choice(options)
                case_seed = rnd.randrange(2**63)
                made.append(
                    _noted(
                        mutation.make(random.Random(case_seed), kind, fmt),
                        f"{mutation.name}(Random({case_seed}), {kind!r}, {fmt!r})",
                    )
                )
    return made


def every_combo(seed: int = 0) -> Iterator[Case]:
    """Every mutation on every kind and format it applies to, once each."""
    master = random.Random(seed)
    for kind, fmt, mutation in combos():
        case_seed = master.randrange(2**63)
        yield _noted(
            mutation.make(random.Random(case_seed), kind, fmt),
            f"{mutation.name}(Random({case_seed}), {kind!r}, {fmt!r})",
        )


def _noted(case: Case, origin: str) -> Case:
    from dataclasses import replace

    return replace(case, note=f"{case.note}; {origin}" if case.note else origin)


# -- hand-made cases ---------------------------------------------------------------------------


def _learner_table(count: int, seed: int = 0) -> Table:
    return Table.of("learners", tables.synthetic_rows(random.Random(seed), "learners", count))


def _xlsx_table_cases() -> list[Case]:
    cases = []
    table = _learner_table(200)
    rows, shared = table_cells(table.header, table.rows, "shared")
    cases.append(
        xlsx.xlsx_case(
            "learners",
            "stale_dimension_200_rows",
            GOOD,
            rows,
            shared,
            dimension="A1:J2",
            expect_rows=200,
        )
    )
    cases.append(
        xlsx.xlsx_case(
            "learners",
            "dimension_whole_sheet",
            GOOD,
            rows,
            shared,
            dimension="A1:XFD1048576",
            expect_rows=200,
        )
    )
    small = _learner_table(3, seed=1)
    rows, shared = table_cells(small.header, small.rows, "inline")
    far_value = XCell(t="inlineStr", inline="x")
    cases.append(
        xlsx.xlsx_case(
            "learners",
            "far_cell_XFD1048576",
            BAD,
            [*rows, (xlsx.LAST_ROW, [(xlsx.LAST_COLUMN, far_value)])],
            None,
        )
    )
    cases.append(
        xlsx.xlsx_case(
            "learners",
            "far_cell_XFD1048576_empty",
            EITHER,
            [*rows, (xlsx.LAST_ROW, [(xlsx.LAST_COLUMN, XCell())])],
            None,
        )
    )
    cases.append(
        xlsx.xlsx_case(
            "modules",
            "far_cell_XFD1048576_only_cell",
            BAD,
            [(xlsx.LAST_ROW, [(xlsx.LAST_COLUMN, far_value)])],
            None,
            dimension=None,
        )
    )
    moved = [*rows[:-1], (xlsx.LAST_ROW, rows[-1][1])]
    cases.append(xlsx.xlsx_case("learners", "far_row_1048576", GOOD, moved, None))
    twice = [*rows[:-1], (rows[-2][0], rows[-1][1])]
    cases.append(xlsx.xlsx_case("learners", "row_number_twice", BAD, twice, None))
    back = [rows[0], rows[2], rows[1], *rows[3:]]
    cases.append(xlsx.xlsx_case("learners", "row_numbers_backwards", BAD, back, None))
    for seed in range(4):  # with and without cached values, text and number cells
        cases.append(
            _noted(xlsx.formula(random.Random(seed), "modules", "xlsx"), f"formula(Random({seed}))")
        )
    for maker, kinds in (
        (xlsx.error_cell, ["outcomes"]),
        (xlsx.shared_strings_broken, ["competencies", "regions", "learners", "modules"]),
        (xlsx.part_missing, ["learners"] * 3),
        (xlsx.no_sheet, ["modules"]),
        (xlsx.not_a_workbook, ["regions"] * 3),
        (xlsx.number_forms, ["regions", "outcomes"]),
        (xlsx.date_cell, ["outcomes"]),
        (xlsx.rich_text, ["learners"]),
        (xlsx.sheet_elsewhere, ["competencies"]),
        (xlsx.xml_deep_nesting, ["competencies", "competencies"]),
    ):
        for seed, kind in enumerate(kinds):
            cases.append(
                _noted(
                    maker(random.Random(seed), kind, "xlsx"),
                    f"{maker.__name__}(Random({seed}), {kind!r})",
                )
            )
    data = xlsx.xlsx_case("learners", "x", GOOD, rows, None).data
    cases.append(Case("learners", "zip_truncated", BAD, ".xlsx", data[: len(data) * 2 // 3]))
    cases.append(Case("learners", "zip_cut_last_byte", BAD, ".xlsx", data[:-1]))
    for seed in range(8):
        cases.append(
            _noted(
                xlsx.xml_entities(random.Random(seed), "competencies", "xlsx"),
                f"xml_entities(Random({seed}))",
            )
        )
    return cases


def _csv_cases() -> list[Case]:
    rows = base_data().rows
    demo = next(r for r in rows["learners"] if r["id"] == "DEMO-001")
    others = [r for r in rows["learners"] if r is not demo]
    learners = Table.of("learners", [demo, *others[:5]])
    cases = []
    # The probe's case: DEMO-001 without its last two cells (competencies, completed) in a
    # file without the optional columns; padding it wiped what the learner had.
    required = [c for c in learners.header if c not in ("status", "unit", "supervisor")]
    short = Table.of("learners", [demo, *others[:3]], required)
    short.rows[0] = short.rows[0][:-2]
    cases.append(table_case("learners", "csv", "short_row_last_two_cells", BAD, short))
    data = csv_bytes(learners)
    last_row = data.rstrip(b"\n").rfind(b"\n") + 1
    cases.append(
        Case(
            "learners",
            "truncated_mid_row",
            BAD,
            ".csv",
            data[: last_row + (len(data) - last_row) // 2],
        )
    )
    cases.append(Case("learners", "truncated_last_cell", BAD, ".csv", data[:-2]))
    cases.append(Case("learners", "truncated_at_row_end", EITHER, ".csv", data[:last_row]))
    cases.append(table_case("learners", "csv", "bom_crlf", GOOD, learners, bom=True, crlf=True))
    for column, text, verdict in (
        ("name", "Bu\x00di", BAD),
        ("id", "DEMO\x00-9", BAD),
        ("name", "\x1b[31mBudi\x1b[0m", EITHER),
        ("name", "Budi\nSantoso", EITHER),
        ("region", "72\n.71", BAD),
        ("name", "Siti \U0001f600 Nur\u00e9", GOOD),
    ):
        table = learners.copy()
        table.rows[0][table.header.index(column)] = text
        cases.append(table_case("learners", "csv", f"cell_{column}", verdict, table))
    for header_name in ("na\x00me", "na\nme", "\x1b[31mname", "na\rme", "na\u2028me"):
        table = learners.copy()
        table.header[table.header.index("name")] = header_name
        cases.append(table_case("learners", "csv", "odd_header", BAD, table))
    for errors, surrogate in (
        ("surrogatepass", "\ud800"),
        (ESCAPE_SURROGATES, "\udcff"),
        ("surrogatepass", "\udfff"),
    ):
        table = learners.copy()
        cases.append(
            tables.cell_case(
                "learners",
                "csv",
                table,
                1,
                "name",
                surrogate,
                f"lone_surrogate_{errors}",
                errors=errors,
            )
        )
        cases.append(
            tables.cell_case(
                "learners",
                "xlsx",
                table,
                1,
                "name",
                surrogate,
                f"lone_surrogate_{errors}",
                errors=errors,
            )
        )
    modules = Table.of("modules", rows["modules"][:4])
    for fmt, numbers in (("csv", True), ("xlsx", True), ("xlsx", False)):
        table = modules.copy()
        table.rows[1][table.header.index("jp")] = "9" * 5000
        cases.append(
            table_case("modules", fmt, "huge_integer_5000_digits", BAD, table, numbers=numbers)
        )
    for fmt in ("csv", "xlsx"):
        too_many = _learner_table(9, seed=3)
        cases.append(
            table_case(
                "learners",
                fmt,
                "too_many_rows",
                BAD,
                too_many,
                env=((tables.MAX_ROWS_VARIABLE, "5"),),
            )
        )
        cases.append(
            table_case(
                "learners",
                fmt,
                "rows_at_limit",
                GOOD,
                too_many,
                env=((tables.MAX_ROWS_VARIABLE, "9"),),
            )
        )
        cases.append(
            table_case("learners", fmt, "large_valid_5000", GOOD, _learner_table(5000, seed=4))
        )
    return cases


def _interchange_cases() -> list[Case]:
    cases = [interchange.moodle_chain_case(5000)]
    for how in range(12):
        cases.append(
            _noted(
                interchange.moodle_tree_broken(random.Random(how), "moodle", "csv"),
                f"moodle_tree_broken(Random({how}))",
            )
        )
    for seed in range(6):
        cases.append(
            _noted(
                interchange.moodle_row_shape(random.Random(seed), "moodle", "csv"),
                f"moodle_row_shape(Random({seed}))",
            )
        )
    cases.append(interchange.deep_json_case(50_000, random.Random(1)))
    cases.append(interchange.deep_json_case(50_000, random.Random(3)))
    cases.append(interchange.big_int_case(5_000, random.Random(1)))
    cases.append(interchange.big_int_case(5_000, random.Random(2)))
    for name, change in interchange.WRONG_TYPES:
        cases.append(
            Case(
                "case",
                f"case_wrong_{name}",
                BAD,
                ".json",
                interchange.case_bytes(change(interchange.case_package())),
            )
        )
    for seed in range(8):
        cases.append(
            _noted(
                interchange.case_text(random.Random(seed), "case", "json"),
                f"case_text(Random({seed}))",
            )
        )
    package = interchange.case_package()
    item = package["CFItems"][interchange._items(package, "Kompetensi")[0]]
    item["fullStatement"] = "k" * 8_000_000
    cases.append(
        Case("case", "case_huge_string_8MB", EITHER, ".json", interchange.case_bytes(package))
    )
    return cases


def hand_made_cases(bomb_mib: int = xlsx.BOMB_MIB) -> list[Case]:
    """The cases the issue names, each once, in a fixed order."""
    cases = _csv_cases() + _xlsx_table_cases() + _interchange_cases()
    cases += [
        xlsx.zip_bomb_case("learners", "sheet", bomb_mib),
        xlsx.zip_bomb_case("competencies", "strings", bomb_mib),
    ]
    return [_noted(case, f"hand_made_cases()[{i}]") for i, case in enumerate(cases)]
