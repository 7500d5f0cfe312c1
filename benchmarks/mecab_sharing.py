"""Could discovery and the typical phrases share MeCab's parses? What each parses; are they equal.

``python benchmarks/mecab_sharing.py`` runs the text section of ``bench_text``'s unit of real
comments (``bench_text.time_unit_analysis``) once from cold caches with every MeCab call
recorded (``tokens._ja_lines``), and prints:

- how many texts MeCab parsed, for which reader (the typical phrases read a comment piece by
  piece, each piece between the runs of 、。!?「」 around it, ``tokens._ja_words``; discovery reads
  the clauses of the comments no theme covers, each parsed alone, ``discovery._comment_phrases``),
  their characters, and whether any text was parsed twice;
- the CPU the parses of each reader take (MeCab alone, the recorded texts parsed again);
- for every distinct piece of the unit's Japanese comments, whether its words parsed alone (as
  discovery reads a clause that is that piece) equal its words parsed between its marks (as the
  typical phrases read it). Where they differ, a shared parse would change what discovery lists.

SPEED18 measured it: no text is parsed twice in a process (every cache holds); discovery's
parses are of other texts (a clause alone), whose words differ from the piece's between marks
in 79 of 11,721 distinct pieces (0.7 %: ボロボロ and まあまあ lost before 、, 引き落とし read as
the verb 引き落とす, そもそも read as 抑), so they cannot be shared without changing the output;
they cost about 0.07 s of MeCab's 0.3 s.

SPEED63 measured what one parse of all the unit's texts would save (the 15,669 texts parsed,
217,029 characters, joined by "\n" or "。" into one call, under load): 0.38 s against 0.40 s
one call each. MeCab's time is its reading of the characters, not the calls: batching would
save about 5 % of MeCab's share, before any check that a joined parse reads the same words.
"""

from __future__ import annotations

import collections
import itertools
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def recorded_parses() -> list[tuple[str, str]]:
    """Return (reader, text) of every MeCab parse of the real unit's text section, in order."""
    import bench_text

    from nps_kit.text import tokens
    from nps_kit.text.themes import load_themes

    book = load_themes()
    unit = bench_text.real_unit()
    bench_text.time_unit_analysis(bench_text.real_unit(300, seed=11), book)  # load the models
    bench_text.clear_caches()
    parse = tokens._ja_lines
    seen: list[tuple[str, str]] = []

    def spy(masked: str) -> list[tuple[str, ...]]:
        stack = {frame.name for frame in traceback.extract_stack(limit=14)}
        reader = (
            "discovery"
            if "_comment_phrases" in stack
            else "typical phrases"
            if "_phrases_of" in stack
            else "other"
        )
        seen.append((reader, masked))
        return parse(masked)

    tokens._ja_lines = spy  # type: ignore[assignment]
    try:
        bench_text.time_unit_analysis(unit, book)
    finally:
        tokens._ja_lines = parse  # type: ignore[assignment]
    return seen


def piece_agreement() -> tuple[int, list[tuple[str, str, str]]]:
    """Return how many distinct pieces were compared, and those whose words differ.

    A piece is read as ``tokens._ja_words`` reads it (between its runs of marks) and alone.
    """
    import bench_text

    from nps_kit.text import tokens

    compared = 0
    differ: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str, str]] = set()
    for raw in sorted(set(bench_text.real_unit()["comment"].dropna().astype(str))):
        norm = tokens._normalised(raw)
        if tokens._language_of(norm) != "ja":
            continue
        masked = tokens._masked(norm)
        runs = [m.span() for m in tokens._JA_CUT.finditer(masked)]
        edges = [(0, 0), *runs, (len(masked), len(masked))]
        for (left, start), (stop, right) in itertools.pairwise(edges):
            key = (masked[left:start], masked[start:stop], masked[stop:right])
            if not runs or not key[1].strip() or key in seen:
                continue
            seen.add(key)
            between = tokens._ja_piece_words(*key)
            if between is None:  # read from the whole comment's parse
                continue
            compared += 1
            if between != tokens._ja_parsed_words(key[1]):
                differ.append(key)
    return compared, differ


def main() -> int:
    sys.path.insert(1, str(ROOT / "benchmarks"))
    from nps_kit.text import tokens

    parses = recorded_parses()
    texts = [text for _, text in parses]
    print(f"MeCab parses: {len(texts):,}, of distinct texts: {len(set(texts)):,}")
    tagger = tokens._tagger()
    by_reader: dict[str, list[str]] = collections.defaultdict(list)
    for reader, text in parses:
        by_reader[reader].append(text)
    for reader, mine in by_reader.items():
        cpu = []
        for _ in range(3):
            start = time.process_time()
            for text in mine:
                tagger.parse(text)
            cpu.append(time.process_time() - start)
        chars = sum(map(len, mine))
        print(
            f"  {reader:<16} {len(mine):6,} parses {chars:8,} characters  "
            f"MeCab CPU {sorted(cpu)[1] * 1000:4.0f} ms (min {min(cpu) * 1000:.0f}, "
            f"max {max(cpu) * 1000:.0f})"
        )
    compared, differ = piece_agreement()
    print(
        f"distinct pieces: {compared:,}; words alone differ from words between marks: "
        f"{len(differ):,} ({len(differ) / max(compared, 1):.1%})"
    )
    for before, piece, after in differ[:5]:
        alone = [w for w, _ in tokens._ja_parsed_words(piece)]
        between = [w for w, _ in tokens._ja_piece_words(before, piece, after) or ()]
        print(f"  {before}|{piece}|{after}: between marks {between}, alone {alone}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
