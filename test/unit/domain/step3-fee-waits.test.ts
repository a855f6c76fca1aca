import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  BEFORE_MATCH_KEYS,
  doneMilestones,
  inputFactory,
  matched2027,
} from "./factories.ts";

/**
 * An applicant in Karachi on the H-1B track, Step 3 not booked: while Step 3's card asks her to pay
 * nothing for it (its step blocked for this Match's rank order list or on her ECFMG certificate, or,
 * matched past the petition's sit-by day, waiting on the program's answer), its fee and the H-1B's
 * (or its visitor visa's) are listed apart with the card's condition, never counted as upcoming.
 */
const calendar = seasonCalendar(2027);
const H1B_FEES = ["h1b_petition_employer", "h_visa_mrv"];
const J1_FEES = ["j1_sponsorship", "j1_sevis_i901", "j1_visa_mrv"];
/** The Visa Integrity Fee's line beside the visitor visa for Step 3. */
const VISITOR_INTEGRITY = "visa_integrity_fee_visitor_visa";
const lines = (result: Plan, keys: readonly string[]) => ({
  counted: result.budget.items.filter((item) => keys.includes(item.key)),
  apart: (result.budget.toVerify ?? []).filter((item) => keys.includes(item.key)),
});

describe("Step 3's fee while Step 3 cannot be taken yet", () => {
  it("blocked for this Match's rank order list: listed apart, in no total", () => {
    const ranking = inputFactory({
      applicant: applicantFactory({ matchYear: 2027, timezone: "Asia/Karachi", visa: "H-1B" }),
      milestones: doneMilestones(BEFORE_MATCH_KEYS.filter((key) => key !== "rank_order_list")),
    });
    const result = plan(ranking, calendar, new Date("2027-01-20T10:00:00Z"));
    expect(result.blocked.map((step) => step.milestone)).toContain("usmle_step3");
    const { counted, apart } = lines(result, ["usmle_step3_exam"]);
    expect(counted).toEqual([]);
    expect(apart[0]?.verify).toMatch(/^If you keep the H-1B track for a later Match/);
  });

  it("matched, waiting on the program's answer: Step 3's and the H-1B's fees apart", () => {
    const result = plan(
      matched2027("Asia/Karachi", { visa: "H-1B" }),
      calendar,
      new Date("2027-03-22T01:00:00Z"),
    );
    const { counted, apart } = lines(result, ["usmle_step3_exam", ...H1B_FEES]);
    expect(counted).toEqual([]);
    expect(apart.map((item) => item.key).sort()).toEqual(["usmle_step3_exam", ...H1B_FEES].sort());
    for (const item of apart)
      expect(item.verify).toMatch(/^If your program starts you later and keeps the H-1B/);
    expect(result.budget.upcomingUsd).toBe(0);
  });

  it("matched, waiting on the program's answer: the J-1 its card asks about, that track's fees apart", () => {
    const result = plan(
      matched2027("Asia/Karachi", { visa: "H-1B" }),
      calendar,
      new Date("2027-03-22T01:00:00Z"),
    );
    const { counted, apart } = lines(result, J1_FEES);
    expect(counted).toEqual([]);
    expect(apart.map((item) => [item.key, item.amountUsd])).toEqual([
      ["j1_sponsorship", 370],
      ["j1_sevis_i901", 220],
      ["j1_visa_mrv", 185],
    ]);
    for (const item of apart) expect(item.verify).toMatch(/^If your program takes you on a J-1 instead/);
  });

  it("before the Match, or blocked for ranking: no J-1 fees beside the H-1B's", () => {
    const ranking = inputFactory({
      applicant: applicantFactory({ matchYear: 2027, timezone: "Asia/Karachi", visa: "H-1B" }),
      milestones: doneMilestones(BEFORE_MATCH_KEYS),
    });
    const result = plan(ranking, calendar, new Date("2027-01-20T10:00:00Z"));
    expect(lines(result, J1_FEES)).toEqual({ counted: [], apart: [] });
  });

  it("waiting on the ECFMG certificate a Match ahead: Step 3's and its visitor visa's fees apart", () => {
    // Prepare: Cairo, the 2028 Match, Step 1 and Step 2 CK still to pass, so no certificate yet.
    const early = inputFactory({
      applicant: applicantFactory({ matchYear: 2028, timezone: "Africa/Cairo", visa: "H-1B" }),
      milestones: doneMilestones(["wdoms_listing", "ecfmg_application"]),
    });
    // Act
    const result = plan(early, seasonCalendar(2028), new Date("2026-12-05T10:00:00Z"));
    // Assess: the step waits on the certificate, and nothing of it is counted as upcoming.
    const step3 = result.blocked.find((step) => step.milestone === "usmle_step3");
    expect(step3?.waitingFor).toEqual(["ecfmg_certification"]);
    const { counted, apart } = lines(result, ["usmle_step3_exam", "visitor_visa_mrv", VISITOR_INTEGRITY]);
    expect(counted).toEqual([]);
    expect(apart.map((item) => item.key)).toEqual([
      "usmle_step3_exam",
      "visitor_visa_mrv",
      VISITOR_INTEGRITY,
    ]);
    for (const item of apart) expect(item.verify).toMatch(/^Once you hold your ECFMG certificate/);
  });

  it("waiting on the certificate in a plan moved to the next Match: apart as well", () => {
    // Prepare: the 2027 Match, nothing but the school listing done in December: planned for 2028.
    const late = inputFactory({
      applicant: applicantFactory({ matchYear: 2027, timezone: "Africa/Cairo", visa: "H-1B" }),
      milestones: doneMilestones(["wdoms_listing"]),
    });
    // Act
    const result = plan(late, calendar, new Date("2026-12-05T10:00:00Z"));
    // Assess
    expect(result.risks.map((risk) => risk.code)).toContain("MATCH_YEAR_NOT_FEASIBLE");
    const { counted, apart } = lines(result, ["usmle_step3_exam", "visitor_visa_mrv"]);
    expect(counted).toEqual([]);
    expect(apart.map((item) => item.verify?.slice(0, 36))).toEqual([
      "Once you hold your ECFMG certificate",
      "Once you hold your ECFMG certificate",
    ]);
  });
});

describe("Step 3's visitor visa fee", () => {
  // Certified: Step 3 waits on nothing the applicant must first receive.
  const ranking = (timezone: string) =>
    inputFactory({
      applicant: applicantFactory({ matchYear: 2027, timezone, visa: "H-1B" }),
      milestones: doneMilestones([...BEFORE_MATCH_KEYS, "ecfmg_certification"]),
    });
  const visitor = (result: Plan) => lines(result, ["visitor_visa_mrv", VISITOR_INTEGRITY]);

  it("abroad, while the plan asks for the visa: upcoming at the MRV fee, the Visa Integrity Fee to verify", () => {
    const result = plan(ranking("Asia/Karachi"), calendar, new Date("2026-10-05T05:00:00Z"));
    const { counted, apart } = visitor(result);
    expect(counted.map((item) => [item.status, item.amountUsd])).toEqual([["upcoming", 185]]);
    // Owed on issuance of any nonimmigrant visa, so on this one too: flagged, in no total.
    expect(apart.map((item) => [item.key, item.amountUsd])).toEqual([[VISITOR_INTEGRITY, 250]]);
    expect(apart[0]?.verify).toMatch(/^flagged, verify/);
  });

  it("in the US, or once Step 3 is blocked: none", () => {
    const inUs = plan(ranking("America/Chicago"), calendar, new Date("2026-10-05T15:00:00Z"));
    const blocked = plan(ranking("Asia/Karachi"), calendar, new Date("2027-01-20T10:00:00Z"));
    for (const result of [inUs, blocked]) expect(visitor(result)).toEqual({ counted: [], apart: [] });
  });
});
