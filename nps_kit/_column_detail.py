"""A column's detail as ``inspect`` decides it: English text that knows its words (LEFT45B).

The detail (``unique``, ``3 values``, ``reads only day-first, not %m/%d/%Y %H:%M``) is written
in English to the json and ``init``'s comments, and said in the command's language in
``inspect``'s table and errors. It was said in Japanese by reading the English back with
regular expressions, which missed a detail whose fields had a space (a ``--date-format``
pattern) and every detail no expression named (a date column's ``day-first``, a rating's
``as stated``): those stayed English in a Japanese table. A :class:`Detail` is the English
string, made where the detail is decided, and carries its catalogue entry
(``inspect.detail.<name>``) and fields, so any language is said from the entry.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from nps_kit.i18n import t

if TYPE_CHECKING:
    from nps_kit.i18n import Language

__all__ = ["Detail", "said"]


class Detail(str):
    """A column's detail: its English, with the catalogue entry and fields it was said from.

    ``Detail("values", n="3")`` is the string ``"3 values"`` wherever a string is expected
    (json, comparisons, ``in``); :meth:`said` says it in another language. A detail of several
    parts (``Detail.joined(["1–5 as stated", Detail("half_points")])``) is them joined by a
    comma, each said in its own words; a plain string among them (a range such as ``1–5``)
    is the same in every language.
    """

    name: str
    fields: Mapping[str, object]
    parts: tuple[str, ...]

    def __new__(cls, name: str, /, **fields: object) -> Detail:
        """Make the detail of catalogue entry ``inspect.detail.<name>`` with ``fields``."""
        made = super().__new__(cls, t(f"inspect.detail.{name}", "en", **fields))
        made.name, made.fields, made.parts = name, dict(fields), ()
        return made

    @classmethod
    def joined(cls, parts: Sequence[str]) -> Detail:
        """Make the detail of ``parts`` joined by a comma (``0–10, answers only 0–6``)."""
        made = str.__new__(cls, ", ".join(parts))
        made.name, made.fields, made.parts = "", {}, tuple(parts)
        return made

    def said(self, lang: Language) -> str:
        """Return the detail in ``lang``."""
        if self.parts or not self.name:
            return t("inspect.detail.comma", lang).join(said(part, lang) for part in self.parts)
        return t(f"inspect.detail.{self.name}", lang, **self.fields)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle and copy with the entry and fields, not by the English alone."""
        return (_rebuilt, (str(self), self.name, dict(self.fields), self.parts))


def _rebuilt(text: str, name: str, fields: Mapping[str, object], parts: tuple[str, ...]) -> Detail:
    made = str.__new__(Detail, text)
    made.name, made.fields, made.parts = name, dict(fields), parts
    return made


def said(detail: str, lang: Language) -> str:
    """Return a detail in ``lang``: a :class:`Detail` in its words, any other string as written."""
    return detail.said(lang) if isinstance(detail, Detail) else detail
