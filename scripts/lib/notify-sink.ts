import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * The notification sink: a tiny HTTP server standing in for the SMS provider,
 * the WeCom and DingTalk robots and webhook receivers (the delivery adapters
 * post to `<url>/<channel>` when NOTIFY_SINK_URL is set). It records what would
 * have been sent and answers each in its provider's shape. `npm start` runs one
 * (GET its URL to see what it received); tests start their own and may make a
 * channel fail the next N times.
 */
export interface SinkRecord {
  channel: string;
  at: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
  /** The send's dedupe id as the provider sees it (SMS: `SessionContext`; others: the request id header). */
  dedupeId: string | undefined;
  /** The address it would have gone to. */
  target: string | undefined;
  ok: boolean;
}

export interface NotifySink {
  url: string;
  received: SinkRecord[];
  /** The next `times` requests of `channel` (or of every channel: "*") fail. */
  failNext(channel: string, times: number): void;
  stop(): Promise<void>;
}

const read = (req: IncomingMessage) =>
  new Promise<string>((done, fail) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => done(Buffer.concat(chunks).toString("utf8")));
    req.on("error", fail);
  });

function answer(channel: string, ok: boolean, dedupeId: string | undefined): { status: number; body: unknown } {
  if (channel === "sms")
    return ok
      ? { status: 200, body: { Response: { SendStatusSet: [{ Code: "Ok", Message: "send success", SessionContext: dedupeId, SerialNo: `sink-${Date.now()}` }], RequestId: `sink-${Date.now()}` } } }
      : { status: 200, body: { Response: { Error: { Code: "InternalError.Timeout", Message: "sink: injected failure" }, RequestId: `sink-${Date.now()}` } } };
  if (channel === "wecom" || channel === "dingtalk") return ok ? { status: 200, body: { errcode: 0, errmsg: "ok" } } : { status: 200, body: { errcode: -1, errmsg: "system busy (sink: injected failure)" } };
  return ok ? { status: 200, body: { received: true } } : { status: 503, body: { error: "sink: injected failure" } };
}

export async function startNotifySink(opts: { port?: number; host?: string } = {}): Promise<NotifySink> {
  const received: SinkRecord[] = [];
  const failures = new Map<string, number>();
  const server = createServer((req, res) => {
    void (async () => {
      const channel = (req.url ?? "/").split("?")[0]!.replace(/^\//, "");
      if (req.method === "GET") {
        res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
        res.end(JSON.stringify({ received: received.slice(-200) }, null, 2));
        return;
      }
      const text = await read(req);
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        body = { raw: text };
      }
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      const dedupeId = channel === "sms" ? (body.SessionContext as string | undefined) : (headers["x-request-id"] ?? headers["idempotency-key"]);
      const key = failures.get(channel) ? channel : failures.get("*") ? "*" : undefined;
      const ok = !key;
      if (key) failures.set(key, failures.get(key)! - 1);
      received.push({ channel, at: new Date().toISOString(), headers, body, dedupeId, target: headers["x-sink-target"], ok });
      const { status, body: out } = answer(channel, ok, dedupeId);
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(out));
    })().catch(() => {
      res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((done) => server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${opts.host ?? "127.0.0.1"}:${port}`,
    received,
    failNext: (channel, times) => failures.set(channel, times),
    stop: () => new Promise<void>((done) => server.close(() => done())),
  };
}
