import { describe, expect, it } from "vitest";
import type { Plan, Reminder } from "#domain/plan.ts";
import { EXAM_BOOKING_DAYS, OET_BOOKING_DAYS, STEP3_PROCESSING_DAYS } from "#domain/planner/advice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory, interviewFactory } from "./factories.ts";

/**
 * The status questions about steps an interview
 * presumes come at once, and again before the step's own lead time, not 6 days before its last day: OET before its last
 * booking day (OET_BOOKING_DAYS), USMLE before FSMB processing and a test date (the Step 3
 * allowances, advice). An exam's "if not" says what it means (the Match most likely out of reach,
 * tell us today), never "sit them by" a day that cannot be met. The Pathway's stays "submit it by".
 *
 * Adaeze, in Enugu (Lagos time), interviewing on 15 Dec 2026, nothing certification reported, 1 Dec.
 */
const calendar = seasonCalendar(2027);
const DAY = 86_400_000;

function adaeze(now = "2026-12-01T09:00:00Z"): Plan {
  return plan(
    inputFactory({
      applicant: applicantFactory({
        fullName: "Adaeze Okafor",
        timezone: "Africa/Lagos",
        matchYear: 2027,
        visa: "J-1",
        graduation: "2025-06-30",
        medicalSchool: { name: "Enugu College of Medicine", country: "NG", wdomsSponsorNote: true },
      }),
      milestones: [],
      interviews: [interviewFactory({ id: "iv-enugu", startsAt: "2026-12-15T09:00:00-05:00" })],
    }),
    calendar,
    new Date(now),
  );
}

const asked = (result: Plan, opening: string, rung = "status-question"): Reminder | undefined =>
  result.reminders.find((each) => each.rung === rung && each.title.startsWith(opening));

describe("presumed-step status questions before each step's lead time", () => {
  it("OET is asked before its last booking day, and its 'if not' says the Match is most likely out of reach", () => {
    const oet = asked(adaeze(), "Have you taken or booked OET Medicine?");
    expect(oet).toBeDefined();
    const last = Date.parse(oet?.deadline ?? "");
    expect(last - Date.parse(oet?.sendAt ?? "")).toBeGreaterThanOrEqual(OET_BOOKING_DAYS * DAY);
    expect(oet?.title).toContain(
      "If not, the 2027 Match is most likely out of reach: tell us today so the plan can move you",
    );
    expect(oet?.title).not.toContain("sit it by");
  });

  it("USMLE is asked before FSMB processing and a test date", () => {
    const usmle = asked(adaeze(), "Have you taken or booked USMLE Step 1 and USMLE Step 2 CK?");
    expect(usmle).toBeDefined();
    const lead = (STEP3_PROCESSING_DAYS + EXAM_BOOKING_DAYS) * DAY;
    expect(Date.parse(usmle?.deadline ?? "") - Date.parse(usmle?.sendAt ?? "")).toBeGreaterThanOrEqual(lead);
    expect(usmle?.title).not.toContain("sit them by");
    expect(usmle?.why).toContain("FSMB");
  });

  it("the Pathway is asked at once, again a week before its day, and keeps its 'submit it by'", () => {
    const first = asked(adaeze(), "Have you submitted your ECFMG Pathway application?");
    expect(first?.sendAtLocal).toBe("2026-12-02T09:00:00.000+01:00");
    const pathway = asked(
      adaeze(),
      "Have you submitted your ECFMG Pathway application?",
      "status-question-week",
    );
    expect(pathway?.title).toContain("If not, submit it by Sat 26 Dec 2026");
    // A week before its last day in Lagos, Sat 26 Dec (6:00 PM ET is midnight there, closing Saturday).
    expect(pathway?.sendAtLocal).toBe("2026-12-19T09:00:00.000+01:00");
  });

  it("past the lead time, the question comes at the next slot, its id unchanged", () => {
    const early = asked(adaeze(), "Have you taken or booked OET Medicine?");
    const late = asked(adaeze("2026-12-28T12:00:00Z"), "Have you taken or booked OET Medicine?");
    expect(late?.id).toBe(early?.id);
    expect(late?.sendAtLocal).toBe("2026-12-29T09:00:00.000+01:00");
  });
});
