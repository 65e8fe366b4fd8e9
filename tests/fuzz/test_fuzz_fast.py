"""The CI slice of the import fuzz suite: a few dozen generated files per format, and every
hand-made case once.

Each file is imported in-process into a fresh copy of a prepared workspace, in a worker
process with a 10 s limit (:mod:`fuzz.oracle`). Any traceback, partial write, hang, bad
file accepted, good file refused, unlocated or multi-line message, or wrong row count
fails the test, which prints the case and how to make it again. ``test_fuzz_slow.py`` runs
the same with many more examples (``pytest -m slow``).
"""

from __future__ import annotations

from fuzz import corpus
from fuzz.generated import generated_tests
from fuzz.strategies import assert_all_clean

EXAMPLES = 30


globals().update(generated_tests(EXAMPLES))


def test_every_mutation_once(runner):
    """Hypothesis favours some mutations in a few dozen examples: this runs each one."""
    cases = corpus.sweep(seed=0, light=True)
    assert_all_clean(runner.run(cases))


def test_hand_made_cases(runner):
    """Far cells, stale dimensions, truncation, XML and zip bombs, deep nesting, huge
    numbers, surrogates, NUL, control characters, row limits, the Moodle chain…"""
    hand_made = corpus.hand_made_cases()
    results = list(runner.run(hand_made))
    assert len(results) == len(hand_made)
    assert_all_clean(results)
