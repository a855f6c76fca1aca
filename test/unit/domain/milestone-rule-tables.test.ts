import { describe, expect, it } from "vitest";
import { MILESTONE_CATALOG } from "#domain/catalog/index.ts";
import { buildContext, type PlannerInput, statusAt } from "#domain/planner/context.ts";
import { IN_US_AT, inUsEntryFor } from "#domain/planner/h1b-in-us.ts";
import { MATCH_WEEK_PHASE_AT, matchWeekStep } from "#domain/planner/match-week.ts";
import { planDates } from "#domain/planner/plan-dates.ts";
import { STEP_ENTRY_AT, stepEntryFor } from "#domain/planner/rol-late-title.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory, matched2027 } from "./factories.ts";

/**
 * planMilestone asks matchWeekStep and inUsEntryFor only of the catalog indices their tables name
 * (MATCH_WEEK_PHASE_AT, IN_US_AT): a step left out of a table must be one the rule returns as if
 * never asked (undefined; the entry as given), or the plan would lose a phase or an in-US entry.
 * Checked for every step, in plans before, during and after Match Week, on H-1B in the US and abroad.
 */
const calendar = seasonCalendar(2027);
const NOWS = ["2026-10-01T12:00:00Z", "2027-03-16T15:00:00Z", "2027-03-25T12:00:00Z", "2027-05-01T12:00:00Z"];
const INPUTS: PlannerInput[] = [
  matched2027("America/Chicago", { visa: "H-1B" }),
  matched2027("Asia/Kolkata", { visa: "H-1B" }),
  matched2027("America/New_York", { matchDay: false }),
  inputFactory({
    applicant: applicantFactory({ matchYear: 2027, visa: "H-1B", timezone: "America/Chicago" }),
  }),
];

function contexts() {
  return INPUTS.flatMap((input) => NOWS.map((now) => buildContext(input, calendar, new Date(now))));
}

describe("planMilestone's rule tables name every step the rules can change", () => {
  it("matchWeekStep says nothing of a step MATCH_WEEK_PHASE_AT leaves out", () => {
    let asked = 0;
    for (const context of contexts()) {
      const dates = planDates(context);
      MILESTONE_CATALOG.forEach((entry, index) => {
        if (MATCH_WEEK_PHASE_AT[index] === true) return;
        asked++;
        expect(
          matchWeekStep(context, entry, index, statusAt(context, index), dates),
          entry.key,
        ).toBeUndefined();
      });
    }
    expect(asked).toBeGreaterThan(100);
    expect(MATCH_WEEK_PHASE_AT.filter(Boolean).length).toBeLessThan(MILESTONE_CATALOG.length);
  });

  it("inUsEntryFor returns the entry as given for a step IN_US_AT leaves out", () => {
    for (const context of contexts())
      MILESTONE_CATALOG.forEach((entry, index) => {
        if (IN_US_AT[index] === true) return;
        expect(inUsEntryFor(context, entry, statusAt(context, index)), entry.key).toBe(entry);
      });
    // In the US on H-1B the table's own steps do change: the table is not empty by mistake.
    const inUs = buildContext(INPUTS[0] as PlannerInput, calendar, new Date(NOWS[3] as string));
    const changed = MILESTONE_CATALOG.filter(
      (entry, index) => inUsEntryFor(inUs, entry, statusAt(inUs, index)) !== entry,
    );
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((entry) => IN_US_AT[MILESTONE_CATALOG.indexOf(entry)] === true)).toBe(true);
  });
});

describe("stepEntryFor's table names every step it can change", () => {
  it("stepEntryFor returns the entry as given for a step STEP_ENTRY_AT leaves out, the Match over or not", () => {
    let asked = 0;
    for (const context of contexts())
      for (const seasonOver of [false, true])
        MILESTONE_CATALOG.forEach((entry, index) => {
          if (STEP_ENTRY_AT[index] === true) return;
          asked++;
          expect(stepEntryFor(context, entry, statusAt(context, index), seasonOver), entry.key).toBe(entry);
        });
    expect(asked).toBeGreaterThan(100);
  });

  it("names the in-US steps, Step 3, the rank order list and SOAP, each changed in some plan", () => {
    const named = MILESTONE_CATALOG.filter((_, index) => STEP_ENTRY_AT[index] === true).map((e) => e.key);
    expect(named.sort()).toEqual(
      ["rank_order_list", "soap", "usmle_step3", "visa_h1b", "visa_h1b_stamping"].sort(),
    );
    const changed = new Set<string>();
    for (const context of contexts())
      for (const seasonOver of [false, true])
        MILESTONE_CATALOG.forEach((entry, index) => {
          if (stepEntryFor(context, entry, statusAt(context, index), seasonOver) !== entry)
            changed.add(entry.key);
        });
    // The late rank order list's title (past NRMP's deadline, the Match over) and an in-US entry.
    expect(changed.has("rank_order_list")).toBe(true);
    expect(changed.has("visa_h1b")).toBe(true);
  });
});
