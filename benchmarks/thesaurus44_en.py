"""THESAURUS44 (PREREG41, round 22): English keywords from Princeton WordNet 3.0 (ACC44E).

Usage (from the repository root, the tree's ``nps_kit`` on the path)::

    python benchmarks/thesaurus44_en.py generate OUT.json     # candidates, every pack
    python benchmarks/thesaurus44_en.py crossfit CAND.json    # S(half A) on B, S(half B) on A
    python benchmarks/thesaurus44_en.py select CAND.json OUT.json  # S(all readable sets)
    python benchmarks/thesaurus44_en.py measure ADDED.json CSV [CSV ...]  # whole figures
    python benchmarks/thesaurus44_en.py write ADDED.json      # into the packs' YAML

WordNet is read here, from the Debian files in ``/usr/share/wordnet`` (``wordnet-base``,
WordNet 3.0), parsed directly; nothing in ``nps_kit`` reads it and nltk is not used. What this
script chooses ends up as ordinary English keywords in the packs' YAML.

Generation rule (declared before any candidate was scored on a labelled set)
------------------------------------------------------------------------------
For every shipped pack (retail, saas, finance, generic, food, logistics) and every theme:

1. **Keywords looked up.** Each entry of the theme's ``keywords.en`` list, lower-cased, spaces
   written as ``_``, is looked up in ``index.noun``, ``index.verb``, ``index.adj`` and
   ``index.adv`` (WordNet's own spelling, no morphology: "deliveries" is not looked up as
   "delivery"; the singular is usually a keyword of its own).
2. **Senses admitted.** A synset S is admitted for the theme if
   (a) S is the *dominant sense* of one of the theme's keywords, or
   (b) S holds two or more distinct keywords of the theme as lemmas.
   The dominant sense of a word is its sense with the highest tag count in ``cntlist.rev``
   over all four parts of speech; ties (among them every word with no tagged sense) go to the
   first part of speech in the order noun, verb, adjective, adverb, and within it to the lowest
   sense number (the index's order, which is WordNet's frequency order).
3. **Relations.** The candidates of an admitted synset are (i) its other lemmas (synonyms of the
   same sense) and, for an adjective synset only, (ii) the lemmas of the synsets it points to
   with ``&`` (similar to: a head adjective's satellites, a satellite's head). Nothing else: no
   hypernyms, hyponyms, derivationally related forms or antonyms.
4. **Ambiguous words kept out.**
   - A candidate is kept only if the synset that proposed it is the candidate's *own* dominant
     sense (rule 2's definition): a word whose most frequent sense is something else ("cost",
     "bill", "short") is not added for a rarer sense.
   - Lemmas with a capital letter (proper names), a digit, or any character other than a-z,
     space (from ``_``), hyphen and apostrophe are dropped; so are those under 3 characters.
     Adjective markers ``(a)``, ``(p)``, ``(ip)`` are stripped first.
   - A candidate whose normalised text or English lemma form (``nps_kit.text._lemma``) equals
     that of a keyword of *any* theme of the same pack is skipped (already there).
   - A candidate proposed for two or more themes of the same pack is dropped from all of them.
   Multiword lemmas become phrases (``_`` → space), as keywords already are.

Selection rule (declared with the generation rule)
--------------------------------------------------
On a collection of readable sets, every candidate is added to its pack at once and the
English rows are tagged with the candidates and without. A candidate *fires* on a row when the
tagger with the candidates keeps the theme from words (``explain_themes`` source ``words``),
the shipped tagger does not tag that theme on that row, and the words shown for the hit
(:func:`nps_kit.text.explain.matched_words`) are the candidate's text or lemma form. A firing is
right when the row's gold labels hold the theme. A candidate is **dropped** if, pooled over the
collection, it fires at least :data:`MIN_FIRES` (2) times with a right share below
:data:`MAX_RIGHT` (0.5); every other candidate is **kept**, including every candidate that never
fires (the point of the source is comments the sets have not seen; a word that never fires
costs nothing on them). No word is kept or dropped by hand.

Cross-fit (PREREG41, as PREREG40): the readable sets (``tests/data/theme_*.csv`` except blind
39 and ``*_second.csv``) in sorted file order are split by the parity of their position; the
selection made on one half is measured on the other, whole English figures, shipped vs with the
selected additions, each measure in a fresh process. The candidate is the selection on all
readable sets. The unread decision sets are never globbed: ``measure`` reads only the files it
is given.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from prune40 import _forms, _line, _pack_entries, readable, rows

MIN_FIRES = 2
MAX_RIGHT = 0.5
WORDNET = Path("/usr/share/wordnet")
POS = ("n", "v", "a", "r")  # rule 2's order for ties
FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
SS_TYPE = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}
MARKER = re.compile(r"\((a|p|ip)\)$")
LETTERS = re.compile(r"[a-z' -]+")

Entry = tuple[str, str, str, str]  # pack, theme, lang, keyword as written in the pack file
Synset = tuple[str, int]  # part of speech (n, v, a, r), byte offset in its data file


class WordNet:
    """The parts of WordNet 3.0 the rule reads: index, synsets' lemmas and ``&``, tag counts."""

    def __init__(self, root: Path = WORDNET) -> None:
        self.senses: dict[str, dict[str, list[int]]] = defaultdict(dict)  # lemma → pos → offsets
        self.lemmas: dict[Synset, list[str]] = {}
        self.similar: dict[Synset, list[Synset]] = {}
        self.counts: dict[tuple[str, str, int], int] = {}  # (lemma, pos, sense number) → tags
        for pos in POS:
            for line in (root / f"index.{FILES[pos]}").read_text(encoding="latin-1").splitlines():
                if line.startswith(" "):
                    continue
                f = line.split()
                n_synsets, n_pointers = int(f[2]), int(f[3])
                offsets = f[4 + n_pointers + 2 :]
                assert len(offsets) == n_synsets, line
                self.senses[f[0]][pos] = [int(o) for o in offsets]
            for line in (root / f"data.{FILES[pos]}").read_text(encoding="latin-1").splitlines():
                if line.startswith(" "):
                    continue
                f = line.split(" | ")[0].split()
                offset, n_words = int(f[0]), int(f[3], 16)
                words = [MARKER.sub("", f[4 + 2 * i]) for i in range(n_words)]
                at = 4 + 2 * n_words
                n_pointers = int(f[at])
                similar = []
                for i in range(n_pointers):
                    symbol, target, tpos = f[at + 1 + 4 * i : at + 4 + 4 * i]
                    if symbol == "&":
                        similar.append(("a" if tpos in "as" else tpos, int(target)))
                self.lemmas[(pos, offset)] = words
                self.similar[(pos, offset)] = similar
        for line in (root / "cntlist.rev").read_text(encoding="latin-1").splitlines():
            key, number, count = line.split()
            lemma, rest = key.split("%")
            self.counts[(lemma, SS_TYPE[rest[0]], int(number))] = int(count)

    def dominant(self, lemma: str) -> Synset | None:
        """Rule 2: the sense of ``lemma`` with most tags, ties to noun..adverb, lowest number."""
        best: tuple[int, int, int] | None = None
        found: Synset | None = None
        for rank, pos in enumerate(POS):
            for number, offset in enumerate(self.senses.get(lemma, {}).get(pos, []), start=1):
                key = (self.counts.get((lemma, pos, number), 0), -rank, -number)
                if best is None or key > best:
                    best, found = key, (pos, offset)
        return found

    def synsets(self, lemma: str) -> list[Synset]:
        """Every synset of ``lemma``, all parts of speech."""
        return [(pos, o) for pos in POS for o in self.senses.get(lemma, {}).get(pos, [])]


def _key(word: str) -> str:
    return word.strip().lower().replace(" ", "_")


def _candidate(lemma: str) -> str | None:
    """Rule 4's spelling filter: the phrase a WordNet lemma becomes, or None."""
    if lemma != lemma.lower():
        return None
    text = lemma.replace("_", " ")
    return text if len(text) >= 3 and LETTERS.fullmatch(text) else None


def generate_pack(
    wn: WordNet, pack: str, tally: Counter[str] | None = None
) -> list[dict[str, object]]:
    """Rules 1-4 for one pack: candidates with the keyword and synset that proposed them.

    ``tally`` counts what each rule kept and dropped (for the record).
    """
    tally = Counter() if tally is None else tally
    from nps_kit.text._lemma import lemma_text
    from nps_kit.text.tokens import normalise_one

    entries = _pack_entries(pack, "en")
    known: set[str] = set()
    for words in entries.values():
        for e in words:
            norm = normalise_one(e)
            known |= {norm, lemma_text(norm)}
    proposed: dict[str, dict[str, tuple[str, Synset]]] = defaultdict(dict)  # cand → theme → why
    for theme, words in entries.items():
        keys = {_key(e): e for e in words}
        tally["keywords"] += len(keys)
        tally["keywords in WordNet"] += sum(k in wn.senses for k in keys)
        admitted: dict[Synset, str] = {}
        for k, e in keys.items():
            dom = wn.dominant(k)
            if dom is not None:
                admitted.setdefault(dom, e)  # 2(a)
            for s in wn.synsets(k):
                holders = {x.lower() for x in wn.lemmas[s]} & set(keys)
                if len(holders) >= 2:  # 2(b)
                    admitted.setdefault(s, e)
        tally["synsets admitted"] += len(admitted)
        for s, e in admitted.items():
            sources = [s, *wn.similar[s]] if s[0] == "a" else [s]  # 3
            for t in sources:
                for lemma in wn.lemmas[t]:
                    tally["lemmas seen"] += 1
                    text = _candidate(lemma)
                    if text is None:
                        tally["dropped: spelling"] += 1
                        continue
                    if wn.dominant(lemma) != t:
                        tally["dropped: not the word's dominant sense"] += 1
                        continue
                    norm = normalise_one(text)
                    if norm in known or lemma_text(norm) in known:
                        tally["skipped: already a keyword of the pack"] += 1
                        continue
                    proposed[norm].setdefault(theme, (e, t))
    out = []
    for cand, themes in sorted(proposed.items()):
        if len(themes) > 1:
            tally["dropped: proposed for 2+ themes"] += 1
            continue
        ((theme, (keyword, (pos, offset))),) = themes.items()
        out.append(
            {
                "pack": pack,
                "theme": theme,
                "word": cand,
                "keyword": keyword,
                "synset": f"{offset:08d}-{pos}",
            }
        )
    return out


def generate() -> list[dict[str, object]]:
    """Rules 1-4 for every shipped pack."""
    from nps_kit.text.packs import PACKS

    wn = WordNet()
    tally: Counter[str] = Counter()
    out = [c for pack in PACKS for c in generate_pack(wn, pack, tally)]
    print("\n".join(f"{k}: {v}" for k, v in tally.items()))
    return out


def _entries(items: list[dict[str, object]] | list[list[str]]) -> list[Entry]:
    """Entries of a candidates file (dicts) or of a chosen file (lists)."""
    out: list[Entry] = []
    for c in items:
        if isinstance(c, dict):
            out.append((str(c["pack"]), str(c["theme"]), "en", str(c["word"])))
        else:
            out.append((c[0], c[1], c[2], c[3]))
    return out


def install(added: list[Entry]) -> None:
    """Add ``added`` to the pack files as the tagger reads them (this process only)."""
    import nps_kit.text.themes as themes
    from nps_kit.text.packs import PACKS, pack_files

    files = {pack_files(p)[0].resolve(): p for p in PACKS}
    by_pack: dict[str, list[Entry]] = defaultdict(list)
    for e in added:
        by_pack[e[0]].append(e)
    original = themes.load_yaml_model

    def grown(path, model, **kw):  # type: ignore[no-untyped-def]
        spec = original(path, model, **kw)
        pack = files.get(Path(path).resolve())
        if pack is None or model is not themes._ThemeFile:
            return spec
        for _, tid, lang, word in by_pack.get(pack, []):
            getattr(spec.themes[tid].keywords, lang).append(word)
        return spec

    themes.load_yaml_model = grown  # type: ignore[assignment]


def explain_here(added: list[Entry], paths: list[str]) -> list[list[object]]:
    """Kept word hits on the English rows of ``paths``: [set, row, pack, theme, words, right]."""
    install(added)
    from nps_kit.text.evaluation import parse_labels
    from nps_kit.text.explain import explain_themes
    from nps_kit.text.packs import load_pack

    frame = rows([Path(p) for p in paths], "en")
    out: list[list[object]] = []
    for pack, group in frame.groupby("pack", sort=True):
        group = group.reset_index(drop=True)
        ex = explain_themes(group["text"], load_pack(str(pack)))
        ex = ex[ex["source"] != "dropped"]
        gold = [parse_labels(v) for v in group["labels"]]
        for r, theme, source, words in zip(
            ex["row"], ex["theme"], ex["source"], ex["words"], strict=True
        ):
            key = f"{group['set'][r]}#{group['id'][r] if 'id' in group else r}#{r}"
            out.append([key, str(pack), theme, str(source), words, theme in gold[r]])
    return out


def measure_here(added: list[Entry], paths: list[str]) -> dict[str, dict[str, float]]:
    """Whole English figures of ``paths`` with ``added`` in the packs (this process)."""
    install(added)
    from nps_kit.text.evaluation import evaluate_mentions

    table = evaluate_mentions(rows([Path(p) for p in paths], "en")).table
    r = table[table["lang"] == "en"].iloc[0]
    p, rc = float(r["precision"]), float(r["recall"])
    f1 = 2 * p * rc / (p + rc)
    return {"en": {"P": p, "R": rc, "F1": f1, "pol": float(r["polarity_accuracy"])}}


def _fresh(command: str, added: list[Entry], paths: list[Path]) -> object:
    spec = json.dumps({"added": added, "paths": [str(p) for p in paths]})
    done = subprocess.run(
        [sys.executable, __file__, command], input=spec, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def fires(cands: list[Entry], paths: list[Path]) -> pd.DataFrame:
    """The selection rule's firings of ``cands`` on ``paths``: one row each, right or wrong."""
    cols = ["key", "pack", "theme", "source", "words", "right"]
    base = pd.DataFrame(_fresh("_explain", [], paths), columns=cols)
    grown = pd.DataFrame(_fresh("_explain", cands, paths), columns=cols)
    before = set(zip(base["key"], base["theme"], strict=True))
    new = grown[(grown["source"] == "words")]
    new = new[[(k, t) not in before for k, t in zip(new["key"], new["theme"], strict=True)]]
    forms = {e: _forms(e[3], "en") for e in cands}
    out = []
    for key, pack, theme, words, right in zip(
        new["key"], new["pack"], new["theme"], new["words"], new["right"], strict=True
    ):
        for e, f in forms.items():
            if e[0] == pack and e[1] == theme and str(words).lower() in f:
                out.append((key.split("#")[0], *e, bool(right)))
    return pd.DataFrame(out, columns=["set", "pack", "theme", "lang", "word", "right"])


def select(cands: list[Entry], firings: pd.DataFrame) -> list[Entry]:
    """The selection rule: drop a word firing ≥ MIN_FIRES times right below MAX_RIGHT."""
    g = firings.groupby(["pack", "theme", "lang", "word"])["right"].agg(["size", "mean"])
    bad = g[(g["size"] >= MIN_FIRES) & (g["mean"] < MAX_RIGHT)]
    dropped = {tuple(i) for i in bad.index}
    return [e for e in cands if e not in dropped]


NOTE = "# WordNet 3.0 synonyms (ACC44E, PREREG41; benchmarks/thesaurus44_en.py)"


def _list_end(text: str, start: int) -> int:
    """Index of the ``]`` closing the flow list whose ``[`` is at ``start`` (quotes, comments)."""
    i, quote = start + 1, ""
    while i < len(text):
        c = text[i]
        if quote:
            if c == quote and quote == "'" and text[i + 1 : i + 2] == "'":
                i += 1
            elif c == "\\" and quote == '"':
                i += 1
            elif c == quote:
                quote = ""
        elif c in "'\"" and text[start:i].rstrip()[-1] in "[,":
            quote = c  # a quoted scalar; an apostrophe inside a plain one (didn't) is text
        elif c == "#" and text[i - 1] in " \n":
            i = text.index("\n", i)
        elif c == "]":
            return i
        i += 1
    raise ValueError("unclosed list")


def write_pack(path: Path, added: dict[str, list[str]]) -> str:
    """The text of pack file ``path`` with ``added`` (theme → words) at the end of ``en:``."""
    text = path.read_text(encoding="utf-8")
    for theme, words in added.items():
        at = text.index(f"\n  {theme}:\n")
        at = text.index("\n    keywords:\n", at)
        at = text.index("\n      en:", at) + len("\n      en:")
        items = ["'" + w.replace("'", "''") + "'" for w in words]
        if text.startswith(" [", at):  # a flow list
            end = _list_end(text, at + 1)
            lines, line = [], "          "
            for item in items:
                if len(line) + 2 + len(item) > 100:
                    lines.append(line)
                    line = "          "
                line += " " + item + ","
            lines.append(line.rstrip(","))
            block = ",\n           " + NOTE + "\n" + "\n".join(lines)
            text = text[:end].rstrip() + block + "]" + text[end + 1 :]
        else:  # a block list, one "      - item" a line
            end = at + 1
            while text.startswith(("      - ", "      #"), end):
                end = text.index("\n", end) + 1
            block = "".join(f"      {x}\n" for x in [NOTE, *(f"- {i}" for i in items)])
            text = text[:end] + block + text[end:]
    return text


def write(added: list[Entry]) -> None:
    """Write ``added`` into the shipped packs' YAML and check each file reads back as intended."""
    from nps_kit._schema_errors import load_yaml_model
    from nps_kit.text.packs import PACKS, pack_files
    from nps_kit.text.themes import _ThemeFile

    for pack in PACKS:
        mine: dict[str, list[str]] = defaultdict(list)
        for e in added:
            if e[0] == pack:
                mine[e[1]].append(e[3])
        if not mine:
            continue
        path = pack_files(pack)[0]
        before = _pack_entries(pack, "en")
        path.write_text(write_pack(path, mine), encoding="utf-8")
        spec = load_yaml_model(path, _ThemeFile)
        for tid, item in spec.themes.items():
            assert list(item.keywords.en) == before[tid] + mine.get(tid, []), (pack, tid)


def _dump(items: list[Entry] | list[dict[str, object]], path: Path) -> None:
    """Write ``items`` as a JSON list, one item a line (diffs read word by word)."""
    lines = ",\n".join(json.dumps(c, ensure_ascii=False) for c in items)
    path.write_text(f"[\n{lines}\n]\n", encoding="utf-8")


def main(argv: list[str]) -> None:
    command = argv[0]
    if command in ("_explain", "_measure"):
        spec = json.loads(sys.stdin.read())
        added = [tuple(e) for e in spec["added"]]
        run = explain_here if command == "_explain" else measure_here
        print(json.dumps(run(added, spec["paths"])))  # type: ignore[arg-type]
        return
    if command == "generate":
        cands = generate()
        _dump(cands, Path(argv[1]))
        counts = pd.DataFrame(cands).groupby("pack").size()
        print(f"{len(cands)} candidates\n{counts.to_string()}")
        return
    if command == "measure":
        added = [tuple(e) for e in json.loads(Path(argv[1]).read_text())]
        paths = [Path(p) for p in argv[2:]]
        base, cand = _fresh("_measure", [], paths), _fresh("_measure", added, paths)  # type: ignore[arg-type]
        print("| lang | P | R | F1 | polarity |\n|---|---|---|---|---|")
        for lang in base:  # type: ignore[union-attr]
            print(_line(lang, base[lang], cand[lang]))  # type: ignore[index]
        return
    cands = _entries(json.loads(Path(argv[1]).read_text()))
    paths = readable()
    if command == "crossfit":
        firings = fires(cands, paths)
        halves = (paths[0::2], paths[1::2])
        for name, fit, held in (("A→B", *halves), ("B→A", halves[1], halves[0])):
            names = {p.name for p in fit}
            chosen = select(cands, firings[firings["set"].isin(names)])
            base = _fresh("_measure", [], held)["en"]  # type: ignore[index]
            cand = _fresh("_measure", chosen, held)["en"]  # type: ignore[index]
            print(
                f"{name}: {len(chosen)} of {len(cands)} kept on {len(fit)} sets, held {len(held)}"
            )
            print(_line("en held-out", base, cand))
        return
    if command == "select":
        firings = fires(cands, paths)
        chosen = select(cands, firings)
        _dump(chosen, Path(argv[2]))
        g = firings.groupby(["pack", "theme", "word"])["right"].agg(["size", "sum"])
        print(f"{len(chosen)} of {len(cands)} kept; {len(g)} words fire ({len(firings)} times)")
        print(g.to_string())
        return
    if command == "write":
        write(cands)  # here the JSON holds the chosen entries
        return
    raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
