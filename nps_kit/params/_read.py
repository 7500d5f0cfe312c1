"""Read a parameters folder (:func:`load_all`) or one unit file (:func:`load_unit`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from nps_kit._project_language import (
    DEFAULTS_FILE,
    file_language,
)
from nps_kit._schema_errors import (
    display,
    read_yaml,
    validate_model,
)
from nps_kit.errors import ConfigError, NpsKitError, closest
from nps_kit.i18n import Language, join_names, t
from nps_kit.params._checks import _Extras, _Header, _merge, _resolve_paths, _validate
from nps_kit.params._fields import _INHERITED, NOT_UNITS, display_text_problem
from nps_kit.params._sections import DataSource, Overview, _Project
from nps_kit.params._unit import ParameterSet, UnitParameters


def load_unit(path: Path, *, defaults: Path | None = None) -> UnitParameters:
    """Load and validate one unit's parameters.

    Parameters
    ----------
    path
        The unit's YAML file; ``unit`` defaults to its stem.
    defaults
        A ``defaults.yaml`` to merge under it; ``None`` uses ``defaults.yaml`` next to ``path``
        when there is one.

    Returns
    -------
    UnitParameters
        The validated parameters, with ``data.path`` absolute.

    Raises
    ------
    ConfigError
        Naming the file, the dotted key, what was expected and what was found.
    """
    path = Path(path)
    if defaults is None and (path.parent / DEFAULTS_FILE).is_file():
        defaults = path.parent / DEFAULTS_FILE
    base = _resolve_paths(read_yaml(defaults), defaults.parent) if defaults else {}
    base.pop("overview", None)  # a project setting (see load_all), not the unit's
    raw = _resolve_paths(read_yaml(path, lang=file_language(base)), path.parent)
    try:
        return _validate(_merge(base, raw), path, {}, lang=file_language(raw, base))
    except ConfigError as exc:
        raise _blamed(exc, raw, base, path, defaults) from None


def load_all(directory: Path, *, units: Iterable[str] | None = None) -> ParameterSet:
    """Load and validate every unit of a parameters folder, collecting all errors.

    Parameters
    ----------
    directory
        Folder with ``defaults.yaml`` (optional) and one ``<unit>.yaml`` per unit.
    units
        Only these unit ids; ``None`` loads all. An unknown id becomes an error suggesting the
        closest known one.

    Returns
    -------
    ParameterSet
        The valid units and one :class:`ConfigError` per bad file; call
        :meth:`ParameterSet.raise_if_errors` to stop on any.

    Raises
    ------
    ConfigError
        When ``directory`` does not exist or ``defaults.yaml`` itself is broken.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise ConfigError(
            f"parameters folder not found: {display(directory)}.",
            hint="Pass --parameters DIR, or create one with 'nps-kit init'.",
            path=directory,
        )
    defaults_path = directory / DEFAULTS_FILE
    base = _resolve_paths(read_yaml(defaults_path), directory) if defaults_path.is_file() else {}
    project = validate_model(base, _Project, defaults_path, lang=file_language(base))
    base.pop("overview", None)  # a project setting, not a unit's
    overview = Overview(
        language=project.overview.language or project.language,
        timezone=project.overview.timezone or project.timezone,
        unit_label=project.overview.unit_label,
    )
    files = {
        p.stem: p
        for p in sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")])
        if p.stem not in NOT_UNITS and not p.name.startswith(("_", "."))
    }
    errors: list[ConfigError] = []
    wanted = list(files) if units is None else list(dict.fromkeys(units))
    for name in wanted:
        if name not in files:
            suggestion = closest(name, files)
            # In the project's language, as the files' own problems beside it (REVIEW38).
            lang = file_language(base)
            known = (", " if lang == "en" else "、").join(files) or t("params.no_units", lang)
            errors.append(
                ConfigError(
                    t("params.unknown_unit", lang, name=name, folder=display(directory),
                      units=known),
                    hint=t("schema.did_you_mean", lang, suggestion=suggestion)
                    if suggestion else None,
                    path=directory,
                )
            )  # fmt: skip
    headers: _Header = {}
    extras: _Extras = {}
    valid: dict[str, UnitParameters] = {}
    # A data file of defaults.yaml that cannot be used is that file's error, once, not one per
    # unit that inherits it: what is wrong → the units that use it.
    inherited: dict[tuple[str, str, str | None, Language], list[str]] = {}
    invalid: dict[str, ConfigError] = {}
    stems: dict[str, str] = {}  # an invalid unit's id → its file's name
    shown: dict[str, str] = {}  # an invalid unit's id → its display name, when readable
    own_names: dict[str, str | None] = {}  # a failing file's name → its display name
    for name in wanted:
        if name not in files:
            continue
        path = files[name]
        own: dict[str, Any] = {}
        try:
            own = read_yaml(path, lang=file_language(base))
            merged = _merge(base, _resolve_paths(own, path.parent))
            lang = file_language(own, base)
            unit = _validate(merged, path, headers, extras, lang=lang)
        except ConfigError as exc:
            exc = _blamed(exc, own, base, path, defaults_path)
            own_names[name] = _readable_name(own)
            setting = (exc.key or "").removeprefix("data.")
            # A column defaults.yaml names (_blamed) is as much every unit's as its data.path:
            # said once with the units, not once per unit file (QA32: four times the same).
            # One problem only: a list of several may hold the unit file's own too.
            columns = (
                defaults_path is not None
                and exc.path == defaults_path
                and exc.message.startswith(f"{display(defaults_path)}: {exc.key}: ")
            )
            if columns or (
                exc.key in _INHERITED
                and _sets(base, "data", setting)
                and not _sets(own, "data", setting)
            ):
                shown_path = display(defaults_path if columns else path)
                reason = exc.message.removeprefix(f"{shown_path}: {exc.key}: ")
                group = (exc.key or "", reason, exc.hint, lang)
                inherited.setdefault(group, []).append(name)
            else:
                errors.append(exc)
                unit_id = _unit_id(own, name)
                # A copied file keeps its model's 'unit:' id: its error is its file's.
                key = name if unit_id in invalid else unit_id
                invalid[key] = exc
                _name_as(shown, key, own_names[name])
                stems[unit_id] = name
            continue
        if unit.unit in valid:
            other = valid[unit.unit].source
            errors.append(
                ConfigError(
                    f"{display(path)}: unit: id {unit.unit!r} is already used by {other}.",
                    hint="Give every unit its own id.",
                    path=path,
                    key="unit",
                )
            )
            continue
        valid[unit.unit] = unit
    for unit_id, error in _selected_twice(valid, files, wanted, base).items():
        # An old unit file kept after a rename: its rows are the renamed unit's too (FIX71).
        errors.append(error)
        invalid[unit_id] = error
        del valid[unit_id]
    for (key, reason, hint, lang), names in inherited.items():
        # In the language the units' problem was said in (FIX92).
        if key == "data.path":
            hint = t("params.shared_data_hint", lang)
        elif not key.startswith("columns.") and hint:
            told = hint if lang == "ja" else f"{hint[:1].lower()}{hint[1:]}"
            hint = t("params.shared_hint", lang, hint=told)
        shared = ConfigError(
            t(
                "params.shared",
                lang,
                file=display(defaults_path),
                setting=key,
                reason=reason.rstrip("。."),
                units=join_names(names, lang),
                does="does" if len(names) == 1 else "do",
                its="its" if len(names) == 1 else "their",
            ),
            hint=hint,
            path=defaults_path,
            key=key,
        )
        errors.append(shared)
        invalid.update(dict.fromkeys(names, shared))
        for stem in names:
            _name_as(shown, stem, own_names.get(stem))
    for unit_id in [u for u in invalid if u in valid]:
        # A copy of example.yaml with an error, still saying 'unit: example', must not record
        # the valid example as a parameter error (run's manifest, send, the overview).
        error = invalid.pop(unit_id)
        shown_as = shown.pop(unit_id, None)
        if stems.get(unit_id, unit_id) not in valid:
            invalid[stems.get(unit_id, unit_id)] = error
            _name_as(shown, stems.get(unit_id, unit_id), shown_as)
    return ParameterSet(
        units=valid,
        errors=errors,
        overview=overview,
        invalid=invalid,
        invalid_names=shown,
        project_language=project.language,
    )


def _selected_twice(
    valid: Mapping[str, UnitParameters],
    files: Mapping[str, Path],
    wanted: list[str],
    base: Mapping[str, Any],
) -> dict[str, ConfigError]:
    """Refuse each unit that still selects another unit's earlier name (``previous_names``).

    Its rows would be reported twice, in both units (an old unit file kept after the rename).
    The renames of the folder's other unit files count too (read as far as their filter), so
    that ``run OLD`` alone is refused as ``run --all`` is.
    """
    from nps_kit._renames import earlier_names, stated, still_selected

    names = earlier_names(valid.values())
    for stem, path in files.items():
        if stem in wanted:
            continue
        try:
            raw = _merge(base, _resolve_paths(read_yaml(path), path.parent))
            data = DataSource.model_validate(raw.get("data"))
        except (NpsKitError, ValueError):
            continue  # its own run says what is wrong with it
        names += stated(data, path)
    out: dict[str, ConfigError] = {}
    for unit, name in still_selected(valid.values(), names):
        if unit.unit in out or unit.source is None:
            continue
        here, there = display(unit.source), display(name.source or unit.source)
        old, new = str(name.old), str(name.current[0])
        renamed = name.source.stem if name.source is not None else new
        # How many rows each file selects, by value: which one is live (FIX74).
        theirs = [*name.current, *(n.old for n in names if n.source == name.source)]
        own = unit.data.filter.values if unit.data.filter is not None else []
        counts = _selected_counts(unit, own, theirs, here, there)
        out[unit.unit] = ConfigError(
            f"{here}: data.filter.values: {old!r} is an earlier name of {new!r} "
            f"(data.filter.previous_names in {there}): the rows whose {name.column} is {old!r} "
            f"would be reported twice, in both units.{counts}",
            hint=f"If the unit was renamed, delete {here} (its history shows in {renamed}'s "
            f"report); if they are two units, take {old!r} out of previous_names in {there}.",
            path=unit.source,
            key="data.filter.values",
        )
    return out


def _selected_counts(
    unit: UnitParameters,
    own: Sequence[str | int | float],
    theirs: Sequence[str | int | float],
    here: str,
    there: str,
) -> str:
    """Say how many rows of the export each of two unit files selects, value by value.

    ``" In responses.csv, parameters/old.yaml selects 120 rows ('横浜店' 120) and
    parameters/new.yaml 460 ('横浜みなとみらい店' 340, '横浜店' 120)."``; empty when the
    export cannot be read (:func:`nps_kit._renames.rows_selected`).
    """
    from nps_kit._renames import rows_selected
    from nps_kit._value_key import value_key

    own = list({value_key(v): v for v in reversed(own)}.values())[::-1]
    theirs = list({value_key(v): v for v in reversed(theirs)}.values())[::-1]
    counts = rows_selected(unit, [*own, *theirs])
    if counts is None:
        return ""
    mine, other = counts[: len(own)], counts[len(own) :]

    def each(values: Sequence[str | int | float], found: Sequence[int]) -> str:
        return ", ".join(f"{str(v)!r} {n:,}" for v, n in zip(values, found, strict=True))

    rows = "row" if sum(mine) == 1 else "rows"
    return (
        f" In {unit.data.path.name}, {here} selects {sum(mine):,} {rows} ({each(own, mine)}) "
        f"and {there} {sum(other):,} ({each(theirs, other)})."
    )


def _readable_name(own: Mapping[str, Any]) -> str | None:
    """Return a unit file's ``name`` if it reads as one (the file had an error elsewhere)."""
    name = own.get("name") if isinstance(own, Mapping) else None
    if not isinstance(name, str) or not name.strip() or display_text_problem(name):
        return None
    return name.strip()


def _name_as(shown: dict[str, str], key: str, name: str | None) -> None:
    """Record ``name`` as the display name of the invalid unit ``key`` (none: forget it)."""
    if name is None:
        shown.pop(key, None)
    else:
        shown[key] = name


def _unit_id(own: Mapping[str, Any], name: str) -> str:
    """Return the id of a unit file that could not be used: its ``unit``, else its name."""
    unit = own.get("unit") if isinstance(own, Mapping) else None
    return unit if isinstance(unit, str) and unit.strip() else name


def _blamed(
    exc: ConfigError,
    own: Mapping[str, Any],
    base: Mapping[str, Any],
    path: Path,
    defaults: Path | None,
) -> ConfigError:
    """Name defaults.yaml for a column setting the unit file inherits from it, not the unit file.

    QA20: ``contact_details`` written in defaults.yaml was reported as
    ``parameters/north.yaml: …``; the fix belongs in the file that says it.
    """
    key = exc.key or ""
    if defaults is None or not key.startswith("columns."):
        return exc
    setting = key.removeprefix("columns.").split("[")[0]
    if _sets(own, "columns", setting) or not _sets(base, "columns", setting):
        return exc
    shown = display(path)
    if not exc.message.startswith(f"{shown}: "):
        return exc
    message = f"{display(defaults)}: " + exc.message.removeprefix(f"{shown}: ")
    return ConfigError(message, hint=exc.hint, path=defaults, key=key)


def _sets(raw: Mapping[str, Any], section: str, key: str) -> bool:
    """Tell whether a parameters file's own YAML sets ``section.key``."""
    block = raw.get(section)
    return isinstance(block, Mapping) and key in block
