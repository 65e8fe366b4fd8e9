"""Hypothesis strategies over the corpus, and the assertion every fuzz test makes.

The mutations take a ``random.Random``; ``st.randoms(use_true_random=False)`` gives one
whose every choice hypothesis makes, so the same mutation code serves the seeded
benchmark and the property tests. :func:`cell_texts` adds hypothesis's own text
generation (every code point, surrogates included) in any cell of any table.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from hypothesis import HealthCheck, Phase, settings, strategies as st

from curriculum_tool.domain import RECORD_TYPES

from . import corpus
from .base import MUTATIONS
from .oracle import FAILURES, Result
from .table_mutations import any_cell_text

__all__ = ["assert_all_clean", "assert_clean", "cases", "cell_texts", "fuzz_settings"]


def fuzz_settings(examples: int) -> settings:
    """Reproducible runs (``derandomize``), no deadline (an import is not a unit), and no
    shrinking: a failing case is printed whole, with the file it made, and shrinking would
    re-run imports for minutes."""
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
        ],
    )


@st.composite
def cases(
    draw: st.DrawFn, kinds: Iterable[str] | None = None, formats: Iterable[str] | None = None
) -> corpus.Case:
    """A mutation (each equally likely, so a few dozen examples cover most of them), a
    kind and format it applies to, then its random choices."""
    available = corpus.combos(kinds, formats)
    name = draw(st.sampled_from(sorted({m.name for _, _, m in available})))
    kind, fmt = draw(st.sampled_from([(k, f) for k, f, m in available if m.name == name]))
    rnd = draw(st.randoms(use_true_random=False))
    return MUTATIONS[name].make(rnd, kind, fmt)


_CELLS = [(kind, column) for kind, record in RECORD_TYPES.items() for column in record.COLUMNS]


@st.composite
def cell_texts(draw: st.DrawFn) -> corpus.Case:
    """Any text (any code point, lone surrogates too) in one cell of a valid table."""
    kind, column = draw(st.sampled_from(_CELLS))
    fmt = draw(st.sampled_from(["csv", "xlsx"]))
    text = draw(st.text(st.characters(codec=None, exclude_categories=()), max_size=40))
    return any_cell_text(kind, fmt, draw(st.integers(0, 2**32)), column, text)


def assert_clean(result: Result) -> None:
    assert not result.failures, result.describe()


def assert_all_clean(results: Iterable[Result]) -> None:
    """No failure of any class; the message names each class's count and examples."""
    results = list(results)
    failed = [r for r in results if r.failures]
    counts = Counter(name for r in failed for name, _ in r.failures)
    lines = [
        f"{len(failed)} of {len(results)} cases failed: "
        + ", ".join(f"{counts[name]} {name}" for name in FAILURES if counts[name])
    ]
    for name in FAILURES:
        examples = [r for r in failed if any(n == name for n, _ in r.failures)][:3]
        lines += [r.describe() for r in examples]
    assert not failed, "\n".join(lines)
