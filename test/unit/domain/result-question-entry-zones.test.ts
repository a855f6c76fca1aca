import { describe, expect, it, vi } from "vitest";
import { catalogEntry } from "#domain/catalog/index.ts";
import { stepIndex } from "#domain/planner/catalog-index.ts";
import { buildContext } from "#domain/planner/context.ts";
import type { DueDate } from "#domain/planner/deadlines.ts";
import { resultDueAt } from "#domain/planner/result-deadline.ts";
import { resultQuestionEntry } from "#domain/planner/result-question-entry.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory } from "./factories.ts";

/**
 * A sat exam's result question (resultQuestionEntry) is memoised per shared due date. Plans come in
 * every zone one after another, so the memo keeps each zone's entry rather than the last zone's
 * only (speed: a fresh entry per plan also missed laidStep's memo, keyed by entry identity), and
 * every input the entry is made from is part of its key: a warm memo gives what a cold one does.
 */
const NOW = new Date("2027-01-20T12:00:00Z");
const KEY = "usmle_step2ck" as const;

function contextIn(timezone: string) {
  const calendar = seasonCalendar(2027);
  return buildContext(
    inputFactory({ applicant: applicantFactory({ timezone, matchYear: 2027 }) }),
    calendar,
    NOW,
  );
}

function askedIn(timezone: string) {
  const calendar = seasonCalendar(2027);
  const index = stepIndex(KEY);
  const due = resultDueAt(calendar, index) as DueDate;
  return resultQuestionEntry(contextIn(timezone), catalogEntry(KEY), due, calendar, index);
}

describe("resultQuestionEntry across zones", () => {
  it("keeps one entry per zone while plans alternate zones", () => {
    // The memo is module-wide and bounded (cleared when full): other files in the same worker may
    // have filled it, so one round first; after it both zones fit whatever came before.
    askedIn("Asia/Kolkata");
    askedIn("America/Chicago");
    const kolkata = askedIn("Asia/Kolkata");
    const chicago = askedIn("America/Chicago");

    expect(askedIn("Asia/Kolkata")).toBe(kolkata);
    expect(askedIn("America/Chicago")).toBe(chicago);
    expect(kolkata.title).toMatch(/^Your USMLE Step 2 CK result must reach ECFMG by /);
  });

  it("gives, warm and alternating, what a cold memo gives in each zone", async () => {
    const zones = ["Pacific/Auckland", "America/Los_Angeles", "Pacific/Auckland"];
    const warm = zones.map((zone) => askedIn(zone));
    for (const [at, zone] of zones.entries()) {
      // A fresh module graph per plan: every memo cold, the calendar and catalog its own.
      vi.resetModules();
      const seasons = await import("#domain/seasons/index.ts");
      const catalog = await import("#domain/catalog/index.ts");
      const indexes = await import("#domain/planner/catalog-index.ts");
      const contexts = await import("#domain/planner/context.ts");
      const results = await import("#domain/planner/result-deadline.ts");
      const questions = await import("#domain/planner/result-question-entry.ts");
      const calendar = seasons.seasonCalendar(2027);
      const index = indexes.stepIndex(KEY);
      const input = inputFactory({ applicant: applicantFactory({ timezone: zone, matchYear: 2027 }) });
      const fresh = questions.resultQuestionEntry(
        contexts.buildContext(input, calendar, NOW),
        catalog.catalogEntry(KEY),
        results.resultDueAt(calendar, index) as DueDate,
        calendar,
        index,
      );
      expect(warm[at]?.title).toBe(fresh.title);
      expect(warm[at]?.why.text).toBe(fresh.why.text);
    }
  });

  it("makes a step variant with the same key its own entry, never another variant's", () => {
    const calendar = seasonCalendar(2027);
    const index = stepIndex(KEY);
    const due = resultDueAt(calendar, index) as DueDate;
    const context = contextIn("Europe/London");
    const catalog = catalogEntry(KEY);
    const variant = { ...catalog, title: "Complete a USMLE Step 2 CK variant" };

    const fromCatalog = resultQuestionEntry(context, catalog, due, calendar, index);
    const fromVariant = resultQuestionEntry(context, variant, due, calendar, index);

    expect(fromCatalog.title).toMatch(/^Your USMLE Step 2 CK result/);
    expect(fromVariant.title).toMatch(/^Your USMLE Step 2 CK variant result/);
  });
});
