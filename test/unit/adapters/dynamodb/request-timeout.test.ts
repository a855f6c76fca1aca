import { createServer, type Server, type Socket } from "node:net";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDynamoDocumentClient } from "#adapters/dynamodb/document-client.ts";

/**
 * A store that accepts the connection and never answers (DynamoDB Local stopped mid-request) held a
 * webhook for over 90 s with no answer, where the README promises a 5xx the sender retries on. The
 * client now gives up within the HTTP API function's 10 s, so the handler answers its 5xx.
 */
describe("the DynamoDB client against a store that never answers", () => {
  let server: Server;
  let port = 0;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    server = createServer((socket) => {
      sockets.push(socket);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    port = typeof address === "object" && address !== null ? address.port : 0;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("fails the request within the HTTP API function's 10 s", async () => {
    const client = createDynamoDocumentClient({
      region: "us-east-1",
      endpoints: { dynamodb: `http://127.0.0.1:${port}` },
    });
    const started = Date.now();
    const error = await client
      .send(new GetCommand({ TableName: "matchpath", Key: { pk: "A#x", sk: "PROFILE" } }))
      .then(
        () => undefined,
        (failure: unknown) => failure,
      );
    expect(error).toBeInstanceOf(Error);
    expect(Date.now() - started).toBeLessThan(10_000);
    client.destroy();
  }, 30_000);
});
