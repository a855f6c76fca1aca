import { describe, expect, it } from "vitest";
import type { NextStep, Risk } from "#domain/plan.ts";
import { deadlineDay } from "#domain/planner/date-math.ts";
import { visaStepDate } from "#domain/planner/visa-notice-date.ts";
import { startOfLocalDate } from "#domain/time.ts";

// A consular interview booked on the day the clocks change: the day is 25 hours long when they go
// back (Auckland, Sun 4 Apr 2027) and 23 when they go forward (Auckland, Sun 26 Sep 2027). The
// interview's day lasts until the applicant's local midnight: its notice counts down to it all that
// evening and says "overdue since" it only once that midnight has passed, never an hour early or late.

const ZONE = "Pacific/Auckland";
const RISK: Risk = {
  code: "VISA_NOT_READY_FOR_START",
  severity: "critical",
  message: "Your visa may not be in hand by residency's start.",
  milestones: ["visa_j1"],
  sources: [],
};

function interviewStep(day: string): NextStep {
  const date = deadlineDay(ZONE, startOfLocalDate(ZONE, day), "applicant", "applicant", "your interview");
  return {
    milestone: "visa_j1",
    title: "Get your J-1 visa at the US consulate",
    why: "",
    action: "",
    dueBy: date.at,
    deadline: date,
    ownDate: date,
    urgency: "urgent",
  } as NextStep;
}

// [the interview's day, the instant, the local time it is, whether the day is still going]
const CLOCK_CHANGE_DAYS = [
  ["2027-04-04", "2027-04-04T11:30:00Z", "11:30 PM on the 25-hour day", true],
  ["2027-04-04", "2027-04-04T12:30:00Z", "00:30 AM the day after the 25-hour day", false],
  ["2027-09-26", "2027-09-26T10:30:00Z", "11:30 PM on the 23-hour day", true],
  ["2027-09-26", "2027-09-26T11:30:00Z", "00:30 AM the day after the 23-hour day", false],
] as const;

describe("a visa interview booked on the day the clocks change", () => {
  it.each(CLOCK_CHANGE_DAYS)(
    "its notice counts down to it until the local midnight (%s at %s, %s)",
    (day, now, _local, ahead) => {
      const step = interviewStep(day);
      const dated = visaStepDate(RISK, step, Date.parse(now), ZONE);
      if (ahead) {
        expect(dated?.countsDownTo).toBe("own-date");
        expect(dated?.overdueSince).toBeUndefined();
      } else {
        expect(dated?.countsDownTo).toBeUndefined();
        expect(dated?.overdueSince).toBe(step.deadline);
      }
    },
  );
});
