"""Modules imported on first use, so a command loads only what it runs: `kakeibo --version` and `--help` import
no database driver, web framework or model code.

Each command module writes `if TYPE_CHECKING: from x import y as z` / `else: z = lazy("x.y")`, which keeps
mypy's view of the real module while the process pays for it only when an attribute is first read.

The stand-in is the command module's own: it is never put in `sys.modules`, and its first use runs an ordinary
import. So every other importer (the server that `kakeibo serve` starts, its threads) only ever sees the real,
whole module, and two threads using a stand-in at once wait on the import lock like any two imports. (importlib's
LazyLoader registers the half-made module as the real one, and before Python 3.12.3 a second thread could read
it while the first was still running its code.)"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from types import ModuleType
from typing import Any


class _Deferred(ModuleType):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.__dict__["_deferred_module"] = None

    def _load(self) -> ModuleType:
        module: ModuleType | None = self.__dict__["_deferred_module"]
        if module is None:
            module = importlib.import_module(self.__name__)
            self.__dict__["_deferred_module"] = module
        return module

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self._load(), attribute)

    def __dir__(self) -> list[str]:
        return dir(self._load())

    def __repr__(self) -> str:
        return f"<lazy module {self.__name__!r}>"


def lazy(name: str) -> ModuleType:
    """`name` as a module whose code runs the first time one of its attributes is read."""
    if name in sys.modules:
        return sys.modules[name]
    if importlib.util.find_spec(name) is None:  # a typo fails here, at start-up, not in the middle of a command
        raise ModuleNotFoundError(f"no module named {name!r}", name=name)
    return _Deferred(name)
