import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "#errors";
import { parseScheduledEvent } from "../../../functions/sweeper/scheduled-event.ts";

const scheduled = JSON.parse(
  readFileSync(
    new URL("../../fixtures/aws/eventbridge/scheduled-event.eventbridge-user-guide.json", import.meta.url),
    "utf8",
  ),
) as Record<string, unknown>;

describe("the sweeper's Scheduled Event", () => {
  it("reads the rule's time from AWS's example event", () => {
    expect(parseScheduledEvent(scheduled)).toEqual({ scheduledAt: new Date("2015-10-08T16:53:06Z") });
  });

  it.each([
    ["an SES event", { ...scheduled, source: "aws.ses", "detail-type": "Email Bounced" }],
    ["a reminder wake-up", { applicantId: "a_abc", scheduledTime: "2026-09-17T08:00:00Z" }],
    ["a time that is not an instant", { ...scheduled, time: "yesterday" }],
    ["null", null],
  ])("refuses %s with a non-retriable InvalidInputError", (_name, event) => {
    expect(() => parseScheduledEvent(event)).toThrow(InvalidInputError);
  });
});
