"""SPEED64's measures of two cuts of the 30k report's text: one that paid, one that did not.

``python benchmarks/speed64_candidates.py`` reads the distinct comments of ``bench_text``'s
report unit (both text questions, normalised) and prints, with the ``nps_kit`` found first on
``sys.path``:

* the theme matcher's automaton pass one call per distinct comment, and once over all of them
  joined by a character no keyword holds (candidate (a) of the brief: the engine called once
  for the unit; the same time, so not built);
* with ``--against REV``, the n-gram features of every block of both learned layers for those
  comments, cold word caches, with this package's ``_layer`` and ``REV``'s, alternated in one
  process, median of ``--runs``: the hash-index look-ups (``_layer._key_index``) against the
  binary search they replaced (a955b52).
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def distinct_comments() -> dict[str, list[str]]:
    """Return the report unit's distinct normalised comments, per language (en, ja)."""
    import bench_text

    from nps_kit.text.tokens import _language_of, _normalised_codes

    unit = bench_text.report_unit()
    texts: dict[str, list[str]] = {"en": [], "ja": []}
    for column in ("comment", "improvement"):
        _, unique = _normalised_codes(unit.current[column].astype("string").str.strip())
        for text in unique:
            lang = _language_of(text)
            if lang is not None:
                texts[lang].append(text)
    return texts


def automaton_calls(texts: list[str]) -> tuple[float, float]:
    """CPU seconds of the matcher's automaton: one call per comment, one call for all joined."""
    from nps_kit.text._match import matcher
    from nps_kit.text.themes import load_themes

    automaton = matcher(load_themes().themes)._automaton
    start = time.process_time()
    for text in texts:
        for _ in automaton.iter(text):
            pass
    each = time.process_time() - start
    start = time.process_time()
    for _ in automaton.iter("\x00".join(texts)):
        pass
    return each, time.process_time() - start


def _layer_of(code: Path) -> ModuleType:
    """Import ``code``'s ``nps_kit/text/_layer.py`` under a name of its own."""
    spec = importlib.util.spec_from_file_location("other_layer", code / "nps_kit/text/_layer.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["other_layer"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def features_time(layer: ModuleType, texts: dict[str, list[str]]) -> float:
    """CPU seconds of every block's features (both layers) of ``texts``, cold word caches."""
    from nps_kit.text import _polarity_layer

    start = time.process_time()
    for lang, batch in texts.items():
        # The polarity correction's block, as this package's layer built it: the same terms.
        own = _polarity_layer._models()[lang].block
        block = layer._Block(getattr(layer, own.cut.__name__), own.vocabulary, own.idf)
        for each in (*layer._models()[lang].blocks, block):
            each.words.clear()
            each.tokens.clear()
            for first in range(0, len(batch), layer._CHUNK):
                layer._features(each, batch[first : first + layer._CHUNK])
    return time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", metavar="REV", help="time REV's _layer features beside")
    parser.add_argument("--runs", type=int, default=5, help="runs of each (--against)")
    args = parser.parse_args(argv)
    import os

    import nps_kit  # the one first on sys.path, before bench_text puts this checkout first

    sys.path.insert(1, str(ROOT / "benchmarks"))
    import bench_text

    print(f"nps_kit from {Path(nps_kit.__file__).parent}, load {os.getloadavg()[0]:.1f}")
    texts = distinct_comments()
    every = [*texts["en"], *texts["ja"]]
    each, joined = automaton_calls(every)
    print(
        f"matcher automaton over {len(every):,} distinct comments: one call each {each:.3f} s, "
        f"one call joined {joined:.3f} s CPU"
    )
    if args.against is None:
        return 0
    from nps_kit.text import _layer

    with tempfile.TemporaryDirectory() as tmp:
        code = bench_text.old_tagger(Path(tmp), commit=args.against)
        if code is None:
            raise SystemExit(f"cannot extract nps_kit of {args.against!r}")
        other = _layer_of(code)
        layers = {args.against: other, "this package": _layer}
        for layer in layers.values():  # the models, keys and indexes, made once per process
            features_time(layer, {lang: batch[:50] for lang, batch in texts.items()})
        times: dict[str, list[float]] = {name: [] for name in layers}
        for _ in range(args.runs):
            for name, layer in layers.items():
                times[name].append(features_time(layer, texts))
    old, new = (statistics.median(times[name]) for name in layers)
    print(
        f"n-gram features of every block, {len(every):,} comments, median of {args.runs}: "
        f"{args.against} {old:.3f} s, this package {new:.3f} s CPU ({new / old:.2f}x), "
        f"load {os.getloadavg()[0]:.1f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
