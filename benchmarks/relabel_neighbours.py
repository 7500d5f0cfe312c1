"""ERR23's ruling on neighbouring labels: count the forms, relabel the training sets to it.

ERR20-22 found the labelled sets labelling the same forms both ways (import/export as
integrations, delivery drivers as staff, hold time and a claim's duration as speed, a verdict on
the whole experience as service …). docs/labelling.md ("Neighbouring themes") now rules on each
form, by the majority of the blind sets' labels (the theme definitions where they split evenly).

``--counts``: for each form, how the blind sets (1-13, 15-22) and the training sets (5, 9-25)
label the comments holding it (rows, rows with the theme, rows with its neighbour).
``--apply``: relabel the training sets 5 and 9-25 where they contradict the ruling, and write
``benchmarks/ERR23_relabel.csv`` (one row per changed comment: set, id, form, old, new labels).
Running it again changes nothing. ``--apply --sets 26 27`` (ERR24, the lead's ruling: both are
training data now) relabels training sets 26 and 27 the same way and writes
``benchmarks/ERR24_relabel.csv``; ``--dry-run`` lists the changes without writing the sets.
The ``*_second.csv`` label sets are not touched. Blind, eval, short and unit sets are never
relabelled (their recorded readings stand).

Only what a pattern can tell is changed: a theme is added where the ruling's form is in the text
and its polarity is clear (the neighbour's label or the words next to the form), and removed only
where no other cue for it is in the text; every change is listed in the CSV.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
from collections.abc import Callable
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
OUT = Path(__file__).resolve().parent / "ERR23_relabel.csv"
#: ERR24: the training sets 26 and 27, relabelled by the same rules (``--sets 26 27``)
OUT_BY_SETS = {(26, 27): Path(__file__).resolve().parent / "ERR24_relabel.csv"}

BLIND = ["theme_eval_blind.csv"] + [f"theme_eval_blind{n}.csv" for n in range(2, 23) if n != 14]
TRAIN = [f"theme_train{n}_{lang}.csv" for n in (5, *range(9, 26)) for lang in ("en", "ja")]

Labels = dict[str, str]

POS = (
    r"(?i)lovely|friendly|polite|kind|helpful|patient|cheerful|great|brilliant|knowledg|"
    r"a star|legend|sorted|親切|丁寧|優し|やさし|感じ(が|の)(良|よ|いい)|わかりやす|分かりやす|"
    r"明るい|笑顔|気持ちよ|頼りにな|神対応"
)
NEG = (
    r"(?i)rude|grumpy|surly|unhelpful|clueless|didn'?t (have a clue|know)|no idea|"
    r"reading (off|from) a script|couldn'?t answer|abrupt|dismissive|patroni[sz]|"
    r"態度が(悪|最悪)|失礼|無愛想|不愛想|横柄|答えられ|マニュアル(を|通り)|冷たい|感じ(が|の)悪"
)
HOLD = r"(?i)on hold|hold music|保留"
HOLD_TIME = (
    r"(?i)(\d+|an|half an|ages|forever)\s*(min|minute|hour|hr)|(\d+|何)\s*分|(\d+|何)\s*時間"
)
CLAIM_TIME = (
    r"(?i)\b\d+\s*(days?|weeks?|months?)\b|(weeks|months) (later|on|to)|took (ages|forever)|"
    r"\d+\s*(日|週間|ヶ月|か月|カ月|ケ月)|何(ヶ月|か月|週間)"
)
# read by eye on the training sets: a duration that is a deadline or a date, not a wait
CLAIM_NOT_WAIT = r"(?i)within 30 days\.? rejected|signed within|before the day"
PERSON_PHONE = (
    r"(?i)call cent(er|re) (guy|lady|person|agent|staff|man|woman|girl|bloke)|"
    r"(guy|lady|person|agent|woman|man|operator|advis[eo]r|rep) on the (phone|line)|"
    r"オペレーター(さん|の方)?|電話(の|に出た)(人|方|担当|女性|男性)|コールセンターの(人|方|担当)"
)
DRIVER = (
    r"(?i)\b(driver|courier|delivery (guy|man|lady|person|bloke)|postman|postie)s?\b|"
    r"配達員|ドライバーさん|配達の(人|方|お兄さん|おじさん)|宅配の(人|方)|配送業者の(人|方)"
)
EXPORT = (
    r"(?i)\bexport(?!s? (button|menu|icon))|エクスポート|書き出|"
    r"(CSV|ＣＳＶ|PDF|Excel|エクセル)で?出力"
)
IMPORT = (
    r"(?i)\bimport(?!an)|インポート|取り込|取込|"
    r"読み込(?!みが遅|みの遅|みに時間|みが重|むのが遅)"
)
#: an import to add integrations for: not 読み込 (scanning a receipt, loading a screen)
IMPORT_ADD = r"(?i)\bimport(?!an)|インポート|取り込|取込"
MIGRATION = (
    r"(?i)migrat|moving (over|our|my|everything)|moved (over|from|our)|switch(ed|ing) (over|from)|"
    r"移行|乗り換|旧システム"
)
OTHER_TOOL = (
    r"(?i)\bapi\b|integrat|connect|\blink|\bfeed\b|plug-?in|zapier|webhook|\bsync|"
    r"連携|同期|プラグイン"
)
SALES_CALL = r"(?i)sales calls|cold call|(営業|勧誘|引き止め|引き留め)の?電話"
VERDICT = (
    r"(?i)had a blast|best .{0,25} ever|worth every penny|would (go|come) (back|again)|"
    r"will (be|come) back|loved (it|every)|最高|楽しかった|大満足|また来|リピート|大興奮|思い出"
)
NO_ANSWER = (
    r"(?i)(couldn'?t|could not|can'?t|cannot|never) get through|"
    r"(nobody|no one) (answers|picks up) the phone|"
    r"電話(が|も)(つなが|繋が)らな|(つなが|繋が)らない電話"
)
SERVICE_WORD = r"(?i)service|サービス|対応|接客"
#: read by eye: the form is there but the ruling's change would be wrong (why in the comment)
BY_EYE = {
    "T11E180": "'export' named in passing (a workaround for slow search), not judged",
    "T18J643": "the verdict credits a person (staff, unlabelled): not a bare verdict",
    "T19J467": "the verdict credits the agent (staff, unlabelled): not a bare verdict",
    "T27J206": "名刺の取り込み is scanning business cards (a feature), not data from another tool",
    "T27J238": "「加入から3ヶ月以内の事案は対象外」 is a term of the cover, not a wait",
}


def _sentences(text: str, pattern: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?。！？\n])", text) if re.search(pattern, s)]


CLAUSE_END = r"[.!?。！？\n]|\bbut\b|\bthough\b|けど|けれど|が、|ですが|でしたが"


def _manner(text: str, pattern: str) -> str | None:
    """Return the polarity of the words after the person the pattern names, in its clause.

    None when they say nothing of the person or both ways.
    """
    found = set()
    for match in re.finditer(pattern, text):
        rest = text[match.start() : match.start() + 60]
        end = re.search(CLAUSE_END, rest[len(match.group(0)) :])
        clause = rest if end is None else rest[: len(match.group(0)) + end.start()]
        found |= {
            p for p, words in (("positive", POS), ("negative", NEG)) if re.search(words, clause)
        }
    return found.pop() if len(found) == 1 else None


def _hold(pack: str, text: str, lab: Labels) -> Labels | None:
    if pack != "finance" or "speed" in lab or "phone" not in lab:
        return None
    if not any(re.search(HOLD_TIME, s) for s in _sentences(text, HOLD)):
        return None
    return {**lab, "speed": "negative"}


def _claim(pack: str, text: str, lab: Labels) -> Labels | None:
    if pack != "finance" or "speed" in lab or lab.get("claims") not in ("positive", "negative"):
        return None
    if not re.search(CLAIM_TIME, text) or re.search(CLAIM_NOT_WAIT, text):
        return None
    return {**lab, "speed": lab["claims"]}


def _phone_person(pack: str, text: str, lab: Labels) -> Labels | None:
    if pack not in ("retail", "finance") or "staff" in lab or not re.search(PERSON_PHONE, text):
        return None
    if re.search(r"(?i)chat|チャット", text) and not re.search(r"(?i)phone|電話", text):
        return None
    polarity = _manner(text, PERSON_PHONE)
    return None if polarity is None else {**lab, "staff": polarity}


def _driver(pack: str, text: str, lab: Labels) -> Labels | None:
    if pack != "retail" or "staff" in lab or not re.search(DRIVER, text):
        return None
    polarity = _manner(text, DRIVER)
    return None if polarity is None else {**lab, "staff": polarity}


def _carry(lab: Labels, order: tuple[str, ...]) -> str | None:
    for theme in order:
        if theme in lab:
            return lab[theme]
    return None


def _export(pack: str, text: str, lab: Labels) -> Labels | None:
    if pack != "saas" or {"integrations", "reliability"} & set(lab) or not re.search(EXPORT, text):
        return None
    if re.search(IMPORT, text) and (re.search(MIGRATION, text) or "onboarding" in lab):
        return None
    polarity = _carry(lab, ("features", "usability")) if len(lab) <= 2 else None
    return None if polarity is None else {**lab, "integrations": polarity}


def _import(pack: str, text: str, lab: Labels) -> Labels | None:
    if pack != "saas" or not re.search(IMPORT, text):
        return None
    migration = re.search(MIGRATION, text) is not None or "onboarding" in lab
    if migration:
        if "integrations" in lab and "onboarding" in lab and not re.search(OTHER_TOOL, text):
            return {k: v for k, v in lab.items() if k != "integrations"}
        return None
    if "integrations" in lab or re.search(EXPORT, text) or not re.search(IMPORT_ADD, text):
        return None
    polarity = _carry(lab, ("features",)) if len(lab) <= 2 else None
    return None if polarity is None else {**lab, "integrations": polarity}


def _sales_call(pack: str, text: str, lab: Labels) -> Labels | None:
    if pack not in ("retail", "finance") or "phone" in lab or not re.search(SALES_CALL, text):
        return None
    new = {k: v for k, v in lab.items() if k != "communication"}
    return {**new, "phone": "negative"}


def _no_answer(pack: str, text: str, lab: Labels) -> Labels | None:
    if pack != "generic" or "usability" in lab or not re.search(NO_ANSWER, text):
        return None
    return {**lab, "usability": "negative"}


def _verdict(pack: str, text: str, lab: Labels) -> Labels | None:
    if pack != "generic" or set(lab) != {"service"} or not re.search(VERDICT, text):
        return None
    return None if re.search(SERVICE_WORD, text) else {}


#: form -> (rule, theme, neighbour, ruling's packs) in the order of docs/labelling.md
RULES: dict[str, tuple[Callable[[str, str, Labels], Labels | None], str, str]] = {
    "hold time": (_hold, "speed", "phone"),
    "claim duration": (_claim, "speed", "claims"),
    "person on the phone": (_phone_person, "staff", "phone"),
    "delivery driver's manner": (_driver, "staff", "delivery"),
    "export": (_export, "integrations", "features"),
    "import (routine / migration)": (_import, "integrations", "onboarding"),
    "sales or retention call": (_sales_call, "phone", "communication"),
    "cannot get through (generic)": (_no_answer, "usability", "communication"),
    "bare verdict": (_verdict, "service", ""),
}
#: the text each form's count looks for (the counts ignore the rules' polarity conditions)
COUNT_FORMS: dict[str, tuple[tuple[str, ...], str | None, str, str, str]] = {
    "hold time": (("finance",), None, HOLD, "speed", "phone"),
    "claim duration": (("finance",), "claims", CLAIM_TIME, "speed", "claims"),
    "person on the phone": (("retail", "finance"), None, PERSON_PHONE, "staff", "phone"),
    "delivery driver": (("retail",), None, DRIVER, "staff", "delivery"),
    "export": (("saas",), None, EXPORT, "integrations", "features"),
    "import, routine": (("saas",), None, IMPORT, "integrations", "features"),
    "import, migration": (("saas",), "onboarding", IMPORT, "integrations", "onboarding"),
    "sales or retention call": (("retail", "finance"), None, SALES_CALL, "phone", "communication"),
    "cannot get through (generic)": (("generic",), None, NO_ANSWER, "usability", "communication"),
    "bare verdict (service or none)": (("generic",), None, VERDICT, "service", ""),
}


def _format(lab: Labels) -> str:
    return ";".join(f"{k}:{v}" for k, v in lab.items())


def _parse(value: str) -> Labels:
    out: Labels = {}
    for item in value.split(";"):
        if item.strip():
            theme, _, polarity = item.strip().partition(":")
            out[theme] = polarity
    return out


def _rows(file: str) -> list[dict[str, str]]:
    with open(DATA / file, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _count_row(form: str, row: dict[str, str]) -> tuple[bool, bool] | None:
    packs, need, pattern, theme, neighbour = COUNT_FORMS[form]
    lab = _parse(row["labels"])
    if (
        row["pack"] not in packs
        or (need and need not in lab)
        or not re.search(pattern, row["text"])
    ):
        return None
    if form.startswith("import, routine") and (
        re.search(MIGRATION, row["text"]) or "onboarding" in lab
    ):
        return None
    if form.startswith("bare verdict") and set(lab) - {"service"}:
        return None
    return theme in lab, bool(neighbour) and neighbour in lab


def counts() -> str:
    lines = ["| form | theme | blind: rows, with theme, with neighbour | training: the same |"]
    lines.append("|---|---|---|---|")
    for form, (_, _, _, theme, neighbour) in COUNT_FORMS.items():
        cells = []
        for files in (BLIND, TRAIN):
            hits = [h for f in files for r in _rows(f) if (h := _count_row(form, r)) is not None]
            cells.append(
                f"{len(hits)}, {sum(h[0] for h in hits)}, "
                + (f"{sum(h[1] for h in hits)} ({neighbour})" if neighbour else "-")
            )
        lines.append(f"| {form} | {theme} | {cells[0]} | {cells[1]} |")
    return "\n".join(lines)


def _train_files(numbers: tuple[int, ...]) -> list[str]:
    return [f"theme_train{n}_{lang}.csv" for n in numbers for lang in ("en", "ja")]


def apply(files: list[str] | None = None, *, write: bool = True) -> list[dict[str, str]]:
    changes = []
    for file in files or TRAIN:
        with open(DATA / file, encoding="utf-8", newline="") as handle:
            raw = handle.read()
        end = "\r\n" if "\r\n" in raw else "\n"
        rows = _rows(file)
        fields = list(rows[0])
        changed = False
        for row in rows:
            for form, (rule, _, _) in RULES.items():
                if row["id"] in BY_EYE:
                    continue
                new = rule(row["pack"], row["text"], _parse(row["labels"]))
                if new is None:
                    continue
                changes.append(
                    {"set": file, "id": row["id"], "form": form, "old": row["labels"]}
                    | {"new": _format(new), "text": row["text"]}
                )
                row["labels"] = _format(new)
                changed = True
        if changed and write:
            buffer = io.StringIO()
            writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator=end)
            writer.writeheader()
            writer.writerows(rows)
            text = buffer.getvalue()
            if not raw.endswith(end):
                text = text.removesuffix(end)
            with open(DATA / file, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
    return changes


def _table(changes: list[dict[str, str]], files: list[str]) -> str:
    sets = files  # every set, so that a set with no change reads 0
    forms = list(RULES)
    lines = ["| set | " + " | ".join(forms) + " | all |", "|---" * (len(forms) + 2) + "|"]
    for s in [*sets, "all"]:
        row = [c for c in changes if s in ("all", c["set"])]
        cells = [str(sum(c["form"] == f for c in row)) for f in forms]
        lines.append(
            f"| {s.removeprefix('theme_').removesuffix('.csv')} | "
            + " | ".join(cells)
            + f" | {len(row)} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--counts", action="store_true", help="how the sets label each form")
    parser.add_argument("--apply", action="store_true", help="relabel training sets 5, 9-25")
    parser.add_argument(
        "--sets", type=int, nargs="+", help="relabel these training sets instead (ERR24: 26 27)"
    )
    parser.add_argument("--dry-run", action="store_true", help="list the changes, write nothing")
    args = parser.parse_args(argv)
    if args.counts:
        print(counts())
    if args.apply:
        files = _train_files(tuple(args.sets)) if args.sets else TRAIN
        out = OUT_BY_SETS[tuple(args.sets)] if args.sets else OUT
        changes = apply(files, write=not args.dry_run)
        if not changes:
            print("nothing to change (the training sets follow the ruling already)")
            return
        if args.dry_run:
            for c in changes:
                print(f"{c['id']}\t{c['form']}\t{c['old']} -> {c['new']}\t{c['text'][:150]}")
            print(_table(changes, files))
            return
        with open(out, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=["set", "id", "form", "old", "new", "text"])
            writer.writeheader()
            writer.writerows(changes)
        print(_table(changes, files))


if __name__ == "__main__":
    main()
