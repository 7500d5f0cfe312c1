"""FIX89 fixtures: NPS exports an analyst grouped with Excel's Data → Subtotal, then saved.

Writes into the folder given (default ``/tmp/fix89``) one file per :data:`FILES` entry. Each is
the same kind of export (a response per row, sorted by its branch as Subtotal needs) with the
lines Excel's Data → Subtotal inserts: after each group a line labelled ``<branch> <function>``
in the branch column with the group's figure in the score column (``=SUBTOTAL(…)``'s value, as
a saved CSV or XLSX holds it), and at the end the grand line over every row.

- ``en_average`` (CSV and XLSX): ``Chicago Average`` … ``Grand Average``, the mean written as
  Excel's General format saves it (``7.333333333``). A branch really called ``Grand`` (whose
  mean is a whole 8: ``Grand Average`` twice, once for the branch and once for every row),
  ``New York`` (a label with a space), ``Solo Town`` (a group of one: its mean is its score),
  and a respondent whose comment is ``Total``.
- ``en_count``: ``Count`` lines (COUNTA of the score cells: a blank score is not counted), no
  id column. ``en_sum``: ``Total`` lines, ``Grand Total``.
- ``en_nested``: two functions (Average, then Count added without replacing it): two lines
  after each group, the Average line first.
- ``ja_average`` (cp932 CSV with CRLF, and XLSX): 店舗 ``大阪 平均`` … ``全体の平均``, the mean
  shown with two decimals (``7.33``); ``東京 本店`` (a space), ``名古屋`` (one response), a
  respondent whose comment is ``総計``. ``ja_count``: ``大阪 データの個数`` … ``全体のデータの
  個数``, no id column. ``ja_sum``: ``大阪 集計`` … ``総計``. ``ja_nested``: データの個数 and
  平均, the データの個数 line first (the other order than ``en_nested``).
- FIX91, the dialog's six other functions: ``en_spread`` (``StdDev``, a sample's: Solo Town's
  ``#DIV/0!``; ``Varp``), ``en_product`` (CSV and XLSX: ``Product``, large ones in General's
  ``8.4573E+19``; ``Count Nums``), ``ja_spread`` (``標準偏差`` of the population, ``標本分散``
  of a sample, two decimals), ``ja_product`` (CSV and XLSX: ``数値の個数``, ``積``).

Every response has a date and every Excel line none, so plain pandas drops the lines with
``frame[frame[date].notna()]``: that is the truth the tests check the tool against.
"""

from __future__ import annotations

import csv
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Final

import numpy as np
import pandas as pd
from openpyxl import Workbook

EN: Final = {"id": "Response ID", "date": "Date", "unit": "Region", "score": "Score",
             "comment": "Comment"}  # fmt: skip
JA: Final = {"id": "回答番号", "date": "回答日", "unit": "店舗", "score": "おすすめ度",
             "comment": "ご意見"}  # fmt: skip
# Each branch's size and mean score. Grand's scores are fixed: their mean is a whole 8.
EN_UNITS: Final = {"Chicago": (14, 7.0), "Grand": (6, 8.0), "New York": (9, 6.0),
                   "Osaka": (25, 7.5), "Solo Town": (1, 9.0)}  # fmt: skip
JA_UNITS: Final = {"名古屋": (1, 6.0), "大阪": (22, 7.0), "東京 本店": (9, 8.0),
                   "福岡": (7, 5.5)}  # fmt: skip
GRAND_SCORES: Final = (9, 10, 8, 7, 9, 5)
#: Excel's label words and grand labels, and what each computes.
WORDS: Final = {
    "en": {"mean": ("Average", "Grand Average"), "count": ("Count", "Grand Count"),
           "sum": ("Total", "Grand Total"),
           # FIX91: the dialog's six other functions.
           "product": ("Product", "Grand Product"), "numbers": ("Count Nums", "Grand Count Nums"),
           "stdev": ("StdDev", "Grand StdDev"), "stdevp": ("StdDevp", "Grand StdDevp"),
           "var": ("Var", "Grand Var"), "varp": ("Varp", "Grand Varp")},
    "ja": {"mean": ("平均", "全体の平均"), "count": ("データの個数", "全体のデータの個数"),
           "sum": ("集計", "総計"), "product": ("積", "全体の積"),
           "numbers": ("数値の個数", "全体の数値の個数"),
           "stdev": ("標本標準偏差", "全体の標本標準偏差"),
           "stdevp": ("標準偏差", "全体の標準偏差"),
           "var": ("標本分散", "全体の標本分散"), "varp": ("分散", "全体の分散")},
}  # fmt: skip
#: File stem: language, the functions added (in the order their lines stand), with an id.
FILES: Final = {
    "en_average": ("en", ("mean",), True),
    "en_count": ("en", ("count",), False),
    "en_sum": ("en", ("sum",), True),
    "en_nested": ("en", ("mean", "count"), True),
    "ja_average": ("ja", ("mean",), True),
    "ja_count": ("ja", ("count",), False),
    "ja_sum": ("ja", ("sum",), True),
    "ja_nested": ("ja", ("count", "mean"), True),
    # FIX91: a sample's deviation and a population's variance; a product and a count of numbers
    # (a group of one's sample figure is #DIV/0!).
    "en_spread": ("en", ("stdev", "varp"), True),
    "en_product": ("en", ("product", "numbers"), True),
    "ja_spread": ("ja", ("stdevp", "var"), True),
    "ja_product": ("ja", ("numbers", "product"), False),
}
#: The files also written as XLSX (no sample figure: a #DIV/0! cell reads as a blank there).
XLSX: Final = ("en_average", "ja_average", "en_product", "ja_product")


def responses(lang: str, rng: np.random.Generator) -> pd.DataFrame:
    """One row per response, sorted by branch (Subtotal groups by each change in it)."""
    units = EN_UNITS if lang == "en" else JA_UNITS
    good, bad = (("Quick and friendly.", "Waited too long at the counter."),
                 ("対応が丁寧でした。", "待ち時間が長かったです。"))[lang == "ja"]  # fmt: skip
    rows, k = [], 0
    for unit, (size, mean) in units.items():
        for j in range(size):
            k += 1
            if unit == "Grand":
                score: int | None = GRAND_SCORES[j]
            else:
                score = int(np.clip(round(rng.normal(mean, 2.2)), 0, 10))
                score = None if rng.random() < 0.06 and size > 1 else score
            comment = good if (score or 0) >= 9 else bad if (score or 0) <= 6 else ""
            rows.append({"id": f"R-{10000 + k}", "unit": unit, "score": score,
                         "date": datetime(2026, 10, 1, 8) + timedelta(
                             days=int(rng.integers(0, 61)), minutes=int(rng.integers(0, 720))),
                         "comment": comment})  # fmt: skip
    frame = pd.DataFrame(rows)
    # The control rows: a comment that reads as a totals word is an answer.
    frame.loc[frame.index[2], "comment"] = "Total" if lang == "en" else "総計"
    return frame.sort_values(["unit", "date", "id"], kind="stable").reset_index(drop=True)


def figure(function: str, scores: pd.Series) -> float:
    """``SUBTOTAL``'s value: AVERAGE, COUNTA, SUM, PRODUCT, COUNT, STDEV(P) or VAR(P) of the
    group's score cells (``NaN``, Excel's #DIV/0!, for a sample of fewer than two)."""
    if function == "count":
        return float(scores.notna().sum())
    if function == "numbers":
        return float(pd.to_numeric(scores, errors="coerce").notna().sum())
    numbers = scores.dropna().astype(float)
    if function in ("stdev", "var") and len(numbers) < 2:
        return float("nan")
    return float(
        {"mean": numbers.mean, "sum": numbers.sum, "product": numbers.prod,
         "stdev": lambda: numbers.std(ddof=1), "stdevp": lambda: numbers.std(ddof=0),
         "var": lambda: numbers.var(ddof=1), "varp": lambda: numbers.var(ddof=0)}[function]()
    )  # fmt: skip


def table(frame: pd.DataFrame, lang: str, functions: tuple[str, ...]) -> list[dict]:
    """The sheet's rows: each group, its Excel lines, then the grand lines."""
    out: list[dict] = []
    for unit, group in frame.groupby("unit", sort=False):
        out += group.to_dict("records")
        for f in functions:
            out.append({"unit": f"{unit} {WORDS[lang][f][0]}", "score": figure(f, group["score"]),
                        "function": f})  # fmt: skip
    for f in functions:
        out.append({"unit": WORDS[lang][f][1], "score": figure(f, frame["score"]), "function": f})
    return out


def written(row: dict, lang: str) -> str:
    """A score cell as Excel saves it in a CSV: General for English, 0.00 for the means in
    Japanese (a format the analyst chose)."""
    score = row.get("score")
    if row.get("function") in ("stdev", "var") and pd.isna(score):
        return "#DIV/0!"
    if score is None or pd.isna(score):
        return ""
    if row.get("function") in ("mean", "stdev", "stdevp", "var", "varp"):
        return f"{score:.2f}" if lang == "ja" else f"{score:.10g}"
    if row.get("function") == "product":  # General shows a large product as 4.8384E+12
        return f"{score:.5G}" if abs(score) >= 1e11 else f"{score:.0f}"
    return f"{score:g}"


def write(stem: str, root: Path, rng: np.random.Generator) -> None:
    lang, functions, with_id = FILES[stem]
    names = EN if lang == "en" else JA
    columns = [c for c in ("id", "date", "unit", "score", "comment") if with_id or c != "id"]
    frame = responses(lang, rng)
    rows = table(frame, lang, functions)
    encoding, newline = ("utf-8", "\n") if lang == "en" else ("cp932", "\r\n")
    with (root / f"{stem}.csv").open("w", encoding=encoding, newline="") as f:
        w = csv.writer(f, lineterminator=newline)
        w.writerow([names[c] for c in columns])
        for row in rows:
            cells = {"id": row.get("id", ""), "unit": row["unit"], "score": written(row, lang),
                     "comment": row.get("comment", "") or "",
                     "date": f"{row['date']:%Y-%m-%d %H:%M}" if "date" in row else ""}  # fmt: skip
            if lang == "ja" and "date" in row:
                cells["date"] = f"{row['date']:%Y/%m/%d %H:%M}"
            w.writerow([cells[c] for c in columns])
    if stem in XLSX:
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.append([names[c] for c in columns])
        for row in rows:
            blank = {c for c in columns if row.get(c) in (None, "")}
            if pd.isna(row.get("score", np.nan)):
                blank.add("score")
            sheet.append([None if c in blank else row[c] for c in columns])
            if row.get("function") in ("mean", "stdevp", "var") and lang == "ja":
                sheet.cell(sheet.max_row, columns.index("score") + 1).number_format = "0.00"
        book.save(root / f"{stem}.xlsx")


def main(root: Path = Path("/tmp/fix89")) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for k, stem in enumerate(FILES):
        write(stem, root, np.random.default_rng(8900 + k))


if __name__ == "__main__":
    main(*(Path(a) for a in sys.argv[1:2]))
