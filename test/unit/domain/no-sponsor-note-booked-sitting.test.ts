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
 * holds. A booked USMLE sitting is evidence of the note instead: it opens the gate (below).
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

// A booked USMLE sitting (FSMB's scheduling permit, or ECFMG's registration before FSMB took it over)
// needed an approved ECFMG application, given only for a school with the note: beside a note
// answered "no" it opens the gate and is asked about (note-false-beside-sitting.test.ts), so no fee
// words and no held sitting.
describe("no sponsor note, a USMLE sitting booked", () => {
  it.each([
    ["Step 2 CK with FSMB, 2 Feb 2027", "usmle_step2ck", "2027-02-02", now],
    ["Step 1 with ECFMG, 10 Nov 2025", "usmle_step1", "2025-11-10", new Date("2025-10-01T06:00:00Z")],
  ] as const)("%s: the gate opens and the sitting is reminded", (_, key, day, at) => {
    const result = plan(
      inputFactory({
        applicant: applicantFactory({
          matchYear: 2027,
          timezone: "Asia/Karachi",
          medicalSchool: { name: "Lahore Example College", country: "PK", wdomsSponsorNote: false },
        }),
        milestones: [
          milestoneFactory("wdoms_listing", "done", "2025-08-01"),
          milestoneFactory(key, "scheduled", day),
        ],
      }),
      seasonCalendar(2027),
      at,
    );
    expect(riskOf(result)).toBe("");
    expect(result.risks.map((risk) => risk.code)).toContain("ANSWERS_CONTRADICT_RECORD");
    expect(blockedRow(result, key)).toBeUndefined();
  });
});
