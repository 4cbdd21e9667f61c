"""Reading articles: every format, every way of naming inputs, every kind of bad input.

All fixture stories are written for these tests.  Bad-input tests check the
error code and that the good records of the same batch still come through.
"""

from __future__ import annotations

import io
import json
import os
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.config import FieldNames
from dateline.errors import (
    BAD_OPTION,
    BAD_VALUE,
    BINARY_INPUT,
    EMPTY_INPUT,
    INPUT_TOO_LARGE,
    INTERNAL,
    MALFORMED_RECORD,
    MISSING_FIELD,
    NO_INPUT_FOUND,
    NO_TEXT_EXTRACTED,
    UNDECODABLE_INPUT,
    UNKNOWN_FORMAT,
    UNREADABLE_PATH,
    DatelineError,
    InputError,
)
from dateline.ingest import (
    FORMATS,
    Article,
    Reject,
    article_from_text,
    iter_articles,
    parse_date,
    resolve_format,
)

STORY_CAIRO = (
    "CAIRO (Reuters) - Egypt's central bank held interest rates steady on Thursday, "
    "saying inflation had eased for a third month in a row.\n"
    "Analysts polled before the meeting had expected no change.\n"
)
STORY_LIMA = (
    "LIMA, March 3 (Reuters) - A magnitude 6.1 earthquake shook the southern coast of Peru "
    "on Friday, the geophysics institute said, with no early reports of damage."
)
STORY_OSLO = (
    "OSLO (AP) — Norway's parliament approved a bill on Tuesday to expand wind farms off "
    "the North Sea coast, after a debate that ran late into the night."
)
STORY_DEGRADED = (
    "nairobi ( reuters ) - kenya s electoral board said on monday it would recount votes "
    "in two districts .\nthe board s chairman told reporters the count would start at dawn .\n"
)
HTML_STORY = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Ferry service resumes after storm | Harbour Herald</title>
<meta property="og:site_name" content="Harbour Herald">
<meta property="article:published_time" content="2021-11-09T07:30:00Z">
<link rel="canonical" href="https://herald.invalid/ferry-resumes"></head>
<body><header><nav><a href="/">Home</a> | <a href="/world">World</a></nav></header>
<main><article><h1>Ferry service resumes after storm</h1>
<p>HALIFAX (Reuters) - Ferries between the mainland and the islands sailed again on Tuesday
after a storm kept them in port for three days, the operator said.</p>
<p>The operator said crews had checked every vessel overnight and that extra sailings would
run through the weekend to clear the backlog of passengers and freight.</p>
<p>Fishermen in the harbour said the storm had been the worst they could remember.</p>
</article></main><footer>All rights reserved.</footer></body></html>
"""


def write(path: Path, content: str | bytes, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode(encoding)
    path.write_bytes(content)
    return path


def jsonl(*records: object) -> str:
    return "".join(json.dumps(record) + "\n" for record in records)


def q(text: str) -> str:
    """A CSV cell holding ``text``, quoted."""
    return '"' + text.replace('"', '""') + '"'


def read(*inputs: str | Path, **options: object) -> list[Article | Reject]:
    return list(iter_articles([str(item) for item in inputs], **options))  # type: ignore[arg-type]


def articles(results: list[Article | Reject]) -> list[Article]:
    return [item for item in results if isinstance(item, Article)]


def rejects(results: list[Article | Reject]) -> list[Reject]:
    return [item for item in results if isinstance(item, Reject)]


def codes(results: list[Article | Reject]) -> list[str]:
    return [item.error.code for item in rejects(results)]


# --- plain text ------------------------------------------------------------------------


def test_text_file_is_one_article_read_exactly(tmp_path: Path) -> None:
    path = write(tmp_path / "cairo.txt", STORY_CAIRO)
    [article] = read(path)
    assert isinstance(article, Article)
    assert article.text == STORY_CAIRO
    assert article.origin == str(path)
    assert article.id.startswith("sha1:") and len(article.id) == len("sha1:") + 16
    assert article.published is None and article.published_from is None


def test_text_keeps_line_endings_and_drops_only_the_bom(tmp_path: Path) -> None:
    text = "ROME (ANSA) - The city council met.\r\nIt voted late.\r\n"
    path = write(tmp_path / "rome.txt", b"\xef\xbb\xbf" + text.encode())
    [article] = read(path)
    assert article.text == text


@pytest.mark.parametrize("name", ["story.story", "story.text", "STORY.TXT", "story"])
def test_text_extensions_and_no_extension(tmp_path: Path, name: str) -> None:
    path = write(tmp_path / name, STORY_LIMA)
    [article] = read(path)
    assert isinstance(article, Article) and article.text == STORY_LIMA


def test_degraded_text_is_just_text(tmp_path: Path) -> None:
    [article] = read(write(tmp_path / "nairobi.txt", STORY_DEGRADED))
    assert article.text == STORY_DEGRADED


def test_published_option_dates_text_articles(tmp_path: Path) -> None:
    [article] = read(write(tmp_path / "a.txt", STORY_OSLO), published=date(2020, 5, 4))
    assert article.published == date(2020, 5, 4)
    assert article.published_from == "option"


def test_same_text_same_id(tmp_path: Path) -> None:
    first = read(write(tmp_path / "a.txt", STORY_OSLO))[0]
    second = read(write(tmp_path / "b.txt", STORY_OSLO))[0]
    assert first.id == second.id == article_from_text(STORY_OSLO).id


def test_cp1252_file_with_curly_quotes_and_accents(tmp_path: Path) -> None:
    text = (
        "PARIS (Reuters) - Caf\u00e9 owners near the op\u00e9ra said \u201cbusiness is gone\u201d "
        "after the strike, and the mayor\u2019s office promised help \u2014 voil\u00e0.\n"
    )
    [article] = read(write(tmp_path / "paris.txt", text, encoding="cp1252"))
    assert isinstance(article, Article)
    assert article.text == text


def test_latin1_file(tmp_path: Path) -> None:
    text = "MADRID (EFE) - El se\u00f1or Mu\u00f1oz dijo que la reuni\u00f3n fue un \u00e9xito.\n"
    [article] = read(write(tmp_path / "madrid.txt", text, encoding="latin-1"))
    assert article.text == text


def test_utf16_file_with_bom(tmp_path: Path) -> None:
    [article] = read(write(tmp_path / "oslo.txt", STORY_OSLO, encoding="utf-16"))
    assert article.text == STORY_OSLO


# --- JSON Lines and JSON ---------------------------------------------------------------


def test_jsonl_fields_ids_and_dates(tmp_path: Path) -> None:
    path = write(
        tmp_path / "batch.jsonl",
        jsonl(
            {
                "id": 17,
                "text": STORY_LIMA,
                "title": "Quake shakes Peru coast",
                "source": "Reuters",
                "url": "https://news.invalid/peru-quake",
                "published": "2017-03-03T14:05:00Z",
            },
            {"text": STORY_OSLO},
            {"id": "oslo-2", "text": STORY_OSLO, "published": ""},
        ),
    )
    first, second, third = read(path, published=date(2019, 1, 2))
    assert first.id == "17" and first.title == "Quake shakes Peru coast"
    assert first.source == "Reuters" and first.url == "https://news.invalid/peru-quake"
    assert first.published == date(2017, 3, 3) and first.published_from == "metadata"
    assert first.origin == f"{path}:line 1"
    assert second.id.startswith("sha1:")
    assert second.published == date(2019, 1, 2) and second.published_from == "option"
    assert third.id == "oslo-2" and third.origin == f"{path}:line 3"


def test_jsonl_custom_field_names(tmp_path: Path) -> None:
    path = write(
        tmp_path / "feed.ndjson",
        jsonl(
            {"doc": "a1", "body": STORY_CAIRO, "headline": "Rates on hold", "date": "3 March 2017"}
        ),
    )
    fields = FieldNames(id="doc", text="body", title="headline", published="date")
    [article] = read(path, fields=fields)
    assert (article.id, article.title, article.published) == (
        "a1",
        "Rates on hold",
        date(2017, 3, 3),
    )


def test_jsonl_skips_blank_lines_and_counts_them(tmp_path: Path) -> None:
    path = write(tmp_path / "gaps.jsonl", "\n" + jsonl({"text": STORY_OSLO}) + "\n\n")
    [article] = read(path)
    assert article.origin == f"{path}:line 2"


def test_jsonl_line_in_another_encoding_is_recovered(tmp_path: Path) -> None:
    good = json.dumps({"id": "a", "text": STORY_OSLO}, ensure_ascii=False).encode("utf-8")
    legacy = json.dumps(
        {"id": "b", "text": "Le pr\u00e9sident a parl\u00e9 \u00e0 la t\u00e9l\u00e9vision."},
        ensure_ascii=False,
    ).encode("cp1252")
    path = write(tmp_path / "mixed.jsonl", good + b"\n" + legacy + b"\n")
    first, second = read(path)
    assert first.id == "a"
    assert isinstance(second, Article)
    assert second.text == "Le pr\u00e9sident a parl\u00e9 \u00e0 la t\u00e9l\u00e9vision."


def test_json_single_object(tmp_path: Path) -> None:
    path = write(tmp_path / "one.json", json.dumps({"id": "x", "text": STORY_CAIRO}, indent=2))
    [article] = read(path)
    assert article.id == "x" and article.origin == str(path)


def test_json_list_of_objects_with_a_bad_item(tmp_path: Path) -> None:
    path = write(
        tmp_path / "list.json",
        json.dumps([{"text": STORY_CAIRO}, {"body": "no text here"}, {"text": STORY_OSLO}]),
    )
    results = read(path)
    assert [type(item) for item in results] == [Article, Reject, Article]
    assert results[1].origin == f"{path}:item 2"
    assert results[1].error.kind is MISSING_FIELD


# --- CSV and TSV -----------------------------------------------------------------------


def test_csv_rows_with_quoted_multiline_text(tmp_path: Path) -> None:
    path = write(
        tmp_path / "table.csv",
        "id,title,text,published\n"
        '1,Rates on hold,"CAIRO (Reuters) - The bank held rates.\nAnalysts, polled, agreed.",'
        "2017-03-03\n"
        '2,,"OSLO (AP) — Parliament voted, again.",\n',
    )
    first, second = read(path)
    assert first.text == "CAIRO (Reuters) - The bank held rates.\nAnalysts, polled, agreed."
    assert (
        first.id == "1" and first.title == "Rates on hold" and first.published == date(2017, 3, 3)
    )
    assert first.origin == f"{path}:row 2"
    assert second.title is None and second.published is None and second.origin == f"{path}:row 3"


def test_tsv(tmp_path: Path) -> None:
    path = write(tmp_path / "table.tsv", f"id\ttext\nt1\t{STORY_LIMA}\nt2\t{STORY_OSLO}\n")
    first, second = read(path)
    assert (first.id, first.text, second.text) == ("t1", STORY_LIMA, STORY_OSLO)


def test_csv_cells_larger_than_the_csv_module_default(tmp_path: Path) -> None:
    long_text = (
        "GENEVA (Reuters) - " + "Delegates argued over the wording late into the night. " * 4000
    )
    path = write(tmp_path / "long.csv", f"id,text\nlong,{q(long_text)}\nshort,{q(STORY_OSLO)}\n")
    first, second = read(path)
    assert isinstance(first, Article) and first.text == long_text and len(long_text) > 131_072
    assert second.id == "short"


# --- HTML ------------------------------------------------------------------------------


def test_html_main_text_title_date_and_site(tmp_path: Path) -> None:
    [article] = read(write(tmp_path / "ferry.html", HTML_STORY))
    assert isinstance(article, Article)
    assert article.text.startswith("HALIFAX (Reuters) - Ferries between the mainland")
    assert "Fishermen in the harbour" in article.text
    assert "All rights reserved" not in article.text and "Home" not in article.text
    assert article.title == "Ferry service resumes after storm"
    assert article.source == "Harbour Herald"
    assert article.url == "https://herald.invalid/ferry-resumes"
    assert article.published == date(2021, 11, 9) and article.published_from == "metadata"


def test_html_without_text_is_rejected(tmp_path: Path) -> None:
    empty = write(
        tmp_path / "gallery.htm",
        '<html><head><title>Photos</title></head><body><img src="a.jpg"></body></html>',
    )
    good = write(tmp_path / "story.txt", STORY_OSLO)
    results = read(empty, good)
    assert codes(results) == [NO_TEXT_EXTRACTED.code]
    assert [a.text for a in articles(results)] == [STORY_OSLO]


# --- naming inputs: directories, globs, stdin, sniffing ----------------------------------


def test_directory_recursive_sorted_skipping_hidden_and_unknown(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", STORY_LIMA)
    write(tmp_path / "a.txt", STORY_CAIRO)
    write(tmp_path / "sub" / "c.jsonl", jsonl({"text": STORY_OSLO}))
    write(tmp_path / ".hidden.txt", "HIDDEN (Reuters) - not read")
    write(tmp_path / ".git" / "d.txt", "GIT (Reuters) - not read")
    write(tmp_path / "notes.md", "# notes, not read")
    results = read(tmp_path)
    assert [a.origin for a in results] == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b.txt"),
        f"{tmp_path / 'sub' / 'c.jsonl'}:line 1",
    ]


def test_directory_with_format_reads_every_file(tmp_path: Path) -> None:
    write(tmp_path / "one.md", STORY_CAIRO)
    write(tmp_path / "two.dat", STORY_LIMA)
    assert [a.text for a in read(tmp_path, fmt="text")] == [STORY_CAIRO, STORY_LIMA]


def test_empty_directory_is_no_input(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    write(tmp_path / "empty" / "readme.md", "nothing to read")
    [reject] = read(tmp_path / "empty")
    assert reject.error.kind is NO_INPUT_FOUND


def test_glob(tmp_path: Path) -> None:
    write(tmp_path / "data" / "b.jsonl", jsonl({"id": "b", "text": STORY_LIMA}))
    write(tmp_path / "data" / "a.jsonl", jsonl({"id": "a", "text": STORY_CAIRO}))
    write(tmp_path / "data" / "c.txt", STORY_OSLO)
    assert [a.id for a in read(tmp_path / "data" / "*.jsonl")] == ["a", "b"]


def test_glob_matching_nothing(tmp_path: Path) -> None:
    good = write(tmp_path / "a.txt", STORY_OSLO)
    results = read(tmp_path / "*.nothing", good)
    assert codes(results) == [NO_INPUT_FOUND.code]
    assert rejects(results)[0].origin == str(tmp_path / "*.nothing")
    assert len(articles(results)) == 1


def fake_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(data)))


def test_stdin_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, STORY_CAIRO.encode())
    [article] = read("-")
    assert article.text == STORY_CAIRO and article.origin == "<stdin>"


def test_stdin_jsonl_is_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, jsonl({"id": 1, "text": STORY_LIMA}, {"id": 2}).encode())
    first, second = read("-")
    assert first.id == "1" and first.origin == "<stdin>:line 1"
    assert second.origin == "<stdin>:line 2" and second.error.kind is MISSING_FIELD


def test_stdin_with_format(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, f"id,text\n9,{q(STORY_OSLO)}\n".encode())
    [article] = read("-", fmt="csv")
    assert article.id == "9" and article.origin == "<stdin>:row 2"


def test_stdin_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    [reject] = read("-")
    assert reject.error.kind is UNREADABLE_PATH


def test_stdin_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, b"")
    [reject] = read("-")
    assert reject.error.kind is EMPTY_INPUT and reject.origin == "<stdin>"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (jsonl({"text": STORY_CAIRO}), STORY_CAIRO),
        ("  \n" + HTML_STORY, None),
        (
            "<not really html> LAGOS (Reuters) - A story.",
            "<not really html> LAGOS (Reuters) - A story.",
        ),
        (STORY_LIMA, STORY_LIMA),
    ],
)
def test_unknown_extension_is_sniffed(tmp_path: Path, content: str, expected: str | None) -> None:
    [article] = read(write(tmp_path / "feed.dat", content))
    assert isinstance(article, Article)
    if expected is None:
        assert article.text.startswith("HALIFAX (Reuters)")
    else:
        assert article.text == expected


def test_format_option_overrides_extension(tmp_path: Path) -> None:
    path = write(tmp_path / "looks.txt", jsonl({"id": "j", "text": STORY_OSLO}))
    assert read(path)[0].text.startswith("{")
    assert read(path, fmt="jsonl")[0].id == "j"


@pytest.mark.parametrize(
    ("given", "canonical"), [("TXT", "text"), ("ndjson", "jsonl"), (".htm", "html"), ("csv", "csv")]
)
def test_resolve_format_aliases(given: str, canonical: str) -> None:
    assert resolve_format(given) == canonical


# --- bad input: each a reject, the batch goes on -----------------------------------------


def test_unknown_format_option_lists_accepted(tmp_path: Path) -> None:
    [reject] = read(write(tmp_path / "a.txt", STORY_OSLO), fmt="xml")
    assert reject.error.kind is UNKNOWN_FORMAT
    assert all(name in reject.error.message for name in FORMATS)


@pytest.mark.parametrize(
    ("options", "kind"),
    [
        ({"published": "someday"}, BAD_VALUE),
        ({"max_article_chars": 0}, BAD_OPTION),
        ({"max_article_chars": "many"}, BAD_OPTION),
    ],
)
def test_bad_options_give_one_reject(
    tmp_path: Path, options: dict[str, object], kind: object
) -> None:
    [reject] = read(write(tmp_path / "a.txt", STORY_OSLO), **options)
    assert reject.origin == "<options>" and reject.error.kind is kind


def test_published_option_as_string(tmp_path: Path) -> None:
    [article] = read(write(tmp_path / "a.txt", STORY_OSLO), published="4 May 2020")
    assert article.published == date(2020, 5, 4)


def test_no_inputs() -> None:
    [reject] = read()
    assert reject.error.kind is NO_INPUT_FOUND


def test_single_string_input_is_one_path(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", STORY_OSLO)
    [article] = iter_articles(str(path))  # type: ignore[arg-type]
    assert article.text == STORY_OSLO


def test_nonexistent_path(tmp_path: Path) -> None:
    good = write(tmp_path / "a.txt", STORY_OSLO)
    results = read(tmp_path / "missing.txt", good)
    assert codes(results) == [UNREADABLE_PATH.code]
    assert rejects(results)[0].origin == str(tmp_path / "missing.txt")
    assert len(articles(results)) == 1


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = write(tmp_path / "locked.txt", STORY_CAIRO)
    good = write(tmp_path / "open.txt", STORY_OSLO)
    real_open = open

    def guarded_open(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("dateline.ingest.sources.open", guarded_open, raising=False)
    results = read(locked, good)
    assert codes(results) == [UNREADABLE_PATH.code]
    assert "permission denied" in rejects(results)[0].error.message
    assert [a.text for a in articles(results)] == [STORY_OSLO]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads anything")
def test_permission_denied_for_real(tmp_path: Path) -> None:
    locked = write(tmp_path / "locked.txt", STORY_CAIRO)
    locked.chmod(0)
    try:
        assert codes(read(locked)) == [UNREADABLE_PATH.code]
    finally:
        locked.chmod(0o644)


@pytest.mark.parametrize("content", [b"", b"   \n\t\n", b"\xef\xbb\xbf\n"])
def test_empty_files(tmp_path: Path, content: bytes) -> None:
    for suffix in (".txt", ".jsonl", ".csv", ".json", ".html"):
        results = read(
            write(tmp_path / f"empty{suffix}", content), write(tmp_path / "ok.txt", STORY_OSLO)
        )
        assert codes(results) == [EMPTY_INPUT.code], suffix
        assert len(articles(results)) == 1


@pytest.mark.parametrize(
    "content",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        b"GIF89a" + b"\x01\x02\x03\x04\x05\x06\x07\x08 some text" * 50,
        b"LONDON (Reuters) - A story with a NUL\x00 inside.",
    ],
)
def test_binary_files(tmp_path: Path, content: bytes) -> None:
    for suffix in (".txt", ".jsonl", ".csv", ".bin"):
        results = read(
            write(tmp_path / f"blob{suffix}", content), write(tmp_path / "ok.txt", STORY_OSLO)
        )
        assert codes(results) == [BINARY_INPUT.code], suffix
        assert len(articles(results)) == 1


def test_undecodable_file(tmp_path: Path) -> None:
    noise = bytes(range(0x80, 0x100)) * 8
    results = read(write(tmp_path / "noise.txt", noise), write(tmp_path / "ok.txt", STORY_OSLO))
    assert codes(results) == [UNDECODABLE_INPUT.code]
    assert len(articles(results)) == 1


def test_text_over_the_limit(tmp_path: Path) -> None:
    big = write(tmp_path / "big.txt", STORY_CAIRO * 10)
    small = write(tmp_path / "small.txt", STORY_LIMA)
    results = read(big, small, max_article_chars=len(STORY_CAIRO) * 5)
    assert codes(results) == [INPUT_TOO_LARGE.code]
    assert [a.text for a in articles(results)] == [STORY_LIMA]


def test_huge_text_file_is_refused_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    huge = write(tmp_path / "huge.txt", b"The river rose again overnight. " * 1_640_000)  # 50 MB
    small = write(tmp_path / "small.txt", STORY_LIMA)
    decoded: list[int] = []
    import dateline.ingest.read_text as read_text

    real_decode = read_text.decode_bytes

    def counting_decode(data: bytes, **kwargs: object) -> str:
        decoded.append(len(data))
        return real_decode(data, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(read_text, "decode_bytes", counting_decode)
    started = time.perf_counter()
    results = read(huge, small, max_article_chars=1_000_000)
    assert time.perf_counter() - started < 2.0
    assert codes(results) == [INPUT_TOO_LARGE.code]
    assert "bytes" in rejects(results)[0].error.message
    assert decoded == [len(STORY_LIMA.encode())]  # only the small file was decoded


def test_file_over_max_file_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("dateline.ingest.iterate.MAX_FILE_BYTES", 100)
    big = write(tmp_path / "big.jsonl", jsonl({"text": STORY_CAIRO}))
    results = read(big, write(tmp_path / "ok.txt", "ok"))
    assert codes(results) == [INPUT_TOO_LARGE.code] and len(articles(results)) == 1


def test_huge_stdin_text_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, b"word " * 10_000)
    [reject] = read("-", max_article_chars=1000)
    assert reject.error.kind is INPUT_TOO_LARGE


def test_jsonl_bad_lines_are_rejected_one_by_one(tmp_path: Path) -> None:
    path = write(
        tmp_path / "bad.jsonl",
        jsonl({"id": "good-1", "text": STORY_CAIRO})
        + '{"id": "broken", "text": \n'
        + "[1, 2, 3]\n"
        + '"just a string"\n'
        + jsonl(
            {"id": "no-text", "body": STORY_LIMA, "headline": "Quake"},
            {"id": "empty", "text": "   "},
            {"id": "null", "text": None},
            {"id": "number", "text": 42},
            {"id": "bad-date", "text": STORY_LIMA, "published": "next Thursday-ish"},
            {"id": "bad-title", "text": STORY_LIMA, "title": ["a", "list"]},
            {"id": "good-2", "text": STORY_OSLO},
        )
        + '{"id": "cut", "text": "PRAGUE (Reuters) - The file ends in the mid',
    )
    results = read(path)
    assert [a.id for a in articles(results)] == ["good-1", "good-2"]
    by_line = {r.origin.rsplit(" ", 1)[1]: r.error for r in rejects(results)}
    assert by_line["2"].kind is MALFORMED_RECORD
    assert by_line["3"].kind is MALFORMED_RECORD and "array" in by_line["3"].message
    assert by_line["4"].kind is MALFORMED_RECORD
    assert by_line["5"].kind is MISSING_FIELD
    assert "'text'" in by_line["5"].message and "body, headline" in by_line["5"].message
    assert by_line["6"].kind is EMPTY_INPUT
    assert by_line["7"].kind is EMPTY_INPUT
    assert by_line["8"].kind is BAD_VALUE
    assert by_line["9"].kind is BAD_VALUE and "next Thursday-ish" in by_line["9"].message
    assert by_line["10"].kind is BAD_VALUE
    assert by_line["12"].kind is MALFORMED_RECORD
    assert all(str(path) in str(error) for error in by_line.values())


def test_jsonl_overlong_records_are_rejected_and_reading_goes_on(tmp_path: Path) -> None:
    path = write(
        tmp_path / "long.jsonl",
        jsonl(
            {"id": "long", "text": "x" * 5000},  # a valid line, but too long an article
            {"id": "huge", "text": "x" * 1_300_000},  # longer than any line may be: skipped unread
            {"id": "after", "text": STORY_OSLO},
        ),
    )
    results = read(path, max_article_chars=200)
    assert [(r.origin.rsplit(" ", 1)[1], r.error.kind) for r in rejects(results)] == [
        ("1", INPUT_TOO_LARGE),
        ("2", INPUT_TOO_LARGE),
    ]
    assert [(a.id, a.origin) for a in articles(results)] == [("after", f"{path}:line 3")]


def test_jsonl_blank_only(tmp_path: Path) -> None:
    # Not empty to the byte check (more than a head of whitespace) but no records.
    path = write(tmp_path / "blank.jsonl", "\n" * 70_000)
    assert codes(read(path)) == [EMPTY_INPUT.code]


def test_json_document_errors(tmp_path: Path) -> None:
    broken = write(tmp_path / "broken.json", '{"text": "DAKAR (Reuters) - A story",\n "id": }')
    scalar = write(tmp_path / "scalar.json", "42")
    empty_list = write(tmp_path / "none.json", "[]")
    good = write(tmp_path / "good.json", json.dumps({"text": STORY_OSLO}))
    results = read(broken, scalar, empty_list, good)
    assert codes(results) == [MALFORMED_RECORD.code, MALFORMED_RECORD.code, EMPTY_INPUT.code]
    assert rejects(results)[0].origin == f"{broken}:line 2"
    assert len(articles(results)) == 1


def test_csv_without_text_column_lists_columns(tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.csv", "id,headline,body\n1,Quake,LIMA (Reuters) - A quake.\n")
    good = write(tmp_path / "good.csv", f"text\n{q(STORY_OSLO)}\n")
    results = read(bad, good)
    [reject] = rejects(results)
    assert reject.error.kind is MISSING_FIELD and reject.origin == str(bad)
    assert "'id', 'headline', 'body'" in reject.error.message
    assert len(articles(results)) == 1


def test_csv_bad_rows_are_rejected_one_by_one(tmp_path: Path) -> None:
    path = write(
        tmp_path / "rows.csv",
        "id,text\n"
        f"1,{q(STORY_OSLO)}\n"
        "2,too,many,cells\n"
        "3\n"
        '4,"a stray "quote" here"\n'
        "5,\n"
        f"6,{q(STORY_LIMA)}\n"
        '7,"DAKAR (Reuters) - This quote is never closed\n',
    )
    results = read(path)
    assert [a.id for a in articles(results)] == ["1", "6"]
    assert [(r.origin.rsplit(" ", 1)[1], r.error.kind) for r in rejects(results)] == [
        ("3", MALFORMED_RECORD),
        ("4", MALFORMED_RECORD),
        ("5", MALFORMED_RECORD),
        ("6", EMPTY_INPUT),
        ("8", MALFORMED_RECORD),
    ]


def test_csv_bad_date(tmp_path: Path) -> None:
    path = write(
        tmp_path / "dates.csv",
        f"text,published\n{q(STORY_OSLO)},2017-13-45\n{q(STORY_LIMA)},3 March 2017\n",
    )
    results = read(path)
    assert codes(results) == [BAD_VALUE.code]
    assert articles(results)[0].published == date(2017, 3, 3)


def test_csv_cp1252(tmp_path: Path) -> None:
    text = "Le ministre a d\u00e9clar\u00e9 \u201cnous tiendrons\u201d, \u00e0 Paris."
    path = write(tmp_path / "legacy.csv", f'id,text\n1,"{text}"\n', encoding="cp1252")
    [article] = read(path)
    assert article.text == text


def test_no_reject_is_internal_and_every_error_names_its_origin(tmp_path: Path) -> None:
    write(tmp_path / "a.jsonl", '{"text": 1}\nnope\n')
    write(tmp_path / "b.csv", "x,y\n1,2\n")
    write(tmp_path / "c.txt", b"\x00\x01\x02")
    write(tmp_path / "d.json", "{")
    results = read(tmp_path, tmp_path / "zzz.txt")
    assert len(rejects(results)) == 6
    for reject in rejects(results):
        assert reject.error.kind is not INTERNAL
        assert reject.error.where == reject.origin
        assert str(reject.error).startswith(reject.origin)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    content=st.one_of(
        st.binary(max_size=600),
        st.text(max_size=300).map(lambda text: text.encode("utf-8", "surrogatepass")),
    ),
    suffix=st.sampled_from([".txt", ".jsonl", ".json", ".csv", ".tsv", ".html", ".dat"]),
)
def test_any_bytes_give_articles_or_rejects_never_an_exception(content: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(content)
        for item in iter_articles([str(path)]):
            assert isinstance(item, (Article, Reject))
            if isinstance(item, Reject):
                assert item.error.kind is not INTERNAL, str(item.error)


# --- article_from_text -----------------------------------------------------------------


def test_article_from_text() -> None:
    article = article_from_text(STORY_CAIRO, id="c1", published="March 3, 2017", origin="api")
    assert (article.id, article.text, article.origin) == ("c1", STORY_CAIRO, "api")
    assert article.published == date(2017, 3, 3) and article.published_from == "option"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("", EMPTY_INPUT),
        (" \n\t ", EMPTY_INPUT),
        ("x" * 101, INPUT_TOO_LARGE),
        ("ok\x00ok", BINARY_INPUT),
        ("\x01\x02\x03 abc", BINARY_INPUT),
        ("broken \udc80 surrogate", UNDECODABLE_INPUT),
    ],
)
def test_article_from_text_refuses(text: str, kind: object) -> None:
    with pytest.raises(InputError) as caught:
        article_from_text(text, max_article_chars=100)
    assert caught.value.kind is kind


def test_article_from_text_bad_date() -> None:
    with pytest.raises(DatelineError) as caught:
        article_from_text(STORY_OSLO, published="the day after")
    assert caught.value.kind is BAD_VALUE


# --- dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-03-03", date(2017, 3, 3)),
        ("2017-09-28T10:00:00Z", date(2017, 9, 28)),
        ("2017-09-28T23:30:00-05:00", date(2017, 9, 28)),
        ("2017-09-28 10:00:00", date(2017, 9, 28)),
        ("20170303", date(2017, 3, 3)),
        ("Fri, 03 Mar 2017 10:00:00 +0000", date(2017, 3, 3)),
        ("Fri, 03 Mar 2017 10:00:00 GMT", date(2017, 3, 3)),
        ("3 March 2017", date(2017, 3, 3)),
        ("March 3, 2017", date(2017, 3, 3)),
        ("Mar. 3, 2017", date(2017, 3, 3)),
        ("Sept. 28, 2017", date(2017, 9, 28)),
        ("28 September 2017 10:00 GMT", date(2017, 9, 28)),
        ("  2017-03-03  ", date(2017, 3, 3)),
        ("", None),
        ("   ", None),
        (None, None),
        (date(2016, 2, 29), date(2016, 2, 29)),
        (datetime(2016, 2, 29, 23, 59, tzinfo=UTC), date(2016, 2, 29)),
    ],
)
def test_parse_date(value: object, expected: date | None) -> None:
    assert parse_date(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "value",
    [
        "banana",
        "March 3",
        "March 2017",
        "2017",
        "2017-02-30",
        "0001-01-01",
        "yesterday",
        "10",
        "Friday",
    ],
)
def test_parse_date_refuses(value: str) -> None:
    with pytest.raises(DatelineError) as caught:
        parse_date(value, where="feed.jsonl:line 4")
    assert caught.value.kind is BAD_VALUE
    assert caught.value.where == "feed.jsonl:line 4"
    assert repr(value) in caught.value.message


def test_parse_date_refuses_other_types() -> None:
    with pytest.raises(DatelineError) as caught:
        parse_date(1488499200)  # type: ignore[arg-type]
    assert caught.value.kind is BAD_VALUE and "int" in caught.value.message
