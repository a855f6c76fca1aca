import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * An applicant in Karachi, registered with NRMP, every exam and the Pathway done, whose list is not
 * certified when the projected 2027 rank order list deadline passes (Wed 24 Feb 2027, 9:00 PM ET).
 * SEASON_OVER then says the Match is over unless NRMP's deadline turns out later (its later
 * candidate, Wed 3 Mar 2027, 9:00 PM ET): check R3 now. A critical risk that asks for an action now
 * sends one notice at once, SOAP open or not, due by that candidate, its subject naming SOAP as
 * still open; once it passes, SOAP's own step speaks and no such notice is made.
 */
const karachi = inputFactory({
  applicant: applicantFactory({
    externalId: "unless-later-khi",
    timezone: "Asia/Karachi",
    matchYear: 2027,
    graduation: "2025-06-30",
    medicalSchool: { name: "Example Medical College", country: "PK", wdomsSponsorNote: true },
  }),
  milestones: [
    ...doneMilestones(["wdoms_listing", "ecfmg_application", "usmle_step1", "usmle_step2ck", "oet_medicine"]),
    milestoneFactory("ecfmg_pathway", "done", "2026-09-12"),
    milestoneFactory("eras_application", "done", "2026-09-22"),
    milestoneFactory("nrmp_registration", "done", "2026-10-06"),
  ],
});
const planAt = (now: string): Plan => plan(karachi, seasonCalendar(2027), new Date(now));
const notice = (result: Plan) =>
  result.reminders.find((each) => each.risk === "SEASON_OVER" && each.rung === "critical-risk");

describe("SEASON_OVER while NRMP's later deadline may still be open", () => {
  it("three hours after the projected deadline: one notice at the next delivery slot, asking to check R3, due by the later candidate", () => {
    const now = "2027-02-25T05:00:00.000Z";
    const result = planAt(now);
    expect(result.risks.find((risk) => risk.code === "SEASON_OVER")?.message).toContain("check R3");
    const sent = notice(result);
    expect(sent?.milestone).toBe("rank_order_list");
    // The later candidate is a week away: the next morning's slot (09:00 Karachi).
    expect(sent?.sendAt).toBe("2027-02-26T04:00:00.000Z");
    // Registered, so SOAP is part of what is still open: the subject says so, as the words do,
    // never "the 2027 Match is over for you" above words that say SOAP is still open.
    expect(result.risks.find((risk) => risk.code === "SEASON_OVER")?.message).toContain("SOAP in Match Week");
    expect(sent?.title).toBe(
      "No certified rank order list by the projected deadline: check R3 now, NRMP's may be later, and SOAP in Match Week is still open to you if R3 shows you eligible",
    );
    expect(sent?.deadline).toBe("2027-03-04T02:00:00.000Z");
    expect(sent?.deadlineDetail).toMatchObject({ et: "Wed 3 Mar 2027, 9:00 PM ET", basis: "projected" });
  });

  it("past the later candidate, SOAP still ahead: no notice, SOAP's step speaks", () => {
    expect(notice(planAt("2027-03-05T05:00:00.000Z"))).toBeUndefined();
  });
});
