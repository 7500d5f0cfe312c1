"""Say once per unit when a ``columns.id`` set by hand repeats (FIX37).

``init`` refuses a repeating column as the id (a customer number, 顧客番号), but one set by hand
was used silently by ``run`` and ``alerts``. It stays usable, never an error; what it means is
said: alerts key on id and time (:func:`nps_kit.alerts.response_key`), the work file lists
each answer but carries what the team typed for an id to all of that id's rows, and the
follow-up status reads each id once, by its latest answer
(:func:`nps_kit.closed_loop.loop_status`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from nps_kit.cache import ExportCache
    from nps_kit.load import LoadReport
    from nps_kit.params import UnitParameters


def id_repeat_count(ids: pd.Series) -> int:
    """Return how many of ``ids`` repeat an earlier one (blanks and spaces around left out).

    The one count of repeated ids: ``run``'s warning (:func:`id_repeats_warning`) and ``init``'s
    comment on ``dedupe`` (QA27 #6: init said no repeated ids, run that 会員ID repeats).
    """
    text = ids.astype("string").str.strip()
    return int(text[text.notna() & (text != "")].duplicated().sum())


#: How far apart the times of one response written twice may be (QA31 F5: 20 minutes across a
#: month's turn; a time restamped in another zone differs by its hours).
_RESTAMPED: Final = pd.Timedelta(days=1)


def same_response_repeats(
    frame: pd.DataFrame,
    column: str,
    *,
    skip: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
) -> tuple[int, int]:
    """Return how many values of an id repeat, and how many of those repeat the whole response.

    A row whose id repeats an earlier row's and whose every other cell but ``skip`` (the date:
    a tool that exports a response again may write a new time, within a day of the first)
    equals that row's is the same response read twice, never a returning customer's new
    answer (QA31 F5: a telecom's ``Response ID`` written twice 20 minutes apart, across a
    month's turn, was called "a returning customer's answers", dedupe left false and the
    response counted in both months). Times that cannot be read are no evidence of it.

    Parameters
    ----------
    frame
        The export as read.
    column
        The id column.
    skip
        Columns that may differ between the copies (the date column), by a day at most.
    ignore
        Columns left out of the comparison altogether (what a loader derived from the row).

    Returns
    -------
    tuple of int
        ``(repeats, same_response)``: rows whose id repeats an earlier one, and those of them
        equal to an earlier row but for ``skip``.
    """
    values = frame[column]
    repeated = values.notna() & values.duplicated(keep="first")
    dated = [c for c in skip if c in frame.columns and c != column]
    rest = frame.drop(columns=[*dated, *(c for c in ignore if c in frame.columns and c != column)])
    same = repeated & rest.duplicated(keep="first")
    if dated and same.any():
        # Written again restamps the time by minutes (or a zone's hours), not by months: a
        # returning customer's equal answers a season later are a new response (REVIEW32).
        from nps_kit._values import parse_date_values

        group = rest.astype("string").groupby(list(rest.columns), dropna=False).ngroup()
        for c in dated:
            when = parse_date_values(frame[c].astype("string")).dates
            first = when.groupby(group).transform("min")
            same &= ((when - first).abs() <= _RESTAMPED).fillna(False).astype(bool)
    return int(repeated.sum()), int(same.sum())


def reexported_repeats(frame: pd.DataFrame, *, id_column: str, report: LoadReport) -> int:
    """Return how many rows of ``frame`` repeat an earlier row's id and answers, all but the time.

    :func:`same_response_repeats` of loaded rows (the loader's ``nps_*`` columns, the unit's
    ``period``/``segment`` and the cache's unit key left out with the export's date column,
    ``report.date_column``): what ``run`` and ``alerts`` tell apart from a returning customer.
    """
    from nps_kit.cache import UNIT_KEY
    from nps_kit.load import LOADER_COLUMNS, UNIT_COLUMNS, export_column

    date = () if report.date_column is None else (export_column(report.date_column),)
    ignore = (*LOADER_COLUMNS, *UNIT_COLUMNS, UNIT_KEY)  # derived from the row, not answers
    return same_response_repeats(frame, id_column, skip=date, ignore=ignore)[1]


def id_repeats_warning(
    ids: pd.Series, *, column: str, language: str, exact: bool = False, reexported: int = 0
) -> str | None:
    """Return the warning for ids that repeat, in ``language``; ``None`` when none does.

    With ``exact`` (every repeat is in a row that repeats an earlier row exactly: an export
    downloaded twice), the id is right and ``dedupe: true`` is what to set (QA28 #7: the
    warning blamed a returning customer and sent the user to change a correct id). So it is
    when every repeat is ``reexported``, equal to an earlier row but for its time (QA31 O3: a
    response exported again 20 minutes later); when only some are, both are said.

    Parameters
    ----------
    ids
        The unit's ``columns.id`` values, one per row; blanks are not counted as repeats.
    column
        The id column, as the export names it.
    language
        The unit's report language (``ja`` or ``en``).
    exact
        Whether the repeats are all exact duplicate rows (:func:`repeats_are_exact`).
    reexported
        How many repeats are rows equal to an earlier one but for the time
        (:func:`reexported_repeats`).

    Returns
    -------
    str or None
        ``"columns.id 顧客番号 repeats in 45 of 3,000 rows: …"``, or ``None``.
    """
    repeats = id_repeat_count(ids)
    if not repeats:
        return None
    rows = len(ids)
    if exact:
        if language == "ja":
            return (
                f"columns.id「{column}」は{rows:,}行のうち{repeats:,}行で前の行と同じ値ですが、"
                "いずれも前の行とすべての列が同じ行です（同じエクスポートの二重の取り込みなど）。"
                "このままでは同じ回答を二度数えます。IDはそのままで、dedupe: trueを設定すると"
                "除外されます。"
            )
        return (
            f"columns.id {column} repeats in {repeats:,} of {rows:,} rows, all in rows that "
            "repeat an earlier row exactly (an export downloaded or appended twice): each such "
            "response is counted twice. The id is right; set dedupe: true to drop the repeats."
        )
    if reexported >= repeats:
        if language == "ja":
            return (
                f"columns.id「{column}」は{rows:,}行のうち{repeats:,}行で前の行と同じ値ですが、"
                "いずれも日時のほかは前の行とすべての列が同じ行です（同じ回答の再エクスポート）。"
                "このままでは同じ回答を二度数えます（日時が月をまたぐと両方の月に）。IDはそのままで、"
                "dedupe: trueを設定すると最初の行だけが残ります。"
            )
        return (
            f"columns.id {column} repeats in {repeats:,} of {rows:,} rows, each in a row equal "
            "to an earlier one but for its time: the same response exported again, counted "
            "twice (in two months when the times fall apart). The id is right; set dedupe: true "
            "to keep the first copy."
        )
    return _returning(column, rows, repeats, language) + _some_reexported(
        reexported, repeats, language
    )


def _some_reexported(reexported: int, repeats: int, language: str) -> str:
    """Return what a returning customer's warning adds of the repeats that are re-exports."""
    if not reexported:
        return ""
    if language == "ja":
        return (
            f"そのうち{reexported:,}行は日時のほかは前の行と同じで（同じ回答の再エクスポート）、"
            "二度数えられます。dedupe: trueで除外できますが、再び回答したお客様の回答も最初の"
            "ひとつだけになります。"
        )
    one = reexported == 1
    return (
        f" {reexported:,} of the {repeats:,} repeats {'is a row' if one else 'are rows'} equal to "
        "an earlier one but for its time (the same response exported again), counted twice; "
        f"dedupe: true would drop {'it' if one else 'them'}, but also keep only the first answer "
        "of each returning customer."
    )


def _returning(column: str, rows: int, repeats: int, language: str) -> str:
    """Return the warning for ids a returning customer's answers share (FIX37)."""
    if language == "ja":
        return (
            f"columns.id「{column}」は{rows:,}行のうち{repeats:,}行で前の行と同じ値です。"
            "再び回答したお客様の回答が同じIDになります。アラートはIDと日時で回答を区別し、"
            "ワークファイルは回答ごとに並べますが、チームが入力した内容はそのIDのすべての行に写り、"
            "フォローアップの状況はIDごとに最新の回答で数えます。回答ごとに異なる列があれば"
            "columns.idに設定してください。"
        )
    return (
        f"columns.id {column} repeats in {repeats:,} of {rows:,} rows: a returning customer's "
        "answers share it. Alerts key on id and time, so each answer is alerted once; the work "
        "file lists each answer, but what the team types for an id is carried to all of its "
        "rows, and the follow-up status counts each id once, by its latest answer. Set "
        "columns.id to a column unique to each response if the export has one."
    )


def numbers_rows(ids: pd.Series) -> bool:
    """Whether ``ids`` are the whole numbers 1, 2, … n in the order of the rows.

    A sheet's running number (``No.``, 番号: QA26 #7), unique in this file but not an id the
    survey keeps: an export that numbers its rows from 1 again gives a later response an
    earlier one's number. A drop folder's reader sees that across its files
    (``load._drop_frame._ids_restart``: the id then names a response only with its date);
    ``init``, given one file, can only see that the id counts its rows, and says so (FIX49).

    Parameters
    ----------
    ids
        An id column's values in file order.

    Returns
    -------
    bool
        ``True`` for ``1, 2, 3 …`` (``"001"`` and ``1.0`` count as 1) over two or more rows.
    """
    numbers = pd.to_numeric(ids.astype("string").str.strip(), errors="coerce")
    if len(numbers) < 2 or numbers.isna().any():
        return False
    return bool((numbers.to_numpy() == np.arange(1, len(numbers) + 1)).all())


def running_number_note(column: str, rows: int, span: str | None) -> str:
    """Return what init says of an id that counts the export's rows (:func:`numbers_rows`)."""
    spans = f" (answers of {span})" if span else ""
    return (
        f"{column!r} numbers the rows 1 to {rows:,} in file order{spans}: a running number of "
        "this file, not an id the survey keeps. If each export numbers its rows from 1 again, "
        f"{column} 5 of a later export is another response, and the alerts log and a returned "
        "work file would take it for the first: then set id to a number that runs on across "
        "exports (a response or receipt number)."
    )


def repeats_are_exact(report: LoadReport) -> bool:
    """Whether the export's repeated ids are all in exact duplicate rows (QA28 #7).

    ``report`` is the loader's report of an export read with the unit's ``columns.id`` (its
    ``id_column``): it counts exact duplicate rows and, apart, other rows whose id repeats.
    """
    return report.duplicate_rows > 0 and report.duplicate_ids == 0


def cached_id_warning(unit: UnitParameters, cache: ExportCache) -> str | None:
    """Return :func:`id_repeats_warning` for ``unit``'s rows in ``cache`` (its id column only)."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from nps_kit.cache import UNIT_KEY, normalise_key

    if unit.columns.id is None:
        return None
    column = unit.frame_column(unit.columns.id)
    names = pq.read_schema(cache.path).names
    if column not in names:
        return None
    keyed = unit.data.filter is not None and UNIT_KEY in names
    table = pq.read_table(cache.path, columns=[column, UNIT_KEY] if keyed else [column])
    if keyed and unit.data.filter is not None:
        keys = sorted({normalise_key(v) for v in unit.data.filter.selects})
        key = table[UNIT_KEY]
        if pa.types.is_dictionary(key.type):  # dictionary-encoded by build_cache
            key = key.cast(key.type.value_type)
        table = table.filter(pc.is_in(key, value_set=pa.array(keys)))
    return unit_id_warning(table[column].to_pandas(), unit, cache)


def unit_id_warning(ids: pd.Series, unit: UnitParameters, cache: ExportCache) -> str | None:
    """Return :func:`id_repeats_warning` for a unit's ``ids``: what ``run`` and ``alerts`` say.

    Whether the repeats are exact rows (the loader's report) or rows equal but for the time
    (:func:`reexported_repeats` of the unit's whole rows, read only when an id repeats: alerts
    read few columns, and a returning customer may give the same score and comment again).
    """
    assert unit.columns.id is not None
    exact = repeats_are_exact(cache.report)
    reexported = 0
    if not exact and id_repeat_count(ids):
        from nps_kit.cache import read_rows

        # A cache grouped by a unit column (read_rows' own test) selects the unit's rows.
        wanted = unit.data.filter if cache.unit_column is not None else None
        rows = read_rows(cache, unit_values=wanted.selects if wanted else None).data
        column = unit.frame_column(unit.columns.id)
        reexported = reexported_repeats(rows, id_column=column, report=cache.report)
    return id_repeats_warning(
        ids,
        column=unit.column(unit.columns.id),
        language=unit.language,
        exact=exact,
        reexported=reexported,
    )
