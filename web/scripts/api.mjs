// The typed API client's schema: `write` regenerates src/api/schema.ts from the app's OpenAPI document,
// `check` fails (exit 1) when the checked-in file differs from what the current API would generate.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const here = dirname(fileURLToPath(import.meta.url));
const web = resolve(here, "..");
const target = join(web, "src", "api", "schema.ts");
const venvPython = resolve(web, "..", ".venv", "bin", "python");
const python = process.env.PYTHON ?? (existsSync(venvPython) ? venvPython : "python3");

export async function generate() {
  const json = execFileSync(python, [join(here, "export_openapi.py")], {
    cwd: resolve(web, ".."),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  // Fields with defaults stay optional in request bodies (the server fills them in).
  const ast = await openapiTS(JSON.parse(json), { defaultNonNullable: false });
  return "// Generated from the API's OpenAPI document by `npm run api`; do not edit.\n" + astToString(ast);
}

const mode = process.argv[2] ?? "check";
const fresh = await generate();
if (mode === "write") {
  writeFileSync(target, fresh);
  console.log(`wrote ${target}`);
} else {
  const current = existsSync(target) ? readFileSync(target, "utf8") : "";
  if (current !== fresh) {
    console.error("src/api/schema.ts is stale: the API changed. Run `npm run api` in web/ and commit the result.");
    process.exit(1);
  }
  console.log("src/api/schema.ts matches the API");
}
