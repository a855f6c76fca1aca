import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "#errors";
import { parseReminderEvent } from "../../../functions/reminder/reminder-event.ts";

describe("reminder event", () => {
  it("reads the Input our schedules carry, with the scheduled time Scheduler substitutes", () => {
    expect(parseReminderEvent({ applicantId: "a_abc", scheduledTime: "2026-09-17T08:00:00Z" })).toEqual({
      applicantId: "a_abc",
      firedAt: new Date("2026-09-17T08:00:00Z"),
    });
  });

  it("plans at the instant the wake-up was planned for, not the later time Scheduler fired it", () => {
    expect(
      parseReminderEvent({
        applicantId: "a_abc",
        plannedFor: "2026-09-17T09:00:00Z",
        attempt: 2,
        scheduledTime: "2026-09-17T09:01:00Z",
      }),
    ).toEqual({ applicantId: "a_abc", firedAt: new Date("2026-09-17T09:00:00Z"), attempt: 2 });
  });

  it("accepts an event without scheduledTime (a manual or local invocation)", () => {
    expect(parseReminderEvent({ applicantId: "a_abc" })).toEqual({ applicantId: "a_abc" });
  });

  const defaultNotification = JSON.parse(
    readFileSync(new URL("./fixtures/scheduler-default-notification.captured.json", import.meta.url), "utf8"),
  ) as unknown;

  it.each([
    ["Scheduler's default notification (no Input configured)", defaultNotification],
    [
      "an unsubstituted placeholder",
      { applicantId: "a_abc", scheduledTime: "<aws.scheduler.scheduled-time>" },
    ],
    ["a missing applicantId", { scheduledTime: "2026-09-17T08:00:00Z" }],
    ["an applicantId that is not an id", { applicantId: "../etc" }],
    ["null", null],
    ["a string", "a_abc"],
  ])("refuses %s with a non-retriable InvalidInputError", (_name, event) => {
    const failure = (() => {
      try {
        parseReminderEvent(event);
        return undefined;
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(InvalidInputError);
    expect((failure as InvalidInputError).retriable).toBe(false);
    expect((failure as InvalidInputError).name).toBe("InvalidInputError");
  });
});
