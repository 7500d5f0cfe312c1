"""The theme pack ``init --from`` chooses, and the themes and playbook files it writes.

:func:`choose_theme_pack` (a pack that fits the comments, or none), a pack's extension for
comments it leaves unread, the split of a theme that holds most comments, and the playbook
with what to review (:func:`short_playbook_head`).
"""

from __future__ import annotations

import textwrap
from importlib import resources
from typing import Final

import pandas as pd

from nps_kit.i18n import Language
from nps_kit.text._layer import trained
from nps_kit.text.packs import PACKS

# A theme pack fits when it tags this share of the comments, spread over this many themes that
# each tag 5 % or more: one theme matching everywhere ("package" read as a parcel) is not a fit.
_FIT_SHARE: Final = 0.4


_FIT_THEMES: Final = 3


_EMPTY_THEMES: Final = """\
# Theme dictionaries for open-text comments. `nps-kit init --from` found that none of nps-kit's
# bundled theme packs ({packs}) fits the comments of this survey, so none is applied: the
# report shows the comments, distinguishing words and representative comments, but no themes.
# Add your own themes here (the format is described at the top of nps-kit's themes.yaml).
version: 1
themes: {{}}
"""


def choose_theme_pack(texts: pd.Series) -> str | None:
    """Return the shipped theme pack that fits ``texts``, or ``None`` when none does.

    The pack that tags the most comments (:func:`nps_kit.text.packs.best_pack`: retail, saas,
    finance, generic, food or logistics) is chosen when it tags at least 40 % of the non-blank
    comments, spread over three or more themes that each tag at least 5 % of them. Otherwise no
    themes are applied, rather than dictionaries that do not fit (e-commerce delivery advice for a
    software survey).

    Parameters
    ----------
    texts
        The survey's free-text answers.

    Returns
    -------
    str or None
        The pack id, or ``None``.
    """
    from nps_kit.text.packs import best_pack, load_pack
    from nps_kit.text.themes import tag_themes

    comments = texts.dropna().astype(str)
    comments = comments[comments.str.strip() != ""]
    if comments.empty:
        return None
    pack = best_pack(comments).pack
    tags = tag_themes(comments, load_pack(pack)).fillna(False).astype(bool)
    share = float(tags.any(axis=1).mean())
    spread = int((tags.mean() >= 0.05).sum())
    return pack if share >= _FIT_SHARE and spread >= _FIT_THEMES else None


_PLAYBOOK_HEAD: Final = """\
# nps-kit playbook: the actions a report may recommend, per segment, theme and rating driver,
# written by `{by}`. The format is described at the top of nps-kit's
# playbook.yaml (nps_kit/resources/playbook.yaml).
"""


#: Heads the generic pack's playbook in a project: its actions fit no business in particular.
_GENERIC_REVIEW = """\
# REVIEW THIS FILE: `nps-kit init --from` chose the generic theme pack, so these are the generic
# pack's actions, written for no business in particular. Before the first report goes out, read
# the actions under `general:` (per segment) and `themes:` (per theme and segment) and reword or
# delete any that does not fit your business or its rules; `nps-kit run` uses this file as it is.
"""


#: Heads the built-in playbook in a project no pack fits (FIX54: it asked a project no pack fits
#: for referrals and reviews, unsaid).
_BUILTIN_REVIEW = """\
# REVIEW THIS FILE: `nps-kit init --from` found no theme pack that fits these comments, so these
# are nps-kit's built-in actions, not chosen for your business: they ask promoters for referrals
# and reviews, which some sectors' rules restrict. Before the first report goes out, read the
# actions under `general:` (per segment) and `drivers:` and reword or delete any that does not
# fit your business or its rules; `nps-kit run` uses this file as it is.
"""


def _empty_themes(unread: str | None = None) -> str:
    said = f"# {unread}\n" if unread else ""
    return said + _EMPTY_THEMES.format(packs=", ".join(PACKS))


def unread_comments(texts: pd.Series) -> str | None:
    """Say when half or more of the comments are in languages no pack reads, else ``None``.

    Said in themes.yaml and defaults.yaml, and by ``nps-kit init`` (which finds the sentence
    in themes.yaml): "none of the packs fits these comments" sent the user to try another pack
    for German comments, which none reads (FIX49, QA26 #14).

    Parameters
    ----------
    texts
        The comments of the comment column.

    Returns
    -------
    str or None
        ``781 of 781 comments are in languages no pack reads (German 100 %).`` (languages by
        :func:`nps_kit.text.languages.comment_languages`, most frequent first, at most three);
        ``None`` when most comments are English or Japanese, or there are none.
    """
    from nps_kit.text.languages import comment_languages, language_name

    comments = texts.dropna().astype(str)
    comments = comments[comments.str.strip() != ""]
    if comments.empty:
        return None
    found = comment_languages(comments).dropna()
    other = found[~found.isin(["en", "ja"])]
    if len(other) < 0.5 * len(comments):
        return None
    counts = other.value_counts().head(3)
    listed = ", ".join(
        f"{language_name(str(code), 'en')} {round(100 * n / len(comments))} %"
        for code, n in counts.items()
    )
    return (
        f"{len(other):,} of {len(comments):,} comments are in languages no pack reads ({listed})."
    )


def pack_extension(pack: str, *, written_by: str = "nps-kit init --from") -> str:
    """Return a themes file that extends a shipped pack, with no words yet and how to add some.

    ``nps-kit init`` without ``--from`` writes it too, for a Japanese demo project: the shipped
    themes file's annotated YAML sketch of the format is no sentence :func:`in_language` knows.
    """
    from nps_kit.text.packs import load_pack

    ids = load_pack(pack).ids
    listed = textwrap.fill(
        ", ".join(ids) + ".", width=98, initial_indent="# ", subsequent_indent="# "
    )
    uses = (
        "# defaults.yaml uses this file (`themes: themes.yaml`): the pack's themes and learned\n"
        "# layers, plus the words you write under `themes:` below. The pack's theme ids:\n"
        if trained(pack)
        else "# defaults.yaml uses this file (`themes: themes.yaml`): the pack's themes (its\n"
        "# words and rules alone: it has no learned layers yet), plus the words you write\n"
        "# under `themes:` below. The pack's theme ids:\n"
    )
    return (
        f"# Your own words for nps-kit's '{pack}' theme pack, written by `{written_by}`.\n"
        f"{uses}"
        f"{listed}\n"
        "# Keywords under one of them are added to that theme; a new id with a label is a new\n"
        "# theme. For example:\n"
        "#   themes:\n"
        f"#     {ids[0]}:\n"
        "#       keywords: {en: [a word, a phrase], ja: [言葉]}\n"
        "#     my_theme:\n"
        "#       label: {ja: 表示名, en: Display name}\n"
        "#       keywords: {en: [another word], ja: [別の言葉]}\n"
        "# `nps-kit themes EXPORT --text-column COL --suggest` lists frequent phrases no theme\n"
        "# covers; the format is described at the top of nps-kit's themes.yaml.\n"
        f"version: 1\nextends: {pack}\nthemes: {{}}\n"
    )


def _split_proposal(
    texts: pd.Series, pack: str, language: str, units: pd.Series | None = None
) -> str:
    """Return commented lines that split a theme holding most comments (QA26 #15), or ``""``.

    Measured on the whole comment column (the themes file serves every unit) and on each
    unit's comments (``units``: the unit column), with the threshold of
    :data:`nps_kit.text.split.DOMINANT_SHARE`; the words proposed are the whole column's, or,
    when only some units pass it, those of the unit where the theme holds the most.
    """
    from nps_kit.text.packs import load_pack
    from nps_kit.text.redaction import redact
    from nps_kit.text.split import DOMINANT_SHARE, dominant_theme, split_yaml

    # The examples are comments written into a file: masked as --suggest masks them.
    masked = redact(texts.astype("string")).texts
    book = load_pack(pack)
    found = dominant_theme(masked, book)
    by_unit = []
    if units is not None:
        for name, part in masked.groupby(units.reindex(masked.index), sort=True):
            held = dominant_theme(part, book)
            if held is not None:
                by_unit.append((str(name), held))
    of = ""
    if found is None and by_unit:
        name, found = max(by_unit, key=lambda pair: pair[1].share)
        of = f" of {name}"
    # Named by the label the report shows in the project's language (FIX54: 「quality」 in a
    # Japanese file whose readers know 「品質・内容」), with the id the lines below use.
    lang: Language = "ja" if language == "ja" else "en"
    snippet = "" if found is None else split_yaml(found, lang=lang)
    if found is None or not (snippet or len(found.layer_phrases)):
        return ""
    theme = found.theme
    head = (
        f"One theme holds most of these comments: '{theme.label(lang)}' ({theme.id}), "
        f"{found.share:.1f}% of the {found.tagged:,} comments with a theme{of} (over "
        f"{DOMINANT_SHARE:.0f}%, one action covers the problems of different teams)."
    )
    if by_unit:
        listed = ", ".join(
            f"{name} {held.theme.label(lang)} {held.share:.1f}%" for name, held in by_unit
        )
        head += f" Units where one theme holds over {DOMINANT_SHARE:.0f}%: {listed}."
    if not snippet:
        # FIX54: the learned layer tagged most of them, with none of the theme's words: say so
        # and which phrases recur, rather than nothing.
        said = ", ".join(
            f"{p} ({n:,})"
            for p, n in zip(
                found.layer_phrases["phrase"], found.layer_phrases["count"], strict=True
            )
        )
        head += (
            f" The learned layer tagged {found.unmatched:,} of its {found.count:,} comments, "
            f"which contain none of its words, so no split of them is proposed; their most "
            f"frequent phrases: {said}. Add those that name a topic of their own as keywords "
            "of a new theme under `themes:` above."
        )
        return "".join(f"# {line}\n" for line in textwrap.wrap(head, width=96))
    head += (
        " To split it into themes of its most frequent words, replace `themes: {}` above with "
        "the lines below, without their leading '# '."
    )
    lines = textwrap.wrap(head, width=96)
    return (
        "".join(f"# {line}\n" for line in lines)
        + "# themes:\n"
        + "".join(f"# {line}\n" for line in snippet.splitlines())
    )


def _playbook(pack: str | None, *, language: str = "en") -> str:
    """Return the bundled playbook; without a theme pack, without its theme actions.

    For a Japanese project the bundled playbook's English description of its format (an
    annotated YAML sketch no sentence table can translate) becomes one line that points to it.
    """
    text = _pack_text(pack, 1) if pack is not None else _resource("playbook.yaml")
    if language == "ja":
        text = short_playbook_head(text)
    if pack == "generic":
        # Written for no business in particular (QA26 #16: a referral scheme for a hospital).
        return _GENERIC_REVIEW + text
    if pack is not None:
        return text
    start = text.index("\nthemes:\n") + 1
    end = text.index("\ndrivers:", start) + 1
    note = (
        "# No theme actions: this project's themes.yaml has no themes yet (written by\n"
        "# `nps-kit init --from`). Add actions per theme here when you add themes there.\n"
        "themes: {}\n\n"
    )
    return _BUILTIN_REVIEW + text[:start] + note + text[end:]


def short_playbook_head(text: str, *, written_by: str = "nps-kit init --from") -> str:
    """Return a playbook whose annotated description of its format is one line that points to it.

    For a Japanese project (an annotated YAML sketch no sentence table can translate); a
    playbook without that description (a pack's own) is returned as it is.
    """
    if not text.startswith("# nps-kit playbook:"):  # the retail pack's starts so too
        return text
    return _PLAYBOOK_HEAD.format(by=written_by) + text[text.index("\nversion:") + 1 :]


def _pack_text(pack: str, which: int) -> str:
    """Return the text of a shipped pack's themes (``which=0``) or playbook (``1``) file."""
    from nps_kit.text.packs import pack_files

    return pack_files(pack)[which].read_text(encoding="utf-8")


def _resource(name: str) -> str:
    return resources.files("nps_kit").joinpath("resources", name).read_text(encoding="utf-8")
