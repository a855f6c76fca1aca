import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * On H-1B, after the rank order list deadline, Step 3 kept its pre-ranking date
 * (ROL deadline less 28 days, eight weeks past), blocked and unflagged. Once ranking is over Step 3
 * serves the H-1B petition: it is due by visa_h1b's date less Step 3's result reporting allowance
 * (the catalog's reportingDays), and its card says so. A blocked step never shows a past deadline.
 *
 * Tomás: H-1B, 2027 Match, living in Bogotá; exams, Pathway, ERAS, NRMP and his rank order list done.
 * `certified`: whether he reported the ECFMG certificate (Step 3 then open, else waiting for it).
 * The petition is due 60 days before the stamping (Fri 16 Apr 2027), so Step 3's day for it is Match
 * Day itself: it is still ahead between the rank order list deadline and Match Day (BEFORE_MATCH).
 * Past Match Day with no answer (PAST_MATCH_DAY), where he matched is asked first.
 */
const calendar = seasonCalendar(2027);

function tomas(certified: boolean): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ timezone: "America/Bogota", matchYear: 2027, visa: "H-1B" }),
    milestones: [
      ...doneMilestones(
        [
          "wdoms_listing",
          "ecfmg_application",
          "usmle_step1",
          "usmle_step2ck",
          "oet_medicine",
          "ecfmg_pathway",
        ],
        "2025-09-01",
      ),
      ...doneMilestones([
        "eras_token",
        "eras_application",
        "lors",
        "personal_statement",
        "cv",
        "program_list",
      ]),
      milestoneFactory("nrmp_registration", "done", "2026-10-05"),
      milestoneFactory("rank_order_list", "done", "2027-02-08"),
      ...(certified ? [milestoneFactory("ecfmg_certification", "done", "2027-03-01")] : []),
    ],
  });
}

const planAt = (input: PlannerInput, now: string): Plan => plan(input, calendar, new Date(now));
const DAY = 86_400_000;
const BEFORE_MATCH = "2027-03-08T15:00:00Z";
const PAST_MATCH_DAY = "2027-03-22T15:00:00Z";
const rol = calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
const petitionDate = (result: Plan): number => {
  const visa = [...result.blocked, ...result.nextSteps].find((step) => step.milestone === "visa_h1b");
  return Date.parse(visa?.deadline?.at ?? "");
};

describe("Step 3's date once ranking is over, on H-1B", () => {
  it("before the rank order list deadline it is ranking's: four weeks before that deadline", () => {
    const step3 = planAt(tomas(false), "2027-01-10T12:00:00Z").blocked.find(
      (s) => s.milestone === "usmle_step3",
    );
    expect(Date.parse(step3?.deadline?.at ?? "")).toBeLessThan(rol);
  });

  it("waiting for the certificate after that deadline: dated before the petition, never in the past", () => {
    const result = planAt(tomas(false), BEFORE_MATCH);
    const step3 = result.blocked.find((s) => s.milestone === "usmle_step3");
    const at = Date.parse(step3?.deadline?.at ?? "");
    expect(at).toBeGreaterThan(Date.parse(BEFORE_MATCH));
    const gap = (petitionDate(result) - at) / DAY;
    expect(gap).toBeGreaterThanOrEqual(27);
    expect(gap).toBeLessThanOrEqual(29);
    expect(step3?.deadline?.source).toContain("28 days");
    // Abroad, a visitor visa, FSMB and a seat cannot fit before that day: the why says so, as the visa risk does.
    expect(step3?.why).toContain("the day that H-1B petition needs, is out of reach");
    expect(step3?.why).not.toMatch(/\bsit by\b/);
    // Past Match Day with no answer: where they matched comes first, then the petition's day.
    const past = planAt(tomas(false), PAST_MATCH_DAY).blocked.find((s) => s.milestone === "usmle_step3");
    expect(past?.why).toContain("first tell us where you matched");
    expect(past?.why).toContain("If you matched with a program that files an H-1B petition for you");
  });

  it("certified, Step 3 open after that deadline: its card serves the petition, its row shows no day it calls out of reach", () => {
    const result = planAt(tomas(true), BEFORE_MATCH);
    const step3 = result.nextSteps.find((s) => s.milestone === "usmle_step3");
    // The card names the petition's day as out of reach and asks to pay for nothing until the
    // program is known: the row's deadline column gave that day as one to sit by.
    expect(step3?.deadline).toBeUndefined();
    expect(step3?.startBy).toBeUndefined();
    expect(step3?.action).toContain("sitting Step 3 by Fri 19 Mar 2027");
    expect(step3?.action).toContain("the day that H-1B petition needs, is out of reach");
    expect(result.overdue.some((s) => s.milestone === "usmle_step3")).toBe(false);
    const past = planAt(tomas(true), PAST_MATCH_DAY).nextSteps.find((s) => s.milestone === "usmle_step3");
    expect(past?.action).toContain("first tell us where you matched");
    expect(past?.action).toContain("If you matched with a program that files an H-1B petition for you");
  });

  it("past that date too: no deadline on the blocked step, and the card says that day has passed", () => {
    const step3 = planAt(tomas(false), "2027-05-01T15:00:00Z").blocked.find(
      (s) => s.milestone === "usmle_step3",
    );
    expect(step3?.deadline).toBeUndefined();
    expect(step3?.why).toContain("the last day to sit Step 3 that leaves that H-1B petition time");
    expect(step3?.why).toContain("has passed");
    expect(step3?.why).not.toContain("sit by");
  });
});
