"""QA34 fixture: a Japanese language school's Google Forms answers, downloaded as CSV.

Writes ``/tmp/qa34/school_gforms.csv`` (or the path given as the first argument) and a
``*_truth.csv`` beside it (row, classroom, month, score as it should count, the JST time).

Shape: **UTF-8 with BOM**, ``,``, CRLF (Sheets' download); ``タイムスタンプ`` as Japanese Google
Forms writes it, ``2026/11/03 9:05:33 午前 GMT+9`` (12-hour clock, 午前/午後, ``12:10:00 午前`` is
ten past midnight, ``12:30:00 午後`` half past noon; answers in the last and first minutes of a
month); **no id and no consent column**; ``教室`` (4 classrooms, the units);
``受講コース``; the linear-scale NPS question ``当スクールを友人や同僚にすすめる可能性は？`` (0–10,
3 % blank: an optional question); ``講師の満足度`` linear scale 1–5; comments in Japanese, English
and both at once (students write in either); 520 answers in October and November 2026.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

NPS_Q = "当スクールを友人や同僚にすすめる可能性は？"
UNIT_Q = "教室"
DATE_Q = "タイムスタンプ"
COMMENT_Q = "ご意見・ご感想（日本語・英語どちらでも）"
# Mean score per classroom in October and November: 渋谷 falls, 梅田 rises (a real change).
ROOMS = {
    "渋谷校": (8.2, 6.6),
    "梅田校": (6.4, 8.0),
    "名古屋校": (7.4, 7.3),
    "オンライン校": (7.0, 7.1),
}
COURSES = ("英会話", "TOEIC対策", "ビジネス英語", "キッズ英語")
NEG = (
    "講師がよく変わるので、レッスンの継続性がない。",
    "The booking system is confusing and lessons get cancelled last minute.",
    "授業料が高い割に、グループレッスンの人数が多すぎる。",
    "Teacher was late twice this month. 振替もできなかった。",
    "教室が狭くてエアコンが効いていない。",
)
POS = (
    "先生がとても丁寧で、発音を細かく直してくれます。",
    "Great teachers, I finally feel confident speaking English!",
    "Lessons are fun and 予約もアプリで簡単です。",
    "スタッフの方が親切で、振替の相談にもすぐ対応してくれた。",
)
MID = ("", "", "特になし", "Nothing special.", "普通です。", "")


def written(when: datetime) -> str:
    """The time as Japanese Google Forms writes it: 12-hour clock, 午前/午後, ``GMT+9``."""
    half = "午前" if when.hour < 12 else "午後"
    hour = when.hour % 12 or 12
    return f"{when:%Y/%m/%d} {hour}:{when:%M:%S} {half} GMT+9"


def _times(rng: np.random.Generator, n: int) -> list[datetime]:
    start = datetime(2026, 10, 1)
    times = [start + timedelta(seconds=int(rng.integers(0, 61 * 86400))) for _ in range(n)]
    # The edges a 12-hour clock and a zone make hard: midnight and noon, a month's turn.
    times[:8] = [
        datetime(2026, 10, 31, 23, 50, 12), datetime(2026, 10, 31, 23, 59, 59),
        datetime(2026, 11, 1, 0, 0, 1), datetime(2026, 11, 1, 0, 10, 0),
        datetime(2026, 11, 1, 8, 30, 0), datetime(2026, 11, 3, 12, 30, 0),
        datetime(2026, 11, 30, 23, 45, 0), datetime(2026, 10, 1, 0, 5, 0),
    ]  # fmt: skip
    return sorted(times)


def main(out: Path = Path("/tmp/qa34/school_gforms.csv")) -> None:
    rng = np.random.default_rng(3401)
    out.parent.mkdir(parents=True, exist_ok=True)
    rows, truth = [], []
    for i, when in enumerate(_times(rng, 520)):
        room = list(ROOMS)[rng.integers(len(ROOMS))]
        mean = ROOMS[room][when.month == 11]
        s = int(np.clip(round(rng.normal(mean, 2.2)), 0, 10))
        score = None if rng.random() < 0.03 else s
        rows.append(
            {
                DATE_Q: written(when),
                UNIT_Q: room,
                "受講コース": COURSES[rng.integers(len(COURSES))],
                NPS_Q: "" if score is None else str(score),
                "講師の満足度": str(int(np.clip(round(s / 2.2) + rng.integers(-1, 2), 1, 5))),
                COMMENT_Q: str(rng.choice(NEG if s <= 6 else POS if s >= 9 else MID)),
            }
        )
        truth.append(
            {
                "row": i + 2,
                "unit": room,
                "month": f"{when:%Y-%m}",
                "score": score,
                "when": f"{when:%Y-%m-%d %H:%M:%S}",
            }
        )
    text = pd.DataFrame(rows).to_csv(index=False, lineterminator="\r\n")
    out.write_bytes(text.encode("utf-8-sig"))
    t = pd.DataFrame(truth)
    t["score"] = t["score"].astype("Int64")
    t.to_csv(out.with_name(out.stem + "_truth.csv"), index=False)


if __name__ == "__main__":
    main(*(Path(a) for a in sys.argv[1:2]))
