"""Single-record edits from the app, with the same checks as a file import: the edit
service's :func:`~curriculum_tool.edit.service.save_records` and
:func:`~curriculum_tool.edit.service.delete_records`, where they are kept."""

from __future__ import annotations

from ..edit.service import EDIT_LABEL, delete_records, save_records

__all__ = ["EDIT_LABEL", "delete_records", "save_records"]
