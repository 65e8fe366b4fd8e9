"""The Model tab: stored models and their cards, activation, training in the background."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from threadpoolctl import threadpool_limits

from curriculum_tool.catalog import create_workspace, default_model_path
from curriculum_tool.gui import model_tab as model_tab_module, training_panel
from curriculum_tool.gui.calibration_chart import MODEL_COLOUR, CalibrationChart
from curriculum_tool.gui.model_tab import (
    BASELINES,
    ModelTab,
    TrainDialog,
    TrainOptions,
    default_model_name,
)
from curriculum_tool.gui.training_panel import STAGE_LABELS
from curriculum_tool.io import import_file
from curriculum_tool.model import training
from curriculum_tool.model.card_text import card_text
from curriculum_tool.model.persist import install_model_files, list_models
from curriculum_tool.model.train import STAGES
from curriculum_tool.simulate import simulate_to_dir
from curriculum_tool.store import Workspace

TRAINING_TIMEOUT_MS = 60_000


@pytest.fixture(autouse=True)
def _one_openmp_thread(monkeypatch):
    """Training runs on a worker thread; OpenMP limits are per thread, so the limit is set
    inside the task (on a busy 2-core machine two spinning threads make fits crawl)."""
    real_train = training.train

    def train(*args, **kwargs):
        with threadpool_limits(limits=1):
            return real_train(*args, **kwargs)

    monkeypatch.setattr(training, "train", train)


@pytest.fixture
def warnings(monkeypatch) -> list[tuple[str, str]]:
    """Every QMessageBox.warning the tab shows, as (title, text), instead of a modal box."""
    shown: list[tuple[str, str]] = []

    def warning(_parent, title, text, *args, **kwargs):
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(model_tab_module.QMessageBox, "warning", warning)
    return shown


@pytest.fixture
def default_workspace(tmp_path):
    """The shipped catalog with its default model (and no outcomes)."""
    ws = create_workspace(tmp_path / "default.sqlite")
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def sim_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("model_tab_sim")
    simulate_to_dir(folder, 600, seed=1)
    return folder


@pytest.fixture(scope="module")
def sim_source(sim_dir, tmp_path_factory) -> Path:
    """A closed workspace: shipped catalog + default model + 600 simulated learners."""
    path = tmp_path_factory.mktemp("model_tab_ws") / "sim.sqlite"
    with create_workspace(path) as ws:
        import_file(ws, "learners", sim_dir / "learners.csv")
        import_file(ws, "outcomes", sim_dir / "outcomes.csv")
    return path


@pytest.fixture
def sim_workspace(sim_source, tmp_path):
    """A private, writable copy of the simulated workspace."""
    target = tmp_path / "sim.sqlite"
    source, destination = sqlite3.connect(sim_source), sqlite3.connect(target)
    try:
        source.backup(destination)
    finally:
        source.close()
        destination.close()
    ws = Workspace.open(target)
    yield ws
    ws.close()


def make_tab(qtbot, workspace) -> ModelTab:
    tab = ModelTab(workspace)
    qtbot.addWidget(tab)
    tab.resize(1260, 740)
    tab.show()
    return tab


def list_rows(tab: ModelTab) -> list[dict[str, str]]:
    headers = [tab.list.horizontalHeaderItem(c).text() for c in range(tab.list.columnCount())]
    return [
        {h: tab.list.item(r, c).text() for c, h in enumerate(headers)}
        for r in range(tab.list.rowCount())
    ]


def row_of(tab: ModelTab, name: str) -> int:
    return next(r for r in range(tab.list.rowCount()) if tab.list.item(r, 0).text() == name)


def metric_rows(tab: ModelTab) -> dict[str, list[str]]:
    return {
        tab.card.metrics.verticalHeaderItem(r).text(): [
            tab.card.metrics.item(r, c).text() for c in range(tab.card.metrics.columnCount())
        ]
        for r in range(tab.card.metrics.rowCount())
    }


def click_list_row(qtbot, tab: ModelTab, row: int) -> None:
    rect = tab.list.visualRect(tab.list.model().index(row, 0))
    qtbot.mouseClick(tab.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def drive_train_dialog(qtbot, tab: ModelTab, **fields) -> None:
    """Click "Latih model…", fill the modal dialog as a user would, and press Latih."""
    seen = {}

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, TrainDialog):
            QTimer.singleShot(20, fill)
            return
        seen["dialog"] = dialog
        if "target" in fields:
            dialog.target.setCurrentIndex(dialog.target.findData(fields["target"]))
        if "seed" in fields:
            dialog.seed.setValue(fields["seed"])
        if "name" in fields:
            dialog.name.selectAll()
            qtbot.keyClicks(dialog.name, fields["name"])
        if "truth" in fields:
            dialog.truth.setText(str(fields["truth"]))
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok.isEnabled(), dialog.hint.text()
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill)
    qtbot.mouseClick(tab.train_button, Qt.MouseButton.LeftButton)
    assert "dialog" in seen


def wait_for_training(qtbot, tab: ModelTab) -> None:
    qtbot.waitUntil(lambda: not tab.is_training, timeout=TRAINING_TIMEOUT_MS)


@pytest.fixture
def wait_after_first_stage(monkeypatch):
    """Training waits after announcing its first stage until it is cancelled (at most
    ten seconds), so a test can cancel from the GUI before the run could finish."""
    real = training_panel.train_and_store

    def train_and_store(workspace, *, progress, cancelled, **options):
        def progress_then_wait(done: int, total: int, stage: str) -> None:
            progress(done, total, stage)
            deadline = time.monotonic() + 10
            while done == 1 and not cancelled() and time.monotonic() < deadline:
                time.sleep(0.01)

        return real(workspace, progress=progress_then_wait, cancelled=cancelled, **options)

    monkeypatch.setattr(training_panel, "train_and_store", train_and_store)


def assert_cancelled_and_nothing_stored(tab: ModelTab, workspace, messages, changed) -> None:
    assert not changed
    assert messages[-1] == "Pelatihan dibatalkan; tidak ada model disimpan"
    assert [row["Nama"] for row in list_rows(tab)] == ["default"]
    assert tab.active_name() == "default"
    assert [m.name for m in list_models(workspace)] == ["default"]
    assert tab.progress_panel.isHidden() and tab.train_button.isEnabled()


# ----------------------------------------------------------- the shipped model


def test_default_model_is_listed_active_with_its_auc(qtbot, default_workspace):
    tab = make_tab(qtbot, default_workspace)
    rows = list_rows(tab)
    assert [row["Nama"] for row in rows] == ["default"]
    assert rows[0]["Status"] == "Aktif"
    card = json.loads(
        (Path(__file__).resolve().parents[2] / "models" / "default.json").read_text(
            encoding="utf-8"
        )
    )
    assert rows[0]["AUC"] == num(card["metrics"]["model"]["auc"])
    assert rows[0]["Target"].startswith("L3")
    assert tab.list.item(0, 0).font().bold()
    assert tab.selected_name() == "default"
    assert "default" in tab.card.title.text() and "Aktif" in tab.card.title.text()
    assert not tab.activate_button.isEnabled()  # already active
    assert tab.card.refusal.isHidden()


def num(value: float) -> str:
    """A metric as the Indonesian interface shows it: three decimals after a comma."""
    return f"{value:.3f}".replace(".", ",")


def test_metrics_table_shows_model_baselines_and_ceiling(qtbot, default_workspace):
    tab = make_tab(qtbot, default_workspace)
    card = tab.model_named("default").card["metrics"]
    rows = metric_rows(tab)
    assert list(rows) == [
        "Model",
        *(label for _key, label in BASELINES),
        "Batas atas (peluang sebenarnya)",
    ]
    assert [tab.card.metrics.horizontalHeaderItem(c).text() for c in range(4)] == [
        "AUC",
        "Log loss",
        "Brier",
        "ECE",
    ]
    assert rows["Model"] == [num(card["model"][k]) for k in ("auc", "log_loss", "brier", "ece")]
    assert rows["Regresi logistik"][0] == num(card["baselines"]["logistic"]["auc"])
    assert rows["Tingkat dasar"][0] == "0,500"  # numbers in the interface's language
    ceiling = num(card["ceiling_auc"])
    assert rows["Batas atas (peluang sebenarnya)"] == [ceiling, "–", "–", "–"]
    assert tab.card.metrics.item(0, 0).font().bold()  # the model has the best AUC
    assert "batas atas" in tab.card.metrics_note.text()


def test_calibration_chart_has_a_point_per_non_empty_bin(qtbot, default_workspace):
    tab = make_tab(qtbot, default_workspace)
    bins = tab.model_named("default").card["metrics"]["calibration"]
    filled = sum(1 for b in bins if b["rows"])
    assert len(bins) == 10 and filled >= 5  # ten bins of P, most of them used
    assert tab.card.chart.point_count() == filled
    assert "Bin 0,0–0,1" in tab.card.chart.tooltip(tab.card.chart.points[0])  # id numbers


def test_province_table_lists_slices_largest_first_with_names(qtbot, default_workspace):
    tab = make_tab(qtbot, default_workspace)
    provinces = tab.model_named("default").card["metrics"]["provinces"]
    assert tab.card.provinces.rowCount() == len(provinces) > 0
    first = [tab.card.provinces.item(0, c).text() for c in range(5)]
    assert first[0] == "72 · Sulawesi Tengah"
    assert first[1:] == [
        f"{provinces[0]['rows']:,}".replace(",", "."),
        num(provinces[0]["rate"]),
        num(provinces[0]["predicted"]),
        num(provinces[0]["auc"]),
    ]
    tab.card.provinces.sortByColumn(4, Qt.SortOrder.DescendingOrder)  # by AUC, as a number
    aucs = [
        float(tab.card.provinces.item(r, 4).text().replace(",", "."))
        for r in range(tab.card.provinces.rowCount())
    ]
    assert aucs == sorted(aucs, reverse=True)


def test_card_details_show_data_versions_use_and_limits(qtbot, default_workspace):
    tab = make_tab(qtbot, default_workspace)
    model = tab.model_named("default")
    text = tab.card.details.toPlainText()
    assert tab.card.details.isReadOnly()
    for expected in (
        "2021-01-01 … 2025-12-31",
        model.card["data"]["sha256"][:16],
        model.sha256[:16],
        "scikit-learn 1.9",
        "module, modality",
        "Penggunaan yang dimaksud",
        card_text(model.card, "intended_use").indonesian[:40],
        "Batasan",
        card_text(model.card, "limits").indonesian[:40],
        "Kirkpatrick level 3",
    ):
        assert expected in text, expected
    assert "Tidak cocok" not in text
    assert model.card["intended_use"][:40] not in text  # the card's English stays stored


# -------------------------------------------------------------- activation


def test_activating_another_model_makes_it_bold_and_tells_the_window(
    qtbot, default_workspace, monkeypatch
):
    install_model_files(default_workspace, default_model_path(), "cadangan", activate=False)
    tab = make_tab(qtbot, default_workspace)
    assert tab.selected_name() == "default"
    click_list_row(qtbot, tab, row_of(tab, "cadangan"))
    assert tab.selected_name() == "cadangan"
    assert "Kandidat" in tab.card.title.text()
    # an installed copy never passed the promotion gate: promoting it asks for a reason
    asked: list[str] = []

    def reason(_parent, title, label, *args, **kwargs):
        asked.append(label)
        return "cadangan untuk uji coba", True

    monkeypatch.setattr(model_tab_module.QInputDialog, "getMultiLineText", reason)
    with (
        qtbot.waitSignal(tab.active_model_changed) as changed,
        qtbot.waitSignal(tab.workspace_edited),
    ):
        qtbot.mouseClick(tab.activate_button, Qt.MouseButton.LeftButton)
    assert changed.args == ["cadangan"]
    assert tab.active_name() == "cadangan"
    assert tab.list.item(row_of(tab, "cadangan"), 0).font().bold()
    assert not tab.list.item(row_of(tab, "default"), 0).font().bold()
    assert [m.name for m in list_models(default_workspace) if m.active] == ["cadangan"]
    assert len(asked) == 1 and "cadangan" in asked[0]
    states = {m.name: m for m in list_models(default_workspace)}
    assert states["default"].state == "retired"
    assert states["cadangan"].card["overrides"][0]["reason"] == "cadangan untuk uji coba"


def test_a_tampered_model_is_shown_refused_with_the_reason(qtbot, default_workspace, warnings):
    install_model_files(default_workspace, default_model_path(), "rusak", activate=False)
    conn = sqlite3.connect(default_workspace.target)
    try:
        with conn:  # flip one byte of the stored model
            payload = bytearray(
                conn.execute("SELECT payload FROM models WHERE name = 'rusak'").fetchone()[0]
            )
            payload[len(payload) // 2] ^= 0x01
            conn.execute("UPDATE models SET payload = ? WHERE name = 'rusak'", (bytes(payload),))
    finally:
        conn.close()
    tab = make_tab(qtbot, default_workspace)
    row = row_of(tab, "rusak")
    assert "telah diubah" in tab.list.item(row, 0).toolTip()  # the core's reason, in Indonesian
    click_list_row(qtbot, tab, row)
    assert tab.card.refusal.isVisible()
    assert "ditolak" in tab.card.refusal.text() and "SHA-256" in tab.card.refusal.text()
    assert tab.card.metrics.rowCount() == 5  # the card is still readable
    qtbot.mouseClick(tab.activate_button, Qt.MouseButton.LeftButton)
    assert warnings and warnings[0][0] == "Model ditolak"
    assert tab.active_name() == "default"


# ---------------------------------------------------------------- training


def test_training_from_the_dialog_stores_a_candidate_the_gate_keeps(
    qtbot, sim_workspace, sim_dir, warnings
):
    tab = make_tab(qtbot, sim_workspace)
    messages: list[str] = []
    tab.status_message.connect(messages.append)
    shown: list[tuple[int, int, str]] = []
    bar = tab.progress_panel.bar
    bar.valueChanged.connect(
        lambda value: shown.append((value, bar.maximum(), tab.progress_panel.label.text()))
    )
    activated: list[str] = []
    tab.active_model_changed.connect(activated.append)
    with qtbot.waitSignal(tab.trained, timeout=TRAINING_TIMEOUT_MS) as changed:
        drive_train_dialog(qtbot, tab, name="model-uji", seed=2, truth=sim_dir / "truth.csv")
        assert tab.is_training and tab.progress_panel.isVisible()
        assert not tab.train_button.isEnabled()
    wait_for_training(qtbot, tab)
    assert not warnings
    assert changed.args == ["model-uji"]
    # 600 simulated learners do not beat the shipped default (20,000): the promotion gate
    # keeps the new model a candidate, and the active model stays
    assert activated == []
    rows = {row["Nama"]: row for row in list_rows(tab)}
    assert set(rows) == {"default", "model-uji"}
    assert rows["model-uji"]["Status"] == "Kandidat" and rows["default"]["Status"] == "Aktif"
    assert float(rows["model-uji"]["AUC"].replace(",", ".")) > 0.6
    assert tab.selected_name() == "model-uji"
    assert not tab.list.item(row_of(tab, "model-uji"), 0).font().bold()
    assert tab.card.gate_box.isVisible()
    assert "Tidak lolos gerbang" in tab.card.gate_decision.toPlainText()
    assert list(metric_rows(tab))[-1] == "Batas atas (peluang sebenarnya)"  # truth given
    assert tab.card.metrics.rowCount() == 5
    assert tab.card.chart.point_count() > 0
    assert tab.card.provinces.rowCount() > 0
    assert tab.progress_panel.isHidden()
    # every stage in order, by its Indonesian label, numbered 1 to 7 of 7
    assert shown == [
        (number, len(STAGES), f"Melatih model “model-uji”: {STAGE_LABELS[stage]}")
        for number, stage in enumerate(STAGES, start=1)
    ]
    assert any("disimpan sebagai kandidat" in text for text in messages)
    with Workspace.open(sim_workspace.target) as other:  # really stored, as a candidate
        stored = {m.name: m for m in list_models(other)}
    assert stored["model-uji"].state == "candidate" and stored["model-uji"].card["seed"] == 2
    assert stored["model-uji"].card["gate"]["compared_with"] == "default"
    assert stored["default"].active


def test_cancelling_a_training_run_stores_nothing(
    qtbot, sim_workspace, warnings, wait_after_first_stage
):
    tab = make_tab(qtbot, sim_workspace)
    messages: list[str] = []
    tab.status_message.connect(messages.append)
    changed: list[str] = []
    tab.active_model_changed.connect(changed.append)
    drive_train_dialog(qtbot, tab, name="dibatalkan")
    assert tab.is_training
    cancel = tab.progress_panel.cancel_button
    qtbot.waitUntil(lambda: tab.progress_panel.bar.value() == 1)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert not cancel.isEnabled() and cancel.text() == "Membatalkan…"
    wait_for_training(qtbot, tab)
    assert not warnings
    assert_cancelled_and_nothing_stored(tab, sim_workspace, messages, changed)


def test_escape_cancels_a_training_run(qtbot, sim_workspace, warnings, wait_after_first_stage):
    tab = make_tab(qtbot, sim_workspace)
    messages: list[str] = []
    tab.status_message.connect(messages.append)
    changed: list[str] = []
    tab.active_model_changed.connect(changed.append)
    tab.activateWindow()
    qtbot.waitUntil(tab.isActiveWindow)
    tab.start_training(TrainOptions(name="esc"))
    qtbot.waitUntil(lambda: tab.progress_panel.bar.value() == 1)
    assert "Membaca hasil pelatihan" in tab.progress_panel.label.text()
    qtbot.keyClick(tab, Qt.Key.Key_Escape)
    assert "Membatalkan" in tab.progress_panel.label.text()
    wait_for_training(qtbot, tab)
    assert not warnings
    assert_cancelled_and_nothing_stored(tab, sim_workspace, messages, changed)


def test_a_cancel_seen_after_the_first_stage_stores_nothing(
    qtbot, sim_workspace, warnings, monkeypatch
):
    """The core's own cancel path: ``cancelled()`` turns true once a stage was reported."""
    real = training_panel.train_and_store
    reported: list[str] = []

    def train_and_store(workspace, *, progress, cancelled, **options):
        def record(done: int, total: int, stage: str) -> None:
            reported.append(stage)
            progress(done, total, stage)

        return real(workspace, progress=record, cancelled=lambda: bool(reported), **options)

    monkeypatch.setattr(training_panel, "train_and_store", train_and_store)
    tab = make_tab(qtbot, sim_workspace)
    messages: list[str] = []
    tab.status_message.connect(messages.append)
    changed: list[str] = []
    tab.active_model_changed.connect(changed.append)
    tab.start_training(TrainOptions(name="berhenti"))
    wait_for_training(qtbot, tab)
    assert reported == ["features"] and not warnings
    assert_cancelled_and_nothing_stored(tab, sim_workspace, messages, changed)


def test_a_workspace_without_outcomes_shows_the_core_message(qtbot, default_workspace, warnings):
    tab = make_tab(qtbot, default_workspace)
    drive_train_dialog(qtbot, tab)
    wait_for_training(qtbot, tab)
    assert len(warnings) == 1
    title, text = warnings[0]
    assert title == "Model tidak dapat dilatih"
    assert "tidak memiliki hasil pelatihan berlabel" in text
    assert [row["Nama"] for row in list_rows(tab)] == ["default"]
    assert tab.progress_panel.isHidden() and tab.train_button.isEnabled()


def test_too_few_outcomes_shows_the_core_message(
    qtbot, default_workspace, sim_dir, tmp_path, warnings
):
    import_file(default_workspace, "learners", sim_dir / "learners.csv")
    few = tmp_path / "outcomes.csv"
    pd.read_csv(sim_dir / "outcomes.csv", dtype=str).head(60).to_csv(few, index=False)
    import_file(default_workspace, "outcomes", few)
    tab = make_tab(qtbot, default_workspace)
    tab.start_training(TrainOptions(name="kecil"))
    wait_for_training(qtbot, tab)
    assert len(warnings) == 1 and "memerlukan paling sedikit 200" in warnings[0][1]
    assert [row["Nama"] for row in list_rows(tab)] == ["default"]


# ------------------------------------------------------------------ pieces


def test_train_dialog_checks_the_name(qtbot):
    dialog = TrainDialog({"default", "model-a"})
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.name.text().startswith("model-") and ok.isEnabled()
    assert dialog.options().target == "l3"
    dialog.name.setText("-bad name")
    assert not ok.isEnabled() and dialog.problem()
    dialog.name.setText("model-a")
    assert ok.isEnabled() and "diganti" in dialog.hint.text()
    dialog.truth.setText("/nowhere/truth.csv")
    assert not ok.isEnabled()
    dialog.truth.clear()
    dialog.target.setCurrentIndex(dialog.target.findData("completed"))
    dialog.seed.setValue(7)
    assert dialog.options() == TrainOptions("completed", 7, "model-a", None)


def test_default_model_names_do_not_collide():
    import datetime as dt

    now = dt.datetime(2025, 3, 4, 5, 6)
    assert default_model_name(now=now) == "model-20250304-0506"
    assert default_model_name({"model-20250304-0506"}, now=now) == "model-20250304-0506-2"


def test_every_training_stage_has_an_indonesian_label(qtbot):
    assert list(STAGE_LABELS) == list(STAGES)
    panel = training_panel.TrainingPanel()
    qtbot.addWidget(panel)
    panel.begin("m")
    panel.show_stage(4, 7, "fit_baselines")
    assert panel.label.text() == "Melatih model “m”: Melatih pembanding"
    assert (panel.bar.value(), panel.bar.maximum()) == (4, 7)
    assert panel.bar.text() == "4 dari 7"
    assert panel.stage_text("something new") == "something new"


def test_painted_chart_draws_its_points(qtbot, default_workspace):
    card = list_models(default_workspace)[0].card
    chart = CalibrationChart()
    qtbot.addWidget(chart)
    chart.resize(320, 300)
    chart.set_calibration(card["metrics"]["calibration"])
    filled = sum(1 for b in card["metrics"]["calibration"] if b["rows"])
    assert chart.point_count() == filled
    image = chart.grab().toImage()
    assert image.width() == 320
    colours = [image.pixelColor(x, y).name() for x in range(320) for y in range(300)]
    assert len(set(colours)) > 3
    assert colours.count(MODEL_COLOUR.name()) > 20 * filled  # the model's line and points


def test_a_workspace_without_models_invites_training(qtbot, tmp_path):
    ws = create_workspace(tmp_path / "empty.sqlite", empty=True)
    try:
        tab = make_tab(qtbot, ws)
        assert tab.list.rowCount() == 0
        assert "Belum ada model" in tab.card.title.text()
        assert "Latih model" in tab.card.summary.text()
        assert not tab.activate_button.isEnabled() and tab.train_button.isEnabled()
    finally:
        ws.close()


def test_set_workspace_switches_the_list(qtbot, default_workspace, tmp_path):
    tab = make_tab(qtbot, default_workspace)
    ws = create_workspace(tmp_path / "empty.sqlite", empty=True)
    try:
        tab.set_workspace(ws)
        assert tab.list.rowCount() == 0
        tab.set_workspace(default_workspace)
        assert tab.active_name() == "default"
    finally:
        ws.close()


def test_a_role_that_may_not_change_models_sees_training_greyed_out(qtbot, default_workspace):
    from curriculum_tool.domain.roles import Actor

    default_workspace.actor = Actor("siti", "wilayah", "72.71")
    tab = make_tab(qtbot, default_workspace)
    assert not tab.train_button.isEnabled() and not tab.activate_button.isEnabled()
    assert "Staf wilayah" in tab.train_button.toolTip()
    assert "model" in tab.train_button.toolTip()
    default_workspace.actor = Actor("dedi", "perancang")
    tab = make_tab(qtbot, default_workspace)
    assert tab.train_button.isEnabled()
