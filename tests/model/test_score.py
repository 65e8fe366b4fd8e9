"""Scoring learner × module pairs with the workspace's current model."""

import csv

import numpy as np
import pytest
from openpyxl import Workbook, load_workbook

from curriculum_tool.catalog import default_model_path
from curriculum_tool.errors import ValidationError
from curriculum_tool.io import import_file
from curriculum_tool.model.pairs import pair_frame
from curriculum_tool.model.persist import LoadedModel, install_model_files
from curriculum_tool.model.score import Scorer, score_file

DEMO, BUDI = "DEMO-001", "199001012015011001"


@pytest.fixture(scope="module")
def sim_scorer(sim_workspace):
    """The simulated workspace's current model (the shipped default)."""
    return Scorer(sim_workspace)


@pytest.fixture
def mini_scorer(workspace, write_csv, mini_row):
    """The mini workspace with the shipped model and clones of its learners that have
    completed nothing: DEMO-002 (of DEMO-001), BUDI-2 (of Budi, whose learners.csv
    lists LD-101)."""
    install_model_files(workspace, default_model_path())
    import_file(
        workspace,
        "learners",
        write_csv(
            "clones.csv",
            "learners",
            [
                mini_row("learners", 0, id="DEMO-002", completed=""),
                mini_row("learners", 1, id="BUDI-2", completed=""),
            ],
        ),
    )
    # DEMO-002 tried LD-101 but did not complete it; DEMO-001 completed it (mini outcomes).
    import_file(
        workspace,
        "outcomes",
        write_csv(
            "tries.csv",
            "outcomes",
            [
                {"learner": "DEMO-002", "module": "LD-101", "date": "2024-03-01", "completed": "0"},
            ],
        ),
    )
    return Scorer(workspace)


def _random_pairs(scorer, n, seed):
    rng = np.random.default_rng(seed)
    learners = [str(u) for u in rng.choice(scorer.learners.ids, n)]
    modules = [str(m) for m in rng.choice(scorer.context.module_codes, n)]
    return learners, modules


def test_vectorised_equals_one_by_one(sim_scorer):
    learners, modules = _random_pairs(sim_scorer, 60, seed=1)
    together = sim_scorer.score(learners, modules)
    alone = np.array([sim_scorer.score([u], [m])[0] for u, m in zip(learners, modules)])
    np.testing.assert_allclose(together, alone, rtol=0, atol=1e-12)
    assert together.shape == (60,)
    assert ((together >= 0) & (together <= 1)).all()
    assert together.std() > 0.05  # it discriminates between pairs
    assert sim_scorer.probabilities(np.array([], int), np.array([], int)).shape == (0,)


def test_scores_with_a_given_model(sim_workspace, sim_scorer, trained):
    mine = Scorer(
        sim_workspace,
        LoadedModel("t", "-", trained.card, trained.model),
        context=sim_scorer.context,
        learners=sim_scorer.learners,
    )
    learners, modules = _random_pairs(sim_scorer, 500, seed=2)
    p = mine.score(learners, modules)
    assert ((p >= 0) & (p <= 1)).all()
    # another model, another estimate, but both track the same truth
    default = sim_scorer.score(learners, modules)
    assert not np.allclose(p, default)
    assert np.corrcoef(p, default)[0, 1] > 0.8


def test_completed_prerequisites_change_prereq_missing(mini_scorer):
    scorer = mini_scorer
    ids = scorer.learner_row
    names = [DEMO, "DEMO-002", BUDI, "BUDI-2"]
    module = scorer.context.module_index["LD-201"]
    frame = pair_frame(
        scorer.context, scorer.learners, np.array([ids[u] for u in names]), np.full(4, module)
    )
    # DEMO-001 completed LD-101 in outcomes, Budi in learners.csv; the clones did not
    # (DEMO-002's LD-101 outcome was not completed).
    assert frame["prereq_missing"].tolist() == [0, 1, 0, 1]
    p = scorer.score(names, ["LD-201"] * 4)
    assert p[0] > p[1] and p[2] > p[3]  # a missing prerequisite lowers P
    # Nothing else differs between a learner and their clone.
    same = frame.drop(columns="prereq_missing")
    assert same.iloc[0].equals(same.iloc[1]) and same.iloc[2].equals(same.iloc[3])


def _read_csv(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_score_file_writes_the_rows_plus_p_success(mini_scorer, workspace, write_csv, tmp_path):
    pairs = [
        (DEMO, "LD-201"),
        ("DEMO-002", "LD-201"),
        (BUDI, "PB-201"),
        (DEMO, "LD-201"),
        ("BUDI-2", "PB-101"),
    ]
    path = write_csv("pairs.csv", ["learner", "module"], pairs)
    out = tmp_path / "scored.csv"
    assert score_file(workspace, path, out, mini_scorer) == len(pairs)
    rows = _read_csv(out)
    assert list(rows[0]) == ["learner", "module", "p_success"]
    assert [(r["learner"], r["module"]) for r in rows] == pairs
    expected = mini_scorer.score([u for u, _ in pairs], [m for _, m in pairs])
    np.testing.assert_allclose([float(r["p_success"]) for r in rows], expected, atol=5e-5)
    assert rows[0]["p_success"] == rows[3]["p_success"]


def test_score_file_reads_and_writes_xlsx(mini_scorer, workspace, tmp_path):
    pairs = [
        (DEMO, "LD-201"),
        ("DEMO-002", "LD-201"),
        (BUDI, "PB-201"),
        (DEMO, "LD-201"),
        ("BUDI-2", "PB-101"),
    ]
    expected = mini_scorer.score([u for u, _ in pairs], [m for _, m in pairs])
    # XLSX in, XLSX out (the default scorer: the workspace's current model)
    book = Workbook()
    sheet = book.active
    sheet.append(["learner", "module"])
    for pair in pairs:
        sheet.append(list(pair))
    book.save(tmp_path / "pairs.xlsx")
    assert score_file(workspace, tmp_path / "pairs.xlsx", tmp_path / "scored.xlsx") == 5
    values = list(load_workbook(tmp_path / "scored.xlsx").active.values)
    assert values[0] == ("learner", "module", "p_success")
    assert [tuple(v[:2]) for v in values[1:]] == pairs
    assert all(isinstance(v[2], float) for v in values[1:])
    np.testing.assert_allclose([v[2] for v in values[1:]], expected, atol=5e-5)


def test_unknown_pairs_are_reported_and_nothing_is_written(
    mini_scorer, workspace, write_csv, tmp_path
):
    secret = "198001012000011999"
    path = write_csv(
        "pairs.csv",
        ["learner", "module"],
        [(DEMO, "LD-201"), (secret, "LD-101"), (DEMO, "NO-SUCH"), (secret, "NO-SUCH")],
    )
    out = tmp_path / "scored.csv"
    with pytest.raises(ValidationError) as caught:
        score_file(workspace, path, out, mini_scorer)
    located = [(p.file, p.row, p.column) for p in caught.value.problems]
    assert located == [
        ("pairs.csv", 3, "learner"),
        ("pairs.csv", 4, "module"),
        ("pairs.csv", 5, "learner"),
        ("pairs.csv", 5, "module"),
    ]
    report = caught.value.report()
    assert report.splitlines()[0].startswith("pairs.csv:3:learner: unknown learner")
    assert secret not in report  # personal data is not echoed
    assert "NO-SUCH" in report
    assert not out.exists()


def test_a_pairs_file_with_other_columns_is_refused(mini_scorer, workspace, write_csv, tmp_path):
    path = write_csv("pairs.csv", ["learner", "module", "note"], [(DEMO, "LD-201", "x")])
    with pytest.raises(ValidationError, match="pairs.csv:1:"):
        score_file(workspace, path, tmp_path / "out.csv", mini_scorer)
    assert not (tmp_path / "out.csv").exists()


def test_score_file_reads_xlsx_pairs(mini_scorer, workspace, tmp_path):
    book = Workbook()
    book.active.append(["learner", "module"])
    book.active.append([DEMO, "LD-201"])
    book.active.append(["BUDI-2", "PB-101"])
    book.save(tmp_path / "pairs.xlsx")
    assert score_file(workspace, tmp_path / "pairs.xlsx", tmp_path / "scored.csv") == 2
    rows = _read_csv(tmp_path / "scored.csv")
    expected = mini_scorer.score([DEMO, "BUDI-2"], ["LD-201", "PB-101"])
    np.testing.assert_allclose([float(r["p_success"]) for r in rows], expected, atol=5e-5)
