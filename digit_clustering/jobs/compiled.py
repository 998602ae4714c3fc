"""numba's compiled code, kept per machine so a job does not compile again what an earlier job,
of this study or another, already compiled.

umap-learn and pynndescent mark only some of their functions `cache=True`; the others, UMAP's
layout epochs among them, compiled again in every job (about 12 s on two cores, for 1,797
points as for 70,000). A cached function is the same machine code, so results do not change.
"""

import importlib
import os
import sys
import warnings
from pathlib import Path
from types import ModuleType

CACHE_VARIABLE = "NUMBA_CACHE_DIR"


def numba_cache_dir() -> Path:
    """Where compiled code is kept unless NUMBA_CACHE_DIR says otherwise: the user's cache."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "digit-clustering" / "numba"


def import_compiled(module: str, packages: tuple[str, ...]) -> ModuleType:
    """Import `module` with every numba function of `packages` cached on disk.

    numba reads its cache folder when it is imported, so in a job this is the first import of
    numba.
    """
    os.environ.setdefault(CACHE_VARIABLE, str(numba_cache_dir()))
    if "numba" in sys.modules:  # imported before (a test process): it read its folder then
        sys.modules["numba"].config.CACHE_DIR = os.environ[CACHE_VARIABLE]
    imported = importlib.import_module(module)
    if not packages:
        return imported
    from numba.core.caching import NullCache
    from numba.core.dispatcher import Dispatcher
    from numba.core.errors import NumbaWarning

    # A few of pynndescent's functions hold data numba cannot cache; they compile as before.
    warnings.filterwarnings("ignore", ".*Cannot cache compiled function", NumbaWarning)

    for name, loaded in list(sys.modules.items()):
        if name.partition(".")[0] not in packages:
            continue
        for value in list(vars(loaded).values()):
            if isinstance(value, Dispatcher) and isinstance(value._cache, NullCache):
                try:
                    value.enable_caching()
                except RuntimeError:  # defined where numba cannot find its source file
                    continue
    return imported
