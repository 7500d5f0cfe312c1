"""Sort one column into its kind from its header and answers (:func:`_classify`)."""

from __future__ import annotations

import unicodedata

import numpy as np
import pandas as pd

from nps_kit._column_detail import Detail
from nps_kit._consent import (
    CONSENT_CHOICES,
    NO,
    YES,
    asks_about_contact,
    consent_answer,
    reads_as_consent,
)
from nps_kit._rating_scale import stated_maximum
from nps_kit._response_meta import (
    language_codes,
    response_time,
    technical,
)
from nps_kit._values import (
    MISSING_WORDS,
    column_numbers,
    no_zero_is_evidence,
    parse_date_values,
    states_zero_to_ten,
)
from nps_kit.i18n import Language
from nps_kit.inspect._answers import (
    _Answers,
    _date_note,
    _dates_read,
    _half_points,
    _header,
    _personal,
    _phrases,
    _rating,
    _scores,
    _sentences,
    _separator,
)
from nps_kit.inspect._facts import (
    _ASKS_COMMENT,
    _ASKS_IMPROVEMENT,
    _CODE,
    _DATE_FIRST,
    _DATE_NAME,
    _ID_MANY,
    _ID_NAME,
    _MIN_ZERO_EVIDENCE,
    _ONE_ZERO,
    _QUALTRICS_META,
    _RECOMMEND,
    _SEQUENCE_NAME,
    _STATES_SHORT,
    _TOKEN,
    Kind,
)
from nps_kit.inspect._pick import _segment_names
from nps_kit.inspect._words import _date_form, _groups, _number, _unique, _who
from nps_kit.load import (
    order_contradicted,
)
from nps_kit.ordinal import labelled_scale, not_applicable


def _classify(
    name: str,
    values: pd.Series,
    answers: _Answers,
    *,
    question: str | None,
    source: str,
    date_format: str | None,
    date_notes: list[str],
    contradicted: dict[str, str],
    who: set[str],
    columnar: bool = False,
    separator: str | None = None,
    other_box: bool = False,
    open_ended: bool = False,
    lang: Language = "en",
) -> tuple[Kind, str, tuple[int, int] | None, str | None]:
    n = answers.n
    text = answers.values
    if n == 0:
        return "empty", Detail("no_answers"), None, None
    if len(text) <= 8 and all(not_applicable(v) for v in text):
        # Every respondent said the question does not apply (a matrix row's 「利用していない」):
        # no answer to rate or to break the NPS down by.
        return "empty", Detail("not_applicable"), None, None
    if separator is not None:
        # The loader merged a SurveyMonkey multi-select's option columns into this one: a
        # multi-select even when most respondents ticked one option (no separator to find).
        return "multi", Detail("separator", sep=repr(separator)), None, separator
    if other_box:
        # Its "Other (please specify)" box: what respondents wrote in, however few kinds.
        return "text", Detail("other_box"), None, None
    if name.endswith("_NPS_GROUP"):
        return "nps_group", Detail("qualtrics_group"), None, None
    if _segment_names(text):
        # A CRM's own segment of the score (HubSpot's "Feedback sentiment": Promoter /
        # Passive / Detractor): the score said again, no group to break the NPS down by (QA30).
        return "nps_group", Detail("segments"), None, None
    if source == "qualtrics" and name in _QUALTRICS_META and name not in _DATE_FIRST:
        return "metadata", "Qualtrics", None, None
    personal = _personal(name, question, answers, values)
    if personal is not None:
        return personal[0], personal[1], None, None
    headers = (_header(name, None), _header(name, question))
    if language_codes(headers, text, answers.counts):
        # The language each respondent answered in: NPS by language compares Japanese- and
        # English-speaking customers. A survey run in one language has nothing to compare.
        if len(text) < 2:
            return "metadata", Detail("one_language"), None, None
        return "categorical", Detail("language_codes"), None, None
    recorded = technical(headers, text, answers.counts)
    if recorded is not None:
        # What the survey tool recorded (utm_source, Network ID, an IP address): never a
        # breakdown, a follow-up or the comment.
        return "metadata", recorded, None, None
    distinct = len(text)
    folded = set(text.str.casefold())
    # Qualtrics names columns Q7: the question text says what it asks.
    asks = asks_about_contact(f"{name} {question or ''}")
    numbered = all(v.isdigit() for v in folded)  # 1/2 codes are not yes/no; 1/0 below
    if asks and not numbered and distinct <= CONSENT_CHOICES and reads_as_consent(text):
        # Worded answers (「はい、連絡してもよい」, 連絡可 / 連絡不可) are consent only in a
        # choice question asking for it, by the rule the loader reads columns.contact with
        # (QA25: 可 / 否 was refused here and read there).
        return "consent", Detail("yes_no"), None, None
    if folded <= (YES | NO) and {consent_answer(v) for v in text} == {True, False}:
        # Elsewhere a plain yes/no is a choice to break down by.
        if folded != _ONE_ZERO:
            return "categorical", Detail("yes_no"), None, None
    if folded == _ONE_ZERO and asks:
        # Typeform and others export a yes/no question as 1/0: a question asking for
        # permission to contact is consent, not a 0–5 rating with only 0 and 1 answered.
        return "consent", Detail("yes_no_digits"), None, None
    # A sample of distinct values first: most columns are plainly not dates.
    probe = _Answers(text.head(200), np.ones(min(distinct, 200), dtype="int64"))
    looks_dated = parse_date_values(probe.values, date_format=date_format, source=source)
    named = _DATE_NAME.search(name) is not None
    if (named or not pd.api.types.is_numeric_dtype(values.dtype)) and (
        looks_dated.ambiguous
        or looks_dated.contradicted is not None
        or looks_dated.dates.notna().mean() >= 0.5
    ):
        read, dates = _dates_read(values, date_format=date_format, source=source)
        # "NA" in a date column is no answer, not an unread date.
        said_none = text.str.casefold().isin(MISSING_WORDS).to_numpy()
        n -= int(answers.counts[said_none].sum())
        if dates.ambiguous:
            return "date", Detail("ambiguous"), None, None
        if dates.contradicted is not None:
            # A wrong --date-format, not a column of text: say which order the dates read in.
            date_notes.append(order_contradicted(dates, name, None).in_language(lang))
            contradicted[name] = dates.contradicted
            detail = Detail("reads_only", read=dates.contradicted, asked=date_format)
            return "date", detail, None, None
        # Unix epoch times are whole numbers: ids and counts of nine to thirteen digits read
        # as ones too, so only a header that says when (Created At, submitted_at) takes them.
        taken = read >= 0.9 * n and (
            named or (not dates.epoch and text[~said_none].str.len().min() >= 6)
        )
        if read < n and (taken or named):
            date_notes.append(_date_note(name, values, dates, n - read, n, taken=taken, lang=lang))
        if taken and dates.epoch:
            return "date", Detail("epoch"), None, None
        if taken:
            if dates.order is not None:
                return "date", Detail(dates.order.replace("-", "_")), None, None
            return "date", _date_form(values, text, columnar=columnar), None, None
    elif named and looks_dated.dates.notna().any():
        # Named like a date and partly dates: say why it is not the date column.
        read, dates = _dates_read(values, date_format=date_format)
        date_notes.append(_date_note(name, values, dates, n - read, n, taken=False, lang=lang))
    if any(response_time(h, text, answers.counts) for h in headers):
        # When the response was started or submitted, in a form the date reader does not take.
        return "metadata", Detail("response_times"), None, None
    # A labelled scale before numbers: "1 - Strongly agree" reads as a score of 1, the wrong
    # way round. Answers that say the question does not apply (利用していない) are no point of
    # the scale: two answers beside them are a choice between two, as two numbers are.
    labelled = labelled_scale(text) if distinct <= 16 else None
    if labelled is not None and 3 <= len(labelled.points) <= 11:
        low, high = labelled.scale
        return "rating", Detail.joined([f"{low}–{high}", Detail("labelled")]), labelled.scale, None
    # An id of small whole numbers (1, 2, 3 …) is not an answer on a scale.
    sequence = _SEQUENCE_NAME.search(unicodedata.normalize("NFKC", name).strip()) is not None
    id_named = bool(_ID_NAME.search(name)) or sequence
    looks_scored = not id_named and _scores(probe)[0] >= 0.5
    share, valid, low, high = _scores(answers) if looks_scored else (0.0, 0, 0, 0)
    asked = unicodedata.normalize("NFKC", f"{name} {question or ''}")
    if share >= 0.9 and valid and high <= 7 and _RECOMMEND.search(asked):
        # A recommend question whose few respondents all scored low (a pilot, a small unit):
        # its 0 (with more than a yes/no's 1), or its stated 0–10, says NPS, not a 0–5 rating.
        if low == 0 and high >= 2 and not _STATES_SHORT.search(asked):
            return (
                "nps",
                Detail.joined(["0–10", Detail("low_only", range=f"0–{high}")]),
                (0, 10),
                None,
            )
        if states_zero_to_ten(name, question):
            only = Detail("low_only", range=f"{low}–{high}")
            return "nps", Detail.joined([Detail("stated", range="0–10"), only]), (0, 10), None
    if share >= 0.9 and valid and distinct == 2 and high <= 7:
        # Two answers are a choice between two options, never a rating: a 0–5 "scale" with
        # only 0 and 1 answered would become the report's main rating scale.
        return "categorical", Detail("values", n="2"), None, None
    if share >= 0.9 and valid:
        top = stated_maximum(asked)
        if high <= 7 or (top is not None and high <= top and not _RECOMMEND.search(asked)):
            # A mark "(sur 10)" is a rating out of 10, not a second NPS question (REVIEW35).
            return _rating(asked, low, high)
        if low == 0 or valid < _MIN_ZERO_EVIDENCE:
            return "nps", "0–10", (0, 10), None
        if states_zero_to_ten(name, question):
            return "nps", Detail("stated_no_zero", range="0–10"), (0, 10), None
        lows = [int(answers.counts[(answers.values == str(k)).to_numpy()].sum()) for k in (1, 2)]
        if not no_zero_is_evidence(*lows):
            return "nps", "0–10", (0, 10), None
        return "scale", Detail("no_zero_in", range="1–10", n=f"{valid:,}"), (1, 10), None
    numeric = column_numbers(text)
    if answers.share(numeric.notna()) >= 0.9:
        if id_named and distinct >= 0.9 * n:
            # SurveyMonkey's Respondent ID repeats when a response was submitted or exported
            # twice: still the id, and inspect_export says so in a note.
            return "id", _unique(distinct, n), None, None
        if id_named and distinct > _ID_MANY:
            who.add(name)
            return "id", _who(distinct), None, None
        if distinct >= 0.9 * n and answers.share(text.str.match(r"0\d")) >= 0.5:
            # Zero-padded numbers (0055584) are codes: nobody pads a count or an amount.
            return "id", _unique(distinct, n), None, None
        if _half_points(numeric, asked):
            half = Detail("half_points")
            return _rating(asked, float(numeric.min()), float(numeric.max()), half)
        return "number", f"{_number(numeric.min())}–{_number(numeric.max())}", None, None
    tokens = answers.share(text.str.fullmatch(_TOKEN))
    if tokens >= 0.9 and distinct >= 0.9 * n:
        return "id", Detail("unique" if distinct == n else "tokens"), None, None
    codes = answers.share(text.str.fullmatch(_CODE))
    if codes >= 0.9 and distinct >= 0.9 * n and n > 1:
        return "id", Detail("unique" if distinct == n else "codes"), None, None
    if open_ended:
        # The tool says respondents typed it ("Anything we could improve?"): free text, even
        # when they wrote the same few wishes, never a breakdown by them. Said in its words.
        said = "text entry" if source == "qualtrics" else "Open-Ended"
        return "text", Detail("open_ended", tool=said), None, None
    if _sentences(answers) or _phrases(answers):
        return "text", Detail("free_text"), None, None
    if _ASKS_COMMENT.search(_header(name, question)):
        return "text", Detail("asks_comment"), None, None
    if id_named and distinct >= 0.9 * n and n > 1 and not text.str.contains(r"\s").any():
        return "id", _unique(distinct, n), None, None
    if id_named and distinct > _ID_MANY and not text.str.contains(r"\s").any():
        who.add(name)
        return "id", _who(distinct), None, None
    if distinct == n and n > 1 and text.str.len().max() <= 24:
        if not text.str.contains(r"\s").any():
            return "id", Detail("unique"), None, None
    sep = _separator(answers)
    if sep is not None:
        return "multi", Detail("separator", sep=repr(sep)), None, sep
    if _ASKS_IMPROVEMENT.search(_header(name, question)):
        return "text", Detail("asks_improvement"), None, None
    if n >= 10 and distinct > n / 2:
        return "text", Detail("free_text"), None, None
    return "categorical", Detail("values", n=str(len(_groups(answers)))), None, None
