"""Moodle's course-completion report (report/completion CSV) imported as outcomes.

The files are written as Moodle 4.2's report/completion/index.php writes them: PHP's
fputcsv (a cell with a space, comma or quote is quoted, LF line ends), the header "ID",
"Name", the identity fields, per activity criterion its name and "<name> - Completion
date", per other criterion its title, and "Course complete"; a completed user's last cell
is ``userdate(timecompleted, '%d/%m/%y, %H:%M')`` (no leading zero on the day), a user who
has not completed has it empty; the Excel-compatible download starts with a UTF-8 BOM; the
file is named ``completion-<shortname>-<YYYYmmdd_HHMM>-comma_separated.csv``.
"""

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from curriculum_tool.catalog import create_workspace
from curriculum_tool.errors import CurriculumError, ValidationError
from curriculum_tool.io import import_file
from curriculum_tool.io.interchange import import_interchange
from curriculum_tool.io.moodle_completion import (
    modules_named_by,
    moodle_shortname,
    read_moodle_completion,
    shortname_of_file,
)
from curriculum_tool.store import Workspace

ROOT = Path(__file__).resolve().parents[2]
HEADER = [
    "ID",
    "Name",
    "Email address",
    "ID number",
    "Kuis evaluasi",
    "Kuis evaluasi - Completion date",
    "Self completion",
    "Course complete",
]
#: Moodle's file name for a course whose short name is "PB-101".
REPORT = "completion-pb-101-20250219_0730-comma_separated.csv"


def fputcsv(cells) -> str:
    """One line as PHP's fputcsv writes it (Moodle's csv_export_writer::add_data)."""
    out = []
    for cell in map(str, cells):
        if any(c in cell for c in ' ,"\t\r\n\\'):
            cell = '"' + cell.replace('"', '""') + '"'
        out.append(cell)
    return ",".join(out) + "\n"


def user(uid, id_number, completed="", name="Peserta Uji", activity=None):
    """A report row: Moodle's user id, full name, email, ID number, the activity's status
    and date, the self-completion date and the course completion date."""
    done = bool(completed)
    status = activity or ("Completed" if done else "Not completed")
    return [
        uid,
        name,
        f"u{uid}@bpsdm.example.id",
        id_number,
        status,
        completed,
        completed,
        completed,
    ]


def report(folder: Path, rows, name=REPORT, header=HEADER, bom=True) -> Path:
    path = folder / name
    text = fputcsv(header) + "".join(fputcsv(r) for r in rows)
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    return path


@pytest.fixture
def ws(tmp_path):
    workspace = create_workspace(tmp_path / "w.sqlite")
    yield workspace
    workspace.close()


def outcomes(ws, module="PB-101"):
    return sorted(
        (o.learner, o.date, o.completed, o.l1, o.l2, o.l3, o.l4)
        for o in ws.load("outcomes")
        if o.module == module
    )


def test_the_demo_workspace_has_the_learners_and_module_these_tests_use(ws):
    learners = {learner.id for learner in ws.load("learners")}
    assert {"DEMO-001", "DEMO-002", "DEMO-003", "DEMO-004"} <= learners
    assert "PB-101" in {m.code for m in ws.load("modules")}


def test_completed_users_become_outcomes_of_the_day_they_completed(ws, tmp_path):
    path = report(
        tmp_path,
        [
            user(3, "DEMO-001", "9/02/25, 14:30"),
            user(4, "DEMO-002", "17/01/25, 08:05"),
            user(7, "DEMO-003"),
        ],
    )
    (summary,) = import_interchange(ws, "moodle-completion", path)
    assert (summary.kind, summary.added, summary.updated) == ("outcomes", 2, 0)
    assert outcomes(ws) == [
        ("DEMO-001", dt.date(2025, 2, 9), True, None, None, None, None),
        ("DEMO-002", dt.date(2025, 1, 17), True, None, None, None, None),
    ]
    assert "module PB-101, from the course short name 'pb-101'" in str(summary)


def test_users_who_have_not_completed_are_skipped_and_counted(ws, tmp_path):
    rows = [user(3, "DEMO-001", "9/02/25, 14:30"), user(4, "DEMO-002"), user(5, "DEMO-003")]
    rows.append(user(6, "", activity="Completed (achieved pass grade)"))  # no ID number
    (summary,) = import_interchange(ws, "moodle-completion", report(tmp_path, rows))
    assert summary.added == 1
    assert "users who have not completed the course, skipped: 3" in str(summary)
    indonesian = summary.message.indonesian
    assert "pengguna yang belum menyelesaikan kursus, dilewati: 3" in indonesian
    assert [o[0] for o in outcomes(ws)] == ["DEMO-001"]


def test_a_reimport_keeps_the_evaluations_stored_with_the_outcome(ws, tmp_path, write_csv):
    path = report(tmp_path, [user(3, "DEMO-001", "9/02/25, 14:30")])
    import_interchange(ws, "moodle-completion", path)
    evaluated = {"learner": "DEMO-001", "module": "PB-101", "date": "2025-02-09"}
    evaluated |= {"completed": "1", "l1": "80", "l2": "75", "l3": "1", "l4": "0"}
    import_file(ws, "outcomes", write_csv("outcomes.csv", "outcomes", [evaluated]))
    (summary,) = import_interchange(ws, "moodle-completion", path)
    assert (summary.added, summary.updated) == (0, 1)
    assert outcomes(ws) == [("DEMO-001", dt.date(2025, 2, 9), True, 80, 75, True, False)]


def test_an_unknown_learner_is_located_and_nothing_is_written(ws, tmp_path, snapshot):
    before = snapshot(ws)
    rows = [user(3, "DEMO-001", "9/02/25, 14:30"), user(4, "199001012015011999", "1/03/25, 10:00")]
    with pytest.raises(ValidationError) as error:
        import_interchange(ws, "moodle-completion", report(tmp_path, rows))
    (problem,) = error.value.problems
    assert str(problem).startswith(
        f"{REPORT}:3:ID number: no learner has the id '199001012015011999'"
    )
    assert "learners.csv" in str(problem)
    assert "199001012015011999" in problem.render("id") and "peserta" in problem.render("id")
    assert snapshot(ws) == before


def test_a_report_without_the_id_number_column_is_refused_whole(ws, tmp_path, snapshot):
    before = snapshot(ws)
    header = [h for h in HEADER if h != "ID number"]
    rows = [[c for i, c in enumerate(user(3, "x", "9/02/25, 14:30")) if i != 3]]
    with pytest.raises(ValidationError) as error:
        import_interchange(ws, "moodle-completion", report(tmp_path, rows, header=header))
    (problem,) = error.value.problems
    text = str(problem)
    assert text.startswith(f"{REPORT}:1:ID number: the report has no 'ID number' column")
    assert "Moodle administrator" in text and "showuseridentity" in text
    assert "showuseridentity" in problem.render("id")
    assert snapshot(ws) == before


def test_the_module_comes_from_the_file_name_or_from_the_module_option(ws, tmp_path):
    rows = [user(3, "DEMO-001", "9/02/25, 14:30")]
    # A second download of the same report: the browser adds " (1)".
    again = report(tmp_path, rows, name="completion-ld-101-20250219_0730-comma_separated (1).csv")
    import_interchange(ws, "moodle-completion", again)
    assert [o[0] for o in outcomes(ws, "LD-101")] == ["DEMO-001"]
    renamed = report(tmp_path, rows, name="rekap kelas PB.csv")
    with pytest.raises(ValidationError, match=r"cannot tell the module .*--module CODE"):
        import_interchange(ws, "moodle-completion", renamed)
    (summary,) = import_interchange(ws, "moodle-completion", renamed, module="PB-101")
    assert "module PB-101, as given with --module" in str(summary)
    assert [o[0] for o in outcomes(ws)] == ["DEMO-001"]


def test_a_short_name_of_no_module_is_refused_naming_it_and_the_option(ws, tmp_path):
    path = report(tmp_path, [user(3, "DEMO-001", "9/02/25, 14:30")], name="completion-latsar.csv")
    with pytest.raises(ValidationError) as error:
        import_interchange(ws, "moodle-completion", path)
    text = str(error.value.problems[0])
    assert "write as 'latsar'" in text and "--module CODE" in text
    with pytest.raises(ValidationError, match="module 'NOPE-1' \\(--module\\) is not in"):
        import_interchange(ws, "moodle-completion", path, module="NOPE-1")


def test_moodles_short_name_rule_and_several_modules_of_one_name(tmp_path):
    assert moodle_shortname("M.01") == moodle_shortname("m_01") == "m_01"
    assert shortname_of_file(REPORT) == "pb-101"
    assert shortname_of_file("Completion-PB-101.CSV") == "pb-101"
    assert shortname_of_file("completion-m_01-20250101_0000-semicolon_separated.csv") == "m_01"
    assert shortname_of_file("outcomes.csv") is None
    assert modules_named_by("completion-m_01.csv", ["M.01", "M-01", "m_01", "PB-101"]) == [
        "M.01",
        "m_01",
    ]
    path = report(tmp_path, [user(3, "DEMO-001", "9/02/25, 14:30")], name="completion-m_01.csv")
    (parsed,) = read_moodle_completion(path, path.name, modules=["M.01", "m_01"])
    (problem,) = parsed.problems
    assert "fits several modules (M.01, m_01)" in str(problem) and "--module" in str(problem)


def test_the_utf8_download_without_bom_and_an_indonesian_moodle_read_alike(ws, tmp_path):
    header = [*HEADER[:3], "Nomor ID", *HEADER[4:-1], "Kursus selesai"]
    rows = [user(3, "DEMO-004", "28/12/24, 16:45")]
    (summary,) = import_interchange(
        ws, "moodle-completion", report(tmp_path, rows, header=header, bom=False)
    )
    assert summary.added == 1
    assert outcomes(ws) == [("DEMO-004", dt.date(2024, 12, 28), True, None, None, None, None)]


def test_a_report_saved_again_by_a_spreadsheet_with_semicolons_reads_too(ws, tmp_path):
    path = tmp_path / REPORT
    lines = [
        ";".join(HEADER),
        "3;Peserta Uji;u3@x.id;DEMO-001;Completed;09/02/2025 14:30;;09/02/2025 14:30",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    (summary,) = import_interchange(ws, "moodle-completion", path)
    assert summary.added == 1
    assert outcomes(ws) == [("DEMO-001", dt.date(2025, 2, 9), True, None, None, None, None)]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("9/02/25, 14:30", dt.date(2025, 2, 9)),
        ("09/02/2025 14:30", dt.date(2025, 2, 9)),
        ("2025-02-09", dt.date(2025, 2, 9)),
        ("2025-02-09 14:30:00", dt.date(2025, 2, 9)),
    ],
)
def test_completion_dates_moodle_and_iso(tmp_path, cell, expected):
    path = report(tmp_path, [user(3, "DEMO-001", cell)])
    (parsed,) = read_moodle_completion(path, path.name, module="PB-101")
    assert not parsed.problems
    assert [o.date for o in parsed.records] == [expected]


@pytest.mark.parametrize(
    ("cell", "says"),
    [
        ("31/02/25, 10:00", "is not a completion date as Moodle writes it"),
        ("Completed", "is not a completion date as Moodle writes it"),
        ("2/19/25, 2:30 PM", "has a 12-hour time"),
    ],
)
def test_a_bad_completion_date_is_located(ws, tmp_path, cell, says):
    path = report(tmp_path, [user(3, "DEMO-001", "9/02/25, 14:30"), user(4, "DEMO-002", cell)])
    with pytest.raises(ValidationError) as error:
        import_interchange(ws, "moodle-completion", path)
    (problem,) = error.value.problems
    assert str(problem).startswith(f"{REPORT}:3:Course complete: '{cell}' {says}")
    assert outcomes(ws) == []


def test_a_user_twice_and_a_short_row_are_located(tmp_path):
    rows = [
        user(3, "DEMO-001", "9/02/25, 14:30"),
        user(9, "DEMO-001", "9/02/25, 14:30"),
        user(4, "DEMO-002", "9/02/25, 14:30")[:-1],
    ]
    path = report(tmp_path, rows)
    (parsed,) = read_moodle_completion(path, path.name, module="PB-101")
    assert [str(p).split(": ")[0] for p in parsed.problems] == [
        f"{REPORT}:3:ID number",
        f"{REPORT}:4:-",
    ]
    assert "first at row 2" in str(parsed.problems[0])


def test_a_file_that_is_not_a_completion_report_is_refused(tmp_path):
    path = report(tmp_path, [["DEMO-001", "PB-101"]], header=["learner", "module"])
    (parsed,) = read_moodle_completion(path, path.name, module="PB-101")
    (problem,) = parsed.problems
    assert str(problem).startswith(f"{REPORT}:1:module: the last column is 'module'")


def test_replace_would_wipe_other_courses_and_is_refused(ws, tmp_path):
    path = report(tmp_path, [user(3, "DEMO-001", "9/02/25, 14:30")])
    with pytest.raises(CurriculumError, match="--replace would replace every outcome"):
        import_interchange(ws, "moodle-completion", path, replace=True)


def test_cli_imports_with_module_and_exits_2_on_bad_input(ws, tmp_path, run_cli):
    target = ws.target
    ws.close()
    good = report(tmp_path, [user(3, "DEMO-001", "9/02/25, 14:30"), user(4, "DEMO-002")])
    code, out, err = run_cli("import", target, "moodle-completion", good, "--module", "KEB-101")
    assert (code, err) == (0, "")
    assert "1 added, 0 updated (outcomes)" in out
    assert "skipped: 1" in out
    bad = report(tmp_path, [user(4, "NIP-TAK-ADA", "9/02/25, 14:30")], name="bad.csv")
    code, out, err = run_cli("import", target, "moodle-completion", bad, "--module", "KEB-101")
    assert code == 2
    assert "bad.csv:2:ID number: no learner has the id 'NIP-TAK-ADA'" in err
    code, _out, err = run_cli("import", target, "outcomes", good, "--module", "KEB-101")
    assert code == 2 and "--module goes with an import of: moodle-completion" in err
    code, _out, err = run_cli("import", target, "moodle", good, "--module", "KEB-101")
    assert code == 2 and "--module goes with an import of: moodle-completion" in err
    with Workspace.open(target) as again:
        assert [o.learner for o in again.load("outcomes")] == ["DEMO-001"]


def test_main_py_import_exit_codes(ws, tmp_path):
    target = ws.target
    ws.close()
    good = report(tmp_path, [user(3, "DEMO-001", "9/02/25, 14:30")], name="rekap.csv")
    command = [sys.executable, str(ROOT / "main.py"), "import", str(target), "moodle-completion"]
    done = subprocess.run(
        [*command, str(good), "--module", "PB-101"], capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert "1 added" in done.stdout
    done = subprocess.run([*command, str(good)], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 2
    assert "rekap.csv:1:-: cannot tell the module from the file name" in done.stderr
    assert "Traceback" not in done.stderr
