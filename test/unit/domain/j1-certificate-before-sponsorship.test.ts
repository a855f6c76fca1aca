import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { Visa } from "#domain/snapshot.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  PRE_ERAS_KEYS,
} from "./factories.ts";

// ECFMG sponsors a J-1 physician only with a valid ECFMG
// certificate, yet a matched J-1 applicant's sponsorship (due mid-April) waited only for the
// contract, and the certificate's first reminder (its start-by, mid-April) came after the
// sponsorship application was due. Here: a Manila graduate of 2025, every step up to Match Day
// done (matched 19 Mar 2027), the certificate not reported, planned on Mon 29 Mar 2027, a week
// before the sponsorship application's date (Mon 5 Apr).

const calendar = seasonCalendar(2027);
const NOW = new Date("2027-03-29T01:00:00Z"); // 9:00 AM in Manila

function matchedInManila(visa: Visa) {
  return inputFactory({
    applicant: applicantFactory({
      externalId: "manila-matched",
      fullName: "Rosa Dizon",
      timezone: "Asia/Manila",
      matchYear: 2027,
      visa,
      graduation: "2025-05-31",
      medicalSchool: { name: "Manila Medical College", country: "PH", wdomsSponsorNote: true },
    }),
    milestones: [
      ...doneMilestones([...PRE_ERAS_KEYS, "nrmp_registration"]),
      milestoneFactory("rank_order_list", "done", "2027-02-05"),
      milestoneFactory("match_week", "done", "2027-03-15"),
      milestoneFactory("soap", "waived"),
      milestoneFactory("match_day", "done", "2027-03-20"),
    ],
  });
}

describe("a J-1 applicant's ECFMG sponsorship waits for the ECFMG certificate", () => {
  const result = plan(matchedInManila("J-1"), calendar, NOW);
  const sponsorship = result.blocked.find((step) => step.milestone === "j1_ecfmg_sponsorship");
  const certificate = result.nextSteps.find((step) => step.milestone === "ecfmg_certification");

  it("blocks the sponsorship (and so the DS-2019) on the certificate", () => {
    expect(sponsorship?.waitingFor).toContain("ecfmg_certification");
    expect(result.blocked.find((step) => step.milestone === "j1_ds2019")?.waitingFor).toContain(
      "j1_ecfmg_sponsorship",
    );
  });

  it("pulls the certificate's target ahead of the sponsorship application's date, with its first reminder before it", () => {
    const sponsorshipDue = Date.parse(sponsorship?.deadline?.at ?? "");
    expect(Number.isNaN(sponsorshipDue)).toBe(false);
    expect(Date.parse(certificate?.target?.at ?? "")).toBeLessThanOrEqual(sponsorshipDue);
    const first = result.reminders
      .filter((each) => each.milestone === "ecfmg_certification")
      .map((each) => Date.parse(each.sendAt))
      .sort((a, b) => a - b)[0];
    expect(first).toBeLessThan(sponsorshipDue);
    expect(certificate?.target?.source).toContain("j1_ecfmg_sponsorship");
  });

  it("says on the certificate's card that ECFMG's J-1 sponsorship needs it, and when the application is due", () => {
    expect(certificate?.action).toContain("ECFMG sponsors a J-1 physician only with a valid certificate");
    expect(certificate?.action).toContain("the sponsorship application is due Mon 5 Apr 2027");
  });

  it("leaves the H-1B applicant's certificate as it was (no J-1 words, no J-1 target)", () => {
    const h1b = plan(matchedInManila("H-1B"), calendar, NOW);
    const step = h1b.nextSteps.find((each) => each.milestone === "ecfmg_certification");
    // Its own card may name a J-1 as the route to ask about, never ECFMG's J-1 sponsorship.
    expect(step?.action).not.toContain("ECFMG sponsors a J-1 physician");
    expect(step?.target?.source ?? "").not.toContain("j1_ecfmg_sponsorship");
  });

  it("once the application's date has passed, says the J-1 waits for the certificate", () => {
    const late = plan(matchedInManila("J-1"), calendar, new Date("2027-04-09T01:00:00Z"));
    const step = late.nextSteps.find((each) => each.milestone === "ecfmg_certification");
    expect(step?.action).toContain("the sponsorship application was due Mon 5 Apr 2027");
    expect(step?.action).toContain("your J-1 waits for it");
  });

  it("sets no J-1 target a graduate-to-be could not meet (graduation and verification after it)", () => {
    const input = matchedInManila("J-1");
    input.applicant = { ...input.applicant, graduation: "2027-04-30" };
    const step = plan(input, calendar, NOW).nextSteps.find(
      (each) => each.milestone === "ecfmg_certification",
    );
    expect(step?.target).toBeUndefined();
  });
});
