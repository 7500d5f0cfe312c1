"""PRUNE40 (PREREG40, round 21): keyword entries that are wrong more often than right.

Usage (from the repository root, the tree's ``nps_kit`` on the path)::

    python benchmarks/prune40.py census LANG           # kept hits per entry, every readable set
    python benchmarks/prune40.py crossfit LANG         # S(half A) on half B, S(half B) on half A
    python benchmarks/prune40.py select LANG OUT.json  # S(all readable sets), the candidate
    python benchmarks/prune40.py measure REMOVED.json CSV [CSV ...]  # without them, whole figures

An *entry* is one item of a theme's ``keywords.en`` / ``keywords.ja`` list in a shipped pack
file. :func:`nps_kit.text.explain.explain_themes` says which words found each theme the
shipped tagger keeps (source ``words``); that hit is attributed to every entry of the theme
whose normalised text (or, for an English ``(lemmas)`` match, whose lemmas) equals the matched
words, and is right when the row's gold labels hold the theme. Selection S(sets): entries with at
least :data:`MIN_HITS` attributed kept hits pooled over ``sets`` and a right share below
:data:`MAX_RIGHT`. Removing an entry is done where the pack file is read
(``themes.load_yaml_model``), in a fresh process per measure, so that no cache of the shipped
books survives.

Readable sets: ``tests/data/theme_*.csv`` except blind 39 and ``*_second.csv``; the unread
decision sets (``tests/data/unread/``) are never globbed: ``measure`` reads only the files it
is given.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
NEVER = {"theme_eval_blind39.csv"}
MIN_HITS = 6
MAX_RIGHT = 0.5

Entry = tuple[str, str, str, str]  # pack, theme, lang, entry as written in the pack file


def readable() -> list[Path]:
    """Every readable labelled set, in sorted file order."""
    files = sorted(DATA.glob("theme_*.csv"))
    return [p for p in files if p.name not in NEVER and not p.name.endswith("_second.csv")]


def rows(paths: list[Path], lang: str) -> pd.DataFrame:
    """The rows of ``lang`` of ``paths``, with the set's file name."""
    frames = []
    for p in paths:
        f = pd.read_csv(p, dtype=str, keep_default_na=False)
        if "lang" not in f.columns:
            continue
        f = f[f["lang"] == lang].copy()
        f["set"] = p.name
        frames.append(f)
    return pd.concat(frames, ignore_index=True)


def _pack_entries(pack: str, lang: str) -> dict[str, list[str]]:
    """Theme id → the keyword entries of ``lang`` in the shipped pack file."""
    from nps_kit._schema_errors import load_yaml_model
    from nps_kit.text.packs import pack_files
    from nps_kit.text.themes import _ThemeFile

    spec = load_yaml_model(pack_files(pack)[0], _ThemeFile)
    return {tid: list(getattr(item.keywords, lang)) for tid, item in spec.themes.items()}


def _forms(entry: str, lang: str) -> set[str]:
    from nps_kit.text._lemma import lemma_text
    from nps_kit.text.tokens import normalise_one

    norm = normalise_one(entry)
    return {norm, f"{lemma_text(norm)} (lemmas)"} if lang == "en" else {norm}


def census(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per (set, row, attributed entry) of a kept hit: right or wrong against gold."""
    from nps_kit.text.evaluation import parse_labels
    from nps_kit.text.explain import explain_themes
    from nps_kit.text.packs import load_pack

    out = []
    for pack, group in frame.groupby("pack", sort=True):
        book = load_pack(str(pack))
        entries = _pack_entries(str(pack), lang)
        forms = {tid: [(e, _forms(e, lang)) for e in words] for tid, words in entries.items()}
        texts = group["text"].reset_index(drop=True)
        ex = explain_themes(texts, book)
        ex = ex[ex["source"] == "words"]
        gold = [parse_labels(v) for v in group["labels"]]
        sets = group["set"].tolist()
        for r, theme, words in zip(ex["row"], ex["theme"], ex["words"], strict=True):
            attributed = [e for e, f in forms.get(theme, []) if words.lower() in f]
            for e in attributed:
                out.append((sets[r], str(pack), theme, lang, e, theme in gold[r]))
    return pd.DataFrame(out, columns=["set", "pack", "theme", "lang", "entry", "right"])


def select(hits: pd.DataFrame) -> list[Entry]:
    """S(sets): entries with ≥ MIN_HITS kept hits and a right share below MAX_RIGHT."""
    g = hits.groupby(["pack", "theme", "lang", "entry"])["right"].agg(["size", "mean"])
    chosen = g[(g["size"] >= MIN_HITS) & (g["mean"] < MAX_RIGHT)]
    return [tuple(i) for i in chosen.index]  # type: ignore[misc]


def install(removed: list[Entry]) -> None:
    """Remove ``removed`` from the pack files as the tagger reads them (this process only)."""
    import nps_kit.text.themes as themes
    from nps_kit.text.packs import PACKS, pack_files

    files = {pack_files(p)[0].resolve(): p for p in PACKS}
    by_pack: dict[str, list[Entry]] = {}
    for e in removed:
        by_pack.setdefault(e[0], []).append(e)
    original = themes.load_yaml_model

    def pruned(path, model, **kw):  # type: ignore[no-untyped-def]
        spec = original(path, model, **kw)
        pack = files.get(Path(path).resolve())
        if pack is None or model is not themes._ThemeFile:
            return spec
        for _, tid, lang, entry in by_pack.get(pack, []):
            words = getattr(spec.themes[tid].keywords, lang)
            words[:] = [w for w in words if w != entry]
        return spec

    themes.load_yaml_model = pruned  # type: ignore[assignment]


def measure_here(removed: list[Entry], paths: list[str]) -> dict[str, dict[str, float]]:
    """Whole figures per language of ``paths`` with ``removed`` taken out (this process)."""
    install(removed)
    from nps_kit.text.evaluation import evaluate_mentions

    frame = pd.concat(
        [pd.read_csv(p, dtype=str, keep_default_na=False) for p in paths], ignore_index=True
    )
    table = evaluate_mentions(frame).table
    out = {}
    for _, r in table.iterrows():
        p, rc = float(r["precision"]), float(r["recall"])
        out[str(r["lang"])] = {
            "P": p,
            "R": rc,
            "F1": 2 * p * rc / (p + rc),
            "pol": float(r["polarity_accuracy"]),
        }
    return out


def measure(removed: list[Entry], paths: list[Path]) -> dict[str, dict[str, float]]:
    """:func:`measure_here` in a fresh process."""
    spec = json.dumps({"removed": removed, "paths": [str(p) for p in paths]})
    done = subprocess.run(
        [sys.executable, __file__, "_measure"],
        input=spec,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def _line(name: str, a: dict[str, float], b: dict[str, float]) -> str:
    d = {k: b[k] - a[k] for k in a}
    return (
        f"| {name} | {a['P']:.4f} → {b['P']:.4f} ({d['P']:+.4f}) | {a['R']:.4f} → {b['R']:.4f}"
        f" ({d['R']:+.4f}) | {a['F1']:.4f} → {b['F1']:.4f} ({d['F1']:+.4f}) |"
        f" {a['pol']:.4f} → {b['pol']:.4f} ({d['pol']:+.4f}) |"
    )


def main(argv: list[str]) -> None:
    command = argv[0]
    if command == "_measure":
        spec = json.loads(sys.stdin.read())
        removed = [tuple(e) for e in spec["removed"]]
        print(json.dumps(measure_here(removed, spec["paths"])))  # type: ignore[arg-type]
        return
    if command == "measure":
        removed = [tuple(e) for e in json.loads(Path(argv[1]).read_text())]
        paths = [Path(p) for p in argv[2:]]
        base, cand = measure([], paths), measure(removed, paths)  # type: ignore[arg-type]
        print("| lang | P | R | F1 | polarity |\n|---|---|---|---|---|")
        for lang in base:
            print(_line(lang, base[lang], cand[lang]))
        return
    lang = argv[1]
    paths = readable()
    if command == "census":
        hits = census(rows(paths, lang), lang)
        g = hits.groupby(["pack", "theme", "entry"])["right"].agg(["size", "sum"])
        g["wrong"] = g["size"] - g["sum"]
        share = hits["right"].mean()
        print(f"{len(paths)} readable sets, {len(hits)} attributed kept hits, right {share:.3f}")
        print(f"selected S(all): {len(select(hits))}")
        worst = g[g["size"] >= 3].assign(share=lambda x: x["sum"] / x["size"])
        print(worst.sort_values(["share", "size"], ascending=[True, False]).head(60).to_string())
        return
    if command == "crossfit":
        halves = (paths[0::2], paths[1::2])
        for name, fit, held in (("A→B", *halves), ("B→A", halves[1], halves[0])):
            chosen = select(census(rows(fit, lang), lang))
            base, cand = measure([], held)[lang], measure(chosen, held)[lang]
            said = f"{len(chosen)} entries chosen on {len(fit)} sets, measured on {len(held)}"
            print(f"{name}: {said}")
            print(_line(f"{lang} held-out", base, cand))
            print("  " + "; ".join(f"{p}/{t}:{e}" for p, t, _, e in chosen))
        return
    if command == "select":
        chosen = select(census(rows(paths, lang), lang))
        Path(argv[2]).write_text(json.dumps(chosen, ensure_ascii=False, indent=1))
        print(f"{len(chosen)} entries: " + "; ".join(f"{p}/{t}:{e}" for p, t, _, e in chosen))
        return
    raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
