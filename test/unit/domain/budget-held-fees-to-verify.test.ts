import { describe, expect, it } from "vitest";
import { SCHOOL_CHECK } from "#domain/catalog/index.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * With the school's sponsor note unknown, every fee read "held back, not counted: depends on your
 * school's ECFMG sponsor note" but the $250 Visa Integrity Fee, which read "Once the Match places
 * you with a program…" beside the J-1 fees held back: the fees to verify are held as the fee
 * table's are. Ruth: a 2027 Match J-1 graduate in Kampala, planned on 7 Dec 2026.
 */
const NOW = new Date("2026-12-07T10:00:00Z");
const kampala = (sponsorNote: boolean | null) =>
  inputFactory({
    applicant: applicantFactory({
      timezone: "Africa/Kampala",
      matchYear: 2027,
      visa: "J-1",
      graduation: "2025-08-31",
      medicalSchool: { name: "Kampala Example School", country: "UG", wdomsSponsorNote: sponsorNote },
    }),
    milestones: [milestoneFactory("wdoms_listing", "not_started")],
  });

describe("fees to verify while the sponsor note is unknown", () => {
  const toVerify = plan(kampala(null), seasonCalendar(2027), NOW).budget.toVerify ?? [];
  const line = (key: string) => toVerify.find((item) => item.key === key);

  it("holds the Visa Integrity Fee back like the J-1 fees beside it", () => {
    expect(line("j1_sponsorship")?.verify).toBe(SCHOOL_CHECK.unchecked.feeHeld);
    expect(line("visa_integrity_fee")?.verify).toBe(SCHOOL_CHECK.unchecked.feeHeld);
  });

  it("holds back every fee of a step that needs the note, none left in another voice", () => {
    const other = toVerify.filter((item) => item.verify !== SCHOOL_CHECK.unchecked.feeHeld);
    expect(other.map((item) => item.key)).toEqual([]);
  });

  it("keeps the Visa Integrity Fee's own words once the note is known", () => {
    const known = plan(kampala(true), seasonCalendar(2027), NOW).budget.toVerify ?? [];
    expect(known.find((item) => item.key === "visa_integrity_fee")?.verify).not.toBe(
      SCHOOL_CHECK.unchecked.feeHeld,
    );
  });
});
