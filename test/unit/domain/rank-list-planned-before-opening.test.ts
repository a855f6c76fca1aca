import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneStatus } from "#domain/snapshot.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

// A Manila applicant registered with NRMP tells us in December that she plans to certify her rank
// order list on Sun 10 Jan 2027. Ranking opens later (projected Sat 16 Jan, 1:00 AM in Manila), so
// that day cannot hold, but nothing was certified: an advisor says when ranking opens and to certify
// between then and the deadline. A critical "so it is not counted … tell us the day you certified
// it" belongs to a list reported certified on such a day, and "Start now" to a step not planned.

const listOn = (status: MilestoneStatus): PlannerInput =>
  inputFactory({
    applicant: applicantFactory({ externalId: "manila-rank", matchYear: 2027, timezone: "Asia/Manila" }),
    milestones: [
      ...doneMilestones(REGISTERED_KEYS, "2026-09-10"),
      milestoneFactory("rank_order_list", status, "2027-01-10"),
    ],
  });
const at = (input: PlannerInput, iso: string): Plan => plan(input, seasonCalendar(2027), new Date(iso));
const card = (result: Plan) => result.nextSteps.find((step) => step.milestone === "rank_order_list")?.action;
const sends = (result: Plan) => result.reminders.filter((each) => each.milestone === "rank_order_list");

describe("a rank order list planned for a day before ranking opens", () => {
  const december = at(listOn("scheduled"), "2026-12-07T02:00:00Z"); // Mon 7 Dec, 10:00 AM in Manila

  it("says when ranking opens and to certify between then and the deadline, with no critical risk", () => {
    expect(card(december)).toContain(
      "You plan to certify your rank order list on Sun 10 Jan 2027, before ranking opens",
    );
    expect(card(december)).toContain("once ranking opens (Sat 16 Jan 2027, 1:00 AM GMT+8, projected)");
    expect(card(december)).toContain(
      "certify it between then and the rank order list deadline, Thu 25 Feb 2027",
    );
    expect(december.risks.map((risk) => risk.code)).not.toContain("ROL_BEFORE_RANKING_OPENS");
    expect(december.reminders.filter((each) => each.rung === "critical-risk")).toEqual([]);
  });

  it("tells the applicant when ranking opens and counts down to the deadline, never 'Start now'", () => {
    const rungs = sends(december).map((each) => each.rung);
    expect(rungs).toContain("ranking-opens");
    expect(rungs).not.toContain("start-by");
  });

  it("asks for the list now once ranking has opened", () => {
    const later = at(listOn("scheduled"), "2027-01-20T02:00:00Z");
    expect(card(later)).toContain(
      "You planned to certify your rank order list on Sun 10 Jan 2027, before ranking opened",
    );
    expect(card(later)).toContain("Enter your list in R3 now");
    expect(card(later)).not.toContain("Did you?");
    expect(later.risks.map((risk) => risk.code)).not.toContain("ROL_BEFORE_RANKING_OPENS");
  });

  it("still refuses a list reported certified on that day", () => {
    const certified = at(listOn("done"), "2027-01-12T02:00:00Z");
    const risk = certified.risks.find((each) => each.code === "ROL_BEFORE_RANKING_OPENS");
    expect(risk?.severity).toBe("critical");
    expect(risk?.message).toContain("so it is not counted");
  });
});
