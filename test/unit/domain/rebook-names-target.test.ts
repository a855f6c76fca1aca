import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * An early starter's booked exam day passed with no result: if it was not taken, the re-sit is
 * aimed at the step's own target (the plan's competitive date for it) first, with the last day
 * that still counts beside it, on the card, in SCHEDULED_DATE_PASSED and in the reminders; never
 * the last day alone, months after the target. Mateo, in Lima, aims at the 2028 Match: his Step 1
 * target is Tue 27 Apr 2027 (120 days before Step 2 CK's), his last Step 1 day Wed 26 Jan 2028.
 */
const calendar = seasonCalendar(2028);
const mateo = inputFactory({
  applicant: applicantFactory({ timezone: "America/Lima", matchYear: 2028, graduation: "2027-06-30" }),
  milestones: [
    milestoneFactory("wdoms_listing", "done", "2026-09-01"),
    milestoneFactory("ecfmg_application", "done", "2026-10-15"),
    milestoneFactory("usmle_step1", "scheduled", "2027-02-15"),
  ],
});

const step1Card = (result: Plan) => result.nextSteps.find((s) => s.milestone === "usmle_step1")?.action ?? "";
const passedRisk = (result: Plan) =>
  result.risks.find((r) => r.code === "SCHEDULED_DATE_PASSED")?.message ?? "";
const rebookWhys = (result: Plan) =>
  result.reminders
    .filter((r) => r.milestone === "usmle_step1" && r.rung === "rebook-follow-up")
    .map((r) => r.why);

describe("a booked Step 1 day passed unreported, the step's target still ahead", () => {
  const result = plan(mateo, calendar, new Date("2027-04-01T14:00:00Z"));
  const aim = "If you did not take it, sit it by Tue 27 Apr 2027 (our advice), its target";

  it("the card and the risk name the target first, the last day beside it", () => {
    for (const text of [step1Card(result), passedRisk(result).replace("USMLE Step 1: if", "If")]) {
      expect(text).toContain(aim);
      expect(text).toContain("and by Wed 26 Jan 2028 at the latest (our advice)");
    }
  });

  it("the reminders name it first too", () => {
    const whys = rebookWhys(result);
    expect(whys.length).toBeGreaterThan(0);
    for (const why of whys) {
      expect(why.startsWith(aim)).toBe(true);
      expect(why).toContain("the last day to sit it for this Match is Wed 26 Jan 2028");
    }
  });
});

describe("a booked Step 1 day passed unreported, the step's target passed too", () => {
  const result = plan(mateo, calendar, new Date("2027-07-05T14:00:00Z"));
  const aim = "sit it as soon as you can: its target, Tue 27 Apr 2027 (our advice), has passed";

  it("the card, the risk and the reminders say so before the last day", () => {
    expect(step1Card(result)).toContain(`If you did not take it, ${aim}`);
    expect(step1Card(result)).toContain("and Wed 26 Jan 2028 (our advice) is the last day that still counts");
    expect(passedRisk(result)).toContain(`USMLE Step 1: if you did not take it, ${aim}`);
    const whys = rebookWhys(result);
    expect(whys.length).toBeGreaterThan(0);
    for (const why of whys) expect(why.startsWith(`If you did not take it, ${aim}`)).toBe(true);
  });
});
