"""A path as plain text for the terminal: periods, steps with their reasons, left-out modules.

English by default (what ``recommend`` prints); ``lang="id"`` writes it in Bahasa
Indonesia, reasons included, for ``recommend --lang id``.
"""

from __future__ import annotations

from itertools import groupby

from ..domain import LearnerPath
from ..domain.labels import label
from ..errors import in_language
from ..messages import Catalogue

__all__ = ["SAID", "path_text"]

#: Every sentence of the text: headings and the lines that hold words.
SAID = Catalogue(
    "recommend.text",
    {
        "heading": (
            "Learning path for {learner} ({position}, region {region}), model {model}",
            "Jalur belajar peserta {learner} ({position}, wilayah {region}), model {model}",
        ),
        "no_model": ("no model", "tanpa model"),
        "budget": (
            "{total} JP of {max_jp} (yearly minimum {min_jp}); expected value {value:.2f}",
            "{total} JP dari {max_jp} (minimum tahunan {min_jp}); nilai harapan {value:.2f}",
        ),
        "obligations": (
            "Compulsory programmes (outside the JP budget):",
            "Program wajib (di luar anggaran JP):",
        ),
        "period": ("Period {period}", "Periode {period}"),
        "step": (
            "{jp} JP, {modality}, P(success) {p:.2f}, value {value:.2f}",
            "{jp} JP, {modality}, P(berhasil) {p:.2f}, nilai {value:.2f}",
        ),
        "no_step": (
            "No step: no takeable module closes a gap.",
            "Tidak ada langkah: tidak ada modul yang dapat diikuti yang menutup kesenjangan.",
        ),
        "left_out": ("Left out:", "Tidak dipilih:"),
        "more": (
            "... and {rest} more (see --format json)",
            "... dan {rest} lainnya (lihat --format json)",
        ),
    },
)


def path_text(path: LearnerPath, excluded_limit: int = 15, lang: str = "en") -> str:
    """What ``recommend`` prints without ``--format json``, in ``lang`` (``en`` or ``id``)."""

    def said(kind: str, **params: object) -> str:
        return SAID(kind, **params).render(lang)

    def text(message: str) -> str:  # a reason's Indonesian in ``id``
        return in_language(message, lang)

    model = path.model_name or said("no_model")
    lines = [
        said(
            "heading",
            learner=path.learner,
            position=path.position,
            region=path.region,
            model=model,
        ),
        said(
            "budget",
            total=path.total_jp,
            max_jp=path.max_jp,
            min_jp=path.min_jp,
            value=path.expected_value,
        ),
    ]
    if path.below_minimum is not None:
        lines.append(text(path.below_minimum))
    if path.obligations:
        lines += ["", said("obligations")]
        lines += [
            f"  - {o.module}  {o.title}, {o.jp} JP ({o.regulation})" for o in path.obligations
        ]
    number = 0
    for period, steps in groupby(path.steps, key=lambda step: step.period):
        lines.append("")
        lines.append(said("period", period=period))
        for step in steps:
            number += 1
            lines.append(f"  {number}. {step.module}  {step.title}")
            modality = label("modality", step.modality, lang)
            lines.append(
                "     "
                + said("step", jp=step.jp, modality=modality, p=step.p_success, value=step.value)
            )
            lines.extend(f"     - {text(reason)}" for reason in step.reasons)
    if not path.steps:
        lines += ["", said("no_step")]
    if path.excluded:
        lines += ["", said("left_out")]
        lines += [f"  - {e.module}: {text(e.reason)}" for e in path.excluded[:excluded_limit]]
        rest = len(path.excluded) - excluded_limit
        if rest > 0:
            lines.append("  " + said("more", rest=rest))
    return "\n".join(lines)
