"""What each segment says about a theme: the share that praises it and the share that complains.

:func:`theme_stance` turns the per-comment polarities of :func:`nps_kit.text.tag_polarity` into
one row per theme and segment, the evidence that segment strategies quote. A *praise* is a
``positive`` or ``mixed`` mention, a *complaint* a ``negative`` (complaint or request) or
``mixed`` one, so a mixed mention counts as both. :func:`stance_mask` is the one home of that
rule: the stance table, the NPS points gained if a theme's detractors became passives
(:func:`nps_kit.text.theme_impact`) and the comments a report quotes under a theme all read it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd

from nps_kit.errors import missing_column
from nps_kit.i18n import Language
from nps_kit.text.sentiment import POLARITIES
from nps_kit.text.themes import ThemeBook, load_themes

__all__ = [
    "COMPLAINT",
    "PRAISE",
    "STANCE_COLUMNS",
    "Stance",
    "merge_polarity",
    "stance_mask",
    "theme_stance",
]

Stance = Literal["praise", "complaint"]
#: Polarities that praise a theme, and that complain about it or ask for it to be improved.
PRAISE: tuple[str, ...] = ("positive", "mixed")
COMPLAINT: tuple[str, ...] = ("negative", "mixed")

STANCE_COLUMNS: tuple[str, ...] = (
    "theme",
    "label",
    "segment",
    "commenters",
    "mentions",
    "praise",
    "complaint",
    "pct_praise",
    "pct_complaint",
)
_SEGMENTS = ("detractor", "passive", "promoter")


_POLARITY_DTYPE = pd.CategoricalDtype(list(POLARITIES))
# Which category codes of that dtype praise and complain (code −1 is a missing polarity).
_PRAISE_CODES = np.array([p in PRAISE for p in POLARITIES])
_COMPLAINT_CODES = np.array([p in COMPLAINT for p in POLARITIES])
_POSITIVE, _NEGATIVE, _MIXED, _NEUTRAL = (
    POLARITIES.index(p) for p in ("positive", "negative", "mixed", "neutral")
)


def _codes(polarity: pd.DataFrame) -> np.ndarray | None:
    """Return the category codes of tag_polarity's and merge_polarity's frames, else ``None``.

    Reading the codes, not the strings, matters: comparing a report's 30,000 × 12 strings took a
    tenth of its text section. Code −1 is a missing polarity.
    """
    if len(polarity.columns) and all(d == _POLARITY_DTYPE for d in polarity.dtypes):
        return np.column_stack(
            [polarity.iloc[:, j].cat.codes.to_numpy() for j in range(polarity.shape[1])]
        )
    return None


def _flags(polarity: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return where each theme is mentioned, praised and complained about (bool arrays)."""
    codes = _codes(polarity)
    if codes is not None:
        mention = codes >= 0
        return mention, mention & _PRAISE_CODES[codes], mention & _COMPLAINT_CODES[codes]
    values = polarity.astype("object").to_numpy(dtype=object)
    mention = pd.notna(values)
    return mention, np.isin(values, PRAISE), np.isin(values, COMPLAINT)


def _stance_flags(polarity: pd.DataFrame, stance: Stance) -> np.ndarray:
    """Return where each theme is praised, or complained about: only the one asked for."""
    codes = _codes(polarity)
    if codes is not None:
        wanted = _PRAISE_CODES if stance == "praise" else _COMPLAINT_CODES
        return (codes >= 0) & wanted[codes]
    values = polarity.astype("object").to_numpy(dtype=object)
    return np.isin(values, PRAISE if stance == "praise" else COMPLAINT)


def stance_mask(polarity: pd.DataFrame, stance: Stance) -> pd.DataFrame:
    """Say which respondents praise, or complain about, each theme.

    Parameters
    ----------
    polarity
        Output of :func:`nps_kit.text.tag_polarity` (or :func:`merge_polarity`).
    stance
        ``"praise"`` (a ``positive`` or ``mixed`` mention) or ``"complaint"`` (``negative``,
        i.e. a complaint or a request, or ``mixed``).

    Returns
    -------
    pandas.DataFrame
        Same index and columns as ``polarity``, ``bool``: True where the respondent takes that
        stance on the theme (False where the theme is not mentioned or there is no comment).

    Raises
    ------
    ValueError
        If ``stance`` is neither ``"praise"`` nor ``"complaint"``.
    """
    if stance not in ("praise", "complaint"):
        raise ValueError(f"stance must be 'praise' or 'complaint', got {stance!r}")
    flags = _stance_flags(polarity, stance)
    return pd.DataFrame(flags, index=polarity.index, columns=polarity.columns)


def merge_polarity(frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Combine the polarities of several text answers of the same respondents.

    Parameters
    ----------
    frames
        Outputs of :func:`nps_kit.text.tag_polarity` with the same index and columns.

    Returns
    -------
    pandas.DataFrame
        One polarity per respondent and theme: ``mixed`` if the answers praise and complain
        about the theme between them, ``positive`` or ``negative`` if they only praise or only
        complain, ``neutral`` if they mention it without judgement, ``<NA>`` if none mentions it.

    Raises
    ------
    ValueError
        If ``frames`` is empty or the frames differ in index or columns.
    """
    if not frames:
        raise ValueError("merge_polarity needs at least one polarity frame")
    first = frames[0]
    for other in frames[1:]:
        if not (other.index.equals(first.index) and list(other.columns) == list(first.columns)):
            raise ValueError("polarity frames must share index and columns")
    mention = np.zeros(first.shape, dtype=bool)
    praise = np.zeros(first.shape, dtype=bool)
    complaint = np.zeros(first.shape, dtype=bool)
    for frame in frames:
        m, p, c = _flags(frame)
        mention |= m
        praise |= p
        complaint |= c
    # Category codes, not strings: a Categorical built from 30,000 strings per theme took a
    # report's two text questions about 0.15 s; from its codes it takes nothing.
    codes = np.where(
        praise & complaint,
        _MIXED,
        np.where(praise, _POSITIVE, np.where(complaint, _NEGATIVE, _NEUTRAL)),
    ).astype(np.int8)
    codes[~mention] = -1
    return pd.DataFrame(
        {
            c: pd.Series(
                pd.Categorical.from_codes(codes[:, j], dtype=_POLARITY_DTYPE), index=first.index
            )
            for j, c in enumerate(first)
        },
        index=first.index,
    )


def theme_stance(
    data: pd.DataFrame,
    polarity: pd.DataFrame,
    *,
    commented: pd.Series,
    lang: Language = "ja",
    book: ThemeBook | None = None,
    weight: str | None = None,
) -> pd.DataFrame:
    """Share of each segment's commenters that praise, and that complain about, each theme.

    Parameters
    ----------
    data
        Responses with a ``segment`` column (``promoter``, ``passive``, ``detractor`` or
        missing for an invalid score); its index must contain ``polarity``'s index.
    polarity
        Output of :func:`nps_kit.text.tag_polarity` (or :func:`merge_polarity`).
    commented
        True for respondents who wrote a comment (same index as ``polarity``).
    lang
        Language of the theme labels.
    book
        Where the labels come from; ``None`` uses the packaged default themes.
    weight
        Column of ``data`` with response weights: ``pct_praise`` and ``pct_complaint`` are then
        weighted shares (the weight of the praising or complaining commenters over that of the
        segment's commenters), as the NPS and the gain of :func:`nps_kit.text.theme_impact`
        next to them are; the counts stay counts. ``None`` (default): unweighted shares.

    Returns
    -------
    pandas.DataFrame
        One row per theme and segment (themes in ``polarity``'s column order, then detractor,
        passive, promoter): ``theme``, ``label``, ``segment``, ``commenters`` (the segment's
        respondents with a comment: the denominator), ``mentions`` (of them, those mentioning
        the theme), ``praise`` (positive or mixed), ``complaint`` (negative, i.e. a complaint or
        a request, or mixed), all counts of respondents, and ``pct_praise`` and
        ``pct_complaint`` (percent of ``commenters``, weighted with ``weight``; NaN when the
        segment has no commenter or its commenters weigh nothing).

    Raises
    ------
    DataError
        If ``weight`` is not a column of ``data``.
    """
    book = load_themes() if book is None else book
    seg = data["segment"].reindex(polarity.index).astype("object").to_numpy(dtype=object)
    said = commented.reindex(polarity.index, fill_value=False).fillna(False).to_numpy(dtype=bool)
    if weight is not None and weight not in data.columns:
        raise missing_column(weight, data.columns)
    # Shares are sums of weights (1 per response without weights), like theme_impact's.
    w = (
        np.ones(len(polarity), dtype=float)
        if weight is None
        else pd.to_numeric(data[weight].reindex(polarity.index), errors="coerce")
        .astype(float)
        .fillna(0.0)
        .to_numpy()
    )
    mention, praise, complaint = _flags(polarity)

    def pct(flags: np.ndarray, who: np.ndarray) -> float:
        mass = float(w[who].sum())
        return 100.0 * float(w[flags & who].sum()) / mass if mass else float("nan")

    # Each segment's commenters once, not once per theme (a comparison of every row each).
    segments = [(name, said & (seg == name)) for name in _SEGMENTS]
    rows = []
    for j, theme in enumerate(polarity.columns):
        for name, who in segments:
            rows.append(
                {
                    "theme": str(theme),
                    "label": book.label(str(theme), lang),
                    "segment": name,
                    "commenters": int(who.sum()),
                    "mentions": int((mention[:, j] & who).sum()),
                    "praise": int((praise[:, j] & who).sum()),
                    "complaint": int((complaint[:, j] & who).sum()),
                    "pct_praise": pct(praise[:, j], who),
                    "pct_complaint": pct(complaint[:, j], who),
                }
            )
    return pd.DataFrame(rows, columns=list(STANCE_COLUMNS))
