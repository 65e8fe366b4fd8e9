"""What the Peserta & Jalur tab loads in the background, and the loading itself.

The :class:`~curriculum_tool.recommend.planner.Recommender` loads the whole workspace
once, in a background worker with its own workspace connection (seconds for a large
agency); planning one learner then takes a few tens of milliseconds and runs on the GUI
thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ...domain import Learner
from ...errors import CurriculumError
from ...recommend.planner import PathOptions, Recommender
from ...store import Workspace
from .. import workers
from ..i18n import error_text

__all__ = ["DeskData", "load_desk"]


@dataclass(frozen=True)
class DeskData:
    """What the desk loads in the background: learners, names of codes, the planner."""

    learners: list[Learner]
    positions: dict[str, str]  # position code → title
    regions: dict[str, str]  # region code → name
    competencies: dict[str, str]  # competency code → name
    recommender: Recommender | None
    problem: str = ""  # why there is no recommender (no model, say)


def load_desk(target: str, cancelled: Callable[[], bool] = lambda: False) -> DeskData:
    """Open ``target`` on this thread and load everything the desk shows.

    ``cancelled()`` is checked before the planner is built (the slow part): a newer
    reload makes this one pointless.
    """
    workspace = Workspace.open(target)
    try:
        learners = workspace.load("learners")
        positions = {s.position: s.title for s in workspace.load("job_standards")}
        regions = {r.code: r.name for r in workspace.load("regions")}
        competencies = {c.code: c.name for c in workspace.load("competencies")}
        if cancelled():
            raise workers.Cancelled()
        recommender, problem = None, ""
        try:
            recommender = Recommender(workspace)
            if len(recommender.learners):  # warm up the model here, not on the GUI thread
                recommender.plan_rows([0], PathOptions())
        except CurriculumError as error:
            recommender, problem = None, error_text(error)
        return DeskData(learners, positions, regions, competencies, recommender, problem)
    finally:
        workspace.close()
