"""One parse per run: the export caches the units read.

Each export is read once per loader options into a Parquet cache keyed by its content
(:func:`unit_caches`, :func:`export_cache`), in the reports folder's :func:`cache_folder`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nps_kit._drop import drop_files, drop_sha256, is_drop
from nps_kit.params import UnitParameters
from nps_kit.run._results import CACHE_DIR

if TYPE_CHECKING:
    from nps_kit.cache import ExportCache


def _sha256(path: Path) -> str:
    if is_drop(path):
        return drop_sha256(drop_files(path))  # every file's, in order
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _consent_like_columns(path: Path, options: dict[str, Any]) -> set[str]:
    """Return the export's columns whose name asks for consent (連絡, contact, Opt-out …)."""
    from nps_kit._consent import asks_about_contact
    from nps_kit.load import read_column_index

    index = read_column_index(path, sheet=options.get("sheet"), encoding=options.get("encoding"))
    return {c for c in index.columns if asks_about_contact(c)}


def _unit_export(unit: UnitParameters) -> tuple[Path, dict[str, Any]]:
    return unit.data.path, unit.loader_options()


def _build_caches(
    units: Sequence[UnitParameters],
    hashes: dict[Path, str],
    cache_dir: Path,
    *,
    read: Callable[[UnitParameters], tuple[Path, dict[str, Any]]] = _unit_export,
    only: Collection[str] | None = None,
    spare_dir: Path | None = None,
) -> dict[str, ExportCache]:
    """Parse each export once (one cache per export and loader options) for all its units.

    ``read`` gives a unit's export and loader options (default its ``data.path`` and
    :meth:`~nps_kit.params.UnitParameters.loader_options`; ``nps-kit alerts --data`` reads
    another file). ``only``: build the caches of these units alone; the other units still add
    their columns, so the cache is the one ``run`` builds for the same units (FIX61).
    """
    from nps_kit._xlsx_formulas import FormulaError
    from nps_kit.cache import build_cache

    groups: dict[tuple[Any, ...], list[UnitParameters]] = {}
    reads: dict[tuple[Any, ...], tuple[Path, str | None, dict[str, Any]]] = {}
    for unit in units:
        src = unit.data
        by = unit.column(src.filter.column) if src.filter else None
        path, options = read(unit)
        key = (path, by, *sorted(options.items()))
        groups.setdefault(key, []).append(unit)
        reads[key] = (path, by, options)
    caches: dict[str, ExportCache] = {}
    for key, members in groups.items():
        if only is not None and not any(u.unit in only for u in members):
            continue
        path, by, options = reads[key]
        columns = {u.column(c) for u in members for c in u.used_columns().values()}
        if any(u.columns.contact is None and u.columns.contact_details for u in members):
            # Contact details without a consent column: the export's consent-like questions
            # too, which check_unit_rows refuses to leave unset (QA21).
            columns |= _consent_like_columns(path, options)
        try:
            cache = build_cache(
                path,
                # Absolute: the report notebook names it, and is opened again from its own folder.
                cache_dir=cache_dir.resolve(),
                sha256=hashes[path],
                columns=columns,
                unit_column=by,
                spare_dir=spare_dir,
                **options,
            )
        except FormulaError as exc:
            # Said in its units' language when they share one (a Japanese project's run, FIX91).
            languages = {u.language for u in members}
            raise exc.said(languages.pop() if len(languages) == 1 else "en") from None
        for unit in members:
            caches[unit.unit] = cache
    return caches


def unit_caches(
    units: Sequence[UnitParameters],
    *,
    cache_dir: Path,
    read: Callable[[UnitParameters], tuple[Path, dict[str, Any]]] = _unit_export,
    only: Collection[str] | None = None,
    spare_dir: Path | None = None,
) -> dict[str, ExportCache]:
    """Return the cache ``nps-kit run`` reads for each unit, parsing each export once.

    One cache per export and loader options, shared by its units (:mod:`nps_kit.cache`); a
    cache ``run`` built already is reused as it is. ``nps-kit alerts`` reads its units' rows
    from it, so a daily alert over a large export parses it once, not once per unit (FIX61).

    Parameters
    ----------
    units
        Validated parameters.
    cache_dir
        The folder of the caches (``run`` uses ``<output>/.cache``).
    read
        A unit's export and loader options; default its ``data.path`` and
        :meth:`~nps_kit.params.UnitParameters.loader_options`.
    only
        Unit ids whose caches to build; ``None``, every unit's. The others still add the
        columns they use, so the cache is the one ``run`` builds for all of ``units``.
    spare_dir
        Where to build a cache that ``cache_dir`` lacks and cannot take (a reports folder
        shared read-only): caches already in ``cache_dir`` are read from there
        (:func:`nps_kit.cache.build_cache`). ``None``: always ``cache_dir``.

    Returns
    -------
    dict of str to ExportCache
        By unit id, for the units built.

    Raises
    ------
    DataError
        When an export cannot be read as the parameters say.
    """
    wanted = {read(u)[0] for u in units if only is None or u.unit in only}
    hashes = {path: _sha256(path) for path in wanted}
    return _build_caches(units, hashes, Path(cache_dir), read=read, only=only, spare_dir=spare_dir)


def cache_folder(output: Path, cache_dir: Path | None = None) -> Path:
    """Return the folder of the export caches: ``cache_dir``, else ``<output>/.cache``.

    The one rule ``run``, ``run --watch`` and ``alerts`` find run's caches by.

    Parameters
    ----------
    output
        The reports folder.
    cache_dir
        ``run --cache-dir``, or ``None``.

    Returns
    -------
    Path
        The folder.
    """
    return Path(cache_dir) if cache_dir else Path(output) / CACHE_DIR


def export_cache(unit: UnitParameters, *, cache_dir: Path) -> Path:
    """Return the cache of ``unit``'s export that ``nps-kit run`` reads, building it if needed.

    The cache is the one home of how the unit's export is read (its loader options, with
    ``data.unfinished``): a report notebook given it as ``data_cache`` reads the unit as the
    run does, whatever options the notebook passes itself.

    Parameters
    ----------
    unit
        Validated parameters.
    cache_dir
        The folder of the caches (``run`` uses ``<output>/.cache``).

    Returns
    -------
    pathlib.Path
        The cache file.

    Raises
    ------
    DataError
        When the export cannot be read as the parameters say.
    """
    hashes = {unit.data.path: _sha256(unit.data.path)}
    return _build_caches([unit], hashes, Path(cache_dir))[unit.unit].path
