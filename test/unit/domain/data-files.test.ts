import { describe, expect, it } from "vitest";
import feesData from "#domain/catalog/fees.json" with { type: "json" };
import { FeesFileSchema } from "#domain/catalog/fees-schema.ts";
import { LaddersFileSchema } from "#domain/catalog/ladders-schema.ts";
import milestonesData from "#domain/catalog/milestones.json" with { type: "json" };
import laddersData from "#domain/catalog/reminder-ladders.json" with { type: "json" };
import { catalogFileSchema } from "#domain/catalog/schema.ts";
import confirmedData from "#domain/seasons/confirmed.json" with { type: "json" };
import projectionRulesData from "#domain/seasons/projection-rules.json" with { type: "json" };
import { ConfirmedFileSchema, ProjectionFileSchema } from "#domain/seasons/schema.ts";

/**
 * The catalog and season files are read at run time as their types, without a zod parse (a cold
 * start would pay about 30 ms of CPU for it). This is where they are parsed instead: each file must
 * pass its schema, and the parse must return the file unchanged (no default filled in, no key
 * stripped), so reading it unparsed gives the planner exactly what the parse would have.
 */
const ladderNames = new Set(Object.keys(laddersData.ladders));
const DATA_FILES: [string, { safeParse(data: unknown): { success: boolean; data?: unknown } }, unknown][] = [
  ["catalog/milestones.json", catalogFileSchema(ladderNames), milestonesData],
  ["catalog/fees.json", FeesFileSchema, feesData],
  ["catalog/reminder-ladders.json", LaddersFileSchema, laddersData],
  ["seasons/confirmed.json", ConfirmedFileSchema, confirmedData],
  ["seasons/projection-rules.json", ProjectionFileSchema, projectionRulesData],
];

/** A deep copy, broken by `edit`, so the shipped data is never touched. */
function broken<T>(data: T, edit: (copy: T) => void): T {
  const copy = structuredClone(data);
  edit(copy);
  return copy;
}

describe("domain data files", () => {
  it.each(DATA_FILES)("%s passes its schema, and the parse changes nothing", (_, schema, data) => {
    const result = schema.safeParse(data);
    expect(result.success, JSON.stringify(result)).toBe(true);
    expect(result.data).toStrictEqual(data);
  });

  it.each<[string, { safeParse(data: unknown): { success: boolean } }, unknown]>([
    [
      "a confirmed date without a source URL",
      ConfirmedFileSchema,
      broken(confirmedData, (copy) => {
        (copy.seasons[0]?.dates[0] as { source: string }).source = "the NRMP website";
      }),
    ],
    [
      // A swapped date would tell applicants to certify a list before ranking opens.
      "a season whose rank order list opens after its ROL deadline",
      ConfirmedFileSchema,
      broken(confirmedData, (copy) => {
        const opens = copy.seasons[0]?.dates.find(
          (entry) => entry.key === "nrmp_rank_order_list_entry_opens",
        );
        (opens as { date: string }).date = "2026-03-04";
      }),
    ],
    [
      "a projection file missing a season date's rule",
      ProjectionFileSchema,
      broken(projectionRulesData, (copy) => {
        copy.rules.pop();
      }),
    ],
    [
      "a milestone on a ladder that does not exist",
      catalogFileSchema(ladderNames),
      broken(milestonesData, (copy) => {
        (copy.entries[0] as { ladder: string }).ladder = "no-such-ladder";
      }),
    ],
    [
      // The OET's last day follows the Pathway's documents deadline.
      "an OET last day not counted back from the Pathway's documents deadline by its result time",
      catalogFileSchema(ladderNames),
      broken(milestonesData, (copy) => {
        const oet = copy.entries.find((entry) => entry.key === "oet_medicine");
        (oet?.due as { offsetDays: number }).offsetDays -= 1;
      }),
    ],
    [
      "an official fee without a source URL",
      FeesFileSchema,
      broken(feesData, (copy) => {
        (copy.fees[0] as { source: string }).source = "ECFMG";
      }),
    ],
    [
      "a ladder rung before the deadline with no day count",
      LaddersFileSchema,
      broken(laddersData, (copy) => {
        // The first rung counted from the deadline (start-by and book-by come before it).
        const rung = copy.ladders.standard?.find((each) => each.anchor === "deadline");
        delete (rung as { daysBefore?: number }).daysBefore;
      }),
    ],
  ])("fails on a broken copy: %s", (_, schema, data) => {
    expect(schema.safeParse(data).success).toBe(false);
  });
});
