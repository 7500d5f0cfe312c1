"""Merge a unit file over ``defaults.yaml``, resolve its paths and check its files and columns."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from nps_kit._drop import drop_files, is_drop
from nps_kit._schema_errors import (
    display,
    problems_error,
    validate_model,
)
from nps_kit.errors import ConfigError, DataError, NpsKitError, closest
from nps_kit.i18n import t
from nps_kit.params._unit import UnitParameters
from nps_kit.text.packs import PACKS, pack_files
from nps_kit.text.themes import extended_pack

if TYPE_CHECKING:
    from nps_kit.load import ColumnIndex


def _resolve_paths(raw: dict[str, Any], folder: Path) -> dict[str, Any]:
    def resolve(value: str) -> str:
        return str((folder / Path(value).expanduser()).resolve())

    data = raw.get("data")
    if isinstance(data, dict) and isinstance(data.get("path"), str):
        raw = {**raw, "data": {**data, "path": resolve(data["path"])}}
    pack = raw.get("themes")
    if isinstance(pack, str) and pack in PACKS:
        # A shipped pack: its themes file, and its playbook unless this file names one.
        themes_file, playbook_file = pack_files(pack)
        raw = {**raw, "themes": str(themes_file)}
        if "playbook" not in raw:
            raw = {**raw, "playbook": str(playbook_file)}
    for key in ("themes", "playbook", "notebook"):
        if isinstance(raw.get(key), str) and not (key == "themes" and raw[key] in PACKS):
            raw = {**raw, key: resolve(raw[key])}
    if isinstance(pack, str) and pack not in PACKS and "playbook" not in raw:
        # A themes file that extends a shipped pack brings the pack's playbook too.
        extended = extended_pack(Path(raw["themes"]))
        if extended is not None:
            raw = {**raw, "playbook": str(pack_files(extended)[1])}
    loop = raw.get("closed_loop")
    if isinstance(loop, dict) and isinstance(loop.get("status_file"), str):
        raw = {**raw, "closed_loop": {**loop, "status_file": resolve(loop["status_file"])}}
    return raw


def _merge(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """Deep-merge ``over`` onto ``base``: mappings merge, everything else (lists too) replaces."""
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


_Header = dict[tuple[str, str | int | None, str | None], "ColumnIndex | NpsKitError"]
# Theme and playbook files checked so far in one load, by (themes, playbook) path: None if valid.
_Extras = dict[tuple[Path | None, Path | None], "tuple[str, ConfigError] | None"]


def _check_extras(unit: UnitParameters, path: Path, checked: _Extras) -> None:
    """Validate the unit's themes and playbook files, as the notebook will read them."""
    from nps_kit.strategy import load_playbook
    from nps_kit.themes import load_themes

    lang = unit.language  # why the unit is refused, in its language (FIX92)
    for key in ("themes", "playbook"):
        extra: Path | None = getattr(unit, key)
        if extra is not None and not extra.is_file():
            fix = t("params.fix_path_or_null", lang)
            if key == "themes" and not extra.suffix:
                guess = closest(extra.name, list(PACKS))
                said = t("schema.did_you_mean", lang, suggestion=guess) if guess else ""
                gap = " " if guess and lang == "en" else ""
                fix = f"{said}{gap}{t('params.use_a_pack', lang, packs=', '.join(PACKS))}"
            raise ConfigError(
                t("params.file_not_found", lang, file=display(path), setting=key, found=extra),
                hint=fix,
                path=path,
                key=key,
            )
    status_file = unit.closed_loop.status_file
    if status_file is not None and not status_file.is_file():
        key = "closed_loop.status_file"
        raise ConfigError(
            t("params.file_not_found", lang, file=display(path), setting=key, found=status_file),
            hint=t("params.status_file_hint", lang),
            path=path,
            key=key,
        )
    if unit.notebook is not None:
        from nps_kit.notebook import read_report_notebook

        try:
            read_report_notebook(unit.notebook)
        except ConfigError as exc:
            raise ConfigError(
                f"{display(path)}: notebook: {exc}",
                hint="Point notebook at a report notebook with one cell tagged 'parameters' "
                "(relative paths start at the YAML file's folder), or use null for the project's.",
                path=path,
                key="notebook",
            ) from None
    if unit.notebook is not None and unit.sections is not None:
        from nps_kit.notebook import read_report_notebook, select_sections

        try:
            select_sections(read_report_notebook(unit.notebook), unit.sections)
        except ConfigError as exc:
            raise ConfigError(
                f"{display(path)}: sections: {unit.notebook}: {exc.message}",
                hint=exc.hint,
                path=path,
                key="sections",
            ) from None
    pair = (unit.themes, unit.playbook)
    if pair not in checked:
        checked[pair] = None
        try:
            book = load_themes(unit.themes, lang=lang)
        except ConfigError as exc:
            checked[pair] = ("themes", exc)
        else:
            try:
                load_playbook(unit.playbook, themes=book.ids, lang=lang)
            except ConfigError as exc:
                checked[pair] = ("playbook", exc)
    problem = checked[pair]
    if problem is not None:
        key, error = problem
        raise ConfigError(
            f"{display(path)}: {key}: {error.message}", hint=error.hint, path=path, key=key
        )


def _check_data(
    unit: UnitParameters, path: Path, headers: _Header, extras: _Extras | None = None
) -> None:
    """Check the themes and playbook, that the data file exists and has every column."""
    _check_extras(unit, path, {} if extras is None else extras)
    source = unit.data
    if is_drop(source.path):
        try:
            drop_files(source.path)
        except DataError as exc:
            raise ConfigError(
                f"{display(path)}: data.path: {exc.message}",
                hint=exc.hint,
                path=path,
                key="data.path",
            ) from None
    elif not source.path.is_file():
        raise ConfigError(
            t("params.data_not_found", unit.language, file=display(path), found=source.path),
            hint=t("params.fix_path", unit.language),
            path=path,
            key="data.path",
        )
    cache_key = (str(source.path), source.sheet, source.encoding)
    if cache_key not in headers:
        from nps_kit.load import read_column_index

        try:
            headers[cache_key] = read_column_index(
                source.path, sheet=source.sheet, encoding=source.encoding
            )
        except NpsKitError as exc:
            headers[cache_key] = exc
    header = headers[cache_key]
    from nps_kit._formats import EncodingError, SheetError

    lang = unit.language
    if isinstance(header, EncodingError):
        # The CLI's hint names --encoding; in a project, the setting to change is this one.
        given = (
            t("params.encoding_given", lang, encoding=source.encoding)
            if source.encoding
            else t("params.encoding_detected", lang)
        )
        fix = header.suggestion or t("params.encoding_saved", lang)
        raise ConfigError(
            t(
                "params.encoding",
                lang,
                file=display(path),
                found=source.path,
                given=given,
                offset=header.offset,
                encoding=header.encoding,
            ),
            hint=t("params.encoding_hint", lang, fix=fix),
            path=path,
            key="data.encoding",
        )
    if isinstance(header, SheetError):
        raise ConfigError(
            f"{display(path)}: data.sheet: {header.message}",
            hint=t("params.sheet_hint", lang),
            path=path,
            key="data.sheet",
        )
    if isinstance(header, NpsKitError):
        raise ConfigError(
            f"{display(path)}: data.path: cannot read {source.path}: {header}",
            path=path,
            key="data.path",
        )
    problems: list[tuple[str, str, str | None]] = []
    for key, column in unit.used_columns().items():
        # A header, a Qualtrics QID/ImportId or question text: as `score` resolves them.
        found = header.find(column)
        if found is not None:
            unit._resolved[column] = found
        else:
            names = [*header.columns, *header.questions.values(), *header.import_ids.values()]
            suggestion = closest(column, names)
            if suggestion is not None and suggestion not in header.columns:
                suggestion = header.resolve(suggestion, option=key)
            hint = t("schema.did_you_mean", lang, suggestion=suggestion) if suggestion else None
            shown = f"「{column}」" if lang == "ja" else repr(column)
            said = t("params.no_column", lang, column=shown, file=source.path.name)
            problems.append((key, said, hint))
    if problems:
        # Like `score`, list what the file has, so the fix needs no second look at the export.
        error = problems_error(path, problems, lang=lang)
        listing = t("params.columns_in", lang, file=source.path.name, listing=header.listing())
        raise ConfigError(
            error.message,
            hint=f"{error.hint}{'' if lang == 'ja' else ' '}{listing}" if error.hint else listing,
            path=path,
            key=error.key,
        )


def _validate(
    raw: dict[str, Any],
    path: Path,
    headers: _Header,
    extras: _Extras | None = None,
    *,
    lang: Literal["ja", "en"] = "en",
) -> UnitParameters:
    raw = {"unit": path.stem, **raw}
    if "overview" in raw:
        raise ConfigError(
            f"{display(path)}: overview: the overview is one page for every unit; "
            "its settings belong in defaults.yaml, not in a unit file.",
            hint="Move the overview block to defaults.yaml.",
            path=path,
            key="overview",
        )
    followups = raw.get("followups")
    if isinstance(followups, Mapping) and "status_file" in followups:
        raise ConfigError(
            f"{display(path)}: followups: expected the list of follow-up questions; found "
            "status_file, which belongs under closed_loop.",
            hint=f"Write closed_loop: {{status_file: {followups['status_file']}}} instead.",
            path=path,
            key="followups",
        )
    unit = validate_model(raw, UnitParameters, path, lang=lang)
    unit._source = path
    _check_data(unit, path, headers, extras)
    return unit
