""":func:`export_project`: the project ``init --from`` writes from one inspection.

The inspection of the export, the units and their ids, and every file of the project
(parameters, themes, playbook, README), with :class:`ExportProject` saying what was written.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from nps_kit._code_table import FoundCodes
from nps_kit._init_words import in_language
from nps_kit._question_label import header_label
from nps_kit._renames import Rename, chains, renames
from nps_kit._value_key import one_spelling, spellings
from nps_kit._values import parse_date_values
from nps_kit.errors import DataError, NpsKitError
from nps_kit.i18n import t
from nps_kit.inspect import (
    AnswerLanguage,
    answer_language,
    coded_scores,
    inspect_export,
    other_sheets,
)
from nps_kit.scaffold._columns import _comment_column, _only_other
from nps_kit.scaffold._dates import _offset_zones, _OffsetZones
from nps_kit.scaffold._defaults import _defaults_text
from nps_kit.scaffold._themes import (
    _empty_themes,
    _playbook,
    _resource,
    _split_proposal,
    choose_theme_pack,
    pack_extension,
    unread_comments,
)
from nps_kit.scaffold._units import _unit_text


def _slug(value: str, taken: set[str], i: int) -> str:
    """Return a unit id a person recognises: the value's letters, in a form safe as a file name.

    Letters of every script stay, accented ones too (``さくら歯科 大宮院`` is
    ``さくら歯科-大宮院``, ``Werkstatt München-Süd`` is ``werkstatt-münchen-süd``: QA26 #23,
    a German reader took ``munchen``/``sud`` for misspellings), as README's rule for unit ids
    says; everything else becomes ``-``.
    """
    from nps_kit.params import NOT_UNITS, is_unit_id

    text = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", value).casefold())
    kept = "".join(c if unicodedata.category(c)[0] in "LNM" else "-" for c in text)
    slug = re.sub(r"-+", "-", kept).strip("-")[:40].strip("-")
    if not slug or not is_unit_id(slug) or slug in NOT_UNITS:
        slug = f"unit-{i + 1}"
    while slug in taken:
        slug = f"{slug[:36]}-{i + 1}"
    taken.add(slug)
    return slug


@dataclass(frozen=True)
class ExportProject:
    """What :func:`export_project` wrote, and what ``init`` says of it.

    Attributes
    ----------
    written
        The files written, as :func:`project_from_export` returns them.
    code_tables
        The code table written as ``value_labels:`` (its sheet or file and the columns it
        labels); ``None`` when none labels a column.
    """

    written: list[Path]
    code_tables: FoundCodes | None = None


def project_from_export(
    directory: str | Path,
    export: str | Path,
    *,
    unit_column: str | None = None,
    sheet: str | int | None = None,
    codes: str | Path | None = None,
) -> list[Path]:
    """Write a reporting project for ``export`` into ``directory``.

    Parameters, errors and the files are those of :func:`export_project`.

    Returns
    -------
    list of Path
        The files written.
    """
    return export_project(
        directory, export, unit_column=unit_column, sheet=sheet, codes=codes
    ).written


def export_project(
    directory: str | Path,
    export: str | Path,
    *,
    unit_column: str | None = None,
    sheet: str | int | None = None,
    codes: str | Path | None = None,
) -> ExportProject:
    """Write a reporting project for ``export`` into ``directory``.

    Parameters
    ----------
    directory
        The project folder; created if missing.
    export
        The survey export; the project refers to it by a path relative to ``parameters/``.
    unit_column
        One unit per value of this column (header, Qualtrics QID or question text); ``None``
        makes a single unit of every response.
    sheet
        The workbook's sheet with the answers (name or 0-based index), written as
        ``data.sheet``; ``None`` reads the first.
    codes
        The survey's code table as a file of its own (CSV or XLSX, ``--codes``); ``None``
        reads the workbook's code-table sheet, if any. What it labels is ``value_labels:``.

    Returns
    -------
    ExportProject
        The files written (``notebooks/nps_report.ipynb``, ``parameters/defaults.yaml``,
        ``themes.yaml``, ``playbook.yaml``, the unit files and ``README.md``) and the code
        table written as ``value_labels:``.

    Raises
    ------
    NpsKitError
        When a file to write exists already (nothing is written then), the export cannot be
        read, or it has no 0–10 score or date column.
    """
    root = Path(directory)
    export = Path(export)
    found = inspect_export(export, sheet=sheet, codes=codes)
    if found.nps_column is None and other_sheets(found) is not None:
        # Before the unit column is looked for: on a cover sheet it is never found, and
        # "no column 担当支社" would hide that the answers are on another sheet.
        # In the language init would write the project in (MSG43: a Japanese export heard
        # English); the English is as before.
        lang = found.language
        raise DataError(
            t(
                "init.no_score_sheet", lang, export=export, sheet=found.load.sheet,
                sheets=other_sheets(found, lang), codes=coded_scores(found, lang),
            ),
            hint=t("init.no_score_sheet_hint", lang),
            path=export,
        )  # fmt: skip
    folder = root / "parameters"
    # Every decision below reads the answers inspection read: the export is read once.
    texts = {c.column: found.data[c.column] for c in found.of_kind("text")}
    comment = _comment_column(found, texts)
    # The pack is measured on the comments the report will tag, not on every free-text column.
    comments = texts[comment[0].column] if comment[0] is not None else pd.Series([], dtype=object)
    pack = choose_theme_pack(comments)
    unread = unread_comments(comments) if pack is None else None
    column = (
        None
        if unit_column is None
        else found.index.resolve_unique(unit_column, option="--unit-column")
    )
    single = root.resolve().name or export.stem
    # One unit per value however its rows spell it (QA29 F2: ﾐﾗｲﾓﾊﾞｲﾙ… and ミライモバイル… were two
    # unit files whose filters both matched every row of the shop): named as most rows spell it.
    data = found.data
    variants: dict[str, list[tuple[str, int]]] = {}
    if column is not None:
        variants = spellings(data[column])
        data = data.assign(**{column: one_spelling(data[column])})
    moved: dict[str, tuple[Rename, ...]] = {}
    if column is not None and found.date_column is not None:
        read = parse_date_values(found.data[found.date_column], source=found.load.source)
        # A chain A -> B -> C is one unit: C's file proposes A and B, B's nothing (REVIEW35).
        moved = {chain[-1].new: chain for chain in chains(renames(data[column], read.dates))}
    zones = (
        _offset_zones(data, date_column=found.date_column, unit_column=column, name=single)
        if found.date_column is not None
        else _OffsetZones()
    )
    spoken: dict[str, AnswerLanguage] = {}
    if column is not None:
        values = data[column].astype("string").str.strip()
        for value in sorted(v for v in values.dropna().unique() if v):
            rows = (values == value).fillna(False).to_numpy(dtype=bool)
            said = answer_language([t[rows] for t in texts.values()])
            if said.answers and said.language != found.language:
                spoken[value] = said
    texts_by_file: dict[Path, str] = {
        Path("parameters/defaults.yaml"): _defaults_text(
            found,
            export,
            folder,
            pack,
            column,
            comment,
            only_other=_only_other(found, column),
            zones=zones,
            languages=unread,
            others=list(spoken),
        ),
        # A Japanese analyst adds 代車 and 車検 here: the comments in the project's language.
        Path("parameters/themes.yaml"): in_language(
            pack_extension(pack)
            + _split_proposal(
                texts[comment[0].column],
                pack,
                found.language,
                None if column is None else data[column],
            )
            if pack and comment[0] is not None
            else pack_extension(pack)
            if pack
            else _empty_themes(unread),
            found.language,
        ),
        Path("parameters/playbook.yaml"): in_language(
            _playbook(pack, language=found.language), found.language
        ),
        Path("notebooks/nps_report.ipynb"): _resource("nps_report.ipynb"),
    }
    if column is None:
        # Named after the project, not the file (QA20: Google Forms' "responses" beside the
        # regions in the overview); the export's name only when the folder has none.
        name = single
        unit = _slug(name, {"defaults", "themes", "playbook"}, 0)
        texts_by_file[Path(f"parameters/{unit}.yaml")] = _unit_text(
            unit,
            name,
            None,
            "No --unit-column: one report for every response.",
            project_language=found.language,
        )
    else:
        taken: set[str] = {"defaults", "themes", "playbook"}
        named = sorted(variants.values(), key=lambda forms: forms[0][0])
        for i, forms in enumerate(named):
            value = forms[0][0]
            unit = _slug(value, taken, i)
            texts_by_file[Path(f"parameters/{unit}.yaml")] = _unit_text(
                unit,
                # Shown in titles, the overview and subjects as the answers are (QA27 #7:
                # 「【NPS】ｵｰｶﾞﾆｯｸﾗﾎﾞ 2026年11月」); the filter keeps the values as written.
                header_label(value),
                (column, [w for w, _ in forms]),
                f"One unit per value of {column!r} (--unit-column).",
                also=forms[1:],
                # Its customers' language said, the readers' kept (FIX58, QA28 #1 and #10).
                language=spoken.get(value),
                project_language=found.language,
                zone=zones.units.get(value),
                renamed=moved.get(value, ()),
            )
    texts_by_file[Path("README.md")] = _readme(export, language=found.language)
    existing = [str(p) for p in texts_by_file if (root / p).exists()]
    if existing:
        raise NpsKitError(
            f"{root} already has {', '.join(existing)}; init never overwrites files.",
            hint="Choose a new or empty folder.",
        )
    written = []
    for relative, text in texts_by_file.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    coded = found.code_tables
    return ExportProject(written, coded if coded is not None and coded.value_labels else None)


def _readme(export: Path, *, language: str = "en") -> str:
    if language == "ja":
        return f"""# {export.name} のNPSレポート

`nps-kit init --from {export.name}` で作成しました。`parameters/defaults.yaml` の設定はどれも
エクスポートから判定したもので、理由をコメントに書いています。内容を確認してから、次のコマンドを
実行してください：

```sh
nps-kit run --all          # reports/<期間>/<ユニット>.html、index.html、manifest.json
```

`nps-kit inspect {export.name}` でエクスポートの各列の内容を確認できます。レポート本体は
`notebooks/nps_report.ipynb` です。
"""
    return f"""# NPS reports for {export.name}

Made with `nps-kit init --from {export.name}`. Every setting in `parameters/defaults.yaml` was
detected from the export and is commented with the reason; check them, then:

```sh
nps-kit run --all          # reports/<period>/<unit>.html, index.html, manifest.json
```

`nps-kit inspect {export.name}` shows what each column of the export holds. The report itself is
`notebooks/nps_report.ipynb`.
"""
