import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { nothingToSnoozeText, snoozeOptions } from "#domain/snoozes.ts";
import { applicantFactory, inputFactory } from "./factories.ts";

/**
 * The last day that keeps a Match is the most
 * expensive date in the plan. An early 2028 starter in Manila who stalls after the WDOMS check: the
 * day MATCH_YEAR_LAST_DAY names (act by the end of Mon 31 May 2027, ET) is counted down on the step
 * it names first (the ECFMG application), 14, 3 and 1 day(s) before it, each saying it is the day
 * on NRMP's projected deadline and naming the later candidate's (Mon 7 Jun), after which the plan
 * moves to the next Match; the risk turns critical, with its notice, in its last 7 days;
 * once that day passes, the later candidate's day is counted down the same way.
 * The exam rows keep the earlier candidate's deadline past that day: no row says Feb 2028.
 */
const manila: PlannerInput = inputFactory({
  applicant: applicantFactory({
    externalId: "fixl-mnl",
    timezone: "Asia/Manila",
    matchYear: 2028,
    graduation: "2025-06-30",
    medicalSchool: { name: "Example Medical College", country: "PH", wdomsSponsorNote: true },
  }),
  milestones: [{ key: "wdoms_listing", status: "done", date: "2023-01-10" }],
});

const planAt = (now: string): Plan => plan(manila, seasonCalendar(2028), new Date(now));
const lastDay = (result: Plan) => result.risks.find((risk) => risk.code === "MATCH_YEAR_LAST_DAY");
// The ECFMG application's own deadline is that day (the exam chain's: Step 1's latest start), so its
// own ladder counts down to it (ownLadderCounts), in place of the last-day ladder's rungs.
const countdown = (result: Plan, at: string | undefined) =>
  result.reminders.filter(
    (each) =>
      each.deadline === at && (each.rung.startsWith("last-day-in-") || each.rung.startsWith("deadline-in-")),
  );

describe("the last day that keeps the 2028 Match is counted down", () => {
  it("1 May 2027: rungs 14, 3 and 1 day(s) before the last day, on the ECFMG application due that day", () => {
    const result = planAt("2027-05-01T10:00:00+08:00");
    const risk = lastDay(result);
    expect(risk?.severity).toBe("warning");
    const rungs = countdown(result, risk?.lastWorkingAt);
    expect(rungs.map((each) => [each.rung, each.sendAtLocal, each.milestone])).toEqual([
      ["deadline-in-14d", "2027-05-18T09:00:00.000+08:00", "ecfmg_application"],
      ["deadline-in-3d", "2027-05-29T09:00:00.000+08:00", "ecfmg_application"],
      ["deadline-in-1d", "2027-05-31T09:00:00.000+08:00", "ecfmg_application"],
    ]);
    // The passed target's email, sent now, names that day as the latest that still works.
    const passed = result.reminders.find(
      (each) => each.milestone === "ecfmg_application" && each.rung === "target-passed",
    );
    expect(passed?.why).toContain("The latest day that still works is Mon 31 May 2027");
    // Deterministic: the same rungs, same ids, from a plan a week later.
    const later = countdown(planAt("2027-05-08T10:00:00+08:00"), risk?.lastWorkingAt);
    expect(later.map((each) => each.id)).toEqual(rungs.map((each) => each.id));
  });

  it("25 May 2027 (its last 7 days): critical, with a notice about the ECFMG application due that day", () => {
    const result = planAt("2027-05-25T10:00:00+08:00");
    const risk = lastDay(result);
    expect(risk?.severity).toBe("critical");
    const notice = result.reminders.find(
      (each) => each.rung === "critical-risk" && each.risk === "MATCH_YEAR_LAST_DAY",
    );
    expect(notice?.milestone).toBe("ecfmg_application");
    expect(notice?.deadline).toBe(risk?.lastWorkingAt);
    expect(notice?.title).toBe("Your last days for the 2028 Match on NRMP's projected deadline: act now");
    // A week earlier it was a warning, with no notice.
    expect(lastDay(planAt("2027-05-18T10:00:00+08:00"))?.severity).toBe("warning");
  });

  it("2 Jun 2027, the projected day passed: the later candidate's day is counted down the same way", () => {
    const result = planAt("2027-06-02T10:00:00+08:00");
    const risk = lastDay(result);
    expect(risk?.lastWorkingAt).toBe("2027-06-08T02:00:00.000Z");
    const rungs = countdown(result, risk?.lastWorkingAt);
    expect(rungs.map((each) => [each.rung, each.sendAtLocal, each.milestone])).toEqual([
      // The 14-day rung passed: the critical notice going out now stands for its catch-up.
      ["last-day-in-3d", "2027-06-05T09:00:00.000+08:00", "ecfmg_application"],
      ["last-day-in-1d", "2027-06-07T09:00:00.000+08:00", "ecfmg_application"],
    ]);
  });

  it("2 Jun 2027: no row or risk calls Step 1's later-candidate day (Wed 2 Feb 2028) its deadline; the row keeps the earlier one", () => {
    const result = planAt("2027-06-02T10:00:00+08:00");
    const step1 = result.nextSteps.find((each) => each.milestone === "usmle_step1");
    const rol = seasonCalendar(2028).dates.nrmp_rol_certification_and_late_registration_deadline.at;
    expect(Date.parse(step1?.deadline?.at ?? "")).toBeLessThan(rol);
    for (const risk of result.risks)
      expect(risk.message).not.toContain("latest day that still works is Wed 2 Feb 2028");
    const passed = result.risks.find((risk) => risk.code === "TARGET_PASSED");
    expect(passed?.message ?? "").not.toContain("Its deadline is Wed 2 Feb 2028");
  });

  it("its rungs can be snoozed as any ladder's until its critical notice comes, then not at all", () => {
    // 18 May (local): the 14-day rung goes out today; Snooze may quiet the 3-day rung, up to the
    // 1-day rung's day, which a snooze never silences.
    const may = planAt("2027-05-17T10:00:00+08:00");
    expect(snoozeOptions(may, "ecfmg_application", "2027-05-17", "Asia/Manila").at(-1)).toEqual({
      days: 7,
      until: "2027-05-24",
    });
    // 26 May, in its last week (critical, its notice going out at the next delivery slot): no
    // Snooze, though the 3-day rung is left to quiet; the notice asks to act by its date.
    const lastWeek = planAt("2027-05-26T10:00:00+08:00");
    const rungs = countdown(lastWeek, lastDay(lastWeek)?.lastWorkingAt);
    // The notice goes at the next slot (27 May), where it stands for the 14-day rung caught up there.
    const notice = lastWeek.reminders.find((each) => each.risk === "MATCH_YEAR_LAST_DAY");
    expect(notice?.sendAtLocal).toBe("2027-05-27T09:00:00.000+08:00");
    expect(rungs.map((each) => each.sendAtLocal)).toEqual([
      "2027-05-29T09:00:00.000+08:00",
      "2027-05-31T09:00:00.000+08:00",
    ]);
    expect(snoozeOptions(lastWeek, "ecfmg_application", "2027-05-26", "Asia/Manila")).toEqual([]);
    expect(nothingToSnoozeText(lastWeek, "ecfmg_application", "Asia/Manila", "ECFMG")).toBe(
      "“Snooze” is not a choice for “ECFMG” now: a critical notice about it asks you to act by its date",
    );
  });

  it("31 May 2027, its notice sent before the delivery slot: no 1-day rung an hour later saying the same", () => {
    // Planned at midnight: the notice goes out when quiet hours end, and the 1-day rung joins it.
    const midnight = planAt("2027-05-31T00:00:00+08:00");
    const day = lastDay(midnight)?.lastWorkingAt;
    const notice = midnight.reminders.find((each) => each.rung === "critical-risk" && each.deadline === day);
    expect(notice?.sendAtLocal.slice(0, 10)).toBe("2027-05-31");
    expect(countdown(midnight, day).filter((each) => each.sendAtLocal.startsWith("2027-05-31"))).toEqual([]);
    // Re-planned once it is sent (the wake-up that sent it): the notice stands for that day's rung.
    const sentAt = notice?.sendAt ?? "";
    const after = plan(
      { ...manila, remindersSent: { [notice?.id ?? ""]: sentAt } },
      seasonCalendar(2028),
      new Date(Date.parse(sentAt) + 1000),
    );
    const onDay = after.reminders.filter(
      (each) => each.deadline === day && each.sendAtLocal.startsWith("2027-05-31"),
    );
    expect(onDay.map((each) => [each.rung, each.sendAt])).toEqual([["critical-risk", sentAt]]);
  });
});
