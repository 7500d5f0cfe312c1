"""QA31 fixture: a Japanese hotel group's guest survey, a Medallia-style XLSX download.

Writes ``/tmp/qa31/hotel_medallia.xlsx`` (or the path given as the first argument) and a
``*_truth.csv`` beside it (id, property, month, score as it should count, do-not-contact).

Shape: two sheets. ``Cover`` holds the title, the export date and the filter; ``Responses`` has a
title in row 1, the filter in row 2 and the header in row 3. Rows are grouped by property and the
``Property`` cell is merged down over its group (blank cells under the first, as Excel shows a
merged cell). Property names come in full- and half-width variants (``ホテル Ａ`` / ``ホテルA``,
``ﾎﾃﾙB`` / ``ホテルB``). ``Response Date`` is an Excel serial number (a plain number cell,
``46300.4375``), the wall clock of the hotel. Scores are written ``10 - Extremely likely`` and
``0 - Not at all likely`` at the ends, ``7`` between, 3 % blank. Comments in English and
Japanese. ``Do not contact`` is ``yes`` / ``no``: consent inverted (``no`` may be contacted).
"""

from __future__ import annotations

import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook

# canonical name -> (share, spellings written)
PROPERTIES = {
    "ホテルA": (0.34, ("ホテルA", "ホテル Ａ", "ホテルＡ")),
    "ホテルB": (0.28, ("ホテルB", "ﾎﾃﾙB")),
    "ホテルC": (0.24, ("ホテルC",)),
    "Sakura Inn Kyoto": (0.14, ("Sakura Inn Kyoto", "SAKURA INN KYOTO")),
}
NPS_Q = "Likelihood to Recommend"
STAY = ("Business", "Leisure", "Family")
ROOM = ("Standard", "Deluxe", "Suite")
NEG = (
    "The room was not cleaned until 4 pm and nobody at the front desk apologised.",
    "Check-in took 40 minutes; the queue was out of the door.",
    "朝食会場が狭く、30分待たされました。",
    "エアコンの音がうるさくて眠れませんでした。",
    "Wi-Fi dropped every few minutes, impossible to work.",
)
POS = (
    "Lovely staff, spotless room, great breakfast.",
    "フロントの方の対応がとても丁寧でした。",
    "駅から近く、部屋からの眺めが最高でした。",
    "Quiet room and a very comfortable bed.",
)
MID = ("", "", "Fine overall.", "特になし", "普通でした。")
EPOCH = date(1899, 12, 30)


def serial(when: datetime) -> float:
    """Excel's serial number of a wall-clock time."""
    days = (when.date() - EPOCH).days
    return round(days + (when.hour * 60 + when.minute) / 1440, 6)


def main(out: Path = Path("/tmp/qa31/hotel_medallia.xlsx")) -> None:
    rng = np.random.default_rng(3101)
    out.parent.mkdir(parents=True, exist_ok=True)
    names = list(PROPERTIES)
    shares = np.array([PROPERTIES[n][0] for n in names])
    rows = []
    start = datetime(2026, 6, 1)
    for i in range(1100):
        prop = names[rng.choice(len(names), p=shares / shares.sum())]
        when = start + timedelta(minutes=int(rng.integers(0, 183 * 24 * 60)))
        if i % 97 == 0:  # late on a month's last day, wall clock
            when = datetime(2026, 6 + i % 6, 1) - timedelta(minutes=7)
            if when < start:
                when = datetime(2026, 7, 1) - timedelta(minutes=7)
        bias = {"ホテルA": 0.8, "ホテルB": 0.0, "ホテルC": -0.9, "Sakura Inn Kyoto": 1.2}[prop]
        s = int(np.clip(round(rng.normal(7.3 + bias, 2.3)), 0, 10))
        blank = rng.random() < 0.03
        text = (
            ""
            if blank
            else {10: "10 - Extremely likely", 0: "0 - Not at all likely"}.get(s, str(s))
        )
        comment = rng.choice(NEG if s <= 6 else POS if s >= 9 else MID)
        dnc = "yes" if rng.random() < 0.35 else "no"
        rows.append(
            {
                "Survey ID": f"{41_000_000 + i * 37}",
                "prop": prop,
                "Response Date": when,
                "Stay Type": rng.choice(STAY),
                "Room Type": rng.choice(ROOM),
                NPS_Q: text,
                "score": None if blank else s,
                "Guest Comment": comment,
                "Guest Email": f"guest{i}@example.jp",
                "Do not contact": dnc,
            }
        )
    frame = pd.DataFrame(rows).sort_values(["prop", "Response Date"], kind="stable")
    frame["block"] = (frame["prop"] != frame["prop"].shift()).cumsum()
    wb = Workbook()
    cover = wb.active
    cover.title = "Cover"
    cover["A1"] = "Sakura Hotels & Resorts — Guest Experience Survey"
    cover["A2"] = "Export date: 2026-12-01 06:00 JST"
    cover["A3"] = "Filter: all properties, 2026-06-01 to 2026-11-30"
    sheet = wb.create_sheet("Responses")
    sheet["A1"] = "Responses"
    sheet["A2"] = "Medallia Experience Cloud · Sakura Hotels & Resorts"
    header = ["Survey ID", "Property", "Response Date", "Stay Type", "Room Type", NPS_Q,
              "Guest Comment", "Guest Email", "Do not contact"]  # fmt: skip
    sheet.append(header)
    r = 4
    for _, block in frame.groupby("block", sort=False):
        # Medallia merges a property's cell over its rows, one block per 40 rows, each block
        # spelled as one of the property's spellings (ホテル Ａ, ホテルＡ and ホテルA in turn)
        spelled = PROPERTIES[block["prop"].iat[0]][1]
        for k, chunk_start in enumerate(range(0, len(block), 40)):
            chunk = block.iloc[chunk_start : chunk_start + 40]
            first = r
            for j, (_, row) in enumerate(chunk.iterrows()):
                values = [row.get(c) for c in header]
                values[1] = spelled[k % len(spelled)] if j == 0 else None
                values[2] = serial(row["Response Date"])
                sheet.append(values)
                r += 1
            if len(chunk) > 1:
                sheet.merge_cells(start_row=first, start_column=2, end_row=r - 1, end_column=2)
    wb.save(out)
    truth = pd.DataFrame(
        {
            "id": frame["Survey ID"],
            "unit": frame["prop"],
            "month": frame["Response Date"].dt.strftime("%Y-%m"),
            "score": frame["score"].astype("Int64"),
            "dnc": frame["Do not contact"] == "yes",
            "when": frame["Response Date"].dt.strftime("%Y-%m-%d %H:%M"),
        }
    )
    truth.to_csv(out.with_name(out.stem + "_truth.csv"), index=False)


if __name__ == "__main__":
    main(*(Path(a) for a in sys.argv[1:2]))
