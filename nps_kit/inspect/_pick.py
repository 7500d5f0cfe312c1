"""Pick the export's NPS, date and language from its columns, and check them."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from typing import Final

import numpy as np
import pandas as pd

from nps_kit._answer_language import AnswerLanguage, answer_language
from nps_kit._values import (
    WORDED_SCORE,
    parse_date_values,
    parse_scores,
)
from nps_kit.i18n import Language, t
from nps_kit.inspect._answers import _header
from nps_kit.inspect._facts import (
    _DATE_DONE,
    _DATE_FIRST,
    _DATE_START,
    _ID_NAME,
    _LOW_ONLY,
    _RECOMMEND,
    _SEQUENCE_NAME,
    ColumnInfo,
)
from nps_kit.load import (
    LoadReport,
)
from nps_kit.score import SEGMENTS

_WORDED_KINDS: Final = frozenset(
    {"categorical", "multi", "consent", "nps_group", "scale", "rating"}
)


def _language(frame: pd.DataFrame, columns: list[ColumnInfo]) -> AnswerLanguage:
    """Return the language of the free-text answers; without any, of the worded answers.

    Without either, the language of the columns' headings (回答日, 推奨度), with no answers
    counted: a Japanese export of ids, dates and scores was English, its ids (``R01000``) read
    as answers in Latin letters (MSG43), and ``init --from`` wrote an English project.
    """
    found = answer_language([frame[c.column] for c in columns if c.kind == "text"])
    if found.answers:
        return found
    found = answer_language([frame[c.column] for c in columns if c.kind in _WORDED_KINDS])
    if found.answers:
        return found
    headed = answer_language([pd.Series([c.column for c in columns], dtype=object)])
    return replace(headed, answers=0, columns=0, others=())


def _date_rank(info: ColumnInfo, source: str) -> tuple[int, int]:
    """Order date columns: the known ones, then any submission time, any other, the start.

    Qualtrics is the exception: its ``StartDate`` comes first. A response the respondent left
    unfinished is recorded (``RecordedDate``, ``EndDate``) when Qualtrics closes it, up to a
    week later and often in the next month, while its answers were given at the start.
    """
    if source == "qualtrics" and info.column == "StartDate":
        return -1, 0
    if info.column in _DATE_FIRST:
        return 0, _DATE_FIRST.index(info.column)
    header = _header(info.column, info.question)
    if _DATE_DONE.search(header):
        return 1, 0
    return (3 if _DATE_START.search(header) else 2), 0


def speaks_of_recommending(info: ColumnInfo) -> bool:
    """Whether a column's header or question speaks of recommending (おすすめ, recommend).

    Half-width kana are read as full-width (ｵｽｽﾒ is おすすめ).
    """
    asked = unicodedata.normalize("NFKC", f"{info.column} {info.question or ''}")
    return _RECOMMEND.search(asked) is not None


def _nps_column(columns: list[ColumnInfo]) -> str | None:
    candidates = [c for c in columns if c.kind in ("nps", "scale")]
    if not candidates:
        return None
    speaking = [c for c in candidates if speaks_of_recommending(c)]
    ranked = speaking or candidates
    # A 0–10 column before one whose answers all stop low (a second recommend question on a
    # 0–5 scale), before a 1–10 scale.
    ranked = sorted(ranked, key=lambda c: (c.kind != "nps", _LOW_ONLY in c.detail))
    return ranked[0].column


#: The answers of a column of NPS segments (NFKC, case-folded), each as its segment: English,
#: Japanese, German (Promotor/Passiver/Kritiker, Förderer/Indifferente/Detraktor), French and
#: Spanish (FIX71: a German CRM's Kritiker was a breakdown explaining the NPS by itself).
_SEGMENT_NAMES: Final = {
    name: segment
    for segment, names in (
        ("promoter", "promoter promoters 推奨者 promotor promotoren förderer promoteur promoteurs"),
        ("promoter", "promotores"),
        ("passive", "passive passives neutral neutrals 中立者 passiver indifferente indifferenter"),
        ("passive", "passif passifs neutre neutres pasivo pasivos neutro neutros"),
        ("detractor", "detractor detractors 批判者 kritiker detraktor detraktoren détracteur"),
        ("detractor", "détracteurs detractores"),
    )
    for name in names.split()
}


def _segment(value: object) -> str | None:
    return _SEGMENT_NAMES.get(unicodedata.normalize("NFKC", str(value)).strip().casefold())


def _segment_names(values: pd.Series) -> bool:
    """Whether a column's distinct answers are NPS segments, promoters and detractors among them."""
    segments = [_segment(v) for v in values]
    return None not in segments and {"promoter", "detractor"} <= set(segments)


def _undated_note(
    frame: pd.DataFrame,
    nps_col: str,
    date_col: str,
    date_format: str | None,
    report: LoadReport,
    missing_values: Sequence[str] | None,
    lang: Language = "en",
) -> str | None:
    """Say how many valid scores have no date read in ``date_col``, as ``score`` does."""
    from nps_kit.load import undated_note

    try:
        dates = parse_date_values(frame[date_col], date_format=date_format, source=report.source)
    except ValueError:
        return None  # the date notes say what is wrong with the dates
    if dates.ambiguous and date_format is None:
        return None  # read both ways: the notes ask for date_format, not for dates
    status = parse_scores(frame[nps_col], missing_values=missing_values or ()).status
    scored = status.astype(str) == "valid"
    count = int((scored.to_numpy(bool) & dates.dates.isna().to_numpy(bool)).sum())
    if not count:
        return None
    return undated_note(count, replace(report, date_column=date_col), lang)


def _group_check(
    frame: pd.DataFrame, nps_col: str, info: list[ColumnInfo], lang: Language = "en"
) -> list[str]:
    """Compare the chosen score with its segment columns (Qualtrics' *_NPS_GROUP, a CRM's)."""
    groups = [c for c in info if c.kind == "nps_group"]
    if not groups:
        return []
    expected = pd.cut(
        parse_scores(frame[nps_col]).score.astype("float64"),
        bins=[-1, 6, 8, 10],
        labels=list(SEGMENTS),
    ).astype("string")
    notes = []
    for group in groups:
        base = group.column.removesuffix("_NPS_GROUP")
        # A CRM's column is not Qualtrics' (whose name says which question it groups): its
        # answers are read as segment names (Promoter, 推奨者 …), the score's or not.
        qualtrics = base != group.column
        cells = frame[group.column]
        given = (
            cells.astype("string").str.strip().str.casefold()
            if qualtrics
            else cells.map(_segment, na_action="ignore").astype("string")
        )
        both = expected.notna() & given.notna()
        agree = int((expected[both] == given[both]).sum())
        if not qualtrics or base == nps_col:
            notes.append(
                t(
                    "inspect.group_agrees" if qualtrics else "inspect.crm_group_agrees", lang,
                    column=nps_col, group=group.column, agree=f"{agree:,}",
                    n=f"{int(both.sum()):,}",
                )
            )  # fmt: skip
        else:
            notes.append(
                t("inspect.group_other", lang, base=base, group=group.column, column=nps_col)
            )
    return notes


def _worded_scores(
    values: pd.Series, missing_values: Sequence[str], lang: Language, *, column: str
) -> list[str]:
    """Say how many scores are written with words after the number, as the loader says it.

    ``10 - Extremely likely`` is read as 10 (:data:`~nps_kit._values.WORDED_SCORE`), and
    ``score`` and ``run`` count them (:attr:`nps_kit.load.LoadReport.worded_rows`); inspect
    says it before (QA44: read silently).
    """
    written = values.astype("string").str.strip()
    valid = (parse_scores(values, missing_values=missing_values).status == "valid").to_numpy()
    worded = written.str.match(WORDED_SCORE.pattern).fillna(False).to_numpy(bool) & valid
    if not worded.any():
        return []
    example = str(written[worded].value_counts().index[0])
    n = f"{int(worded.sum()):,}"
    return [t("load.scores_worded", lang, n=n, column=column, example=example)]


def _counts_on(values: pd.Series) -> bool:
    """Whether a column's numbers, in any order, run on one by one (1700000001, 1700000002 …)."""
    numbers = pd.to_numeric(values.astype("string").str.strip(), errors="coerce").dropna()
    if len(numbers) < 3:
        return False
    steps = np.diff(np.sort(numbers.to_numpy(dtype="float64")))
    return bool((steps == 1).all())


#: What inspect says of a column of epoch times not named as a date (init finds it by it).
EPOCH_TAKEN: Final = "taken as the date column"


def _epoch_column(
    frame: pd.DataFrame, infos: list[ColumnInfo], *, skip: str | None, lang: Language = "en"
) -> tuple[int, str] | None:
    """Find the one column of Unix epoch times not named as a date, with the note saying so.

    Only when no column was taken as the date (the caller's rule): an id column (by its
    name, as an id or a running number) and the score column are never dates, nor whole
    numbers each one more than the last (a record number, not answers a second apart).
    Several such columns: none is guessed.
    """
    from nps_kit.clock import epoch_instants

    found = []
    for k, info in enumerate(infos):
        name = unicodedata.normalize("NFKC", info.column).strip()
        if (
            info.column == skip
            or _ID_NAME.search(info.column)
            or _SEQUENCE_NAME.search(name)
            or info.kind == "date"
        ):
            continue
        read = epoch_instants(frame[info.column])
        if read is not None and read.notna().any() and not _counts_on(frame[info.column]):
            found.append((k, read))
    if len(found) != 1:
        return None
    k, read = found[0]
    name = infos[k].column
    ms = frame[name].astype("string").str.len().max() >= 13
    said = t(
        "inspect.epoch_taken",
        lang,
        column=name,
        taken=EPOCH_TAKEN,
        unit=t("inspect.epoch_ms" if ms else "inspect.epoch_s", lang),
        first=f"{read.min():%Y-%m-%d %H:%M}",
        last=f"{read.max():%Y-%m-%d %H:%M}",
    )
    return k, said
