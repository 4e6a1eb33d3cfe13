"""Pure, DB-free categorization: transaction text features, the merchant knowledge base and the learned model.

The model (numpy, scipy) is imported on first use of `CategoryModel` or `Guess`, so `import kakeibo.categorize`
stays cheap for the commands and requests that never touch it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kakeibo.categorize.features import TxnText
from kakeibo.categorize.merchants import MerchantMatch, match_merchant

if TYPE_CHECKING:
    from kakeibo.categorize.model import CategoryModel, Guess

__all__ = ["CategoryModel", "Guess", "MerchantMatch", "TxnText", "match_merchant"]


def __getattr__(name: str) -> Any:
    if name in ("CategoryModel", "Guess"):
        from kakeibo.categorize import model

        return getattr(model, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
