"""The L3 follow-up due list and recording what happened to an enrolment."""

from __future__ import annotations

import datetime as dt

import pytest

from curriculum_tool.catalog import create_workspace
from curriculum_tool.domain.roles import Actor
from curriculum_tool.edit.conflicts import ConflictError
from curriculum_tool.edit.outcomes import read_outcome, record_outcome
from curriculum_tool.edit.permissions import NotAllowed
from curriculum_tool.errors import CurriculumError
from curriculum_tool.report.followups import (
    DUE,
    OVERDUE,
    UPCOMING,
    add_months,
    followup_status,
    followups,
)

TODAY = dt.date(2026, 12, 1)
D = dt.date


@pytest.fixture
def workspace(tmp_path):
    """DEMO-001 (atasan DEMO-007) completed PB-201 on 1 June: due on 1 December;
    DEMO-002 (atasan DEMO-003) completed ADM-101 on 10 January: overdue;
    DEMO-004 (Bappeda, no atasan) completed ADM-102 on 20 October: upcoming;
    DEMO-006 dropped ADM-202, and DEMO-003 has LD-101 with L3 already recorded."""
    ws = create_workspace(tmp_path / "w.sqlite")
    record_outcome(ws, "DEMO-001", "PB-201", D(2026, 6, 1), completed=True, l1=80, today=TODAY)
    record_outcome(ws, "DEMO-002", "ADM-101", D(2026, 1, 10), completed=True, today=TODAY)
    record_outcome(ws, "DEMO-004", "ADM-102", D(2026, 10, 20), completed=True, today=TODAY)
    record_outcome(ws, "DEMO-006", "ADM-202", D(2026, 2, 1), completed=False, today=TODAY)
    record_outcome(ws, "DEMO-003", "LD-101", D(2026, 3, 1), completed=True, l3=True, today=TODAY)
    yield ws
    ws.close()


def _keys(items):
    return [(i.learner, i.module, i.status) for i in items]


def test_window_is_three_to_six_calendar_months_after_the_end():
    assert add_months(D(2026, 11, 30), 3) == D(2027, 2, 28)
    assert add_months(D(2026, 1, 31), 6) == D(2026, 7, 31)
    ended = D(2026, 1, 15)
    assert followup_status(ended, D(2026, 4, 14)) == UPCOMING
    assert followup_status(ended, D(2026, 4, 15)) == DUE
    assert followup_status(ended, D(2026, 7, 15)) == DUE
    assert followup_status(ended, D(2026, 7, 16)) == OVERDUE


def test_due_list_overdue_first_without_upcoming_dropped_or_done(workspace):
    items = followups(workspace, today=TODAY)
    assert _keys(items) == [("DEMO-002", "ADM-101", OVERDUE), ("DEMO-001", "PB-201", DUE)]
    due = items[1]
    assert (due.due_from, due.due_until) == (D(2026, 9, 1), D(2026, 12, 1))
    assert (due.supervisor, due.unit, due.region) == ("DEMO-007", "BPBD Kota Palu", "72.71")
    assert due.title.startswith("Pelatihan Pengkajian Risiko")
    assert due.supervisor_name == "Peserta Demo 07 (sintetis)"


def test_upcoming_on_request_and_filters(workspace):
    everything = followups(workspace, today=TODAY, include_upcoming=True)
    assert [i.status for i in everything] == [OVERDUE, DUE, UPCOMING]
    assert _keys(followups(workspace, today=TODAY, supervisor="DEMO-007")) == [
        ("DEMO-001", "PB-201", DUE)
    ]
    unit = followups(workspace, today=TODAY, unit="Bappeda Kota Palu", include_upcoming=True)
    assert _keys(unit) == [("DEMO-004", "ADM-102", UPCOMING)]
    assert followups(workspace, today=TODAY, unit="Nowhere") == []
    # a month later the upcoming one is due, and the due one overdue
    later = followups(workspace, today=D(2027, 1, 20))
    assert _keys(later) == [
        ("DEMO-002", "ADM-101", OVERDUE),
        ("DEMO-001", "PB-201", OVERDUE),
        ("DEMO-004", "ADM-102", DUE),
    ]


def test_atasan_records_l3_of_their_own_learners_only(workspace):
    workspace.actor = Actor("bos", "atasan", learner="DEMO-007")
    outcome, version = record_outcome(workspace, "DEMO-001", "PB-201", D(2026, 6, 1), l3=True)
    assert (outcome.completed, outcome.l1, outcome.l3, outcome.l4) == (True, 80, True, None)
    assert version == 2
    assert followups(workspace, today=TODAY, supervisor="DEMO-007") == []
    with pytest.raises(NotAllowed):  # DEMO-002's atasan is DEMO-003
        record_outcome(workspace, "DEMO-002", "ADM-101", D(2026, 1, 10), l3=False)
    with pytest.raises(NotAllowed, match="l3, l4"):  # not the completion
        record_outcome(workspace, "DEMO-001", "PB-201", D(2026, 6, 1), l1=10)
    with workspace.engine.connect() as conn:
        stored, _ = read_outcome(conn, "DEMO-002", "ADM-101", D(2026, 1, 10))
    assert stored is not None and stored.l3 is None


def test_stale_version_is_a_conflict_and_nothing_changes(workspace):
    (item,) = followups(workspace, today=TODAY, supervisor="DEMO-007")
    record_outcome(workspace, "DEMO-001", "PB-201", item.date, l4=True)  # someone else
    with pytest.raises(ConflictError):
        record_outcome(workspace, "DEMO-001", "PB-201", item.date, l3=True, expected=item.version)
    with workspace.engine.connect() as conn:
        stored, _ = read_outcome(conn, "DEMO-001", "PB-201", item.date)
    assert stored is not None and stored.l3 is None and stored.l4 is True


def test_enrolment_then_completion_then_follow_up(workspace):
    planned = D(2027, 2, 15)
    record_outcome(workspace, "DEMO-005", "ADM-101", planned, enrol=True, today=TODAY)
    with workspace.engine.connect() as conn:
        enrolled, _ = read_outcome(conn, "DEMO-005", "ADM-101", planned)
    assert enrolled is not None and enrolled.completed is False
    assert all(i.learner != "DEMO-005" for i in followups(workspace, TODAY, include_upcoming=True))
    with pytest.raises(CurriculumError, match="already recorded"):
        record_outcome(workspace, "DEMO-005", "ADM-101", planned, enrol=True, today=TODAY)
    with pytest.raises(CurriculumError, match="after today"):
        record_outcome(workspace, "DEMO-005", "ADM-101", planned, completed=True, today=TODAY)
    # it ended early, on 10 February: the row moves to the real end date
    on = D(2027, 2, 10)
    done = D(2027, 2, 11)
    record_outcome(
        workspace, "DEMO-005", "ADM-101", planned, completed=True, l2=75, ended=on, today=done
    )
    with workspace.engine.connect() as conn:
        assert read_outcome(conn, "DEMO-005", "ADM-101", planned) == (None, None)
        moved, _ = read_outcome(conn, "DEMO-005", "ADM-101", on)
    assert moved is not None and (moved.completed, moved.l2) == (True, 75)
    (item,) = [i for i in followups(workspace, D(2027, 5, 10)) if i.learner == "DEMO-005"]
    assert item.status == DUE


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"l1": 101}, "from 0 to 100"),
        ({"l2": -1}, "from 0 to 100"),
        ({}, "nothing to record"),
        ({"l3": True}, "no enrolment"),
    ],
)
def test_bad_input_refused_and_nothing_written(workspace, fields, message):
    key = ("DEMO-010", "ADM-101", D(2026, 5, 5))
    with pytest.raises(CurriculumError, match=message):
        record_outcome(workspace, *key, today=TODAY, **fields)
    with workspace.engine.connect() as conn:
        assert read_outcome(conn, *key) == (None, None)


def test_l3_needs_a_completed_enrolment(workspace):
    with pytest.raises(CurriculumError, match="completed enrolment"):
        record_outcome(workspace, "DEMO-006", "ADM-202", D(2026, 2, 1), l3=True, today=TODAY)
