"""FIX91 fixtures: XLSX exports whose formulas were saved without their values.

A program that writes formulas but does not compute them (openpyxl here, as many exporters and
report tools) saves ``<f>SUBTOTAL(1,D2:D9)</f><v/>``: every reader of values sees a blank.
Writes into the folder given (default ``/tmp/fix91``):

- ``ja_lines.xlsx``: 回答番号, 回答日, 店舗, おすすめ度, ご意見; after each 店舗 a line
  ``大阪 平均`` with ``=SUBTOTAL(1,D…:D…)``, then ``全体の平均`` and a last line with no label,
  ``=SUM(D2:D…)`` alone. ``en_lines.xlsx``: the same in English (``Osaka Average``,
  ``Grand Average``), its count lines ``=COUNTA(…)``.
- ``ja_unsaved.xlsx``: no line; a fifth of the scores written ``=8`` (an exporter that writes
  numbers as formulas): each would be a missing score. ``en_unsaved.xlsx``: a score column
  computed ``=ROUND(F2*2,0)`` from a 0–5 rating, every row.
- ``ja_saved.xlsx``: ``ja_lines`` (its last, unlabelled line left out) as Excel saves it, each
  formula's value stored (``<v>7.5</v>``); the sample deviation line of 名古屋's one row
  (``名古屋 標本標準偏差``, in ``ja_lines`` too) stored as Excel's error ``#DIV/0!``.

Every response has a date and every line none: plain pandas' truth is the rows with a date
(for the unsaved scores, the score each formula says).
"""

from __future__ import annotations

import re
import sys
import zipfile
from datetime import datetime, timedelta
from pathlib import Path
from typing import Final

import numpy as np
import pandas as pd
from openpyxl import Workbook

JA: Final = ("回答番号", "回答日", "店舗", "おすすめ度", "ご意見")
EN: Final = ("Response ID", "Date", "Region", "Score", "Comment")
JA_UNITS: Final = {"名古屋": 1, "大阪": 14, "東京 本店": 9, "福岡": 6}
EN_UNITS: Final = {"Chicago": 12, "New York": 8, "Osaka": 10}
MONTH: Final = "2026-11"


def responses(lang: str, rng: np.random.Generator) -> pd.DataFrame:
    """One row per response, sorted by branch, two months of dates."""
    units = JA_UNITS if lang == "ja" else EN_UNITS
    good, bad = ("対応が丁寧でした。", "待ち時間が長かったです。") if lang == "ja" else (
        "Quick and friendly.", "Waited too long.")  # fmt: skip
    rows, k = [], 0
    for unit, size in units.items():
        for _ in range(size):
            k += 1
            score = int(rng.integers(0, 11))
            rows.append({
                "id": f"R-{k:04d}", "unit": unit, "score": score,
                "date": datetime(2026, 10, 1, 9) + timedelta(days=int(rng.integers(0, 61))),
                "comment": good if score >= 9 else bad if score <= 6 else "",
            })  # fmt: skip
    frame = pd.DataFrame(rows)
    return frame.sort_values(["unit", "date", "id"], kind="stable").reset_index(drop=True)


def _sheet(names: tuple[str, ...]) -> tuple[Workbook, object]:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "回答" if names == JA else "Responses"
    sheet.append(list(names))
    return book, sheet


def _row(r: dict) -> list[object]:
    return [r["id"], r["date"], r["unit"], r["score"], r["comment"] or None]


def write_lines(
    path: Path, lang: str, rng: np.random.Generator, *, last_sum: bool = True
) -> dict[str, str]:
    """A sheet with a formula subtotal line after each branch and the grand one under the table.

    Returns each line's cell and the value Excel would store for it (:func:`saved`).
    """
    frame = responses(lang, rng)
    book, sheet = _sheet(JA if lang == "ja" else EN)
    average, grand = ("平均", "全体の平均") if lang == "ja" else ("Average", "Grand Average")
    values: dict[str, str] = {}
    at = 2
    for unit, group in frame.groupby("unit", sort=False):
        first = at
        for r in group.to_dict("records"):
            sheet.append(_row(r))  # type: ignore[attr-defined]
            at += 1
        scores = group["score"].astype(float)
        line = [None, None, f"{unit} {average}", f"=SUBTOTAL(1,D{first}:D{at - 1})"]
        sheet.append(line)  # type: ignore[attr-defined]
        values[f"D{at}"] = repr(float(scores.mean()))
        at += 1
        if lang == "en":
            sheet.append([None, None, f"{unit} Count", f"=COUNTA(D{first}:D{at - 2})"])  # type: ignore[attr-defined]
            values[f"D{at}"] = str(len(scores))
            at += 1
        if len(group) == 1:  # a sample's deviation of one row: Excel's #DIV/0!
            sheet.append([None, None, f"{unit} 標本標準偏差", f"=SUBTOTAL(7,D{first}:D{first})"])  # type: ignore[attr-defined]
            values[f"D{at}"] = "#DIV/0!"
            at += 1
    sheet.append([None, None, grand, f"=SUBTOTAL(1,D2:D{at - 1})"])  # type: ignore[attr-defined]
    values[f"D{at}"] = repr(float(frame["score"].mean()))
    if last_sum:
        sheet.append([None, None, None, f"=SUM(D2:D{at - 1})"])  # type: ignore[attr-defined]
    book.save(path)
    return values


def write_unsaved(path: Path, lang: str, rng: np.random.Generator) -> None:
    """Scores written as formulas: ``=8`` (ja, a fifth), ``=ROUND(F2*2,0)`` (en, all)."""
    frame = responses(lang, rng)
    names = JA if lang == "ja" else (*EN, "Rating")
    book, sheet = _sheet(names)
    for k, r in enumerate(frame.to_dict("records"), start=2):
        cells = _row(r)
        if lang == "ja" and k % 5 == 0:
            cells[3] = f"={r['score']}"
        if lang == "en":
            cells[3] = f"=ROUND(F{k}*2,0)"
            cells.append(r["score"] / 2)
        sheet.append(cells)  # type: ignore[attr-defined]
    book.save(path)


def saved(source: Path, path: Path, values: dict[str, str]) -> None:
    """Copy ``source`` with each formula cell's value stored, as Excel saves it.

    ``values`` maps a cell (``D16``) to its value; ``#DIV/0!`` is stored as an error cell.
    """
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode("utf-8")
                for ref, value in values.items():
                    kind = ' t="e"' if value.startswith("#") else ""
                    text = re.sub(
                        rf'<c r="{ref}"([^>]*)><f>(.*?)</f><v\s*/>',
                        rf'<c r="{ref}"\1{kind}><f>\2</f><v>{value}</v>',
                        text,
                    )
                data = text.encode("utf-8")
            new.writestr(item, data)


def main(root: Path = Path("/tmp/fix91")) -> None:
    root.mkdir(parents=True, exist_ok=True)
    write_lines(root / "ja_lines.xlsx", "ja", np.random.default_rng(9101))
    write_lines(root / "en_lines.xlsx", "en", np.random.default_rng(9102))
    write_unsaved(root / "ja_unsaved.xlsx", "ja", np.random.default_rng(9103))
    write_unsaved(root / "en_unsaved.xlsx", "en", np.random.default_rng(9104))
    values = write_lines(root / "ja_plain.xlsx", "ja", np.random.default_rng(9101), last_sum=False)
    saved(root / "ja_plain.xlsx", root / "ja_saved.xlsx", values)
    (root / "ja_plain.xlsx").unlink()


if __name__ == "__main__":
    main(*(Path(a) for a in sys.argv[1:2]))
