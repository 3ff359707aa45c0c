/** Integration tests write and delete freely: they must never reach a real AWS endpoint. */
export function assertLocalEndpoint(endpoint: string): void {
  const host = new URL(endpoint).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`integration tests refuse a non-local DynamoDB endpoint: ${endpoint}`);
  }
}
