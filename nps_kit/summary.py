"""The run summary: a unit's key numbers, from the notebook to the manifest, overview and e-mail.

The notebook builds a :class:`UnitSummary` (:func:`nps_kit.sections.summary`) and publishes its
JSON (:func:`nps_kit.report.publish_summary`); the runner reads it back from the executed
notebook and writes it under ``units[].summary`` in ``manifest.json``; the overview and
``nps-kit send`` read it from there. Every reader goes through :meth:`UnitSummary.from_json`, so a
key is named in one place. The JSON shape is documented in ``docs/architecture.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = [
    "Action",
    "Change",
    "Control",
    "Excluded",
    "Theme",
    "TrendPoint",
    "UnitSummary",
    "as_summary",
]


def _float(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if value == value else None


def _int(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        return None
    return int(value)


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _records(value: object) -> list[Mapping[str, Any]]:
    # A hand-edited manifest may hold anything: keep the rows that are objects.
    if not isinstance(value, list | tuple):
        return []
    return [r for r in value if isinstance(r, Mapping)]


@dataclass(frozen=True)
class Change:
    """The change against the first comparison period (``vs``), with its interval and verdict."""

    vs: str | None
    kind: str | None
    diff: float | None
    ci_low: float | None
    ci_high: float | None
    p_value: float | None
    verdict: str | None
    level: float | None = None
    nps: float | None = None

    def to_json(self) -> dict[str, Any]:
        """Return the manifest's ``change`` object."""
        return {
            "vs": self.vs,
            "kind": self.kind,
            "diff": self.diff,
            "ci_low": self.ci_low,
            "ci_high": self.ci_high,
            "p_value": self.p_value,
            "verdict": self.verdict,
            "level": self.level,
            "nps": self.nps,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Change:
        """Read a manifest ``change`` object (missing keys become ``None``)."""
        return cls(
            vs=_text(data.get("vs")),
            kind=_text(data.get("kind")),
            diff=_float(data.get("diff")),
            ci_low=_float(data.get("ci_low")),
            ci_high=_float(data.get("ci_high")),
            p_value=_float(data.get("p_value")),
            verdict=_text(data.get("verdict")),
            level=_float(data.get("level")),
            nps=_float(data.get("nps")),
        )


@dataclass(frozen=True)
class TrendPoint:
    """One month of the trend: NPS (``None`` when hidden), interval and responses."""

    period: str
    nps: float | None
    n: int | None
    ci_low: float | None = None
    ci_high: float | None = None
    small_sample: bool = False
    control_low: float | None = None
    control_high: float | None = None
    out_of_control: str | None = None

    def to_json(self) -> dict[str, Any]:
        """One row of the manifest's ``trend`` list."""
        return {
            "period": self.period,
            "nps": self.nps,
            "ci_low": self.ci_low,
            "ci_high": self.ci_high,
            "n": self.n,
            "small_sample": self.small_sample,
            "control_low": self.control_low,
            "control_high": self.control_high,
            "out_of_control": self.out_of_control,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> TrendPoint:
        """Read one ``trend`` row."""
        return cls(
            period=str(data.get("period", "")),
            nps=_float(data.get("nps")),
            n=_int(data.get("n")),
            ci_low=_float(data.get("ci_low")),
            ci_high=_float(data.get("ci_high")),
            small_sample=bool(data.get("small_sample", False)),
            control_low=_float(data.get("control_low")),
            control_high=_float(data.get("control_high")),
            out_of_control=_text(data.get("out_of_control")),
        )


@dataclass(frozen=True)
class Control:
    """The reporting month against the unit's own control limits (p-chart, trailing 12 months).

    ``outside`` is ``"above"``, ``"below"`` or ``None`` (inside, or not enough history).
    """

    period: str | None
    centre: float | None
    low: float | None
    high: float | None
    outside: str | None

    def to_json(self) -> dict[str, Any]:
        """Return the manifest's ``control`` object."""
        return {
            "period": self.period,
            "centre": self.centre,
            "low": self.low,
            "high": self.high,
            "outside": self.outside,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Control:
        """Read a manifest ``control`` object."""
        return cls(
            period=_text(data.get("period")),
            centre=_float(data.get("centre")),
            low=_float(data.get("low")),
            high=_float(data.get("high")),
            outside=_text(data.get("outside")),
        )


@dataclass(frozen=True)
class Theme:
    """A top theme of the period's comments: id, label, share of comments, NPS gain."""

    theme: str
    label: str
    share: float | None
    nps_gain: float | None
    detractors: int | None = None

    def to_json(self) -> dict[str, Any]:
        """One row of the manifest's ``top_themes`` list."""
        return {
            "theme": self.theme,
            "label": self.label,
            "share": self.share,
            "nps_gain": self.nps_gain,
            "detractors": self.detractors,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Theme:
        """Read one ``top_themes`` row; the label falls back to the theme id."""
        theme = str(data.get("theme") or "")
        return cls(
            theme=theme,
            label=str(data.get("label") or theme),
            share=_float(data.get("share")),
            nps_gain=_float(data.get("nps_gain")),
            detractors=_int(data.get("detractors")),
        )


@dataclass(frozen=True)
class Action:
    """A recommended action for a segment, with the evidence behind it."""

    segment: str
    text: str
    evidence: str

    def to_json(self) -> dict[str, Any]:
        """One row of the manifest's ``actions`` list."""
        return {"segment": self.segment, "text": self.text, "evidence": self.evidence}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Action:
        """Read one ``actions`` row."""
        return cls(
            segment=str(data.get("segment") or ""),
            text=str(data.get("text") or ""),
            evidence=str(data.get("evidence") or ""),
        )


@dataclass(frozen=True)
class Excluded:
    """Responses of the period left out of the NPS: score missing or invalid."""

    missing: int
    invalid: int

    def to_json(self) -> dict[str, Any]:
        """Return the manifest's ``excluded`` object."""
        return {"missing": self.missing, "invalid": self.invalid}


@dataclass(frozen=True)
class UnitSummary:
    """A unit's key numbers for the manifest, the overview and the e-mail.

    Every field may be ``None`` (or empty) in a summary read from an older or hand-edited
    manifest; readers show a dash for what is missing.
    """

    period: str | None = None
    n: int | None = None
    nps: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    pct_promoters: float | None = None
    pct_passives: float | None = None
    pct_detractors: float | None = None
    small_sample: bool = False
    target: float | None = None
    target_status: str | None = None
    change: Change | None = None
    changes: tuple[Change, ...] = ()
    contributors: tuple[Mapping[str, Any], ...] = ()
    trend: tuple[TrendPoint, ...] = ()
    control: Control | None = None
    top_themes: tuple[Theme, ...] = ()
    actions: tuple[Action, ...] = ()
    detractors_to_contact: int | None = None
    consent_known: bool | None = None
    excluded: Excluded | None = None

    def share(self, segment: str) -> float | None:
        """Return the share in percent of ``"promoters"``, ``"passives"`` or ``"detractors"``."""
        shares = {
            "promoters": self.pct_promoters,
            "passives": self.pct_passives,
            "detractors": self.pct_detractors,
        }
        return shares[segment]

    def to_json(self) -> dict[str, Any]:
        """Return the manifest's ``summary`` object (plain JSON types, key order as documented)."""
        return {
            "period": self.period,
            "n": self.n,
            "nps": self.nps,
            "ci_low": self.ci_low,
            "ci_high": self.ci_high,
            "pct_promoters": self.pct_promoters,
            "pct_passives": self.pct_passives,
            "pct_detractors": self.pct_detractors,
            "small_sample": self.small_sample,
            "target": self.target,
            "target_status": self.target_status,
            "change": None if self.change is None else self.change.to_json(),
            "changes": [c.to_json() for c in self.changes],
            "contributors": [dict(c) for c in self.contributors],
            "trend": [t.to_json() for t in self.trend],
            "control": None if self.control is None else self.control.to_json(),
            "top_themes": [t.to_json() for t in self.top_themes],
            "actions": [a.to_json() for a in self.actions],
            "detractors_to_contact": self.detractors_to_contact,
            "consent_known": self.consent_known,
            "excluded": None if self.excluded is None else self.excluded.to_json(),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> UnitSummary:
        """Read a manifest ``summary`` object; missing or malformed values become ``None``.

        Parameters
        ----------
        data
            The JSON object (as written by :meth:`to_json`, or by an older nps-kit).

        Returns
        -------
        UnitSummary
            The summary; list rows that are not objects are skipped.
        """
        change = data.get("change")
        control = data.get("control")
        excluded = data.get("excluded")
        return cls(
            period=_text(data.get("period")),
            n=_int(data.get("n")),
            nps=_float(data.get("nps")),
            ci_low=_float(data.get("ci_low")),
            ci_high=_float(data.get("ci_high")),
            pct_promoters=_float(data.get("pct_promoters")),
            pct_passives=_float(data.get("pct_passives")),
            pct_detractors=_float(data.get("pct_detractors")),
            small_sample=bool(data.get("small_sample", False)),
            target=_float(data.get("target")),
            target_status=_text(data.get("target_status")),
            change=Change.from_json(change) if isinstance(change, Mapping) else None,
            changes=tuple(Change.from_json(c) for c in _records(data.get("changes"))),
            contributors=tuple(dict(c) for c in _records(data.get("contributors"))),
            trend=tuple(
                TrendPoint.from_json(r) for r in _records(data.get("trend")) if "period" in r
            ),
            control=Control.from_json(control) if isinstance(control, Mapping) else None,
            top_themes=tuple(Theme.from_json(r) for r in _records(data.get("top_themes"))),
            actions=tuple(Action.from_json(r) for r in _records(data.get("actions"))),
            detractors_to_contact=_int(data.get("detractors_to_contact")),
            consent_known=(
                data["consent_known"] if isinstance(data.get("consent_known"), bool) else None
            ),
            excluded=(
                Excluded(
                    missing=_int(excluded.get("missing")) or 0,
                    invalid=_int(excluded.get("invalid")) or 0,
                )
                if isinstance(excluded, Mapping)
                else None
            ),
        )


def as_summary(value: UnitSummary | Mapping[str, Any] | None) -> UnitSummary | None:
    """Return ``value`` as a :class:`UnitSummary`, reading its manifest JSON when it is a mapping.

    Parameters
    ----------
    value
        A summary, its JSON object (``manifest.json``'s ``units[].summary``), or ``None``.

    Returns
    -------
    UnitSummary or None
        ``None`` only for ``None``.
    """
    if value is None or isinstance(value, UnitSummary):
        return value
    return UnitSummary.from_json(value)
