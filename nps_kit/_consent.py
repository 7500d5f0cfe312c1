"""How a consent question's answers read: yes, no, or neither (the one home of those words).

Survey tools word a consent answer in many ways: はい / いいえ, but also
「はい、連絡してもよい」 / 「いいえ、連絡しないでほしい」, 「連絡可」 / 「連絡不可」,
「希望する」 / 「希望しない」, "Yes, you may contact me" / "No, please don't". QA21 found the
worded forms read as neither, so ``init`` took the question for a multi-select and offered the
contact details of people who had said no. Every reader of consent (``init``'s column
detection, the work files, the alerts) asks :func:`consent_answer`, and whether a column's
answers as a whole read as consent, :func:`consent_read` (QA25: inspection wanted every answer
read, the loader half, so 可/否 was refused by ``init`` and read by the alerts).

An export may word consent its own way ("Happy to be contacted" / "Please don't", codes 1/2):
a unit lists those answers (``contact.consent_yes`` / ``contact.consent_no``), carried as
:class:`ConsentWords` to every reader, and they are read before the known words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Final

import pandas as pd

from nps_kit._phone import looks_like_phone
from nps_kit._value_key import cell_text

__all__ = [
    "CONSENT_CHOICES",
    "CONSENT_NAME",
    "NO",
    "OPT_IN_NAME",
    "REFUSAL_NAME",
    "YES",
    "ConsentWords",
    "asks_about_contact",
    "asks_how",
    "asks_refusal",
    "consent_answer",
    "consent_key",
    "consent_questions",
    "consent_read",
    "read_consent",
    "reads_as_consent",
    "refused",
    "reversed_words",
    "unread_answers",
]

#: Whole answers that grant permission to contact: Japanese and English, and the yes of the
#: European surveys a Japanese or English report is made from (QA26: a German ``Kontakt
#: erlaubt`` ja/nein, French oui/non, Spanish sí/no, Dutch ja/nee).
YES: Final = frozenset(
    {"はい", "yes", "y", "true", "1", "可", "ok", "同意", "同意する", "希望", "希望する", "許可"}
    | {"ja", "j", "oui", "sí", "si", "wahr", "vrai", "einverstanden", "d'accord"}
)
#: Whole answers that refuse it.
NO: Final = frozenset(
    {"いいえ", "no", "n", "false", "0", "否", "不可", "拒否", "同意しない", "希望しない", "不要"}
    | {"nein", "non", "nee", "falsch", "faux", "nicht einverstanden", "pas d'accord"}
)
#: At most this many answers make a consent-like column a choice (a consent question), not
#: free text.
CONSENT_CHOICES: Final = 12
#: A column name or question that asks for permission to contact.
#: German and Dutch ``Kontakt erlaubt``, ``kontaktieren``, ``Einwilligung``, ``toestemming``
#: (QA26); French ``contacter`` and Spanish ``contactar`` / ``consentimiento`` hold "contact"
#: or "consent" already. Not ``Zustimmung``: also an agreement scale, whose 1–5 answers would
#: read as a consent question left unset and block a unit with contact details.
# What asking to get back to someone says ("May we call you back?", "OK to e-mail you?").
_ASK: Final = r"(call|ring|phone|reach|e-?mail|get (back )?in touch)"
CONSENT_NAME: Final = re.compile(
    r"contact|consent|follow.?up|連絡|許可|同意|permission|kontakt|einwillig|toestemming"
    # "May we call you back?" asks; "Did our team call you back?" does not (REVIEW27 #5).
    rf"|\b(may|can|could|shall) (we|someone|our)\b[^?]{{0,30}}\b{_ASK}\b"
    rf"|\b(ok|okay|happy for|like|allow)\b[^?]{{0,20}}\b(us|we|someone)\b[^?]{{0,20}}\b{_ASK}\b"
    rf"|\bok(ay)? to {_ASK}\b",
    re.I,
)
#: A yes/no column whose name is a permission that is not consent to be contacted about one's
#: answer: an e-mail marketing opt-in (メール配信可, メルマガ希望, "Newsletter opt-in"), or a
#: permission of any kind (DM可否). ``init`` names it and does not use it as
#: ``columns.contact`` nor as a breakdown (QA27 #6: "NPS by メール配信可" in every report).
_MARKETING: Final = r"配信|メルマガ|メールマガジン|newsletter|subscri|marketing|promotion"
OPT_IN_NAME: Final = re.compile(rf"opt.?in|opt.?out|{_MARKETING}|可否|許諾", re.I)

#: A column name that asks whether *not* to contact ("Do not contact", "DNC", "Opt out", 連絡不要,
#: 連絡を希望しない): its yes refuses contact and its no grants it (QA31 F4: a hotel's
#: ``Do not contact`` yes/no was read as consent, so the alerts listed the guests who had said
#: do not contact me and left out everyone else).
REFUSAL_NAME: Final = re.compile(
    r"\bdo\s*(?:not|n'?t)\s*(?:contact|call|e-?mail|reach)\b|\bdnc\b|\bno\s+contact\b"
    # REVIEW34: "Opt out of contact" Yes/No was read as consent, so the alerts listed exactly
    # the detractors who had opted out.
    r"|\bopt(?:ed)?[\s_-]*out\b"
    r"|連絡(?:を)?(?:不要|拒否|不可|しない|希望しない|しないで)|連絡しないで",
    re.I,
)


# What a question asking leave to contact says ("May we contact you?", 連絡してもよろしいですか):
# its explanation may name the refusal (「連絡不要の場合は「いいえ」」) without asking for one.
_ASKS_LEAVE: Final = re.compile(
    rf"\b(may|can|could|shall) (we|someone|our)\b[^?]{{0,30}}\b({_ASK}|contact)\b"
    r"|\bok(ay)? to\b|\bhappy (for|to)\b|\bpermission\b"
    r"|しても(よ|良)(い|ろしい)|しても(構|かま)いません|差し支え|よろしいですか|可能ですか",
    re.I,
)
# An explanation in brackets: (No contact without your OK), （連絡しない場合もあります）.
_ASIDE: Final = re.compile(r"[(（\[【][^)）\]】]*[)）\]】]")


def asks_refusal(column: str) -> bool:
    """Whether a consent column's name asks whether *not* to contact (:data:`REFUSAL_NAME`).

    Its answers read the other way round: the unit lists them under ``contact.consent_yes``
    (its no) and ``contact.consent_no`` (its yes); ``init --from`` writes them so, and a unit
    that names such a column without them is refused (:func:`nps_kit.unit.consent_problem`).
    A name that asks leave to contact, or names the refusal only in brackets, is no such
    column (REVIEW32: 「ご連絡してもよろしいですか？（連絡不要の場合は「いいえ」）」 was read
    the other way round, so its いいえ would have granted contact).
    """
    head = _ASIDE.sub(" ", column)
    return _ASKS_LEAVE.search(head) is None and REFUSAL_NAME.search(head) is not None


# The first word of a worded answer ("はい、連絡してもよい", "No, please don't").
_LEAD: Final = re.compile(r"^([^\s、,，。.:;/|()「」\-–—]+)[\s、,，。.:;/|()「」\-–—]")
# How a Japanese answer ends when it grants or refuses (連絡可, 連絡してもよい / 連絡不可,
# 連絡しないでほしい). A refusal is tried first, as 不可 ends in 可 and しないでほしい in
# ほしい, after the few grants that end in a negative (連絡しても構わない).
_ENDS_YES_NEGATIVE: Final = re.compile(r"(構わない|かまわない|問題ない|差し支えない)$")
_ENDS_NO: Final = re.compile(
    r"(不可|否|不要|拒否|しない|しないで(ほしい|欲しい|下さい|ください)|しません|お断り(します)?"
    r"|いりません|ほしくない|欲しくない|望まない|do not contact me|don't contact me)$"
)
_ENDS_YES: Final = re.compile(
    r"(可|可能|希望する|希望します|同意する|同意します|よい|良い|いい|ほしい|欲しい|ください"
    r"|下さい|お願いします|contact me)$"
)


def consent_key(value: object) -> str:
    """Return an answer as consent answers compare: NFKC, trimmed, case-folded, 1.0 = 1.

    A final full stop or exclamation mark is dropped ("No." is "no").
    """
    return cell_text(value).casefold().rstrip("。.!！ ")


@dataclass(frozen=True)
class ConsentWords:
    """A unit's own consent answers: which grant contact and which refuse it.

    From ``contact.consent_yes`` and ``contact.consent_no`` in the unit's parameters
    (:meth:`nps_kit.params.UnitParameters.consent_words`), for an export that words consent
    its own way ("Happy to be contacted" / "Please don't", codes 1/2). They are read before
    the known words (:func:`consent_answer`), so a listed ``2`` is a no although a plain
    ``2`` reads as neither. Build it with :meth:`of`, which compares answers by
    :func:`consent_key`.

    Attributes
    ----------
    yes, no
        The listed answers, as :func:`consent_key` gives them.
    """

    yes: frozenset[str] = frozenset()
    no: frozenset[str] = frozenset()

    @classmethod
    def of(cls, yes: Iterable[object] = (), no: Iterable[object] = ()) -> ConsentWords:
        """Return the words of ``yes`` and ``no`` (any cells: text or codes)."""
        return cls(
            frozenset(k for k in map(consent_key, yes) if k),
            frozenset(k for k in map(consent_key, no) if k),
        )

    def __bool__(self) -> bool:
        return bool(self.yes or self.no)


def consent_answer(value: object, *, words: ConsentWords | None = None) -> bool | None:
    """Read one answer to a consent question: ``True`` (yes), ``False`` (no) or ``None``.

    Parameters
    ----------
    value
        The cell as exported (text, a number, a boolean).
    words
        The unit's own consent answers (``contact.consent_yes`` / ``consent_no``), read
        before the known words.

    Returns
    -------
    bool or None
        ``True`` for an answer granting contact (はい, yes, 1, 連絡可, 「はい、連絡してもよい」,
        "Yes, you may contact me"), ``False`` for one refusing it (いいえ, no, 0, 連絡不可,
        「いいえ、連絡しないでほしい」, "No, please don't"), ``None`` for anything else
        (a blank, a phone number, 「どちらでもない」).
    """
    if value is None or (isinstance(value, float) and value != value):
        return None
    text = consent_key(value)
    if not text:
        return None
    if words is not None and text in words.yes:
        return True
    if words is not None and text in words.no:
        return False
    if text in YES:
        return True
    if text in NO:
        return False
    lead = _LEAD.match(text)
    if lead is not None and lead.group(1) in YES | NO:
        return lead.group(1) in YES
    if _ENDS_YES_NEGATIVE.search(text):
        return True
    if _ENDS_NO.search(text):
        return False
    if _ENDS_YES.search(text):
        return True
    return None


def read_consent(values: pd.Series, *, words: ConsentWords | None = None) -> pd.Series:
    """Read each answer with :func:`consent_answer`: a nullable boolean series, same index."""
    distinct = {v: consent_answer(v, words=words) for v in pd.unique(values.dropna())}
    return values.map(distinct, na_action="ignore").astype("boolean")


def consent_read(values: Iterable[object], *, words: ConsentWords | None = None) -> tuple[int, int]:
    """Count how many of a column's distinct answers read as a yes or a no.

    A column reads as consent when half or more of its distinct non-blank answers do
    (:func:`reads_as_consent`): a consent question may have the odd 「どちらでもない」, while a
    comment column set by mistake has only the odd 「連絡不要」 among its texts.

    Parameters
    ----------
    values
        The column's distinct answers (blanks are left out).
    words
        The unit's own consent answers (:class:`ConsentWords`).

    Returns
    -------
    tuple of int
        ``(read, seen)``: the answers read as yes or no, and the non-blank answers.
    """
    seen = [v for v in pd.Series(list(values), dtype=object).dropna() if cell_text(v)]
    return sum(consent_answer(v, words=words) is not None for v in seen), len(seen)


def unread_answers(values: Iterable[object], *, words: ConsentWords | None = None) -> list[str]:
    """Return a column's distinct non-blank answers that read as neither yes nor no.

    What a warning names, so that the unit can list them (``contact.consent_yes`` /
    ``consent_no``) or leave them unknown (an unknown answer never grants contact).
    """
    seen = dict.fromkeys(cell_text(v) for v in pd.Series(list(values), dtype=object).dropna())
    return [v for v in seen if v and consent_answer(v, words=words) is None]


def reads_as_consent(values: Iterable[object], *, words: ConsentWords | None = None) -> bool:
    """Whether half or more of a column's distinct non-blank answers read as yes or no.

    The one rule by which ``init`` takes a question asking for permission to contact as the
    consent column and by which the loader accepts ``columns.contact`` (:func:`consent_read`).
    """
    read, seen = consent_read(values, words=words)
    return read > 0 and read * 2 >= seen


def consent_questions(
    columns: Iterable[str],
    distinct: Callable[[str], pd.Series],
    *,
    skip: Iterable[str] = (),
) -> list[str]:
    """Return the columns that are a consent question: the one rule (FIX74).

    A column is one when its name asks for permission to contact (:data:`CONSENT_NAME`), or
    whether not to ("DNC", "Opt out": :func:`asks_refusal`, not a newsletter's), and
    its answers are a choice: at least one and at most :data:`CONSENT_CHOICES` distinct
    non-blank answers, however they read (answers worded the export's own way still ask).
    The columns nps-kit adds (``nps_…``) and ``skip`` are not. ``run`` and ``alerts`` refuse
    a unit whose ``columns.contact`` is null beside one
    (:func:`nps_kit._contact_rule.contact_rule`); :func:`refused` reads them.

    Parameters
    ----------
    columns
        The export's columns.
    distinct
        Gives a column's distinct values.
    skip
        Columns that are never the consent question (``columns.contact_details``).

    Returns
    -------
    list of str
        The consent questions, in the export's order.
    """
    left_out = set(skip)
    found = []
    for column in columns:
        name = str(column)
        if name in left_out or name.startswith("nps_") or not asks_about_contact(name):
            continue
        answers = [v for v in (cell_text(x) for x in pd.unique(distinct(name).dropna())) if v]
        if 0 < len(answers) <= CONSENT_CHOICES and not asks_how(name, answers):
            found.append(name)
    return found


# A question asking how or when to contact, not whether ("Preferred contact method", 連絡方法,
# "Best time to contact you"); a name of the means ("Contact phone") may still ask whether, and
# so may "How / When may we contact you?" answered in words of its own ("Please don't").
_HOW: Final = re.compile(r"\b(?:prefer\w*|method|channel|means|time|best)\b|方法|手段|時間帯", re.I)


def asks_how(name: str, answers: list[str]) -> bool:
    """Whether a contact question asks how or when to contact, none of its answers a yes or no.

    REVIEW34: "Preferred contact method" (Email / Phone / Post) beside an e-mail column was
    read as a consent question left unset, so run and the alerts refused a unit whose survey
    asks no consent, telling it to list which of Email / Phone / Post grant contact. An answer
    that reads as yes or no ("Do not contact me") keeps it a consent question. The one rule
    for :func:`consent_questions` and ``init``'s question asking consent in words of its own.
    """
    if any(consent_answer(v) is not None for v in answers):
        return False
    # The means itself: e-mail addresses or phone numbers (連絡先, "Contact e-mail").
    means = all("@" in v or looks_like_phone(v) for v in answers)
    return means or _HOW.search(name) is not None


def asks_about_contact(name: str) -> bool:
    """Whether a column's name asks for consent to contact, or whether *not* to contact.

    The one test of a consent question's name, for inspection's ``consent`` kind, the
    contact rule (:func:`consent_questions`) and the columns the alerts read.

    "DNC" and "Opt out" say no "contact" (REVIEW34: beside an e-mail column left as the only
    setting, the alerts gave the e-mail addresses of those who had opted out); a newsletter's
    opt-out is not about being contacted over one's answer.
    """
    if CONSENT_NAME.search(name):
        return True
    return asks_refusal(name) and re.search(_MARKETING, name, re.I) is None


# An answer's opposite in its own language, for a "Do not contact" column only one side of
# which was answered (a ticked box: はい or blank).
_OPPOSITE: Final = {
    "はい": "いいえ", "yes": "no", "y": "n", "true": "false", "1": "0", "ja": "nein", "oui": "non",
    "可": "不可",
}  # fmt: skip
_OPPOSITE_BACK: Final = {no: yes for yes, no in _OPPOSITE.items()}


def reversed_words(values: Iterable[object]) -> tuple[list[str], list[str]]:
    """Return a "Do not contact" column's answers listed the other way round.

    ``(consent_yes, consent_no)``: its answers reading as no (which grant contact) and those
    reading as yes (which refuse it), as written, what ``init --from`` writes and the refusals
    name (:func:`asks_refusal`). A side nobody answered is the other side's opposite in its
    language (REVIEW34: a 連絡不要 box ticked はい or left blank got ``consent_yes: [no]``, so
    a later いいえ, a known no, would refuse contact), else ``no`` / ``yes``.
    """
    said = {v: consent_answer(v) for v in (cell_text(x) for x in values) if v}
    yes = [v for v, a in said.items() if a]
    no = [v for v, a in said.items() if a is False]
    if not no:
        no = [_OPPOSITE.get(consent_key(yes[0]), "no")] if yes else ["no"]
    if not yes:
        yes = [_OPPOSITE_BACK.get(consent_key(no[0]), "yes")]
    return no, yes


def refused(
    frame: pd.DataFrame, *, skip: Iterable[str] = (), words: ConsentWords | None = None
) -> pd.Series:
    """Whether each row says no in one of ``frame``'s consent questions (:func:`consent_questions`).

    Without ``columns.contact``, a contact detail a respondent left counts as their consent;
    an explicit no in the export's consent question must still win (QA26: 3 of the 6
    detractors an alert mailed with their e-mail address had answered ``Kontakt erlaubt:
    nein``). A column asking whether *not* to contact (:func:`asks_refusal`) refuses with its
    yes, unless ``words`` lists its answers the other way round.

    Parameters
    ----------
    frame
        Responses as loaded.
    skip
        Columns that are never the consent question (``columns.contact_details``).
    words
        The unit's own consent answers (:class:`ConsentWords`).

    Returns
    -------
    pandas.Series
        Boolean, index of ``frame``: ``True`` where a consent question reads as no.
    """
    out = pd.Series(False, index=frame.index)
    for column in consent_questions(frame.columns, frame.__getitem__, skip=skip):
        said = read_consent(frame[column], words=words)
        if asks_refusal(column) and not words:
            # "Do not contact": its yes refuses (REVIEW32: read as consent, the alerts gave the
            # e-mail of those who had asked not to be contacted). Listed words are read as
            # listed, the other way round already (consent_problem's rule).
            said = ~said
        out |= said.eq(False).fillna(False).astype(bool)
    return out
