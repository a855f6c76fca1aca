import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * An H-1B applicant living in the US (Ana in Houston, Luis in San Juan), list certified, Step 3 not
 * started. There is no visitor visa to wait for, but FSMB's processing (about 14 days) and a seat
 * (about 7) still come before the sitting, so Step 3's day for the petition, Match Day (Fri 19 Mar
 * 2027, the petition 60 days before the stamping), is out of reach from about three weeks before
 * it. VISA_NOT_READY_FOR_START and Step 3's card then say so for each Match outcome, with no visitor
 * visa or trip, and never "sit Step 3 today". Their plan keeps the consular route's dates (the safe
 * one), so the risk says that a change of status inside the US needs no consular stamping and asks
 * the program which it files (advice).
 */
const calendar = seasonCalendar(2027);
const ranked = (zone: string, matchDay: boolean, extra: MilestoneEntry[] = []) => {
  const input = matched2027(zone, {
    visa: "H-1B",
    matchDay,
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2025-11-03"),
      milestoneFactory("usmle_step3", "not_started"),
      ...extra,
    ],
  });
  return { ...input, milestones: input.milestones.filter((m) => m.key !== "match_week" && m.key !== "soap") };
};
const card = (result: Plan) =>
  result.nextSteps.find((step) => step.milestone === "usmle_step3")?.action ?? "";
const risk = (result: Plan) => result.risks.find((entry) => entry.code === "VISA_NOT_READY_FOR_START");
const TRIP = /visitor visa|B-1\/B-2|trip|taken only in the US/;
const PUSHES =
  /sit Step 3 today|(?<!could not )sit (it )?by Fri 19 Mar|sit it as soon as you can|Apply for Step 3 through FSMB now/;
const OUT_OF_REACH =
  "is out of reach by this plan's allowances (about 14 days of FSMB processing and about 7 days to a US test date)";

describe.each([
  ["Houston", "America/Chicago"],
  ["San Juan", "America/Puerto_Rico"],
])("H-1B in %s, Step 3 not started", (_city, zone) => {
  it("before ranking closes the day still fits: sit by it, and no out-of-reach risk", () => {
    const result = plan(ranked(zone, false), calendar, new Date("2027-02-10T15:00:00Z"));
    expect(card(result)).toContain("at the latest by Fri 19 Mar 2027");
    expect(risk(result)).toBeUndefined();
  });

  it("between the rank order list deadline and Match Day: if you match, out of reach, nothing to pay, no rungs", () => {
    const result = plan(ranked(zone, false), calendar, new Date("2027-03-10T15:00:00Z"));
    expect(card(result)).toMatch(
      /^If you match with a program that files an H-1B petition for you, sitting Step 3 by Fri 19 Mar 2027 \(our advice\)/,
    );
    expect(card(result)).toContain(OUT_OF_REACH);
    expect(card(result)).toContain("not the FSMB application with its exam fee.");
    expect(risk(result)?.message).toMatch(
      /^If you match with a program that files an H-1B petition for you, the H-1B/,
    );
    for (const text of [card(result), risk(result)?.message ?? ""]) {
      expect(text).not.toMatch(TRIP);
      expect(text).not.toMatch(PUSHES);
    }
    const step3 = result.reminders.filter((reminder) => reminder.milestone === "usmle_step3");
    expect(step3.map((reminder) => reminder.risk)).toEqual(["VISA_NOT_READY_FOR_START"]);
  });

  it("on Match Day, matched: the card says out of reach, never 'sit Step 3 today'", () => {
    const result = plan(ranked(zone, true), calendar, new Date("2027-03-19T17:00:00Z"));
    expect(card(result)).toMatch(
      /^Sitting Step 3 by Fri 19 Mar 2027 \(our advice\), the day your program's H-1B petition needs, is out of reach/,
    );
    expect(card(result)).toContain(
      "Ask your program today which it files, and whether it will start you later",
    );
    expect(risk(result)?.message).toMatch(/^The H-1B for your start date is likely out of reach\. /);
    for (const text of [card(result), risk(result)?.message ?? ""]) {
      expect(text).not.toMatch(TRIP);
      expect(text).not.toMatch(PUSHES);
    }
  });

  it("on Match Day, untold: if you matched, out of reach", () => {
    const result = plan(ranked(zone, false), calendar, new Date("2027-03-19T17:00:00Z"));
    expect(card(result)).toContain(
      "If you matched with a program that files an H-1B petition for you, sitting Step 3",
    );
    expect(risk(result)?.message).toMatch(
      /^If you matched with a program that files an H-1B petition for you/,
    );
    expect(card(result)).not.toMatch(PUSHES);
  });

  it("after Match Day, matched: the day has passed, told as past", () => {
    const result = plan(ranked(zone, true), calendar, new Date("2027-04-05T15:00:00Z"));
    expect(card(result)).toMatch(
      /^The last day to sit Step 3 that leaves your program's H-1B petition time, Fri 19 Mar 2027/,
    );
    expect(risk(result)?.message).toContain(
      "Fri 19 Mar 2027 (our advice), the last day to sit it that leaves the petition time",
    );
    for (const text of [card(result), risk(result)?.message ?? ""]) expect(text).not.toMatch(TRIP);
  });
});

describe("the consular route's dates, kept in the US, are said to be that route's", () => {
  const at = new Date("2027-03-19T17:00:00Z");

  it("in Houston: the stamping is the consular route's, a change of status needs none; ask which it files", () => {
    const message = risk(plan(ranked("America/Chicago", true), calendar, at))?.message ?? "";
    expect(message).toContain(
      "If your program files for consular processing, this plan allows about 60 days from the petition's filing (Fri 16 Apr 2027)",
    );
    expect(message).toContain("a change of status, which needs no consular stamping");
    expect(message).toContain("this plan keeps the consular route's earlier dates (our advice)");
    expect(message).toContain("Ask your program today which it files, and whether it will start you later");
  });

  it("once the program confirmed a change of status: no stamping, the petition's date kept", () => {
    const waived = ranked("America/Chicago", true, [milestoneFactory("visa_h1b_stamping", "waived")]);
    const message = risk(plan(waived, calendar, at))?.message ?? "";
    expect(message).toContain("On the change of status your program files there is no visa stamping");
    expect(message).not.toContain("which it files");
  });

  it("abroad the stamping stays the plan, with no change-of-status words", () => {
    const message = risk(plan(ranked("Africa/Lagos", true), calendar, at))?.message ?? "";
    expect(message).toContain("This plan allows about 60 days from the petition's filing");
    expect(message).not.toContain("change of status");
  });
});
