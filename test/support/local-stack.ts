import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { freePort } from "../../scripts/lib/free-port.ts";

export const repoRoot = resolve(import.meta.dirname, "../..");

export interface RunningStack {
  base: string;
  dynamoPort: number;
  child: ChildProcess;
  output: () => string;
  /** Ctrl-C as a terminal sends it: SIGINT to the whole process group; resolves once every process of the group is gone. */
  interrupt(): Promise<void>;
}

/**
 * The local stack on free ports with a throwaway data folder, in a process
 * group of its own: `npm start` itself when asked (as the README says), or
 * its script directly (the web client already built) to save time.
 */
export async function startLocalStack(env: NodeJS.ProcessEnv = {}, opts: { viaNpmStart?: boolean } = {}): Promise<RunningStack> {
  const dynamoPort = await freePort();
  const [command, args] = opts.viaNpmStart ? ["npm", ["start"]] : [join(repoRoot, "node_modules/.bin/tsx"), ["scripts/local-stack.ts"]];
  const child = spawn(command, args, {
    cwd: repoRoot,
    detached: true,
    env: {
      ...process.env,
      PORT: String(await freePort()),
      DYNAMODB_PORT: String(dynamoPort),
      S3_PORT: String(await freePort()),
      NOTIFY_SINK_PORT: String(await freePort()),
      NOTIFY_SINK_URL: "",
      DATA_DIR: mkdtempSync(join(tmpdir(), "firegov-e2e-")),
      DYNAMODB_ENDPOINT: "",
      S3_ENDPOINT: "",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((done) => child.once("exit", () => done()));

  const base = await new Promise<string>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`local stack not ready in 90 s:\n${output}`)), 90_000);
    const check = () => {
      const match = /READY (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        ready(match[1]!);
      }
    };
    child.stdout!.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`local stack exited (${code}):\n${output}`));
    });
  });

  return {
    base,
    dynamoPort,
    child,
    output: () => output,
    async interrupt() {
      if (!groupAlive(child.pid!)) return;
      process.kill(-child.pid!, "SIGINT");
      await exited;
      const deadline = Date.now() + 15_000;
      while (groupAlive(child.pid!)) {
        if (Date.now() > deadline) throw new Error(`processes of the stack survived Ctrl-C:\n${output}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}

/** Whether any process of the group still exists (signal 0 probes without killing). */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}
