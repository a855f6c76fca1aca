import { describe, expect, it } from "vitest";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, doneMilestones, inputFactory, REGISTERED_KEYS } from "./factories.ts";

// An applicant in Amman, every exam, the Pathway, ERAS and NRMP done, with
// "visa": "undecided" on 1 Dec 2026, two months before the rank order list deadline: no visa step,
// no risk, no advice. Neither route can be planned until the applicant chooses, and H-1B ranking
// needs Step 3 (after the certificate, about 2 weeks for FSMB) reported before that deadline.

const NOW = "2026-12-01T16:00:00Z";
const inputWith = (visa: "undecided" | "J-1" | "H-1B" | "none") =>
  inputFactory({
    applicant: applicantFactory({ matchYear: 2027, timezone: "Asia/Amman", visa, graduation: "2025-06-30" }),
    milestones: doneMilestones(REGISTERED_KEYS, "2026-09-01"),
  });
const undecidedRisk = (visa: "undecided" | "J-1" | "H-1B" | "none", now = NOW) =>
  planFor(inputWith(visa), now).risks.find((risk) => risk.code === "VISA_UNDECIDED");

describe("an undecided visa is a warning asking to decide now, with what each route needs", () => {
  it("warns an undecided applicant before ranking and asks them to decide now", () => {
    const risk = undecidedRisk("undecided");
    expect(risk?.severity).toBe("warning");
    expect(risk?.message).toMatch(/decide/i);
  });

  it("gives the H-1B route's Step 3 timing from the H-1B risk's own figures", () => {
    const message = undecidedRisk("undecided")?.message ?? "";
    expect(message).toContain("Step 3");
    expect(message).toContain("about 14 days of FSMB processing");
    expect(message).toContain("up to 28 days");
    expect(message).toMatch(/ECFMG certificate/);
  });

  it("gives the J-1 route's chain after the Match", () => {
    const message = undecidedRisk("undecided")?.message ?? "";
    for (const part of ["J-1", "Statement of Need", "DS-2019", "ECFMG's J-1 sponsorship"])
      expect(message).toContain(part);
  });

  it("cites the sources the visa risks already cite, and nothing unsourced", () => {
    const sources = undecidedRisk("undecided")?.sources ?? [];
    expect(sources.some((source) => source.includes("ecfmg.org/evsp"))).toBe(true);
    expect(sources.some((source) => source.includes("fsmb.org/step-3"))).toBe(true);
    expect(sources.some((source) => source.includes("residency.dom.pitt.edu"))).toBe(true);
    expect(sources.some((source) => source.startsWith("projected:"))).toBe(true);
  });

  it("says nothing once a route is chosen", () => {
    for (const visa of ["J-1", "H-1B", "none"] as const) expect(undecidedRisk(visa)).toBeUndefined();
  });
});

// Task: the advice stopped at the rank order list deadline, so an applicant who matched with the
// visa still undecided heard nothing about it after: exactly when the visa paperwork begins. It now
// lasts through Match Day and the visa steps' deadlines (the visa in hand two weeks before the
// residency start, the catalog's visa_j1 and visa_h1b_stamping), with words for after ranking.
const certified = (visa: "undecided" | "J-1") =>
  inputFactory({
    applicant: applicantFactory({ matchYear: 2027, timezone: "Asia/Amman", visa, graduation: "2025-06-30" }),
    milestones: [
      ...doneMilestones(REGISTERED_KEYS, "2026-09-01"),
      { key: "rank_order_list", status: "done", date: "2027-02-10" },
    ],
  });
const afterRanking = (now: string) =>
  planFor(certified("undecided"), now).risks.find((risk) => risk.code === "VISA_UNDECIDED");

describe("an undecided visa after the rank order list deadline (matched, visa still open)", () => {
  it("keeps the advice after the deadline, through Match Day, without 'before the rank order list deadline'", () => {
    for (const now of ["2027-03-01T12:00:00Z", "2027-03-20T12:00:00Z", "2027-05-01T12:00:00Z"]) {
      const risk = afterRanking(now);
      expect(risk?.severity, now).toBe("warning");
      expect(risk?.message, now).not.toContain("decide now, before the rank order list deadline");
      expect(risk?.message, now).toContain("Statement of Need");
      expect(risk?.message, now).toContain("DS-2019");
      expect(risk?.message, now).toMatch(/petition/);
    }
  });

  it("says the rank order list deadline has passed and names the day the visa must be in hand", () => {
    const message = afterRanking("2027-03-20T12:00:00Z")?.message ?? "";
    expect(message).toContain("the rank order list deadline has passed");
    expect(message).toContain("Wed 16 Jun 2027");
  });

  // It went silent after the visa steps' deadlines, two weeks before the start,
  // when a matched applicant without a route needs it most. It now lasts until the residency start.
  it("after the visa steps' deadlines says the day passed and what to do, until the residency start", () => {
    expect(afterRanking("2027-06-15T12:00:00Z")?.message).toContain("your visa must be in hand by");
    const late = afterRanking("2027-06-18T12:00:00Z");
    expect(late?.message).toContain("a day that has passed");
    expect(late?.message).toContain("without it you cannot start on Thu 1 Jul 2027");
    expect(late?.message).toContain("ask the consulate for an expedited appointment");
    expect(afterRanking("2027-06-30T12:00:00Z")).toBeDefined();
    expect(afterRanking("2027-07-02T12:00:00Z")).toBeUndefined();
  });
});
