"""Pure, DB-free categorization: transaction text features, the merchant knowledge base and the learned model."""

from kakeibo.categorize.features import TxnText
from kakeibo.categorize.merchants import MerchantMatch, match_merchant
from kakeibo.categorize.model import CategoryModel, Guess

__all__ = ["CategoryModel", "Guess", "MerchantMatch", "TxnText", "match_merchant"]
