"""The graph editor's dialogs: add a prerequisite by keyboard, and confirm a save's impact."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...graph import AddEdge, PathChange, RemoveEdge
from ...io.masking import pseudonym
from ..i18n import in_app_language
from .texts import SEP, GraphTexts

__all__ = ["AddPrerequisiteDialog", "ImpactDialog"]


class AddPrerequisiteDialog(QDialog):
    """Choose a module, the module it requires and the kind: the keyboard way to add an edge.

    ``entries`` are (code, label) of every module; ``modules`` those offered as the module
    that requires (the ones whose edges the person may change; default: every module).
    """

    def __init__(
        self,
        entries: list[tuple[str, str]],
        module: str | None,
        kind: str,
        parent: QWidget | None = None,
        modules: list[tuple[str, str]] | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tambah prasyarat"))
        self._codes = {code.lower(): code for code, _ in entries}
        self.module_box = self._module_box(entries if modules is None else modules)
        self.requires_box = self._module_box(entries)
        if module is not None:
            self.module_box.setCurrentIndex(self.module_box.findData(module))
        self.kind_box = QComboBox(self)
        self.kind_box.addItem(self.tr("wajib — harus selesai lebih dulu"), "hard")
        self.kind_box.addItem(self.tr("anjuran — sebaiknya lebih dulu"), "soft")
        self.kind_box.setCurrentIndex(self.kind_box.findData(kind))
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #B71C1C;")
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Modul:"), self.module_box)
        form.addRow(self.tr("M&emerlukan:"), self.requires_box)
        form.addRow(self.tr("&Jenis:"), self.kind_box)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Tambah"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        hint = QLabel(
            self.tr(
                "Modul memerlukan prasyaratnya: “PB-201 memerlukan PB-101” "
                "berarti PB-101 diambil sebelum PB-201."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5F6B78;")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())
        (self.requires_box if module is not None else self.module_box).setFocus()

    def _module_box(self, entries: list[tuple[str, str]]) -> QComboBox:
        box = QComboBox(self)
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        box.setMaxVisibleItems(15)
        for code, label in entries:
            box.addItem(label, code)
        box.setCurrentIndex(-1)
        completer = box.completer()
        assert completer is not None  # an editable combo box has one
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        return box

    def _code(self, box: QComboBox) -> str | None:
        text = box.currentText().strip()
        index = box.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return box.itemData(index)
        return self._codes.get(text.split(SEP)[0].strip().lower())

    def values(self) -> tuple[str | None, str | None, str]:
        """(module, requires, kind); a code is None when the text names no module."""
        return (
            self._code(self.module_box),
            self._code(self.requires_box),
            self.kind_box.currentData(),
        )

    def accept(self) -> None:
        module, requires, _ = self.values()
        if module is None or requires is None:
            which = self.module_box if module is None else self.requires_box
            self.error_label.setText(
                self.tr("“{text}” bukan kode modul di katalog.").format(text=which.currentText())
            )
            self.error_label.show()
            which.setFocus()
            return
        super().accept()


class ImpactDialog(QDialog):
    """Which stored learner paths the unsaved edits change; Simpan or Batal.

    Learner ids are shown masked with the workspace's ``pseudonym_key`` (or numbered
    when it has none).
    """

    def __init__(
        self,
        changes: list[tuple[AddEdge | RemoveEdge, PathChange]],
        pseudonym_key: str | None,
        texts: GraphTexts,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        count, lines = self._describe(changes, pseudonym_key, texts)
        self.setWindowTitle(self.tr("Dampak pada jalur peserta"))
        self.heading = QLabel(self.tr("{n} jalur peserta akan berubah").format(n=count), self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        note = QLabel(
            self.tr(
                "Perubahan prasyarat ini mengubah jalur yang sudah diberikan kepada peserta "
                "berikut (ID disamarkan). Setelah menyimpan, buat ulang rekomendasi mereka."
            ),
            self,
        )
        note.setWordWrap(True)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setPlainText("\n".join(lines))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Simpan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.heading, note, self.details, self.buttons):
            layout.addWidget(widget)
        self.resize(640, 420)

    def _describe(
        self,
        changes: list[tuple[AddEdge | RemoveEdge, PathChange]],
        key: str | None,
        texts: GraphTexts,
    ) -> tuple[int, list[str]]:
        """(learners affected, lines) with learner ids masked."""
        by_learner: dict[str, list[str]] = {}
        for edit, change in changes:
            if isinstance(edit, AddEdge):
                what = self.tr("{module} memerlukan {requires} ({kind})").format(
                    module=edit.module, requires=edit.requires, kind=texts.kind(edit.kind)
                )
            else:
                what = self.tr("{module} tidak lagi memerlukan {requires}").format(
                    module=edit.module, requires=edit.requires
                )
            how = in_app_language(change.describe())
            by_learner.setdefault(change.learner, []).append(f"    • {what}: {how}")
        lines = []
        for number, learner in enumerate(sorted(by_learner), start=1):
            shown = pseudonym(key, learner) if key else self.tr("peserta {n}").format(n=number)
            lines.append(shown)
            lines += by_learner[learner]
        return len(by_learner), lines
