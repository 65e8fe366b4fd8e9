"""A path as plain text for the terminal: periods, steps with their reasons, left-out modules."""

from __future__ import annotations

from itertools import groupby

from ..domain import LearnerPath
from ..domain.labels import label

__all__ = ["path_text"]


def path_text(path: LearnerPath, excluded_limit: int = 15) -> str:
    """What ``recommend`` prints without ``--format json``."""
    model = path.model_name or "no model"
    lines = [
        f"Learning path for {path.learner} ({path.position}, region {path.region}), model {model}",
        f"{path.total_jp} JP of {path.max_jp} (yearly minimum {path.min_jp}); "
        f"expected value {path.expected_value:.2f}",
    ]
    if path.below_minimum is not None:
        lines.append(str(path.below_minimum))
    if path.obligations:
        lines += ["", "Compulsory programmes (outside the JP budget):"]
        lines += [
            f"  - {o.module}  {o.title}, {o.jp} JP ({o.regulation})" for o in path.obligations
        ]
    number = 0
    for period, steps in groupby(path.steps, key=lambda step: step.period):
        lines.append("")
        lines.append(f"Period {period}")
        for step in steps:
            number += 1
            lines.append(f"  {number}. {step.module}  {step.title}")
            lines.append(
                f"     {step.jp} JP, {label('modality', step.modality, 'en')}, P(success) "
                f"{step.p_success:.2f}, value {step.value:.2f}"
            )
            lines.extend(f"     - {reason}" for reason in step.reasons)
    if not path.steps:
        lines += ["", "No step: no takeable module closes a gap."]
    if path.excluded:
        lines += ["", "Left out:"]
        lines += [f"  - {e.module}: {e.reason}" for e in path.excluded[:excluded_limit]]
        rest = len(path.excluded) - excluded_limit
        if rest > 0:
            lines.append(f"  ... and {rest} more (see --format json)")
    return "\n".join(lines)
