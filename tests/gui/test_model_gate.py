"""The Model tab shows the promotion gate: the candidate against the active model and the
baselines on the same held-out rows, the decision, and "Promosikan", which needs a
written reason when the gate did not pass the model."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from threadpoolctl import threadpool_limits

from curriculum_tool.catalog import create_workspace
from curriculum_tool.gui import model_tab as model_tab_module
from curriculum_tool.gui.model_tab import ModelTab
from curriculum_tool.io import import_file
from curriculum_tool.model.persist import list_models, load_model, save_model
from curriculum_tool.model.train import TrainResult
from curriculum_tool.model.training import train_and_store
from curriculum_tool.simulate import simulate_to_dir
from curriculum_tool.store import Workspace


@pytest.fixture(scope="module")
def trained_source(tmp_path_factory) -> Path:
    """A closed workspace: shipped catalog, default model (active), 600 simulated
    learners and a candidate 'kandidat' that the gate kept (it does not beat the
    default)."""
    folder = tmp_path_factory.mktemp("gate_sim")
    simulate_to_dir(folder, 600, seed=1)
    path = folder / "ws.sqlite"
    with create_workspace(path) as ws, threadpool_limits(limits=1):
        import_file(ws, "learners", folder / "learners.csv")
        import_file(ws, "outcomes", folder / "outcomes.csv")
        train_and_store(ws, name="kandidat", seed=0)
    return path


@pytest.fixture
def workspace(trained_source, tmp_path):
    target = tmp_path / "ws.sqlite"
    source, destination = sqlite3.connect(trained_source), sqlite3.connect(target)
    try:
        source.backup(destination)
    finally:
        source.close()
        destination.close()
    ws = Workspace.open(target)
    yield ws
    ws.close()


@pytest.fixture
def warnings(monkeypatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []

    def warning(_parent, title, text, *args, **kwargs):
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(model_tab_module.QMessageBox, "warning", warning)
    return shown


@pytest.fixture
def reasons(monkeypatch):
    """What the reason dialog answers (a list of (text, accepted) to pop), and what it
    was asked."""
    answers: list[tuple[str, bool]] = []
    asked: list[str] = []

    def ask(_parent, title, label, *args, **kwargs):
        asked.append(label)
        return answers.pop(0)

    monkeypatch.setattr(model_tab_module.QInputDialog, "getMultiLineText", ask)
    return answers, asked


def make_tab(qtbot, workspace) -> ModelTab:
    tab = ModelTab(workspace)
    qtbot.addWidget(tab)
    tab.resize(1260, 800)
    tab.show()
    return tab


def gate_rows(tab: ModelTab) -> dict[str, list[str]]:
    table = tab.card.gate_table
    return {
        table.verticalHeaderItem(r).text(): [table.item(r, c).text() for c in range(2)]
        for r in range(table.rowCount())
    }


def num(value: float) -> str:
    return f"{value:.3f}".replace(".", ",")


def states(workspace) -> dict[str, str]:
    return {m.name: m.state for m in list_models(workspace)}


def test_the_tab_shows_the_comparison_and_the_decision_for_a_candidate(qtbot, workspace):
    tab = make_tab(qtbot, workspace)
    rows = {tab.list.item(r, 0).text(): tab.list.item(r, 6).text() for r in range(2)}
    assert rows == {"default": "Aktif", "kandidat": "Kandidat"}
    tab.select("kandidat")
    assert "Kandidat" in tab.card.title.text()
    assert tab.card.gate_box.isVisible()
    gate = load_model(workspace, "kandidat").card["gate"]
    shown = gate_rows(tab)
    assert list(shown) == [
        "Kandidat",
        "Model aktif “default”",
        "Tingkat dasar",
        "Tingkat per modul",
        "Regresi logistik",
    ]
    assert shown["Kandidat"] == [num(gate["candidate"]["auc"]), num(gate["candidate"]["ece"])]
    assert shown["Model aktif “default”"] == [
        num(gate["active"]["auc"]),
        num(gate["active"]["ece"]),
    ]
    assert shown["Regresi logistik"][0] == num(gate["baselines"]["logistic"]["auc"])
    decision = tab.card.gate_decision.toPlainText()
    assert "Tidak lolos gerbang: tetap kandidat" in decision
    assert "disimpan sebagai kandidat" in decision  # the card's reasons, in Indonesian
    assert "tidak mengungguli model aktif" in decision
    assert "does not beat" not in decision
    assert tab.activate_button.text() == "Promosikan" and tab.activate_button.isEnabled()


def test_promoting_without_a_reason_is_refused_and_changes_nothing(
    qtbot, workspace, warnings, reasons
):
    answers, asked = reasons
    tab = make_tab(qtbot, workspace)
    tab.select("kandidat")
    before = {m.name: (m.state, m.sha256) for m in list_models(workspace)}
    changed: list[str] = []
    tab.active_model_changed.connect(changed.append)

    answers.append(("   \n ", True))  # an empty reason
    qtbot.mouseClick(tab.activate_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "tidak lolos gerbang promosi" in asked[0]
    assert warnings == [
        ("Alasan wajib diisi", "Model “kandidat” tidak dipromosikan: alasannya kosong.")
    ]
    answers.append(("dipakai sebagai uji", False))  # cancelled
    qtbot.mouseClick(tab.activate_button, Qt.MouseButton.LeftButton)
    assert len(warnings) == 1 and changed == []
    assert {m.name: (m.state, m.sha256) for m in list_models(workspace)} == before
    assert tab.active_name() == "default"


def test_promoting_with_a_reason_keeps_it_in_the_card(qtbot, workspace, warnings, reasons):
    answers, _asked = reasons
    tab = make_tab(qtbot, workspace)
    tab.select("kandidat")
    answers.append(("Uji coba di wilayah 72 selama satu semester", True))
    with qtbot.waitSignal(tab.active_model_changed) as changed:
        qtbot.mouseClick(tab.activate_button, Qt.MouseButton.LeftButton)
    assert changed.args == ["kandidat"] and not warnings
    assert states(workspace) == {"default": "retired", "kandidat": "active"}
    card = load_model(workspace).card
    assert card["overrides"][0]["reason"] == "Uji coba di wilayah 72 selama satu semester"
    tab.select("kandidat")
    assert "Dipromosikan dengan alasan oleh" in tab.card.gate_decision.toPlainText()
    assert "Uji coba di wilayah 72" in tab.card.gate_decision.toPlainText()
    rows = {tab.list.item(r, 0).text(): tab.list.item(r, 6).text() for r in range(2)}
    assert rows == {"default": "Pensiun", "kandidat": "Aktif"}


def test_a_candidate_the_gate_passed_is_promoted_without_a_reason(
    qtbot, workspace, warnings, reasons
):
    _answers, asked = reasons
    loaded = load_model(workspace, "kandidat")
    card = {k: v for k, v in loaded.card.items() if k != "sha256"}
    card["gate"] = {**card["gate"], "decision": "promoted", "compared_with": "default"}
    save_model(workspace, TrainResult(loaded.estimator, card), "lolos", activate=False)
    tab = make_tab(qtbot, workspace)
    tab.select("lolos")
    assert "Lolos gerbang: dipromosikan" in tab.card.gate_decision.toPlainText()
    with qtbot.waitSignal(tab.active_model_changed):
        qtbot.mouseClick(tab.activate_button, Qt.MouseButton.LeftButton)
    assert asked == [] and not warnings  # no reason asked for
    assert states(workspace)["lolos"] == "active"
    assert "overrides" not in load_model(workspace).card


def test_a_model_without_a_gate_hides_the_panel(qtbot, workspace):
    tab = make_tab(qtbot, workspace)
    tab.select("default")
    assert tab.card.gate_box.isHidden()
