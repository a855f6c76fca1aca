import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EventBridgeClient, ListRulesCommand, PutEventsCommand } from "@aws-sdk/client-eventbridge";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalEventBridge, startLocalEventBridge } from "#local/eventbridge-local.ts";

describe("local EventBridge endpoint, called by the real SDK client", () => {
  let dir: string;
  let endpoint: LocalEventBridge;
  let client: EventBridgeClient;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "matchpath-eb-"));
    endpoint = await startLocalEventBridge({ port: 0, eventsFile: join(dir, "events.jsonl") });
    client = new EventBridgeClient({
      endpoint: endpoint.endpoint,
      region: "us-east-1",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
      maxAttempts: 1,
    });
  });

  afterAll(async () => {
    client.destroy();
    await endpoint.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("accepts PutEvents, answers with event ids, keeps the events and appends them to the file", async () => {
    const before = endpoint.events().length;
    const output = await client.send(
      new PutEventsCommand({
        Entries: [
          {
            Source: "matchpath",
            DetailType: "PlanChanged",
            Detail: JSON.stringify({ applicantId: "a_1", planHash: "h" }),
            EventBusName: "matchpath-local",
            Time: new Date("2026-09-01T09:00:00Z"),
          },
          { Source: "matchpath", DetailType: "ReminderSent", Detail: JSON.stringify({ applicantId: "a_1" }) },
        ],
      }),
    );

    expect(output.FailedEntryCount).toBe(0);
    expect(output.Entries).toHaveLength(2);
    expect(output.Entries?.[0]?.EventId).toMatch(/^[0-9a-f-]{36}$/);
    const events = endpoint.events().slice(before);
    expect(events[0]).toMatchObject({
      version: "0",
      id: output.Entries?.[0]?.EventId,
      "detail-type": "PlanChanged",
      source: "matchpath",
      time: "2026-09-01T09:00:00Z",
      region: "us-east-1",
      detail: { applicantId: "a_1", planHash: "h" },
      eventBusName: "matchpath-local",
    });
    expect(events[1]?.eventBusName).toBe("default");
    const lines = (await readFile(join(dir, "events.jsonl"), "utf8")).trim().split("\n");
    expect(lines.map((line) => (JSON.parse(line) as { id: string }).id)).toEqual(
      events.map((event) => event.id),
    );
  });

  it("reports a malformed entry per entry, as the service does, and keeps the good one", async () => {
    const before = endpoint.events().length;
    const output = await client.send(
      new PutEventsCommand({
        Entries: [
          { Source: "matchpath", DetailType: "PlanChanged", Detail: "{not json" },
          { Source: "matchpath", DetailType: "PlanChanged", Detail: "{}" },
        ],
      }),
    );
    expect(output.FailedEntryCount).toBe(1);
    expect(output.Entries?.[0]).toMatchObject({ ErrorCode: "MalformedDetail" });
    expect(output.Entries?.[1]?.EventId).toBeDefined();
    expect(endpoint.events().length - before).toBe(1);
  });

  it("refuses more than 10 entries and operations it does not serve", async () => {
    const eleven = Array.from({ length: 11 }, () => ({ Source: "s", DetailType: "d", Detail: "{}" }));
    await expect(client.send(new PutEventsCommand({ Entries: eleven }))).rejects.toMatchObject({
      name: "ValidationException",
    });
    await expect(client.send(new ListRulesCommand({}))).rejects.toThrow(/only AWSEvents.PutEvents/);
  });
});
