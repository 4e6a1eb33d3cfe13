"""The built web app as the API serves it: the page for any app path, hashed assets cached for good, the page
and service worker revalidated, and /api paths never answered with the page."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kakeibo.api import app as app_module


@pytest.fixture
def built_web(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small build in place of web/dist (the real one may not be built when the Python tests run)."""
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text('<!doctype html><div id="root"></div>')
    (dist / "assets" / "index-abc123.js").write_text("console.log('app')")
    (dist / "sw.js").write_text("self.addEventListener('fetch', () => {})")
    (tmp_path / "secret.txt").write_text("outside the build")
    monkeypatch.setattr(app_module, "WEB_DIST", dist)
    return dist


def test_app_paths_get_the_page_revalidated(built_web: Path, client: TestClient) -> None:
    for path in ("/", "/transactions?start=2026-11-01", "/settings"):
        response = client.get(path)
        assert response.status_code == 200
        assert '<div id="root">' in response.text
        assert response.headers["cache-control"] == "no-cache"


def test_hashed_assets_are_cached_for_good_and_the_worker_is_not(built_web: Path, client: TestClient) -> None:
    asset = client.get("/assets/index-abc123.js")
    assert asset.text == "console.log('app')"
    assert asset.headers["cache-control"] == "public, max-age=31536000, immutable"
    worker = client.get("/sw.js")
    assert "addEventListener" in worker.text
    assert worker.headers["cache-control"] == "no-cache"


def test_nothing_outside_the_build_is_served(built_web: Path, client: TestClient) -> None:
    # (A plain "/../secret.txt" never reaches the app: the client normalizes it away. An encoded slash does.)
    response = client.get("/assets/..%2F..%2Fsecret.txt")
    assert "outside the build" not in response.text


def test_unknown_api_paths_are_problems_not_the_page(built_web: Path, client: TestClient) -> None:
    response = client.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")


def test_an_unknown_api_path_is_a_problem_not_the_app(built_web: Path, client: TestClient) -> None:
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["type"] == "/problems/not-found"
