// The dashboard's first load on localhost with the demo household (two years, as `make run` loads it), measured
// in Debian's Chromium: from navigation to every figure on screen. Prints one JSON line; bench/web.py reports it.
import { apiToken, launchBrowser, startServer } from "./harness.mjs";

const runs = Number(process.argv[2] ?? 5);
const server = await startServer({ demo: true, years: 2 });
const browser = await launchBrowser();
try {
  const tokens = await apiToken(server.base, "demo@kakeibo.local", "kakeibo-demo");
  const session = JSON.stringify({
    access_token: tokens.access_token,
    refresh_token: tokens.refresh_token,
    household_id: tokens.household_id,
  });
  const timings = [];
  for (let i = 0; i < runs; i++) {
    // A fresh context each time: an empty HTTP cache, so every run is a first load.
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    await context.addInitScript((s) => localStorage.setItem("kakeibo.session", s), session);
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(`${server.base}/`);
    await page.waitForSelector(".cashflow-month");
    await page.waitForSelector(".recent-row");
    timings.push(Date.now() - started);
    await context.close();
  }
  console.log(JSON.stringify({ runs: timings }));
} finally {
  await browser.close();
  await server.stop();
}
