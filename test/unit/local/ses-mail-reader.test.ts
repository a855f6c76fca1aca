import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StoredEmail, sesMailReader } from "#local/ses-local.ts";

/**
 * A stand-in for the emulator's `GET /store[?since=]` (aws-ses-v2-local: messages stamped with the
 * epoch second they were stored, `since` keeps those at or after it), recording each query.
 */
const stored: StoredEmail[] = [];
const queries: string[] = [];
let server: Server;
let endpoint = "";

function store(messageId: string, at: number): void {
  stored.push({
    messageId,
    from: "Matchpath <reminders@matchpath.example>",
    replyTo: [],
    destination: { to: ["ada@example.com"], cc: [], bcc: [] },
    subject: messageId,
    body: { text: "..." },
    at,
  });
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    queries.push(url.search);
    const since = url.searchParams.get("since");
    const emails = since === null ? stored : stored.filter((email) => email.at >= Number(since));
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ templates: {}, emails }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("sesMailReader: the messages stored since its last read", () => {
  it("returns each message once, also those stored in the same second as the last one read", async () => {
    stored.length = 0;
    queries.length = 0;
    store("old-1", 1_000);
    store("old-2", 1_100);
    const read = sesMailReader(endpoint);
    expect((await read()).map((email) => email.messageId)).toEqual(["old-1", "old-2"]);
    expect(await read()).toEqual([]);
    store("same-second", 1_100);
    store("later", 1_101);
    expect((await read()).map((email) => email.messageId)).toEqual(["same-second", "later"]);
    // A wall clock stepped back a few seconds: the message is still seen.
    store("clock-stepped-back", 1_098);
    expect((await read()).map((email) => email.messageId)).toEqual(["clock-stepped-back"]);
    expect(await read()).toEqual([]);
  });

  it("reads the whole store once, then only from the newest message seen (not the store's whole history)", async () => {
    stored.length = 0;
    queries.length = 0;
    for (let index = 0; index < 50; index += 1) store(`history-${index}`, 2_000 + index);
    const read = sesMailReader(endpoint);
    expect(await read()).toHaveLength(50);
    store("new", 2_060);
    expect((await read()).map((email) => email.messageId)).toEqual(["new"]);
    // The second read starts a few seconds before the newest message of the first (2049).
    expect(queries).toEqual(["", "?since=2044"]);
  });

  it("never returns one message to two reads made at once", async () => {
    stored.length = 0;
    queries.length = 0;
    const read = sesMailReader(endpoint);
    await read();
    store("once", 3_000);
    const [first, second] = await Promise.all([read(), read()]);
    expect([...(first ?? []), ...(second ?? [])].map((email) => email.messageId)).toEqual(["once"]);
  });
});
