import { describe, expect, it } from "vitest";
import { catalogEntry } from "#domain/catalog/index.ts";
import type { Plan } from "#domain/plan.ts";
import { pathwayDocumentsDeadline } from "#domain/planner/pathway-deadlines.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { localDate } from "#domain/time.ts";
import { applicantFactory, DONE_BUT_OET_AND_PATHWAY, inputFactory } from "./factories.ts";

/**
 * MATCH_YEAR_LAST_DAY was searched against the rank order list deadline only, so an
 * applicant in Kolkata with the OET and the Pathway not started was told to start preparing for the
 * OET by a day after which its result could reach ECFMG only after the Pathway's (projected) deadline
 * for supporting documents, and its sitting only after the OET's own last sitting day. The last day
 * is the last instant at which every deadline in the chain still holds; an OET result that can only
 * reach ECFMG after the documents deadline ends the season, as a late Pathway application does
 * (ECFMG rejects the application).
 *
 * The OET not begun counts its catalog's fastest
 * preparation (the booking only), so the Pathway application's own deadline (26 Dec 2026) comes
 * before the OET's for an applicant with both to do; the OET's deadlines are tested here with the
 * Pathway application already submitted (in progress, dated), where they are what binds.
 */

const calendar = seasonCalendar(2027);
const DAY = 86_400_000;
const MINUTE = 60_000;

function notStarted(timezone: string): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ timezone, matchYear: 2027 }),
    milestones: [
      ...DONE_BUT_OET_AND_PATHWAY.map((key) => ({ key, status: "done" as const })),
      { key: "oet_medicine", status: "not_started" },
      { key: "ecfmg_pathway", status: "in_progress", date: "2026-10-15" },
    ],
  });
}

const OET_RESULT_DAYS = catalogEntry("oet_medicine").reportingDays?.days ?? Number.NaN;

const planAt = (input: PlannerInput, at: number | string): Plan => plan(input, calendar, new Date(at));
const lastDay = (result: Plan) => result.risks.find((risk) => risk.code === "MATCH_YEAR_LAST_DAY");
const writtenOff = (result: Plan) => result.risks.find((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE");
const oetStep = (result: Plan) => result.nextSteps.find((step) => step.milestone === "oet_medicine");
const oetDeadline = (result: Plan): number => Date.parse(oetStep(result)?.dueBy ?? "");
const oetDay = (result: Plan) => oetStep(result)?.deadline?.day;

describe("the last day holds every deadline in the chain", () => {
  const documentsDue = pathwayDocumentsDeadline(calendar) as number;

  it("Kolkata, OET not started, Pathway submitted, on Wed 13 Jan 2027: past the later candidate's last OET sitting day too (Tue 12 Jan), the result would miss the documents deadline, so the 2027 Match is out of reach", () => {
    // Its booking week alone no longer ends the season: until Tue 5 Jan 2027, the OET's
    // last sitting day, any sitting counts; on 30 Dec the season is in reach.
    expect(writtenOff(planAt(notStarted("Asia/Kolkata"), "2026-12-30T10:00:00+05:30"))).toBeUndefined();
    const result = planAt(notStarted("Asia/Kolkata"), "2027-01-13T10:00:00+05:30");
    expect(lastDay(result)).toBeUndefined();
    const risk = writtenOff(result);
    // By now even the rank order list deadline is missed (the later candidate's documents day passed too).
    expect(risk?.message).toContain("The 2027 Match is out of reach");
    expect(risk?.earliestFeasibleMatchYear).toBe(2028);
    // The season ends on it: no separate warning that only asks to hurry.
    expect(result.risks.some((r) => r.code === "PATHWAY_DEADLINE_PROJECTED")).toBe(false);
  });

  describe.each([
    "Pacific/Honolulu",
    "America/New_York",
    "Africa/Lagos",
    "Asia/Kolkata",
    "Pacific/Kiritimati",
  ])("%s", (zone) => {
    const input = notStarted(zone);
    // Every 12 hours from 10 Dec to 29 Dec 2026: wherever the last day is named, the chain started
    // on it meets the OET's last sitting day and the documents deadline, and a minute after it the
    // season is written off (the warning and the write-off never disagree).
    const nows = Array.from(
      { length: 40 },
      (_, index) => Date.parse("2026-12-10T00:00:00Z") + (index * DAY) / 2,
    );
    it("no named last day lets the OET miss its own deadline or the documents deadline", () => {
      let named = 0;
      for (const now of nows) {
        const result = planAt(input, now);
        const risk = lastDay(result);
        if (risk === undefined) continue;
        named++;
        const last = Date.parse(risk.lastWorkingAt ?? "");
        // The last day is the OET's last sitting day, a day: any sitting on it counts,
        // and its result, by the allowance, meets the documents deadline; never a later local day.
        expect(localDate(zone, last) <= "2027-01-05").toBe(true);
        // The OET step's deadline is that day, all day in the applicant's zone: a sitting
        // on it, with the result allowance in days, meets the documents deadline's (ET) day.
        const day = oetDay(result);
        expect(day).toBe("2027-01-05");
        expect(Date.parse(`${day}T00:00:00Z`) + OET_RESULT_DAYS * DAY).toBeLessThanOrEqual(
          Date.parse(`${localDate("America/New_York", documentsDue)}T00:00:00Z`),
        );
        expect(writtenOff(planAt(input, last))).toBeUndefined();
        // After it, written off, or kept on the later candidate only: ECFMG's dates follow NRMP's.
        const after = planAt(input, last + MINUTE);
        expect(
          writtenOff(after)?.message.includes("supporting documents") === true ||
            lastDay(after)?.message.startsWith("By our projected deadline") === true,
        ).toBe(true);
        expect(risk.message).toContain("after that day your OET result would reach ECFMG after");
      }
      expect(named).toBeGreaterThan(0);
    });
  });

  it("OET in preparation, Pathway submitted: the day is the OET's last sitting day, Tue 5 Jan 2027 (any seat by it, not the 30 Dec the ROL deadline alone gave)", () => {
    const input = inputFactory({
      applicant: applicantFactory({ timezone: "Africa/Lagos", matchYear: 2027 }),
      milestones: [
        ...DONE_BUT_OET_AND_PATHWAY.map((key) => ({ key, status: "done" as const })),
        { key: "oet_medicine", status: "in_progress" },
        { key: "ecfmg_pathway", status: "in_progress", date: "2026-12-01" },
      ],
    });
    const result = planAt(input, "2026-12-20T09:00:00Z");
    const risk = lastDay(result);
    // The OET step's deadline is its last sitting day, Tue 5 Jan 2027 (the ET day of its cut-off,
    // the documents deadline less the result time), due to Lagos's midnight after it: the
    // last day works to the same minute.
    expect(new Date(oetDeadline(result)).toISOString()).toBe("2027-01-05T23:00:00.000Z");
    expect(oetDay(result)).toBe("2027-01-05");
    expect(risk?.lastWorkingAt).toBe("2027-01-05T22:59:00.000Z");
    // 20 Dec is past OET's booking allowance for 5 Jan (16 Dec, advice): a late seat.
    expect(risk?.message).toContain("check OET's session calendar now for a late OET Medicine seat");
    expect(risk?.message).toContain("sit it by Tue 5 Jan 2027");
  });
});
