"""What the planner and the batch say, in English (unchanged) and in Bahasa Indonesia: the
refused options, an unknown learner, the batch's summary and refusals, and the path as
text."""

from __future__ import annotations

import pytest

from curriculum_tool.errors import CurriculumError, describe
from curriculum_tool.recommend import PathOptions
from curriculum_tool.recommend.batch import BatchCancelled, BatchSummary, run_batch
from curriculum_tool.recommend.text import path_text


@pytest.mark.parametrize(
    "options, english, indonesian",
    [
        ({"max_jp": 0}, "--max-jp must be at least 1", "--max-jp minimal 1"),
        (
            {"min_jp": 50},
            "--min-jp must be between 0 and --max-jp (40)",
            "--min-jp harus antara 0 dan --max-jp (40)",
        ),
        ({"periods": 41}, "--periods must be at least 1 and at most --max-jp", "paling banyak"),
        ({"method": "random"}, "method must be one of ", "metode harus salah satu dari "),
        ({"excluded": "some"}, "excluded must be 'all' or 'blocking'", "harus 'all' atau"),
    ],
)
def test_refused_options_read_in_both_languages(options, english, indonesian):
    with pytest.raises(CurriculumError) as refused:
        PathOptions(**options)
    assert str(refused.value).startswith(english)
    assert describe(refused.value, "en").startswith(english)
    said = describe(refused.value, "id")
    assert indonesian in said and "must" not in said


def test_an_unknown_learner_in_indonesian(recommender):
    with pytest.raises(CurriculumError) as refused:
        recommender.recommend("NO-SUCH-LEARNER")
    assert str(refused.value) == "unknown learner: no learner with that id in this workspace"
    said = describe(refused.value, "id")
    assert said.startswith("peserta tidak dikenal") and "NO-SUCH" not in said


def test_the_batch_summary_in_both_languages():
    summary = BatchSummary(learners=12000, steps=54321, below_min_jp=7, output="out.csv")
    assert str(summary) == (
        "12000 paths (54321 steps) written to out.csv; 7 learners below their minimum JP"
    )
    assert summary.render("en") == str(summary)
    assert summary.render("id") == (
        "12000 jalur (54321 langkah) ditulis ke out.csv; 7 peserta di bawah minimum JP"
    )


def test_batch_refusals_in_indonesian(batch_ws, batch_recommender, tmp_path):
    with pytest.raises(CurriculumError) as refused:
        run_batch(batch_ws, tmp_path / "paths.txt", recommender=batch_recommender)
    assert describe(refused.value, "id") == (
        "berkas keluaran batch harus berakhiran .csv, .xlsx, .jsonl, bukan 'paths.txt'"
    )
    with pytest.raises(CurriculumError) as refused:
        run_batch(batch_ws, tmp_path / "p.csv", ["S-0001", "NOBODY"], recommender=batch_recommender)
    assert describe(refused.value, "id").startswith("1 peserta dalam daftar tidak ada")
    with pytest.raises(BatchCancelled) as cancelled:
        run_batch(
            batch_ws,
            tmp_path / "p.csv",
            store=False,
            recommender=batch_recommender,
            cancelled=lambda: True,
        )
    assert str(cancelled.value).startswith("batch cancelled after 0 of ")
    assert describe(cancelled.value, "id").startswith("batch dibatalkan setelah 0 dari ")
    assert not list(tmp_path.iterdir())


def test_the_path_as_text_in_indonesian(recommender):
    path = recommender.recommend("DEMO-001")
    english, indonesian = path_text(path), path_text(path, lang="id")
    assert english.splitlines()[0].startswith("Learning path for DEMO-001")
    assert len(indonesian.splitlines()) == len(english.splitlines())  # the same lines, said
    assert indonesian.splitlines()[0].startswith("Jalur belajar peserta DEMO-001")
    assert f"nilai harapan {path.expected_value:.2f}".replace(".", ",") in indonesian
    for step in path.steps:
        for reason in step.reasons:
            assert f"     - {reason.indonesian}\n" in indonesian + "\n"
    for excluded in path.excluded[:15]:
        assert f"  - {excluded.module}: {excluded.reason.indonesian}" in indonesian
    for word in ("Period ", "Left out:", "P(success)", "expected value"):
        assert word not in indonesian


def test_a_long_left_out_list_ends_with_a_count_in_either_language(recommender):
    path = recommender.recommend("DEMO-001")
    assert len(path.excluded) > 2
    rest = len(path.excluded) - 2
    assert path_text(path, excluded_limit=2).endswith(f"  ... and {rest} more (see --format json)")
    assert path_text(path, excluded_limit=2, lang="id").endswith(
        f"  ... dan {rest} lainnya (lihat --format json)"
    )
