"""``nps-kit init`` and ``nps-kit new-unit``: scaffold a project and add units to it."""

from __future__ import annotations

import argparse
import re
import sys
import textwrap
from importlib import resources
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING

from nps_kit._project_language import project_language
from nps_kit._yaml import scalar
from nps_kit.commands._options import add_parameters_option, sheet_option
from nps_kit.errors import ConfigError, NpsKitError
from nps_kit.i18n import Language, join_names, t

if TYPE_CHECKING:
    from nps_kit._code_table import FoundCodes

__all__ = ["init_project", "new_unit", "register"]

_README = """# NPS reports

Made with `nps-kit init`. Everything runs on the demo data as it is:

```sh
nps-kit run --all          # reports/<period>/<unit>.html, index.html, manifest.json
```

To report on your own survey export:

1. Put the export (CSV, XLSX or Parquet) in `data/` and point `data.path` in
   `parameters/defaults.yaml` at it; set the column names under `columns:`.
2. Add one file per business unit: `nps-kit new-unit sales` writes `parameters/sales.yaml`
   (set `name`, `language`, `data.filter` and `mail.to` there).
3. `nps-kit run sales` validates every key before anything runs, then builds the report.

The report itself is `notebooks/nps_report.ipynb`: open it in JupyterLab to change it; its first
cell holds the parameters `nps-kit run` fills in.
"""

# A Japanese project's README in Japanese (INIT43: it was the English one).
_README_JA = """# NPSレポート

`nps-kit init` で作成したプロジェクトです。デモデータのまま、すぐに実行できます：

```sh
nps-kit run --all          # reports/<期間>/<ユニット>.html、index.html、manifest.json
```

ご自身のアンケートのエクスポートでレポートを作成するには：

1. エクスポート（CSV、XLSX、Parquet）を `data/` に置き、`parameters/defaults.yaml` の
   `data.path` をそのファイルに変更します。列名は `columns:` で設定します。
2. ユニット（事業部や店舗など）ごとにファイルを1つ追加します：`nps-kit new-unit sales` で
   `parameters/sales.yaml` が作成されます（`name`、`language`、`data.filter`、`mail.to` を
   設定してください）。
3. `nps-kit run sales` を実行すると、すべてのキーを検証してからレポートを作成します。

レポート本体は `notebooks/nps_report.ipynb` です。変更するには JupyterLab で開いてください。
最初のセルには、`nps-kit run` が値を設定するパラメーターがあります。
"""

# The example unit names the demo file and columns itself, so it stays valid after defaults.yaml
# is pointed at your own export (delete it when you no longer need it).
_DEMO_DATA = """data:
  # Demo settings, kept in this file so that the example still works after defaults.yaml points
  # at your own export. Delete this file when you no longer need the example.
  path: ../data/demo_responses.csv.gz
  sheet: null
  encoding: null
  filter: {column: business_unit, values: [$name]}
  date_format: null
"""
_DEMO_COLUMNS = """
# The demo export's columns, kept in this file for the same reason as data above.
columns:
  score: score
  date: submitted_at
  id: response_id
  comment: comment
  contact: contact_ok
  weight: null

# The demo data ends in October 2026, so this unit reports that month: defaults.yaml's period
# (latest, for your own export) would warn that the demo export holds nothing newer.
period: 2026-10
"""
# The demo unit each language's project reports on (INIT43: an English project's example was
# EC事業部, its comments and segments Japanese), with the labels of the demo's questions, which
# the unit template's examples show too (QA20: an English project's new unit showed チャネル,
# 認知経路 and 利用した機能). Cloud Platform is a software unit: the saas pack reads its comments.
_EXAMPLES: dict[str, dict[str, str]] = {
    "ja": {
        "name": "EC事業部",
        "themes": "",
        "channel": "チャネル",
        "plan": "プラン",
        "region": "地域",
        "tenure": "利用年数",
        "heard_about": "認知経路",
        "used_features": "利用した機能",
        "rating_staff": "スタッフの対応",
        "rating_website": "ウェブサイト・アプリ",
        "rating_delivery": "配送・受け取り",
        "rating_price": "価格",
        "rating_support_speed": "対応の速さ",
        "comment": "スコアの理由",
        "improvement": "改善してほしい点",
    },
    "en": {
        "name": "Cloud Platform",
        "themes": "# A software unit: the saas theme pack (its themes, learned layers and playbook)"
        " instead of\n# the retail themes of themes.yaml.\nthemes: saas\n",
        "channel": "Channel",
        "plan": "Plan",
        "region": "Region",
        "tenure": "Tenure",
        "heard_about": "How they heard of us",
        "used_features": "Features used",
        "rating_staff": "Staff",
        "rating_website": "Website and app",
        "rating_delivery": "Delivery",
        "rating_price": "Price",
        "rating_support_speed": "Speed of support",
        "comment": "Reason for the score",
        "improvement": "What to improve",
    },
}
_BREAKDOWNS = ("channel", "plan", "region", "tenure")
_FOLLOWUPS = (
    ("heard_about", 'type: categorical, label: $heard_about'),
    ("used_features", 'type: multi, label: $used_features, separator: ";"'),
    *((r, f"type: rating, label: ${r}, scale: [1, 5]") for r in (
        "rating_staff", "rating_website", "rating_delivery", "rating_price", "rating_support_speed"
    )),
    ("comment", "type: text, label: $comment"),
    ("improvement", "type: text, label: $improvement, asks: improvement"),
)  # fmt: skip


def _resource(name: str) -> str:
    return resources.files("nps_kit").joinpath("resources", name).read_text(encoding="utf-8")


def _filter_lines(parameters: Path, unit: str) -> dict[str, str]:
    """Return the template's ``filter`` example and the note above it (INIT43).

    The example filtered ``region = North``, a value the demo export lacks: the values come
    from the unit's export now, most frequent first, and the note says when there are none.
    """
    from nps_kit._filter_values import SHOWN, suggest_filter

    found = suggest_filter(parameters, name=unit)
    if found.column is None or found.pick is None:
        return {
            "filter": "{column: COLUMN, values: [VALUE]}",
            "filter_note": f"# No value to suggest: {found.reason}.\n",
        }
    # A value and its count stay on one line (a no-break space until wrapped).
    listed = ", ".join(f"{v} ({n:,})".replace(" ", "\xa0") for v, n in found.values[:SHOWN])
    more = len(found.values) - SHOWN
    listed += f" and {more} more" if more > 0 else ""
    note = f"Responses by {found.column} in {found.export}, most frequent first: {listed}."
    lines = [line.replace("\xa0", " ") for line in textwrap.wrap(note, 94)]
    return {
        "filter": f"{{column: {scalar(found.column)}, values: [{scalar(found.pick)}]}}",
        "filter_note": "".join(f"# {line}\n" for line in lines),
    }


def _unit_english(unit: str, *, name: str, language: str, filter_lines: dict[str, str]) -> str:
    """Fill the unit template, whose keys but ``unit`` and ``name`` are examples in comments.

    A live key overrides defaults.yaml, and a live list replaces its list (QA20:
    ``followups: []`` hid the three follow-up questions init had written there,
    ``to: [north-team@example.com]`` its recipients).
    """
    labels = _EXAMPLES["ja" if language == "ja" else "en"]
    return Template(_resource("unit.yaml")).substitute(
        unit=unit,
        name=name,
        language=language,
        breakdown_column="channel",
        breakdown_label=labels["channel"],
        **filter_lines,
        **{k: v for k, v in labels.items() if k not in ("name", "themes")},
    )


def _unit_text(unit: str, *, name: str, language: str, parameters: Path) -> str:
    from nps_kit._init_words import in_language

    lines = _filter_lines(parameters, unit)
    return in_language(
        _unit_english(unit, name=name, language=language, filter_lines=lines), language
    )


def _swap(text: str, old: str, new: str) -> str:
    """Replace the one ``old`` of the unit template (a template edit that drops it fails tests)."""
    assert text.count(old) == 1, old
    return text.replace(old, new)


def _example_text(language: str) -> str:
    """Return the demo's unit: its data, columns, breakdowns and follow-ups live, in its language.

    One ``language:`` key (INIT43: the template's commented one and a pinned one), and the demo's
    follow-up questions, whose report section was empty.
    """
    from nps_kit._init_words import in_language

    labels = _EXAMPLES[language]
    lines = {"filter": "", "filter_note": ""}
    text = _unit_english("example", name=labels["name"], language=language, filter_lines=lines)
    text = _swap(
        text,
        "# Report language (ja | en) is set once in defaults.yaml; uncomment to override it here."
        f"\n# language: {language}\n",
        f"# Report language of the demo unit, kept in this file as its data below is.\n"
        f"language: {language}\n{labels['themes']}",
    )
    text = _swap(
        text, "# data:\n#   filter: \n", Template(_DEMO_DATA).substitute(name=labels["name"])
    )
    text = _swap(
        text,
        f"# breakdowns:\n#   - {{column: channel, label: {labels['channel']}}}\n",
        "breakdowns:\n"
        + "".join(f"  - {{column: {c}, label: {labels[c]}}}\n" for c in _BREAKDOWNS),
    )
    start = text.index("# For example:\n# followups:\n")
    end = text.index("\n\n", start) + 1
    followups = "".join(
        f"  - {{column: {c}, {Template(rest).substitute(labels)}}}\n" for c, rest in _FOLLOWUPS
    )
    text = text[:start] + "followups:\n" + followups + text[end:]
    return in_language(text + _DEMO_COLUMNS, language)


def _check_unit_id(name: str, lang: Language) -> None:
    from nps_kit.params import NOT_UNITS, UNIT_ID_RULE, is_unit_id

    if not is_unit_id(name) or name in NOT_UNITS:
        raise ConfigError(
            t(
                "init.unit_id", lang, name=name, rule=UNIT_ID_RULE,
                files=join_names(sorted(NOT_UNITS), lang),
            ),
            hint=t("init.unit_id_hint", lang),
            key="unit",
        )  # fmt: skip


def new_unit(name: str, *, parameters: Path = Path("parameters")) -> Path:
    """Write ``<parameters>/<name>.yaml`` from the commented unit template.

    Its ``data.filter`` example names values of the export ``defaults.yaml`` reads, most
    frequent first, on the column the other unit files filter on (else ``defaults.yaml``'s
    filter column or first breakdown); a comment says why when there is none.

    Parameters
    ----------
    name
        The unit id: lower-case letters, digits, ``-`` and ``_``.
    parameters
        The parameters folder (created if missing).

    Returns
    -------
    Path
        The new file.

    Raises
    ------
    ConfigError
        When ``name`` is not a safe id or the file exists already (it is never overwritten).
    """
    # Said in the project's language (FIX94: a Japanese project's were English).
    language = project_language(Path(parameters)) or "en"
    _check_unit_id(name, language)
    path = Path(parameters) / f"{name}.yaml"
    if path.exists():
        raise ConfigError(
            t("init.unit_exists", language, path=path),
            hint=t("init.unit_exists_hint", language),
            path=path,
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    text = _unit_text(name, name=name, language=language, parameters=path.parent)
    with path.open("x", encoding="utf-8") as stream:
        stream.write(text)
    return path


def init_project(directory: Path, *, language: str = "ja") -> list[Path]:
    """Scaffold a project that runs at once on the demo data.

    Writes ``notebooks/nps_report.ipynb``, ``parameters/defaults.yaml``, ``themes.yaml``,
    ``playbook.yaml``, one example unit ``parameters/example.yaml``,
    ``data/demo_responses.csv.gz`` and ``README.md``.

    Parameters
    ----------
    directory
        The project folder; created if missing.
    language
        The reports' language, ``ja`` or ``en``; the files' comments are in it too, and the
        demo data holds the demo units whose answers are in it (the example unit is EC事業部 or
        Cloud Platform).

    Returns
    -------
    list of Path
        The files written.

    Raises
    ------
    NpsKitError
        When any of those files exists already (nothing is written then).
    """
    from nps_kit._init_words import in_language
    from nps_kit.demo import write_demo
    from nps_kit.scaffold import pack_extension, short_playbook_head

    if language not in _EXAMPLES:
        raise NpsKitError(f"language {language!r} is not one init writes: expected ja or en.")
    root = Path(directory)
    # The comments in the project's language (FIX39: a language: ja demo project had them all
    # English). The shipped themes and playbook describe their format in an annotated
    # YAML sketch no sentence table translates: a Japanese project gets what --from writes.
    defaults = _resource("defaults.yaml").replace("\nlanguage: ja\n", f"\nlanguage: {language}\n")
    themes, playbook = _resource("themes_project.yaml"), _resource("playbook.yaml")
    if language == "ja":
        themes = pack_extension("retail", written_by="nps-kit init")
        playbook = short_playbook_head(playbook, written_by="nps-kit init")
    texts = {
        Path("notebooks/nps_report.ipynb"): _resource("nps_report.ipynb"),
        Path("parameters/defaults.yaml"): in_language(defaults, language),
        Path("parameters/themes.yaml"): in_language(themes, language),
        Path("parameters/playbook.yaml"): in_language(playbook, language),
        Path("parameters/example.yaml"): _example_text(language),
        Path("README.md"): _README_JA if language == "ja" else _README,
    }
    demo = Path("data/demo_responses.csv.gz")
    existing = [str(p) for p in [*texts, demo] if (root / p).exists()]
    if existing:
        raise NpsKitError(
            f"{root} already has {', '.join(existing)}; init never overwrites files.",
            hint="Choose a new or empty folder.",
        )
    written = []
    for relative, text in texts.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    # The units of the report's language only (INIT43), their rows as the whole demo has them.
    written.append(write_demo(root / demo, language=language))  # type: ignore[arg-type]
    return written


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: Language) -> None:
    """Add the ``init`` and ``new-unit`` sub-commands."""
    p = sub.add_parser(
        "init",
        help=t("help.init", lang),
        description=t("help.init.about", lang),
    )
    p.add_argument("directory", metavar="DIR", type=Path, help=t("help.init.directory", lang))
    p.add_argument(
        "--from",
        dest="export",
        metavar="EXPORT",
        type=Path,
        help=t("help.init.export", lang),
    )
    p.add_argument(
        "--language",
        choices=sorted(_EXAMPLES),
        help=t("help.init.language", lang),
    )
    p.add_argument(
        "--unit-column",
        metavar="COL",
        help=t("help.init.unit_column", lang),
    )
    p.add_argument(
        "--sheet",
        metavar="NAME",
        help=t("help.init.sheet", lang),
    )
    p.add_argument(
        "--codes",
        metavar="FILE",
        type=Path,
        help=t("help.init.codes", lang),
    )
    p.set_defaults(handler=_init)

    p = sub.add_parser(
        "new-unit",
        help=t("help.new-unit", lang),
        description=t("help.new-unit.about", lang),
    )
    p.add_argument("name", metavar="NAME", help=t("help.new-unit.name", lang))
    add_parameters_option(p, lang)
    p.set_defaults(handler=_new_unit)


def _say_code_table(coded: FoundCodes | None, written: list[Path], lang: Language) -> None:
    """Say which columns the code table written as ``value_labels:`` labels (CODES40)."""
    defaults = next((p for p in written if p.name == "defaults.yaml"), None)
    if coded is not None and defaults is not None:
        print(coded.said("init.code_table", lang, defaults=defaults), file=sys.stderr)


def _say_pack(written: list[Path], lang: Language) -> None:
    """Say which theme pack init chose (QA18: a bike shop got finance's themes silently)."""
    import yaml

    from nps_kit.text.packs import PACKS

    themes = next((p for p in written if p.name == "themes.yaml"), None)
    if themes is None:
        return
    text = themes.read_text(encoding="utf-8")
    pack = (yaml.safe_load(text) or {}).get("extends")
    others = "|".join(p for p in PACKS if p != pack)
    packs = join_names(PACKS, lang)
    if pack:
        print(t("init.pack", lang, pack=pack, themes=themes, others=others), file=sys.stderr)
        _say_split(themes, lang)
        if pack == "generic":
            _say_playbook(written, themes, "init.playbook_generic", "init.under_themes", lang)
        return
    # Comments in a language no pack reads (FIX49, QA26 #14): another pack would not help, the
    # user's own keywords do (FIX50: they tag such comments, as neutral mentions).
    unread = re.search(r"^# (.+(?:no pack reads|どのパックも読めない言語).+)$", text, re.MULTILINE)
    if unread is not None:
        said = t("init.no_pack_reads", lang, unread=unread[1], packs=packs, themes=themes)
        print(said, file=sys.stderr)
    else:
        said = t("init.no_pack_fits", lang, packs=packs, themes=themes, others=others)
        print(said, file=sys.stderr)
    # FIX54: the built-in playbook asks for referrals and reviews; no pack fit, so nothing
    # chose it for this business.
    _say_playbook(written, themes, "init.playbook_builtin", "init.under_drivers", lang)


def _say_playbook(
    written: list[Path], themes: Path, which: str, where: str, lang: Language
) -> None:
    """Say that the playbook init wrote was chosen for no business in particular (QA26 #16).

    ``which`` and ``where`` are the catalogue's keys of the playbook's kind and its keys.
    """
    playbook = themes.with_name("playbook.yaml")
    if playbook in written:
        said = t(
            "init.playbook", lang, playbook=playbook, which=t(which, lang), where=t(where, lang)
        )
        print(said, file=sys.stderr)


def _say_running_id(written: list[Path], lang: Language) -> None:
    """Say when the id init chose counts the export's rows 1 to n (FIX49, QA26 #7)."""
    defaults = next((p for p in written if p.name == "defaults.yaml"), None)
    if defaults is None:
        return
    text = defaults.read_text(encoding="utf-8")
    if "numbers the rows 1 to" in text or "まで数えた通し番号" in text:
        print(t("init.running_id", lang, defaults=defaults), file=sys.stderr)


def _say_split(themes: Path, lang: Language) -> None:
    """Say that one theme holds most comments and that themes.yaml proposes a split (QA26 #15)."""
    from nps_kit.text.split import SPLIT_MARKS

    marks = "|".join(map(re.escape, SPLIT_MARKS.values()))
    text = themes.read_text("utf-8")
    found = re.search(rf"^#   (?P<id>\w+):  # (?:{marks})$", text, re.M)
    if found is not None:
        print(t("init.split", lang, theme=found["id"], themes=themes), file=sys.stderr)
    elif re.search(
        r"^# (?:One theme holds most of these comments|1つのテーマにコメントが集中)", text, re.M
    ):
        # FIX54: the learned layer tagged most of them: no split of words, but their phrases.
        print(t("init.split_layer", lang, themes=themes), file=sys.stderr)


def _say_merged(written: list[Path], lang: Language) -> None:
    """Say which units' values the export spells in more than one way (QA29 F2).

    ``ﾐﾗｲﾓﾊﾞｲﾙｼｮｯﾌﾟ新宿西口`` and ``ミライモバイルショップ新宿西口`` are one unit whose filter
    lists both (:mod:`nps_kit._value_key`); its file says so, and so does init.
    """
    merged = [
        path.name
        for path in written
        if path.suffix == ".yaml"
        and re.search(
            r"^# (?:Also written '|「.+」（[\d,]+行）とも書かれています)",
            path.read_text("utf-8"),
            re.M,
        )
    ]
    if merged:
        said = t("init.merged", lang, n=len(merged), files=join_names(merged, lang))
        print(said, file=sys.stderr)


def _say_dates(written: list[Path], lang: Language) -> None:
    """Say when the export's dates read both ways and nothing said which (QA22)."""
    defaults = next((p for p in written if p.name == "defaults.yaml"), None)
    if defaults is not None and "SET THIS to month-first" in defaults.read_text(encoding="utf-8"):
        print(t("init.dates_either_way", lang, defaults=defaults), file=sys.stderr)


def _say_renames(written: list[Path], lang: Language) -> None:
    """Say which unit files propose to keep a renamed unit's history (QA29 F8)."""
    proposed = [
        t("init.renamed_file", lang, file=path.name, old=found["old"])
        for path in written
        if path.suffix == ".yaml"
        and (
            found := re.search(
                r"^  # filter: \{.*, previous_names: \[(?P<old>.+)\]\}$",
                path.read_text("utf-8"),
                re.M,
            )
        )
    ]
    if proposed:
        said = t("init.renames", lang, n=len(proposed), files=join_names(proposed, lang))
        print(said, file=sys.stderr)


def _say_epoch_date(written: list[Path], lang: Language) -> None:
    """Say when the date column was taken for its epoch times alone, not by its name (FIX69)."""
    from nps_kit.inspect import EPOCH_TAKEN

    defaults = next((p for p in written if p.name == "defaults.yaml"), None)
    if defaults is None:
        return
    found = re.search(
        rf"^  # WARNING: (?P<column>.+?): {re.escape(EPOCH_TAKEN)}:",
        defaults.read_text(encoding="utf-8"),
        re.M,
    )
    if found is not None:
        said = t("init.epoch_date", lang, column=found["column"], defaults=defaults)
        print(said, file=sys.stderr)


def _say_alerts(written: list[Path], lang: Language) -> None:
    """Say when the export has no id or consent column: the daily alerts then cannot work."""
    from nps_kit._yaml import read_text, safe_load

    defaults = next((p for p in written if p.name == "defaults.yaml"), None)
    if defaults is None:
        return
    loaded = safe_load(read_text(defaults, shown=defaults.name), shown=defaults.name, path=defaults)
    columns = loaded.get("columns", {}) if isinstance(loaded, dict) else {}
    missing = [k for k in ("id", "contact") if isinstance(columns, dict) and not columns.get(k)]
    if missing == ["contact"] and "\n  # contact_details: [" in defaults.read_text(
        encoding="utf-8"
    ):
        # Offered commented out: alerts work once it is uncommented (alerts_blocker's rule).
        print(t("init.no_contact_offered", lang, defaults=defaults), file=sys.stderr)
    elif missing:
        keys = t("init.no_columns_joiner", lang).join(f"columns.{k}" for k in missing)
        print(t("init.no_alert_columns", lang, keys=keys, defaults=defaults), file=sys.stderr)


def _init(args: argparse.Namespace) -> int:
    if args.export is None and (args.unit_column is not None or args.sheet is not None):
        option = "--unit-column" if args.unit_column is not None else "--sheet"
        raise NpsKitError(f"{option} needs --from EXPORT.")
    if args.export is not None and args.language is not None:
        raise NpsKitError(
            "--language is for the demo project: with --from the language is detected from "
            "the export's answers.",
            hint="Leave out --language, then change language: in parameters/defaults.yaml "
            "if it is wrong.",
        )
    coded: FoundCodes | None = None
    if args.export is not None:
        from nps_kit.scaffold import export_project

        sheet = sheet_option(args.sheet)
        made = export_project(
            args.directory,
            args.export,
            unit_column=args.unit_column,
            sheet=sheet,
            codes=args.codes,
        )
        written, coded = made.written, made.code_tables
    else:
        written = init_project(args.directory, language=args.language or "ja")
    for path in written:
        print(path)
    # The language of the project just written (detected from the answers, or --language).
    lang = project_language(Path(args.directory) / "parameters") or "en"
    if args.export is not None:
        _say_pack(written, lang)
        _say_code_table(coded, written, lang)
        _say_alerts(written, lang)
        _say_running_id(written, lang)
        _say_dates(written, lang)
        _say_epoch_date(written, lang)
        _say_renames(written, lang)
        _say_merged(written, lang)
    print(t("init.next", lang, directory=args.directory), file=sys.stderr)
    return 0


def _new_unit(args: argparse.Namespace) -> int:
    path = new_unit(args.name, parameters=args.parameters)
    print(path)
    lang = project_language(args.parameters) or "en"
    print(t("init.next_unit", lang, path=path, name=args.name), file=sys.stderr)
    return 0
