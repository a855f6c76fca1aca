import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { Visa } from "#domain/snapshot.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// An applicant matched for a Thu 1 Jul 2027 start, every step before the visa done, books the
// consular interview for Fri 25 Jun 2027: after Wed 16 Jun, the day this plan needs the visa in
// hand (two weeks before the start, advice), and six days before residency starts. An advisor
// calls that too late the day the booking is known, not once 16 Jun has passed: ask for an
// expedited appointment and tell the program now.

const calendar = seasonCalendar(2027);
const BEFORE_VISA: Record<Visa, readonly [string, string][]> = {
  "J-1": [
    ["contract", "2027-03-26"],
    ["j1_statement_of_need", "2027-03-30"],
    ["j1_ecfmg_sponsorship", "2027-03-31"],
    ["j1_ds2019", "2027-06-01"],
  ],
  "H-1B": [
    ["usmle_step3", "2027-01-20"],
    ["contract", "2027-03-26"],
    ["visa_h1b", "2027-05-20"],
  ],
  undecided: [],
  none: [],
};
const VISA_STEP = { "J-1": "visa_j1", "H-1B": "visa_h1b_stamping" } as const;

function booking(timezone: string, interview: string, visa: "J-1" | "H-1B" = "J-1") {
  return matched2027(timezone, {
    visa,
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2026-12-01"),
      ...BEFORE_VISA[visa].map(([key, day]) => milestoneFactory(key as never, "done", day)),
      milestoneFactory(VISA_STEP[visa], "scheduled", interview),
    ],
  });
}
const visaRisk = (result: ReturnType<typeof plan>) =>
  result.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START");

describe("a visa interview booked after the day this plan needs the visa in hand", () => {
  // Manila (UTC+8) and Honolulu (UTC-10): before our 16 Jun, the day after it, the day before the interview.
  it.each([
    ["Asia/Manila", "2027-06-11T01:00:00Z"],
    ["Asia/Manila", "2027-06-17T01:00:00Z"],
    ["Asia/Manila", "2027-06-24T01:00:00Z"],
    ["Pacific/Honolulu", "2027-06-11T19:00:00Z"],
    ["Pacific/Honolulu", "2027-06-17T19:00:00Z"],
    ["Pacific/Honolulu", "2027-06-24T19:00:00Z"],
  ])("is critical at once and names the booked day and what to do (%s, %s)", (timezone, now) => {
    const result = plan(booking(timezone, "2027-06-25"), calendar, new Date(now));
    const risk = visaRisk(result);
    expect(risk?.severity).toBe("critical");
    expect(risk?.message).toContain(
      "your J-1 visa interview is booked for Fri 25 Jun 2027, after Wed 16 Jun 2027 (our advice), when this plan needs your visa in hand, and only 6 days before residency starts",
    );
    expect(risk?.message).toContain("expedited appointment");
    expect(risk?.message).toContain("tell your program's GME office now that your start may be delayed");
    expect(risk?.message).not.toContain("past the date we plan for");
    expect(risk?.milestones).toContain("visa_j1");
  });

  it("sends its critical notice the day the booking is known, one notice for the whole run", () => {
    const before = plan(booking("Asia/Manila", "2027-06-25"), calendar, new Date("2027-06-11T01:00:00Z"));
    const after = plan(booking("Asia/Manila", "2027-06-25"), calendar, new Date("2027-06-17T01:00:00Z"));
    const notice = (result: ReturnType<typeof plan>) =>
      result.reminders.find((each) => each.rung === "critical-risk" && each.milestone === "visa_j1");
    expect(notice(before)?.sendAt).toBe("2027-06-11T01:00:00.000Z");
    // The same notice (same id) once our date has passed: not a second email for the same facts.
    expect(notice(after)?.id ?? notice(before)?.id).toBe(notice(before)?.id);
  });

  it("counts its reminders down to the booked interview once our visa date has passed, never overdue while it is ahead", () => {
    const result = plan(
      booking("Pacific/Honolulu", "2027-06-25"),
      calendar,
      new Date("2027-06-17T19:00:00Z"),
    );
    expect(result.overdue.map((each) => each.milestone)).not.toContain("visa_j1");
    const rungs = result.reminders.filter(
      (each) => each.milestone === "visa_j1" && each.rung !== "critical-risk",
    );
    expect(rungs.length).toBeGreaterThan(0);
    for (const each of rungs) {
      expect(each.countsDownTo).toBe("own-date");
      expect(each.deadlineDetail.local).toContain("Fri 25 Jun 2027");
      expect(each.title).toBe("Your J-1 visa interview");
    }
  });

  it("says the interview falls on or after the start when it does", () => {
    const result = plan(
      booking("Pacific/Honolulu", "2027-07-02"),
      calendar,
      new Date("2027-06-11T19:00:00Z"),
    );
    expect(visaRisk(result)?.message).toContain(
      "booked for Fri 2 Jul 2027, after Wed 16 Jun 2027 (our advice), when this plan needs your visa in hand, and on or after the day residency starts",
    );
  });

  it("raises nothing for an interview booked by our visa date", () => {
    const result = plan(booking("Asia/Manila", "2027-06-14"), calendar, new Date("2027-06-11T01:00:00Z"));
    expect(visaRisk(result)).toBeUndefined();
  });

  it("stops naming the booking once the interview day has gone by: the card asks whether the visa was issued, never 'behind'", () => {
    const result = plan(booking("Asia/Manila", "2027-06-25"), calendar, new Date("2027-06-26T01:00:00Z"));
    expect(visaRisk(result)).toBeUndefined();
    const row = result.nextSteps.find((step) => step.milestone === "visa_j1");
    expect(row?.action).toContain("Was the visa issued?");
    expect(result.overdue.map((step) => step.milestone)).not.toContain("visa_j1");
  });

  it("is the same for an H-1B visa interview at the consulate", () => {
    const result = plan(
      booking("Asia/Karachi", "2027-06-25", "H-1B"),
      calendar,
      new Date("2027-06-11T04:00:00Z"),
    );
    const risk = visaRisk(result);
    expect(risk?.severity).toBe("critical");
    expect(risk?.message).toContain("your H-1B visa interview is booked for Fri 25 Jun 2027");
  });
});
