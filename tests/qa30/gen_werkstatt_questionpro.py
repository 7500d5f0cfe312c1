"""QA30 fixture: a German car-service chain's QuestionPro-style CSV (German Excel settings).

Writes ``/tmp/qa30/werkstatt_questionpro.csv`` (or the path given as the first argument) and a
``*_truth.csv`` beside it (branch, month on the German wall clock, score, weight).

Shape: cp1252, ``;`` separated, ``,`` as the decimal mark (``Gewichtung`` ``1,25``; ``Dauer
(Sekunden)`` ``83,4``), CRLF. Columns ``Antwort-ID``, ``Status`` (Abgeschlossen / Unvollständig),
``Zeitstempel (TT.MM.JJJJ)`` ``03.10.2026 14:05`` (Europe/Berlin wall clock, no zone), ``Dauer
(Sekunden)``, ``Filiale`` (units with umlauts and ß: Köln-Süd, München-Schwabing, Düsseldorf
Altstadt, Nürnberg, Würzburg, Gießen, Lübeck, Straßburger Straße Berlin), the recommend question
labelled at its ends ``10 - Äußerst wahrscheinlich`` / ``0 - Überhaupt nicht wahrscheinlich``,
a 1-5 satisfaction labelled at its ends, the service booked, a reason comment (German, some
Turkish and English), consent Ja/Nein, ``E-Mail``, ``Telefon``. Traps: day-first dates whose
days stay under 13 for a whole file cut (``01.10.`` .. ``12.10.``), the decimal comma in the
weight, partial responses (counted, as the tool counts every scored answer), a ``Gesamt`` row at
the end.
"""

from __future__ import annotations

import csv
import sys
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

BRANCHES = {
    "Köln-Süd": 0.17,
    "München-Schwabing": 0.18,
    "Düsseldorf Altstadt": 0.14,
    "Nürnberg": 0.12,
    "Würzburg": 0.1,
    "Gießen": 0.08,
    "Lübeck": 0.09,
    "Straßburger Straße Berlin": 0.12,
}
NPS_Q = (
    "Wie wahrscheinlich ist es, dass Sie unsere Werkstatt einem Freund oder Kollegen "
    "weiterempfehlen?"
)
SAT_Q = "Wie zufrieden waren Sie insgesamt mit dem Service? (1-5)"
SERVICE = ("Inspektion", "Reifenwechsel", "HU/AU", "Unfallreparatur", "Ölwechsel", "Klimaservice")
NEG = (
    "Termin wurde zweimal verschoben, das Auto stand eine Woche länger als zugesagt.",
    "Rechnung 240 € höher als der Kostenvoranschlag – ohne Rückfrage!",
    "Niemand hat zurückgerufen. Äußerst ärgerlich.",
    "Kratzer am Kotflügel nach der Reparatur, Reklamation läuft noch.",
    "Randevu saatinde gittim ama 2 saat bekledim.",
    "Waited 3 hours although I had an appointment.",
)
POS = (
    "Schnell, freundlich und fair im Preis. Gerne wieder!",
    "Der Meister hat mir alles genau erklärt – super Service.",
    "Ersatzwagen stand bereit, Abholung pünktlich. Top!",
    "Sehr gute Beratung beim Reifenkauf, danke an Herrn Öztürk.",
)
MID = ("ok", "Passt.", "", "", "Preis könnte günstiger sein", "-")


def score_cell(s: int) -> str:
    """The recommend answer as QuestionPro writes it: labelled at the ends only."""
    return {10: "10 - Äußerst wahrscheinlich", 0: "0 - Überhaupt nicht wahrscheinlich"}.get(
        s, str(s)
    )


def sat_cell(s: int) -> str:
    """The 1-5 satisfaction answer, labelled at the ends only."""
    return {5: "5 - Sehr zufrieden", 1: "1 - Sehr unzufrieden"}.get(s, str(s))


def main(out: Path) -> None:
    """Write the export and its truth."""
    rng = np.random.default_rng(30002)
    n = 2600
    start, end = datetime(2026, 1, 1), datetime(2026, 12, 1)
    span = (end - start).total_seconds()
    times = sorted(start + timedelta(seconds=float(x)) for x in rng.uniform(0, span, n))
    keys = list(BRANCHES)
    p = np.array(list(BRANCHES.values()))
    header = ["Antwort-ID", "Status", "Zeitstempel (TT.MM.JJJJ)", "Dauer (Sekunden)", "Filiale",
              NPS_Q, SAT_Q, "Welche Leistung haben Sie in Anspruch genommen?",
              "Was ist der wichtigste Grund für Ihre Bewertung?",
              "Dürfen wir Sie zu Ihrem Feedback kontaktieren?", "E-Mail", "Telefon",
              "Gewichtung"]  # fmt: skip
    rows, truth = [], []
    for i, t in enumerate(times):
        br = keys[rng.choice(len(keys), p=p / p.sum())]
        base = {"Köln-Süd": 6.0, "Gießen": 8.3, "Straßburger Straße Berlin": 6.6}.get(br, 7.4)
        s = int(np.clip(np.round(rng.normal(base, 2.5)), 0, 10))
        partial = rng.random() < 0.06
        cell, score = score_cell(s), s
        if partial and rng.random() < 0.5:
            cell, score = "", None
        elif rng.random() < 0.015:
            cell, score = "", None
        w = float(rng.choice([0.8, 0.85, 1.0, 1.0, 1.25, 1.5]))
        consent = "Ja" if rng.random() < 0.4 else "Nein"
        src = NEG if s <= 6 else POS if s >= 9 else MID
        tel = (
            f"+49 {rng.integers(30, 999)} {rng.integers(100000, 9999999)}"
            if rng.random() < 0.5
            else f"0{rng.integers(30, 999)} {rng.integers(100000, 9999999)}"
        )
        rows.append(
            [
                str(48213000 + i * 7),
                "Unvollständig" if partial else "Abgeschlossen",
                t.strftime("%d.%m.%Y %H:%M"),
                f"{rng.uniform(40, 400):.1f}".replace(".", ","),
                br,
                cell,
                sat_cell(int(np.clip(round(s / 2.5) + 1, 1, 5))) if not partial else "",
                SERVICE[int(rng.integers(len(SERVICE)))],
                src[rng.integers(len(src))] if rng.random() < 0.65 and not partial else "",
                consent if not partial else "",
                f"kunde{i}@beispiel.de" if consent == "Ja" and not partial else "",
                tel if consent == "Ja" and not partial else "",
                f"{w:.2f}".replace(".", ","),
            ]
        )
        truth.append({"row": i + 2, "unit": br, "month": t.strftime("%Y-%m"), "score": score,
                      "weight": w, "time": t.isoformat()})  # fmt: skip
    rows.append(["Gesamt", "", "", "", "", "", "", "", "", "", "", "", ""])
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="cp1252", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\r\n")
        w.writerow(header)
        w.writerows(rows)
    tdf = pd.DataFrame(truth)
    tdf.to_csv(out.with_name(out.stem + "_truth.csv"), index=False)
    # the same export cut to 1-12 October: every day under 13
    cut = out.with_name(out.stem + "_oct1-12.csv")
    keep = [r for r in rows[:-1] if r[2][3:10] == "10.2026" and int(r[2][:2]) <= 12]
    with cut.open("w", encoding="cp1252", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\r\n")
        w.writerow(header)
        w.writerows(keep)
    print(f"wrote {out} ({len(rows)} rows) and {cut} ({len(keep)} rows)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/qa30/werkstatt_questionpro.csv"))
