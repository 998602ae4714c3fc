"""Code is an input: a digest of the package modules a job runs, so that editing one reruns
exactly the jobs whose code changed.

Snakemake sees a rule's script change but not the modules the script imports. The workflow
passes each job a param that digests its script's imports of this package, followed
transitively, read as text and never imported (reading the config must not import
scikit-learn). A module imported inside a function counts as imported; a module loaded by name
at run time (a method's module, from the registry) is added by the caller.
"""

import ast
import functools
import hashlib
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]


def module_file(module: str) -> Path | None:
    """The source file of a module of this package; None for other modules."""
    first, *rest = module.split(".")
    if first != PACKAGE.name:
        return None
    base = PACKAGE.joinpath(*rest)
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


@functools.cache
def imported_files(path: Path) -> frozenset[Path]:
    """The package modules `path` imports directly, and the packages that hold them."""
    names = set()
    for node in ast.walk(ast.parse(path.read_bytes(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    files = set()
    for name in names:
        parts = name.split(".")
        for end in range(1, len(parts) + 1):  # importing a.b.c runs a and a.b first
            found = module_file(".".join(parts[:end]))
            if found:
                files.add(found)
    return frozenset(files)


def closure(*paths: Path) -> set[Path]:
    """Every package module the files import, followed transitively, with the files."""
    seen, pending = set(), [Path(path).resolve() for path in paths]
    while pending:
        path = pending.pop()
        if path not in seen:
            seen.add(path)
            pending += imported_files(path) - seen
    return seen


@functools.cache
def code_digest(script: str | Path, *modules: str) -> str:
    """A short fingerprint of a script and the package modules it (and `modules`) import."""
    starts = [Path(script)] + [module_file(module) for module in modules]
    digest = hashlib.sha256()
    for path in sorted(closure(*starts)):
        name = path.relative_to(PACKAGE.parent) if path.is_relative_to(PACKAGE.parent) else path
        digest.update(f"{name.as_posix()}\0".encode() + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]
