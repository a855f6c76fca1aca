import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import { createServer, type Server, type Socket } from "node:net";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDynamoDocumentClient, DYNAMODB_TIMING } from "#adapters/dynamodb/document-client.ts";
import { longestRequestMs } from "#adapters/request-timing.ts";

function portOf(server: Server | HttpServer): number {
  const address = server.address();
  return typeof address === "object" && address !== null ? address.port : 0;
}

const get = new GetCommand({ TableName: "matchpath", Key: { pk: "A#x", sk: "PROFILE" } });

/**
 * A store that accepts the connection and never answers (DynamoDB Local stopped mid-request) held a
 * webhook for over 90 s with no answer, where the README promises a 5xx the sender retries on; a
 * background request outlasted ses-events' 15 s timeout. Each function's client now gives up within
 * the worst case its timing promises (longestRequestMs), which its Lambda timeout leaves room for
 * (test/infra/request-timing.test.ts).
 */
describe("the DynamoDB client against a store that never answers", () => {
  let server: Server;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    server = createServer((socket) => {
      sockets.push(socket);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  // One function per timing: the planner, the reminder and the sweeper share theirs.
  it.concurrent.each(["http-api", "console", "ses-events", "sweeper"] as const)(
    "fails a %s request within the worst case its timing promises",
    async (fn) => {
      const client = createDynamoDocumentClient(
        { region: "us-east-1", endpoints: { dynamodb: `http://127.0.0.1:${portOf(server)}` } },
        fn,
      );
      const started = Date.now();
      const error = await client.send(get).then(
        () => undefined,
        (failure: unknown) => failure,
      );
      expect(error).toBeInstanceOf(Error);
      // Timers fire a little late on a loaded machine; the promise is the bound, not the slack.
      expect(Date.now() - started).toBeLessThan(longestRequestMs(DYNAMODB_TIMING[fn]) + 500);
      client.destroy();
    },
    30_000,
  );
});

/**
 * The one short timeout also cut the background functions' requests (the sweeper's scans, the
 * digest's loads): a page DynamoDB answered in 2.5 s became a timeout, and the SDK sent it again,
 * twice, then failed the run. Nobody waits on those functions: the page is waited for, once.
 */
describe("a background request DynamoDB answers slowly", () => {
  let server: HttpServer;
  let requests = 0;
  beforeAll(async () => {
    server = createHttpServer((_request, response) => {
      requests++;
      setTimeout(() => {
        response.writeHead(200, { "content-type": "application/x-amz-json-1.0" });
        response.end(JSON.stringify({ Item: { pk: { S: "A#x" }, sk: { S: "PROFILE" } } }));
      }, 2_500);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("gets its answer with one request", async () => {
    const client = createDynamoDocumentClient(
      { region: "us-east-1", endpoints: { dynamodb: `http://127.0.0.1:${portOf(server)}` } },
      "sweeper",
    );
    const result = await client.send(get);
    expect(result.Item).toEqual({ pk: "A#x", sk: "PROFILE" });
    expect(requests).toBe(1);
    client.destroy();
  }, 30_000);
});
