"""``nps-kit init`` / ``new-unit``, the packaged templates, and notebooks without outputs."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest
import yaml

from nps_kit.commands import project
from nps_kit.errors import ConfigError, NpsKitError
from nps_kit.params import load_all, load_unit

RESOURCES = Path(project.__file__).resolve().parent.parent / "resources"


def _cli(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    project.register(parser.add_subparsers(), "en")
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
        ("en", ["label: Reason for the score", "values: [VALUE]"], "チャネル"),
        ("ja", ["label: スコアの理由", "values: [VALUE]"], "Reason for the score"),
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


def test_new_unit_refuses_in_the_projects_language(tmp_path: Path) -> None:
    # FIX94: a Japanese project's new-unit said a bad name or an existing file in English.
    (tmp_path / "defaults.yaml").write_text("language: ja\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        project.new_unit("大宮院/x", parameters=tmp_path)
    assert str(info.value) == (
        "ユニット名「大宮院/x」は安全なIDではありません：ファイル名に使われるため、1〜40文字の"
        "小文字（どの文字でも可：大宮院やcaféもIDになります）、数字、「-」、「_」で、文字か数字で"
        "始まり、defaults、playbook、themes以外の名前にしてください。IDはファイル名"
        "parameters/NAME.yamlとreports/<期間>/NAME.htmlになります。"
    )
    path = project.new_unit("大宮院", parameters=tmp_path)
    with pytest.raises(ConfigError) as info:
        project.new_unit("大宮院", parameters=tmp_path)
    assert str(info.value) == (
        f"{path}はもうあります。new-unitはユニットのファイルを上書きしません。"
        "そのファイルを編集するか、別のNAMEを選んでください。"
    )


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
    assert found.units["example"].data.filter.values == ["Cloud Platform"]


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


class _OneKeyOnce(yaml.SafeLoader):
    """A YAML loader that refuses a mapping naming a key twice (PyYAML keeps the last)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:  # type: ignore[override]
        keys = [self.construct_object(k, deep=deep) for k, _ in node.value]
        repeated = sorted({str(k) for k in keys if keys.count(k) > 1})
        if repeated:
            raise yaml.constructor.ConstructorError(
                None, None, f"repeated keys {repeated}", node.start_mark
            )
        return super().construct_mapping(node, deep=deep)


def test_the_strict_loader_refuses_a_repeated_key() -> None:
    with pytest.raises(yaml.constructor.ConstructorError, match=r"repeated keys \['language'\]"):
        yaml.load("language: en\nname: x\nlanguage: en\n", Loader=_OneKeyOnce)


@pytest.mark.parametrize("language", ["en", "ja"])
def test_init_writes_each_key_once_and_the_demo_s_follow_ups(tmp_path: Path, language: str) -> None:
    """INIT43: example.yaml said language twice (commented and live); defaults.yaml's comment
    named a followups key it lacked; the example's follow-up section was empty."""
    project.init_project(tmp_path, language=language)
    folder = tmp_path / "parameters"
    parsed = {
        p.name: yaml.load(p.read_text(encoding="utf-8"), Loader=_OneKeyOnce)
        for p in sorted(folder.glob("*.yaml"))
    }
    example = (folder / "example.yaml").read_text(encoding="utf-8")
    assert re.findall(r"^#? *language:.*$", example, flags=re.M) == [f"language: {language}"]
    assert parsed["defaults.yaml"]["followups"] == []
    assert [f["column"] for f in parsed["example.yaml"]["followups"]] == [
        "heard_about",
        "used_features",
        "rating_staff",
        "rating_website",
        "rating_delivery",
        "rating_price",
        "rating_support_speed",
        "comment",
        "improvement",
    ]
    unit = load_all(folder).units["example"]
    labels = [f.label for f in unit.followups]
    assert labels[0] == {"en": "How they heard of us", "ja": "認知経路"}[language]
    assert [b.label for b in unit.breakdowns] == {  # type: ignore[union-attr]
        "en": ["Channel", "Plan", "Region", "Tenure"],
        "ja": ["チャネル", "プラン", "地域", "利用年数"],
    }[language]


@pytest.mark.parametrize(
    ("language", "name", "units"),
    [
        ("en", "Cloud Platform", {"Cloud Platform", "Retail Banking"}),
        ("ja", "EC事業部", {"EC事業部", "店舗事業部", "保険サービス部"}),
    ],
)
def test_init_s_demo_is_in_the_project_s_language(
    tmp_path: Path, language: str, name: str, units: set[str]
) -> None:
    """INIT43: init --language en wrote the Japanese demo (EC事業部, 電話, 関東, 最悪。)."""
    project.init_project(tmp_path, language=language)
    data = pd.read_csv(tmp_path / "data" / "demo_responses.csv.gz", dtype=str)
    assert set(data["business_unit"]) == units
    unit = load_all(tmp_path / "parameters").units["example"]
    assert (unit.name, unit.language) == (name, language)
    assert unit.data.filter is not None and unit.data.filter.values == [name]
    if language == "en":
        rows = data[data["business_unit"] == name]
        shown = {"channel", "plan", "region", "tenure", "heard_about", "comment"}
        cells = rows[sorted(shown)].fillna("").to_numpy().ravel()
        assert [c for c in cells if _JAPANESE.search(c)] == []
        # defaults.yaml's comments quote Japanese words on purpose (無回答, 店舗).
        for file in ("parameters/example.yaml", "README.md"):
            text = (tmp_path / file).read_text(encoding="utf-8")
            assert _JAPANESE.findall(text) == [], file
    else:
        readme = (tmp_path / "README.md").read_text(encoding="utf-8")
        assert readme.startswith("# NPSレポート\n\n`nps-kit init` で作成したプロジェクトです。")
        assert "To report on your own survey export" not in readme


@pytest.mark.parametrize(
    ("language", "note", "line"),
    [
        (
            "en",
            "# Responses by business_unit in demo_responses.csv.gz, most frequent first:\n"
            "# Retail Banking (5,077), Cloud Platform (4,755).\n",
            "#   filter: {column: business_unit, values: [Retail Banking]}\n",
        ),
        (
            "ja",
            "# demo_responses.csv.gz の business_unit の値と回答数（多い順）："
            "EC事業部（10,471件）、\n"
            "# 店舗事業部（8,761件）、保険サービス部（939件）。\n",
            "#   filter: {column: business_unit, values: [店舗事業部]}\n",
        ),
    ],
)
def test_new_unit_suggests_a_filter_value_of_the_export(
    tmp_path: Path, language: str, note: str, line: str
) -> None:
    """INIT43: new-unit suggested region = North, which the demo export lacks.

    The values of the column example.yaml filters on, most frequent first; the example filters
    on the first one no other unit takes (example.yaml has Cloud Platform, EC事業部).
    """
    project.init_project(tmp_path, language=language)
    text = project.new_unit("north", parameters=tmp_path / "parameters").read_text("utf-8")
    assert f"{note}# data:\n{line}" in text


def test_new_unit_says_when_it_has_no_value_to_suggest(tmp_path: Path) -> None:
    (tmp_path / "defaults.yaml").write_text("language: en\n", encoding="utf-8")
    text = project.new_unit("north", parameters=tmp_path).read_text(encoding="utf-8")
    assert (
        "null = every row.\n"
        "# No value to suggest: defaults.yaml names no export (data.path).\n"
        "# data:\n"
        "#   filter: {column: COLUMN, values: [VALUE]}\n"
    ) in text


@pytest.mark.slow
def test_an_english_init_project_runs_with_its_follow_up_questions(tmp_path: Path) -> None:
    """INIT43: the demo project's follow-up section was a heading without a table."""
    from nps_kit.run import run_reports

    project.init_project(tmp_path, language="en")
    found = load_all(tmp_path / "parameters")
    found.raise_if_errors()
    result = run_reports(
        list(found.units.values()),
        notebook=tmp_path / "notebooks" / "nps_report.ipynb",
        output=tmp_path / "reports",
        period="2026-10",
        jobs=1,
        progress=None,
    )
    assert [u.status for u in result.units] == ["ok"], [u.error for u in result.units]
    page = (tmp_path / "reports" / "2026-10" / "example.html").read_text(encoding="utf-8")
    assert "<h1>Cloud Platform NPS report" in page
    followups = page[page.index("<h2>7. Follow-up questions") : page.index("<h2>8. ")]
    for shown in ("How they heard of us", "Search engine", "Features used", "Dashboard"):
        assert shown in followups, shown
    assert "Reason for the score" in followups and "Speed of support" in followups


@pytest.mark.parametrize("where", ["bundled", "ja", "en"])
def test_the_demo_reports_its_last_month_without_a_late_export_warning(
    tmp_path: Path, where: str
) -> None:
    """FIX50: on a fresh machine past November 2026, the demo's first 'nps-kit run --all' warned
    that its export was late ('latest' found nothing newer than October 2026, the demo's last
    month). The demo's units name that month; a real export's defaults.yaml keeps latest."""
    import gzip

    from nps_kit.run import stale_exports

    root = Path(__file__).resolve().parent.parent
    if where == "bundled":
        folder = root / "parameters"
    else:
        project.init_project(tmp_path, language=where)
        folder = tmp_path / "parameters"
    with gzip.open(root / "data" / "demo_responses.csv.gz", "rt", encoding="utf-8") as f:
        last = pd.read_csv(f, usecols=["submitted_at"])["submitted_at"].max()[:7]
    found = load_all(folder)
    found.raise_if_errors()
    units = list(found.units.values())
    assert units and {u.period for u in units} == {last}
    assert stale_exports([(u, last) for u in units], period=None) == []
    # your own export's units still report the latest month
    assert "\nperiod: latest\n" in (folder / "defaults.yaml").read_text(encoding="utf-8")


def test_init_and_new_unit_of_a_japanese_export_end_in_japanese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # FIX92 #2: init from a Japanese (cp932) export wrote a Japanese project and then said
    # which pack, the playbook to review and what to do next in English; new-unit too.
    from nps_kit.cli import main

    monkeypatch.chdir(tmp_path)
    comments = ["店員の対応が丁寧でした", "価格が高い", "配送が遅い", "また利用したいです"]
    rows = [
        f"R{i:03d},2026-10-{1 + i % 28:02d} 10:00:00,{'東京店' if i % 2 else '大阪店'},"
        f"{i % 11},{comments[i % 4]}"
        for i in range(80)
    ]
    text = "回答ID,回答日時,店舗,おすすめ度,ご意見\n" + "\n".join(rows) + "\n"
    (tmp_path / "export.csv").write_bytes(text.encode("cp932"))
    assert main(["init", "proj", "--from", "export.csv", "--unit-column", "店舗"]) == 0
    err = capsys.readouterr().err.splitlines()
    themes = Path("proj/parameters/themes.yaml")
    assert err[0].startswith(f"themes: コメントに最も合うのは「generic」パックです。{themes}は")
    assert err[1].startswith("playbook: proj/parameters/playbook.yamlは汎用パックのプレイブックで")
    assert (
        err[-1] == "next: cd proj && nps-kit run --allを実行し、reports/index.htmlを開いてください"
    )
    monkeypatch.chdir(tmp_path / "proj")
    assert main(["new-unit", "札幌店"]) == 0
    assert capsys.readouterr().err == (
        "next: parameters/札幌店.yamlを編集してから、nps-kit run 札幌店を実行してください\n"
    )


def test_init_says_its_notes_in_japanese_for_a_japanese_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # FIX94: after FIX92 the notes between the pack and next were still English: no pack
    # fits, no columns.contact (alerts), and the others a rarer export brings.
    from nps_kit.cli import main

    monkeypatch.chdir(tmp_path)
    comments = ["店員の対応が悪かった", "普通でした", "とても親切で満足です"]
    rows = [
        f"R{i:04d},2026/10/{1 + i % 28:02d} 10:00,{('渋谷店', '新宿店', '池袋店')[i % 3]},"
        f"{i % 11},{comments[i % 3]},{'男性' if i % 2 else '女性'}"
        for i in range(240)
    ]
    text = "回答ID,回答日時,店舗,おすすめ度（0〜10）,その理由を教えてください,性別\n"
    (tmp_path / "export.csv").write_bytes((text + "\n".join(rows) + "\n").encode("cp932"))
    assert main(["init", "proj", "--from", "export.csv", "--unit-column", "店舗"]) == 0
    err = capsys.readouterr().err.splitlines()
    themes = Path("proj/parameters/themes.yaml")
    defaults = Path("proj/parameters/defaults.yaml")
    assert err[0] == (
        "themes: どのパック（retail、saas、finance、generic、food、logistics）もこのコメントに"
        f"合いません。{themes}に独自のテーマを加えるか、そこにextends: "
        "retail|saas|finance|generic|food|logistics と書いてください".replace(" と", "と")
    )
    assert err[2] == (
        "note: columns.contactが見つからないため、nps-kit alertsは新しい批判者をメールで"
        f"知らせられません。設定する内容は{defaults}に書いてあります。"
    )
    # Every line is said in Japanese (a command or a key may stand in it).
    assert all(re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", line) for line in err), err
