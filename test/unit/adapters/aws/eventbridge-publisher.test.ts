import "aws-sdk-client-mock-vitest/extend";
import { EventBridgeClient, PutEventsCommand, ThrottlingException } from "@aws-sdk/client-eventbridge";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { EventBridgePublisher } from "#adapters/eventbridge/eventbridge-publisher.ts";
import { TransientError } from "#errors";
import type { DomainEvent } from "#ports/event-publisher.ts";

const eventBridge = mockClient(EventBridgeClient);
const planChanged = (index: number): DomainEvent => ({
  type: "PlanChanged",
  applicantId: `a_${index}`,
  at: "2026-03-01T09:00:00.000Z",
  detail: { planHash: `h${index}`, nextDueAt: null, riskCodes: [] },
});
const publisher = () =>
  new EventBridgePublisher(new EventBridgeClient({ region: "us-east-1", maxAttempts: 1 }), "bus");

describe("EventBridgePublisher", () => {
  beforeEach(() => eventBridge.reset());

  it("puts each event with source matchpath, its type as DetailType, on the configured bus", async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: "1" }] });
    await publisher().publish([planChanged(1)]);
    expect(eventBridge).toHaveReceivedCommandWith(PutEventsCommand, {
      Entries: [
        {
          EventBusName: "bus",
          Source: "matchpath",
          DetailType: "PlanChanged",
          Time: new Date("2026-03-01T09:00:00.000Z"),
          Detail: JSON.stringify(planChanged(1)),
        },
      ],
    });
  });

  it("sends at most 10 entries per call", async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [] });
    await publisher().publish(Array.from({ length: 23 }, (_, index) => planChanged(index)));
    const sizes = eventBridge
      .commandCalls(PutEventsCommand)
      .map((call) => call.args[0].input.Entries?.length);
    expect(sizes).toEqual([10, 10, 3]);
  });

  it("makes no call for no events", async () => {
    await publisher().publish([]);
    expect(eventBridge).not.toHaveReceivedCommand(PutEventsCommand);
  });

  it("throws a TransientError naming the failed entries when FailedEntryCount > 0", async () => {
    eventBridge.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ EventId: "1" }, { ErrorCode: "ThrottlingException", ErrorMessage: "slow" }],
    });
    const failure = publisher().publish([planChanged(1), planChanged(2)]);
    await expect(failure).rejects.toBeInstanceOf(TransientError);
    await expect(failure).rejects.toThrow("PlanChanged for a_2 (ThrottlingException)");
  });

  it("turns throttling into a TransientError", async () => {
    eventBridge.on(PutEventsCommand).rejects(new ThrottlingException({ message: "slow", $metadata: {} }));
    await expect(publisher().publish([planChanged(1)])).rejects.toBeInstanceOf(TransientError);
  });
});
