import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * More records prove the school's ECFMG
 * sponsor note. An ERAS application done needs the ERAS token ECFMG issues only to an eligible
 * graduate; a booked Step 1 or Step 2 CK needs FSMB's registration, which needs ECFMG's approved
 * Application for Certification (shared/domain facts: "Where to register for Step 1 and Step 2 CK").
 * NRMP registration (open to anyone) and a certified rank list prove nothing. With the note unknown
 * (null), a record that proves it gives the plan the note true gives (whole plans compared).
 */
const NOW = new Date("2026-11-10T08:00:00Z");

function planFor(note: boolean | null, milestones: MilestoneEntry[]): Plan {
  const applicant = applicantFactory({
    externalId: "adve2-note",
    matchYear: 2027,
    timezone: "Asia/Dhaka",
    graduation: "2024-12-31",
    medicalSchool: { name: "Padma Medical College", country: "BD", wdomsSponsorNote: note },
  });
  return plan(inputFactory({ applicant, milestones, interviews: [] }), seasonCalendar(2027), NOW);
}

const asked = (result: Plan) => result.nextSteps.some((each) => each.milestone === "wdoms_listing");

describe("records that prove the sponsor note", () => {
  it("Dhaka, ERAS application done, note unknown: the plan the note true gives", () => {
    const milestones = doneMilestones(["eras_application"]);
    const noted = planFor(true, milestones);
    expect(asked(noted)).toBe(false);
    expect(planFor(null, milestones)).toEqual(noted);
  });

  it.each([
    ["usmle_step1", "2026-12-14"],
    ["usmle_step2ck", "2027-01-11"],
  ] as const)("Dhaka, %s booked, note unknown: the plan the note true gives", (key, date) => {
    const milestones = [milestoneFactory(key, "scheduled", date)];
    expect(planFor(null, milestones)).toEqual(planFor(true, milestones));
  });

  it.each([
    ["nrmp_registration", [milestoneFactory("nrmp_registration", "done")]],
    ["rank_order_list", [milestoneFactory("rank_order_list", "done")]],
  ] as const)("%s done proves nothing: the WDOMS check is still asked", (_key, milestones) => {
    expect(asked(planFor(null, [...milestones]))).toBe(true);
  });
});
