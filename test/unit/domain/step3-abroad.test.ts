import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import {
  CONSULAR_WAIT_DAYS,
  EXAM_BOOKING_DAYS,
  STEP3_PROCESSING_DAYS,
  VISITOR_VISA_WAIT_SOURCE,
} from "#domain/planner/advice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { DAY_MS } from "#domain/time.ts";

/**
 * Step 3 for an H-1B applicant living outside the US: Step 3
 * is offered only in the US (FSMB, official), so the trip needs a US visitor visa (B-1/B-2), whose
 * interview wait differs by consulate (no figure in the fact sheet: an advice allowance, to check in
 * the State Department's Global Visa Wait Times tool), beside FSMB's processing and study time.
 */
const SCENARIO_DIR = new URL("../../fixtures/scenarios/", import.meta.url);
const load = (name: string): ApplicantSnapshot =>
  ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(new URL(name, SCENARIO_DIR), "utf8")));
const inZone = (snapshot: ApplicantSnapshot, timezone: string): ApplicantSnapshot =>
  ApplicantSnapshotSchema.parse({ ...snapshot, applicant: { ...snapshot.applicant, timezone } });
const planAt = (snapshot: ApplicantSnapshot, now: string): Plan =>
  plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(now));
const step = (result: Plan, key: string) => result.nextSteps.find((each) => each.milestone === key);
const NOW = "2026-10-15T12:00:00Z";

describe("Step 3 for an H-1B applicant abroad leaves time for the visitor visa and for study", () => {
  // Omar, Cairo, certified on 1 Oct 2026, ranking on H-1B in the 2027 Match.
  const cairo = load("h1b-step3-before-ranking-2027.json");

  it("starts Step 3 with the visitor-visa wait beside FSMB's processing and study time", () => {
    const abroad = step(planAt(cairo, NOW), "usmle_step3");
    const home = step(planAt(inZone(cairo, "America/Chicago"), NOW), "usmle_step3");
    expect(abroad?.dueBy).not.toBeNull();
    const lead = (s: typeof abroad) => (Date.parse(s?.dueBy ?? "") - Date.parse(s?.startBy ?? "")) / DAY_MS;
    // The catalog's 90 days (FSMB's processing and study time) in the US; abroad the visa's wait and
    // a seat run beside them, so the longer of the two.
    expect(Math.round(lead(home))).toBe(90);
    expect(Math.round(lead(abroad))).toBe(Math.max(90, CONSULAR_WAIT_DAYS + EXAM_BOOKING_DAYS));
  });

  it("says to apply for the visitor visa now and where to check the wait, as advice", () => {
    const abroad = step(planAt(cairo, NOW), "usmle_step3");
    expect(abroad?.action).toContain("visitor visa (B-1/B-2)");
    expect(abroad?.action).toContain("Global Visa Wait Times");
    expect(abroad?.action).toContain("study");
    expect(abroad?.action).toContain("(advice)");
    const home = step(planAt(inZone(cairo, "America/Chicago"), NOW), "usmle_step3");
    expect(home?.action).not.toContain("visitor visa");
  });

  it("asks for the ECFMG certificate early enough for the visa wait too, citing it", () => {
    // Certificate pending (Karachi): FSMB's graduation check, the visa wait and a test date before Step 3.
    const karachi = load("h1b-karachi-certificate-pending-2027.json");
    const target = (snapshot: ApplicantSnapshot) =>
      step(planAt(snapshot, NOW), "ecfmg_certification")?.target;
    const abroad = target(karachi);
    const home = target(inZone(karachi, "America/Chicago"));
    expect(abroad).toBeDefined();
    expect(home).toBeDefined();
    const days = (Date.parse(home?.at ?? "") - Date.parse(abroad?.at ?? "")) / DAY_MS;
    // What the visa allowance outlasts FSMB's processing beside it, and a day or two more where the
    // abroad target counted onto a weekend moves back to the Friday (ECFMG, which issues the
    // certificate, works no weekend).
    const moved = abroad?.source.includes("moved to the Friday before") === true;
    const extra = CONSULAR_WAIT_DAYS - STEP3_PROCESSING_DAYS;
    expect(Math.round(days) - extra).toBeGreaterThanOrEqual(0);
    expect(Math.round(days) - extra).toBeLessThanOrEqual(moved ? 2 : 0);
    expect(abroad?.source).toContain("Global Visa Wait Times");
    expect(home?.source).not.toContain("visitor visa");
  });

  it("STEP3_NEEDED_FOR_H1B says why the certificate date is earlier abroad, and the latest with a visa in hand", () => {
    const karachi = load("h1b-karachi-certificate-pending-2027.json");
    const risk = (snapshot: ApplicantSnapshot) =>
      planAt(snapshot, NOW).risks.find((each) => each.code === "STEP3_NEEDED_FOR_H1B");
    const abroad = risk(karachi);
    const target = step(planAt(karachi, NOW), "ecfmg_certification")?.target;
    // The certificate date the plan targets is the one the risk gives, with the visa's reason.
    expect(abroad?.message).toContain(`needed by ${target?.et.slice(0, 15)}`); // the earlier of local and ET days (dayBy)
    expect(abroad?.message).toContain(`${CONSULAR_WAIT_DAYS} days for a visitor visa (B-1/B-2) interview`);
    expect(abroad?.message).toContain("if you already hold a visitor visa");
    expect(abroad?.sources).toContain(VISITOR_VISA_WAIT_SOURCE);
    const home = risk(inZone(karachi, "America/Chicago"));
    expect(home?.message).not.toContain("visitor visa (B-1/B-2)");
    expect(home?.sources).not.toContain(VISITOR_VISA_WAIT_SOURCE);
  });
});
