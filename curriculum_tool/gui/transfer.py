"""Import and export dialogs: every problem of a refused file is shown, nothing half-done.

Imports run in the background (a million outcome rows take a while) and are all-or-
nothing in the core; a refused file opens a list of all its ``FILE:ROW:COLUMN``
problems that the user can copy into an e-mail to whoever made the file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..errors import ValidationError
from ..io.importer import KINDS
from .i18n import current_language

__all__ = [
    "EXPORT_KINDS",
    "IMPORT_KINDS",
    "ProblemsDialog",
    "TransferDialog",
    "run_export",
    "run_import",
]

IMPORT_KINDS: tuple[str, ...] = (*KINDS, "moodle", "case")
EXPORT_KINDS: tuple[str, ...] = (*KINDS, "moodle", "case", "graphml", "paths", "audit")
_PERSONAL = {"learners", "outcomes", "paths", "audit"}


class ProblemsDialog(QDialog):
    """Every problem of a refused file, copyable."""

    def __init__(self, title: str, problems: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(760, 420)
        summary = QLabel(
            self.tr("Berkas ditolak seluruhnya; workspace tidak berubah. %1 masalah:").replace(
                "%1", str(len(problems))
            ),
            self,
        )
        self.list = QListWidget(self)
        self.list.addItems(problems)
        copy = QPushButton(self.tr("Salin semua"), self)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText("\n".join(problems)))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(copy)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.list)
        layout.addLayout(row)


class TransferDialog(QDialog):
    """Choose a kind and a file (and the options of an import or an export)."""

    def __init__(self, exporting: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.exporting = exporting
        self.setWindowTitle(self.tr("Ekspor") if exporting else self.tr("Impor"))
        self.kind = QComboBox(self)
        self.kind.addItems(list(EXPORT_KINDS if exporting else IMPORT_KINDS))
        self.path = QLineEdit(self)
        browse = QPushButton(self.tr("Pilih…"), self)
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path)
        file_row.addWidget(browse)
        self.option = QCheckBox(
            self.tr("Tampilkan NIP dan nama apa adanya (tanpa samaran)")
            if exporting
            else self.tr("Ganti seluruh tabel (--replace)"),
            self,
        )
        form = QFormLayout()
        form.addRow(self.tr("Jenis data"), self.kind)
        form.addRow(self.tr("Berkas"), file_row)
        form.addRow("", self.option)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        kind = self.kind.currentText()
        patterns = {
            "case": "JSON (*.json)",
            "graphml": "GraphML (*.graphml)",
            "paths": "CSV (*.csv);;Excel (*.xlsx);;JSON Lines (*.jsonl)",
        }
        pattern = patterns.get(kind, "CSV (*.csv);;Excel (*.xlsx)")
        if self.exporting:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Ekspor ke"), "", pattern)
        else:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Impor dari"), "", pattern)
        if path:
            self.path.setText(path)

    def choice(self) -> tuple[str, Path, bool]:
        return self.kind.currentText(), Path(self.path.text().strip()), self.option.isChecked()


def run_import(workspace, kind: str, path: Path, replace: bool) -> str:
    """Import in the core; returns the summary, each file's line and notes, as a core
    message (show it with ``in_app_language``; raises on refusal)."""
    from ..io import import_file
    from ..io.importer import joined
    from ..io.interchange import READ_FORMATS, import_interchange

    if kind in READ_FORMATS:
        summaries = import_interchange(workspace, kind, path, replace)
        return joined([summary.message for summary in summaries])
    return import_file(workspace, kind, path, replace=replace).message


def run_export(workspace, kind: str, path: Path, unmask: bool) -> str:
    """Export in the core; returns the summary line as a core message (show it with
    ``in_app_language``)."""
    from ..io import export_file
    from ..io.exporter import export_summary
    from ..io.interchange import WRITE_FORMATS, export_interchange

    if kind == "paths":
        from ..recommend.batch import export_paths

        return export_summary(export_paths(workspace, path, unmask), kind, path)
    if kind in WRITE_FORMATS:
        return f"{export_interchange(workspace, kind, path)} → {path}"
    count = export_file(workspace, kind, path, unmask=unmask)
    return export_summary(count, kind, path, masked=not unmask and kind in _PERSONAL)


def problem_lines(error: ValidationError) -> list[str]:
    return [problem.render(current_language()) for problem in error.problems]
