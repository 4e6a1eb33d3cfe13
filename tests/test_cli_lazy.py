"""The CLI's lazy modules (`kakeibo.cli.lazy`): loaded on first use, once, and safe to first use from many threads.

`kakeibo serve` is a CLI command, so the server runs in a process where the CLI made its modules lazy; the first
requests then touch them from several threads at once. A lazy module that is visible to everyone as the real one
and loads itself on first attribute access (importlib's LazyLoader, not thread-safe before Python 3.12.3) let a
request see the module half-loaded: `module 'kakeibo.assistant.conversation' has no attribute 'start'`, a 500."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

SLOW_MODULE = """
import time
time.sleep(0.3)  # a module that takes a while to import, like one pulling in SQLAlchemy models


def start():
    return "started"
"""

RACE = """
import sys, threading
sys.path.insert(0, sys.argv[1])
from kakeibo.cli.lazy import lazy

slow = lazy("slowmod")
errors, results = [], []
barrier = threading.Barrier(8)


def first_use():
    barrier.wait()
    try:
        results.append(slow.start())
    except Exception as exc:  # the defect: AttributeError from a half-loaded module
        errors.append(repr(exc))


def other_import():
    barrier.wait()
    import slowmod  # an ordinary import elsewhere (the API router) must get the whole module too
    results.append(slowmod.start())


threads = [threading.Thread(target=first_use) for _ in range(6)] + [threading.Thread(target=other_import) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(results), errors)
"""


def test_first_use_from_many_threads_at_once_sees_the_whole_module(tmp_path: Path) -> None:
    (tmp_path / "slowmod.py").write_text(SLOW_MODULE, encoding="utf-8")
    for _ in range(3):  # a fresh process each time: the race is on the first use only
        done = subprocess.run(
            [sys.executable, "-c", textwrap.dedent(RACE), str(tmp_path)],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        assert done.stdout.strip() == "8 []", done.stdout + done.stderr


def test_a_lazy_module_loads_on_first_use_only(tmp_path: Path) -> None:
    (tmp_path / "slowmod.py").write_text(SLOW_MODULE, encoding="utf-8")
    script = f"""
import sys
sys.path.insert(0, {str(tmp_path)!r})
from kakeibo.cli.lazy import lazy
slow = lazy("slowmod")
print("slowmod" in sys.modules, end=" ")
print(slow.start(), "slowmod" in sys.modules, end=" ")
import slowmod
print(slowmod.start is slow.start)
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "False started True True"


def test_an_unknown_module_is_refused_at_once() -> None:
    script = "from kakeibo.cli.lazy import lazy\ntry:\n    lazy('kakeibo.no_such_module')\nexcept ModuleNotFoundError as e:\n    print('refused', e.name)"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "refused kakeibo.no_such_module"
