"""Start-up cost: `kakeibo --version` and `import kakeibo.categorize` load no web framework or model code, and the
CLI's own spellings of ledger and importer choices (kept so that `--help` loads neither) match the originals."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("fastapi", "sklearn", "numpy", "scipy", "sqlalchemy", "pydantic")


def _loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(sorted({{m.split('.')[0] for m in sys.modules}})))"
    finished = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60)
    return set(finished.stdout.split())


def test_version_imports_no_framework_database_or_model_code() -> None:
    loaded = _loaded_after(
        "from kakeibo.cli.app import main\ntry:\n    main(['--version'])\nexcept SystemExit:\n    pass"
    )
    assert "kakeibo" in loaded
    assert not loaded & set(HEAVY), loaded & set(HEAVY)


def test_help_imports_no_framework_database_or_model_code() -> None:
    loaded = _loaded_after("from kakeibo.cli.app import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass")
    assert not loaded & set(HEAVY), loaded & set(HEAVY)


def test_importing_categorize_loads_no_numpy() -> None:
    subprocess.run(
        [sys.executable, "-c", "import kakeibo.categorize, sys; assert 'numpy' not in sys.modules"],
        check=True,
        timeout=60,
    )


def test_a_typed_turn_loads_no_speech_recognizer() -> None:
    """`kakeibo ask` runs a typed turn: the recognizer (pocketsphinx, numpy) loads only for a spoken one."""
    script = "import kakeibo.assistant.turns, sys; assert not {'numpy', 'pocketsphinx'} & set(sys.modules)"
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)
