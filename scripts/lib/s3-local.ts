import { mkdirSync } from "node:fs";
import S3rver from "s3rver";

export interface S3Local {
  endpoint: string;
  stop(): Promise<void>;
}

/** An S3-compatible store on disk, with the files bucket made up front. */
export async function startS3Local(opts: { port: number; dataDir: string; bucket: string }): Promise<S3Local> {
  mkdirSync(opts.dataDir, { recursive: true });
  const server = new S3rver({
    address: "127.0.0.1",
    port: opts.port,
    directory: opts.dataDir,
    silent: true,
    configureBuckets: [{ name: opts.bucket, configs: [] }],
  });
  await server.run();
  return { endpoint: `http://127.0.0.1:${opts.port}`, stop: () => server.close() };
}
