"""Finding declarations by importing modules: every module of a package (but the few that hold
its machinery) declares one thing under a known name, such as ``METHOD = Method(...)``, and is
registered under its own module name. A module that declares nothing, declares something of
the wrong kind, or shares its declaration with another module stops the study at start with a
message, instead of dropping out of the registry unseen."""

import importlib
import pkgutil
from pathlib import Path


class DeclarationError(TypeError):
    """A module of a registry's package does not declare what the registry expects."""


def discover(package: str, folder: Path, attribute: str, kind: type, machinery: set[str]) -> dict:
    """{module name: its `attribute`} for every module of `package` (in `folder`) but those in
    `machinery`, in the order of their names."""
    found, declared_by = {}, {}
    for module_info in sorted(pkgutil.iter_modules([str(folder)]), key=lambda m: m.name):
        name = module_info.name
        if name in machinery or name.startswith("_"):
            continue
        module = importlib.import_module(f"{package}.{name}")
        where = f"{package.replace('.', '/')}/{name}.py"
        declaration = getattr(module, attribute, None)
        if declaration is None:
            raise DeclarationError(
                f"{where} declares no {attribute}: every module of {package} declares "
                f"`{attribute} = {kind.__name__}(...)`; move it elsewhere if it holds machinery, "
                f"or name it in the registry's machinery ({', '.join(sorted(machinery))})."
            )
        if not isinstance(declaration, kind):
            raise DeclarationError(
                f"{where}: {attribute} is a {type(declaration).__name__}, not a "
                f"{kind.__name__}; declare `{attribute} = {kind.__name__}(...)`."
            )
        if id(declaration) in declared_by:
            raise DeclarationError(
                f"{where} and {declared_by[id(declaration)]} declare the same {attribute}: "
                f"each module declares its own (import a shared piece under another name)."
            )
        declared_by[id(declaration)] = where
        found[name] = declaration
    return found
