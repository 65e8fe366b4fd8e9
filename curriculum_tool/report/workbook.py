"""Tables written as one ``.xlsx`` workbook with openpyxl: bold wrapped headers, number
formats by column, widths to fit, frozen header row; atomic, reproducible and safe
against formula injection. The writer of the agency summary (:mod:`.summary`).
"""

from __future__ import annotations

import io
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..errors import CurriculumError
from ..io.atomic import atomic_output
from ..io.cell_escape import xlsx_value
from ..io.tables import _reproducible_zip
from ..messages import Catalogue

__all__ = ["check_xlsx_suffix", "write_summary_xlsx"]

#: Number formats of columns (by header) in the workbook.
_FORMATS = {
    "Nilai Harapan": "0.00",
    "Cakupan Kesenjangan": "0.0%",
    "Rata-rata Cakupan Kesenjangan": "0.0%",
    "Rata-rata Peluang Berhasil": "0.00",
    "Rata-rata JP": "0.0",
}
_OVERVIEW_FORMATS = {
    "Rata-rata JP per pegawai": "0.0",
    "Persentase di bawah minimum": "0.0%",
    "Rata-rata nilai harapan": "0.00",
    "Rata-rata cakupan kesenjangan": "0.0%",
}
_MAX_WIDTH = 60

SAID = Catalogue(
    "report.workbook",
    {
        "not_xlsx": (
            "the summary is a workbook: the file must end in .xlsx, not '{name}'",
            "ringkasan berupa buku kerja Excel: nama berkas harus berakhiran .xlsx, bukan '{name}'",
        ),
    },
)


def _cell(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float) and np.isnan(value):
        return None
    if isinstance(value, np.generic):
        return value.item()
    return value


def check_xlsx_suffix(out: Path) -> None:
    if out.suffix.lower() != ".xlsx":
        raise CurriculumError(SAID("not_xlsx", name=out.name))


def write_summary_xlsx(frames: Mapping[str, pd.DataFrame], out: str | os.PathLike[str]) -> None:
    """Write ``frames`` (sheet name → table) as one workbook, atomically and reproducibly
    (the same tables give the same bytes). Every text cell is escaped and typed as text
    (:func:`~curriculum_tool.io.cell_escape.xlsx_value`): a module titled ``=cmd|…`` or a
    learner named ``=HYPERLINK(…)`` never becomes a formula."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    out = Path(out)
    check_xlsx_suffix(out)
    book = Workbook()
    book.remove(book.active)
    for name, frame in frames.items():
        sheet = book.create_sheet(name[:31])
        columns = [str(c) for c in frame.columns]
        sheet.append([xlsx_value(sheet, c) for c in columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(vertical="top", wrap_text=True)
        for values in frame.itertuples(index=False, name=None):
            sheet.append([xlsx_value(sheet, _cell(v)) for v in values])
        widths = [len(c) for c in columns]
        for row in sheet.iter_rows(min_row=2):
            for j, cell in enumerate(row):
                if cell.value is not None:
                    widths[j] = max(widths[j], len(str(cell.value)))
                header = columns[j]
                if header in _FORMATS:
                    cell.number_format = _FORMATS[header]
                elif name == "Ringkasan" and j == 1:
                    label = row[0].value
                    if label in _OVERVIEW_FORMATS:
                        cell.number_format = _OVERVIEW_FORMATS[label]
        for j, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(j)].width = min(_MAX_WIDTH, width + 2)
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    with atomic_output(out, "wb") as handle:
        _reproducible_zip(buffer, handle)
