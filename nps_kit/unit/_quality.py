"""The data-quality table of a unit: what was read, dropped, redacted and left out, and why."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from nps_kit._response_meta import date_not_answered
from nps_kit._value_labels import rows_with_code
from nps_kit._width import display_width
from nps_kit.i18n import Language, join_names, t
from nps_kit.load import (
    LoadReport,
    export_column,
    undated_answers,
)
from nps_kit.unit._data import UnitData
from nps_kit.unit._prepare import unit_unreadable_dates


def _unfinished(unit: UnitData) -> str | None:
    """Count the period's valid answers from responses Qualtrics marks unfinished.

    Qualtrics records a respondent who left after answering some questions (``Finished``
    False, ``Progress`` under 100). One who answered the 0–10 question counts in the NPS like
    any other, but the reader should know how many did not finish. ``None`` when the export
    has no such column; "unknown", with the values found, when no cell of it could be read.
    """
    if "nps_finished" not in unit.current.columns:  # the loader reads Qualtrics' Finished
        return None
    if unit.load.finished_unread is not None:
        return t(
            "quality.unfinished_unknown",
            unit.language,
            column="Finished",
            values=_finished_values(unit.load.finished_unread, unit.language),
        )
    unfinished = unit.current["nps_finished"].astype("boolean").eq(False).fillna(False)
    valid = unit.current["nps_status"].astype(str) == "valid"
    return f"{int((valid & unfinished).sum()):,}"


def _finished_values(values: Sequence[str], lang: Language) -> str:
    """Say the values found in an unreadable ``Finished`` column: ``'Yes', 'No'``."""
    if not values:
        return t("quality.blanks_only", lang)
    return join_names((repr(v) for v in values), lang)


def _duplicates_dropped(unit: UnitData) -> int:
    """Count the rows of the period that ``dedupe`` dropped as repeats of the unit's rows.

    A dropped row is the unit's when the row it repeats is, and the period's when it was sent
    in the period (REVIEW26: a December repeat of a November response was counted in
    November); a dropped row without a readable date is counted where the row it repeats is.
    """
    report = unit.load
    kept = unit.responses.set_index("nps_row")["period"]
    kept = kept[~kept.index.duplicated()]
    repeated = pd.Series(report.duplicate_of, dtype="int64")
    theirs = kept.reindex(repeated).to_numpy(dtype=object)
    dates = list(report.duplicate_dates) or [None] * len(repeated)
    own = [None if d is None else str(d)[:7] for d in dates]
    periods = [o if o is not None else k for o, k in zip(own, theirs, strict=True)]
    ours = repeated.isin(kept.index).to_numpy(dtype=bool)
    return int(sum(1 for o, p in zip(ours, periods, strict=True) if o and p == unit.period))


def _repeats_in_period(unit: UnitData, columns: Sequence[str]) -> int:
    """Count the period's rows that repeat, in ``columns``, an earlier row of the unit.

    Earlier in time (then in the file): an id answered in October and again in November is
    a repeat in November's table, not in October's. The data-quality rows below "Rows in the
    period" are the period's (QA25: a unit's 12 months of double submissions, 7, shown beside
    the month's 19 rows).
    """
    if not len(unit.current):
        return 0
    rows = unit.responses.sort_values("nps_date", kind="stable", na_position="last")
    values = rows[list(columns)]
    values = values.dropna() if len(columns) == 1 else values
    repeated = values.astype("string").duplicated()
    return int((rows.loc[values.index, "period"] == unit.period)[repeated].sum())


def _drop_key_said(report: LoadReport, lang: Language) -> str:
    """Say how a drop's files were matched: by the id, the id and date, the date or the row."""
    key, date = report.drop_key, report.date_column or ""
    if not key:
        return t("quality.drop_key.row", lang)
    if len(key) > 1:
        return t("quality.drop_key.id_date", lang, id=key[0], date=date)
    if key[0] == date:
        return t("quality.drop_key.date", lang, date=date)
    return t("quality.drop_key.id", lang, id=key[0])


# A column named in a data-quality row: a whole survey question (QA30's city heading of 140
# characters) filled a phone's label column for 15 lines (BROWSE31). Its start tells it apart.
_MENTION_CELLS = 40


def _mention(column: str | None) -> str | None:
    """Return ``column`` as a data-quality row names it: up to 40 cells, then an ellipsis.

    Wide (CJK) characters count two cells (:func:`nps_kit._width.display_width`); a cut
    inside an English word goes back to the space before it. Line breaks and runs of spaces
    are one space.
    """
    if not column:
        return column
    text = " ".join(column.split())
    cells = 0
    at = len(text)
    for i, char in enumerate(text):
        cells += display_width(char)
        if cells > _MENTION_CELLS:
            at = i
            break
    if at == len(text):
        return text
    cut = text[:at]
    if text[at].isalnum() and cut[-1:].isalnum() and " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" 、。,.;:：-（(") + "…"


def _said(key: str, report: LoadReport) -> str:
    """Return a row's words: a drop's row count is before repeats were removed (FIX39 #2)."""
    return "rows_read_drop" if key == "rows_read" and report.files else key


def _unlabelled_said(rows: pd.DataFrame, report: LoadReport, lang: Language) -> str:
    """Say the codes of ``value_labels`` columns without a label among ``rows``, and how many.

    ``性別 3（4件）、年代 9（1件）``; ``""`` when the rows have none.
    """
    said = []
    for column, codes in zip(report.unlabelled_columns, report.unlabelled_codes, strict=True):
        frame_column = export_column(column)
        if frame_column not in rows.columns:
            continue
        for code in codes.split("\t"):
            # A multi-select cell's code counts too (``Web;9``: 9).
            n = rows_with_code(rows[frame_column], code)
            if n:
                said.append(t("quality.unlabelled_code", lang, column=column, code=code, n=n))
    return join_names(said, lang)


def data_quality(
    unit: UnitData, *, id_column: str | None = None, ratings: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Data-quality facts for the report: what was read, used and excluded, and why.

    Parameters
    ----------
    unit
        The prepared unit.
    id_column
        Column with response ids, to count duplicates.
    ratings
        The period's :func:`nps_kit.followup.ratings_summary` table; adds a row counting the
        ratings left out as off the scale or not a number, per question (``0`` when none).

    Returns
    -------
    pandas.DataFrame
        Columns ``item`` (label in the unit's language) and ``value`` (text).
    """
    lang = unit.language
    current = unit.current
    months = int(unit.responses["period"].dropna().nunique())
    status = current["nps_status"].astype(str)
    report = unit.load
    dup = 0
    if id_column and id_column in unit.responses.columns:
        dup = _repeats_in_period(unit, [id_column])
    original = [c for c in unit.responses.columns if not str(c).startswith("nps_")]
    original = [c for c in original if c not in ("period", "segment")]
    exact = _repeats_in_period(unit, original)
    dates = unit.responses["nps_date"].dropna()
    unread = unit_unreadable_dates(unit)
    unparsed = 0 if unread is None else unread.count
    dash = "〜" if lang == "ja" else " – "
    date_range = f"{dates.min():%Y-%m-%d}{dash}{dates.max():%Y-%m-%d}" if len(dates) else "—"
    comma = "、" if lang == "ja" else ", "
    if unit.redacted:
        redacted = (
            # 「メールアドレス5件」, "email 5"
            comma.join(
                f"{t(f'quality.{k}', lang)}{v}件"
                if lang == "ja"
                else f"{t(f'quality.{k}', lang)} {v}"
                for k, v in unit.redactions.items()
                if v
            )
            or "0"
        )
    else:
        redacted = t("quality.off", lang)
    fmt = (report.format.upper() if lang == "ja" else report.format) + (
        f" ({report.source})" if report.source != "generic" else ""
    )
    if report.encoding:
        encoding = report.encoding.upper() if lang == "ja" else report.encoding
        fmt += comma + t("quality.encoding", lang, name=encoding)
    # The unit's rows (all its months) and their dates first, then the period's counts: a
    # count of the 12 months among the period's rows reads as the period's (QA25).
    rows = [
        ("source", unit.source.name),
        ("format", fmt),
        ("rows_read", f"{report.rows_read:,}"),
        ("unit_rows", f"{unit.unit_rows:,}"),
        ("dates", date_range),
        ("dates_unparsed", f"{unparsed:,}"),
        ("period_rows", f"{len(current):,}"),
        ("valid", f"{int((status == 'valid').sum()):,}"),
        ("missing", f"{int((status == 'missing').sum()):,}"),
        ("invalid", f"{int((status == 'invalid').sum()):,}"),
        ("duplicates", f"{dup:,}"),
        ("duplicate_rows", f"{exact:,}"),
        ("redacted", redacted),
    ]
    if unit.renamed:
        # QA29 F8: a renamed ward's trend goes on; the report says once what it was called.
        rows.insert(
            [k for k, _ in rows].index("unit_rows") + 1,
            (
                "previous_names",
                join_names(
                    (t("quality.named_until", lang, name=n, date=d) for n, d in unit.renamed),
                    lang,
                ),
            ),
        )

    def after(key: str) -> int:
        return [k for k, _ in rows].index(key) + 1

    undated = undated_answers(unit.responses)
    if undated:
        # Scored but in no period, so in none of the counts below (QA35 O2: LimeSurvey's
        # incomplete responses have no submitdate; the ward's report said nothing).
        rows.insert(after("dates_unparsed"), ("undated", f"{undated:,}"))
    if unit.unfinished_excluded is not None:
        # Left out with unfinished: exclude, so none of the counts above has them.
        rows.insert(after("invalid"), ("unfinished_excluded", f"{unit.unfinished_excluded:,}"))
    else:
        unfinished = _unfinished(unit)
        if unfinished is not None:
            rows.insert(after("valid"), ("unfinished", unfinished))
    if report.resubmission_of:
        # Double submissions (QA20: Google Forms, same answers seconds apart), dropped or not:
        # those of the period's rows.
        again = pd.Series(report.resubmission_of, dtype="int64")
        found = int(again.isin(current["nps_row"]).sum())
        rows.insert(after("duplicate_rows"), ("resubmissions", f"{found:,}"))
    if report.other_scale:
        # QA29 F6: answers of a value (a survey version) with no 0 where the rest have them,
        # counted as 0-10: the period's, and the unit's months' when the period has fewer.
        other = pd.Series(report.other_scale, dtype="int64")
        in_period = int(current["nps_row"].isin(other).sum())
        in_unit = int(unit.responses["nps_row"].isin(other).sum())
        if in_unit:
            said = f"{in_period:,}" + (
                ""
                if in_unit == in_period
                else t("quality.other_scale_unit", lang, n=f"{in_unit:,}")
            )
            rows.insert(after("invalid"), ("other_scale", said))
    if report.duplicates_dropped:
        # The period's own, like the duplicate counts above: the file's would blame every unit.
        rows.insert(after("redacted") - 1, ("dropped", f"{_duplicates_dropped(unit):,}"))
    if ratings is not None and len(ratings):
        every = ratings[ratings["segment"] == "all"]
        bad = [
            f"{label} {count:,}"
            for label, count in zip(every["label"], every["invalid"].astype(int), strict=True)
            if count
        ]
        rows.append(("invalid_ratings", ", ".join(bad) or "0"))
    unlabelled = _unlabelled_said(current, report, lang)
    if unlabelled:
        # A code the code table does not name is shown as written, never guessed (CODES40).
        rows.append(("unlabelled", unlabelled))
    if report.mojibake_cells:
        key = "repaired" if report.text_fixed else "not_repaired"
        rows.append(("mojibake", t(f"quality.{key}", lang, n=f"{report.mojibake_cells:,}")))
    # What the file's count has and no unit's does (QA23: 12 previews, said nowhere).
    left_out = [
        ("previews", report.preview_rows_dropped),
        ("blank_rows", report.blank_rows_dropped),
        ("totals_rows", len(report.totals_rows)),
        ("excluded_rows", report.excluded_rows),  # data.exclude: a staff test (QA30 F7)
    ]
    at = rows.index(("rows_read", f"{report.rows_read:,}")) + 1
    # A totals row is named with its file, row and why: a response wrongly taken for one can be
    # found and told (FIX71: a respondent named Summe).
    totals = report.totals_said(lang)
    shown = {"totals_rows": f"（{totals}）" if lang == "ja" else f" ({totals})"}
    rows[at:at] = [(key, f"{n:,}{shown.get(key, '')}") for key, n in left_out if n]
    if report.totals_kept:
        # A last row labelled Total kept as an answer, named so that it can be checked (FIX74).
        kept = report.totals_kept_said(lang)
        rows.insert(at + sum(1 for _, n in left_out if n), ("totals_kept", kept))
    if report.files:
        # A folder or glob read as one export: how many files, and the newest (QA24).
        # Each file with its rows, before and after repeats (FIX39 #2: only the newest).
        said = (
            join_names(
                (
                    t("quality.file_rows", lang, name=Path(f).name, n=f"{n:,}", kept=f"{k:,}")
                    for f, n, k in zip(
                        report.files, report.file_rows, report.file_kept, strict=False
                    )
                ),
                lang,
            )
            or f"{len(report.files):,} ({Path(report.files[-1]).name})"
        )
        rows[at:at] = [("files", said), ("drop_key", _drop_key_said(report, lang))] + (
            [("drop_repeats", f"{report.drop_repeats:,}")] if report.drop_repeats else []
        )
        if report.drop_replaced:
            # A later file's corrected answers, kept over the first file's (FIX39).
            where = join_names(report.drop_changed_in, lang)
            changed = f"{report.drop_replaced:,}" + (
                f"（{where}）" if lang == "ja" else f" ({where})"
            )
            rows.insert(at + 2 + bool(report.drop_repeats), ("drop_changed", changed))
    # Read from another way of writing them (１０, 10点, 令和8年) (QA24): the unit's own, as
    # the rows beside them count (BROWSE31: the file's count read as every unit's): the
    # period's scores beside its valid answers, the unit's dates beside their range.
    for key, written, among, before in (
        ("scores_rewritten", report.rewritten_rows, current, "valid"),
        ("scores_worded", report.worded_rows, current, "valid"),
        ("scores_decimal_comma", report.decimal_comma_rows, current, "valid"),
        ("era_dates", report.era_date_rows, unit.responses, "dates"),
    ):
        n = int(among["nps_row"].isin(written).sum()) if written else 0
        if n:
            rows.insert(after(before), (key, f"{n:,}"))
    # Which column was read another way (FIX37): an export may hold several 0-10 questions.
    named: dict[str, dict[str, object]] = {
        "unit_rows": {"n": months},
        "scores_rewritten": {"column": _mention(report.score_column)},
        "scores_worded": {
            "column": _mention(report.score_column),
            "example": _mention(report.worded_example),
        },
        "scores_decimal_comma": {"column": _mention(report.score_column)},
        "era_dates": {"column": _mention(report.date_column)},
        "other_scale": dict(
            zip(
                ("column", "value"),
                (_mention(report.other_scale_of[0]), *report.other_scale_of[1:]),
                strict=False,
            )
        )
        if report.other_scale_of
        else {},
    }
    # QA44: a check-out or visit day is not when the answers came; the range is named by it.
    other_date = date_not_answered(report.date_column)
    if other_date is not None:
        rows[[k for k, _ in rows].index("dates")] = ("dates_other", date_range)
        named["dates_other"] = {"label": other_date}
    return pd.DataFrame(
        {
            # "unit_rows" says how many months they span (QA22: "the 13 months shown" of 4).
            "item": [t(f"quality.{_said(k, report)}", lang, **named.get(k, {})) for k, _ in rows],
            "value": [v for _, v in rows],
        }
    )
