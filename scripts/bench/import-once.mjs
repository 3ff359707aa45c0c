// One cold import, in a fresh process: prints the milliseconds the module took to load and
// initialise, wall clock and CPU (user + system; less sensitive to a busy machine).
// With --invoke <event.json>…, it then calls the handler once per event and prints each answer on a line `RESULT <json>`,
// followed by `TOOK <wall ms> <cpu ms>` for that call.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [file, flag, ...eventFiles] = process.argv.slice(2);
const cpu = process.cpuUsage();
const started = performance.now();
const mod = await import(pathToFileURL(file).href);
const initMs = performance.now() - started;
const { user, system } = process.cpuUsage(cpu);
process.stdout.write(`INIT ${initMs} ${(user + system) / 1000}\n`);
if (flag === "--invoke") {
  const context = {
    functionName: "bench", functionVersion: "$LATEST", memoryLimitInMB: "1024", awsRequestId: "bench-1",
    invokedFunctionArn: "arn:aws-cn:lambda:cn-northwest-1:123456789012:function:bench",
    logGroupName: "/aws/lambda/bench", logStreamName: "bench", callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => 29_000,
  };
  for (const eventFile of eventFiles) {
    const event = JSON.parse(readFileSync(eventFile, "utf8"));
    const cpuBefore = process.cpuUsage();
    const t = performance.now();
    const result = await mod.handler(event, context);
    const spent = process.cpuUsage(cpuBefore);
    process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
    // What this call cost, wall and CPU: the first call of a route group also loads that group's code.
    process.stdout.write(`TOOK ${performance.now() - t} ${(spent.user + spent.system) / 1000}\n`);
  }
}
