"""Which language a survey's answers are written in, as a whole or for one unit's rows.

``nps-kit inspect`` prints it and ``nps-kit init --from`` writes it in ``defaults.yaml`` and,
with ``--unit-column``, in each unit's file whose own answers are mostly in the other language.
Each answer's language is :func:`nps_kit.text.languages.comment_languages`', as the report
reads the comments: Japanese, English, or a language no pack reads (French, German …).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import pandas as pd

from nps_kit._values import missing_words

if TYPE_CHECKING:
    from collections.abc import Iterable

    from nps_kit.i18n import Language

__all__ = ["AnswerLanguage", "answer_language", "header_language"]


@dataclass(frozen=True)
class AnswerLanguage:
    """The language most answers are written in.

    Attributes
    ----------
    language
        ``"ja"`` when half or more of the answers are Japanese, else ``"en"``.
    japanese
        Share of the answers in Japanese (0–1).
    answers
        How many answers were read: cells with letters that say more than "no answer".
    columns
        How many answer columns they come from (a respondent may answer in each).
    others
        (code, share 0–1) of each language no pack reads that answers are confidently in
        (:func:`nps_kit.text.languages.other_language`), most frequent first; the rest of the
        answers in Latin letters are English.
    """

    language: Literal["ja", "en"]
    japanese: float
    answers: int
    columns: int = 1
    others: tuple[tuple[str, float], ...] = ()

    def describe(self, lang: Language = "en") -> str:
        """Say which share is which language: ``68 % English, 32 % Japanese, of 4,209 answers``.

        With several answer columns it says how many: ``… of 723 answers in 2 columns``. Answers
        in a language no pack reads (:attr:`others`) are named after English and Japanese:
        ``85 % English, 0 % Japanese, 15 % other languages not read by the themes (French 7 %,
        German 4 %, Spanish 4 %), of 2,124 answers``. ``lang`` is the language it is said in
        (``inspect --language``, MSG41).
        """
        from nps_kit.i18n import t

        if not self.answers:
            return t("answer_language.none", lang)
        from nps_kit.text.languages import language_name

        japanese = round(100 * self.japanese)
        other = round(100 * sum(share for _, share in self.others))
        where = t("answer_language.columns", lang, n=self.columns) if self.columns > 1 else ""
        shares = {"english": 100 - japanese - other, "japanese": japanese, "other": other}
        answers = f"{self.answers:,}"
        if not self.others:
            return t("answer_language.shares", lang, answers=answers, where=where, **shares)
        named = t("run.rows.and", lang).join(
            f"{language_name(code, lang)} {round(100 * share)} %" for code, share in self.others
        )
        return t(
            "answer_language.shares_others", lang, answers=answers, where=where, named=named,
            **shares,
        )  # fmt: skip


def answer_language(texts: list[pd.Series]) -> AnswerLanguage:
    """Return the language of the majority of the answers in ``texts``.

    A chain whose Tokyo clinic answers in Japanese and whose other clinics answer in English
    is English as a whole (its units each decide on their own rows), not Japanese because a
    third of its comments are.

    Parameters
    ----------
    texts
        Answer columns (free text, or any answers when a survey has none); blank cells, cells
        without letters and cells that say there is no answer (``N/A``, 無回答, "No",
        特になし: :data:`nps_kit.text.tokens.NO_ANSWER`) do not count.

    Returns
    -------
    AnswerLanguage
        The language, the share of Japanese answers and how many answers were read; ``en``
        with no answers.
    """
    from nps_kit.text.languages import comment_languages
    from nps_kit.text.tokens import said

    cells = pd.concat(texts).dropna().astype(str) if texts else pd.Series([], dtype=str)
    folded = cells.map(lambda v: unicodedata.normalize("NFKC", v).strip().casefold())
    # "No", 特になし say nothing, as the report counts comments (QA25 B-2).
    kept = ~folded.isin(missing_words()) & (said(cells) != "").to_numpy()
    languages = comment_languages(cells[kept].reset_index(drop=True))
    answered = languages.dropna()
    if answered.empty:
        return AnswerLanguage("en", 0.0, 0, len(texts))
    share = float((answered == "ja").mean())
    # Languages no pack reads, most frequent first; the report itself is English for them.
    shares = answered[~answered.isin(["ja", "en"])].value_counts(normalize=False) / len(answered)
    others = tuple((str(code), float(part)) for code, part in shares.items())
    return AnswerLanguage(
        "ja" if share >= 0.5 else "en", share, len(answered), len(texts), others=others
    )


def header_language(headers: Iterable[str]) -> Language:
    """Return the language an export's headers (column names, question texts) are written in.

    As :func:`answer_language` reads answers: Japanese when half or more of the headers that
    say something are (回答日時, 推奨度, コメント beside ID and NPS), so an English export
    with one column a Japanese office added (会員番号) stays English. Read before the
    answers, it decides the words of a command outside any project (LEFT45B:
    :func:`nps_kit.commands._options.command_language`).

    Parameters
    ----------
    headers
        The column names and question texts.

    Returns
    -------
    str
        ``"ja"`` or ``"en"`` (no headers that say anything included).
    """
    cells = pd.Series([h for h in headers if isinstance(h, str)], dtype=object)
    return answer_language([cells]).language
