"""Theme packs: themes and playbook for one kind of business, shipped inside the package.

A pack is a themes file plus a playbook file (``nps_kit/resources/packs/<pack>/``; the
``retail`` pack is today's default files ``nps_kit/resources/themes.yaml`` and
``playbook.yaml``, theme ids unchanged). A unit chooses its pack with ``themes: <pack>`` in its
parameters; a path to a custom themes YAML file works as before.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from nps_kit.errors import ConfigError, closest
from nps_kit.text.themes import ThemeBook, load_themes

__all__ = ["PACKS", "load_pack", "pack_files"]

#: The shipped packs (see TAXONOMY in the README): retail & e-commerce, software/SaaS,
#: banking & insurance, any other service.
PACKS: tuple[str, ...] = ("retail", "saas", "finance", "generic")


def pack_files(pack: str) -> tuple[Path, Path]:
    """Return the themes file and the playbook file of a shipped pack.

    Parameters
    ----------
    pack
        One of :data:`PACKS`.

    Returns
    -------
    tuple of pathlib.Path
        ``(themes.yaml, playbook.yaml)``.

    Raises
    ------
    ConfigError
        If ``pack`` is not a shipped pack; the message lists them.
    """
    if pack not in PACKS:
        suggestion = closest(pack, list(PACKS))
        raise ConfigError(
            f"unknown theme pack {pack!r}; expected one of {', '.join(PACKS)} "
            "or the path of a themes YAML file.",
            hint=f"Did you mean {suggestion!r}?" if suggestion else None,
            key="themes",
        )
    root = Path(str(resources.files("nps_kit") / "resources"))
    if pack == "retail":
        return root / "themes.yaml", root / "playbook.yaml"
    return root / "packs" / pack / "themes.yaml", root / "packs" / pack / "playbook.yaml"


def load_pack(pack: str) -> ThemeBook:
    """Load the themes of a shipped pack.

    Parameters
    ----------
    pack
        One of :data:`PACKS`.

    Returns
    -------
    ThemeBook
        The pack's compiled themes.

    Raises
    ------
    ConfigError
        If ``pack`` is not a shipped pack.
    """
    return load_themes(pack_files(pack)[0])
