"""Who a path document is addressed to: the learner's details as the document shows them,
masked or not, and how a learner is labelled when nothing else is known. No Qt."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..domain import LearnerPath
from .summary import CompetencyGap, ReportContext

__all__ = ["LearnerDetails", "given_details", "masked_id", "shown_label"]


def masked_id(learner: str) -> str:
    """The learner id with all but its first and last two characters hidden."""
    if len(learner) <= 4:
        return "*" * len(learner)
    return learner[:2] + "*" * (len(learner) - 4) + learner[-2:]


@dataclass(frozen=True)
class LearnerDetails:
    """What the document says besides the path, already masked or not.

    ``label`` identifies the learner (the NIP when ``unmasked``, a pseudonym otherwise;
    None: the path's id with its middle hidden). ``gaps`` are the learner's competency
    gaps from the workspace (None: only what the path's own reasons say).
    ``module_competencies`` (module → (competency, level taught)) decides which left-out
    modules would close one of those gaps.
    """

    name: str = ""
    label: str | None = None
    unmasked: bool = False
    position_title: str = ""
    region_name: str = ""
    unit: str = ""
    supervisor_name: str = ""
    supervisor_label: str = ""
    gaps: tuple[CompetencyGap, ...] | None = None
    module_titles: Mapping[str, str] = field(default_factory=dict)
    module_competencies: Mapping[str, tuple[tuple[str, int], ...]] = field(default_factory=dict)

    @classmethod
    def from_context(cls, context: ReportContext, path: LearnerPath) -> LearnerDetails:
        """The details of ``path``'s learner as ``context`` shows them (masked unless
        ``context.unmask``)."""
        learner = path.learner
        record = context.learners.get(learner)
        supervisor = context.supervisor(learner)
        if supervisor is not None and supervisor not in context.learners:
            supervisor = None  # someone the workspace does not know: a blank line to sign
        return cls(
            name=context.learner_name(learner),
            label=context.learner_label(learner),
            unmasked=context.unmask,
            position_title=context.position_title(path.position),
            region_name=context.region_name(path.region),
            unit=record.unit if record is not None else "",
            supervisor_name=context.learner_name(supervisor) if supervisor else "",
            supervisor_label=context.learner_label(supervisor) if supervisor else "",
            gaps=context.gap_table.get(learner) if context.gap_table else None,
            module_titles=context.module_titles,
            module_competencies=context.module_competencies,
        )


def given_details(
    path: LearnerPath, name: str | None, label: str | None, position_title: str, region_name: str
) -> LearnerDetails:
    """Details from the caller's own values: the learner is shown unmasked when the label
    given is their id itself."""
    return LearnerDetails(
        name=name or "",
        label=label,
        unmasked=label == path.learner,
        position_title=position_title,
        region_name=region_name,
    )


def shown_label(path: LearnerPath, details: LearnerDetails) -> str:
    """How the document names the learner: their label, else their id half hidden."""
    return details.label if details.label is not None else masked_id(path.learner)
