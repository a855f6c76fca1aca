import { describe, expect, it } from "vitest";
import type { CohortRow } from "#domain/console/cohort-row.ts";
import { cohortRow } from "#domain/console/cohort-row.ts";
import { applyWhatIf, planDiff } from "#domain/console/what-if.ts";
import { deadlineWords } from "#domain/date-words.ts";
import { plan as planFor } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { examsDone, inputFactory } from "#test/unit/domain/factories.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import type { ApplicantView } from "#usecases/console.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { applicantFragment } from "../../../../functions/console/pages/applicant.ts";
import { cohortCsv, cohortFragment } from "../../../../functions/console/pages/cohort.ts";
import { whatIfResultFragment } from "../../../../functions/console/pages/what-if.ts";

/**
 * The console shows the right day: an applicant's own date is a calendar
 * date, a deadline reads as the applicant's timeline gives it (in ET, with the applicant's time),
 * never a UTC instant, which puts a Karachi applicant's 20 May exam on 19 May and an 11:59 PM ET
 * deadline on the next day.
 */
const KARACHI = "Asia/Karachi";
const admin = { email: "admin@matchpath.example", role: "admin" as const, sub: "admin" };

const step2ckBooked: MilestoneEntry = { key: "usmle_step2ck", status: "scheduled", date: "2027-06-15" };
const fatimaMilestones: MilestoneEntry[] = [
  { key: "usmle_step1", status: "done", date: "2025-06-01" },
  step2ckBooked,
];

function fatima(now: Date, milestones = fatimaMilestones): ApplicantView {
  const profile = profileFactory({ timezone: KARACHI, matchYear: 2028, fullName: "Fatima Malik" });
  const state = { profile, milestones, interviews: [], ledger: [] };
  return { state, plan: domainPlanning.plan(state, now), audit: [], submissions: [], events: [] };
}

describe("dates on the console", () => {
  const now = new Date("2026-12-01T12:00:00Z");

  it("the applicant page shows no UTC instant: deadlines in ET with the applicant's time", () => {
    const view = fatima(now);
    const html = applicantFragment(view, "2026-12-01");
    expect(html).not.toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    const deadlines = view.plan.nextSteps.flatMap((step) => (step.deadline ? [step.deadline] : []));
    expect(deadlines.length).toBeGreaterThan(0);
    for (const deadline of deadlines) {
      const words = deadlineWords(deadline);
      expect(html).toContain(words.et ?? words.local);
    }
  });

  it("the applicant page shows a booked exam as the day booked", () => {
    const html = applicantFragment(fatima(now), "2026-12-01");
    const timeline = html.slice(html.indexOf('<h2 id="timeline">'), html.indexOf('<h2 id="risks">'));
    expect(timeline).toContain("scheduled for Tue 15 Jun 2027");
    expect(timeline).not.toContain("14 Jun 2027");
  });

  it("the ledger's scheduled reminders say when in ET and in the applicant's time (09:00 in Karachi)", () => {
    const html = applicantFragment(fatima(now), "2026-12-01");
    const ledger = html.slice(html.indexOf('<h2 id="notices">'), html.indexOf('<h2 id="intake">'));
    expect(ledger).toContain("Mon 14 Jun 2027, 12:00 AM ET");
    expect(ledger).toContain("Mon 14 Jun 2027, 9:00 AM");
  });

  it("the what-if difference shows the typed exam day, not the day before in UTC", () => {
    const input = inputFactory({
      applicant: { ...inputFactory().applicant, timezone: KARACHI, matchYear: 2028 },
      milestones: [
        ...examsDone("2025-06-01").filter((entry) => entry.key !== "usmle_step2ck"),
        step2ckBooked,
      ],
    });
    const before = planFor(input, seasonCalendar(2028), now);
    const changed = applyWhatIf(input, [
      { kind: "milestone", key: "usmle_step2ck", status: "scheduled", date: "2027-05-20" },
    ]);
    const after = planFor(changed, seasonCalendar(2028), now);
    const diff = planDiff(before, after);
    const html = whatIfResultFragment(
      "a_x",
      { before, after, diff, saveId: "console-what-if-x", basedOn: "basis", saveProblems: [], warnings: [] },
      "[]",
    );
    expect(html).toContain("their date Thu 20 May 2027");
    expect(html).toContain("their date Tue 15 Jun 2027");
    expect(html).not.toContain("UTC");
  });

  it("the cohort's next deadline is in ET (11:59 PM ET on 30 Nov, not 04:59 UTC on 1 Dec); the CSV keeps the ISO instant", () => {
    const row: CohortRow = {
      applicantId: "a_1",
      fullName: "Aarav Sharma",
      email: "aarav@example.org",
      matchYear: 2028,
      visa: "J-1",
      stage: "application",
      risks: { critical: 0, warning: 0, codes: [] },
      overdue: 0,
      nextDeadline: {
        title: "Register for the NRMP Match",
        at: "2027-12-01T04:59:00.000Z",
        status: "projected",
      },
      lastEmail: { sentAt: "2027-11-30T04:00:00.000Z", messageId: "m", outcome: "delivered" },
    };
    const html = cohortFragment(admin, [row], [row], { sort: "name", page: 1 });
    expect(html).toContain("Tue 30 Nov 2027, 11:59 PM ET");
    expect(html).toContain("Mon 29 Nov 2027, 11:00 PM ET");
    expect(html).not.toContain("UTC");
    const csv = cohortCsv([row]);
    expect(csv).toContain("2027-12-01T04:59:00.000Z");
    expect(csv).toContain("Tue 30 Nov 2027, 11:59 PM ET");
  });

  it("a cohort row keeps a deadline that is a day (post-Match advice) as that day", () => {
    const plan = fatima(now).plan;
    const day = {
      at: "2027-03-31T04:59:00.000Z",
      local: "Tue 30 Mar 2027",
      et: "Tue 30 Mar 2027",
      status: "advice" as const,
      source: "advice",
      precision: "day" as const,
      day: "2027-03-30",
    };
    const [first] = plan.nextSteps;
    if (first === undefined) throw new Error("the plan has a next step");
    const step = { ...first, title: "Sign the program contract", deadline: day };
    const row = cohortRow({
      applicantId: "a_1",
      applicant: inputFactory().applicant,
      plan: { ...plan, nextSteps: [step] },
    });
    expect(row.nextDeadline).toMatchObject({ at: day.at, day: "2027-03-30" });
    const html = cohortFragment(admin, [row], [row], { sort: "name", page: 1 });
    expect(html).toContain("Tue 30 Mar 2027</time>");
    expect(html).not.toContain("Wed 31 Mar 2027");
  });
});
