"""Payee cleaning: what a bank prints on the left, what a person would call the merchant on the right."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kakeibo.imports.payee import clean_payee, payee_key


@pytest.mark.parametrize(
    ("printed", "merchant"),
    [
        ("SQ *BLUE BOTTLE COFFEE #123 SF", "Blue Bottle Coffee"),
        ("AMAZON MKTPL*2K4L19", "Amazon"),
        ("TST* JOE'S PIZZA 0423", "Joe's Pizza"),
        ("PAYPAL *SPOTIFY", "Spotify"),
        ("UBER   *TRIP HELP.UBER.COM", "Uber"),
        ("STARBUCKS STORE 12345 SEATTLE WA", "Starbucks"),
        ("SHELL OIL 57444321", "Shell"),
        ("WHOLEFDS MKT #10234", "Whole Foods"),
        ("POS DEBIT 1234 TRADER JOE'S #552", "Trader Joe's"),
        ("CHECKCARD 0312 NETFLIX.COM", "Netflix"),
        ("AMZN Mktp US*H28AX9KW1", "Amazon"),
        ("Amazon.com*H26CB3R50", "Amazon"),
        ("PURCHASE AUTHORIZED ON 02/14 CHIPOTLE 1234 SEATTLE WA S3810", "Chipotle"),
        ("ACH DEBIT COMCAST CABLE 1234", "Comcast"),
        ("UBER EATS 8005928996 CA", "Uber Eats"),
        ("DD *DOORDASH BURGERPLACE", "DoorDash"),
        ("7-ELEVEN 12345", "7-Eleven"),
        ("IN *ACME PLUMBING LLC", "Acme Plumbing"),
        ("O'REILLY AUTO PARTS 1234", "O'Reilly Auto Parts"),
        ("PRUNE               NEW YORK", "Prune"),
        ("BLUE BOTTLE COFFEE OAKLAND CA", "Blue Bottle Coffee Oakland"),
        ("INFOPAY FISCAL SERVICES GMBH", "Infopay Fiscal Services GmbH"),
        ("DEBIT CARD PURCHASE XXXX1234 BOOKS OF WONDER", "Books of Wonder"),
        ("Google *temporary Hold", "Google"),
        ("www.example.com", "Example"),
    ],
)
def test_clean_payee(printed: str, merchant: str) -> None:
    assert clean_payee(printed) == merchant


@pytest.mark.parametrize(
    "text",
    ["To Guybrush Threepwood", "Karl Karlsen", "PayDude (Europe) S.a.r.l. et Cie., S .C.A.", "Interest Paid"],
)
def test_names_people_already_wrote_well_are_left_alone(text: str) -> None:
    assert clean_payee(text) == text


@pytest.mark.parametrize(("printed", "fallback"), [("12345", "12345"), ("SQ *", "SQ *"), ("***", "***"), ("  ", "")])
def test_nothing_left_falls_back_to_the_trimmed_original(printed: str, fallback: str) -> None:
    assert clean_payee(printed) == fallback


@given(st.text(min_size=1, max_size=60).filter(lambda s: s.strip()))
def test_never_empty_for_a_non_empty_payee(printed: str) -> None:
    cleaned = clean_payee(printed)
    assert cleaned.strip()
    assert clean_payee(printed) == cleaned  # deterministic


def test_payee_key() -> None:
    assert payee_key("Joe's Café & Bar") == "joes cafe bar"
    assert payee_key("Trader Joe's") == payee_key("TRADER JOES")
    assert payee_key("7-Eleven") == "7 eleven"
