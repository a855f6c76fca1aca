import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * An applicant in Dhaka with no certified list who reports SOAP in progress on Match Week's Monday
 * while her NRMP registration still reads "not started" (an answer not updated). Only a registered
 * applicant can take part in SOAP, so the two answers disagree, as a certified list beside the same
 * gap does: the plan counts her registered and asks which is right, keeping SOAP and its round
 * reminders this week, instead of reading "never registered" and moving her to the 2028 Match in
 * the middle of SOAP. Before Monday, SOAP in progress means preparing and implies nothing.
 */
const FIXTURES = new URL("../../fixtures/season-over-silence/", import.meta.url).pathname;
const base = readSnapshot(FIXTURES, "no-list-registered-dhaka.json");
const withAnswers = (nrmp: "done" | "not_started"): ApplicantSnapshot => ({
  ...base,
  milestones: [
    ...base.milestones.filter((entry) => entry.key !== "nrmp_registration"),
    nrmp === "done"
      ? { key: "nrmp_registration", status: "done", date: "2026-10-05" }
      : { key: "nrmp_registration", status: "not_started" },
    { key: "soap", status: "in_progress", date: "2027-03-15" },
  ],
});
const codes = (result: Plan) => result.risks.map((risk) => risk.code);
const soapRungs = (result: Plan) =>
  result.reminders.filter((reminder) => reminder.milestone === "soap").map((reminder) => reminder.rung);

describe("SOAP under way beside NRMP registration answered not started", () => {
  it("on Match Week's Tuesday: SOAP and its rounds stay, and the answers are asked about", () => {
    const now = "2027-03-16T10:00:00+06:00";
    const gap = planInOwnMatch(withAnswers("not_started"), now);
    const registered = planInOwnMatch(withAnswers("done"), now);
    expect(codes(gap)).not.toContain("NRMP_REGISTRATION_CLOSED");
    expect(gap.nextSteps.find((step) => step.milestone === "soap")?.action).toBe(
      registered.nextSteps.find((step) => step.milestone === "soap")?.action,
    );
    expect(soapRungs(gap)).toEqual(soapRungs(registered));
    expect(soapRungs(gap).length).toBeGreaterThan(0);
    const asked = gap.risks.find((risk) => risk.code === "DONE_DATES_OUT_OF_ORDER");
    expect(asked?.message).toContain("Your answers mark SOAP in progress since Mon 15 Mar 2027");
    expect(asked?.message).toContain("your NRMP registration is not started, though SOAP needs it first");
    expect(asked?.message).not.toContain("rank order list");
  });

  it("the week before, SOAP in progress is preparing: it says nothing of the registration", () => {
    const result = planInOwnMatch(withAnswers("not_started"), "2027-03-10T10:00:00+06:00");
    const asked = result.risks.find((risk) => risk.code === "DONE_DATES_OUT_OF_ORDER");
    expect(asked?.message ?? "").not.toContain("SOAP");
  });
});
