// Prints the built JavaScript's gzipped size and fails the build when it passes the budget (350 KB gzip).
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET = 350 * 1024;
const assets = resolve(import.meta.dirname, "..", "..", "src", "kakeibo", "web", "dist", "assets");
let total = 0;
for (const name of readdirSync(assets).filter((n) => n.endsWith(".js"))) {
  const size = gzipSync(readFileSync(join(assets, name)), { level: 9 }).length;
  total += size;
  console.log(`  ${name}  ${(size / 1024).toFixed(1)} KB gzip`);
}
console.log(`JS bundle: ${(total / 1024).toFixed(1)} KB gzip (budget ${BUDGET / 1024} KB)`);
if (total > BUDGET) {
  console.error("the JS bundle is over budget");
  process.exit(1);
}
