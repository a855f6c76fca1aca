import { describe, expect, it } from "vitest";
import { ApiError, Violations } from "./stand-ins/api-error.ts";
import { EventBridgeStandIn } from "./stand-ins/eventbridge.ts";
import { SchedulerStandIn } from "./stand-ins/scheduler.ts";
import { SesStandIn } from "./stand-ins/ses.ts";

/** The stand-ins refuse what the API references refuse, so the deploy test's "0 violations" means something. */

const schedule = (overrides: Record<string, unknown> = {}) => ({
  Name: "w-a_abc-20260806T033000",
  GroupName: "wake-ups",
  ScheduleExpression: "at(2026-08-06T03:30:00)",
  FlexibleTimeWindow: { Mode: "OFF" },
  ActionAfterCompletion: "DELETE",
  Target: { Arn: "arn:aws:lambda:us-east-1:1:function:r", RoleArn: "arn:aws:iam::1:role/s", Input: "{}" },
  ...overrides,
});

describe("Scheduler stand-in", () => {
  const now = () => Date.parse("2026-08-01T00:00:00Z");
  it.each([
    ["a name with a ':'", { Name: "w:a" }],
    ["a name over 64 characters", { Name: "w".repeat(65) }],
    ["an at() with a zone suffix", { ScheduleExpression: "at(2026-08-06T03:30:00Z)" }],
    ["an at() with milliseconds", { ScheduleExpression: "at(2026-08-06T03:30:00.000)" }],
    ["no flexible time window", { FlexibleTimeWindow: undefined }],
    ["an input over 8192 characters", { Target: { ...schedule().Target, Input: "x".repeat(8193) } }],
  ])("refuses %s", (_name, overrides) => {
    const violations = new Violations();
    expect(() => new SchedulerStandIn(now, violations).createSchedule(schedule(overrides))).toThrow(ApiError);
    expect(violations.list).toHaveLength(1);
  });

  it("answers ConflictException for an existing name and reports a schedule armed in the past", () => {
    const violations = new Violations();
    const standIn = new SchedulerStandIn(now, violations);
    standIn.createSchedule(schedule());
    expect(() => standIn.createSchedule(schedule())).toThrow(
      expect.objectContaining({ code: "ConflictException" }),
    );
    standIn.createSchedule(schedule({ Name: "past", ScheduleExpression: "at(2026-07-01T00:00:00)" }));
    const past = standIn.due()[0];
    if (!past) throw new Error("no due schedule");
    standIn.fire(past);
    expect(violations.list).toEqual([expect.stringContaining("never fires")]);
  });
});

describe("SES v2 stand-in", () => {
  const ses = (violations = new Violations(), maxSendRate?: number) =>
    new SesStandIn({
      now: () => 0,
      identities: ["mail.example.org"],
      configurationSets: ["set"],
      violations,
      ...(maxSendRate ? { maxSendRate } : {}),
    });
  const email = (headers: { Name: string; Value: string }[] = []) => ({
    FromEmailAddress: "Matchpath <r@mail.example.org>",
    Destination: { ToAddresses: ["a@example.org"] },
    Content: {
      Simple: { Subject: { Data: "Due", Charset: "UTF-8" }, Body: { Text: { Data: "x" } }, Headers: headers },
    },
  });

  it("refuses a header value over 870 characters and a sixteenth header", () => {
    const violations = new Violations();
    expect(() =>
      ses(violations).sendEmail(email([{ Name: "List-Unsubscribe", Value: "x".repeat(871) }])),
    ).toThrow();
    expect(() =>
      ses(violations).sendEmail(
        email(Array.from({ length: 16 }, (_, i) => ({ Name: `X-${i}`, Value: "v" }))),
      ),
    ).toThrow();
    expect(violations.list).toHaveLength(2);
  });

  it("rejects an unverified sender and throttles past the sending rate", () => {
    expect(() => ses().sendEmail({ ...email(), FromEmailAddress: "x@other.example" })).toThrow(
      expect.objectContaining({ code: "MessageRejected" }),
    );
    const limited = ses(new Violations(), 2);
    limited.sendEmail(email());
    limited.sendEmail(email());
    expect(() => limited.sendEmail(email())).toThrow(
      expect.objectContaining({ code: "TooManyRequestsException" }),
    );
  });
});

describe("EventBridge stand-in", () => {
  const bus = [{ name: "bus", arn: "arn:aws:events:us-east-1:1:event-bus/bus" }];
  const entry = { EventBusName: "bus", Source: "matchpath", DetailType: "PlanChanged", Detail: "{}" };

  it("refuses eleven entries, a request over 256 KB and a Detail that is not an object", () => {
    const violations = new Violations();
    const events = new EventBridgeStandIn(bus, violations);
    expect(() => events.putEvents(Array.from({ length: 11 }, () => entry))).toThrow();
    expect(() =>
      events.putEvents([{ ...entry, Detail: JSON.stringify({ x: "y".repeat(262_144) }) }]),
    ).toThrow();
    expect(() => events.putEvents([{ ...entry, Detail: "[1]" }])).toThrow();
    expect(violations.list).toHaveLength(3);
    expect(events.putEvents([entry]).FailedEntryCount).toBe(0);
  });
});
