"""Learning paths: gap analysis, feasible candidates, JP-budgeted selection over the
prerequisite graph, order and periods, explanations; one learner or a whole agency."""

from .planner import PathOptions, Recommender, recommend

__all__ = ["PathOptions", "Recommender", "recommend"]
