"""Wilayah & Modul Lokal, driven as a regional officer would on the default catalog."""

from __future__ import annotations

import getpass
import shutil

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from curriculum_tool.catalog import create_workspace
from curriculum_tool.domain import Module, RegionalStandard
from curriculum_tool.gui.local_module_form import LocalModuleForm
from curriculum_tool.gui.regions_tab import CODE_ROLE, RegionsTab, StandardDialog
from curriculum_tool.recommend.feasibility import situation
from curriculum_tool.recommend.planner import PathOptions, Recommender
from curriculum_tool.store import Workspace

PALU = "72.71"
#: DEMO-002 (pranata-kebencanaan, Kota Palu) has PB-TANGGAP 0 against a target of 2
#: (job standard and the 72.71 regional standard); DEMO-020 (the same position, Kabupaten
#: Jayawijaya, Papua Pegunungan) has the same gap.
PALU_LEARNER, PAPUA_LEARNER = "DEMO-002", "DEMO-020"


@pytest.fixture(scope="session")
def catalog_template(tmp_path_factory):
    """One workspace from the default catalog (with the default model), copied per test."""
    path = tmp_path_factory.mktemp("catalog") / "w.sqlite"
    create_workspace(path).close()
    return path


@pytest.fixture
def workspace_file(catalog_template, tmp_path):
    path = tmp_path / "w.sqlite"
    shutil.copy(catalog_template, path)
    return path


@pytest.fixture
def workspace(workspace_file):
    ws = Workspace.open(workspace_file)
    yield ws
    ws.close()


@pytest.fixture
def tab(qtbot, workspace):
    widget = RegionsTab(workspace)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def answer(monkeypatch):
    """``answer(yes)``: how the user answers the next confirmation questions."""
    asked: list[str] = []

    def set_answer(yes: bool) -> list[str]:
        button = QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No

        def question(_parent, title, text, *_args, **_kwargs):
            asked.append(f"{title}: {text}")
            return button

        monkeypatch.setattr(QMessageBox, "question", question)
        return asked

    return set_answer


def click_region(qtbot, tab: RegionsTab, code: str) -> None:
    """Type the code in the filter and click its row, as a user would."""
    tab.region_tree.filter.clear()
    qtbot.keyClicks(tab.region_tree.filter, code)
    proxy = tab.region_tree.proxy
    index = proxy.mapFromSource(tab.region_tree.items[code].index())
    assert index.isValid(), f"{code} is filtered out"
    tab.region_tree.view.scrollTo(index)
    rect = tab.region_tree.view.visualRect(index)
    qtbot.mouseClick(tab.region_tree.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.region is not None and tab.region.code == code


def click_row(qtbot, view, row: int) -> None:
    index = view.model().index(row, 0)
    view.scrollTo(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def row_of(model, key: tuple) -> int:
    for row in range(model.rowCount()):
        if model.record(row).key() == key:
            return row
    raise AssertionError(f"{key} not shown")


def click_record(qtbot, panel, key: tuple) -> None:
    """Click the row of the record with ``key`` in a standards or modules panel."""
    click_row(qtbot, panel.view, row_of(panel.model, key))


def shown(panel, field: str) -> set:
    """``field`` of every record a standards or modules panel lists."""
    return {getattr(panel.model.record(r), field) for r in range(panel.model.rowCount())}


def type_into(qtbot, widget, text: str) -> None:
    """Select what the field holds and type over it."""
    line = widget.lineEdit() if hasattr(widget, "lineEdit") and widget.lineEdit() else widget
    line.selectAll()
    qtbot.keyClicks(line, text)


def standards_of(workspace, region: str) -> dict[str, RegionalStandard]:
    return {s.competency: s for s in workspace.load("regional_standards") if s.region == region}


# -- the tree and the details ----------------------------------------------------------


def test_tree_holds_every_province_with_its_regencies(tab, workspace):
    regions = {r.code: r for r in workspace.load("regions")}
    model = tab.region_tree.model
    provinces = {model.item(row, 0).text(): model.item(row, 0) for row in range(model.rowCount())}
    assert set(provinces) == {code for code, r in regions.items() if r.parent is None}
    assert len(provinces) == 38
    for code, region in regions.items():
        if region.parent:
            item = provinces[region.parent]
            children = {
                item.child(r, 0).text(): item.child(r, 1).text() for r in range(item.rowCount())
            }
            assert children[code] == region.name
    palu = provinces["72"]
    assert {palu.child(r, 0).text() for r in range(palu.rowCount())} == {"72.03", "72.10", "72.71"}
    row = [palu.child(2, c).text() for c in range(tab.region_tree.COLUMNS)]
    assert row[:4] == ["72.71", "Kota Palu", "Rendah", ""]
    assert row[4].startswith("Gempa bumi 0,85")
    assert palu.child(2, 4).data(CODE_ROLE) == "gempa_bumi"


def test_filter_keeps_the_province_of_a_matching_regency(qtbot, tab):
    qtbot.keyClicks(tab.region_tree.filter, "palu")
    proxy = tab.region_tree.proxy
    assert proxy.rowCount() == 1
    province = proxy.index(0, 0)
    assert province.data() == "72"
    assert [proxy.index(r, 0, province).data() for r in range(proxy.rowCount(province))] == [
        "72.71"
    ]
    tab.region_tree.filter.clear()
    assert proxy.rowCount() == 38


def test_selecting_palu_shows_its_hazards_connectivity_and_3t(qtbot, tab):
    click_region(qtbot, tab, PALU)
    assert tab.summary.region_title.text() == "Kota Palu"
    assert "Sulawesi Tengah" in tab.summary.region_subtitle.text()
    assert tab.summary.connectivity_value.text() == "Rendah"
    assert tab.summary.is_3t_value.text() == "Tidak"
    rows = {hazard: (index, source) for hazard, index, source in tab.summary.hazard_rows()}
    assert rows["gempa_bumi"] == (0.85, "wilayah ini")
    assert rows["tsunami"] == (0.85, "wilayah ini")
    # Palu lists its own hazards, so none of the province's is inherited (contract §2):
    # Sulawesi Tengah's abrasi does not apply to it.
    assert "abrasi" not in rows
    assert {source for _, source in rows.values()} == {"wilayah ini"}
    # highest first, ties by key
    hazards = [h for h, _, _ in tab.summary.hazard_rows()]
    assert hazards[:3] == ["gempa_bumi", "likuefaksi", "tsunami"]
    assert shown(tab.standards_panel, "competency") == {"PB-SIAGA", "PB-TANGGAP"}
    assert "PB-DASAR level 2 (72)" in tab.standards_panel.inherited.text()
    assert tab.modules_panel.model.rowCount() == 0
    assert "PB-SULTENG-201" in tab.modules_panel.inherited.text()


def test_a_province_shows_only_its_own_hazards(qtbot, tab):
    click_region(qtbot, tab, "72")
    assert tab.summary.is_3t_value.text().startswith("Ya")
    assert all(source == "wilayah ini" for _, _, source in tab.summary.hazard_rows())
    assert shown(tab.modules_panel, "code") == {"PB-SULTENG-201", "PB-SULTENG-202"}


# -- regional standards ----------------------------------------------------------------


def open_standard_dialog(qtbot, tab) -> StandardDialog:
    qtbot.mouseClick(tab.standards_panel.add_button, Qt.MouseButton.LeftButton)
    dialog = tab.standards_panel.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_add_a_regional_standard_then_delete_it_with_the_delete_key(qtbot, tab, workspace, answer):
    click_region(qtbot, tab, PALU)
    dialog = open_standard_dialog(qtbot, tab)
    type_into(qtbot, dialog.competency_combo, "PB-PRBBK")
    type_into(qtbot, dialog.level_combo, "3")
    qtbot.keyClicks(dialog.reason_edit, "Kota Palu: likuefaksi 2018")
    with qtbot.waitSignal(tab.workspace_edited, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    stored = standards_of(workspace, PALU)["PB-PRBBK"]
    assert (stored.level, stored.reason) == (3, "Kota Palu: likuefaksi 2018")
    assert tab.standards_panel.selected() == stored  # the new row is selected

    asked = answer(True)
    tab.standards_panel.view.setFocus()
    with qtbot.waitSignal(tab.workspace_edited, timeout=5000):
        qtbot.keyClick(tab.standards_panel.view, Qt.Key.Key_Delete)
    assert asked and "PB-PRBBK" in asked[0]
    assert "PB-PRBBK" not in standards_of(workspace, PALU)
    assert shown(tab.standards_panel, "competency") == {"PB-SIAGA", "PB-TANGGAP"}


def test_deleting_asks_first_and_no_keeps_the_standard(qtbot, tab, workspace, answer):
    click_region(qtbot, tab, PALU)
    click_record(qtbot, tab.standards_panel, (PALU, "PB-SIAGA"))
    asked = answer(False)
    qtbot.mouseClick(tab.standards_panel.delete_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    assert "PB-SIAGA" in standards_of(workspace, PALU)


def test_edit_a_regional_standard(qtbot, tab, workspace):
    click_region(qtbot, tab, PALU)
    click_record(qtbot, tab.standards_panel, (PALU, "PB-TANGGAP"))
    qtbot.mouseClick(tab.standards_panel.edit_button, Qt.MouseButton.LeftButton)
    dialog = tab.standards_panel.dialog
    assert not dialog.competency_combo.isEnabled()  # the key stays
    type_into(qtbot, dialog.level_combo, "3")
    with qtbot.waitSignal(tab.workspace_edited, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert standards_of(workspace, PALU)["PB-TANGGAP"].level == 3


@pytest.mark.parametrize(
    "competency, level, message",
    [
        ("PB-PRBBK", "7", "Level: level 7 di luar 1–5"),
        (
            "PB-XYZ",
            "2",
            "Kompetensi: kompetensi 'PB-XYZ' tidak dikenal; tambahkan dulu ke kamus kompetensi",
        ),
        ("PB-SIAGA", "3", "sudah punya standar untuk PB-SIAGA"),
        ("", "2", "Kompetensi: kompetensi kosong"),
    ],
)
def test_invalid_standard_shows_the_problem_and_writes_nothing(
    qtbot, tab, workspace, snapshot, competency, level, message
):
    click_region(qtbot, tab, PALU)
    before = snapshot(workspace)
    dialog = open_standard_dialog(qtbot, tab)
    if competency:
        type_into(qtbot, dialog.competency_combo, competency)
    type_into(qtbot, dialog.level_combo, level)
    with qtbot.assertNotEmitted(tab.workspace_edited):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.problems.isVisible()
    assert any(message in line for line in dialog.problems.texts()), dialog.problems.texts()
    assert snapshot(workspace) == before


# -- local modules ---------------------------------------------------------------------


def open_module_form(qtbot, tab) -> LocalModuleForm:
    qtbot.mouseClick(tab.modules_panel.add_button, Qt.MouseButton.LeftButton)
    form = tab.modules_panel.form
    assert form is not None and form.isVisible()
    return form


def fill_module(
    qtbot,
    form: LocalModuleForm,
    code: str,
    jp: str = "8",
    competency: str = "PB-TANGGAP",
    level: str = "2",
) -> None:
    qtbot.keyClicks(form.code_edit, code)
    qtbot.keyClicks(form.title_edit, "Evakuasi Mandiri Gempa dan Tsunami Kota Palu")
    qtbot.keyClicks(form.jp_edit, jp)
    type_into(qtbot, form.level_combo, "2")
    type_into(qtbot, form.competency_combo, competency)
    type_into(qtbot, form.competency_level_combo, level)
    qtbot.mouseClick(form.add_competency_button, Qt.MouseButton.LeftButton)


def toggle_prerequisite(qtbot, form: LocalModuleForm, code: str) -> None:
    """Filter the prerequisite list to ``code`` and tick (or untick) it with the space bar."""
    picker = form.prerequisites
    picker.filter.clear()
    qtbot.keyClicks(picker.filter, code)
    index = next(
        picker.proxy.index(r, 0)
        for r in range(picker.proxy.rowCount())
        if picker.proxy.index(r, 0).data() == code
    )
    picker.view.setFocus()
    picker.view.setCurrentIndex(index)
    qtbot.keyClick(picker.view, Qt.Key.Key_Space)


def check_prerequisite(qtbot, form: LocalModuleForm, code: str) -> None:
    toggle_prerequisite(qtbot, form, code)
    assert (code, "hard") in form.prerequisites.edges()


def add_module(qtbot, tab, code: str, prerequisites=()) -> Module:
    form = open_module_form(qtbot, tab)
    fill_module(qtbot, form, code)
    for requires in prerequisites:
        check_prerequisite(qtbot, form, requires)
    with qtbot.waitSignal(tab.workspace_edited, timeout=5000):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible(), form.problems.texts()
    return tab.modules_panel.selected()


def test_new_module_form_starts_from_the_region(qtbot, tab):
    click_region(qtbot, tab, PALU)
    form = open_module_form(qtbot, tab)
    row = form.row()
    assert row["scope"] == PALU
    assert row["status"] == "draft"
    assert row["min_connectivity"] == "low"  # Palu's connectivity
    assert row["owner"] == getpass.getuser()
    # hazards with index >= 0.5 in Palu, its own or the province's
    assert row["hazards"].split(";") == [
        "gempa_bumi",
        "tsunami",
        "banjir",
        "tanah_longsor",
        "likuefaksi",
    ]
    assert form.modality_combo.currentData() == "klasikal"
    # prerequisites offered: what a Palu learner can take (national, Palu's, Sulteng's)
    offered = {
        form.prerequisites.model.item(r, 0).text()
        for r in range(form.prerequisites.model.rowCount())
    }
    assert {"PB-221", "PB-SULTENG-201"} <= offered
    assert "PB-SUMBAR-201" not in offered  # local to Kota Padang


def test_add_approve_a_local_module_and_it_reaches_palu_learners_only(
    qtbot, tab, workspace, workspace_file
):
    click_region(qtbot, tab, PALU)
    module = add_module(qtbot, tab, "PB-PALU-201")
    stored = {m.code: m for m in workspace.load("modules")}["PB-PALU-201"]
    assert stored == module
    assert (stored.scope, stored.status, stored.owner) == (PALU, "draft", getpass.getuser())
    assert stored.competencies == (("PB-TANGGAP", 2),)
    assert (stored.jp, stored.modality, stored.min_connectivity) == (8, "klasikal", "low")

    assert tab.modules_panel.workflow_button.text() == "Ajukan untuk ditinjau"
    qtbot.mouseClick(tab.modules_panel.workflow_button, Qt.MouseButton.LeftButton)
    dialog = tab.modules_panel.review_dialog  # the step asks for an optional comment
    assert dialog is not None and dialog.isVisible()
    with qtbot.waitSignal(tab.status_message, timeout=5000) as message:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "ditinjau" in message.args[0]
    assert tab.modules_panel.selected().status == "review"
    assert tab.modules_panel.workflow_button.text() == "Setujui"
    qtbot.mouseClick(tab.modules_panel.workflow_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.modules_panel.review_dialog.ok_button, Qt.MouseButton.LeftButton)
    assert tab.modules_panel.selected().status == "approved"
    assert not tab.modules_panel.workflow_button.isEnabled()

    with Workspace.open(workspace_file) as reopened:
        recommender = Recommender(reopened)
        m = recommender.context.module_index["PB-PALU-201"]
        palu = situation(
            recommender.context,
            recommender.learners,
            recommender.row_of(PALU_LEARNER),
            PathOptions().period_cap,
        )
        assert palu.takeable[m]
        assert palu.gaps[recommender.context.competency_index["PB-TANGGAP"]] == 2
        path = recommender.recommend(PALU_LEARNER)
        reasons = {e.module: e.reason for e in path.excluded}
        assert "PB-PALU-201" in path.modules or reasons["PB-PALU-201"].startswith("not selected")

        papua = recommender.recommend(PAPUA_LEARNER)
        reasons = {e.module: e.reason for e in papua.excluded}
        reason = reasons["PB-PALU-201"]
        assert (reason.kind, reason.params["scope"], reason.params["region"]) == (
            "local_elsewhere",
            "72.71",
            "95.01",
        )


def test_a_draft_module_is_not_takeable(qtbot, tab, workspace_file):
    click_region(qtbot, tab, PALU)
    add_module(qtbot, tab, "PB-PALU-201")
    with Workspace.open(workspace_file) as reopened:
        recommender = Recommender(reopened)
        path = recommender.recommend(PALU_LEARNER)
        assert {e.module: e.reason for e in path.excluded}["PB-PALU-201"] == "not approved yet"


def test_invalid_module_shows_every_problem_and_writes_nothing(qtbot, tab, workspace, snapshot):
    click_region(qtbot, tab, PALU)
    before = snapshot(workspace)
    form = open_module_form(qtbot, tab)
    fill_module(qtbot, form, "PB PALU", jp="800", level="7")
    with qtbot.assertNotEmitted(tab.workspace_edited):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.isVisible()
    problems = form.problems.texts()
    # In the app's language (Bahasa Indonesia here): never English cell checks.
    assert any(p.startswith("Kode: kode modul 'PB PALU' bukan kode yang sah") for p in problems)
    assert "JP: JP 800 di luar 1–400" in problems
    assert "Kompetensi: level PB-TANGGAP 7 di luar 1–5" in problems
    assert form.jp_edit.toolTip() == "JP 800 di luar 1–400"

    # the fixed row still names a competency the workspace does not know
    for widget, text in ((form.code_edit, "PB-PALU-201"), (form.jp_edit, "8")):
        type_into(qtbot, widget, text)
    form.competency_table.item(0, 0).setText("PB-XYZ")
    form.competency_table.item(0, 1).setText("2")
    with qtbot.assertNotEmitted(tab.workspace_edited):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.problems.texts() == [
        "Kompetensi: kompetensi 'PB-XYZ' tidak dikenal; tambahkan dulu ke kamus kompetensi"
    ]
    assert snapshot(workspace) == before


def test_a_code_already_in_use_is_refused(qtbot, tab, workspace, snapshot):
    click_region(qtbot, tab, PALU)
    before = snapshot(workspace)
    form = open_module_form(qtbot, tab)
    fill_module(qtbot, form, "PB-221")  # a national module
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.problems.texts() == ["Kode: kode PB-221 sudah dipakai modul lain; pilih kode lain"]
    assert snapshot(workspace) == before


def test_prerequisites_are_written_and_a_cycle_is_refused_by_name(
    qtbot, tab, workspace, snapshot, answer
):
    click_region(qtbot, tab, PALU)
    add_module(qtbot, tab, "PB-PALU-201", prerequisites=["PB-221"])
    add_module(qtbot, tab, "PB-PALU-202", prerequisites=["PB-PALU-201"])
    edges = {(p.module, p.requires): p.kind for p in workspace.load("prerequisites")}
    assert edges[("PB-PALU-201", "PB-221")] == "hard"
    assert edges[("PB-PALU-202", "PB-PALU-201")] == "hard"

    before = snapshot(workspace)
    click_record(qtbot, tab.modules_panel, ("PB-PALU-201",))
    qtbot.mouseClick(tab.modules_panel.edit_button, Qt.MouseButton.LeftButton)
    form = tab.modules_panel.form
    assert form.code_edit.isReadOnly()
    assert form.prerequisites.edges() == [("PB-221", "hard")]
    check_prerequisite(qtbot, form, "PB-PALU-202")
    form.prerequisites.set_kind("PB-PALU-202", "soft")  # hard and soft edges both count
    with qtbot.assertNotEmitted(tab.workspace_edited):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.isVisible()
    assert form.problems.texts() == [
        "Prasyarat: siklus prasyarat PB-PALU-201 → PB-PALU-202 → PB-PALU-201; "
        "hapus salah satu hubungan prasyarat ini"
    ]
    assert snapshot(workspace) == before


def test_editing_replaces_the_prerequisites(qtbot, tab, workspace):
    click_region(qtbot, tab, PALU)
    add_module(qtbot, tab, "PB-PALU-201", prerequisites=["PB-221"])
    click_record(qtbot, tab.modules_panel, ("PB-PALU-201",))
    qtbot.mouseClick(tab.modules_panel.edit_button, Qt.MouseButton.LeftButton)
    form = tab.modules_panel.form
    toggle_prerequisite(qtbot, form, "PB-221")  # untick
    assert form.prerequisites.edges() == []
    check_prerequisite(qtbot, form, "PB-222")
    type_into(qtbot, form.title_edit, "Evakuasi Tsunami Kota Palu")
    with qtbot.waitSignal(tab.workspace_edited, timeout=5000):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    edges = {p.requires for p in workspace.load("prerequisites") if p.module == "PB-PALU-201"}
    assert edges == {"PB-222"}
    assert {m.code: m for m in workspace.load("modules")}[
        "PB-PALU-201"
    ].title == "Evakuasi Tsunami Kota Palu"


def test_editing_an_approved_module_asks_first(qtbot, tab, answer):
    click_region(qtbot, tab, "72")
    click_record(qtbot, tab.modules_panel, ("PB-SULTENG-201",))
    assert tab.modules_panel.selected().status == "approved"
    asked = answer(False)
    tab.modules_panel.form = None
    qtbot.mouseClick(tab.modules_panel.edit_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "PB-SULTENG-201" in asked[0]
    assert tab.modules_panel.form is None
    answer(True)
    qtbot.mouseClick(tab.modules_panel.edit_button, Qt.MouseButton.LeftButton)
    assert tab.modules_panel.form is not None and tab.modules_panel.form.isVisible()
    assert tab.modules_panel.form.row()["status"] == "approved"
    assert tab.modules_panel.form.row()["scope"] == "72"


def test_reload_keeps_the_region_and_set_workspace_switches(qtbot, tab, tmp_path):
    click_region(qtbot, tab, PALU)
    tab.reload()
    assert tab.region.code == PALU
    other = create_workspace(tmp_path / "empty.sqlite", empty=True)
    try:
        tab.set_workspace(other)
        assert tab.region_tree.model.rowCount() == 0
        assert tab.region is None
        assert not tab.standards_panel.add_button.isEnabled()
        assert not tab.modules_panel.add_button.isEnabled()
    finally:
        other.close()


def test_hazard_bar_values_are_in_range(qtbot, tab, workspace):
    for region in workspace.load("regions"):
        assert tab.select_region(region.code)
        values = np.array([index for _, index, _ in tab.summary.hazard_rows()])
        assert ((values > 0) & (values <= 1)).all()
        assert (np.diff(values) <= 0).all()  # highest first
