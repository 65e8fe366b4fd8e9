"""A model card's human text, in English and in Bahasa Indonesia.

A card is stored as JSON in English, and its digest covers every byte of it (see
:func:`~.persist.model_digest`): the text must stay exactly as it was written. So the
card keeps its English, and the app reads the Indonesian from the stored facts at display
time: :func:`card_text` recognises a stored sentence this version writes (target meaning,
evaluation split, estimator, intended use, limits, the default model's training data and
feature notes), parameters included, and returns it as a
:class:`~curriculum_tool.messages.Message`. A sentence it does not know (a card of
another version, or written by hand) is returned as it is stored.

>>> card = {"evaluation": {"split": "held-out learners, enrolments on or after the "
...     "cut-off; training on the other learners before it"}, "training_data": "simulated: "
...     "20,000 synthetic learners over the shipped catalog, seed 0 (docs/simulator.md)"}
>>> card_text(card, "training_data").render("id")
'simulasi: 20.000 peserta sintetis pada katalog bawaan, seed 0 (docs/simulator.md)'
>>> card_text(card, "evaluation.split").kind
'model.card:split'
>>> card_text({"limits": "written by hand"}, "limits")
'written by hand'
"""

from __future__ import annotations

import re
import string
from typing import Any

from ..messages import Catalogue, Message

__all__ = [
    "CARD_FIELDS",
    "SAID",
    "calibration_bin",
    "card_text",
    "card_texts",
    "estimator_text",
    "target_meaning",
]

SAID = Catalogue(
    "model.card",
    {
        "target_meaning_l3": (
            "completed and applied at work (l3 = 1)",
            "selesai dan diterapkan di tempat kerja (l3 = 1)",
        ),
        "target_meaning_completed": ("completed", "selesai mengikuti modul"),
        "split": (
            "held-out learners, enrolments on or after the cut-off; "
            "training on the other learners before it",
            "peserta yang disisihkan, pendaftaran pada atau sesudah batas tanggal; model "
            "dilatih pada pendaftaran peserta lain sebelum tanggal itu",
        ),
        "estimator": (
            "{estimator}({iterations} iterations, learning_rate={learning_rate}, "
            "max_leaf_nodes={max_leaf_nodes}) on category codes and numbers",
            "{estimator}({iterations} iterasi, learning_rate={learning_rate}, "
            "max_leaf_nodes={max_leaf_nodes}) pada kode kategori dan angka",
        ),
        "estimator_logistic": (
            "{estimator} on one-hot categories and scaled numbers (it ranked the latest "
            "training enrolments better than the gradient-boosted trees)",
            "{estimator} pada kategori one-hot dan angka terskala (peringkatnya atas "
            "pendaftaran pelatihan terbaru lebih baik daripada pohon gradient boosting)",
        ),
        "intended_use": (
            "Estimate the probability that an Indonesian civil servant completes a competency "
            "development module and applies it at work (Kirkpatrick level 3), to rank modules "
            "in an individual learning path. Decision support for training officers, who "
            "review every path.",
            "Memperkirakan peluang seorang ASN menyelesaikan modul pengembangan kompetensi "
            "dan menerapkannya di tempat kerja (Kirkpatrick level 3), untuk mengurutkan modul "
            "dalam jalur belajar individu. Pendukung keputusan bagi pengelola pelatihan, yang "
            "meninjau setiap jalur.",
        ),
        "limits": (
            "Learns only from the enrolments recorded in this workspace: modules, regions and "
            "positions with few outcomes get estimates close to the average. Not for judging "
            "individuals (performance appraisal, promotion). A model trained on simulated "
            "data reflects the simulator's documented assumptions, not real learners.",
            "Hanya belajar dari pendaftaran yang tercatat di ruang kerja ini: modul, wilayah "
            "dan jabatan dengan sedikit hasil pelatihan mendapat perkiraan yang mendekati "
            "rata-rata. Bukan untuk menilai perorangan (penilaian kinerja, promosi). Model "
            "yang dilatih pada data simulasi mencerminkan asumsi simulator yang "
            "terdokumentasi, bukan peserta sebenarnya.",
        ),
        # A calibration bin of the metrics, as :func:`.evaluate.calibration_table` names it.
        "calibration_bin": ("{low:.1f}–{high:.1f}", "{low:.1f}–{high:.1f}"),
        # Written by tools/build_default_model.py into the shipped default model's card.
        "training_data_simulated": (
            "simulated: {learners:,} synthetic learners over the shipped catalog, "
            "seed {seed} (docs/simulator.md)",
            "simulasi: {learners:,} peserta sintetis pada katalog bawaan, "
            "seed {seed} (docs/simulator.md)",
        ),
        "feature_notes_hazards": (
            "hazard_exposure reads a region's hazards as contract §2 has "
            "them since schema 3: a region that lists any hazard inherits "
            "none from its parent (before: each missing hazard came from "
            "the province); the hazard vocabulary includes banjir_bandang "
            "and likuefaksi",
            "hazard_exposure membaca bahaya suatu wilayah sebagaimana diatur kontrak §2 "
            "sejak skema 3: wilayah yang mencantumkan setidaknya satu bahaya tidak mewarisi "
            "bahaya apa pun dari induknya (sebelumnya: setiap bahaya yang tidak tercantum diambil "
            "dari provinsi); kosakata bahaya mencakup banjir_bandang dan likuefaksi",
        ),
    },
)

#: The card's human-text fields (``evaluation.split`` is ``card["evaluation"]["split"]``)
#: and the kinds of :data:`SAID` each may hold.
CARD_FIELDS: dict[str, tuple[str, ...]] = {
    "target_meaning": ("target_meaning_l3", "target_meaning_completed"),
    "training_data": ("training_data_simulated",),
    "evaluation.split": ("split",),
    "estimator": ("estimator", "estimator_logistic"),
    "feature_notes": ("feature_notes_hazards",),
    "intended_use": ("intended_use",),
    "limits": ("limits",),
}


def target_meaning(target: str) -> Message:
    """What a model of ``target`` predicts, as its card says it."""
    return SAID("target_meaning_l3" if target == "l3" else "target_meaning_completed")


def estimator_text(
    estimator: str, iterations: int, learning_rate: Any, max_leaf_nodes: Any
) -> Message:
    """The card's description of a fitted gradient-boosting classifier.

    ``learning_rate`` and ``max_leaf_nodes`` are written as Python writes them (they are
    the estimator's parameters, ``0.2`` in either language).
    """
    return SAID(
        "estimator",
        estimator=estimator,
        iterations=iterations,
        learning_rate=str(learning_rate),
        max_leaf_nodes=str(max_leaf_nodes),
    )


def calibration_bin(label: str) -> str:
    """A calibration bin's stored label (``0.0–0.1``) with the numbers in each language's
    style (``0,0–0,1``); a label of another form as it is.

    >>> calibration_bin("0.2–0.3").render("id"), calibration_bin("low")
    ('0,2–0,3', 'low')
    """
    match = re.fullmatch(r"(\d+\.\d)–(\d+\.\d)", str(label))
    if match is None:
        return str(label)
    message = SAID("calibration_bin", low=float(match[1]), high=float(match[2]))
    return message if message == label else str(label)


def _stored(card: Any, field: str) -> Any:
    value: Any = card
    for key in field.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _whole_number(spec: str) -> bool:
    return spec.endswith((",", "d"))


def _parsed(template: str, text: str) -> dict[str, Any] | None:
    """The parameters that make ``template`` read ``text``, or None."""
    pattern, specs = "", {}
    for literal, field, spec, _conversion in string.Formatter().parse(template):
        pattern += re.escape(literal)
        if field is None:
            continue
        if field in specs:
            pattern += f"(?P={field})"
        else:
            pattern += f"(?P<{field}>.*?)"
            specs[field] = spec or ""
    match = re.fullmatch(pattern, text, re.DOTALL)
    if match is None:
        return None
    params: dict[str, Any] = {}
    for name, spec in specs.items():
        value: Any = match.group(name)
        if _whole_number(spec):
            digits = value.replace(",", "")
            if not digits.isdigit():
                return None
            value = int(digits)
        params[name] = value
    return params


def card_text(card: dict[str, Any], field: str) -> str:
    """The stored text of ``field`` (a key of :data:`CARD_FIELDS`) as a message when this
    version wrote it, else as stored (``""`` when the card has none)."""
    stored = _stored(card, field)
    if stored is None:
        return ""
    text = str(stored)
    for kind in CARD_FIELDS.get(field, ()):
        params = _parsed(SAID.templates[kind][0], text)
        if params is not None:
            message = SAID(kind, **params)
            if message == text:  # the English reads back exactly as stored
                return message
    return text


def card_texts(card: dict[str, Any]) -> dict[str, str]:
    """Every human-text field the card has, each as :func:`card_text` gives it."""
    return {field: card_text(card, field) for field in CARD_FIELDS if _stored(card, field)}
