import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { certifiedListWith, milestoneFactory } from "./factories.ts";

/**
 * A certified 2027 rank order list whose only gap is an answer the applicant has not given:
 * a Step 2 CK sitting on 11 Jan 2027 whose result was never
 * reported, or a Pathway in progress with no submission date. From the rank order list deadline to
 * a week after Match Day, Match Week, SOAP and Match Day stay live on the condition that ECFMG had
 * the answer by the deadline; the plan is not moved to 2028 and no out-of-reach email goes. A week
 * after Match Day, the sitting is dated for the 2028 Match, as before.
 */

const calendar = seasonCalendar(2027);
const rol = calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
const HOUR = 3_600_000;
const ZONES = ["Asia/Manila", "Africa/Lagos", "America/New_York", "Pacific/Auckland"];
/** From the deadline to Match Day: an hour after the deadline, Match Week's Monday (after NRMP's release), SOAP's Wednesday, after SOAP (Thursday night ET), Match Day afternoon (ET). */
const LIVE = {
  "deadline + 1 h": rol + HOUR,
  "Match Week Monday": Date.parse("2027-03-15T15:00:00Z"),
  "SOAP Wednesday": Date.parse("2027-03-17T15:00:00Z"),
  "after SOAP": Date.parse("2027-03-18T23:00:00Z"),
  "Match Day afternoon": Date.parse("2027-03-19T19:00:00Z"),
};
/**
 * Midnight ET seven days after Match Day has passed (Sat 27 Mar 2027, 04:00 UTC;
 * the "where did you match?" question and its first weekly check go first), and a week later.
 */
const AFTER_MATCH_DAY = [Date.parse("2027-03-27T05:00:00Z"), Date.parse("2027-04-03T12:00:00Z")];

const unreportedStep2 = (timezone: string) =>
  certifiedListWith(timezone, milestoneFactory("usmle_step2ck", "scheduled", "2027-01-11"));
const pathwayUndated = (timezone: string) =>
  certifiedListWith(timezone, milestoneFactory("ecfmg_pathway", "in_progress"));

function step(result: Plan, key: string) {
  return result.nextSteps.find((each) => each.milestone === key);
}

function outOfReachEmails(result: Plan) {
  return result.reminders.filter((reminder) => reminder.rung === "match-year-out-of-reach");
}

const STEP2_IF =
  "If your USMLE Step 2 CK result reached ECFMG in time for the rank order list deadline, Wed 24 Feb 2027 \\(ET, projected\\)";

describe.each(ZONES)("Step 2 CK sat 11 Jan, result unreported, list certified (%s)", (zone) => {
  const input = unreportedStep2(zone);

  it.each(Object.entries(LIVE))(
    "%s: the Match stays live on the result, no 2028 plan, no out-of-reach email",
    (_, now) => {
      const result = plan(input, calendar, new Date(now));
      expect(result.risks.map((risk) => risk.code)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
      expect(outOfReachEmails(result)).toEqual([]);
      expect(result.blocked.map((each) => each.milestone)).not.toContain("match_day");
      expect(step(result, "match_day")?.action).toMatch(new RegExp(`^${STEP2_IF}, you are in the Match: `));
      // The sitting counts for the next Match only once the Match is over.
      for (const each of result.nextSteps) expect(each.action).not.toContain("counts for the 2028 Match");
      // The result is still asked for, with what it decides: before the later candidate (Wed 3 Mar
      // 2027) passes, both sides and no withdrawal.
      const passed = result.risks.find((risk) => risk.code === "SCHEDULED_DATE_PASSED")?.message;
      if (now < Date.parse("2027-03-04T02:00:00Z")) {
        expect(passed).toContain(
          "you are in the Match (see Match Week, SOAP and Match Day); check R3 now. Tell us the result either way.",
        );
        expect(passed).toContain("Wed 3 Mar 2027, 9:00 PM ET) if NRMP's deadline turns out later");
        expect(passed).not.toContain("withdrew you");
      } else
        expect(passed).toContain(
          "if it did, you are in the Match (see Match Week, SOAP and Match Day); if not, NRMP withdrew you from the Match and SOAP. Tell us the result either way.",
        );
    },
  );

  it("until SOAP ends, Match Week and SOAP are conditional on the result too", () => {
    for (const now of [LIVE["deadline + 1 h"], LIVE["Match Week Monday"], LIVE["SOAP Wednesday"]]) {
      const result = plan(input, calendar, new Date(now));
      expect(step(result, "match_week")?.action, new Date(now).toISOString()).toMatch(
        new RegExp(`^${STEP2_IF}, you are in the Match: `),
      );
      expect(step(result, "soap")?.action).toMatch(
        new RegExp(`^${STEP2_IF}, SOAP is open to you if you do not match: `),
      );
    }
  });

  it("after Match Day: the sitting is dated for the 2028 Match, and only then", () => {
    for (const now of AFTER_MATCH_DAY) {
      const result = plan(input, calendar, new Date(now));
      expect(result.risks.map((risk) => risk.code)).toContain("MATCH_YEAR_NOT_FEASIBLE");
      expect(step(result, "usmle_step2ck")?.action).toContain("This sitting counts for the 2028 Match");
      expect(step(result, "match_day")).toBeUndefined();
    }
  });

  it("an hour before the deadline the warning that the list counts only if ECFMG confirms the result stays", () => {
    const result = plan(input, calendar, new Date(rol - HOUR));
    expect(result.risks.find((risk) => risk.code === "SCHEDULED_DATE_PASSED")?.message).toContain(
      "Your certified rank order list counts only if ECFMG confirms your USMLE Step 2 CK result to NRMP by the rank order list deadline",
    );
  });
});

describe.each(ZONES)("Pathway in progress with no date, list certified (%s)", (zone) => {
  it("SOAP Wednesday: Match Week, SOAP and Match Day are conditional on ECFMG having accepted the Pathway", () => {
    const result = plan(pathwayUndated(zone), calendar, new Date(LIVE["SOAP Wednesday"]));
    expect(result.risks.map((risk) => risk.code)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(outOfReachEmails(result)).toEqual([]);
    for (const key of ["match_week", "soap", "match_day"])
      expect(step(result, key)?.action).toMatch(
        /^If ECFMG accepted your Pathway in time for the rank order list deadline, Wed 24 Feb 2027 \(ET, projected\), /,
      );
  });
});

describe("where the condition cannot hold, the write-off stays (Manila, SOAP Wednesday)", () => {
  it.each([
    ["Step 2 CK not sat", milestoneFactory("usmle_step2ck", "not_started")],
    ["Step 2 CK sat after the deadline", milestoneFactory("usmle_step2ck", "scheduled", "2027-03-01")],
    ["Pathway not submitted", milestoneFactory("ecfmg_pathway", "not_started")],
  ])("%s: out of reach, no conditional Match Day", (_, open) => {
    const input = certifiedListWith("Asia/Manila", open);
    const result = plan(input, calendar, new Date(LIVE["SOAP Wednesday"]));
    expect(result.risks.map((risk) => risk.code)).toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(step(result, "match_day")).toBeUndefined();
  });
});
