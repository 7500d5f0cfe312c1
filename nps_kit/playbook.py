"""The playbook: which actions nps-kit may recommend, in Japanese and English (schema + loader).

``parameters/playbook.yaml`` (a copy ships as ``nps_kit/resources/playbook.yaml``) holds actions
per segment, per open-text theme and per rated attribute. :func:`load_playbook` reads and
validates it; :mod:`nps_kit.strategy` decides which actions a unit sees.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from nps_kit import _yaml
from nps_kit._schema_errors import Listed, load_yaml_model, problems_error
from nps_kit.errors import ConfigError, closest
from nps_kit.i18n import Language, t
from nps_kit.themes import DEFAULT_THEME_IDS

__all__ = [
    "Action",
    "DriverActions",
    "GeneralActions",
    "Playbook",
    "Segment",
    "SegmentActions",
    "load_playbook",
]

Segment = Literal["promoter", "passive", "detractor"]


# --- playbook schema -------------------------------------------------------------------------


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Action(_Model):
    """One action in both report languages."""

    ja: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def text(self, lang: Language) -> str:
        """Return the action in ``lang``."""
        return self.ja if lang == "ja" else self.en


class SegmentActions(_Model):
    """Actions for a theme, per segment (each optional)."""

    promoter: tuple[Action, ...] = ()
    passive: tuple[Action, ...] = ()
    detractor: tuple[Action, ...] = ()


class GeneralActions(_Model):
    """Default actions per segment (at least one each)."""

    promoter: tuple[Action, ...] = Field(min_length=1)
    passive: tuple[Action, ...] = Field(min_length=1)
    detractor: tuple[Action, ...] = Field(min_length=1)


class DriverActions(_Model):
    """Actions for a rated attribute, and the extra column names that map to it."""

    columns: tuple[str, ...] = ()
    actions: tuple[Action, ...] = Field(min_length=1)


class Playbook(_Model):
    """A validated playbook (see the comments at the top of ``parameters/playbook.yaml``)."""

    version: Literal[1]
    general: GeneralActions
    # Keys are theme ids; load_playbook checks them against the theme dictionaries in use, so
    # a theme added to themes.yaml can have actions too.
    themes: dict[str, SegmentActions] = Field(default_factory=dict)
    drivers: dict[str, DriverActions] = Field(default_factory=dict)

    def theme_actions(self, theme: str, segment: Segment) -> tuple[Action, ...]:
        """Return the actions for ``theme`` and ``segment``; empty for unknown themes."""
        entry = self.themes.get(theme)
        if entry is None:
            return ()
        actions: tuple[Action, ...] = getattr(entry, segment)
        return actions

    def driver_for(self, column: str) -> str | None:
        """Return the driver id for a rating column (``rating_delivery`` → ``delivery``)."""
        name = column.strip().casefold()
        for driver, entry in self.drivers.items():
            if name in (c.casefold() for c in entry.columns):
                return driver
        stem = re.sub(r"^(rating|rate)[\s_-]*|[\s_-]*(rating)$", "", name)
        return stem if stem in self.drivers else None


def load_playbook(
    path: str | Path | None = None,
    *,
    themes: Iterable[str] | None = None,
    pack: str | None = None,
    lang: Language = "en",
) -> Playbook:
    """Read and validate a playbook.

    Parameters
    ----------
    path
        A playbook YAML file; ``None`` reads the playbook shipped with ``pack``.
    themes
        Theme ids the playbook may name (those of the theme dictionaries in use); the default
        dictionaries' ids when ``None``.
    pack
        Without ``path``: the theme pack in use (:attr:`nps_kit.text.themes.ThemeBook.pack`),
        whose own playbook is read, so that a saas unit without a playbook of its own gets
        software actions, not the retail ones (QA22: carriers and "search, compare, buy").
        ``None`` reads the retail playbook shipped as ``nps_kit/resources/playbook.yaml``.
    lang
        The language the file's problems are said in: the unit's (a Japanese project's
        playbook: ``ja``, FIX93). The playbook itself does not depend on it.

    Returns
    -------
    Playbook
        The validated playbook.

    Raises
    ------
    ConfigError
        If the file is missing, is not valid YAML, or breaks the schema; the message names the
        file and the dotted key, and for an unknown key suggests the closest valid one.
    """
    if path is None and pack is not None and pack != "retail":
        from nps_kit.text.packs import pack_files

        path = pack_files(pack)[1]
    if path is None:
        source = resources.files("nps_kit") / "resources" / "playbook.yaml"
        shown = Path("nps_kit/resources/playbook.yaml")
        text = source.read_text(encoding="utf-8")
    else:
        shown = Path(path)
        if not shown.is_file():
            raise ConfigError(
                t("playbook.file_not_found", lang, file=shown),
                hint=t("playbook.file_not_found_hint", lang),
                path=shown,
            )
        # UTF-8, or a message naming the file
        text = _yaml.read_text(shown, shown=str(shown), lang=lang)
    playbook = load_yaml_model(shown, Playbook, text=text, lang=lang)
    allowed = list(DEFAULT_THEME_IDS if themes is None else themes)
    for theme in playbook.themes:
        if theme not in allowed:
            suggestion = closest(theme, allowed)
            hint = t("schema.did_you_mean", lang, suggestion=suggestion) if suggestion else None
            found, ids = Listed([theme]).words(lang), Listed(allowed, quote=str).words(lang)
            problem = t("playbook.unknown_theme", lang, found=found, ids=ids)
            raise problems_error(shown, [(f"themes.{theme}", problem, hint)], lang=lang)
    return playbook
