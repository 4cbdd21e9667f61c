"""The command line: exact outputs, exit codes, help, and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.cli.main import cli, main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def run(args, capsys):
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_read_json_of_one_article(capsys):
    code, out, err = run(["read", str(EXAMPLES / "degraded-khartoum-talks.txt"), "--format", "json"], capsys)
    assert code == 0, err
    record = json.loads(out)
    assert record["schema_version"] == "1.0"
    assert record["normalization"]["degraded"] is True
    assert record["dateline"]["agency"] == "Reuters"
    assert any(e["name"] == "Mohamed Hamdan Dagalo" for e in record["entities"])


def test_read_text_view_shows_the_article_and_entities(capsys):
    code, out, _ = run(["read", str(EXAMPLES / "clean-khartoum-talks.txt")], capsys)
    assert code == 0
    assert "Sudan's army" in out
    assert "Entities" in out
    assert "Faisal bin Farhan" in out


def test_read_jsonl_with_published_option(tmp_path, capsys):
    a = tmp_path / "a.txt"
    a.write_text("LONDON (Reuters) - British officials met in London on Monday.\n")
    code, out, _ = run(["read", str(a), str(EXAMPLES / "clean-khartoum-talks.txt"),
                        "--format", "jsonl", "--published", "2020-02-03"], capsys)
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == 2
    assert {line["article"]["published"] for line in lines} == {"2020-02-03"}


def test_bad_records_are_reported_and_the_batch_goes_on(tmp_path, capsys):
    good = tmp_path / "good.jsonl"
    good.write_text(
        json.dumps({"id": "a1", "text": "Police in Lagos arrested a man on Tuesday."}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "a3", "title": "no text"}) + "\n"
        + json.dumps({"id": "a4", "text": "Floods hit Dhaka again."}) + "\n"
    )
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code, out, err = run(["read", str(good), str(empty), "--format", "jsonl"], capsys)
    assert [json.loads(line)["article"]["id"] for line in out.splitlines()] == ["a1", "a4"]
    assert code == 65
    assert "good.jsonl:line 2" in err and "DL202" in err
    assert "good.jsonl:line 3" in err and "DL203" in err
    assert "empty.txt" in err and "DL101" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("content,code,needle", [
    (b"\x00\x01\x02\x03" * 100, 65, "DL102"),
    (b"\xff\xfe\xfa\xfb" * 3 + b"\x00\x00\x81\x8d" * 50, 65, "DL10"),
])
def test_binary_and_undecodable_files(tmp_path, capsys, content, code, needle):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    got, out, err = run(["read", str(path)], capsys)
    assert got == code
    assert needle in err
    assert out == ""
    assert len(err.strip().splitlines()) == 1


def test_huge_article_is_refused_fast(tmp_path, capsys):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * 10_000_000)  # 50 MB
    code, _, err = run(["read", str(path)], capsys)
    assert code == 65
    assert "DL103" in err


def test_missing_path_and_unknown_format(capsys):
    code, _, err = run(["read", "/no/such/file.txt"], capsys)
    assert code == 66 and "DL105" in err or "DL106" in err
    code, _, err = run(["read", "x.txt", "--input-format", "pdf"], capsys)
    assert code == 2 and "pdf" in err


def test_bad_published_date(capsys):
    code, _, err = run(["read", str(EXAMPLES / "clean-khartoum-talks.txt"), "--published", "yesterday-ish"], capsys)
    assert code == 64
    assert "DL204" in err and "--published" in err


def test_bad_field_option(capsys):
    code, _, err = run(["read", "-", "--field", "body"], capsys)
    assert code == 64 and "NAME=COLUMN" in err


def test_stdin(capsys, monkeypatch):
    import io

    class Stdin:
        buffer = io.BytesIO(b"MOSUL, Iraq (Reuters) - Iraqi forces entered Mosul on Sunday.")

    monkeypatch.setattr(sys, "stdin", Stdin())
    code, out, _ = run(["read", "-", "--format", "json"], capsys)
    assert code == 0
    assert json.loads(out)["article"]["origin"] == "<stdin>"


def test_schema_is_json_schema_with_version(capsys):
    code, out, _ = run(["schema"], capsys)
    schema = json.loads(out)
    assert code == 0
    assert schema["title"] == "dateline Analysis 1.0"
    assert "entities" in schema["properties"]


def test_eval_without_data_is_a_clear_error(capsys):
    code, _, err = run(["eval", "ner", "--data", "/no/such/eng.testa"], capsys)
    assert code == 66
    assert "no evaluation data" in err


def test_usage_errors_exit_2(capsys):
    code, _, err = run(["read"], capsys)
    assert code == 2 and "Missing argument" in err
    code, _, err = run(["frobnicate"], capsys)
    assert code == 2


def walk(command, path):
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from walk(sub, [*path, name])


@pytest.mark.parametrize("path", [p for p, _ in walk(cli, [])])
def test_every_command_has_help(path, capsys):
    code, out, _ = run([*path, "--help"], capsys)
    assert code == 0
    assert "Usage:" in out
    command = dict((tuple(p), c) for p, c in walk(cli, []))[tuple(path)]
    assert command.help, f"{path} has no help text"


def test_generated_docs_are_current():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_docs.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_console_script_runs_without_traceback(tmp_path):
    path = tmp_path / "bin.txt"
    path.write_bytes(b"\x00" * 64)
    result = subprocess.run([sys.executable, "-m", "dateline.cli.main", "read", str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 65
    assert result.stderr.startswith("error: ") or result.stderr.startswith("skipped ")
    assert "Traceback" not in result.stderr
