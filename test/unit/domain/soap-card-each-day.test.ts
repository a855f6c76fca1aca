import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, doneMilestones, milestoneFactory } from "./factories.ts";

/**
 * SOAP's card for an applicant who has not told us Monday's result speaks in its own day's tense
 * through Match Week: "send your applications through ERAS on Monday" was still on Tuesday's and
 * Wednesday's emails. Monday: as soon as ERAS opens for SOAP; Tuesday and Wednesday: now, programs
 * reading since Tuesday morning; Thursday: the last day's rounds. Each day names the one-tap answer.
 * A São Paulo applicant of the 2027 Match, list certified.
 */
const calendar = seasonCalendar(2027);
const milestones: MilestoneEntry[] = [
  ...doneMilestones(
    ["wdoms_listing", "ecfmg_application", "usmle_step1", "usmle_step2ck", "oet_medicine", "ecfmg_pathway"],
    "2026-03-01",
  ),
  ...(["eras_application", "nrmp_registration"] as const).map((key) =>
    milestoneFactory(key, "done", "2026-09-20"),
  ),
  milestoneFactory("rank_order_list", "done", "2027-02-10"),
];
const applicant = applicantFactory({ timezone: "America/Sao_Paulo", matchYear: 2027 });
const soapAt = (now: string) =>
  plan({ applicant, milestones, interviews: [] }, calendar, new Date(now)).nextSteps.find(
    (step) => step.milestone === "soap",
  )?.action ?? "";

describe("SOAP's card on each day of Match Week, Monday's result not told", () => {
  it.each([
    [
      "Monday, after the release",
      "2027-03-15T16:00:00Z",
      "as soon as ERAS opens for SOAP",
      "programs start reading them at 9:00 AM ET tomorrow, Tue 16 Mar (projected) (10:00 AM your time)",
    ],
    [
      "Tuesday",
      "2027-03-16T13:00:00Z",
      "Send your applications through ERAS now",
      "programs have been reading them since Tuesday morning",
    ],
    [
      "Wednesday",
      "2027-03-17T13:00:00Z",
      "Send your applications through ERAS now",
      "programs have been reading them since Tuesday morning",
    ],
    [
      "Thursday, SOAP's last day",
      "2027-03-18T13:00:00Z",
      "SOAP's last day",
      "an application sent now is unlikely to lead to an offer",
    ],
  ])("%s: in that day's tense, with the one-tap answer", (_day, now, send, reading) => {
    const action = soapAt(now);
    expect(action).toContain(send);
    expect(action).toContain(reading);
    expect(action).toContain("tap Not matched: I'm in SOAP");
    expect(action).not.toContain("on Monday to programs");
    expect(action).not.toContain("You are in SOAP");
    // Their button is "Not matched: I'm in SOAP", not a status to set.
    expect(action).not.toContain("in progress");
  });
});
