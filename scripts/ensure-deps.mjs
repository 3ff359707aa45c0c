// Runs before `npm start` and `npm test` so that each works on a fresh clone:
// installs the locked dependencies when node_modules is missing or older than
// the lockfile. Plain JS: it runs on the system Node, before anything is installed.
import { execSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";

const installed = "node_modules/.package-lock.json";
const stale = !existsSync(installed) || statSync(installed).mtimeMs < statSync("package-lock.json").mtimeMs;
if (stale) {
  console.log("安装依赖 / installing dependencies (npm ci)…");
  execSync("npm ci --no-audit --no-fund", { stdio: "inherit" });
}
