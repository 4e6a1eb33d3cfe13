"""How a parsed intent differs from the one an evaluation set expects: shared by the parser's tests and its bench."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# A clarify's question and an unsupported's reason are free text: any wording passes.
FREE_TEXT = frozenset({"question", "reason"})


def differences(expected: Mapping[str, Any], actual: Mapping[str, Any], where: str = "") -> list[str]:
    """Fields that differ: every expected field must match, every other field must be null.

    `actual` is an intent dumped to JSON types. Nested objects (a target, changes) are compared field by field, and
    so are lists of objects (the items of several captures, the splits of one), element by element; a list left out
    of `expected` must be null or empty.
    """
    problems: list[str] = []
    for key, value in actual.items():
        if key in FREE_TEXT:
            continue
        problems += _value_differences(expected.get(key), value, f"{where}{key}")
    problems += [f"{where}{key}: unknown field" for key in expected if key not in actual]
    return problems


def _value_differences(wanted: Any, value: Any, where: str) -> list[str]:
    if isinstance(value, dict) and (wanted is None or isinstance(wanted, dict)):
        return differences(wanted or {}, value, f"{where}.")
    if isinstance(value, list) and isinstance(wanted, list) and any(isinstance(item, dict) for item in value):
        if len(wanted) != len(value):
            return [f"{where}: expected {len(wanted)} entries, got {len(value)}"]
        problems: list[str] = []
        for index, (wanted_item, item) in enumerate(zip(wanted, value, strict=True)):
            problems += _value_differences(wanted_item, item, f"{where}[{index}]")
        return problems
    if value == [] and wanted is None:
        return []
    return [] if value == wanted else [f"{where}: expected {wanted!r}, got {value!r}"]
