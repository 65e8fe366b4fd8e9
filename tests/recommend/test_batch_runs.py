"""``run_batch``: the contract's output files, pseudonyms, parallel and Dask runs giving the
same paths, stored paths and their export, and refusals that leave nothing behind."""

from __future__ import annotations

import csv
import json
import re
from dataclasses import replace

import pytest

from curriculum_tool.errors import CurriculumError, ValidationError
from curriculum_tool.io.masking import pseudonym
from curriculum_tool.recommend import PathOptions
from curriculum_tool.recommend.batch import STEP_COLUMNS, export_paths, learner_ids, run_batch
from curriculum_tool.store import Workspace
from curriculum_tool.store.paths import load_paths

ANON = re.compile(r"ANON-[0-9a-f]{16}")
DEFAULT = PathOptions()


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        return header, list(reader)


def read_jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def stored(path) -> list:
    with Workspace.open(path) as ws, ws.engine.connect() as conn:
        return load_paths(conn)


@pytest.fixture(scope="module")
def planned(batch_recommender):
    """Every learner's path, planned directly (the reference for batch outputs)."""
    rows = list(range(len(batch_recommender.learners)))
    return batch_recommender.plan_rows(rows, DEFAULT)


@pytest.fixture(scope="module")
def csv_run(batch_ws, batch_recommender, tmp_path_factory):
    out = tmp_path_factory.mktemp("batchcsv") / "paths.csv"
    calls = []
    summary = run_batch(
        batch_ws,
        out,
        store=False,
        recommender=batch_recommender,
        progress=lambda done, total: calls.append((done, total)),
    )
    return out, summary, calls


def test_csv_has_the_contract_columns_and_one_row_per_step(csv_run, planned):
    out, summary, _ = csv_run
    header, rows = read_csv(out)
    assert (
        tuple(header)
        == STEP_COLUMNS
        == ("learner", "order", "period", "module", "jp", "p_success", "value")
    )
    assert len(rows) == sum(len(p.steps) for p in planned) == summary.steps
    assert summary.learners == len(planned) > 150
    expected = [
        (str(i), str(s.period), s.module, str(s.jp), f"{s.p_success:.4f}", f"{s.value:.4f}")
        for p in planned
        for i, s in enumerate(p.steps, start=1)
    ]
    assert [tuple(r[1:]) for r in rows] == expected
    assert summary.below_min_jp == sum(p.total_jp < p.min_jp for p in planned)


def test_csv_learner_ids_are_pseudonymised(csv_run, planned, batch_ws):
    out, _, _ = csv_run
    text = out.read_text(encoding="utf-8")
    assert "DEMO-" not in text and "T-PALU" not in text and "S-0" not in text
    _, rows = read_csv(out)
    assert all(ANON.fullmatch(r[0]) for r in rows)
    key = batch_ws.get_meta("pseudonym_key")
    expected = [pseudonym(key, p.learner) for p in planned for _ in p.steps]
    assert [r[0] for r in rows] == expected
    # one pseudonym per learner, different learners apart
    assert len({r[0] for r in rows}) == len([p for p in planned if p.steps])


def test_progress_is_reported_up_to_the_total(csv_run, planned):
    _, _, calls = csv_run
    assert calls and calls[-1] == (len(planned), len(planned))
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert len(calls) > 1  # 191 learners → several chunks


def test_unmask_writes_the_raw_ids(batch_ws, batch_recommender, planned, tmp_path):
    out = tmp_path / "raw.csv"
    run_batch(batch_ws, out, store=False, unmask=True, recommender=batch_recommender)
    _, rows = read_csv(out)
    assert [r[0] for r in rows] == [p.learner for p in planned for _ in p.steps]


def test_xlsx_holds_the_same_rows_as_numbers(batch_ws, batch_recommender, csv_run, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "paths.xlsx"
    run_batch(batch_ws, out, store=False, recommender=batch_recommender)
    sheet = load_workbook(out, read_only=True).worksheets[0]
    values = list(sheet.iter_rows(values_only=True))
    header, rows = read_csv(csv_run[0])
    assert list(values[0]) == header
    assert len(values) - 1 == len(rows)
    for cells, row in zip(values[1:], rows):
        assert cells[0] == row[0] and cells[3] == row[3]
        assert [cells[1], cells[2], cells[4]] == [int(row[1]), int(row[2]), int(row[4])]
        assert cells[5] == pytest.approx(float(row[5])) and isinstance(cells[5], float)


def test_jsonl_lines_are_the_contract_objects(batch_ws, batch_recommender, planned, tmp_path):
    out = tmp_path / "paths.jsonl"
    run_batch(batch_ws, out, store=False, recommender=batch_recommender)
    records = read_jsonl(out)
    assert len(records) == len(planned)
    key = batch_ws.get_meta("pseudonym_key")
    model = batch_recommender.scorer.model
    for record, path in zip(records, planned):
        assert {
            "learner",
            "position",
            "region",
            "model",
            "min_jp",
            "max_jp",
            "total_jp",
            "expected_value",
            "steps",
            "excluded",
            "obligations",
            "below_minimum",
        } <= set(record)
        assert record["learner"] == pseudonym(key, path.learner)
        assert (record["position"], record["region"]) == (path.position, path.region)
        assert record["model"] == {"name": model.name, "sha256": model.sha256}
        assert re.fullmatch(r"[0-9a-f]{64}", record["model"]["sha256"])
        assert (record["min_jp"], record["max_jp"]) == (20, 40)
        assert record["total_jp"] == sum(s["jp"] for s in record["steps"]) <= 40
        assert record["expected_value"] == pytest.approx(path.expected_value, abs=1e-4)
        for step in record["steps"]:
            assert set(step) == {
                "module",
                "title",
                "period",
                "jp",
                "modality",
                "p_success",
                "value",
                "reasons",
                "reasons_id",
                "reason_kinds",
            }
            assert len(step["reason_kinds"]) == len(step["reasons"])
            assert isinstance(step["reasons"], list) and step["reasons"]
            assert len(step["reasons_id"]) == len(step["reasons"])
        assert [s["module"] for s in record["steps"]] == list(path.modules)
        for e in record["excluded"]:
            assert {"module", "reason"} <= set(e) and e["reason"] and e["reason_id"]
    assert "DEMO-" not in out.read_text(encoding="utf-8")


def test_two_joblib_workers_give_the_same_paths(batch_ws, batch_recommender, csv_run, tmp_path):
    out = tmp_path / "two.csv"
    summary = run_batch(batch_ws, out, workers=2, store=False, recommender=batch_recommender)
    assert out.read_bytes() == csv_run[0].read_bytes()
    assert summary.steps == csv_run[1].steps


def test_a_local_dask_cluster_gives_the_same_paths(
    batch_ws, batch_recommender, csv_run, copy_ws, batch_ws_path, tmp_path
):
    """Two worker processes of a real LocalCluster: the same file, and the same stored
    paths, as planning in this process."""
    from distributed import LocalCluster

    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    local_ws, remote_ws = copy_ws(batch_ws_path, "local.sqlite"), copy_ws(batch_ws_path, "d.sqlite")
    with Workspace.open(local_ws) as ws:
        run_batch(ws, local, recommender=batch_recommender, unmask=True)
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        out = tmp_path / "dask.csv"
        summary = run_batch(
            batch_ws,
            out,
            scheduler=cluster.scheduler_address,
            store=False,
            recommender=batch_recommender,
        )
        with Workspace.open(remote_ws) as ws:
            run_batch(ws, remote, scheduler=cluster.scheduler_address, unmask=True)
    assert out.read_bytes() == csv_run[0].read_bytes()
    assert summary.learners == csv_run[1].learners
    assert _without_created(remote) == _without_created(local)
    undated = [[replace(p, created="") for p in stored(w)] for w in (remote_ws, local_ws)]
    assert undated[0] == undated[1]


def test_batch_paths_are_the_recommend_paths(batch_ws, batch_recommender, tmp_path):
    """Each learner's batch path (planned in chunks) is their ``recommend`` path (planned
    alone), every field but the creation time."""
    out = tmp_path / "paths.jsonl"
    run_batch(batch_ws, out, store=False, recommender=batch_recommender, unmask=True)
    batch = {record["learner"]: record for record in _without_created(out)}
    learners = [str(learner) for learner in batch_recommender.learners.ids]
    assert set(batch) == set(learners)
    for learner in learners[::3]:
        alone = batch_recommender.recommend(learner).to_json()
        alone.pop("created", None)
        assert batch[learner] == json.loads(json.dumps(alone, ensure_ascii=False))


def _without_created(path) -> list[dict]:
    records = read_jsonl(path)
    for record in records:
        record.pop("created", None)
    return records


def test_an_unreachable_scheduler_is_a_clear_error_and_writes_nothing(
    copy_ws, batch_ws_path, tmp_path, monkeypatch
):
    import distributed

    real = distributed.Client

    def quick_client(address, *args, **kwargs):  # the real client, a 1 s timeout not 10 s
        kwargs["timeout"] = "1s"
        return real(address, *args, **kwargs)

    monkeypatch.setattr(distributed, "Client", quick_client)
    path = copy_ws(batch_ws_path)
    out = tmp_path / "never.csv"
    with (
        Workspace.open(path) as ws,
        pytest.raises(
            CurriculumError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9"
        ),
    ):
        run_batch(ws, out, scheduler="tcp://127.0.0.1:9")
    assert not out.exists()
    assert stored(path) == []


def test_a_malformed_scheduler_address_is_a_clear_error(batch_ws, batch_recommender, tmp_path):
    with pytest.raises(CurriculumError, match="scheduler"):
        run_batch(
            batch_ws,
            tmp_path / "x.csv",
            scheduler="bogus://host:1",
            store=False,
            recommender=batch_recommender,
        )


def test_paths_are_stored_and_exported_masked(copy_ws, batch_ws_path, tmp_path, planned):
    path = copy_ws(batch_ws_path)
    with Workspace.open(path) as ws:
        run_batch(ws, tmp_path / "out.jsonl")
    saved = stored(path)
    assert [p.learner for p in saved] == sorted(p.learner for p in planned)
    by_id = {p.learner: p for p in planned}
    for p in saved:
        assert p.steps == by_id[p.learner].steps
        assert p.excluded == by_id[p.learner].excluded
        assert p.expected_value == pytest.approx(by_id[p.learner].expected_value)
    with Workspace.open(path) as ws:
        assert export_paths(ws, tmp_path / "export.csv") == len(planned)
        assert export_paths(ws, tmp_path / "raw.csv", unmask=True) == len(planned)
        key = ws.get_meta("pseudonym_key")
    header, rows = read_csv(tmp_path / "export.csv")
    assert tuple(header) == STEP_COLUMNS
    assert "DEMO-" not in (tmp_path / "export.csv").read_text(encoding="utf-8")
    assert {r[0] for r in rows} == {pseudonym(key, p.learner) for p in saved if p.steps}
    _, raw = read_csv(tmp_path / "raw.csv")
    assert {r[0] for r in raw} == {p.learner for p in saved if p.steps}


def test_a_chosen_subset_of_learners_in_workspace_order(
    batch_ws, batch_recommender, tmp_path, planned
):
    out = tmp_path / "some.jsonl"
    summary = run_batch(
        batch_ws,
        out,
        learners=["T-PALU-AK", "DEMO-002", "DEMO-002"],
        store=False,
        unmask=True,
        recommender=batch_recommender,
    )
    records = read_jsonl(out)
    assert [r["learner"] for r in records] == ["DEMO-002", "T-PALU-AK"]
    assert summary.learners == 2


def test_an_unknown_learner_refuses_the_whole_batch(copy_ws, batch_ws_path, tmp_path):
    path = copy_ws(batch_ws_path)
    out = tmp_path / "none.csv"
    with Workspace.open(path) as ws:
        with pytest.raises(CurriculumError, match="1 of the listed learners") as error:
            run_batch(ws, out, learners=["DEMO-001", "199001012015011999"])
    assert "199001012015011999" not in str(error.value)
    assert not out.exists()
    assert stored(path) == []


def test_learner_files_are_read_by_learner_column_or_as_learners_csv(tmp_path):
    (tmp_path / "list.csv").write_text("learner\nDEMO-001\nDEMO-002\n", encoding="utf-8")
    assert learner_ids(tmp_path / "list.csv") == ["DEMO-001", "DEMO-002"]
    from recommend_data import SCENARIO_LEARNERS, learners_csv

    (tmp_path / "learners.csv").write_text(
        learners_csv({k: SCENARIO_LEARNERS[k] for k in ("T-PALU-AK", "T-LIT0-REN")}),
        encoding="utf-8",
    )
    assert learner_ids(tmp_path / "learners.csv") == ["T-PALU-AK", "T-LIT0-REN"]
    (tmp_path / "bad.csv").write_text("nip,name\n1,a\n", encoding="utf-8")
    with pytest.raises(ValidationError):
        learner_ids(tmp_path / "bad.csv")


def test_an_unknown_output_suffix_is_refused(batch_ws, batch_recommender, tmp_path):
    with pytest.raises(CurriculumError, match=r"\.csv, \.xlsx, \.jsonl"):
        run_batch(batch_ws, tmp_path / "paths.txt", store=False, recommender=batch_recommender)
    assert not (tmp_path / "paths.txt").exists()
