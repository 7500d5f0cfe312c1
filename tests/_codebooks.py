"""Coded survey workbooks with their code table, as agencies and SPSS-style exports ship them.

``write_agency_ja``: a Japanese 集計表 (sheet ローデータ) of SA codes with a コード表 sheet in the
*long* layout (設問 · コード · 選択肢, the question on its first code's row only).
``write_codebook_en``: an English export (sheet Data) with a "Codebook" sheet in the *block*
layout (a question on a row of its own, ``code | label`` rows under it, a blank row between).
Each returns the answers as labels (``truth``) so a test computes every figure with pandas.

利用頻度 / Visit frequency has labels without numbers whose NPS rises with the code: sorted by
NPS the chart would show them in the reverse of the code table's order, so a test can tell the
two orders apart.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

JA_SHOPS = {1: "新宿店", 2: "梅田店"}
JA_SEX = {1: "男性", 2: "女性"}
JA_AGE = {1: "20代", 2: "30代", 3: "40代", 4: "50代", 5: "60代以上"}
JA_FREQUENCY = {1: "ほぼ毎日", 2: "週に数回", 3: "月に数回", 4: "それ以下"}
JA_SCORE = "Q1. 当店を友人や知人にすすめたいと思いますか"
JA_REASON = "Q2. その理由をお聞かせください"
JA_COMMENTS = ("店員さんの対応が丁寧でした", "品揃えが少ない", "価格が高いと感じます", "")

JA_CHANNEL = {1: "Web検索", 2: "SNS", 3: "店頭", 4: "知人の紹介"}

EN_REGION = {1: "North", 2: "South"}
EN_SEX = {1: "Male", 2: "Female", 3: "Prefer not to say"}
EN_FREQUENCY = {1: "Every day", 2: "Weekly", 3: "Monthly", 4: "Less often"}
EN_SCORE = "Q1 How likely are you to recommend us to a friend or colleague?"
EN_REASON = "Q2 Why did you give that score?"
EN_COMMENTS = ("Friendly staff at the counter", "The prices are too high", "Long queues", "")


def _answers(n: int, seed: int, frequencies: int) -> pd.DataFrame:
    """Codes and scores: the more often a customer comes (a lower code), the lower the score."""
    rng = np.random.default_rng(seed)
    frequency = rng.integers(1, frequencies + 1, n)
    base = 3 + 2 * frequency  # code 1: around 5, code 4: around 11 (capped at 10)
    score = np.clip(base + rng.integers(-3, 3, n), 0, 10)
    day = rng.integers(0, 61, n)
    return pd.DataFrame(
        {
            "date": [dt.date(2026, 9, 1) + dt.timedelta(days=int(d)) for d in day],
            "unit": rng.integers(1, 3, n),
            "sex": rng.integers(1, 3, n),
            "age": rng.integers(1, 6, n),
            "frequency": frequency,
            "score": score,
            "comment": [JA_COMMENTS[int(k)] for k in rng.integers(0, 4, n)],
        }
    )


def write_agency_ja(path: Path, n: int = 480) -> pd.DataFrame:
    """Write a 集計表 of SA codes with a コード表 sheet; return the answers as labels."""
    from openpyxl import Workbook

    f = _answers(n, 40, len(JA_FREQUENCY))
    wb = Workbook()
    ws = wb.active
    ws.title = "ローデータ"
    header = ["No", "回答日", "店舗", "性別", "年代", "利用頻度", JA_SCORE, JA_REASON]
    ws.append(header)
    for k, r in enumerate(f.itertuples(), 1):
        ws.append([k, r.date, r.unit, r.sex, r.age, r.frequency, int(r.score), r.comment or None])
        ws.cell(ws.max_row, 2).number_format = "yyyy/m/d"
    table = wb.create_sheet("コード表")
    table.append(["設問", "コード", "選択肢"])
    for question, labels in (
        ("店舗", JA_SHOPS),
        ("性別", JA_SEX),
        ("年代", JA_AGE),
        ("利用頻度", JA_FREQUENCY),
        ("Q9. 世帯年収", {1: "400万円未満", 2: "400万円以上"}),  # no such column
    ):
        for i, (code, label) in enumerate(labels.items()):
            table.append([question if i == 0 else None, code, label])
    wb.save(path)
    return f.assign(
        unit=f["unit"].map(JA_SHOPS),
        sex=f["sex"].map(JA_SEX),
        age=f["age"].map(JA_AGE),
        frequency=f["frequency"].map(JA_FREQUENCY),
    )


def write_codebook_en(path: Path, n: int = 400) -> pd.DataFrame:
    """Write an English export with a block-layout Codebook sheet; return the answers as labels.

    Gender code 3 has a label; code 9 (a data-entry slip on three rows) has none.
    """
    from openpyxl import Workbook

    f = _answers(n, 41, len(EN_FREQUENCY))
    f.loc[f.index[:3], "sex"] = 9
    f["comment"] = [EN_COMMENTS[i % 4] for i in range(n)]
    wb = Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(["ID", "Date", "Region", "Q3 Gender", "Q4 Visit frequency", EN_SCORE, EN_REASON])
    for k, r in enumerate(f.itertuples(), 1):
        ws.append(
            [f"R{k:04d}", r.date, r.unit, r.sex, r.frequency, int(r.score), r.comment or None]
        )
        ws.cell(ws.max_row, 2).number_format = "yyyy-mm-dd"
    book = wb.create_sheet("Codebook")
    book.append(["Value labels"])
    book.append([])
    for question, labels in (
        (("Region",), EN_REGION),
        (("Q3", "Gender"), EN_SEX),
        (("Q4 Visit frequency",), EN_FREQUENCY),
    ):
        book.append(list(question))
        for code, label in labels.items():
            book.append([code, label])
        book.append([])
    wb.save(path)
    return f.assign(
        unit=f["unit"].map(EN_REGION),
        sex=f["sex"].map(lambda c: EN_SEX.get(c, str(c))),
        frequency=f["frequency"].map(EN_FREQUENCY),
    )


def write_multi_ja(path: Path, n: int = 240) -> pd.DataFrame:
    """Write a 集計表 whose 認知経路 (MA) cells list codes (``1;3``), with a コード表 sheet.

    Return the answers with 認知経路 as the list of labels chosen (none: ``[]``).
    """
    from openpyxl import Workbook

    rng = np.random.default_rng(42)
    chosen = [[c for c in JA_CHANNEL if rng.random() < (0.2 + 0.15 * c)] for _ in range(n)]
    score = [int(np.clip(4 + 2 * len(c) + rng.integers(-3, 3), 0, 10)) for c in chosen]
    wb = Workbook()
    ws = wb.active
    ws.title = "ローデータ"
    ws.append(["No", "回答日", "店舗", "認知経路", JA_SCORE])
    for k in range(n):
        cell = ";".join(map(str, chosen[k])) or None
        day = dt.date(2026, 10, 1) + dt.timedelta(days=k % 28)
        ws.append([k + 1, day, 1 + k % 2, cell, score[k]])
        ws.cell(ws.max_row, 2).number_format = "yyyy/m/d"
    table = wb.create_sheet("コード表")
    table.append(["設問", "コード", "選択肢"])
    for question, labels in (("店舗", JA_SHOPS), ("認知経路", JA_CHANNEL)):
        for i, (code, label) in enumerate(labels.items()):
            table.append([question if i == 0 else None, code, label])
    wb.save(path)
    return pd.DataFrame(
        {
            "unit": [JA_SHOPS[1 + k % 2] for k in range(n)],
            "channel": [[JA_CHANNEL[c] for c in codes] for codes in chosen],
            "score": score,
        }
    )


def nps(scores: pd.Series) -> tuple[int, float]:
    """n and NPS of 0–10 scores, as pandas counts them."""
    s = scores.dropna()
    return len(s), float(((s >= 9).mean() - (s <= 6).mean()) * 100)
