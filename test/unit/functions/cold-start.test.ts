import type { Context } from "aws-lambda";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { InvalidInputError } from "#errors";
import { foreignStreamEvent, httpEvent } from "./events.ts";

/**
 * The real handler modules, imported as Lambda (and the local stack) import them: configuration
 * read once at cold start from the environment. Only paths that reach no AWS service are called.
 */
const context = {
  functionName: "test",
  awsRequestId: "req-1",
  invokedFunctionArn: "arn:aws:lambda:us-east-1:000000000000:function:test",
} as Context;

beforeAll(() => {
  vi.stubEnv("AWS_REGION", "us-east-1");
  vi.stubEnv("TABLE_NAME", "matchpath-unit");
  vi.stubEnv("MATCHPATH_DYNAMODB_ENDPOINT", "http://127.0.0.1:9");
  vi.stubEnv("MATCHPATH_EVENTBRIDGE_ENDPOINT", "http://127.0.0.1:9");
  vi.stubEnv("MATCHPATH_SES_ENDPOINT", "http://127.0.0.1:9");
  vi.stubEnv("EVENT_BUS_NAME", "matchpath");
  vi.stubEnv("WAKE_UP_SCHEDULER", "table");
  vi.stubEnv("SENDER_ADDRESS", "Matchpath <reminders@example.org>");
  vi.stubEnv("PUBLIC_BASE_URL", "http://127.0.0.1:3000");
  vi.stubEnv("WEBHOOK_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
  vi.stubEnv("UNSUBSCRIBE_SECRET", "u".repeat(40));
  vi.stubEnv("LINK_SIGNING_KEYS", `k1=${"k".repeat(40)}`);
  vi.stubEnv("POWERTOOLS_LOG_LEVEL", "SILENT");
  return () => vi.unstubAllEnvs();
});

describe("handlers at cold start", () => {
  it("http-api answers GET /health", async () => {
    const { handler } = await import("../../../functions/http-api/handler.ts");
    await expect(handler(httpEvent({ method: "GET", path: "/health" }), context)).resolves.toMatchObject({
      statusCode: 200,
    });
  });

  it("planner reports a batch of records naming no applicant without touching the table", async () => {
    const { handler } = await import("../../../functions/planner/handler.ts");
    await expect(handler(foreignStreamEvent(), context)).resolves.toEqual({
      batchItemFailures: [{ itemIdentifier: "111" }, { itemIdentifier: "222" }],
    });
  });

  it("reminder throws a non-retriable InvalidInputError for a malformed event", async () => {
    const { handler } = await import("../../../functions/reminder/handler.ts");
    await expect(handler({ detail: "{}" }, context)).rejects.toBeInstanceOf(InvalidInputError);
  });
});
