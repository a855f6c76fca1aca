import { expect } from "vitest";
import { catalogEntry } from "#domain/catalog/index.ts";
import type { Plan, RiskCode } from "#domain/plan.ts";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";

/**
 * Scenario fixtures for an advisor's findings on issue #9 (own applicants, not the
 * reported files): each says what an experienced IMG advisor would plan. scenarios.test.ts runs
 * them with the others, through the planner and the CLI.
 */
export interface Scenario {
  name: string;
  now: string;
  assess(result: Plan, snapshot: ApplicantSnapshot): void;
}

const codes = (result: Plan): RiskCode[] => result.risks.map((risk) => risk.code);
const nextKeys = (result: Plan): string[] => result.nextSteps.map((step) => step.milestone);
const riskOf = (result: Plan, code: RiskCode) => result.risks.find((risk) => risk.code === code);

export const FINDING_SCENARIOS: Scenario[] = [
  {
    // A Step 2 CK reported done with 209, below the 218 in force on its date: not a pass. The plan
    // reads a retake by the last sitting day and asks to correct the score or sit it again.
    name: "step2ck-failed-score-2027",
    now: "2026-12-04T06:00:00Z",
    assess(result) {
      const risk = riskOf(result, "SCORE_BELOW_PASSING");
      expect(risk?.severity).toBe("critical");
      expect(risk?.message).toContain("sit it again by Wed 27 Jan 2027 (our advice)");
      expect(nextKeys(result)).toContain("usmle_step2ck");
      expect(codes(result)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
    },
  },
  {
    // An exam under way can be sat within days; study time is advice, so the season is
    // at risk (take it by the latest safe date), not out of reach, and NRMP is still pushed today.
    name: "step2ck-preparing-on-nrmp-deadline-day-2027",
    now: "2026-11-30T10:00:00Z",
    assess(result) {
      expect(codes(result)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
      const late = riskOf(result, "EXAMS_LATE_FOR_RANKING");
      expect(late?.severity).toBe("warning");
      expect(late?.message).toContain("take it by Wed 27 Jan 2027 at the latest");
      // The step's own reporting allowance, never the Step 3 note.
      expect(late?.sources).toContain(catalogEntry("usmle_step2ck").reportingDays?.source);
      expect(late?.sources?.join(" ")).not.toContain("step-3-scheduled-delay");
      expect(nextKeys(result)).toContain("nrmp_registration");
      expect(riskOf(result, "NRMP_LATE_FEE")?.message).toContain("Register with NRMP before");
      expect(result.blocked.map((step) => step.milestone)).not.toContain("nrmp_registration");
      expect(result.reminders.some((reminder) => reminder.milestone === "nrmp_registration")).toBe(true);
      expect(result.risks.map((risk) => risk.message).join(" ")).not.toContain("Pay no 2027");
    },
  },
  {
    // A booking after the latest safe date: move the exam (critical), not the year.
    name: "step2ck-booked-after-latest-safe-date-2027",
    now: "2026-11-30T10:00:00Z",
    assess(result) {
      expect(codes(result)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
      const late = riskOf(result, "EXAMS_LATE_FOR_RANKING");
      expect(late?.severity).toBe("critical");
      expect(late?.message).toContain("on Fri 12 Feb 2027 would be reported around");
      expect(late?.message).toContain("move it earlier and take it by Wed 27 Jan 2027 at the latest");
      // The exam, not the step's title, is the sentence's subject.
      expect(late?.message).toMatch(/^Your USMLE Step 2 CK on Fri 12 Feb 2027 would be reported around /);
      expect(late?.message).not.toContain("Pass USMLE");
      // An estimate "up to 28 days" away is a day, not a minute in two zones,
      // and its source is Step 2 CK's own allowance, not the Step 3 note.
      expect(late?.message).toMatch(/would be reported around \w{3} \d{1,2} \w{3} 2027:/);
      expect(late?.message).not.toMatch(/reported around [^:;]*(AM|PM)/);
      expect(late?.sources).toContain(catalogEntry("usmle_step2ck").reportingDays?.source);
      expect(late?.sources?.join(" ")).not.toContain("step-3-scheduled-delay");
      // The step's own text says to move it and by when, not "scores take about 4 weeks".
      const step = result.nextSteps.find((next) => next.milestone === "usmle_step2ck");
      expect(step?.action).toContain("Your exam is on Fri 12 Feb 2027, after Wed 27 Jan 2027");
      expect(step?.action).toContain("Move it earlier: take it by Wed 27 Jan 2027");
      expect(step?.action).not.toContain("scores take about");
    },
  },
  {
    // Step 2 CK booked seven weeks after its target, in time for ranking.
    name: "step2ck-booked-after-target-2028",
    now: "2026-11-30T12:00:00Z",
    assess(result) {
      const late = riskOf(result, "BOOKED_AFTER_TARGET");
      expect(late?.severity).toBe("warning");
      expect(late?.message).toContain("about 7 weeks after programs start reviewing");
      expect(codes(result)).not.toContain("EXAMS_LATE_FOR_RANKING");
    },
  },
  {
    // Graduation after the start is the cause, named with its dates; "what it would
    // take" is never empty, and no exam date is claimed to be late.
    name: "graduation-after-start-2027",
    now: "2026-11-30T10:00:00Z",
    assess(result) {
      const risk = riskOf(result, "MATCH_YEAR_NOT_FEASIBLE");
      expect(risk?.earliestFeasibleMatchYear).toBe(2028);
      expect(risk?.message).toContain("you graduate on Fri 20 Aug 2027");
      expect(risk?.message).toContain("after residency starts on Thu 1 Jul 2027");
      expect(risk?.message).toMatch(/What it would take: \S/);
      expect(risk?.message).not.toContain("can be reported around");
      expect(codes(result)).not.toContain("EXAMS_LATE_FOR_RANKING");
    },
  },
  {
    // Certification possible only after orientation (the certificate's due date) is
    // critical, not "just before residency starts".
    name: "certificate-after-orientation-2027",
    now: "2026-11-30T10:00:00Z",
    assess(result) {
      expect(codes(result)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
      const risk = riskOf(result, "CERTIFICATION_AFTER_START");
      expect(risk?.severity).toBe("critical");
      expect(risk?.message).toContain("your graduation on Wed 12 May 2027");
      expect(risk?.message).toContain("when you need the certificate for orientation");
    },
  },
  {
    // Open question of the second session: a June graduate (15 June 2027, residency starts 1 July)
    // with the 45-day diploma-verification allowance. The allowance is advice (ECFMG publishes no
    // time), so, as with study time for the exams, the season is at risk, never out of reach: NRMP
    // is still pushed before its early deadline, and the risk says why the season stays planned.
    name: "graduating-june-before-start-2027",
    now: "2026-11-29T10:00:00Z",
    assess(result) {
      expect(codes(result)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
      const risk = riskOf(result, "CERTIFICATION_AFTER_START");
      expect(risk?.severity).toBe("critical");
      expect(risk?.message).toContain(
        "your graduation on Tue 15 Jun 2027 plus 45 days for diploma verification",
      );
      expect(risk?.message).toContain("The 2027 Match stays planned");
      expect(nextKeys(result)).toContain("nrmp_registration");
      expect(result.reminders.some((reminder) => reminder.milestone === "nrmp_registration")).toBe(true);
    },
  },
  {
    // Once the list is certified, Match Week and Match Day are next steps with their
    // projected dates and reminders (match-outcome-dates.test.ts has the ladders).
    name: "rank-list-certified-2027",
    now: "2027-02-10T12:00:00Z",
    assess(result) {
      expect(nextKeys(result)).toEqual(expect.arrayContaining(["match_week", "match_day"]));
      expect(result.reminders.some((reminder) => reminder.milestone === "match_day")).toBe(true);
    },
  },
];

/** A rank list "done" that cannot have been certified is refused, and its reminders stay. */
function assessRefusedRankList(said: string) {
  return (result: Plan): void => {
    const risk = riskOf(result, "ROL_BEFORE_RANKING_OPENS");
    expect(risk?.severity).toBe("critical");
    expect(risk?.message).toContain(said);
    expect(risk?.message).toContain("Fri 15 Jan 2027, 12:00 PM ET"); // ranking opens (projected)
    expect(nextKeys(result)).toContain("rank_order_list");
    expect(result.reminders.some((reminder) => reminder.milestone === "rank_order_list")).toBe(true);
    expect(result.blocked.find((step) => step.milestone === "match_week")?.waitingFor).toContain(
      "rank_order_list",
    );
  };
}

FINDING_SCENARIOS.push(
  {
    name: "rank-list-marked-done-undated-2027",
    now: "2026-11-30T10:00:00Z",
    assess: assessRefusedRankList("marked certified without a date"),
  },
  {
    name: "rank-list-dated-ahead-2027",
    now: "2026-11-30T10:00:00Z",
    assess: assessRefusedRankList("marked certified on Mon 1 Feb 2027, a date still to come"),
  },
);

/**
 * After the early NRMP deadline the next hard deadline (late registration closes with the
 * ROL deadline, official) takes over with its own ladder, heard at the next delivery slot, and the
 * text names the late fee from the fee table.
 */
FINDING_SCENARIOS.push({
  name: "nrmp-registering-after-early-deadline-2027",
  now: "2026-12-01T05:00:00Z",
  assess(result) {
    const step = result.nextSteps.find((candidate) => candidate.milestone === "nrmp_registration");
    const lateFee = result.budget.items.find((item) => item.key === "nrmp_late_fee");
    expect(lateFee?.status).toBe("upcoming");
    expect(step?.action).toContain(`$${lateFee?.amountUsd} late registration fee`);
    expect(step?.deadline?.et).toBe("Wed 24 Feb 2027, 9:00 PM ET");
    // Still possible with the late fee until late registration closes: due
    // by that deadline, urgent, not overdue.
    expect(result.overdue.map((entry) => entry.milestone)).not.toContain("nrmp_registration");
    expect(step?.urgency).toBe("urgent");
    const sends = result.reminders
      .filter((reminder) => reminder.milestone === "nrmp_registration")
      .map((reminder) => reminder.sendAtLocal.slice(0, 16));
    expect(sends[0]).toBe("2026-12-01T09:00"); // the next delivery slot, Lagos time
    expect(sends).toContain("2027-02-11T09:00"); // two weeks before it closes (25 Feb, 3 AM Lagos)
    expect(riskOf(result, "NRMP_LATE_FEE")?.message).toContain("Late registration closes");
  },
});

const EXAM_KEYS = ["usmle_step1", "usmle_step2ck", "oet_medicine"];

/**
 * With the season really out of reach, the early steps are planned against the earliest
 * feasible Match (as a 2028 starter's are), no 2027 exam deadline is pushed, and the first gate
 * (the ECFMG application) is announced at the next delivery slot.
 */
FINDING_SCENARIOS.push({
  name: "nothing-done-replanned-for-2028",
  now: "2026-11-24T10:00:00Z",
  assess(result) {
    expect(riskOf(result, "MATCH_YEAR_NOT_FEASIBLE")?.earliestFeasibleMatchYear).toBe(2028);
    expect(riskOf(result, "MATCH_YEAR_NOT_FEASIBLE")?.message).toContain("dated for the 2028 Match");
    for (const key of EXAM_KEYS) {
      const step = result.nextSteps.find((candidate) => candidate.milestone === key);
      // Hard deadlines of the 2028 season (after 2027's rank-list deadline), not of 2027.
      expect(Date.parse(step?.deadline?.at ?? "")).toBeGreaterThan(Date.parse("2027-06-01"));
      expect(step?.urgency).not.toBe("urgent");
    }
    expect(codes(result)).not.toContain("EXAMS_LATE_FOR_RANKING");
    const application = result.nextSteps.find((step) => step.milestone === "ecfmg_application");
    expect(application?.urgency).not.toBe("overdue");
    expect(Date.parse(application?.target?.at ?? "")).toBeLessThan(Date.parse("2027-03-01"));
    // The out-of-reach notice (critical, asks for action now), about the first step, goes at the next
    // delivery slot with that step's first rung: one email, the notice speaking for the step
    // (oneReminderPerStep).
    const notice = result.reminders.find((each) => each.rung === "match-year-out-of-reach");
    expect(notice?.milestone).toBe("ecfmg_application");
    expect(notice?.sendAtLocal.slice(0, 16)).toBe("2026-11-25T09:00"); // next delivery slot, Nairobi
    const first = result.reminders[0];
    expect(first?.milestone).toBe("ecfmg_application");
    expect(first?.sendAt).toBe(notice?.sendAt);
    expect(result.overdue).toEqual([]);
  },
});

/**
 * While the sponsor note is unknown, the WDOMS check is announced at the next delivery
 * slot and every fee that depends on eligibility is shown held back, not counted.
 */
FINDING_SCENARIOS.push({
  name: "sponsor-note-unknown-2027",
  now: "2026-11-30T10:00:00Z",
  assess(result) {
    expect(result.nextSteps[0]?.milestone).toBe("wdoms_listing");
    // The out-of-reach notice about the WDOMS check, with its start-by at the next slot: one email.
    const notice = result.reminders.find((each) => each.rung === "match-year-out-of-reach");
    expect(notice?.milestone).toBe("wdoms_listing");
    expect(notice?.sendAtLocal.slice(0, 16)).toBe("2026-12-01T09:00");
    expect(result.reminders[0]?.milestone).toBe("wdoms_listing");
    expect(result.reminders[0]?.sendAtLocal.slice(0, 16)).toBe("2026-12-01T09:00");
    expect(result.budget.upcomingUsd).toBe(0);
    const held = (result.budget.toVerify ?? []).filter((item) => item.verify?.startsWith("held back"));
    expect(held.map((item) => item.key)).toEqual(
      expect.arrayContaining([
        "ecfmg_certification_application",
        "usmle_step1_exam",
        "eras_programs",
        "nrmp_registration",
      ]),
    );
    expect(result.overdue).toEqual([]);
  },
});

/**
 * Ranking on H-1B with the certificate pending, the certificate gets a target early
 * enough for FSMB, a US test date and Step 3's result before the rank-list deadline. The 14-day
 * lead once contradicted the "up to 12 weeks" the message quoted; FSMB's 12
 * weeks run from graduation, long past here, so the lead is FSMB's 2 weeks, a test date
 * and, from Cairo, 60 days for a visitor visa beside FSMB's processing: the target (Fri 20 Nov 2026: Sat 21 Nov off the weekend) has
 * passed on 30 Nov, and ranking on H-1B is most likely out of reach (critical, J-1 named). The
 * reminders before a target still ahead: visa-finding-scenarios.ts (June).
 */
FINDING_SCENARIOS.push({
  name: "h1b-certificate-pending-2027",
  now: "2026-11-30T10:00:00Z",
  assess(result) {
    const certificate = result.nextSteps.find((step) => step.milestone === "ecfmg_certification");
    expect(certificate?.target?.et).toBe("Fri 20 Nov 2026");
    expect(certificate?.target?.source).toContain("about 14 days of FSMB processing");
    expect(certificate?.target?.source).toContain("visitor visa (B-1/B-2) interview");
    expect(certificate?.urgency).toBe("urgent");
    const risk = riskOf(result, "STEP3_NEEDED_FOR_H1B");
    expect(risk?.severity).toBe("critical");
    expect(risk?.message).toContain("most likely out of reach");
    // Only a visitor visa already held leaves time: J-1 too, either way.
    expect(risk?.message).toContain("If you already hold a B-1/B-2 visa, there is still time");
    expect(risk?.message).toContain("Rank programs that offer a J-1 too, either way");
  },
});

/**
 * A late arrival in quiet hours (21:30 in Lagos) whose deadlines would pass before quiet
 * hours end (NRMP early deadline 05:59 Lagos; an interview at 07:30) hears now, not never.
 */
FINDING_SCENARIOS.push({
  name: "late-arrival-in-quiet-hours-2027",
  now: "2026-11-30T20:30:00Z",
  assess(result) {
    const now = "2026-11-30T20:30:00.000Z";
    const nrmp = result.reminders.filter((reminder) => reminder.milestone === "nrmp_registration");
    expect(nrmp[0]?.sendAt).toBe(now);
    expect(Date.parse(nrmp[0]?.deadline ?? "")).toBe(Date.parse("2026-12-01T04:59:00Z"));
    const prep = result.reminders.find((reminder) => reminder.rung === "interview-prep-1d");
    expect(prep?.sendAt).toBe(now);
  },
});
