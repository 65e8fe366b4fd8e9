"""Every learner at once: the agency batch (in the background, with progress and Cancel)
and the agency summary workbook.

Exported files show pseudonyms (ANON-…) and initials unless the officer ticks "Tampilkan
NIP dan nama".
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...errors import CurriculumError
from ...recommend.batch import OUTPUT_SUFFIXES, BatchCancelled, BatchSummary, run_batch
from ...recommend.planner import PathOptions
from ...report.summary import write_agency_summary
from ...store import Workspace
from .. import workers
from ..i18n import error_text
from .jobs import DeskJobs

__all__ = ["AgencyPanel"]


class AgencyPanel(QGroupBox):
    """Semua peserta: plan every learner of ``workspace()`` with ``options()``, write
    the agency summary, and the switch that unmasks exported files.

    The batch ends with ``batch_finished`` (``finished``, ``cancelled`` or ``failed``);
    storing the paths emits ``workspace_edited``.
    """

    status_message = Signal(str)
    workspace_edited = Signal()
    batch_finished = Signal(str)

    def __init__(
        self,
        jobs: DeskJobs,
        workspace: Callable[[], Workspace],
        options: Callable[[], PathOptions],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._jobs = jobs
        self._workspace = workspace
        self._options = options
        self._batch_worker: workers.Worker | None = None
        self.batch_percent = 0
        self.setTitle(self.tr("Semua peserta"))
        self.batch_button = QPushButton(self.tr("Buat jalur untuk semua peserta…"), self)
        self.batch_button.setToolTip(
            self.tr(
                "Hitung jalur setiap peserta dengan pengaturan "
                "di kanan, tulis ke CSV/XLSX/JSONL dan simpan "
                "sebagai jalur terkini"
            )
        )
        self.batch_button.clicked.connect(lambda: self.start_batch())
        self.summary_button = QPushButton(self.tr("Ringkasan instansi…"), self)
        self.summary_button.setToolTip(
            self.tr("Ringkasan XLSX dari jalur yang tersimpan: per pegawai, per modul, per wilayah")
        )
        self.summary_button.clicked.connect(lambda: self.export_agency_summary())
        self.batch_progress = QProgressBar(self)
        self.batch_progress.setTextVisible(True)
        self.batch_progress.hide()
        self.batch_cancel = QPushButton(self.tr("Batal"), self)
        self.batch_cancel.setToolTip(
            self.tr("Hentikan; tidak ada berkas yang ditulis dan tidak ada jalur yang disimpan")
        )
        self.batch_cancel.clicked.connect(self.cancel_batch)
        self.batch_cancel.hide()
        self.unmask = QCheckBox(self.tr("Tampilkan NIP dan nama dalam berkas ekspor"), self)
        self.unmask.setToolTip(
            self.tr("Tanpa centang, berkas ekspor memakai samaran (ANON-…) dan inisial")
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.batch_button)
        buttons.addWidget(self.summary_button)
        progress = QHBoxLayout()
        progress.addWidget(self.batch_progress, 1)
        progress.addWidget(self.batch_cancel)
        box = QVBoxLayout(self)
        box.addLayout(buttons)
        box.addLayout(progress)
        box.addWidget(self.unmask)

    # -- the agency summary ------------------------------------------------------------

    def export_agency_summary(self, out: str | Path | None = None) -> bool:
        """The agency summary workbook of the stored paths, written in the background."""
        target = self._jobs.save_name(
            self.tr("Ringkasan instansi"),
            "ringkasan-instansi.xlsx",
            self.tr("Excel (*.xlsx)"),
            (".xlsx",),
            out,
        )
        if target is None:
            return False
        workspace_target, unmask = self._workspace().target, self.unmask.isChecked()

        def task(report: workers.Report, cancelled: Callable[[], bool]) -> int:
            workspace = Workspace.open(workspace_target)
            try:
                return write_agency_summary(workspace, target, unmask=unmask)
            finally:
                workspace.close()

        def done(count: int) -> None:
            self.summary_button.setEnabled(True)
            self._jobs.inform(
                self.tr("Ringkasan instansi"),
                self.tr("Ringkasan %1 peserta ditulis ke %2.")
                .replace("%1", str(count))
                .replace("%2", str(target)),
            )

        def failed(message: str) -> None:
            self.summary_button.setEnabled(True)
            self._jobs.inform(self.tr("Ringkasan tidak ditulis"), message, QMessageBox.Icon.Warning)

        self.summary_button.setEnabled(False)
        self.status_message.emit(self.tr("Menulis ringkasan instansi…"))
        self._jobs.run(task, done, failed)
        return True

    # -- the agency batch --------------------------------------------------------------

    def start_batch(self, out: str | Path | None = None) -> bool:
        """Plan every learner with the current knobs in the background; write ``out``
        and store each path as the learner's current path."""
        if self._batch_worker is not None:
            return False
        target = self._jobs.save_name(
            self.tr("Jalur semua peserta"),
            "jalur-semua-peserta.csv",
            self.tr("CSV (*.csv);;Excel (*.xlsx);;JSON Lines (*.jsonl)"),
            OUTPUT_SUFFIXES,
            out,
        )
        if target is None:
            return False
        try:
            options = self._options()
        except CurriculumError as error:
            self._jobs.inform(
                self.tr("Jalur semua peserta"), error_text(error), QMessageBox.Icon.Warning
            )
            return False
        workspace_target, unmask = self._workspace().target, self.unmask.isChecked()
        outcome: dict[str, BatchSummary] = {}

        def task(report: workers.Report, cancelled: Callable[[], bool]) -> BatchSummary:
            workspace = Workspace.open(workspace_target)
            try:
                try:
                    summary = run_batch(
                        workspace,
                        target,
                        options=options,
                        unmask=unmask,
                        progress=lambda done, total: report(done, total, ""),
                        cancelled=cancelled,
                    )
                except BatchCancelled:
                    raise workers.Cancelled() from None
                outcome["summary"] = summary
                return summary
            finally:
                workspace.close()

        def cancelled() -> None:
            if "summary" in outcome:  # finished before the cancel arrived: it is written
                self._batch_done(outcome["summary"])
                return
            self._batch_stopped()
            self._jobs.inform(
                self.tr("Jalur semua peserta"), self.tr("Dibatalkan; tidak ada yang ditulis.")
            )
            self.status_message.emit(self.tr("Dibatalkan; tidak ada yang ditulis"))
            self.batch_finished.emit("cancelled")

        def failed(message: str) -> None:
            self._batch_stopped()
            self._jobs.inform(
                self.tr("Jalur semua peserta tidak dibuat"), message, QMessageBox.Icon.Warning
            )
            self.batch_finished.emit("failed")

        self.batch_percent = 0
        self.batch_button.setEnabled(False)
        self.batch_progress.setRange(0, 0)
        self.batch_progress.setFormat(self.tr("Memuat model…"))
        self.batch_progress.show()
        self.batch_cancel.setEnabled(True)
        self.batch_cancel.show()
        self.status_message.emit(self.tr("Membuat jalur untuk semua peserta…"))
        self._batch_worker = self._jobs.run(
            task, self._batch_done, failed, self._batch_progress, cancelled
        )
        return True

    def cancel_batch(self) -> None:
        """Ask the batch to stop at its next check; nothing is written or stored."""
        if self._batch_worker is None:
            return
        self._batch_worker.cancel()
        self.batch_cancel.setEnabled(False)
        self.batch_progress.setFormat(self.tr("Membatalkan…"))

    @property
    def batch_running(self) -> bool:
        return self._batch_worker is not None

    def _batch_progress(self, done: int, total: int, _message: str) -> None:
        if total <= 0:
            return
        self.batch_progress.setRange(0, total)
        self.batch_progress.setValue(done)
        self.batch_percent = max(self.batch_percent, round(100 * done / total))
        if self.batch_cancel.isEnabled():
            self.batch_progress.setFormat(
                self.tr("%p% · %1 dari %2 peserta")
                .replace("%1", str(done))
                .replace("%2", str(total))
            )

    def _batch_stopped(self) -> None:
        self._batch_worker = None
        self.batch_button.setEnabled(True)
        self.batch_cancel.hide()
        self.batch_progress.hide()

    def _batch_done(self, summary: BatchSummary) -> None:
        self._batch_stopped()
        masked = (
            ""
            if self.unmask.isChecked()
            else self.tr(" NIP peserta disamarkan (ANON-…) dalam berkas.")
        )
        text = (
            self.tr(
                "%1 jalur (%2 langkah) ditulis ke %3 dan disimpan sebagai jalur "
                "terkini setiap peserta; %4 peserta di bawah minimum JP."
            )
            .replace("%1", str(summary.learners))
            .replace("%2", str(summary.steps))
            .replace("%3", summary.output)
            .replace("%4", str(summary.below_min_jp))
            + masked
        )
        self._jobs.inform(self.tr("Jalur semua peserta"), text)
        self.status_message.emit(
            self.tr("Jalur %1 peserta ditulis").replace("%1", str(summary.learners))
        )
        self.workspace_edited.emit()
        self.batch_finished.emit("finished")
