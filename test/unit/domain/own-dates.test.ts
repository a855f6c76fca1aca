import { describe, expect, it } from "vitest";
import { catalogEntry } from "#domain/catalog/index.ts";
import type { Plan } from "#domain/plan.ts";
import { RESULT_FOLLOW_UP_RUNG } from "#domain/planner/own-date.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

/** The applicant's own dates beside the authority's deadlines. */
const applicant2028 = applicantFactory({ matchYear: 2028, timezone: "Asia/Kolkata" });
function plan2028(milestones: MilestoneEntry[], now: string): Plan {
  return plan(inputFactory({ applicant: applicant2028, milestones }), seasonCalendar(2028), new Date(now));
}
const started = doneMilestones(["wdoms_listing", "ecfmg_application"], "2026-10-01");
const step = (result: Plan, key: string) => result.nextSteps.find((candidate) => candidate.milestone === key);

describe("a scheduled step keeps the authority's deadline and carries the applicant's date beside it", () => {
  const now = "2026-11-30T12:00:00Z";
  const unscheduled = plan2028(started, now);
  const scheduled = plan2028(
    [
      ...started,
      milestoneFactory("usmle_step2ck", "scheduled", "2027-06-15"),
      milestoneFactory("ecfmg_pathway", "scheduled", "2028-05-01"),
    ],
    now,
  );

  it("leaves the deadline as it was without a date, and adds ownDate with status applicant", () => {
    for (const key of ["usmle_step2ck", "ecfmg_pathway"]) {
      expect(step(scheduled, key)?.deadline).toEqual(step(unscheduled, key)?.deadline);
      expect(step(scheduled, key)?.deadline?.status).toBe("projected");
      expect(step(scheduled, key)?.ownDate?.status).toBe("applicant");
    }
    expect(step(scheduled, "usmle_step2ck")?.ownDate?.local).toBe("Tue 15 Jun 2027, 12:00 AM GMT+5:30");
    expect(step(unscheduled, "usmle_step2ck")?.ownDate).toBeUndefined();
  });

  it("counts an exam's reminders down to the exam day, and still wakes before the deadline", () => {
    const step2 = scheduled.reminders.filter((reminder) => reminder.milestone === "usmle_step2ck");
    const toExam = step2.filter((reminder) => reminder.deadlineDetail.status === "applicant");
    const toDeadline = step2.filter((reminder) => reminder.deadlineDetail.status !== "applicant");
    expect(toExam.map((reminder) => reminder.title)).toContain("Your USMLE Step 2 CK exam");
    expect(toExam.every((reminder) => !reminder.title.includes("(your date)"))).toBe(true);
    expect(
      toExam.every((reminder) => reminder.deadline === step(scheduled, "usmle_step2ck")?.ownDate?.at),
    ).toBe(true);
    expect(toExam.length).toBeGreaterThan(1);
    expect(toDeadline).toHaveLength(1);
    expect(toDeadline[0]?.deadline).toBe(step(scheduled, "usmle_step2ck")?.deadline?.at);
  });

  it("says on each reminder what its date is: the own date, the target, or (absent) the deadline", () => {
    const step2 = scheduled.reminders.filter((reminder) => reminder.milestone === "usmle_step2ck");
    for (const reminder of step2) {
      expect(reminder.countsDownTo).toBe(
        reminder.deadlineDetail.status === "applicant" ? "own-date" : undefined,
      );
    }
    const toTarget = unscheduled.reminders.filter((reminder) => reminder.countsDownTo === "target");
    expect(toTarget.length).toBeGreaterThan(0);
    for (const reminder of toTarget) {
      expect(reminder.title).toMatch(/\(target date\)$/);
      expect(reminder.deadline).toBe(step(unscheduled, reminder.milestone)?.target?.at);
      expect(reminder.deadline).not.toBe(step(unscheduled, reminder.milestone)?.deadline?.at);
    }
    const rest = unscheduled.reminders.filter((reminder) => reminder.countsDownTo === undefined);
    expect(rest.every((reminder) => !reminder.title.endsWith("(target date)"))).toBe(true);
  });

  it("lays the whole ladder on the deadline when the applicant's date falls after it, and says so as a critical risk", () => {
    const pathway = scheduled.reminders.filter((reminder) => reminder.milestone === "ecfmg_pathway");
    expect(pathway.length).toBeGreaterThan(0);
    expect(pathway.every((reminder) => reminder.deadlineDetail.status === "projected")).toBe(true);
    const late = scheduled.risks.find((risk) => risk.code === "EXAMS_LATE_FOR_RANKING");
    expect(late?.severity).toBe("critical");
    expect(late?.message).toContain(
      "Your ECFMG Pathway application on Mon 1 May 2028 would be decided around",
    );
    // The latest date is the Pathway's own deadline (60 days before the ROL deadline, Sat 25 Dec 2027, 9:00 PM ET), the one its step shows.
    expect(late?.message).toContain("complete it by Sat 25 Dec 2027 at the latest");
  });

  it("cites the Pathway's own review allowance, not USMLE score reporting, for the Pathway", () => {
    const onlyPathway = plan2028(
      [...started, milestoneFactory("ecfmg_pathway", "scheduled", "2028-05-01")],
      now,
    );
    const late = onlyPathway.risks.find((risk) => risk.code === "EXAMS_LATE_FOR_RANKING");
    expect(late?.message).toContain("ECFMG's review of a Pathway application is allowed 28 days.");
    expect(late?.sources).toContain(catalogEntry("ecfmg_pathway").reportingDays?.source);
    expect(late?.sources?.join(" ")).not.toContain("score-reporting");
    expect(late?.message).not.toContain("score-reporting");
    expect(step(onlyPathway, "ecfmg_pathway")?.why).not.toMatch(/^For the 2026 Match a Pathway meets/);
  });

  it("words dates for people, and a future Pathway date in the future tense", () => {
    expect(step(scheduled, "usmle_step2ck")?.action).toContain("Your exam is on Tue 15 Jun 2027;");
    expect(step(scheduled, "ecfmg_pathway")?.action).toContain(
      "You plan to submit your Pathway application on Mon 1 May 2028",
    );
    expect(step(scheduled, "ecfmg_pathway")?.action).not.toMatch(/submitted|is in/);
  });
});

describe("a scheduled date that has passed with no result", () => {
  // The 2027 Match: Step 2 CK scheduled for 15 Aug 2026, ERAS submitted; planned on 30 Nov 2026.
  const applicant = applicantFactory({ matchYear: 2027, timezone: "Asia/Kolkata" });
  const milestones = [
    ...doneMilestones(
      ["wdoms_listing", "ecfmg_application", "usmle_step1", "eras_token", "eras_application"],
      "2026-06-01",
    ),
    milestoneFactory("usmle_step2ck", "scheduled", "2026-08-15"),
  ];
  const planAt = (now: string) =>
    plan(inputFactory({ applicant, milestones }), seasonCalendar(2027), new Date(now));
  const result = planAt("2026-11-30T12:00:00Z");

  it("asks for the result at the next delivery slot, with an id that does not depend on now", () => {
    const followUp = result.reminders.filter((reminder) => reminder.rung === RESULT_FOLLOW_UP_RUNG);
    expect(followUp).toHaveLength(1);
    expect(followUp[0]?.sendAtLocal).toBe("2026-12-01T09:00:00.000+05:30");
    expect(followUp[0]?.title).toBe("Has your USMLE Step 2 CK score come? If so, tell us the result");
    // The step asks the question; the follow-up's "why" says why it matters, not the same sentence.
    expect(result.nextSteps.find((step) => step.milestone === "usmle_step2ck")?.action).toContain(
      "Did you take it?",
    );
    expect(followUp[0]?.why).toBe(
      "Until you tell us your USMLE Step 2 CK result, the plan cannot tell whether it reaches ECFMG and NRMP by the rank order list deadline or you need a new date: results take about 4 weeks, so yours should be out by now.",
    );
    const later = planAt("2026-12-01T01:00:00Z").reminders.find(
      (reminder) => reminder.rung === RESULT_FOLLOW_UP_RUNG,
    );
    expect(later?.id).toBe(followUp[0]?.id);
    // Same day, never later (here it joins the NRMP deadline's late notice at the end of quiet hours).
    expect(later?.sendAtLocal.slice(0, 10)).toBe("2026-12-01");
    expect(Date.parse(later?.sendAt ?? "")).toBeLessThanOrEqual(Date.parse(followUp[0]?.sendAt ?? ""));
  });

  it("raises a critical risk: programs have been reviewing without the score, citing the season date", () => {
    // With OET and Pathway done, so the 2027 Match is in reach: not started, their study time puts it
    // out of reach whatever fees were paid, and the risk is then a warning.
    const inReach = plan(
      inputFactory({
        applicant,
        milestones: [...milestones, ...doneMilestones(["oet_medicine", "ecfmg_pathway"], "2026-06-01")],
      }),
      seasonCalendar(2027),
      new Date("2026-11-30T12:00:00Z"),
    );
    const risk = inReach.risks.find((candidate) => candidate.code === "SCHEDULED_DATE_PASSED");
    expect(risk?.severity).toBe("critical");
    expect(risk?.milestones).toEqual(["usmle_step2ck"]);
    expect(risk?.message).toContain(
      "Pass USMLE Step 2 CK: your date was Sat 15 Aug 2026 and no result is recorded",
    );
    expect(risk?.message).toMatch(
      /Programs have been reviewing applications for the 2027 Match since \w{3} \d+ Sep 2026 \(/,
    );
  });

  it("marks the step urgent (result pending, never overdue before its deadline) once its result should be out, and keeps the exam date beside the deadline", () => {
    const step2 = step(result, "usmle_step2ck");
    expect(step2?.urgency).toBe("urgent");
    expect(step2?.ownDate?.at).toBe("2026-08-14T18:30:00.000Z");
    expect(step2?.deadline?.status).not.toBe("applicant");
    // The day after the exam the result cannot be out yet: urgent (result pending), no risk (the
    // normal wait for a score), and the follow-up waits for it.
    const dayAfter = planAt("2026-08-16T12:00:00Z");
    expect(step(dayAfter, "usmle_step2ck")?.urgency).toBe("urgent");
    expect(dayAfter.risks.map((risk) => risk.code)).not.toContain("SCHEDULED_DATE_PASSED");
    const waiting = dayAfter.reminders.find((reminder) => reminder.rung === RESULT_FOLLOW_UP_RUNG);
    expect(waiting?.sendAtLocal).toBe("2026-09-12T09:00:00.000+05:30");
  });

  it("raises no risk until the result could be out (exam day + the catalog's reportingDays), the day the follow-up is sent", () => {
    expect(catalogEntry("usmle_step2ck").reportingDays?.days).toBe(28);
    // 15 Aug + 28 days = Sat 12 Sep 2026, which starts at 18:30 UTC on the 11th in Kolkata.
    const justBefore = planAt("2026-09-11T18:29:59Z");
    expect(justBefore.risks.map((risk) => risk.code)).not.toContain("SCHEDULED_DATE_PASSED");
    const resultDay = planAt("2026-09-11T18:30:00Z");
    const risk = resultDay.risks.find((candidate) => candidate.code === "SCHEDULED_DATE_PASSED");
    // Before the season's ERAS review date: a warning.
    expect(risk?.severity).toBe("warning");
    const followUp = justBefore.reminders.find((reminder) => reminder.rung === RESULT_FOLLOW_UP_RUNG);
    expect(followUp?.sendAtLocal.slice(0, 10)).toBe("2026-09-12");
  });

  it("lists the instant the risk appears among the plan's risk-change instants, for the cohort's look-ahead", () => {
    expect(planAt("2026-08-16T12:00:00Z").riskChangesAt).toContain("2026-09-11T18:30:00.000Z");
    expect(planAt("2026-08-01T12:00:00Z").riskChangesAt).toContain("2026-09-11T18:30:00.000Z");
    expect(planAt("2026-09-11T18:30:00Z").riskChangesAt ?? []).not.toContain("2026-09-11T18:30:00.000Z");
  });

  it("waits each exam's own allowance: an OET result (21 days) is asked for sooner than a USMLE one", () => {
    expect(catalogEntry("oet_medicine").reportingDays?.days).toBe(21);
    const oetAt = (now: string) =>
      plan(
        inputFactory({
          applicant,
          milestones: [
            ...milestones.slice(0, -1),
            milestoneFactory("oet_medicine", "scheduled", "2026-09-01"),
          ],
        }),
        seasonCalendar(2027),
        new Date(now),
      );
    // 1 Sep + 21 days = Tue 22 Sep 2026 in Kolkata (18:30 UTC on the 21st).
    expect(oetAt("2026-09-21T18:29:59Z").risks.map((risk) => risk.code)).not.toContain(
      "SCHEDULED_DATE_PASSED",
    );
    expect(oetAt("2026-09-21T18:30:00Z").risks.map((risk) => risk.code)).toContain("SCHEDULED_DATE_PASSED");
  });

  it("applies to every step with an applicant's date: an OET sitting that has passed is followed up too", () => {
    const oet = plan(
      inputFactory({
        applicant,
        // 25 days before: past OET's 21-day result allowance, so the risk stands.
        milestones: [...milestones.slice(0, -1), milestoneFactory("oet_medicine", "scheduled", "2026-09-25")],
      }),
      seasonCalendar(2027),
      // Before OET's deadline (Sun 15 Nov 2026) and its 14-day rung: a follow-up announces the
      // deadline, so none goes out after it. This was 30 Nov, which worked only because Step 2 CK
      // "not started" moved the plan to the 2028 Match and its later OET deadline; with ERAS applied
      // the 2027 Match stays planned.
      new Date("2026-10-20T12:00:00Z"),
    );
    expect(
      oet.reminders.some(
        (reminder) => reminder.milestone === "oet_medicine" && reminder.rung === RESULT_FOLLOW_UP_RUNG,
      ),
    ).toBe(true);
    expect(oet.risks.find((risk) => risk.code === "SCHEDULED_DATE_PASSED")?.milestones).toEqual([
      "oet_medicine",
    ]);
  });

  it("says nothing of the kind while the date is ahead, or once the result is in", () => {
    const ahead = planAt("2026-08-01T12:00:00Z");
    expect(ahead.risks.map((risk) => risk.code)).not.toContain("SCHEDULED_DATE_PASSED");
    expect(ahead.reminders.some((reminder) => reminder.rung === RESULT_FOLLOW_UP_RUNG)).toBe(false);
    const passed = plan(
      inputFactory({
        applicant,
        milestones: [...milestones.slice(0, -1), milestoneFactory("usmle_step2ck", "done", "2026-08-15")],
      }),
      seasonCalendar(2027),
      new Date("2026-11-30T12:00:00Z"),
    );
    expect(passed.risks.map((risk) => risk.code)).not.toContain("SCHEDULED_DATE_PASSED");
  });
});
