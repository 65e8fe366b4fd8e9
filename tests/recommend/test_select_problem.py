"""Selection (select.py) on small hand-made problems, against brute force."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from curriculum_tool.recommend import PathOptions
from curriculum_tool.recommend.select import SelectionProblem, path_value, select

#: HiGHS stops at a relative MIP gap of 1e-4, and ties trade 1e-5 of value per JP.
def tolerance(best: float, budget: int) -> float:
    return 1e-4 * best + 1e-5 * budget + 1e-9


def problem(jp, p, gain, gaps, edges=(), relevance=None) -> SelectionProblem:
    """``edges``: (module, requires) pairs of hard prerequisites, by position."""
    k = len(jp)
    prerequisites = np.zeros((k, k), dtype=bool)
    for module, requires in edges:
        prerequisites[module, requires] = True
    p = np.asarray(p, dtype=float)
    gain = np.asarray(gain, dtype=float).reshape(k, -1)
    if relevance is None:
        relevance = p * (gain.sum(axis=1) + 1e-3)
    return SelectionProblem(np.arange(k), np.asarray(jp), p, gain, np.asarray(gaps, float),
                            prerequisites, np.asarray(relevance, dtype=float))


def feasible(pr: SelectionProblem, chosen: np.ndarray, budget: float) -> bool:
    closed = all(chosen[r] for k in np.flatnonzero(chosen) for r in np.flatnonzero(pr.edges[k]))
    return closed and pr.jp[chosen].sum() <= budget + 1e-9


def brute_force(pr: SelectionProblem, budget: int) -> float:
    best = 0.0
    for bits in itertools.product([False, True], repeat=len(pr.jp)):
        chosen = np.array(bits)
        if feasible(pr, chosen, budget):
            best = max(best, pr.value(chosen))
    return best


@st.composite
def problems(draw):
    k = draw(st.integers(1, 7))
    g = draw(st.integers(1, 3))
    jp = draw(st.lists(st.integers(1, 20), min_size=k, max_size=k))
    p = draw(st.lists(st.floats(0.05, 1.0), min_size=k, max_size=k))
    gain = draw(st.lists(st.integers(0, 3), min_size=k * g, max_size=k * g))
    gaps = draw(st.lists(st.integers(0, 3), min_size=g, max_size=g))
    # edges only from a later module to an earlier one: a DAG, as the workspace ensures
    edges = draw(st.lists(st.tuples(st.integers(0, k - 1), st.integers(0, k - 1))
                          .filter(lambda e: e[0] > e[1]), max_size=k, unique=True))
    budget = draw(st.integers(0, 60))
    return problem(jp, p, gain, gaps, edges), budget


@settings(max_examples=150, deadline=None, database=None)
@given(problems())
def test_exact_is_optimal_and_greedy_is_feasible_and_no_better(case):
    pr, budget = case
    best = brute_force(pr, budget)
    exact = select(pr, budget, 0, "exact")
    greedy = select(pr, budget, 0, "greedy")
    assert feasible(pr, exact, budget) and feasible(pr, greedy, budget)
    assert pr.value(exact) >= best - tolerance(best, budget)
    assert pr.value(exact) <= best + 1e-9
    assert pr.value(greedy) <= pr.value(exact) + tolerance(best, budget)


@settings(max_examples=100, deadline=None, database=None)
@given(jp=st.lists(st.integers(1, 30), min_size=1, max_size=7),
       data=st.data(), budget=st.integers(1, 60))
def test_greedy_is_at_least_half_optimal_on_a_plain_knapsack(jp, data, budget):
    """One competency per module, gaps never saturated, no prerequisites: the classic
    knapsack where the greedy-plus-best-single guard is at least half-optimal."""
    k = len(jp)
    p = data.draw(st.lists(st.floats(0.05, 1.0), min_size=k, max_size=k))
    gain = data.draw(st.lists(st.integers(1, 3), min_size=k, max_size=k))
    pr = problem(jp, p, np.diag(gain), [10.0] * k)
    best = brute_force(pr, budget)
    assert pr.value(select(pr, budget, 0, "greedy")) >= best / 2 - 1e-9


@pytest.mark.parametrize("method", ["exact", "greedy"])
def test_a_prerequisite_without_value_is_pulled_in_when_it_unlocks_value(method):
    # module 1 closes the gap but hard-requires module 0, which teaches nothing useful
    pr = problem(jp=[10, 10, 4], p=[0.9, 0.9, 0.9], gain=[[0], [2], [0]], gaps=[2],
                 edges=[(1, 0)])
    assert select(pr, 20, 0, method).tolist() == [True, True, False]
    # the bundle costs 20 JP: with 19 the gap-closing module cannot come at all
    assert not select(pr, 19, 0, method)[1]
    assert not select(pr, 19, 0, method)[0]


@pytest.mark.parametrize("method", ["exact", "greedy"])
def test_a_transitive_chain_comes_whole(method):
    pr = problem(jp=[5, 5, 5], p=[1, 1, 1], gain=[[0], [0], [3]], gaps=[3],
                 edges=[(2, 1), (1, 0)])
    assert select(pr, 15, 0, method).all()
    assert not select(pr, 14, 0, method).any()


def test_exact_beats_greedy_where_value_per_jp_misleads():
    # greedy takes the small dense module first, then the big one no longer fits
    pr = problem(jp=[2, 40], p=[1.0, 1.0], gain=[[1, 0], [0, 10]], gaps=[1, 10])
    assert select(pr, 40, 0, "exact").tolist() == [False, True]
    greedy = select(pr, 40, 0, "greedy")
    assert pr.value(greedy) == pytest.approx(10.0)  # the best-single guard saves it


def test_exact_breaks_ties_towards_fewer_jp():
    # each alone closes the whole gap: taking both adds nothing, the cheaper one wins
    pr = problem(jp=[30, 8], p=[1.0, 1.0], gain=[[2], [2]], gaps=[2])
    assert select(pr, 40, 0, "exact").tolist() == [False, True]


@pytest.mark.parametrize("method", ["exact", "greedy"])
def test_min_jp_is_filled_with_the_most_relevant_modules_within_the_budget(method):
    # one 4-JP gap module; fillers ranked by relevance; the 30-JP filler never fits
    pr = problem(jp=[4, 8, 8, 30, 6], p=[0.9, 0.5, 0.5, 0.9, 0.5],
                 gain=[[1], [0], [0], [0], [0]], gaps=[1],
                 relevance=[0.9, 0.2, 0.4, 0.9, 0.1])
    assert select(pr, 24, 0, method).tolist() == [True, False, False, False, False]
    # 4 → +8 (relevance 0.4) → +8 (0.2) = 20 JP: the minimum is reached, stop
    assert select(pr, 24, 20, method).tolist() == [True, True, True, False, False]
    # 22 JP cannot be reached within 24 (the 6-JP filler would make 26): stay at 20
    assert select(pr, 24, 22, method).tolist() == [True, True, True, False, False]
    # a 16-JP budget: 4 + 8, then nothing more fits
    chosen = select(pr, 16, 20, method)
    assert chosen.tolist() == [True, False, True, False, False]


@pytest.mark.parametrize("method", ["exact", "greedy"])
def test_fill_never_exceeds_the_budget_and_brings_prerequisites(method):
    # the only filler that fits needs its prerequisite: both come, or neither
    pr = problem(jp=[4, 6, 10], p=[0.9, 0.5, 0.5], gain=[[1], [0], [0]], gaps=[1],
                 edges=[(2, 1)], relevance=[0.9, 0.1, 0.8])
    chosen = select(pr, 20, 20, method)
    assert chosen.tolist() == [True, True, True]
    chosen = select(pr, 19, 20, method)        # the bundle (16 JP) no longer fits
    assert pr.jp[chosen].sum() <= 19
    assert not chosen[2]
    assert feasible(pr, chosen, 19)


@pytest.mark.parametrize("method", ["exact", "greedy"])
def test_zero_budget_and_empty_problems(method):
    pr = problem(jp=[4], p=[0.9], gain=[[1]], gaps=[1])
    assert not select(pr, 0, 0, method).any()
    empty = SelectionProblem(np.zeros(0, dtype=int), np.zeros(0), np.zeros(0),
                             np.zeros((0, 2)), np.ones(2), np.zeros((0, 0), dtype=bool),
                             np.zeros(0))
    assert select(empty, 40, 20, method).shape == (0,)


def test_unknown_method_is_refused():
    pr = problem(jp=[4], p=[0.9], gain=[[1]], gaps=[1])
    with pytest.raises(ValueError, match="method"):
        select(pr, 10, 0, "random")


def test_path_value_caps_each_competency_at_its_gap():
    assert path_value(np.array([2.0, 1.0]), np.array([3.5, 0.25])) == pytest.approx(2.25)


@pytest.mark.parametrize("max_jp", [20, 40, 80])
def test_on_real_learners_exact_is_never_worse_than_greedy(recommender, max_jp):
    for learner in ["DEMO-001", "DEMO-007", "DEMO-013", "DEMO-018", "DEMO-041",
                    "T-PALU-AK", "T-SLT-PBJ", "T-JKT-KOMP"]:
        exact = recommender.recommend(learner, PathOptions(max_jp=max_jp, min_jp=0))
        greedy = recommender.recommend(learner, PathOptions(max_jp=max_jp, min_jp=0,
                                                            method="greedy"))
        assert exact.total_jp <= max_jp and greedy.total_jp <= max_jp
        assert exact.expected_value >= greedy.expected_value - tolerance(
            exact.expected_value, max_jp), learner
