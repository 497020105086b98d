"""The layers import only downward: a change to the CLI or the output can never break the core.

Read from the source with `ast` (every import, also those inside functions), so the rule holds for
lazy imports as much as for top-level ones. docs/architecture.md names each layer's job.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "kzir"

# Lowest first; a module may import from its own layer and those before it.
LAYERS: list[set[str]] = [
    {"errors", "numerals", "text", "options", "rounding", "schema", "slotted", "lazy"},
    {"model", "dates", "years"},
    {"kb", "kb_integrity", "sqlite_kb"},
    {"query", "search", "audit", "citations", "about", "fields", "sqlite_export"},
    {"render"},
    {"cli", "__main__"},
]
LAYER_OF = {name: i for i, layer in enumerate(LAYERS) for name in layer}


def _top(module: str) -> str:
    """kzir.search.index -> 'search'; kzir -> ''."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _imports(path: Path) -> set[str]:
    """Every kzir module `path` imports, relative imports resolved."""
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    package = parts[:-1]  # the package a relative import starts from (also for __init__)
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - (node.level - 1)]
            found.add(".".join([*base, *([node.module] if node.module else [])]))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("kzir"):
            found.add(node.module or "")
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("kzir"))
    return found


def _module(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_every_module_belongs_to_a_layer() -> None:
    tops = {_top(_module(p)) for p in PACKAGE.rglob("*.py")} - {""}
    assert tops <= set(LAYER_OF), f"put these in a layer: {sorted(tops - set(LAYER_OF))}"


def test_no_module_imports_from_a_layer_above_it() -> None:
    upward = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module(path)
        own = LAYER_OF.get(_top(module), 0)
        for target in _imports(path):
            top = _top(target)
            if top and LAYER_OF[top] > own:
                upward.append(f"{module} imports {target}")
    assert not upward, "imports against the layers:\n" + "\n".join(upward)


def test_the_rule_would_catch_an_upward_import(tmp_path: Path) -> None:
    """The check itself can fail: an import of the CLI from the model is seen."""
    fake = PACKAGE / "model.py"
    tree = ast.parse(fake.read_text(encoding="utf-8") + "\nfrom .cli import run\n")
    targets = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level}
    assert "cli" in targets and LAYER_OF["cli"] > LAYER_OF["model"]


def test_no_module_imports_another_modules_private_names() -> None:
    """Public means shared: a name another module uses carries no leading underscore."""
    borrowed = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.level or
                                                     (node.module or "").startswith("kzir")):
                borrowed += [f"{_module(path)}: {a.name} from {node.module or '.'}"
                             for a in node.names if a.name.startswith("_")
                             and not a.name.startswith("__")]
    assert not borrowed, "private names imported across modules:\n" + "\n".join(borrowed)
