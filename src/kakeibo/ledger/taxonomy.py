"""The default category taxonomy shipped with kakeibo (groups -> categories, each with a kind)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml


@dataclass(frozen=True, slots=True)
class TaxonomyGroup:
    name: str
    kind: str  # income | expense | transfer
    categories: tuple[str, ...]


@lru_cache
def default_taxonomy() -> tuple[TaxonomyGroup, ...]:
    text = resources.files("kakeibo.data").joinpath("taxonomy.yaml").read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    return tuple(
        TaxonomyGroup(name=g["name"], kind=g["kind"], categories=tuple(g["categories"])) for g in raw["groups"]
    )
