"""The layers of backend/sync/__init__.py hold: read from the import statements themselves."""
import ast
from pathlib import Path

import backend

BACKEND = Path(backend.__file__).parent
SYNC = BACKEND / "sync"
ENGINE = {"push", "pull", "routes"}
ENGINE_MAY_IMPORT = {"accounts", "notices"}  # the features sync itself stands on
NOT_FEATURES = {"sync", "web", "i18n"}  # packages of backend/ that are infrastructure


def features() -> set[str]:
    """Return the feature packages: every package of backend/ that is not infrastructure."""
    return {p.parent.name for p in BACKEND.glob("*/__init__.py")} - NOT_FEATURES


def imported(path: Path) -> set[str]:
    """Return every module a file imports, at any depth (function bodies included)."""
    package = "backend." + ".".join(path.relative_to(BACKEND).parent.parts)
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against the file's package
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}".rstrip(".")
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)  # `from pkg import module`
    return {n for n in names if n.startswith("backend.")}


def feature_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in features() else None


def sync_module(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[1] == "sync" else None


def test_the_base_imports_no_feature_and_not_the_engine():
    offences = []
    for path in sorted(SYNC.glob("*.py")):
        if path.stem in ENGINE:
            continue
        for module in sorted(imported(path)):
            if feature_of(module) or sync_module(module) in ENGINE:
                offences.append(f"{path.name} imports {module}")
    assert offences == []


def test_the_engine_imports_only_the_features_sync_stands_on():
    offences = []
    for name in sorted(ENGINE):
        for module in sorted(imported(SYNC / f"{name}.py")):
            if feature_of(module) not in (None, *ENGINE_MAY_IMPORT):
                offences.append(f"{name}.py imports {module}")
    assert offences == []


def test_no_feature_imports_the_engine():
    offences = []
    for feature in sorted(features()):
        for path in sorted((BACKEND / feature).rglob("*.py")):
            offences += [f"{feature}/{path.name} imports {m}" for m in imported(path) if sync_module(m) in ENGINE]
    assert offences == []


def test_the_checks_see_real_imports():
    """Guard the guard: the parser finds the imports these rules are about."""
    assert {"accounts", "matching", "notices", "orgs"} <= features()
    assert "backend.sync.registry" in imported(BACKEND / "accounts" / "sync.py")
    assert "backend.accounts.models" in imported(SYNC / "push.py")  # imported inside a function
    assert "backend.sync.models" in imported(SYNC / "changes.py")
