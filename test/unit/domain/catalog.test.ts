import { describe, expect, it } from "vitest";
import { feesNamed } from "#domain/catalog/fee-words.ts";
import { catalogEntry, FEES, MILESTONE_CATALOG, reminderLadder } from "#domain/catalog/index.ts";
import milestonesData from "#domain/catalog/milestones.json" with { type: "json" };
import { erasProgramFees } from "#domain/planner/eras-program-fees.ts";
import { MILESTONE_KEYS } from "#domain/snapshot.ts";

const cited = (citation: { basis: string; source: string }): boolean =>
  citation.basis === "advice" ? citation.source.startsWith("advice:") : /^https?:\/\//.test(citation.source);

describe("milestone catalog", () => {
  it("has exactly one entry per milestone key, in key order", () => {
    expect(MILESTONE_CATALOG.map((entry) => entry.key)).toEqual([...MILESTONE_KEYS]);
  });

  it("holds the file's entries unchanged but for fees named from the fee table, each entry and each prerequisite with the same fields in the same order (one shape for V8)", () => {
    const fields = Object.keys(MILESTONE_CATALOG[0] ?? {});
    for (const entry of MILESTONE_CATALOG) {
      expect(Object.keys(entry)).toEqual(fields);
      const inFile = milestonesData.entries.find((candidate) => candidate.key === entry.key);
      const late = inFile?.lateDeadline;
      // Every action text of a late deadline (action, inProgressAction, scheduled…Action) names its fees.
      const expected = late
        ? {
            ...inFile,
            lateDeadline: Object.fromEntries(
              Object.entries(late).map(([field, value]) => [
                field,
                /^action$|Action$/.test(field) && typeof value === "string" ? feesNamed(value, FEES) : value,
              ]),
            ),
          }
        : inFile;
      // toEqual, not toStrictEqual: a field the file leaves out is present and undefined here.
      expect(entry).toEqual(expected);
    }
    const prerequisites = MILESTONE_CATALOG.flatMap((entry) => entry.prerequisites);
    const prerequisiteFields = Object.keys(prerequisites[0] ?? {});
    for (const prerequisite of prerequisites) expect(Object.keys(prerequisite)).toEqual(prerequisiteFields);
  });

  it.each(MILESTONE_KEYS)("%s cites a source or is labelled advice for every fact", (key) => {
    const entry = catalogEntry(key);
    expect(entry.title.length).toBeGreaterThan(3);
    for (const citation of [
      entry.why,
      entry.applies,
      entry.due,
      entry.leadTimeDays,
      ...entry.prerequisites,
    ]) {
      expect(cited(citation)).toBe(true);
    }
    expect(reminderLadder(entry.ladder).length).toBeGreaterThan(0);
  });

  it("says each clause of a citation once (Step 2 CK's target repeated its allowance)", () => {
    const citations = MILESTONE_CATALOG.flatMap((entry) => [
      entry.why,
      entry.applies,
      entry.due,
      entry.leadTimeDays,
      ...entry.prerequisites,
      ...(entry.target === undefined ? [] : [entry.target]),
    ]);
    // A repeated run of four words (links left out) is a clause said twice.
    const repeatedRun = (source: string): string | undefined => {
      const words = source
        .replace(/https?:\/\/\S+/g, " ")
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter((word) => word.length > 0);
      const seen = new Set<string>();
      for (let at = 0; at + 4 <= words.length; at += 1) {
        const run = words.slice(at, at + 4).join(" ");
        if (seen.has(run)) return run;
        seen.add(run);
      }
      return undefined;
    };
    for (const citation of citations) expect(repeatedRun(citation.source), citation.source).toBeUndefined();
  });

  it.each([
    ["usmle_step3", ["H-1B"]],
    ["visa_h1b", ["H-1B"]],
    ["visa_j1", ["J-1"]],
    ["oet_medicine", null],
    ["ecfmg_pathway", null],
  ] as const)("%s applies to %j", (key, visas) => {
    expect(catalogEntry(key).applies.visas).toEqual(visas);
  });

  it("encodes the key prerequisites from the fact sheet", () => {
    expect(catalogEntry("usmle_step3").prerequisites.map((p) => p.key)).toContain("ecfmg_certification");
    expect(catalogEntry("eras_application").prerequisites.map((p) => p.key)).toContain("eras_token");
    for (const entry of MILESTONE_CATALOG.filter((candidate) => candidate.needsEcfmgEligibleSchool)) {
      expect(entry.key).not.toBe("wdoms_listing");
    }
    expect(catalogEntry("ecfmg_application").prerequisites.map((p) => p.key)).toContain("wdoms_listing");
  });

  it("cites every fee and never invents one", () => {
    for (const fee of FEES) {
      expect(fee.source).toMatch(/^https?:\/\//);
      expect(fee.asOf.length).toBeGreaterThan(3);
    }
    const amounts = Object.fromEntries(
      FEES.filter((fee) => "amountUsd" in fee).map((fee) => [fee.key, fee.amountUsd]),
    );
    expect(amounts).toMatchObject({
      eras_token: 165,
      eras_usmle_transcript: 80,
      ecfmg_certification_application: 160,
      j1_sponsorship: 370,
      j1_sevis_i901: 220,
      j1_visa_mrv: 185,
      usmle_step3_exam: 935,
      h1b_petition_employer: 0,
    });
  });

  it.each([
    [30, 1, 330],
    [100, 1, 2430],
    [31, 1, 360],
    [60, 2, 660],
    [0, 1, 0],
  ])("ERAS fees for %i programs across %i specialties cost $%i", (programs, specialties, expected) => {
    const fee = FEES.find((candidate) => candidate.kind === "eras_per_program");
    if (fee?.kind !== "eras_per_program") throw new Error("ERAS fee missing");
    expect(erasProgramFees(fee, programs, specialties)).toBe(expected);
  });
});
