"""Import and export dialogs: every problem of a refused file is shown, nothing half-done.

Imports run in the background (a million outcome rows take a while) and are all-or-
nothing in the core; a refused file opens a list of all its ``FILE:ROW:COLUMN``
problems that the user can copy into an e-mail to whoever made the file.

A Moodle course-completion report is the outcomes of one module: the one whose code
Moodle writes as the course short name in the file name, as on the command line; when the
name names none (or several), the dialog asks which, among the workspace's modules.
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
    QInputDialog,
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
    "COMPLETION_KIND",
    "EXPORT_KINDS",
    "IMPORT_KINDS",
    "ProblemsDialog",
    "TransferDialog",
    "run_export",
    "run_import",
]

#: Moodle's course-completion report: outcomes of one module, chosen when importing.
COMPLETION_KIND = "moodle-completion"
IMPORT_KINDS: tuple[str, ...] = (*KINDS, "moodle", COMPLETION_KIND, "case")
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

    def __init__(self, exporting: bool, parent: QWidget | None = None, workspace=None):
        super().__init__(parent)
        self.exporting = exporting
        #: Whose modules a course-completion report may be of (default: the parent's).
        self.workspace = workspace if workspace is not None else getattr(parent, "workspace", None)
        #: The module a course-completion report is of, once chosen (None: by its name).
        self.module: str | None = None
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
            COMPLETION_KIND: "CSV (*.csv)",
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

    def accept(self) -> None:
        """Close with the choice; a course-completion report first needs its module,
        and cancelling that question keeps the dialog open."""
        if not self.exporting and self.kind.currentText() == COMPLETION_KIND:
            module = self._completion_module()
            if module is None:
                return
            self.module = module or None
        super().accept()

    def _completion_module(self) -> str | None:
        """The report's module: the one its file name names, else the user's choice
        among the workspace's (preselected by the name); "" when there is nothing to
        choose from (the core then says why), None when the user cancels."""
        from ..io.moodle_completion import modules_named_by

        codes = sorted(m.code for m in self.workspace.load("modules")) if self.workspace else []
        name = Path(self.path.text().strip()).name
        named = modules_named_by(name, codes)
        if len(named) == 1 or not codes:
            return named[0] if named else ""
        question = self.tr(
            "Nama berkas %1 tidak menunjuk satu modul. Laporan penyelesaian kursus ini untuk modul:"
        ).replace("%1", name)
        current = codes.index(named[0]) if named else 0
        code, ok = QInputDialog.getItem(
            self, self.tr("Modul laporan penyelesaian"), question, codes, current, False
        )
        return code if ok else None

    def choice(self) -> tuple[str, Path, bool]:
        return self.kind.currentText(), Path(self.path.text().strip()), self.option.isChecked()


def run_import(workspace, kind: str, path: Path, replace: bool, module: str | None = None) -> str:
    """Import in the core; returns the summary, each file's line and notes, as a core
    message (show it with ``in_app_language``; raises on refusal). ``module``: the
    module of a course-completion report (the dialog's :attr:`TransferDialog.module`)."""
    from ..io import import_file
    from ..io.importer import joined
    from ..io.interchange import READ_FORMATS, import_interchange

    if kind in READ_FORMATS:
        summaries = import_interchange(workspace, kind, path, replace, module=module)
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
