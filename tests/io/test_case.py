"""1EdTech CASE 1.0 JSON: OpenSALT packages in, exact round-trips, located refusals."""

import datetime as dt
import json
import uuid
from pathlib import Path

import pytest

from curriculum_tool.catalog import create_workspace
from curriculum_tool.domain import Competency, Prerequisite
from curriculum_tool.domain.records import MAX_TEXT
from curriculum_tool.errors import CycleError, Problem, ValidationError
from curriculum_tool.io.case import EXTENSION, NAMESPACE, case_summary, write_case
from curriculum_tool.io.interchange import export_interchange, import_interchange

OPENSALT = Path(__file__).resolve().parents[3] / "shared" / "data" / "case_opensalt"
FRAMEWORK = "opensalt-framework-20c5134f-423d-4097-a971-3dd5152bf507.json"
SMARTLEVEL = "SmartLevelFramework.json"
CHANGED = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
KINDS = ("regions", "competencies", "modules", "prerequisites")


def opensalt(name: str) -> Path:
    path = OPENSALT / name
    if not path.is_file():
        pytest.skip(f"the OpenSALT samples are not here: {path} (shared data folder absent)")
    return path


def write_json(path: Path, data) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def loads(ws) -> dict[str, list]:
    return {kind: ws.load(kind) for kind in KINDS}


def link(identifier: str) -> dict:
    return {"title": "Origin", "identifier": identifier, "uri": f"https://x/{identifier}"}


def foreign(items, associations=()) -> dict:
    """A small foreign package: items given as (identifier, fields) pairs."""
    return {
        "CFDocument": {
            "identifier": "doc",
            "uri": "https://x/doc",
            "title": "T",
            "creator": "x",
            "CFPackageURI": link("doc"),
        },
        "CFItems": [{"identifier": identifier, **fields} for identifier, fields in items],
        "CFAssociations": [
            {
                "identifier": f"a{n}",
                "associationType": kind,
                "originNodeURI": link(origin),
                "destinationNodeURI": link(destination),
                **extra,
            }
            for n, (kind, origin, destination, extra) in enumerate(associations)
        ],
    }


@pytest.fixture
def mini_case(workspace, tmp_path):
    """The mini workspace exported as a CFPackage (a dict to edit) and a way to save it."""
    path = tmp_path / "mini.json"
    write_case(workspace, path, CHANGED)
    data = json.loads(path.read_text(encoding="utf-8"))

    def save(name: str = "edited.json") -> Path:
        return write_json(tmp_path / name, data)

    return data, save


def item_index(data, code: str, kind: str) -> int:
    return next(
        i
        for i, item in enumerate(data["CFItems"])
        if item["humanCodingScheme"] == code and item["CFItemType"] == kind
    )


def refused(ws, path, snapshot) -> ValidationError:
    before = snapshot(ws)
    with pytest.raises(ValidationError) as info:
        import_interchange(ws, "case", path)
    assert snapshot(ws) == before
    return info.value


# -- OpenSALT samples ----------------------------------------------------------------------


@pytest.mark.parametrize("name, count", [(FRAMEWORK, 16), (SMARTLEVEL, 14)])
def test_opensalt_packages_import_into_an_empty_workspace(tmp_path, name, count):
    path = opensalt(name)
    with create_workspace(tmp_path / "empty.sqlite", empty=True) as ws:
        summaries = import_interchange(ws, "case", path)
        competencies = ws.load("competencies")
        assert [(s.kind, s.added) for s in summaries] == [("competencies", count)]
        assert len(competencies) == count
        assert {c.group for c in competencies} == {"teknis"}
        assert ws.load("modules") == [] and ws.load("prerequisites") == []


def test_opensalt_codes_statements_and_notes(tmp_path):
    with create_workspace(tmp_path / "empty.sqlite", empty=True) as ws:
        import_interchange(ws, "case", opensalt(FRAMEWORK))
        by_code = {c.code: c for c in ws.load("competencies")}
    ratio = by_code["CCSS.Math.Content.6.RP.A.1"]
    assert ratio.name.startswith("Understand the concept of a ratio")
    assert ratio.description.startswith('For example, "The ratio of wings to beaks')
    assert "CCSS.Math.Content.7.RP.A.2d" in by_code


def test_smartlevel_items_without_a_code_get_derived_codes(tmp_path):
    with create_workspace(tmp_path / "empty.sqlite", empty=True) as ws:
        import_interchange(ws, "case", opensalt(SMARTLEVEL))
        competencies = ws.load("competencies")
    # Every SmartLevel identifier starts 00000000-: the whole UUID keeps the codes unique.
    assert competencies[0] == Competency(
        "CASE-00000000000000000000000000000001", "Item 1", "teknis", ""
    )
    assert {c.name for c in competencies} >= {"Item 2", "Item 1.10", "Item 2.2"}
    assert all(c.code.startswith("CASE-") and len(c.code) == 37 for c in competencies)


def test_competency_precedes_and_outside_associations_are_counted():
    summary = case_summary(opensalt(FRAMEWORK))
    # 3 precedes join competencies (one ends outside): no module to attach them to.
    assert summary == {
        "groups": 0,
        "regions": 0,
        "competencies": 16,
        "modules": 0,
        "prerequisites": 0,
        "skipped_precedes": 3,
        "outside_associations": 21,
        "bare_items": 0,
        "problems": 0,
    }


def test_the_import_says_what_it_left_out(tmp_path):
    with create_workspace(tmp_path / "e.sqlite", empty=True) as ws:
        [summary] = import_interchange(ws, "case", opensalt(FRAMEWORK))
    assert summary.notes == (
        "left out 3 'precedes' association(s) not between two modules",
        "left out 21 association(s) with an end outside this package",
    )
    assert "  note: left out 3 'precedes'" in str(summary)


# -- export and round trip -----------------------------------------------------------------


@pytest.fixture(scope="module")
def catalog_round_trip(tmp_path_factory):
    """Default catalog → CASE → an empty workspace (the package carries the regions)."""
    base = tmp_path_factory.mktemp("case-roundtrip")
    with create_workspace(base / "a.sqlite") as a:
        written = export_interchange(a, "case", base / "catalog.json")
        write_case(a, base / "first.json", CHANGED)
        write_case(a, base / "again.json", CHANGED)
        original = loads(a)
    with create_workspace(base / "b.sqlite", empty=True) as b:
        summaries = import_interchange(b, "case", base / "catalog.json")
        imported = loads(b)
        write_case(b, base / "second.json", CHANGED)
    return {
        "base": base,
        "written": written,
        "original": original,
        "imported": imported,
        "summaries": summaries,
    }


@pytest.mark.parametrize("kind", KINDS)
def test_catalog_round_trip_is_exact(catalog_round_trip, kind):
    assert catalog_round_trip["original"][kind], "the catalog has records of every kind"
    assert catalog_round_trip["imported"][kind] == catalog_round_trip["original"][kind]


def test_round_trip_summaries_and_item_count(catalog_round_trip):
    original = catalog_round_trip["original"]
    assert [(s.kind, s.added, s.updated) for s in catalog_round_trip["summaries"]] == [
        (kind, len(original[kind]), 0) for kind in KINDS
    ]
    groups = len({c.group for c in original["competencies"]})
    assert catalog_round_trip["written"] == (
        len(original["regions"]) + groups + len(original["competencies"]) + len(original["modules"])
    )


def test_export_is_reproducible_and_identifiers_are_stable(catalog_round_trip):
    base = catalog_round_trip["base"]
    assert (base / "again.json").read_bytes() == (base / "first.json").read_bytes()
    first = json.loads((base / "first.json").read_text(encoding="utf-8"))
    second = json.loads((base / "second.json").read_text(encoding="utf-8"))
    # Items and their identifiers depend on the data only (the document on the workspace).
    assert [(i["identifier"], i["humanCodingScheme"]) for i in first["CFItems"]] == [
        (i["identifier"], i["humanCodingScheme"]) for i in second["CFItems"]
    ]


def test_reimport_into_the_same_workspace_changes_nothing(workspace, tmp_path, snapshot):
    path = tmp_path / "mini.json"
    export_interchange(workspace, "case", path)
    before = snapshot(workspace)
    summaries = import_interchange(workspace, "case", path)
    assert snapshot(workspace) == before
    assert all(s.added == 0 for s in summaries)


def test_export_shape(workspace, mini_case):
    data, _ = mini_case
    document = data["CFDocument"]
    assert document["title"] == "Kamus Kompetensi dan Katalog Modul"
    assert (document["creator"], document["adoptionStatus"], document["language"]) == (
        "curriculum-tool",
        "Draft",
        "id",
    )
    assert document["uri"].startswith("urn:curriculum-tool:")
    assert document["lastChangeDateTime"] == "2024-01-02T03:04:05+00:00"
    types = [item["CFItemType"] for item in data["CFItems"]]
    regions = len(workspace.load("regions"))
    assert (
        types
        == ["Wilayah"] * regions + ["Kelompok Kompetensi"] * 2 + ["Kompetensi"] * 3 + ["Modul"] * 5
    )
    assert [t["title"] for t in data["CFDefinitions"]["CFItemTypes"]] == [
        "Kelompok Kompetensi",
        "Kompetensi",
        "Modul",
        "Wilayah",
    ]
    pb201 = data["CFItems"][item_index(data, "PB-201", "Modul")]
    assert pb201["fullStatement"] == "Pengkajian Risiko Bencana"
    assert pb201["extensions"][EXTENSION]["competencies"] == "PB-KAJI:2;M.01:2"
    by_type: dict[str, int] = {}
    for association in data["CFAssociations"]:
        by_type[association["associationType"]] = by_type.get(association["associationType"], 0) + 1
    # regions, 2 groups, 3 competencies and 5 modules in the tree; 6 module competencies;
    # 3 prerequisites
    assert by_type == {"isChildOf": regions + 10, "isRelatedTo": 6, "precedes": 3}
    precedes = [a for a in data["CFAssociations"] if a["associationType"] == "precedes"]
    ids = {item["identifier"]: item["humanCodingScheme"] for item in data["CFItems"]}
    assert sorted(
        (
            ids[a["originNodeURI"]["identifier"]],
            ids[a["destinationNodeURI"]["identifier"]],
            a["extensions"][EXTENSION]["kind"],
        )
        for a in precedes
    ) == [("LD-101", "LD-201", "hard"), ("LD-101", "PB-201", "soft"), ("PB-101", "PB-201", "hard")]


# -- prerequisites from precedes -----------------------------------------------------------


def test_precedes_with_our_extension_keeps_its_kind(workspace, mini_case):
    data, save = mini_case
    for association in data["CFAssociations"]:
        if association["associationType"] == "precedes":
            extension = association["extensions"][EXTENSION]
            extension["kind"] = {"hard": "soft", "soft": "hard"}[extension["kind"]]
    import_interchange(workspace, "case", save())
    assert workspace.load("prerequisites") == [
        Prerequisite("LD-201", "LD-101", "soft"),
        Prerequisite("PB-201", "LD-101", "hard"),
        Prerequisite("PB-201", "PB-101", "soft"),
    ]


def test_precedes_between_modules_without_extension_is_soft(workspace, mini_case):
    data, save = mini_case
    for association in data["CFAssociations"]:
        association.pop("extensions", None)
    import_interchange(workspace, "case", save())
    assert {p.kind for p in workspace.load("prerequisites")} == {"soft"}


def test_precedes_cycle_is_refused_with_the_cycle_named(workspace, mini_case, snapshot):
    data, save = mini_case
    data["CFItems"][item_index(data, "LITDIG", "Kompetensi")]["fullStatement"] = "Renamed"
    lower, upper = (
        data["CFItems"][item_index(data, code, "Modul")] for code in ("LD-101", "LD-201")
    )
    data["CFAssociations"].append(
        {
            "identifier": "back-edge",
            "associationType": "precedes",
            "originNodeURI": link(upper["identifier"]),
            "destinationNodeURI": link(lower["identifier"]),
            "extensions": {EXTENSION: {"kind": "soft"}},
        }
    )
    before = snapshot(workspace)
    with pytest.raises(CycleError) as info:
        import_interchange(workspace, "case", save())
    assert "→" in str(info.value)
    assert set(info.value.cycle) == {"LD-101", "LD-201"}
    assert snapshot(workspace) == before


# -- foreign packages ----------------------------------------------------------------------


def test_groups_abbreviations_and_long_statements(tmp_path):
    long = "x" * (MAX_TEXT + 20)
    path = write_json(
        tmp_path / "f.json",
        foreign(
            [
                ("g", {"CFItemType": "Kelompok Kompetensi", "humanCodingScheme": "manajerial"}),
                (
                    "c1",
                    {
                        "humanCodingScheme": "K.1",
                        "abbreviatedStatement": "Short",
                        "fullStatement": "The full statement",
                        "notes": "ignored",
                    },
                ),
                (
                    "c2",
                    {
                        "humanCodingScheme": "not a code!",
                        "fullStatement": long,
                        "notes": "Some notes",
                    },
                ),
            ],
            [("isChildOf", "c1", "g", {}), ("isChildOf", "g", "doc", {})],
        ),
    )
    with create_workspace(tmp_path / "empty.sqlite", empty=True) as ws:
        import_interchange(ws, "case", path)
        derived, k1 = ws.load("competencies")
    assert k1 == Competency("K.1", "Short", "manajerial", "The full statement")
    # Not a UUID: the code comes from a uuid5 of the identifier instead.
    assert derived.code == "CASE-" + uuid.uuid5(NAMESPACE, "c2").hex.upper()
    assert derived.group == "teknis"
    assert len(derived.name) == MAX_TEXT and derived.name.endswith("…")
    assert derived.description == "Some notes"


def test_every_problem_is_reported_with_its_json_path(tmp_path, workspace, snapshot):
    path = write_json(
        tmp_path / "f.json",
        foreign(
            [
                ("a", {"fullStatement": "A"}),
                ("a", {"fullStatement": "B"}),
                ("b", {"humanCodingScheme": "K.1", "fullStatement": "C"}),
                ("c", {"humanCodingScheme": "K.1", "fullStatement": "D"}),
                ("d", {"fullStatement": ""}),
            ],
            [("isChildOf", "a", "doc", {})],
        ),
    )
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["CFAssociations"][0]["destinationNodeURI"]["identifier"]
    error = refused(workspace, write_json(path, data), snapshot)
    assert [str(p) for p in error.problems] == [
        "f.json:$.CFItems[1].identifier: duplicate identifier 'a', first at $.CFItems[0]",
        "f.json:$.CFAssociations[0].destinationNodeURI.identifier: the association's "
        "destination has no identifier",
        "f.json:$.CFItems[3].humanCodingScheme: duplicate code (K.1), first at $.CFItems[2]",
        "f.json:$.CFItems[4].fullStatement: name is required",
    ]


@pytest.mark.parametrize(
    "text, column, start",
    [
        ('{"CFDocument": {}, "CFItems": [', "$", "not valid JSON: Expecting value at line 1"),
        ("[]", "$", "a CASE package must be a JSON object"),
        ('{"CFDocument": {}}', "$.CFItems", "missing CFItems"),
        ('{"CFDocument": {}, "CFItems": {}}', "$.CFItems", "CFItems must be a JSON list"),
        (
            '{"CFDocument": {}, "CFItems": [{"fullStatement": "x"}]}',
            "$.CFItems[0].identifier",
            "the item has no identifier",
        ),
    ],
)
def test_unreadable_packages_are_refused(workspace, tmp_path, snapshot, text, column, start):
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    error = refused(workspace, path, snapshot)
    assert [(p.file, p.row, p.column) for p in error.problems] == [("bad.json", 0, column)]
    assert error.problems[0].message.startswith(start)
    assert str(error.problems[0]).startswith(f"bad.json:{column}: ")


def test_bad_module_extension_is_located(workspace, mini_case, snapshot):
    data, save = mini_case
    index = item_index(data, "PB-101", "Modul")
    extension = data["CFItems"][index]["extensions"][EXTENSION]
    extension.update(jp="800", colour="red")
    del extension["modality"]
    error = refused(workspace, save(), snapshot)
    where = f"$.CFItems[{index}].extensions.{EXTENSION}"
    assert error.problems == [
        Problem(
            "edited.json",
            0,
            f"{where}.colour",
            "unknown field 'colour'; expected: jp, modality, level, competencies, "
            "hazards, min_connectivity, min_digital_literacy, scope, status, owner, "
            "audience",
        ),
        Problem("edited.json", 0, f"{where}.jp", "jp 800 is outside 1–400"),
        Problem(
            "edited.json",
            0,
            f"{where}.modality",
            "modality '(empty)' is not one of: klasikal, e_learning, blended, "
            "microlearning, coaching, mentoring, social_learning, experiential",
        ),
    ]


def _with_audiences(workspace):
    """LD-101 for pengawas and CPNS, PB-201 for fungsional_ahli (the mini catalog has none)."""
    from curriculum_tool.io.editing import save_records

    modules = {m.code: m for m in workspace.load("modules")}
    save_records(
        workspace,
        "modules",
        [
            modules["LD-101"].edited(audience="pengawas;cpns"),
            modules["PB-201"].edited(audience="fungsional_ahli"),
        ],
    )


def test_package_without_audience_keeps_the_stored_audiences(
    workspace, mini_case, snapshot, tmp_path
):
    # A package written before modules had an audience: a merge keeps the stored audiences
    # of the modules it updates (contract §2), a new module is open to everyone.
    data, save = mini_case
    _with_audiences(workspace)
    modules = [item for item in data["CFItems"] if item["CFItemType"] == "Modul"]
    for item in modules:
        assert item["extensions"][EXTENSION].pop("audience") == ""
    ld101 = data["CFItems"][item_index(data, "LD-101", "Modul")]
    ld101["fullStatement"] = "Literasi Digital Dasar (revisi)"
    new = json.loads(json.dumps(ld101))
    new.update(identifier="new-module", humanCodingScheme="LD-102")
    data["CFItems"].append(new)
    import_interchange(workspace, "case", save())
    after = {m.code: m for m in workspace.load("modules")}
    assert after["LD-101"].title == "Literasi Digital Dasar (revisi)"
    assert after["LD-101"].audience == ("pengawas", "cpns")
    assert after["PB-201"].audience == ("fungsional_ahli",)
    assert after["LD-102"].audience == ()


def test_audience_is_exported_and_an_empty_one_clears_it(workspace, mini_case, tmp_path):
    _data, save = mini_case  # exported before the audiences were set: every one empty
    _with_audiences(workspace)
    write_case(workspace, tmp_path / "with.json", CHANGED)
    written = json.loads((tmp_path / "with.json").read_text(encoding="utf-8"))
    assert {
        item["humanCodingScheme"]: item["extensions"][EXTENSION]["audience"]
        for item in written["CFItems"]
        if item["CFItemType"] == "Modul"
    } == {
        "LD-101": "pengawas;cpns",
        "LD-201": "",
        "PB-101": "",
        "PB-201": "fungsional_ahli",
        "PB-LOC": "",
    }
    import_interchange(workspace, "case", save())
    assert {m.audience for m in workspace.load("modules")} == {()}
    import_interchange(workspace, "case", tmp_path / "with.json")
    assert {m.code: m.audience for m in workspace.load("modules")}["LD-101"] == ("pengawas", "cpns")


def test_module_with_an_unknown_competency_is_refused_by_the_importer(
    workspace, mini_case, snapshot
):
    data, save = mini_case
    index = item_index(data, "PB-101", "Modul")
    data["CFItems"][index]["extensions"][EXTENSION]["competencies"] = "NOPE:1"
    error = refused(workspace, save(), snapshot)
    assert [str(p) for p in error.problems] == [
        f"edited.json:{index + 1}:competencies: unknown competency 'NOPE'; "
        "add it to competencies first"
    ]


def test_dangling_prerequisite_is_refused(workspace, mini_case, snapshot):
    data, save = mini_case
    index = next(
        j for j, a in enumerate(data["CFAssociations"]) if a["associationType"] == "precedes"
    )
    data["CFAssociations"][index]["originNodeURI"] = link("not-in-the-package")
    error = refused(workspace, save(), snapshot)
    assert [str(p) for p in error.problems] == [
        f"edited.json:$.CFAssociations[{index}]: a prerequisite must join two Modul items "
        "of the package"
    ]


def test_bad_prerequisite_kind_is_located(workspace, mini_case, snapshot):
    data, save = mini_case
    index = next(
        j for j, a in enumerate(data["CFAssociations"]) if a["associationType"] == "precedes"
    )
    data["CFAssociations"][index]["extensions"][EXTENSION]["kind"] = "maybe"
    error = refused(workspace, save(), snapshot)
    assert error.problems == [
        Problem(
            "edited.json",
            0,
            f"$.CFAssociations[{index}].extensions.{EXTENSION}.kind",
            "kind 'maybe' is not one of: hard, soft",
        )
    ]


def test_strict_case_has_no_extensions_and_its_import_says_what_is_missing(workspace, tmp_path):
    path = tmp_path / "strict.json"
    write_case(workspace, path, CHANGED, strict=True)
    assert "extensions" not in path.read_text(encoding="utf-8")
    data = json.loads(path.read_text(encoding="utf-8"))
    bare = sum(i["CFItemType"] in ("Modul", "Wilayah") for i in data["CFItems"])
    with create_workspace(tmp_path / "e.sqlite", empty=True) as empty:
        summaries = import_interchange(empty, "case", path)
        assert [s.kind for s in summaries] == ["competencies"]
        assert len(empty.load("competencies")) == len(workspace.load("competencies"))
    assert any(f"left out {bare} Modul or Wilayah item(s)" in note for note in summaries[0].notes)


def test_the_document_identifier_follows_the_data_not_the_file(tmp_path):
    import shutil

    from curriculum_tool.store import Workspace

    create_workspace(tmp_path / "a.sqlite").close()
    shutil.copy(tmp_path / "a.sqlite", tmp_path / "elsewhere.sqlite")
    identifiers = []
    for name in ("a", "elsewhere"):
        with Workspace.open(tmp_path / f"{name}.sqlite") as ws:
            write_case(ws, tmp_path / f"{name}.json", CHANGED)
        package = json.loads((tmp_path / f"{name}.json").read_text(encoding="utf-8"))
        identifiers.append(package["CFDocument"]["identifier"])
    with create_workspace(tmp_path / "other.sqlite") as other:
        write_case(other, tmp_path / "other.json", CHANGED)
    other_id = json.loads((tmp_path / "other.json").read_text(encoding="utf-8"))
    assert identifiers[0] == identifiers[1] != other_id["CFDocument"]["identifier"]
