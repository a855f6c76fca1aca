import { describe, expect, it } from "vitest";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { REGISTERED_KEYS } from "./factories.ts";
import { planInOwnMatch } from "./fixture-snapshots.ts";

/**
 * A matched applicant who needs no visa (a US citizen or permanent resident: `visa: "none"`), the
 * contract not signed past the day orientation needs it. Her chain after the Match is the contract
 * alone, yet its critical notice read "Your visa steps are behind: you cannot start residency
 * without the visa" and the card asked the GME office "which visa steps come next". Sara (Phoenix,
 * 2027 Match, matched on Fri 19 Mar) is our own applicant.
 */
/** Registered for the Match (REGISTERED_KEYS), the budget and the certificate done too. */
const DONE_BEFORE_MATCH = [...REGISTERED_KEYS, "budget", "ecfmg_certification"] as const;

const sara = ApplicantSnapshotSchema.parse({
  type: "applicant.snapshot",
  submissionId: "no-visa-sara-1",
  applicant: {
    externalId: "no-visa-sara",
    email: "sara@example.org",
    fullName: "Sara Whitfield",
    timezone: "America/Phoenix",
    matchYear: 2027,
    specialties: ["Family Medicine"],
    visa: "none",
    graduation: "2025-06-15",
    medicalSchool: { name: "Caribbean Example School of Medicine", country: "DM", wdomsSponsorNote: true },
    programsPlanned: 80,
  },
  milestones: [
    ...DONE_BEFORE_MATCH.map((key) => ({ key, status: "done" as const, date: "2026-08-01" })),
    { key: "rank_order_list", status: "done", date: "2027-02-10" },
    { key: "soap", status: "waived" },
    { key: "match_week", status: "done", date: "2027-03-15" },
    { key: "match_day", status: "done", date: "2027-03-19" },
  ],
});

describe("no visa needed: a contract behind speaks of the contract, never of visa steps", () => {
  const result = planInOwnMatch(sara, "2027-06-17T15:30:00Z");

  it("the critical risk and its notice name the contract", () => {
    const risk = result.risks.find((each) => each.code === "VISA_NOT_READY_FOR_START");
    expect(risk?.message).toMatch(/^Your contract is behind for residency starting Thu 1 Jul 2027/);
    expect(risk?.message).not.toContain("visa");
    const notice = result.reminders.find((each) => each.rung === "critical-risk");
    expect(notice?.title).toBe("Your contract is not signed: you cannot start residency without it");
  });

  it("the overdue card asks what orientation needs, not which visa steps come next", () => {
    const card = result.nextSteps.find((each) => each.milestone === "contract")?.action ?? "";
    expect(card).toContain("what it needs from you before orientation");
    expect(card).not.toContain("visa");
  });

  it("the weekly chase says what the start needs, the contract, never a visa", () => {
    const chases = result.reminders.filter(
      (each) => each.milestone === "contract" && each.rung !== "critical-risk",
    );
    expect(chases.length).toBeGreaterThan(0);
    for (const chase of chases) {
      expect(chase.why).toContain("your contract must be signed before residency starts");
      expect(chase.why).not.toMatch(/visa/i);
    }
  });
});
