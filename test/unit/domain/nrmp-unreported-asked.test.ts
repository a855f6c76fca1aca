import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory, interviewFactory } from "./factories.ts";

/**
 * An applicant whose interview counts for the Match and
 * who never reported NRMP registration is asked, not told they are unregistered. A reported
 * not_started keeps the words that say so.
 */
const calendar = seasonCalendar(2027);
const NOW = new Date("2026-12-21T06:30:00Z");

function planWith(reported: boolean): Plan {
  return plan(
    inputFactory({
      applicant: applicantFactory({ timezone: "America/Denver", matchYear: 2027, graduation: "2024-06-30" }),
      milestones: reported ? [{ key: "nrmp_registration", status: "not_started" }] : [],
      interviews: [interviewFactory({ id: "iv-a", startsAt: "2027-01-14T10:00:00-05:00" })],
    }),
    calendar,
    NOW,
  );
}
const risk = (result: Plan) => result.risks.find((each) => each.code === "NRMP_LATE_FEE");
const card = (result: Plan) => result.nextSteps.find((each) => each.milestone === "nrmp_registration");

describe("NRMP registration never reported, interviewing", () => {
  const asked = planWith(false);
  it("the risk asks, at the same level, and never says they are not registered", () => {
    expect(risk(asked)?.severity).toBe("critical");
    expect(risk(asked)?.message).toContain(
      "If you have not registered with NRMP yet, register in R3 now (after Mon 30 Nov 2026",
    );
    expect(risk(asked)?.message).toContain(
      "you cannot certify a rank order list until you are. If you already registered, mark it done.",
    );
    expect(risk(asked)?.message).not.toContain("are not registered");
  });
  it("the card asks too", () => {
    expect(card(asked)?.action).toMatch(
      /^If you have not registered with NRMP yet, register in R3 now \(after Mon 30 Nov 2026/,
    );
    expect(card(asked)?.action).toContain("If you already registered, mark it done.");
  });
  it("keeps the reminders", () => {
    const reminders = asked.reminders.filter((each) => each.milestone === "nrmp_registration");
    expect(reminders.length).toBeGreaterThan(5);
  });
  it("a reported not_started keeps today's words", () => {
    const told = planWith(true);
    expect(risk(told)?.message).toContain("are not registered with NRMP: register in R3 now");
    expect(card(told)?.action).toMatch(/^The early registration deadline has passed/);
  });
});
