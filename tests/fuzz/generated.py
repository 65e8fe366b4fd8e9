"""The hypothesis tests of the fuzz suite, made for a number of examples each.

``test_fuzz_fast.py`` (CI) and ``test_fuzz_slow.py`` (``pytest -m slow``) run the same
tests, a few dozen or a few hundred examples per format.
"""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import given

from fuzz import corpus
from fuzz.strategies import assert_clean, cases, cell_texts, fuzz_settings

__all__ = ["generated_tests"]


def generated_tests(examples: int) -> dict[str, Callable]:
    """Test functions by name, each drawing ``examples`` cases; they use a ``runner``."""
    strategies = {
        "test_csv_tables": cases(kinds=corpus.TABLE_KINDS, formats=["csv"]),
        "test_xlsx_tables": cases(kinds=corpus.TABLE_KINDS, formats=["xlsx"]),
        "test_moodle_frameworks": cases(kinds=["moodle"]),
        "test_case_packages": cases(kinds=["case"]),
        "test_any_text_in_any_cell": cell_texts(),
    }
    tests = {}
    for name, strategy in strategies.items():

        def test(runner, case):
            assert_clean(runner.check(case))

        test.__name__ = test.__qualname__ = name
        tests[name] = fuzz_settings(examples)(given(case=strategy)(test))
    return tests
