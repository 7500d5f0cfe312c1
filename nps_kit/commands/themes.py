"""``nps-kit themes``: tag the comments of an export with themes and their polarity."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nps_kit.commands._options import add_language_option, command_language, sheet_option
from nps_kit.i18n import join_names, t

if TYPE_CHECKING:
    from nps_kit.i18n import Language
    from nps_kit.load import LoadReport

__all__ = ["register"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: Language) -> None:
    """Add the ``themes`` sub-command."""
    p = sub.add_parser(
        "themes",
        help=t("help.themes", lang),
        description=t("help.themes.about", lang),
    )
    p.add_argument("data", metavar="EXPORT", type=Path, help=t("help.export", lang))
    p.add_argument(
        "--text-column", required=True, metavar="COL", help=t("help.themes.text_column", lang)
    )
    p.add_argument(
        "--id-column",
        metavar="COL",
        help=t("help.themes.id_column", lang),
    )
    p.add_argument(
        "--score-column",
        metavar="COL",
        help=t("help.themes.score_column", lang),
    )
    p.add_argument(
        "--asks",
        choices=("reason", "improvement"),
        default="reason",
        help=t("help.themes.asks", lang),
    )
    p.add_argument(
        "--pack",
        default=None,
        metavar="PACK",
        help=t("help.themes.pack", lang),
    )
    p.add_argument(
        "--format", choices=("csv", "json"), default="csv", help=t("help.themes.format", lang)
    )
    only = p.add_mutually_exclusive_group()
    only.add_argument(
        "--suggest",
        action="store_true",
        help=t("help.themes.suggest", lang),
    )
    only.add_argument(
        "--explain",
        action="store_true",
        help=t("help.themes.explain", lang),
    )
    p.add_argument("--sheet", metavar="NAME", help=t("help.sheet", lang))
    p.add_argument("--encoding", metavar="ENC", help=t("help.encoding_cp932", lang))
    add_language_option(p, lang)
    p.set_defaults(handler=_run, parser=p)


def _run(args: argparse.Namespace) -> int:
    import pandas as pd

    from nps_kit.load import load_responses, read_column_index, row_key
    from nps_kit.score import segment
    from nps_kit.text.discovery import covered_phrases, dropped_phrases, uncovered_phrases
    from nps_kit.text.languages import comment_languages
    from nps_kit.text.packs import PACKS, load_pack
    from nps_kit.text.redaction import redact
    from nps_kit.text.sentiment import polarity_sources, tag_polarity
    from nps_kit.text.split import dominant_theme
    from nps_kit.text.themes import load_themes

    sheet = sheet_option(args.sheet)
    index = read_column_index(args.data, sheet=sheet, encoding=args.encoding)
    # The project's language, as score and inspect speak it (MSG43), else the locale's or the
    # headers' (LEFT45B); the csv and json are data.
    headers = [*index.columns, *index.questions.values()]
    lang = command_language(args.language, None, headers=headers)
    # A header, Qualtrics QID/ImportId or question text, as nps-kit score takes them.
    text_column = index.resolve(args.text_column, option="--text-column", lang=lang)
    id_column = args.id_column and index.resolve(args.id_column, option="--id-column", lang=lang)
    score_column = args.score_column and index.resolve(
        args.score_column, option="--score-column", lang=lang
    )
    # The loader reads every export format the same way; without --score-column the comment
    # column stands in for the score column, whose parsing this command then does not use.
    loaded = load_responses(
        args.data,
        score_column=score_column or text_column,
        sheet=sheet,
        encoding=args.encoding,
        check_score=score_column is not None,
        id_column=id_column or None,
    )
    data = loaded.data
    if score_column is not None:
        _score_notes(loaded.report, score_column, lang)
    texts = data[text_column].astype("string")
    if args.pack is None:
        args.pack = _default_pack(Path("parameters"), lang)
    book = (
        load_pack(args.pack) if args.pack in PACKS else load_themes(_themes_file(args.pack, lang))
    )
    out = sys.stdout
    if args.suggest:
        # Examples are comments shown to people: masked as the report masks them (and the
        # phrases found in the masked text, so no e-mail address or name becomes a phrase).
        masked = redact(texts).texts
        found = uncovered_phrases(masked, book)
        beside = covered_phrases(masked, book)
        overruled = dropped_phrases(masked, book)
        dominant = dominant_theme(masked, book)
        if args.format == "json":
            payload = {
                "comments": found.comments,
                "uncovered": found.uncovered,
                "share": round(found.share, 1) if found.comments else None,
                "untagged": found.untagged,
                "unread": found.unread,
                "phrases": found.phrases.to_dict(orient="records"),
                "covered_phrases": beside.to_dict(orient="records"),
                "dropped_phrases": overruled.to_dict(orient="records"),
                "split": None if dominant is None else _split_payload(dominant),
            }
            json.dump(payload, out, ensure_ascii=False, indent=2, default=int)
            out.write("\n")
        else:
            table = pd.concat(
                [
                    found.phrases.assign(found_in="uncovered"),
                    beside.assign(found_in="covered"),
                    overruled.assign(found_in="dropped"),
                ],
                ignore_index=True,
            )
            table.to_csv(out, index=False, lineterminator="\n")
            layer = ""
            if found.untagged != found.uncovered:
                share = f"{100.0 * found.untagged / found.comments:.1f}"
                layer = t("themes_cmd.layer", lang, n=found.untagged, share=share)
                if not overruled.empty:
                    layer += t("themes_cmd.dropped", lang)
            print(
                t(
                    "themes_cmd.uncovered", lang, n=found.uncovered, comments=found.comments,
                    share=f"{found.share:.1f}", pack=args.pack, layer=layer,
                    unread=_unread_uncovered(found, lang),
                    extend=_extend_note(args.pack, book.pack, lang),
                    better=_better_pack(masked, found.share, book.pack, lang),
                ),
                file=sys.stderr,
            )  # fmt: skip
            if dominant is not None:
                print(_split_note(dominant, args.pack, lang), file=sys.stderr)
        return 0
    segments = segment(data["nps_score"]) if score_column is not None else None
    sources = None
    if args.explain:  # the polarity and where it came from, read once
        reading = polarity_sources(texts, book, segments=segments, asks=args.asks)
        polarity, sources = reading.polarity, reading.source
    else:
        polarity = tag_polarity(texts, book, segments=segments, asks=args.asks)
    # Each comment's language: one no pack reads (fr, de …) gets only own words' themes (QA26 #13).
    languages = comment_languages(texts).fillna("").tolist()
    ids: list[Any] = data[row_key(data, id_column)].tolist()
    rows: list[tuple[object, dict[str, str]]] = []
    for i, (_, found_row) in enumerate(polarity.iterrows()):
        themes = {str(k): str(v) for k, v in found_row.items() if isinstance(v, str)}
        rows.append((_plain(ids[i]), themes))
    why = _why(texts, book, sources) if sources is not None else None
    if args.format == "json":
        records: list[dict[str, Any]] = [
            {"id": i, "themes": found, "language": language or None}
            for (i, found), language in zip(rows, languages, strict=True)
        ]
        if why is not None:
            for record, label in zip(records, texts.index, strict=True):
                record["why"] = why.get(label, {})
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
        _unread_note(languages, lang)
        return 0
    writer = csv.writer(out, lineterminator="\n")
    header = ["id", "themes", "polarity", "language", *(["why"] if why is not None else [])]
    writer.writerow(header)
    for (row_id, themes), label, language in zip(rows, texts.index, languages, strict=True):
        line = [
            row_id,
            ";".join(themes),
            ";".join(f"{k}:{p}" for k, p in themes.items()),
            language,
        ]
        if why is not None:
            line.append("; ".join(_said(k, w) for k, w in why.get(label, {}).items()))
        writer.writerow(line)
    _unread_note(languages, lang)
    return 0


def _split_payload(dominant: Any) -> dict[str, Any]:
    """Return --suggest's json ``split`` (:func:`nps_kit.text.split.dominant_theme`)."""
    from nps_kit.text.split import split_yaml

    return {
        "theme": dominant.theme.id,
        "count": dominant.count,
        "tagged": dominant.tagged,
        "share": round(dominant.share, 1),
        "phrases": dominant.phrases.to_dict(orient="records"),
        "unmatched": dominant.unmatched,
        "layer_phrases": dominant.layer_phrases.to_dict(orient="records"),
        "yaml": split_yaml(dominant),
    }


def _split_note(dominant: Any, pack: str, lang: Language) -> str:
    """Say that one theme holds most tagged comments, with the themes to paste (QA26 #15)."""
    from nps_kit.text.packs import PACKS
    from nps_kit.text.split import DOMINANT_SHARE, split_yaml

    theme = dominant.theme
    note = t(
        "themes_cmd.split", lang, theme=theme.id, label=theme.label(lang),
        share=f"{dominant.share:.1f}", tagged=f"{dominant.tagged:,}",
        count=f"{dominant.count:,}", limit=f"{DOMINANT_SHARE:.0f}",
    )  # fmt: skip
    snippet = split_yaml(dominant)
    if not snippet:
        return note + _unsplit(dominant, lang)
    where = pack if pack not in PACKS else t("themes_cmd.extending", lang, pack=pack)
    return note + t("themes_cmd.split_paste", lang, where=where, snippet=snippet)


def _unsplit(dominant: Any, lang: Language) -> str:
    """Say why no split is proposed: few of the theme's words recur, the layer found the rest."""
    words = t("themes_cmd.unsplit", lang)
    if not dominant.unmatched:
        return words
    recurring = dominant.layer_phrases
    pairs = zip(recurring["phrase"], recurring["count"], strict=True)
    said = (
        t(
            "themes_cmd.unsplit_phrases", lang,
            phrases=join_names((f"{p} ({n:,})" for p, n in pairs), lang),
        )
        if len(recurring)
        else t("themes_cmd.unsplit_no_phrase", lang)
    )  # fmt: skip
    return words + t(
        "themes_cmd.unsplit_layer", lang, n=f"{dominant.unmatched:,}",
        count=f"{dominant.count:,}", said=said,
    )  # fmt: skip


def _unread_uncovered(found: Any, lang: Language) -> str:
    """Say how many uncovered comments are in a language no pack reads (QA29 F9), or ``""``.

    Their phrases are not listed (:func:`nps_kit.text.discovery.uncovered_phrases`): without
    this sentence the list reads as if it held what every uncovered comment lacks.
    """
    from nps_kit.text.languages import language_name

    total = sum(found.unread.values())
    if not total:
        return ""
    named = join_names((f"{language_name(c, lang)} {n:,}" for c, n in found.unread.items()), lang)
    codes = join_names((repr(code) for code in found.unread), lang)
    return t(
        "themes_cmd.unread_uncovered", lang, n=f"{total:,}", uncovered=f"{found.uncovered:,}",
        share=f"{100.0 * total / found.uncovered:.1f}", named=named, codes=codes,
    )  # fmt: skip


def _unread_note(languages: list[str], lang: Language) -> None:
    """Say on stderr how many comments are in a language no pack reads, and how they are tagged."""
    from collections import Counter

    from nps_kit.text.languages import language_name

    other = Counter(code for code in languages if code not in ("", "en", "ja"))
    if not other:
        return
    named = join_names((f"{language_name(c, lang)} {n:,}" for c, n in other.most_common()), lang)
    n = f"{sum(other.values()):,}"
    print(f"note: {t('themes_cmd.unread', lang, n=n, named=named)}", file=sys.stderr)


def _why(texts: Any, book: Any, sources: Any) -> dict[object, dict[str, dict[str, str]]]:
    """Return row label → theme → ``{"source", "words", "polarity"}``.

    ``source`` and ``words`` say why the comment has the theme (:func:`explain_themes`);
    ``polarity``, for a theme it has, where its polarity came from
    (:data:`~nps_kit.text.sentiment.POLARITY_SOURCES`, read with the polarity: ``sources``).
    """
    from nps_kit.text.explain import explain_themes

    out: dict[object, dict[str, dict[str, str]]] = {}
    for row in explain_themes(texts, book).itertuples(index=False):
        said = {"source": str(row.source), "words": str(row.words)}
        origin = sources.at[row.row, row.theme]
        if row.source != "dropped" and isinstance(origin, str):
            said["polarity"] = origin
        out.setdefault(row.row, {})[str(row.theme)] = said
    return out


#: How the csv's 'why' column names each polarity source.
_POLARITY_SAID = {
    "rules": "rules",
    "layer": "learned layer",
    "score": "score",
    "correction": "learned correction",
    "unread": "not read",
}


def _said(theme: str, why: dict[str, str]) -> str:
    """Return one theme's reason as the csv's 'why' column says it."""
    polarity = f" (polarity: {_POLARITY_SAID[why['polarity']]})" if "polarity" in why else ""
    if why["source"] == "layer":
        return f"{theme}: learned layer{polarity}"
    if why["source"] == "dropped":
        return f"{theme}: dropped by the learned layer ({why['words']})"
    return f"{theme}: {why['words']}{polarity}"


#: A shipped pack whose words cover this many percentage points more of the comments than the
#: pack in use is named in --suggest's note (QA22: retail left 46.2 % uncovered, saas 6.8 %).
BETTER_PACK_POINTS = 10.0


def _default_pack(parameters: Path, lang: Language) -> str:
    """Return the themes of the project in ``parameters`` (init's choice), else ``retail``.

    Inside a project made by ``nps-kit init`` the command tags as its reports do (QA22: a saas
    project's comments read with the retail pack, "Package deploys time out" as delivery).
    """
    from nps_kit._schema_errors import read_yaml
    from nps_kit.errors import ConfigError
    from nps_kit.params import DEFAULTS_FILE
    from nps_kit.text.packs import PACKS

    defaults = parameters / DEFAULTS_FILE
    if not defaults.is_file():
        return "retail"
    try:
        themes = read_yaml(defaults).get("themes")
    except (ConfigError, AttributeError):
        return "retail"  # nps-kit run reports a broken file; this command needs only the pack
    if not isinstance(themes, str):
        return "retail"
    chosen = themes if themes in PACKS else str(parameters / themes)
    if chosen not in PACKS and not Path(chosen).is_file():
        return "retail"
    print(t("themes_cmd.project_pack", lang, themes=themes, defaults=defaults), file=sys.stderr)
    return chosen


def _better_pack(texts: Any, uncovered: float, pack: str | None, lang: Language) -> str:
    """Name a shipped pack whose words clearly cover more of ``texts`` than ``pack``'s do."""
    from nps_kit.text.packs import best_pack

    best = best_pack(texts)
    covered = 100.0 - uncovered
    if best.pack == pack or best.coverage - covered < BETTER_PACK_POINTS:
        return ""
    return t(
        "themes_cmd.better_pack", lang, pack=best.pack, coverage=f"{best.coverage:.1f}",
        covered=f"{covered:.1f}",
    )  # fmt: skip


def _extend_note(given: str, pack: str | None, lang: Language) -> str:
    """Say how to add the phrases to the themes (``given``: --pack; ``pack``: the book's)."""
    from nps_kit.text.packs import PACKS

    if given in PACKS:
        return t("themes_cmd.extend_pack", lang, pack=given)
    if pack is not None:
        return t("themes_cmd.extend_file", lang, file=given, pack=pack)
    return t("themes_cmd.extend_own", lang, file=given)


def _score_notes(report: LoadReport, column: str, lang: Language) -> None:
    """Say on stderr which scores segment no one, as ``nps-kit score`` counts them."""
    if report.n_invalid:
        values = report.invalid["value"].astype(str).drop_duplicates().head(3)
        quote = (lambda v: f"「{v}」") if lang == "ja" else repr
        examples = join_names(map(quote, values), lang)
        said = t("themes_cmd.invalid", lang, n=f"{report.n_invalid:,}", column=column,
                 examples=examples)  # fmt: skip
        print(f"note: {said}", file=sys.stderr)
    if scale := report.scale_note_in(lang):
        print(f"note: {scale}", file=sys.stderr)


def _themes_file(value: str, lang: Language) -> Path:
    from nps_kit.errors import ConfigError, closest
    from nps_kit.text.packs import PACKS

    path = Path(value)
    if path.exists():
        return path
    if path.suffix.lower() in (".yaml", ".yml"):
        # load_themes' own hint is for the Python API (pass None); say what the CLI user can do.
        key = "themes_cmd.no_file" if path.is_absolute() else "themes_cmd.no_file_here"
        raise ConfigError(
            t(key, lang, file=value, cwd=Path.cwd()),
            hint=t("themes_cmd.no_file_hint", lang, packs=" | ".join(PACKS)),
            key="--pack",
        )
    guess = closest(value, list(PACKS))
    raise ConfigError(
        t("themes_cmd.unknown_pack", lang, found=value, packs=join_names(PACKS, lang)),
        hint=t("load.no_column_guess", lang, guess=guess).strip() if guess else None,
        key="--pack",
    )


def _plain(value: object) -> object:
    """Turn numpy scalars and missing values into JSON-friendly Python values."""
    import pandas as pd

    if value is None or (isinstance(value, float | pd.Timestamp) and pd.isna(value)):
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    item = getattr(value, "item", None)
    return item() if callable(item) else value
