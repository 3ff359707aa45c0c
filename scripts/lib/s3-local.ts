import { mkdirSync } from "node:fs";
import S3rver from "s3rver";

const CORS = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

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
    // Phones PUT photos straight to the store from the web client's origin.
    configureBuckets: [{ name: opts.bucket, configs: [CORS] }],
  });
  await server.run();
  return { endpoint: `http://127.0.0.1:${opts.port}`, stop: () => server.close() };
}
