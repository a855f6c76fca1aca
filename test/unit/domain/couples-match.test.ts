import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { OPENS_BESIDE_NO } from "#domain/planner/sponsor-note-evidence.ts";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

// A partner in the Couples Match: NRMP's R3 steps say what a couple does,
// the budget carries this partner's couples fee, SOAP stays one applicant's; a single applicant's
// plan is untouched (the golden file holds no couple).
const DIR = fileURLToPath(new URL("../../fixtures/couples/", import.meta.url));
const notRegistered = readSnapshot(DIR, "couple-not-registered-lagos-2027.json");
const registered = readSnapshot(DIR, "couple-registered-lagos-2027.json");

function single(snapshot: ApplicantSnapshot): ApplicantSnapshot {
  const { couplesMatch: _couple, ...applicant } = snapshot.applicant;
  return { ...snapshot, applicant };
}
const actionOf = (plan: Plan, key: string) => plan.nextSteps.find((step) => step.milestone === key)?.action;
const couplesFee = (plan: Plan) => plan.budget.items.find((item) => item.key === "nrmp_couples_fee");

describe("a partner in the Couples Match", () => {
  it("the fixtures are couples, and their single twins are not", () => {
    expect(notRegistered.applicant.couplesMatch).toBe(true);
    expect(single(registered).applicant.couplesMatch).toBeUndefined();
  });

  it.each([
    ["before the early deadline", "2026-11-10T09:00:00+01:00"],
    ["registering late", "2026-12-05T09:00:00+01:00"],
  ])(
    "NRMP registration (%s) says each partner registers, then the two link as a couple in R3 before ranking",
    (_, now) => {
      const action = actionOf(planInOwnMatch(notRegistered, now), "nrmp_registration");
      expect(action).toContain("As a couple: each of you registers in R3 on your own");
      expect(action).toContain("one of you sends a couple request in R3 and the other accepts it");
      expect(action).toContain("Couple Status Accepted and Fee Status Paid: finish this before you rank");
      expect(actionOf(planInOwnMatch(single(notRegistered), now), "nrmp_registration")).not.toContain(
        "couple",
      );
    },
  );

  it("the rank order list speaks of paired lists, both certified by the same deadline, re-certified together", () => {
    const now = "2027-01-20T09:00:00+01:00";
    const action = actionOf(planInOwnMatch(registered, now), "rank_order_list");
    expect(action).toContain(
      "your list and your partner's are paired rank by rank (the same number of ranks on each)",
    );
    expect(action).toContain("both lists must be certified by the same deadline");
    // NRMP lets a pair rank a program for one partner beside "No Match" for the other: a couple
    // told they can never match one alone would drop the safety net advisors put low on the list.
    expect(action).toContain("you match only to one of those pairs, never on your lists one by one");
    expect(action).toContain('NRMP\'s "No Match" code for the other');
    expect(action).not.toContain("never one of you alone");
    expect(action).toContain("an edit to either list means both of you certify again (advice)");
    expect(actionOf(planInOwnMatch(single(registered), now), "rank_order_list")).not.toContain("couple");
  });

  it("SOAP says it is per applicant: partners apply on their own", () => {
    const now = "2027-01-20T09:00:00+01:00";
    expect(actionOf(planInOwnMatch(registered, now), "soap")).toContain(
      "SOAP is per applicant, not per couple: if you do not match, you apply and answer offers on your own",
    );
    expect(actionOf(planInOwnMatch(single(registered), now), "soap")).not.toContain("couple");
  });

  // No NRMP page gives the current couples fee: its figure keeps the secondary page it is on, flagged
  // to verify on NRMP's Match Fees page as the registration fee is.
  it("the budget adds this partner's couples fee, cited on its secondary page and flagged", () => {
    const plan = planInOwnMatch(registered, "2027-01-20T09:00:00+01:00");
    const fee = couplesFee(plan);
    expect(fee).toMatchObject({ amountUsd: 45, status: "upcoming", basis: "secondary" });
    expect(fee?.source).toBe("https://money-central.com/us/does-match-cost-money");
    expect(fee?.verify).toMatch(/^flagged, verify on NRMP's Match Fees page: \$45 per partner/);
    const twin = planInOwnMatch(single(registered), "2027-01-20T09:00:00+01:00");
    expect(couplesFee(twin)).toBeUndefined();
    // Same statuses, same season: the budget memo must not hand one the other's budget.
    expect(plan.budget.upcomingUsd - twin.budget.upcomingUsd).toBe(45);
    expect(planInOwnMatch(registered, "2027-01-20T09:00:00+01:00").budget.upcomingUsd).toBe(
      plan.budget.upcomingUsd,
    );
  });

  it("the fee counts as spent once the couple's rank order list is certified", () => {
    const certified: ApplicantSnapshot = {
      ...registered,
      milestones: [...registered.milestones, { key: "rank_order_list", status: "done", date: "2027-02-10" }],
    };
    expect(couplesFee(planInOwnMatch(certified, "2027-02-12T09:00:00+01:00"))?.status).toBe("spent");
  });

  it("a school with no ECFMG sponsor note budgets no couples fee (nobody pays for a step they cannot take)", () => {
    const school = { ...registered.applicant.medicalSchool, wdomsSponsorNote: false };
    // A passed Step 1 or Step 2 CK would open the gate beside a "no" (sponsor-note-evidence.ts).
    const ineligible = {
      ...notRegistered,
      applicant: { ...notRegistered.applicant, medicalSchool: school },
      milestones: notRegistered.milestones.filter((entry) => !OPENS_BESIDE_NO.includes(entry.key)),
    };
    expect(couplesFee(planInOwnMatch(ineligible, "2026-11-10T09:00:00+01:00"))).toBeUndefined();
  });
});
