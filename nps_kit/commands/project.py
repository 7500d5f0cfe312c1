"""``nps-kit init`` and ``nps-kit new-unit``: scaffold a project and add units to it."""

from __future__ import annotations

import argparse
import sys
from importlib import resources
from pathlib import Path
from string import Template

from nps_kit.commands._options import add_parameters_option
from nps_kit.errors import ConfigError, NpsKitError

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

# The example unit names the demo file and columns itself, so it stays valid after defaults.yaml
# is pointed at your own export (delete it when you no longer need it).
_DEMO_DATA = """data:
  # Demo settings, kept in this file so that the example still works after defaults.yaml points
  # at your own export. Delete this file when you no longer need the example.
  path: ../data/demo_responses.csv.gz
  sheet: null
  encoding: null
  filter: {column: business_unit, values: [EC事業部]}
  date_format: null
"""
_DEMO_PINNED = """
language: ja
columns:
  score: score
  date: submitted_at
  id: response_id
  comment: comment
  contact: contact_ok
  weight: null
breakdowns: [channel, plan, region, tenure]
"""
# The template's examples, in the project's language (QA20: an English project's new unit
# showed チャネル, 認知経路 and 利用した機能).
_EXAMPLES: dict[str, dict[str, str]] = {
    "ja": {
        "filter": "{column: business_unit, values: [EC事業部]}",
        "breakdown_column": "channel",
        "breakdown_label": "チャネル",
        "heard_about": "認知経路",
        "used_features": "利用した機能",
        "rating_staff": "スタッフの対応",
        "comment": "スコアの理由",
        "improvement": "改善してほしい点",
    },
    "en": {
        "filter": "{column: region, values: [North]}",
        "breakdown_column": "channel",
        "breakdown_label": "Channel",
        "heard_about": "How they heard of us",
        "used_features": "Features used",
        "rating_staff": "Staff",
        "comment": "Reason for the score",
        "improvement": "What to improve",
    },
}


def _resource(name: str) -> str:
    return resources.files("nps_kit").joinpath("resources", name).read_text(encoding="utf-8")


def _unit_text(unit: str, *, name: str, language: str) -> str:
    """Fill the unit template, whose keys but ``unit`` and ``name`` are examples in comments.

    A live key overrides defaults.yaml, and a live list replaces its list (QA20:
    ``followups: []`` hid the three follow-up questions init had written there,
    ``to: [north-team@example.com]`` its recipients).
    """
    from nps_kit._init_words import in_language

    examples = _EXAMPLES["ja" if language == "ja" else "en"]
    text = Template(_resource("unit.yaml")).substitute(
        unit=unit, name=name, language=language, **examples
    )
    return in_language(text, language)


def _example_text(language: str) -> str:
    from nps_kit._init_words import in_language

    text = _unit_text("example", name="EC事業部", language=language)
    example = f"# data:\n#   filter: {_EXAMPLES[language]['filter']}\n"
    pinned = _DEMO_PINNED.replace("\nlanguage: ja\n", f"\nlanguage: {language}\n")
    return in_language(text.replace(example, _DEMO_DATA, 1) + pinned, language)


def _project_language(parameters: Path) -> str:
    """Return the ``language`` of ``parameters/defaults.yaml``; ``en`` when it names none."""
    import yaml

    try:
        text = (parameters / "defaults.yaml").read_text(encoding="utf-8")
        found = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return "en"
    language = found.get("language") if isinstance(found, dict) else None
    return language if language in _EXAMPLES else "en"


def _check_unit_id(name: str) -> None:
    from nps_kit.params import NOT_UNITS, UNIT_ID_RULE, is_unit_id

    if not is_unit_id(name) or name in NOT_UNITS:
        raise ConfigError(
            f"unit name {name!r} is not a safe id: expected {UNIT_ID_RULE}, and not one of "
            f"{', '.join(sorted(NOT_UNITS))}.",
            hint="It becomes the file name parameters/NAME.yaml and reports/<period>/NAME.html.",
            key="unit",
        )


def new_unit(name: str, *, parameters: Path = Path("parameters")) -> Path:
    """Write ``<parameters>/<name>.yaml`` from the commented unit template.

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
    _check_unit_id(name)
    path = Path(parameters) / f"{name}.yaml"
    if path.exists():
        raise ConfigError(
            f"{path} exists already; new-unit never overwrites a unit file.",
            hint="Edit it, or choose another NAME.",
            path=path,
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as stream:
        stream.write(_unit_text(name, name=name, language=_project_language(path.parent)))
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
        The reports' language, ``ja`` (the demo's answers are Japanese) or ``en``; the files'
        comments are in it too.

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
        Path("README.md"): _README,
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
    written.append(write_demo(root / demo))
    return written


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``init`` and ``new-unit`` sub-commands."""
    p = sub.add_parser(
        "init",
        help="create a project folder that runs at once on the demo data",
        description=(
            "Create DIR with notebooks/nps_report.ipynb, parameters/defaults.yaml (every key "
            "commented), an example unit, the demo data and a README; with --from, a project "
            "whose parameters are detected from your survey export. Existing files are never "
            "overwritten."
        ),
    )
    p.add_argument("directory", metavar="DIR", type=Path, help="project folder")
    p.add_argument(
        "--from",
        dest="export",
        metavar="EXPORT",
        type=Path,
        help="build the project for this survey export instead of the demo data",
    )
    p.add_argument(
        "--language",
        choices=sorted(_EXAMPLES),
        help="without --from: the demo project's report language, and its comments' "
        "(default: ja, the demo answers' language; --from detects it from the export)",
    )
    p.add_argument(
        "--unit-column",
        metavar="COL",
        help="with --from: one unit per value of this column (default: a single unit)",
    )
    p.add_argument(
        "--sheet",
        metavar="NAME",
        help="with --from an XLSX workbook: the sheet with the answers, name or 0-based index "
        "(default: the first)",
    )
    p.set_defaults(handler=_init)

    p = sub.add_parser(
        "new-unit",
        help="add parameters/NAME.yaml from a commented template",
        description="Write parameters/NAME.yaml from a commented template; never overwrites.",
    )
    p.add_argument("name", metavar="NAME", help="unit id: lower-case letters, digits, - and _")
    add_parameters_option(p)
    p.set_defaults(handler=_new_unit)


def _say_pack(written: list[Path]) -> None:
    """Say which theme pack init chose (QA18: a bike shop got finance's themes silently)."""
    import yaml

    from nps_kit.text.packs import PACKS

    themes = next((p for p in written if p.name == "themes.yaml"), None)
    if themes is None:
        return
    pack = (yaml.safe_load(themes.read_text(encoding="utf-8")) or {}).get("extends")
    others = "|".join(p for p in PACKS if p != pack)
    if pack:
        print(
            f"themes: the '{pack}' pack fits these comments best; {themes} extends it "
            f"(write extends: {others} there to use another)",
            file=sys.stderr,
        )
    else:
        print(
            f"themes: none of the packs ({', '.join(PACKS)}) fits these comments; add your "
            f"own in {themes}, or write extends: {others} there",
            file=sys.stderr,
        )


def _say_dates(written: list[Path]) -> None:
    """Say when the export's dates read both ways and nothing said which (QA22)."""
    defaults = next((p for p in written if p.name == "defaults.yaml"), None)
    if defaults is not None and "SET THIS to month-first" in defaults.read_text(encoding="utf-8"):
        print(
            "note: the export's dates read both ways (no day over 12) and nothing says which; "
            f"set data.date_format to month-first or day-first in {defaults} before nps-kit run.",
            file=sys.stderr,
        )


def _say_alerts(written: list[Path]) -> None:
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
        print(
            "note: no columns.contact found, so nps-kit alerts e-mails new detractors only once "
            f"it is set or the contact_details line offered in {defaults} is uncommented.",
            file=sys.stderr,
        )
    elif missing:
        print(
            f"note: no {' and no '.join(f'columns.{k}' for k in missing)} found, so nps-kit "
            f"alerts cannot e-mail new detractors; {defaults} says what to set.",
            file=sys.stderr,
        )


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
    if args.export is not None:
        from nps_kit.scaffold import project_from_export

        sheet: str | int | None = args.sheet
        if isinstance(sheet, str) and sheet.isdigit():
            sheet = int(sheet)
        written = project_from_export(
            args.directory, args.export, unit_column=args.unit_column, sheet=sheet
        )
    else:
        written = init_project(args.directory, language=args.language or "ja")
    for path in written:
        print(path)
    if args.export is not None:
        _say_pack(written)
        _say_alerts(written)
        _say_dates(written)
    print(
        f"next: cd {args.directory} && nps-kit run --all, then open reports/index.html",
        file=sys.stderr,
    )
    return 0


def _new_unit(args: argparse.Namespace) -> int:
    path = new_unit(args.name, parameters=args.parameters)
    print(path)
    print(f"next: edit {path}, then nps-kit run {args.name}", file=sys.stderr)
    return 0
