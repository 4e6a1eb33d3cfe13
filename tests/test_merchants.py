"""The built-in merchant knowledge base: raw bank text -> merchant and default-taxonomy category."""

from __future__ import annotations

from collections import defaultdict

import pytest

from kakeibo.categorize import TxnText, match_merchant
from kakeibo.categorize.merchants import KEYWORD_TIER, MERCHANT_TIER, default_merchants, parse_merchants
from kakeibo.ledger.taxonomy import default_taxonomy


def category_of(raw: str, *, amount_minor: int = -1234, payee: str = "") -> str | None:
    match = match_merchant(TxnText(payee=payee, description=raw, amount_minor=amount_minor, account="", day=15))
    return match.category if match else None


def test_every_category_exists_in_the_default_taxonomy() -> None:
    paths = {f"{group.name}/{category}" for group in default_taxonomy() for category in group.categories}
    unknown = sorted({p.category for p in default_merchants().patterns} - paths)
    assert unknown == []


def test_the_knowledge_base_is_large() -> None:
    merchants = {p.merchant for p in default_merchants().patterns if p.tier == MERCHANT_TIER}
    keywords = {p.pattern for p in default_merchants().patterns if p.tier == KEYWORD_TIER}
    assert len(merchants) >= 400
    assert len(keywords) >= 200


def test_no_pattern_means_two_things() -> None:
    """The same words under two categories of one tier would be decided by file order, not by meaning; only the
    income/expense pairs ("interest" in, "interest" out) are allowed, since the amount's sign tells them apart."""
    seen: defaultdict[tuple[tuple[str, ...], int, bool], set[str]] = defaultdict(set)
    for p in default_merchants().patterns:
        seen[(p.tokens, p.tier, p.income_only)].add(p.category)
    assert {key: cats for key, cats in seen.items() if len(cats) > 1} == {}


def test_coffee_shops() -> None:
    assert category_of("STARBUCKS STORE 12345 SEATTLE WA") == "Food & Dining/Coffee"
    assert category_of("SQ *BLUE BOTTLE COFFEE") == "Food & Dining/Coffee"
    assert category_of("PRET A MANGER MANCHESTER") == "Food & Dining/Coffee"


def test_groceries_in_three_countries() -> None:
    assert category_of("TESCO STORES 3117") == "Food & Dining/Groceries"
    assert category_of("WHOLEFDS MKT 10234 AUSTIN TX") == "Food & Dining/Groceries"
    assert category_of("REWE Markt GmbH Berlin") == "Food & Dining/Groceries"
    assert category_of("Carrefour Market Paris") == "Food & Dining/Groceries"


def test_fuel_and_rides() -> None:
    assert category_of("SHELL OIL 57444321") == "Transportation/Fuel"
    assert category_of("UBER *TRIP") == "Transportation/Taxi & Rideshare"
    assert category_of("UBER *EATS PENDING") == "Food & Dining/Food Delivery"  # longest match wins


def test_online_and_streaming() -> None:
    assert category_of("AMZN Mktp US*2K4L19") == "Shopping/Online Shopping"
    assert category_of("NETFLIX.COM") == "Entertainment/Streaming Services"
    assert category_of("AMAZON PRIME VIDEO") == "Entertainment/Streaming Services"
    assert category_of("Amazon Prime*1A2B3C") == "Subscriptions/Memberships"
    assert category_of("APPLE.COM/BILL") == "Subscriptions/Software & Apps"


def test_spelling_variants_fold_together() -> None:
    assert category_of("MCDONALD'S F12345") == "Food & Dining/Fast Food"
    assert category_of("MCDONALDS 4412") == "Food & Dining/Fast Food"
    assert category_of("7-ELEVEN 33412") == category_of("7ELEVEN 33412") == "Food & Dining/Groceries"
    assert category_of("WHOLE FOODS") == category_of("WHOLEFOODS") == "Food & Dining/Groceries"
    assert category_of("CAFÉ DE FLORE PARIS") == "Food & Dining/Coffee"
    assert category_of("DISNEY+") == "Entertainment/Streaming Services"


def test_whole_words_only() -> None:
    assert category_of("SHELLFISH SHACK") is None
    assert category_of("BPXYZ LTD") is None
    assert category_of("NEXT TUESDAY") is None  # "Next" the retailer only through "next retail", "next directory"


def test_generic_keywords() -> None:
    assert category_of("JOE'S CORNER PHARMACY") == "Health/Pharmacy"
    assert category_of("CITY OF BOSTON PARKING METER") == "Transportation/Parking & Tolls"
    assert category_of("SOUTHERN AIRLINES 0123") == "Travel/Flights"
    assert category_of("GRAND PLAZA HOTEL") == "Travel/Hotels"


def test_a_merchant_beats_a_keyword() -> None:
    assert category_of("SHELL PARKING") == "Transportation/Fuel"


def test_income_keywords_need_money_coming_in() -> None:
    assert category_of("ACME CORP PAYROLL PPD ID: 9123", amount_minor=250_000) == "Income/Salary"
    assert category_of("SALARY JANUARY", amount_minor=250_000) == "Income/Salary"
    assert category_of("ADP PAYROLL FEES", amount_minor=-4_500) == "Financial/Bank Fees"
    assert category_of("INTEREST PAID", amount_minor=312) == "Income/Interest"
    assert category_of("INTEREST CHARGE ON PURCHASES", amount_minor=-1_250) == "Financial/Interest Paid"
    assert category_of("VANGUARD DIVIDEND", amount_minor=5_000) == "Income/Dividends"
    assert category_of("VANGUARD BUY", amount_minor=-50_000) == "Financial/Investment Contribution"


def test_payee_and_description_are_both_read() -> None:
    assert category_of("POS 1234 XXXX", payee="Blue Bottle Coffee") == "Food & Dining/Coffee"
    assert category_of("MICROSOFT*XBOX", payee="Microsoft") == "Entertainment/Games"


def test_the_match_says_what_matched() -> None:
    match = match_merchant(TxnText("", "SQ *BLUE BOTTLE COFFEE #12", -450, "", 3))
    assert match is not None
    assert (match.merchant, match.pattern) == ("Blue Bottle Coffee", "Blue Bottle Coffee")


def test_nothing_to_match() -> None:
    assert category_of("") is None
    assert category_of("XQZ 1234 LLC") is None


def test_a_malformed_file_is_refused() -> None:
    with pytest.raises(ValueError, match="list of strings"):
        parse_merchants("merchants:\n  Transportation/Fuel:\n    Shell: [76]\nkeywords: {}\n")
    with pytest.raises(ValueError, match="not a string"):
        parse_merchants("merchants:\n  Transportation/Fuel:\n    76: [union 76]\nkeywords: {}\n")
