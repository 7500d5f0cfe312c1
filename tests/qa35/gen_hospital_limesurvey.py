"""QA35 fixture: a German/English hospital group's LimeSurvey export, CSV with question codes.

Writes ``/tmp/qa35/hospital_limesurvey.csv`` (or the path given as the first argument) and a
``*_truth.csv`` beside it (id, ward, month, score as it should count, complete, consent).

Shape: UTF-8, ``,``, every field quoted, LF (LimeSurvey's "CSV" with "Question code" headings
and "Answer codes" for the NPS question only, as one gets when an admin picks codes for a
single-choice list): ``id`` 1…, ``submitdate`` (**empty for an incomplete response**),
``lastpage``, ``startlanguage`` (de/en), ``seed``, ``startdate`` and ``datestamp``
``2026-11-03 09:05:33``; ``NPS`` answered as **codes A1…A11 (meaning 0…10)**, the code map in
the file nowhere; ``Station`` (4 wards, the units, full answers); ``Q2[SQ001]``,
``Q2[SQ002]`` ratings 1–5; ``Q3`` comments in German and English; ``Q4`` consent ``Ja``/``Nein``
(``Yes``/``No`` for English respondents); ``Q5`` e-mail. 12 % incomplete (``submitdate``
empty; a third of them before the NPS question). 520 responses, October and November 2026;
``Station 4A Kardiologie`` falling, ``Station 2B Chirurgie`` rising. ``full_answers`` writes
the export a user gets by downloading it again with 'Full answers' (the scores 0 … 10).
"""

from __future__ import annotations

import csv
import sys
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

NPS_Q = "NPS"
UNIT_Q = "Station"
DATE_Q = "submitdate"
WARDS = {
    "Station 4A Kardiologie": (8.2, 6.5),
    "Station 2B Chirurgie": (6.2, 8.0),
    "Station 1C Geburtshilfe": (8.0, 8.1),
    "Notaufnahme / ER": (6.0, 6.1),
}
NEG = (
    "Die Wartezeit in der Notaufnahme war viel zu lang, über 5 Stunden.",
    "Das Essen war kalt und das Zimmer nicht sauber.",
    "Nobody explained my medication and the discharge took all day.",
    "Pflegepersonal war überlastet, auf die Klingel hat niemand reagiert.",
    "The nurses were rude and the room was noisy at night.",
)
POS = (
    "Sehr freundliches Pflegepersonal und kompetente Ärzte.",
    "The doctors took their time to explain everything. Thank you!",
    "Alles bestens, ich habe mich gut aufgehoben gefühlt.",
)
MID = ("", "", "Passt.", "OK", "")
HEAD = ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp",
        "NPS", "Station", "Q2[SQ001]", "Q2[SQ002]", "Q3", "Q4", "Q5"]  # fmt: skip


def full_answers(path: Path, out: Path) -> Path:
    """The same responses exported again with 'Full answers': the list's answers 0 … 10."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    code = frame["NPS"].str.extract(r"^A(\d+)$")[0]
    frame["NPS"] = code.map(lambda c: "" if pd.isna(c) else str(int(c) - 1))
    frame.to_csv(out, index=False, quoting=csv.QUOTE_ALL, lineterminator="\n")
    return out


#: LimeSurvey's headings for "Export questions as: Question code & question text" (FIX88):
#: its own fields by their names, each question by its code and text, a sub-question's text
#: in brackets after its question's.
TEXTS = {
    "id": "Response ID",
    "submitdate": "Date submitted",
    "lastpage": "Last page",
    "startlanguage": "Start language",
    "seed": "Seed",
    "startdate": "Date started",
    "datestamp": "Date last action",
    "NPS": "NPS. How likely are you to recommend our hospital to friends or family?",
    "Station": "Station. Which ward were you treated on?",
    "Q2[SQ001]": "Q2[SQ001]. How satisfied were you with the following? [Nursing care]",
    "Q2[SQ002]": "Q2[SQ002]. How satisfied were you with the following? [Food]",
    "Q3": "Q3. What could we do better?",
    "Q4": "Q4. Consent: may we contact you about your answers?",
    "Q5": "Q5. Your e-mail address",
}


def with_texts(path: Path, out: Path) -> Path:
    """The 'Full answers' export headed by question code and text (:data:`TEXTS`)."""
    frame = pd.read_csv(full_answers(path, out), dtype=str, keep_default_na=False)
    frame = frame.rename(columns=TEXTS)
    frame.to_csv(out, index=False, quoting=csv.QUOTE_ALL, lineterminator="\n")
    return out


def main(out: Path = Path("/tmp/qa35/hospital_limesurvey.csv")) -> None:
    rng = np.random.default_rng(3502)
    out.parent.mkdir(parents=True, exist_ok=True)
    rows, truth = [], []
    for i in range(520):
        ward = list(WARDS)[int(rng.integers(len(WARDS)))]
        start = datetime(2026, 10, 1) + timedelta(seconds=int(rng.integers(0, 61 * 86400)))
        done = start + timedelta(seconds=int(rng.integers(90, 900)))
        mean = WARDS[ward][start.month - 10]
        s = int(np.clip(round(rng.normal(mean, 2.2)), 0, 10))
        complete = rng.random() >= 0.12
        answered = complete or rng.random() < 0.67
        score = s if answered and rng.random() >= 0.02 else None
        lang = "en" if rng.random() < 0.3 else "de"
        yes, no = ("Yes", "No") if lang == "en" else ("Ja", "Nein")
        consent = (yes if rng.random() < 0.5 else no) if complete else ""
        comment = str(rng.choice(NEG if s <= 6 else POS if s >= 9 else MID)) if complete else ""
        rows.append(
            [str(i + 1), f"{done:%Y-%m-%d %H:%M:%S}" if complete else "",
             "3" if complete else ("2" if answered else "1"), lang,
             str(int(rng.integers(10**8, 10**9))), f"{start:%Y-%m-%d %H:%M:%S}",
             f"{done:%Y-%m-%d %H:%M:%S}", "" if score is None else f"A{score + 1}", ward,
             str(int(np.clip(round(s / 2.2) + rng.integers(-1, 2), 1, 5))) if answered else "",
             str(int(np.clip(round(s / 2.5) + rng.integers(-1, 2), 1, 5))) if answered else "",
             comment, consent, f"patient{i}@example.de" if consent in ("Ja", "Yes") else ""]
        )  # fmt: skip
        truth.append(
            {"id": i + 1, "unit": ward, "month": f"{start:%Y-%m}", "score": score,
             "complete": complete, "consent": consent in ("Ja", "Yes")}
        )  # fmt: skip
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\n")
        w.writerow(HEAD)
        w.writerows(rows)
    t = pd.DataFrame(truth)
    t["score"] = t["score"].astype("Int64")
    t.to_csv(out.with_name(out.stem + "_truth.csv"), index=False)


if __name__ == "__main__":
    main(*(Path(a) for a in sys.argv[1:2]))
