"""Say what a survey question asks about, in a few words, to label the report by it.

A label titles a chart ("NPS by {label}", 「{label}別のNPS」), heads a table and names the
question in the e-mail, so the whole question reads badly there (「今回のご利用目的を教えて
ください。別のNPS」, "NPS by Which plan are you on?"). :func:`short_label` drops the asking
around the subject — a Japanese polite request (〜を教えてください), an English question frame
(Which … are you on?, How satisfied are you with …?) — and keeps the subject whole: it never
cuts a text at a width. A question it does not recognise keeps its words.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from typing import Final

import pandas as pd

__all__ = ["header_label", "short_label", "short_labels", "shown_values"]

# Half-width katakana and their punctuation (ｵﾍﾟﾚｰﾀ, ｺﾒﾝﾄ, ｽｺｱ｡): what a call-centre system
# writes in its headers, and no report heading wants.
_HALF_WIDTH_KANA: Final = re.compile(r"[\uff61-\uff9f]+")
# What a survey tool writes before a column's own name (QA29 F11): Delighted's "Person
# properties: Policy Type", Qualtrics' question id before a name ("Q12_Region", "QID12_Region";
# not a matrix's "Q3_10", which is nothing but the id). A Japanese tool writes the id in
# full-width letters (QA36 O5: 「Ｑ３＿予約経路」 kept its number, beside 「おすすめ度」).
_TOOL_PREFIX: Final = re.compile(
    r"^(?:(?:person|contact|custom|customer) properties?\s*:\s*"
    r"|[QＱｑ](?:[IＩｉ][DＤｄ])?[0-9０-９]+[_＿](?=[^\W\d_]))",
    re.I,
)


def header_label(header: str) -> str:
    """Return a column header as a label: half-width kana full-width, no survey tool's prefix.

    QA25: a call-centre export's ｺﾒﾝﾄ and ｵﾍﾟﾚｰﾀ headed the report's section, titled its chart
    「ｵﾍﾟﾚｰﾀ別のNPS」 and named the profile line in e-mails. Only the kana are normalised
    (NFKC): the survey's own full-width letters and brackets (「ご利用の機能（その他）」) stay.
    A survey tool's prefix (Delighted's "Person properties: ", Qualtrics' "Q12_") is dropped:
    QA29 F11 read "NPS by Person properties: Policy Type" 30 times in one report. Otherwise
    as written. A label set by hand is never passed here; the column name used to read the
    data stays as in the file.

    Examples
    --------
    >>> header_label("ｵﾍﾟﾚｰﾀ")
    'オペレータ'
    >>> header_label("Person properties: Policy Type")
    'Policy Type'
    """
    return _full_width(_TOOL_PREFIX.sub("", header) or header)


def _full_width(text: str) -> str:
    """Return ``text`` with its half-width kana full-width (NFKC), the rest as written."""
    return _HALF_WIDTH_KANA.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def shown_values(values: pd.Series) -> pd.Series:
    """Return a column's answers as a report shows them: half-width kana full-width.

    The one display form of an export's choice answers and names (:func:`header_label`, as
    headers already are): QA27 showed a cart export's ﾃｲｷｺｰｽ, ｳｪﾌﾞ広告 in breakdown charts,
    detractor cards and e-mails beside inspect's テイキコース. Units compare filter values
    after NFKC (:func:`nps_kit.cache.normalise_key`), so the raw value is needed nowhere
    after the unit's rows are chosen. A column without half-width kana is returned as is.

    Examples
    --------
    >>> shown_values(pd.Series(["ﾃｲｷｺｰｽ", "Web", None])).tolist()
    ['テイキコース', 'Web', None]
    """
    if values.dtype.kind not in "OUST" and not isinstance(values.dtype, pd.StringDtype):
        return values
    text = values[values.map(lambda v: isinstance(v, str))]
    if not text.str.contains(_HALF_WIDTH_KANA).any():
        return values
    distinct = {v: _full_width(v) for v in pd.unique(text)}  # an answer has no tool prefix
    return values.map(lambda v: distinct.get(v, v) if isinstance(v, str) else v)


# --- Japanese: 「〜を教えてください。」 -> 〜 ------------------------------------------------
_JA_REQUEST: Final = re.compile(
    # ご自由に, ご簡単に: the polite ご goes with the adverb (QA30: 「…があればご」 was left)
    r"(?:を|について|に関して|は)?\s*(?:ご?(?:具体的に|詳しく|詳細に|自由に|簡単に|率直に))?\s*(?:"
    r"お聞かせ|お聞かせ頂け|聞かせて|教えて|お教え|お選び|選んで|ご選択|選択して|ご記入|記入して|"
    r"ご入力|入力して|お答え|答えて|ご回答|回答して|お知らせ|お書き|ご評価|評価して"
    r")(?:ください|下さい|くださいませ|頂けますか|いただけますか|いただけますでしょうか)$"
)
_JA_QUESTION: Final = re.compile(
    r"(?:は|の)?(?:いかがでしたか|いかがですか|何ですか|なんですか|どれですか|どちらですか"
    r"|どこですか|ありますか|でしたか)$"
)
_JA_OPENING: Final = re.compile(r"^(?:今回の|今回|あなたの|お客様の|ご自身の|そのように)")
# どのクリニックを受診されましたか -> クリニック (a "which …" question: Google Forms).
_JA_WHICH: Final = re.compile(
    r"^(?:どの|どちらの)(?P<x>[^をでにへがは]{1,12})(?:を|で|に|へ|が|は).*"
    r"(?:ましたか|ますか|でしたか|ですか)$"
)
# The short follow-up after the score (なぜですか？, その理由を教えてください): its reason.
_JA_WHY: Final = re.compile(r"^(?:それは|その)?(?:なぜ|何故|どうして)(?:ですか)?$|^その理由$")
_JA_REASON: Final = "スコアの理由"
# 改善してほしい点があれば -> 改善してほしい点 (an open "if any" that ends the question).
_JA_IF_ANY: Final = re.compile(r"(?:があれば|がありましたら|などあれば|はありますか)$")

# A survey tool's question number before the question: "Q2 ", "Q2. ", "Ｑ３：", "問2 ", "3. "
# (QA18: labels read 「Q2 その点数をつけた理由」).
_NUMBER: Final = re.compile(
    r"^(?:(?:Q|Ｑ|問|設問)\s*[0-9０-９]+[\s.．:：)）-]+|[0-9０-９]+[.．)）]\s*)(?=\S)"
)
# An English question opened by "Overall," or "In general,".
_EN_OPENING: Final = re.compile(r"^(?:overall|in general|generally|all in all),?\s+", re.I)

# --- One row of a matrix, one option of a multi-select ----------------------------------------
# Qualtrics (Q3_1) and SurveyMonkey name such a column "question - row": the question ends as a
# sentence does (?, 。, ください, "(Select all that apply)") and the row is what the column asks.
_ROW: Final = re.compile(r"^(?P<q>.*(?:[?？。:：)）]|ください|下さい))\s+-\s+(?P<row>\S.*)$")

# Google Forms and Japanese survey tools name a grid's row "question [row]"
# (「以下の項目について、5段階で評価してください。[朝食]」, "Rate the following? [Staff]");
# a bracket after no question ("Amount [USD]") is a unit, unless other columns share the question
# (:func:`short_labels`).
_BRACKET_ROW: Final = re.compile(r"^(?P<q>.*?)\s*[\[［](?P<row>[^\]］\[［]+)[\]］]$")
_ASKS: Final = re.compile(r"(?:[?？。:：)）]|ください|下さい)$")
# What a bracket holds when it is the answer's unit, not a grid's row: "[USD]", "[years]", "[円]".
_UNIT: Final = re.compile(
    r"^(?:[A-Z]{3}|[%％$€£¥]|円|歳|才|年|か月|ヶ月|日|時間|分|回|人|個|件|点|"
    r"(?i:years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|secs?|kg|g|lbs?|"
    r"km|m|cm|mm|miles?|mi|percent|pct|times|people|items|points?))$"
)
# How to answer, after the question: （自由記述）, （任意）, "(optional)" — not its subject.
_NOTE: Final = re.compile(
    # …and the scale it is answered on, "(1-5)", "(0–10)", "(1 to 5)": QA29 F11 labelled "…the
    # care you received? (1-5)" "Care you received? (1-5)".
    r"\s*[(（]\s*[0-9０-９]+\s*(?:-|–|—|~|〜|to)\s*[0-9０-９]+\s*[)）]$"
    # …or out of what: "(sur 5)", "(out of 5)", （5点満点） (QA32).
    r"|\s*[(（]\s*(?:(?:sur|out of|von|/)\s*[0-9０-９]+|[0-9０-９]+\s*点満点)\s*[)）]$"
    r"|\s*[(（](?:自由記述|自由回答|記述式|任意|必須|複数回答可?|複数選択可?|いくつでも|optional|required"
    r"|(?:please )?(?:select|check|tick|choose|mark) (?:all|any) that apply"
    # …or in which language, （日本語・英語どちらでも） (QA34), "(English or Japanese)".
    r"|[^()（）]{1,16}(?:どちらでも|いずれでも)(?:可|結構です|構いません|かまいません)?"
    r"|(?:in )?(?:english|japanese|spanish) or (?:english|japanese|spanish)(?: is fine)?)[)）]$",
    re.I,
)

# The free-text box of an "Other (please specify)" option: Qualtrics names it "question -
# Other - Text", SurveyMonkey "question - Other (please specify)". As a label it named nothing
# ("Other - Text" in the report): it is the question's, labelled as its other answers' text.
_OTHER_BOX: Final = re.compile(
    r"^(?P<q>.+?)\s+-\s+(?:other|その他|そのほか)\b"
    r".*(?:specify|describe|explain|\btext\b|テキスト|具体|記入|記述|入力).*$",
    re.I,
)

# --- English: a question frame around the subject -------------------------------------------
# Google Forms' short follow-up after the score ("Why?"): a heading a manager understands.
_EN_WHY: Final = re.compile(
    r"^why(?: is that| not| so| did you give (?:us )?(?:that|this|your|the|a) (?:score|rating))?$",
    re.I,
)
_EN_REASON: Final = "Reason for the score"
# "Is there anything we could do better?" -> "What we could do better".
_EN_ANYTHING: Final = re.compile(
    r"^is there anything (?:else )?(?:that )?we (?:could|can|should) (?P<x>do better|improve)$",
    re.I,
)
# "What one thing should we improve?", "What is one thing we could change?", "If you could
# change one thing, …": the improvement asked for (QA22: the frame below made it "One thing").
_EN_IMPROVEMENT: Final = re.compile(
    r"^(?:(?:what|which)(?:'s|’s| is| was| would be)?(?: the)?"
    r"(?: (?:one|single|main|biggest|first|top))? (?:thing|area|change|improvement)s?\b"
    r".*\b(?:improve|change|fix|do better|do differently)\b"
    r"|if you could (?:change|improve|fix) (?:one|a single) thing\b)",
    re.I,
)
_EN_IMPROVEMENT_LABEL: Final = "Improvement"
# "What could we do better?" (the frame below made it "Could we").
_EN_DO_BETTER: Final = re.compile(r"^what (?:could|can|should) we (?P<x>do better)$", re.I)
# "How many employees does your company have?": the size of the respondent's company (QA22:
# the whole question titled "NPS by How many employees does your company have").
_EN_COMPANY_SIZE: Final = re.compile(
    r"^how many (?:employees|staff|people|workers)\b.*\b(?:company|organi[sz]ation|business"
    r"|firm|employer)\b",
    re.I,
)
_EN_COMPANY_SIZE_LABEL: Final = "Company size"
# "Which of these have you contacted us about in the last 6 months?": no noun after "of these",
# so the asking is what was done (QA25: labelled "Have you"): "Contacted us about".
_EN_WHICH_OF_THESE: Final = re.compile(
    r"^(?:which|what) of (?:these|those|the following),? (?:have|has|did|do|does|are|were|would"
    r"|will|could|can) (?:you|we) (?P<x>.+)$",
    re.I,
)
# When it was done, after what ("… in the last 6 months", "… today"): the question's frame.
_EN_WHEN: Final = re.compile(
    r"\s+(?:(?:in|during|over|within) (?:the )?(?:last|past) .*|today|recently"
    r"|this (?:year|month|week))$",
    re.I,
)
# "Which clinic?" (a noun or two, no verb): the noun.
_EN_WHICH_NOUN: Final = re.compile(r"^which (?P<x>[a-z][\w'-]*(?: [\w'-]+){0,3})$", re.I)
# "What was your appointment for?": a preposition left at the end is the question's.
_EN_LAST_PREPOSITION: Final = re.compile(r"\s+(?:for|about)$", re.I)
# The verb after the subject: an auxiliary, or a past tense (Which office handled …).
_AUX: Final = r"(?:are|is|was|were|do|does|did|have|has|had|would|will|can|could|should|\w{2,}ed)"
# "How many seats does your team use?": "Number of seats" (not "times": a count of nothing).
_EN_HOW_MANY: Final = re.compile(
    rf"^how many (?P<x>(?!times\b)[a-z][\w'-]*(?: [a-z][\w'-]*)?) {_AUX}\b.*$", re.I
)
_EN_FRAMES: Final = (
    # Which plan are you on? / Which of our offices did you visit? / What store do you use?
    # Not "What did we do well?": a subject never starts with the verb (QA32: "Did we").
    re.compile(
        rf"^(?:which|what)(?: of (?:our|the|these|your))? (?!{_AUX}\b)(?P<x>.+?) {_AUX}\b.*$",
        re.I,
    ),
    # What's the main reason for your score? / What is your age group?
    re.compile(r"^what(?:'s|’s| is| was| are| were) (?:the |your )?(?P<x>.+)$", re.I),
    # How satisfied are you with our documentation?
    re.compile(
        r"^how (?:satisfied|happy|pleased|dissatisfied) (?:are|were) you with "
        r"(?:the |our |your )?(?P<x>.+)$",
        re.I,
    ),
    # How would you rate the help you got from our support team?
    re.compile(
        r"^how (?:would|do|did) you (?:rate|score|grade) (?:the |our |your )?(?P<x>.+)$", re.I
    ),
    # Please select your region / Choose the store you visited / Tell us your plan
    re.compile(
        r"^(?:please )?(?:select|choose|pick|enter|tell us|indicate) (?:the |your |a )?"
        r"(?P<x>.+)$",
        re.I,
    ),
)


def short_label(question: str) -> str:
    """Return what ``question`` asks about, in its own words and language.

    Parameters
    ----------
    question
        A column header or a question text.

    Returns
    -------
    str
        The subject of the question: 今回のご利用目的を教えてください。 is ご利用目的,
        客室の満足度をお聞かせください。 is 客室の満足度, "Which plan are you on?" is "Plan",
        "How satisfied are you with our documentation?" is "Documentation", Google Forms'
        "Which clinic?" "Clinic" and "What was your appointment for?" "Appointment"; the short
        follow-up "Why?" (なぜですか？) is "Reason for the score" (スコアの理由); a matrix row or
        multi-select option named "question - row" (Qualtrics, SurveyMonkey) is the row:
        「以下の項目について、満足度をお聞かせください。 - 保険料」 is 保険料, except the text box
        of an "Other (please specify)" option ("question - Other - Text"), which is the
        question's: "Services — other (text)", 「ご利用の機能（その他・自由記述）」. A header
        that is not a question and a question of no known form keep their words, without a
        final question mark or 。; a grid row named "question [row]" (Google Forms) after a
        question is the row; a note on how to answer (（自由記述）, "(optional)") is dropped;
        a lower-case column name reads as words (``region`` is
        "Region", ``plan_tier`` "Plan tier", ``nps_comment`` "NPS comment").

    Examples
    --------
    >>> short_label("今回のご利用目的を教えてください。")
    'ご利用目的'
    >>> short_label("What's the main reason for your score?")
    'Main reason for your score'
    """
    # The words as written but for half-width kana (no NFKC: a label keeps the survey's own
    # full-width characters).
    text = " ".join(header_label(question).split())
    numbered = _NUMBER.sub("", text)
    if len(numbered) >= 2 and numbered != text:
        return short_label(numbered)
    other = _OTHER_BOX.match(text)
    if other is not None:
        asked = short_label(other["q"])
        if re.search(r"[\u3040-\u30ff\u3400-\u9fff]", other["q"]):
            return f"{asked}（その他・自由記述）"
        return f"{asked} — other (text)"
    bracket = _BRACKET_ROW.match(text)
    if _grid_row(bracket) and bracket is not None and _ASKS.search(bracket["q"]):
        return bracket["row"].strip()
    noted = _NOTE.sub("", text)
    if noted and noted != text:
        return short_label(noted)
    row = _ROW.match(text)
    if row is not None:
        # Qualtrics' "Which features do you use? - Selected Choice" is the whole question.
        if row["row"].casefold() == "selected choice":
            return short_label(row["q"])
        return row["row"]  # 「満足度をお聞かせください。 - 保険料」 asks about 保険料
    bare = text.rstrip("?？。.!！:： ")
    if not bare:
        return text
    if re.search(r"[\u3040-\u30ff\u3400-\u9fff]", bare):
        return _japanese(bare)
    return _english(bare)


def short_labels(questions: Sequence[str]) -> list[str]:
    """Return the :func:`short_label` of each question, told apart where two share a row.

    Two matrices often ask about the same rows ("How important is each of the following? -
    Price", "How satisfied are you with each of the following? - Price"): their rows alone would
    label two points of the key-driver chart and two lines of the ratings table "Price". Such a
    row keeps its question after it: "Price (How important is each of the following)",
    「保険料（以下の項目について、重要度をお聞かせください）」.

    Parameters
    ----------
    questions
        The column headers or question texts of the questions labelled together.

    Returns
    -------
    list of str
        One label per question, in order.

    Examples
    --------
    >>> short_labels(["Rate each: - Price", "Rank each: - Price", "Rate each: - Staff"])
    ['Price (Rate each)', 'Price (Rank each)', 'Staff']
    """
    labels = [short_label(q) for q in questions]
    # Grid rows in brackets after a question that does not end as one ("Rate us [Staff]"):
    # rows when at least two columns share the question.
    brackets = [_BRACKET_ROW.match(" ".join(q.split())) for q in questions]
    grids = Counter(b["q"] for b in brackets if b is not None and _grid_row(b))
    labels = [
        b["row"].strip() if b is not None and _grid_row(b) and grids[b["q"]] > 1 else label
        for b, label in zip(brackets, labels, strict=True)
    ]
    shared = Counter(labels)
    out = []
    for question, label in zip(questions, labels, strict=True):
        row = _ROW.match(" ".join(question.split()))
        if shared[label] > 1 and row is not None and row["row"] == label:
            asked = row["q"].rstrip("?？。.!！:： ")
            japanese = re.search(r"[\u3040-\u30ff\u3400-\u9fff]", asked) is not None
            label = f"{label}（{asked}）" if japanese else f"{label} ({asked})"
        out.append(label)
    return out


def _grid_row(bracket: re.Match[str] | None) -> bool:
    """Whether a "question [x]" match names a grid's row: a question before it, no unit in it."""
    return (
        bracket is not None
        and bool(bracket["q"])
        and _UNIT.fullmatch(bracket["row"].strip()) is None
    )


def _japanese(text: str) -> str:
    which = _JA_WHICH.match(text)
    if which is not None:
        return which["x"]
    asked = _JA_REQUEST.sub("", text)
    if _JA_WHY.match(asked) or _JA_WHY.match(_JA_QUESTION.sub("", asked)):
        return _JA_REASON
    subject = _JA_IF_ANY.sub("", _JA_QUESTION.sub("", asked))
    subject = _JA_OPENING.sub("", subject).strip()
    return subject if len(subject) >= 2 else text


#: A column name rather than words (``region``, ``plan_tier``, ``nps-comment``): read as words.
_IDENTIFIER = re.compile(r"[a-z][a-z0-9]*(?:[_\-][a-z0-9]+)*")
#: Letters of such a name that stand for a name of their own, written in capitals.
_ACRONYMS = frozenset({"nps", "id", "csat", "ces", "api", "sso", "ui", "url", "faq", "sla"})


def _english(text: str) -> str:
    if _IDENTIFIER.fullmatch(text):
        # QA19: init --from labelled charts "NPS by region" and a section "comment".
        words = [w.upper() if w in _ACRONYMS else w for w in re.split(r"[_\-]", text)]
        named = " ".join(words)
        return named[:1].upper() + named[1:]
    asked = _EN_OPENING.sub("", text)
    if _EN_WHY.match(asked):
        return _EN_REASON
    anything = _EN_ANYTHING.match(asked) or _EN_DO_BETTER.match(asked)
    if anything is not None:
        return f"What we could {anything['x'].lower()}"
    if _EN_IMPROVEMENT.match(asked):
        return _EN_IMPROVEMENT_LABEL
    if _EN_COMPANY_SIZE.match(asked):
        return _EN_COMPANY_SIZE_LABEL
    many = _EN_HOW_MANY.match(asked)
    if many is not None:
        return f"Number of {many['x'].lower()}"
    these = _EN_WHICH_OF_THESE.match(asked)
    if these is not None:
        done = _EN_WHEN.sub("", these["x"]).strip()
        # One verb ("did you use") says too little: the question is kept.
        return done[:1].upper() + done[1:] if len(done.split()) >= 2 else asked
    which = _EN_WHICH_NOUN.match(asked)
    if which is not None and not re.search(rf"\b{_AUX}\b", which["x"], re.I):
        subject = which["x"]
        return subject[:1].upper() + subject[1:]
    for frame in _EN_FRAMES:
        found = frame.match(asked)
        if found and len(found["x"].split()) <= 8:
            subject = found["x"].strip()
            if len(subject.split()) > 1:
                subject = _EN_LAST_PREPOSITION.sub("", subject)
            return subject[:1].upper() + subject[1:]
    return text
