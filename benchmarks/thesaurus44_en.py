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

MIN_FIRES = 2
MAX_RIGHT = 0.5
