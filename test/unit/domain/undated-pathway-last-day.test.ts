import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * Kwame: Accra, J-1, 2027 Match, every step to NRMP done
 * but the OET (booked for Sat 5 Dec 2026, no result) and the ECFMG Pathway, reported in progress with
 * no date; an interview on 12 Jan 2027. Past the Pathway's projected deadline (Sat 26 Dec 2026) the
 * Pathway is a decision pending, never "overdue": the card asks whether it went in, the step carries
 * the day that decides one not yet submitted (Tue 26 Jan 2027: the documents that follow the
 * application are due then, a day before ECFMG's review allowance's day, Wed 27 Jan) and is reminded
 * weekly, 3 days and 1 day before it (the instant: 9:00 PM ET that day, 2:00 AM Wednesday in Accra).
 */
const calendar = seasonCalendar(2027);
const DAY = 86_400_000;
const LAST_DAY_END = Date.parse("2027-01-27T02:00:00Z"); // Tue 26 Jan 2027, 9:00 PM ET: Wed 27 Jan, 2:00 AM in Accra

function kwame(): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ timezone: "Africa/Accra", matchYear: 2027, graduation: "2025-06-30" }),
    milestones: [
      ...doneMilestones(
        REGISTERED_KEYS.filter((key) => key !== "oet_medicine" && key !== "ecfmg_pathway"),
        "2026-09-18",
      ),
      milestoneFactory("oet_medicine", "scheduled", "2026-12-05"),
      milestoneFactory("ecfmg_pathway", "in_progress"),
    ],
    interviews: [interviewFactory({ program: "Riverside IM", startsAt: "2027-01-12T09:00:00-05:00" })],
  });
}

const pathwayOf = (result: Plan) => result.nextSteps.find((s) => s.milestone === "ecfmg_pathway");
const pathwayReminders = (result: Plan) => result.reminders.filter((r) => r.milestone === "ecfmg_pathway");

describe("an undated Pathway in progress past its projected deadline, interviewing", () => {
  const now = new Date("2027-01-05T09:00:00Z");
  const result = plan(kwame(), calendar, now);

  it("is not overdue: no OVERDUE row, no Overdue badge", () => {
    expect(result.overdue.filter((each) => each.milestone === "ecfmg_pathway")).toEqual([]);
    expect(pathwayOf(result)?.urgency).not.toBe("overdue");
  });

  it("the card asks whether it went in, in the presumed-sent Pathway's words", () => {
    expect(pathwayOf(result)?.action).toContain("Submitted? Tell us the date");
    expect(pathwayOf(result)?.action).toContain("ECFMG is then reviewing it");
  });

  it("carries the day that decides one not yet submitted (Tue 26 Jan 2027)", () => {
    // The OET sat on 5 Dec, by its last sitting day, its result unreported, is asked about and counted
    // as reported when expected, as an OET done is: the step carries the day that
    // decides a Pathway not yet submitted, and nothing writes the Match off.
    expect(result.risks.some((each) => each.code === "MATCH_YEAR_NOT_FEASIBLE")).toBe(false);
    expect(pathwayOf(result)?.deadline?.et).toBe("Tue 26 Jan 2027, 9:00 PM ET");
  });

  it("is reminded at least weekly to that day, and 3 days and 1 day before it", () => {
    const sends = pathwayReminders(result)
      .map((r) => Date.parse(r.sendAt))
      .filter((at) => at < LAST_DAY_END)
      .sort((a, b) => a - b);
    const points = [now.getTime(), ...sends];
    for (let index = 1; index < points.length; index++)
      expect(((points[index] as number) - (points[index - 1] as number)) / DAY).toBeLessThanOrEqual(7.1);
    expect(LAST_DAY_END - (sends.at(-1) ?? 0)).toBeLessThan(2 * DAY);
    const days = pathwayReminders(result).map((r) => r.sendAtLocal.slice(0, 10));
    expect(days).toContain("2027-01-24");
    expect(days).toContain("2027-01-26");
  });
});
