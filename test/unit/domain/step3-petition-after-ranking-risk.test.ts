import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * Omar, in Chicago on H-1B, certified, ranked his programs and has not applied for Step 3. Once the
 * rank order list deadline passes, ranking is over, yet a program that matches him files its H-1B
 * petition with his Step 3 pass: his Step 3 card asks him to apply to FSMB by Fri 26 Feb 2027, and
 * a critical risk says so too, with the question to his ranked programs (a J-1 or a later start).
 */
const calendar = seasonCalendar(2027);
const ranked = () => {
  const input = matched2027("America/Chicago", {
    visa: "H-1B",
    matchDay: false,
    extra: [milestoneFactory("ecfmg_certification", "done", "2025-11-03")],
  });
  const later = new Set(["match_week", "soap"]);
  return { ...input, milestones: input.milestones.filter((m) => !later.has(m.key)) };
};
const at = (now: string): Plan => plan(ranked(), calendar, new Date(now));
const step3Risk = (result: Plan) => result.risks.find((r) => r.code === "STEP3_NEEDED_FOR_H1B");

describe("Step 3 in the US after the rank order list deadline, not applied for", () => {
  it("the day before the last day to apply to FSMB for the petition: a critical risk names it", () => {
    const risk = step3Risk(at("2027-02-25T03:00:00Z"));
    expect(risk?.severity).toBe("critical");
    expect(risk?.message).toContain("apply to FSMB by Fri 26 Feb 2027 (our advice)");
    expect(risk?.message).toContain("sit Step 3 by Fri 19 Mar 2027 (our advice)");
    expect(risk?.message).toContain("whether they would sponsor a J-1 instead or agree a later start");
    expect(risk?.sources?.length).toBeGreaterThan(0);
  });

  it("once FSMB and a seat no longer fit before the petition's day, the visa risk asks instead", () => {
    const result = at("2027-03-10T03:00:00Z");
    expect(step3Risk(result)).toBeUndefined();
    expect(result.risks.map((r) => r.code)).toContain("VISA_NOT_READY_FOR_START");
  });
});
