"""nps_kit._yaml: libyaml parses when PyYAML has it, Python's parser words every error."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from nps_kit import _yaml

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
