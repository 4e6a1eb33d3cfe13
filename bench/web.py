"""The web app's budgets: the dashboard's first load on localhost with the demo data, and the JS bundle's size.

    .venv/bin/python -m bench.web [--runs 5]

Builds nothing: run `make web` first. The load is measured in Debian's Chromium (web/e2e/bench.mjs) against a real
`kakeibo serve` with the two-year demo household, from navigation until the charts and recent transactions are on
screen, each run in a fresh browser context (an empty cache). Targets: ≤ 1 s and ≤ 350 KB of JS gzipped.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "src" / "kakeibo" / "web" / "dist"
LOAD_TARGET_MS = 1000
BUNDLE_TARGET_KB = 350


def bundle_kb() -> tuple[float, float]:
    """The JS bundle's gzipped size: all chunks, and the first load's (the entry chunk index-*.js)."""
    total = first = 0
    for path in sorted((DIST / "assets").glob("*.js")):
        size = len(gzip.compress(path.read_bytes(), compresslevel=9))
        total += size
        if path.name.startswith("index-"):
            first += size
    return total / 1024, first / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not (DIST / "index.html").exists():
        sys.exit("the web app is not built: run `make web` first")
    total, first = bundle_kb()
    print(f"JS bundle            {total:7.1f} KB gzip (first load {first:.1f} KB; target <= {BUNDLE_TARGET_KB} KB)")
    out = subprocess.run(
        ["node", "e2e/bench.mjs", str(args.runs)], cwd=ROOT / "web", check=True, capture_output=True, text=True
    ).stdout
    runs = json.loads(out.strip().splitlines()[-1])["runs"]
    print(
        f"dashboard first load {statistics.median(runs):7.0f} ms median, {max(runs)} ms worst of {len(runs)} "
        f"(each in a fresh context; target <= {LOAD_TARGET_MS} ms): {runs}"
    )


if __name__ == "__main__":
    main()
