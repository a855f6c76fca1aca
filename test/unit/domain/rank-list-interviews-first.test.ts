import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { Interview } from "#domain/snapshot.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

// ERAS application submitted, registered with NRMP, no interview recorded: the rank order list's
// card (and so each "certify your rank order list" email) asks about interviews first, since a list
// ranks only programs that interviewed her, and keeps its countdown (interviews may simply be
// unreported). With an interview recorded the card reads as before; past the deadline SEASON_OVER's
// words are the card's.
// Here: Sofia, Los Angeles, J-1, 3 Feb 2027 (ranking open; the projected deadline is Wed 24 Feb).

const calendar = seasonCalendar(2027);
const ASKED =
  "We have no interview recorded for you, and a rank order list ranks only programs that interviewed you";

function planFor(now: Date, interviews: Interview[] = []): Plan {
  const applicant = applicantFactory({
    fullName: "Sofia Reyes",
    matchYear: 2027,
    timezone: "America/Los_Angeles",
  });
  const milestones = doneMilestones(REGISTERED_KEYS, "2026-09-20");
  return plan(inputFactory({ applicant, milestones, interviews }), calendar, now);
}
const rankList = (result: Plan) => result.nextSteps.find((step) => step.milestone === "rank_order_list");
const FEB_3 = new Date("2027-02-03T17:00:00Z");

describe("the rank order list with no interview recorded", () => {
  it("asks about interviews first and keeps its countdown", () => {
    const result = planFor(FEB_3);
    expect(rankList(result)?.action.startsWith(ASKED)).toBe(true);
    expect(result.reminders.filter((each) => each.milestone === "rank_order_list").length).toBeGreaterThan(0);
  });

  it("does not ask before ranking opens, while interviews are still to come", () => {
    const step = rankList(planFor(new Date("2027-01-05T17:00:00Z")));
    expect(step?.action).toBeDefined();
    expect(step?.action).not.toContain(ASKED);
  });

  it("asks it still on the deadline's day", () => {
    expect(rankList(planFor(new Date("2027-02-24T17:00:00Z")))?.action.startsWith(ASKED)).toBe(true);
  });

  it("reads as before with an interview recorded", () => {
    const interview = interviewFactory({ program: "Bayview IM", startsAt: "2026-12-09T09:00:00-08:00" });
    const step = rankList(planFor(FEB_3, [interview]));
    expect(step?.action).toBeDefined();
    expect(step?.action).not.toContain(ASKED);
  });

  it("past the deadline, says the Match's words, not the question", () => {
    const step = planFor(new Date("2027-03-05T17:00:00Z")).nextSteps.find(
      (each) => each.milestone === "rank_order_list",
    );
    expect(step?.action ?? "").not.toContain(ASKED);
  });
});
