import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * A DynamoDB fault injector: an HTTP proxy in front of DynamoDB Local that,
 * for a seeded fraction of requests, fails them the ways DynamoDB and the
 * network do:
 * - `throttle`: HTTP 400 ThrottlingException / ProvisionedThroughputExceededException, as DynamoDB sends them;
 * - `error500`: HTTP 500 InternalServerError;
 * - `reset`: the connection is reset before anything is forwarded;
 * - `drop`: the request is forwarded and applied, then the response is lost (the socket is destroyed).
 * - `outage`: every `OUTAGE_EVERY` requests, the next `OUTAGE_LENGTH` fail (throttled or 500),
 *   more than the client's attempts: the API must give up with a 503 and the caller retry.
 * `none` forwards everything. Same seed, same order of requests: same faults.
 */
export type FaultMode = "none" | "throttle" | "error500" | "reset" | "drop" | "outage";
export const FAULT_MODES: readonly Exclude<FaultMode, "none">[] = ["throttle", "error500", "reset", "drop", "outage"];
const OUTAGE_EVERY = 40;
const OUTAGE_LENGTH = 8;

export interface FaultStats {
  requests: number;
  faults: number;
  /** Requests per DynamoDB operation (X-Amz-Target's action). */
  byOperation: Record<string, number>;
}

export interface FaultProxy {
  endpoint: string;
  /** Sets the mode (and restarts the seeded sequence and the counts). */
  setMode(mode: FaultMode, opts?: { rate?: number; seed?: number; limit?: number }): void;
  stats(): FaultStats;
  close(): Promise<void>;
}

/** mulberry32: a small seeded PRNG, so that a run's faults can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AMZ_JSON = "application/x-amz-json-1.0";

function dynamoError(res: ServerResponse, status: number, type: string, message: string): void {
  const body = JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message });
  res.writeHead(status, { "content-type": AMZ_JSON, "content-length": Buffer.byteLength(body), "x-amzn-requestid": `fault-${Date.now()}` });
  res.end(body);
}

/** Resets the client's connection (RST where the platform allows it). */
function reset(socket: Socket): void {
  if (typeof socket.resetAndDestroy === "function") socket.resetAndDestroy();
  else socket.destroy();
}

export async function startFaultProxy(target: string, opts: { mode?: FaultMode; rate?: number; seed?: number } = {}): Promise<FaultProxy> {
  const upstream = new URL(target);
  let mode: FaultMode = opts.mode ?? "none";
  let rate = opts.rate ?? 0.3;
  let random = seededRandom(opts.seed ?? 1);
  let limit = Infinity;
  let stats: FaultStats = { requests: 0, faults: 0, byOperation: {} };

  const forward = (req: IncomingMessage, body: Buffer, onResponse: (status: number, headers: IncomingMessage["headers"], payload: Buffer) => void, onError: () => void) => {
    const out = httpRequest(
      { hostname: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host, "content-length": String(body.length) } },
      (up) => {
        const chunks: Buffer[] = [];
        up.on("data", (c: Buffer) => chunks.push(c));
        up.on("end", () => onResponse(up.statusCode ?? 502, up.headers, Buffer.concat(chunks)));
        up.on("error", onError);
      },
    );
    out.on("error", onError);
    out.end(body);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const operation = String(req.headers["x-amz-target"] ?? "").split(".").pop() || "unknown";
      stats.requests++;
      stats.byOperation[operation] = (stats.byOperation[operation] ?? 0) + 1;
      const outage = mode === "outage" && stats.requests % OUTAGE_EVERY >= OUTAGE_EVERY - OUTAGE_LENGTH;
      const fault = outage || (mode !== "none" && mode !== "outage" && random() < rate && stats.faults < limit);
      const flip = random();
      if (fault) stats.faults++;
      if (outage) return flip < 0.5 ? dynamoError(res, 400, "ThrottlingException", "Rate of requests exceeds the allowed throughput.") : dynamoError(res, 500, "InternalServerError", "Internal server error");
      if (fault && mode === "throttle") {
        return flip < 0.5
          ? dynamoError(res, 400, "ThrottlingException", "Rate of requests exceeds the allowed throughput.")
          : dynamoError(res, 400, "ProvisionedThroughputExceededException", "The level of configured provisioned throughput for the table was exceeded.");
      }
      if (fault && mode === "error500") return dynamoError(res, 500, "InternalServerError", "Internal server error");
      if (fault && mode === "reset") return reset(req.socket);
      forward(
        req,
        body,
        (status, headers, payload) => {
          // Applied upstream; the answer is lost on the way back.
          if (fault && mode === "drop") return reset(req.socket);
          const { "transfer-encoding": _chunked, connection: _connection, ...kept } = headers;
          res.writeHead(status, { ...kept, "content-length": String(payload.length) });
          res.end(payload);
        },
        () => reset(req.socket),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    setMode(next, o = {}) {
      mode = next;
      rate = o.rate ?? rate;
      random = seededRandom(o.seed ?? 1);
      limit = o.limit ?? Infinity;
      stats = { requests: 0, faults: 0, byOperation: {} };
    },
    stats: () => structuredClone(stats),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
