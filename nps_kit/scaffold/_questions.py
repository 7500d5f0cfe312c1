"""The ``questions:`` block of ``defaults.yaml``.

Breakdowns, follow-up questions (a reason, or an improvement asked: ``asks: improvement``),
rating scales, numeric answers and the code table's ``value_labels:``.
"""

from __future__ import annotations

import json
import re
import textwrap
from typing import Any, Final

from nps_kit._question_label import short_labels
from nps_kit._yaml import scalar
from nps_kit.inspect import ColumnInfo, Inspection
from nps_kit.inspect._facts import _ASKS_IMPROVEMENT
from nps_kit.scaffold._columns import _STAFF, _asks_consent, _breakdowns, _permissions
from nps_kit.score import DEFAULT_MIN_REPORT_N

_MAX_BREAKDOWNS: Final = 6


# A free-text question that asks what to improve: its answers are requests
# (``asks: improvement``), not reasons for the score.
# A header asking what to improve (inspect's words, which make the column free text) or, more
# broadly, for wishes and suggestions: the follow-up gets ``asks: improvement``.
_IMPROVEMENT: Final = re.compile(
    _ASKS_IMPROVEMENT.pattern + r"|better|suggest|wish|change|missing|要望|希望", re.IGNORECASE
)


# A box that asks for opinions as well as wishes (「ご意見・ご要望」, "Comments and suggestions")
# is a general comment box: its answers praise as often as they ask, and a theme named without a
# judgement is no request there (QA43: the bank's passives "complained" of 連絡 in such a box).
# Only the broader words give way to it; "What could we improve? Any comments" asks to improve.
_ALSO_OPINION: Final = re.compile(
    r"\b(?:comments?|remarks?|feedback|opinions?|thoughts)\b|ご意見|意見|感想|コメント",
    re.IGNORECASE,
)


def _asks_improvement(header: str) -> bool:
    """Whether a free-text header asks what to improve (``asks: improvement``)."""
    if _ASKS_IMPROVEMENT.search(header):
        return True
    return bool(_IMPROVEMENT.search(header)) and not _ALSO_OPINION.search(header)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _main_scale(ratings: list[ColumnInfo]) -> tuple[int, int] | None:
    """Return the scale most rating questions use.

    A tie goes to the scale with more answers (fewer blanks: every column has the same rows),
    then to the one asked first; never to whichever a set happens to yield first, which made
    init's choice change from run to run.
    """
    scales: dict[tuple[int, int], tuple[int, int, int]] = {}
    for order, info in enumerate(ratings):
        if info.scale is None:
            continue
        questions, fewer_blanks, first = scales.get(info.scale, (0, 0, -order))
        scales[info.scale] = (questions + 1, fewer_blanks - info.blanks, first)
    return max(scales, key=lambda scale: scales[scale]) if scales else None


def _numeric_note(found: Inspection) -> str | None:
    """Return inspect's note that the export holds Qualtrics' numeric codes, if it does."""
    return next((n for n in found.notes if n.startswith(_NUMERIC_NOTE)), None)


# The start of inspect's note on a Qualtrics export of numeric values (FIX31).
_NUMERIC_NOTE: Final = "This Qualtrics export holds numeric values"


def _value_labels_lines(found: Inspection) -> list[str]:
    """Write the code table the workbook holds as ``value_labels:`` (CODES40), else nothing."""
    coded = found.code_tables
    if coded is None or not coded.value_labels:
        return []
    lines = [
        f"# Coded answers and their labels, from the code table {'in' if coded.file else 'on'} "
        f"{coded.where}: the report shows the labels, in this order.",
        "# A code without a label stays as written and is said in the data quality.",
    ]
    if coded.unmatched:
        listed = ", ".join(repr(q) for q in coded.unmatched)
        lines.append(f"# Not here: {listed}, which no column of the export is.")
    lines.append("value_labels:")
    lines += [f"  {scalar(column)}: {_json(table)}" for column, table in coded.value_labels.items()]
    return [*lines, ""]


def _question_lines(
    found: Inspection, *, skip: set[str], only_other: frozenset[str] = frozenset()
) -> list[str]:
    asked = [c for c in found.columns if c.column not in skip]
    # Told apart where two matrices share a row ("Price" of importance and of satisfaction).
    labels = dict(
        zip([c.column for c in asked], short_labels([c.label for c in asked]), strict=True)
    )

    def entry(info: ColumnInfo, **extra: Any) -> str:
        parts = [f"column: {scalar(info.column)}"]
        parts += [f"{k}: {scalar(v) if not isinstance(v, list | dict) else _json(v)}"
                  for k, v in extra.items()]  # fmt: skip
        # What the question asks about, said short ("Which plan are you on?" is "Plan",
        # 今回のご利用目的を教えてください。 is ご利用目的): the label titles charts ("NPS by
        # Plan", ご利用目的別のNPS) and tables and names the question in the e-mail. Never
        # cut: "How satisfied are you with our document…" named nothing.
        parts.append(f"label: {scalar(labels[info.column])}")
        return "  - {" + ", ".join(parts) + "}"

    permits = {c.column for c in _permissions(found)}
    asking = {c.column for c in _asks_consent(found)}
    groups = _breakdowns(found, skip=skip, only_other=only_other)
    lines = _value_labels_lines(found)
    lines += [
        f"# Columns to break the NPS down by: the categorical questions (first {_MAX_BREAKDOWNS}).",
    ]
    for name in sorted(permits - skip):
        # QA27 #6: "NPS by メール配信可" in every report, a "what moved" line by it.
        lines.append(f"# Not {scalar(name)}: a yes/no permission, not a group to compare NPS by.")
    for name in sorted(asking - skip):
        lines.append(
            f"# Not {scalar(name)}: it asks for consent to contact, not a group to compare NPS by."
        )
    for info in found.of_kind("name"):
        if info.column not in skip and _STAFF.search(info.column):
            # Left out by default (names), but a breakdown the analyst may well want: said.
            lines.append(
                f"# Not {scalar(info.column)}: people's names, not a breakdown; add it under "
                "breakdowns if you want it."
            )
    for name in sorted(only_other - skip):
        lines.append(
            f"# Not {scalar(name)}: too many small groups; in a month of one unit none would reach "
            f"{DEFAULT_MIN_REPORT_N} responses, so its chart would show only Other."
        )
    if groups and _numeric_note(found):
        lines += [
            "# This export holds Qualtrics' numeric values: the groups of these breakdowns are",
            "# answer codes (1, 2, 3), not the answers (a Yes/No question reads 1 and 2).",
        ]
    if groups:
        lines.append("breakdowns:")
        lines += [entry(c) for c in groups[:_MAX_BREAKDOWNS]]
    else:
        lines.append("breakdowns: []")
    # The report compares ratings on one scale: the commonest scale's ratings are ratings,
    # any other rating question is summarised answer by answer.
    main = _main_scale([c for c in found.of_kind("rating") if c.column not in skip])
    questions = []
    said: set[str] = set()
    for info in found.columns:
        if info.column in skip | permits | asking:
            continue
        if info.kind == "rating" and info.scale is not None and info.scale == main:
            # A labelled scale's answers are read as their points (codes: point -> answer).
            codes = {str(point): answer for point, answer in info.codes}
            extra: dict[str, Any] = {"codes": codes} if codes else {}
            if info.note and info.note not in said:
                # The scale inferred from "(sur 5)" and the block's answers, said once (FIX79).
                said.add(info.note)
                questions += textwrap.wrap(
                    info.note, 96, initial_indent="  # ", subsequent_indent="  # "
                )
            questions.append(entry(info, type="rating", scale=list(info.scale), **extra))
        elif info.kind == "multi":
            questions.append(entry(info, type="multi", separator=info.separator))
        elif info.kind == "text":
            # An improvement question's answers are read as requests unless they praise.
            header = f"{info.column} {info.question or ''}"
            extra = {"asks": "improvement"} if _asks_improvement(header) else {}
            questions.append(entry(info, type="text", **extra))
        elif info.kind == "rating" or (
            info.kind == "categorical"
            and info not in groups[:_MAX_BREAKDOWNS]
            and info.column not in only_other
        ):
            if info.kind == "rating" and info.scale is not None and main is not None:
                # A rating on another scale ("(1-5)" as stated beside a block 0–5): why it is
                # no rating here (REVIEW35: left out without a word).
                (low, high), (main_low, main_high) = info.scale, main
                why = (
                    f"{info.column!r} is rated {low}–{high}, not {main_low}–{main_high} as the "
                    "ratings here: summarised answer by answer, as mean ratings compare one "
                    "scale (followups.scale)."
                )
                questions += textwrap.wrap(why, 96, initial_indent="  # ", subsequent_indent="  # ")
            questions.append(entry(info, type="categorical"))
    lines.append(
        "# Follow-up questions: ratings (with their scale), multi-select (with the separator"
    )
    lines.append("# found), the rest of the categorical questions and free text.")
    if questions:
        lines.append("followups:")
        lines += questions
    else:
        lines.append("followups: []")
    lines.append("")
    return lines
