import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { MILESTONE_KEYS, MILESTONE_STATUSES } from "#domain/snapshot.ts";
import { applicantFactory, inputFactory } from "./factories.ts";

/**
 * TARGETS_SLIPPED names a step's moved target ("aim for <day> instead of …") as the day the step
 * itself shows (its target column): one target per step. The row kept the planned target beside the
 * risk's "instead of" it, and a moved day counted in the applicant's zone read a day earlier in ET's.
 */
describe("TARGETS_SLIPPED names each moved target on the day its step shows", () => {
  const ZONES = [
    "Pacific/Auckland",
    "Pacific/Kiritimati",
    "Asia/Tokyo",
    "Africa/Lagos",
    "Pacific/Honolulu",
  ] as const;
  const inputArb = fc
    .record({
      zone: fc.constantFrom(...ZONES),
      matchYear: fc.constantFrom(2027, 2028),
      statuses: fc.array(
        fc.record({
          key: fc.constantFrom(...MILESTONE_KEYS),
          status: fc.constantFrom(...MILESTONE_STATUSES),
          date: fc.option(
            fc
              .integer({ min: Date.parse("2026-01-01T00:00:00Z"), max: Date.parse("2028-01-01T00:00:00Z") })
              .map((ms) => new Date(ms).toISOString().slice(0, 10)),
            { nil: undefined },
          ),
        }),
        { maxLength: 20 },
      ),
    })
    .map((drawn): PlannerInput => {
      const seen = new Set<string>();
      return inputFactory({
        applicant: applicantFactory({ timezone: drawn.zone, matchYear: drawn.matchYear }),
        milestones: drawn.statuses
          .filter((entry) => !seen.has(entry.key) && seen.add(entry.key))
          .map((entry) => (entry.date === undefined ? { key: entry.key, status: entry.status } : entry)),
      });
    });
  const nowArb = fc
    .integer({ min: Date.parse("2026-01-01T00:00:00Z"), max: Date.parse("2028-01-01T00:00:00Z") })
    .map((ms) => new Date(ms).toISOString());

  it("'aim for <day>' is the step's own target day", () => {
    fc.assert(
      fc.property(inputArb, nowArb, (input, now) => {
        const result = plan(input, seasonCalendar(input.applicant.matchYear), new Date(now));
        const risk = result.risks.find((each) => each.code === "TARGETS_SLIPPED");
        if (risk === undefined) return;
        for (const match of risk.message.matchAll(
          /([A-Za-z0-9 ]+?): aim for ([A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} \d{4}) instead of /g,
        )) {
          const subject = match[1]?.trim() ?? "";
          const step = result.nextSteps.find(
            (each) =>
              each.title.endsWith(subject) ||
              `${each.title} application`.endsWith(subject) ||
              subject.endsWith(each.title.replace(/^(Pass|Complete an?) /, "")),
          );
          if (step?.target === undefined) continue;
          expect(`${subject}: ${match[2]}`).toBe(`${subject}: ${step.target.local}`);
        }
      }),
      { numRuns: 400 },
    );
  });
});
