// End to end, in Debian's Chromium against a real `kakeibo serve` on a temporary SQLite database: sign up, add a
// transaction and undo it, import a CSV and watch its progress, correct a category, ask the assistant and confirm
// its proposal then undo it, quick-add offline and sync when back online; then every page at desktop and phone
// widths, screenshotted and checked with axe-core. The screenshot folder is printed.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import {
  apiGet,
  apiToken,
  axeViolations,
  chromiumPath,
  launchBrowser,
  screenshotDir,
  spokenWav,
  startServer,
} from "./harness.mjs";

const PAGES = [
  ["/", "dashboard"],
  ["/transactions", "transactions"],
  ["/import", "import"],
  ["/assistant", "assistant"],
  ["/accounts", "accounts"],
  ["/settings", "settings"],
];
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const USER = { email: "e2e@example.com", password: "correct horse battery", name: "Robin" };

const required = process.env.KAKEIBO_REQUIRE_SERVICES === "1";
const skip = chromiumPath() ? false : "Debian's chromium is not installed (apt-get install chromium)";
if (skip && required) throw new Error(skip);

describe("the web app", { skip, concurrency: false }, () => {
  let server;
  let browser;
  let context;
  let page;
  let shots;
  let token;
  // The server's Content-Security-Policy allows no inline script or style: the app must not need any.
  const violations = [];
  const watchPolicy = (p) =>
    p.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });

  const shot = (name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  const toast = (text) => page.locator(".toast", { hasText: text }).first();
  const api = async (path) => {
    token ??= (await apiToken(server.base, USER.email, USER.password)).access_token;
    return apiGet(server.base, token, path);
  };

  before(async () => {
    shots = screenshotDir();
    console.log(`screenshots: ${shots}`);
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: DESKTOP });
    page = await context.newPage();
    page.setDefaultTimeout(15000);
    page.on("pageerror", (err) => console.error("page error:", err.message));
    watchPolicy(page);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test("sign up lands on an empty dashboard", async () => {
    await page.goto(server.base);
    await page.waitForURL(/\/signin$/);
    await shot("signin-desktop");
    await page.click("text=Create an account");
    await page.fill("input[name=display_name]", USER.name);
    await page.fill("input[name=email]", USER.email);
    await page.fill("input[name=password]", USER.password);
    await page.fill("input[name=household_name]", "Robin's flat");
    await page.fill("input[name=base_currency]", "EUR");
    await shot("signup-desktop");
    await page.click("button[type=submit]");
    await page.waitForSelector(".kpi-value");
    assert.equal(new URL(page.url()).pathname, "/");
    assert.match(await page.locator(".household-name").innerText(), /Robin's flat/);
    // Euros, formatted by Intl: the figure carries the € sign.
    assert.match(await page.locator(".kpi-value").first().innerText(), /€/);
  });

  test("create an account, add a transaction, undo another", async () => {
    await page.click("nav[aria-label=Main] >> text=Accounts");
    await page.fill("form[aria-label='New account'] input[placeholder=Name]", "Everyday");
    await page.fill("form[aria-label='New account'] input[inputmode=decimal]", "1000");
    await page.click("form[aria-label='New account'] button[type=submit]");
    await toast("Account Everyday created").waitFor();
    await page.locator(".list-row", { hasText: "Everyday" }).waitFor();

    await page.keyboard.press("Escape");
    await page.locator("body").press("n"); // quick add from anywhere
    const dialog = page.locator("dialog.modal[open]");
    await dialog.waitFor();
    await dialog.locator("input[name=amount]").fill("12.50");
    await dialog.locator("input[name=payee]").fill("Corner Bakery");
    const groceries = (await api("/api/v1/categories")).find((c) => c.path === "Food & Dining/Groceries");
    await dialog.locator("select[aria-label=Category]").selectOption(String(groceries.id));
    await shot("quick-add-desktop");
    await dialog.locator("button[type=submit]").click();
    await toast("Added Corner Bakery").waitFor();

    await page.click("nav[aria-label=Main] >> text=Transactions");
    const row = page.locator("tr", { hasText: "Corner Bakery" });
    await row.waitFor();
    assert.match(await row.locator(".money").innerText(), /-\s?€\s?12\.50|-12[.,]50\s?€/);
    const listed = await api("/api/v1/transactions?q=Corner");
    assert.equal(listed.items.length, 1);
    assert.equal(listed.items[0].category.name, "Food & Dining/Groceries");

    // A second one, undone from its toast.
    await page.click("button.quick-add-button");
    await dialog.waitFor();
    await dialog.locator("input[name=amount]").fill("99");
    await dialog.locator("input[name=payee]").fill("Mistake Shop");
    await dialog.locator("button[type=submit]").click();
    await page.locator("tr", { hasText: "Mistake Shop" }).waitFor();
    await toast("Added Mistake Shop").locator("button", { hasText: "Undo" }).click();
    await toast("Undone").waitFor();
    await page.locator("tr", { hasText: "Mistake Shop" }).waitFor({ state: "detached" });
    assert.equal((await api("/api/v1/transactions?q=Mistake")).items.length, 0);
  });

  test("import a CSV, watch the progress bar, see the result", async () => {
    const rows = ["Date,Description,Amount"];
    for (let i = 0; i < 300; i++) {
      const day = String((i % 27) + 1).padStart(2, "0");
      rows.push(`2026-10-${day},TRADER JOES #${100 + i},-${(20 + (i % 50)).toFixed(2)}`);
    }
    rows.push(
      "2026-10-28,SHELL OIL 5544,-40.00",
      "2026-10-29,ACME PAYROLL,2500.00",
      "2026-10-30,Mystery Shop 42,-12.34",
    );
    const file = join(shots, "statement.csv");
    writeFileSync(file, rows.join("\n") + "\n");

    await page.click("nav[aria-label=Main] >> text=Import");
    const everyday = (await api("/api/v1/accounts")).find((a) => a.name === "Everyday");
    await page.selectOption("select:near(:text('Into account'))", String(everyday.id));
    await page.setInputFiles("[data-testid=import-file]", file);
    await page.locator("table", { hasText: "Trader Joe's" }).first().waitFor();
    const detected = await page.locator("#preview-step + span").innerText();
    assert.match(detected, /^CSV/, "the detected format is shown");
    await shot("import-preview-desktop");

    // Record every value the progress bar shows while the job runs.
    await page.evaluate(() => {
      window.__progress = [];
      new MutationObserver(() => {
        const bar = document.querySelector("[role=progressbar]");
        if (bar) window.__progress.push(Number(bar.getAttribute("aria-valuenow")));
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.click("button:has-text('Import statement.csv')");
    await page.locator("[data-testid=import-result]").waitFor({ timeout: 60000 });
    const progress = await page.evaluate(() => window.__progress);
    console.log(`progress bar values seen: ${[...new Set(progress)].join(", ")}`);
    assert.ok(progress.length > 0, "the progress bar was shown");
    assert.ok(progress[0] < 100, "the bar was shown while the job ran, before it finished");
    assert.equal(progress.at(-1), 100);
    const imported = await page
      .locator("[data-testid=import-result] div", { hasText: "imported" })
      .locator("dd")
      .innerText();
    assert.equal(imported, "303");
    assert.equal((await api("/api/v1/transactions?q=Mystery")).items.length, 1);

    // The unknown shop waits in the review queue; one key accepts it.
    const item = page.locator(".review-item", { hasText: "Mystery Shop" });
    await item.waitFor();
    await shot("import-result-desktop");
    const reviewIds = async () => (await api("/api/v1/review")).map((i) => i.transaction.id);
    const [mystery] = (await api("/api/v1/transactions?q=Mystery")).items;
    assert.ok((await reviewIds()).includes(mystery.id));
    await item.click();
    await page.locator(".review-list").press("c");
    const books = (await api("/api/v1/categories")).find((c) => c.path === "Shopping/Books");
    await item.locator("select").selectOption(String(books.id));
    await toast("Filed Mystery Shop under Shopping/Books").waitFor();
    await item.waitFor({ state: "detached" });
    assert.ok(!(await reviewIds()).includes(mystery.id));
  });

  test("import older history: the balance check differs until the opening date moves before the rows", async () => {
    // A new account opened today with what the bank showed before three months of statement rows.
    const day = (daysAgo) => new Date(Date.now() - daysAgo * 86400000).toISOString().slice(0, 10);
    const ofxDate = (iso) => iso.replaceAll("-", "");
    const [first, second, last] = [day(90), day(75), day(60)];
    const transaction = (date, amount, id, name) =>
      `<STMTTRN><TRNTYPE>OTHER<DTPOSTED>${ofxDate(date)}<TRNAMT>${amount}<FITID>${id}<NAME>${name}\n`;
    const ofx = [
      "OFXHEADER:100",
      "DATA:OFXSGML",
      "VERSION:102",
      "",
      "<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>EUR",
      "<BANKACCTFROM><BANKID>1<ACCTID>778899<ACCTTYPE>SAVINGS</BANKACCTFROM>",
      "<BANKTRANLIST>",
      transaction(first, "-4.75", "h1", "CAFE CENTRAL"),
      transaction(second, "100.00", "h2", "INTEREST"),
      transaction(last, "-48.20", "h3", "SHELL OIL 5544"),
      "</BANKTRANLIST>",
      `<LEDGERBAL><BALAMT>1047.05<DTASOF>${ofxDate(last)}</LEDGERBAL>`,
      "</STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>",
    ].join("\n");
    const file = join(shots, "history.ofx");
    writeFileSync(file, ofx + "\n");

    await page.goto(`${server.base}/accounts`);
    await page.fill("form[aria-label='New account'] input[placeholder=Name]", "Rainy Day");
    await page.fill("form[aria-label='New account'] input[inputmode=decimal]", "1000");
    await page.click("form[aria-label='New account'] button[type=submit]");
    await toast("Account Rainy Day created").waitFor();
    const rainy = (await api("/api/v1/accounts")).find((a) => a.name === "Rainy Day");

    await page.click("nav[aria-label=Main] >> text=Import");
    await page.selectOption("select:near(:text('Into account'))", String(rainy.id));
    await page.setInputFiles("[data-testid=import-file]", file);
    await page.locator("table", { hasText: "Shell" }).first().waitFor();
    await page.click("button:has-text('Import history.ofx')");
    const notice = page.locator("[data-testid=opening-date-notice]");
    await notice.waitFor({ timeout: 60000 });
    const check = page.locator("[data-testid=balance-check]");
    assert.equal(await check.getAttribute("data-ok"), "false");
    assert.match(await check.innerText(), /1047\.05/);
    await shot("import-opening-date-desktop");

    await notice.locator("button", { hasText: "Open Rainy Day on" }).click();
    await page.locator("[data-testid=balance-check][data-ok=true]").waitFor();
    const moved = (await api(`/api/v1/accounts/${rainy.id}`)).opening_date;
    assert.equal(moved, day(91));
    const atEnd = (await api(`/api/v1/accounts?at=${last}`)).find((a) => a.id === rainy.id);
    assert.equal(atEnd.balance, "1047.05");

    // Undo puts the opening date back, and the check differs again.
    await notice.locator("button", { hasText: "Undo" }).click();
    await page.locator("[data-testid=balance-check][data-ok=false]").waitFor();
    assert.equal((await api(`/api/v1/accounts/${rainy.id}`)).opening_date, rainy.opening_date);
  });

  test("correct a category inline, then undo the correction", async () => {
    await page.goto(`${server.base}/transactions?q=Mystery`);
    const row = page.locator("tr", { hasText: "Mystery Shop" });
    await row.waitFor();
    await row.locator("button[aria-label^='Change category']").click();
    const clothing = (await api("/api/v1/categories")).find((c) => c.path === "Shopping/Clothing");
    await row.locator("select").selectOption(String(clothing.id));
    await toast("Category changed").waitFor();
    await row.locator("text=Shopping/Clothing").waitFor();
    let [tx] = (await api("/api/v1/transactions?q=Mystery")).items;
    assert.equal(tx.category.name, "Shopping/Clothing");
    await shot("transactions-corrected-desktop");

    await toast("Category changed").locator("button", { hasText: "Undo" }).click();
    await toast("Undone").waitFor();
    [tx] = (await api("/api/v1/transactions?q=Mystery")).items;
    assert.notEqual(tx.category?.name, "Shopping/Clothing");
  });

  test("bulk recategorize a page of transactions, then undo it", async () => {
    await page.goto(`${server.base}/transactions?q=Trader`);
    await page.locator("tr", { hasText: "Trader Joe's" }).first().waitFor();
    await page.check("input[aria-label='Select all shown']");
    const bar = page.locator("[aria-label='Bulk actions']");
    assert.match(await bar.innerText(), /50 selected/);
    const restaurants = (await api("/api/v1/categories")).find((c) => c.path === "Food & Dining/Restaurants");
    await bar.locator("select").selectOption(String(restaurants.id));
    await bar.locator("button", { hasText: "Recategorize" }).click();
    await toast("Recategorized 50 transactions").waitFor();
    const after = (await api("/api/v1/transactions?q=Trader&limit=50")).items.map((t) => t.category.name);
    assert.deepEqual([...new Set(after)], ["Food & Dining/Restaurants"]);
    await shot("transactions-bulk-desktop");

    await toast("Recategorized 50 transactions").locator("button", { hasText: "Undo" }).click();
    await toast("Undone").waitFor();
    const undone = (await api("/api/v1/transactions?q=Trader&limit=50")).items.map((t) => t.category.name);
    assert.deepEqual([...new Set(undone)], ["Food & Dining/Groceries"]);
  });

  test("ask the assistant, confirm its proposal, undo it", async () => {
    await page.click("nav[aria-label=Main] >> text=Assistant");
    await page.fill("#ask", "how much did we spend on groceries this month?");
    await page.keyboard.press("Enter");
    const answer = page.locator(".bubble.assistant", { hasText: "spent" }).last();
    await answer.waitFor();
    await answer.locator("summary", { hasText: "Evidence" }).click();
    await answer.locator(".query-spec").waitFor();
    // The answer's spec opens exactly the transactions behind its figure.
    const said = await answer.locator("summary", { hasText: "Evidence" }).innerText();
    const count = Number(/(\d+) transaction/.exec(said)?.[1]);
    const link = answer.locator("a", { hasText: /^See th/ });
    const href = await link.getAttribute("href");
    const listed = await api(`/api/v1${href}&limit=500`);
    assert.equal(listed.items.length, count);
    assert.equal(listed.figure.count, count);
    await link.click();
    const banner = page.locator(".figure-banner");
    await banner.waitFor();
    assert.match(await banner.innerText(), new RegExp(`These ${count} transactions? make up`));
    await page.click("nav[aria-label=Main] >> text=Assistant");

    await page.fill("#ask", "coffee at starbucks 4.50");
    await page.keyboard.press("Enter");
    const card = page.locator("[data-testid=proposal][data-status=pending]").last();
    await card.waitFor();
    assert.match(await card.innerText(), /4\.50/);
    await shot("assistant-proposal-desktop");
    await card.locator("button", { hasText: "Confirm" }).click();
    const done = page.locator("[data-testid=proposal][data-status=confirmed]").last();
    await done.waitFor();
    const created = (await api("/api/v1/transactions?q=Starbucks")).items;
    assert.equal(created.length, 1);
    await done.locator("button", { hasText: "Undo" }).click();
    await done.locator(".badge", { hasText: "Undone" }).waitFor();
    assert.equal((await api("/api/v1/transactions?q=Starbucks")).items.length, 0);
    await shot("assistant-undone-desktop");
  });

  test("the microphone records and sends the audio to the speech endpoint", async () => {
    await page.click("nav[aria-label=Main] >> text=Assistant");
    const mic = page.locator("button[aria-label='Ask by voice']");
    await mic.click();
    await page.locator("button[aria-label='Stop recording and send']").waitFor();
    await page.waitForTimeout(600);
    // Chromium does not expose an uploaded Blob to the driver, so the page reports the form it sends.
    await page.evaluate(() => {
      const send = window.fetch;
      window.fetch = async (input, init) => {
        if (input instanceof Request && input.url.endsWith("/assistant/speech")) {
          const form = await input.clone().formData();
          window.__speech = [...form.entries()].map(([k, v]) => [
            k,
            typeof v === "string" ? v : { name: v.name, size: v.size },
          ]);
        }
        return send(input, init);
      };
    });
    const posted = page.waitForRequest((r) => r.url().endsWith("/api/v1/assistant/speech") && r.method() === "POST");
    await page.click("button[aria-label='Stop recording and send']");
    const request = await posted;
    const form = Object.fromEntries(await page.evaluate(() => window.__speech));
    assert.match(form.audio.name, /^question\.(webm|ogg|wav)$/);
    assert.ok(form.audio.size > 500, `the recording was sent (${form.audio.size} bytes)`);
    assert.match(form.conversation_id, /^\d+$/);
    const response = await request.response();
    if (response.ok()) {
      const { transcript } = await response.json();
      await page.locator(".bubble.user", { hasText: transcript }).last().waitFor();
    } else {
      // No speech service here (or it could not understand a test tone): the person is told, nothing breaks.
      await toast("Could not understand the recording").waitFor();
    }
  });

  test("a spoken question is transcribed and answered", async (t) => {
    const wav = spokenWav("how much did we spend on groceries this month", join(shots, "question.wav"));
    if (!wav) {
      t.skip("espeak-ng is not installed, so there is no voice to play into the fake microphone");
      return;
    }
    // A browser whose microphone plays the spoken question (from the moment recording starts).
    const voiced = await launchBrowser({ audioFile: wav });
    try {
      const context = await voiced.newContext({ viewport: DESKTOP });
      const p = await context.newPage();
      p.setDefaultTimeout(20000);
      await p.goto(`${server.base}/signin`);
      await p.fill("input[name=email]", USER.email);
      await p.fill("input[name=password]", USER.password);
      await p.click("button[type=submit]");
      await p.waitForSelector(".kpi-value");
      await p.goto(`${server.base}/assistant`);
      await p.click("button:has-text('New conversation')");
      await p.locator(".bubble").first().waitFor({ state: "detached" }); // an empty log: what follows is the voice's
      await p.click("button[aria-label='Ask by voice']");
      await p.waitForTimeout(4500);
      await p.click("button[aria-label='Stop recording and send']");
      const heard = p.locator(".bubble.user", { hasText: "groceries" }).last();
      await heard.waitFor();
      console.log(`heard: ${await heard.innerText()}`);
      const answer = p.locator(".bubble.assistant", { hasText: "spent" }).last();
      await answer.waitFor();
      assert.match(await answer.innerText(), /Groceries/);
      await p.screenshot({ path: join(shots, "assistant-voice-desktop.png"), fullPage: true });
    } finally {
      await voiced.close();
    }
  });

  test("quick add offline waits in the outbox and syncs when back online", async () => {
    await page.click("nav[aria-label=Main] >> text=Dashboard");
    await page.waitForSelector(".kpi-value");
    await context.setOffline(true);
    await page.locator("[data-testid=outbox]", { hasText: "Offline" }).waitFor();
    await page.click("button.quick-add-button");
    const dialog = page.locator("dialog.modal[open]");
    await dialog.locator("input[name=amount]").fill("3.20");
    await dialog.locator("input[name=payee]").fill("Offline Kiosk");
    await dialog.locator("button[type=submit]").click();
    await page.locator("[data-testid=outbox]", { hasText: "1 waiting to sync" }).waitFor();
    const queued = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const open = indexedDB.open("kakeibo");
          open.onsuccess = () => {
            const request = open.result.transaction("outbox").objectStore("outbox").getAll();
            request.onsuccess = () => resolve(request.result.map((e) => e.body.payee));
          };
        }),
    );
    assert.deepEqual(queued, ["Offline Kiosk"]);
    assert.equal((await api("/api/v1/transactions?q=Offline")).items.length, 0);
    await shot("offline-queued-desktop");

    // The service worker keeps the app shell: a reload without a network still opens the app and its outbox.
    await page.reload();
    await page.locator("[data-testid=outbox]", { hasText: "1 waiting to sync" }).waitFor();

    await context.setOffline(false);
    await toast("Synced 1 offline entry").waitFor();
    await page.locator("[data-testid=outbox]").waitFor({ state: "detached" });
    assert.equal((await api("/api/v1/transactions?q=Offline")).items.length, 1);
  });

  // A second account, in dinars: after the flows that take the household's only account for granted (the
  // assistant's "coffee at starbucks", quick add's default), before the tests that switch households.
  test("edit a dinar amount inline to the fils: three decimals kept", async () => {
    token ??= (await apiToken(server.base, USER.email, USER.password)).access_token;
    const post = async (path, body) => {
      const response = await fetch(`${server.base}${path}`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
      return response.json();
    };
    const dinars = await post("/api/v1/accounts", { name: "Dinars", kind: "asset", currency: "KWD" });
    await post("/api/v1/transactions", {
      type: "expense",
      account: dinars.id,
      amount: "1.235",
      payee: "Souq Sharq",
      date: "2026-06-15",
    });

    await page.goto(`${server.base}/transactions?q=Souq`);
    const row = page.locator("tr", { hasText: "Souq Sharq" });
    await row.waitFor();
    await row.locator("button[aria-label^='Edit amount']").click();
    const input = row.locator("input[aria-label=Amount]");
    assert.equal(await input.inputValue(), "1.235"); // not cut to 1.23
    await input.fill("2.345");
    await input.press("Enter");
    await toast("Amount changed").waitFor();
    const [tx] = (await api("/api/v1/transactions?q=Souq")).items;
    assert.equal(tx.currency, "KWD");
    assert.equal(tx.amount, "-2.345");
    await row.locator(".money", { hasText: "2.345" }).waitFor(); // the list reloads once the ledger changed

    // A fourth decimal is more than a dinar holds: refused in place, nothing sent.
    await row.locator("button[aria-label^='Edit amount']").click();
    await input.fill("2.3456");
    await input.press("Enter");
    assert.equal(await input.getAttribute("aria-invalid"), "true");
    await input.press("Escape");
    assert.equal((await api("/api/v1/transactions?q=Souq")).items[0].amount, "-2.345");
  });

  test("rename yourself in the profile", async () => {
    await page.click("nav[aria-label=Main] >> text=Settings");
    const profile = page.locator("form[aria-label='Change your profile']");
    await profile.locator("input").first().fill("Robin Q."); // the profile reloaded when the app came back online
    await profile.locator("button[type=submit]").click();
    await toast("Profile saved").waitFor();
    await page.locator("dd", { hasText: "Robin Q." }).waitFor();
  });

  test("a second household, and the switcher between them", async () => {
    await page.click("nav[aria-label=Main] >> text=Settings");
    await page.fill("input[placeholder=Name]:near(:text('Another household'))", "Holiday fund");
    await page.click("button:has-text('Create'):near(:text('Another household'))");
    await toast("Created Holiday fund").waitFor();
    const switcher = page.locator(".household-switcher select");
    await switcher.waitFor();
    assert.equal(await switcher.locator("option:checked").innerText(), "Holiday fund");
    await page.click("nav[aria-label=Main] >> text=Dashboard");
    await page.locator(".recent .empty").waitFor(); // the new household has no transactions
    await shot("household-switcher-desktop");

    await switcher.selectOption({ label: "Robin's flat" });
    await page.locator(".recent-row", { hasText: "Offline Kiosk" }).waitFor();
    assert.equal(await switcher.locator("option:checked").innerText(), "Robin's flat");
  });

  test("an invitation link signs someone up into the household", async () => {
    const household = (await api("/api/v1/auth/me")).memberships.find((m) => m.name === "Robin's flat");
    const response = await fetch(`${server.base}/api/v1/households/${household.id}/invitations`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ email: "sam@example.com", role: "member" }),
    });
    assert.equal(response.status, 201);
    const { link } = await response.json();
    const guest = await browser.newContext({ viewport: DESKTOP });
    const p = await guest.newPage();
    watchPolicy(p);
    await p.goto(`${server.base}${link}`);
    await p.locator("h1", { hasText: "Join a household" }).waitFor();
    assert.equal(await p.locator("input[name=household_name]").count(), 0);
    await p.fill("input[name=display_name]", "Sam");
    await p.fill("input[name=email]", "sam@example.com");
    await p.fill("input[name=password]", "sam's own long password");
    await p.click("button[type=submit]");
    await p.waitForSelector(".kpi-value");
    assert.match(await p.locator(".household-name").innerText(), /Robin's flat/);
    await guest.close();
  });

  test("the API docs run from this server under its Content-Security-Policy", async () => {
    const docs = await browser.newContext({ viewport: DESKTOP });
    const p = await docs.newPage();
    const external = [];
    p.on("request", (request) => {
      if (!request.url().startsWith(server.base)) external.push(request.url());
    });
    watchPolicy(p);
    await p.goto(`${server.base}/docs`);
    await p.locator(".swagger-ui .info .title", { hasText: "kakeibo" }).waitFor();
    await p.locator(".opblock-summary-path", { hasText: "/api/v1/auth/token" }).first().waitFor();
    await p.screenshot({ path: join(shots, "api-docs-desktop.png") });
    assert.deepEqual(external, []);
    await docs.close();
  });

  test("every page, desktop and phone: screenshots and no serious accessibility violations", async () => {
    const problems = [];
    for (const [label, viewport] of [
      ["desktop", DESKTOP],
      ["phone", PHONE],
    ]) {
      const demo = await browser.newContext({ viewport });
      const p = await demo.newPage();
      watchPolicy(p);
      await p.goto(`${server.base}/signin`);
      await p.fill("input[name=email]", "demo@kakeibo.local");
      await p.fill("input[name=password]", "kakeibo-demo");
      await p.click("button[type=submit]");
      await p.waitForSelector(".kpi-value");
      for (const [path, name] of PAGES) {
        await p.goto(`${server.base}${path}`);
        await p.waitForLoadState("networkidle");
        await p
          .locator("main[aria-busy=true], .skeleton")
          .first()
          .waitFor({ state: "detached" })
          .catch(() => undefined);
        await p.screenshot({ path: join(shots, `${name}-${label}.png`), fullPage: true });
        for (const v of await axeViolations(p))
          problems.push(`${name} (${label}): ${v.id}: ${v.help} at ${v.nodes.join(", ")}`);
      }
      await demo.close();
    }
    assert.deepEqual(problems, []);
  });

  test("no page needed an inline script or style", () => {
    assert.deepEqual(violations, []);
  });
});
