"""Moodle and CASE speak Indonesian in the app: their refusals and import notes are
messages, English on the command line and in files, Indonesian when rendered in ``id``."""

import csv
import json
import pickle
from pathlib import Path

import pytest

from curriculum_tool.catalog import create_workspace
from curriculum_tool.errors import CurriculumError, ValidationError, describe
from curriculum_tool.io.case import MAX_INT_DIGITS, read_case
from curriculum_tool.io.interchange import export_interchange, import_interchange
from curriculum_tool.io.moodle import COLUMNS, read_moodle
from curriculum_tool.messages import Message

#: Moodle's header as a German Moodle writes it (Moodle reads columns by position).
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


def moodle_csv(path: Path, rows: list[dict], header=COLUMNS) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows([cells.get(column, "") for column in COLUMNS] for cells in rows)
    return path


def framework(id_number: str) -> dict:
    return {"ID number": id_number, "Short name": "Kerangka", "Is framework": "1"}


def competency(parent: str, id_number: str, name: str) -> dict:
    return {"Parent ID number": parent, "ID number": id_number, "Short name": name}


@pytest.fixture
def empty(tmp_path):
    with create_workspace(tmp_path / "empty.sqlite", empty=True) as ws:
        yield ws


# -- Moodle ---------------------------------------------------------------------------------


def test_a_german_moodle_header_is_noted_in_indonesian(tmp_path):
    rows = [framework("curriculum-tool"), competency("", "M.01", "Analisis data")]
    path = moodle_csv(tmp_path / "de.csv", rows, GERMAN_HEADER)
    [parsed] = read_moodle(path, "de.csv")
    assert parsed.problems == [] and len(parsed.records) == 1
    [note] = parsed.notes
    assert isinstance(note, Message)
    assert str(note).startswith("the header is not Moodle's English one ('ID-Nummer des")
    assert note.render("id") == (
        "judul kolom bukan versi bahasa Inggris Moodle ('ID-Nummer des übergeordneten "
        "Elements', 'ID-Nummer', …): 14 kolomnya dibaca menurut urutannya, seperti cara "
        "Moodle membacanya"
    )


def test_a_german_moodle_file_with_a_broken_tree_is_refused_in_indonesian(empty, tmp_path):
    rows = [
        framework("curriculum-tool"),
        competency("X.99", "M.01", "Analisis data"),
        competency("", "M.01", "Analisis data lagi"),
    ]
    path = moodle_csv(tmp_path / "de.csv", rows, GERMAN_HEADER)
    with pytest.raises(ValidationError) as info:
        import_interchange(empty, "moodle", path)
    english, indonesian = describe(info.value, "en"), describe(info.value, "id")
    assert "de.csv:3:Parent ID number: unknown parent 'X.99'; no row has this ID number" in (
        english
    )
    assert "de.csv:3:Parent ID number: induk 'X.99' tidak dikenal; tidak ada baris" in indonesian
    assert "de.csv:4:ID number: nomor ID 'M.01' ganda, pertama kali muncul pada baris 3" in (
        indonesian
    )
    assert "unknown" not in indonesian and "duplicate" not in indonesian


def test_a_missing_moodle_column_is_refused_in_indonesian(tmp_path):
    path = tmp_path / "short.csv"
    path.write_text("ID number,Short name\nM.01,Analisis\n", encoding="utf-8")
    [parsed] = read_moodle(path, "short.csv")
    error = ValidationError(parsed.problems)
    assert "short.csv:1:Is framework: missing column 'Is framework'" in describe(error, "en")
    assert "short.csv:1:Is framework: kolom 'Is framework' tidak ada" in describe(error, "id")


def test_a_foreign_frameworks_notes_reach_the_import_summary_as_messages(empty, tmp_path):
    """The qualified ID numbers and the derived codes, as the app shows them after an
    import: the notes survive the importer (and a worker's pickle) as messages."""
    rows = [framework("OECD CORE"), competency("", "Analytical thinking", "Berpikir analitis")]
    [summary] = import_interchange(empty, "moodle", moodle_csv(tmp_path / "o.csv", rows))
    qualified, derived = pickle.loads(pickle.dumps(summary)).notes
    assert qualified.kind == "io.moodle:qualified_codes"
    assert qualified.render("id").startswith("kerangka 'OECD CORE': nomor ID-nya diberi awalan")
    code = empty.load("competencies")[0].code
    assert str(derived) == (
        f"1 ID number(s) cannot be a code and were given a derived one: "
        f"'Analytical thinking' → {code}"
    )
    assert derived.render("id") == (
        f"1 nomor ID tidak dapat menjadi kode sehingga diberi kode turunan: "
        f"'Analytical thinking' → {code}"
    )


def test_a_moodle_export_refusal_is_indonesian(workspace, tmp_path):
    with pytest.raises(CurriculumError) as info:
        export_interchange(workspace, "moodle", tmp_path / "kerangka.xlsx")
    assert describe(info.value, "en") == (
        "a Moodle competency framework is a .csv file, not 'kerangka.xlsx'"
    )
    assert describe(info.value, "id") == (
        "kerangka kompetensi Moodle berupa berkas .csv, bukan 'kerangka.xlsx'"
    )


# -- CASE -----------------------------------------------------------------------------------


def link(identifier: str) -> dict:
    return {"title": identifier, "identifier": identifier, "uri": f"https://x/{identifier}"}


def package(items: list[dict], associations: list[tuple[str, str, str]]) -> dict:
    return {
        "CFDocument": {"identifier": "doc", "uri": "https://x/doc", "title": "T"},
        "CFItems": items,
        "CFAssociations": [
            {
                "identifier": f"a{n}",
                "associationType": kind,
                "originNodeURI": link(origin),
                "destinationNodeURI": link(destination),
            }
            for n, (kind, origin, destination) in enumerate(associations)
        ],
    }


def test_what_a_case_import_left_out_is_noted_in_indonesian(empty, tmp_path):
    """One ``precedes`` between competencies, 1,200 associations leaving the package: the
    counts in each language's number style."""
    items = [
        {"identifier": "i1", "humanCodingScheme": "K.01", "fullStatement": "Analisis"},
        {"identifier": "i2", "humanCodingScheme": "K.02", "fullStatement": "Sintesis"},
    ]
    outside = [("isRelatedTo", "i1", f"elsewhere-{n}") for n in range(1200)]
    path = tmp_path / "p.json"
    path.write_text(json.dumps(package(items, [("precedes", "i1", "i2"), *outside])), "utf-8")
    [summary] = import_interchange(empty, "case", path)
    assert summary.notes == (
        "left out 1 'precedes' association(s) not between two modules",
        "left out 1,200 association(s) with an end outside this package",
    )
    assert [note.render("id") for note in summary.notes] == [
        "1 asosiasi 'precedes' yang tidak menghubungkan dua modul tidak diimpor",
        "1.200 asosiasi yang salah satu ujungnya berada di luar paket ini tidak diimpor",
    ]


def test_a_case_number_over_the_limit_is_refused_in_indonesian(empty, tmp_path):
    digits = "7" * (MAX_INT_DIGITS + 50)
    path = tmp_path / "big.json"
    path.write_text(f'{{"CFDocument": {{}}, "CFItems": [{digits}]}}', encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        import_interchange(empty, "case", path)
    assert describe(info.value, "en") == (
        f"big.json:$: a whole number of 150 digits ({digits[:12]}…); at most "
        f"{MAX_INT_DIGITS} are allowed"
    )
    assert describe(info.value, "id") == (
        f"big.json:$: bilangan bulat sepanjang 150 digit ({digits[:12]}…); paling banyak "
        f"{MAX_INT_DIGITS} digit diizinkan"
    )


def test_case_item_refusals_are_indonesian(tmp_path):
    items = [
        {"identifier": "a\x01b", "humanCodingScheme": "K.01", "fullStatement": "Analisis"},
        {"humanCodingScheme": "K.02", "fullStatement": "Sintesis"},
        {"identifier": "i3", "humanCodingScheme": "K.03", "fullStatement": ["bukan", "teks"]},
    ]
    path = tmp_path / "items.json"
    path.write_text(json.dumps(package(items, [])), encoding="utf-8")
    problems = [p for parsed in read_case(path, "items.json") for p in parsed.problems]
    assert [p.render("en") for p in problems] == [
        "items.json:$.CFItems[0].identifier: the identifier contains the control character "
        "U+0001 at position 2",
        "items.json:$.CFItems[1].identifier: the item has no identifier",
        "items.json:$.CFItems[2].fullStatement: must be text, not a JSON object or list",
        "items.json:$.CFItems[2].fullStatement: name is required",
    ]
    assert [p.render("id") for p in problems] == [
        "items.json:$.CFItems[0].identifier: pengenal memuat karakter kendali U+0001 pada posisi 2",
        "items.json:$.CFItems[1].identifier: item tidak memiliki pengenal (identifier)",
        "items.json:$.CFItems[2].fullStatement: harus berupa teks, bukan objek atau daftar JSON",
        "items.json:$.CFItems[2].fullStatement: nama wajib diisi",
    ]


def test_a_file_that_is_not_a_case_package_is_refused_in_indonesian(tmp_path):
    path = tmp_path / "list.json"
    path.write_text("[1, 2]", encoding="utf-8")
    [parsed] = read_case(path, "list.json")
    error = ValidationError(parsed.problems)
    assert describe(error, "en") == (
        "list.json:$: a CASE package must be a JSON object (a CFPackage)"
    )
    assert describe(error, "id") == (
        "list.json:$: paket CASE harus berupa objek JSON (sebuah CFPackage)"
    )
