"""HTML of the detractor follow-up section: the urgency-sorted list and the loop's status.

The list is a table on wide screens and one card per person on phones (CSS only: every cell
carries its label in ``data-label``; reports have no scripts). The first rows are shown, the rest
sit in a ``<details>`` block: collapsed, never dropped. Every value is escaped.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from html import escape
from pathlib import Path

import pandas as pd
from IPython.display import HTML

from nps_kit.closed_loop import (
    CALL_WITHIN_HOURS,
    FollowupList,
    LoopRefused,
    LoopStatus,
    id_heading,
)
from nps_kit.i18n import Language, shown_redactions, t
from nps_kit.report import folds_rest, keep_terms, nobreak

__all__ = ["FIRST_SCREEN", "followup_html", "loop_status_html"]

#: People shown before the "show the others" fold: the five most urgent fill about two phone
#: screens as cards (REPORT31: twenty took eight of a 46-screen report).
FIRST_SCREEN = 5
#: Between a date and the line under it (each its own block): no half-width space in Japanese.
_SPACE: dict[Language, str] = {"ja": "", "en": " "}
#: The contact-details columns named in the text: each quoted, as a header may hold brackets.
_LIST: dict[Language, str] = {"ja": "、", "en": ", "}
_QUOTED: dict[Language, str] = {"ja": "「{}」", "en": "“{}”"}
#: After a breakdown's name in the profile cell ("受診科：歯科", "Clinic: Oxford").
_KEY_END: dict[Language, str] = {"ja": "：", "en": ": "}
#: The column of the table that holds the person's breakdown values.
PROFILE = "nps_profile"


def _cell(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return "—"
    text = str(value)
    return escape(text) if text != "" else "—"


def _blank(value: object) -> bool:
    return _cell(value) == "—"


def _profile(
    record: Mapping[Hashable, object], facts: Sequence[tuple[str, str]], lang: Language
) -> str:
    """Return the person's breakdown values for one cell: a labelled line each, no blanks."""
    lines = [
        f'<span class="nps-followup__fact"><span class="nps-followup__key">{escape(name)}'
        f"{_KEY_END[lang]}</span>{_cell(record[column])}</span>"
        for column, name in facts
        if not _blank(record[column])
    ]
    # One element: a phone's card lays a cell out as a grid of its label and its content.
    return f'<span class="nps-followup__facts">{"".join(lines)}</span>' if lines else "—"


def _words(value: object) -> str:
    """Return an id of several words (a timestamp id) to wrap between them, not inside."""
    text = _cell(value)
    parts = text.split()
    if len(parts) < 2:
        return text
    words = " ".join(f'<span class="nps-followup__word">{part}</span>' for part in parts)
    return f"<span>{words}</span>"  # one element, as in _profile


#: The first column's heading, kept on one line on a screen (FIX87: 行番号（ファイル）).
_ID_HEAD = ' class="nps-followups__id-head"'


def _table(
    rows: pd.DataFrame,
    columns: Sequence[tuple[str, str]],
    lang: Language,
    profile: Sequence[tuple[str, str]] = (),
) -> str:
    head = "".join(
        f'<th scope="col"{_ID_HEAD if column == "response_id" else ""}>{escape(name)}</th>'
        for column, name in columns
    )
    body = []
    for record in rows.to_dict("records"):
        cells = []
        for column, name in columns:
            value = record.get(column)
            if column == "date" and value and not pd.isna(record.get("age_days")):
                # The age goes under the date, in one column (QA20's 1280 px table had three
                # date columns: the answer, its age and the call-by date).
                days = t("followup.days", lang, n=int(record["age_days"]))
                age = escape(t("followup.age_days", lang))
                text = (
                    f'{_cell(value)}{_SPACE[lang]}<span class="nps-followup__age" title="{age}">'
                    f"{escape(days)}</span>"
                )
            elif column == "call_by" and record.get("done"):
                # The returned status file says this person was contacted: never overdue
                # (QA22: both of Enterprise's contacted people read "(overdue)").
                done = escape(t("followup.contacted", lang))
                text = f'<span class="nps-followup__done">{done}</span>'
                if record["contacted"]:
                    text += (
                        f'{_SPACE[lang]}<span class="nps-followup__due">'
                        f"{escape(record['contacted'])}</span>"
                    )
            elif column == "call_by" and value:
                # The date never wraps at its hyphens; "(overdue)" goes under it, so the column
                # is as wide as a date (QA20's 1280 px table).
                text = f'<span class="nps-followup__due">{escape(str(value))}</span>'
                if record.get("overdue"):
                    text += (
                        f'{_SPACE[lang]}<span class="nps-followup__overdue">'
                        f"{escape(t('followup.overdue', lang))}</span>"
                    )
            elif column == "comment" and isinstance(value, str):
                text = _cell(shown_redactions(value, lang))
            elif column == PROFILE:
                text = _profile(record, profile, lang)
            elif column == "response_id":
                text = _words(value)
            else:
                text = _cell(value)
            kind = "is-num" if column == "score" else "is-text"
            cells.append(
                f'<td class="{kind} nps-followup__{column}" data-label="{escape(name)}">{text}</td>'
            )
        score = record.get("score")
        level = f" nps-followup--s{int(score)}" if score is not None and not pd.isna(score) else ""
        body.append(f'<tr class="nps-followup{level}">{"".join(cells)}</tr>')
    return (
        f'<div class="nps-table-wrap"><table class="nps-table nps-followups__table">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def _folded(
    rows: pd.DataFrame,
    columns: Sequence[tuple[str, str]],
    lang: Language,
    first: int,
    profile: Sequence[tuple[str, str]] = (),
) -> str:
    if not folds_rest(len(rows), first):  # one person left stays in view, as a table's row
        return _table(rows, columns, lang, profile)
    rest = rows.iloc[first:]
    return _table(rows.head(first), columns, lang, profile) + (
        '<details class="nps-followups__more">'
        f"<summary>{escape(t('followup.more', lang, n=len(rest)))}</summary>"
        f"{_table(rest, columns, lang, profile)}</details>"
    )


def _with_call_by(followups: FollowupList, status: LoopStatus | None = None) -> pd.DataFrame:
    """Add each person's call-by date (the response + the playbook's hours), overdue marked.

    A person the returned ``status`` marks contacted is ``done``, with ``contacted`` (the day,
    or ``""``), and is never overdue.
    """
    rows = followups.rows.copy()
    # Judged at each answer's instant, as the alert e-mail judges it (one rule, FIX55).
    found = followups.call_backs()
    due, late = found["call_by"], found["overdue"]
    done = {} if status is None else status.contacted_on
    contacted = [done.get(str(rid)) for rid in rows["response_id"]]
    rows["call_by"] = due.dt.strftime("%Y-%m-%d").fillna("").to_list()
    rows["overdue"] = [bool(x) and c is None for x, c in zip(late, contacted, strict=True)]
    rows["done"] = [c is not None for c in contacted]
    rows["contacted"] = [c or "" for c in contacted]
    return rows


def _details_rule(followups: FollowupList, lang: Language) -> str:
    """Say that a detail left is consent for that means, and how many detractors left none."""
    columns = _LIST[lang].join(_QUOTED[lang].format(c) for c in followups.details)
    text = t("followup.details_rule", lang, columns=columns)
    if followups.unreachable:
        # "Other" than those listed: with nobody listed, none of them left one.
        key = "followup.details_others" if len(followups) else "followup.details_nobody"
        text += _SPACE[lang] + t(key, lang, n=followups.unreachable)
    return text


def _keep_names(escaped: str, names: tuple[str, str] | None) -> str:
    """Keep each work file's name on one line in a note (BROWSE32: ホテル|a_followups.xlsx)."""
    for name in names or ():
        escaped = escaped.replace(escape(name), f'<span class="nps-nb">{escape(name)}</span>')
    return escaped


def followup_html(
    followups: FollowupList,
    *,
    lang: Language,
    work_files: tuple[str, str] | None = None,
    first: int = FIRST_SCREEN,
    alerts: bool = False,
    status: LoopStatus | LoopRefused | None = None,
) -> HTML:
    """Show every person of a follow-up list: count, order, consent, and the list itself.

    Parameters
    ----------
    followups
        The list (:func:`nps_kit.closed_loop.followup_list`).
    lang
        Report language.
    work_files
        File names of the CSV and XLSX work files, mentioned when given.
    first
        People shown before the fold; the others are in a ``<details>`` block.
    alerts
        Whether ``nps-kit alerts`` can work for the unit (an id, and a consent column or contact
        details: :func:`nps_kit.closed_loop.consent_known`): only then is the team pointed to
        the daily alerts.
    status
        The loop's status from the returned file (:func:`nps_kit.closed_loop.loop_status`):
        the people it marks contacted show "Contacted" and the day instead of a call-by date.
        ``None`` or a refused file: everyone has a call-by date.

    Returns
    -------
    IPython.display.HTML
        A ``nps-followups`` block. Each person has a call-by date,
        :data:`~nps_kit.closed_loop.CALL_WITHIN_HOURS` after the response, marked when it has
        passed (:meth:`~nps_kit.closed_loop.FollowupList.call_backs`: at the answer's instant,
        against the moment the list was made, as ``nps-kit alerts`` judges it).
    """
    basis = followups.basis
    n = len(followups)
    parts = ['<div class="nps-followups">']
    if basis is None:
        unknown = t("followup.consent_unknown", lang)
        if followups.names:
            # contact_details named only names (QA23: RecipientFirstName, 氏名): say why they
            # leave consent unknown and what to set, as run and alerts do.
            names = _LIST[lang].join(_QUOTED[lang].format(c) for c in followups.names)
            unknown += _SPACE[lang] + t("followup.names_only", lang, columns=names)
        elif followups.anonymous:
            # An anonymous form (Google Forms: a timestamp and answers, QA44): "check consent
            # before contacting anyone" left the team looking for a way that is not there.
            # Or one whose id column is blank on every response (REVIEW45).
            blank = followups.id_name is not None
            heading = id_heading(followups.id_name, lang, label=followups.id_label)
            said = t("followup.no_way_to_reach_blank", lang, name=heading) if blank else None
            unknown += _SPACE[lang] + (said or t("followup.no_way_to_reach", lang))
        parts.append(
            '<div class="nps-callout nps-callout--warning" role="alert">'
            f"<p>{escape(unknown)}</p></div>"
        )
    # One word per basis (closed_loop.ContactBasis), as the e-mail and the alert word it:
    # without a consent question, a detail left is consent for that means, said with the
    # columns read and how many detractors left none (the alerts' rule, closed_loop).
    kind = {"consent": "known", "details": "details", None: "unknown"}[basis]
    if n == 0:
        empty = t(f"followup.none_{kind}", lang)
        if basis == "consent" and followups.declined:
            # Detractors there were: say why nobody is listed and what is left to do (QA26 #21).
            empty = t("followup.none_declined", lang, n=f"{followups.declined:,}")
        if basis == "details":
            empty += _SPACE[lang] + _details_rule(followups, lang)
        parts.append(f'<p class="nps-empty">{escape(empty)}</p></div>')
        return HTML("".join(parts))
    count = t(f"followup.count_{kind}", lang, n=f"{n:,}")
    call_rule = t("followup.call_rule", lang, hours=CALL_WITHIN_HOURS)
    if followups.date_label is not None:
        # A check-out day is not when the answer came: no call-by is counted from it (QA44).
        label = _QUOTED[lang].format(followups.date_label)
        call_rule = t("followup.call_rule_other_date", lang, hours=CALL_WITHIN_HOURS, label=label)
    notes = [t("followup.order", lang, as_of=followups.as_of.isoformat())]
    if basis == "details":
        notes.insert(0, _details_rule(followups, lang))
    if work_files is not None:
        notes.append(t("followup.work_file", lang, csv=work_files[0], xlsx=work_files[1]))
    if followups.unlisted is not None:
        # Consent known, no way to reach anyone configured (QA25 A-4): say where to look. What
        # to set is the analyst's, on run's output (FIX87: contact_details_warning), not the box's.
        key = "followup.no_details" if followups.id_name else "followup.no_details_row"
        notes.append(t(key, lang, name=followups.id_name or id_heading(None, lang)))
    if alerts:
        notes.append(t("followup.alerts", lang))
    # Who and by when stay in view; how the list is ordered, the work files and the alerts are
    # read once, so they wait in a fold (REPORT31: the box took more than a phone screen).
    parts.append(
        '<div class="nps-callout nps-callout--action" role="note">'
        f"<p><strong>{escape(count)}</strong></p><p>{nobreak(escape(call_rule))}</p>"
        f'<details class="nps-followups__notes"><summary>{escape(t("followup.notes", lang))}'
        "</summary>"
        + "".join(f"<p>{_keep_names(nobreak(escape(t)), work_files)}</p>" for t in notes)
        + "</details></div>"
    )
    id_name = id_heading(followups.id_name, lang, label=followups.id_label)
    loop = status if isinstance(status, LoopStatus) else None
    rows = _with_call_by(followups, loop)
    columns = [
        ("response_id", id_name),
        ("date", followups.date_label or t("followup.date", lang)),
        ("call_by", t("followup.call_by", lang)),
        ("score", t("followup.score", lang)),
        # What the person said before who they are (EC's four breakdowns pushed the comment
        # out of sight at 1280 px).
        ("comment", t("followup.comment", lang)),
        ("themes", t("followup.themes", lang)),
    ]
    if followups.breakdowns:
        # Who they are in one column, a labelled line per breakdown: a column each scrolled
        # sideways at 1280 px and was cut on paper (QA23: a timestamp id and three breakdowns,
        # 受診科 and 年代 behind the scroll shadow), whatever the number of breakdowns.
        columns.append((PROFILE, t("followup.profile", lang)))
    if followups.date_label is not None and not rows["done"].any():
        columns = [c for c in columns if c[0] != "call_by"]
    parts.append(_folded(rows, columns, lang, first, followups.breakdowns))
    if followups.id_name is None:
        parts.append(_rows_note(id_name, lang))
    elif followups.blank_ids:
        # Some ids were blank: those rows are named by their row (#12), said once (REVIEW36).
        parts.append(_rows_note(id_name, lang, key="followup.blank_id_note"))
    parts.append("</div>")
    return HTML("".join(parts))


def _rows_note(heading: str, lang: Language, *, key: str = "followup.rows_note") -> str:
    """Say once under a list whose ids are the export's row numbers that it has no id column.

    Google Forms exports have none: the column then holds the file's rows, headed as such
    (:func:`~nps_kit.closed_loop.id_heading`), never as response ids (BROWSE35). With
    ``followup.blank_id_note``: some ids were blank, and ``#12`` is such a response's row.
    """
    note = escape(t(key, lang, name=heading))
    # The heading kept on one line, as the column says it (「行番号|（ファイル）」 at 390 px).
    whole = f'<span class="nps-nb">{escape(heading)}</span>'
    return f'<p class="nps-followups__rows-note">{note.replace(escape(heading), whole, 1)}</p>'


def _named(message: str, source: Path) -> str:
    """Name the status file by its name in the report (which travels), not the server's path."""
    return message.replace(str(source), source.name)


def loop_status_html(
    status: LoopStatus | LoopRefused,
    *,
    lang: Language,
    first: int = FIRST_SCREEN,
    rows: bool = False,
    date_label: str | None = None,
) -> HTML:
    """Show the close rate, the median days to contact and the still-open list.

    Parameters
    ----------
    status
        From :func:`nps_kit.closed_loop.loop_status` (its unreadable cells are said above the
        figures), or a :class:`~nps_kit.closed_loop.LoopRefused`: the box then says why the
        file was not used and what to do.
    lang
        Report language.
    first
        Open people shown before the fold.
    rows
        The ids are the export's row numbers (no ``columns.id``): the still-open list heads
        them as rows in the file and says once under it that the export has no id column.
    date_label
        The date column's label when its date is not the answer's
        (:func:`~nps_kit.closed_loop.other_date_label`): heads the still-open list's dates.

    Returns
    -------
    IPython.display.HTML
        A ``nps-loop`` block.
    """
    title = f"<h3>{escape(t('followup.loop_title', lang, file=status.source.name))}</h3>"
    if isinstance(status, LoopRefused):
        return HTML(
            f'<section class="nps-loop">{title}'
            '<div class="nps-callout nps-callout--warning" role="alert">'
            f"<p><strong>{escape(t('followup.loop_refused', lang))}</strong></p>"
            f"<p>{escape(_named(status.message, status.source))}</p></div></section>"
        )
    rate = "—" if status.close_rate is None else f"{status.close_rate:.1f}%"
    median = (
        "—" if status.median_days is None else t("followup.days", lang, n=f"{status.median_days:g}")
    )
    cards = [
        (
            t("followup.close_rate", lang),
            rate,
            t("followup.close_note", lang, total=status.total, contacted=status.contacted),
        ),
        (t("followup.median", lang), median, t("followup.median_note", lang, n=status.timed)),
        (
            t("followup.open", lang),
            t("followup.people", lang, n=len(status.open)),
            t("followup.open_note", lang),
        ),
    ]
    kpis = "".join(
        f'<div class="nps-kpi"><div class="nps-kpi__label">{escape(a)}</div>'
        f'<div class="nps-kpi__value">{escape(b)}</div>'
        f'<div class="nps-kpi__note">{escape(c)}</div></div>'
        for a, b, c in cards
    )
    parts = ['<section class="nps-loop">', title]
    if status.warnings:
        parts.append(
            '<div class="nps-callout nps-callout--warning" role="alert">'
            f"<p><strong>{escape(t('followup.loop_unreadable', lang))}</strong></p>"
            + "".join(f"<p>{escape(_named(w, status.source))}</p>" for w in status.warnings)
            + "</div>"
        )
    for note in (status.order_note, status.id_note, *status.entry_notes):
        if note:
            said = keep_terms(escape(_named(note, status.source)))  # 「済」などの on one line
            parts.append(f'<p class="nps-loop__note">{said}</p>')
    parts.append(f'<div class="nps-kpis">{kpis}</div>')
    if len(status.open):
        id_name = id_heading(None, lang) if rows else t("followup.response_id", lang)
        columns = [
            ("response_id", id_name),
            # The date cell shows the age under it: no Age column saying it again (QA23).
            ("date", date_label or t("followup.date", lang)),
            ("score", t("followup.score", lang)),
            ("status", t("followup.status", lang)),
            ("owner", t("followup.owner", lang)),
            ("comment", t("followup.comment", lang)),
        ]
        parts.append(f"<h4>{escape(t('followup.open_title', lang))}</h4>")
        parts.append(_folded(status.open, columns, lang, first))
        if rows:
            parts.append(_rows_note(id_name, lang))
    parts.append("</section>")
    return HTML("".join(parts))
