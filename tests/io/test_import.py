"""Import: located problems, reference and header checks, all-or-nothing, cycles, merging."""

import pytest
from helpers import assert_named_supervisor_cannot_be_deleted, new_module_row as module
from openpyxl import Workbook

from curriculum_tool.domain import RECORD_TYPES, Module
from curriculum_tool.errors import CycleError, Problem, ValidationError
from curriculum_tool.io import import_file, parse_file
from curriculum_tool.io.importer import ImportSummary

MODULE_COLUMNS = RECORD_TYPES["modules"].COLUMNS
MODALITY_LIST = (
    "klasikal, e_learning, blended, microlearning, coaching, mentoring, "
    "social_learning, experiential"
)


def _assert_no_traceback(err):
    assert "Traceback" not in err
    assert "unexpected" not in err


def _refused(workspace, kind, path, **kwargs):
    with pytest.raises(ValidationError) as info:
        import_file(workspace, kind, path, **kwargs)
    return info.value


# -- rules through the import path and the CLI ---------------------------------------------


@pytest.mark.parametrize(
    "kind, row, expected",
    [
        ("modules", module("NEW-1", jp="401"), "modules.csv:3:jp: jp 401 is outside 1–400"),
        (
            "modules",
            module("NEW 1"),
            "modules.csv:3:code: module code 'NEW 1' is not a valid code "
            "(letters, digits, '.', '_' or '-', starting with a letter or digit)",
        ),
        (
            "modules",
            module("NEW-1", competencies="LITDIG:1;;M.01:2"),
            "modules.csv:3:competencies: empty item in list 'LITDIG:1;;M.01:2' "
            "(items are separated by ';')",
        ),
        (
            "modules",
            module("NEW-1", scope=""),
            "modules.csv:3:scope: scope is required: 'national' or a region code",
        ),
        (
            "modules",
            module("NEW-1", modality="webinar"),
            f"modules.csv:3:modality: modality 'webinar' is not one of: {MODALITY_LIST}",
        ),
        (
            "regions",
            {
                "code": "72.10",
                "name": "Kab. Sigi",
                "parent": "72",
                "hazards": "gempa_bumi:1.2",
                "connectivity": "low",
                "is_3t": "0",
            },
            "regions.csv:3:hazards: index of gempa_bumi 1.2 is outside 0–1",
        ),
        (
            "outcomes",
            {
                "learner": "DEMO-001",
                "module": "LD-201",
                "date": "2024-02-30",
                "completed": "1",
                "l1": "",
                "l2": "",
                "l3": "",
                "l4": "",
            },
            "outcomes.csv:3:date: date '2024-02-30' is not a date YYYY-MM-DD",
        ),
        (
            "outcomes",
            {
                "learner": "DEMO-001",
                "module": "LD-201",
                "date": "2024-04-01",
                "completed": "0",
                "l1": "",
                "l2": "",
                "l3": "1",
                "l4": "",
            },
            "outcomes.csv:3:l3: l3 (applied at work) is 1 but the module was not completed",
        ),
        (
            "prerequisites",
            {"module": "LD-201", "requires": "LD-201", "kind": "hard"},
            "prerequisites.csv:3:requires: module LD-201 cannot require itself "
            "(cycle LD-201 → LD-201)",
        ),
        (
            "learners",
            {
                "id": "NIP 1",
                "name": "X",
                "position": "analis-kebijakan",
                "region": "31",
                "digital_literacy": "1",
                "competencies": "",
                "completed": "",
            },
            "learners.csv:3:id: learner id 'NIP 1' is not a valid code "
            "(letters, digits, '.', '_' or '-', starting with a letter or digit)",
        ),
    ],
)
def test_cli_reports_the_exact_located_line(
    workspace, workspace_path, write_csv, mini_row, run_cli, snapshot, kind, row, expected
):
    path = write_csv(f"{kind}.csv", kind, [mini_row(kind), row])
    before = snapshot(workspace)
    code, out, err = run_cli("import", workspace_path, kind, path)
    assert code == 2
    assert err.splitlines() == [expected]
    assert out == ""
    assert snapshot(workspace) == before


def test_row_numbers_count_the_header_and_blank_lines(workspace, tmp_path):
    path = tmp_path / "modules.csv"
    good = ",".join(module("NEW-1").values())
    bad = ",".join(module("NEW-2", level="7").values())
    path.write_text(",".join(MODULE_COLUMNS) + "\n" + good + "\n\n" + bad + "\n", encoding="utf-8")
    error = _refused(workspace, "modules", path)
    assert error.problems == [Problem("modules.csv", 4, "level", "level 7 is outside 1–5")]


def test_duplicate_key_in_a_file_is_reported_on_the_second_row(workspace, write_csv):
    path = write_csv(
        "modules.csv", "modules", [module("NEW-1"), module("NEW-2"), module("NEW-1", jp="9")]
    )
    error = _refused(workspace, "modules", path)
    assert error.problems == [
        Problem("modules.csv", 4, "code", "duplicate code (NEW-1), first at row 2")
    ]


def test_duplicate_composite_key_names_every_key_column(workspace, write_csv):
    path = write_csv(
        "prerequisites.csv",
        "prerequisites",
        [
            {"module": "PB-LOC", "requires": "PB-101", "kind": "hard"},
            {"module": "PB-LOC", "requires": "PB-101", "kind": "soft"},
        ],
    )
    error = _refused(workspace, "prerequisites", path)
    assert error.problems == [
        Problem(
            "prerequisites.csv",
            3,
            "requires",
            "duplicate module/requires (PB-LOC, PB-101), first at row 2",
        )
    ]


def test_xlsx_problems_are_located_like_csv(workspace, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(list(MODULE_COLUMNS))
    sheet.append([module("NEW-1")[c] for c in MODULE_COLUMNS])
    sheet.append([module("NEW-2", jp="0")[c] for c in MODULE_COLUMNS])
    path = tmp_path / "modules.xlsx"
    book.save(path)
    error = _refused(workspace, "modules", path)
    assert error.problems == [Problem("modules.xlsx", 3, "jp", "jp 0 is outside 1–400")]


def test_csv_with_byte_order_mark_is_read(workspace, tmp_path):
    path = tmp_path / "modules.csv"
    path.write_bytes(
        b"\xef\xbb\xbf"
        + (",".join(MODULE_COLUMNS) + "\n" + ",".join(module("BOM-1").values()) + "\n").encode()
    )
    assert import_file(workspace, "modules", path).added == 1
    assert "BOM-1" in {m.code for m in workspace.load("modules")}


# -- reference checks ----------------------------------------------------------------------

REFERENCE_CASES = [
    (
        "modules",
        module("NEW-1", competencies="LITDIG:1;NOPE:2"),
        "competencies",
        "unknown competency 'NOPE'; add it to competencies first",
    ),
    (
        "modules",
        module("NEW-1", scope="99"),
        "scope",
        "unknown region '99'; add it to regions first",
    ),
    (
        "prerequisites",
        {"module": "NOPE", "requires": "LD-101", "kind": "hard"},
        "module",
        "unknown module 'NOPE'; add it to modules first",
    ),
    (
        "prerequisites",
        {"module": "PB-LOC", "requires": "NOPE", "kind": "soft"},
        "requires",
        "unknown module 'NOPE'; add it to modules first",
    ),
    (
        "regions",
        {
            "code": "72.10",
            "name": "Kab. Sigi",
            "parent": "99",
            "hazards": "",
            "connectivity": "low",
            "is_3t": "1",
        },
        "parent",
        "unknown region '99'; add it to regions first",
    ),
    (
        "regional_standards",
        {"region": "99", "competency": "M.01", "level": "2"},
        "region",
        "unknown region '99'; add it to regions first",
    ),
    (
        "regional_standards",
        {"region": "31", "competency": "NOPE", "level": "2"},
        "competency",
        "unknown competency 'NOPE'; add it to competencies first",
    ),
    (
        "job_standards",
        {"position": "camat", "title": "Camat", "competency": "NOPE", "level": "2"},
        "competency",
        "unknown competency 'NOPE'; add it to competencies first",
    ),
    (
        "learners",
        {
            "id": "NEW-L",
            "name": "Siti",
            "position": "camat",
            "region": "31",
            "digital_literacy": "1",
        },
        "position",
        "unknown position 'camat'; add it to job_standards (no job standard defines it) first",
    ),
    (
        "learners",
        {
            "id": "NEW-L",
            "name": "Siti",
            "position": "analis-kebijakan",
            "region": "99",
            "digital_literacy": "1",
        },
        "region",
        "unknown region '99'; add it to regions first",
    ),
    (
        "learners",
        {
            "id": "NEW-L",
            "name": "Siti",
            "position": "analis-kebijakan",
            "region": "31",
            "digital_literacy": "1",
            "competencies": "M.01:1;NOPE:2",
        },
        "competencies",
        "unknown competency 'NOPE'; add it to competencies first",
    ),
    (
        "learners",
        {
            "id": "NEW-L",
            "name": "Siti",
            "position": "analis-kebijakan",
            "region": "31",
            "digital_literacy": "1",
            "completed": "LD-101;NOPE",
        },
        "completed",
        "unknown module 'NOPE'; add it to modules first",
    ),
    (
        "outcomes",
        {"learner": "NOBODY", "module": "LD-101", "date": "2024-01-01", "completed": "1"},
        "learner",
        "unknown learner 'NOBODY'; add it to learners first",
    ),
    (
        "outcomes",
        {"learner": "DEMO-001", "module": "NOPE", "date": "2024-01-01", "completed": "1"},
        "module",
        "unknown module 'NOPE'; add it to modules first",
    ),
    (
        "learners",
        {
            "id": "NEW-L",
            "name": "Siti",
            "position": "analis-kebijakan",
            "region": "31",
            "digital_literacy": "1",
            "supervisor": "NOBODY",
        },
        "supervisor",
        "unknown learner 'NOBODY'; add it to learners first",
    ),
    (
        "obligations",
        {"who": "administrator", "module": "NOPE", "regulation": "PerLAN 5/2022"},
        "module",
        "unknown module 'NOPE'; add it to modules first",
    ),
]


@pytest.mark.parametrize(
    "kind, row, column, message",
    [pytest.param(*case, id=f"{case[0]}.{case[2]}") for case in REFERENCE_CASES],
)
def test_unknown_reference_is_reported_on_its_row_and_column(
    workspace, write_csv, mini_row, snapshot, kind, row, column, message
):
    path = write_csv(f"{kind}.csv", kind, [mini_row(kind), row])
    before = snapshot(workspace)
    error = _refused(workspace, kind, path)
    assert error.problems == [Problem(f"{kind}.csv", 3, column, message)]
    assert snapshot(workspace) == before


def test_unknown_reference_through_the_cli(workspace, workspace_path, write_csv, run_cli):
    path = write_csv(
        "learners.csv",
        "learners",
        [
            {
                "id": "NEW-L",
                "name": "Siti",
                "position": "camat",
                "region": "99",
                "digital_literacy": "1",
                "completed": "NOPE",
            }
        ],
    )
    code, _out, err = run_cli("import", workspace_path, "learners", path)
    assert code == 2
    assert err.splitlines() == [
        "learners.csv:2:position: unknown position 'camat'; add it to job_standards "
        "(no job standard defines it) first",
        "learners.csv:2:region: unknown region '99'; add it to regions first",
        "learners.csv:2:completed: unknown module 'NOPE'; add it to modules first",
    ]


def test_unknown_supervisor_through_the_cli_is_located_and_changes_nothing(
    workspace, workspace_path, write_csv, mini_row, run_cli, snapshot
):
    path = write_csv(
        "learners.csv",
        "learners",
        [
            mini_row("learners", 1),
            mini_row("learners", 0, supervisor="198001012005011099", position="camat"),
        ],
    )
    before = snapshot(workspace)
    code, out, err = run_cli("import", workspace_path, "learners", path)
    assert (code, out) == (2, "")
    assert err.splitlines() == [  # in column order, the supervisor last
        "learners.csv:3:position: unknown position 'camat'; add it to job_standards "
        "(no job standard defines it) first",
        "learners.csv:3:supervisor: unknown learner '198001012005011099'; add it to learners first",
    ]
    assert snapshot(workspace) == before


def test_a_supervisor_later_in_the_same_file_or_stored_is_fine(workspace, write_csv, mini_row):
    new = {
        "id": "NEW-S",
        "name": "Siti",
        "position": "analis-kebijakan",
        "region": "72.71",
        "digital_literacy": "1",
    }
    path = write_csv(
        "learners.csv",
        "learners",
        [
            mini_row("learners", 0, supervisor="NEW-S"),
            new,
            {**new, "id": "NEW-T", "supervisor": "199001012015011001"},
        ],
    )
    assert import_file(workspace, "learners", path).added == 2
    supervisors = {r.id: r.supervisor for r in workspace.load("learners")}
    assert supervisors == {
        "DEMO-001": "NEW-S",
        "NEW-S": None,
        "NEW-T": "199001012015011001",
        "199001012015011001": None,
    }


def test_own_supervisor_is_refused_on_its_row(workspace, write_csv, mini_row):
    path = write_csv("learners.csv", "learners", [mini_row("learners", 0, supervisor="DEMO-001")])
    assert _refused(workspace, "learners", path).problems == [
        Problem("learners.csv", 2, "supervisor", "a learner cannot be their own supervisor")
    ]


def test_replacing_learners_without_a_supervisor_is_refused_on_the_row(
    workspace, write_csv, mini_row, snapshot
):
    import_file(
        workspace,
        "learners",
        write_csv("l.csv", "learners", [mini_row("learners", 0, supervisor="199001012015011001")]),
    )
    import_file(workspace, "outcomes", write_csv("o.csv", "outcomes", []), replace=True)
    before = snapshot(workspace)
    path = write_csv(
        "learners.csv", "learners", [mini_row("learners", 0, supervisor="199001012015011001")]
    )  # Budi is not in the file
    error = _refused(workspace, "learners", path, replace=True)
    assert [str(p) for p in error.problems] == [
        "learners.csv:2:supervisor: unknown learner '199001012015011001'; add it to learners first"
    ]
    assert snapshot(workspace) == before


def test_deleting_a_supervisor_is_refused_while_a_learner_names_them(
    workspace, write_csv, mini_row, snapshot
):
    from curriculum_tool.io.editing import delete_records

    assert_named_supervisor_cannot_be_deleted(workspace, write_csv, mini_row, snapshot)
    delete_records(workspace, "learners", ["199001012015011001"])  # nobody's supervisor
    delete_records(workspace, "learners", ["DEMO-001"])
    assert workspace.load("learners") == []


def test_references_to_keys_in_the_same_file_are_fine(workspace, write_csv):
    path = write_csv(
        "regions.csv",
        "regions",
        [
            {
                "code": "73.01",
                "name": "Kab. Selayar",
                "parent": "73",
                "hazards": "abrasi:0.4",
                "connectivity": "low",
                "is_3t": "1",
            },
            {
                "code": "73",
                "name": "Sulawesi Selatan",
                "parent": "",
                "hazards": "",
                "connectivity": "high",
                "is_3t": "0",
            },
        ],
    )
    summary = import_file(workspace, "regions", path)
    assert (summary.added, summary.updated) == (2, 0)
    assert {r.code: r.parent for r in workspace.load("regions")}["73.01"] == "73"


def test_a_position_becomes_known_through_job_standards(workspace, write_csv):
    learner = {
        "id": "NEW-L",
        "name": "Siti",
        "position": "camat",
        "region": "31",
        "digital_literacy": "1",
    }
    _refused(workspace, "learners", write_csv("l1.csv", "learners", [learner]))
    import_file(
        workspace,
        "job_standards",
        write_csv(
            "job_standards.csv",
            "job_standards",
            [{"position": "camat", "title": "Camat", "competency": "M.01", "level": "3"}],
        ),
    )
    assert import_file(workspace, "learners", write_csv("l2.csv", "learners", [learner])).added == 1


# -- header and file checks ----------------------------------------------------------------

_HEADER = ",".join(MODULE_COLUMNS)
_ROW = ",".join(module("NEW-1").values())
_EXPECTED_COLUMNS = ", ".join(MODULE_COLUMNS)


@pytest.mark.parametrize(
    "name, content, expected",
    [
        pytest.param(
            "modules.csv",
            f"{_HEADER},extra\n{_ROW},x\n",
            [f"modules.csv:1:extra: unknown column 'extra'; expected: {_EXPECTED_COLUMNS}"],
            id="extra-column",
        ),
        pytest.param(
            "modules.csv",
            _HEADER.replace(",owner", "") + "\n",
            ["modules.csv:1:owner: missing column 'owner'"],
            id="missing-column",
        ),
        pytest.param(
            "modules.csv",
            _HEADER + ",title\n",
            ["modules.csv:1:title: column 'title' appears twice"],
            id="duplicate-column",
        ),
        pytest.param(
            "modules.csv",
            _HEADER.replace("jp", "JP") + "\n",
            [
                f"modules.csv:1:JP: unknown column 'JP'; expected: {_EXPECTED_COLUMNS}",
                "modules.csv:1:jp: missing column 'jp'",
            ],
            id="renamed-column",
        ),
        pytest.param(
            "modules.csv",
            "",
            ["modules.csv:1:-: the file is empty (no header row)"],
            id="empty-file",
        ),
        pytest.param(
            "modules.csv",
            (_HEADER + "\n" + _ROW.replace("Modul", "Modul é") + "\n").encode("latin-1"),
            ["modules.csv:1:-: the file is not UTF-8 text"],
            id="latin-1",
        ),
        pytest.param(
            "modules.txt",
            _HEADER + "\n" + _ROW + "\n",
            ["modules.txt:1:-: unsupported file type '.txt': use .csv or .xlsx"],
            id="txt-suffix",
        ),
        pytest.param(
            "modules",
            _HEADER + "\n",
            ["modules:1:-: unsupported file type '(none)': use .csv or .xlsx"],
            id="no-suffix",
        ),
        pytest.param(
            "modules.csv",
            f"{_HEADER}\n{_ROW},surplus\n",
            ["modules.csv:2:-: row has 14 cells but the header has 13"],
            id="long-row",
        ),
        pytest.param(
            "modules.csv",
            _HEADER.replace(",owner,audience", "") + ",colour\n",
            [
                f"modules.csv:1:colour: unknown column 'colour'; expected: {_EXPECTED_COLUMNS}",
                "modules.csv:1:owner: missing column 'owner'",
            ],
            id="optional-absent-does-not-excuse-others",
        ),
    ],
)
def test_header_and_file_problems_are_located_exit_2(
    workspace, workspace_path, tmp_path, run_cli, snapshot, name, content, expected
):
    path = tmp_path / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    before = snapshot(workspace)
    code, _out, err = run_cli("import", workspace_path, "modules", path)
    assert code == 2
    assert err.splitlines() == expected
    _assert_no_traceback(err)
    assert snapshot(workspace) == before


def test_missing_file_is_a_located_problem(workspace_path, workspace, tmp_path, run_cli):
    code, _, err = run_cli("import", workspace_path, "modules", tmp_path / "absent.csv")
    assert code == 2
    assert err.startswith("absent.csv:1:-: file not found:")
    _assert_no_traceback(err)


def test_unknown_kind_exits_2(workspace, workspace_path, write_csv, run_cli):
    code, _, err = run_cli(
        "import", workspace_path, "courses", write_csv("m.csv", "modules", [module("NEW-1")])
    )
    assert code == 2
    assert err.splitlines() == [
        "error: unknown kind 'courses'; one of: competencies, regions, modules, "
        "prerequisites, regional_standards, job_standards, learners, outcomes, obligations"
    ]


def test_malformed_csv_is_located_on_the_row_that_starts_it(workspace, tmp_path):
    path = tmp_path / "modules.csv"
    path.write_text(f'{_HEADER}\n{_ROW}\n"NEW-2,unterminated quote\n', encoding="utf-8")
    error = _refused(workspace, "modules", path)
    assert [str(p) for p in error.problems] == [
        "modules.csv:3:-: malformed CSV: unexpected end of data"
    ]


def test_a_file_that_is_not_xlsx_is_a_located_problem(workspace, workspace_path, tmp_path, run_cli):
    path = tmp_path / "modules.xlsx"
    path.write_bytes(b"code,title\nthis is a CSV renamed to .xlsx\n")
    code, _, err = run_cli("import", workspace_path, "modules", path)
    assert code == 2
    assert err.startswith("modules.xlsx:1:-: not a readable .xlsx file"), err
    _assert_no_traceback(err)


def test_a_long_row_does_not_hide_the_other_rows_problems(workspace, tmp_path):
    path = tmp_path / "modules.csv"
    bad_jp = ",".join(module("NEW-2", jp="0").values())
    path.write_text(f"{_HEADER}\n{bad_jp}\n{_ROW},surplus\n", encoding="utf-8")
    error = _refused(workspace, "modules", path)
    assert [str(p) for p in error.problems] == [
        "modules.csv:2:jp: jp 0 is outside 1–400",
        "modules.csv:3:-: row has 14 cells but the header has 13",
    ]


# -- all-or-nothing ------------------------------------------------------------------------


def test_bad_file_lists_every_problem_sorted_and_changes_nothing(
    workspace, workspace_path, write_csv, run_cli, snapshot, sqlite_contents
):
    path = write_csv(
        "modules.csv",
        "modules",
        [
            module("LD-101", jp="10", title="Literasi Digital Dasar (baru)"),  # 2 valid update
            module("NEW-A", jp="0"),  # 3
            module("NEW-B"),  # 4 valid
            module("NEW-C", competencies="NOPE:1"),  # 5
            module("NEW-D", modality="online", level="9"),  # 6
            module("NEW-E", scope="72"),  # 7 valid
            module("NEW-F", hazards="gempa_bumi;gempa_bumi", scope="99"),  # 8
        ],
    )
    before = snapshot(workspace)
    before_file = sqlite_contents(workspace_path)
    code, out, err = run_cli("import", workspace_path, "modules", path)
    assert code == 2
    assert out == ""
    assert err.splitlines() == [
        "modules.csv:3:jp: jp 0 is outside 1–400",
        "modules.csv:5:competencies: unknown competency 'NOPE'; add it to competencies first",
        f"modules.csv:6:modality: modality 'online' is not one of: {MODALITY_LIST}",
        "modules.csv:6:level: level 9 is outside 1–5",
        "modules.csv:8:hazards: hazard 'gempa_bumi' is listed twice",
    ]
    _assert_no_traceback(err)
    assert snapshot(workspace) == before
    assert sqlite_contents(workspace_path) == before_file
    assert {m.code: m.jp for m in workspace.load("modules")}["LD-101"] == 8


def test_validation_error_problems_are_sorted_by_row(workspace, write_csv):
    path = write_csv(
        "modules.csv",
        "modules",
        [
            module("NEW-A", competencies="NOPE:1"),  # 2: reference problem
            module("NEW-B", jp="x"),  # 3: cell problem
            module("NEW-C", scope="99"),  # 4: reference problem
            module("NEW-D", level="0"),  # 5: cell problem
        ],
    )
    error = _refused(workspace, "modules", path)
    assert [(p.row, p.column) for p in error.problems] == [
        (2, "competencies"),
        (3, "jp"),
        (4, "scope"),
        (5, "level"),
    ]


def test_more_than_50_problems_are_cut_with_a_count(
    workspace, workspace_path, write_csv, run_cli, snapshot
):
    path = write_csv(
        "modules.csv",
        "modules",
        [module(f"BAD-{i:02d}", jp="0") for i in range(60)] + [module("OK-1")],
    )
    before = snapshot(workspace)
    code, _, err = run_cli("import", workspace_path, "modules", path)
    lines = err.splitlines()
    assert code == 2
    assert len(lines) == 51
    assert lines[:50] == [f"modules.csv:{row}:jp: jp 0 is outside 1–400" for row in range(2, 52)]
    assert lines[50] == "... and 10 more problems"
    assert snapshot(workspace) == before


def test_report_limit_singular(workspace, write_csv):
    path = write_csv("modules.csv", "modules", [module(f"B{i}", jp="0") for i in range(51)])
    error = _refused(workspace, "modules", path)
    assert len(error.problems) == 51
    assert error.report().splitlines()[-1] == "... and 1 more problem"
    assert len(error.report(limit=3).splitlines()) == 4


def test_valid_rows_with_one_cycle_write_nothing(workspace, write_csv, snapshot):
    path = write_csv(
        "prerequisites.csv",
        "prerequisites",
        [
            {"module": "PB-LOC", "requires": "PB-101", "kind": "hard"},  # valid new edge
            {"module": "PB-201", "requires": "LD-201", "kind": "soft"},  # valid new edge
            {"module": "LD-101", "requires": "LD-201", "kind": "soft"},  # closes a cycle
        ],
    )
    before = snapshot(workspace)
    with pytest.raises(CycleError):
        import_file(workspace, "prerequisites", path)
    assert snapshot(workspace) == before
    assert ("PB-LOC", "PB-101") not in {p.key() for p in workspace.load("prerequisites")}


# -- cycles --------------------------------------------------------------------------------


@pytest.fixture
def abc_workspace(workspace, write_csv):
    import_file(
        workspace,
        "modules",
        write_csv("abc.csv", "modules", [module("A"), module("B"), module("C")]),
    )
    return workspace


def test_self_loop_is_refused(workspace, workspace_path, write_csv, run_cli):
    path = write_csv(
        "prerequisites.csv",
        "prerequisites",
        [{"module": "LD-101", "requires": "LD-101", "kind": "soft"}],
    )
    code, _, err = run_cli("import", workspace_path, "prerequisites", path)
    assert code == 2
    assert err.splitlines() == [
        "prerequisites.csv:2:requires: module LD-101 cannot require itself (cycle LD-101 → LD-101)"
    ]


def test_two_cycle_in_a_file_is_refused(abc_workspace, write_csv, snapshot):
    path = write_csv(
        "prerequisites.csv",
        "prerequisites",
        [
            {"module": "B", "requires": "A", "kind": "hard"},
            {"module": "A", "requires": "B", "kind": "hard"},
        ],
    )
    before = snapshot(abc_workspace)
    with pytest.raises(CycleError) as info:
        import_file(abc_workspace, "prerequisites", path)
    assert info.value.cycle == ["A", "B", "A"]
    assert info.value.problems == [
        Problem(
            "prerequisites.csv",
            2,
            "requires",
            "prerequisite cycle A → B → A; remove one of these edges",
        )
    ]
    assert snapshot(abc_workspace) == before


@pytest.mark.parametrize(
    "edges, cycle",
    [
        ([("A", "B"), ("B", "C"), ("C", "A")], ["A", "B", "C", "A"]),
        ([("A", "C"), ("C", "B"), ("B", "A")], ["A", "C", "B", "A"]),
        ([("C", "A"), ("B", "C"), ("A", "B")], ["A", "B", "C", "A"]),
    ],
)
def test_three_cycle_of_soft_edges_is_named_in_order(
    abc_workspace, workspace_path, write_csv, run_cli, snapshot, edges, cycle
):
    rows = [{"module": m, "requires": r, "kind": "soft"} for m, r in edges]
    path = write_csv("prerequisites.csv", "prerequisites", rows)
    with pytest.raises(CycleError) as info:
        import_file(abc_workspace, "prerequisites", path)
    assert info.value.cycle == cycle
    named = " → ".join(cycle)
    assert str(info.value) == (
        f"prerequisites.csv:2:requires: prerequisite cycle {named}; remove one of these edges"
    )
    before = snapshot(abc_workspace)
    code, _, err = run_cli("import", workspace_path, "prerequisites", path)
    assert code == 2
    assert err.splitlines() == [
        f"prerequisites.csv:2:requires: prerequisite cycle {named}; remove one of these edges"
    ]
    assert snapshot(abc_workspace) == before


def test_cycle_through_an_existing_edge_is_reported_on_the_new_row(workspace, write_csv, snapshot):
    # The workspace has LD-201 → LD-101 (hard); the file adds LD-101 → LD-201 on row 3.
    path = write_csv(
        "prerequisites.csv",
        "prerequisites",
        [
            {"module": "PB-LOC", "requires": "PB-101", "kind": "hard"},
            {"module": "LD-101", "requires": "LD-201", "kind": "soft"},
        ],
    )
    before = snapshot(workspace)
    with pytest.raises(CycleError) as info:
        import_file(workspace, "prerequisites", path)
    assert info.value.cycle == ["LD-101", "LD-201", "LD-101"]
    assert [str(p) for p in info.value.problems] == [
        "prerequisites.csv:3:requires: prerequisite cycle LD-101 → LD-201 → LD-101; "
        "remove one of these edges"
    ]
    assert snapshot(workspace) == before


def test_longer_cycle_through_existing_edges(workspace, write_csv):
    # Existing: PB-201 → PB-101, PB-201 → LD-101, LD-201 → LD-101. New: LD-101 → PB-201.
    path = write_csv(
        "prerequisites.csv",
        "prerequisites",
        [{"module": "LD-101", "requires": "PB-201", "kind": "hard"}],
    )
    with pytest.raises(CycleError) as info:
        import_file(workspace, "prerequisites", path)
    assert info.value.cycle == ["LD-101", "PB-201", "LD-101"]


def test_replacing_prerequisites_ignores_old_edges_for_cycles(workspace, write_csv):
    # With --replace the old LD-201 → LD-101 edge is gone, so LD-101 → LD-201 is fine.
    path = write_csv(
        "prerequisites.csv",
        "prerequisites",
        [{"module": "LD-101", "requires": "LD-201", "kind": "soft"}],
    )
    summary = import_file(workspace, "prerequisites", path, replace=True)
    assert summary.replaced
    assert [p.key() for p in workspace.load("prerequisites")] == [("LD-101", "LD-201")]


def test_region_parent_cycle_is_refused(workspace, workspace_path, write_csv, run_cli, snapshot):
    # 72.71's parent is 72; making 72's parent 72.71 closes a cycle.
    path = write_csv(
        "regions.csv",
        "regions",
        [
            {
                "code": "31",
                "name": "DKI Jakarta",
                "parent": "",
                "hazards": "banjir:0.8",
                "connectivity": "high",
                "is_3t": "0",
            },
            {
                "code": "72",
                "name": "Sulawesi Tengah",
                "parent": "72.71",
                "hazards": "",
                "connectivity": "low",
                "is_3t": "1",
            },
        ],
    )
    before = snapshot(workspace)
    with pytest.raises(CycleError) as info:
        import_file(workspace, "regions", path)
    assert info.value.cycle == ["72", "72.71", "72"]
    code, _, err = run_cli("import", workspace_path, "regions", path)
    assert code == 2
    assert err.splitlines() == [
        "regions.csv:3:parent: region parent cycle 72 → 72.71 → 72; remove one of these edges"
    ]
    assert snapshot(workspace) == before


def test_region_own_parent_is_a_cell_problem(workspace, write_csv):
    path = write_csv(
        "regions.csv",
        "regions",
        [
            {
                "code": "31",
                "name": "DKI Jakarta",
                "parent": "31",
                "hazards": "",
                "connectivity": "high",
                "is_3t": "0",
            }
        ],
    )
    error = _refused(workspace, "regions", path)
    assert error.problems == [
        Problem("regions.csv", 2, "parent", "region 31 cannot be its own parent")
    ]


# -- merge semantics -----------------------------------------------------------------------


def test_merge_updates_adds_and_keeps(workspace, workspace_path, write_csv, run_cli):
    before = {m.code: m for m in workspace.load("modules")}
    path = write_csv(
        "modules.csv",
        "modules",
        [
            module(
                "LD-101",
                title="Literasi Digital Dasar",
                jp="10",
                competencies="M.01:1;PB-KAJI:1",
                hazards="banjir",
            ),
            module("NEW-1", jp="4"),
        ],
    )
    code, out, _ = run_cli("import", workspace_path, "modules", path)
    assert code == 0
    assert out.strip() == "modules.csv: 1 added, 1 updated (modules)"
    after = {m.code: m for m in workspace.load("modules")}
    assert set(after) == set(before) | {"NEW-1"}
    assert after["LD-101"] == Module.from_row(
        module(
            "LD-101",
            title="Literasi Digital Dasar",
            jp="10",
            competencies="M.01:1;PB-KAJI:1",
            hazards="banjir",
        )
    )
    assert after["NEW-1"].jp == 4
    for code_ in set(before) - {"LD-101"}:
        assert after[code_] == before[code_]


def test_update_replaces_the_old_child_rows(workspace, workspace_path, write_csv, sqlite_contents):
    path = write_csv(
        "modules.csv",
        "modules",
        [module("LD-101", competencies="M.01:1;PB-KAJI:1", hazards="banjir;tsunami")],
    )
    import_file(workspace, "modules", path)
    tables = sqlite_contents(workspace_path)
    assert [r for r in tables["module_competencies"] if r[0] == "LD-101"] == [
        ("LD-101", "M.01", 0, 1),
        ("LD-101", "PB-KAJI", 1, 1),
    ]
    assert [r for r in tables["module_hazards"] if r[0] == "LD-101"] == [
        ("LD-101", "banjir", 0),
        ("LD-101", "tsunami", 1),
    ]
    # Emptying the lists removes every child row.
    import_file(
        workspace,
        "modules",
        write_csv("m2.csv", "modules", [module("LD-101", competencies="", hazards="")]),
    )
    tables = sqlite_contents(workspace_path)
    assert not [r for r in tables["module_competencies"] if r[0] == "LD-101"]
    assert not [r for r in tables["module_hazards"] if r[0] == "LD-101"]
    assert {m.code: m.competencies for m in workspace.load("modules")}["LD-101"] == ()


def test_learner_update_replaces_lists(workspace, write_csv, mini_row):
    path = write_csv(
        "learners.csv",
        "learners",
        [mini_row("learners", 1, competencies="LITDIG:3", completed="LD-201;PB-101")],
    )
    summary = import_file(workspace, "learners", path)
    assert (summary.added, summary.updated, summary.rows) == (0, 1, 1)
    budi = {r.id: r for r in workspace.load("learners")}["199001012015011001"]
    assert budi.competencies == (("LITDIG", 3),)
    assert budi.completed == ("LD-201", "PB-101")


def test_reimporting_the_same_file_changes_nothing(workspace, mini_dir, snapshot):
    before = snapshot(workspace)["loads"]
    for kind in RECORD_TYPES:
        summary = import_file(workspace, kind, mini_dir / f"{kind}.csv")
        assert summary.added == 0 and summary.updated == summary.rows > 0
    assert snapshot(workspace)["loads"] == before


def test_import_summary_counts():
    summary = ImportSummary("modules", "m.csv", 3, 1, 2, False)
    assert str(summary) == "m.csv: 1 added, 2 updated (modules)"
    assert (
        str(ImportSummary("modules", "m.csv", 3, 3, 0, True))
        == "m.csv: modules replaced with 3 rows"
    )


def test_replace_replaces_the_whole_table(workspace, workspace_path, write_csv, run_cli):
    path = write_csv(
        "regional_standards.csv",
        "regional_standards",
        [
            {"region": "72.71", "competency": "M.01", "level": "3", "reason": "x"},
            {"region": "31", "competency": "LITDIG", "level": "2", "reason": ""},
        ],
    )
    code, out, _ = run_cli("import", workspace_path, "regional_standards", path, "--replace")
    assert code == 0
    assert out.strip() == "regional_standards.csv: regional_standards replaced with 2 rows"
    assert [r.key() for r in workspace.load("regional_standards")] == [
        ("31", "LITDIG"),
        ("72.71", "M.01"),
    ]


def test_replace_modules_with_lists(
    workspace, write_csv, mini_row, sqlite_contents, workspace_path
):
    # Keep every module that is referenced, drop PB-LOC (once no obligation names it),
    # change LD-101's lists.
    import_file(workspace, "obligations", write_csv("o.csv", "obligations", []), replace=True)
    rows = [mini_row("modules", i) for i in range(4)]
    rows[0]["competencies"] = "M.01:2"
    summary = import_file(
        workspace, "modules", write_csv("modules.csv", "modules", rows), replace=True
    )
    assert (summary.rows, summary.added, summary.updated, summary.replaced) == (4, 4, 0, True)
    assert [m.code for m in workspace.load("modules")] == ["LD-101", "LD-201", "PB-101", "PB-201"]
    tables = sqlite_contents(workspace_path)
    assert ("LD-101", "M.01", 0, 2) in tables["module_competencies"]
    assert not [r for r in tables["module_competencies"] if r[0] == "PB-LOC"]
    assert not [r for r in tables["module_hazards"] if r[0] == "PB-LOC"]


def test_replace_that_leaves_references_dangling_is_refused(
    workspace, workspace_path, write_csv, mini_row, run_cli, snapshot, sqlite_contents
):
    # competencies.csv without LITDIG, which modules, job standards and learners use.
    path = write_csv(
        "competencies.csv",
        "competencies",
        [mini_row("competencies", 0), mini_row("competencies", 1)],
    )
    before = snapshot(workspace)
    before_file = sqlite_contents(workspace_path)
    code, out, err = run_cli("import", workspace_path, "competencies", path, "--replace")
    assert code == 2
    assert out == ""
    lines = err.splitlines()
    assert lines == [
        "competencies.csv:1:code: 2 rows of module_competencies (e.g. LD-101) still refer "
        "to competency 'LITDIG', which is not in competencies (--replace would leave it "
        "dangling)",
        "competencies.csv:1:code: 1 row of job_standards (e.g. analis-kebijakan) still "
        "refers to competency 'LITDIG', which is not in competencies (--replace would "
        "leave it dangling)",
        "competencies.csv:1:code: 1 row of learner_competencies still refers to competency "
        "'LITDIG', which is not in competencies (--replace would leave it dangling)",
    ]
    _assert_no_traceback(err)
    assert snapshot(workspace) == before
    assert sqlite_contents(workspace_path) == before_file


def test_replace_dangling_does_not_show_learner_ids_of_other_rows(workspace, write_csv, mini_row):
    # Dropping a learner that has outcomes: the message names the missing key only.
    path = write_csv("learners.csv", "learners", [mini_row("learners", 0)])
    error = _refused(workspace, "learners", path, replace=True)
    assert [str(p) for p in error.problems] == [
        "learners.csv:1:id: 2 rows of outcomes still refer to learner "
        "'199001012015011001', which is not in learners (--replace would leave it dangling)"
    ]


def test_replace_modules_dropping_a_prerequisite_target_is_refused(
    workspace, write_csv, mini_row, snapshot
):
    rows = [mini_row("modules", i) for i in (1, 2, 3, 4)]  # no LD-101
    before = snapshot(workspace)
    error = _refused(workspace, "modules", write_csv("modules.csv", "modules", rows), replace=True)
    text = error.report()
    assert "prerequisites (e.g. LD-201) still refer to requires 'LD-101'" in text
    assert "learner_completed still refers to module 'LD-101'" in text
    assert "outcomes still refer to module 'LD-101'" in text
    assert snapshot(workspace) == before


def test_replace_modules_dropping_an_obligation_is_refused(
    workspace, write_csv, mini_row, snapshot
):
    rows = [mini_row("modules", i) for i in range(4)]  # no PB-LOC, compulsory for pengawas
    before = snapshot(workspace)
    error = _refused(workspace, "modules", write_csv("modules.csv", "modules", rows), replace=True)
    assert [str(p) for p in error.problems] == [
        "modules.csv:1:code: 1 row of obligations (e.g. pengawas) still refers to module "
        "'PB-LOC', which is not in modules (--replace would leave it dangling)"
    ]
    assert snapshot(workspace) == before


# -- optional columns (contract §2) ---------------------------------------------------------


def _without(rows, *columns):
    return [{c: v for c, v in row.items() if c not in columns} for row in rows]


def _write_without(write_csv, name, kind, rows, *columns):
    header = [c for c in RECORD_TYPES[kind].COLUMNS if c not in columns]
    return write_csv(name, header, _without(rows, *columns))


@pytest.fixture
def with_optional_values(workspace, write_csv, mini_row):
    """The mini workspace with a value in every optional column of LD-101, the job
    standards and DEMO-001."""
    import_file(
        workspace,
        "modules",
        write_csv(
            "m.csv",
            "modules",
            [module("LD-101", title="Literasi Digital Dasar", audience="pelaksana;cpns")],
        ),
    )
    import_file(
        workspace,
        "job_standards",
        write_csv(
            "j.csv",
            "job_standards",
            [mini_row("job_standards", i, jenjang="fungsional_ahli") for i in range(2)],
        ),
    )
    import_file(
        workspace,
        "learners",
        write_csv(
            "l.csv",
            "learners",
            [
                mini_row(
                    "learners",
                    0,
                    status="cpns",
                    unit="BPBD Kota Palu",
                    supervisor="199001012015011001",
                )
            ],
        ),
    )
    return workspace


def test_merge_without_an_optional_column_keeps_stored_values_and_defaults_new_rows(
    with_optional_values, write_csv, mini_row
):
    ws = with_optional_values
    import_file(
        ws,
        "modules",
        _write_without(
            write_csv,
            "m.csv",
            "modules",
            [module("LD-101", title="Literasi Digital Dasar (revisi)"), module("NEW-1")],
            "audience",
        ),
    )
    modules = {m.code: m for m in ws.load("modules")}
    assert modules["LD-101"].title == "Literasi Digital Dasar (revisi)"
    assert modules["LD-101"].audience == ("pelaksana", "cpns")
    assert modules["NEW-1"].audience == ()

    import_file(
        ws,
        "job_standards",
        _write_without(
            write_csv,
            "j.csv",
            "job_standards",
            [
                mini_row("job_standards", 0, level="4"),
                {"position": "camat", "title": "Camat", "competency": "M.01", "level": "3"},
            ],
            "jenjang",
        ),
    )
    standards = {s.key(): s for s in ws.load("job_standards")}
    assert (
        standards["analis-kebijakan", "M.01"].level,
        standards["analis-kebijakan", "M.01"].jenjang,
    ) == (4, "fungsional_ahli")
    assert standards["camat", "M.01"].jenjang is None

    import_file(
        ws,
        "learners",
        _write_without(
            write_csv,
            "l.csv",
            "learners",
            [
                mini_row("learners", 0, digital_literacy="2"),
                {
                    "id": "NEW-L",
                    "name": "Siti",
                    "position": "analis-kebijakan",
                    "region": "31",
                    "digital_literacy": "1",
                },
            ],
            "status",
            "unit",
            "supervisor",
        ),
    )
    learners = {r.id: r for r in ws.load("learners")}
    demo, new = learners["DEMO-001"], learners["NEW-L"]
    assert (demo.digital_literacy, demo.status, demo.unit, demo.supervisor) == (
        2,
        "cpns",
        "BPBD Kota Palu",
        "199001012015011001",
    )
    assert (new.status, new.unit, new.supervisor) == ("pns", "", None)


def test_merge_leaving_out_some_optional_columns_updates_the_others(
    with_optional_values, write_csv, mini_row
):
    ws = with_optional_values
    import_file(
        ws,
        "learners",
        _write_without(
            write_csv,
            "l.csv",
            "learners",
            [mini_row("learners", 0, unit="Bappeda Kota Palu")],
            "status",
            "supervisor",
        ),
    )
    demo = {r.id: r for r in ws.load("learners")}["DEMO-001"]
    assert (demo.status, demo.unit, demo.supervisor) == (
        "cpns",
        "Bappeda Kota Palu",
        "199001012015011001",
    )


def test_a_present_empty_optional_cell_clears_the_stored_value(
    with_optional_values, write_csv, mini_row
):
    ws = with_optional_values
    import_file(
        ws,
        "modules",
        write_csv("m.csv", "modules", [module("LD-101", title="Literasi Digital Dasar")]),
    )
    import_file(ws, "learners", write_csv("l.csv", "learners", [mini_row("learners", 0)]))
    assert {m.code: m.audience for m in ws.load("modules")}["LD-101"] == ()
    demo = {r.id: r for r in ws.load("learners")}["DEMO-001"]
    assert (demo.status, demo.unit, demo.supervisor) == ("pns", "", None)


def test_replace_without_an_optional_column_gives_every_row_the_default(
    with_optional_values, write_csv, mini_row
):
    ws = with_optional_values
    summary = import_file(
        ws,
        "job_standards",
        _write_without(
            write_csv,
            "j.csv",
            "job_standards",
            [mini_row("job_standards", i) for i in range(2)],
            "jenjang",
        ),
        replace=True,
    )
    assert summary.replaced and summary.rows == 2
    assert {s.jenjang for s in ws.load("job_standards")} == {None}


def test_reimporting_the_mini_files_keeps_the_optional_values(
    with_optional_values, mini_dir, snapshot
):
    # The mini catalog's files have no optional column: reimporting them changes nothing.
    before = snapshot(with_optional_values)
    for kind in ("modules", "job_standards", "learners"):
        summary = import_file(with_optional_values, kind, mini_dir / f"{kind}.csv")
        assert summary.added == 0
    assert snapshot(with_optional_values) == before


def test_xlsx_without_optional_columns_keeps_stored_values(with_optional_values, tmp_path):
    columns = [c for c in MODULE_COLUMNS if c != "audience"]
    book = Workbook()
    sheet = book.active
    sheet.append(columns)
    sheet.append([module("LD-101", jp="10")[c] for c in columns])
    path = tmp_path / "modules.xlsx"
    book.save(path)
    summary = import_file(with_optional_values, "modules", path)
    assert (summary.added, summary.updated) == (0, 1)
    ld101 = {m.code: m for m in with_optional_values.load("modules")}["LD-101"]
    assert (ld101.jp, ld101.audience) == (10, ("pelaksana", "cpns"))


def test_parse_file_notes_the_absent_optional_columns(write_csv, mini_dir):
    assert parse_file("learners", mini_dir / "learners.csv").absent == {
        "status",
        "unit",
        "supervisor",
    }
    assert parse_file("obligations", mini_dir / "obligations.csv").absent == set()
    path = _write_without(
        write_csv,
        "l.csv",
        "learners",
        [
            {
                "id": "X",
                "name": "X",
                "position": "p",
                "region": "31",
                "digital_literacy": "0",
                "unit": "U",
            }
        ],
        "status",
    )
    assert parse_file("learners", path).absent == {"status"}


# -- obligations ----------------------------------------------------------------------------


def test_obligations_import_merges_by_who_and_module(workspace, write_csv):
    path = write_csv(
        "obligations.csv",
        "obligations",
        [
            {"who": "pengawas", "module": "PB-LOC", "regulation": "PerLAN 15/2019"},
            {"who": "cpns", "module": "LD-101", "regulation": "PerLAN 1/2021"},
        ],
    )
    summary = import_file(workspace, "obligations", path)
    assert (summary.added, summary.updated) == (1, 1)
    assert [(o.who, o.module, o.regulation) for o in workspace.load("obligations")] == [
        ("cpns", "LD-101", "PerLAN 1/2021"),
        ("pengawas", "PB-LOC", "PerLAN 15/2019"),
    ]


def test_bad_obligations_are_located(workspace, workspace_path, write_csv, run_cli, snapshot):
    path = write_csv(
        "obligations.csv",
        "obligations",
        [
            {"who": "pns", "module": "LD-101"},
            {"who": "cpns", "module": "LD 101"},
            {"who": "jpt", "module": "PKN-401"},
            {"who": "cpns", "module": "LD-201"},
            {"who": "cpns", "module": "LD-201", "regulation": "again"},
        ],
    )
    before = snapshot(workspace)
    code, out, err = run_cli("import", workspace_path, "obligations", path)
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        "obligations.csv:2:who: who 'pns' is not one of: pelaksana, fungsional_keterampilan, "
        "fungsional_ahli, pengawas, administrator, jpt, cpns",
        "obligations.csv:3:module: module 'LD 101' is not a valid code (letters, digits, '.', "
        "'_' or '-', starting with a letter or digit)",
        "obligations.csv:4:module: unknown module 'PKN-401'; add it to modules first",
        "obligations.csv:6:module: duplicate who/module (cpns, LD-201), first at row 5",
    ]
    assert snapshot(workspace) == before


def test_parse_file_needs_no_workspace(mini_dir):
    parsed = parse_file("modules", mini_dir / "modules.csv")
    assert parsed.problems == []
    assert parsed.rows == [2, 3, 4, 5, 6]
    assert [m.code for m in parsed.records] == ["LD-101", "LD-201", "PB-101", "PB-201", "PB-LOC"]


def test_a_long_import_reports_its_progress(workspace, write_csv, monkeypatch):
    from curriculum_tool.io import importer

    monkeypatch.setattr(importer, "PROGRESS_EVERY", 2)
    rows = [module(f"NEW-{n}") for n in range(5)]
    path = write_csv("modules.csv", "modules", rows)
    messages = []
    summary = import_file(workspace, "modules", path, progress=messages.append)
    assert summary.added == 5
    assert messages == [
        "modules.csv: 1 rows read",
        "modules.csv: 3 rows read",
        "modules.csv: 5 rows read",
        "modules.csv: checking 5 rows and writing",
    ]
