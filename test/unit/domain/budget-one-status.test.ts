import { describe, expect, it } from "vitest";
import { BUDGET_NOTE, budgetRows } from "#domain/budget-words.ts";
import { FEES } from "#domain/catalog/index.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, examsDone, inputFactory, milestoneFactory } from "./factories.ts";

// The timeline's row "NRMP registration … To verify on NRMP's Match Fees
// page: $70 … | Coming | $70" was counted in "Still to pay", under a caption saying "fees to
// verify are not counted in the totals". It was then listed to verify and left out of the totals
// while upcoming, but counted once paid, so the upcoming total understated NRMP by $70 and the
// grand total jumped when the applicant registered. One treatment in both
// states now, as Step 1's and Step 2 CK's flagged amounts: counted at the latest figure found
// ($70, a secondary page's; NRMP's last official schedule, 2016–17, said $75) and flagged to
// verify, with a note that says it is counted.
const NOW = new Date("2026-10-01T10:00:00Z");
const input = (registered: boolean) =>
  inputFactory({
    applicant: applicantFactory({ matchYear: 2027, graduation: "2025-06-30", timezone: "Africa/Lagos" }),
    milestones: [
      ...examsDone(),
      ...(registered ? [milestoneFactory("nrmp_registration", "done", "2026-09-20")] : []),
    ],
  });
const before = plan(input(false), seasonCalendar(2027), NOW).budget;
const paid = plan(input(true), seasonCalendar(2027), NOW).budget;
const nrmpRow = (budget: typeof before) =>
  budgetRows(budget).find((row) => row.label.startsWith("NRMP registration"));

describe("a fee has one status: counted, or to verify and not counted", () => {
  it("counts NRMP registration, still to pay, in the totals and flags it to verify", () => {
    expect(BUDGET_NOTE).toMatch(/fees to verify are not counted in the totals/);
    expect(nrmpRow(before)).toMatchObject({ status: "Coming", amount: "$70" });
    expect(nrmpRow(before)?.note).toMatch(/^Counted in the totals/);
    const item = before.items.find((each) => each.key === "nrmp_registration");
    expect(item).toMatchObject({ status: "upcoming", amountUsd: 70 });
    expect(item?.verify).toMatch(/^flagged, verify/);
    expect(before.toVerify?.map((each) => each.key) ?? []).not.toContain("nrmp_registration");
    const counted = before.items.filter((each) => each.status === "upcoming");
    expect(before.upcomingUsd).toBe(counted.reduce((sum, each) => sum + each.amountUsd, 0));
  });

  it("keeps the grand total when the applicant registers: the same $70, upcoming then spent", () => {
    expect(paid.spentUsd + paid.upcomingUsd).toBe(before.spentUsd + before.upcomingUsd);
  });

  it("counts it as paid once the applicant registered (the fee table's estimate, as every paid fee)", () => {
    expect(nrmpRow(paid)?.status).toBe("Paid");
    expect(paid.items.find((item) => item.key === "nrmp_registration")?.status).toBe("spent");
    expect(paid.toVerify?.map((item) => item.key)).not.toContain("nrmp_registration");
  });

  it("never says 'To verify' on a row it counts: a counted, flagged amount says it is counted", () => {
    for (const row of budgetRows(before)) {
      if (row.status === "To verify") continue;
      expect(row.note ?? "", row.label).not.toMatch(/^To verify/);
      if (row.status === "Coming" && row.note !== undefined)
        expect(row.note, row.label).toMatch(/^Counted in the totals/);
    }
  });

  it("takes to verify only a fee whose current amount the fact sheet does not have", () => {
    const toVerify = FEES.filter((fee) => fee.amountToVerify === true).map((fee) => fee.key);
    expect(toVerify).not.toContain("nrmp_registration");
  });
});
