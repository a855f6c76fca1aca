import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * While ERAS_LATE_SUBMISSION tells a late ERAS
 * applicant to weigh the next Match before paying ERAS fees, the NRMP registration card, its
 * reminders' titles and NRMP_LATE_FEE say the same condition: "if you apply for the 2027 Match,
 * register by …; if you move to the 2028 Match, pay no 2027 NRMP fee" (the moved plans' words),
 * never an unconditional "register … to avoid the late fee" beside it.
 */
const CERTIFIED = doneMilestones([
  "wdoms_listing",
  "ecfmg_application",
  "usmle_step1",
  "usmle_step2ck",
  "oet_medicine",
  "ecfmg_pathway",
  "ecfmg_certification",
  "eras_token",
]);

function planFor(eras: MilestoneEntry, now: string): Plan {
  const applicant = applicantFactory({
    fullName: "Farhan Chowdhury",
    matchYear: 2027,
    timezone: "Asia/Dhaka",
    graduation: "2024-12-31",
    medicalSchool: { name: "Chattogram Medical College", country: "BD", wdomsSponsorNote: true },
  });
  return plan(
    inputFactory({ applicant, milestones: [...CERTIFIED, eras] }),
    seasonCalendar(2027),
    new Date(now),
  );
}
const NOT_STARTED = milestoneFactory("eras_application", "not_started");
const lateFee = (result: Plan) => result.risks.find((risk) => risk.code === "NRMP_LATE_FEE");
const card = (result: Plan) => result.nextSteps.find((step) => step.milestone === "nrmp_registration");
const nrmpTitles = (result: Plan) =>
  result.reminders.filter((each) => each.milestone === "nrmp_registration").map((each) => each.title);

describe("NRMP registration while the plan weighs the next Match for a late ERAS application", () => {
  it("before the early deadline: the late-fee warning, the card and the reminders are conditional", () => {
    const result = planFor(NOT_STARTED, "2026-11-29T06:00:00Z");
    expect(result.risks.find((risk) => risk.code === "ERAS_LATE_SUBMISSION")?.message).toContain(
      "weigh applying early for the 2028 Match",
    );
    const warning = lateFee(result)?.message ?? "";
    expect(warning).toMatch(/^If you apply for the 2027 Match, register with NRMP before Tue 1 Dec 2026/);
    expect(warning).toContain("if you move to the 2028 Match, pay no 2027 NRMP fee");
    expect(card(result)?.action).toMatch(/^If you apply for the 2027 Match, register with NRMP \(R3\)/);
    expect(card(result)?.action).toContain(
      "by Tue 1 Dec 2026, 10:59 AM GMT+6 (Mon 30 Nov 2026, 11:59 PM ET) (projected)",
    );
    expect(card(result)?.action).toContain("if you move to the 2028 Match, pay no 2027 NRMP fee");
    const titles = nrmpTitles(result);
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(title).toMatch(/^If you apply this season/);
  });

  it("after the early deadline: the late fee and late registration are said on the same condition", () => {
    const result = planFor(NOT_STARTED, "2026-12-10T06:00:00Z");
    const passed = lateFee(result)?.message ?? "";
    expect(passed).toMatch(/^If you apply for the 2027 Match: the NRMP early registration deadline passed/);
    expect(passed).toContain("if you move to the 2028 Match, pay no 2027 NRMP fee");
    expect(card(result)?.action).toMatch(/^If you apply for the 2027 Match: the early registration deadline/);
    expect(card(result)?.action).toContain("If you move to the 2028 Match, pay no 2027 NRMP fee.");
    const titles = nrmpTitles(result);
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(title).toMatch(/^If you apply this season/);
  });

  it("stays unconditional once ERAS is submitted, or while ERAS is only just late", () => {
    const submitted = planFor(
      milestoneFactory("eras_application", "done", "2026-10-01"),
      "2026-11-29T06:00:00Z",
    );
    expect(lateFee(submitted)?.message).toMatch(/^Register with NRMP before/);
    expect(card(submitted)?.action).toBe("Register with NRMP (R3) and pay the registration fee.");
    for (const title of nrmpTitles(submitted))
      expect(title).toBe("Register for the NRMP Main Residency Match");
    // A month after programs began reviewing, ERAS_LATE_SUBMISSION still says "submit as soon as possible".
    const justLate = planFor(NOT_STARTED, "2026-10-20T06:00:00Z");
    expect(card(justLate)?.action).toBe("Register with NRMP (R3) and pay the registration fee.");
  });

  it("the budget counts no NRMP fee while the plan weighs the next Match: listed under fees to verify, on the same condition", () => {
    for (const now of ["2026-11-29T06:00:00Z", "2026-12-10T06:00:00Z"]) {
      const { budget } = planFor(NOT_STARTED, now);
      const counted = budget.items.filter(
        (item) => item.key.startsWith("nrmp") && item.status === "upcoming",
      );
      expect(counted).toEqual([]);
      const held = (budget.toVerify ?? []).filter((item) => item.key.startsWith("nrmp"));
      expect(held.length).toBeGreaterThan(0);
      for (const item of held) expect(item.verify).toMatch(/^If you apply for the 2027 Match/);
    }
    // Once ERAS is submitted the fee is a plain bill again.
    const submitted = planFor(
      milestoneFactory("eras_application", "done", "2026-10-01"),
      "2026-11-29T06:00:00Z",
    );
    expect(
      submitted.budget.items.some((item) => item.key === "nrmp_registration" && item.status === "upcoming"),
    ).toBe(true);
  });
});
