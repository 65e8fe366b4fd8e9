"""One learner's path written to a file: the PDF to sign (Ctrl+P), or its steps as XLSX.

File names carry the learner's id only when the officer ticks "Tampilkan NIP dan nama";
otherwise its pseudonym (the caller passes the label to use).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox

from ...domain import LearnerPath
from ...errors import CurriculumError
from ...io.tables import write_rows
from ...store import Workspace
from ..i18n import current_language, error_text
from .jobs import DeskJobs
from .timeline import shown_reason

__all__ = ["PATH_COLUMNS", "PathExports"]

#: Columns of a learner's path written by "Ekspor XLSX…" (no personal data).
PATH_COLUMNS = (
    "Urutan",
    "Periode",
    "Modul",
    "Judul",
    "JP",
    "Modalitas",
    "Peluang berhasil",
    "Nilai",
    "Alasan",
)


class PathExports(QObject):
    """Writes a path as a PDF document or an XLSX/CSV table, asking for the file name
    unless given one; reports success on ``status_message`` and failure in a message."""

    status_message = Signal(str)

    def __init__(self, jobs: DeskJobs, parent: QObject | None = None):
        super().__init__(parent)
        self._jobs = jobs

    def export_pdf(
        self, workspace: Workspace, path: LearnerPath, label: str, out: str | Path | None
    ) -> bool:
        """The path as the learner's own document to sign: addressed to them, so it
        shows their name and NIP (the file name, ``jalur-<label>.pdf``, stays masked)."""
        from ..path_pdf import write_path_document  # the renderer loads on first use

        target = self._jobs.save_name(
            self.tr("Ekspor jalur ke PDF"),
            f"jalur-{label}.pdf",
            self.tr("PDF (*.pdf)"),
            (".pdf",),
            out,
        )
        if target is None:
            return False
        try:
            write_path_document(workspace, path, target, lang=current_language())
        except (CurriculumError, OSError) as error:
            self._jobs.inform(
                self.tr("PDF tidak ditulis"), error_text(error), QMessageBox.Icon.Warning
            )
            return False
        self.status_message.emit(self.tr("PDF ditulis: %1").replace("%1", target.name))
        return True

    def export_xlsx(
        self,
        path: LearnerPath,
        label: str,
        modality_label: Callable[[str], str],
        out: str | Path | None,
    ) -> bool:
        """The path's steps as a table (XLSX, or CSV by suffix); no personal data."""
        target = self._jobs.save_name(
            self.tr("Ekspor jalur ke XLSX"),
            f"jalur-{label}.xlsx",
            self.tr("Excel (*.xlsx);;CSV (*.csv)"),
            (".xlsx", ".csv"),
            out,
        )
        if target is None:
            return False
        rows = (
            {
                "Urutan": str(i),
                "Periode": str(step.period),
                "Modul": step.module,
                "Judul": step.title,
                "JP": str(step.jp),
                "Modalitas": modality_label(step.modality),
                "Peluang berhasil": f"{step.p_success:.4f}",
                "Nilai": f"{step.value:.4f}",
                "Alasan": "; ".join(shown_reason(r) for r in step.reasons),
            }
            for i, step in enumerate(path.steps, start=1)
        )
        try:
            write_rows(
                target,
                PATH_COLUMNS,
                rows,
                sheet="Jalur",
                numeric=("Urutan", "Periode", "JP", "Peluang berhasil", "Nilai"),
            )
        except (CurriculumError, OSError) as error:
            self._jobs.inform(
                self.tr("XLSX tidak ditulis"), error_text(error), QMessageBox.Icon.Warning
            )
            return False
        self.status_message.emit(self.tr("Jalur ditulis: %1").replace("%1", target.name))
        return True
