import { describe, expect, it } from "vitest";
import { laterPlannedMatchYear, matchYearHeading } from "#domain/match-year-heading.ts";
import type { Plan } from "#domain/plan.ts";
import { SOAP_MATCH_DAY_TITLE } from "#domain/planner/match-day.ts";
import { SOAP_OUTCOME_SOURCE } from "#domain/planner/match-result-due.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema, type MilestoneEntry } from "#domain/snapshot.ts";

/**
 * After SOAP without a position: an applicant who told us in
 * Match Week they did not match (SOAP in progress) and never marks Match Day done was asked weekly
 * "tell us the SOAP offer you accepted" by an urgent step due 1 July, told in June "we still do not
 * know where you matched" (MATCH_DAY_NOT_REPORTED, critical), and heard nothing of the next Match.
 * Now: asked on Match Day and weekly at most twice, up to the contract's date (Match Day + 14 days,
 * advice); past it the plan plans the 2028 Match, with SOAP_OUTCOME_UNREPORTED as its standing line.
 */
const beforeTheMatch: MilestoneEntry[] = [
  { key: "wdoms_listing", status: "done", date: "2022-05-01" },
  { key: "ecfmg_application", status: "done", date: "2023-02-01" },
  { key: "usmle_step1", status: "done", date: "2023-09-15" },
  { key: "usmle_step2ck", status: "done", date: "2024-10-01" },
  { key: "oet_medicine", status: "done", date: "2024-11-10" },
  { key: "ecfmg_pathway", status: "done", date: "2025-02-01" },
  { key: "ecfmg_certification", status: "done", date: "2025-04-01" },
  { key: "eras_token", status: "done", date: "2026-06-15" },
  { key: "lors", status: "done", date: "2026-08-30" },
  { key: "personal_statement", status: "done", date: "2026-08-30" },
  { key: "cv", status: "done", date: "2026-08-30" },
  { key: "program_list", status: "done", date: "2026-09-01" },
  { key: "eras_application", status: "done", date: "2026-09-08" },
  { key: "nrmp_registration", status: "done", date: "2026-10-01" },
  { key: "rank_order_list", status: "done", date: "2027-02-15" },
];

function applicant(extra: MilestoneEntry[]): ApplicantSnapshot {
  return ApplicantSnapshotSchema.parse({
    type: "applicant.snapshot",
    submissionId: "fixb3-soap-amman",
    applicant: {
      externalId: "fixb3-soap-amman",
      email: "layla.soap@example.org",
      fullName: "Layla Haddad",
      timezone: "Asia/Amman",
      matchYear: 2027,
      specialties: ["Family Medicine"],
      visa: "J-1",
      graduation: "2022-06-30",
      medicalSchool: { name: "Example Faculty of Medicine", country: "JO", wdomsSponsorNote: true },
      programsPlanned: 60,
    },
    milestones: [...beforeTheMatch, ...extra],
    interviews: [],
  });
}

/** Told us in Match Week: not matched, in SOAP. */
const inSoap = applicant([{ key: "soap", status: "in_progress", date: "2027-03-15" }]);
const planAt = (snapshot: ApplicantSnapshot, now: string): Plan =>
  plan(snapshot, seasonCalendar(2027), new Date(now));
const stepOf = (result: Plan, key: string) => result.nextSteps.find((step) => step.milestone === key);
const contractDeadline = (result: Plan) =>
  result.blocked.find((step) => step.milestone === "contract")?.deadline?.at;
const codes = (result: Plan) => result.risks.map((risk) => risk.code);

// Amman is UTC+3 all year; Match Day 2027's release is Fri 19 Mar, 12:00 PM ET (projected) = 19:00.
const MATCH_DAY_EVENING = "2027-03-19T20:00:00+03:00";
const A_WEEK_ON = "2027-03-25T10:00:00+03:00";
const JUNE = "2027-06-10T10:00:00+03:00";

describe("after SOAP, before the contract's date: one question and at most two weekly ones", () => {
  it.each([MATCH_DAY_EVENING, A_WEEK_ON])(
    "at %s: asks for the SOAP offer by the contract's date (advice), not 1 July",
    (now) => {
      const result = planAt(inSoap, now);
      const step = stepOf(result, "match_day");
      expect(step?.title).toBe(SOAP_MATCH_DAY_TITLE);
      expect(step?.urgency).toBe("urgent");
      // Match Day + 14 days, the contract's date, our advice with its own source.
      expect(step?.deadline?.at).toBe(contractDeadline(result));
      expect(step?.deadline?.at).not.toBe(seasonCalendar(2027).dates.residency_start.iso);
      expect(step?.deadline?.basis).toBe("advice");
      expect(step?.deadline?.source).toBe(SOAP_OUTCOME_SOURCE);
      expect(step?.action).toContain("within two weeks of Match Day");
      expect(step?.action).toContain("this plan plans the 2028 Match for you");
      // Still the 2027 Match, no next-Match line yet, never "we still do not know where you matched".
      expect(laterPlannedMatchYear(result)).toBeUndefined();
      expect(codes(result)).not.toContain("SOAP_OUTCOME_UNREPORTED");
      expect(codes(result)).not.toContain("MATCH_DAY_NOT_REPORTED");
      const rungs = result.reminders.filter((reminder) => reminder.milestone === "match_day");
      expect(rungs.map((reminder) => reminder.rung)).toEqual(["match-day-result", "match-day-weekly"]);
      for (const rung of rungs)
        expect(Date.parse(rung.sendAt)).toBeLessThan(Date.parse(step?.deadline?.at ?? ""));
    },
  );

  it("plans no third weekly question: on the second one's day nothing follows it", () => {
    // The second weekly question is on Fri 2 Apr at 09:00 in Amman, the contract's day.
    const result = planAt(inSoap, "2027-04-02T08:00:00+03:00");
    const weekly = result.reminders.filter((reminder) => reminder.rung === "match-day-weekly");
    expect(weekly.map((reminder) => reminder.sendAtLocal)).toEqual(["2027-04-02T09:00:00.000+03:00"]);
    // After it, no weekly one is planned; only Match Day's once-only question stays planned (the
    // ledger sends its id once: the same id as on Match Day).
    const first = planAt(inSoap, MATCH_DAY_EVENING).reminders.find((r) => r.rung === "match-day-result")?.id;
    const after = planAt(inSoap, "2027-04-02T09:30:00+03:00");
    const left = after.reminders.filter((reminder) => reminder.milestone === "match_day");
    expect(left.map((reminder) => [reminder.rung, reminder.id])).toEqual([["match-day-result", first]]);
  });
});

describe("past the contract's date with no answer: the 2028 Match is planned", () => {
  it.each([JUNE, "2027-04-03T10:00:00+03:00"])(
    "at %s: the moved plan, with SOAP_OUTCOME_UNREPORTED",
    (now) => {
      const result = planAt(inSoap, now);
      expect(laterPlannedMatchYear(result)).toBe(2028);
      expect(matchYearHeading(result)).toBe(
        "2027 Match (no SOAP position reported: planned for the 2028 Match)",
      );
      const standing = result.risks.find((risk) => risk.code === "SOAP_OUTCOME_UNREPORTED");
      // Critical up to residency's start: the move is told at once and the advisor hears of it.
      expect(standing?.severity).toBe("critical");
      expect(standing?.message).toContain(
        "If you accepted a SOAP position, mark Match Day done: your contract and visa steps come back.",
      );
      expect(standing?.message).toContain("this plan now plans the 2028 Match");
      // Told us they did not match: never "we still do not know where you matched", never "out of reach".
      expect(codes(result)).not.toContain("MATCH_DAY_NOT_REPORTED");
      expect(codes(result)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
      // No SOAP question any more, no weekly nag; the next Match's season steps with their reminders.
      expect(result.nextSteps.some((step) => step.title === SOAP_MATCH_DAY_TITLE)).toBe(false);
      expect(result.reminders.filter((reminder) => reminder.milestone === "match_day")).toEqual([]);
      const nrmp = stepOf(result, "nrmp_registration");
      expect(nrmp?.deadline?.at.startsWith("2027-12-01")).toBe(true);
      expect(result.reminders.some((reminder) => reminder.milestone === "eras_token")).toBe(true);
      expect(result.blocked.find((step) => step.milestone === "rank_order_list")?.deadline?.at).toBe(
        seasonCalendar(2028).dates.nrmp_rol_certification_and_late_registration_deadline.iso,
      );
    },
  );

  it("the move is told at the next delivery slot by one notice with the way back; from residency's start a warning", () => {
    const moved = planAt(inSoap, "2027-04-03T10:00:00+03:00");
    const notices = moved.reminders.filter((reminder) => reminder.risk === "SOAP_OUTCOME_UNREPORTED");
    expect(notices.map((notice) => [notice.title, notice.sendAtLocal])).toEqual([
      [
        "No SOAP position reported: your plan now plans the 2028 Match. Accepted one? Tell us now",
        "2027-04-04T09:00:00.000+03:00",
      ],
    ]);
    expect(notices[0]?.why).toContain("mark Match Day done");
    const july = planAt(inSoap, "2027-07-02T10:00:00+03:00");
    expect(july.risks.find((risk) => risk.code === "SOAP_OUTCOME_UNREPORTED")?.severity).toBe("warning");
    expect(july.reminders.some((reminder) => reminder.risk === "SOAP_OUTCOME_UNREPORTED")).toBe(false);
  });

  it("is deterministic: the same input and now give the same plan", () => {
    expect(planAt(inSoap, JUNE)).toEqual(planAt(inSoap, JUNE));
  });
});

describe("the paths beside it are unchanged", () => {
  it("a SOAP position reported (Match Day done with the program): the 2027 contract and visa, no move", () => {
    const matched = applicant([
      { key: "soap", status: "done", date: "2027-03-18" },
      { key: "match_day", status: "done", date: "2027-03-19" },
    ]);
    for (const now of [A_WEEK_ON, JUNE]) {
      const result = planAt(matched, now);
      expect(laterPlannedMatchYear(result)).toBeUndefined();
      expect(codes(result)).not.toContain("SOAP_OUTCOME_UNREPORTED");
      const contract =
        stepOf(result, "contract") ?? result.overdue.find((step) => step.milestone === "contract");
      expect(contract).toBeDefined();
    }
  });

  it("an applicant who told us nothing about Match Week still gets MATCH_DAY_NOT_REPORTED past the contract's date", () => {
    const silent = applicant([]);
    const result = planAt(silent, "2027-04-10T10:00:00+03:00");
    expect(codes(result)).toContain("MATCH_DAY_NOT_REPORTED");
    expect(codes(result)).not.toContain("SOAP_OUTCOME_UNREPORTED");
    expect(laterPlannedMatchYear(result)).toBeUndefined();
  });
});
