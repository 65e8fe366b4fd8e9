"""A form for one contract record: one field per column, validated by the core.

The form is generated from the record type's columns; choice columns get a combo box.
On OK the text goes through ``Record.from_row`` (the same validation as an imported
row) and every problem is shown under its field; the dialog stays open until the record
is valid. Whether the workspace accepts it (references, cycles, the version it was read
at) is checked by the caller, which may show the record again as it is stored now
(:meth:`RecordForm.set_record`).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain import Record, RowError
from ..domain.vocab import (
    COMPETENCY_GROUPS,
    CONNECTIVITY,
    MODALITIES,
    PREREQUISITE_KINDS,
    STATUSES,
)
from .i18n import in_app_language

__all__ = ["CHOICES", "HINTS", "RecordForm"]

#: Columns offered as a closed list.
CHOICES: dict[str, tuple[str, ...]] = {
    "group": COMPETENCY_GROUPS,
    "modality": MODALITIES,
    "status": STATUSES,
    "min_connectivity": CONNECTIVITY,
    "connectivity": CONNECTIVITY,
    "kind": PREREQUISITE_KINDS,
    "is_3t": ("0", "1"),
    "min_digital_literacy": ("0", "1", "2", "3"),
    "digital_literacy": ("0", "1", "2", "3"),
}

#: What a list column looks like, shown as the field's placeholder.
HINTS: dict[str, str] = {
    "competencies": "KODE:LEVEL;KODE:LEVEL",
    "hazards": "gempa_bumi;tsunami",
    "completed": "KODE;KODE",
    "scope": "national atau kode wilayah (mis. 72.71)",
}


class RecordForm(QDialog):
    """Edit (or create) one record of ``record_type``; ``record()`` gives the valid result."""

    def __init__(
        self,
        record_type: type[Record],
        labels: dict[str, str],
        record: Record | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.record_type = record_type
        self.setMinimumWidth(520)
        self.fields: dict[str, QLineEdit | QComboBox] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        for column in record_type.COLUMNS:
            field: QLineEdit | QComboBox
            if column in CHOICES:
                field = QComboBox(self)
                field.addItems(list(CHOICES[column]))
            else:
                field = QLineEdit(self)
                field.setPlaceholderText(HINTS.get(column, ""))
            error = QLabel(self)
            error.setStyleSheet("color: #b00020;")
            error.setWordWrap(True)
            error.hide()
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(field)
            box.addWidget(error)
            holder = QWidget(self)
            holder.setLayout(box)
            box.setContentsMargins(0, 0, 0, 0)
            form.addRow(labels.get(column, column), holder)
            self.fields[column] = field
            self.errors[column] = error
        self.general = QLabel(self)
        self.general.setStyleSheet("color: #b00020;")
        self.general.setWordWrap(True)
        self.general.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self._result: Record | None = None
        self.set_record(record)

    def set_record(self, record: Record | None) -> None:
        """Show ``record`` (None: an empty form to add one), as when the form opened on
        it: what "Muat ulang" does after someone else changed the record meanwhile."""
        self.setWindowTitle(self.tr("Ubah data") if record else self.tr("Tambah data"))
        values = record.to_row() if record else {}
        for column, field in self.fields.items():
            if isinstance(field, QComboBox):
                if values.get(column):
                    field.setCurrentText(values[column])
                else:
                    field.setCurrentIndex(0)
            else:
                field.setText(values.get(column, ""))
            # a key is the record's identity: add a new one instead
            field.setEnabled(record is None or column not in self.record_type.KEY)
        self.show_problems([])

    def values(self) -> dict[str, str]:
        return {
            column: (field.currentText() if isinstance(field, QComboBox) else field.text()).strip()
            for column, field in self.fields.items()
        }

    def show_problems(self, problems: list[tuple[str, str]]) -> None:
        """Show ``(column, message)`` pairs under their fields (others above the buttons)."""
        for label in self.errors.values():
            label.hide()
        other = []
        for column, message in problems:
            if column in self.errors:
                self.errors[column].setText(in_app_language(message))
                self.errors[column].show()
            else:
                other.append(in_app_language(message))
        self.general.setText("\n".join(other))
        self.general.setVisible(bool(other))

    def accept(self) -> None:
        try:
            self._result = self.record_type.from_row(self.values())
        except RowError as error:
            self.show_problems(error.problems)
            return
        super().accept()

    def record(self) -> Record | None:
        return self._result
