"""``export W audit FILE``: the audit trail's columns, masking of learner ids and names,
the filters (person, table, dates), CSV and XLSX alike, bad filters refused."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from store.test_postgres import new_pg_database, pg_cluster  # noqa: F401 - fixtures

from curriculum_tool.catalog import create_workspace
from curriculum_tool.cli import main
from curriculum_tool.domain.roles import Actor
from curriculum_tool.edit.service import save_person, save_records
from curriculum_tool.errors import CurriculumError
from curriculum_tool.io import export_file
from curriculum_tool.io.audit_export import (
    AUDIT_COLUMNS,
    LEARNER_ID_COLUMNS,
    AuditFilters,
    export_audit,
)
from curriculum_tool.io.masking import pseudonym
from curriculum_tool.io.tables import read_rows
from curriculum_tool.store import Workspace, schema

MINI = Path(__file__).resolve().parents[1] / "data" / "mini"
NIP = "199001012015011001"
NAME = "Budi Santoso"


def _set_time(workspace: Workspace, actor: str | None, at: str) -> None:
    """Date every change ``actor`` (None: anyone) made at ``at`` (the trail stamps the
    real time)."""
    audit = schema.tables["audit"]
    chosen = audit.update() if actor is None else audit.update().where(audit.c.actor == actor)
    with workspace.engine.begin() as conn:
        conn.execute(chosen.values(at=at))


@pytest.fixture
def edited(tmp_path):
    """The mini workspace (seeded by its creator), then a designer's change to a module,
    an admin's change to a learner and their new person row, each on its own day."""
    ws = create_workspace(tmp_path / "w.sqlite", directory=MINI)
    _set_time(ws, None, "2024-01-05T12:00:00.000Z")
    ws.actor = Actor("siti", "perancang")
    module = next(m for m in ws.load("modules") if m.code == "PB-201")
    save_records(ws, "modules", [replace(module, title="Revisi")], note="judul baru")
    ws.actor = Actor("budi", "admin")
    learner = next(item for item in ws.load("learners") if item.id == NIP)
    save_records(ws, "learners", [replace(learner, digital_literacy=3)])
    save_person(ws, "rudi", "atasan", name="Rudi Hartono", learner=NIP)
    _set_time(ws, "siti", "2024-03-10T12:00:00.000Z")
    _set_time(ws, "budi", "2024-03-12T12:00:00.000Z")
    yield ws
    ws.close()


def _rows(path: Path) -> list[dict[str, str]]:
    return [row for _, row in read_rows(path, AUDIT_COLUMNS)]  # type: ignore[misc]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_one_row_per_change_with_its_columns(edited, tmp_path, suffix):
    out = tmp_path / f"audit{suffix}"
    count = export_audit(edited, out, filters=AuditFilters(actor="siti"))
    rows = _rows(out)
    assert count == len(rows) == 1
    row = rows[0]
    assert list(row) == list(AUDIT_COLUMNS)
    assert {k: row[k] for k in ("actor", "role", "table", "key", "action", "note")} == {
        "actor": "siti",
        "role": "perancang",
        "table": "modules",
        "key": '["PB-201"]',
        "action": "update",
        "note": "judul baru",
    }
    assert row["at"] == "2024-03-10T12:00:00.000Z"
    assert row["changed"] == "title;row_version"
    before, after = json.loads(row["before"]), json.loads(row["after"])
    assert (before["title"], after["title"]) == ("Pengkajian Risiko Bencana", "Revisi")
    assert after["row_version"] == before["row_version"] + 1


def test_every_change_newest_first_and_export_file_writes_it(edited, tmp_path):
    out = tmp_path / "all.csv"
    count = export_file(edited, "audit", out)
    rows = _rows(out)
    with edited.engine.connect() as conn:
        stored = conn.execute(schema.tables["audit"].select()).all()
    assert count == len(rows) == len(stored) > 20  # the seeding is audited too
    ids = [int(row["id"]) for row in rows]
    assert ids == sorted(ids, reverse=True)
    inserts = [row for row in rows if row["action"] == "insert"]
    assert all(row["before"] == "" and row["after"] for row in inserts)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_learner_ids_and_names_are_masked_by_default(edited, tmp_path, suffix):
    out = tmp_path / f"audit{suffix}"
    export_audit(edited, out)
    rows = _rows(out)
    text = json.dumps(rows, ensure_ascii=False)
    assert NIP not in text and NAME not in text and "Rudi Hartono" not in text
    secret = edited.get_meta("pseudonym_key") or ""
    alias = pseudonym(secret, NIP)
    learner = next(r for r in rows if r["table"] == "learners" and r["action"] == "update")
    assert learner["key"] == json.dumps([alias])
    assert json.loads(learner["after"])["id"] == alias
    assert json.loads(learner["after"])["name"] == "B*** S***"
    # a masked audit file joins a masked learners file
    learners = tmp_path / f"learners{suffix}"
    export_file(edited, "learners", learners)
    assert alias in {row["id"] for _, row in read_rows(learners, ["id", *_learner_columns()])}
    person = next(r for r in rows if r["table"] == "people")
    assert json.loads(person["after"])["learner"] == alias
    # every table whose key holds a learner id shows it masked
    keyed = [r for r in rows if r["table"] in ("outcomes", "learner_competencies")]
    assert keyed and all(json.loads(r["key"])[0].startswith("ANON-") for r in keyed)
    # a name change is still listed as one, though both names mask alike
    assert learner["changed"] == "digital_literacy;row_version"


def edited_creator(workspace: Workspace) -> str:
    """Who created the workspace (the operating-system user on SQLite)."""
    audit = schema.tables["audit"]
    with workspace.engine.connect() as conn:
        return conn.execute(audit.select().order_by(audit.c.id)).first().actor


def _learner_columns() -> list[str]:
    from curriculum_tool.domain import RECORD_TYPES

    return [c for c in RECORD_TYPES["learners"].COLUMNS if c != "id"]


def test_unmask_keeps_them(edited, tmp_path):
    out = tmp_path / "audit.csv"
    export_audit(edited, out, unmask=True, filters=AuditFilters(actor="budi"))
    rows = _rows(out)
    learner = next(r for r in rows if r["table"] == "learners")
    assert learner["key"] == json.dumps([NIP])
    assert json.loads(learner["before"])["name"] == NAME
    assert json.loads(next(r for r in rows if r["table"] == "people")["after"])["name"] == (
        "Rudi Hartono"
    )


def test_every_column_referring_to_a_learner_is_masked():
    assert LEARNER_ID_COLUMNS["outcomes"] == {"learner"}
    assert LEARNER_ID_COLUMNS["paths"] == {"learner"}
    assert LEARNER_ID_COLUMNS["learners"] == {"id", "supervisor"}
    assert LEARNER_ID_COLUMNS["people"] == {"learner"}
    assert "modules" not in LEARNER_ID_COLUMNS


def test_filters_by_person_table_and_dates(edited, tmp_path):
    out = tmp_path / "audit.csv"

    def exported(**chosen) -> list[tuple[str, str]]:
        export_audit(edited, out, filters=AuditFilters(**chosen))
        return [(row["actor"], row["table"]) for row in _rows(out)]

    assert exported(actor="budi") == [("budi", "people"), ("budi", "learners")]
    assert exported(tables=("modules",), since="2024-02-01") == [("siti", "modules")]
    assert len(exported(tables=("modules",))) == 6  # the five seeded, and siti's change
    assert exported(tables=("people", "modules"), since="2024-02-01") == [
        ("budi", "people"),
        ("siti", "modules"),
    ]
    assert {table for _, table in exported(until="2024-03-09")} > {"modules", "learners"}
    assert {actor for actor, _ in exported(until="2024-03-09")} == {edited_creator(edited)}
    assert exported(since="2024-03-11", until="2024-03-12") == [
        ("budi", "people"),
        ("budi", "learners"),
    ]
    assert exported(since="2024-03-10", until="2024-03-10") == [("siti", "modules")]
    assert exported(regions=("31",), actor="budi") == [("budi", "learners")]
    assert exported(actor="nobody") == []
    assert _rows(out) == [] and out.read_text(encoding="utf-8").startswith("id,at,actor")


@pytest.mark.parametrize(
    ("chosen", "said"),
    [
        ({"since": "2024-02-30"}, "--since must be a date written YYYY-MM-DD"),
        ({"until": "10/03/2024"}, "--until must be a date"),
        ({"since": "2024-03-12", "until": "2024-03-10"}, "comes after --until"),
        ({"tables": ("audit",)}, "unknown audited table 'audit'"),
    ],
)
def test_bad_filters_are_refused_before_writing(edited, tmp_path, chosen, said):
    out = tmp_path / "audit.csv"
    with pytest.raises(CurriculumError, match=said) as refused:
        export_audit(edited, out, filters=AuditFilters(**chosen))
    assert not out.exists()
    assert refused.value.args[0].indonesian  # said in Indonesian too


def test_the_command_exports_filters_and_refuses(edited, tmp_path, capsys):
    target = str(edited.target)
    out = tmp_path / "audit.xlsx"
    code = main(["export", target, "audit", str(out), "--table", "learners,people"])
    assert code == 0
    assert {row["table"] for row in _rows(out)} == {"learners", "people"}
    assert NIP not in json.dumps(_rows(out))
    assert "personal data masked" in capsys.readouterr().out

    code = main(["export", target, "audit", str(out), "--actor", "siti", "--unmask"])
    assert code == 0 and [row["actor"] for row in _rows(out)] == ["siti"]

    bad = tmp_path / "bad.csv"
    assert main(["export", target, "audit", str(bad), "--until", "kemarin", "--lang", "id"]) == 2
    assert "--until harus berupa tanggal" in capsys.readouterr().err
    assert main(["export", target, "modules", str(bad), "--actor", "siti"]) == 2
    assert "--actor" in capsys.readouterr().err
    assert not bad.exists()


@pytest.mark.postgres
def test_the_trail_of_a_postgresql_workspace_exports_alike(new_pg_database, tmp_path):  # noqa: F811
    with create_workspace(new_pg_database(), directory=MINI) as ws:
        module = next(m for m in ws.load("modules") if m.code == "PB-201")
        save_records(ws, "modules", [replace(module, title="Revisi")], note="judul baru")
        learner = next(item for item in ws.load("learners") if item.id == NIP)
        save_records(ws, "learners", [replace(learner, digital_literacy=3)])
        out = tmp_path / "audit.xlsx"
        filters = AuditFilters(tables=("modules", "learners"), since="2000-01-01")
        export_audit(ws, out, filters=filters)
        secret = ws.get_meta("pseudonym_key") or ""
    rows = _rows(out)
    assert NIP not in json.dumps(rows) and NAME not in json.dumps(rows)
    changed = [r for r in rows if r["action"] == "update"]
    assert [(r["table"], r["key"], r["changed"]) for r in changed] == [
        ("learners", json.dumps([pseudonym(secret, NIP)]), "digital_literacy;row_version"),
        ("modules", '["PB-201"]', "title;row_version"),
    ]
    assert changed[1]["note"] == "judul baru" and changed[1]["role"] == "admin"
    assert json.loads(changed[0]["after"])["name"] == "B*** S***"
