"""Export: contract format, exact round-trips (CSV and XLSX), masking of personal data."""

import csv
import doctest
import hashlib
import hmac
import time
import zipfile
from pathlib import Path

import pytest
from helpers import assert_same_export
from openpyxl import load_workbook

from curriculum_tool.catalog import create_workspace
from curriculum_tool.domain import RECORD_TYPES
from curriculum_tool.graph import cycles
from curriculum_tool.io import export_file, import_file, masking, parse_file
from curriculum_tool.io.masking import PSEUDONYM_PREFIX, mask_name, pseudonym
from curriculum_tool.io.tables import read_rows

KINDS = tuple(RECORD_TYPES)
MINI = Path(__file__).resolve().parents[1] / "data" / "mini"
REPO = Path(__file__).resolve().parents[2]
NIP = "199001012015011001"
NAME = "Budi Santoso"


def xlsx_members(path):
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def xlsx_cells(path):
    book = load_workbook(path, read_only=True)
    try:
        return [tuple(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()


@pytest.fixture(scope="module", params=[".csv", ".xlsx"])
def round_trip(request, tmp_path_factory):
    """Mini workspace → export every kind → import into an empty workspace → export again."""
    suffix = request.param
    base = tmp_path_factory.mktemp(f"roundtrip-{suffix[1:]}")
    with create_workspace(base / "a.sqlite", directory=MINI) as a:
        loads_a = {kind: a.load(kind) for kind in KINDS}
        for kind in KINDS:
            export_file(a, kind, base / f"first-{kind}{suffix}", unmask=True)
    with create_workspace(base / "b.sqlite", empty=True) as b:
        summaries = [import_file(b, kind, base / f"first-{kind}{suffix}") for kind in KINDS]
        loads_b = {kind: b.load(kind) for kind in KINDS}
        for kind in KINDS:
            export_file(b, kind, base / f"second-{kind}{suffix}", unmask=True)
    return {
        "suffix": suffix,
        "base": base,
        "loads_a": loads_a,
        "loads_b": loads_b,
        "summaries": summaries,
    }


@pytest.mark.parametrize("kind", KINDS)
def test_export_import_export_is_identical(round_trip, kind):
    base, suffix = round_trip["base"], round_trip["suffix"]
    assert_same_export(base / f"first-{kind}{suffix}", base / f"second-{kind}{suffix}")
    assert round_trip["loads_b"][kind] == round_trip["loads_a"][kind]
    assert round_trip["loads_a"][kind], "the mini catalog has rows of every kind"


def test_round_trip_imports_every_row_as_new(round_trip):
    for summary, kind in zip(round_trip["summaries"], KINDS):
        assert summary.added == len(round_trip["loads_a"][kind])
        assert summary.updated == 0


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("kind", KINDS)
def test_export_reimport_into_the_same_workspace_is_a_no_op(
    workspace, tmp_path, snapshot, kind, suffix
):
    first, second = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
    export_file(workspace, kind, first, unmask=True)
    before = snapshot(workspace)
    summary = import_file(workspace, kind, first)
    assert summary.added == 0 and summary.updated == summary.rows
    assert snapshot(workspace) == before
    export_file(workspace, kind, second, unmask=True)
    assert_same_export(first, second)


def test_xlsx_export_is_byte_reproducible(workspace, tmp_path):
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    export_file(workspace, "modules", first)
    time.sleep(1.02 - time.time() % 1)  # the next export falls in a later second
    export_file(workspace, "modules", second)
    assert second.read_bytes() == first.read_bytes()


def test_csv_export_format(workspace, tmp_path):
    path = tmp_path / "modules.csv"
    assert export_file(workspace, "modules", path) == 5
    data = path.read_bytes()
    assert b"\r" not in data
    assert not data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8").splitlines()
    assert lines[0] == ",".join(RECORD_TYPES["modules"].COLUMNS)
    assert lines[0].endswith(",owner,audience")  # the optional column after the others
    # The mini catalog's modules.csv has no audience column: every module is open (empty).
    assert lines[1] == (
        "LD-101,Literasi Digital Dasar,8,klasikal,1,LITDIG:1,,none,0,national,approved,LAN,"
    )
    assert lines[4] == (
        "PB-201,Pengkajian Risiko Bencana,32,blended,2,PB-KAJI:2;M.01:2,"
        "gempa_bumi,low,1,national,approved,BNPB,"
    )
    assert lines[5].split(",")[9] == "72"


def test_csv_export_writes_the_optional_columns_in_contract_order(
    workspace, tmp_path, write_csv, mini_row
):
    import_file(
        workspace,
        "job_standards",
        write_csv(
            "j.csv",
            "job_standards",
            [
                mini_row("job_standards", 0, jenjang="fungsional_ahli"),
                mini_row("job_standards", 1, jenjang="fungsional_ahli"),
            ],
        ),
    )
    import_file(
        workspace,
        "learners",
        write_csv(
            "l.csv",
            "learners",
            [mini_row("learners", 0, status="cpns", unit="BPBD Kota Palu", supervisor=NIP)],
        ),
    )
    export_file(workspace, "job_standards", tmp_path / "j.csv")
    export_file(workspace, "learners", tmp_path / "l.csv", unmask=True)
    assert (tmp_path / "j.csv").read_text(encoding="utf-8").splitlines() == [
        "position,title,competency,level,jenjang",
        "analis-kebijakan,Analis Kebijakan,LITDIG,2,fungsional_ahli",
        "analis-kebijakan,Analis Kebijakan,M.01,3,fungsional_ahli",
    ]
    assert (tmp_path / "l.csv").read_text(encoding="utf-8").splitlines() == [
        "id,name,position,region,digital_literacy,competencies,completed,status,unit,supervisor",
        f"{NIP},{NAME},analis-kebijakan,31,2,M.01:2;LITDIG:1,LD-101,pns,,",
        "DEMO-001,Peserta Demo 01 (sintetis),analis-kebijakan,72.71,0,M.01:1,,cpns,"
        f"BPBD Kota Palu,{NIP}",
    ]


def test_xlsx_numbers_are_numbers(workspace, tmp_path):
    path = tmp_path / "modules.xlsx"
    export_file(workspace, "modules", path)
    rows = xlsx_cells(path)
    assert rows[0] == RECORD_TYPES["modules"].COLUMNS
    ld101 = dict(zip(rows[0], rows[1]))
    assert ld101["code"] == "LD-101"
    assert ld101["jp"] == 8 and isinstance(ld101["jp"], int)
    assert ld101["level"] == 1 and ld101["min_digital_literacy"] == 0
    book = load_workbook(path, read_only=True)
    assert book.sheetnames == ["modules"]
    book.close()


def test_xlsx_round_trip_keeps_numeric_looking_codes(workspace, tmp_path, write_csv):
    # Module codes may be all digits, with leading zeros ("0101"); learners.completed lists
    # module codes, so it must stay text in .xlsx even though outcomes.completed is a number.
    import_file(
        workspace,
        "modules",
        write_csv(
            "modules.csv",
            "modules",
            [
                {
                    "code": "0101",
                    "title": "Orientasi",
                    "jp": "8",
                    "modality": "klasikal",
                    "level": "1",
                    "min_connectivity": "none",
                    "min_digital_literacy": "0",
                    "scope": "national",
                    "status": "approved",
                }
            ],
        ),
    )
    import_file(
        workspace,
        "learners",
        write_csv(
            "learners.csv",
            "learners",
            [
                {
                    "id": "0042",
                    "name": "Siti",
                    "position": "analis-kebijakan",
                    "region": "31",
                    "digital_literacy": "1",
                    "completed": "0101",
                }
            ],
        ),
    )
    path = tmp_path / "learners.xlsx"
    export_file(workspace, "learners", path, unmask=True)
    parsed = parse_file("learners", path)
    assert parsed.problems == []
    assert {r.id: r.completed for r in parsed.records}["0042"] == ("0101",)


def test_export_unsupported_suffix_exits_2(workspace, workspace_path, tmp_path, run_cli):
    code, _, err = run_cli("export", workspace_path, "modules", tmp_path / "modules.json")
    assert code == 2
    assert err.splitlines() == [
        "modules.json:1:-: unsupported file type '.json': use .csv or .xlsx"
    ]
    assert not (tmp_path / "modules.json").exists()


def test_export_unknown_kind_exits_2(workspace, workspace_path, tmp_path, run_cli):
    code, _, err = run_cli("export", workspace_path, "courses", tmp_path / "c.csv")
    assert code == 2
    assert err.startswith("error: unknown kind 'courses'")


def test_cli_export_then_import_into_empty_workspace_reproduces_loads(
    workspace, workspace_path, tmp_path, run_cli
):
    fresh = tmp_path / "fresh.sqlite"
    code, out, _ = run_cli("init", fresh, "--empty")
    assert code == 0
    assert "created empty workspace" in out and "(0 modules, 0 regions, 0 learners)" in out
    for kind in KINDS:
        code, out, _ = run_cli("export", workspace_path, kind, tmp_path / f"{kind}.csv", "--unmask")
        assert code == 0
        assert out.startswith(f"exported {len(workspace.load(kind))} {kind} to ")
    for kind in KINDS:
        code, out, err = run_cli("import", fresh, kind, tmp_path / f"{kind}.csv")
        assert (code, err) == (0, "")
        assert out.strip() == f"{kind}.csv: {len(workspace.load(kind))} added, 0 updated ({kind})"
    from curriculum_tool.store import Workspace

    with Workspace.open(fresh) as other:
        for kind in KINDS:
            assert other.load(kind) == workspace.load(kind), kind


# -- masking -------------------------------------------------------------------------------


def _file_text(path: Path) -> str:
    if path.suffix == ".csv":
        return path.read_text(encoding="utf-8")
    return "\n".join(
        ",".join(row.values()) for _, row in read_rows(path, RECORD_TYPES[path.stem].COLUMNS)
    )


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("kind", ["learners", "outcomes"])
def test_default_export_masks_personal_data(workspace, tmp_path, kind, suffix):
    path = tmp_path / f"{kind}{suffix}"
    export_file(workspace, kind, path)
    text = _file_text(path)
    assert NIP not in text
    assert NAME not in text
    assert "Santoso" not in text
    assert "DEMO-001" not in text
    assert PSEUDONYM_PREFIX in text
    if suffix == ".xlsx":
        raw = b"".join(xlsx_members(path).values())
        assert NIP.encode() not in raw and b"Santoso" not in raw


def test_pseudonyms_are_consistent_between_learners_and_outcomes(workspace, tmp_path):
    export_file(workspace, "learners", tmp_path / "learners.csv")
    export_file(workspace, "outcomes", tmp_path / "outcomes.csv")
    with open(tmp_path / "learners.csv", newline="", encoding="utf-8") as handle:
        learners = list(csv.DictReader(handle))
    with open(tmp_path / "outcomes.csv", newline="", encoding="utf-8") as handle:
        outcomes = list(csv.DictReader(handle))
    secret = workspace.get_meta("pseudonym_key")
    assert secret
    expected = {pseudonym(secret, NIP): "31", pseudonym(secret, "DEMO-001"): "72.71"}
    assert {row["id"]: row["region"] for row in learners} == expected
    assert {row["name"] for row in learners} == {"B*** S***", "P*** D*** 0*** (***"}
    budi = pseudonym(secret, NIP)
    assert sorted((row["learner"], row["module"]) for row in outcomes) == sorted(
        [(pseudonym(secret, "DEMO-001"), "LD-101"), (budi, "LD-101"), (budi, "LD-201")]
    )
    assert {row["learner"] for row in outcomes} <= set(expected)
    # Stable across exports of the same workspace.
    export_file(workspace, "outcomes", tmp_path / "again.csv")
    assert (tmp_path / "again.csv").read_bytes() == (tmp_path / "outcomes.csv").read_bytes()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_supervisor_is_masked_with_the_supervisors_pseudonym(
    workspace, tmp_path, write_csv, mini_row, suffix
):
    # The supervisor cell is a learner id (a NIP): masked like the id it names, so the
    # masked file keeps the reference and imports as a whole into an empty workspace.
    import_file(
        workspace,
        "learners",
        write_csv("l.csv", "learners", [mini_row("learners", 0, supervisor=NIP)]),
    )
    path = tmp_path / f"learners{suffix}"
    export_file(workspace, "learners", path)
    text = _file_text(path)
    assert NIP not in text
    secret = workspace.get_meta("pseudonym_key")
    rows = {row["id"]: row for _, row in read_rows(path, RECORD_TYPES["learners"].COLUMNS)}
    assert rows[pseudonym(secret, "DEMO-001")]["supervisor"] == pseudonym(secret, NIP)
    assert rows[pseudonym(secret, NIP)]["supervisor"] == ""
    with create_workspace(tmp_path / "other.sqlite", directory=MINI) as other:
        import_file(other, "learners", path)
        supervisors = {learner.id: learner.supervisor for learner in other.load("learners")}
    assert supervisors[pseudonym(secret, "DEMO-001")] == pseudonym(secret, NIP)


def test_pseudonyms_differ_between_workspaces(workspace, tmp_path, mini_dir):
    with create_workspace(tmp_path / "other.sqlite", directory=mini_dir) as other:
        export_file(other, "learners", tmp_path / "other.csv")
    export_file(workspace, "learners", tmp_path / "mine.csv")
    ids = [
        {row["id"] for _, row in read_rows(tmp_path / name, RECORD_TYPES["learners"].COLUMNS)}
        for name in ("other.csv", "mine.csv")
    ]
    assert not ids[0] & ids[1]


def test_pseudonym_and_mask_name():
    digest = hmac.new(b"k", NIP.encode(), hashlib.sha256).hexdigest()
    assert pseudonym("k", NIP) == "ANON-" + digest[:16]
    assert pseudonym("k", NIP) != pseudonym("other", NIP)
    assert len(pseudonym("k", NIP)) == len(PSEUDONYM_PREFIX) + 16
    assert mask_name(NAME) == "B*** S***"
    assert mask_name("") == "***"


@pytest.mark.parametrize("module", [masking, cycles], ids=lambda m: m.__name__)
def test_documented_examples_hold(module):
    result = doctest.testmod(module, verbose=False, report=False)
    assert result.attempted > 0
    assert result.failed == 0


@pytest.mark.parametrize("kind", ["learners", "outcomes"])
def test_cli_unmask_keeps_personal_data(workspace, workspace_path, tmp_path, run_cli, kind):
    masked, plain = tmp_path / f"masked-{kind}.csv", tmp_path / f"plain-{kind}.csv"
    code, out, _ = run_cli("export", workspace_path, kind, masked)
    assert code == 0
    assert "(personal data masked; --unmask to keep it)" in out
    code, out, _ = run_cli("export", workspace_path, kind, plain, "--unmask")
    assert code == 0
    assert "masked" not in out
    assert NIP in plain.read_text(encoding="utf-8")
    assert NIP not in masked.read_text(encoding="utf-8")
    if kind == "learners":
        assert NAME in plain.read_text(encoding="utf-8")


def test_non_personal_kinds_are_not_masked(workspace, tmp_path):
    export_file(workspace, "modules", tmp_path / "a.csv")
    export_file(workspace, "modules", tmp_path / "b.csv", unmask=True)
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()


# -- the default catalog -------------------------------------------------------------------


def test_init_then_export_reproduces_the_catalog_modules(tmp_path, run_cli):
    catalog_modules = REPO / "catalog" / "modules.csv"
    target, out_file = tmp_path / "W.sqlite", tmp_path / "out.csv"
    code, _, err = run_cli("init", target)
    assert (code, err) == (0, "")
    code, _, err = run_cli("export", target, "modules", out_file)
    assert (code, err) == (0, "")
    assert out_file.read_text(encoding="utf-8") == catalog_modules.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "kind",
    [
        "competencies",
        "regions",
        "prerequisites",
        "regional_standards",
        "job_standards",
        "learners",
        "obligations",
    ],
)
def test_every_catalog_file_round_trips_byte_for_byte(tmp_path, run_cli, kind):
    target, out_file = tmp_path / "W.sqlite", tmp_path / f"{kind}.csv"
    assert run_cli("init", target)[0] == 0
    assert run_cli("export", target, kind, out_file, "--unmask")[0] == 0
    assert out_file.read_bytes() == (REPO / "catalog" / f"{kind}.csv").read_bytes()
