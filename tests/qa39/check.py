"""QA39: each export read with plain pandas and its own parsing, never nps-kit's.

``read(name, root)`` gives ``unit, when, score`` (0–10 or NaN) per response; ``truth_agrees``
checks that reading against the generator's truth; ``nps`` is the plain computation.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pandas as pd
from _qa import sibling

gen = sibling(__file__, "gen")

FILES = list(gen.WRITERS)


def _leading_int(cell: object) -> float:
    """The whole number a cell starts with (全角 folded), NaN when there is none."""
    if cell is None or (isinstance(cell, float) and pd.isna(cell)):
        return float("nan")
    found = re.match(r"\d+", unicodedata.normalize("NFKC", str(cell)).strip())
    return float(found[0]) if found else float("nan")


def read(name: str, root: Path) -> pd.DataFrame:
    path = root / name
    if name == "questant.csv":
        f = pd.read_csv(path, encoding="cp932", dtype=str, keep_default_na=False)
        return pd.DataFrame({"unit": f[gen.QUESTANT_UNIT],
                             "when": pd.to_datetime(f[gen.QUESTANT_DATE], format="%Y/%m/%d %H:%M"),
                             "score": f[gen.QUESTANT_NPS].map(_leading_int)})  # fmt: skip
    if name == "creative_survey.csv":
        f = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
        when = pd.to_datetime(f[gen.CS_DATE], format="%Y-%m-%d %H:%M:%S %z").dt.tz_localize(None)
        return pd.DataFrame({"unit": f[gen.CS_UNIT], "when": when,
                             "score": f[gen.CS_NPS].map(_leading_int)})  # fmt: skip
    if name == "tayori.tsv":
        f = pd.read_csv(path, encoding="utf-16", sep="\t", dtype=str, keep_default_na=False)
        when = pd.to_datetime(f[gen.TAYORI_DATE], format="%Y年%m月%d日 %H:%M")
        return pd.DataFrame({"unit": f[gen.TAYORI_UNIT], "when": when,
                             "score": f[gen.TAYORI_NPS].map(_leading_int)})  # fmt: skip
    if name == "formrun.csv":
        f = pd.read_csv(path, encoding="cp932", dtype=str, keep_default_na=False)
        when = pd.to_datetime(f[gen.FORMRUN_DATE], format="%Y/%m/%d %H:%M:%S")
        return pd.DataFrame({"unit": f[gen.FORMRUN_UNIT], "when": when,
                             "score": f[gen.FORMRUN_NPS].map(_leading_int),
                             "consent": f["今後ご連絡してもよろしいですか"] == "はい"})  # fmt: skip
    if name == "surveymonkey_ja.csv":
        f = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False,
                        skiprows=[1])  # fmt: skip
        text = f[gen.SM_DATE].str.replace("午前", "AM").str.replace("午後", "PM")
        return pd.DataFrame({"unit": f[gen.SM_UNIT],
                             "when": pd.to_datetime(text, format="%m/%d/%Y %I:%M:%S %p"),
                             "score": f[gen.SM_NPS].map(_leading_int)})  # fmt: skip
    f = pd.read_excel(path, sheet_name="ローデータ", header=5, dtype=object)
    score = f[gen.AGENCY_NPS].map(_leading_int)
    if name == "agency_codes.xlsx":
        score = score - 1  # コード表: code 1 is 0 points
    return pd.DataFrame({"unit": f[gen.AGENCY_UNIT], "when": pd.to_datetime(f[gen.AGENCY_DATE]),
                         "score": score})  # fmt: skip


def nps(scores: pd.Series) -> tuple[int, float]:
    """N and NPS in points of whole 0–10 scores."""
    s = scores.dropna().astype(int)
    if s.empty:
        return 0, float("nan")
    return len(s), 100 * ((s >= 9).sum() - (s <= 6).sum()) / len(s)


def truth_agrees(name: str, root: Path) -> bool:
    truth = pd.read_csv(root / (name.rsplit(".", 1)[0] + "_truth.csv"))
    got = read(name, root)
    return (
        got["unit"].tolist() == truth["unit"].tolist()
        and got["when"].dt.strftime("%Y-%m").tolist() == truth["month"].tolist()
        and got["score"].fillna(-1).astype(int).tolist()
        == truth["score"].fillna(-1).astype(int).tolist()
    )


def by_unit(name: str, root: Path, month: str | None = None) -> dict[str, tuple[int, float]]:
    t = read(name, root)
    if month is not None:
        t = t[t["when"].dt.strftime("%Y-%m") == month]
    return {str(u): nps(g["score"]) for u, g in t.groupby("unit")}
