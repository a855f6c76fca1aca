import { describe, expect, it } from "vitest";
import { loadSesEventsConfig } from "#config/ses-events.ts";
import { loadSweeperConfig } from "#config/sweeper.ts";
import { ConfigError } from "#errors";

const base = { AWS_REGION: "us-east-1", TABLE_NAME: "matchpath-table", EVENT_BUS_NAME: "matchpath" };
const eventbridge = {
  WAKE_UP_SCHEDULER: "eventbridge",
  SCHEDULE_GROUP_NAME: "matchpath-wake-ups",
  SCHEDULER_ROLE_ARN: "arn:aws:iam::123456789012:role/scheduler",
  REMINDER_FUNCTION_ARN: "arn:aws:lambda:us-east-1:123456789012:function:reminder",
  SCHEDULER_DLQ_ARN: "arn:aws:sqs:us-east-1:123456789012:wake-up-dlq",
};

function failure(load: () => unknown): string {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("sweeper config", () => {
  it("is the planner's, with a 15-minute grace and 20,000 re-plans per run by default", () => {
    const config = loadSweeperConfig({ ...base, ...eventbridge });
    expect(config).toMatchObject({
      tableName: "matchpath-table",
      eventBusName: "matchpath",
      graceMs: 15 * 60_000,
      maxApplicants: 20_000,
      wakeUps: { kind: "eventbridge", reminderFunctionArn: eventbridge.REMINDER_FUNCTION_ARN },
    });
  });

  it("reads SWEEP_GRACE_MINUTES and SWEEP_MAX_APPLICANTS", () => {
    const config = loadSweeperConfig({
      ...base,
      WAKE_UP_SCHEDULER: "table",
      SWEEP_GRACE_MINUTES: "30",
      SWEEP_MAX_APPLICANTS: "500",
    });
    expect(config).toMatchObject({ graceMs: 30 * 60_000, maxApplicants: 500, wakeUps: { kind: "table" } });
  });

  it.each([
    ["SWEEP_GRACE_MINUTES", "0"],
    ["SWEEP_MAX_APPLICANTS", "lots"],
    ["EVENT_BUS_NAME", ""],
  ])("names %s when it is invalid or missing", (name, value) => {
    expect(failure(() => loadSweeperConfig({ ...base, ...eventbridge, [name]: value }))).toContain(name);
  });

  it("needs the reminder function's ARN to arm wake-ups in the cloud", () => {
    const { REMINDER_FUNCTION_ARN: _arn, ...withoutArn } = eventbridge;
    expect(failure(() => loadSweeperConfig({ ...base, ...withoutArn }))).toContain("REMINDER_FUNCTION_ARN");
  });
});

describe("ses-events config", () => {
  it("needs the table and the bus, and keeps a local EventBridge endpoint", () => {
    expect(
      loadSesEventsConfig({ ...base, MATCHPATH_EVENTBRIDGE_ENDPOINT: "http://127.0.0.1:4010" }),
    ).toMatchObject({
      tableName: "matchpath-table",
      eventBusName: "matchpath",
      endpoints: { eventbridge: "http://127.0.0.1:4010" },
    });
    expect(failure(() => loadSesEventsConfig({ AWS_REGION: "us-east-1", TABLE_NAME: "t" }))).toContain(
      "EVENT_BUS_NAME",
    );
  });
});
