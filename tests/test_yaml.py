"""nps_kit._yaml: libyaml parses when PyYAML has it, Python's parser words every error."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from nps_kit import _yaml
from nps_kit.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = sorted((ROOT / "nps_kit" / "resources").rglob("*.yaml")) + sorted(
    (ROOT / "parameters").glob("*.yaml")
)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(ROOT)))
def test_shipped_files_read_as_pythons_parser_reads_them(path: Path) -> None:
    text = _yaml.read_text(path, shown=path.name)
    assert _yaml.safe_load(text, shown=path.name, path=path) == yaml.load(
        text, Loader=yaml.SafeLoader
    )


def test_libyaml_is_used_when_pyyaml_has_it() -> None:
    assert (_yaml._CLoader is not None) == yaml.__with_libyaml__


@pytest.mark.parametrize(
    "text",
    ["themes:\n  a: [x, y\n", "a: 1\n b: 2\n", "a: 'open\n", "a: !!python/object:os.system x\n"],
)
def test_an_error_is_pythons_parsers(text: str) -> None:
    with pytest.raises(yaml.YAMLError) as ours:
        _yaml.safe_load(text, shown="x.yaml", path=Path("x.yaml"))
    with pytest.raises(yaml.YAMLError) as python:
        yaml.load(text, Loader=yaml.SafeLoader)
    assert type(ours.value) is type(python.value)
    assert str(ours.value) == str(python.value)


def test_an_alias_bomb_is_refused_by_either_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = "\n".join(
        ["a: &a0 [x, x, x, x, x]"]
        + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 5)}]" for i in range(1, 9)]
    )
    for loader in (_yaml._CLoader, None):
        monkeypatch.setattr(_yaml, "_CLoader", loader)
        with pytest.raises(_yaml.ConfigError, match="expand to more than 100,000 values"):
            _yaml.safe_load(bomb, shown="x.yaml", path=Path("x.yaml"))


@given(st.text())
def test_any_string_reads_back_as_a_block_value_and_in_flow_lists(text: str) -> None:
    written = _yaml.scalar(text)
    assert "\n" not in written
    assert yaml.safe_load(f"key: {written}") == {"key": text}
    assert yaml.safe_load(f"[{written}, x]") == [text, "x"]
    assert yaml.safe_load(f"{{column: {written}, values: [{written}]}}") == {
        "column": text,
        "values": [text],
    }


@pytest.mark.parametrize(
    ("value", "written"),
    [
        # Letters of any script stay plain (INIT43's rule; scaffold quoted them).
        ("店舗事業部", "店舗事業部"),
        ("München", "München"),
        ("No.", "No."),
        ("Weiterempfehlung (0-10)", "Weiterempfehlung (0-10)"),
        # What YAML would read otherwise is quoted.
        ("10", '"10"'),
        ("yes", '"yes"'),
        ("null", '"null"'),
        ("Unnamed: 4", '"Unnamed: 4"'),
        ("1,3", '"1,3"'),
        ("#1", '"#1"'),
        (" padded", '" padded"'),
        ("", '""'),
        ("a\u2028b", '"a\\Lb"'),
        (None, "null"),
        (True, "true"),
        (3, "3"),
        (2.5, "2.5"),
    ],
)
def test_scalar_is_plain_only_where_yaml_reads_it_back(value: object, written: str) -> None:
    assert _yaml.scalar(value) == written


# A key written twice (FIX91): YAML keeps the last value without a word.


@pytest.mark.parametrize("loader", ["libyaml", "python"])
def test_a_key_written_twice_names_the_key_and_both_lines(
    loader: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if loader == "python":
        monkeypatch.setattr(_yaml, "_CLoader", None)
    text = "unit: tokyo\ncolumns:\n  score: Q1\n  date: 回答日\n  score: Q2\n"
    with pytest.raises(_yaml.DuplicateKeyError) as caught:
        _yaml.safe_load(text, shown="tokyo.yaml", path=Path("tokyo.yaml"))
    assert str(caught.value) == (
        "tokyo.yaml: the key 'columns.score' is written twice, on line 3 and on line 5; YAML "
        "would keep only the value on line 5 and drop the other without a word. Check which "
        "value is meant, keep that line and delete the other."
    )
    assert caught.value.key == "columns.score"
    assert caught.value.repeats == (_yaml.Repeat("columns.score", 3, 5),)


def test_a_key_written_twice_is_said_in_japanese_for_a_japanese_file() -> None:
    with pytest.raises(_yaml.DuplicateKeyError) as caught:
        _yaml.safe_load("a: 1\na: 2\n", shown="店舗.yaml", path=Path("店舗.yaml"), lang="ja")
    assert str(caught.value) == (
        "店舗.yaml：キー「a」が2回書かれています（1行目と2行目）。YAMLは後の値だけを読み、"
        "前の値は黙って捨てられます。どちらの値が正しいか確かめて一方の行を残し、もう一方を"
        "消してください。"
    )
    # defaults.yaml says its own language: read before any project language is known.
    with pytest.raises(_yaml.DuplicateKeyError, match=r"^defaults\.yaml：キー「period」が2回"):
        _yaml.safe_load(
            "language: ja\nperiod: latest\nperiod: 2026-10\n",
            shown="defaults.yaml",
            path=Path("defaults.yaml"),
        )


def test_a_file_that_is_not_utf8_is_said_in_the_files_language() -> None:
    # FIX93: a Japanese project's themes.yaml or playbook.yaml saved by a Japanese editor.
    data = "a: 1\nb: 店舗\n".encode("cp932")
    path = Path("themes.yaml")
    with pytest.raises(ConfigError) as caught:
        _yaml.decode(data, shown="themes.yaml", path=path, lang="ja")
    assert str(caught.value) == (
        "themes.yaml：ファイルはUTF-8で保存してください。Shift_JIS（cp932）で保存されている"
        "ようです（最初の不正なバイトは2行目）。エディターでUTF-8として保存し直すか（VS Code："
        "「エンコード付きで保存」→UTF-8、メモ帳：文字コードUTF-8）、変換してください："
        "iconv -f cp932 -t utf-8 themes.yaml > themes.utf8.yaml"
    )
    with pytest.raises(ConfigError) as caught:
        _yaml.decode(b"a: \x81 \n", shown="themes.yaml", path=path, lang="ja")
    assert str(caught.value).startswith(
        "themes.yaml：ファイルはUTF-8で保存してください。バイト0x81はUTF-8ではありません"
        "（最初の不正なバイトは1行目）。"
    )
    with pytest.raises(ConfigError) as caught:
        _yaml.decode(data, shown="themes.yaml", path=path)
    assert str(caught.value).startswith(
        "themes.yaml: the file must be saved as UTF-8, but it looks like Shift_JIS (cp932) "
        "(first bad byte on line 2)."
    )


def test_several_keys_written_twice_are_each_named_in_line_order() -> None:
    text = "b: [x, {c: 1, c: 2}]\na: 1\nd:\n  e: 1\na: 2\n"
    with pytest.raises(_yaml.DuplicateKeyError) as caught:
        _yaml.safe_load(text, shown="x.yaml", path=Path("x.yaml"))
    assert str(caught.value) == (
        "x.yaml: 2 keys are written twice; YAML would keep only the later value of each and "
        "drop the other without a word:\n- 'b[1].c': line 1, columns 9 and 15\n- 'a': line 2 and "
        "line 5 Check which value is meant, keep that line and delete the other."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A merge brings keys in for the mapping to set again: that is what it is for.
        (
            "base: &b {x: 1, y: 2}\nown:\n  <<: *b\n  x: 3\n",
            {"base": {"x": 1, "y": 2}, "own": {"x": 3, "y": 2}},
        ),
        # The number 1 and the text '1' are two keys; an alias read twice is one node.
        ("1: a\n'1': b\n", {1: "a", "1": "b"}),
        ("a: &s {k: 1}\nb: *s\nc: *s\n", {"a": {"k": 1}, "b": {"k": 1}, "c": {"k": 1}}),
        # The same key in two mappings is no repeat.
        ("a: {k: 1}\nb: {k: 2}\n", {"a": {"k": 1}, "b": {"k": 2}}),
    ],
)
def test_what_is_no_key_written_twice_reads_as_before(text: str, expected: object) -> None:
    assert _yaml.safe_load(text, shown="x.yaml", path=Path("x.yaml")) == expected
    assert yaml.safe_load(text) == expected


@pytest.mark.parametrize("said", ["jp", "日本語", "ｊａ", "JA", "Japanese"])
def test_a_repeat_is_said_in_japanese_when_the_file_asks_for_it_as_the_project_rule_reads(
    said: str,
) -> None:
    # FIX94: only 'language: ja' was heard; the one rule (_project_language.said_language)
    # also reads a mistyped jp or 日本語 as Japanese, as the file's other problems are said.
    with pytest.raises(_yaml.DuplicateKeyError) as caught:
        _yaml.safe_load(
            f"language: {said}\nperiod: latest\nperiod: 2026-10\n",
            shown="大宮.yaml",
            path=Path("大宮.yaml"),
        )
    assert str(caught.value) == (
        "大宮.yaml：キー「period」が2回書かれています（2行目と3行目）。YAMLは後の値だけを読み、"
        "前の値は黙って捨てられます。どちらの値が正しいか確かめて一方の行を残し、もう一方を"
        "消してください。"
    )


def test_a_file_that_says_english_is_said_in_english_in_a_japanese_project() -> None:
    # The file's own language first, then the project's (file_language's order).
    with pytest.raises(_yaml.DuplicateKeyError) as caught:
        _yaml.safe_load(
            "language: en\na: 1\na: 2\n", shown="ny.yaml", path=Path("ny.yaml"), lang="ja"
        )
    assert str(caught.value).startswith("ny.yaml: the key 'a' is written twice, on line 2 and")


# FIX94: a repeat is decided by the key YAML resolves, as the document it builds would keep one.
@pytest.mark.parametrize("loader", ["libyaml", "python"])
@pytest.mark.parametrize(
    ("first", "second"),
    [("true", "True"), ("true", "TRUE"), ("yes", "on"), ("1", "0x1"), ("1", "+1"), ("~", "null")],
)
def test_keys_written_differently_that_resolve_to_one_key_are_a_repeat(
    first: str, second: str, loader: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if loader == "python":
        monkeypatch.setattr(_yaml, "_CLoader", None)
    text = f"replace:\n  {first}: a\n  {second}: b\n"
    assert len(yaml.safe_load(text)["replace"]) == 1  # what YAML would silently do
    with pytest.raises(_yaml.DuplicateKeyError) as caught:
        _yaml.safe_load(text, shown="x.yaml", path=Path("x.yaml"))
    assert str(caught.value) == (
        f"x.yaml: the key 'replace.{first}' is written twice, on line 2 and on line 3 "
        f"(as '{second}'); YAML would keep only the value on line 3 and drop the other without "
        "a word. Check which value is meant, keep that line and delete the other."
    )
    with pytest.raises(_yaml.DuplicateKeyError) as caught:
        _yaml.safe_load(text, shown="x.yaml", path=Path("x.yaml"), lang="ja")
    assert str(caught.value) == (
        f"x.yaml：キー「replace.{first}」が2回書かれています（2行目と3行目、後の方は「{second}」"
        "と書かれています）。YAMLは後の値だけを読み、前の値は黙って捨てられます。どちらの値が"
        "正しいか確かめて一方の行を残し、もう一方を消してください。"
    )


@pytest.mark.parametrize(
    "text",
    ["a: 1\n'true': 2\ntrue: 3\n", "'1': a\n1: b\n", "1: a\n1.5: b\n", "'yes': a\n'on': b\n"],
)
def test_keys_that_resolve_to_different_keys_are_no_repeat(text: str) -> None:
    assert _yaml.safe_load(text, shown="x.yaml", path=Path("x.yaml")) == yaml.safe_load(text)


@pytest.mark.parametrize("loader", ["libyaml", "python"])
def test_a_repeat_on_one_line_names_the_line_and_both_columns(
    loader: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if loader == "python":
        monkeypatch.setattr(_yaml, "_CLoader", None)
    text = "unit: a\nfilter: {id: 1, id: 2}\n"
    with pytest.raises(_yaml.DuplicateKeyError) as caught:
        _yaml.safe_load(text, shown="a.yaml", path=Path("a.yaml"))
    assert str(caught.value) == (
        "a.yaml: the key 'filter.id' is written twice on line 2, at column 10 and at column 17; "
        "YAML would keep only the later value and drop the other without a word. Check which "
        "value is meant, keep that line and delete the other."
    )
    assert caught.value.repeats == (_yaml.Repeat("filter.id", 2, 2, columns=(10, 17)),)
    with pytest.raises(_yaml.DuplicateKeyError) as caught:
        _yaml.safe_load(text, shown="a.yaml", path=Path("a.yaml"), lang="ja")
    assert str(caught.value) == (
        "a.yaml：キー「filter.id」が2行目に2回書かれています（10文字目と17文字目）。YAMLは後の"
        "値だけを読み、前の値は黙って捨てられます。どちらの値が正しいか確かめて一方の行を残し、"
        "もう一方を消してください。"
    )
    several = "a: {k: 1, k: 2}\nb: 1\nb: 2\n"
    with pytest.raises(_yaml.DuplicateKeyError) as caught:
        _yaml.safe_load(several, shown="x.yaml", path=Path("x.yaml"))
    assert str(caught.value) == (
        "x.yaml: 2 keys are written twice; YAML would keep only the later value of each and "
        "drop the other without a word:\n- 'a.k': line 1, columns 5 and 11\n- 'b': line 2 and "
        "line 3 Check which value is meant, keep that line and delete the other."
    )
    with pytest.raises(_yaml.DuplicateKeyError) as caught:
        _yaml.safe_load(several, shown="x.yaml", path=Path("x.yaml"), lang="ja")
    assert "\n- 「a.k」：1行目の5文字目と11文字目\n- 「b」：2行目と3行目" in str(caught.value)
