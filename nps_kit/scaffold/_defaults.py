"""The text of ``parameters/defaults.yaml`` that ``init --from`` writes.

Every choice filled in and commented, each comment kept on its comment lines.
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from nps_kit._consent import asks_refusal
from nps_kit._id_repeats import id_repeat_count, same_response_repeats
from nps_kit._init_words import in_language
from nps_kit._yaml import scalar
from nps_kit.closed_loop import record_note
from nps_kit.errors import DataError
from nps_kit.i18n import t
from nps_kit.inspect import ColumnInfo, Inspection, coded_scores
from nps_kit.scaffold._columns import _TOP_N, _comment, _permissions, proposed_columns
from nps_kit.scaffold._data_lines import (
    _alerts_lines,
    _attach_comment,
    _consent_words_lines,
    _exclude_lines,
    _fiscal_lines,
    _no_answer_words,
    _refusal_words_lines,
    _resubmission_lines,
    _scale_split_lines,
    _score_why,
    _unfinished_lines,
    _weight_lines,
)
from nps_kit.scaffold._dates import (
    _date_format_lines,
    _date_order,
    _named_zones,
    _no_date_column,
    _timezone_lines,
    _written_zone,
)
from nps_kit.scaffold._questions import _numeric_note, _question_lines
from nps_kit.text._layer import trained
from nps_kit.text.packs import PACKS

if TYPE_CHECKING:
    from nps_kit.scaffold._dates import _OffsetZones


def _one_line_comments(lines: list[str]) -> list[str]:
    """Keep each comment of a parameter file on its comment lines.

    A header written on two lines (a long question broken in the form, QA30) quoted in a
    comment would end the comment at its line break, and its second line would be read as
    YAML. The part after such a break joins the comment line before it; values are written
    with :func:`nps_kit._yaml.scalar`, which escapes line breaks.
    """
    out: list[str] = []
    for line in lines:
        parts = line.splitlines() or [""]
        if not parts[0].lstrip().startswith("#"):
            out.append(line)
            continue
        kept = [parts[0]]
        for part in parts[1:]:
            if part.lstrip().startswith("#"):
                kept.append(part)
            else:
                kept[-1] = f"{kept[-1]} {part.strip()}".rstrip()
        out.append("\n".join(kept))
    return out


def _defaults_text(
    found: Inspection,
    export: Path,
    folder: Path,
    pack: str | None,
    unit_column: str | None,
    comment: tuple[ColumnInfo | None, str],
    *,
    only_other: frozenset[str] = frozenset(),
    zones: _OffsetZones | None = None,
    languages: str | None = None,
    others: Sequence[str] = (),
) -> str:
    report = found.load
    score = found.column(found.nps_column) if found.nps_column else None
    if score is None:
        lang = found.language  # as init writes the project (MSG43)
        raise DataError(
            t("init.no_score", lang, export=export, columns=found.listing(lang))
            + coded_scores(found, lang),
            hint=t("init.no_score_hint", lang),
            path=export,
        )
    if found.date_column is None:
        raise _no_date_column(found, export)
    date = found.column(found.date_column)
    chosen = proposed_columns(found)
    comment_info, comment_why = comment
    id_info, id_said, shared = chosen.id, chosen.id_said, chosen.shared
    renumbered = chosen.renumbered
    customer, contact, unread = chosen.customer, chosen.contact, chosen.unread
    details, reach = list(chosen.details), chosen.reach
    date_order, order_why = _date_order(found, date)
    path = Path(os.path.relpath(export.resolve(), folder.resolve())).as_posix()
    lines = [
        "# Defaults for every unit of this folder, written by `nps-kit init --from` from",
        f"# {export.name}. Every choice below was detected from the export; the comment says why,",
        "# so correct whatever is wrong. `nps-kit inspect` shows the whole export again.",
        "# Each parameters/<unit>.yaml is deep-merged over this file (lists replace).",
        "",
        "# Report language, detected from the answers"
        + ("" if found.spoken is None else f" ({found.spoken.describe()})")
        + ".",
        "# Set once here, the readers' language for every unit; init notes in a unit's file",
        "# when its customers answer mostly in another language, and does not switch it.",
        f"language: {found.language}",
        *_other_language_lines(others, found.language),
        "",
        *_timezone_lines(
            found.language,
            date_order,
            written=_written_zone(found, date),
            zones=zones,
            named=_named_zones(found),
        ),
        "",
        "data:",
        # FIX31: inspect's note on an export of Qualtrics codes, repeated where it is read.
        *(f"  # {line}" for line in textwrap.wrap(_numeric_note(found) or "", 96)),
        "  # The inspected export (relative to this folder).",
        *(
            [
                f"  # Its first {report.title_rows} row(s) are a title above the table "
                f"({report.title!r}): skipped on every read, the column names are row "
                f"{report.title_rows + 1}."
            ]
            if report.title_rows
            else []
        ),
        f"  path: {scalar(path)}",
        "  # XLSX sheet name or 0-based index; null = first sheet.",
        f"  sheet: {scalar(report.sheet)}",
        "  # Text encoding"
        + (f" (detected: {report.encoding})" if report.encoding else "")
        + "; null = detect again.",
        f"  encoding: {scalar(report.encoding)}",
        *_exclude_lines(found),
    ]
    lines += _date_format_lines(date, date_order, order_why)
    mojibake = report.mojibake_cells
    dupes = report.duplicate_rows
    # Counted as run counts them (FIX53: 'none found' here, 69 repeats of 会員ID there).
    id_repeats = id_repeat_count(found.data[id_info.column]) if id_info else 0
    # Exact duplicate rows under a response id that repeats nowhere else are one response
    # read twice (init's id never repeats in rows that differ: repeats_differ above); so are
    # rows equal but for their time under a repeated id (QA31 F5: exported again later).
    exact = dupes if id_info is not None and 0 < id_repeats <= dupes else 0
    if id_info is not None and id_repeats and not exact:
        skip = (date.column,)
        count, same = same_response_repeats(found.data, id_info.column, skip=skip)
        exact = same if count and same == count else 0
    said = _no_answer_words(found.data[score.column])
    lines += [
        "  # More score answers that mean 'no answer' (blank, NA, N/A, -, 無回答 already do),",
        '  # e.g. ["Don\'t know", わからない].' + (" Found in the score column." if said else ""),
        f"  missing_values: [{', '.join(scalar(w) for w in said)}]",
        "  # Repair text garbled by a double decoding ('Â¡' for '¡'): "
        + (f"{mojibake:,} such cells found." if mojibake else "none found."),
        f"  fix_text: {scalar(mojibake > 0)}",
        "  # Drop exact duplicate responses and repeated ids: "
        + (
            f"{dupes:,} exact duplicate rows found."
            if dupes
            else "no exact duplicate rows."
            if id_repeats
            else "none found."
        ),
        *textwrap.wrap(
            f"{id_info.column!r} repeats in {id_repeats:,} of {len(found.data):,} rows (a "
            "returning customer's answers): true would drop all but each id's first."
            if id_info and id_repeats and not exact
            else f"{id_info.column!r} repeats in {id_repeats:,} of {len(found.data):,} rows, "
            "each with every answer of an earlier row but its time: the same response exported "
            "again."
            if id_info and exact and not dupes
            else "",
            96,
            initial_indent="  # ",
            subsequent_indent="  # ",
        ),
        *_resubmission_lines(found, exact=exact),
        *_unfinished_lines(found),
        "",
        "columns:",
        f"  # {_comment(score)}",
        *_score_why(found, score),
    ]
    no_zero = t("inspect.no_zero", "en", column=score.column)  # _score_why says it
    lines += [
        f"  # {note}"
        for note in found.notes
        if ("NPS" in note or "_NPS_GROUP" in note) and note != no_zero
    ]
    lines += _scale_split_lines(found, score.column)
    lines += [
        f"  score: {scalar(score.column)}",
        f"  # {_comment(date)} ({date.detail}"
        + (
            f"; {found.date_min:%Y-%m-%d} to {found.date_max:%Y-%m-%d}"
            if found.date_min is not None and found.date_max is not None
            else ""
        )
        + ").",
        *(f"  # WARNING: {n}" for n in found.date_notes if n.startswith(f"{date.column}:")),
        *(
            [
                "  # When the response was given: Qualtrics records an unfinished response",
                "  # (RecordedDate, EndDate) when it closes it, up to a week later.",
            ]
            if report.source == "qualtrics" and date.column == "StartDate"
            else []
        ),
        f"  date: {scalar(date.column)}",
        "  # "
        + (
            f"{_comment(id_info)}: "
            + ("unique per response." if id_said == "unique" else f"{id_said}.")
            if id_info
            else "No id column found: the detractor list shows the row number in the file."
        ),
        *(
            textwrap.wrap(id_info.note, 96, initial_indent="  # ", subsequent_indent="  # ")
            if id_info and id_info.note
            else []
        ),
        *(
            textwrap.wrap(chosen.running, 96, initial_indent="  # ", subsequent_indent="  # ")
            if chosen.running
            else []
        ),
        *(
            textwrap.wrap(
                f"{shared.column!r} is not the id: {shared.repeats_differ:,} of its values "
                "repeat in rows that differ (a returning customer), so a later response would "
                "be taken for one already seen (alerts skip it, dedupe drops it).",
                96,
                initial_indent="  # ",
                subsequent_indent="  # ",
            )
            if shared
            else []
        ),
        *(
            textwrap.wrap(
                f"{renumbered.column!r} is not the id: "
                f"{len(found.data) - renumbered.blanks - renumbered.distinct:,} of its "
                f"{len(found.data) - renumbered.blanks:,} numbers repeat an earlier one "
                "(numbered again per form or per export), so a later response would be taken "
                "for one already seen (alerts skip it, dedupe drops it).",
                96,
                initial_indent="  # ",
                subsequent_indent="  # ",
            )
            if renumbered
            else []
        ),
        *(
            line
            for c in customer[:1]
            for line in textwrap.wrap(
                f"{c.column!r} is not the id: a customer number names who answered, not the "
                "response.",
                96,
                initial_indent="  # ",
                subsequent_indent="  # ",
            )
        ),
        f"  id: {scalar(id_info.column if id_info else None)}",
        f"  # {comment_why}",
        f"  comment: {scalar(comment_info.column if comment_info else None)}",
        "  # "
        + (
            f"{_comment(contact)}: yes = do not contact, read the other way round (contact:)."
            if contact and asks_refusal(contact.column)
            else f"{_comment(contact)}: yes/no answers about being contacted."
            if contact
            else "No contact/consent column found: the report lists detractors and says that"
        ),
    ]
    if contact is None:
        lines.append("  # consent to contact them is unknown.")
        recorded_said = record_note(chosen.recorded)
        if recorded_said is not None:
            lines += textwrap.wrap(
                f"{recorded_said}.", 96, initial_indent="  # ", subsequent_indent="  # "
            )
        # Not "no consent column" as if none was seen (QA27 #6): the yes/no one named, and why.
        lines += [
            line
            for c in _permissions(found)[:1]
            for line in textwrap.wrap(
                f"{c.column!r} (yes/no) is not used: it reads as an e-mail marketing opt-in, not "
                "consent to be contacted about the answer. Set contact to it yourself only if "
                "your survey asked that.",
                96,
                initial_indent="  # ",
                subsequent_indent="  # ",
            )
        ]
    words = _consent_words_lines(unread) if unread is not None else []
    if contact is not None and asks_refusal(contact.column):
        words = _refusal_words_lines(contact)
    if unread is not None:
        answers = ", ".join(repr(v) for v in unread.sample)
        lines += textwrap.wrap(
            f"{unread.column!r} asks for consent to contact, but its answers ({answers}) do "
            + (
                "not read as yes or no: check the contact: lines below, which say which answer "
                "grants contact, and set contact to it."
                if words
                else "not read as yes or no: recode them to Yes/No (はい/いいえ) in the export "
                "and set contact to it."
            )
            + " Until then no contact details are offered: they would list people who said no.",
            96,
            initial_indent="  # ",
            subsequent_indent="  # ",
        )
    lines.append(f"  contact: {scalar(contact.column if contact else None)}")
    # A column unique in every row that no id rule took (a number not named as one): said by
    # name rather than "no column unique" (QA29 F5: Response No. was such a column).
    unique = next(
        (
            c.column
            for c in found.columns
            if c.kind == "number" and c.distinct == found.responses and not c.blanks
        ),
        None,
    )
    # QA34: counted with the rows read, a summary block's 3 lines were "rows" of the export.
    lines += _alerts_lines(id_info, contact, date, found.responses, details=reach, unique=unique)
    # Names alone reach nobody: without a consent column they are no way to be contacted
    # (closed_loop.names_only), so they are offered only beside an e-mail or phone column, or
    # to head the people a consent column lists.
    if details and unread is None and (reach or contact is not None):
        listed = ", ".join(scalar(c) for c in details)
        lines += (
            [
                "  # Contact details found; copied into the follow-up work files and alert e-mails",
                "  # of detractors who allowed contact (never the report) only when listed here:",
            ]
            if contact is not None
            else [
                "  # Contact details found. Without a consent column, a detail a respondent left",
                '  # ("leave your number if you would like a call back") is their consent for it:',
                "  # listed here, the filled cells reach the follow-up work files, and those who",
                "  # left a number or address are alerted by nps-kit alerts (never the report).",
                "  # List only columns respondents filled to be contacted:",
            ]
        ) + [f"  # contact_details: [{listed}]"]
    lines += [
        "  # Survey weights; null = unweighted.",
        *_weight_lines(found),
        "  weight: null",
        "",
        *words,
        "# Month to report: YYYY-MM; latest = the latest complete month with data (run on the",
        "# 1st, the month that just ended); current = the latest month with data even if it is",
        "# still running (the report says it is not complete yet).",
        "period: latest",
        "# Comparisons shown in the headline: previous (month) and/or last_year (same month).",
        "comparison: [previous, last_year]",
        *_fiscal_lines(found.language),
        "# NPS target in points (-100 to 100); null = no target (the headline says so).",
        "target: null",
        "# Breakdowns and answer tables show the top N values and group the rest as Other.",
        f"top_n: {_TOP_N}",
        "",
    ]
    # The unit column is constant within a unit: no breakdown by it.
    lines += _question_lines(
        found, skip={score.column, date.column, unit_column or ""}, only_other=only_other
    )
    if pack is None:
        lines += [f"# {languages}"] if languages else []
        lines += [
            f"# Theme dictionaries: none of the bundled packs ({', '.join(PACKS)}) fits",
            "# these comments, so themes.yaml here has none (add your own there).",
        ]
    elif not trained(pack):  # the food pack: its words and rules alone
        lines += [
            f"# Theme dictionaries: the bundled '{pack}' pack, the one that fits these comments",
            "# best (its words and rules alone: it has no learned layers yet), through",
            "# themes.yaml beside this file: it extends the pack, so the words you add there are",
            "# tagged too.",
        ]
    else:
        lines += [
            f"# Theme dictionaries: the bundled '{pack}' pack, the one that fits these comments",
            "# best, with its learned layers, through themes.yaml beside this file: it extends",
            "# the pack, so the words you add there are tagged too.",
        ]
    lines += [
        "themes: themes.yaml",
        "# Recommended actions per segment, theme and rating driver.",
        "playbook: playbook.yaml",
        "",
        "thresholds:",
        "  # Below this many responses a group is flagged as a small sample.",
        "  min_n: 30",
        "  # Below this many responses a group's numbers are hidden.",
        "  min_report_n: 5",
        "  # Confidence level of the intervals.",
        "  level: 0.95",
        "  # Months with data before the trend draws control limits (2 or more).",
        "  control_min_months: 8",
        "",
        "privacy:",
        "  # Mask e-mail addresses, phone numbers and similar in free text before showing it.",
        "  redact: true",
        "",
        "mail:",
        *_attach_comment(),
        "  attach: html",
        "  # Link to the report on your intranet, shown in the e-mail; null = none.",
        "  report_url: null",
        "",
    ]
    # The comments in the project's language (QA23: a Japanese clinic's file was all English).
    return in_language("\n".join(_one_line_comments(lines)), found.language)


def _other_language_lines(others: Sequence[str], language: str) -> list[str]:
    """Say which units' customers answer mostly in another language (FIX58): not switched."""
    if not others:
        return []
    other = "Japanese" if language != "ja" else "English"
    text = (
        f"The customers of {len(others)} units answer mostly in {other} "
        f"({', '.join(others)}): their reports stay in {language}, the readers' language; "
        "each unit's file says how to change it."
    )
    return textwrap.wrap(text, 88, initial_indent="# ", subsequent_indent="# ")
