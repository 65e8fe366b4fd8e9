"""The reports' refusals in English (unchanged) and in Bahasa Indonesia: no stored paths,
a learner without one, a workbook that is not ``.xlsx``, a language the document does not
speak."""

from __future__ import annotations

from pathlib import Path

import pytest

from curriculum_tool.errors import CurriculumError, describe
from curriculum_tool.report import write_agency_summary
from curriculum_tool.report.path_document import (
    stored_learner_document,
    stored_paths,
    workspace_documents,
)
from curriculum_tool.report.path_labels import check_language
from curriculum_tool.report.workbook import check_xlsx_suffix


def _refusal(call, *args, **kwargs) -> CurriculumError:
    with pytest.raises(CurriculumError) as refused:
        call(*args, **kwargs)
    return refused.value


def test_a_workspace_without_stored_paths(workspace, tmp_path):
    for error in (
        _refusal(write_agency_summary, workspace, tmp_path / "s.xlsx"),
        _refusal(workspace_documents, workspace),
    ):
        assert str(error) == (
            "no stored paths in this workspace: run 'batch' (or 'recommend --save') first"
        )
        assert describe(error, "id") == (
            "belum ada jalur tersimpan di ruang kerja ini: jalankan dulu 'batch' "
            "(atau 'recommend --save')"
        )
    assert not list(tmp_path.glob("s.*"))


def test_learners_without_a_stored_path(workspace):
    error = _refusal(stored_learner_document, workspace, "NOBODY")
    assert str(error) == (
        "no stored path for this learner: run 'recommend W LEARNER --save' or 'batch' first"
    )
    said = describe(error, "id")
    assert said.startswith("belum ada jalur tersimpan untuk peserta ini") and "NOBODY" not in said
    error = _refusal(stored_paths, workspace, ["A", "B"])
    assert str(error) == "2 of the listed learners have no stored path; nothing was written"
    assert describe(error, "id") == (
        "2 peserta dalam daftar belum memiliki jalur tersimpan; tidak ada yang ditulis"
    )


def test_a_workbook_and_a_language_refused_in_indonesian():
    error = _refusal(check_xlsx_suffix, Path("summary.csv"))
    assert str(error) == "the summary is a workbook: the file must end in .xlsx, not 'summary.csv'"
    assert describe(error, "id").endswith("harus berakhiran .xlsx, bukan 'summary.csv'")
    error = _refusal(check_language, "fr")
    assert str(error) == "unknown language 'fr': use id or en"
    assert describe(error, "id") == "bahasa 'fr' tidak dikenal: gunakan id atau en"
