"""Bahasa → English and back: the window is rebuilt in the other language, nothing is lost."""

from __future__ import annotations

import os
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QThreadPool

from curriculum_tool.catalog import create_workspace
from curriculum_tool.gui import i18n
from curriculum_tool.gui.app import AppController
from curriculum_tool.gui.i18n import TsTranslator, install_language, ts_file

MINI = Path(__file__).resolve().parents[1] / "data" / "mini"

ID_TABS = [
    "Katalog",
    "Graf Prasyarat",
    "Peserta && Jalur",
    "Wilayah && Modul Lokal",
    "Model",
    "Data",
    "Riwayat",
    "Tindak lanjut",
    "Evaluasi",
]
EN_TABS = [
    "Catalog",
    "Prerequisite Graph",
    "Learners && Paths",
    "Regions && Local Modules",
    "Model",
    "Data",
    "History",
    "Follow-ups",
    "Evaluation",
]
ID_MENUS = ["&Berkas", "&Edit", "B&ahasa", "Ban&tuan"]
EN_MENUS = ["&File", "&Edit", "&Language", "&Help"]
ID_DATA = [
    "Modul",
    "Kompetensi",
    "Prasyarat",
    "Wilayah",
    "Standar Wilayah",
    "Standar Jabatan",
    "Program Wajib",
    "Peserta",
]
EN_DATA = [
    "Modules",
    "Competencies",
    "Prerequisites",
    "Regions",
    "Regional Standards",
    "Job Standards",
    "Compulsory Programmes",
    "Learners",
]
REGIONS_TAB = 3


@pytest.fixture(autouse=True)
def _own_cache_and_indonesian_afterwards(monkeypatch, tmp_path):
    """Compiled ``.qm`` files go to a throwaway cache; every test ends in Indonesian."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    yield
    install_language("id")


def _use_lrelease(monkeypatch) -> None:
    """Find this environment's pyside6-lrelease (its bin folder may not be on PATH)."""
    venv_bin = Path(sys.executable).parent
    monkeypatch.setenv("PATH", os.pathsep.join([str(venv_bin), os.environ.get("PATH", "")]))
    if i18n._lrelease() is None:
        pytest.skip("no lrelease installed")


@pytest.fixture(params=["qm", "ts"])
def backend(request, monkeypatch) -> str:
    """English from the lrelease-compiled ``.qm`` or, where no lrelease exists, the ``.ts``."""
    if request.param == "ts":
        monkeypatch.setattr(i18n, "_lrelease", lambda: None)
    else:
        _use_lrelease(monkeypatch)
    return request.param


@pytest.fixture
def workspace(tmp_path):
    ws = create_workspace(tmp_path / "w.sqlite", directory=MINI)
    yield ws
    ws.close()


@pytest.fixture
def controllers(qtbot, workspace):
    """Makes controllers on ``workspace``; closes their windows (not the workspace) after."""
    made: list[AppController] = []

    def make(lang: str) -> AppController:
        controller = AppController(workspace, lang)
        made.append(controller)
        return controller

    yield make
    for controller in made:
        controller.window.keep_workspace_open = True  # the workspace fixture closes it
        controller.window.close()
        controller.window.deleteLater()
    QThreadPool.globalInstance().waitForDone(60_000)  # background loads of the paths tab
    qtbot.wait(10)  # deliver their results, delete windows


def tab_titles(window) -> list[str]:
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def menu_titles(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def data_titles(window) -> list[str]:
    return [window.data.tabText(i) for i in range(window.data.count())]


def language_action(window, name: str):
    return next(a for a in window.language_actions.actions() if a.text() == name)


def test_switching_language_rebuilds_the_window_on_the_same_workspace_and_tab(
    backend, controllers, workspace, qtbot
):
    controller = controllers("id")
    indonesian = controller.window
    assert tab_titles(indonesian) == ID_TABS
    assert menu_titles(indonesian) == ID_MENUS
    assert data_titles(indonesian) == ID_DATA
    assert language_action(indonesian, "Bahasa Indonesia").isChecked()
    indonesian.show()
    indonesian.tabs.setCurrentIndex(REGIONS_TAB)

    language_action(indonesian, "English").trigger()

    english = controller.window
    assert english is not indonesian and controller.lang == "en" == english.lang
    assert english.isVisible() and not indonesian.isVisible()
    assert tab_titles(english) == EN_TABS
    assert menu_titles(english) == EN_MENUS
    assert data_titles(english) == EN_DATA
    assert english.workspace is workspace
    assert english.tabs.currentIndex() == REGIONS_TAB
    assert language_action(english, "English").isChecked()
    assert not language_action(english, "Bahasa Indonesia").isChecked()
    assert "5 modules" in english.workspace_label.text()
    assert len(workspace.load("modules")) == 5  # the old window left the workspace open

    language_action(english, "Bahasa Indonesia").trigger()

    again = controller.window
    assert again is not english and controller.lang == "id"
    assert tab_titles(again) == ID_TABS
    assert menu_titles(again) == ID_MENUS
    assert again.workspace is workspace
    assert again.tabs.currentIndex() == REGIONS_TAB
    assert "5 modul" in again.workspace_label.text()


def test_choosing_the_current_language_keeps_the_window(controllers):
    controller = controllers("id")
    window = controller.window
    language_action(window, "Bahasa Indonesia").trigger()
    assert controller.window is window and controller.lang == "id"


def test_a_controller_can_start_in_english(backend, controllers):
    controller = controllers("en")
    window = controller.window
    assert window.lang == "en"
    assert tab_titles(window) == EN_TABS
    assert menu_titles(window) == EN_MENUS
    assert language_action(window, "English").isChecked()


def _messages():
    root = ET.parse(ts_file("en")).getroot()
    for context in root.iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name", ""), message


def test_every_message_has_a_finished_english_translation_with_its_placeholders():
    messages = list(_messages())
    assert len(messages) > 500
    for context, message in messages:
        source = message.findtext("source", "")
        translation = message.find("translation")
        where = f"{context}: {source!r}"
        assert translation is not None, where
        assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), where
        forms = (
            [form.text or "" for form in translation.iter("numerusform")]
            if message.get("numerus") == "yes"
            else [translation.text or ""]
        )
        assert forms and all(form.strip() for form in forms), where
        for form in forms:
            for placeholder in set(re.findall(r"%\d+|\{[^{}]*\}", source)):
                assert placeholder in form, f"{where} lost {placeholder} in {form!r}"


def test_the_ts_fallback_translates_without_lrelease(monkeypatch, qapp):
    from PySide6.QtWidgets import QMainWindow

    table = TsTranslator(ts_file("en"))
    assert table.translate("MainWindow", "Katalog") == "Catalog"
    assert not table.translate("MainWindow", "tidak ada di berkas")
    assert not table.isEmpty()

    class MainWindow(QMainWindow):  # the context of the main window's strings
        pass

    monkeypatch.setattr(i18n, "_lrelease", lambda: None)
    assert install_language("en")
    window = MainWindow()
    assert window.tr("Graf Prasyarat") == "Prerequisite Graph"
    # A translation equal to its source, and a string missing from the .ts, stay as they
    # are: the fallback must not answer "" (an empty translation) for what it lacks.
    assert window.tr("Model") == "Model"
    assert window.tr("tidak ada di berkas") == "tidak ada di berkas"
    assert install_language("id")
    assert window.tr("Graf Prasyarat") == "Graf Prasyarat"


def test_the_compiled_translation_is_cached(monkeypatch, tmp_path, qapp):
    _use_lrelease(monkeypatch)
    assert install_language("en")
    qm = tmp_path / "cache" / "curriculum-tool" / "translations" / "curriculum_tool_en.qm"
    assert qm.is_file()
    assert QCoreApplication.translate("MainWindow", "&Berkas") == "&File"


def test_the_selected_learner_survives_a_language_switch(controllers, qtbot):
    controller = controllers("id")
    window = controller.window
    qtbot.waitUntil(lambda: not window.paths._loading, timeout=60_000)
    assert window.paths.select_learner("199001012015011001")
    assert window.paths.learner.id == "199001012015011001"
    language_action(window, "English").trigger()
    english = controller.window
    assert english is not window
    qtbot.waitUntil(lambda: english.paths.learner is not None, timeout=60_000)
    assert english.paths.learner.id == "199001012015011001"


def test_each_user_has_a_guide_in_both_languages(backend, controllers, qtbot):
    window = controllers("id").window
    window.tabs.setCurrentIndex(REGIONS_TAB)
    help_menu = window.menuBar().actions()[-1].menu()
    titles = [a.text() for a in help_menu.actions() if a.text()]
    assert titles[:4] == [
        "Panduan untuk tab ini",
        "Panduan perancang kurikulum",
        "Panduan pengelola pelatihan",
        "Panduan staf wilayah",
    ]
    help_menu.actions()[0].trigger()  # F1 on the regions tab: the regional staff's
    assert window.guide_dialog.guide == "wilayah"
    assert "standar wilayah" in window.guide_dialog.text.toPlainText()
    for guide in ("perancang", "pengelola"):
        page = window.show_guide(guide).text.toPlainText()
        assert len(page.splitlines()) >= 5
    english = controllers("en").window
    english.tabs.setCurrentIndex(2)
    page = english.show_guide(english.guide_for_tab()).text.toPlainText()
    assert page.startswith("Training officer's guide")
    assert "Ctrl+I" in page and "Berkas" not in page


def test_the_gap_chart_header_fits_in_english(backend, controllers):
    from PySide6.QtGui import QFont, QFontMetrics

    chart = controllers("en").window.paths.gap_chart
    header = chart._right_header()
    assert header == "Current → target"
    small = QFont(chart.font())
    small.setPointSizeF(max(7.0, chart.font().pointSizeF() - 1))
    width = QFontMetrics(small).horizontalAdvance(header)
    assert chart._text_right() - 16 >= width  # its column is as wide as its header
