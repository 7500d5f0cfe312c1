"""Agreement of theme mentions and their polarity with hand labels, per language.

The labelled file has one comment per row: ``text``, ``lang``, ``pack`` (the theme pack the
labels use) and ``labels`` such as ``delivery:negative;price:positive`` (empty when the comment
mentions no theme). Theme precision and recall are micro-averaged over (comment, theme) pairs;
polarity accuracy is the share of correctly found themes whose polarity is right.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from nps_kit.errors import DataError
from nps_kit.score import segment
from nps_kit.text.packs import load_pack
from nps_kit.text.sentiment import POLARITIES, Asks, tag_polarity

__all__ = ["MentionEvaluation", "evaluate_mentions", "parse_labels"]


@dataclass(frozen=True)
class MentionEvaluation:
    """Scores of :func:`evaluate_mentions`.

    Attributes
    ----------
    table
        One row per language and one ``all`` row: ``lang``, ``comments``, ``gold`` (labelled
        mentions), ``predicted``, ``correct`` (themes found that are labelled), ``precision``,
        ``recall``, ``polarity_correct``, ``polarity_accuracy``.
    errors
        One row per disagreement: ``id``, ``lang``, ``pack``, ``theme``, ``gold``,
        ``predicted`` (a polarity, or ``<NA>`` where the theme is missing on one side),
        ``text``.
    """

    table: pd.DataFrame
    errors: pd.DataFrame


def parse_labels(value: object) -> dict[str, str]:
    """Parse ``"delivery:negative;price:positive"`` into ``{"delivery": "negative", …}``.

    Raises
    ------
    ValueError
        If a label has no ``:`` or an unknown polarity.
    """
    out: dict[str, str] = {}
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return out
    for item in str(value).split(";"):
        item = item.strip()
        if not item:
            continue
        theme, sep, polarity = item.partition(":")
        if not sep or polarity.strip() not in POLARITIES:
            allowed = ", ".join(POLARITIES)
            raise ValueError(f"label {item!r} must be theme:polarity, polarity one of {allowed}")
        out[theme.strip()] = polarity.strip()
    return out


def _check_themes(labels: dict[str, str], ids: Sequence[str], *, where: str, pack: object) -> None:
    unknown = sorted(set(labels) - set(ids))
    if unknown:
        raise DataError(
            f"{where}: labels {unknown} are not themes of pack {pack!r}; expected some of "
            f"{', '.join(ids)}."
        )


def _scores(group: pd.DataFrame, score: str, id_column: str) -> pd.Series:
    """Return a labelled group's scores (``NaN`` where blank or not a number), index 0…n-1.

    Raises
    ------
    DataError
        If a number is not a whole number 0–10 (every such row named).
    """
    scores = pd.to_numeric(group[score], errors="coerce").reset_index(drop=True)
    off = scores.notna() & ~scores.isin(range(11))
    if off.any():
        ids = group[id_column].to_numpy()
        raw = group[score].to_numpy()
        found = "; ".join(
            f"row id {ids[i]}: score {str(raw[i])!r} is not a whole number 0–10"
            for i in off[off].index
        )
        raise DataError(f"{found}. Correct it, or leave it blank where the score is unknown.")
    return scores


def evaluate_mentions(
    frame: pd.DataFrame,
    *,
    text: str = "text",
    labels: str = "labels",
    lang: str = "lang",
    pack: str = "pack",
    id_column: str = "id",
    predicted: str | None = None,
    score: str | None = "score",
    learned: bool = True,
    asks: Asks = "reason",
) -> MentionEvaluation:
    """Compare :func:`nps_kit.text.tag_polarity` with hand-labelled themes and polarities.

    Parameters
    ----------
    frame
        Labelled comments (see the module description).
    text, labels, lang, pack, id_column
        Column names.
    predicted
        A second column of labels, in the same format, to compare with ``labels`` instead of the
        tagger: a second annotator's, to measure how well two people agree.
    score
        Column of the 0–10 answers. When the frame has it, the tagger reads a comment that
        judges nothing through its segment, as reports do (``segments`` of
        :func:`nps_kit.text.tag_polarity`); without it (or with ``None``), words only.
    learned
        Apply the learned layer over the dictionaries and, with a score column, the learned
        polarity correction, as reports do (default); ``False`` measures the dictionaries and
        the rules alone.
    asks
        What the question the comments answer asked (``tag_polarity(asks=)``): ``"reason"``
        (default) or ``"improvement"``, whose answers are read as requests unless they praise.

    Returns
    -------
    MentionEvaluation
        Per-language precision, recall and polarity accuracy, and every disagreement.

    Raises
    ------
    DataError
        If a label names a theme that is not in the row's pack, or a score is a number but not
        a whole number 0–10.
    """
    rows = []
    errors = []
    for pack_name, group in frame.groupby(pack, sort=False):
        book = load_pack(str(pack_name))
        if predicted is None:
            texts = group[text].astype("string").reset_index(drop=True)
            segments = None
            if score is not None and score in group.columns:
                segments = segment(_scores(group, score, id_column))
            tags = tag_polarity(texts, book, segments=segments, learned=learned, asks=asks)
        for position, (_, row) in enumerate(group.iterrows()):
            gold = parse_labels(row[labels])
            where = f"row id {row[id_column]}"
            _check_themes(gold, book.ids, where=where, pack=pack_name)
            if predicted is None:
                found = {str(t): str(v) for t, v in tags.iloc[position].items() if pd.notna(v)}
            else:
                found = parse_labels(row[predicted])
            _check_themes(found, book.ids, where=f"{where}, column {predicted!r}", pack=pack_name)
            both = set(gold) & set(found)
            right = sum(gold[t] == found[t] for t in both)
            rows.append(
                {
                    "lang": row[lang],
                    "gold": len(gold),
                    "predicted": len(found),
                    "correct": len(both),
                    "polarity_correct": right,
                }
            )
            for theme in sorted(set(gold) | set(found)):
                if gold.get(theme) != found.get(theme):
                    errors.append(
                        {
                            "id": row[id_column],
                            "lang": row[lang],
                            "pack": pack_name,
                            "theme": theme,
                            "gold": gold.get(theme),
                            "predicted": found.get(theme),
                            "text": row[text],
                        }
                    )
    per_row = pd.DataFrame(
        rows, columns=["lang", "gold", "predicted", "correct", "polarity_correct"]
    )
    table = per_row.groupby("lang", sort=True).sum()
    table.loc["all"] = table.sum()
    table.insert(0, "comments", [*per_row.groupby("lang", sort=True).size(), len(per_row)])
    table["precision"] = table["correct"] / table["predicted"]
    table["recall"] = table["correct"] / table["gold"]
    table["polarity_accuracy"] = table["polarity_correct"] / table["correct"]
    table = table.reset_index().rename(columns={"index": "lang"})
    columns = ["id", "lang", "pack", "theme", "gold", "predicted", "text"]
    return MentionEvaluation(table, pd.DataFrame(errors, columns=columns))
