"""Selection (select.py) on small hand-made problems, against brute force.

The brute force reads contract §3 directly: a set of modules is allowed when it respects
the budget and the hard prerequisites and no module in it is pitched too high (some
competency above the learner, within reach on none, where reach comes directly or from a
rung in the set); its value counts a module's gain only where it is within reach.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from curriculum_tool.domain.reach import reach_along
from curriculum_tool.recommend import PathOptions
from curriculum_tool.recommend.select import SelectionProblem, path_value, select


def tolerance(best: float, budget: int) -> float:
    """Ties trade 2e-5 of value per JP (and less per module rank)."""
    return 1e-6 * best + 2e-5 * budget + 2e-5


def problem(
    jp, p, taught, levels, targets, edges=(), relevance=None, required=None, enablers=None
) -> SelectionProblem:
    """``taught``: K × C levels the modules teach; ``levels``/``targets``: the learner's;
    ``edges``: (module, requires) pairs of hard prerequisites, by position."""
    k = len(jp)
    prerequisites = np.zeros((k, k), dtype=bool)
    for module, requires in edges:
        prerequisites[module, requires] = True
    p = np.asarray(p, dtype=float)
    taught = np.asarray(taught, dtype=int).reshape(k, len(levels))
    levels, targets = np.asarray(levels), np.asarray(targets)
    gaps = np.maximum(targets - levels, 0)
    gap_columns = np.flatnonzero(gaps > 0)
    if relevance is None:
        relevance = p * (np.maximum(taught - levels, 0).sum(axis=1) + 1e-3)
    return SelectionProblem(
        np.arange(k),
        np.asarray(jp),
        p,
        taught,
        levels,
        gap_columns,
        gaps[gap_columns],
        prerequisites,
        np.asarray(relevance, float),
        None if required is None else np.asarray(required, bool),
        enablers,
    )


def reached_in(pr: SelectionProblem, chosen: np.ndarray) -> np.ndarray | None:
    """K × C reach of the chosen set by fixpoint (rungs strictly lower), or None when a
    chosen module is pitched too high."""
    reached = pr.direct & chosen[:, None]
    while True:
        grown = reached.copy()
        for k, c in pr.climbs:
            if chosen[k]:
                rungs = pr.rungs(int(k), int(c))
                grown[k, c] |= bool(reached[rungs, c].any())
        if (grown == reached).all():
            break
        reached = grown
    for k in np.flatnonzero(chosen):
        if pr.above[k].any() and not reached[k].any():
            return None
    return reached


def allowed(pr: SelectionProblem, chosen: np.ndarray, budget: float) -> bool:
    closed = all(chosen[r] for k in np.flatnonzero(chosen) for r in np.flatnonzero(pr.edges[k]))
    return closed and pr.jp[chosen].sum() <= budget + 1e-9 and reached_in(pr, chosen) is not None


def value(pr: SelectionProblem, chosen: np.ndarray) -> float:
    reached = reached_in(pr, chosen)
    return pr.value(chosen, reached[:, pr.gap_columns])


def brute_force(pr: SelectionProblem, budget: int) -> float:
    best = 0.0
    for bits in itertools.product([False, True], repeat=len(pr.jp)):
        chosen = np.array(bits)
        if allowed(pr, chosen, budget):
            best = max(best, value(pr, chosen))
    return best


@st.composite
def problems(draw):
    k = draw(st.integers(1, 7))
    c = draw(st.integers(1, 3))
    jp = draw(st.lists(st.integers(1, 20), min_size=k, max_size=k))
    p = draw(st.lists(st.floats(0.05, 1.0), min_size=k, max_size=k))
    taught = draw(st.lists(st.integers(0, 5), min_size=k * c, max_size=k * c))
    levels = draw(st.lists(st.integers(0, 3), min_size=c, max_size=c))
    targets = draw(st.lists(st.integers(0, 5), min_size=c, max_size=c))
    # edges only from a later module to an earlier one: a DAG, as the workspace ensures
    edges = draw(
        st.lists(
            st.tuples(st.integers(0, k - 1), st.integers(0, k - 1)).filter(lambda e: e[0] > e[1]),
            max_size=k,
            unique=True,
        )
    )
    budget = draw(st.integers(0, 60))
    return problem(jp, p, taught, levels, targets, edges), budget


@settings(max_examples=150, deadline=None, database=None)
@given(problems())
def test_the_program_is_optimal_and_allowed(case):
    pr, budget = case
    chosen = select(pr, budget, 0).chosen
    assert allowed(pr, chosen, budget)
    best = brute_force(pr, budget)
    assert value(pr, chosen) >= best - tolerance(best, budget)


@settings(max_examples=80, deadline=None, database=None)
@given(problems(), st.integers(0, 60))
def test_the_minimum_is_reached_exactly_whenever_some_allowed_set_reaches_it(case, min_jp):
    pr, budget = case
    min_jp = min(min_jp, budget)
    selection = select(pr, budget, min_jp)
    chosen = selection.chosen
    assert allowed(pr, chosen, budget)
    reachable = [
        pr.jp[np.array(bits)].sum()
        for bits in itertools.product([False, True], repeat=len(pr.jp))
        if allowed(pr, np.array(bits), budget)
    ]
    if max(reachable) >= min_jp:
        assert pr.jp[chosen].sum() >= min_jp
        assert selection.short_of is None
    else:
        assert pr.jp[chosen].sum() == max(reachable)
        assert selection.short_of == max(reachable)


def test_a_senior_course_does_not_lift_a_level_0_learner():
    # MNJ-401-like: teaches at 4, the learner is at 0 → pitched too high alone
    pr = problem(jp=[12], p=[1.0], taught=[[4]], levels=[0], targets=[3])
    assert not select(pr, 40, 0).chosen.any()
    assert pr.too_high.tolist() == [True]


def test_a_rung_brings_the_senior_course_within_reach():
    # rung at 2 (direct from 0), then 4 (within two of the rung); gain counts from 0
    pr = problem(jp=[12, 8], p=[1.0, 1.0], taught=[[4], [2]], levels=[0], targets=[4])
    chosen = select(pr, 40, 0).chosen
    assert chosen.tolist() == [True, True]
    order = np.array([1, 0])
    assert reach_along(pr.taught[order], pr.levels).ravel().tolist() == [True, True]


def test_a_level_3_course_needs_a_rung_at_1_or_2_from_0():
    pr = problem(jp=[10, 4, 4], p=[1.0, 1.0, 1.0], taught=[[3], [1], [3]], levels=[0], targets=[3])
    assert pr.rungs(0, 0).tolist() == [1]  # the other level-3 module is no rung
    chosen = select(pr, 14, 0).chosen
    assert chosen.tolist() == [False, True, True]  # the cheaper level-3 module
    alone = problem(jp=[4], p=[1.0], taught=[[3]], levels=[0], targets=[3])
    assert not select(alone, 14, 0).chosen.any()


def test_a_module_within_reach_on_one_competency_is_not_pitched_too_high():
    # teaches M.07 at 4 (out of reach) and M.06 at 2 (within reach): allowed, M.07 no gain
    pr = problem(jp=[8], p=[1.0], taught=[[4, 2]], levels=[0, 0], targets=[4, 2])
    chosen = select(pr, 40, 0).chosen
    assert chosen.tolist() == [True]
    assert value(pr, chosen) == pytest.approx(2.0)


def test_ties_go_to_fewer_jp_then_to_the_lower_code():
    pr = problem(jp=[30, 8], p=[1.0, 1.0], taught=[[2], [2]], levels=[0], targets=[2])
    assert select(pr, 40, 0).chosen.tolist() == [False, True]
    same = problem(jp=[8, 8], p=[1.0, 1.0], taught=[[2], [2]], levels=[0], targets=[2])
    assert select(same, 40, 0).chosen.tolist() == [True, False]


def test_the_fill_is_a_subset_sum_not_a_first_fit():
    # gap module 4 JP; fillers 8, 9, 16: first fit by relevance (9, then 8) would give 21;
    # 4 + 16 = 20 reaches the minimum exactly
    pr = problem(
        jp=[4, 9, 8, 16],
        p=[0.9, 0.5, 0.5, 0.5],
        taught=[[1], [0], [0], [0]],
        levels=[0],
        targets=[1],
        relevance=[0.9, 0.8, 0.4, 0.1],
    )
    selection = select(pr, 40, 20)
    assert selection.chosen.tolist() == [True, False, False, True]
    assert selection.filled.tolist() == [False, False, False, True]


def test_when_the_best_path_leaves_no_room_the_most_valuable_path_that_reaches_the_minimum():
    # best alone: 19 JP; nothing of 1 JP exists, but 12 + 8 = 20 reaches it
    pr = problem(jp=[19, 12, 8], p=[1.0, 0.9, 0.1], taught=[[2], [2], [0]], levels=[0], targets=[2])
    selection = select(pr, 20, 20)
    assert pr.jp[selection.chosen].sum() == 20
    assert selection.chosen.tolist() == [False, True, True]


def test_fill_never_exceeds_the_budget_and_brings_prerequisites():
    pr = problem(
        jp=[4, 6, 10],
        p=[0.9, 0.5, 0.5],
        taught=[[1], [0], [0]],
        levels=[0],
        targets=[1],
        edges=[(2, 1)],
        relevance=[0.9, 0.1, 0.8],
    )
    assert select(pr, 20, 20).chosen.tolist() == [True, True, True]
    chosen = select(pr, 19, 20).chosen
    assert allowed(pr, chosen, 19)


def test_required_modules_and_literacy_enablers():
    # module 1 needs module 0 (the literacy module) to be taken at all
    enablers = np.array([[False, False], [True, False]])
    pr = problem(
        jp=[16, 8], p=[0.3, 0.9], taught=[[0], [2]], levels=[0], targets=[2], enablers=enablers
    )
    assert select(pr, 40, 0).chosen.tolist() == [True, True]
    assert not select(pr, 20, 0).chosen[1]  # both do not fit: neither is worth it
    required = problem(
        jp=[16, 8],
        p=[0.3, 0.9],
        taught=[[0], [2]],
        levels=[0],
        targets=[2],
        required=[True, False],
        enablers=enablers,
    )
    assert select(required, 20, 0).chosen[0]


def test_forbidden_modules_are_never_chosen():
    pr = problem(jp=[4, 6], p=[0.9, 0.8], taught=[[1], [1]], levels=[0], targets=[1])
    chosen = select(pr, 20, 0, forbidden=np.array([True, False])).chosen
    assert chosen.tolist() == [False, True]


def test_zero_budget_and_empty_problems():
    pr = problem(jp=[4], p=[0.9], taught=[[1]], levels=[0], targets=[1])
    assert not select(pr, 0, 0).chosen.any()
    empty = problem(jp=[], p=[], taught=np.zeros((0, 2), dtype=int), levels=[0, 0], targets=[1, 1])
    assert select(empty, 40, 20).chosen.shape == (0,)


def test_path_value_caps_each_competency_at_its_gap():
    assert path_value(np.array([2.0, 1.0]), np.array([3.5, 0.25])) == pytest.approx(2.25)


def test_unknown_method_is_refused():
    with pytest.raises(Exception, match="method"):
        PathOptions(method="greedy")
