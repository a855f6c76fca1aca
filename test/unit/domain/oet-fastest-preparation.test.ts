import { describe, expect, it } from "vitest";
import { catalogEntry } from "#domain/catalog/index.ts";
import type { Plan } from "#domain/plan.ts";
import { CRITICAL_RISK_RUNG, OUT_OF_REACH_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry, MilestoneStatus } from "#domain/snapshot.ts";
import { startOfLocalDate } from "#domain/time.ts";
import { applicantFactory, DONE_BUT_OET_AND_PATHWAY, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * An advised preparation time alone never writes off a
 * season. Rohan (Kolkata, J-1; Steps 1 and 2 CK passed, ERAS sent, NRMP registered; OET and Pathway
 * not started) was told on 2 Dec 2026 that the 2027 Match is out of reach ("ask NRMP about
 * withdrawing"), only because the OET's 60 days of preparation (advice: "no authority sets one")
 * were counted at the fastest pace, while his twin with the OET in progress was in reach until
 * 26 Dec. The fastest pace for an exam not begun now reads the catalog's fastest preparation: for
 * OET Medicine the booking only; the USMLE exams keep their preparation.
 */

const calendar = seasonCalendar(2027);
const NOW = "2026-12-02T16:00:00Z";

function rohan(oet: MilestoneStatus, timezone = "Asia/Kolkata", extra: MilestoneEntry[] = []): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ timezone, matchYear: 2027, visa: "J-1", graduation: "2024-03-31" }),
    milestones: [
      ...DONE_BUT_OET_AND_PATHWAY.map((key) => milestoneFactory(key, "done", "2026-09-01")),
      milestoneFactory("oet_medicine", oet),
      milestoneFactory("ecfmg_pathway", "not_started"),
      ...extra,
    ],
  });
}

const planAt = (input: PlannerInput, now: string | number = NOW): Plan =>
  plan(input, calendar, new Date(now));
const riskOf = (result: Plan, code: string) => result.risks.find((risk) => risk.code === code);

describe("OET not started: its advised preparation alone never writes off the season", () => {
  const zones = ["Asia/Kolkata", "America/Los_Angeles", "Pacific/Auckland", "Africa/Lagos"];

  it.each(zones)("%s on 2 Dec 2026: in reach, like the twin whose OET is in progress", (zone) => {
    const notStarted = planAt(rohan("not_started", zone));
    const preparing = planAt(rohan("in_progress", zone));
    expect(riskOf(notStarted, "MATCH_YEAR_NOT_FEASIBLE")).toBeUndefined();
    expect(riskOf(preparing, "MATCH_YEAR_NOT_FEASIBLE")).toBeUndefined();
    expect(notStarted.reminders.some((each) => each.rung === OUT_OF_REACH_RUNG)).toBe(false);
    expect(JSON.stringify(notStarted)).not.toContain("withdrawing");
    // The same last day as the twin's: the Pathway's projected deadline.
    expect(riskOf(notStarted, "MATCH_YEAR_LAST_DAY")?.lastWorkingAt).toBe(
      riskOf(preparing, "MATCH_YEAR_LAST_DAY")?.lastWorkingAt,
    );
  });

  it("warns critically: book now, its last sitting day, and the usual 60 days of preparation as advice", () => {
    const result = planAt(rohan("not_started"));
    const risk = riskOf(result, "EXAMS_LATE_FOR_RANKING");
    expect(risk?.severity).toBe("critical");
    expect(risk?.milestones[0]).toBe("oet_medicine");
    expect(risk?.message).toContain(
      "Your OET Medicine is not booked, and the usual preparation of about 60 days, our advice (no authority sets one), would run past the last sitting that still counts: the 2027 Match is in reach only if you can sit it with little or no study, so book a sitting now and take it by Tue 5 Jan 2027 at the latest",
    );
    expect(risk?.message).not.toContain("move it earlier");
    expect(risk?.sources).toContain(catalogEntry("oet_medicine").leadTimeDays.source);
    expect(risk?.sources).toContain(catalogEntry("oet_medicine").fastestPreparationDays?.source);
    // The last day names the usual preparation too, and asks to book, not to start preparing.
    const last = riskOf(result, "MATCH_YEAR_LAST_DAY")?.message;
    // OET's own booking allowance (about 28 days, advice) runs past its last sitting day by
    // the act-by day: any session by that day is counted (no study, as before), and so named.
    expect(last).toContain("book the earliest OET Medicine sitting you can and sit it by");
    expect(last).toContain(
      // The booking day named, never "book by" the sitting day.
      "Pass OET Medicine: any OET session on or before Tue 5 Jan 2027 (our advice), its last sitting day that still counts, booked by about Wed 16 Dec 2026 (sessions close their bookings about 20 days ahead: check OET's session calendar)",
    );
  });

  it("sends one critical notice on the OET step, due its last sitting day, titled to book it", () => {
    const result = planAt(rohan("not_started"));
    const notices = result.reminders.filter((each) => each.rung === CRITICAL_RISK_RUNG);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.milestone).toBe("oet_medicine");
    expect(notices[0]?.title).toBe(
      "Book your OET Medicine sitting now: the 2027 Match is in reach only if you sit it soon",
    );
    const oet = result.nextSteps.find((step) => step.milestone === "oet_medicine");
    expect(notices[0]?.deadline).toBe(oet?.dueBy);
    // Its last sitting day, Tue 5 Jan 2027, due to Kolkata's midnight after it.
    expect(oet?.dueBy).toBe("2027-01-05T18:30:00.000Z");
    expect(oet?.deadline?.local).toBe("Tue 5 Jan 2027");
  });

  it("the OET in progress is not critical: preparing is a fact that study is under way", () => {
    const risk = riskOf(planAt(rohan("in_progress")), "EXAMS_LATE_FOR_RANKING");
    expect(risk?.severity).toBe("warning");
  });

  it("early in the season, with the usual preparation still fitting, no critical warning", () => {
    const result = planAt(rohan("not_started"), "2026-09-15T06:00:00Z");
    expect(riskOf(result, "EXAMS_LATE_FOR_RANKING")).toBeUndefined();
    expect(riskOf(result, "MATCH_YEAR_NOT_FEASIBLE")).toBeUndefined();
  });

  it("the critical warning begins the instant the usual preparation no longer fits, and that instant wakes the plan", () => {
    // The OET's last sitting day, Tue 5 Jan 2027, is a day: it ends at Kolkata's midnight.
    const due = startOfLocalDate("Asia/Kolkata", "2027-01-06") - 1;
    const usualFrom = due - catalogEntry("oet_medicine").leadTimeDays.days * 86_400_000;
    const before = planAt(rohan("not_started"), usualFrom - 60_000);
    const after = planAt(rohan("not_started"), usualFrom + 60_000);
    expect(riskOf(before, "EXAMS_LATE_FOR_RANKING")?.severity).not.toBe("critical");
    expect(riskOf(after, "EXAMS_LATE_FOR_RANKING")?.severity).toBe("critical");
    expect(before.riskChangesAt).toContain(new Date(usualFrom).toISOString());
  });

  it("past the OET's last sitting day at the fastest pace, the season is still out of reach", () => {
    const risk = riskOf(planAt(rohan("not_started"), "2027-01-14T12:00:00Z"), "MATCH_YEAR_NOT_FEASIBLE");
    expect(risk?.earliestFeasibleMatchYear).toBe(2028);
    expect(risk?.message).toContain("counting no time to study for it");
  });
});

describe("the USMLE exams keep their preparation at the fastest pace", () => {
  it("Step 2 CK not started three months before the rank order list deadline: out of reach", () => {
    const input = inputFactory({
      applicant: applicantFactory({ timezone: "Asia/Kolkata", matchYear: 2027, visa: "J-1" }),
      milestones: [
        ...["wdoms_listing", "ecfmg_application", "usmle_step1", "eras_token", "eras_application"].map(
          (key) => milestoneFactory(key as "wdoms_listing", "done", "2026-09-01"),
        ),
        // Not registered: a registered applicant is asked whether preparation has begun instead.
        milestoneFactory("nrmp_registration", "not_started"),
        milestoneFactory("usmle_step2ck", "not_started"),
        milestoneFactory("oet_medicine", "done", "2026-06-01"),
        milestoneFactory("ecfmg_pathway", "in_progress", "2026-11-01"),
      ],
    });
    const rol = calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
    const risk = riskOf(planAt(input, rol - 90 * 86_400_000), "MATCH_YEAR_NOT_FEASIBLE");
    expect(risk?.earliestFeasibleMatchYear).toBe(2028);
    expect(risk?.message).toContain("USMLE Step 2 CK: about 120 days of preparation");
    expect(catalogEntry("usmle_step1").fastestPreparationDays).toBeUndefined();
    expect(catalogEntry("usmle_step2ck").fastestPreparationDays).toBeUndefined();
  });
});
