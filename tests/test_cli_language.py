"""The command line speaks the person's language: ``--lang id|en`` on every command, else
the locale's (``LC_ALL``, ``LC_MESSAGES``, ``LANG``: the first one set). Summaries,
progress lines and errors follow it; JSON and CSV output stay English; the app and the
path PDFs stay Indonesian unless ``--lang en``."""

from __future__ import annotations

import argparse
import json
import sys
import types

import pytest

from curriculum_tool.catalog import create_workspace
from curriculum_tool.cli import build_parser, dispatch, main as cli_main
from curriculum_tool.cli.language import locale_language, message_language
from curriculum_tool.recommend import recommend
from curriculum_tool.store import Workspace

LOCALE = ("LC_ALL", "LC_MESSAGES", "LANG")


@pytest.fixture(autouse=True)
def english_locale(monkeypatch):
    """A C locale unless a test sets another: the default is then English."""
    for name in LOCALE:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture(scope="module")
def ws_path(tmp_path_factory):
    """The shipped catalog and default model (tests only read it)."""
    path = tmp_path_factory.mktemp("language") / "w.sqlite"
    create_workspace(path).close()
    return path


@pytest.fixture
def cli(capsys):
    """``cli(*args)`` → (exit code, stdout, stderr)."""

    def run(*args):
        capsys.readouterr()
        try:
            code = cli_main([str(a) for a in args])
        except SystemExit as exit_:
            code = exit_.code
        out, err = capsys.readouterr()
        return code, out, err

    return run


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_command_takes_lang():
    commands = _subcommands(build_parser())
    assert set(commands) == set(dispatch.COMMANDS)
    for name, sub in commands.items():
        lang = [a for a in sub._actions if "--lang" in a.option_strings]
        assert len(lang) == 1, name
        assert tuple(lang[0].choices) == ("id", "en"), name
        assert "--lang" in sub.format_help(), name


def test_the_locale_sets_the_default_first_variable_set_wins(monkeypatch):
    unset = argparse.Namespace(lang=None)
    monkeypatch.setenv("LANG", "id_ID.UTF-8")
    assert message_language(unset) == "id"
    monkeypatch.setenv("LC_MESSAGES", "en_US.UTF-8")
    assert message_language(unset) == "en"
    monkeypatch.setenv("LC_ALL", "id_ID")
    assert message_language(unset) == "id"
    assert message_language(argparse.Namespace(lang="en")) == "en"  # the flag wins
    monkeypatch.setenv("LC_ALL", "")  # empty is unset
    assert message_language(unset) == "en"
    assert locale_language({}) == "en"


def test_an_error_in_indonesian_with_lang_id(cli, ws_path):
    code, out, err = cli("recommend", ws_path, "NO-SUCH", "--lang", "id")
    assert (code, out) == (2, "")
    assert err.startswith("kesalahan: peserta tidak dikenal")
    assert "unknown" not in err and "error" not in err
    code, out, err = cli("recommend", ws_path, "NO-SUCH")
    assert err == "error: unknown learner: no learner with that id in this workspace\n"


def test_the_locale_decides_when_lang_is_not_given(cli, ws_path, monkeypatch):
    monkeypatch.setenv("LANG", "id_ID.UTF-8")
    code, _, err = cli("recommend", ws_path, "DEMO-001", "--max-jp", "0")
    assert code == 2 and err == "kesalahan: --max-jp minimal 1\n"
    _, _, err = cli("recommend", ws_path, "DEMO-001", "--max-jp", "0", "--lang", "en")
    assert err == "error: --max-jp must be at least 1\n"
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    _, _, err = cli("recommend", ws_path, "DEMO-001", "--max-jp", "0")
    assert err == "error: --max-jp must be at least 1\n"


def test_json_stays_english_in_indonesian(cli, ws_path, monkeypatch):
    monkeypatch.setenv("LANG", "id_ID.UTF-8")
    records = {}
    for lang in ("id", "en"):
        code, out, err = cli("recommend", ws_path, "DEMO-001", "--format", "json", "--lang", lang)
        assert code == 0, err
        records[lang] = json.loads(out)
        records[lang].pop("created", None)  # the moment it was planned
    assert records["id"] == records["en"]
    assert records["id"]["steps"][0]["reasons"]  # reasons are there, in English
    lint = [cli("lint", ws_path, "--format", "json", "--lang", lang)[1] for lang in ("id", "en")]
    assert lint[0] == lint[1] and json.loads(lint[0])["modules"] > 0


def test_recommend_text_in_indonesian_reads_the_reasons_in_indonesian(cli, ws_path):
    code, out, err = cli("recommend", ws_path, "DEMO-001", "--lang", "id")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("Jalur belajar peserta DEMO-001 (analis-kebencanaan, wilayah 72.71)")
    assert "Periode 1" in lines and "Period 1" not in lines
    with Workspace.open(ws_path) as workspace:
        path = recommend(workspace, "DEMO-001")
    for step in path.steps:
        for reason in step.reasons:
            assert f"     - {reason.indonesian}" in lines
            if reason.indonesian != str(reason):
                assert f"     - {reason}" not in lines


def test_batch_speaks_indonesian_but_its_file_stays_english(cli, ws_path, tmp_path):
    written = {}
    for lang in ("id", "en"):
        out_file = tmp_path / f"paths-{lang}.csv"
        code, out, err = cli("batch", ws_path, "--out", out_file, "--no-store", "--lang", lang)
        assert code == 0, err
        written[lang] = (out, err, out_file.read_bytes())
    (out_id, err_id, file_id), (out_en, err_en, file_en) = written["id"], written["en"]
    assert file_id == file_en
    assert " jalur (" in out_id and "peserta di bawah minimum JP" in out_id
    assert " paths (" in out_en and "learners below their minimum JP" in out_en
    assert "peserta selesai disusun" in err_id and "learners planned" in err_en
    assert "learners" not in err_id


@pytest.mark.parametrize(
    "error, english, indonesian",
    [
        (KeyboardInterrupt(), "interrupted\n", "dihentikan\n"),
        (
            ValueError("boom"),
            "error: unexpected ValueError: boom (set CURRICULUM_TOOL_DEBUG=1 for details)\n",
            "kesalahan tak terduga ValueError: boom",
        ),
        (
            FileNotFoundError(2, "No such file or directory", "nope.csv"),
            "error: [Errno 2] No such file or directory: 'nope.csv'\n",
            "kesalahan: berkas atau folder tidak ditemukan: 'nope.csv'\n",
        ),
    ],
)
def test_what_main_catches_is_said_in_the_language(cli, monkeypatch, error, english, indonesian):
    def failing(args):
        raise error

    monkeypatch.setitem(dispatch.COMMANDS, "lint", failing)
    assert cli("lint", "W")[2] == english
    assert cli("lint", "W", "--lang", "id")[2].startswith(indonesian)


def _fake_module(monkeypatch, name: str, **functions) -> None:
    module = types.ModuleType(name)
    for attribute, function in functions.items():
        setattr(module, attribute, function)
    monkeypatch.setitem(sys.modules, name, module)


def test_the_app_stays_indonesian_unless_lang_en(cli, monkeypatch):
    opened = []
    _fake_module(monkeypatch, "curriculum_tool.gui.preflight", check_display=lambda **_: None)
    _fake_module(
        monkeypatch, "curriculum_tool.gui.app", run=lambda **kw: opened.append(kw["lang"]) or 0
    )
    assert cli("gui")[0] == 0  # C locale: the app is Indonesian first all the same
    assert cli("gui", "--lang", "en")[0] == 0
    monkeypatch.setenv("LANG", "id_ID.UTF-8")
    assert cli("gui", "--lang", "id")[0] == 0
    assert opened == ["id", "en", "id"]


def test_report_pdfs_stay_indonesian_its_line_follows_the_language(
    cli, ws_path, tmp_path, monkeypatch
):
    drawn = []

    def write_learner_pdf(workspace, learner, out, unmask, lang):
        drawn.append(lang)

    _fake_module(monkeypatch, "curriculum_tool.gui.path_pdf", write_learner_pdf=write_learner_pdf)
    out = tmp_path / "path.pdf"
    code, said, err = cli("report", ws_path, "--learner", "DEMO-001", "--out", out)
    assert code == 0, err
    assert said == f"wrote the learner's path to {out}\n"
    code, said, err = cli("report", ws_path, "--learner", "DEMO-001", "--out", out, "--lang", "id")
    assert said == f"jalur peserta ditulis ke {out}\n"
    cli("report", ws_path, "--learner", "DEMO-001", "--out", out, "--lang", "en")
    assert drawn == ["id", "id", "en"]
    code, _, err = cli("report", ws_path, "--learner", "DEMO-001", "--out", "x.txt", "--lang", "id")
    assert code == 2 and err == "kesalahan: --learner menulis PDF: --out harus berakhiran .pdf\n"
