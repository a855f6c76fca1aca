import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * An early starter (2028 Match, nothing begun) who plans the ECFMG application for a day after its
 * last day for the Match (the exam chain's, our advice) hears so at once, critical, with the last
 * day's hour; once that day passes, the step stays dated by it (overdue, as the same step not
 * started), never silently by the later candidate's day, and its card says what the pass means.
 */
const DIR = new URL("../../fixtures/early-application-planned-late/", import.meta.url).pathname;
const HONOLULU = readSnapshot(DIR, "honolulu-application-planned-jun01.json");
const HONOLULU_NOT_STARTED = readSnapshot(DIR, "honolulu-application-not-started.json");
const KARACHI = readSnapshot(DIR, "karachi-application-planned-jun25.json");

const card = (result: Plan): string =>
  result.nextSteps.find((step) => step.milestone === "ecfmg_application")?.action ?? "";
const row = (result: Plan) =>
  [...result.nextSteps, ...result.overdue].find((step) => step.milestone === "ecfmg_application");
const lastDayRisk = (result: Plan) => result.risks.find((risk) => risk.code === "MATCH_YEAR_LAST_DAY");

describe("an early starter's ECFMG application planned after its last day for the 2028 Match", () => {
  it("planned for 25 Jun in Karachi, on the day the plan is given: critical, naming her day and the last day", () => {
    const result = planInOwnMatch(KARACHI, "2026-12-07T10:00:00+05:00");
    const risk = lastDayRisk(result);
    expect(risk?.severity).toBe("critical");
    expect(risk?.message).toContain(
      "You plan to submit your Application for ECFMG Certification on Fri 25 Jun 2027, after your last day for the 2028 Match, Tue 1 Jun 2027, 7:00 AM GMT+5 (Mon 31 May 2027, 10:00 PM ET) (our advice)",
    );
    expect(risk?.message).toContain("after that day your plan moves to the 2029 Match");
    // Its notice goes out at once, titled for the day planned.
    const notice = result.reminders.find(
      (each) => each.rung === "critical-risk" && each.milestone === "ecfmg_application",
    );
    expect(notice?.title).toContain(
      "Your ECFMG application is planned after your last day for the 2028 Match: move it earlier, or your plan moves to the 2029 Match",
    );
  });

  it("planned for 1 Jun in Honolulu: the card gives the last day's hour, 4:00 PM HST, which the day alone hides", () => {
    const result = planInOwnMatch(HONOLULU, "2026-12-07T10:00:00-10:00");
    expect(card(result)).toContain(
      "after your last day for the 2028 Match, Mon 31 May 2027, 4:00 PM HST (Mon 31 May 2027, 10:00 PM ET) (our advice)",
    );
  });

  it("once the last day has passed: dated by it and overdue, as the step not started, never by the later candidate's day", () => {
    const now = "2027-06-01T00:30:00-10:00";
    const planned = planInOwnMatch(HONOLULU, now);
    const notStarted = planInOwnMatch(HONOLULU_NOT_STARTED, now);
    expect(row(planned)?.deadline?.at).toBe(row(notStarted)?.deadline?.at);
    expect(row(planned)?.deadline?.local).toBe("Mon 31 May 2027, 4:00 PM HST");
    expect(planned.overdue.map((step) => step.milestone)).toContain("ecfmg_application");
    expect(card(planned)).toContain("which has passed. Submit it in MyIntealth today");
    expect(card(planned)).toContain("stays within reach only if NRMP's 2028 deadline turns out later");
    expect(card(planned)).not.toContain("Mon 7 Jun");
  });
});
