"""Moodle competency-framework CSV: the real OECD example, both header spellings, groups,
HTML descriptions, exact round trips, located problems, all-or-nothing merges."""

import csv
import re
from pathlib import Path

import pytest

from curriculum_tool.catalog import create_workspace
from curriculum_tool.domain import Competency
from curriculum_tool.domain.records import MAX_TEXT
from curriculum_tool.errors import CurriculumError, Problem, ValidationError
from curriculum_tool.io import import_file
from curriculum_tool.io.interchange import export_interchange, import_interchange
from curriculum_tool.io.moodle import COLUMNS, html_to_text, read_moodle

EXAMPLE = (
    Path(__file__).resolve().parents[3]
    / "shared"
    / "data"
    / "moodle_competency_csv"
    / "example.csv"
)
OLD_HEADER = [
    "Parent id number",
    "Id number",
    "Shortname",
    "Description",
    "Description format",
    "Scale values",
    "Scale configuration",
    "Rule type (optional)",
    "Rule outcome (optional)",
    "Rule config (optional)",
    "Cross referenced competency id numbers",
    "Exported id (optional)",
    "Is framework",
    "Taxonomy",
]
#: The small files below are this tool's own framework (its ID numbers are codes); the
#: foreign-framework tests rename it.
FRAMEWORK = {
    "ID number": "curriculum-tool",
    "Short name": "Framework",
    "Is framework": "1",
    "Scale values": "Not yet competent,Competent",
    "Taxonomy": "competency,competency",
}


def row(parent, code, name, description=""):
    return {
        "Parent ID number": parent,
        "ID number": code,
        "Short name": name,
        "Description": description,
        "Description format": "1",
        "Rule outcome (optional)": "0",
        "Rule config (optional)": "null",
    }


#: A valid small framework: rows 2 (framework) to 6; row 3's description spans 3 lines.
VALID = [
    FRAMEWORK,
    row("", "manajerial", "Kompetensi Manajerial"),
    row(
        "manajerial",
        "M.01",
        "Integritas",
        "<p>Konsisten berperilaku\nselaras dengan nilai<br>\ndan etika.</p>",
    ),
    row("", "teknis", "Kompetensi Teknis"),
    row("teknis", "PB-KAJI", "Pengkajian Risiko Bencana Lanjut"),
]


def write_moodle_csv(path, rows, header=COLUMNS):
    """Rows keyed by the newer column names, written under ``header`` (same order)."""
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        for cells in rows:
            writer.writerow([cells.get(column, "") for column in COLUMNS])
    return path


def refused(workspace, path):
    with pytest.raises(ValidationError) as info:
        import_interchange(workspace, "moodle", path)
    return info.value.problems


# -- the real Moodle example -----------------------------------------------------------------


def test_the_oecd_example_imports_cleanly(tmp_path):
    if not EXAMPLE.is_file():
        pytest.skip(
            f"{EXAMPLE.parent} absent (shared data folder): the real Moodle "
            "example is not available here"
        )
    ws = create_workspace(tmp_path / "empty.sqlite", empty=True)
    try:
        [summary] = import_interchange(ws, "moodle", EXAMPLE)
        assert (summary.rows, summary.added, summary.updated) == (64, 64, 0)
        competencies = {c.code: c for c in ws.load("competencies")}
    finally:
        ws.close()
    assert len(competencies) == 64
    assert "OECD-CORE" not in competencies  # the framework row is no competency
    codes = {"levels", "level-1", "competencies", "DR-AT1", "DR-AT-2", "S-ST-1"}
    assert {f"OECD-CORE-{code}" for code in codes} <= set(competencies)
    assert all(code.startswith("OECD-CORE-") for code in competencies)
    assert (
        competencies["OECD-CORE-DR-AT-2"].name
        == "Gathers information from a variety of sources to reach a conclusion."
    )
    assert competencies["OECD-CORE-analytical-thinking"].description == (
        "Analytical Thinking is the ability to identify patterns across situations that are "
        "not obviously related, and to identify key or underlying issues in complex "
        "situations."
    )
    assert competencies["OECD-CORE-DR-DS-1"].name.endswith(
        "audiences."
    )  # Moodle's trailing space cut
    assert {c.group for c in competencies.values()} == {"teknis"}  # no group rows in it
    for competency in competencies.values():
        assert "<" not in competency.description and "\n" not in competency.description


def test_the_oecd_example_rows_count_csv_records_not_lines():
    if not EXAMPLE.is_file():
        pytest.skip(f"{EXAMPLE.parent} absent (shared data folder)")
    [parsed] = read_moodle(EXAMPLE, "example.csv")
    assert parsed.problems == []
    assert parsed.rows == list(range(3, 67))  # row 2 is the framework, 209 physical lines


# -- reading ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [list(COLUMNS), OLD_HEADER, [name.upper() for name in OLD_HEADER]],
    ids=["newer", "older", "upper-case"],
)
def test_both_header_spellings_read_the_same(tmp_path, header):
    [parsed] = read_moodle(write_moodle_csv(tmp_path / "f.csv", VALID, header), "f.csv")
    assert parsed.problems == []
    assert parsed.records == [
        Competency(
            "M.01",
            "Integritas",
            "manajerial",
            "Konsisten berperilaku selaras dengan nilai dan etika.",
        ),
        Competency("PB-KAJI", "Pengkajian Risiko Bencana Lanjut", "teknis", ""),
    ]
    assert parsed.rows == [4, 6]


def test_group_comes_from_the_top_level_ancestor(tmp_path):
    rows = [
        FRAMEWORK,
        row("", "sosial_kultural", "Sosial Kultural"),
        row("sosial_kultural", "SK", "Perekat Bangsa"),
        row("SK", "SK.1", "Toleransi"),
        row("curriculum-tool", "manajerial", "Under the framework id: still top level"),
        row("manajerial", "M.02", "Kerja Sama"),
        row("", "other", "Another root"),
        row("other", "teknis", "A 'teknis' that is not top level"),
        row("teknis", "X-1", "Below it"),
    ]
    [parsed] = read_moodle(write_moodle_csv(tmp_path / "g.csv", rows), "g.csv")
    assert parsed.problems == []
    assert {c.code: c.group for c in parsed.records} == {
        "SK": "sosial_kultural",
        "SK.1": "sosial_kultural",
        "M.02": "manajerial",
        "other": "teknis",
        "teknis": "teknis",
        "X-1": "teknis",
    }


def test_html_descriptions_become_one_line_of_plain_text():
    assert (
        html_to_text("<p>A&amp;B &lt;C&gt;&nbsp;&#8220;D&#8221;</p><p>E<br>F</p>")
        == "A&B <C> “D” E F"
    )
    assert html_to_text("<ul><li>one</li><li>two</li></ul>") == "one two"
    assert html_to_text("in<b>line</b> <em>tags</em>") == "inline tags"
    assert html_to_text("<p>x</p>", plain=True) == "<p>x</p>"  # Moodle's plain format
    long = html_to_text("<p>" + "kata " * 200 + "</p>")
    assert len(long) == MAX_TEXT and long.endswith("…")


# -- writing and round trips -----------------------------------------------------------------


def test_default_catalog_round_trips_exactly(tmp_path):
    ws = create_workspace(tmp_path / "catalog.sqlite")
    empty = create_workspace(tmp_path / "empty.sqlite", empty=True)
    try:
        original = ws.load("competencies")
        out = tmp_path / "framework.csv"
        assert export_interchange(ws, "moodle", out) == len(original) > 20
        [parsed] = read_moodle(out, out.name)
        assert parsed.problems == []
        assert parsed.records == original
        import_interchange(empty, "moodle", out)
        assert empty.load("competencies") == original
    finally:
        ws.close()
        empty.close()
    data = out.read_bytes()
    assert b"\r" not in data
    with open(out, newline="", encoding="utf-8") as handle:
        lines = list(csv.reader(handle))
    assert lines[0] == list(COLUMNS)
    framework = dict(zip(COLUMNS, lines[1]))
    assert re.fullmatch(r"curriculum-tool-[0-9a-f]{8}-[0-9a-f]{8}", framework["ID number"])
    assert (
        framework["Short name"],
        framework["Is framework"],
        framework["Scale values"],
        framework["Parent ID number"],
    ) == ("catalog", "1", "Belum kompeten,Kompeten", "")
    assert (
        framework["Scale configuration"]
        == '[{"scaleid":"2"},{"id":2,"scaledefault":1,"proficient":1}]'
    )
    groups = [dict(zip(COLUMNS, line)) for line in lines[2:5]]
    assert [(g["ID number"], g["Short name"], g["Parent ID number"]) for g in groups] == [
        ("teknis", "Kompetensi Teknis", ""),
        ("manajerial", "Kompetensi Manajerial", ""),
        ("sosial_kultural", "Kompetensi Sosial Kultural", ""),
    ]
    first = dict(zip(COLUMNS, lines[5]))
    assert first["Description"].startswith("<p>") and first["Description"].endswith("</p>")
    assert (
        first["Description format"],
        first["Rule outcome (optional)"],
        first["Rule config (optional)"],
    ) == ("1", "0", "null")
    assert [line[COLUMNS.index("Exported ID (optional)")] for line in lines[2:]] == [
        str(n) for n in range(1, len(lines) - 1)
    ]


def test_special_characters_survive_the_round_trip(workspace, write_csv, tmp_path):
    tricky = {
        "code": "X.1",
        "name": 'Koma, "kutip" & <tag>',
        "group": "sosial_kultural",
        "description": 'a < b & c > d; "e", f\'s &amp; tetap',
    }
    import_file(workspace, "competencies", write_csv("c.csv", "competencies", [tricky]))
    out = tmp_path / "out.csv"
    export_interchange(workspace, "moodle", out)
    assert "&lt;" in out.read_text(encoding="utf-8")
    [parsed] = read_moodle(out, out.name)
    assert parsed.records == workspace.load("competencies")
    assert Competency(**tricky) in parsed.records


def test_export_only_writes_the_groups_in_use(workspace, tmp_path):
    out = tmp_path / "mini.csv"
    assert export_interchange(workspace, "moodle", out) == 3
    with open(out, newline="", encoding="utf-8") as handle:
        ids = [line["ID number"] for line in csv.DictReader(handle)]
    assert ids[0].startswith("curriculum-tool-")
    assert ids[1:] == ["teknis", "manajerial", "LITDIG", "M.01", "PB-KAJI"]


def test_export_refuses_a_non_csv_name(workspace, tmp_path):
    with pytest.raises(CurriculumError, match=r"\.csv"):
        export_interchange(workspace, "moodle", tmp_path / "framework.xlsx")
    assert not (tmp_path / "framework.xlsx").exists()


def test_export_refuses_a_code_that_is_also_a_group_row(workspace, write_csv, tmp_path):
    clash = {"code": "teknis", "name": "Teknis", "group": "teknis", "description": ""}
    import_file(workspace, "competencies", write_csv("c.csv", "competencies", [clash]))
    with pytest.raises(CurriculumError, match="'teknis' is also a group's ID number"):
        export_interchange(workspace, "moodle", tmp_path / "out.csv")
    assert not (tmp_path / "out.csv").exists()


# -- problems: located, all reported, nothing changed ----------------------------------------


def edit(index, column, value):
    """VALID with one cell of ``VALID[index]`` (on row ``index + 2``) changed."""
    return [{**r, column: value} if i == index else r for i, r in enumerate(VALID)]


@pytest.mark.parametrize(
    "rows, expected",
    [
        (
            edit(4, "Parent ID number", "nowhere"),
            [
                Problem(
                    "f.csv",
                    6,
                    "Parent ID number",
                    "unknown parent 'nowhere'; no row has this ID number",
                )
            ],
        ),
        (
            [*VALID, row("B", "A", "a"), row("A", "B", "b")],
            [
                Problem(
                    "f.csv",
                    7,
                    "Parent ID number",
                    "parent cycle A → B → A; remove one of these parents",
                )
            ],
        ),
        (
            [*VALID, row("teknis", "M.01", "Lagi")],
            [Problem("f.csv", 7, "ID number", "duplicate ID number 'M.01', first at row 4")],
        ),
        (edit(4, "Short name", "  "), [Problem("f.csv", 6, "Short name", "name is required")]),
        (
            VALID[:2] + VALID[3:4],
            [
                Problem(
                    "f.csv",
                    1,
                    "-",
                    "the file holds no competency (only a framework row, or no rows)",
                )
            ],
        ),
    ],
    ids=["missing-parent", "cycle", "duplicate", "empty-name", "no-competency"],
)
def test_a_bad_row_is_located_and_changes_nothing(workspace, tmp_path, snapshot, rows, expected):
    before = snapshot(workspace)
    assert refused(workspace, write_moodle_csv(tmp_path / "f.csv", rows)) == expected
    assert snapshot(workspace) == before


@pytest.mark.parametrize(
    "header, expected",
    [
        (
            [c for c in COLUMNS if c != "Short name"],
            [Problem("f.csv", 1, "Short name", "missing column 'Short name'")],
        ),
        (
            [*COLUMNS[:13], "Level"],
            [
                Problem(
                    "f.csv",
                    1,
                    "Level",
                    "unknown column 'Level'; expected Moodle's: " + ", ".join(COLUMNS),
                )
            ],
        ),
        (
            [*COLUMNS[:13], "ID NUMBER"],
            [Problem("f.csv", 1, "ID number", "column 'ID number' appears twice")],
        ),
    ],
    ids=["missing", "unknown", "twice"],
)
def test_a_wrong_header_is_reported_on_row_1(workspace, tmp_path, snapshot, header, expected):
    path = tmp_path / "f.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerow(["", "X-1", "x"] + [""] * (len(header) - 3))
    before = snapshot(workspace)
    assert refused(workspace, path) == expected
    assert snapshot(workspace) == before


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"", Problem("f.csv", 1, "-", "the file is empty (no header row)")),
        (b"\xff\xfe not utf-8", Problem("f.csv", 1, "-", "the file is not UTF-8 text")),
    ],
    ids=["empty", "not-utf8"],
)
def test_an_unreadable_file_is_refused(workspace, tmp_path, snapshot, content, expected):
    path = tmp_path / "f.csv"
    path.write_bytes(content)
    before = snapshot(workspace)
    assert refused(workspace, path) == [expected]
    assert snapshot(workspace) == before


def test_every_problem_is_reported_in_row_order(workspace, tmp_path, snapshot):
    rows = [dict(r) for r in VALID] + [
        row("teknis", "bad code", ""),  # row 7: the name (the code is derived)
        row("C", "C", "Its own parent"),  # row 8
        row("ghost", "Y-1", "y"),  # row 9
        row("teknis", "PB-KAJI", "again"),  # row 10
        {**row("teknis", "Z-1", "z"), "Taxonomy": "t"},
    ]  # row 11: fine
    path = write_moodle_csv(tmp_path / "f.csv", rows)
    with open(path, "a", encoding="utf-8") as handle:  # row 12: one cell too many
        handle.write("teknis,Z-2,z" + "," * 11 + ",extra\n")
    before = snapshot(workspace)
    problems = refused(workspace, path)
    assert [(p.row, p.column) for p in problems] == [
        (7, "Short name"),
        (8, "Parent ID number"),
        (9, "Parent ID number"),
        (10, "ID number"),
        (12, "-"),
    ]
    assert problems[1].message == "parent cycle C → C; remove one of these parents"
    assert problems[4].message == "row has 15 cells but the header has 14"
    assert snapshot(workspace) == before


def test_a_second_framework_row_is_a_problem(tmp_path):
    rows = [*VALID, {**FRAMEWORK, "ID number": "FW2"}]
    [parsed] = read_moodle(write_moodle_csv(tmp_path / "f.csv", rows), "f.csv")
    assert [(p.row, p.column) for p in parsed.problems] == [(7, "Is framework")]


# -- merging ---------------------------------------------------------------------------------


def test_merging_updates_names_by_code_and_adds_new_ones(workspace, tmp_path):
    before = {c.code: c for c in workspace.load("competencies")}
    rows = [*VALID, row("teknis", "NEW-1", "Kompetensi Baru", "<p>Baru.</p>")]
    [summary] = import_interchange(workspace, "moodle", write_moodle_csv(tmp_path / "f.csv", rows))
    assert (summary.rows, summary.added, summary.updated) == (3, 1, 2)
    after = {c.code: c for c in workspace.load("competencies")}
    assert after["PB-KAJI"] == Competency(
        "PB-KAJI", "Pengkajian Risiko Bencana Lanjut", "teknis", ""
    )
    assert after["M.01"].description == "Konsisten berperilaku selaras dengan nilai dan etika."
    assert after["NEW-1"] == Competency("NEW-1", "Kompetensi Baru", "teknis", "Baru.")
    assert after["LITDIG"] == before["LITDIG"]  # absent from the file: kept as it was
    assert set(after) == set(before) | {"NEW-1"}
    assert workspace.load("modules")  # the modules that use these codes are untouched


# -- Moodle files as they really are ------------------------------------------------------------

GERMAN_HEADER = [
    "ID-Nummer des übergeordneten Elements",
    "ID-Nummer",
    "Kurzer Name",
    "Beschreibung",
    "Beschreibungsformat",
    "Skalenwerte",
    "Skalenkonfiguration",
    "Regeltyp (optional)",
    "Regelergebnis (optional)",
    "Regelkonfiguration (optional)",
    "ID-Nummern der querverwiesenen Kompetenzen",
    "Exportierte ID (optional)",
    "Ist Kompetenzrahmen",
    "Taxonomie",
]
INDONESIAN_HEADER = [
    "Nomor ID induk",
    "Nomor ID",
    "Nama singkat",
    "Deskripsi",
    "Format deskripsi",
    "Nilai skala",
    "Konfigurasi skala",
    "Jenis aturan (opsional)",
    "Hasil aturan (opsional)",
    "Konfigurasi aturan (opsional)",
    "Nomor ID kompetensi rujukan silang",
    "ID ekspor (opsional)",
    "Adalah kerangka",
    "Taksonomi",
]


def foreign(framework: str, rows: list[dict]) -> list[dict]:
    """``rows`` under another framework's row (its ID number ``framework``)."""
    return [{**FRAMEWORK, "ID number": framework}, *rows[1:]]


@pytest.mark.parametrize("header", [GERMAN_HEADER, INDONESIAN_HEADER], ids=["de", "id"])
def test_a_translated_header_is_read_by_position_as_moodle_does(workspace, tmp_path, header):
    """The real OECD example with its header translated, as a German or an Indonesian
    Moodle writes it."""
    if not EXAMPLE.is_file():
        pytest.skip(f"{EXAMPLE.parent} absent (shared data folder)")
    with open(EXAMPLE, newline="", encoding="utf-8") as handle:
        records = list(csv.reader(handle))
    path = tmp_path / "translated.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([header, *records[1:]])
    [english] = read_moodle(EXAMPLE, "example.csv")
    [parsed] = read_moodle(path, "translated.csv")
    assert parsed.problems == []
    assert parsed.records == english.records
    assert "read by position" in parsed.notes[0] and header[0] in parsed.notes[0]
    [summary] = import_interchange(workspace, "moodle", path)
    assert summary.added == 64
    assert "  note: the header is not Moodle's English one" in str(summary)


def test_two_frameworks_with_the_same_id_numbers_stay_apart(workspace, tmp_path):
    first = [row("", "1", "Analisis"), row("1", "1.1", "Analisis data")]
    second = [row("", "1", "Kepemimpinan"), row("1", "1.1", "Memimpin tim")]
    path_a = write_moodle_csv(tmp_path / "a.csv", foreign("KERANGKA-A", [FRAMEWORK, *first]))
    path_b = write_moodle_csv(tmp_path / "b.csv", foreign("KERANGKA B", [FRAMEWORK, *second]))
    [a] = import_interchange(workspace, "moodle", path_a)
    [b] = import_interchange(workspace, "moodle", path_b)
    assert (a.added, b.added, b.updated) == (2, 2, 0)
    stored = {c.code: c.name for c in workspace.load("competencies")}
    assert stored["KERANGKA-A-1"] == "Analisis"
    assert stored["KERANGKA-A-1.1"] == "Analisis data"
    assert stored["KERANGKA-B-1"] == "Kepemimpinan"
    assert stored["KERANGKA-B-1.1"] == "Memimpin tim"
    assert "qualified as 'KERANGKA-B-…'" in str(b)


def test_an_id_number_that_is_no_code_gets_a_stable_derived_one(workspace, tmp_path):
    rows = foreign("OECD", [FRAMEWORK, row("", "Analytical thinking", "Analytical Thinking")])
    path = write_moodle_csv(tmp_path / "f.csv", rows)
    [first] = import_interchange(workspace, "moodle", path)
    [again] = import_interchange(workspace, "moodle", path)
    assert (first.added, again.added, again.updated) == (1, 0, 1)
    assert "'Analytical thinking' → OECD-42fd34e0" in str(first)
    assert {c.code for c in workspace.load("competencies")} >= {"OECD-42fd34e0"}


def test_the_2016_spelling_and_semicolons_are_read(tmp_path):
    header = [
        name.replace(" (optional)", "") if name.startswith("Rule type") else name
        for name in COLUMNS
    ]
    path = tmp_path / "semicolons.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(header)
        for cells in VALID:
            writer.writerow([cells.get(column, "") for column in COLUMNS])
    [parsed] = read_moodle(path, "semicolons.csv")
    [plain] = read_moodle(write_moodle_csv(tmp_path / "plain.csv", VALID), "plain.csv")
    assert "Rule type" in header and parsed.problems == []
    assert parsed.records == plain.records and len(parsed.records) == 2


def framework_row(path) -> dict[str, str]:
    with open(path, newline="", encoding="utf-8") as handle:
        return next(r for r in csv.DictReader(handle) if r["Is framework"] == "1")


def test_each_workspace_and_dictionary_version_exports_its_own_framework(tmp_path, write_csv):
    import shutil

    from curriculum_tool.store import Workspace

    create_workspace(tmp_path / "a.sqlite").close()
    shutil.copy(tmp_path / "a.sqlite", tmp_path / "copy.sqlite")
    for source, out in (("a", "a1"), ("copy", "copy")):
        with Workspace.open(tmp_path / f"{source}.sqlite") as ws:
            export_interchange(ws, "moodle", tmp_path / f"{out}.csv")
    with create_workspace(tmp_path / "b.sqlite") as other:
        export_interchange(other, "moodle", tmp_path / "b.csv")
    with Workspace.open(tmp_path / "a.sqlite") as first:
        rows = [{"code": "NEW-9", "name": "Baru", "group": "teknis", "description": ""}]
        import_file(first, "competencies", write_csv("c.csv", "competencies", rows))
        export_interchange(first, "moodle", tmp_path / "a2.csv")
    names = ("a1.csv", "b.csv", "copy.csv", "a2.csv")
    ids = {name: framework_row(tmp_path / name)["ID number"] for name in names}
    assert all(i.startswith("curriculum-tool-") and len(i) <= 100 for i in ids.values())
    assert ids["copy.csv"] == ids["a1.csv"]  # the same data, wherever its file lives
    assert len({ids["a1.csv"], ids["b.csv"], ids["a2.csv"]}) == 3


def test_long_names_fit_moodle_and_come_back_whole(workspace, write_csv, tmp_path):
    name = "Pengelolaan " + "risiko bencana berbasis komunitas dan " * 4 + "ketangguhan"
    assert len(name) > 100
    rows = [{"code": "PANJANG-1", "name": name, "group": "teknis", "description": "Uraian."}]
    import_file(workspace, "competencies", write_csv("c.csv", "competencies", rows))
    out = tmp_path / "out.csv"
    export_interchange(workspace, "moodle", out)
    with open(out, newline="", encoding="utf-8") as handle:
        written = next(r for r in csv.DictReader(handle) if r["ID number"] == "PANJANG-1")
    assert len(written["Short name"]) == 100 and written["Short name"].endswith("…")
    [parsed] = read_moodle(out, "out.csv")
    back = {c.code: c for c in parsed.records}["PANJANG-1"]
    assert (back.name, back.description) == (name, "Uraian.")
