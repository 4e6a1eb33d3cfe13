// The end-to-end harness: a real `kakeibo serve` on a temporary SQLite database (optionally with the demo
// household), and Debian's Chromium driven by playwright-core (never a downloaded browser).
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, "..", "..");

function kakeiboBin() {
  if (process.env.KAKEIBO_BIN) return process.env.KAKEIBO_BIN;
  const venv = join(repo, ".venv", "bin", "kakeibo");
  return existsSync(venv) ? venv : "kakeibo";
}

export function chromiumPath() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  try {
    return execFileSync("sh", ["-c", "command -v chromium || command -v chromium-browser"], {
      encoding: "utf8",
    }).trim();
  } catch {
    return "";
  }
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
    server.on("error", reject);
  });
}

/** Start `kakeibo serve` on a fresh data directory; `demo` loads the demo household first. */
export async function startServer({ demo = false, years = 1 } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), "kakeibo-e2e-"));
  const port = await freePort();
  const env = { ...process.env, KAKEIBO_DATA_DIR: dataDir, KAKEIBO_PORT: String(port), KAKEIBO_HOST: "127.0.0.1" };
  delete env.KAKEIBO_DATABASE_URL;
  delete env.KAKEIBO_REDIS_URL;
  const bin = kakeiboBin();
  execFileSync(bin, ["migrate"], { env, stdio: "pipe" });
  if (demo) execFileSync(bin, ["demo", "--years", String(years), "--seed", "7"], { env, stdio: "pipe" });
  const child = spawn(bin, ["serve"], { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`kakeibo serve exited:\n${log}`);
    try {
      const response = await fetch(`${base}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`kakeibo serve did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    base,
    dataDir,
    log: () => log,
    async stop() {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
      await new Promise((r) => (child.exitCode !== null ? r() : child.once("exit", r)));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Chromium with a fake microphone that needs no permission prompt: a tone, or `audioFile` (a WAV) played. */
export async function launchBrowser({ audioFile } = {}) {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error("Debian's chromium is not installed (apt-get install chromium)");
  const args = [
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--use-fake-device-for-media-stream",
    "--use-fake-ui-for-media-stream",
  ];
  if (audioFile) args.push(`--use-file-for-fake-audio-capture=${audioFile}`);
  return chromium.launch({ executablePath, args });
}

export function screenshotDir() {
  const dir = process.env.KAKEIBO_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), "kakeibo-screens-"));
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Sign in through the API and put the session where the app keeps it, to start a page signed in. */
export async function apiToken(base, email, password) {
  const response = await fetch(`${base}/api/v1/auth/token`, {
    method: "POST",
    body: new URLSearchParams({ username: email, password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return response.json();
}

export async function apiGet(base, token, path) {
  const response = await fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** axe-core's serious and critical violations on the current page. */
export async function axeViolations(page) {
  const source = await import("axe-core").then((m) => m.default.source);
  // Evaluated through the browser's devtools protocol: an inline <script> tag would be (rightly) refused by the
  // server's Content-Security-Policy.
  await page.evaluate(source);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
  });
  return result.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** `text` spoken by espeak-ng into a WAV followed by silence, or null when espeak-ng is not installed. */
export function spokenWav(text, path) {
  try {
    execFileSync("espeak-ng", [
      "-v",
      "en-us+f5",
      "-s",
      "140",
      "-m",
      "-w",
      path,
      `<speak>${text}<break time="4s"/></speak>`,
    ]);
    return path;
  } catch {
    return null;
  }
}
