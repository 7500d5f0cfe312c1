"""Where the CPU of a unit report's text section goes: one line per stage, from cold caches.

``python benchmarks/text_stages.py`` times, with the ``nps_kit`` found first on ``sys.path``
(this checkout's, or the one ``PYTHONPATH`` names, so that two commits can be timed side by
side), the text section of ``bench_text``'s synthetic 30,000-response unit (``--unit real``: its
unit of 30,000 real comments, whose clauses repeat as people write them; ``--unit demo``: the
demo export) as ``bench_text.time_unit_analysis`` runs it, but stage by stage: each stage does
its own work first, so that what the next one finds in the caches is not counted twice. The
stages: normalising and telling which comments answer, the English lemmas of the distinct
comments (the word cache), building the theme matcher, matching, the learned layer (the n-gram
features alone are timed apart too), the rest of ``tag_themes``, clause polarity, the impact
and stance tables, MeCab's words of the Japanese comments, the typical phrases and the
data-quality discovery. Each figure is the median of three runs (``process_time``); the whole
section, timed as one, follows for comparison.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent


def unit_frame(which: str) -> pd.DataFrame:
    """Return a unit of ``bench_text`` (``synthetic``, ``real``) or the demo export (``demo``)."""
    import bench_text

    if which == "synthetic":
        return bench_text.synthetic_unit()
    if which == "real":
        return bench_text.real_unit()
    unit = bench_text.demo_unit()
    if unit is None:
        raise SystemExit(f"no demo export at {ROOT / 'data' / 'demo_responses.csv.gz'}")
    return unit


def staged(unit: pd.DataFrame, clear: Callable[[], None]) -> dict[str, float]:
    """Run the text section once, stage by stage; return each stage's CPU seconds."""
    from nps_kit.score import segment
    from nps_kit.text import _layer
    from nps_kit.text._lemma import lemma_text
    from nps_kit.text._match import matcher
    from nps_kit.text.discovery import text_quality
    from nps_kit.text.phrases import segment_phrases
    from nps_kit.text.sentiment import tag_polarity
    from nps_kit.text.stance import theme_stance
    from nps_kit.text.themes import load_themes, tag_themes, theme_impact
    from nps_kit.text.tokens import _ja_words, _language_of, _normalised_codes, answered

    book = load_themes()
    clear()
    laps: dict[str, float] = {}
    last = time.process_time()

    def lap(name: str) -> None:
        nonlocal last
        now = time.process_time()
        laps[name] = now - last
        last = now

    texts = unit["comment"].astype("string").str.strip()
    said = answered(texts)
    texts = texts.where(said)
    data = unit.assign(segment=segment(unit["nps_score"]))
    _, unique = _normalised_codes(texts)
    lap("normalise, answered")
    for text in unique:
        lemma_text(text)
    lap("English lemmas (word cache)")
    themes = matcher(book.themes)
    lap("matcher build")
    hits = themes.tag(unique)
    lap("theme matching")
    # Before themes files could extend a pack (af028b0) the layer was told the themes file.
    _layer.adjust(getattr(book, "pack", book.path), book.ids, unique, hits)
    lap("learned layer")
    tags = tag_themes(texts, book).astype("boolean").where(said)
    lap("tag_themes, the rest")
    polarity = tag_polarity(texts, book, segments=data["segment"])
    lap("clause polarity")
    theme_impact(data, tags, polarity=polarity, book=book)
    lap("impact table")
    theme_stance(data, polarity, commented=said, lang="en", book=book)
    lap("stance table")
    for text in unique:
        if _language_of(text) == "ja":
            _ja_words(text)
    lap("MeCab (Japanese words)")
    segment_phrases(texts, data["segment"])
    lap("typical phrases")
    text_quality(texts, book, lang="en")
    lap("discovery")
    return laps


def layer_features(unit: pd.DataFrame, clear: Callable[[], None]) -> float:
    """Return the CPU seconds of the learned layer's n-gram features of the distinct comments."""
    from nps_kit.text import _layer
    from nps_kit.text.tokens import _language_of, _normalised_codes

    clear()
    _, unique = _normalised_codes(unit["comment"].astype("string").str.strip())
    by_lang: dict[str, list[str]] = {"en": [], "ja": []}
    for text in unique:
        lang = _language_of(text)
        if lang is not None:
            by_lang[lang].append(text)
    start = time.process_time()
    for lang, batch in by_lang.items():
        for block in _layer._models()[lang].blocks:
            for first in range(0, len(batch), _layer._CHUNK):
                _layer._features(block, batch[first : first + _layer._CHUNK])
    return time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--unit",
        choices=("synthetic", "real", "demo"),
        default="synthetic",
        help="bench_text's synthetic unit (default), its unit of real comments, or the demo export",
    )
    args = parser.parse_args(argv)
    import nps_kit  # the one first on sys.path, before bench_text puts this checkout first

    sys.path.insert(1, str(ROOT / "benchmarks"))
    import bench_text

    print(f"nps_kit from {Path(nps_kit.__file__).parent}")
    unit = unit_frame(args.unit)
    print(f"{args.unit} unit: {bench_text.repetition(unit)}")
    from nps_kit.text.themes import load_themes

    book = load_themes()
    runs = [staged(unit, bench_text.clear_caches) for _ in range(3)]
    features = statistics.median(layer_features(unit, bench_text.clear_caches) for _ in range(3))
    whole = [bench_text.time_unit_analysis(unit, book)[1] for _ in range(3)]
    total = 0.0
    for name in runs[0]:
        seconds = statistics.median(run[name] for run in runs)
        total += seconds
        print(f"{name:<34}{seconds * 1000:7.0f} ms")
        if name == "learned layer":
            print(f"{'  of which n-gram features':<34}{features * 1000:7.0f} ms")
    print(f"{'sum of the stages':<34}{total * 1000:7.0f} ms")
    print(f"{'the section timed whole (median)':<34}{statistics.median(whole) * 1000:7.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
