"""The Model tab speaks the interface's language, core sentences included.

A card is stored in English (its digest covers it); the tab shows its sentences (the
evaluation split, the estimator, the training data, intended use and limits), a refused
model's reason, library mismatches and the training stages in Bahasa Indonesia, and in
English when the interface is English.
"""

from __future__ import annotations

import json
import sqlite3

import pytest

from curriculum_tool.catalog import create_workspace, default_model_path
from curriculum_tool.gui import training_panel
from curriculum_tool.gui.i18n import install_language
from curriculum_tool.gui.model_tab import ModelTab
from curriculum_tool.model.card_text import card_text
from curriculum_tool.model.persist import install_model_files, model_digest
from curriculum_tool.model.train import STAGE_LABELS as CORE_STAGE_LABELS

#: The card's sentences the details table shows.
SHOWN = ("evaluation.split", "estimator", "training_data", "intended_use", "limits")


@pytest.fixture
def default_workspace(tmp_path):
    """The shipped catalog with its default model."""
    ws = create_workspace(tmp_path / "default.sqlite")
    yield ws
    ws.close()


@pytest.fixture
def english(qapp):
    """The interface in English for one test, then back in Indonesian."""
    assert install_language("en")
    yield
    install_language("id")


def make_tab(qtbot, workspace) -> ModelTab:
    tab = ModelTab(workspace)
    qtbot.addWidget(tab)
    tab.resize(1260, 740)
    tab.show()
    return tab


def test_the_card_shows_its_sentences_in_indonesian(qtbot, default_workspace):
    tab = make_tab(qtbot, default_workspace)
    card = tab.model_named("default").card
    details = tab.card.details.toPlainText()
    for field in SHOWN:
        said = card_text(card, field)
        assert said.indonesian in details, field
        assert str(said) not in details, field  # not the stored English
    assert "simulasi: 20.000 peserta sintetis" in details  # Indonesian numbers
    assert "iterasi" in details and "pada kode kategori dan angka" in details
    # the target is said once, in Indonesian, not followed by the card's English meaning
    assert card["target_meaning"] not in details
    assert "selesai dan diterapkan di tempat kerja (Kirkpatrick level 3" in details


def test_the_card_shows_its_stored_english_in_english(qtbot, default_workspace, english):
    tab = make_tab(qtbot, default_workspace)
    card = tab.model_named("default").card
    details = tab.card.details.toPlainText()
    for field in SHOWN:
        stored = card[field] if "." not in field else card["evaluation"]["split"]
        assert stored in details, field
        assert card_text(card, field).indonesian not in details, field


def _other_versions(workspace) -> None:
    """Store the shipped model as 'lama', its card saying another scikit-learn made it
    (sealed again, as whoever copied it from an older installation would have it)."""
    install_model_files(workspace, default_model_path(), "lama", activate=False)
    conn = sqlite3.connect(workspace.target)
    try:
        payload, text = conn.execute(
            "SELECT payload, card FROM models WHERE name = 'lama'"
        ).fetchone()
        card = json.loads(text)
        card["library_versions"]["scikit-learn"] = "1.2.0"
        card["sha256"] = model_digest(payload, card)
        with conn:
            conn.execute(
                "UPDATE models SET card = ?, sha256 = ? WHERE name = 'lama'",
                (json.dumps(card), card["sha256"]),
            )
    finally:
        conn.close()


def test_a_refused_model_says_why_in_indonesian(qtbot, default_workspace):
    _other_versions(default_workspace)
    tab = make_tab(qtbot, default_workspace)
    tab.select("lama")
    refusal = tab.card.refusal.text()
    assert tab.card.refusal.isVisible()
    assert refusal.startswith("Model ini ditolak dan tidak akan dipakai: model 'lama' dilatih ")
    assert "scikit-learn 1.2.0 (instalasi ini memakai " in refusal
    assert "this installation" not in refusal and "retrain" not in refusal
    row = next(r for r in range(tab.list.rowCount()) if tab.list.item(r, 0).text() == "lama")
    assert "latih ulang dengan 'train'" in tab.list.item(row, 0).toolTip()
    details = tab.card.details.toPlainText()
    assert "Tidak cocok dengan instalasi ini: scikit-learn 1.2.0 (instalasi ini memakai " in details


def test_a_refused_model_says_why_in_english(qtbot, default_workspace, english):
    _other_versions(default_workspace)
    tab = make_tab(qtbot, default_workspace)
    tab.select("lama")
    refusal = tab.card.refusal.text()
    assert "model 'lama' was trained with scikit-learn 1.2.0 (this installation has " in refusal


def without(monkeypatch, stage: str) -> None:
    """The panel as if it had no words of its own for ``stage``."""
    labels = {key: label for key, label in training_panel.STAGE_LABELS.items() if key != stage}
    monkeypatch.setattr(training_panel, "STAGE_LABELS", labels)


def test_a_training_stage_reads_in_indonesian(qtbot, monkeypatch):
    panel = training_panel.TrainingPanel()
    qtbot.addWidget(panel)
    panel.begin("m")
    panel.show_stage(2, 7, "split")
    assert panel.label.text() == "Melatih model “m”: Memisahkan data latih dan data uji"
    # a stage the panel has no words of its own for: the core's label, in Indonesian
    without(monkeypatch, "store")
    panel.show_stage(7, 7, "store")
    assert panel.label.text() == f"Melatih model “m”: {CORE_STAGE_LABELS['store'].indonesian}"
    assert panel.label.text().endswith("menyimpan model")


def test_a_stage_without_a_panel_label_is_english_in_english(qtbot, monkeypatch, english):
    without(monkeypatch, "refit")
    panel = training_panel.TrainingPanel()
    qtbot.addWidget(panel)
    assert panel.stage_text("refit") == "refitting on every labelled enrolment"
