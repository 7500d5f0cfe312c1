"""The package's shape: no import cycles, and every module has its row in docs/architecture.md."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "nps_kit"
ARCHITECTURE = PACKAGE.parent / "docs" / "architecture.md"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _import_time_edges(path: Path, known: set[str]) -> set[str]:
    """Modules of the package that ``path`` imports when it is imported (not inside functions
    and not under ``if TYPE_CHECKING:``)."""
    found: set[str] = set()
    body = list(ast.parse(path.read_text(encoding="utf-8")).body)
    while body:
        node = body.pop()
        if isinstance(node, ast.If) and not _is_type_checking(node):
            body.extend(node.body + node.orelse)
        elif isinstance(node, ast.Try):
            body.extend(node.body)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in known)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.add(sub if sub in known else node.module)
    return found & known


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    cycles: list[list[str]] = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*trail[trail.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    return cycles


def test_a_cycle_is_found() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c", "a"]]


def test_the_package_import_graph_has_no_cycle() -> None:
    modules = _modules()
    graph = {
        name: _import_time_edges(path, set(modules)) - {name} for name, path in modules.items()
    }
    # A package's __init__ re-exports its modules; importing a module through it is not a cycle.
    packages = {name for name, path in modules.items() if path.name == "__init__.py"}
    graph = {m: {e for e in edges if e not in packages} for m, edges in graph.items()}
    assert _cycles(graph) == []


def test_every_module_has_its_row_in_the_architecture_table() -> None:
    table = "\n".join(
        line
        for line in ARCHITECTURE.read_text(encoding="utf-8").splitlines()
        if line.startswith("|")
    )
    missing = []
    for path in PACKAGE.glob("*.py"):
        if path.name != "__init__.py" and f"`{path.name}`" not in table:
            missing.append(path.name)
    for package in PACKAGE.iterdir():
        if (package / "__init__.py").is_file() and f"`{package.name}/`" not in table:
            missing.append(f"{package.name}/")
    assert sorted(missing) == []


def test_the_architecture_page_lists_the_sections_in_the_notebooks_order() -> None:
    # REVIEW31: REPORT31 reordered notebook.SECTIONS (the manager's first); the page still
    # gave the old order, which a unit's sections: list was written after.
    from nps_kit.notebook import SECTIONS

    assert f"(`nps_kit.notebook.SECTIONS`: {', '.join(SECTIONS)};" in " ".join(
        ARCHITECTURE.read_text(encoding="utf-8").split()
    )
