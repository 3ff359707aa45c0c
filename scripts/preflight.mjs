// Runs before the test scripts: checks what npm cannot bring (Java for
// DynamoDB Local; Chromium and a CJK font for the e2e tests) and stops at once
// with the install command, instead of failing minutes into the run. Plain JS:
// it runs on the system Node, before anything is installed.
//   node scripts/preflight.mjs        Java, Chromium, CJK font
//   node scripts/preflight.mjs java   Java only (integration tests)
// PREFLIGHT_BROWSER=off skips the Chromium and font checks. DYNAMODB_ENDPOINT
// (an existing DynamoDB) spares Java, except for the e2e tests: their local
// stack always starts its own.
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";
import { pathToFileURL } from "node:url";

const needs = {
  java: { pkg: "default-jre-headless", zh: "未找到 Java：本地 DynamoDB（集成测试、端到端测试）需要 Java 17 或更高版本。", en: "Java is missing: DynamoDB Local (integration and e2e tests) needs a Java 17+ runtime." },
  chromium: { pkg: "chromium", zh: "未找到 Chromium：端到端测试使用它（或用 CHROMIUM_PATH 指定路径）。", en: "Chromium is missing: the e2e tests drive it (or point CHROMIUM_PATH at it)." },
  cjkFont: { pkg: "fonts-wqy-microhei", zh: "未找到中文字体：中文页面截图会显示为方框。", en: "No CJK font: zh-CN pages would screenshot as empty boxes." },
};

/** What is missing (`false`; `undefined` = not checked), as zh and en lines ending with the one command that installs it all. */
export function missing(found) {
  const absent = Object.keys(needs).filter((name) => found[name] === false);
  if (absent.length === 0) return [];
  return [
    ...absent.flatMap((name) => [needs[name].zh, needs[name].en]),
    "安装 / install (Debian/Ubuntu):",
    `  sudo apt-get install -y ${absent.map((name) => needs[name].pkg).join(" ")}`,
    "不跑端到端测试 / without the e2e tests: PREFLIGHT_BROWSER=off npm test -- --project unit --project integration",
  ];
}

/** Whether a program runs; a slow one counts as there. */
function runs(command, args) {
  const probe = spawnSync(command, args, { stdio: "ignore", timeout: 2000 });
  return probe.error?.code !== "ENOENT";
}

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function hasCjkFont() {
  const probe = spawnSync("fc-list", [":lang=zh", "family"], { encoding: "utf8", timeout: 2000 });
  if (!probe.error) return probe.stdout.trim() !== "";
  return ["/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"].some((file) => existsSync(file));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const browser = process.argv[2] !== "java" && process.env.PREFLIGHT_BROWSER !== "off";
  const lines = missing({
    java: process.env.DYNAMODB_ENDPOINT && !browser ? undefined : runs("java", ["-version"]),
    chromium: browser ? executable(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium") : undefined,
    cjkFont: browser ? hasCjkFont() : undefined,
  });
  if (lines.length > 0) {
    console.error(lines.join("\n"));
    process.exit(1);
  }
}
