"""Words that distinguish two groups of comments (e.g. detractors vs promoters).

Uses the weighted log-odds ratio with an informative Dirichlet prior of Monroe, Colaresi and
Quinn (2008), "Fightin' Words: Lexical Feature Selection and Evaluation for Identifying the
Content of Political Conflict", *Political Analysis* 16(4). The prior shrinks the log-odds of rare
words towards zero, and dividing by the estimated standard deviation gives a z-score, so neither
very rare nor very common words dominate the list.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import numpy as np
import pandas as pd

__all__ = ["distinguishing_words"]


def _document_counts(tokens: pd.Series) -> Counter[str]:
    counts: Counter[str] = Counter()
    for item in tokens.dropna():
        counts.update(set(item if isinstance(item, Iterable) else ()))
    return counts


def distinguishing_words(
    tokens_a: pd.Series,
    tokens_b: pd.Series,
    *,
    top: int = 15,
    prior_scale: float = 500.0,
    min_count: int = 3,
    labels: tuple[str, str] = ("a", "b"),
) -> pd.DataFrame:
    """Find the words that most distinguish comments of group a from those of group b.

    Each word counts once per comment (a word repeated in one rant counts once). With ``y`` a
    word's count, ``n`` the total count in a group and the prior ``α_w = prior_scale × (y_a + y_b)
    / (n_a + n_b)`` (the pooled frequency), the log-odds ratio is::

        δ = log((y_a + α_w) / (n_a + α_0 − y_a − α_w)) − log((y_b + α_w) / (n_b + α_0 − y_b − α_w))

    with ``α_0 = prior_scale``, its variance ``1 / (y_a + α_w) + 1 / (y_b + α_w)`` and
    ``z = δ / √variance``.

    Parameters
    ----------
    tokens_a, tokens_b
        One list of tokens per comment (output of :func:`nps_kit.text.tokenise`).
    top
        How many words to return for each side.
    prior_scale
        Total pseudo-count of the prior (``α_0``); larger values shrink more.
    min_count
        Ignore words found in fewer comments than this in both groups together.
    labels
        Names of the two groups, used in the ``favours`` column, e.g.
        ``("detractor", "promoter")``.

    Returns
    -------
    pandas.DataFrame
        Up to ``2 × top`` rows: ``term``, ``count_a``, ``count_b`` (comments containing it),
        ``log_odds``, ``z`` and ``favours`` (``labels[0]`` when ``z > 0``, else ``labels[1]``).
        Words favouring group a come first (highest z first), then words favouring group b
        (lowest z first). Only words with ``|z|`` above zero are listed. The table is empty
        when there is not enough text to compare: either group has no comment with a word, or
        all comments together use fewer than two distinct words (then every comment says the
        same thing and no word can separate the groups; the formula would divide by zero).
    """
    if prior_scale <= 0:
        raise ValueError(f"prior_scale must be positive, got {prior_scale!r}")
    counts_a = _document_counts(tokens_a)
    counts_b = _document_counts(tokens_b)
    vocab = sorted(w for w in counts_a.keys() | counts_b.keys())
    ya = np.array([counts_a.get(w, 0) for w in vocab], dtype=float)
    yb = np.array([counts_b.get(w, 0) for w in vocab], dtype=float)
    keep = (ya + yb) >= min_count
    columns = ["term", "count_a", "count_b", "log_odds", "z", "favours"]
    if not keep.any() or not ya.any() or not yb.any() or len(vocab) < 2:
        return pd.DataFrame({c: [] for c in columns})
    na, nb = ya.sum(), yb.sum()
    alpha = prior_scale * (ya + yb) / (na + nb)
    alpha0 = prior_scale
    delta = np.log((ya + alpha) / (na + alpha0 - ya - alpha)) - np.log(
        (yb + alpha) / (nb + alpha0 - yb - alpha)
    )
    z = delta / np.sqrt(1.0 / (ya + alpha) + 1.0 / (yb + alpha))
    table = pd.DataFrame(
        {
            "term": np.array(vocab, dtype=object),
            "count_a": ya.astype(np.int64),
            "count_b": yb.astype(np.int64),
            "log_odds": delta,
            "z": z,
        }
    )[keep]
    side_a = table[table["z"] > 0].sort_values(["z", "term"], ascending=[False, True]).head(top)
    side_b = table[table["z"] < 0].sort_values(["z", "term"], ascending=[True, True]).head(top)
    side_a = side_a.assign(favours=labels[0])
    side_b = side_b.assign(favours=labels[1])
    return pd.concat([side_a, side_b], ignore_index=True)[columns]
