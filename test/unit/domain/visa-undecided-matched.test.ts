import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneKey, MilestoneStatus, Visa } from "#domain/snapshot.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

// A Nigerian IMG (Lagos, 2027 Match), Match Day done and the contract signed, visa
// "undecided": only a warning VISA_UNDECIDED and no reminder from April, and at residency start
// "RISKS (none)". With the contract unsigned, START_DELAYED named only the contract, never the
// visa. The rule: once matched (Match Day done, or the contract begun or done) the undecided
// route is the critical path: VISA_UNDECIDED critical with a notice, VISA_NOT_READY_FOR_START as
// for a chosen route whose steps are undone, START_DELAYED naming the visa. Visa "none" unaffected.

const calendar = seasonCalendar(2027);
const BEFORE_MATCH: MilestoneKey[] = [
  "wdoms_listing",
  "ecfmg_application",
  "usmle_step1",
  "usmle_step2ck",
  "oet_medicine",
  "ecfmg_pathway",
  "eras_token",
  "eras_application",
  "nrmp_registration",
  "ecfmg_certification",
];
const ZONES = ["Africa/Lagos", "Asia/Karachi"] as const;
// April, mid-June, the residency start (1 Jul) and 20 Jul, each at 10:00 in the applicant's zone.
const OFFSETS: Record<(typeof ZONES)[number], string> = {
  "Africa/Lagos": "+01:00",
  "Asia/Karachi": "+05:00",
};
const at = (zone: (typeof ZONES)[number], day: string) => `${day}T10:00:00${OFFSETS[zone]}`;

function matched(zone: string, visa: Visa, contract: MilestoneStatus | undefined, matchDay = true) {
  return inputFactory({
    applicant: applicantFactory({ matchYear: 2027, timezone: zone, visa, graduation: "2023-12-01" }),
    milestones: [
      ...doneMilestones(BEFORE_MATCH, "2026-09-01"),
      milestoneFactory("rank_order_list", "done", "2027-02-01"),
      milestoneFactory("match_week", "done", "2027-03-15"),
      milestoneFactory("soap", "waived"),
      ...(matchDay ? [milestoneFactory("match_day", "done", "2027-03-19")] : []),
      ...(contract === undefined
        ? []
        : [milestoneFactory("contract", contract, contract === "done" ? "2027-03-30" : undefined)]),
    ],
  });
}
const risk = (result: Plan, code: string) => result.risks.find((each) => each.code === code);

describe("a matched applicant with no visa route chosen is chased, not silent", () => {
  for (const zone of ZONES) {
    const signed = matched(zone, "undecided", "done");

    it(`${zone}: in April and mid-June VISA_UNDECIDED is critical, asks to choose with the GME office now, and its notice goes`, () => {
      for (const day of ["2027-04-20", "2027-06-15"]) {
        const result = plan(signed, calendar, new Date(at(zone, day)));
        const undecided = risk(result, "VISA_UNDECIDED");
        expect(undecided?.severity, day).toBe("critical");
        expect(undecided?.message, day).toContain(
          "choose your visa route with your program's GME office now",
        );
        expect(undecided?.message, day).not.toContain("as soon as you know where you matched");
        const notices = result.reminders.filter((each) => each.rung === "critical-risk");
        expect(notices.length, day).toBeGreaterThan(0);
        expect(
          notices.some((each) => `${each.title} ${each.why}`.includes("You matched: choose your visa route")),
          day,
        ).toBe(true);
      }
    });

    it(`${zone}: in April and mid-June VISA_NOT_READY_FOR_START fires, route-neutral, naming the visa`, () => {
      for (const day of ["2027-04-20", "2027-06-15"]) {
        const notReady = risk(plan(signed, calendar, new Date(at(zone, day))), "VISA_NOT_READY_FOR_START");
        expect(notReady?.severity, day).toBe("critical");
        expect(notReady?.message, day).toContain("your visa (no route chosen yet)");
        expect(notReady?.message, day).not.toMatch(/your J-1 visa|your H-1B visa/);
      }
    });

    it(`${zone}: at residency start and on 20 Jul START_DELAYED names the missing visa`, () => {
      for (const day of ["2027-07-01", "2027-07-20"]) {
        const result = plan(signed, calendar, new Date(at(zone, day)));
        const delayed = risk(result, "START_DELAYED");
        expect(delayed?.severity, day).toBe("critical");
        expect(delayed?.message, day).toContain("your visa (no route chosen yet)");
        expect(
          result.reminders.some((each) => each.risk === "START_DELAYED"),
          day,
        ).toBe(true);
      }
    });

    it(`${zone}: with the contract unsigned START_DELAYED names the contract and the visa`, () => {
      const unsigned = matched(zone, "undecided", undefined);
      const delayed = risk(plan(unsigned, calendar, new Date(at(zone, "2027-07-01"))), "START_DELAYED");
      expect(delayed?.message).toContain("program contract, your visa (no route chosen yet) are not done");
    });

    it(`${zone}: a contract begun counts as matched even with Match Day not recorded`, () => {
      const begun = matched(zone, "undecided", "in_progress", false);
      const result = plan(begun, calendar, new Date(at(zone, "2027-04-20")));
      expect(risk(result, "VISA_UNDECIDED")?.severity).toBe("critical");
      expect(risk(result, "VISA_NOT_READY_FOR_START")?.message).toContain("your visa (no route chosen yet)");
    });

    it(`${zone}: "matched" told in Match Week, Match Day and the contract not recorded, is critical too`, () => {
      const told = matched(zone, "undecided", undefined, false);
      const result = plan(told, calendar, new Date(at(zone, "2027-03-25")));
      expect(risk(result, "VISA_UNDECIDED")?.severity).toBe("critical");
      expect(risk(result, "VISA_UNDECIDED")?.message).toContain(
        "You matched and have not chosen a visa route yet",
      );
    });

    it(`${zone}: a US citizen or permanent resident (visa "none") with the contract signed hears none of it`, () => {
      const citizen = matched(zone, "none", "done");
      for (const day of ["2027-04-20", "2027-06-15", "2027-07-01", "2027-07-20"]) {
        const result = plan(citizen, calendar, new Date(at(zone, day)));
        for (const code of ["VISA_UNDECIDED", "VISA_NOT_READY_FOR_START", "START_DELAYED"])
          expect(risk(result, code), `${day} ${code}`).toBeUndefined();
      }
    });
  }
});
