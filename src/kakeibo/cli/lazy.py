"""Modules imported on first use, so a command loads only what it runs: `kakeibo --version` and `--help` import
no database driver, web framework or model code.

Each command module writes `if TYPE_CHECKING: from x import y as z` / `else: z = lazy("x.y")`, which keeps
mypy's view of the real module while the process pays for it only when an attribute is first read."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType


def lazy(name: str) -> ModuleType:
    """`name` as a module whose code runs the first time one of its attributes is read."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(f"no module named {name!r}", name=name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    if parent:  # as an ordinary import does: `import kakeibo.core.db` then `kakeibo.core.db.x` must work
        setattr(sys.modules[parent], child, module)
    return module
