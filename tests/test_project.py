"""``nps-kit init`` / ``new-unit``, the packaged templates, and notebooks without outputs."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import nbformat
import pytest
import yaml

from nps_kit.commands import project
from nps_kit.errors import ConfigError, NpsKitError
from nps_kit.params import load_all, load_unit

RESOURCES = Path(project.__file__).resolve().parent.parent / "resources"


def _cli(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    project.register(parser.add_subparsers())
    args = parser.parse_args(list(argv))
    status: int = args.handler(args)
    return status


@pytest.mark.parametrize(
    ("shipped", "packaged"),
    [
        ("notebooks/nps_report.ipynb", "nps_report.ipynb"),
        ("parameters/defaults.yaml", "defaults.yaml"),
        ("parameters/themes.yaml", "themes_project.yaml"),
        ("parameters/playbook.yaml", "playbook.yaml"),
    ],
)
def test_packaged_templates_match_the_repository_files(
    repo_root: Path, shipped: str, packaged: str
) -> None:
    assert (RESOURCES / packaged).read_bytes() == (repo_root / shipped).read_bytes(), (
        f"nps_kit/resources/{packaged} is out of date: cp {shipped} nps_kit/resources/{packaged}"
    )


def test_notebooks_are_committed_without_outputs(repo_root: Path) -> None:
    paths = [*sorted((repo_root / "notebooks").glob("*.ipynb")), *RESOURCES.glob("*.ipynb")]
    assert paths
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        code = [c for c in nb.cells if c.cell_type == "code"]
        assert [c.outputs for c in code] == [[] for _ in code], path
        assert [c.execution_count for c in code] == [None] * len(code), path
        tagged = [c for c in code if "parameters" in c.metadata.get("tags", [])]
        assert len(tagged) == 1, path


def test_init_scaffolds_a_project_that_validates(tmp_path: Path) -> None:
    root = tmp_path / "survey"
    assert _cli("init", str(root)) == 0
    files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    assert files == [
        "README.md",
        "data/demo_responses.csv.gz",
        "notebooks/nps_report.ipynb",
        "parameters/defaults.yaml",
        "parameters/example.yaml",
        "parameters/playbook.yaml",
        "parameters/themes.yaml",
    ]
    found = load_all(root / "parameters")
    assert found.errors == []
    example = found.units["example"]
    assert example.name == "EC事業部"
    assert example.data.path == (root / "data" / "demo_responses.csv.gz").resolve()
    assert example.data.filter is not None and example.data.filter.values == ["EC事業部"]


def test_init_never_overwrites(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("mine", encoding="utf-8")
    with pytest.raises(NpsKitError) as info:
        project.init_project(tmp_path)
    assert str(info.value) == (
        f"{tmp_path} already has README.md; init never overwrites files. "
        "Choose a new or empty folder."
    )
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "mine"
    assert not (tmp_path / "parameters").exists()


def test_new_unit_writes_a_commented_template_that_validates(
    tmp_path: Path, repo_root: Path
) -> None:
    params = tmp_path / "parameters"
    params.mkdir()
    (params / "defaults.yaml").write_text(
        f"language: en\ndata: {{path: {repo_root / 'data' / 'demo_responses.csv.gz'}}}\n",
        encoding="utf-8",
    )
    assert _cli("new-unit", "sales_east", "--parameters", str(params)) == 0
    path = params / "sales_east.yaml"
    text = path.read_text(encoding="utf-8")
    assert "# Display name" in text
    unit = load_unit(path)
    assert (unit.unit, unit.name, unit.data.filter) == ("sales_east", "sales_east", None)
    assert unit.mail.to == []
    with pytest.raises(ConfigError) as info:
        project.new_unit("sales_east", parameters=params)
    assert str(info.value) == (
        f"{path} exists already; new-unit never overwrites a unit file. "
        "Edit it, or choose another NAME."
    )
    assert path.read_text(encoding="utf-8") == text


def test_a_new_unit_keeps_every_list_of_defaults_yaml(tmp_path: Path, repo_root: Path) -> None:
    """QA20: the template's live ``followups: []`` hid the follow-ups init had written."""
    params = tmp_path / "parameters"
    params.mkdir()
    (params / "defaults.yaml").write_text(
        f"language: en\ndata: {{path: {repo_root / 'data' / 'demo_responses.csv.gz'}, "
        "filter: {column: business_unit, values: [Cloud Platform]}}\n"
        "breakdowns: [channel]\n"
        "followups: [{column: comment, type: text, label: Reason for the score}]\n"
        "sections: [headline, followups]\n"
        "mail: {to: [all@brightsmile.test], cc: [boss@brightsmile.test], "
        "reply_to: nps@brightsmile.test}\n"
        "alerts: {to: [callbacks@brightsmile.test]}\n",
        encoding="utf-8",
    )
    assert _cli("new-unit", "north", "--parameters", str(params)) == 0
    unit = load_unit(params / "north.yaml")
    assert [f.label for f in unit.followups] == ["Reason for the score"]
    assert unit.breakdowns == ["channel"]
    assert unit.sections == ["headline", "followups"]
    assert unit.data.filter is not None and unit.data.filter.values == ["Cloud Platform"]
    assert (unit.mail.to, unit.mail.cc, unit.mail.reply_to) == (
        ["all@brightsmile.test"],
        ["boss@brightsmile.test"],
        "nps@brightsmile.test",
    )
    assert unit.alerts.to == ["callbacks@brightsmile.test"]


@pytest.mark.parametrize(
    ("language", "shown", "not_shown"),
    [
        ("en", ["label: Reason for the score", "values: [North]"], "チャネル"),
        ("ja", ["label: スコアの理由", "values: [EC事業部]"], "Reason for the score"),
    ],
)
def test_the_new_unit_template_speaks_the_projects_language(
    tmp_path: Path, language: str, shown: list[str], not_shown: str
) -> None:
    """QA20: an English project's new unit showed チャネル, 認知経路 and 利用した機能."""
    (tmp_path / "defaults.yaml").write_text(f"language: {language}\n", encoding="utf-8")
    text = project.new_unit("north", parameters=tmp_path).read_text(encoding="utf-8")
    assert all(s in text for s in shown)
    assert not_shown not in text
    assert f"# language: {language}\n" in text


@pytest.mark.parametrize(
    "name",
    ["../evil", "Sales", "", "defaults", "a b", "-x", "a.b", "ｓａｌｅｓ", "大宮院/x", "x" * 41],
)
def test_new_unit_rejects_unsafe_names(tmp_path: Path, name: str) -> None:
    with pytest.raises(ConfigError) as info:
        project.new_unit(name, parameters=tmp_path)
    assert str(info.value) == (
        f"unit name {name!r} is not a safe id: expected 1-40 lower-case letters (of any script: "
        "大宮院 and café are ids), digits, '-' or '_', starting with a letter or digit, and not "
        "one of defaults, playbook, themes. "
        "It becomes the file name parameters/NAME.yaml and reports/<period>/NAME.html."
    )
    assert list(tmp_path.iterdir()) == []


_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]")
# A YAML example to copy (`# language: ja`, `#   to: [...]`), or a line of theme ids or section
# names wrapped after a 、 (`# checkout、delivery、…`).
_EXAMPLE = re.compile(r"^#\s+[\w-]+:(\s|$)|^#\s+-\s|^# [\w、 ]+。?$")


def _english_comments(text: str) -> list[str]:
    """Comment lines without a Japanese letter, less YAML examples to uncomment."""
    comments = [line.strip() for line in text.splitlines() if line.strip().startswith("#")]
    return [c for c in comments if not _JAPANESE.search(c) and not _EXAMPLE.match(c) and c != "#"]


def test_init_writes_a_japanese_project_s_comments_in_japanese(tmp_path: Path) -> None:
    # FIX39: the demo project says language: ja (its answers are Japanese), but every comment
    # of its defaults, themes, playbook and example unit was English. The keys and values stay.
    project.init_project(tmp_path)
    folder = tmp_path / "parameters"
    for name in ("defaults.yaml", "themes.yaml", "playbook.yaml", "example.yaml"):
        text = (folder / name).read_text(encoding="utf-8")
        assert _english_comments(text) == [], name
        assert not any(len(line) > 100 for line in text.splitlines() if "#" in line), name
    defaults = (folder / "defaults.yaml").read_text(encoding="utf-8")
    assert "\nlanguage: ja\n" in defaults
    assert "# Defaults for every unit" not in defaults
    assert "# レポートの言語：ja | en。\n" in defaults
    shipped = yaml.safe_load(_resource_text("defaults.yaml"))
    assert yaml.safe_load(defaults) == shipped
    assert yaml.safe_load((folder / "themes.yaml").read_text(encoding="utf-8")) == {
        "version": 1,
        "extends": "retail",
        "themes": {},
    }
    playbook = (folder / "playbook.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(playbook) == yaml.safe_load(_resource_text("playbook.yaml"))
    assert load_all(folder).errors == []


def _resource_text(name: str) -> str:
    return (RESOURCES / name).read_text(encoding="utf-8")


def test_init_language_en_writes_the_shipped_english_files(tmp_path: Path) -> None:
    assert _cli("init", str(tmp_path), "--language", "en") == 0
    folder = tmp_path / "parameters"
    defaults = _resource_text("defaults.yaml").replace("\nlanguage: ja\n", "\nlanguage: en\n")
    assert (folder / "defaults.yaml").read_text(encoding="utf-8") == defaults
    for name, shipped in (("themes.yaml", "themes_project.yaml"), ("playbook.yaml", None)):
        text = (folder / name).read_text(encoding="utf-8")
        assert text == _resource_text(shipped or name), name
    example = (folder / "example.yaml").read_text(encoding="utf-8")
    assert "# Display name, in the report's language.\n" in example
    assert "label: Channel}" in example
    found = load_all(folder)
    assert found.errors == []
    assert found.units["example"].language == "en"
    assert found.units["example"].data.filter is not None
    assert found.units["example"].data.filter.values == ["EC事業部"]


def test_init_language_is_for_the_demo_project_only(tmp_path: Path) -> None:
    export = tmp_path / "responses.csv"
    with pytest.raises(NpsKitError) as info:
        _cli("init", str(tmp_path / "p"), "--from", str(export), "--language", "en")
    assert str(info.value) == (
        "--language is for the demo project: with --from the language is detected from the "
        "export's answers. Leave out --language, then change language: in "
        "parameters/defaults.yaml if it is wrong."
    )
    assert not (tmp_path / "p").exists()


def test_new_unit_in_a_japanese_project_is_commented_in_japanese(tmp_path: Path) -> None:
    # The unit template's sentences are in init's table (INIT42): new-unit gets them too.
    params = tmp_path / "parameters"
    params.mkdir()
    (params / "defaults.yaml").write_text("language: ja\n", encoding="utf-8")
    text = project.new_unit("sales", parameters=params).read_text(encoding="utf-8")
    assert _english_comments(text) == []
    assert "# 表示名（レポートの言語で）。\nname: sales\n" in text
    assert "#   - {column: channel, label: チャネル}\n" in text
