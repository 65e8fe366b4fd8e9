"""Plan years: a path belongs to a learner and a year; re-planning keeps the earlier
versions (approval included), a new year keeps the last one, and a year reads back as the
latest version of each learner's plan for it."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from curriculum_tool.catalog import create_workspace
from curriculum_tool.edit.service import approve_path
from curriculum_tool.recommend import PathOptions, Recommender
from curriculum_tool.store import Workspace, schema
from curriculum_tool.store.path_history import load_year, plan_history, plan_years
from curriculum_tool.store.paths import load_paths, save_paths
from curriculum_tool.store.staging import PathStaging

ROOT = Path(__file__).resolve().parents[2]


def _plan(ws, learner: str, year: int, max_jp: int = 40):
    return Recommender(ws).recommend(learner, PathOptions(max_jp=max_jp, plan_year=year))


def _save(ws, *paths) -> None:
    with ws.transaction() as conn:
        save_paths(conn, list(paths))


def _archived(ws) -> list[tuple[str, int, int, int]]:
    a = schema.path_archive
    with ws.engine.connect() as conn:
        rows = conn.execute(
            select(a.c.learner, a.c.plan_year, a.c.plan_version, a.c.total_jp).order_by(
                a.c.plan_year, a.c.plan_version
            )
        )
        return [tuple(r) for r in rows]


def test_replanning_a_year_keeps_every_earlier_version(tmp_path):
    with create_workspace(tmp_path / "w.sqlite") as ws:
        first = _plan(ws, "DEMO-001", 2027, max_jp=24)
        _save(ws, first)
        approve_path(ws, "DEMO-001")
        second = _plan(ws, "DEMO-001", 2027, max_jp=40)
        _save(ws, second)
        third = _plan(ws, "DEMO-001", 2027, max_jp=32)
        _save(ws, third)

        assert _archived(ws) == [
            ("DEMO-001", 2027, 1, first.total_jp),
            ("DEMO-001", 2027, 2, second.total_jp),
        ]
        with ws.engine.connect() as conn:
            (current,) = load_paths(conn)
            history = plan_history(conn, "DEMO-001")
        assert (current.year, current.plan_version, current.total_jp) == (2027, 3, third.total_jp)
        assert not current.approval.approved  # a re-plan is a new proposal
        # the first version kept its approval, and who gave it
        assert [(v.plan_version, v.approval, v.current) for v in history] == [
            (1, "approved", False),
            (2, None, False),
            (3, None, True),
        ]
        assert history[0].approved_by == ws.actor.login


def test_a_year_reads_back_as_the_latest_version_of_each_learners_plan(tmp_path):
    with create_workspace(tmp_path / "w.sqlite") as ws:
        a_2026 = _plan(ws, "DEMO-001", 2026, max_jp=20)
        b_2026 = _plan(ws, "DEMO-002", 2026)
        _save(ws, a_2026, b_2026)
        a_2026_again = _plan(ws, "DEMO-001", 2026, max_jp=40)
        _save(ws, a_2026_again)
        a_2027 = _plan(ws, "DEMO-001", 2027, max_jp=32)
        _save(ws, a_2027)

        with ws.engine.connect() as conn:
            year_2026 = {p.learner: p for p in load_year(conn, 2026)}
            year_2027 = {p.learner: p for p in load_year(conn, 2027)}
            only_a = load_year(conn, 2026, ["DEMO-001"])
            assert plan_years(conn) == [2026, 2027]
        # DEMO-001's 2026 plan is kept (its second version); DEMO-002's is still current
        assert set(year_2026) == {"DEMO-001", "DEMO-002"}
        kept = year_2026["DEMO-001"]
        assert (kept.year, kept.plan_version) == (2026, 2)
        assert kept.modules == a_2026_again.modules and kept.total_jp == a_2026_again.total_jp
        assert [s.reasons for s in kept.steps] == [s.reasons for s in a_2026_again.steps]
        assert kept.steps[0].reasons[0].indonesian == a_2026_again.steps[0].reasons[0].indonesian
        assert kept.obligations == a_2026_again.obligations
        assert kept.options == a_2026_again.options and kept.options["method"] == "exact"
        assert year_2026["DEMO-002"].modules == b_2026.modules
        assert set(year_2027) == {"DEMO-001"} and year_2027["DEMO-001"].plan_version == 1
        assert [p.learner for p in only_a] == ["DEMO-001"]


def test_a_path_records_its_year_catalog_and_options(tmp_path):
    with create_workspace(tmp_path / "w.sqlite") as ws:
        path = _plan(ws, "DEMO-003", 2028)
        document = path.to_json()
        assert document["plan_year"] == 2028
        assert len(document["catalog"]["sha256"]) == 64
        assert document["catalog"]["release"] is None  # nothing published yet
        _save(ws, path)
        with ws.engine.connect() as conn:
            (stored,) = load_paths(conn)
        assert stored.catalog_sha256 == path.catalog_sha256
        assert stored.options == PathOptions().recorded()
        default_year = Recommender(ws).recommend("DEMO-003")
        assert default_year.year == int(default_year.created[:4])


def test_a_batch_swap_keeps_the_paths_it_replaces(tmp_path):
    with create_workspace(tmp_path / "w.sqlite") as ws:
        recommender = Recommender(ws)
        rows = [recommender.row_of(f"DEMO-00{i}") for i in range(1, 4)]
        _save(ws, *recommender.plan_rows(rows, PathOptions(max_jp=20, plan_year=2026)))
        with PathStaging(ws) as staging:
            staging.add(recommender.plan_rows(rows, PathOptions(plan_year=2026)))
            assert staging.swap() == 3
        assert [(r[1], r[2]) for r in _archived(ws)] == [(2026, 1)] * 3
        with ws.engine.connect() as conn:
            assert {p.plan_version for p in load_paths(conn)} == {2}


def test_an_approval_after_a_replan_applies_to_the_new_version_only(tmp_path):
    with create_workspace(tmp_path / "w.sqlite") as ws:
        _save(ws, _plan(ws, "DEMO-001", 2027))
        _save(ws, dataclasses.replace(_plan(ws, "DEMO-001", 2027, max_jp=30)))
        approve_path(ws, "DEMO-001")
        a = schema.path_archive
        with ws.engine.connect() as conn:
            kept = conn.execute(select(a.c.approval)).scalars().all()
            (current,) = load_paths(conn)
        assert kept == [None] and current.approval.approved


def test_a_learners_history_goes_with_the_learner(tmp_path):
    with create_workspace(tmp_path / "w.sqlite") as ws:
        _save(ws, _plan(ws, "DEMO-001", 2026))
        _save(ws, _plan(ws, "DEMO-001", 2027))
        from curriculum_tool.edit.service import delete_records

        delete_records(ws, "learners", ["DEMO-001"])
        with ws.engine.connect() as conn:
            count = conn.execute(select(func.count()).select_from(schema.path_archive))
            assert count.scalar_one() == 0


def test_export_paths_of_a_year_on_the_command_line(tmp_path):
    target = tmp_path / "w.sqlite"
    with create_workspace(target) as ws:
        _save(ws, _plan(ws, "DEMO-001", 2026), _plan(ws, "DEMO-002", 2026))
        _save(ws, _plan(ws, "DEMO-001", 2027))

    def export(*extra: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "export", str(target), "paths", *extra],
            capture_output=True,
            text=True,
            cwd=tmp_path,
        )

    out = tmp_path / "y2026.jsonl"
    done = export(str(out), "--year", "2026", "--unmask", "--lang", "en")
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(p["learner"], p["plan_year"]) for p in lines] == [
        ("DEMO-001", 2026),
        ("DEMO-002", 2026),
    ]
    empty = export(str(tmp_path / "x.csv"), "--year", "2030", "--lang", "en")
    assert empty.returncode == 0 and "exported 0 stored paths" in empty.stdout
    command = [sys.executable, str(ROOT / "main.py"), "export", str(target), "modules"]
    wrong = subprocess.run(
        [*command, "m.csv", "--year", "2026", "--lang", "en"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert wrong.returncode == 2 and "--year goes with a paths export" in wrong.stderr


def test_a_plan_year_outside_the_calendar_is_refused():
    import pytest

    from curriculum_tool.errors import CurriculumError

    with pytest.raises(CurriculumError, match="plan year must be from 2000 to 2100"):
        PathOptions(plan_year=1999)


def test_versions_continue_after_the_workspace_is_reopened(tmp_path):
    target = tmp_path / "w.sqlite"
    with create_workspace(target) as ws:
        _save(ws, _plan(ws, "DEMO-001", 2027))
    with Workspace.open(target) as ws:
        _save(ws, _plan(ws, "DEMO-001", 2027))
        assert [r[2] for r in _archived(ws)] == [1]
        with ws.engine.connect() as conn:
            assert load_paths(conn)[0].plan_version == 2
