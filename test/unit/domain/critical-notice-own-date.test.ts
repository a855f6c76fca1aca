import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { reminderDateLabel, reminderShownDate } from "#domain/date-words.ts";
import type { Plan, Reminder } from "#domain/plan.ts";
import {
  CRITICAL_RISK_RUNG,
  isUndatedNotice,
  OUT_OF_REACH_RUNG,
} from "#domain/planner/critical-risk-notice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";
import { LATER_START_2027 } from "./fixture-snapshots.ts";

/**
 * A critical notice carries the date it is about: the step it rides on, or the step waiting on its
 * answer. "Match Day not reported" said "On: by residency's start, Thu 1 Jul 2027" while the
 * contract waiting on the answer was due in days; the Match Week answers' conflict on SOAP said
 * Match Day's release, not SOAP's end; the out-of-reach notice on the ECFMG application said the
 * next Match's rank order list deadline, a year after the application's own target.
 */
const base = JSON.parse(
  readFileSync(new URL("../../fixtures/scenarios/rank-list-certified-2027.json", import.meta.url), "utf8"),
);
const snapshot = (id: string, zone: string, extra: object[] = []): ApplicantSnapshot =>
  ApplicantSnapshotSchema.parse({
    ...base,
    submissionId: id,
    applicant: {
      ...base.applicant,
      externalId: id,
      email: `${id}@example.org`,
      fullName: "Mele Tupou",
      timezone: zone,
    },
    milestones: [...base.milestones, ...extra],
  });
const noticeOf = (result: Plan, code: string): Reminder | undefined =>
  result.reminders.find((each) => each.risk === code && each.rung === CRITICAL_RISK_RUNG);

describe("Match Day not reported: the notice is dated by the contract waiting on the answer", () => {
  // Nuku'alofa, J-1, a certified list, Match Day never told.
  const mele = snapshot("own-date-tonga", "Pacific/Tongatapu");
  const planAt = (now: string) => plan(mele, seasonCalendar(2027), new Date(now));

  it("before the contract's date: due that date, never 'On' nor residency's start", () => {
    const result = planAt("2027-03-28T00:00:00Z");
    const contract = result.blocked.find((each) => each.milestone === "contract");
    const notice = noticeOf(result, "MATCH_DAY_NOT_REPORTED");
    expect(contract?.deadline).toBeDefined();
    expect(notice?.milestone).toBe("match_day");
    expect(notice?.deadlineDetail).toEqual(contract?.deadline);
    expect(notice?.overdueSince).toBeUndefined();
    expect(notice && reminderDateLabel(notice).label).toBe("Due");
    expect(notice?.deadlineDetail.local).not.toContain("residency's start");
    // Its words name that date too.
    const risk = result.risks.find((each) => each.code === "MATCH_DAY_NOT_REPORTED");
    expect(risk?.message).toContain(`your contract, is planned for ${contract?.deadline?.local}`);
  });

  it("once the contract's date has passed: the question is overdue since it, still sent", () => {
    const result = planAt("2027-04-10T00:00:00Z");
    const contract = result.blocked.find((each) => each.milestone === "contract");
    const notice = noticeOf(result, "MATCH_DAY_NOT_REPORTED");
    // The contract keeps its planned date (she may not have matched); the unanswered question is overdue.
    expect(contract?.overdueSince).toBeUndefined();
    expect(contract?.deadline).toBeDefined();
    expect(notice?.overdueSince).toEqual(contract?.deadline);
    expect(notice && reminderDateLabel(notice).label).toBe("Overdue since");
    expect(notice && reminderShownDate(notice)).toEqual(contract?.deadline);
  });
});

describe("Match Week done beside SOAP in progress: SOAP's own end, and no risk says 'You matched'", () => {
  // Suva, J-1, certificate through a Pathway of an earlier season, both answers given.
  const sam = snapshot("own-date-suva", "Pacific/Fiji", [
    milestoneFactory("ecfmg_certification", "done", "2026-10-01"),
    milestoneFactory("match_week", "done", "2027-03-16"),
    milestoneFactory("soap", "in_progress"),
  ]);
  const result = plan(sam, seasonCalendar(2027), new Date("2027-03-16T03:00:00Z"));

  it("the conflict's notice on SOAP is due when SOAP ends", () => {
    const notice = noticeOf(result, "MATCH_WEEK_SOAP_CONFLICT");
    const soap = result.nextSteps.find((each) => each.milestone === "soap");
    expect(notice?.milestone).toBe("soap");
    expect(soap?.deadline).toBeDefined();
    expect(notice?.deadlineDetail).toEqual(soap?.deadline);
    expect(notice && reminderDateLabel(notice).label).toBe("Due");
  });

  it("the Pathway certificate's check does not assume the applicant matched", () => {
    const codes = result.risks.map((each) => each.code);
    expect(codes).toContain("MATCH_WEEK_SOAP_CONFLICT");
    for (const risk of result.risks) expect(risk.message, risk.code).not.toMatch(/\bYou matched\b/);
  });
});

describe("the out-of-reach notice carries its step's own date, the next Match's deadline in its words", () => {
  // Windhoek, 2027 Match, only the WDOMS look-up done on 5 December 2026: out of reach.
  const input = inputFactory({
    applicant: applicantFactory({
      matchYear: 2027,
      timezone: "Africa/Windhoek",
      graduation: "2025-11-30",
      medicalSchool: { name: "Windhoek Example School of Medicine", country: "NA", wdomsSponsorNote: true },
    }),
    milestones: doneMilestones(["wdoms_listing"], "2026-11-01"),
  });
  const result = plan(input, seasonCalendar(2027), new Date("2026-12-05T09:00:00Z"));
  const notice = result.reminders.find((each) => each.rung === OUT_OF_REACH_RUNG);
  const risk = result.risks.find((each) => each.code === "MATCH_YEAR_NOT_FEASIBLE");
  const step = result.nextSteps.find((each) => each.milestone === notice?.milestone);

  it("is dated its step's target, counted down as a target", () => {
    expect(risk?.earliestFeasibleMatchYear).toBe(2028);
    expect(step?.target).toBeDefined();
    expect(notice?.deadlineDetail).toEqual(step?.target);
    expect(notice?.countsDownTo).toBe("target");
    expect(notice && reminderDateLabel(notice).label).toBe("Aim to finish by");
  });

  it("names the next Match's rank order list deadline in its words, not as its date", () => {
    const next = seasonCalendar(2028).dates.nrmp_rol_certification_and_late_registration_deadline;
    expect(notice?.deadline).not.toBe(next.iso);
    expect(notice?.why).toContain("The earliest feasible Match is 2028 (rank order list deadline");
  });
});

describe("visa steps behind: the notice carries the date of the visa step its words ask for", () => {
  // Dhaka, H-1B, a certified list, Step 3 not begun: the H-1B for a July start is out of reach abroad.
  const rahim = (extra: object[] = []): ApplicantSnapshot => {
    const made = snapshot("own-date-dhaka", "Asia/Dhaka", [
      milestoneFactory("ecfmg_certification", "done", "2026-10-01"),
      ...extra,
    ]);
    return { ...made, applicant: { ...made.applicant, visa: "H-1B" } };
  };
  const dated = (input: ApplicantSnapshot, now: string, calendar = seasonCalendar(2027)) => {
    const result = plan(input, calendar, new Date(now));
    const notice = noticeOf(result, "VISA_NOT_READY_FOR_START");
    const step3 = [...result.nextSteps, ...result.overdue].find((each) => each.milestone === "usmle_step3");
    return { notice, step3 };
  };

  // With a 1 July start Step 3's day for the petition is Match Day, gone once Match Day is past
  // (its notice is then dated to residency's start): a later start (Mon 19 Apr 2027) keeps it
  // ahead, and a visitor visa already held would still fit.
  it("Match Day not told, Step 3's sit-by day ahead: due that day, never residency's start", () => {
    const { notice, step3 } = dated(rahim(), "2027-03-24T04:00:00Z", LATER_START_2027);
    expect(notice?.milestone).toBe("usmle_step3");
    expect(step3?.deadline).toBeDefined();
    expect(notice?.deadlineDetail).toEqual(step3?.deadline);
    expect(notice && reminderDateLabel(notice).label).toBe("Due");
    expect(notice?.why).toContain(`sit Step 3 in the US by ${step3?.deadline?.local}`);
  });

  // Out of reach, it asks nothing of Step 3 but the program's answer, on Step 3's card with no date:
  // a notice with no date too, never "overdue since" the contract's date or the Step 3 day it calls passed.
  it("Match Day not told, the sit-by day passed: a notice with no date, as Step 3's card", () => {
    const { notice, step3 } = dated(rahim(), "2027-05-05T04:00:00Z");
    expect(notice?.milestone).toBe("usmle_step3");
    expect(step3?.deadline).toBeUndefined();
    expect(notice?.overdueSince).toBeUndefined();
    expect(notice && isUndatedNotice(notice)).toBe(true);
  });

  it("matched, Step 3's sit-by day ahead: due that day", () => {
    const { notice, step3 } = dated(
      rahim([milestoneFactory("match_day", "done", "2027-03-19")]),
      "2027-03-24T04:00:00Z",
      LATER_START_2027,
    );
    expect(notice?.milestone).toBe("usmle_step3");
    expect(notice?.deadlineDetail).toEqual(step3?.deadline);
    expect(notice?.deadlineDetail.local).not.toContain("residency's start");
  });
});
