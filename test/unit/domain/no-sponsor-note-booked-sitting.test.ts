import { describe, expect, it } from "vitest";
import { SCHOOL_CHECK } from "#domain/catalog/index.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * A school with no ECFMG sponsor note (or a note not yet checked) and an OET sitting booked for
 * Sat 9 Jan 2027: the OET fee was paid to OET, so the plan sends the applicant to OET about it,
 * never to ECFMG, which took no part of it, and names the sitting with its day on its blocked row,
 * the WDOMS card and the risk, to decide with OET before OET's own cut-off whether to keep it. A
 * booked USMLE exam is FSMB's. Nothing about the sitting is a reminder or an urgent step: the gate
 * holds.
 */
const now = new Date("2026-12-06T16:00:00Z");
const planWith = (note: boolean | null, milestones: MilestoneEntry[]): Plan =>
  plan(
    inputFactory({
      applicant: applicantFactory({
        matchYear: 2027,
        timezone: "Asia/Karachi",
        medicalSchool: { name: "Lahore Example College", country: "PK", wdomsSponsorNote: note },
      }),
      milestones: [
        ...(note === false ? [milestoneFactory("wdoms_listing", "done", "2026-11-01")] : []),
        ...milestones,
      ],
    }),
    seasonCalendar(2027),
    now,
  );
const oetBooked = milestoneFactory("oet_medicine", "scheduled", "2027-01-09");
const riskOf = (result: Plan) =>
  result.risks.find((risk) => risk.code === "SCHOOL_NOT_ECFMG_ELIGIBLE")?.message ?? "";
const checkAction = (result: Plan) =>
  result.nextSteps.find((step) => step.milestone === SCHOOL_CHECK.key)?.action ?? "";
const blockedRow = (result: Plan, key: string) => result.blocked.find((step) => step.milestone === key);

describe("no sponsor note, an OET sitting booked for 9 Jan 2027", () => {
  const result = planWith(false, [oetBooked]);

  it("sends the applicant to OET about the OET fee, never to ECFMG, and promises no refund", () => {
    for (const words of [riskOf(result), checkAction(result)]) {
      expect(words).toContain(
        "You have already paid your OET Medicine test fee to OET: ask OET what becomes of that money; Matchpath knows of no refund.",
      );
      expect(words).not.toContain("ask ECFMG what becomes");
      expect(words).not.toContain("the fee for");
    }
  });

  it("names the sitting with its day on the risk, the WDOMS card and the blocked row", () => {
    const sitting =
      "Your OET sitting on Sat 9 Jan 2027 is booked with OET: decide with OET, before its own change or cancel cut-off, whether to keep it.";
    expect(riskOf(result)).toContain(sitting);
    expect(checkAction(result)).toContain(sitting);
    // The score's age is ECFMG's rule to check: no window is invented for later Pathways.
    expect(riskOf(result)).toContain(SCHOOL_CHECK.sittingKept.oet_medicine.text);
    expect(blockedRow(result, "oet_medicine")?.ownDate?.local).toContain("Sat 9 Jan 2027");
  });

  it("lays no reminder and no urgent step for the blocked sitting", () => {
    expect(result.reminders.filter((reminder) => reminder.milestone === "oet_medicine")).toEqual([]);
    expect(result.nextSteps.some((step) => step.milestone === "oet_medicine")).toBe(false);
  });

  it("names no sitting whose day has gone by", () => {
    const sat = planWith(false, [milestoneFactory("oet_medicine", "scheduled", "2026-11-28")]);
    expect(riskOf(sat)).not.toContain("sitting on");
    expect(blockedRow(sat, "oet_medicine")?.ownDate).toBeUndefined();
  });
});

describe("sponsor note not yet checked, the same OET sitting booked", () => {
  const result = planWith(null, [oetBooked]);

  it("asks for the WDOMS check first and names the sitting waiting on it", () => {
    expect(checkAction(result)).toContain(
      "Your OET sitting on Sat 9 Jan 2027 (booked with OET) waits on this check too: check WDOMS first, and if your school shows no sponsor note, decide with OET",
    );
    expect(blockedRow(result, "oet_medicine")?.ownDate?.local).toContain("Sat 9 Jan 2027");
  });
});

describe("no sponsor note, USMLE Step 2 CK booked for 2 Feb 2027", () => {
  const result = planWith(false, [milestoneFactory("usmle_step2ck", "scheduled", "2027-02-02")]);

  it("names FSMB for the exam fee and the sitting, and no reminder for it", () => {
    expect(riskOf(result)).toContain("your USMLE Step 2 CK exam fee (to FSMB)");
    expect(riskOf(result)).toContain(
      "Your USMLE Step 2 CK sitting on Tue 2 Feb 2027 is booked with FSMB: decide with FSMB, before its own change or cancel cut-off, whether to keep it.",
    );
    expect(blockedRow(result, "usmle_step2ck")?.ownDate?.local).toContain("Tue 2 Feb 2027");
    expect(result.reminders.filter((reminder) => reminder.milestone === "usmle_step2ck")).toEqual([]);
  });
});

describe("no sponsor note, Step 1 booked in 2025, when ECFMG still registered IMGs for it", () => {
  it("names ECFMG, not FSMB, as the body that took the exam fee", () => {
    const result = plan(
      inputFactory({
        applicant: applicantFactory({
          matchYear: 2027,
          timezone: "Asia/Karachi",
          medicalSchool: { name: "Lahore Example College", country: "PK", wdomsSponsorNote: false },
        }),
        milestones: [
          milestoneFactory("wdoms_listing", "done", "2025-08-01"),
          milestoneFactory("usmle_step1", "scheduled", "2025-11-10"),
        ],
      }),
      seasonCalendar(2027),
      new Date("2025-10-01T06:00:00Z"),
    );
    expect(riskOf(result)).toContain(
      "You have already paid your Application for ECFMG Certification fee and your USMLE Step 1 exam fee to ECFMG: ask ECFMG what becomes of that money;",
    );
    expect(riskOf(result)).toContain("Your USMLE Step 1 sitting on Mon 10 Nov 2025 is booked with ECFMG");
  });
});
