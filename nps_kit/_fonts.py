"""The font stacks of the reports and the e-mails, by language (one home for both).

Japanese pages name the Japanese UI fonts first, so that kana and kanji never fall to a
font without them. An English page names the system UI fonts first and keeps the Japanese ones
after them as a fallback for names written in Japanese (QA22: US readers' e-mails and reports
listed 'Hiragino Sans' and Meiryo first, so Windows Outlook showed English in Meiryo).
"""

from __future__ import annotations

from typing import Final

from nps_kit.i18n import Language

__all__ = ["MAIL_FONTS", "REPORT_FONTS"]

#: ``font-family`` of the e-mails (inlined; mail clients know few fonts: Outlook on Windows
#: needs a font it has first, Segoe UI for English, Meiryo for Japanese).
MAIL_FONTS: Final[dict[Language, str]] = {
    "ja": "'Hiragino Sans', Meiryo, 'Segoe UI', Arial, sans-serif",
    "en": "'Segoe UI', 'Helvetica Neue', Arial, 'Hiragino Sans', Meiryo, sans-serif",
}

_EMOJI: Final = '"Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"'
_CJK: Final = '"Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans CJK JP", "Noto Sans JP"'

#: ``--font`` of the reports' and overview's stylesheet (``report.css`` holds the same
#: stacks, for ``:root`` and ``:root:lang(en)``; a test checks that they agree).
REPORT_FONTS: Final[dict[Language, str]] = {
    "ja": f'{_CJK}, "Yu Gothic", Meiryo, system-ui, -apple-system, "Segoe UI", Roboto, '
    f"sans-serif, {_EMOJI}",
    # The platforms' UI fonts by name, not system-ui: on Linux that is often DejaVu Sans, whose
    # width pushed the 1280 px follow-up table past its card where Arial's (Liberation) fits.
    "en": f'-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, '
    f'{_CJK}, "Yu Gothic", Meiryo, system-ui, sans-serif, {_EMOJI}',
}
