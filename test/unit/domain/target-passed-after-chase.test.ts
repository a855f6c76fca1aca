import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, inputFactory } from "./factories.ts";

/**
 * A passed target's catch-up notice is held back while a follow-up of the step goes out at or
 * before its slot (the follow-up tells the same). It was judged per plan, never recorded: once
 * that follow-up had gone, the never-sent catch-up came back weeks later, at the first plan whose
 * next slot had no follow-up. A matched J-1 applicant in Cairo whose ECFMG certificate is not
 * issued past its target (the sponsor's date, 16 Apr 2027): the weekly chase goes out on 22 Apr at
 * the slot the catch-up would have taken. Once the ledger marks a chase sent, no catch-up follows.
 */
const BEFORE_MATCH = [
  "wdoms_listing",
  "ecfmg_application",
  "usmle_step1",
  "usmle_step2ck",
  "oet_medicine",
  "ecfmg_pathway",
  "eras_token",
  "eras_application",
  "nrmp_registration",
  "usce",
  "lors",
  "personal_statement",
  "cv",
  "program_list",
  "budget",
] as const;
const MATCHED: MilestoneEntry[] = [
  ...BEFORE_MATCH.map((key): MilestoneEntry => ({ key, status: "done", date: "2026-10-01" })),
  { key: "rank_order_list", status: "done", date: "2027-02-01" },
  { key: "match_week", status: "done", date: "2027-03-15" },
  { key: "soap", status: "waived" },
  { key: "match_day", status: "done", date: "2027-03-19" },
  { key: "research", status: "waived" },
  // Her sponsorship application under way, so the verdict on the J-1 chain asks for it, not for the
  // certificate it would otherwise wait on, and the certificate's own reminders carry its chase.
  { key: "j1_ecfmg_sponsorship", status: "in_progress", date: "2027-04-12" },
];
const input = inputFactory({
  applicant: applicantFactory({ timezone: "Africa/Cairo", matchYear: 2027, visa: "J-1" }),
  milestones: MATCHED,
});
const calendar = seasonCalendar(2027);
const planAt = (now: string, remindersSent?: Record<string, string>): Plan =>
  plan({ ...input, ...(remindersSent ? { remindersSent } : {}) }, calendar, new Date(now));
const ofCertificate = (result: Plan, rung: string) =>
  result.reminders.filter((r) => r.milestone === "ecfmg_certification" && r.rung === rung);
// Every instant the planner runs at after the first chase, up to the hard deadline's ladder.
const LATER = [
  "2027-04-29T07:00:00Z",
  "2027-05-13T06:00:00Z",
  "2027-05-18T05:00:00Z",
  "2027-05-27T06:00:00Z",
];

describe("a passed target's catch-up never comes after a follow-up of the step was sent", () => {
  const first = planAt("2027-04-21T08:00:00Z");
  const chase = ofCertificate(first, "after-target")[0];

  it("at sign-up the first chase takes the catch-up's slot, so the catch-up waits", () => {
    expect(chase?.sendAt).toBe("2027-04-22T07:00:00.000Z");
    expect(ofCertificate(first, "target-passed")).toEqual([]);
  });

  it("without a sent mark the catch-up comes back at a later plan (the case this rule is for)", () => {
    const back = LATER.filter((now) => ofCertificate(planAt(now), "target-passed").length > 0);
    expect(back.length).toBeGreaterThan(0);
  });

  it.each(LATER)("with the chase marked sent, a plan at %s lays no catch-up", (now) => {
    const sent = { [chase?.id as string]: chase?.sendAt as string };
    const later = planAt(now, sent);
    expect(ofCertificate(later, "target-passed")).toEqual([]);
    // The weekly chase still goes on.
    expect(ofCertificate(later, "after-target").length).toBeGreaterThan(0);
  });

  it("a mark dated after the plan's now is not known to it: the catch-up is still owed", () => {
    const sent = { [chase?.id as string]: "2027-06-01T00:00:00.000Z" };
    const owed = LATER.filter((now) => ofCertificate(planAt(now, sent), "target-passed").length > 0);
    expect(owed.length).toBeGreaterThan(0);
  });
});
