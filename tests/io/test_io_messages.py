"""Tables, imports, exports and the workspace speak Indonesian in the app.

Each refusal, summary and note of the import/export and store area is a message: its
English is what the command line and the files have always said, its Indonesian is what
the app shows. These tests take real refusals (a bad header, a broken workbook, a cycle, a
stale import, a locked or foreign workspace…) and read them in both languages.
"""

import logging
import pickle
import re
import sqlite3
import zipfile
from datetime import UTC, datetime

import pytest
from helpers import new_module_row

from curriculum_tool.errors import (
    CurriculumError,
    ModelIntegrityError,
    Problem,
    ValidationError,
    WorkspaceError,
    describe,
)
from curriculum_tool.io import import_file, parse_file
from curriculum_tool.io.editing import delete_records
from curriculum_tool.io.exporter import export_summary
from curriculum_tool.io.importer import ImportSummary, check_kind, import_parsed, joined
from curriculum_tool.io.interchange import export_interchange, import_interchange
from curriculum_tool.io.tables import MAX_ROWS_VARIABLE, read_rows
from curriculum_tool.messages import Message
from curriculum_tool.store import Workspace
from curriculum_tool.store.busy import BUSY_TIMEOUT_VARIABLE, busy_message, busy_timeout
from curriculum_tool.store.paths import refuse_repeats
from curriculum_tool.store.stamps import Stamp

COMPETENCY_COLUMNS = ["code", "name", "group", "description"]
#: English words no Indonesian message of this area keeps (codes and file names aside).
ENGLISH = re.compile(
    r"\b(the|is|not|of|and|with|which|cannot|unknown|missing|file|row|rows|column|added|"
    r"updated|replaced|note|changed|written|workspace|refer|refers)\b"
)


def refusal(call, *args, **kwargs) -> CurriculumError:
    with pytest.raises(CurriculumError) as info:
        call(*args, **kwargs)
    return info.value


def english_left(text: str) -> list[str]:
    return ENGLISH.findall(text)


def problems_of(path) -> list[Problem]:
    """The problems of reading ``path``: the file's (raised) or its rows' (yielded)."""
    try:
        return [row for _, row in read_rows(path, COMPETENCY_COLUMNS) if isinstance(row, Problem)]
    except ValidationError as error:
        return error.problems


# -- reading tables -----------------------------------------------------------------------


def test_a_wrong_header_is_refused_in_indonesian_and_in_the_same_english(write_csv):
    path = write_csv("c.csv", ["code", "nama", "description"], [["A", "B", ""]])
    error = refusal(read_rows, path, COMPETENCY_COLUMNS)
    english, indonesian = describe(error, "en"), describe(error, "id")
    assert english == str(error)
    assert "c.csv:1:nama: unknown column 'nama'; expected: code, name, group, description" in (
        english.splitlines()
    )
    assert "c.csv:1:nama: kolom 'nama' tidak dikenal; kolom yang diharapkan: " in indonesian
    assert "c.csv:1:group: kolom 'group' tidak ada" in indonesian.splitlines()
    assert not english_left(indonesian)


@pytest.mark.parametrize(
    ("content", "english", "indonesian"),
    [
        (b"", "the file is empty", "berkas kosong"),
        (b"code,name,group,description\nA,B\n", "row has 2 cells", "baris berisi 2 sel"),
        (b"code,name,group,description\nA,B,teknis,", "ends in the middle", "terpotong"),
        (b"code,name\xff,group,description\n", "not UTF-8", "bukan teks UTF-8"),
    ],
)
def test_a_broken_csv_is_refused_in_both_languages(tmp_path, content, english, indonesian):
    path = tmp_path / "c.csv"
    path.write_bytes(content)
    [problem] = problems_of(path)
    assert english in problem.render("en") and english not in problem.render("id")
    assert indonesian in problem.render("id")
    assert not english_left(problem.render("id").split(": ", 1)[1])


def test_an_unsupported_suffix_and_a_missing_file_read_in_indonesian(tmp_path):
    bare = describe(refusal(read_rows, tmp_path / "c", COMPETENCY_COLUMNS), "id")
    assert bare == "c:1:-: jenis berkas '(tanpa akhiran)' tidak didukung: gunakan .csv atau .xlsx"
    missing = describe(refusal(read_rows, tmp_path / "nowhere.csv", COMPETENCY_COLUMNS), "id")
    assert "berkas tidak ditemukan" in missing


def test_a_bad_row_limit_setting_reads_in_indonesian(write_csv, monkeypatch):
    monkeypatch.setenv(MAX_ROWS_VARIABLE, "lots")
    path = write_csv("c.csv", COMPETENCY_COLUMNS)
    error = refusal(read_rows, path, COMPETENCY_COLUMNS)
    assert str(error).startswith(f"{MAX_ROWS_VARIABLE} must be a whole number of rows")
    assert describe(error, "id") == (
        f"{MAX_ROWS_VARIABLE} harus berupa jumlah baris bilangan bulat (1 atau lebih), bukan 'lots'"
    )


def test_too_many_rows_gives_the_limit_in_indonesian_numbers(write_csv, monkeypatch):
    monkeypatch.setenv(MAX_ROWS_VARIABLE, "1000")
    path = write_csv(
        "c.csv", COMPETENCY_COLUMNS, [[f"C{i}", "n", "teknis", ""] for i in range(1001)]
    )
    with pytest.raises(ValidationError) as info:
        list(read_rows(path, COMPETENCY_COLUMNS))
    assert "more than 1,000 data rows" in describe(info.value, "en")
    assert "lebih dari 1.000 baris data" in describe(info.value, "id")


# -- reading workbooks --------------------------------------------------------------------


def _workbook(path, rows):
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def _with_sheet(path, sheet_xml: str):
    """The workbook at ``path`` with its first sheet's XML replaced."""
    with zipfile.ZipFile(path) as old:
        parts = {name: old.read(name) for name in old.namelist()}
    parts["xl/worksheets/sheet1.xml"] = sheet_xml.encode()
    with zipfile.ZipFile(path, "w") as new:
        for name, data in parts.items():
            new.writestr(name, data)
    return path


def _sheet(rows: str) -> str:
    """A worksheet of the competencies header (inline strings) and ``rows``."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    header = "".join(
        f'<c r="{letter}1" t="inlineStr"><is><t>{name}</t></is></c>'
        for letter, name in zip("ABCD", COMPETENCY_COLUMNS, strict=True)
    )
    data = f'<sheetData><row r="1">{header}</row>{rows}</sheetData>'
    return f'<worksheet xmlns="{main}">{data}</worksheet>'


def test_a_formula_without_a_value_is_refused_in_indonesian(tmp_path):
    row = (
        '<row r="2"><c r="A2" t="inlineStr"><is><t>A-1</t></is></c>'
        '<c r="B2" t="str"><f>UPPER("satu")</f></c></row>'
    )
    path = _with_sheet(_workbook(tmp_path / "c.xlsx", [["x"]]), _sheet(row))
    [problem] = problems_of(path)
    assert problem.render("en").startswith("c.xlsx:2:name: formula without a value: ")
    assert problem.render("id").startswith("c.xlsx:2:name: rumus tanpa nilai: simpan berkas")


def test_rows_out_of_order_and_error_cells_are_refused_in_indonesian(tmp_path):
    rows = (
        '<row r="3"><c r="A3" t="inlineStr"><is><t>A</t></is></c>'
        '<c r="B3" t="e"><v>#N/A</v></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>B</t></is></c></row>'
    )
    path = _with_sheet(_workbook(tmp_path / "c.xlsx", [["x"]]), _sheet(rows))
    problems = problems_of(path)
    assert [p.render("en") for p in problems] == [str(p) for p in problems]
    assert [p.render("id") for p in problems] == [
        "c.xlsx:3:name: sel berisi galat #N/A: perbaiki, atau kosongkan sel itu",
        "c.xlsx:2:-: baris 2 muncul sesudah baris 3 di lembar kerja: baris harus berurutan, "
        "masing-masing sekali",
    ]


def test_an_unreadable_workbook_says_why_in_indonesian(tmp_path):
    path = _with_sheet(_workbook(tmp_path / "c.xlsx", [["x"]]), "<worksheet><row>")
    error = refusal(lambda: list(read_rows(path, COMPETENCY_COLUMNS)))
    assert str(error).startswith(
        "c.xlsx:1:-: not a readable .xlsx file: xl/worksheets/sheet1.xml: "
    )
    assert describe(error, "id").startswith(
        "c.xlsx:1:-: bukan berkas .xlsx yang dapat dibaca: xl/worksheets/sheet1.xml: "
    )
    doctype = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "a">]><worksheet/>'
    path = _with_sheet(_workbook(tmp_path / "d.xlsx", [["x"]]), doctype)
    error = refusal(lambda: list(read_rows(path, COMPETENCY_COLUMNS)))
    assert "(an XML entity bomb?)" in str(error)
    assert "memuat deklarasi DOCTYPE" in describe(error, "id")


# -- importing ----------------------------------------------------------------------------


def test_an_import_summary_and_its_notes_read_in_indonesian(workspace, write_csv, mini_row):
    path = write_csv("c.csv", "competencies", [mini_row("competencies", 0, code="NEW.1")])
    summary = import_file(workspace, "competencies", path)
    assert str(summary) == "c.csv: 1 added, 0 updated (competencies)"
    assert summary.message.indonesian == "c.csv: 1 ditambahkan, 0 diperbarui (kompetensi)"
    note = Message("3 items skipped", "3 butir dilewati")
    noted = ImportSummary("modules", "m.csv", 5, 5, 0, True, (note, "plain text"))
    assert (
        str(noted)
        == "m.csv: modules replaced with 5 rows\n  note: 3 items skipped\n  note: plain text"
    )
    assert noted.message.render("id").splitlines() == [
        "m.csv: data modul diganti dengan 5 baris",
        "  catatan: 3 butir dilewati",
        "  catatan: plain text",
    ]
    both = joined([summary.message, noted.message])
    assert str(both) == f"{summary}\n{noted}"
    assert both.indonesian.splitlines()[1] == "m.csv: data modul diganti dengan 5 baris"
    again = pickle.loads(pickle.dumps(noted.message))  # crosses to a worker and back
    assert (str(again), again.indonesian) == (str(noted), noted.message.indonesian)


def test_duplicates_and_cycles_are_refused_in_indonesian(workspace, write_csv):
    rows = [["LD-101", "LD-201", "hard"], ["LD-101", "LD-201", "soft"]]
    error = refusal(
        import_file, workspace, "prerequisites", write_csv("p.csv", "prerequisites", rows)
    )
    assert "duplicate module/requires (LD-101, LD-201), first at row 2" in str(error)
    assert "module/requires (LD-101, LD-201) ganda, pertama kali muncul di baris 2" in (
        describe(error, "id")
    )
    cycle = write_csv("p.csv", "prerequisites", [["LD-101", "LD-201", "hard"]])
    error = refusal(import_file, workspace, "prerequisites", cycle)
    english, indonesian = describe(error, "en"), describe(error, "id")
    assert re.fullmatch(
        r"p\.csv:2:requires: prerequisite cycle (.+); remove one of these edges", english
    )
    assert re.fullmatch(
        r"p\.csv:2:requires: siklus prasyarat (.+); hapus salah satu hubungan prasyarat ini",
        indonesian,
    )


def test_a_region_parent_cycle_is_refused_in_indonesian(workspace, write_csv, mini_row):
    looped = write_csv("r.csv", "regions", [mini_row("regions", 0, parent="72.71")])
    error = refusal(import_file, workspace, "regions", looped)
    assert "region parent cycle" in str(error)
    assert "siklus induk wilayah" in describe(error, "id")


def test_a_stale_import_is_refused_in_indonesian(workspace, write_csv):
    parsed = parse_file("modules", write_csv("m.csv", "modules", [new_module_row("NEW-1")]))
    long_ago = {"modules": Stamp(0, datetime(2020, 1, 1, 9, 30, tzinfo=UTC))}
    error = refusal(import_parsed, workspace, [parsed], read_stamps=long_ago)
    assert "modules changed since this import started reading it (at " in str(error)
    indonesian = describe(error, "id")
    assert indonesian.startswith("m.csv:1:-: data modul berubah sejak impor ini mulai membacanya")
    assert "tidak ada yang disimpan; jalankan impor sekali lagi" in indonesian
    assert not english_left(indonesian)


def test_a_delete_or_replace_that_leaves_references_is_refused_in_indonesian(
    workspace, write_csv, mini_row
):
    error = refusal(delete_records, workspace, "modules", ["LD-101"])
    english, indonesian = describe(error, "en"), describe(error, "id")
    assert english.splitlines()[0] == (
        "edit:1:code: cannot delete: 2 rows of prerequisites (e.g. LD-201) still refer to "
        "requires 'LD-101', which is not in modules"
    )
    assert indonesian.splitlines()[0] == (
        "suntingan:1:code: tidak dapat dihapus: 2 baris prasyarat (mis. LD-201) masih merujuk ke "
        "modul prasyarat 'LD-101', yang tidak ada di katalog modul"
    )
    # A table keyed by learner ids gives no example: its keys are personal data.
    assert "2 baris hasil pelatihan masih merujuk ke modul 'LD-101', yang tidak ada" in indonesian
    only = write_csv("c.csv", "competencies", [mini_row("competencies", 0)])
    error = refusal(import_file, workspace, "competencies", only, replace=True)
    assert "(--replace would leave it dangling)" in str(error)
    assert "(--replace akan membuatnya merujuk ke data yang tidak ada)" in describe(error, "id")
    assert "yang tidak ada di kamus kompetensi" in describe(error, "id")


def test_an_unknown_kind_or_format_reads_in_indonesian(workspace, tmp_path):
    error = refusal(check_kind, "modul")
    assert str(error).startswith("unknown kind 'modul'; one of: competencies, regions")
    assert describe(error, "id").startswith("jenis data 'modul' tidak dikenal; pilih salah satu: ")
    error = refusal(import_interchange, workspace, "scorm", tmp_path / "x.zip")
    assert str(error) == "cannot import format 'scorm'; one of: moodle, moodle-completion, case"
    assert (
        describe(error, "id")
        == "format 'scorm' tidak dapat diimpor; pilih salah satu: moodle, moodle-completion, case"
    )
    error = refusal(export_interchange, workspace, "scorm", tmp_path / "x.zip")
    assert describe(error, "id").startswith("format 'scorm' tidak dapat diekspor")


def test_progress_steps_are_messages(workspace, write_csv, monkeypatch):
    from curriculum_tool.io import importer

    monkeypatch.setattr(importer, "PROGRESS_EVERY", 2)
    path = write_csv("m.csv", "modules", [new_module_row(f"NEW-{i}") for i in range(3)])
    steps: list[str] = []
    import_file(workspace, "modules", path, progress=steps.append)
    assert [str(s) for s in steps] == [
        "m.csv: 1 rows read",
        "m.csv: 3 rows read",
        "m.csv: checking 3 rows and writing",
    ]
    assert [s.indonesian for s in steps][-1] == "m.csv: memeriksa 3 baris lalu menyimpannya"


def test_an_export_summary_reads_in_both_languages():
    summary = export_summary(1200, "outcomes", "o.csv", masked=True)
    assert str(summary) == "1200 outcomes → o.csv (personal data masked)"
    assert summary.indonesian == "1200 hasil pelatihan → o.csv (data pribadi disamarkan)"
    assert export_summary(3, "paths", "p.jsonl").indonesian == "3 jalur belajar → p.jsonl"


# -- the workspace ------------------------------------------------------------------------


def test_opening_or_creating_a_workspace_is_refused_in_indonesian(tmp_path):
    missing = tmp_path / "none.sqlite"
    error = refusal(Workspace.open, missing)
    assert str(error) == f"no workspace at '{missing}': create one with 'init {missing}'"
    assert (
        describe(error, "id")
        == f"tidak ada ruang kerja di '{missing}': buat dengan 'init {missing}'"
    )
    foreign = tmp_path / "foreign.sqlite"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.close()
    error = refusal(Workspace.open, foreign)
    assert isinstance(error, WorkspaceError)
    assert describe(error, "id").startswith(f"'{foreign}' bukan ruang kerja curriculum-tool (")
    error = refusal(Workspace.create, foreign)
    assert describe(error, "id") == f"'{foreign}' sudah ada; pilih nama berkas lain"
    error = refusal(Workspace.open, "nonsense://host/db")
    assert str(error).startswith("cannot use database URL 'nonsense://host/db': ")
    assert describe(error, "id").startswith(
        "URL basis data 'nonsense://host/db' tidak dapat digunakan: "
    )


def test_a_busy_workspace_and_a_bad_timeout_read_in_indonesian(monkeypatch):
    assert busy_message(None).indonesian == (
        "ruang kerja sedang sibuk: proses lain sedang menulis; coba lagi"
    )
    since = datetime(2024, 5, 6, 7, 8, tzinfo=UTC)
    shown = f"{since.astimezone():%H:%M}"
    assert str(busy_message(since)) == (
        f"workspace is busy: another process is writing (since {shown}); try again"
    )
    assert f"(sejak pukul {shown})" in busy_message(since).indonesian
    monkeypatch.setenv(BUSY_TIMEOUT_VARIABLE, "soon")
    error = refusal(busy_timeout)
    assert (
        describe(error, "id")
        == f"{BUSY_TIMEOUT_VARIABLE} harus berupa jumlah detik (0 atau lebih), bukan 'soon'"
    )


def test_a_learner_saved_twice_is_refused_in_indonesian():
    error = refusal(refuse_repeats, ["A", "B", "A"])
    assert str(error).startswith("1 learner(s) have more than one path in one save")
    assert describe(error, "id").startswith("1 peserta memiliki lebih dari satu jalur")


def test_an_uninstalled_default_model_is_logged_as_a_message(tmp_path, monkeypatch, caplog):
    from curriculum_tool import catalog
    from curriculum_tool.model import persist

    def refuse(*args):
        raise ModelIntegrityError(Message("the card does not match", "kartu model tidak cocok"))

    monkeypatch.setattr(persist, "install_default_model", refuse)
    with caplog.at_level(logging.WARNING, logger=catalog.__name__):
        catalog.create_workspace(tmp_path / "w.sqlite").close()
    [record] = caplog.records
    assert (
        record.getMessage()
        == "the shipped default model was not installed: the card does not match"
    )
    assert record.args[0].indonesian == "model bawaan tidak dipasang: kartu model tidak cocok"


# -- the app ------------------------------------------------------------------------------


@pytest.fixture
def window(qtbot, tmp_path, mini_dir):
    from helpers import isolated_qsettings
    from PySide6.QtCore import QSettings

    from curriculum_tool.catalog import create_workspace
    from curriculum_tool.gui.i18n import install_language
    from curriculum_tool.gui.main_window import MainWindow

    isolated_qsettings(tmp_path / "settings")
    window = MainWindow(create_workspace(tmp_path / "w.sqlite", directory=mini_dir))
    qtbot.addWidget(window)
    yield window
    install_language("id")
    QSettings().clear()


def test_the_app_shows_an_import_summary_in_its_language(window, write_csv, mini_row):
    from curriculum_tool.gui.i18n import install_language

    first = write_csv("c.csv", "competencies", [mini_row("competencies", 0, code="NEW.1")])
    assert window.run_import_now("competencies", first)
    assert window.statusBar().currentMessage() == "c.csv: 1 ditambahkan, 0 diperbarui (kompetensi)"
    assert install_language("en")
    second = write_csv("d.csv", "competencies", [mini_row("competencies", 0, code="NEW.2")])
    assert window.run_import_now("competencies", second)
    assert window.statusBar().currentMessage() == "d.csv: 1 added, 0 updated (competencies)"


def test_the_app_shows_an_export_summary_in_its_language(window, tmp_path, monkeypatch):
    from curriculum_tool.gui import transfer

    target = tmp_path / "learners.csv"
    monkeypatch.setattr(transfer.TransferDialog, "exec", lambda self: True)
    monkeypatch.setattr(transfer.TransferDialog, "choice", lambda self: ("learners", target, False))
    window.export_file()
    shown = window.statusBar().currentMessage()
    assert shown == f"2 peserta → {target} (data pribadi disamarkan)"
    assert target.is_file()
