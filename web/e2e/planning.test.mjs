// End to end, the planning pages in Debian's Chromium against a real `kakeibo serve` on the demo household: the
// dashboard's cards, the budget edited from the keyboard (an amount and its undo, the 6-month average checked
// against the months' own spending, last month copied, envelope mode), a goal added and fed, and the recurring
// series dismissed and brought back; each page screenshotted at desktop and phone widths and checked with axe-core.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import {
  apiGet,
  apiToken,
  axeViolations,
  chromiumPath,
  launchBrowser,
  screenshotDir,
  startServer,
} from "./harness.mjs";

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const DEMO = { email: "demo@kakeibo.local", password: "kakeibo-demo" };

const required = process.env.KAKEIBO_REQUIRE_SERVICES === "1";
const skip = chromiumPath() ? false : "Debian's chromium is not installed (apt-get install chromium)";
if (skip && required) throw new Error(skip);

/** The digits of a shown amount ("-$1,234.50" -> "-1234.50"), to compare with the API's decimal string. */
const digits = (text) => text.replace(/[^\d.-]/g, "");
/** A decimal string as integer cents (the demo is in dollars). */
const cents = (amount) => {
  const [whole, frac = ""] = amount.replace("-", "").split(".");
  const value = Number(whole) * 100 + Number((frac + "00").slice(0, 2));
  return amount.startsWith("-") ? -value : value;
};
const categoriesOf = (view) => view.categories.map((c) => c.category);
const shiftMonth = (month, offset) => {
  const [y, m] = month.split("-").map(Number);
  const index = y * 12 + (m - 1) + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
};

describe("the planning pages", { skip, concurrency: false }, () => {
  let server;
  let browser;
  let page;
  let shots;
  let token;
  const errors = [];

  const shot = (name, p = page) => p.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  const toast = (text) => page.locator(".toast", { hasText: text }).first();
  const api = async (path) => apiGet(server.base, token, path);
  const signIn = async (p) => {
    await p.goto(`${server.base}/signin`);
    await p.fill("input[name=email]", DEMO.email);
    await p.fill("input[name=password]", DEMO.password);
    await p.click("button[type=submit]");
    await p.waitForSelector(".kpi-value");
  };

  before(async () => {
    shots = screenshotDir();
    console.log(`screenshots: ${shots}`);
    server = await startServer({ demo: true });
    token = (await apiToken(server.base, DEMO.email, DEMO.password)).access_token;
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: DESKTOP })).newPage();
    page.setDefaultTimeout(15000);
    page.on("pageerror", (err) => errors.push(err.message));
    await signIn(page);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test("the dashboard has a card for the budget, the goals and the bills coming up", async () => {
    const budget = await api("/api/v1/budgets");
    const upcoming = (await api("/api/v1/recurring/upcoming?days=14")).filter((u) => u.kind !== "income");
    await page.locator("[data-testid=budget-card] .plan-lines li").first().waitFor();
    assert.equal(
      await page.locator("[data-testid=budget-card] .plan-lines li").count(),
      Math.min(4, budget.categories.length),
    );
    await page.locator("[data-testid=goals-card] .empty, [data-testid=goals-card] li").first().waitFor();
    await page.locator("[data-testid=bills-card] .plan-bills li").first().waitFor();
    assert.equal(await page.locator("[data-testid=bills-card] .plan-bills li").count(), Math.min(5, upcoming.length));
    assert.ok(upcoming.length > 0, "the demo has bills in the next two weeks");
  });

  test("budget: edit a line from the keyboard and undo it, the 6-month average, copy into next month", async () => {
    const view = await api("/api/v1/budgets");
    const { month } = view;
    await page.click("nav[aria-label=Main] >> text=Budget");
    const lines = page.locator("[data-testid=budget-line]");
    await lines.first().waitFor();
    assert.equal(await lines.count(), view.categories.length);

    // The second line, reached with j; e opens its editor; Enter saves.
    await lines.first().locator("button.amount-button").focus();
    await page.keyboard.press("j");
    const second = lines.nth(1);
    const category = await second.getAttribute("data-category");
    const before = view.categories.find((c) => c.category === category);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-line-index")), "1");
    await page.keyboard.press("e");
    const input = second.locator(`input[aria-label='Budget for ${category}']`);
    await input.fill("123.45");
    await input.press("Enter");
    await toast(`Budgeted $123.45 for ${category}`).waitFor();
    const line = async (m = month) =>
      (await api(`/api/v1/budgets/${m}`)).categories.find((c) => c.category === category);
    assert.equal((await line()).budgeted, "123.45");
    assert.equal((await line()).available, digits(await second.locator(".budget-available .money").innerText()));
    await toast(`Budgeted $123.45`).locator("button", { hasText: "Undo" }).click();
    await toast("Undone").waitFor();
    assert.equal((await line()).budgeted, before.budgeted);

    // 6: the average of the six months before, which is what those months' budgets counted as spent.
    await second.locator("button.amount-button").focus();
    await page.keyboard.press("6");
    await toast(`${category}: the average of the last 6 months`).waitFor();
    let spent = 0;
    for (let i = 1; i <= 6; i++) spent += cents((await line(shiftMonth(month, -i)))?.spent ?? "0");
    const averaged = cents((await line()).budgeted);
    assert.ok(Math.abs(averaged * 6 - spent) <= 6, `${averaged} a month for ${spent} over six months`);
    await page.waitForFunction(
      ([name, amount]) =>
        document.querySelector(`[data-category="${name}"] button.amount-button`)?.textContent?.includes(amount),
      [category, `$${(averaged / 100).toFixed(2)}`],
    );
    await shot("budget-desktop");

    // A new line from the form: a yearly amount, spread over the twelve months.
    const pharmacy = (await api("/api/v1/categories")).find((c) => c.path === "Health/Pharmacy");
    assert.ok(!categoriesOf(view).includes(pharmacy.path), "not budgeted yet");
    const add = page.locator("form[aria-label='Add a budget line']");
    await add.locator("select[aria-label='Category to budget']").selectOption(String(pharmacy.id));
    await add.locator("input[aria-label=Amount]").fill("900");
    await add.locator("select[aria-label='Apply to']").selectOption("year");
    await add.locator("button[type=submit]").click();
    await toast("Spread $900.00 a year over Health/Pharmacy").waitFor();
    await page.locator("[data-testid=budget-line][data-category='Health/Pharmacy']").waitFor();
    for (const m of [month, `${month.slice(0, 4)}-01`, `${month.slice(0, 4)}-12`])
      assert.equal(
        (await api(`/api/v1/budgets/${m}`)).categories.find((c) => c.category === pharmacy.path).budgeted,
        "75.00",
      );

    // ] goes to next month (nothing budgeted yet: at most what rolls over), c copies this month into it.
    const heading = await page.locator("#budget-lines").innerText();
    await page.locator("body").press("]");
    await page.waitForURL(new RegExp(`month=${shiftMonth(month, 1)}`));
    await page.locator("#budget-lines", { hasNotText: heading }).waitFor();
    const next = await api(`/api/v1/budgets/${shiftMonth(month, 1)}`);
    assert.ok(next.categories.every((c) => c.budgeted === "0.00"));
    await page.locator("body").press("c");
    await toast("Copied").waitFor();
    await page.locator("[data-testid=budget-line] .money", { hasText: "$0.00" }).first().waitFor();
    const copied = await api(`/api/v1/budgets/${shiftMonth(month, 1)}`);
    const now = await api(`/api/v1/budgets/${month}`);
    assert.deepEqual(
      copied.categories.map((c) => [c.category, c.budgeted]),
      now.categories.map((c) => [c.category, c.budgeted]),
    );
    assert.equal(await lines.count(), now.categories.length);

    // Envelope mode shows "To budget", the figure the API computes.
    await page.locator("[aria-label='Budgeting mode'] label", { hasText: "Envelope" }).click();
    const toBudget = page.locator("[data-testid=to-budget]");
    await toBudget.waitFor();
    const envelope = await api(`/api/v1/budgets/${shiftMonth(month, 1)}`);
    assert.equal(envelope.mode, "envelope");
    assert.equal(digits(await toBudget.locator(".kpi-value").innerText()), envelope.to_budget);
    // o covers an overspent envelope from "To budget": its available is zero again.
    const short = envelope.categories.find((c) => c.available.startsWith("-"));
    assert.ok(short, "an envelope is overspent");
    const row = page.locator(`[data-testid=budget-line][data-category="${short.category}"]`);
    await row.locator("button.amount-button").focus();
    await page.keyboard.press("o");
    await toast(`Covered ${short.category}`).waitFor();
    const covered = (await api(`/api/v1/budgets/${shiftMonth(month, 1)}`)).categories.find(
      (c) => c.category === short.category,
    );
    assert.equal(covered.available, "0.00");
    await shot("budget-envelope-desktop");
    await page.locator("[aria-label='Budgeting mode'] label", { hasText: "Tracking" }).click();
    await toBudget.waitFor({ state: "detached" });
  });

  test("goals: add one, contribute from the keyboard, link another to an account", async () => {
    await page.click("nav[aria-label=Main] >> text=Goals");
    await page.locator("h1", { hasText: "Savings goals" }).waitFor();
    await page.locator("body").press("a");
    const form = page.locator("form[aria-label='New goal']");
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("placeholder")), "Trip fund");
    await page.keyboard.type("Trip fund");
    await form.locator("input[placeholder='3000']").fill("3000");
    await form.locator("input[type=date]").fill(`${new Date().getFullYear() + 1}-06-30`);
    await form.locator("button[type=submit]").click();
    await toast("Added the goal Trip fund").waitFor();
    const card = page.locator("[data-testid=goal]", { hasText: "Trip fund" });
    await card.waitFor();

    await card.focus();
    await page.keyboard.press("c");
    const amount = card.locator("input[aria-label='Amount to put aside']");
    await amount.fill("450");
    await amount.press("Enter");
    await toast("Put $450.00 towards Trip fund").waitFor();
    const trip = (await api("/api/v1/goals")).find((g) => g.name === "Trip fund");
    assert.equal(trip.saved, "450.00");
    assert.equal(trip.remaining, "2550.00");
    await card.locator("[role=progressbar][aria-valuenow='15']").waitFor();

    const savings = (await api("/api/v1/accounts")).find((a) => a.name === "Savings");
    await form.locator("input").first().fill("Cushion");
    await form.locator("input[placeholder='3000']").fill("60000");
    await form.locator("label", { hasText: "Savings" }).locator("input").check();
    await form.locator("button[type=submit]").click();
    const cushion = page.locator("[data-testid=goal]", { hasText: "Cushion" });
    await cushion.waitFor();
    assert.equal(digits(await cushion.locator(".goal-saved").innerText()), savings.balance);
    await shot("goals-desktop");

    await cushion.locator("button", { hasText: "Remove" }).click();
    await cushion.waitFor({ state: "detached" });
    await toast("Removed the goal Cushion").locator("button", { hasText: "Undo" }).click();
    await cushion.waitFor();
    assert.ok((await api("/api/v1/goals")).some((g) => g.name === "Cushion"));
  });

  test("recurring: the series, a price change, the calendar; dismiss from the keyboard and undo", async () => {
    const series = await api("/api/v1/recurring");
    const calendar = await api("/api/v1/recurring/calendar?days=30");
    const subscriptions = await api("/api/v1/recurring/subscriptions");
    const alerts = await api("/api/v1/recurring/alerts");
    await page.click("nav[aria-label=Main] >> text=Recurring");
    const rows = page.locator("[data-testid=series]");
    await rows.first().waitFor();
    assert.equal(await rows.count(), series.filter((s) => s.kind === "expense").length);
    const changed = series.find((s) => s.kind === "expense" && s.previous_amount);
    assert.ok(changed, "the demo has a price change");
    assert.match(
      await rows.filter({ hasText: changed.payee }).locator("[data-testid=price-change]").innerText(),
      new RegExp(`${changed.previous_amount.replace("-", "")} → .?${changed.amount.replace("-", "")}`),
    );
    assert.equal(await page.locator(".calendar-day:not(.outside) .calendar-item").count(), calendar.items.length);
    assert.equal(await page.locator("[data-testid=lowest]").count(), calendar.accounts.length);
    assert.equal(
      digits(await page.locator("[data-testid=subscriptions-monthly] .kpi-value").innerText()),
      subscriptions.monthly_total,
    );
    assert.ok(alerts.length > 0, "the demo has a price increase and a new subscription");
    assert.equal(await page.locator("[data-testid=alert]").count(), alerts.length);

    const first = series.find((s) => s.kind === "expense");
    await rows.first().focus();
    await page.keyboard.press("d");
    await toast(`Dismissed ${first.payee}`).waitFor();
    assert.ok(!(await api("/api/v1/recurring")).some((s) => s.id === first.id));
    await rows.filter({ hasText: first.payee }).waitFor({ state: "detached" });
    await toast(`Dismissed ${first.payee}`).locator("button", { hasText: "Undo" }).click();
    await toast("Undone").waitFor();
    await rows.filter({ hasText: first.payee }).waitFor();
    assert.ok((await api("/api/v1/recurring")).some((s) => s.id === first.id));

    await rows.first().focus();
    await page.keyboard.press("c");
    await toast(`Confirmed ${first.payee}`).waitFor();
    assert.equal((await api("/api/v1/recurring")).find((s) => s.id === first.id).confirmed, true);

    // e ends a series (a cancelled subscription), and its toast takes that back.
    await rows.first().focus();
    await page.keyboard.press("e");
    await toast(`Ended ${first.payee}`).waitFor();
    const ended = async () => (await api("/api/v1/recurring?all=true")).find((s) => s.id === first.id).status;
    assert.equal(await ended(), "ended");
    await toast(`Ended ${first.payee}`).locator("button", { hasText: "Undo" }).click();
    await rows.filter({ hasText: first.payee }).waitFor();
    assert.notEqual(await ended(), "ended");
    await shot("recurring-desktop");
  });

  test("insights: the forecast's months and its trust table match the API; 6 months from the keyboard", async () => {
    await page.goto(`${server.base}/insights`);
    const rows = page.locator("[data-testid=forecast-months] tbody tr");
    await rows.first().waitFor({ timeout: 30000 }); // the first forecast in a server loads statsmodels
    const forecast = await api("/api/v1/insights/forecast?months=3");
    assert.equal(await rows.count(), 3);
    for (const [i, month] of forecast.months.entries()) {
      const cells = rows.nth(i).locator("td");
      assert.equal(digits(await cells.nth(1).innerText()), month.income);
      assert.ok((await cells.nth(2).innerText()).replace(/,/g, "").includes(month.spending), month.spending);
      assert.equal(digits(await cells.nth(4).innerText()), month.net);
    }
    const spending = forecast.series.find((s) => s.name === "spending");
    const trust = page.locator("[data-testid=forecast-series] tbody tr", { hasText: "Spending" }).first();
    assert.ok((await trust.innerText()).replace(/,/g, "").includes(spending.mae));
    // The chart: twelve months of history, this month at its pace, and the backtest's dashed line.
    assert.equal(await page.locator(".forecast-chart svg .fc-actual:not(.fc-so-far)").count(), forecast.history.length);
    assert.equal(await page.locator(".forecast-chart svg .fc-backtest").count(), 1);
    // The month in words, each sentence as the API has it.
    const words = await api("/api/v1/insights/text");
    if (words.length > 0) {
      await page.locator("[data-testid=month-in-words]").waitFor({ timeout: 30000 });
      assert.deepEqual(
        await page.locator(".insight-list li").allInnerTexts(),
        words.map((w) => w.text),
      );
    }
    // This month's anomalies and the health score, as the API has them.
    const anomalies = await api("/api/v1/insights/anomalies");
    await page.locator("[data-testid=anomalies]").waitFor({ timeout: 30000 });
    assert.equal(await page.locator("[data-testid=anomaly]").count(), anomalies.length);
    const health = await api("/api/v1/insights/health");
    await page.locator("[data-testid=health]").waitFor({ timeout: 30000 });
    assert.equal(await page.locator("[data-testid=pillar]").count(), health.pillars.length);
    assert.ok((await page.locator(".gauge-score").textContent()).includes(String(health.score ?? "—")));
    await page.keyboard.press("6");
    await page.locator("[data-testid=forecast-months] tbody tr").nth(5).waitFor({ timeout: 30000 });
    assert.equal(await page.locator("[data-testid=forecast-months] tbody tr").count(), 6);
    await shot("insights-desktop");
  });

  test("the planning pages at desktop and phone widths: screenshots, no serious accessibility violations", async () => {
    const problems = [];
    for (const [label, viewport] of [
      ["desktop", DESKTOP],
      ["phone", PHONE],
    ]) {
      const context = await browser.newContext({ viewport });
      const p = await context.newPage();
      await signIn(p);
      for (const [path, name] of [
        ["/", "dashboard"],
        ["/budget", "budget"],
        ["/goals", "goals"],
        ["/recurring", "recurring"],
        ["/insights", "insights"],
      ]) {
        await p.goto(`${server.base}${path}`);
        await p.locator("main .card").first().waitFor();
        await p
          .locator("[aria-busy=true]")
          .first()
          .waitFor({ state: "detached" })
          .catch(() => undefined);
        if (label === "phone" || path === "/") await shot(`planning-${name}-${label}`, p);
        for (const v of await axeViolations(p))
          problems.push(`${name} (${label}): ${v.id}: ${v.help} at ${v.nodes.join(", ")}`);
      }
      await context.close();
    }
    assert.deepEqual(problems, []);
    assert.deepEqual(errors, []);
  });
});
