import { describe, expect, it } from "vitest";
import { stepDatesInline } from "#domain/date-words.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneStatus } from "#domain/snapshot.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { applicantFactory, doneMilestones, milestoneFactory } from "#test/unit/domain/factories.ts";

/**
 * Step 2 CK after its deadline read "Later" on the timeline. Between
 * its deadline for the applicant's Match and that Match's rank order list deadline, the Match is
 * out of reach (MATCH_YEAR_NOT_FEASIBLE) and the planner dates the step for the next Match, so the
 * badge followed a deadline a year ahead; from the rank order list deadline on, the same step read
 * "Overdue". A step whose deadline for the applicant's Match has passed reads "Too late for the 2028
 * Match" while it is dated for the 2029 Match (its date shown is ahead, so not "Overdue" beside it
 * while the Overdue section lists nothing), "Overdue" or what its status says with it
 * ("Overdue: result pending" once the exam day and the date shown have passed, as the console
 * says), "Soon for the 2029 Match" when soon for that Match, never a bare
 * "Later" or "Soon". An exam sat is due by the day its result must reach
 * NRMP (the rank order list deadline), its last sitting day being met: sat
 * on 20 Jan 2028, it is "Result pending" until ranking closes, then overdue.
 *
 * Step 2 CK for the 2028 Match (its last sitting day Wed 26 Jan 2028, a day in Kolkata too, due to
 * Kolkata's midnight after it; ranking closes in late February), every earlier exam
 * and the Pathway done, at each point of the season.
 */
const TIMES = {
  monthsAhead: "2027-09-01",
  within30Days: "2028-01-05",
  within7Days: "2028-01-22",
  passedBeforeRanking: "2028-02-05",
  passedAfterRanking: "2028-03-15",
} as const;

const STATUSES: Record<string, [MilestoneStatus, string | undefined]> = {
  notStarted: ["not_started", undefined],
  inProgress: ["in_progress", undefined],
  examBeforeDeadline: ["scheduled", "2028-01-20"],
  examAfterDeadline: ["scheduled", "2028-03-01"],
};

type Row = [keyof typeof TIMES, keyof typeof STATUSES, string, string];

/** [when, status, badge, the Due line's date]. */
const ROWS: Row[] = [
  // Months ahead: the target (Step 2 CK on the application) has passed; a booked exam drives it.
  // An exam booked after its deadline must move now: "Urgent", never "Later" or "Soon".
  ["monthsAhead", "notStarted", "Urgent", "Wed 26 Jan 2028"],
  ["monthsAhead", "inProgress", "Urgent", "Wed 26 Jan 2028"],
  ["monthsAhead", "examBeforeDeadline", "Later", "Wed 26 Jan 2028"],
  ["monthsAhead", "examAfterDeadline", "Urgent", "Wed 26 Jan 2028"],
  // Within 30 days; not started, the 2028 Match is already out of reach: dated for 2029.
  ["within30Days", "notStarted", "Later", "Wed 24 Jan 2029"],
  ["within30Days", "inProgress", "Urgent", "Wed 26 Jan 2028"],
  ["within30Days", "examBeforeDeadline", "Soon", "Wed 26 Jan 2028"],
  ["within30Days", "examAfterDeadline", "Urgent", "Wed 26 Jan 2028"],
  ["within7Days", "notStarted", "Later", "Wed 24 Jan 2029"],
  // In progress or booked too late, five days before the last sitting day: any seat found by then
  // keeps the 2028 Match (the week for a seat is advice), so it must move now.
  ["within7Days", "inProgress", "Urgent", "Wed 26 Jan 2028"],
  // Sat on 20 Jan, its last sitting day met: due by the day its result must reach NRMP, the rank
  // order list deadline, never by the sitting deadline.
  ["within7Days", "examBeforeDeadline", "Result pending", "Thu 24 Feb 2028"],
  ["within7Days", "examAfterDeadline", "Urgent", "Wed 26 Jan 2028"],
  // The deadline for the 2028 Match has passed: too late for it, dated for the 2029 Match; an exam
  // sat before it is due by the rank order list deadline, still ahead.
  ["passedBeforeRanking", "notStarted", "Too late for the 2028 Match", "Wed 24 Jan 2029"],
  ["passedBeforeRanking", "inProgress", "Too late for the 2028 Match", "Wed 24 Jan 2029"],
  ["passedBeforeRanking", "examBeforeDeadline", "Result pending", "Thu 24 Feb 2028"],
  // Booked soon, it is soon for the Match it is dated for, and says which
  // (a step dated for the targeted Match reads that Match's words), never a bare "Soon".
  ["passedBeforeRanking", "examAfterDeadline", "Soon for the 2029 Match", "Wed 24 Jan 2029"],
  // After ranking closed the 2028 Match stays out of reach (it no longer flips back to that
  // season's dates), so the next Match's date, as before ranking closed. A
  // sitting before the deadline whose result was never reported counts for the next Match too once
  // the 2028 Match is over for the applicant (no list, no SOAP).
  ["passedAfterRanking", "notStarted", "Too late for the 2028 Match", "Wed 24 Jan 2029"],
  ["passedAfterRanking", "inProgress", "Too late for the 2028 Match", "Wed 24 Jan 2029"],
  ["passedAfterRanking", "examBeforeDeadline", "Result pending", "Thu 22 Feb 2029"],
  ["passedAfterRanking", "examAfterDeadline", "Result pending", "Thu 22 Feb 2029"],
];

const DEADLINE_2028 = Date.parse("2028-01-26T18:30:00Z");

function stepOnTimeline(when: keyof typeof TIMES, status: keyof typeof STATUSES) {
  const now = new Date(`${TIMES[when]}T12:00:00Z`);
  const [value, date] = STATUSES[status] ?? ["not_started", undefined];
  const thePlan = plan(
    {
      applicant: applicantFactory({ matchYear: 2028 }),
      milestones: [
        ...doneMilestones(
          ["wdoms_listing", "ecfmg_application", "usmle_step1", "oet_medicine", "ecfmg_pathway"],
          "2026-01-10",
        ),
        milestoneFactory("usmle_step2ck", value, date),
      ],
      interviews: [],
    },
    seasonCalendar(2028),
    now,
  );
  const links = applicantLinks({
    baseUrl: "https://api.example.org",
    keyring: parseKeyring(`k1=${"s".repeat(40)}`),
    applicantId: "a_ada",
    feedGeneration: 0,
    now,
  });
  const body =
    timelinePage({ firstName: "Ada", timezone: "Asia/Kolkata", links, plan: thePlan, comingReminders: [] })
      .body ?? "";
  const step = body.slice(body.indexOf("Step 2 CK <span"));
  const item = step.slice(0, step.indexOf("</li>"));
  return {
    now,
    item,
    step: thePlan.nextSteps.find((next) => next.milestone === "usmle_step2ck"),
    badge: /<span class="tag [a-z]+">([^<]+)<\/span>/.exec(item)?.[1],
    due: /Due <strong>([^<,]+)/.exec(item)?.[1],
  };
}

describe("the timeline's badge for Step 2 CK at every status and point of the season", () => {
  it.each(ROWS)("%s, %s: %s, due %s", (when, status, badge, due) => {
    const shown = stepOnTimeline(when, status);
    expect(shown.badge).toBe(badge);
    expect(shown.due).toBe(due);
  });

  it.each(ROWS.filter(([when]) => Date.parse(`${TIMES[when]}T12:00:00Z`) > DEADLINE_2028))(
    "%s, %s: never Later or Soon once the 2028 deadline has passed",
    (when, status) => {
      expect(stepOnTimeline(when, status).badge).not.toMatch(/^(Later|Soon)$/);
    },
  );

  it("says which deadline passed and which Match the date shown is for", () => {
    const { item } = stepOnTimeline("passedBeforeRanking", "notStarted");
    expect(item).toContain(
      'Deadline for the 2028 Match <strong>Wed 26 Jan 2028</strong> has passed: the 2028 Match is out of reach (see <a href="#risks">Risks to watch</a>), so the date below is for the 2029 Match.',
    );
  });

  it("says the same in the emails' step dates", () => {
    const { step, now } = stepOnTimeline("passedBeforeRanking", "inProgress");
    expect(step && stepDatesInline(step, now.getTime())).toContain(
      "; deadline for the 2028 Match Wed 26 Jan 2028 passed; for the 2029 Match due Wed 24 Jan 2029",
    );
  });
});
