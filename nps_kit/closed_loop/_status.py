"""How the loop is going, from the work file the team returns (:func:`loop_status`)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from nps_kit.closed_loop._list import FollowupList
from nps_kit.closed_loop._reach import URGENCY
from nps_kit.errors import DataError
from nps_kit.i18n import Language, t
from nps_kit.load import row_keys
from nps_kit.text.tokens import said

# --- the loop's status, from the file the team returns --------------------------------------

#: Status words (compared case-insensitively, after trimming and NFKC) that mean "contacted";
#: any ``contacted_at`` date counts as contacted too, unless the status is an attempt. 「済」
#: with no date is the front desk's usual mark (QA24): contacted, on a day not known.
DONE_STATUSES = frozenset(
    {
        "contacted",
        "done",
        "called",
        "phoned",
        "reached",
        "済",
        "済み",
        "電話済",
        "電話済み",
        "closed",
        "resolved",
        "complete",
        "completed",
        "連絡済",
        "連絡済み",
        "対応済",
        "対応済み",
        "完了",
        "解決",
        "解決済",
        "解決済み",
        # The marks a front desk ticks (QA review: "○" and "電話しました" were counted open).
        "○",
        "◯",
        "✓",
        "✔",
        "電話した",
        "電話しました",
        "連絡した",
        "連絡しました",
        # The words German, French, Spanish and Dutch teams write in the work file (QA26:
        # "angerufen" was left open while "called" counts).
        *("angerufen", "erreicht", "erledigt", "kontaktiert", "telefoniert", "gesprochen"),
        *("abgeschlossen", "contacté", "appelé", "joint", "contactado", "llamado"),
        *("gebeld", "bereikt", "gecontacteerd", "afgehandeld"),
    }
)
#: Status words for a try that reached nobody (a voicemail, no answer): the person stays open
#: even with a date, and the report says the team attempted (QA24: 「留守電」 with a date
#: counted as contacted, but a voicemail is not a call).
ATTEMPT_STATUSES = frozenset(
    {
        "attempted",
        "voicemail",
        "left voicemail",
        "left a voicemail",
        "left message",
        "left a message",
        "no answer",
        "no reply",
        "not reached",
        "busy",
        "留守電",
        "留守番電話",
        "留守電あり",
        "不在",
        "不通",
        "応答なし",
        "つながらず",
        "繋がらず",
        # QA26: "Mailbox" with a date counted as contacted.
        *("mailbox", "ab", "anrufbeantworter", "nicht erreicht", "nicht erreichbar", "besetzt"),
        *("keine antwort", "messagerie", "répondeur", "pas de réponse", "buzón de voz"),
        *("sin respuesta", "niet bereikt", "geen antwoord", "ingesproken"),
    }
)


#: Status words that say the person is still to be called: open, and nothing to say about it.
OPEN_STATUSES = frozenset(
    {
        "open",
        "new",
        "todo",
        "to do",
        "pending",
        "in progress",
        "未対応",
        "未連絡",
        "対応中",
        "連絡待ち",
        "保留",
        *("offen", "neu", "in bearbeitung", "ouvert", "en cours", "pendiente", "abierto"),
    }
)


def _status_words(status: pd.Series) -> pd.Series:
    """Return the team's status cells as the word lists hold them: NFKC, trimmed, folded."""
    text = status.astype("string").fillna("")
    return text.map(lambda w: unicodedata.normalize("NFKC", w).strip(" 。.!！").casefold())


@dataclass(frozen=True, eq=False)
class LoopStatus:
    """How far the team got with a follow-up list.

    Attributes
    ----------
    source
        The status file read.
    total
        People in the status file (distinct response ids).
    contacted
        Of those, contacted: a ``contacted_at`` date or a status in :data:`DONE_STATUSES`,
        unless the status is an attempt (:data:`ATTEMPT_STATUSES`).
    close_rate
        ``contacted / total`` in percent (``None`` when the file lists nobody).
    median_days
        Median whole days from the response to ``contacted_at``, over the contacted people with
        both dates (``None`` when there are none).
    timed
        How many contacted people the median is based on.
    open
        Still open, most urgent first: ``response_id``, ``date``, ``age_days``, ``score``,
        ``status``, ``owner``, ``comment`` (from the export when the id is found there).
    contacted_ids
        The response ids counted as contacted (:func:`still_open` leaves them out).
    contacted_on
        Each contacted id's ``contacted_at`` day (``YYYY-MM-DD``), or ``""`` when only its
        status says so: the follow-up list shows them as contacted, never as overdue.
    warnings
        What could not be read in the file (an unreadable date: file, row, column, value), for
        the report's box and the run's warnings; also the ids written as numbers that fit more
        than one of the export's zero-padded ids (:func:`restore_ids`), left unmatched.
    id_note
        When ids written as numbers (``8609``, Excel's re-save of ``0008609``) were matched to
        the export's zero-padded ids: how many, said in the report's language.
    order_note
        When the file's dates read both ways: the order they were read in and why
        (:attr:`nps_kit.followup_files.StatusFile.order_note`), for the report's box.
    """

    source: Path
    total: int
    contacted: int
    close_rate: float | None
    median_days: float | None
    timed: int
    open: pd.DataFrame
    contacted_ids: frozenset[str] = frozenset()
    contacted_on: Mapping[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    order_note: str | None = None
    id_note: str | None = None
    #: Said once each, in the report's language: how many were marked done without a date
    #: (counted, out of the median) and how many were attempts that reached nobody (open).
    entry_notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class LoopRefused:
    """A status file that cannot be used: the report says why instead of failing.

    Attributes
    ----------
    source
        The status file.
    message
        What is wrong and what to do (a :class:`~nps_kit.errors.DataError`'s words).
    """

    source: Path
    message: str


def still_open(followups: FollowupList, status: LoopStatus | None) -> int:
    """Count the people of a follow-up list whom the returned status does not mark contacted.

    The one count of "detractors awaiting follow-up" for the report's summary, the e-mail and
    the overview: once the team returned the work file, those it contacted are no longer
    waiting (QA20: the e-mail said 17 while the report said 13 were still open).

    Parameters
    ----------
    followups
        The period's list (:func:`followup_list`).
    status
        The loop's status (:func:`loop_status`), or ``None`` when no file was returned.

    Returns
    -------
    int
        ``len(followups)`` without a status; otherwise the listed people not contacted.
    """
    if status is None:
        return len(followups)
    ids = followups.rows["response_id"].astype("string")
    return int((~ids.isin(status.contacted_ids)).sum())


def rows_moved(listed: pd.Series, current: pd.Series) -> pd.Series:
    """Tell which row-number ids now point at a response of another day.

    Parameters
    ----------
    listed
        Each listed person's response date as a work or status file holds it (datetimes).
    current
        The date of the row their id names in the export now (datetimes, same index).

    Returns
    -------
    pandas.Series
        ``True`` where both dates are known and fall on different days: the export's rows
        moved (sorted, or a response deleted). Compared by day, so a file whose dates a
        spreadsheet rewrote in its own format (``2026/11/25 22:12``) or without the time
        still matches.
    """
    was = pd.to_datetime(listed, errors="coerce").dt.normalize()
    now = pd.to_datetime(current, errors="coerce").dt.normalize()
    return was.notna() & now.notna() & (was != now)


def _check_rows_in_place(
    status: pd.DataFrame,
    known: pd.DataFrame,
    found: pd.Series,
    source: Path,
    order_note: str | None = None,
) -> None:
    """Refuse row-number ids whose row now holds a response of another day (rows moved)."""
    listed = status["date"].dt.normalize()
    now = pd.Series(pd.NaT, index=status.index, dtype="datetime64[ns]")
    now[found] = known.loc[status.loc[found, "response_id"], "nps_date"].dt.normalize().to_numpy()
    moved = found & rows_moved(listed, now)
    if not moved.any():
        return
    cases = [
        f"response {rid} is dated {was:%Y-%m-%d} in this file but row {rid} of the export is "
        f"dated {is_:%Y-%m-%d}"
        for rid, was, is_ in zip(
            status.loc[moved, "response_id"], listed[moved], now[moved], strict=True
        )
    ]
    raise DataError(
        f"{source}: the response ids are row numbers of the export (it has no id column) and "
        f"{len(cases)} of them no longer point at the response listed: {'; '.join(cases[:5])}"
        + (f"; and {len(cases) - 5} more" if len(cases) > 5 else "")
        + "."
        # The dates may read both ways: which order was taken, so a wrong one can be seen.
        + ("" if order_note is None else f" ({order_note})"),
        hint="The export's rows moved (sorted, or a response deleted), so the team's calls "
        "cannot be matched to the right people safely. Set columns.id to a column unique to "
        "each response (a Google Forms export: columns.id: Timestamp), run the report again "
        "for a new work file and copy the team's entries into it.",
        path=source,
    )


@dataclass(frozen=True)
class RestoredIds:
    """A returned file's ids as the export writes them (:func:`restore_ids`)."""

    #: The file's ids, each zero-stripped one that fits one export id replaced by it.
    ids: pd.Series
    #: File id → export id, for each id replaced.
    restored: Mapping[str, str]
    #: File id → the export ids it fits, for each left as it was because more than one fits.
    ambiguous: Mapping[str, tuple[str, ...]]


def restore_ids(ids: pd.Series, known: pd.Index) -> RestoredIds:
    """Match ids a spreadsheet saved as numbers back to the export's zero-padded ids.

    Excel re-saves a CSV's ``0008609`` as ``8609`` (QA24). An id not among ``known`` that is
    all digits is replaced by the one known id that equals it once both lose their leading
    zeros; when several fit (``0123`` and ``00123``), it is left as it is, unmatched, and
    said. Ids found as they are never change.

    Parameters
    ----------
    ids
        The returned file's ids (text).
    known
        The export's ids (text).

    Returns
    -------
    RestoredIds
        The ids to match, and which were replaced or left unmatched.
    """
    missing = ids[~ids.isin(known) & ids.str.fullmatch(r"\d+").fillna(False).astype(bool)]
    if missing.empty:
        return RestoredIds(ids, {}, {})
    digits = pd.Series(known, index=known).astype("string")
    padded = digits[digits.str.fullmatch(r"0\d+").fillna(False).astype(bool)]
    stems = padded.str.lstrip("0")
    restored: dict[str, str] = {}
    ambiguous: dict[str, tuple[str, ...]] = {}
    for rid in dict.fromkeys(missing):
        fits = tuple(dict.fromkeys(str(k) for k in padded[stems == rid.lstrip("0")]))
        if len(fits) == 1:
            restored[rid] = fits[0]
        elif fits:
            ambiguous[rid] = fits
    return RestoredIds(ids.replace(restored) if restored else ids, restored, ambiguous)


def _id_notes(
    found: RestoredIds, source: Path, lang: Language
) -> tuple[str | None, tuple[str, ...]]:
    """Say the ids restored (a note) and those left unmatched (warnings), in ``lang``."""
    note = None
    if found.restored:
        first = next(iter(found.restored.items()))
        example = f"{first[1]} → {first[0]}"
        note = t("followup.ids_restored", lang, path=source, n=len(found.restored), example=example)
    warnings: tuple[str, ...] = ()
    if found.ambiguous:
        warnings = (
            t(
                "followup.ids_ambiguous",
                lang,
                path=source,
                ids=", ".join(found.ambiguous),
                found=", ".join(k for fits in found.ambiguous.values() for k in fits),
            ),
        )
    return note, warnings


def loop_status(
    status: pd.DataFrame,
    responses: pd.DataFrame,
    *,
    source: Path,
    id_column: str | None,
    comment_column: str | None,
    redact: bool = True,
    as_of: dt.date | None = None,
    warnings: Sequence[str] = (),
    order_note: str | None = None,
    lang: Language = "en",
    listed: Sequence[str] | pd.Series | None = None,
) -> LoopStatus:
    """Measure the loop from a returned status table.

    Parameters
    ----------
    status
        As read by :func:`nps_kit.followup_files.read_status`: ``response_id``, ``status``,
        ``owner``, ``contacted_at`` (datetime) and, when the file has it, ``date``.
    responses
        The unit's responses over all periods (dates, scores and comments of the listed people).
    source
        The status file, for the record.
    id_column, comment_column
        Columns of the export; ``id_column=None`` when the ids are row numbers (``nps_row``, an
        export without ids such as Google Forms). Row numbers are only safe while the export
        keeps its rows in place, so each listed person's ``date`` (the work file has it) must
        still be the date of that row.
    redact
        Redact personal data in the open people's comments (they may come from earlier
        periods, which :func:`nps_kit.unit.prepare_unit` leaves as they are).
    as_of
        Day to count the open people's ages to; default: today.
    warnings
        What could not be read in the file (:meth:`nps_kit.followup_files.StatusFile.warnings`),
        kept in the result for the report's box.
    order_note
        Which order the file's dates that read both ways were read in, and why
        (:attr:`nps_kit.followup_files.StatusFile.order_note`): kept for the report's box,
        and said in the refusal when rows seem to have moved.
    lang
        The report's language, for what is said about ids a spreadsheet saved as numbers
        (:func:`restore_ids`): they are matched back to the export's zero-padded ids when
        only one fits.
    listed
        The response ids of the period's follow-up list (:func:`followup_list`): the close
        rate is then over them, as the e-mail counts (:func:`still_open`), and those the file
        leaves out are still open (QA26: a team returning only the rows it worked on read
        "2 of 4 contacted" while the e-mail said "2 of 14"). ``None``: over the file's rows.

    Returns
    -------
    LoopStatus
        Close rate, median days to contact and the open list.

    Raises
    ------
    DataError
        When the ids are row numbers and a listed person's date is no longer their row's: the
        export's rows moved, so a call could be recorded against the wrong person.
    """
    as_of = as_of or dt.date.today()
    # A blank id is its row's (#12): two blank-id people are two, each found (REVIEW36).
    keys = row_keys(responses, id_column)
    last = ~keys.duplicated(keep="last").to_numpy(dtype=bool)
    known = responses.loc[last].set_axis(pd.Index(keys[last], dtype="string"))
    # Compared as text, as the export writes them: Excel's 8609 is the export's 0008609.
    matched = restore_ids(status["response_id"].astype("string"), known.index)
    id_note, id_warnings = _id_notes(matched, source, lang)
    status = status.assign(response_id=matched.ids).drop_duplicates("response_id", keep="last")
    ids = status["response_id"]
    found = ids.isin(known.index)
    if id_column is None and "date" in status.columns:
        _check_rows_in_place(status, known, found, source, order_note)
    wanted = None if listed is None else pd.Index(pd.Series(listed, dtype="string").dropna())
    if wanted is not None:
        wanted = wanted.unique()
        absent = wanted[~wanted.isin(ids)]
        if len(absent):  # listed, not in the returned file: still open, with nothing typed
            extra = pd.DataFrame(
                {
                    "response_id": pd.Series(absent, dtype=ids.dtype),
                    "contacted_at": pd.Series(
                        pd.NaT, index=range(len(absent)), dtype=status["contacted_at"].dtype
                    ),
                }
            )
            if "date" in status.columns:
                extra["date"] = pd.Series(pd.NaT, index=extra.index, dtype=status["date"].dtype)
            if "contacted_unread" in status.columns:
                extra["contacted_unread"] = False
            status = pd.concat([status, extra], ignore_index=True)
            ids = status["response_id"]
            found = ids.isin(known.index)
    answered_at = pd.Series(pd.NaT, index=status.index, dtype="datetime64[ns]")
    answered_at[found] = known.loc[ids[found], "nps_date"].to_numpy()
    if "date" in status.columns:
        answered_at = answered_at.fillna(status["date"])
    words = _status_words(status["status"])
    done = status["contacted_at"].notna() | words.isin(DONE_STATUSES).fillna(False)
    if "contacted_unread" in status.columns:  # a contact date typed, but not readable
        done |= status["contacted_unread"].astype(bool)
    # A voicemail or no answer is a try, not a contact, even with the day of the try.
    attempted = words.isin(ATTEMPT_STATUSES).fillna(False).astype(bool)
    # A status typed but read as neither contacted, an attempt nor open: said and left open,
    # even with a date (QA26: an unknown "Mailbox" with its day was counted as contacted).
    typed = status["status"].astype("string").fillna("").str.strip()
    known_word = words.isin(DONE_STATUSES | ATTEMPT_STATUSES | OPEN_STATUSES).fillna(False)
    unknown = ((typed != "") & ~known_word).astype(bool)
    done = done.astype(bool) & ~attempted & ~unknown
    # Undated and not already said cell by cell (an unreadable date has its own warning).
    unread = status.get("contacted_unread", pd.Series(False, index=status.index))
    undated = done & status["contacted_at"].isna() & ~unread.astype(bool)
    entry_notes = tuple(
        t(key, lang, n=n)
        for key, n in (
            ("followup.undated_done", int(undated.sum())),
            ("followup.attempts_open", int(attempted.sum())),
        )
        if n
    )
    if unknown.any():
        values = list(dict.fromkeys(typed[unknown].tolist()))
        shown = (
            "、".join(f"「{v}」" for v in values[:5])
            if lang == "ja"
            else ", ".join(f"'{v}'" for v in values[:5])
        )
        entry_notes += (t("followup.status_unread", lang, n=int(unknown.sum()), values=shown),)
    delay = (status["contacted_at"].dt.normalize() - answered_at.dt.normalize()).dt.days
    delay = delay[done & delay.notna()]
    total = len(status) if wanted is None else len(wanted)
    contacted = int(done.sum() if wanted is None else (done & ids.isin(wanted)).sum())
    still = status.loc[~done]
    still_found = still["response_id"].isin(known.index)
    score = pd.Series(pd.NA, index=still.index, dtype="Int64")
    comment = pd.Series("", index=still.index, dtype="string")
    picked = still.loc[still_found, "response_id"]
    score[still_found] = known.loc[picked, "nps_score"].astype("Int64").to_numpy()
    if comment_column is not None and comment_column in known.columns:
        comment[still_found] = said(known.loc[picked, comment_column]).to_numpy()
    if redact:
        from nps_kit.redact import redact as redact_texts

        comment = redact_texts(comment).texts
    when = answered_at[still.index]
    open_rows = pd.DataFrame(
        {
            "response_id": still["response_id"],
            "date": when,
            "age_days": (pd.Timestamp(as_of) - when.dt.normalize()).dt.days.astype("Int64"),
            "score": score,
            "status": still["status"]
            .astype("string")
            .fillna("")
            .mask(
                attempted[still.index],
                still["status"].map(lambda w: t("followup.attempted", lang, status=w)),
            ),
            "owner": still["owner"].astype("string").fillna(""),
            "comment": comment.fillna(""),
        }
    ).sort_values(list(URGENCY), kind="stable", na_position="last")
    open_rows["date"] = open_rows["date"].dt.strftime("%Y-%m-%d").astype("string")
    return LoopStatus(
        source=source,
        total=total,
        contacted=contacted,
        close_rate=100.0 * contacted / total if total else None,
        median_days=float(delay.median()) if len(delay) else None,
        timed=len(delay),
        open=open_rows.reset_index(drop=True),
        contacted_ids=frozenset(str(i) for i in status.loc[done, "response_id"]),
        contacted_on={
            str(rid): "" if pd.isna(day) else f"{day:%Y-%m-%d}"
            for rid, day in zip(
                status.loc[done, "response_id"], status.loc[done, "contacted_at"], strict=True
            )
        },
        warnings=(*warnings, *id_warnings),
        order_note=order_note,
        id_note=id_note,
        entry_notes=entry_notes,
    )
