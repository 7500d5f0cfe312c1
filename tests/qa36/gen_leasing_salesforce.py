"""QA36 fixture: a B2B equipment-leasing firm's NPS survey as a Salesforce grouped report.

Writes ``/tmp/qa36/leasing_salesforce.xlsx`` (or the path given), the same report as
``leasing_salesforce.csv`` beside it, and ``leasing_salesforce_truth.csv`` (response number,
owner, month, score as it should count, consent).

Shape (Salesforce "Export > Formatted Report"): row 1 the **report title**, row 2 the firm,
rows 3-5 **filter lines** (``Filtered By:`` and two indented conditions), a blank row, then the
table. Rows are **grouped by ``Account Owner``**: the owner's name is on the group's first row
only (blank below); after each group a ``Subtotal`` line (the group's mean ``Survey Score`` and
``Count: 37`` in the account column); at the end ``Grand Totals (1,234 records)`` with the mean
of every score. ``Survey Score`` is written ``9.00`` (in the XLSX a number shown with two
decimals), ``Created Date`` ``11/3/2026`` (US month-first; a date cell in the XLSX), ``Contact
Opt-In`` 1/0, ``Contact: Email``, English comments about leases, invoices, field engineers and
the customer portal. 5 owners, 520 responses in October and November 2026, 4 % without a
score. Dana Whitfield's accounts fall (+35 -> -25), Marcus Oyelaran's rise.
"""

from __future__ import annotations

import csv
import sys
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook

TITLE = "NPS Survey Responses by Account Owner"
FIRM = "Northbridge Equipment Leasing"
FILTERS = ("Filtered By:", "    Created Date equals LAST 2 MONTHS",
           '    Survey: Survey Name equals "Relationship NPS 2026"')  # fmt: skip
HEADER = ("Account Owner", "Account Name", "Survey Response: Response Number", "Created Date",
          "Survey Score", "Comments", "Contact Opt-In", "Contact: Email")  # fmt: skip
OWNER, SCORE, DATE, ID, COMMENT, CONSENT = (
    HEADER[0],
    HEADER[4],
    HEADER[3],
    HEADER[2],
    HEADER[5],
    HEADER[6],
)
# Mean score in October and November for each owner's accounts.
OWNERS = {
    "Dana Whitfield": (8.4, 6.2),
    "Marcus Oyelaran": (6.4, 8.4),
    "Priya Raman": (7.6, 7.7),
    "Tom Kessler": (7.2, 7.0),
    "Sofia Lindqvist": (8.0, 8.1),
}
ACCOUNTS = (
    "Harbor Freightways", "Granite Ridge Construction", "Bluewater Logistics",
    "Cedar Valley Farms", "Summit Medical Imaging", "Apex Print & Pack", "Redline Haulage",
    "Northstar Aggregates", "Pinecrest Dairy", "Metro Cranes Inc",
)  # fmt: skip
NEG = (
    "Invoice was wrong two months running and it took weeks to get a credit note.",
    "The field engineer cancelled twice; our excavator sat idle for a week.",
    "Early buyout quote on the lease was far higher than we were told at signing.",
    "Portal keeps logging me out and I can't download the lease schedule.",
    "Nobody returns calls about the end-of-lease inspection.",
)
POS = (
    "Field engineer was on site the same day and fixed the compressor.",
    "Lease renewal was quick and the rate was fair.",
    "The portal makes it easy to see every invoice and asset.",
    "Our account manager always picks up the phone.",
)
MID = ("", "", "Fine overall.", "Invoices are ok, portal is slow.", "")


def responses(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    for i in range(520):
        owner = list(OWNERS)[int(rng.integers(len(OWNERS)))]
        day = date(2026, 10, 1) + timedelta(days=int(rng.integers(0, 61)))
        s = int(np.clip(round(rng.normal(OWNERS[owner][day.month - 10], 2.3)), 0, 10))
        s = 0 if rng.random() < 0.03 else s  # an angry customer after a repossession
        score = None if rng.random() < 0.04 else s
        consent = int(rng.random() < 0.45)
        rows.append(
            {"owner": owner, "account": str(rng.choice(ACCOUNTS)), "id": f"SR-{40211 + i:07d}",
             "day": day, "score": score,
             "comment": str(rng.choice(NEG if s <= 6 else POS if s >= 9 else MID)),
             "consent": consent, "email": f"ap{i}@customer{i % 37}.example.com"}
        )  # fmt: skip
    t = pd.DataFrame(rows)
    return t.sort_values(["owner", "day", "id"], kind="stable").reset_index(drop=True)


def table(t: pd.DataFrame) -> list[list[object]]:
    """The report's rows under its header: groups, subtotals and the grand totals."""
    out: list[list[object]] = []
    for owner, g in t.groupby("owner", sort=True):
        for k, r in enumerate(g.itertuples()):
            out.append([owner if k == 0 else None, r.account, r.id, r.day,
                        None if pd.isna(r.score) else float(r.score), r.comment or None,
                        r.consent, r.email])  # fmt: skip
        out.append(["Subtotal", f"Count: {len(g)}", None, None, round(g["score"].mean(), 2),
                    None, None, None])  # fmt: skip
    out.append([f"Grand Totals ({len(t):,} records)", None, None, None,
                round(t["score"].mean(), 2), None, None, None])  # fmt: skip
    return out


def main(out: Path = Path("/tmp/qa36/leasing_salesforce.xlsx")) -> None:
    rng = np.random.default_rng(3601)
    out.parent.mkdir(parents=True, exist_ok=True)
    t = responses(rng)
    rows = table(t)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Report"
    for line in (TITLE, FIRM, *FILTERS, None):
        sheet.append([line])
    sheet.append(list(HEADER))
    for row in rows:
        sheet.append(row)
        cells = sheet[sheet.max_row]
        cells[3].number_format = "m/d/yyyy"
        cells[4].number_format = "0.00"
    book.save(out)
    with out.with_suffix(".csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_ALL)
        for line in (TITLE, FIRM, *FILTERS):
            w.writerow([line])
        w.writerow([])
        w.writerow(HEADER)
        for row in rows:
            d, s = row[3], row[4]
            row = [*row]
            row[3] = f"{d.month}/{d.day}/{d.year}" if isinstance(d, date) else ""
            row[4] = "" if s is None else f"{s:.2f}"
            w.writerow(["" if v is None else v for v in row])
    truth = t.assign(month=t["day"].map(lambda d: f"{d:%Y-%m}"))
    truth["score"] = truth["score"].astype("Int64")
    truth[["id", "owner", "month", "score", "consent"]].to_csv(
        out.with_name(out.stem + "_truth.csv"), index=False
    )


if __name__ == "__main__":
    main(*(Path(a) for a in sys.argv[1:2]))
