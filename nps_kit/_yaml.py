"""Read the YAML files a user writes (unit parameters, themes, playbook) safely.

One home for two rules every such file obeys: it must be UTF-8 (a file saved as Shift_JIS by a
Japanese editor gets a message saying so and how to fix it, not a ``UnicodeDecodeError``), and
anchors and aliases may not expand to a huge document (a "billion laughs" alias bomb would
otherwise take minutes and all memory in validation), and no mapping may write a key twice (YAML
readers keep the last value without a word: a unit file with two ``score:`` lines under
``columns:`` read the second, FIX91). Private helper of :mod:`nps_kit.params`,
:mod:`nps_kit.themes` and :mod:`nps_kit.strategy`.

Writing goes the other way: :func:`scalar` is the one rule for a value in the YAML that
``nps-kit init``, ``new-unit`` and ``alerts`` write for the user to read and edit.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from nps_kit._project_language import said_language
from nps_kit.errors import ConfigError
from nps_kit.i18n import Language, t

#: Most values (scalars, lists and mappings, counted with every alias expanded) a file may hold.
#: The shipped themes.yaml, the largest file, holds about 2,000.
MAX_VALUES = 100_000


def scalar(value: Any) -> str:
    """Return ``value`` written as a YAML scalar that reads back as ``value``.

    Plain where YAML reads it back unchanged as a block value (``key: value``) and inside a
    flow list or mapping (``[value]``, ``{key: value}``): ``店舗事業部``, ``München``,
    ``No.``, ``Kontakt erlaubt``. Double-quoted otherwise: ``"10"`` (a number unquoted),
    ``"yes"`` (a boolean), ``"Unnamed: 4"``, ``"a, b"``, ``"#1"``, a value with spaces at
    either end, control characters as escapes. ``None``, booleans and numbers are written as
    YAML reads them (``null``, ``true``, ``3``).

    Parameters
    ----------
    value
        A string, ``None``, a boolean or a finite number.

    Returns
    -------
    str
        The scalar, on one line: ``yaml.safe_load(f"key: {scalar(v)}")["key"] == v`` and
        ``yaml.safe_load(f"[{scalar(v)}]") == [v]``.
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError(f"no YAML scalar for {value!r}")
        return json.dumps(value)
    text = str(value)
    if _reads_plain(text):
        return text
    # PyYAML's emitter escapes what YAML cannot hold raw (U+0085, U+2028, C1 controls), which
    # json.dumps leaves as they are; an infinite width keeps the scalar on one line.
    written = yaml.safe_dump(
        text, default_style='"', allow_unicode=True, width=math.inf, explicit_end=False
    )
    return written.splitlines()[0]


def _reads_plain(text: str) -> bool:
    """Whether ``text`` unquoted reads back as itself in block and in flow context."""
    if not text or "#" in text or text != text.strip() or any(c in text for c in "\r\n\t"):
        return False
    try:
        return (
            yaml.safe_load(f"key: {text}") == {"key": text}
            and yaml.safe_load(f"[{text}]") == [text]
            and yaml.safe_load(f"{{key: {text}}}") == {"key": text}
        )
    except yaml.YAMLError:
        return False


def decode(data: bytes, *, shown: str, path: Path, lang: Language = "en") -> str:
    """Decode a YAML file's bytes as UTF-8 (a byte-order mark is dropped).

    Raises
    ------
    ConfigError
        When the bytes are not UTF-8, naming the file, the line of the first bad byte and, when
        the text reads as Shift_JIS, that encoding; the hint says how to re-save it. Said in
        ``lang`` (a Japanese project's file: ``ja``).
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        try:
            data.decode("cp932")
            found = t("yaml.not_utf8.cp932", lang)
        except UnicodeDecodeError:
            found = t("yaml.not_utf8.byte", lang, byte=f"{data[exc.start]:02X}")
        command = f"iconv -f cp932 -t utf-8 {path.name} > {path.stem}.utf8{path.suffix}"
        raise ConfigError(
            t("yaml.not_utf8", lang, file=shown, found=found, line=line),
            hint=t("yaml.not_utf8_hint", lang, command=command),
            path=path,
        ) from None


def read_text(path: Path, *, shown: str, lang: Language = "en") -> str:
    """Read a YAML file as UTF-8 text (see :func:`decode`); ``FileNotFoundError`` passes on."""
    return decode(Path(path).read_bytes(), shown=shown, path=Path(path), lang=lang)


def safe_load(text: str, *, shown: str, path: Path, lang: Language = "en") -> Any:
    """Parse YAML like :func:`yaml.safe_load`, refusing alias bombs and keys written twice.

    The document's node graph is measured before anything is built: each node counts its
    values with every alias expanded (shared nodes are measured once, so this is linear in the
    file's size). Ordinary anchors and aliases stay allowed, and so does a key that a merge
    (``<<: *base``) brings in and the mapping sets again: that is what a merge is for.

    Parameters
    ----------
    text
        The file's text.
    shown
        The file as messages name it.
    path
        The file.
    lang
        The language a key written twice is said in (``ja``: a Japanese project's file). A file
        whose own top level says a language (``ja``, ``jp``, ``日本語``, ``en``) is said in it
        whatever the caller knew.

    Raises
    ------
    DuplicateKeyError
        When a mapping writes a key twice, naming each such key and the lines of both.
    ConfigError
        When the expanded document holds more than :data:`MAX_VALUES` values or an alias refers
        to a node that contains it; the key is the top-level key that holds most values.
    yaml.YAMLError
        On a syntax error (callers word it with the line and column).
    """
    if _CLoader is not None:
        # libyaml parses several times faster (the shipped themes.yaml: 54 -> 7 ms, a report
        # reads it and its pack). A document it refuses is parsed again in Python, whose error
        # (line, column, problem) the callers word, as before.
        try:
            return _load(_CLoader(text), shown=shown, path=path, lang=lang)
        except yaml.YAMLError:
            pass
    return _load(yaml.SafeLoader(text), shown=shown, path=path, lang=lang)


@dataclass(frozen=True)
class Repeat:
    """A key written twice in one mapping: its dotted place and the two lines (1-based).

    ``columns``: the two keys' columns (1-based) when both are on one line (a flow mapping's
    ``{id: 1, id: 2}``); ``written``: the later key as written when it is written differently
    but read as the same key (``True`` after ``true``, ``0x1`` after ``1``).
    """

    key: str
    first: int
    second: int
    columns: tuple[int, int] | None = None
    written: str | None = None

    def said(self, lang: Language, *, file: str | None = None) -> str:
        """Word the repeat: the whole message with ``file``, else one line of a list."""
        written = (
            ""
            if self.written is None
            else t("yaml.duplicate_key_written", lang, written=self.written)
        )
        if self.columns is None:
            where = {"first": self.first, "second": self.second}
            one, line = "yaml.duplicate_key", "yaml.duplicate_key_line"
        else:
            where = {"line": self.first, "first": self.columns[0], "second": self.columns[1]}
            one, line = "yaml.duplicate_key_columns", "yaml.duplicate_key_line_columns"
        if file is None:
            return t(line, lang, name=self.key, as_written=written, **where)
        return t(one, lang, file=file, name=self.key, as_written=written, **where)


class DuplicateKeyError(ConfigError):
    """A YAML file writes a key twice in one mapping, which YAML reads as the last value only.

    Attributes
    ----------
    repeats
        Each key written twice, in the order of its second line.
    """

    def __init__(self, shown: str, repeats: list[Repeat], *, path: Path, lang: Language) -> None:
        self.repeats = tuple(repeats)
        one = repeats[0]
        if len(repeats) == 1:
            message = one.said(lang, file=shown)
        else:
            message = t("yaml.duplicate_keys", lang, file=shown, n=len(repeats)) + "".join(
                f"\n- {r.said(lang)}" for r in repeats
            )
        super().__init__(message, hint=t("yaml.duplicate_key_hint", lang), path=path, key=one.key)


#: libyaml's safe loader when PyYAML was built with it (its wheels are), else ``None``.
_CLoader: Any = getattr(yaml, "CSafeLoader", None) if yaml.__with_libyaml__ else None


def _load(loader: Any, *, shown: str, path: Path, lang: Language) -> Any:
    """Build the document of a loader (see :func:`safe_load`), measuring its size first."""
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        repeats: list[Repeat] = []
        _repeats(node, "", repeats, set())
        if repeats:
            said = _file_language(node, lang)
            repeats.sort(key=lambda r: (r.second, r.first))
            raise DuplicateKeyError(shown, repeats, path=path, lang=said)
        sizes: dict[int, int] = {}
        total = _size(node, sizes, set())
        if total > MAX_VALUES:
            key = _largest_key(node, sizes)
            where = f"{key}: " if key else ""
            raise ConfigError(
                f"{shown}: {where}anchors and aliases (&name, *name) expand to more than "
                f"{MAX_VALUES:,} values; nps-kit refuses such a file before validating it.",
                hint="Write the values out instead of nesting aliases of aliases.",
                path=path,
                key=key,
            )
        return loader.construct_document(node)
    finally:
        loader.dispose()


_MERGE_TAG = "tag:yaml.org,2002:merge"
_STR_TAG = "tag:yaml.org,2002:str"


def _repeats(node: Node, where: str, out: list[Repeat], seen: set[int]) -> None:
    """Append each key ``node``'s mappings write twice (shared nodes are walked once)."""
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, MappingNode):
        keys: dict[object, ScalarNode] = {}
        for name, value in node.value:
            label = str(name.value) if isinstance(name, ScalarNode) else "?"
            if isinstance(name, ScalarNode) and name.tag != _MERGE_TAG:
                key = _resolved(name)
                if key in keys:
                    out.append(_repeat(where, keys[key], name))
                else:
                    keys[key] = name
            _repeats(value, f"{where}.{label}" if where else label, out, seen)
    elif isinstance(node, SequenceNode):
        for k, child in enumerate(node.value):
            _repeats(child, f"{where}[{k}]", out, seen)


def _resolved(name: ScalarNode) -> object:
    """Return the key YAML builds from a scalar key, which decides a repeat (FIX94).

    ``true``, ``True`` and ``TRUE`` are one key, as are ``1``, ``+1`` and ``0x1``, ``~`` and
    ``null``; the number 1 and the text ``'1'`` are two. Compared as Python compares the keys
    of the mapping YAML builds, so every pair that would drop a value silently is found.
    """
    if name.tag == _STR_TAG:  # most keys: the text as written
        return name.value
    try:
        key = SafeConstructor().construct_object(name)
        hash(key)
    except (yaml.YAMLError, TypeError, ValueError):
        return (name.tag, name.value)
    return key


def _repeat(where: str, first: ScalarNode, second: ScalarNode) -> Repeat:
    """Say a repeat under ``where`` at its two keys: lines, columns when on one line, spelling."""
    lines = first.start_mark.line + 1, second.start_mark.line + 1
    columns = None
    if lines[0] == lines[1]:
        columns = first.start_mark.column + 1, second.start_mark.column + 1
    written = None if second.value == first.value else str(second.value)
    label = f"{where}.{first.value}" if where else str(first.value)
    return Repeat(label, *lines, columns=columns, written=written)


def _file_language(node: Node, lang: Language) -> Language:
    """Return the language a document's top-level ``language`` asks for, else ``lang``.

    Read by the project's one rule (:func:`nps_kit._project_language.said_language`), so a
    mistyped ``jp`` or ``日本語`` is heard as Japanese here as in the file's other problems
    (FIX94: only ``ja`` was).
    """
    if isinstance(node, MappingNode):
        for name, value in node.value:
            if isinstance(name, ScalarNode) and name.value == "language":
                said = said_language(value.value) if isinstance(value, ScalarNode) else None
                if said is not None:
                    return said
    return lang


def _size(node: Node, sizes: dict[int, int], active: set[int]) -> int:
    """Values under ``node`` with aliases expanded, capped just above :data:`MAX_VALUES`."""
    key = id(node)
    if key in sizes:
        return sizes[key]
    if key in active:  # an alias inside the node it names: infinitely large
        return MAX_VALUES + 1
    active.add(key)
    total = 1
    if isinstance(node, SequenceNode):
        for child in node.value:
            total = min(MAX_VALUES + 1, total + _size(child, sizes, active))
    elif isinstance(node, MappingNode):
        for name, value in node.value:
            total += _size(name, sizes, active) + _size(value, sizes, active)
            total = min(MAX_VALUES + 1, total)
    active.discard(key)
    sizes[key] = total
    return total


def _largest_key(node: Node, sizes: dict[int, int]) -> str | None:
    if not isinstance(node, MappingNode) or not node.value:
        return None
    name, _ = max(node.value, key=lambda pair: sizes.get(id(pair[1]), 0))
    return str(name.value) if isinstance(name.value, str) else None
