import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { type SeasonDateKey, seasonCalendar } from "#domain/seasons/index.ts";
import { renderDate, renderEt } from "#domain/time.ts";
import {
  applicantFactory,
  certifiedListWith,
  doneMilestones,
  examsDone,
  inputFactory,
  interviewFactory,
  milestoneFactory,
  PRE_ERAS_KEYS,
} from "./factories.ts";
import { inSoap, planAt } from "./soap-applicant.ts";

/**
 * Every projected season date a Match-outcome text names says "(projected)" (C:
 * "SOAP ended on Thu 18 Mar 2027, 5:00 PM ET", "Match Day, Fri 19 Mar 2027, 12:00 PM ET", "the rank
 * order list deadline, Wed 24 Feb 2027 (ET)" and MATCH_DAY_NOT_REPORTED's "Match Day was …" printed
 * the 2027 NRMP projections bare). The scan: each time a text names the ET day of a projected date
 * of the Match's outcome, the mark follows within that clause.
 */
const calendar = seasonCalendar(2027);
const OUTCOME_DATES: readonly SeasonDateKey[] = [
  "nrmp_rol_certification_and_late_registration_deadline",
  "nrmp_match_week_start_and_soap_start",
  "nrmp_soap_ends",
  "nrmp_match_day",
  "residency_start",
];

/** The texts of a plan a reader sees: steps' titles and actions, risks, reminders' titles and reasons. */
function textsOf(result: Plan): string[] {
  return [
    ...result.nextSteps.flatMap((step) => [step.title, step.action, step.why]),
    ...result.blocked.map((step) => step.title),
    ...result.overdue.map((step) => step.title),
    ...result.risks.map((risk) => risk.message),
    ...result.reminders.flatMap((reminder) => [reminder.title, reminder.why]),
  ];
}

/** Each naming of a projected outcome date, with what follows it up to the clause's end, that lacks the mark. */
function unmarked(result: Plan): string[] {
  const found: string[] = [];
  for (const key of OUTCOME_DATES) {
    const date = calendar.dates[key];
    if (date.status !== "projected") continue;
    const day = renderDate(date.date);
    for (const text of textsOf(result)) {
      for (let at = text.indexOf(day); at >= 0; at = text.indexOf(day, at + 1)) {
        const clause = text.slice(at).split(/[.;:]\s|\)\s(?!\(projected)/)[0] ?? "";
        // Residency's start reads as residencyStartWords has it, NRMP's rule, everywhere.
        if (!clause.includes(key === "residency_start" ? "(NRMP's start date" : "projected"))
          found.push(`${key}: …${text.slice(Math.max(0, at - 40), at + 60)}…`);
      }
    }
  }
  return found;
}

const step2Unreported = certifiedListWith(
  "Asia/Karachi",
  milestoneFactory("usmle_step2ck", "scheduled", "2027-01-08"),
);

describe("projected Match-outcome dates say so", () => {
  it.each([
    ["after the rank order list deadline, result unreported", "2027-02-26T06:00:00Z"],
    ["Match Week, result unreported", "2027-03-16T15:00:00Z"],
    ["after SOAP, before Match Day", "2027-03-19T15:30:00Z"],
    ["after the contract's date", "2027-05-20T15:00:00Z"],
    ["after residency's start", "2027-07-02T04:00:00Z"],
  ])("a certified list, %s (%s)", (_, now) => {
    const certified = certifiedListWith("America/New_York");
    expect(unmarked(plan(certified, calendar, new Date(now)))).toEqual([]);
    expect(unmarked(plan(step2Unreported, calendar, new Date(now)))).toEqual([]);
  });

  it.each(["2027-03-17T15:00:00Z", "2027-03-19T15:30:00Z", "2027-03-20T15:00:00Z"])(
    "a SOAP participant at %s",
    (now) => {
      expect(unmarked(planAt(inSoap("America/Los_Angeles"), now))).toEqual([]);
    },
  );

  it("the scan finds a bare projected date (it can fail)", () => {
    const bare = {
      nextSteps: [{ title: "", why: "", action: "Match Day was Fri 19 Mar 2027, 12:00 PM ET. Next" }],
      blocked: [],
      overdue: [],
      risks: [],
      reminders: [],
    } as unknown as Plan;
    expect(unmarked(bare)).toHaveLength(1);
  });
});

/**
 * A projected season's risk messages (Done 2 remark: NRMP_LATE_FEE's "Late registration
 * closes Wed 23 Feb 2028, 9:00 PM ET." for a 2028 applicant, whose rank order list deadline is
 * projected). The scan looks for each projected date as a deadline is named, with its ET hour
 * (renderEt): an estimate of the applicant's own that falls on the same day ("around Wed 23 Feb
 * 2028 at the earliest") is a day without an hour and is not a season date.
 */
describe("a projected season's risk messages mark every projected date they name", () => {
  const season = seasonCalendar(2028);
  const projectedAt = Object.values(season.dates)
    .filter((date) => date.status === "projected")
    .map((date) => renderEt(date.at));
  const bareIn = (messages: readonly string[]): string[] =>
    messages.flatMap((text) =>
      projectedAt.flatMap((named) => {
        const found: string[] = [];
        for (let at = text.indexOf(named); at >= 0; at = text.indexOf(named, at + 1)) {
          const clause = text.slice(at).split(/[.;:]\s|\)\s(?!\(projected)/)[0] ?? "";
          if (!clause.includes("projected")) found.push(`…${text.slice(Math.max(0, at - 60), at + 40)}…`);
        }
        return found;
      }),
    );
  const records = {
    examsDone: examsDone(),
    beforeEras: doneMilestones(PRE_ERAS_KEYS),
    nothingDone: [],
  };
  const interviews = [interviewFactory({ program: "Riverside IM", startsAt: "2028-01-12T10:00:00-05:00" })];

  it.each(["America/New_York", "Pacific/Auckland", "Asia/Kolkata"])("2028 applicants in %s", (timezone) => {
    const bare: string[] = [];
    for (const [name, milestones] of Object.entries(records))
      for (const visa of ["J-1", "H-1B", "none", "undecided"] as const)
        for (const withInterviews of [false, true])
          for (
            let at = Date.parse("2027-06-01T12:00:00Z");
            at < season.dates.nrmp_match_day.at;
            at += 11 * 86_400_000
          ) {
            const input = inputFactory({
              applicant: applicantFactory({ matchYear: 2028, visa, timezone, graduation: "2025-06-30" }),
              milestones,
              interviews: withInterviews ? interviews : [],
            });
            const messages = plan(input, season, new Date(at)).risks.map(
              (risk) => `${risk.code}: ${risk.message}`,
            );
            for (const text of bareIn(messages))
              bare.push(`${name} ${visa} ${new Date(at).toISOString()} ${text}`);
          }
    expect([...new Set(bare)]).toEqual([]);
  });

  it("TARGETS_SLIPPED names a step's deadline on a projected season date with the mark", () => {
    // New York, exams done, 28 Aug 2027: US clinical experience's target has slipped past its
    // deadline, the day programs may review ERAS applications (Wed 22 Sep 2027, projected). The
    // letters' deadline set on it is our advice (its rule's basis, as the step's tag).
    const input = inputFactory({
      applicant: applicantFactory({
        matchYear: 2028,
        timezone: "America/New_York",
        graduation: "2025-06-30",
      }),
      milestones: examsDone(),
    });
    const slipped = plan(input, season, new Date("2027-08-28T12:00:00Z")).risks.find(
      (risk) => risk.code === "TARGETS_SLIPPED",
    );
    expect(slipped?.message).toContain(
      "no longer fit before its deadline, Wed 22 Sep 2027 (our advice) (its target was",
    );
    expect(slipped?.sources?.join(" ")).toMatch(/projected: /);
  });

  it("the scan finds a bare projected rank order list deadline (it can fail)", () => {
    const named = renderEt(season.dates.nrmp_rol_certification_and_late_registration_deadline.at);
    expect(bareIn([`Late registration closes ${named}.`])).toHaveLength(1);
    expect(bareIn([`Late registration closes ${named} (projected).`])).toEqual([]);
  });
});
