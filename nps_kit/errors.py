"""One error hierarchy for every user-facing failure.

The CLI turns any :class:`NpsKitError` into a one-paragraph message on stderr and exit status 2;
anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from nps_kit.i18n import Language

__all__ = [
    "ConfigError",
    "DataError",
    "MailError",
    "NpsKitError",
    "Saying",
    "closest",
    "missing_column",
]


@dataclass(frozen=True)
class Saying:
    """An error's message and hint as catalogue entries, to say them in the reader's language.

    Raised by code that does not know its reader's language (the loader, read by ``score``,
    ``inspect``, ``run`` …): the command line says the error in the command's language
    (MSG43). The English is the error's own message, built from the same entries.

    Attributes
    ----------
    key
        The message's catalogue key.
    values
        Its fields; one with words of its own (another :class:`Saying`,
        :class:`nps_kit._schema_errors.Listed`) is said in the same language.
    hint_key
        The hint's catalogue key, ``None`` for none.
    hint_values
        The hint's fields.
    """

    key: str
    values: dict[str, object] = field(default_factory=dict)
    hint_key: str | None = None
    hint_values: dict[str, object] = field(default_factory=dict)

    def message(self, lang: Language) -> str:
        """Return the message in ``lang``."""
        return _say(self.key, lang, self.values)

    def hint(self, lang: Language) -> str | None:
        """Return the hint in ``lang``, ``None`` without one."""
        return None if self.hint_key is None else _say(self.hint_key, lang, self.hint_values)

    def words(self, lang: Language) -> str:
        """Return the message in ``lang``: a :class:`Saying` is also a field of another."""
        return self.message(lang)


def _say(key: str, lang: Language, values: dict[str, object]) -> str:
    """Say ``key``: a field with words of its own (``words(lang)``) is said in ``lang`` too."""
    from nps_kit.i18n import t

    said = {k: v.words(lang) if hasattr(v, "words") else v for k, v in values.items()}
    return t(key, lang, **said)


class NpsKitError(Exception):
    """Base class of every error that is the user's to fix.

    Parameters
    ----------
    message
        What is wrong, naming the file, row, column or key involved.
    hint
        What to do about it (appended to the message as a separate sentence).
    said
        The message and hint as catalogue entries (:class:`Saying`), when the code that
        raises does not know its reader's language; ``message`` and ``hint`` are then its
        English and may be left out.
    """

    def __init__(
        self, message: str = "", *, hint: str | None = None, said: Saying | None = None
    ) -> None:
        if said is not None:
            message, hint = message or said.message("en"), hint or said.hint("en")
        self.message = message
        self.hint = hint
        self.saying = said
        super().__init__(self.__str__())

    def __str__(self) -> str:
        return _joined(self.message, self.hint)

    def in_language(self, lang: Language) -> str:
        """Return the error in ``lang``: its catalogue entries, else the message as raised."""
        if self.saying is None or lang == "en":
            return str(self)
        return _joined(self.saying.message(lang), self.saying.hint(lang))


def _joined(message: str, hint: str | None) -> str:
    if not hint:
        return message
    # A Japanese sentence follows 「。」 with no space (FIX83: an SMTP error in Japanese).
    space = "" if message.endswith("。") else " "
    return f"{message}{space}{hint}"


class DataError(NpsKitError):
    """A data file cannot be read or its values are wrong.

    Attributes
    ----------
    path
        The file concerned, if any.
    failures
        One row per failure with columns ``row`` (1-based row in the source file, as a
        spreadsheet shows it), ``column``, ``value`` and ``reason``. Empty when the error is
        about the file as a whole.
    """

    def __init__(
        self,
        message: str = "",
        *,
        hint: str | None = None,
        path: Path | None = None,
        failures: pd.DataFrame | None = None,
        said: Saying | None = None,
    ) -> None:
        self.path = path
        self.failures = (
            failures
            if failures is not None
            else pd.DataFrame({"row": [], "column": [], "value": [], "reason": []})
        )
        super().__init__(message, hint=hint, said=said)


class ConfigError(NpsKitError):
    """A parameter file or setting is wrong.

    Attributes
    ----------
    path
        The parameter file concerned, if any.
    key
        The dotted key concerned (``data.score_column``), if any.
    """

    def __init__(
        self,
        message: str,
        *,
        hint: str | None = None,
        path: Path | None = None,
        key: str | None = None,
    ) -> None:
        self.path = path
        self.key = key
        super().__init__(message, hint=hint)


class MailError(NpsKitError):
    """Reports could not be sent, or mail settings are wrong."""


def closest(word: str, choices: Iterable[str]) -> str | None:
    """Return the choice most similar to ``word``, or ``None`` when nothing is close.

    Used to suggest a fix in messages such as "no column 'scroe'; did you mean 'score'?".
    A whole name that is close wins. Otherwise, for long names such as survey questions: the
    one choice that contains a Japanese ``word`` (``推奨`` finds ``推奨度（0〜10）``), else the
    one that holds every word of ``word``, each spelled closely, so ``likely to recomend``
    finds "How likely is it that you would recommend us?".

    Parameters
    ----------
    word
        What the user wrote.
    choices
        The valid names.

    Returns
    -------
    str or None
        The best match with similarity of at least 0.6 (case-insensitive), else the only choice
        containing a non-ASCII ``word``, else the only choice whose words cover every word of
        ``word`` of three or more letters, else ``None``.
    """
    options = list(choices)
    lowered = {c.casefold(): c for c in options}
    match = difflib.get_close_matches(word.casefold(), list(lowered), n=1, cutoff=0.6)
    if match:
        return lowered[match[0]]
    text = " ".join(word.casefold().split())
    if len(text) >= 2 and not text.isascii():  # Japanese has no spaces between its words
        holding = [c for f, c in lowered.items() if text in " ".join(f.split())]
        if len(holding) == 1:
            return holding[0]
    wanted = [w for w in _WORD.findall(word.casefold()) if len(w) >= 3]
    if not wanted:
        return None
    covering = [
        original for folded, original in lowered.items() if _covers(_WORD.findall(folded), wanted)
    ]
    return covering[0] if len(covering) == 1 else None


_WORD = re.compile(r"[^\W_]+")  # ltr_score is two words: ltr, score (QA35 O4)


def _covers(words: list[str], wanted: list[str]) -> bool:
    """Whether every wanted word is one of ``words`` or spelled closely to one of them."""
    return all(w in words or difflib.get_close_matches(w, words, n=1, cutoff=0.8) for w in wanted)


#: At most this many column names are listed in a "no column" message.
MAX_COLUMNS_LISTED = 30


def missing_column(
    column: str,
    columns: Iterable[object],
    *,
    source: object | None = None,
    option: str | None = None,
    fix: str | None = None,
    suggestion: str | None = None,
    path: Path | None = None,
) -> DataError:
    """Return the one "no column" error: where, which column, for what, what is there, the fix.

    Parameters
    ----------
    column
        The column asked for.
    columns
        The columns there are (at most ``MAX_COLUMNS_LISTED`` are listed).
    source
        The file (or other source) that lacks the column; named first when given.
    option
        The option that named the column (``score_column``, ``--by``, ``columns.id``).
    fix
        What to do, after the "did you mean" suggestion.
    suggestion
        The closest valid name when the caller knows better (e.g. a Qualtrics question id);
        computed with :func:`closest` otherwise.
    path
        Kept on the error.

    Returns
    -------
    DataError
        E.g. ``export.csv has no column 'scroe' (score_column); columns: 'id', 'score'.
        Did you mean 'score'? Set score_column to one of these columns.``
    """
    names = [str(c) for c in columns]
    shown = [repr(c) for c in names[:MAX_COLUMNS_LISTED]]
    if len(names) > MAX_COLUMNS_LISTED:
        shown.append(f"… and {len(names) - MAX_COLUMNS_LISTED} more")
    guess = suggestion if suggestion is not None else closest(column, names)
    where = f"{source} has no column" if source is not None else "no column"
    what = f" ({option})" if option else ""
    hint = " ".join(x for x in (f"Did you mean {guess!r}?" if guess else None, fix) if x)
    return DataError(
        f"{where} {column!r}{what}; columns: {', '.join(shown)}.", hint=hint or None, path=path
    )
