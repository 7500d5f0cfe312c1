r"""Find double submissions: a form sent twice, the same answers seconds apart.

Google Forms (and other forms without a response id) records a second click on "Submit" as a
second response with every answer equal and a timestamp a few seconds later (QA20: 8 of 892
rows, 2–6 s apart, each then counted twice and listed twice to call back). They are not exact
duplicates (the timestamps differ) and have no id to repeat, so ``dedupe: true`` kept them.
A row is a resubmission when an earlier row has the same value in every column but the date
and was sent at most :data:`RESUBMIT_SECONDS` before it. Two people who happen to give the same
answers are seldom a minute apart; a whole month of "10, no comment" from one clinic is.

Seldom is not never: in a large export of few-valued columns (a warehouse dump of 40,000 rows
of region, channel, score and ``\N``, QA35 O1) many rows share their answers, and some of
them fall within a minute of each other by chance. :func:`chance_pairs` says how many such
pairs chance alone gives: for each set of ``n`` rows with the same answers, ``n(n-1)/2`` pairs,
each within the window with probability ``2 * RESUBMIT_SECONDS / span`` (the export's dates
spread over ``span`` seconds). The pairs found are taken for double submissions only when
chance explains fewer than one (:data:`CHANCE_PAIRS`), or when they are far more than chance
gives (a Poisson tail under :data:`CHANCE_TAIL`); else none is, and the note says why.

Tools that give each submission its own id, link and update time (Delighted, HubSpot: a new
``Response ID``, ``Permalink`` and ``Updated At`` on the second click, QA29 F4) write columns no
two rows share: :func:`per_submission` leaves those out of "every column", so the person (their
e-mail, name, customer number) and their answers decide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal, get_args

import numpy as np
import pandas as pd

from nps_kit._column_facts import ColumnFacts
from nps_kit._values import DateParse, parse_date_values
from nps_kit.i18n import Language, join_names, t

__all__ = [
    "CHANCE_PAIRS",
    "CHANCE_TAIL",
    "DEDUPE_KEEPS",
    "RESUBMISSIONS",
    "RESUBMIT_SECONDS",
    "ChancePairs",
    "DedupeKeep",
    "chance_pairs",
    "dedupe_option",
    "judged_resubmissions",
    "per_submission",
    "resubmission_note",
]

#: Longest gap between a response and its resubmission.
RESUBMIT_SECONDS: Final = 60
#: The ``dedupe`` value (parameters) and ``--dedupe`` value (``nps-kit score``) that also drops
#: double submissions; ``true`` / a bare ``--dedupe`` drops exact duplicates and repeated ids.
RESUBMISSIONS: Final = "resubmissions"
#: Which answer of a repeated id dedupe keeps: the one home of the choice, read by the
#: parameters (``data.dedupe_keep``), ``nps-kit score --dedupe-keep`` and the loader.
DedupeKeep = Literal["earliest", "latest"]
DEDUPE_KEEPS: Final[tuple[str, ...]] = get_args(DedupeKeep)
#: Pairs chance alone may give before the pairs found need to be more than chance gives.
CHANCE_PAIRS: Final = 1.0
#: Largest chance of finding as many pairs as found or more by chance alone, above
#: :data:`CHANCE_PAIRS`, for them still to be double submissions.
CHANCE_TAIL: Final = 0.001


# What a tool writes once per submission: an id token (R_3kX9…, a UUID, 48211003), a link.
_TOKEN: Final = re.compile(r"^(?=[A-Za-z_-]*\d)[A-Za-z0-9_-]{6,}$|^\d+$")
# _TOKEN's first kind with a digit of ASCII, a form Arrow's regex reads alike: one pass for
# "of these characters only, a digit among them", the length of 6 or more counted apart.
_ASCII_TOKEN: Final = "[A-Za-z_-]*[0-9][A-Za-z0-9_-]*"
_LINK: Final = re.compile(r"^https?://\S+$", re.IGNORECASE)
#: Fewest rows a column must fill with distinct values to be one: more than a 0–10 scale has
#: points, so a score or a rating that happens to differ in each row of a small export never is.
_MIN_DISTINCT: Final = 12
# Rows looked at first for a repeated value: a column of answers repeats one early.
_FIRST_ROWS: Final = 1_000
_DAY: Final = 86_400 * 1_000_000_000  # nanoseconds


def _tokens(text: pd.Series) -> bool:
    """Whether every cell is a :data:`_TOKEN` (the cells stripped, none missing).

    An ASCII token (``R_3kX9pQ``, ``R0000001``) is told in C; only the other cells go through
    Python's regex, up to the first that is none (LOAD40: an id column's 200,000 went through
    it one by one; LOAD41: one regex pass, not two).
    """
    ascii_token = text.str.fullmatch(_ASCII_TOKEN) & (text.str.len() >= 6)
    rest = text[~ascii_token.to_numpy(dtype=bool)]
    return all(_TOKEN.match(cell) for cell in rest)


def per_submission(
    frame: pd.DataFrame, *, skip: tuple[str, ...] = (), facts: ColumnFacts | None = None
) -> list[str]:
    """Return the columns a tool writes anew for each submission: ids, links, time stamps.

    A column is one when no two rows share a value (blanks aside; at least
    :data:`_MIN_DISTINCT` of them) and every value is an id
    (a whole number, a token such as ``R_3kX9pQ`` or a UUID), a link (``https://…``) or a date
    (``Updated At``, read as the loader reads dates). A second click on Submit gets new ones,
    so they are no answer a double submission repeats. E-mail addresses, names and free text
    are none of these, so a respondent and what they wrote still have to match.

    Parameters
    ----------
    frame
        The export's rows.
    skip
        Columns not to look at (the date column, which the gap is measured on).
    facts
        The load's memo: a text column's distinct values, hashed once for the duplicate
        check and this one (LOAD41: an id column's 200,000 were hashed twice).

    Returns
    -------
    list of str
        The columns, in the frame's order.
    """
    found = []
    for column in frame.columns:
        if column in skip:
            continue
        whole = frame[column]
        if int(whole.notna().sum()) < _MIN_DISTINCT:
            continue
        # A value repeated among the first filled rows already: no need to hash them all. Any
        # first rows will do (LOAD41: a comment column's blanks were dropped from every row).
        head = whole.iloc[: 2 * _FIRST_ROWS].dropna().iloc[:_FIRST_ROWS]
        if not head.is_unique:
            continue
        if facts is not None and isinstance(whole.array, pd.arrays.ArrowStringArray):
            if not facts.distinct(whole).unique:
                continue
        elif not whole.dropna().is_unique:
            continue
        values = whole.dropna()
        text = values.astype("string").str.strip()
        if _tokens(text) or text.str.match(_LINK).all():
            found.append(column)
        elif parse_date_values(values).dates.notna().all():
            found.append(column)
    return found


@dataclass(frozen=True)
class ChancePairs:
    """Pairs of responses alike within :data:`RESUBMIT_SECONDS` that chance explains.

    ``found`` pairs were sent within the window; ``expected`` is how many chance alone puts
    there (:func:`chance_pairs`), and the Poisson test found ``found`` no more than that: the
    answers are alike, not one person twice (QA35 O1), and ``init`` says so (FIX88).
    """

    found: int
    expected: float

    def said(self) -> str:
        """Say why dedupe stays false, in English (``init``'s comment)."""
        pairs = "pair" if self.found == 1 else "pairs"
        return (
            f"{self.found:,} {pairs} of responses with the same answers were sent within "
            f"{RESUBMIT_SECONDS} seconds of each other, about as many as chance gives "
            f"({self.expected:,.1f} expected from how often answers repeat over the export's "
            "span): different people's answers alike, not double submissions, so dedupe stays "
            "false."
        )


def judged_resubmissions(
    same: np.ndarray,
    dates: pd.Series,
    *,
    exact: np.ndarray,
    date_format: str | None = None,
    timezone: str | None = None,
    facts: ColumnFacts | None = None,
) -> tuple[np.ndarray, ChancePairs | None]:
    """Return, per row, the row it resubmits, and the pairs chance explains, if any.

    Parameters
    ----------
    same
        Per row, the position of the earliest row with the same answers in every column but
        the date (its own when none).
    dates
        The raw date column.
    exact
        Rows that repeat an earlier row exactly (counted as exact duplicates, not here).
    date_format, timezone
        As the loader reads the dates.
    facts
        The load's memo: when every row's date is read, it is read once for this and the
        loader (LOAD41).

    Returns
    -------
    numpy.ndarray
        Positions, its own for a row that resubmits none; a resubmission points to the
        response sent just before it with the same answers (which may itself be a
        resubmission).
    ChancePairs or None
        ``None`` unless pairs were found within the window and judged chance's: then no row
        resubmits another, and ``init`` says how many were found against how many chance
        gives.
    """
    own = np.arange(len(same))
    shared = pd.Series(same[~exact]).duplicated(keep=False).to_numpy()
    rows = own[~exact][shared]
    if len(rows) < 2:
        return own, None
    # Every row's date (the usual case): the column itself, which the loader reads too.
    raw = (dates if len(rows) == len(dates) else dates.iloc[rows]).reset_index(drop=True)
    try:
        parsed = first = _read(raw, date_format, timezone, facts)
        if parsed.ambiguous and date_format is None:
            # Seconds apart on one day: either order gives the same gap.
            parsed = _read(raw, "month-first", timezone, facts)
    except ValueError:
        return own, None
    # Days without a time (an agency's 回答日 as a date cell, QA39; a chain's previous 年度 in
    # 和暦, 令和7年11月3日, beside this year's 2026/04/03 午前 9:05, QA40): two people's same
    # answers on one day are 0 seconds apart, and nothing says a minute. Such a date is read as
    # midnight: it is left out of the window, row by row, so that timed dates elsewhere in the
    # export do not make it a time (a real response sent at 00:00:00 sharp is left out too).
    # Midnight told on the nanoseconds (LOAD41: dt.normalize made a second column of dates).
    nanos = parsed.dates.to_numpy(dtype="datetime64[ns]").view("int64")
    when = parsed.dates.mask((nanos % _DAY == 0) & parsed.dates.notna().to_numpy())
    if when.isna().all():
        return own, None
    table = pd.DataFrame({"key": same[rows], "row": rows, "date": when.to_numpy()})
    window = _within_window(table)
    if not window:
        return own, None
    # When every row but the exact duplicates shares its answers (an export of few-valued
    # columns), chance's dates are those just read, as the loader reads them: not read again.
    known = first.dates if len(rows) == int((~exact).sum()) else None
    expected = chance_pairs(
        same[~exact], dates[~exact], date_format=date_format, timezone=timezone, read=known
    )
    if not _beyond_chance(window, expected):
        # As many as chance gives: answers alike, not one person twice (QA35 O1).
        return own, ChancePairs(window, expected)
    return _linked(table, own), None


def _read(
    raw: pd.Series, date_format: str | None, timezone: str | None, facts: ColumnFacts | None
) -> DateParse:
    """Read ``raw`` as the loader reads dates, through the load's memo when given."""
    if facts is None:
        return parse_date_values(raw, date_format=date_format, timezone=timezone)
    return facts.dates(raw, date_format=date_format, timezone=timezone)


def _within_window(table: pd.DataFrame) -> int:
    """Count the rows sent at most :data:`RESUBMIT_SECONDS` after one with the same answers.

    The dated rows in the order of their answers and date, each row's gap to the row before
    with its answers (LOAD40: a frame's sort and a group-by over 200,000 rows took five times
    as long). Only the count is used, and it is the same whatever the order of the answers'
    groups and of rows sent at the same time (each after the first is 0 s from one before it),
    so one sort of a single number per row does (LOAD41): the group's code, then the time
    (in seconds when every time is whole seconds, as exports write them), when it fits.
    """
    dates = table["date"].to_numpy(dtype="datetime64[ns]")
    dated = ~np.isnat(dates)
    if not dated.any():
        return 0
    key = pd.factorize(table["key"].to_numpy()[dated])[0].astype(np.int64)
    when = dates[dated].view("int64")
    step = 1 if (when % 1_000_000_000).any() else 1_000_000_000
    low, high = int(when.min()), int(when.max())
    width = (high - low) // step + 1  # in Python's integers: no overflow
    if int(key.max()) + 1 <= 2**62 // width:
        when = when // step - low // step  # exact: every time is a multiple of step
        order = np.argsort(key * width + when)
    else:
        step = 1
        order = np.lexsort((when, key))
    key, when = key[order], when[order]
    gap = RESUBMIT_SECONDS * 1_000_000_000 // step
    return int(((key[1:] == key[:-1]) & (when[1:] - when[:-1] <= gap)).sum())


def _linked(table: pd.DataFrame, own: np.ndarray) -> np.ndarray:
    """Point each resubmission at the row with its answers sent just before it."""
    table = table.dropna(subset=["date"]).sort_values(["key", "date", "row"], kind="stable")
    before = table.groupby("key")["date"].shift()
    previous = table.groupby("key")["row"].shift()
    gap = (table["date"] - before).dt.total_seconds()
    again = (gap <= RESUBMIT_SECONDS).fillna(False).to_numpy(dtype=bool)
    out = own.copy()
    out[table["row"].to_numpy()[again]] = previous.to_numpy()[again].astype("int64")
    return out


def chance_pairs(
    same: np.ndarray,
    dates: pd.Series,
    *,
    date_format: str | None = None,
    timezone: str | None = None,
    read: pd.Series | None = None,
) -> float:
    """Return how many pairs of rows with the same answers chance puts within the window.

    Rows with the same answers (``n`` of them) make ``n(n-1)/2`` pairs; with the export's
    dates spread evenly over its span, each pair is at most :data:`RESUBMIT_SECONDS` apart
    with probability ``2 * RESUBMIT_SECONDS / span``. Few-valued columns (a region, a channel,
    a score and no comment) share answers across many rows, so a large export of them has
    such pairs by chance; a written comment, an e-mail or a name make each set small.

    Parameters
    ----------
    same
        Per row, the position of the earliest row with the same answers (its own when none).
    dates
        The raw date column, aligned with ``same``.
    date_format, timezone
        As the loader reads the dates.
    read
        ``dates`` as :func:`nps_kit._values.parse_date_values` reads them with ``date_format``
        and ``timezone``, when already read (``None``: read here).

    Returns
    -------
    float
        The expected number of pairs; ``inf`` when the dates span no time at all.
    """
    sizes = pd.Series(same).value_counts().to_numpy(dtype=float)
    pairs = float((sizes * (sizes - 1) / 2).sum())
    if pairs == 0:
        return 0.0
    if read is None:
        try:
            read = parse_date_values(dates, date_format=date_format, timezone=timezone).dates
        except ValueError:
            return float("inf")
    span = (read.max() - read.min()).total_seconds() if read.notna().any() else 0.0
    if not span > 0:
        return float("inf")
    return pairs * min(1.0, 2 * RESUBMIT_SECONDS / span)


def _beyond_chance(found: int, expected: float) -> bool:
    """Whether ``found`` pairs are more than chance's ``expected`` (Poisson) explains."""
    if expected < CHANCE_PAIRS:
        return True
    if not np.isfinite(expected):
        return False
    # P(X >= found) for X ~ Poisson(expected), summed in logs (expected may be in the 100s).
    terms = [
        k * np.log(expected) - expected - sum(np.log(np.arange(1, k + 1))) for k in range(found)
    ]
    below = float(np.exp(np.logaddexp.reduce(terms))) if terms else 0.0
    return 1.0 - below < CHANCE_TAIL


def dedupe_option(text: str, *, lang: Language = "en") -> str:
    """Read the value of ``nps-kit score --dedupe``: only ``resubmissions`` may follow it.

    A bare ``--dedupe`` is ``dedupe: true``; ``--dedupe resubmissions`` is ``dedupe:
    resubmissions``, so the command offers what the parameters do. ``lang`` is the language
    of the refusal (the command line's, MSG44).

    Raises
    ------
    argparse.ArgumentTypeError
        For any other word (a file name written after ``--dedupe`` lands here too).
    """
    import argparse

    if text == RESUBMISSIONS:
        return text
    raise argparse.ArgumentTypeError(t("usage.score.dedupe", lang, word=RESUBMISSIONS, text=text))


def resubmission_note(
    count: int,
    *,
    option: str = f"dedupe: {RESUBMISSIONS}",
    ignored: tuple[str, ...] | list[str] = (),
    lang: Language = "en",
) -> str:
    """Say that ``count`` double submissions were found and how to drop them.

    One wording for ``nps-kit inspect``, the comment ``init --from`` writes above ``dedupe``
    and ``nps-kit score`` (whose ``option`` is ``--dedupe resubmissions``); ``ignored`` names
    the columns of :func:`per_submission` left out of the comparison. ``lang``: the reader's
    language (catalogue ``resubmit.note``; MSG42).
    """
    if lang == "ja":
        named = join_names([f"「{c}」" for c in ignored], lang)
    else:
        quoted = [repr(c) for c in ignored]
        named = f"{', '.join(quoted[:-1])} and {quoted[-1]}" if len(quoted) > 1 else "".join(quoted)
    return t(
        "resubmit.note",
        lang,
        count=f"{count:,}",
        rows="row repeats" if count == 1 else "rows repeat",
        seconds=RESUBMIT_SECONDS,
        aside=t("resubmit.aside", lang, named=named) if ignored else "",
        option=option,
    )
