"""Print the API's OpenAPI document (JSON), built from the app factory, for the web client's generated types."""

from __future__ import annotations

import json
import os
import sys
import tempfile


def main() -> None:
    # The schema does not depend on a database or a real key; a throwaway data directory keeps this side-effect free.
    with tempfile.TemporaryDirectory() as data_dir:
        os.environ["KAKEIBO_DATA_DIR"] = data_dir
        os.environ.setdefault("KAKEIBO_SECRET_KEY", "openapi-export-only-not-a-real-key")
        from kakeibo.api.app import create_app

        json.dump(create_app().openapi(), sys.stdout, indent=1, sort_keys=True)
        sys.stdout.write("\n")


if __name__ == "__main__":
    main()
