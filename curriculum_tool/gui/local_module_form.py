"""The local module form and the pieces it shares with the regions tab.

The form lives in :mod:`curriculum_tool.gui.regions.local_module_form`, its input
widgets in :mod:`~curriculum_tool.gui.regions.fields` and the vocabulary labels in
:mod:`curriculum_tool.gui.vocab_labels`; this module keeps the names imported from here.
"""

from __future__ import annotations

from .regions.fields import ProblemList, combo_code, competency_combo, level_combo
from .regions.local_module_form import HAZARD_PRESELECT, LocalModuleForm, SaveModule
from .regions.prerequisite_picker import PrerequisitePicker
from .vocab_labels import (
    connectivity_label,
    field_label,
    format_index,
    hazard_label,
    hazard_short_label,
    modality_label,
    status_label,
)

__all__ = [
    "HAZARD_PRESELECT",
    "LocalModuleForm",
    "PrerequisitePicker",
    "ProblemList",
    "SaveModule",
    "combo_code",
    "competency_combo",
    "connectivity_label",
    "field_label",
    "format_index",
    "hazard_label",
    "hazard_short_label",
    "level_combo",
    "modality_label",
    "status_label",
]
