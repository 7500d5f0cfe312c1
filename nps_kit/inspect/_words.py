"""An inspection in words: headings, samples and repeats, in the command's language."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from nps_kit._answer_codes import numeric_codes_sentence, score_codes_sentence
from nps_kit._column_detail import Detail
from nps_kit._id_repeats import same_response_repeats
from nps_kit._long_form import long_form_sentence
from nps_kit._value_key import counted_spellings
from nps_kit._values import (
    parse_date_values,
)
from nps_kit.i18n import Language, t
from nps_kit.inspect._answers import _Answers, _number_cells
from nps_kit.inspect._facts import _SAMPLE, ColumnInfo


def _coded_scores(
    infos: Sequence[ColumnInfo], frame: pd.DataFrame, lang: Language = "en"
) -> list[str]:
    """Say what each column of 11 answer codes is (LimeSurvey A1 … A11; an agency's 1 … 11)."""
    said = [
        score_codes_sentence(c.column, frame[c.column], lang)
        for c in infos
        if c.kind == "categorical" and c.column in frame
    ]
    said += [
        numeric_codes_sentence(c.column, frame[c.column], lang=lang)
        for c in infos
        if c.kind in ("number", "rating") and c.column in frame
    ]
    # A long table's 0-10 answers are rows of an answer column, not a column (QA36).
    if not any(c.kind == "nps" for c in infos):
        said.append(long_form_sentence(frame, lang))
    return [s for s in said if s is not None]


def _headings(groups: dict[str, str]) -> str:
    """Name the merged headings of a two-row header and the columns under each (FIX49).

    Their text is no column's name (each column is named by what it asks), so it is said
    here: ``Under '設問': '当院を…', '待ち時間の満足度', '会計の満足度'.``
    """
    under: dict[str, list[str]] = {}
    for column, heading in groups.items():
        under.setdefault(heading, []).append(column)
    return "".join(
        f" Under {heading!r}: {', '.join(repr(_short_name(c)) for c in columns)}."
        for heading, columns in under.items()
    )


def _short_name(name: str, width: int = 24) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"


def _date_form(values: pd.Series, text: pd.Series, *, columnar: bool) -> str:
    """Say how a date column holds its dates (inspect's detail), the order aside.

    Cells typed as dates are a workbook's date cells or a Parquet file's timestamps; numbers
    such as ``45962.5`` are Excel serial dates (QA19: they were called "ISO/Japanese").
    """
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        return "timestamps" if columnar else Detail("date_cells")
    if _number_cells(values) or pd.to_numeric(text, errors="coerce").notna().mean() >= 0.5:
        return Detail("serial_dates")
    # QA34: Alchemer's "Nov 3, 2026 9:05 AM" was called "ISO/Japanese".
    if text.str.match(r"\s*[A-Za-z]{3}").mean() >= 0.5:
        return Detail("month_names")
    return Detail("iso")


def _values_as_names(columns: list[str], lang: Language = "en") -> list[str]:
    """Say when the column names read like answers: a file exported without its header row.

    Its first response then names the columns (``'2026-10-01'``, ``'9'``, ``'good'``) and is
    lost; the NPS question would be ``'9'``.
    """
    if len(columns) < 2:
        return []
    names = pd.Series(columns, dtype=object)
    numbers = names.str.fullmatch(r"\s*[-+]?\d+(?:[.,]\d+)?\s*")
    dates = parse_date_values(names, date_format=None).dates.notna()
    looks = names[numbers | dates]
    if 2 * len(looks) < len(columns):
        return []
    shown = t("run.rows.and", lang).join(
        t("run.rows.value", lang, value=name) for name in looks.head(3)
    )
    return [t("inspect.values_as_names", lang, shown=shown)]


def _who(distinct: int) -> str:
    """Return the detail of an id that names who answered and repeats (account_id)."""
    return Detail("not_per_response", n=f"{distinct:,}")


def is_response_id(info: ColumnInfo) -> bool:
    """Return whether ``info`` can be the response id (an id not repeated by design).

    An id-named column with many values that repeat (``account_id``: one per account, many
    responses each) is an id, never a breakdown, but not the response id: dedupe by it would
    drop every later response of the same account.
    """
    return info.kind == "id" and not info.repeats_by_design


def _unique(distinct: int, n: int) -> str:
    """Return an id's detail: ``unique``, or how many of its values repeat an earlier one."""
    return Detail("unique") if distinct == n else Detail("nearly_unique", n=f"{n - distinct:,}")


def _repeats_note(
    frame: pd.DataFrame, info: ColumnInfo, *, skip: tuple[str, ...] = (), lang: Language = "en"
) -> str | None:
    """Say how many values of an id repeat and whether whole responses repeat with them.

    ``skip``: the date column, which a response exported again may carry anew
    (:func:`nps_kit._id_repeats.same_response_repeats`).
    """
    count, same = same_response_repeats(frame, info.column, skip=skip)
    if not count:
        return None
    exact = same_response_repeats(frame, info.column)[1] if skip else same
    if exact == count:
        why = t("inspect.repeats.exact", lang)
    elif same == count:
        why = t("inspect.repeats.again", lang)
    elif same:
        again = t("inspect.repeats.exactly" if exact == same else "inspect.repeats.or_time", lang)
        why = t(
            "inspect.repeats.some", lang, same=f"{same:,}", again=again,
            differ=f"{count - same:,}",
        )  # fmt: skip
    else:
        why = t("inspect.repeats.differ", lang)
    return t("inspect.repeats", lang, column=info.column, count=f"{count:,}", why=why)


def _number(value: float) -> str:
    """Write a number in full: an id such as 400000000 is not 4e+08."""
    return np.format_float_positional(value, trim="-")


def _cut40(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"


def _sample(answers: _Answers) -> tuple[str, ...]:
    order = np.argsort(-answers.counts, kind="stable")[:_SAMPLE]
    top = answers.values.to_numpy()[order]
    return tuple(_cut40(v) for v in top)


def _groups(answers: _Answers) -> list[list[tuple[str, int]]]:
    """Return a categorical column's values as units and breakdowns group them (QA31 O2).

    ``ホテル Ａ`` and ``ホテルA``, ``SAKURA INN KYOTO`` and ``Sakura Inn Kyoto`` are one unit
    for init and one group for ``score --by`` (:func:`nps_kit._value_key.value_key`): inspect
    counts them as one value too. Each group's spellings, the most written first.
    """
    return list(counted_spellings(pd.Series(answers.counts, index=answers.values)).values())


def _group_sample(
    groups: list[list[tuple[str, int]]],
) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """Return the most answered groups in their main spelling, and each one's other spellings.

    The sample stays answers as written (init proposes consent words from it); the others are
    what ``inspect`` shows beside them: ``'ホテルA' (also 'ホテル A')``.
    """
    totals = np.array([sum(n for _, n in written) for written in groups], dtype="int64")
    top = [[_cut40(text) for text, _ in groups[i]] for i in np.argsort(-totals, kind="stable")]
    return tuple(g[0] for g in top[:_SAMPLE]), tuple(tuple(g[1:]) for g in top[:_SAMPLE])


#: Kinds whose answers are words a respondent chose (a label, a consent, a scale's wording).
