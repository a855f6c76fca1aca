import type { Context } from "aws-lambda";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { InvalidInputError } from "#errors";

/**
 * The ses-events and sweeper handler modules imported as Lambda imports them (configuration read
 * at cold start), called only on paths that reach no AWS service: anything but their own event is
 * refused at the edge as non-retriable, and an SES delivery event writes nothing.
 */
const context = {
  functionName: "test",
  awsRequestId: "req-1",
  invokedFunctionArn: "arn:aws:lambda:us-east-1:000000000000:function:test",
  getRemainingTimeInMillis: () => 900_000,
} as unknown as Context;

beforeAll(() => {
  vi.stubEnv("AWS_REGION", "us-east-1");
  vi.stubEnv("TABLE_NAME", "matchpath-unit");
  vi.stubEnv("MATCHPATH_DYNAMODB_ENDPOINT", "http://127.0.0.1:9");
  vi.stubEnv("MATCHPATH_EVENTBRIDGE_ENDPOINT", "http://127.0.0.1:9");
  vi.stubEnv("EVENT_BUS_NAME", "matchpath");
  vi.stubEnv("WAKE_UP_SCHEDULER", "table");
  vi.stubEnv("POWERTOOLS_LOG_LEVEL", "SILENT");
  return () => vi.unstubAllEnvs();
});

describe("ses-events and sweeper at cold start", () => {
  // A Delivery is recorded on the ledger, so the write-free event is a Send.
  it("ses-events ignores a send without a write and refuses a non-SES event", async () => {
    const { handler } = await import("../../../functions/ses-events/handler.ts");
    const delivered = {
      version: "0",
      id: "e-1",
      "detail-type": "Email Sent",
      source: "aws.ses",
      account: "123456789012",
      time: "2026-08-06T03:30:05Z",
      region: "us-east-1",
      resources: [],
      detail: { eventType: "Send", mail: { messageId: "m-1", destination: ["a@example.org"] } },
    };
    await expect(handler(delivered, context)).resolves.toEqual({
      outcome: "ignored",
      applicantIds: [],
      ledgerEntries: 0,
    });
    await expect(handler({ applicantId: "a_1" }, context)).rejects.toBeInstanceOf(InvalidInputError);
    const deliveryWithoutReport = {
      ...delivered,
      "detail-type": "Email Delivered",
      detail: { ...delivered.detail, eventType: "Delivery" },
    };
    await expect(handler(deliveryWithoutReport, context)).rejects.toBeInstanceOf(InvalidInputError);
  });

  it("sweeper refuses anything but a Scheduled Event", async () => {
    const { handler } = await import("../../../functions/sweeper/handler.ts");
    await expect(handler({ source: "aws.ses" }, context)).rejects.toBeInstanceOf(InvalidInputError);
  });
});
