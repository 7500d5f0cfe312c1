"""Sub-commands of ``nps-kit``; each module exposes ``register(subparsers)``."""

from __future__ import annotations

from types import ModuleType

from nps_kit.commands import demo, score, send

COMMANDS: list[ModuleType] = [score, demo, send]
