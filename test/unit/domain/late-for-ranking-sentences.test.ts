import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * Capitalisation: EXAMS_LATE_FOR_RANKING joined its late steps as "…; Your
 * USMLE Step 2 CK on …", a capital after a semicolon. Each late step's words are a sentence of their
 * own ("Your … at the latest. Your … at the latest."), as the message's closing sentences are.
 * A Manila applicant for the 2027 Match with the Pathway done and both USMLE exams booked in
 * February 2027, after their last usable day (Wed 27 Jan 2027, projected).
 */
const applicant = applicantFactory({ matchYear: 2027, timezone: "Asia/Manila" });
const NOW = "2027-01-10T12:00:00Z";
const planWith = (milestones: MilestoneEntry[]): Plan =>
  plan(inputFactory({ applicant, milestones }), seasonCalendar(2027), new Date(NOW));
const lateRisk = (result: Plan) => result.risks.find((each) => each.code === "EXAMS_LATE_FOR_RANKING");
const done = doneMilestones(
  ["wdoms_listing", "ecfmg_application", "oet_medicine", "ecfmg_pathway"],
  "2026-08-01",
);
/** A semicolon followed by a word that starts a sentence, not a name or an acronym ("; ECFMG", "; Step 3"). */
const CAPITAL_AFTER_SEMICOLON = /; (?!Step \d|[A-Z]{2})[A-Z][a-z]/;

describe("EXAMS_LATE_FOR_RANKING says each late step in a sentence of its own", () => {
  const both = planWith([
    ...done,
    milestoneFactory("usmle_step1", "scheduled", "2027-02-05"),
    milestoneFactory("usmle_step2ck", "scheduled", "2027-02-12"),
  ]);

  it("two exams booked late: two sentences, no capital after a semicolon", () => {
    const message = lateRisk(both)?.message ?? "";
    expect(message).toMatch(
      /^Your USMLE Step 1 on Fri 5 Feb 2027 would be reported around .+ at the latest \(our advice\)\. Your USMLE Step 2 CK on Fri 12 Feb 2027 would be reported around .+ at the latest \(our advice\)\. ECFMG must confirm/,
    );
    expect(message).not.toMatch(CAPITAL_AFTER_SEMICOLON);
  });

  // Its result day is the sitting's own date plus the 28 days, in every zone: not
  // Thu 11 Mar, the ET day of Manila's midnight.
  it("a single late exam reads as before", () => {
    const one = planWith([
      ...done,
      milestoneFactory("usmle_step1", "done", "2026-08-01"),
      milestoneFactory("usmle_step2ck", "scheduled", "2027-02-12"),
    ]);
    expect(lateRisk(one)?.message).toMatch(
      /^Your USMLE Step 2 CK on Fri 12 Feb 2027 would be reported around Fri 12 Mar 2027: move it earlier and take it by Wed 27 Jan 2027 at the latest \(our advice\)\. ECFMG must confirm/,
    );
  });
});
