"""Which column a name means.

:class:`ColumnIndex` resolves a header, a Qualtrics QID/ImportId or a question text to one
column (the one rule for ``score``, ``--by`` and parameters); :func:`read_column_index` and
:func:`read_columns` read it from an export without its responses.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from nps_kit import _formats
from nps_kit._drop import drop_files, is_drop
from nps_kit._long_form import long_form_sentence
from nps_kit.errors import DataError, closest
from nps_kit.i18n import Language, t
from nps_kit.load._drop_frame import _drop_layouts

_MAX_COLUMNS_LISTED: Final = 30


# Look-alike forms of one character, folded by _fold after NFKC (which leaves the wave dash).
_LOOKALIKE = str.maketrans({"\u301c": "~", "\u2053": "~", "\uff5e": "~"})


def _fold(name: str) -> str:
    """Return a column name in one form: NFKC, one tilde for wave dashes, case-folded."""
    return " ".join(unicodedata.normalize("NFKC", name).translate(_LOOKALIKE).split()).casefold()


@dataclass(frozen=True)
class ColumnIndex:
    """The columns of an export and the other names they go by.

    Attributes
    ----------
    path
        The file.
    columns
        Column names as in ``load_responses(path).data`` (Qualtrics: the column ids).
    questions
        Column → question text (Qualtrics' second header row), where there is one.
    import_ids
        Column → Qualtrics ImportId (``QID74``), where there is one.
    separators
        Multi-select column → the separator of its options, for a SurveyMonkey "select all
        that apply" question whose option columns the loader merged into one column.
    other_boxes
        Column of such a question's "Other (please specify)" box, free text kept as its own
        column → the multi-select column.
    open_ended
        Columns the survey tool itself calls free text (SurveyMonkey's "Open-Ended Response",
        a Qualtrics ImportId ending in ``_TEXT``).
    time_zones
        Date column → the zone Qualtrics wrote its times in (its third header row's
        ``timeZone``: ``America/Denver``, ``UTC``), where it says one.
    suggested_encoding
        Set when a CSV was read with an encoding given that makes other text of its bytes than
        the multi-byte encoding detection finds (cp932 read as latin-1): that one.
    groups
        Column named by the second row of a two-row header → the heading merged over it
        (設問), where there is one.
    layout
        What format detection found, to read the rows when a name is missing and the table may
        be long (one row per answer); ``None`` when the index was built otherwise.
    """

    path: Path
    columns: list[str]
    questions: dict[str, str]
    import_ids: dict[str, str]
    separators: dict[str, str] = field(default_factory=dict)
    other_boxes: dict[str, str] = field(default_factory=dict)
    open_ended: frozenset[str] = frozenset()
    suggested_encoding: str | None = None
    time_zones: dict[str, str] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)
    layout: _formats.Layout | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_layout(cls, layout: _formats.Layout) -> ColumnIndex:
        """Build the index from what format detection found."""
        return cls(
            path=layout.path,
            columns=list(layout.columns),
            questions={c: t for t, c in layout.question_ids.items() if t != c},
            import_ids={c: i for i, c in layout.import_ids.items()},
            separators={m.column: m.separator for m in layout.multi_selects},
            other_boxes={m.other: m.column for m in layout.multi_selects if m.other},
            open_ended=frozenset(layout.open_ended),
            suggested_encoding=layout.suggested_encoding,
            time_zones=dict(layout.time_zones),
            groups=dict(layout.groups),
            layout=layout,
        )

    def find(self, name: str) -> str | None:
        """Return the column called ``name`` as :meth:`resolve` does, ``None`` when none is.

        For a caller that tries a name and goes on without it (an earlier name, a code table's
        question): the miss reads nothing, where :meth:`resolve`'s message may read the rows.
        """
        wanted = name.strip()
        if wanted in self.columns:
            return wanted
        by_id = {i: c for c, i in self.import_ids.items()}
        if wanted in by_id:
            return by_id[wanted]
        # Question texts may span lines in the export; compare them with white space collapsed.
        text = " ".join(wanted.split()).casefold()
        by_text = {" ".join(t.split()).casefold(): c for c, t in self.questions.items()}
        if text in by_text:
            return by_text[text]
        # The same name in other code points: full-width letters, or the wave dash 〜 a Mac
        # IME types where the cp932 header has ～ (QA18: "(0〜10)" against "(0～10)"), which
        # look alike on screen. Only a match to exactly one column counts.
        key = _fold(wanted)
        folded = {c for c in self.columns if _fold(c) == key}
        folded |= {c for c, t in self.questions.items() if _fold(t) == key}
        if len(folded) == 1:
            return folded.pop()
        return None

    def resolve(self, name: str, *, option: str, lang: Language = "en") -> str:
        """Return the column called ``name`` by header, Qualtrics QID/ImportId or question text.

        Parameters
        ----------
        name
            What the user wrote.
        option
            The option or key it came from, for the message (``"--by"``, ``"columns.score"``).
        lang
            The language of the message (``score``'s, MSG41); a long table's sentence stays
            English.

        Returns
        -------
        str
            The column name in the loaded frame.

        Raises
        ------
        DataError
            When nothing matches; the message lists the columns (with question texts) and
            the closest match.
        """
        found = self.find(name)
        if found is not None:
            return found
        wanted = name.strip()
        by_id = {i: c for c, i in self.import_ids.items()}
        names = {**{t: c for c, t in self.questions.items()}, **by_id}
        names.update({c: c for c in self.columns})
        best = closest(wanted, list(names))
        hint = t("load.no_column_guess", lang, guess=names[best]) if best is not None else ""
        how = t("load.no_column_how", lang) if self.questions or self.import_ids else ""
        fix = hint + t("load.no_column_fix", lang, option=option, how=how)
        if self.suggested_encoding is not None:
            # QA34: a UTF-8 file read as latin-1 listed its header garbled ('æ\x95\x99å®¤'
            # for 教室) and asked to pick one of those names.
            fix = t("load.no_column_encoding", lang, found=self.suggested_encoding)
        long = self._long_form(lang)
        if long:
            fix = t("load.no_column_long", lang, guess=hint, option=option)
        raise DataError(
            t(
                "load.no_column", lang, path=self.path, name=name, option=option,
                columns=self.listing(), long=(f" {long}" if lang == "en" else long) if long else "",
            ),
            hint=fix,
            path=self.path,
        )  # fmt: skip

    def _long_form(self, lang: Language) -> str | None:
        """Say the table is long and how to pivot it, as the score's other messages do.

        The rows are read only here, for a name that is missing (QA36 O2: ``--score-column
        NPS`` on a long table, whose NPS is the rows whose question code is ``NPS``).
        """
        if self.layout is None or len(self.columns) < 3:
            return None
        try:
            frame, _ = _formats.read_frame(self.layout, encoding_given=True)
        except DataError:
            return None  # the file's own error is said when it is loaded
        return long_form_sentence(frame, lang)

    def resolve_unique(self, name: str, *, option: str) -> str:
        """Return the column called ``name``, as :meth:`resolve`, refusing a repeated name.

        Raises
        ------
        DataError
            When nothing matches, or when the header holds the name twice (``score`` and
            `` score ``, read as ``score`` and ``score.1``): reading on would silently use
            the first one.
        """
        column = self.resolve(name, option=option)
        _refuse_repeats(self, column, option)
        return column

    def describe(self, column: str) -> str:
        """``'Q1'``, or ``'Q1' (QID74: How likely …)`` when the column has other names."""
        extra = [x for x in (self.import_ids.get(column), self.questions.get(column)) if x]
        if not extra:
            return repr(column)
        text = ": ".join(extra)
        text = text if len(text) <= 60 else text[:59] + "…"
        return f"{column!r} ({text})"

    def listing(self) -> str:
        """Comma-separated columns (at most 30), with their question texts."""
        shown = [self.describe(c) for c in self.columns[:_MAX_COLUMNS_LISTED]]
        if len(self.columns) > _MAX_COLUMNS_LISTED:
            shown.append(f"… and {len(self.columns) - _MAX_COLUMNS_LISTED} more")
        return ", ".join(shown)


def _resolve_column(layout: _formats.Layout, name: str, option: str) -> str:
    """Return the column called ``name`` (by header, Qualtrics QID/ImportId or question text)."""
    return ColumnIndex.from_layout(layout).resolve_unique(name, option=option)


def read_column_index(
    path: str | Path, *, sheet: str | int | None = None, encoding: str | None = None
) -> ColumnIndex:
    """Return the columns of an export with their Qualtrics ids and question texts.

    Parameters
    ----------
    path
        CSV (optionally ``.gz``), XLSX or Parquet file.
    sheet
        XLSX sheet name or 0-based index; the first sheet by default.
    encoding
        Text encoding of a CSV file; detected when ``None``.

    Returns
    -------
    ColumnIndex
        Use :meth:`ColumnIndex.resolve` to turn what a user wrote into a column name.

    Raises
    ------
    DataError
        When the file cannot be read (see :func:`read_columns`).
    """
    path = Path(path)
    if is_drop(path):
        # The last file's: files may add columns, never lack one (_drop_layouts), so it has all.
        return ColumnIndex.from_layout(
            _drop_layouts(drop_files(path), sheet=sheet, encoding=encoding)[-1]
        )
    return ColumnIndex.from_layout(_formats.inspect(path, sheet=sheet, encoding=encoding))


def _refuse_repeats(index: ColumnIndex, name: str, option: str) -> None:
    """Refuse a column whose name the header holds twice (``score`` and `` score ``).

    The header reader numbers repeats the way pandas does (``score``, ``score.1``), so reading
    on would silently use the first one.
    """
    repeat = re.compile(re.escape(name) + r"\.[1-9][0-9]*")
    found = [
        (i, c) for i, c in enumerate(index.columns) if c == name or repeat.fullmatch(c) is not None
    ]
    if len(found) < 2:
        return
    listed = " and ".join(f"column {i + 1} ({_letters(i)})" for i, _ in found)
    raise DataError(
        f"{index.path}: {listed} are {'both' if len(found) == 2 else 'all'} named {name!r} once "
        "surrounding spaces are removed, "
        f"so {option} {name!r} is ambiguous.",
        hint="Rename or delete the extra column in the file so that the name is used once.",
        path=index.path,
    )


def _letters(index: int) -> str:
    """Spreadsheet column letters of a 0-based column index (0 → A, 27 → AB)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def read_columns(
    path: str | Path, *, sheet: str | int | None = None, encoding: str | None = None
) -> list[str]:
    """Return the column names of a survey export without reading its responses.

    Uses the same detection as :func:`load_responses` (format, encoding, delimiter, survey tool),
    so the names are exactly those of ``load_responses(path).data`` before the ``nps_*`` columns.
    For Qualtrics these are the column ids (``Q1``), not the question texts.

    Parameters
    ----------
    path
        CSV (optionally ``.gz``), XLSX or Parquet file.
    sheet
        XLSX sheet name or 0-based index; the first sheet by default.
    encoding
        Text encoding of a CSV file; detected when ``None``.

    Returns
    -------
    list of str
        Column names, stripped of surrounding white space.

    Raises
    ------
    DataError
        When the file is missing, empty, unreadable, has no such sheet, or does not decode.
    """
    return list(_formats.inspect(Path(path), sheet=sheet, encoding=encoding).columns)
