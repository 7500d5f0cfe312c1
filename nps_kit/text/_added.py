"""Where a theme the learned layer adds is said, in a comment that praises and complains.

The layer reads a whole comment, so a theme it adds has no clause of its own. Where its rule is
``"comment"`` (Japanese: the comment's own praise or complaint, else the score;
:func:`nps_kit.text.sentiment._added_polarity`), a comment that praises one thing and complains
of another says neither, and the score decided: 「スタッフはいいけど混んでる」 from a promoter gave
the speed the layer added praise, the praise of the staff's clause (QA18). There the layer reads
each clause alone, and the added theme takes the judgement of the clause it finds the theme most
probable in, when that clause praises or complains. The ``"score"`` rule (English) is left as
its training chose it: read this way, English lost more mentions than it fixed (FIX19). An answer
to "what could we improve?" has no score rule (its clauses decide, FIX52), so there every added
theme is placed so: "Tom behind the bar is a legend but the beer was warm" praises the staff the
layer adds and complains of the quality (imp12/imp13 English: 2 mentions right, none lost).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from nps_kit.text._clause_rules import Polarity, _clauses, _score
from nps_kit.text._layer import languages, probabilities

__all__ = ["clause_polarities"]

_JUDGED = ("positive", "negative")


def _judged_both_ways(polarities: Sequence[Polarity]) -> bool:
    """Tell whether some clause praises and another complains (or one does both)."""
    said = set(polarities)
    return "mixed" in said or set(_JUDGED) <= said


def clause_polarities(
    pack: str | None,
    ids: Sequence[str],
    texts: Sequence[str],
    added: np.ndarray,
    rules: Sequence[str],
    *,
    read: Callable[[str], list[Polarity]] | None = None,
) -> dict[int, dict[int, Polarity]]:
    """Return the polarity of the clause each added theme is said in, per comment.

    Parameters
    ----------
    pack
        The shipped pack whose layer added the themes (``ThemeBook.pack``); ``None``: none.
    ids
        The book's theme ids (the columns of ``added``).
    texts
        Distinct normalised comments.
    added
        Boolean (comments, themes): the themes the layer added.
    rules
        Per comment, how the layer's added themes get their polarity
        (:attr:`nps_kit.text._layer.Adjustment.polarity`): only ``"comment"`` is read here,
        unless ``read`` is given.
    read
        The judgement of each clause (:func:`nps_kit.text._clause_rules._clauses`) of a comment;
        ``None`` (default): each clause's words alone (``_score``), for the ``"comment"`` rule
        only. An answer to "what could we improve?" passes its own reading, which makes a clause
        without judgement a request, and is read so whatever the rule.

    Returns
    -------
    dict
        Comment index → theme index → ``"positive"`` or ``"negative"``, for the added themes of
        comments of the ``"comment"`` rule (any rule with ``read``) whose clauses praise and
        complain, where the clause
        the layer finds the theme most probable in judges it one way; other added themes are
        not in it.
    """
    if pack is None:
        return {}
    # Each comment with an addition whose clauses judge both ways: its clauses and their reads.
    todo: list[tuple[int, list[str], list[Polarity]]] = []
    for at in np.flatnonzero(added.any(axis=1)).tolist():
        if rules[at] != "comment" and read is None:
            continue
        clauses = [c.text for c in _clauses(texts[at])]
        if len(clauses) < 2:
            continue
        polarities = read(texts[at]) if read else [_score(c).polarity for c in clauses]
        if _judged_both_ways(polarities):
            todo.append((at, clauses, polarities))
    if not todo:
        return {}
    langs = languages(pack, [texts[at] for at, _, _ in todo])
    out: dict[int, dict[int, Polarity]] = {}
    for lang in ("en", "ja"):
        mine = [item for item, of in zip(todo, langs, strict=True) if of == lang]
        if not mine:
            continue
        pieces = [c for _, clauses, _ in mine for c in clauses]
        themes, prob = probabilities(pieces, lang, pack)
        column = {t: k for k, t in enumerate(themes)}
        start = 0
        for at, clauses, polarities in mine:
            here = prob[start : start + len(clauses)]
            start += len(clauses)
            for j in np.flatnonzero(added[at]).tolist():
                k = column.get(ids[j])
                if k is None:
                    continue
                polarity = polarities[int(here[:, k].argmax())]
                if polarity in _JUDGED:
                    out.setdefault(at, {})[j] = polarity
    return out
