"""The core must stay usable without a GUI: no PySide6 import under desktop/."""

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "desktop"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_imports_no_qt():
    offenders = {}
    for path in CORE.rglob("*.py"):
        qt = {name for name in imported_modules(path)
              if name.split(".")[0] in ("PySide6", "qtawesome", "qtpy")}
        if qt:
            offenders[str(path.relative_to(CORE))] = sorted(qt)
    assert offenders == {}


def test_core_files_exist():
    assert len(list(CORE.rglob("*.py"))) > 5
