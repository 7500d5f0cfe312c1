"""The lines of :meth:`LoadReport.summary`.

What was read (format, encoding, delimiter, sheet, survey tool), the score counts and the date
range, in English or Japanese.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from nps_kit import _formats

if TYPE_CHECKING:
    from nps_kit.load._report import LoadReport

_SOURCE_NAMES: Final = {
    "generic": None,
    "qualtrics": "Qualtrics",
    "surveymonkey": "SurveyMonkey",
    "google_forms": "Google Forms",
}


_DELIMITER_JA: Final = {
    "comma": "カンマ区切り",
    "tab": "タブ区切り",
    "semicolon": "セミコロン区切り",
    "pipe": "パイプ（|）区切り",
}


def _count(n: int, lang: str) -> str:
    return f"{n:,} 件" if lang == "ja" else f"{n:,}"


def _summary_lines(report: LoadReport, lang: str) -> list[str]:
    delimiter = _formats.delimiter_name(report.delimiter)
    tool = _SOURCE_NAMES[report.source]
    details: list[str] = [report.format.upper()]
    if lang == "ja":
        details += [x for x in (report.encoding, _DELIMITER_JA.get(delimiter or "")) if x]
        if report.sheet is not None:
            details.append(f"シート「{report.sheet}」")
        if tool:
            details.append(f"{tool} 形式")
        if report.preview_rows_dropped:
            details.append(f"プレビュー・テスト回答 {report.preview_rows_dropped:,} 件を除外")
        if report.excluded_rows:
            details.append(f"除外の指定（exclude）に当たる {report.excluded_rows:,} 行を除外")
        lines = [
            f"{report.path.name} から {report.rows_read:,} 行を読み込みました"
            f"（{'、'.join(details)}）。",
            f"スコア: 有効 {_count(report.n_valid, lang)}、無回答 {_count(report.n_missing, lang)}"
            f"、無効 {_count(report.n_invalid, lang)}。",
        ]
        if report.date_column is not None:
            span = (
                f"{report.date_min:%Y-%m-%d} 〜 {report.date_max:%Y-%m-%d}"
                if report.date_min is not None and report.date_max is not None
                else "読み取れる日付なし"
            )
            extra = (
                f"（読み取れない日付 {report.dates_unparsed:,} 件）"
                if report.dates_unparsed
                else ""
            )
            lines.append(f"日付（{report.date_column}）: {span}{extra}。")
        return lines
    details += [x for x in (report.encoding, delimiter and f"{delimiter}-separated") if x]
    if report.sheet is not None:
        details.append(f"sheet {report.sheet!r}")
    if tool:
        details.append(f"{tool} export")
    if report.preview_rows_dropped:
        details.append(f"{report.preview_rows_dropped:,} preview or test responses dropped")
    if report.excluded_rows:
        details.append(f"{report.excluded_rows:,} rows left out as asked (exclude)")
    lines = [
        f"Read {report.rows_read:,} rows from {report.path.name} ({', '.join(details)}).",
        f"Scores: {report.n_valid:,} valid, {report.n_missing:,} missing, "
        f"{report.n_invalid:,} invalid.",
    ]
    if report.date_column is not None:
        span = (
            f"{report.date_min:%Y-%m-%d} to {report.date_max:%Y-%m-%d}"
            if report.date_min is not None and report.date_max is not None
            else "no readable dates"
        )
        extra = f"; {report.dates_unparsed:,} could not be read" if report.dates_unparsed else ""
        lines.append(f"Dates ({report.date_column}): {span}{extra}.")
    return lines
