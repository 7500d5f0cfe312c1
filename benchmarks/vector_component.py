"""VEC19's candidate component: word-vector logistic regressions over the shipped tagger.

Not shipped: ``benchmarks/vector_layer_eval.py`` fits it (scikit-learn), saves it with
:func:`save` and installs it into the tagger for a measure with :func:`install`, which wraps the
layer's ``adjust`` as ``nps_kit.text.themes`` calls it: after the shipped layer, a theme it did
not keep is added when the vector model's probability is at least ``t_add``, and one it kept is
dropped when below ``t_drop``; an addition gets its polarity as the shipped layer's do.
Inference is numpy only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from vector_layer_eval import PACKS, Vectors, comment_vectors, pack_ids, words_of

LANGS = ("en", "ja")


@dataclass
class LangModel:
    """One language's component: idf, per-theme weights, thresholds."""

    idf: dict[str, float]
    themes: tuple[str, ...]
    coef: np.ndarray  # (themes, dims + packs); rows of themes without a model are 0
    intercept: np.ndarray
    has: np.ndarray  # whether a theme has a model
    t_add: float
    t_drop: float


@dataclass
class Component:
    vectors: Vectors
    models: dict[str, LangModel]

    def probabilities(self, lang: str, texts: Sequence[str], pack: str) -> np.ndarray:
        """(texts, themes of the language model): NaN where no model or the pack lacks it."""
        m = self.models[lang]
        docs = [words_of(t, lang) for t in texts]
        x = comment_vectors(docs, lang, self.vectors, m.idf)
        onehot = np.array([p == pack for p in PACKS], dtype=np.float32)
        z = x @ m.coef[:, : x.shape[1]].T + onehot @ m.coef[:, x.shape[1] :].T + m.intercept
        prob = 1.0 / (1.0 + np.exp(-z))
        ok = m.has & np.array([t in pack_ids(pack) for t in m.themes])
        prob[:, ~ok] = np.nan
        return prob


def save(component_models: dict[str, LangModel], path: Path) -> None:
    arrays: dict[str, np.ndarray] = {}
    for lang, m in component_models.items():
        arrays |= {
            f"{lang}_idf_words": np.array(list(m.idf)),
            f"{lang}_idf": np.array(list(m.idf.values()), dtype=np.float32),
            f"{lang}_themes": np.array(m.themes),
            f"{lang}_coef": m.coef.astype(np.float32),
            f"{lang}_intercept": m.intercept.astype(np.float32),
            f"{lang}_has": m.has,
            f"{lang}_thresholds": np.array([m.t_add, m.t_drop]),
        }
    np.savez_compressed(path, **arrays)  # type: ignore[arg-type]


def load(path: Path, vectors: Path) -> Component:
    models = {}
    with np.load(path) as data:
        for lang in LANGS:
            t_add, t_drop = (float(v) for v in data[f"{lang}_thresholds"])
            models[lang] = LangModel(
                dict(
                    zip(
                        map(str, data[f"{lang}_idf_words"]),
                        map(float, data[f"{lang}_idf"]),
                        strict=True,
                    )
                ),
                tuple(map(str, data[f"{lang}_themes"])),
                data[f"{lang}_coef"],
                data[f"{lang}_intercept"],
                data[f"{lang}_has"],
                t_add,
                t_drop,
            )
    return Component(Vectors(vectors), models)


def install(component: Component) -> None:
    """Wrap ``themes.adjust`` (the shipped layer as the tagger calls it) with the component."""
    import nps_kit.text.themes as themes_module
    from nps_kit.text import _layer

    shipped = _layer.adjust
    last: list[tuple[object, object, np.ndarray, _layer.Adjustment]] = []

    def adjust(pack, ids, texts, hits):  # type: ignore[no-untyped-def]
        result = shipped(pack, ids, texts, hits)
        if pack is None or not len(texts):
            return result
        if last and last[0][0] is texts and last[0][1] == (pack, tuple(ids)):
            if np.array_equal(last[0][2], hits):
                r = last[0][3]
                return _layer.Adjustment(r.found.copy(), r.added.copy(), r.polarity)
        found = result.found.copy()
        polarity = list(result.polarity)
        langs = _layer.languages(pack, texts)
        column = {t: j for j, t in enumerate(ids)}
        for lang in LANGS:
            rows = np.array([i for i, g in enumerate(langs) if g == lang], dtype=np.intp)
            if not len(rows):
                continue
            m = component.models[lang]
            prob = component.probabilities(lang, [texts[i] for i in rows], pack)
            keep = [k for k, t in enumerate(m.themes) if t in column]
            cols = np.array([column[m.themes[k]] for k in keep], dtype=np.intp)
            p = prob[:, keep]
            has = ~np.isnan(p)
            q = np.nan_to_num(p, nan=0.5)
            now = found[np.ix_(rows, cols)]
            found[np.ix_(rows, cols)] = np.where(now, ~(has & (q < m.t_drop)), has & (q >= m.t_add))
            for i in rows:
                polarity[i] = polarity[i] or _layer._models()[lang].added_polarity
        out = _layer.Adjustment(found, found & ~np.asarray(hits, dtype=bool), tuple(polarity))
        last[:] = [(texts, (pack, tuple(ids)), np.asarray(hits).copy(), out)]
        return _layer.Adjustment(out.found.copy(), out.added.copy(), out.polarity)

    themes_module.adjust = adjust
