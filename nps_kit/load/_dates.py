"""Dates the loader cannot place in a period.

Unreadable date cells (:class:`UnreadableDates`, refused under ``strict``), answers with a blank
or no date (:func:`undated_answers`, :func:`undated_note`), the dates of resubmitted rows, and
dates that contradict the day/month order they were read in (:func:`order_contradicted`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import pandas as pd

from nps_kit._schema_errors import Listed
from nps_kit._values import DATE_EXAMPLES, DAY_FIRST, MONTH_FIRST, DateParse, parse_date_values
from nps_kit.errors import DataError, Saying
from nps_kit.i18n import Language, t
from nps_kit.load._frame import export_column

if TYPE_CHECKING:
    from nps_kit.load._report import LoadReport

_DATE_EXAMPLES: Final = 3


# What a cell needs to be a Japanese-era date (ERA_RE, or an era's name first): a character past
# ASCII (an era's name, a full-width or compatibility letter that NFKC makes R, H, S, T or M), or
# an era letter with nothing alphanumeric before it (a pure-ASCII cell is its own NFKC, and
# stripping takes only whitespace).
_ERA_CANDIDATE: Final = r"[^\x00-\x7F]|^[^0-9A-Za-z]*[RHSTMrhstm]"


@dataclass(frozen=True)
class UnreadableDates:
    """Responses whose date cell has a value that could not be read as a date.

    Such a response has no ``nps_date``, so it belongs to no period: every monthly figure leaves
    it out. Every flow that reads an export says so in these words (:meth:`message`,
    :meth:`hint`): ``nps-kit score``, the report's headline and data-quality table, the run
    summary.

    Attributes
    ----------
    column
        The date column.
    count
        Responses whose date could not be read.
    total
        Responses looked at, or ``None`` when not worth saying.
    examples
        Up to three distinct unreadable cells, as written.
    """

    column: str
    count: int
    total: int | None
    examples: tuple[str, ...]

    def message(self, lang: Language = "en") -> str:
        """Say how many dates could not be read, with examples, and what that does."""
        quote = (lambda v: f"「{v}」") if lang == "ja" else repr
        sep = "、" if lang == "ja" else ", "
        return t(
            "load.dates_unparsed",
            lang,
            column=quote(self.column),
            count=f"{self.count:,}",
            of=""
            if self.total is None
            else t("load.dates_unparsed_of", lang, total=f"{self.total:,}"),
            examples=sep.join(quote(v) for v in self.examples),
            # "1 response has", "1 of 9 responses has", "2 responses have"
            responses=("response" if self.total is None and self.count == 1 else "responses")
            + (" has" if self.count == 1 else " have"),
        )

    def hint(self, lang: Language = "en") -> str:
        """Say what to do: the forms nps-kit reads, or a ``date_format`` pattern."""
        return t("load.dates_unparsed_hint", lang)

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form: ``column``, ``count``, ``total``, ``examples``, ``message``, ``hint``."""
        return {
            "column": self.column,
            "count": self.count,
            "total": self.total,
            "examples": list(self.examples),
            "message": self.message(),
            "hint": self.hint(),
        }


def unreadable_dates(
    raw: pd.Series, dates: pd.Series, *, column: str, total: int | None = None
) -> UnreadableDates | None:
    """Find the rows whose date cell has a value but no date was read from it.

    Parameters
    ----------
    raw
        The date column as read from the export.
    dates
        The parsed dates (``nps_date``), aligned with ``raw``.
    column
        The date column's name, for messages.
    total
        Responses these rows are part of, for the message (``None``: not said).

    Returns
    -------
    UnreadableDates or None
        ``None`` when every non-blank cell was read.
    """
    blank = raw.isna() | (raw.astype("string").str.strip() == "").fillna(True)
    bad = dates.isna() & ~blank
    count = int(bad.sum())
    if not count:
        return None
    shown = pd.unique(raw[bad].astype("string").str.strip())[:_DATE_EXAMPLES]
    examples = tuple(v if len(v) <= 40 else v[:39] + "…" for v in map(str, shown))
    return UnreadableDates(column, count, total, examples)


def blank_dated_answers(data: pd.DataFrame, date_column: str) -> int:
    """Count the valid scores whose date cell is blank (the unreadable ones have their warning)."""
    raw = data[export_column(date_column)]
    blank = raw.isna() | raw.astype("string").str.strip().fillna("").eq("")
    return int(((data["nps_status"].astype(str) == "valid") & blank).sum())


def undated_answers(data: pd.DataFrame) -> int:
    """Count the valid scores whose response has no date read (blank or unreadable).

    They count in every total but in no period: ``score --period``'s ``(all)`` holds them and
    its months do not, and a unit's report, which is of a period, leaves them out (QA35 O2:
    LimeSurvey's incomplete responses have no ``submitdate``). ``0`` without ``nps_date``.
    """
    if "nps_date" not in data.columns:
        return 0
    valid = data["nps_status"].astype(str) == "valid"
    return int((valid & data["nps_date"].isna()).sum())


def undated_note(count: int, report: LoadReport, lang: Language = "en") -> str:
    """Say that ``count`` valid scores are in no period, and what to do about it.

    One wording for ``nps-kit score`` and ``nps-kit inspect``, in the reader's ``lang``
    (MSG42); a LimeSurvey export dated by its ``submitdate`` is told that these are its
    incomplete responses and how to leave them out or date them.
    """
    column = report.date_column
    answers = "answer" if count == 1 else "answers"
    out = t("load.undated", lang, count=f"{count:,}", answers=answers, column=column)
    if report.finished_column is not None and report.finished_column == column:
        last = "datestamp" if column == "submitdate" else "Date last action"
        return out + t("load.undated_limesurvey", lang, column=column, last=last)
    return out + t("load.undated_fill", lang)


def _dates_of(
    dates: pd.Series,
    rows: np.ndarray,
    *,
    date_format: str | None,
    timezone: str | None,
    source: str | None,
) -> pd.Series:
    """Read the dates of ``rows`` (a mask) as the loader reads the column; NaT elsewhere.

    NaT for all when they cannot be read (the loader says why when it reads the whole column).
    """
    out = pd.Series(pd.NaT, index=dates.index, dtype="datetime64[ns]")
    if not rows.any():
        return out
    try:
        parsed = parse_date_values(
            dates[rows], date_format=date_format, timezone=timezone, source=source
        )
    except ValueError:
        return out
    out[rows] = pd.to_datetime(parsed.dates).to_numpy()
    return out


def order_contradicted(dates: DateParse, column: str, path: Path | None) -> DataError:
    """Build the error for a ``date_format`` order that the column's dates contradict.

    Parameters
    ----------
    dates
        A parse whose ``contradicted`` is set (:func:`nps_kit._values.parse_date_values`).
    column
        The date column.
    path
        The export, named first in the message; ``None`` leaves it out.

    Returns
    -------
    DataError
        Naming the column, two cells, the order they read in and the option to use.
    """
    assert dates.contradicted is not None
    asked = DAY_FIRST if dates.contradicted == MONTH_FIRST else MONTH_FIRST
    place = "first" if dates.contradicted == DAY_FIRST else "second"
    values: dict[str, object] = {
        "column": column,
        "read": dates.contradicted,
        "asked": asked,
        "against": f"{dates.against:,}",
        "decided": f"{dates.decided:,}",
        "place": Saying(f"load.dates_place_{place}"),
        "examples": Saying(
            f"load.dates_examples_{len(dates.contradicting)}",
            dict(zip("ab", dates.contradicting, strict=False)),
        ),
    }
    if path is not None:
        values["path"] = path
    return DataError(
        said=Saying(
            "load.dates_contradicted" if path is not None else "load.dates_contradicted_here",
            values,
            "load.dates_contradicted_hint",
            {"read": dates.contradicted},
        ),
        path=path,
    )


def _check_dates(raw: pd.Series, dates: Any, column: str, path: Path) -> None:
    """Refuse a date column that reads both ways or of which no cell could be read."""
    if dates.contradicted is not None:
        raise order_contradicted(dates, column, path)
    present = raw[raw.notna() & (raw.astype("string").str.strip() != "")]
    if not dates.ambiguous and (not len(present) or dates.dates.notna().any()):
        return  # the usual case: no examples to quote, so none are looked for
    samples = Listed([str(v) for v in pd.unique(present)[:3]])
    if dates.ambiguous:
        raise DataError(
            said=Saying(
                "load.dates_ambiguous",
                {"path": path, "column": column, "samples": samples},
                "load.dates_ambiguous_hint",
            ),
            path=path,
        )
    if len(present) and dates.dates.notna().sum() == 0:
        raise DataError(
            said=Saying(
                "load.dates_unread",
                {
                    "path": path,
                    "column": column,
                    "samples": samples,
                    "forms": Saying("load.date_forms", dict(DATE_EXAMPLES)),
                },
                "load.dates_unread_hint",
            ),
            path=path,
        )
