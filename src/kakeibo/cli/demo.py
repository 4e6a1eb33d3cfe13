"""A demo household: two earners, a rented flat, a credit card paid in full monthly, and a couple of years of life.

`plan` is pure (a seeded random walk over the calendar producing entries); `load_demo` writes them through the
ledger service's batch path. Amounts are integer cents throughout; nothing here touches a float."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy.orm import Session

from kakeibo.auth import service as auth
from kakeibo.core import clock
from kakeibo.core.actor import Actor
from kakeibo.core.errors import Conflict
from kakeibo.core.money import minor_to_str
from kakeibo.core.periods import month_start, shift_months
from kakeibo.ledger import service as ledger
from kakeibo.ledger.queries import month_range
from kakeibo.ledger.schemas import AccountCreate, TransactionCreate
from kakeibo.planning import goals as planning_goals
from kakeibo.planning import service as planning

DEMO_EMAIL = "demo@kakeibo.local"
DEMO_PASSWORD = "kakeibo-demo"
DEMO_HOUSEHOLD = "Demo household"
DEMO_CURRENCY = "USD"
DEFAULT_SEED = 42

EntryType = Literal["expense", "income", "transfer"]


@dataclass(frozen=True, slots=True)
class DemoAccount:
    name: str
    kind: Literal["asset", "liability"]
    subtype: Literal["checking", "savings", "credit_card", "cash", "brokerage"]
    institution: str | None
    opening_cents: int


CHECKING, SAVINGS, CARD, CASH, BROKERAGE = "Checking", "Savings", "Visa", "Cash", "Brokerage"
ACCOUNTS = (
    DemoAccount(CHECKING, "asset", "checking", "Chase", 8_500_00),
    DemoAccount(SAVINGS, "asset", "savings", "Ally Bank", 15_000_00),
    DemoAccount(CARD, "liability", "credit_card", "Chase", 0),
    DemoAccount(CASH, "asset", "cash", None, 120_00),
    DemoAccount(BROKERAGE, "asset", "brokerage", "Vanguard", 24_000_00),
)

CARD_PAYMENT_DAY = 7  # the card's statement closes at the end of each month and is paid in full on this day
SAVINGS_APR_BASIS_POINTS = 410  # 4.10% a year, credited monthly
CHECKING_CEILING, CHECKING_CUSHION = 14_000_00, 9_000_00


@dataclass(frozen=True, slots=True)
class DemoEntry:
    """One transaction of the plan, in the ledger's friendly form (accounts by name, amounts in cents)."""

    date: dt.date
    type: EntryType
    account: str
    amount_cents: int
    payee: str
    category: str | None = None
    to_account: str | None = None
    description: str = ""
    tags: tuple[str, ...] = ()

    def signed_cents(self, account: str) -> int:
        """The entry's effect on `account`'s balance (liabilities are negative when owed)."""
        if self.type == "transfer":
            return -self.amount_cents if account == self.account else self.amount_cents
        return -self.amount_cents if self.type == "expense" else self.amount_cents


@dataclass(frozen=True, slots=True)
class Trip:
    city: str
    airline: str
    hotel: str
    car_rental: str | None
    restaurants: tuple[str, ...]
    activity: str


TRIPS = (
    Trip(
        "Maui",
        "Hawaiian Airlines",
        "Hyatt Regency Maui",
        "Hertz",
        ("Mama's Fish House", "Paia Fish Market"),
        "Molokini snorkel tour",
    ),
    Trip(
        "New York",
        "JetBlue",
        "The Standard High Line",
        None,
        ("Joe's Pizza", "Katz's Delicatessen"),
        "Broadway tickets",
    ),
    Trip(
        "Seattle",
        "Alaska Airlines",
        "Kimpton Hotel Vintage",
        "Enterprise",
        ("The Pink Door", "Ivar's Acres of Clams"),
        "Space Needle",
    ),
    Trip(
        "Chicago",
        "United Airlines",
        "Hilton Chicago",
        None,
        ("Lou Malnati's", "Girl & the Goat"),
        "Architecture boat tour",
    ),
    Trip("Denver", "Southwest Airlines", "The Crawford Hotel", "Hertz", ("Snooze", "Linger"), "Red Rocks concert"),
)

# (payee, lowest cents, highest cents) for the everyday spending.
GROCERS = (("Trader Joe's", 55_00, 135_00), ("Whole Foods Market", 70_00, 190_00), ("Safeway", 45_00, 140_00))
TOP_UPS = (("Trader Joe's", 12_00, 45_00), ("Safeway", 9_00, 38_00))
COFFEE_MENUS = {
    "Starbucks": (4_45, 5_25, 5_95, 6_45, 7_15, 7_85),
    "Blue Bottle Coffee": (5_50, 6_25, 7_00, 8_50),
    "Peet's Coffee": (3_95, 4_85, 5_45, 6_75),
}
RESTAURANTS = (
    ("Nopa", 65_00, 145_00),
    ("Burma Superstar", 42_00, 98_00),
    ("Pizzeria Delfina", 38_00, 82_00),
    ("The Cheesecake Factory", 52_00, 118_00),
    ("Souvla", 28_00, 54_00),
    ("Kin Khao", 58_00, 124_00),
)
FAST_FOOD = (
    ("McDonald's", 8_00, 16_00),
    ("Chipotle", 11_00, 28_00),
    ("In-N-Out Burger", 9_00, 22_00),
    ("Taco Bell", 7_00, 15_00),
    ("Subway", 9_00, 14_00),
)
FUEL = ("Shell", "Chevron")
PHARMACIES = ("CVS Pharmacy", "Walgreens")
RIDESHARE = ("Uber", "Lyft")
CLOTHING = ("Uniqlo", "Old Navy", "Nordstrom Rack")


@dataclass
class _Planner:
    rng: random.Random
    start: dt.date
    end: dt.date
    entries: list[DemoEntry] = field(default_factory=list)
    balances: dict[str, int] = field(default_factory=dict)
    # Card charges (net of refunds) per statement month, paid in full the month after.
    statements: dict[dt.date, int] = field(default_factory=lambda: defaultdict(int))
    pending: dict[dt.date, list[DemoEntry]] = field(default_factory=lambda: defaultdict(list))
    away: set[dt.date] = field(default_factory=set)
    refunds_by_year: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    next_fuel: dt.date = dt.date.min

    def add(self, entry: DemoEntry) -> None:
        if entry.date > self.end:
            return  # a scheduled refund or trip charge that has not happened yet
        self.entries.append(entry)
        for name in {entry.account, entry.to_account} - {None}:
            assert name is not None
            self.balances[name] = self.balances.get(name, 0) + entry.signed_cents(name)
        if CARD in (entry.account, entry.to_account) and not (entry.type == "transfer" and entry.to_account == CARD):
            self.statements[entry.date.replace(day=1)] += entry.signed_cents(CARD)

    def spend(
        self,
        day: dt.date,
        cents: int,
        payee: str,
        category: str,
        *,
        account: str = CARD,
        note: str = "",
        tags: tuple[str, ...] = (),
    ) -> DemoEntry:
        entry = DemoEntry(day, "expense", account, cents, payee, category=category, description=note, tags=tags)
        self.add(entry)
        return entry

    def later(
        self,
        day: dt.date,
        cents: int,
        payee: str,
        category: str,
        *,
        type: EntryType = "expense",
        note: str = "",
        tags: tuple[str, ...] = (),
    ) -> None:
        """A card charge (or refund) planned now that lands on a later day, when the walk reaches it."""
        self.pending[day].append(
            DemoEntry(day, type, CARD, cents, payee, category=category, description=note, tags=tags)
        )

    def earn(
        self, day: dt.date, cents: int, payee: str, category: str, *, account: str = CHECKING, note: str = ""
    ) -> None:
        self.add(DemoEntry(day, "income", account, cents, payee, category=category, description=note))

    def move(self, day: dt.date, cents: int, source: str, target: str, payee: str, note: str) -> None:
        if cents > 0:
            self.add(DemoEntry(day, "transfer", source, cents, payee, to_account=target, description=note))

    def cents(self, low: int, high: int) -> int:
        return self.rng.randint(low, high)

    def chance(self, percent: int) -> bool:
        return self.rng.randrange(100) < percent


def _business_day(day: dt.date) -> dt.date:
    """Payroll falls on the previous Friday when its date is a weekend."""
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day


def _days(start: dt.date, end: dt.date) -> Iterator[dt.date]:
    day = start
    while day <= end:
        yield day
        day += dt.timedelta(days=1)


def _raised(cents: int, years: int) -> int:
    """A 3% raise each January, rounded down to whole dollars (payroll figures are round)."""
    for _ in range(years):
        cents = cents * 103 // 100 // 100 * 100
    return cents


def plan_start(*, today: dt.date, months: int) -> dt.date:
    """The first day of the month `months` months before today's month: that many whole months plus this one."""
    return shift_months(month_start(today), -months)


def plan(*, start: dt.date, end: dt.date, seed: int = DEFAULT_SEED) -> list[DemoEntry]:
    """Every demo transaction from `start` through `end`, in date order; the same seed gives the same plan."""
    planner = _Planner(rng=random.Random(seed), start=start, end=end)
    planner.balances = {a.name: a.opening_cents if a.kind == "asset" else -a.opening_cents for a in ACCOUNTS}
    _plan_trips(planner)
    for day in _days(start, end):
        _fixed(planner, day)
        _everyday(planner, day)
        for entry in planner.pending.pop(day, []):
            planner.add(entry)
    return sorted(planner.entries, key=lambda e: e.date)  # stable: same-day entries keep their planned order


def _plan_trips(p: _Planner) -> None:
    """A summer vacation each year: flights booked ahead, hotel and car charged at checkout, meals while away."""
    destinations = p.rng.sample(TRIPS, len(TRIPS))
    for index, year in enumerate(range(p.start.year, p.end.year + 1)):
        trip = destinations[index % len(destinations)]
        depart = dt.date(year, p.rng.choice((6, 7, 8, 9)), p.rng.randint(4, 18))
        nights = p.rng.randint(5, 8)
        home = depart + dt.timedelta(days=nights)
        tag = (f"vacation-{year}",)
        booked = depart - dt.timedelta(days=p.rng.randint(45, 75))
        if booked >= p.start:
            fare = p.cents(280_00, 690_00)
            p.later(booked, 2 * fare, trip.airline, "Travel/Flights", note=f"2 round trips to {trip.city}", tags=tag)
        if depart < p.start:
            continue
        p.away.update(depart + dt.timedelta(days=n) for n in range(nights + 1))
        p.later(home, nights * p.cents(189_00, 389_00), trip.hotel, "Travel/Hotels", note=f"{nights} nights", tags=tag)
        if trip.car_rental is not None:
            p.later(
                home,
                nights * p.cents(45_00, 79_00),
                trip.car_rental,
                "Travel/Car Rental",
                note=f"{nights}-day rental",
                tags=tag,
            )
        activity_day = depart + dt.timedelta(days=p.rng.randint(1, nights - 1))
        p.later(activity_day, p.cents(90_00, 260_00), trip.activity, "Travel/Vacation", tags=tag)
        for n in range(nights):
            day = depart + dt.timedelta(days=n)
            p.later(day, p.cents(45_00, 160_00), p.rng.choice(trip.restaurants), "Food & Dining/Restaurants", tags=tag)


def _fixed(p: _Planner, day: dt.date) -> None:
    """Pay, rent, bills, subscriptions, the card payment and the savings plan: same days every month."""
    years_in = day.year - p.start.year
    first, last = month_range(day)
    if day == first:
        p.spend(day, 3_150_00, "Parkview Apartments", "Housing/Rent", account=CHECKING, note=f"Rent {day:%B %Y}")
    if day == _business_day(day.replace(day=15)):
        p.earn(day, _raised(4_215_00, years_in), "Bayview Medical Center", "Income/Salary", note="Payroll (Sam)")
    if day == _business_day(last):
        p.earn(day, _raised(5_480_00, years_in), "Northwind Labs", "Income/Salary", note="Payroll (Alex)")
    if day.day == CARD_PAYMENT_DAY:
        statement = shift_months(first, -1)
        owed = -p.statements.get(statement, 0)
        p.move(day, owed, CHECKING, CARD, "Chase Card Services", f"Visa statement {statement:%b %Y}, paid in full")
    if day.day == 16:
        p.move(day, 1_500_00, CHECKING, SAVINGS, "Ally Bank", "Monthly savings")
    if day.day == 20:
        p.move(day, 1_000_00, CHECKING, BROKERAGE, "Vanguard", "Monthly investment")
    if day.day == 24:
        p.spend(day, 389_00, "Toyota Financial Services", "Transportation/Car Payment", account=CHECKING)
    if day.day == 12:
        p.spend(day, 79_99 if years_in == 0 else 84_99, "Comcast Xfinity", "Utilities/Internet", account=CHECKING)
    if day.day == 18:
        # PG&E bills run high in summer (air conditioning) and winter (heating).
        season = {12: 70_00, 1: 75_00, 2: 55_00, 7: 60_00, 8: 65_00, 9: 40_00}.get(day.month, 0)
        p.spend(day, p.cents(85_00, 120_00) + season, "PG&E", "Utilities/Electricity", account=CHECKING)
    if day.day == 22:
        p.spend(day, 140_00, "T-Mobile", "Utilities/Phone")
    if day.day == 3:
        p.spend(day, 49_99, "24 Hour Fitness", "Health/Fitness & Gym")
    if day.day == 5:
        # Netflix's price went up for the last two payments: the Recurring page's price-increase alert.
        last_fifth = p.end.replace(day=5) if p.end.day >= 5 else shift_months(p.end.replace(day=5), -1)
        price = 17_99 if day >= shift_months(last_fifth, -1) else 15_49
        p.spend(day, price, "Netflix", "Entertainment/Streaming Services")
    trial = p.end - dt.timedelta(days=50)  # a new subscription, charged twice since: the "new subscription" alert
    if day >= trial and day.day == min(trial.day, 28):
        p.spend(day, 13_99, "Disney+", "Entertainment/Streaming Services")
    if day.day == 9:
        p.spend(day, 16_99, "Spotify", "Entertainment/Music", note="Family plan")
    if day.day == 14:
        p.spend(day, 2_99, "Apple iCloud", "Subscriptions/Software & Apps", note="iCloud+ 200 GB")
    if day.day == 10 and day.month in (1, 7):
        p.spend(day, 612_40, "GEICO", "Transportation/Car Insurance", note="6-month premium")
    if day == last:
        interest = p.balances[SAVINGS] * SAVINGS_APR_BASIS_POINTS // 120_000
        p.earn(day, interest, "Ally Bank", "Income/Interest", account=SAVINGS, note="Interest paid")
    if day == _business_day(last) and day.month in (3, 6, 9, 12):
        dividend = p.balances[BROKERAGE] * 38 // 10_000
        p.earn(day, dividend, "Vanguard", "Income/Dividends", account=BROKERAGE, note="VTI quarterly dividend")
    if day == last and p.balances[CHECKING] > CHECKING_CEILING:
        # Whatever piles up in checking beyond a cushion is swept to savings, in round hundreds.
        surplus = (p.balances[CHECKING] - CHECKING_CUSHION) // 100_00 * 100_00
        p.move(day, surplus, CHECKING, SAVINGS, "Ally Bank", "Sweep of surplus cash")
    if day.month == 12 and day.day == 28:
        p.spend(day, 250_00, "American Red Cross", "Giving/Charity", account=CHECKING, note="Year-end donation")


def _everyday(p: _Planner, day: dt.date) -> None:
    """Groceries, coffee, meals out, fuel and errands, with the odds of an ordinary week."""
    weekday = day.weekday()  # Monday 0 ... Sunday 6
    rng = p.rng
    if day in p.away:
        return
    if weekday == 6:
        store, low, high = rng.choices(GROCERS, weights=(40, 30, 30))[0]
        p.spend(day, p.cents(low, high), store, "Food & Dining/Groceries")
    if weekday == 2 and p.chance(50):
        store, low, high = rng.choice(TOP_UPS)
        p.spend(day, p.cents(low, high), store, "Food & Dining/Groceries")
    if weekday == 5 and day.day <= 7:
        p.spend(day, p.cents(140_00, 340_00), "Costco", "Food & Dining/Groceries")
    if weekday == 5 and p.chance(30) and p.balances[CASH] >= 40_00:
        p.spend(day, p.cents(12_00, 38_00), "Ferry Plaza Farmers Market", "Food & Dining/Groceries", account=CASH)
    if p.chance(60 if weekday < 5 else 35):
        shop = rng.choices(tuple(COFFEE_MENUS), weights=(50, 25, 25))[0]
        price = rng.choice(COFFEE_MENUS[shop])
        paid_cash = p.chance(15) and p.balances[CASH] >= price
        p.spend(day, price, shop, "Food & Dining/Coffee", account=CASH if paid_cash else CARD)
    if p.chance(65 if weekday in (4, 5) else 12):
        name, low, high = rng.choice(RESTAURANTS)
        p.spend(day, p.cents(low, high), name, "Food & Dining/Restaurants")
    if weekday < 5 and p.chance(18):
        name, low, high = rng.choice(FAST_FOOD)
        p.spend(day, p.cents(low, high), name, "Food & Dining/Fast Food")
    if p.chance(10):
        p.spend(day, p.cents(24_00, 58_00), "DoorDash", "Food & Dining/Food Delivery")
    if day >= p.next_fuel:
        if p.next_fuel != dt.date.min:
            p.spend(day, p.cents(42_00, 78_00), rng.choice(FUEL), "Transportation/Fuel")
        p.next_fuel = day + dt.timedelta(days=rng.randint(8, 12))
    if p.chance(5):
        p.spend(day, p.cents(8_00, 46_00), rng.choice(PHARMACIES), "Health/Pharmacy")
    if weekday < 5 and p.chance(2):
        p.spend(day, rng.choice((25_00, 40_00)), "One Medical", "Health/Doctor", note="Copay")
    if p.chance(7):
        purchase = p.spend(day, p.cents(12_00, 180_00), "Amazon", "Shopping/Online Shopping", note="Amazon.com order")
        if purchase.amount_cents >= 40_00 and p.refunds_by_year[day.year] < 2 and p.chance(20):
            # A return: the money comes back to the card and lowers that category's spending (not income).
            p.refunds_by_year[day.year] += 1
            back = day + dt.timedelta(days=rng.randint(6, 18))
            p.later(
                back,
                purchase.amount_cents,
                "Amazon",
                "Shopping/Online Shopping",
                type="income",
                note=f"Refund of the {day:%b} {day.day} order",
            )
    if p.chance(6):
        p.spend(day, p.cents(14_00, 42_00), rng.choice(RIDESHARE), "Transportation/Taxi & Rideshare")
    if p.chance(6):
        p.spend(day, p.cents(15_00, 90_00), "Target", "Shopping/Household Supplies")
    if p.chance(3):
        p.spend(day, p.cents(25_00, 140_00), rng.choice(CLOTHING), "Shopping/Clothing")
    if weekday in (4, 5) and p.chance(8):
        p.spend(day, p.cents(28_00, 46_00), "AMC Theatres", "Entertainment/Movies & Events")
    if day.day == 11:
        p.spend(
            day,
            32_00,
            "Great Clips",
            "Personal Care/Hair & Beauty",
            account=CASH if p.balances[CASH] >= 32_00 else CARD,
        )
    if day.month == 12 and day.day <= 20 and p.chance(20):
        p.spend(
            day,
            p.cents(20_00, 120_00),
            rng.choice(("Amazon", "Target", "Nordstrom")),
            "Giving/Gifts Given",
            note="Holiday gift",
        )
    if weekday < 5 and p.balances[CASH] < 40_00:
        p.move(day, 200_00, CHECKING, CASH, "Chase ATM", "Cash withdrawal")


# ---- writing it -----------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class DemoResult:
    user_id: int
    household_id: int
    email: str
    password: str
    household: str
    currency: str
    accounts: list[str]
    start: dt.date
    end: dt.date
    transactions: int
    group_id: str


# The demo's budgets (tracking mode), for the three months before this one and this one: a few lines a
# household would start with, groceries carrying what is left over.
BUDGETS = (
    ("Food & Dining/Groceries", "850", True),
    ("Food & Dining/Restaurants", "550", False),
    ("Food & Dining/Coffee", "90", False),
    ("Transportation/Fuel", "170", False),
    ("Shopping", "400", False),
    ("Entertainment", "120", False),
)


def _budget(session: Session, *, actor: Actor, today: dt.date) -> None:
    """Budgets for the last three months and this one, as one change (undone together)."""
    for category, amount, rollover in BUDGETS:
        planning.set_budget(
            session,
            actor=actor,
            category=category,
            amount=amount,
            month=shift_months(month_start(today), -3),
            rollover=rollover,
        )
    for months_back in (2, 1, 0):
        source = shift_months(month_start(today), -months_back - 1)
        planning.copy_month(session, actor=actor, source=source, target=shift_months(month_start(today), -months_back))


def _goals(session: Session, *, actor: Actor, today: dt.date) -> None:
    """Two goals, as one change: an emergency fund that follows the savings account's balance, and a trip paid
    for by earmarked money, a few hundred a month since the summer."""
    with clock.pinned(today):
        planning_goals.add_goal(session, actor=actor, name="Emergency fund", target="90000", accounts=[SAVINGS])
        trip = shift_months(month_start(today), 10)
        planning_goals.add_goal(session, actor=actor, name="Trip to Japan", target="6000", by=trip)
        for months_back, amount in ((4, "400"), (3, "400"), (2, "350"), (1, "450"), (0, "300")):
            day = min(shift_months(month_start(today), -months_back).replace(day=2), today)
            planning_goals.contribute(session, actor=actor, goal="Trip to Japan", amount=amount, day=day)


def demo_user_exists(session: Session) -> bool:
    return auth.get_user_by_email(session, DEMO_EMAIL) is not None


def load_demo(
    session: Session, *, months: int = 24, seed: int = DEFAULT_SEED, today: dt.date | None = None
) -> DemoResult:
    """Create the demo user and household and `months` months of its ledger (up to today); flushes, never commits."""
    if demo_user_exists(session):
        raise Conflict(f"the demo household already exists ({DEMO_EMAIL})", field="email")
    end = today or clock.today()
    start = plan_start(today=end, months=months)
    user, household = auth.register(
        session,
        email=DEMO_EMAIL,
        password=DEMO_PASSWORD,
        display_name="Demo",
        household_name=DEMO_HOUSEHOLD,
        base_currency=DEMO_CURRENCY,
    )
    # Two event groups: undoing the demo's transactions leaves its accounts, as undoing an import would.
    setup = Actor(household_id=household.id, user_id=user.id, base_currency=DEMO_CURRENCY, via="cli", source="import")
    ids: dict[str, int] = {}
    for spec in ACCOUNTS:
        account = ledger.create_account(
            session,
            actor=setup,
            data=AccountCreate(
                name=spec.name,
                kind=spec.kind,
                subtype=spec.subtype,
                currency=DEMO_CURRENCY,
                opening_balance=minor_to_str(spec.opening_cents, DEMO_CURRENCY),
                opening_date=start,
                institution=spec.institution,
            ),
        )
        ids[spec.name] = account.id
    entries = plan(start=start, end=end, seed=seed)
    items = [
        TransactionCreate(
            type=e.type,
            account=ids[e.account],
            to_account=ids[e.to_account] if e.to_account else None,
            category=e.category,
            amount=minor_to_str(e.amount_cents, DEMO_CURRENCY),
            date=e.date,
            payee=e.payee,
            description=e.description,
            tags=list(e.tags),
        )
        for e in entries
    ]
    batch = setup.for_change()
    ledger.create_transactions(session, actor=batch, items=items)
    _budget(session, actor=setup.for_change(source="cli"), today=end)
    _goals(session, actor=setup.for_change(source="cli"), today=end)
    return DemoResult(
        user_id=user.id,
        household_id=household.id,
        email=DEMO_EMAIL,
        password=DEMO_PASSWORD,
        household=household.name,
        currency=DEMO_CURRENCY,
        accounts=[spec.name for spec in ACCOUNTS],
        start=start,
        end=end,
        transactions=len(items),
        group_id=batch.group_id,
    )
