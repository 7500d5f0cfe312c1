"""What a survey tool records about a response, as opposed to what the respondent answered.

Every tool adds such columns next to the questions: Typeform its hidden fields (``utm_source``,
``utm_medium``), ``Network ID``, ``Response Type`` and ``Tags``; Qualtrics ``Status``,
``IPAddress``, ``UserLanguage`` and ``Q_URL``; SurveyMonkey ``IP Address``;
Microsoft Forms and Google Forms their start, completion and last-modified times. They look like
answers (a handful of repeated values), so without this check ``nps-kit init --from`` offered
"NPS by utm_source" as a breakdown and a user-agent string as the customers' comment.

:func:`technical` says what such a column is, from its values where they speak for themselves (IP
addresses, browser user agents, web addresses, language codes with a region, Qualtrics' response
types) and from its header where they do not (``utm_medium`` holds ``email``, ``sms``: a
tracking parameter only its name tells from a channel question).

A column of language codes (``UserLanguage``, a ``Language`` field holding ``ja``, ``en``,
``EN-GB``) is not among them: the tool may fill it in, but it says which language the
respondent answered in, and NPS by language (Japanese- against English-speaking customers) is
a breakdown. :func:`language_codes` recognises it so that inspection can call it one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Final

import numpy as np
import pandas as pd

from nps_kit._question_label import short_label
from nps_kit._zone_hint import written_zones

__all__ = [
    "NOT_RESPONSES",
    "STATUS_CODES",
    "answer_time",
    "language_codes",
    "limesurvey_submitted",
    "numeric_values",
    "response_time",
    "response_types",
    "technical",
]

# Values that are the respondent's machine or the link they came by, whatever the header.
_IPV4: Final = r"(?:\d{1,3}\.){3}\d{1,3}"
# Compressed (2001:db8::1) or with all eight groups: never a time of day such as 12:30:00.
_IPV6: Final = r"(?=[0-9a-f:]*::|(?:[0-9a-f]{1,4}:){7})[0-9a-f:]{3,39}"
_IP: Final = re.compile(rf"{_IPV4}|{_IPV6}", re.I)
_USER_AGENT: Final = re.compile(r"(?:Mozilla|Opera|Dalvik|curl|python-requests)/\d\S*(?: .*)?")
_URL: Final = re.compile(r"https?://\S+", re.I)
# A header that names a version: 4.2.1.0 is then a release, not an IP address.
_VERSION_HEADER: Final = re.compile(r"version|\bver\b|\bbuild\b|バージョン", re.I)
# A language tag with its region or script (en-GB, ja_JP, zh-Hant): a bare "en" or "NW" could
# be any code, so those count only under a header that speaks of language.
_LANG_REGION: Final = re.compile(r"[a-z]{2,3}[-_](?:[A-Z]{2}|\d{3}|[A-Z][a-z]{3})")
_LANG_CODE: Final = re.compile(r"[a-z]{2,3}(?:[-_](?:[a-z]{2}|\d{3}|[a-z]{4}))?", re.I)
# Qualtrics' Status in words: how the response came in, not what it says. Only its own phrases
# tell it apart: a multi-select option column holds one word ("Spam", "Offline") and blanks.
#: Those of them that are no customer's answers: the survey's author trying it (a preview, on
#: line or offline) and the random answers of Qualtrics' "Generate test responses".
NOT_RESPONSES: Final = frozenset(
    {"survey preview", "survey test", "offline survey preview", "survey preview spam"}
)
_TOOL_RESPONSE_TYPES: Final = NOT_RESPONSES | {"ip address"}
_RESPONSE_TYPES: Final = _TOOL_RESPONSE_TYPES | {"imported", "spam", "offline", "imported spam"}
#: Qualtrics' Status as "Export values" writes it: bit flags (1 preview, 2 test, 4 imported,
#: 8 spam, 16 offline), named as "Export labels" names them (Qualtrics' SPSS value labels).
STATUS_CODES: Final = {
    0: "ip address",
    1: "survey preview",
    2: "survey test",
    4: "imported",
    8: "spam",
    9: "survey preview spam",
    12: "imported spam",
    16: "offline",
    17: "offline survey preview",
}

# Headers of columns no respondent filled in, in the words of the tools that add them. Whole
# headers only: "How easy was order tracking?" is a question, "tracking_id" is not.
_HEADERS: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    (
        re.compile(
            r"^utm[ _-]?\w+$|^(?:gclid|fbclid|msclkid|dclid|ttclid|wbraid|gbraid)$"
            r"|^(?:http[ _-]?)?referr?er(?:[ _-]?url)?$|^landing[ _-]?page(?:[ _-]?url)?$"
            r"|^tracking[ _-]?(?:id|code|source)$",
            re.I,
        ),
        "tracking parameter",
    ),
    (re.compile(r"^network[ _-]?id$", re.I), "network id"),
    (re.compile(r"^(?:response|submission)[ _-]?(?:type|status)$", re.I), "response type"),
    (re.compile(r"^tags?$", re.I), "tags"),
    (re.compile(r"^ip(?:[ _-]?address)?$", re.I), "IP addresses"),
    (re.compile(r"^(?:http[ _-]?)?user[ _-]?agent$", re.I), "user agents"),
    (re.compile(r"^(?:q_|page[ _-]?|survey[ _-]?)?url$", re.I), "URLs"),
    # LimeSurvey's own fields of a response (QA35: lastpage 1-3 was a "Lastpage" rating).
    # By their question-text headings too ("Full question text" or "code & text" exports).
    (
        re.compile(r"^(?:lastpage|seed|refurl|ipaddr|last page|referrer url)$", re.I),
        "LimeSurvey field",
    ),
)
# The fields a LimeSurvey response export starts with, by "question code" and by "question
# text" headings: (id, submit date, last page, start language). Its submit date is written only
# when the respondent sent the last page, so a blank one is an incomplete response (QA35 O2).
_LIMESURVEY_FIELDS: Final = (
    ("id", "submitdate", "lastpage", "startlanguage"),
    ("Response ID", "Date submitted", "Last page", "Start language"),
)


def limesurvey_submitted(columns: Iterable[object]) -> str | None:
    """Return a LimeSurvey export's submit-date column, ``None`` for any other export.

    LimeSurvey writes ``submitdate`` ("Date submitted") only when the respondent sent the
    last page: a response without one is incomplete, as Qualtrics' ``Finished`` False is.
    An export is LimeSurvey's when it has the four fields every response export begins
    with (``id``, ``submitdate``, ``lastpage``, ``startlanguage``, or their question-text
    headings).
    """
    names = {str(c) for c in columns}
    for fields in _LIMESURVEY_FIELDS:
        if set(fields) <= names:
            return fields[1]
    return None


# What Microsoft Forms writes in Email (and Name) on every row when the form does not record
# who answered (QA32: "NPS by Email", one group, was proposed as a breakdown).
ANONYMOUS: Final = frozenset({"anonymous", "anonymous user", "匿名"})
# Qualtrics' Finished and Progress, only over their values (True/False, 1/0; percentages): a
# column named by the aspect it rates ("Progress", 1-5) is a rating.
_PROGRESS_HEADER: Final = re.compile(r"^(?:finished|progress)$", re.I)
_FLAGS: Final = frozenset({"true", "false", "1", "0"})
_LANG_HEADER: Final = re.compile(
    r"^(?:user[ _-]?|q_|browser[ _-]?)?(?:lang|language|locale)(?:[ _-]?code)?$|^言語コード$",
    re.I,
)
# When the response was started, submitted or last changed: a date column, or metadata when
# its values do not read as dates; never an answer.
_RESPONSE_TIME: Final = re.compile(
    r"^(?:start|end|stage|submit|submitted|submission|completion|finish|recorded|"
    r"last[ _-]?modified)(?:[ _-]?(?:date|time|at))+$|^timestamp$"
    r"|^(?:開始時刻|完了時刻|最終変更時刻|タイムスタンプ)$",
    re.I,
)
# How long the response took (Qualtrics' "Duration (in seconds)"): the whole header only, and
# only over seconds or clock times, since "Duration of stay" or 所要時間 with 「30分未満」 is a
# question whose bands are answers.
_DURATION_HEADER: Final = re.compile(
    r"^(?:duration|time[ _-]?taken)(?:[ _-]?(?:in[ _-]?)?(?:seconds|secs?|minutes|mins?))?$"
    r"|^所要時間(?:[(（]?秒[)）]?)?$",
    re.I,
)
_DURATION_VALUE: Final = re.compile(r"\d+(?:\.\d+)?|\d{1,3}:\d{2}(?::\d{2})?")
# A workflow's state of the response (QA30 F8): the staff's handling (ステータス 未対応 /
# 対応済, a ticket's Open / Closed) or the form's completion (QuestionPro's Abgeschlossen /
# Unvollständig). Whole headers only, and only over such states: a membership "Status" of
# Gold / Silver, or ご利用ステータス 会員 / 非会員, is the customer's and a breakdown.
_WORKFLOW_HEADER: Final = re.compile(
    r"^(?:(?:ticket|case|workflow|handling|processing|follow[ _-]?up|review|completion)[ _-]?)?"
    r"status$|^(?:ステータス|対応ステータス|対応状況|対応状態|処理状況|処理状態|進捗状況|進捗)$"
    r"|^(?:bearbeitungs|ticket|fall)?status$|^(?:statut|estado)$",
    re.I,
)
_WORKFLOW_STATES: Final = frozenset(
    {
        # ja
        "未対応", "対応中", "対応済", "対応済み", "対応完了", "完了", "未完了", "完了済",
        "完了済み", "未着手", "着手", "処理中", "処理済", "処理済み", "未処理", "保留",
        "保留中", "受付", "受付済", "受付済み", "確認中", "確認済", "確認済み", "未確認",
        "回答済", "回答済み", "未回答", "要対応", "対応不要", "クローズ", "オープン", "新規",
        "エスカレーション", "差し戻し", "途中",
        # en
        "open", "opened", "closed", "resolved", "unresolved", "pending", "new", "done",
        "in progress", "in-progress", "on hold", "escalated", "reopened", "complete",
        "completed", "incomplete", "partial", "not started", "started", "waiting",
        "assigned", "unassigned", "to do", "todo", "handled", "unhandled", "followed up",
        "no action needed", "action needed", "archived",
        # de
        "abgeschlossen", "unvollständig", "offen", "erledigt", "in bearbeitung", "neu",
        "vollständig", "teilweise", "ausstehend", "geschlossen",
        # fr, es
        "terminé", "en cours", "ouvert", "fermé", "completado", "pendiente", "abierto",
        "cerrado",
    }
)  # fmt: skip


def response_time(header: str, values: pd.Series, counts: np.ndarray) -> bool:
    """Whether a column says when the response was started, submitted or changed, or its length.

    Parameters
    ----------
    header
        The header without a trailing note: ``Start Date (UTC)`` is ``Start Date``.
    values
        Its distinct non-blank answers as stripped strings.
    counts
        How often each of ``values`` occurs.
    """
    header = header.strip()
    if _RESPONSE_TIME.search(header) is not None:
        return True
    return _DURATION_HEADER.search(header) is not None and (
        not len(values) or _share(values, counts, _DURATION_VALUE) >= 0.9
    )


# A date header's words that only say when: Date, Timestamp, at; 日時, 日付 at a word's end.
_DATE_WORD: Final = re.compile(r"date|time|timestamp|stamp|day|at|on|of|the|utc|jst|gmt", re.I)
_DATE_END: Final = re.compile(r"(?:年月日|日時|日付|時刻|日|時)$")
# The answer's own events: given, sent, completed, recorded, received or started, or the
# survey's; a date of another event (チェックアウト日, Visit date, 注文日) is not the answer's.
_ANSWER_EVENT: Final = re.compile(
    r"(?:response|responded|answer|answered|reply|replied|submit|submitted|submission|"
    r"complete|completed|completion|finish|finished|end|ended|recorded|record|created|"
    r"received|start|started|survey|feedback|form|entry|回答|送信|完了|終了|記録|作成|登録|"
    r"受付|受信|開始|提出|アンケート|入力|タイムスタンプ)*",
    re.I,
)


def answer_time(header: str) -> bool:
    """Whether a date column's header says the date is when the answer was given.

    True when it names the answer's own event (``Timestamp``, ``submitted_at``, 回答日時,
    ``RecordedDate``) or no event at all (``Date``, 日付); false when it names another one: a
    hotel's ``チェックアウト日``, a clinic's ``Visit date``, a shop's 注文日 (QA44: the
    follow-up cards headed a check-out day 回答日 and counted the 48-hour call-by from it).

    Examples
    --------
    >>> [answer_time(h) for h in ("Timestamp", "回答日時", "Date", "submitted_at", "EndDate")]
    [True, True, True, True, True]
    >>> [answer_time(h) for h in ("チェックアウト日", "Visit date", "注文日", "Check-out date")]
    [False, False, False, False]
    """
    words = re.split(r"[\s_\-./:()（）・]+|(?<=[a-z])(?=[A-Z])", header.strip())
    events = [_DATE_END.sub("", w) for w in words if w and _DATE_WORD.fullmatch(w) is None]
    return all(_ANSWER_EVENT.fullmatch(w) is not None for w in events)


def date_not_answered(column: str | None) -> str | None:
    """Return the label of date ``column`` when it is not when the answer was given.

    The one rule for the report's follow-up list (:func:`nps_kit.closed_loop.other_date_label`),
    its data-quality table and the alerts (:func:`nps_kit.alerts.new_detractors`): ``None``
    when the header names the answer's own event or none (:func:`answer_time`), or there is no
    date column.

    Examples
    --------
    >>> date_not_answered("チェックアウト日"), date_not_answered("Timestamp")
    ('チェックアウト日', None)
    """
    if column is None or answer_time(column):
        return None
    return short_label(column)


def _share(values: pd.Series, counts: np.ndarray, pattern: re.Pattern[str]) -> float:
    hits = np.array([bool(pattern.fullmatch(v)) for v in values], dtype=bool)
    total = int(counts.sum())
    return float(counts[hits].sum()) / total if total else 0.0


def _progress(values: pd.Series) -> bool:
    """Whether the values are Qualtrics' Finished flags or Progress percentages."""
    if set(values.str.casefold()) <= _FLAGS:
        return True
    numbers = pd.to_numeric(values, errors="coerce")
    return bool(numbers.notna().all() and numbers.between(0, 100).all() and numbers.max() > 10)


def technical(headers: Sequence[str], values: pd.Series, counts: np.ndarray) -> str | None:
    """Say what a column the survey tool recorded holds, or ``None`` for a respondent's answers.

    Parameters
    ----------
    headers
        The column's name and its question text when the tool gives one, each without a
        trailing note (``Start Date (UTC)`` is ``Start Date``).
    values
        Its distinct non-blank answers as stripped strings.
    counts
        How often each of ``values`` occurs.

    Returns
    -------
    str or None
        ``"tracking parameter"``, ``"network id"``, ``"response type"``, ``"tags"``, ``"IP
        addresses"``, ``"user agents"``, ``"URLs"``, ``"LimeSurvey field"``, ``"workflow
        status"`` (a ``Status`` / ``ステータス`` / ``対応状況`` whose every answer is a handling or
        completion state),
        ``"anonymous (who answered is not recorded)"`` (Microsoft Forms' ``anonymous`` in every
        row) or ``"time zones (AEST, AEDT: Australia/Sydney)"``
        (:func:`nps_kit._zone_hint.written_zones`); ``None`` when nothing says the column is
        the tool's own (language codes are the respondent's: :func:`language_codes`).
    """
    headers = [h.strip() for h in headers]
    for pattern, what in _HEADERS:
        if any(pattern.search(h) for h in headers):
            return what
    if not len(values):
        return None
    if set(values.str.casefold()) <= ANONYMOUS:
        return "anonymous (who answered is not recorded)"
    if any(_PROGRESS_HEADER.search(h) for h in headers) and _progress(values):
        return "response type"
    versions = any(_VERSION_HEADER.search(h) for h in headers)
    if not versions and _share(values, counts, _IP) >= 0.9:
        return "IP addresses"
    if _share(values, counts, _USER_AGENT) >= 0.9:
        return "user agents"
    if _share(values, counts, _URL) >= 0.9:
        return "URLs"
    folded = set(values.str.casefold())
    if folded <= _RESPONSE_TYPES and folded & _TOOL_RESPONSE_TYPES:
        return "response type"
    if any(_WORKFLOW_HEADER.search(h) for h in headers) and folded <= _WORKFLOW_STATES:
        # Where the staff or the form stands with the response, not what the respondent
        # said: NPS by it "explained" a month's change by the staff's backlog (QA30 F8).
        return "workflow status"
    zones = written_zones(values)
    if zones is not None:
        # The zone the times are written in (QA29 F7: AEST/AEDT became "NPS by Time zone"):
        # evidence for timezone (init), never a group to compare.
        names = ", ".join(zones.names[:3]) + (", …" if len(zones.names) > 3 else "")
        return f"time zones ({names}: {zones.zone or 'different zones'})"
    return None


def response_types(status: pd.Series) -> pd.Series:
    """Read Qualtrics' ``Status`` column as the response types' words, casefolded.

    Parameters
    ----------
    status
        The column as loaded: words ("IP Address", "Survey Preview") from "Export labels", or
        codes (0, 1, …) from "Export values".

    Returns
    -------
    pandas.Series
        ``"ip address"``, ``"survey preview"`` … (string dtype, ``<NA>`` where blank). Codes
        are read as their words only when every non-blank value is one of
        :data:`STATUS_CODES`; any other value is returned as it is, casefolded.
    """
    words = status.astype("string").str.strip().str.casefold()
    codes = _status_codes(words)
    if codes is not None:
        words = words.copy()
        words.loc[codes.index] = codes.map(STATUS_CODES).astype("string")
    return words


def _status_codes(words: pd.Series) -> pd.Series | None:
    """Return the non-blank values as Qualtrics' Status codes; None unless all are codes."""
    given = words.dropna()
    given = given[given != ""]
    codes = pd.to_numeric(given, errors="coerce")
    if len(given) and codes.notna().all() and codes.isin(list(STATUS_CODES)).all():
        return codes.astype(int)
    return None


def numeric_values(status: pd.Series) -> bool:
    """Whether Qualtrics' ``Status`` column says the export holds numeric values.

    "Export values" writes every choice as its code (Status 0, a Yes/No question 1/2, a
    region 1-5) where "Export labels" writes its words.
    """
    return _status_codes(status.astype("string").str.strip()) is not None


def language_codes(headers: Sequence[str], values: pd.Series, counts: np.ndarray) -> bool:
    """Whether a column holds the language each respondent answered in, as language codes.

    Parameters
    ----------
    headers
        The column's name and its question text when the tool gives one.
    values
        Its distinct non-blank answers as stripped strings.
    counts
        How often each of ``values`` occurs.

    Returns
    -------
    bool
        ``True`` when nine answers in ten are language codes and either a header speaks of
        language (``UserLanguage``, ``Language``, ``locale``, 言語コード) or half the answers
        carry a region (``en-GB``, ``ja_JP``): a bare ``en`` or ``NW`` could be any code.
    """
    if not len(values) or _share(values, counts, _LANG_CODE) < 0.9:
        return False
    named = any(_LANG_HEADER.search(h.strip()) for h in headers)
    return named or _share(values, counts, _LANG_REGION) >= 0.5
