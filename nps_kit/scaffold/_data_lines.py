"""The commented lines of ``defaults.yaml`` for the reading rules and the alerts.

Why the score column is the score, its missing and refusal words, the scale split, consent
words, weights, rows left out as a staff test, resubmissions, unfinished responses, the fiscal
year, and what ``nps-kit alerts`` needs.
"""

from __future__ import annotations

import re
import textwrap
from typing import Final

import pandas as pd

from nps_kit._consent import reversed_words
from nps_kit._init_words import comment_lines
from nps_kit._values import parse_scores, scale_split
from nps_kit._yaml import scalar
from nps_kit.i18n import Language, t
from nps_kit.inspect import ColumnInfo, Inspection, detail_words, speaks_of_recommending
from nps_kit.ordinal import not_applicable


def _exclude_lines(found: Inspection) -> list[str]:
    """Propose ``data.exclude`` for the rows that look like a staff test (QA30 F7).

    Nothing when none does: every figure counts every row, as it did before.
    """
    lines = []
    tests = found.test_rows
    if tests is not None:
        where = ", ".join(str(r) for r in tests.rows)
        said = ", ".join(scalar(v) for v in tests.values)
        lines += [
            f"  # Row(s) {where} look like a test, not a response ({tests.column}: {said}): left",
            "  # out of every figure and counted in data quality. Remove if they are responses.",
            f"  exclude: [{tests.rule()}]",
        ]
    alone = found.month_rows
    if alone is not None:
        # The month alone says it (FIX71): proposed, commented out, for the analyst to decide.
        where = ", ".join(str(r) for r in alone.rows)
        lines += [
            f"  # Row(s) {where} ({alone.column}: {', '.join(scalar(v) for v in alone.values)}) "
            f"are the only response(s) of {alone.month}, {alone.apart}:",
            "  # a staff test before launch? If so, uncomment to leave them out of every figure.",
            f"  # exclude: [{alone.rule()}]",
        ]
    return lines


def _fiscal_lines(language: str) -> list[str]:
    """Return the lines of the fiscal year's first month: April in Japanese (年度), else unset.

    Written for a Japanese project, where the fiscal year starts in April but for a few;
    commented out for any other, whose fiscal year nps-kit cannot guess (the calendar year
    when unset).
    """
    what = [
        "# First month of the fiscal year (4 = April): with fiscal_ytd in comparison the",
        "# headline adds the fiscal year to date against the same months a year before.",
    ]
    if language == "ja":
        return [*what, "fiscal_year_start: 4"]
    return [
        *what,
        "# Unset, the fiscal year is the calendar year (1 = January).",
        "# fiscal_year_start: 4",
    ]


def _said_lines(text: str, lang: Language) -> list[str]:
    """Return ``text`` as the columns section's comment lines, in ``lang``'s wrapping."""
    if lang == "ja":
        return comment_lines(text, "  ")
    return textwrap.wrap(text, 96, initial_indent="  # ", subsequent_indent="  # ")


def _score_why(found: Inspection, score: ColumnInfo) -> list[str]:
    """Say why ``score`` is the NPS question: what was found, never more (QA25 C-3).

    That the question speaks of recommending is said only when it does: a header ｽｺｱ is the
    only 0–10 column, which the analyst is asked to check.
    """
    if score.kind != "nps":
        # Said where it is decided, in the project's language (MSG44: it was English).
        lang = found.language
        detail = detail_words(score.detail, lang)
        lines = _said_lines(t("init.score_not_nps", lang, detail=detail), lang)
        if t("inspect.no_zero", "en", column=score.column) in found.notes:
            no_zero = t("inspect.no_zero", lang, column=score.column)
            lines += [f"  # {no_zero}"] if lang == "en" else _said_lines(no_zero, lang)
        return lines
    elif speaks_of_recommending(score):
        why = "0–10 and the question speaks of recommending."
    elif len(found.of_kind("nps")) == 1:
        why = (
            "The only 0–10 column (its header does not speak of recommending): check that it "
            "is the NPS question."
        )
    else:
        why = (
            f"One of {len(found.of_kind('nps'))} 0–10 columns, none of which speaks of "
            "recommending: check that it is the NPS question."
        )
    return textwrap.wrap(why, 96, initial_indent="  # ", subsequent_indent="  # ")


def _no_answer_words(scores: pd.Series) -> list[str]:
    """Return the score column's answers that say "no answer" (わからない, Don't know).

    QA21: init saw 「わからない」 in the score column but wrote ``missing_values: []``, so
    ``score`` counted them invalid and the report's data quality listed them as 無効な値.
    """
    parsed = parse_scores(scores)
    invalid = scores[parsed.status == "invalid"].dropna().astype(str).str.strip()
    counts = invalid[invalid.map(not_applicable)].value_counts()
    return [str(w) for w in counts.index]


# What a refusal says that a grant does not ("Please don't", 「連絡しないで」, 不要, NG).
_REFUSES = re.compile(r"\b(not|don'?t|no|never|rather not|ng)\b|ない|不|否|拒|断|結構", re.I)


def _consent_words_lines(unread: ColumnInfo) -> list[str]:
    """Propose ``contact.consent_yes`` / ``consent_no`` for a consent question of two answers.

    Its answers read as neither yes nor no (:func:`_unread_consent`); with two, one grants and
    one refuses. The one a refusal's words mark (:data:`_REFUSES`) is the no; when neither or
    both are marked (codes 1 / 2), the first (the more common) is written as the yes and the
    comment says init cannot tell. Commented out: a swapped pair would list people who said
    no, so the analyst checks before it counts.
    """
    if unread.distinct != 2 or len(unread.sample) != 2:
        return []
    first, second = (str(v) for v in unread.sample)
    marked = [bool(_REFUSES.search(v)) for v in (first, second)]
    yes, no = (second, first) if marked == [True, False] else (first, second)
    told = marked in ([True, False], [False, True])
    text = (
        f"How {unread.column!r} words consent, read from its two answers: check it, then "
        f"uncomment these lines and set columns.contact to {unread.column!r}."
        if told
        else f"How {unread.column!r} words consent: init cannot tell which of its two answers "
        "grants contact, so check and swap them if needed, then uncomment these lines and set "
        f"columns.contact to {unread.column!r}."
    )
    return [
        *textwrap.wrap(text, 88, initial_indent="# ", subsequent_indent="# "),
        "# contact:",
        f"#   consent_yes: [{scalar(yes)}]",
        f"#   consent_no: [{scalar(no)}]",
        "",
    ]


# A header that names weights: weight, Gewicht(ung), poids, peso, ウェイト, ウエイト, 重み.
_WEIGHT_NAME: Final = re.compile(r"weight|gewicht|poids|peso|ウェイト|ウエイト|重み", re.I)


def _weight_lines(found: Inspection) -> list[str]:
    """Name a column of numbers headed as weights, left unset (QA31 O1).

    init never sets ``weight`` (whether a figure is weighted is the analyst's decision), but a
    column ``Account weight`` of numbers went unmentioned, so nothing said it could be used.
    """
    for c in found.columns:
        if c.kind == "number" and _WEIGHT_NAME.search(c.column) and not c.detail.startswith("-"):
            return textwrap.wrap(
                f"{c.column!r} holds numbers ({c.detail}): set weight to it if they are the "
                "responses' weights; every figure is then weighted.",
                96,
                initial_indent="  # ",
                subsequent_indent="  # ",
            )
    return []


def _refusal_words_lines(contact: ColumnInfo) -> list[str]:
    """Write ``contact.consent_yes`` / ``consent_no`` for a "Do not contact" column (QA31 F4).

    Its yes refuses contact and its no grants it (:func:`nps_kit._consent.asks_refusal`): the
    answers are listed the other way round, uncommented, as the run refuses such a column
    without them.
    """
    yes, no = reversed_words(contact.sample)
    return [
        f"# {contact.column!r} asks whether NOT to contact a respondent: its answers are read",
        "# the other way round (its no allows contact, its yes refuses it).",
        "contact:",
        f"  consent_yes: [{', '.join(scalar(v) for v in yes)}]",
        f"  consent_no: [{', '.join(scalar(v) for v in no)}]",
        "",
    ]


def _alerts_lines(
    id_info: ColumnInfo | None,
    contact: ColumnInfo | None,
    date: ColumnInfo,
    rows: int,
    *,
    details: bool = False,
    unique: str | None = None,
) -> list[str]:
    """Say that the daily alerts need an id and a consent column when the export lacks one.

    ``unique`` is a column of numbers unique in every row that no id rule took: offered as
    the id to check, never said not to exist.

    A Google Forms export has neither (QA20): without this, alerts.to was set in a unit file
    and ``nps-kit alerts`` skipped the unit every day. A date column with a distinct value per
    row (a Google Forms Timestamp) is named as the id to try. With ``details`` (a phone or
    e-mail column found, offered as ``contact_details`` below), those serve instead of the
    consent column (:func:`nps_kit.alerts.alerts_blocker`).
    """
    if id_info is not None and contact is not None:
        return []
    consent = "a consent column or the contact details below" if details else "a consent column"
    missing = " and ".join(
        w for w, gone in (("an id", id_info is None), (consent, contact is None)) if gone
    )
    if id_info is not None and details:
        text = (
            f"nps-kit alerts (daily e-mails about new detractors) needs {missing}: add a consent "
            "question to the survey (May we contact you about your answer? Yes/No) and set "
            "contact to it, or uncomment contact_details."
        )
        return textwrap.wrap(
            text, 88, initial_indent="  # ", subsequent_indent="  # ", break_on_hyphens=False
        )
    lines = [f"  # nps-kit alerts (daily e-mails about new detractors) needs {missing}:"]
    if id_info is None and 0 < date.distinct < rows:
        # QA24: 2,808 distinct of 3,000 (minute stamps, 和暦 days) was still offered as the id.
        # A repeating id names a customer or a minute, not a response: say how many share one.
        text = (
            f"{date.column!r} repeats: {rows - date.distinct:,} of {rows:,} rows share a value "
            "with an earlier row, so it cannot be the id either, and init found no column "
            "unique to each response. Add a response id (a response or receipt number) to "
            "the export and set id to it; a customer number repeats when a customer answers "
            "again."
            if unique is None
            else f"{date.column!r} repeats: {rows - date.distinct:,} of {rows:,} rows share a "
            f"value with an earlier row, so it cannot be the id either. {unique!r} is unique "
            "in every row but not named as an id: set id to it when it numbers the responses "
            "(not a count or an amount)."
        )
        lines += textwrap.wrap(
            text, 88, initial_indent="  # ", subsequent_indent="  # ", break_on_hyphens=False
        )
    elif id_info is None:
        lines.append(
            f"  # {date.column!r} is distinct in {date.distinct:,} of {rows:,} rows; when no two "
            "responses share one, set"
            if date.distinct
            else "  # set"
        )
        lines.append(
            f"  # id: {scalar(date.column)} (dedupe: true drops exact duplicate rows)."
            if date.distinct
            else "  # id to a column unique to each response."
        )
    if contact is None:
        lines += [
            "  # Add a consent question to the survey (May we contact you about your answer?",
            "  # Yes/No) and set contact to it"
            + (", or uncomment contact_details." if details else "."),
        ]
    return lines


def _attach_comment() -> list[str]:
    """Comment lines listing every ``mail.attach`` value (from its one home in the schema)."""
    from nps_kit.params import ATTACH_CHOICES

    lines = ["  # How the report is sent:"]
    lines += [f"  #   {value}: {what}" for value, what in ATTACH_CHOICES.items()]
    return lines


def _scale_split_lines(found: Inspection, score: str) -> list[str]:
    """Warn of one value's answers with no 0 where the rest have them (QA29 F6), and what to do.

    The rule of inspect's note (:func:`nps_kit._values.scale_split`); nothing is converted,
    and ``data: filter`` is the unit's, so the way out is the export's.
    """
    said = _no_answer_words(found.data[score])
    scores = parse_scores(found.data[score], missing_values=said).score
    split = scale_split(scores, found.data, skip=(score,))
    if split is None:
        return []
    lang = found.language  # said where it is decided (MSG44: it was English)
    text = t(
        "init.scale_split",
        lang,
        answers=f"{split.answers:,}",
        zeros=f"{split.others_zero:,}",
        column=split.column,
        value=split.value,
    )
    return _said_lines(text, lang)


def _resubmission_lines(found: Inspection, *, exact: int = 0) -> list[str]:
    """Comment on the double submissions found (QA20: init said nothing of 8 of them).

    ``exact``: exact duplicate rows that repeat a response id too, so one response read twice
    (a second download appended): ``dedupe: true`` drops them (QA28 #7: left false, each was
    counted twice). Without an id, identical rows may be two people's answers: left false.
    """
    from nps_kit._resubmit import RESUBMISSIONS, per_submission, resubmission_note

    count = len(found.load.resubmission_of)
    if not count and exact:
        return [
            "  # Set because of them: each repeats a response id and every answer, so one",
            "  # response read twice; with false it would count twice.",
            "  dedupe: true",
        ]
    if not count and found.resubmission_chance is not None:
        # Said, not only decided (FIX88): a reader who sees equal rows seconds apart asks why.
        said = found.resubmission_chance.said()
        return [*(f"  # {line}" for line in textwrap.wrap(said, 88)), "  dedupe: false"]
    if not count:
        return ["  dedupe: false"]
    # Proposed, not only noted (QA25: 18 found, dedupe left false, each counted twice). The
    # columns new for each submission (an id, a link) were no answers compared (QA29 F4).
    skip = (found.date_column,) if found.date_column is not None else ()
    fresh = per_submission(found.data, skip=skip)
    return [
        *(f"  # {line}" for line in textwrap.wrap(resubmission_note(count, ignored=fresh), 88)),
        *(f"  # {line}" for line in textwrap.wrap(_RESUBMISSIONS_SET, 88)),
        f"  dedupe: {RESUBMISSIONS}",
    ]


_RESUBMISSIONS_SET: Final = (
    "Set because of them: with false each would count twice, in the NPS and in the lists."
)


def _unfinished_lines(found: Inspection) -> list[str]:
    """Return the ``unfinished`` setting for a Qualtrics export that says who finished.

    A LimeSurvey export whose ``submitdate`` is empty on some rows holds incomplete responses
    (never submitted): ``exclude`` is proposed, with why (FIX88; QA35 O2: 33 of them were
    scored and in no month, counted in the totals alone).
    """
    from nps_kit._response_meta import limesurvey_submitted

    submitted = limesurvey_submitted(found.index.columns)
    if submitted is not None and submitted in found.data.columns:
        blank = found.data[submitted].astype("string").str.strip().fillna("").eq("")
        if not blank.any():
            return []
        score = found.data[found.nps_column] if found.nps_column is not None else None
        answered = (
            score.astype("string").str.strip().fillna("").ne("") if score is not None else blank
        )
        scored = int((blank & answered).sum())
        why = (
            f"LimeSurvey writes {submitted} only when the respondent sent the last page: "
            f"{int(blank.sum()):,} responses have none (incomplete, never submitted), "
            f"{scored:,} of them with a score. exclude leaves them out of every figure, as "
            "LimeSurvey's own statistics count completed responses; include counts them "
            f"(without a {submitted} they fall in no month unless columns.date is another "
            "date, such as datestamp)."
        )
        return [
            *(f"  # {line}" for line in textwrap.wrap(why, 88)),
            "  unfinished: exclude",
        ]
    if found.load.source != "qualtrics" or "Finished" not in found.index.columns:
        return []
    return [
        "  # Qualtrics responses the respondent did not finish (Finished = False) but scored:",
        "  # include counts them, exclude leaves them out; the report counts them either way.",
        "  unfinished: include",
    ]
