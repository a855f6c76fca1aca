import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * Wanjiru: Nairobi, J-1, 2027 Match, ERAS
 * submitted and NRMP registered, no interview recorded, everything done but Step 2 CK.
 * - Booked for a day that has passed, no result yet, not overdue: the card names the last
 *   sitting day (Wed 27 Jan 2027) and one question reminder comes a week before it.
 * - The words say "sit it by", with the seat lead time (advice), and SCHEDULED_DATE_PASSED too.
 * - Not booked, no interview: weekly reminders to the last sitting day (ERAS/NRMP done).
 */
const calendar = seasonCalendar(2027);
const DAY = 86_400_000;
const LAST_DAY_END = Date.parse("2027-01-27T21:00:00Z"); // Thu 28 Jan 2027, 00:00 in Nairobi

function wanjiru(step2: ReturnType<typeof milestoneFactory>): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ timezone: "Africa/Nairobi", matchYear: 2027, graduation: "2025-06-30" }),
    milestones: [
      ...doneMilestones(
        REGISTERED_KEYS.filter((key) => key !== "usmle_step2ck"),
        "2026-09-10",
      ),
      step2,
    ],
  });
}

const step2Of = (result: Plan) => result.nextSteps.find((s) => s.milestone === "usmle_step2ck");
const step2Reminders = (result: Plan) => result.reminders.filter((r) => r.milestone === "usmle_step2ck");
const WORDS =
  "If you did not take it, sit it as soon as you can: its target, Wed 26 Aug 2026 (our advice), has passed (a target Matchpath suggests so programs see your result in time, not a deadline), and Wed 27 Jan 2027 (our advice) is the last day that still counts; book a seat now (a test date usually takes about a week, advice).";

describe("a booked day passed, result not yet overdue, the last sitting day ahead", () => {
  const input = wanjiru(milestoneFactory("usmle_step2ck", "scheduled", "2027-01-08"));

  // Within the score's
  // reporting time (8 Jan + 28 days, reportingDays: Fri 5 Feb) the score is awaited, no re-sit.
  it("the card says when the score is expected, not the last sitting day", () => {
    const result = plan(input, calendar, new Date("2027-01-12T07:00:00Z"));
    expect(step2Of(result)?.action).toContain("your score is expected around Fri 5 Feb 2027");
    expect(step2Of(result)?.action).not.toContain("Did you take it?");
    expect(step2Of(result)?.action).not.toContain(WORDS);
  });

  it("no question and no re-sit rung before the last sitting day", () => {
    for (const now of ["2027-01-12T07:00:00Z", "2027-01-23T07:00:00Z"]) {
      const result = plan(input, calendar, new Date(now));
      expect(step2Reminders(result).filter((r) => Date.parse(r.sendAt) < LAST_DAY_END)).toEqual([]);
    }
  });

  it("nothing about it once the last sitting day has passed", () => {
    const result = plan(input, calendar, new Date("2027-01-29T07:00:00Z"));
    expect(step2Of(result)?.action).not.toContain("sit it by");
    expect(step2Reminders(result).filter((r) => r.rung === "sitting-question")).toEqual([]);
  });
});

describe("a booked day passed, result overdue", () => {
  const input = wanjiru(milestoneFactory("usmle_step2ck", "scheduled", "2026-12-15"));

  it("the card and SCHEDULED_DATE_PASSED say to sit it by the last sitting day", () => {
    const result = plan(input, calendar, new Date("2027-01-20T07:00:00Z"));
    expect(step2Of(result)?.action).toContain(WORDS);
    expect(step2Of(result)?.action).not.toContain("book a new date");
    const risk = result.risks.find((r) => r.code === "SCHEDULED_DATE_PASSED");
    expect(risk?.message).toContain("and Wed 27 Jan 2027 (our advice) is the last day that still counts");
  });
});

describe("not booked, no interview, ERAS submitted and NRMP registered", () => {
  const input = wanjiru(milestoneFactory("usmle_step2ck", "in_progress"));

  it("reminded at least weekly up to the last sitting day, with one a week before it", () => {
    const now = Date.parse("2026-12-28T07:00:00Z");
    const result = plan(input, calendar, new Date(now));
    const sends = step2Reminders(result)
      .map((r) => Date.parse(r.sendAt))
      .filter((at) => at < LAST_DAY_END)
      .sort((a, b) => a - b);
    let previous = now;
    for (const at of sends) {
      expect(at - previous).toBeLessThanOrEqual(7 * DAY);
      previous = at;
    }
    expect(step2Reminders(result).some((r) => r.rung === "deadline-in-7d")).toBe(true);
  });
});
