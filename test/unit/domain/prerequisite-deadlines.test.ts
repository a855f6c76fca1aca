import { describe, expect, it } from "vitest";
import { catalogEntry, MILESTONE_CATALOG } from "#domain/catalog/index.ts";
import { buildContext } from "#domain/planner/context.ts";
import { shiftDays } from "#domain/planner/date-math.ts";
import { planDates } from "#domain/planner/plan-dates.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, doneMilestones, inputFactory } from "./factories.ts";

// The 2028 starter's ECFMG application showed a hard deadline of Thu 28 Oct
// 2027 (90 days before the latest Step 1 date), while the ERAS token that waits for it was due Wed
// 1 Sep 2027: an applicant who trusted the 28 Oct date had already missed the token. A
// prerequisite's deadline is now no later than the deadline of any step every applicant needs that
// waits for it, less that step's own lead time (none for a step that can begin before it).

const early2028 = inputFactory({
  applicant: applicantFactory({
    matchYear: 2028,
    timezone: "Asia/Kolkata",
    visa: "J-1",
    graduation: "2027-05-31",
  }),
  milestones: doneMilestones(["wdoms_listing"], "2026-11-25"),
});

describe("a prerequisite's deadline is no later than the steps that wait for it", () => {
  it.each([2026, 2027, 2028])("holds for every catalog prerequisite with a deadline, Match %i", (year) => {
    const calendar = seasonCalendar(year);
    const input = inputFactory({ applicant: applicantFactory({ matchYear: year }) });
    const dates = planDates(
      buildContext(input, calendar, new Date(calendar.dates.residency_start.at - 900 * 86_400_000)),
    );
    const broken: string[] = [];
    for (const dependant of MILESTONE_CATALOG) {
      if (dependant.applies.visas !== null) continue;
      const needs = dates.due(dependant.key);
      if (needs === null) continue;
      for (const prerequisite of dependant.prerequisites) {
        const own = dates.due(prerequisite.key);
        // A deadline counted from the dependant's own (the contract after Match Day) is its follower.
        if (own === null || dueChain(dependant.key).includes(prerequisite.key)) continue;
        // A result that may follow the application as a supporting document (the OET for the
        // Pathway) is needed by the deadline for documents, its result time before it,
        // not by the application's deadline.
        const documents = prerequisite.neededByOwnDate === true ? dependant.documentsDue : undefined;
        const lead =
          documents !== undefined
            ? (catalogEntry(prerequisite.key).reportingDays?.days ?? 0)
            : prerequisite.startsBefore === true
              ? 0
              : dependant.leadTimeDays.days;
        const latest =
          documents !== undefined
            ? shiftDays(calendar.dates[documents.dateKey].at, "America/New_York", documents.offsetDays - lead)
            : shiftDays(needs.at, needs.zone, -lead);
        if (own.at > latest) broken.push(`${prerequisite.key} after ${dependant.key}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("dates the 2028 starter's ECFMG application before the ERAS token's deadline, by Step 1's latest start, and says why", () => {
    const result = planFor(early2028, "2026-12-01T16:00:00Z");
    const application = result.nextSteps.find((step) => step.milestone === "ecfmg_application");
    const tokenDue = result.blocked.find((step) => step.milestone === "eras_token")?.deadline?.at ?? "";
    expect(tokenDue).not.toBe("");
    const due = Date.parse(application?.deadline?.at ?? "");
    expect(due).toBeLessThanOrEqual(
      Date.parse(tokenDue) - catalogEntry("eras_token").leadTimeDays.days * 86_400_000,
    );
    expect(application?.deadline?.source).toContain("the latest start of usmle_step1");
  });
});

/** The milestones a catalog due rule is counted from, the milestone itself first. */
function dueChain(key: Parameters<typeof catalogEntry>[0]): string[] {
  const chain = [key as string];
  let due = catalogEntry(key).due;
  while (due.from === "milestone") {
    chain.push(due.key);
    due = catalogEntry(due.key).due;
  }
  return chain;
}
