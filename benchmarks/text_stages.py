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

``--against REV`` times this checkout's package and commit ``REV``'s side by side in one run:
each run a fresh process per package (after a warm-up on another small unit, so that loading
the models is not counted), the two interleaved, ``--runs`` times; per stage the median and
the range of each, and the ratio of the medians. With ``--instructions`` the whole section is
also counted in instructions (``valgrind --tool=cachegrind``, a run without the section
subtracted), which the load of a shared machine does not change.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent


def unit_frame(which: str) -> Any:
    """Return a unit of ``bench_text`` (``synthetic``, ``real``) or the demo export (``demo``).

    ``report``: ``bench_text.report_unit``, a prepared unit with two text questions.
    """
    import bench_text

    if which == "report":
        return bench_text.report_unit()
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


def report_staged(unit: Any, clear: Callable[[], None]) -> dict[str, float]:
    """Run ``bench_text.report_text`` once in its two parts; return each one's CPU seconds."""
    import bench_text

    from nps_kit.analysis import analyse_followups
    from nps_kit.text.discovery import text_quality

    clear()
    start = time.process_time()
    analysis = analyse_followups(unit, bench_text.REPORT_QUESTIONS)
    middle = time.process_time()
    current = unit.current
    text_quality(current["comment"], analysis.book, lang="en", unscored=current["segment"].isna())
    return {
        "analyse_followups (2 questions)": middle - start,
        "data quality (text_quality)": time.process_time() - middle,
    }


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


def child(which: str, mode: str) -> dict[str, float]:
    """Measure once in this process (``--child``): warm up, then the stages or the section.

    ``mode``: ``staged`` (each stage, then the section whole), ``whole`` (the section alone) or
    ``setup`` (the warm-up alone, for :func:`instructions` to subtract).
    """
    import bench_text

    from nps_kit.text.themes import load_themes

    unit = unit_frame(which)
    book = load_themes()
    # Load the models and build the automatons on other comments: a process does it once.
    if which == "report":
        bench_text.report_text(bench_text.report_unit(300, seed=11))
    else:
        bench_text.time_unit_analysis(bench_text.real_unit(300, seed=11), book)
    if mode == "setup":
        return {}
    if which == "report":
        laps = report_staged(unit, bench_text.clear_caches) if mode == "staged" else {}
        laps["the section timed whole"] = bench_text.time_report_text(unit)[1]
        return laps
    laps = staged(unit, bench_text.clear_caches) if mode == "staged" else {}
    laps["the section timed whole"] = bench_text.time_unit_analysis(unit, book)[1]
    return laps


def _run_child(code: Path, which: str, mode: str, *, valgrind: bool = False) -> dict[str, float]:
    """Run :func:`child` in a fresh process with the package in ``code``; return its answer.

    With ``valgrind``, under cachegrind: the answer is the instructions it counted
    (``{"instructions": n}``).
    """
    script = str(Path(__file__).resolve())
    command = [sys.executable, script, "--unit", which, "--child", mode]
    if valgrind:
        command = ["valgrind", "--tool=cachegrind", "--cache-sim=no"]
        command += ["--cachegrind-out-file=/dev/null", sys.executable, script]
        command += ["--unit", which, "--child", mode]
    done = subprocess.run(
        command,
        env={**os.environ, "PYTHONPATH": str(code)},
        capture_output=True,
        text=True,
        check=True,
        cwd=code,
    )
    if valgrind:
        refs = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
        if refs is None:
            raise RuntimeError(f"no instruction count in valgrind's output:\n{done.stderr[-2000:]}")
        return {"instructions": float(refs.group(1).replace(",", ""))}
    return dict(json.loads(done.stdout.splitlines()[-1]))


def instructions(code: Path, which: str) -> float:
    """Return the instructions of the section of a unit with the package in ``code``."""
    whole = _run_child(code, which, "whole", valgrind=True)["instructions"]
    return whole - _run_child(code, which, "setup", valgrind=True)["instructions"]


def _spread(values: list[float]) -> str:
    """Median (min-max) of CPU seconds, in milliseconds."""
    low, mid, high = min(values), statistics.median(values), max(values)
    return f"{mid * 1000:6.0f} ({low * 1000:4.0f}-{high * 1000:4.0f})"


def side_by_side(which: str, against: str, runs: int, *, count: bool) -> None:
    """Print each stage's CPU time with ``against``'s package and this checkout's, interleaved."""
    import bench_text

    with tempfile.TemporaryDirectory() as tmp:
        base = bench_text.old_tagger(Path(tmp), commit=against)
        if base is None:
            raise SystemExit(f"cannot extract nps_kit of {against!r} (no git, or no such commit)")
        codes = {against: base, "this checkout": ROOT}
        laps: dict[str, list[dict[str, float]]] = {name: [] for name in codes}
        for k in range(runs):  # interleaved, each first in turn
            for name in list(codes)[:: 1 if k % 2 == 0 else -1]:
                laps[name].append(_run_child(codes[name], which, "staged"))
        print(f"CPU ms, median (min-max) of {runs} fresh processes each, interleaved")
        print(f"{'stage':<34}{against[:22]:>22}{'this checkout':>22}{'ratio':>8}")
        for stage in laps["this checkout"][0]:
            old = [run[stage] for run in laps[against] if stage in run]
            new = [run[stage] for run in laps["this checkout"]]
            ratio = statistics.median(new) / statistics.median(old) if old else float("nan")
            shown = _spread(old) if old else "-"
            print(f"{stage:<34}{shown:>22}{_spread(new):>22}{ratio:8.2f}")
        if count:
            counted = {name: instructions(code, which) for name, code in codes.items()}
            old_n, new_n = counted[against], counted["this checkout"]
            print(
                f"{'instructions, section whole':<34}{old_n / 1e9:20.2f} G{new_n / 1e9:20.2f} G"
                f"{new_n / old_n:8.2f}"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--unit",
        choices=("synthetic", "real", "demo", "report"),
        default="synthetic",
        help="bench_text's synthetic unit (default), its unit of real comments, the demo export, "
        "or its report unit (two text questions, analyse_followups and text_quality)",
    )
    parser.add_argument("--against", metavar="REV", help="time REV's package side by side")
    parser.add_argument("--runs", type=int, default=3, help="processes per package (--against)")
    parser.add_argument(
        "--instructions", action="store_true", help="also count instructions (--against)"
    )
    parser.add_argument("--child", choices=("staged", "whole", "setup"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    import nps_kit  # the one first on sys.path, before bench_text puts this checkout first

    sys.path.insert(1, str(ROOT / "benchmarks"))
    import bench_text

    if args.child is not None:
        print(json.dumps(child(args.unit, args.child)))
        return 0
    print(f"nps_kit from {Path(nps_kit.__file__).parent}")
    unit = unit_frame(args.unit)
    # The report unit's reasons (its improvement answers come from 1,200 labelled ones).
    shown = unit.current if args.unit == "report" else unit
    print(f"{args.unit} unit: {bench_text.repetition(shown)}")
    if args.against is not None:
        side_by_side(args.unit, args.against, args.runs, count=args.instructions)
        return 0
    if args.unit == "report":
        bench_text.report_text(bench_text.report_unit(300, seed=11))
        laps = [report_staged(unit, bench_text.clear_caches) for _ in range(3)]
        for name in laps[0]:
            print(f"{name:<34}{statistics.median(run[name] for run in laps) * 1000:7.0f} ms")
        whole = [bench_text.time_report_text(unit)[1] for _ in range(3)]
        print(f"{'the section timed whole (median)':<34}{statistics.median(whole) * 1000:7.0f} ms")
        return 0
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
