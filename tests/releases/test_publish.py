"""Publishing a catalog release: named, dated, hashed, kept whole; refused when the name is
taken or bad, when nothing changed since the latest release, or for a role that does not
write releases, and then nothing is written."""

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select

from curriculum_tool.catalog import create_workspace
from curriculum_tool.domain.roles import Actor
from curriculum_tool.edit.permissions import NotAllowed
from curriculum_tool.edit.service import save_records
from curriculum_tool.errors import CurriculumError, describe
from curriculum_tool.releases.content import catalog_content, catalog_digest, current_release
from curriculum_tool.releases.publish import (
    latest_release,
    list_releases,
    publish_release,
    release_content,
)
from curriculum_tool.store import schema

MINI_DIR = Path(__file__).resolve().parents[1] / "data" / "mini"


@pytest.fixture
def ws(tmp_path):
    workspace = create_workspace(tmp_path / "w.sqlite", directory=MINI_DIR)
    yield workspace
    workspace.close()


def _release_rows(ws) -> int:
    with ws.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(schema.releases)).scalar_one()


def _change_jp(ws, code: str, jp: int) -> None:
    module = next(m for m in ws.load("modules") if m.code == code)
    save_records(ws, "modules", [replace(module, jp=jp)])


def test_publish_keeps_the_catalog_with_its_digest_and_who(ws):
    ws.actor = Actor("siti", "perancang")
    release = publish_release(ws, "2025.1", "  awal tahun  ")
    assert (release.name, release.notes, release.published_by) == ("2025.1", "awal tahun", "siti")
    assert release.sha256 == catalog_digest(ws)
    assert release.published.endswith("+00:00")
    with ws.engine.connect() as conn:
        assert release_content(conn, "2025.1") == catalog_content(ws)
        assert current_release(conn, catalog_digest(ws)) == "2025.1"
        assert latest_release(conn) == release
    assert list_releases(ws) == [release]


def test_list_is_newest_first(ws):
    first = publish_release(ws, "R1")
    _change_jp(ws, "LD-201", 16)
    second = publish_release(ws, "R2", "JP LD-201")
    assert [r.name for r in list_releases(ws)] == ["R2", "R1"]
    assert first.sha256 != second.sha256
    with ws.engine.connect() as conn:
        assert release_content(conn, "R1")["modules"] != release_content(conn, "R2")["modules"]
        assert current_release(conn, catalog_digest(ws)) == "R2"


def test_duplicate_name_is_refused_even_when_the_catalog_changed(ws):
    publish_release(ws, "R1")
    _change_jp(ws, "LD-201", 16)
    with pytest.raises(CurriculumError, match="a release named R1 already exists"):
        publish_release(ws, "R1")
    assert _release_rows(ws) == 1


def test_unchanged_catalog_is_not_published_again(ws):
    publish_release(ws, "R1")
    with pytest.raises(CurriculumError, match="has not changed since release R1") as raised:
        publish_release(ws, "R2")
    assert "katalog belum berubah sejak rilis R1" in describe(raised.value, "id")
    assert _release_rows(ws) == 1


@pytest.mark.parametrize("role", ["pembaca", "pengelola", "wilayah"])
def test_roles_that_do_not_write_releases_are_refused(ws, role):
    ws.actor = Actor("budi", role, scope="72" if role == "wilayah" else None)
    with pytest.raises(NotAllowed, match=r"budi \(.*\) may not change releases"):
        publish_release(ws, "R1")
    assert _release_rows(ws) == 0


@pytest.mark.parametrize(
    ("name", "notes", "match"),
    [
        ("bad name", "", "bad release name: name 'bad name' is not a valid code"),
        ("", "", "bad release name: name is empty"),
        ("R1", "a\x00b", "bad release notes"),
        ("R1", "x" * 2001, "longer than 2000 characters"),
    ],
)
def test_bad_name_or_notes_are_refused(ws, name, notes, match):
    with pytest.raises(CurriculumError, match=match):
        publish_release(ws, name, notes)
    assert _release_rows(ws) == 0


def test_unknown_release_names_the_published_ones(ws):
    publish_release(ws, "R1")
    with ws.engine.connect() as conn, pytest.raises(CurriculumError, match="published: R1$"):
        release_content(conn, "R9")
