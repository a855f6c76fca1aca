import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * A partially matched applicant (Match Week done: matched, SOAP in progress: seeking the year the
 * match lacks) who then marks Match Day done, as R3 shows the program they matched to. Telling where
 * one matched does not say the missing year was found: the partial match's notice and NRMP's words
 * (a first-year position in SOAP or after it; without one by July 1, ask NRMP for a waiver) stay
 * until SOAP is answered, as when Match Day is left untold, and no sponsorship fee is pushed. Far
 * zones (Auckland, Honolulu), each answer dated the day it could be told there.
 */
const FIXTURES = new URL("../../fixtures/partial-match/", import.meta.url).pathname;
const codes = (result: Plan) => result.risks.map((risk) => risk.code);
const conflictOf = (result: Plan) => result.risks.find((risk) => risk.code === "MATCH_WEEK_SOAP_CONFLICT");

const ZONES = [
  { zone: "Pacific/Auckland", offset: "+13:00", offset2: "+12:00", matchDay: "2027-03-20" },
  { zone: "Pacific/Honolulu", offset: "-10:00", offset2: "-10:00", matchDay: "2027-03-19" },
] as const;

/** Arjun in `zone`, Match Week and SOAP told on Tuesday, with Match Day done on `matchDay` or untold. */
function arjun(zone: string, matchDay: string | undefined): ApplicantSnapshot {
  const base = readSnapshot(FIXTURES, "partial-match-cairo.json");
  const milestones = base.milestones.map((entry) =>
    entry.key === "match_week" || entry.key === "soap" ? { ...entry, date: "2027-03-16" } : entry,
  );
  return {
    ...base,
    applicant: { ...base.applicant, timezone: zone },
    milestones:
      matchDay === undefined
        ? milestones
        : [...milestones, { key: "match_day", status: "done", date: matchDay }],
  };
}

describe("a partial match that marks Match Day done, SOAP still in progress (Arjun)", () => {
  for (const { zone, offset, offset2, matchDay } of ZONES) {
    for (const now of [
      `2027-03-20T09:00:00${offset}`,
      `2027-04-05T09:00:00${offset2}`,
      `2027-07-02T09:00:00${offset2}`,
    ]) {
      it(`in ${zone} at ${now}: the partial match's notice stays, as with Match Day untold`, () => {
        const told = planInOwnMatch(arjun(zone, matchDay), now);
        const untold = planInOwnMatch(arjun(zone, undefined), now);
        const risk = conflictOf(told);
        expect(risk?.severity).toBe("critical");
        expect(risk?.message).toContain("so this plan reads a partial match");
        expect(risk?.message).toContain("must find a first-year position in SOAP or after it");
        expect(risk?.message).toContain("without one by July 1, 2027, you must ask NRMP to waive");
        expect(risk?.message).toBe(conflictOf(untold)?.message);
        // Past SOAP's end the notice says what SOAP left to do, never "take part now".
        const notice = told.reminders.find((each) => each.risk === "MATCH_WEEK_SOAP_CONFLICT");
        if (notice !== undefined) expect(notice.title).toContain("SOAP has ended");
        // No delayed start in July: which year the matched position starts is the open question.
        expect(codes(told)).not.toContain("START_DELAYED");
        expect(codes(untold)).not.toContain("START_DELAYED");
        // No sponsorship fee asked for a start whose year the partial match leaves in doubt.
        const pushed = told.nextSteps.map((each) => each.milestone);
        expect(pushed).not.toContain("j1_ecfmg_sponsorship");
        expect(told.reminders.map((each) => each.milestone)).not.toContain("j1_ecfmg_sponsorship");
      });
    }
  }
});
