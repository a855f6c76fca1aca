import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { FEES_TO_VERIFY } from "#domain/catalog/index.ts";
import type { BudgetItem } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * The Visa Integrity Fee is charged on issuing a visa, the J-1's or the H's (its fee table row names
 * both steps): once the applicant's visa is stamped it was paid with it, if at all (its `paidVerify`
 * words), never still "upcoming" because the other track's visa is not done. Omar: Cairo, H-1B,
 * matched, petition approved, visa stamped on 25 May 2027.
 */
const omar = ApplicantSnapshotSchema.parse(
  JSON.parse(
    readFileSync(
      fileURLToPath(new URL("../../fixtures/presumed-from-steps/h1b-stamped-cairo.json", import.meta.url)),
      "utf8",
    ),
  ),
);
const NOW = new Date("2027-06-01T09:00:00Z");
const integrity = FEES_TO_VERIFY.find((fee) => fee.key === "visa_integrity_fee");
const integrityLine = (snapshot: ApplicantSnapshot): BudgetItem | undefined =>
  plan(snapshot, seasonCalendar(2027), NOW).budget.toVerify?.find(
    (item) => item.key === "visa_integrity_fee",
  );

describe("the Visa Integrity Fee once the H visa is stamped", () => {
  it("stamped: paid with the visa, in its paid words", () => {
    expect(integrityLine(omar)).toMatchObject({ status: "spent", verify: integrity?.paidVerify });
  });

  it("the interview still ahead: still to pay, to verify", () => {
    const ahead: ApplicantSnapshot = {
      ...omar,
      milestones: omar.milestones.map((entry) =>
        entry.key === "visa_h1b_stamping" ? { key: entry.key, status: "in_progress" } : entry,
      ),
    };
    expect(integrityLine(ahead)).toMatchObject({ status: "upcoming", verify: integrity?.verify });
  });
});
