import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { OUT_OF_REACH_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
} from "./factories.ts";

/**
 * With an interview for the 2027 Match in hand and 8
 * weeks to Step 2 CK's last sitting day (Wed 27 Jan 2027, projected), the plan wrote the Match off
 * because the fastest pace counted Step 2 CK's 120-day "typical dedicated study period" (advice). A
 * study period (advice) may make a Match tight, never out of reach, for an applicant whose interview
 * counts for that Match: the Match stays the target, one warning says how little time is left
 * against the typical period, and NRMP registration is pushed. The hard lead times (the last
 * sitting day, the result's reporting) still write it off once they cannot fit; without such an
 * interview the applicant is judged as before.
 *
 * Samira: every certification step done (ECFMG application, Step 1, OET, the 2027 Pathway), ERAS
 * sent, Step 2 CK not started, NRMP not registered, one interview on 10 Dec 2026.
 */
const calendar = seasonCalendar(2027);
const ZONES = ["Asia/Karachi", "America/Los_Angeles"] as const;

function samira(zone: string, interviewing = true): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ timezone: zone, matchYear: 2027, graduation: "2024-06-30" }),
    milestones: [
      ...doneMilestones(["wdoms_listing", "ecfmg_application", "usmle_step1", "oet_medicine"], "2025-06-01"),
      milestoneFactory("ecfmg_pathway", "done", "2026-10-15"),
      ...doneMilestones([
        "eras_token",
        "eras_application",
        "lors",
        "personal_statement",
        "cv",
        "program_list",
      ]),
      milestoneFactory("usmle_step2ck", "not_started"),
    ],
    interviews: interviewing ? [interviewFactory({ startsAt: "2026-12-10T09:00:00-05:00" })] : [],
  });
}

const planAt = (input: PlannerInput, now: string): Plan => plan(input, calendar, new Date(now));
const riskOf = (result: Plan, code: string) => result.risks.find((risk) => risk.code === code);
const NOW = "2026-12-03T09:00:00Z";

describe("interviewing: a typical study period (advice) makes the Match tight, never out of reach", () => {
  it.each(ZONES)("%s on Thu 3 Dec 2026: the 2027 Match stays the target, no write-off", (zone) => {
    const result = planAt(samira(zone), NOW);
    expect(riskOf(result, "MATCH_YEAR_NOT_FEASIBLE")).toBeUndefined();
    expect(result.reminders.some((each) => each.rung === OUT_OF_REACH_RUNG)).toBe(false);
    expect(JSON.stringify(result)).not.toContain("Pay no 2027");
    // NRMP registration is pushed as for any applicant interviewing in reach.
    expect(riskOf(result, "NRMP_LATE_FEE")?.severity).toBe("critical");
    expect(result.nextSteps.some((step) => step.milestone === "nrmp_registration")).toBe(true);
    // Never reported, so asked: the rank list is planned meanwhile, not blocked.
    expect(result.nextSteps.find((step) => step.milestone === "rank_order_list")?.deadline?.at).toBe(
      new Date(calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at).toISOString(),
    );
  });

  it.each(
    ZONES.flatMap((zone) => [
      [zone, NOW, "about 8 weeks"],
      // Within six weeks of the day MATCH_YEAR_LAST_DAY would name the same day: not beside it.
      [zone, "2026-12-21T09:00:00Z", "about 5 weeks"],
    ]),
  )(
    "%s on %s: one warning names the step, its last sitting day and the time left (advice)",
    (zone, now, left) => {
      const result = planAt(samira(zone), now);
      const tight = result.risks.filter((risk) => risk.milestones.includes("usmle_step2ck"));
      expect(tight.map((risk) => risk.code)).toEqual(["EXAMS_LATE_FOR_RANKING"]);
      const risk = tight[0];
      expect(risk?.severity).toBe("warning");
      expect(risk?.message).toContain(
        `Sit your USMLE Step 2 CK by Wed 27 Jan 2027 at the latest (our advice): that leaves ${left} where about 120 days of preparation is typical (advice)`,
      );
      expect(risk?.message).toContain(
        // NRMP never reported: asked, not told.
        "With an interview for the 2027 Match in hand, it stays your target, tight as it is: if you have not registered with NRMP yet, do it now.",
      );
      expect(risk?.message).not.toContain("out of reach");
    },
  );

  it.each(ZONES)("%s the day after the last sitting day: kept on the later candidate", (zone) => {
    const result = planAt(samira(zone), "2027-01-29T12:00:00Z");
    expect(riskOf(result, "MATCH_YEAR_NOT_FEASIBLE")).toBeUndefined();
    expect(riskOf(result, "MATCH_YEAR_LAST_DAY")?.severity).toBe("critical");
  });

  it.each(ZONES)("%s the day after the later candidate's last sitting day: written off as before", (zone) => {
    const result = planAt(samira(zone), "2027-02-05T12:00:00Z");
    const risk = riskOf(result, "MATCH_YEAR_NOT_FEASIBLE");
    expect(risk?.earliestFeasibleMatchYear).toBe(2028);
    expect(risk?.message).toContain("about 120 days of preparation");
  });

  it.each(ZONES)("%s without an interview on Thu 3 Dec 2026: written off as before", (zone) => {
    const result = planAt(samira(zone, false), NOW);
    const risk = riskOf(result, "MATCH_YEAR_NOT_FEASIBLE");
    expect(risk?.earliestFeasibleMatchYear).toBe(2028);
    expect(risk?.message).toContain("USMLE Step 2 CK: about 120 days of preparation");
  });
});

/**
 * The interview counts from the day ERAS applicants may submit (2 Sep 2026, projected): before it no
 * program holds an application to invite from, so one on record proves nothing and the usual pace
 * judges the Match (golden random cases with interviews recorded a year ahead). Omar: ECFMG
 * application, OET and Pathway done, Step 1 and Step 2 CK not started (about 8 months of study at
 * the usual pace), an interview on 15 Oct 2026.
 */
function omar(zone: string): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ timezone: zone, matchYear: 2027, graduation: "2024-06-30" }),
    milestones: [
      ...doneMilestones(["wdoms_listing", "ecfmg_application", "oet_medicine"], "2025-06-01"),
      milestoneFactory("ecfmg_pathway", "done", "2026-08-01"),
      milestoneFactory("usmle_step1", "not_started"),
      milestoneFactory("usmle_step2ck", "not_started"),
    ],
    interviews: [interviewFactory({ startsAt: "2026-10-15T10:00:00-04:00" })],
  });
}

describe("the interview counts once ERAS applicants may submit", () => {
  it.each(ZONES)("%s on Sat 15 Aug 2026, before ERAS opens: written off on the usual pace", (zone) => {
    const result = planAt(omar(zone), "2026-08-15T12:00:00Z");
    expect(riskOf(result, "MATCH_YEAR_NOT_FEASIBLE")?.earliestFeasibleMatchYear).toBe(2028);
  });

  it.each(ZONES)("%s on Wed 30 Sep 2026, ERAS open: both exams tight, in one warning", (zone) => {
    const result = planAt(omar(zone), "2026-09-30T12:00:00Z");
    expect(riskOf(result, "MATCH_YEAR_NOT_FEASIBLE")).toBeUndefined();
    expect(riskOf(result, "MATCH_YEAR_LAST_DAY")).toBeUndefined();
    const risk = riskOf(result, "EXAMS_LATE_FOR_RANKING");
    expect(risk?.milestones).toEqual(["usmle_step1", "usmle_step2ck"]);
    expect(risk?.message).toContain(
      "Sit your USMLE Step 1 by Wed 27 Jan 2027 at the latest (our advice): that leaves about 17 weeks where about 120 days of preparation is typical (advice)",
    );
    // Said once, however many exams it names.
    expect(risk?.message.split("stays your target").length).toBe(2);
  });
});
