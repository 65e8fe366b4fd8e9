"""Strict, bounded readers: short and cut-off rows, the whole XLSX sheet and nothing more,
formulas and error cells, broken packages and bombs, row/JSON/number limits, control
characters, the Moodle tree; every refusal one located line, and nothing changed."""

import json
import re
import zipfile
import zlib
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from fuzz.xlsx_build import column_letters as column
from store.test_postgres import backend, new_pg_database, pg_cluster  # noqa: F401 - fixtures

from curriculum_tool.catalog import create_workspace
from curriculum_tool.errors import Problem, ValidationError, printable
from curriculum_tool.io import import_file
from curriculum_tool.io.interchange import import_interchange
from curriculum_tool.io.moodle import COLUMNS as MOODLE_COLUMNS
from curriculum_tool.io.tables import MAX_ROWS_VARIABLE, read_rows
from curriculum_tool.io.xlsx_rows import MAX_RATIO, RATIO_FREE_BYTES

COMPETENCY_HEADER = "code,name,group,description"
LEARNER_HEADER = "id,name,position,region,digital_literacy,competencies,completed"
DEMO = "DEMO-001,Peserta Demo 01 (sintetis),analis-kebijakan,72.71,0"
CUT_OFF = (
    "the file ends in the middle of row {row}: it may have been cut off "
    "(a complete file ends with a line break)"
)
FORMULA = (
    "formula without a value: save the file in Excel/LibreOffice so it stores values, "
    "or paste values"
)


def refused(workspace, kind, path):
    """The problem lines of an import that must be refused."""
    with pytest.raises(ValidationError) as info:
        if kind in ("moodle", "case"):
            import_interchange(workspace, kind, path)
        else:
            import_file(workspace, kind, path)
    return [str(problem) for problem in info.value.problems]


def write(path: Path, content: str | bytes) -> Path:
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


# -- a hand-made XLSX package ----------------------------------------------------------------

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
SHEET = "xl/worksheets/sheet1.xml"
#: Style 1 shows a number as a date (built-in format 14).
STYLES = (
    f'{_XML}<styleSheet xmlns="{MAIN}"><cellXfs count="2"><xf numFmtId="0"/>'
    '<xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>'
)


def text_row(number: int, values, first_column: int = 1) -> str:
    """A ``<row>`` of inline-string cells; empty values are left out, as spreadsheets do."""
    cells = "".join(
        f'<c r="{column(i)}{number}" t="inlineStr"><is><t>{escape(v)}</t></is></c>'
        for i, v in enumerate(values, start=first_column)
        if v != ""
    )
    return f'<row r="{number}">{cells}</row>'


def sheet(*rows: str, dimension: str | None = None, prologue: str = "") -> str:
    size = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        f'{_XML}{prologue}<worksheet xmlns="{MAIN}">{size}<sheetData>{"".join(rows)}'
        "</sheetData></worksheet>"
    )


def xlsx(
    path: Path,
    worksheet: str,
    strings: list[str] | None = None,
    omit=(),
    extra: dict[str, bytes] | None = None,
) -> Path:
    """A one-sheet workbook written part by part, so every detail is the test's choice."""
    relations = [("rId1", "worksheet", "worksheets/sheet1.xml"), ("rId2", "styles", "styles.xml")]
    overrides = [
        ("/xl/workbook.xml", f"{_TYPE}.sheet.main+xml"),
        (f"/{SHEET}", f"{_TYPE}.worksheet+xml"),
        ("/xl/styles.xml", f"{_TYPE}.styles+xml"),
    ]
    parts = {"xl/styles.xml": STYLES, SHEET: worksheet}
    if strings is not None:
        relations.append(("rId3", "sharedStrings", "sharedStrings.xml"))
        overrides.append(("/xl/sharedStrings.xml", f"{_TYPE}.sharedStrings+xml"))
        parts["xl/sharedStrings.xml"] = (
            f'{_XML}<sst xmlns="{MAIN}">'
            + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
            + "</sst>"
        )
    parts["[Content_Types].xml"] = (
        f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{n}" ContentType="{t}"/>' for n, t in overrides)
        + "</Types>"
    )
    parts["_rels/.rels"] = (
        f'{_XML}<Relationships xmlns="{_PACKAGE_RELS}"><Relationship '
        f'Id="rId1" Type="{_RELS}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    )
    parts["xl/workbook.xml"] = (
        f'{_XML}<workbook xmlns="{MAIN}" xmlns:r="{_RELS}"><sheets>'
        '<sheet name="data" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    parts["xl/_rels/workbook.xml.rels"] = (
        f'{_XML}<Relationships xmlns="{_PACKAGE_RELS}">'
        + "".join(
            f'<Relationship Id="{i}" Type="{_RELS}/{k}" Target="{t}"/>' for i, k, t in relations
        )
        + "</Relationships>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in {**parts, **(extra or {})}.items():
            if name not in omit:
                archive.writestr(name, data)
    return path


COMPETENCIES = ["code", "name", "group", "description"]


def competency_sheet(*rows: str, **options) -> str:
    return sheet(text_row(1, COMPETENCIES), *rows, **options)


# -- CSV: short rows and files that end mid-row ------------------------------------------------


def test_a_short_learner_row_is_refused_not_padded(workspace, tmp_path, snapshot):
    # Padding this row would wipe DEMO-001's competencies and completed modules.
    path = write(tmp_path / "learners.csv", f"{LEARNER_HEADER}\n{DEMO}\n")
    before = snapshot(workspace)
    assert refused(workspace, "learners", path) == [
        "learners.csv:2:-: row has 5 cells but the header has 7"
    ]
    assert snapshot(workspace) == before
    demo = {learner.id: learner for learner in workspace.load("learners")}["DEMO-001"]
    assert demo.competencies == (("M.01", 1),)


def test_a_row_with_empty_trailing_cells_is_still_read(workspace, tmp_path):
    path = write(tmp_path / "learners.csv", f"{LEARNER_HEADER}\n{DEMO},,\n")
    assert import_file(workspace, "learners", path).updated == 1


@pytest.mark.parametrize(
    "tail",
    [
        pytest.param("NEW-1,Baru,teknis,deskri", id="mid-cell"),
        pytest.param("NEW-1,Baru,teknis,", id="after-a-comma"),
        pytest.param('NEW-1,Baru,teknis,"quoted"', id="after-a-quote"),
    ],
)
def test_a_file_cut_off_mid_row_is_refused(workspace, tmp_path, snapshot, tail):
    path = write(tmp_path / "c.csv", f"{COMPETENCY_HEADER}\nA-1,Satu,teknis,x\n{tail}")
    before = snapshot(workspace)
    assert refused(workspace, "competencies", path) == [f"c.csv:3:-: {CUT_OFF.format(row=3)}"]
    assert snapshot(workspace) == before


def test_a_header_alone_without_a_line_break_is_cut_off(workspace, tmp_path):
    path = write(tmp_path / "c.csv", COMPETENCY_HEADER)
    assert refused(workspace, "competencies", path) == [f"c.csv:1:-: {CUT_OFF.format(row=1)}"]


def test_a_byte_order_mark_crlf_and_trailing_blanks_are_accepted(workspace, tmp_path):
    content = f"{COMPETENCY_HEADER}\r\nA-1,Satu,teknis,x\r\n\r\n  ".encode()
    path = write(tmp_path / "c.csv", b"\xef\xbb\xbf" + content)
    assert import_file(workspace, "competencies", path).added == 1


def test_an_unterminated_quote_stays_located(workspace, tmp_path):
    path = write(tmp_path / "c.csv", f'{COMPETENCY_HEADER}\nA-1,Satu,teknis,x\n"A-2,Dua\n')
    assert refused(workspace, "competencies", path) == [
        "c.csv:3:-: malformed CSV: unexpected end of data"
    ]


def test_escaped_formula_text_reads_back_unescaped(workspace, tmp_path):
    path = write(tmp_path / "c.csv", f"{COMPETENCY_HEADER}\nA-1,'=1+2,teknis,'-x\n")
    import_file(workspace, "competencies", path)
    competency = {c.code: c for c in workspace.load("competencies")}["A-1"]
    assert (competency.name, competency.description) == ("=1+2", "-x")


# -- XLSX: the whole sheet, and only the cells present -------------------------------------------


def test_a_cell_at_xfd1048576_is_refused_on_its_row(workspace, tmp_path, snapshot):
    far = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    path = xlsx(
        tmp_path / "c.xlsx",
        competency_sheet(text_row(2, ["A-1", "Satu", "teknis"]), far, dimension="A1:XFD1048576"),
    )
    before = snapshot(workspace)
    assert refused(workspace, "competencies", path) == [
        "c.xlsx:1048576:-: row has a cell in column XFD but the header has 4 columns"
    ]
    assert snapshot(workspace) == before


def test_rows_past_a_stale_dimension_are_all_read(workspace, tmp_path):
    rows = [text_row(n, [f"A-{n}", f"Nama {n}", "teknis"]) for n in range(2, 8)]
    path = xlsx(tmp_path / "c.xlsx", competency_sheet(*rows, dimension="A1:D2"))
    assert import_file(workspace, "competencies", path).added == 6
    assert {f"A-{n}" for n in range(2, 8)} <= {c.code for c in workspace.load("competencies")}


def test_rows_and_cells_may_leave_out_their_references(tmp_path):
    rows = (
        '<row><c t="inlineStr"><is><t>A-1</t></is></c><c t="inlineStr"><is><t>Satu</t></is>'
        '</c><c t="inlineStr"><is><t>teknis</t></is></c></row>'
    )
    path = xlsx(tmp_path / "c.xlsx", competency_sheet(rows))
    assert list(read_rows(path, COMPETENCIES)) == [
        (2, {"code": "A-1", "name": "Satu", "group": "teknis", "description": ""})
    ]


@pytest.mark.parametrize(
    "numbers, expected",
    [
        pytest.param((2, 2), "c.xlsx:2:-: row 2 appears twice in the sheet", id="twice"),
        pytest.param(
            (3, 2),
            "c.xlsx:2:-: row 2 comes after row 3 in the sheet: rows must be in order, each once",
            id="backwards",
        ),
    ],
)
def test_a_repeated_or_backward_row_number_is_refused(
    workspace, tmp_path, snapshot, numbers, expected
):
    rows = [text_row(n, [f"A-{i}", "Nama", "teknis"]) for i, n in enumerate(numbers)]
    path = xlsx(tmp_path / "c.xlsx", competency_sheet(*rows))
    before = snapshot(workspace)
    assert refused(workspace, "competencies", path) == [expected]
    assert snapshot(workspace) == before


def test_a_formula_without_a_stored_value_is_refused(workspace, tmp_path, snapshot):
    row = (
        '<row r="2"><c r="A2" t="inlineStr"><is><t>A-1</t></is></c>'
        '<c r="B2" t="str"><f>UPPER("satu")</f></c>'
        '<c r="C2" t="inlineStr"><is><t>teknis</t></is></c></row>'
    )
    path = xlsx(tmp_path / "c.xlsx", competency_sheet(row))
    before = snapshot(workspace)
    assert refused(workspace, "competencies", path) == [f"c.xlsx:2:name: {FORMULA}"]
    assert snapshot(workspace) == before


def test_a_formula_with_a_stored_value_gives_the_value(workspace, tmp_path):
    row = (
        '<row r="2"><c r="A2" t="inlineStr"><is><t>A-1</t></is></c>'
        '<c r="B2" t="str"><f>UPPER("satu")</f><v>SATU</v></c>'
        '<c r="C2" t="inlineStr"><is><t>teknis</t></is></c></row>'
    )
    import_file(workspace, "competencies", xlsx(tmp_path / "c.xlsx", competency_sheet(row)))
    assert {c.code: c.name for c in workspace.load("competencies")}["A-1"] == "SATU"


@pytest.mark.parametrize(
    "cell, expected",
    [
        pytest.param(
            '<c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c>',
            "c.xlsx:2:name: the cell holds the error #DIV/0!: correct it, or clear the cell",
            id="error",
        ),
        pytest.param(
            '<c r="B2" t="s"><v>9</v></c>',
            "c.xlsx:2:name: the cell refers to shared string '9', which the file does not have",
            id="no-such-string",
        ),
        pytest.param(
            f'<c r="B2"><v>{"9" * 5000}</v></c>',
            "c.xlsx:2:name: a number of 5,000 characters (at most 100)",
            id="long-number",
        ),
        pytest.param(
            '<c r="B7" t="inlineStr"><is><t>x</t></is></c>',
            "c.xlsx:2:name: cell B7 is stored inside row 2",
            id="wrong-row",
        ),
    ],
)
def test_an_unusable_cell_is_refused_on_its_column(workspace, tmp_path, cell, expected):
    row = f'<row r="2"><c r="A2" t="inlineStr"><is><t>A-1</t></is></c>{cell}</row>'
    path = xlsx(tmp_path / "c.xlsx", competency_sheet(row), strings=["unused"])
    assert refused(workspace, "competencies", path) == [expected]


def test_shared_strings_numbers_and_date_cells_read_as_contract_text(tmp_path):
    header = "".join(f'<c r="{column(i)}1" t="s"><v>{i - 1}</v></c>' for i in range(1, 5))
    row = (
        '<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2"><v>12.0</v></c>'
        '<c r="C2" s="1"><v>45352</v></c><c r="D2" t="b"><v>1</v></c></row>'
    )
    path = xlsx(
        tmp_path / "t.xlsx",
        sheet(f'<row r="1">{header}</row>', row),
        strings=["a", "b", "c", "d", "0101"],
    )
    assert list(read_rows(path, ["a", "b", "c", "d"])) == [
        (2, {"a": "0101", "b": "12", "c": "2024-03-01", "d": "1"})
    ]


_BILLION_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;">]>'
)


def _zip_bomb(path: Path) -> Path:
    bomb = b"<a>" + b" " * (RATIO_FREE_BYTES + (1 << 20)) + b"</a>"
    assert len(bomb) > MAX_RATIO * len(zlib.compress(bomb))
    return xlsx(path, competency_sheet(), extra={"docProps/custom.xml": bomb})


@pytest.mark.parametrize(
    "make, reason",
    [
        pytest.param(
            lambda p: write(p, b"PK\x03\x04 this is not a zip at all"),
            re.escape("File is not a zip file"),
            id="bad-zip",
        ),
        pytest.param(
            lambda p: write(p, xlsx(p, competency_sheet()).read_bytes()[:300]),
            re.escape("File is not a zip file"),
            id="truncated-zip",
        ),
        pytest.param(
            lambda p: xlsx(p, competency_sheet(), omit=[SHEET]),
            re.escape(f"the first sheet 'data' is missing ({SHEET})"),
            id="missing-sheet",
        ),
        pytest.param(
            lambda p: xlsx(p, competency_sheet(), strings=["x"], omit=["xl/sharedStrings.xml"]),
            re.escape("the shared strings are missing (xl/sharedStrings.xml)"),
            id="missing-shared-strings",
        ),
        pytest.param(
            lambda p: xlsx(p, competency_sheet(prologue=_BILLION_LAUGHS)),
            re.escape(
                f"{SHEET} declares a DOCTYPE, which no spreadsheet writes (an XML entity bomb?)"
            ),
            id="doctype-bomb",
        ),
        pytest.param(
            lambda p: xlsx(p, competency_sheet(text_row(2, ["A-1"]))[:-40]),
            re.escape(f"{SHEET}: unclosed token: line 2, column ") + r"\d+",
            id="broken-xml",
        ),
        pytest.param(
            _zip_bomb,
            r"docProps/custom\.xml would unpack to [\d,]+ bytes from [\d,]+: "
            "refused as a zip bomb",
            id="zip-bomb",
        ),
    ],
)
def test_an_unreadable_package_is_one_problem_on_row_1(workspace, tmp_path, snapshot, make, reason):
    path = make(tmp_path / "c.xlsx")
    before = snapshot(workspace)
    problems = refused(workspace, "competencies", path)
    assert len(problems) == 1
    assert re.fullmatch(f"c\\.xlsx:1:-: not a readable \\.xlsx file: {reason}", problems[0]), (
        problems[0]
    )
    assert snapshot(workspace) == before


# -- the row limit ---------------------------------------------------------------------------------


def _over_the_limit(tmp_path: Path, suffix: str, count: int) -> Path:
    rows = [[f"A-{n}", f"Nama {n}", "teknis", ""] for n in range(count)]
    if suffix == ".csv":
        return write(
            tmp_path / "c.csv", "\n".join([COMPETENCY_HEADER, *(",".join(r) for r in rows)]) + "\n"
        )
    return xlsx(
        tmp_path / "c.xlsx",
        competency_sheet(*(text_row(n, r) for n, r in enumerate(rows, start=2))),
    )


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_more_rows_than_the_limit_are_refused_never_cut(
    workspace, tmp_path, snapshot, monkeypatch, suffix
):
    monkeypatch.setenv(MAX_ROWS_VARIABLE, "5")
    assert import_file(workspace, "competencies", _over_the_limit(tmp_path, suffix, 5)).added == 5
    before = snapshot(workspace)
    assert refused(workspace, "competencies", _over_the_limit(tmp_path, suffix, 6)) == [
        f"c{suffix}:7:-: the file has more than 5 data rows, the limit "
        f"({MAX_ROWS_VARIABLE}); split it into smaller files"
    ]
    assert snapshot(workspace) == before


def test_a_bad_row_limit_setting_is_one_clear_error(
    workspace, workspace_path, tmp_path, monkeypatch, run_cli
):
    monkeypatch.setenv(MAX_ROWS_VARIABLE, "many")
    code, _, err = run_cli(
        "import", workspace_path, "competencies", _over_the_limit(tmp_path, ".csv", 1)
    )
    assert code == 2
    assert err.splitlines() == [
        f"error: {MAX_ROWS_VARIABLE} must be a whole number of rows (1 or more), not 'many'"
    ]


# -- JSON limits (CASE) ----------------------------------------------------------------------------


def _case(items) -> dict:
    return {"CFDocument": {"identifier": "doc", "title": "T"}, "CFItems": items}


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "[" * 50_000 + "]" * 50_000,
            "c.json:$: JSON nested 50,000 levels deep; at most 64 are allowed",
            id="deep",
        ),
        pytest.param(
            json.dumps(_case([]))[:-1] + ', "n": ' + "7" * 5000 + "}",
            "c.json:$: a whole number of 5,000 digits (777777777777…); at most 100 are allowed",
            id="long-integer",
        ),
        pytest.param(
            json.dumps(_case([{"identifier": "\ud800", "fullStatement": "x"}])),
            "c.json:$.CFItems[0].identifier: the identifier contains a lone surrogate "
            "U+D800 at position 1",
            id="surrogate-identifier",
        ),
        pytest.param(
            json.dumps(_case([{"identifier": "i1", "fullStatement": "ab\ud800"}])),
            "c.json:$.CFItems[0].fullStatement: name contains a lone surrogate U+D800 at "
            "position 3",
            id="surrogate-text",
        ),
        pytest.param(
            json.dumps(_case([{"identifier": "i1", "fullStatement": "a\u0000b"}])),
            "c.json:$.CFItems[0].fullStatement: name contains the control character "
            "U+0000 at position 2",
            id="nul",
        ),
        pytest.param(
            json.dumps(_case([]))[:-1] + ', "x": NaN}',
            "c.json:$: not valid JSON: NaN is not a JSON number",
            id="nan",
        ),
    ],
)
def test_a_hostile_case_package_is_refused_located(workspace, tmp_path, snapshot, text, expected):
    path = write(tmp_path / "c.json", text)
    before = snapshot(workspace)
    assert refused(workspace, "case", path) == [expected]
    assert snapshot(workspace) == before


# -- control characters: refused in text, shown escaped in every message ------------------------


def test_printable_shows_control_characters_escaped():
    assert printable("a\nb\r\tc\x1b[31m\x00\x7f\x85\u2028\u202e\ud800 C:\\data é→") == (
        "a\\nb\\r\\tc\\x1b[31m\\x00\\x7f\\x85\\u2028\\u202e\\ud800 C:\\data é→"
    )
    problem = Problem("a\nb.csv", 2, "na\tme", "bad \x1b[2J")
    assert str(problem) == "a\\nb.csv:2:na\\tme: bad \\x1b[2J"
    assert str(Problem("-", 0, "-", "edit\nfailed")) == "edit\\nfailed"


@pytest.mark.parametrize(
    "content, expected",
    [
        pytest.param(
            'code,"na\nme",group,description\n',
            [
                "c.csv:1:na\\nme: unknown column 'na\\nme'; expected: code, name, group, "
                "description",
                "c.csv:1:name: missing column 'name'",
            ],
            id="newline-header",
        ),
        pytest.param(
            "code,name,\x1b[31mgroup,description\n",
            [
                "c.csv:1:\\x1b[31mgroup: unknown column '\\x1b[31mgroup'; expected: code, "
                "name, group, description",
                "c.csv:1:group: missing column 'group'",
            ],
            id="ansi-header",
        ),
        pytest.param(
            "code,na:me,group,description\n",
            [
                "c.csv:1:column 2: unknown column 'na:me'; expected: code, name, group, "
                "description",
                "c.csv:1:name: missing column 'name'",
            ],
            id="colon-header",
        ),
        pytest.param(
            f'{COMPETENCY_HEADER}\n"A\n1",Satu,teknis,\n',
            [
                "c.csv:2:code: competency code 'A\\n1' is not a valid code (letters, digits, "
                "'.', '_' or '-', starting with a letter or digit)"
            ],
            id="newline-cell",
        ),
        pytest.param(
            f"{COMPETENCY_HEADER}\nA-1,\x1b[2JSatu,teknis,\n",
            ["c.csv:2:name: name contains the control character U+001B at position 1"],
            id="ansi-cell",
        ),
        pytest.param(
            f"{COMPETENCY_HEADER}\nA-1,Sa\x00tu,teknis,\n",
            ["c.csv:2:name: name contains the control character U+0000 at position 3"],
            id="nul-cell",
        ),
    ],
)
def test_control_characters_give_one_line_messages(
    workspace, workspace_path, tmp_path, run_cli, snapshot, content, expected
):
    path = write(tmp_path / "c.csv", content)
    before = snapshot(workspace)
    code, out, err = run_cli("import", workspace_path, "competencies", path)
    assert (code, out) == (2, "")
    assert err.splitlines() == expected
    assert snapshot(workspace) == before


def test_a_tab_and_line_breaks_in_a_description_are_kept(workspace, tmp_path):
    path = write(
        tmp_path / "c.csv", f'{COMPETENCY_HEADER}\nA-1,Satu,teknis,"baris\tsatu\nbaris dua"\n'
    )
    import_file(workspace, "competencies", path)
    described = {c.code: c.description for c in workspace.load("competencies")}
    assert described["A-1"] == "baris\tsatu\nbaris dua"


def test_an_error_text_is_printed_on_one_line(workspace, workspace_path, tmp_path, run_cli):
    code, _, err = run_cli("import", workspace_path, "cour\x1bses\n", tmp_path / "x.csv")
    assert code == 2
    assert err.splitlines() == [
        "error: unknown kind 'cour\\x1bses\\n'; one of: competencies, regions, modules, "
        "prerequisites, regional_standards, job_standards, learners, outcomes, obligations"
    ]


def test_nul_in_a_name_gets_the_same_answer_on_every_backend(backend, tmp_path, snapshot):  # noqa: F811
    mini = Path(__file__).resolve().parents[1] / "data" / "mini"
    workspace = create_workspace(backend.new_target(), directory=mini)
    try:
        before = snapshot(workspace)
        path = write(tmp_path / "c.csv", f"{COMPETENCY_HEADER}\nA-1,Sa\x00tu,teknis,\n")
        assert refused(workspace, "competencies", path) == [
            "c.csv:2:name: name contains the control character U+0000 at position 3"
        ]
        assert snapshot(workspace) == before
    finally:
        workspace.close()


# -- Moodle ---------------------------------------------------------------------------------------


def _moodle(path: Path, rows: list[dict[str, str]], tail: str = "") -> Path:
    import csv

    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(MOODLE_COLUMNS)
        writer.writerows([row.get(c, "") for c in MOODLE_COLUMNS] for row in rows)
        handle.write(tail)
    return path


def _competency(parent: str, code: str) -> dict[str, str]:
    return {
        "Parent ID number": parent,
        "ID number": code,
        "Short name": f"Nama {code}",
        "Description format": "1",
    }


#: This tool's own framework: its ID numbers are codes (a foreign one's are qualified).
_FRAMEWORK = {"ID number": "curriculum-tool", "Short name": "Kerangka", "Is framework": "1"}


def test_a_moodle_parent_chain_5000_deep_gets_its_root_group(workspace, tmp_path):
    depth = 5000
    chain = [_competency("manajerial" if n == 0 else f"C{n - 1}", f"C{n}") for n in range(depth)]
    rows = [
        _FRAMEWORK,
        _competency("curriculum-tool", "manajerial"),
        *reversed(chain),
    ]  # deepest first
    summaries = import_interchange(workspace, "moodle", _moodle(tmp_path / "f.csv", rows))
    assert summaries[0].added == depth
    groups = {c.code: c.group for c in workspace.load("competencies")}
    assert {groups[f"C{n}"] for n in range(depth)} == {"manajerial"}


def test_a_moodle_parent_cycle_is_reported_once_from_its_first_row(workspace, tmp_path):
    # D hangs below the cycle and comes first: the cycle is still read from A, row 4.
    rows = [
        _FRAMEWORK,
        _competency("B", "D"),
        _competency("C", "A"),
        _competency("A", "B"),
        _competency("B", "C"),
    ]
    assert refused(workspace, "moodle", _moodle(tmp_path / "f.csv", rows)) == [
        "f.csv:4:Parent ID number: parent cycle A → C → B → A; remove one of these parents"
    ]


def test_a_short_moodle_row_is_refused(workspace, tmp_path, snapshot):
    path = _moodle(
        tmp_path / "f.csv",
        [_FRAMEWORK, _competency("curriculum-tool", "teknis")],
        tail="teknis,PB-1,Nama,,1\n",
    )
    before = snapshot(workspace)
    assert refused(workspace, "moodle", path) == [
        "f.csv:4:-: row has 5 cells but the header has 14"
    ]
    assert snapshot(workspace) == before


def test_a_moodle_file_cut_off_mid_row_is_refused(workspace, tmp_path):
    path = _moodle(
        tmp_path / "f.csv",
        [_FRAMEWORK, _competency("curriculum-tool", "teknis")],
        tail="teknis,PB-1,Na",
    )
    assert refused(workspace, "moodle", path) == [f"f.csv:4:-: {CUT_OFF.format(row=4)}"]


def test_moodle_cells_are_unescaped(workspace, tmp_path):
    rows = [_FRAMEWORK, {**_competency("", "T-1"), "Short name": "'=SUM(A1)"}]
    import_interchange(workspace, "moodle", _moodle(tmp_path / "f.csv", rows))
    assert {c.code: c.name for c in workspace.load("competencies")}["T-1"] == "=SUM(A1)"


def test_a_bit_flipped_workbook_is_refused_or_read_never_an_exception(tmp_path):
    data = xlsx(
        tmp_path / "ok.xlsx", competency_sheet(text_row(2, ["A-1", "Satu", "teknis"]))
    ).read_bytes()
    refusals = 0
    for offset in range(0, len(data), 5):
        flipped = bytearray(data)
        flipped[offset] ^= 0x55
        try:  # any other exception fails the test
            rows = list(read_rows(write(tmp_path / "f.xlsx", bytes(flipped)), COMPETENCIES))
        except ValidationError as error:
            refusals += 1
            assert all(p.row >= 1 and "\n" not in str(p) for p in error.problems), offset
        else:
            assert [number for number, _ in rows] == [2], offset
    assert refusals > 0
