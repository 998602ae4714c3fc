"""The files a module reads beside it, found in its syntax tree; they are part of the code
digest of the jobs that import it (`code`).

The rule, read from the syntax tree of the modules that mention ``__file__`` or
``importlib.resources`` (only those: parsing every module took 0.15 s of each Snakemake start):

- ``__file__``, or ``importlib.resources.files("<package>")`` (or of ``__package__``), followed
  through ``Path()``, ``.parent``, ``.parents[n]``, ``.resolve()``, ``.absolute()``, ``/``,
  ``.joinpath()``, ``.with_name()``, ``os.path.dirname``, ``join``, ``abspath`` or ``realpath``,
  names a path. A part joined must be a string or a module-level name bound to one.
- A path below a folder of the module, other than the module and its folders, is data: the file,
  or every file of the folder at any depth, if in the package (or beside the script). The module
  and its folders are not (``Path(__file__).resolve().parents[1]``, ``.parent.glob("*.py")``):
  so a module finds the package's modules. Nor is a path elsewhere, which is not code.
- A module-level name bound to one of its folders (``HERE = Path(__file__).parent``) is followed
  where a constant part is joined to it (``HERE / "templates"``); its other uses are not read.
- What cannot be followed raises `UnfollowedPathError`, with the file and line: a part that is
  not a constant, the path edited as a string (``__file__ + ...``, an f-string), a glob below
  its folder, another module's ``__file__``, ``importlib.resources`` other than ``files``.
"""

import ast
import contextlib
import functools
import os
import re
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
def source(path: Path) -> bytes:
    """A file's bytes, read once per process: every rule's digest shares the job plumbing."""
    return path.read_bytes()


NAMES_A_PATH = re.compile(r"__file__|importlib\.resources|resources\.files|from importlib import")
PATH_CALLS = {"Path", "PurePath", "pathlib.Path", "pathlib.PurePath", "str", "os.fspath"}
OS_PATH_STEPS = {"dirname", "join", "abspath", "realpath", "normpath"}
OS_PATH_EDITS = {f"os.path.{name}" for name in ("split", "splitext", "relpath", "commonpath")}
STRING_EDITS = {"replace", "split", "rsplit", "partition", "rpartition", "removesuffix", "rstrip"}
LEGACY_RESOURCES = {"read_text", "read_binary", "open_text", "open_binary", "path", "contents"}


class UnfollowedPathError(ValueError):
    """A module names a path beside it in a way the code digest cannot follow."""


def assigned(statement: ast.Assign | ast.AnnAssign) -> str | None:
    """The one name a module-level assignment binds to a value, if it binds one."""
    targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
    single = len(targets) == 1 and isinstance(targets[0], ast.Name)
    return targets[0].id if single and statement.value is not None else None


class PathReader:
    """The data paths a module names (the module docstring says which), from its syntax tree."""

    def __init__(self, path: Path, text: str):
        self.path, tree = path, ast.parse(text, filename=str(path))
        nodes = list(ast.walk(tree))
        self.parents = {kid: node for node in nodes for kid in ast.iter_child_nodes(node)}
        self.assignments = {  # module-level `name = ...` or `name: type = ...`, to the name
            statement: assigned(statement)
            for statement in tree.body
            if isinstance(statement, (ast.Assign, ast.AnnAssign)) and assigned(statement)
        }
        self.constants = {
            name: statement.value.value
            for statement, name in self.assignments.items()
            if isinstance(statement.value, ast.Constant) and isinstance(statement.value.value, str)
        }
        self.resources = resources_spellings(nodes)
        # module-level names of a folder of the module: (the folder, the module file)
        self.folders: dict[str, tuple[Path, Path]] = {}
        self.data: set[Path] = set()
        for node in nodes:
            if isinstance(node, ast.Name) and node.id == "__file__":
                self.follow(node, path, path)
            elif isinstance(node, ast.Attribute) and node.attr == "__file__":
                raise self.refusal(node, "another module's __file__ is not followed")
            elif isinstance(node, ast.Call) and (function := self.resources.get(dotted(node.func))):
                if function == "files":
                    self.follow_files(node)
                elif function in LEGACY_RESOURCES:
                    raise self.refusal(node, f"importlib.resources.{function} is not followed")
        for node in nodes:
            if isinstance(node, ast.Name) and node.id in self.folders:
                # other uses are not refused: they are how a module finds modules (PACKAGE here)
                with contextlib.suppress(UnfollowedPathError):
                    self.follow(node, *self.folders[node.id], strict=False)

    def refusal(self, node: ast.AST, what: str) -> UnfollowedPathError:
        return UnfollowedPathError(
            f"{self.path}:{node.lineno}: {what}, so the code digest cannot tell what it reads; "
            'name a folder beside it with constant parts, as Path(__file__).parent / "templates"'
        )

    def follow_files(self, call: ast.Call) -> None:
        package = call.args[0] if len(call.args) == 1 else call
        own = isinstance(package, ast.Name) and package.id in {"__package__", "__name__"}
        anchor = self.path if own else module_file(self.segment(package))
        if anchor is not None:  # another library's files are not this package's code
            self.follow(call, anchor.parent, anchor)

    def follow(self, node: ast.expr, value: Path, anchor: Path, strict: bool = True) -> None:
        """Follow the path steps from `node` (naming `value`): data unless `anchor` or a folder."""
        while (step := self.step(node, value)) is not None:
            node, value = step[0], Path(os.path.normpath(step[1]))
        if value != anchor and value not in anchor.parents:
            if value.is_relative_to(PACKAGE) or value.is_relative_to(self.path.parent):
                self.data.add(value)
        elif strict:
            self.refuse_edits(node)
            if name := self.assignments.get(self.parents.get(node)):
                self.folders[name] = (value, anchor)

    def step(self, node: ast.expr, value: Path) -> tuple[ast.expr, Path] | None:
        """The expression one path step above `node` and the path it names, or None."""
        above = self.parents.get(node)
        if isinstance(above, ast.BinOp) and isinstance(above.op, ast.Div) and above.left is node:
            return above, value / self.segment(above.right)
        if isinstance(above, ast.Attribute):
            call = self.parents.get(above)
            called = isinstance(call, ast.Call) and call.func is above
            if above.attr == "parent":
                return above, value.parent
            if above.attr == "parents" and isinstance(call, ast.Subscript):
                try:
                    return call, value.parents[call.slice.value]
                except (AttributeError, IndexError, TypeError):
                    raise self.refusal(call, f"{ast.unparse(call)!r} is not constant") from None
            if called and above.attr in {"resolve", "absolute"}:
                return call, value
            if called and above.attr == "joinpath":
                return call, value.joinpath(*map(self.segment, call.args))
            if called and above.attr in {"with_name", "with_suffix", "with_stem"} and call.args:
                return call, getattr(value, above.attr)(self.segment(call.args[0]))
        elif isinstance(above, ast.Call) and above.args and above.args[0] is node:
            function = dotted(above.func) or ""
            os_path = function.removeprefix("os.").removeprefix("path.")
            if function in PATH_CALLS or os_path == "join":
                return above, value.joinpath(*map(self.segment, above.args[1:]))
            if os_path in OS_PATH_STEPS:
                return above, value.parent if os_path == "dirname" else value
        return None

    def segment(self, node: ast.expr) -> str:
        """A constant part of a path: a string, or a module-level name bound to one."""
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.Name) and node.id in self.constants:
            return self.constants[node.id]
        raise self.refusal(node, f"{ast.unparse(node)!r} is not a constant")

    def refuse_edits(self, node: ast.expr) -> None:
        """Refuse the uses of the module's path or folders that could name a path beside it
        with no step to follow: editing it as a string, listing what is below its folder."""
        above = self.parents.get(node)
        call = self.parents.get(above)
        pattern = call.args[0] if isinstance(call, ast.Call) and call.args else None
        flat = isinstance(pattern, ast.Constant) and "/" not in str(pattern.value)
        lists_below = {"rglob"} if flat else {"glob", "rglob"}
        if isinstance(above, ast.Attribute) and above.attr in lists_below:
            raise self.refusal(node, f"{ast.unparse(above)}() lists the folders below")
        if (
            isinstance(above, ast.BinOp | ast.FormattedValue)
            or (isinstance(above, ast.Subscript) and above.value is node)
            or (isinstance(above, ast.Attribute) and above.attr in STRING_EDITS)
            or (isinstance(above, ast.Call) and dotted(above.func) in OS_PATH_EDITS)
        ):
            raise self.refusal(node, f"{ast.unparse(node)!r} is edited as a string")


def dotted(node: ast.expr) -> str | None:
    """The dotted name an expression spells (``os.path.join``), or None."""
    if isinstance(node, ast.Attribute) and (base := dotted(node.value)):
        return f"{base}.{node.attr}"
    return node.id if isinstance(node, ast.Name) else None


def resources_spellings(nodes: list[ast.AST]) -> dict[str, str]:
    """How a module spells importlib.resources' functions (``resources.files``), to the names."""
    modules, spellings = {"importlib.resources"}, {}
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module == "importlib.resources":
            spellings |= {alias.asname or alias.name: alias.name for alias in node.names}
        elif isinstance(node, ast.Import | ast.ImportFrom):
            within = f"{node.module}." if isinstance(node, ast.ImportFrom) else ""
            found = [alias for alias in node.names if within + alias.name == "importlib.resources"]
            modules |= {alias.asname or alias.name for alias in found}
    functions = {"files", *LEGACY_RESOURCES}
    return spellings | {f"{module}.{name}": name for module in modules for name in functions}


@functools.cache
def data_files(path: Path) -> frozenset[Path]:
    """Every file, at any depth, of the data paths a module names (none for most)."""
    text = source(path).decode()
    if not NAMES_A_PATH.search(text):
        return frozenset()
    files = set()
    for named in PathReader(path.resolve(), text).data:
        found = named.rglob("*") if named.is_dir() else [named]
        files.update(file for file in found if file.is_file() and "__pycache__" not in file.parts)
    return frozenset(files)
