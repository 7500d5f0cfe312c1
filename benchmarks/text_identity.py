"""Check that a speed change leaves every open-text output exactly as it was.

``python benchmarks/text_identity.py dump OUT.pkl`` computes, with the ``nps_kit`` found first on
``sys.path`` (this checkout's, or the one ``PYTHONPATH`` names), for every pack and every corpus:
``tag_themes``, ``tag_polarity``, ``theme_mentions``, ``theme_stance``, ``stance_mask`` (of
``tag_polarity``'s frame, and of that frame as plain objects), ``theme_impact``,
``text_quality``, ``uncovered_phrases`` (100 phrases, down to one comment), ``segment_phrases``
(once per corpus), ``tag_polarity`` read through the segments (as a report asks for it),
``tag_themes`` and ``tag_polarity`` with the dictionaries alone (``learned=False``), and the
learned layer's language and probabilities of every distinct normalised comment
(``_layer.probabilities``, compared bit for bit); per distinct comment as the report passes it
(stripped) whether it is answered, its language, its tokens (detected language, and forced to
each language), its English word spans and its phrases with their wording (as the typical
phrases count them), and per distinct normalised comment the clauses (text, contrast, start,
turn), each clause's polarity, and what the matcher finds (themes with their offsets). The
corpora: a 20,000-comment sample of ``bench_text``'s corpus, the demo export
(``data/demo_responses.csv.gz``) and the labelled sets that have been tuned on:
``tests/data/theme_eval.csv``, ``_blind`` to ``_blind5`` and training set 5 (``theme_train5_en``,
``theme_train5_ja``), and training sets 9 to 17 as one corpus (``training``: comments people
wrote, whose clauses repeat little, unlike ``bench_text``'s); never the never-tuned blind sets 6
and 7 (nor later ones), which only the lead measures.

``--part report`` dumps only, and ``--part corpora`` leaves out, what a report shows of
``bench_text``'s report unit (:func:`dump_report`: ``analyse_followups`` with a reason and an
improvement question, and ``text_quality``), which the default dumps too.

``python benchmarks/text_identity.py compare A.pkl B.pkl`` prints every output that differs (and
a few differing rows of each) and exits 1 if any does. Dump the reference from a checkout of the
commit to compare with (``git worktree`` or ``git archive``), then after each change::

    PYTHONPATH=/tmp/base python benchmarks/text_identity.py dump /tmp/ref.pkl
    python benchmarks/text_identity.py dump /tmp/new.pkl
    python benchmarks/text_identity.py compare /tmp/ref.pkl /tmp/new.pkl
"""

from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
LABELLED = (
    "theme_eval.csv",
    "theme_eval_blind.csv",
    "theme_eval_blind2.csv",
    "theme_eval_blind3.csv",
    "theme_eval_blind4.csv",
    "theme_eval_blind5.csv",
    "theme_train5_en.csv",
    "theme_train5_ja.csv",
)
#: Training sets 9-17 (comments written for the learned layers, never measured on).
TRAINING = tuple(f"theme_train{n}_{lang}.csv" for n in range(9, 18) for lang in ("en", "ja"))
SAMPLE = 20_000


def corpora() -> dict[str, pd.DataFrame]:
    """Return each corpus as a frame with ``comment`` and ``nps_score`` (Int64) columns."""
    sys.path.insert(1, str(ROOT / "benchmarks"))
    from bench_text import make_comments

    rng = np.random.default_rng(7)
    out = {
        "bench": pd.DataFrame(
            {
                "comment": make_comments(SAMPLE, seed=3).to_numpy(),
                "nps_score": pd.array(rng.integers(0, 11, SAMPLE), dtype="Int64"),
            }
        )
    }
    raw = pd.read_csv(ROOT / "data" / "demo_responses.csv.gz", usecols=["score", "comment"])
    score = pd.to_numeric(raw["score"], errors="coerce")
    out["demo"] = pd.DataFrame(
        {
            "comment": raw["comment"],
            "nps_score": score.where(score.between(0, 10)).round().astype("Int64"),
        }
    )
    # Comments people wrote, whose clauses repeat little (the training sets: training data only).
    training = [
        pd.read_csv(ROOT / "tests" / "data" / name, keep_default_na=False, dtype=str)
        for name in TRAINING
    ]
    frame = pd.concat(training, ignore_index=True)
    out["training"] = pd.DataFrame(
        {
            "comment": frame["text"].to_numpy(),
            "nps_score": pd.to_numeric(frame["score"], errors="coerce").astype("Int64"),
        }
    )
    for name in LABELLED:
        frame = pd.read_csv(ROOT / "tests" / "data" / name, keep_default_na=False, dtype=str)
        if "score" in frame:
            score = pd.to_numeric(frame["score"], errors="coerce").astype("Int64")
        else:
            score = pd.array(rng.integers(0, 11, len(frame)), dtype="Int64")
        out[name] = pd.DataFrame({"comment": frame["text"].to_numpy(), "nps_score": score})
    return out


def dump() -> dict[str, Any]:
    """Compute every output on every corpus and pack."""
    import nps_kit
    from nps_kit.score import segment
    from nps_kit.text import PACKS, _layer, load_pack, tag_polarity, tag_themes, theme_mentions
    from nps_kit.text._match import matcher
    from nps_kit.text.discovery import text_quality, uncovered_phrases
    from nps_kit.text.phrases import _phrase_sets, segment_phrases
    from nps_kit.text.sentiment import _clauses, polarity_of
    from nps_kit.text.stance import stance_mask, theme_stance
    from nps_kit.text.themes import theme_impact
    from nps_kit.text.tokens import (
        _language_of,
        answered,
        detect_language,
        en_token_spans,
        normalise_one,
        tokenise,
    )

    print(f"nps_kit from {Path(nps_kit.__file__).parent}", file=sys.stderr)
    out: dict[str, Any] = {}
    for name, unit in corpora().items():
        print(f"  {name}: {len(unit):,} comments", file=sys.stderr, flush=True)
        texts = unit["comment"].astype("string").str.strip()
        said = answered(texts)
        texts = texts.where(said)
        data = unit.assign(segment=segment(unit["nps_score"]))
        out[(name, "segment_phrases")] = segment_phrases(texts, data["segment"])
        each = pd.Series(sorted(set(unit["comment"].dropna().astype(str).str.strip())))
        out[(name, "answered")] = dict(zip(each, answered(each), strict=True))
        out[(name, "language")] = dict(zip(each, detect_language(each), strict=True))
        for lang in (None, "ja", "en"):
            out[(name, "tokens", lang)] = dict(zip(each, tokenise(each, lang=lang), strict=True))
        out[(name, "phrase_sets")] = dict(zip(each, _phrase_sets(each), strict=True))
        distinct = sorted({normalise_one(t) for t in unit["comment"].dropna().astype(str)} - {""})
        out[(name, "en_spans")] = {t: en_token_spans(t) for t in distinct}
        clauses = {t: [tuple(c) for c in _clauses(t)] for t in distinct}
        out[(name, "clauses")] = clauses
        out[(name, "clause_polarity")] = {
            c[0]: polarity_of(c[0]) for cs in clauses.values() for c in cs
        }
        for pack in PACKS:
            book = load_pack(pack)
            raw = unit["comment"]
            out[(name, pack, "tag_themes")] = tag_themes(raw, book)
            polarity = tag_polarity(raw, book)
            out[(name, pack, "tag_polarity")] = polarity
            out[(name, pack, "theme_mentions")] = theme_mentions(raw, pack=pack)
            said_polarity = tag_polarity(texts, book)
            out[(name, pack, "theme_stance")] = theme_stance(
                data, said_polarity, commented=said, lang="en", book=book
            )
            out[(name, pack, "stance_mask")] = tuple(
                stance_mask(frame, stance)
                for frame in (said_polarity, said_polarity.astype(object))
                for stance in ("praise", "complaint")
            )
            tags = tag_themes(texts, book).astype("boolean").where(said)
            out[(name, pack, "theme_impact")] = theme_impact(
                data, tags, polarity=said_polarity, book=book
            )
            out[(name, pack, "text_quality")] = text_quality(texts, book, lang="en")
            found = uncovered_phrases(texts, book, top=100, min_count=1)
            out[(name, pack, "uncovered")] = (
                found.comments,
                found.uncovered,
                found.share,
                found.phrases,
            )
            out[(name, pack, "tag_polarity", "segments")] = tag_polarity(
                texts, book, segments=data["segment"]
            )
            out[(name, pack, "tag_themes", "rules")] = tag_themes(raw, book, learned=False)
            out[(name, pack, "tag_polarity", "rules")] = tag_polarity(raw, book, learned=False)
            langs = {t: _language_of(t) for t in distinct}
            layer: dict[str, Any] = {t: None for t, lang in langs.items() if lang is None}
            for lang in ("en", "ja") if _layer.trained(pack) else ():  # food: no models yet
                batch = [t for t in distinct if langs[t] == lang]
                if batch:
                    ids, prob = _layer.probabilities(batch, lang, pack)
                    layer.update(
                        (t, (lang, ids, row.tobytes())) for t, row in zip(batch, prob, strict=True)
                    )
            out[(name, pack, "layer")] = layer
            themes = matcher(book.themes)
            out[(name, pack, "find")] = {
                t: {i: list(s) for i, s in sorted(themes.find(t).items())} for t in distinct
            }
    return out


def dump_report() -> dict[str, Any]:
    """Compute what a report shows of ``bench_text``'s report unit (two text questions).

    ``analyse_followups`` (per question its theme table, tags, phrases, commenters and
    polarity; the merged polarity, tags, themes and stance; the recommendations as text) and
    the data-quality section's ``text_quality``, as ``bench_text.report_text`` runs them.
    """
    import nps_kit  # the one first on sys.path, before bench_text puts this checkout first

    sys.path.insert(1, str(ROOT / "benchmarks"))
    import bench_text

    print(f"nps_kit from {Path(nps_kit.__file__).parent}", file=sys.stderr)
    print("  report unit: 30,000 responses, two text questions", file=sys.stderr, flush=True)
    analysis, quality = bench_text.report_text(bench_text.report_unit())
    out: dict[str, Any] = {("report", "text_quality"): quality}
    for q in analysis.questions:
        for part in ("table", "tags", "phrases", "polarity", "commenters"):
            out[("report", q.question.column, part)] = getattr(q, part)
    for part in ("themes", "tags", "stance", "polarity"):
        out[("report", part)] = getattr(analysis, part)
    out[("report", "recommendations")] = repr(analysis.recommendations)
    return out


def _differs(a: Any, b: Any) -> str | None:
    """Describe how ``a`` and ``b`` differ, or ``None`` when they are identical."""
    if isinstance(a, pd.DataFrame) and isinstance(b, pd.DataFrame):
        try:
            pd.testing.assert_frame_equal(a, b, check_exact=True)
        except AssertionError as exc:
            if a.shape == b.shape and list(a.columns) == list(b.columns):
                bad = ~((a == b) | (a.isna() & b.isna())).fillna(False).all(axis=1)
                return f"{exc}\n{a[bad].head(5)}\n--- vs ---\n{b[bad].head(5)}"
            return str(exc)
        return None
    if isinstance(a, dict) and isinstance(b, dict):
        keys = sorted(set(a) | set(b), key=str)
        bad = [k for k in keys if k not in a or k not in b or _differs(a[k], b[k])]
        if not bad:
            return None
        shown = "\n".join(f"  {k!r}: {a.get(k)!r} vs {b.get(k)!r}" for k in bad[:5])
        return f"{len(bad)} of {len(keys)} keys differ, e.g.\n{shown}"
    if isinstance(a, tuple) and isinstance(b, tuple) and len(a) == len(b):
        bad = [k for k, (x, y) in enumerate(zip(a, b, strict=True)) if _differs(x, y)]
        return None if not bad else f"items {bad} differ: {a!r} vs {b!r}"
    if isinstance(a, float) and isinstance(b, float) and np.isnan(a) and np.isnan(b):
        return None
    if a is pd.NA or b is pd.NA:  # a comment without a language
        return None if a is b else f"{a!r} vs {b!r}"
    return None if type(a) is type(b) and a == b else f"{a!r} vs {b!r}"


def compare(a: dict[str, Any], b: dict[str, Any]) -> int:
    """Print every output that differs between two dumps; return how many do."""
    n = 0
    for key in sorted(set(a) | set(b), key=str):
        if key not in a or key not in b:
            print(f"{key}: only in {'the second' if key not in a else 'the first'} dump")
            n += 1
            continue
        found = _differs(a[key], b[key])
        if found:
            print(f"{key}: DIFFERS\n{found}\n")
            n += 1
    print(f"{len(set(a) | set(b))} outputs compared, {n} differ")
    return n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump", help="write every output to a pickle")
    d.add_argument("out", type=Path)
    d.add_argument(
        "--part",
        choices=("all", "corpora", "report"),
        default="all",
        help="the corpora's outputs, the report unit's (bench_text.report_text), or both",
    )
    c = sub.add_parser("compare", help="compare two dumps")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = parser.parse_args(argv)
    if args.command == "dump":
        out = dump() if args.part != "report" else {}
        if args.part != "corpora":
            out.update(dump_report())
        args.out.write_bytes(pickle.dumps(out))
        return 0
    a = pickle.loads(args.a.read_bytes())
    b = pickle.loads(args.b.read_bytes())
    return 1 if compare(a, b) else 0


if __name__ == "__main__":
    raise SystemExit(main())
