"""The form a regional officer fills to add or change a local module of one region.

The form only gathers text: what a module row of ``modules.csv`` would hold, plus the
module's prerequisite edges. Saving hands both to a ``save`` callable supplied by the
caller, which runs the core's checks (``Module.from_row``, then the edit service) in one
transaction and returns the problems it found; the form shows them next to the fields
and in a list, and stays open until the workspace accepts the module.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain import Competency, Module, Region
from ...domain.review import FIRST_STATUS
from ...domain.vocab import CONNECTIVITY, DIGITAL_LITERACY, HAZARDS, MODALITIES
from ..i18n import in_app_language
from ..vocab_labels import (
    connectivity_label,
    format_index,
    hazard_label,
    literacy_label,
    modality_label,
    status_label,
)
from .fields import ProblemList, combo_code, competency_combo, level_combo
from .prerequisite_picker import PrerequisitePicker

__all__ = ["HAZARD_PRESELECT", "LocalModuleForm", "SaveModule"]

#: Hazards with at least this index in the region are pre-checked on a new module.
HAZARD_PRESELECT = 0.5

#: ``save(module_row, [(requires, kind)])`` → problems as ``(column, message)``; an empty
#: list means the workspace accepted and stored the module.
SaveModule = Callable[[dict[str, str], list[tuple[str, str]]], list[tuple[str, str]]]


class LocalModuleForm(QDialog):
    """Add or change one local module of ``region``; the caller's ``save`` writes it.

    The scope is fixed to the region. A new module starts as a draft owned by the person
    adding it, with the region's connectivity as its minimum and the region's main
    hazards (index ≥ 0.5, own or inherited) checked.
    """

    def __init__(
        self,
        region: Region,
        hazards: Mapping[str, float],
        competencies: Sequence[Competency],
        modules: Sequence[Module],
        save: SaveModule,
        module: Module | None = None,
        prerequisites: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.region = region
        self.module = module
        self._save = save
        self.setWindowTitle(
            self.tr("Ubah modul lokal {code}").format(code=module.code)
            if module
            else self.tr("Tambah modul lokal — {name} ({code})").format(
                name=region.name, code=region.code
            )
        )
        self.setModal(True)
        self.resize(980, 720)
        self._competency_names = {c.code: c.name for c in competencies}
        others = [m for m in modules if module is None or m.code != module.code]
        self._build(region, hazards, competencies, others, prerequisites or {})
        self._fill(region, hazards, module)

    # -- layout --------------------------------------------------------------------------

    def _build(
        self,
        region: Region,
        hazards: Mapping[str, float],
        competencies: Sequence[Competency],
        modules: Sequence[Module],
        prerequisites: Mapping[str, str],
    ) -> None:
        self.code_edit = QLineEdit(self)
        self.code_edit.setPlaceholderText(self.tr("mis. PB-PALU-201"))
        self.title_edit = QLineEdit(self)
        self.jp_edit = QLineEdit(self)
        self.jp_edit.setPlaceholderText(self.tr("1–400 (1 JP = 45 menit)"))
        self.modality_combo = QComboBox(self)
        for modality in MODALITIES:
            self.modality_combo.addItem(modality_label(modality), modality)
        self.level_combo = level_combo(self)
        self.owner_edit = QLineEdit(self)
        self.owner_edit.setPlaceholderText(self.tr("unit atau nama penyusun"))
        self.audience_edit = QLineEdit(self)
        self.audience_edit.setPlaceholderText(
            self.tr("kosong = semua; mis. pengawas;administrator")
        )
        self.audience_edit.setToolTip(
            self.tr(
                "Untuk siapa modul ini: jenjang (pelaksana, fungsional_keterampilan, "
                "fungsional_ahli, pengawas, administrator, jpt) dan/atau status (cpns, pns, pppk), "
                "dipisah ';'. Kosong berarti untuk semua peserta."
            )
        )
        self.status_value = QLabel(self)
        scope = QLabel(f"<b>{region.code}</b> {region.name}", self)
        scope.setToolTip(
            self.tr("Modul lokal hanya ditawarkan di wilayah ini dan wilayah di bawahnya.")
        )
        self.min_connectivity_combo = QComboBox(self)
        for key in CONNECTIVITY:
            self.min_connectivity_combo.addItem(connectivity_label(key), key)
        self.min_literacy_combo = QComboBox(self)
        for level in DIGITAL_LITERACY:
            self.min_literacy_combo.addItem(literacy_label(level), str(level))

        identity = QGroupBox(self.tr("Identitas modul"), self)
        form = QFormLayout(identity)
        form.addRow(self.tr("Kode"), self.code_edit)
        form.addRow(self.tr("Judul"), self.title_edit)
        form.addRow(self.tr("JP"), self.jp_edit)
        form.addRow(self.tr("Modalitas"), self.modality_combo)
        form.addRow(self.tr("Level"), self.level_combo)
        form.addRow(self.tr("Cakupan"), scope)
        form.addRow(self.tr("Status"), self.status_value)
        form.addRow(self.tr("Pemilik"), self.owner_edit)
        form.addRow(self.tr("Sasaran"), self.audience_edit)

        delivery = QGroupBox(self.tr("Syarat penyampaian"), self)
        form = QFormLayout(delivery)
        form.addRow(self.tr("Konektivitas minimum"), self.min_connectivity_combo)
        form.addRow(self.tr("Literasi digital minimum"), self.min_literacy_combo)
        hint = QLabel(
            self.tr("Konektivitas {name}: {value}").format(
                name=region.name, value=connectivity_label(region.connectivity)
            ),
            self,
        )
        hint.setStyleSheet("color: palette(mid);")
        form.addRow("", hint)

        self.hazard_list = QListWidget(self)
        for key in HAZARDS:
            index = hazards.get(key, 0.0)
            text = hazard_label(key)
            if index > 0:
                text += f"  ({format_index(index)})"
            item = QListWidgetItem(text, self.hazard_list)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        hazard_box = QGroupBox(self.tr("Bahaya yang ditangani"), self)
        QVBoxLayout(hazard_box).addWidget(self.hazard_list)

        self.competency_table = QTableWidget(0, 3, self)
        self.competency_table.setHorizontalHeaderLabels(
            [self.tr("Kompetensi"), self.tr("Level"), self.tr("Nama")]
        )
        self.competency_table.verticalHeader().hide()
        self.competency_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.competency_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.competency_combo = competency_combo(competencies, self)
        self.competency_level_combo = level_combo(self, "2")
        self.add_competency_button = QPushButton(self.tr("Tambah"), self)
        self.add_competency_button.clicked.connect(self.add_competency)
        self.remove_competency_button = QPushButton(self.tr("Hapus baris"), self)
        self.remove_competency_button.clicked.connect(self.remove_competency)
        adder = QHBoxLayout()
        adder.addWidget(self.competency_combo, 1)
        adder.addWidget(QLabel(self.tr("Level"), self))
        adder.addWidget(self.competency_level_combo)
        adder.addWidget(self.add_competency_button)
        adder.addWidget(self.remove_competency_button)
        competency_box = QGroupBox(self.tr("Kompetensi yang diajarkan (level yang dicapai)"), self)
        box = QVBoxLayout(competency_box)
        box.addWidget(self.competency_table)
        box.addLayout(adder)

        self.prerequisites = PrerequisitePicker(modules, prerequisites, self)
        prerequisite_box = QGroupBox(self.tr("Prasyarat"), self)
        QVBoxLayout(prerequisite_box).addWidget(self.prerequisites)

        self.problems = ProblemList(self)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("Simpan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(
            self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.try_save)
        self.cancel_button.clicked.connect(self.reject)

        grid = QGridLayout()
        grid.addWidget(identity, 0, 0)
        grid.addWidget(competency_box, 0, 1)
        grid.addWidget(delivery, 1, 0)
        grid.addWidget(prerequisite_box, 1, 1, 2, 1)
        grid.addWidget(hazard_box, 2, 0)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(grid, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)

        self._fields: dict[str, QWidget] = {
            "code": self.code_edit,
            "title": self.title_edit,
            "jp": self.jp_edit,
            "modality": self.modality_combo,
            "level": self.level_combo,
            "competencies": self.competency_table,
            "hazards": self.hazard_list,
            "min_connectivity": self.min_connectivity_combo,
            "min_digital_literacy": self.min_literacy_combo,
            "owner": self.owner_edit,
            "audience": self.audience_edit,
            "prerequisites": self.prerequisites.view,
        }

    def _fill(self, region: Region, hazards: Mapping[str, float], module: Module | None) -> None:
        if module is None:
            self.level_combo.setCurrentText("")
            self._select(self.min_connectivity_combo, region.connectivity)
            self._select(self.min_literacy_combo, "0")
            checked = {key for key, index in hazards.items() if index >= HAZARD_PRESELECT}
            self.owner_edit.setText(_user_name())
            self.status = FIRST_STATUS
            self.status_value.setText(
                self.tr("{status} — modul baru selalu dimulai sebagai draf").format(
                    status=status_label(FIRST_STATUS)
                )
            )
        else:
            self.code_edit.setText(module.code)
            self.code_edit.setReadOnly(True)
            self.code_edit.setToolTip(
                self.tr("Kode adalah identitas modul dan tidak dapat diubah.")
            )
            self.title_edit.setText(module.title)
            self.jp_edit.setText(str(module.jp))
            self._select(self.modality_combo, module.modality)
            self.level_combo.setCurrentText(str(module.level))
            for code, level in module.competencies:
                self._append_competency(code, str(level))
            self._select(self.min_connectivity_combo, module.min_connectivity)
            self._select(self.min_literacy_combo, str(module.min_digital_literacy))
            checked = set(module.hazards)
            self.owner_edit.setText(module.owner)
            self.audience_edit.setText(";".join(module.audience))
            self.status = module.status
            self.status_value.setText(status_label(module.status))
        for i in range(self.hazard_list.count()):
            item = self.hazard_list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) in checked:
                item.setCheckState(Qt.CheckState.Checked)

    @staticmethod
    def _select(combo: QComboBox, key: str) -> None:
        combo.setCurrentIndex(max(0, combo.findData(key)))

    # -- competencies ----------------------------------------------------------------------

    def _append_competency(self, code: str, level: str) -> None:
        row = self.competency_table.rowCount()
        self.competency_table.insertRow(row)
        self.competency_table.setItem(row, 0, QTableWidgetItem(code))
        self.competency_table.setItem(row, 1, QTableWidgetItem(level))
        name = QTableWidgetItem(self._competency_names.get(code, self.tr("(tidak dikenal)")))
        name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.competency_table.setItem(row, 2, name)

    def _competency_cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.competency_table.item(row, column)
        assert item is not None, "_append_competency fills every cell of a row"
        return item

    def add_competency(self) -> None:
        """Append the competency and level picked below the table (or change its level)."""
        code = combo_code(self.competency_combo)
        if not code:
            self.competency_combo.setFocus()
            return
        level = self.competency_level_combo.currentText().strip()
        for row in range(self.competency_table.rowCount()):
            if self._competency_cell(row, 0).text().strip() == code:
                self._competency_cell(row, 1).setText(level)
                break
        else:
            self._append_competency(code, level)
        self.competency_combo.setCurrentIndex(-1)
        self.competency_combo.clearEditText()

    def remove_competency(self) -> None:
        rows = sorted(
            {index.row() for index in self.competency_table.selectedIndexes()}, reverse=True
        )
        for row in rows:
            self.competency_table.removeRow(row)

    def competencies_text(self) -> str:
        """The table as a ``competencies`` cell: ``CODE:LEVEL;…``."""
        pairs = []
        for row in range(self.competency_table.rowCount()):
            code = self._competency_cell(row, 0).text().strip()
            level = self._competency_cell(row, 1).text().strip()
            if code or level:
                pairs.append(f"{code}:{level}")
        return ";".join(pairs)

    # -- result ----------------------------------------------------------------------------

    def row(self) -> dict[str, str]:
        """What the form holds, as the text cells of a ``modules.csv`` row."""
        hazards = [
            self.hazard_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.hazard_list.count())
            if self.hazard_list.item(i).checkState() == Qt.CheckState.Checked
        ]
        return {
            "code": self.code_edit.text().strip(),
            "title": self.title_edit.text().strip(),
            "jp": self.jp_edit.text().strip(),
            "modality": self.modality_combo.currentData(),
            "level": self.level_combo.currentText().strip(),
            "competencies": self.competencies_text(),
            "hazards": ";".join(hazards),
            "min_connectivity": self.min_connectivity_combo.currentData(),
            "min_digital_literacy": self.min_literacy_combo.currentData(),
            "scope": self.region.code,
            "status": self.status,
            "owner": self.owner_edit.text().strip(),
            "audience": self.audience_edit.text().strip(),
        }

    def try_save(self) -> bool:
        """Hand the form to ``save``; close when accepted, else show every problem."""
        if combo_code(self.competency_combo):
            self.add_competency()  # what is typed and shown is what is saved
        problems = self._save(self.row(), self.prerequisites.edges())
        self.show_problems(problems)
        if problems:
            return False
        self.accept()
        return True

    def show_problems(self, problems: Sequence[tuple[str, str]]) -> None:
        """List the problems and mark the fields they are about."""
        self.problems.set_problems(problems)
        bad = {column for column, _ in problems}
        messages: dict[str, list[str]] = {}
        for column, message in problems:
            messages.setdefault(column, []).append(in_app_language(message))
        for column, widget in self._fields.items():
            invalid = column in bad
            widget.setStyleSheet("border: 1px solid #c0392b;" if invalid else "")
            widget.setToolTip("\n".join(messages.get(column, [])))


def _user_name() -> str:
    """Who is adding the module: the operating system's user name, when it has one."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or password database
        return ""
