"""CLI start-up, whole process with a warm cache: `kakeibo --version`, `kakeibo --help` and `kakeibo balance` on
the demo database, the median of 5 runs each: `.venv/bin/python -m bench.cli`.

Targets: --version and --help under 150 ms, balance under 300 ms (`kakeibo.cli.lazy` keeps start-up cheap)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 5
TARGETS = {"--version": 0.150, "--help": 0.150, "balance": 0.300}
FLOOR = "import sqlalchemy.orm, pydantic_settings, typer"


def _kakeibo() -> list[str]:
    script = Path(sys.executable).with_name("kakeibo")
    return [str(script)] if script.exists() else [sys.executable, "-m", "kakeibo.cli.app"]


def median_seconds(command: list[str], env: dict[str, str]) -> float:
    subprocess.run(command, env=env, capture_output=True, check=True)  # warm the file cache and the .pyc files first
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run(command, env=env, capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="kakeibo-bench-cli-") as data_dir:
        env = {
            **os.environ,
            "KAKEIBO_DATA_DIR": data_dir,
            "KAKEIBO_DATABASE_URL": f"sqlite:///{Path(data_dir) / 'kakeibo.sqlite3'}",
        }
        env.pop("KAKEIBO_CLI_USER", None)
        kakeibo = _kakeibo()
        subprocess.run([*kakeibo, "demo", "--seed", "1"], env=env, capture_output=True, check=True)
        env["KAKEIBO_CLI_USER"] = "demo@kakeibo.local"
        print(f"CLI start-up, whole process, median of {RUNS} (warm cache)")
        for args in (["--version"], ["--help"], ["balance"]):
            seconds = median_seconds([*kakeibo, *args], env)
            target = TARGETS[args[0]]
            verdict = "ok" if seconds <= target else "over"
            print(
                f"  kakeibo {' '.join(args):10} {seconds * 1000:6.0f} ms  (target < {target * 1000:.0f} ms: {verdict})"
            )
        # What any command that opens the books pays before kakeibo's own code runs, on this machine.
        floor = median_seconds([sys.executable, "-c", FLOOR], env)
        print(f"  floor: python importing {FLOOR.removeprefix('import ')} {floor * 1000:6.0f} ms")


if __name__ == "__main__":
    main()
