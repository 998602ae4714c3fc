"""Code is an input: a digest of the package modules a job runs, so that editing one reruns
exactly the jobs whose code changed.

Snakemake sees a rule's script change but not the modules the script imports. The workflow
passes each job a param that digests its script's imports of this package, followed
transitively, read as text and never imported (reading the config must not import
scikit-learn). A module imported inside a function counts as imported; a module loaded by name
at run time (a method's module, from the registry) is added by the caller.

A module that reads files beside it (templates, captions) names them from its ``__file__``;
`data_paths` finds them and they are part of the digest of the jobs that import it.
"""

import functools
import hashlib
import re
from pathlib import Path

from digit_clustering.jobs.data_paths import PACKAGE, data_files, module_file, source


def digest_name(path: Path) -> str:
    """How a file is named in a digest: from the package's folder for its modules, else by its
    folder and name (``scripts/cluster.py``), so the digest does not depend on where the
    workflow or the package is installed."""
    root = PACKAGE.parent if path.is_relative_to(PACKAGE) else path.parents[1]
    return path.relative_to(root).as_posix()


# An import statement at the start of a line, top level or inside a function: `from a.b import
# c, d` (parenthesised over lines too) or `import a.b`. Read with a pattern, not parsed:
# parsing every module took 0.15 s of each Snakemake start.
IMPORT = re.compile(
    r"^[ \t]*(?:from[ \t]+([\w.]+)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)|import[ \t]+([^\n]*))",
    re.MULTILINE,
)


def imported_names(text: str) -> set[str]:
    """Every module a source imports, and every name it imports from one (which may be a
    module), absolute imports only."""
    names = set()
    for module, imported, modules in IMPORT.findall(text):
        if module and not module.startswith("."):
            names.add(module)
            for name in _names(imported):
                names.add(f"{module}.{name}")
        elif modules:
            names.update(_names(modules))
    return names


def _names(listed: str) -> list[str]:
    code = re.sub(r"#[^\n]*", "", listed).replace("(", " ").replace(")", " ")
    return [item.split()[0] for item in code.split(",") if item.split()]


@functools.cache
def imported_files(path: Path) -> frozenset[Path]:
    """The package modules `path` imports directly, and the packages that hold them."""
    files = set()
    for name in imported_names(source(path).decode()):
        parts = name.split(".")
        for end in range(1, len(parts) + 1):  # importing a.b.c runs a and a.b first
            found = module_file(".".join(parts[:end]))
            if found:
                files.add(found)
    return frozenset(files)


# The modules that may name a path beside them: only these are parsed.


def closure(*paths: Path) -> set[Path]:
    """Every package module the files import, followed transitively, with the files."""
    seen, pending = set(), [Path(path).resolve() for path in paths]
    while pending:
        path = pending.pop()
        if path not in seen:
            seen.add(path)
            pending += imported_files(path) - seen
    return seen


def code_files(script: str | Path, *modules: str) -> set[Path]:
    """What a job runs: its script, the package modules it (and `modules`) import, and the files
    of the folders those modules read beside them."""
    files = closure(Path(script), *(module_file(module) for module in modules))
    return files | {data for path in files for data in data_files(path)}


@functools.cache
def code_digest(script: str | Path, *modules: str) -> str:
    """A short fingerprint of the files a job runs (`code_files`), by name and content."""
    digest = hashlib.sha256()
    for path in sorted(code_files(script, *modules)):
        digest.update(f"{digest_name(path)}\0".encode() + source(path) + b"\0")
    return digest.hexdigest()[:16]
