import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * Once the 2027 Match is out of reach and the plan is dated for 2028, the out-of-reach notice says
 * what 2027 would have taken as information, never as things to do: no day to book an OET session
 * by, no "earlier" seat than the one she holds (which the OET card says counts for 2028), no order
 * to study from today while the next steps aim at the 2028 dates, and with no sponsor note nothing
 * pushed to pay beside "pay no further fee until then".
 */
const DIR = new URL("../../fixtures/out-of-reach-moved-plan/", import.meta.url).pathname;

const notice = (result: Plan): string =>
  result.risks.find((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE")?.message ?? "";
const card = (result: Plan, key: string): string =>
  result.nextSteps.find((step) => step.milestone === key)?.action ?? "";

/** Words that would have the applicant book, find a seat or pay for the Match out of reach. */
const ORDERS = [
  /booked by about/,
  /earlier than your sitting/,
  /any seat you can find/,
  /check OET's session calendar/,
  /studying from today/,
  /Pass OET Medicine:/,
  /Pass USMLE Step 1:/,
];

describe("an applicant whose OET is booked after 2027's last sitting day, moved to the 2028 Match", () => {
  for (const file of ["lagos-oet-after-last-day.json", "lagos-oet-after-last-day-no-note.json"])
    it(`${file}: the notice says what 2027 would have taken, for information, and names her sitting as after it`, () => {
      const result = planInOwnMatch(readSnapshot(DIR, file), "2026-12-07T12:00:00Z");
      const said = notice(result);
      expect(said).toContain("The earliest feasible Match is 2028");
      expect(said).toContain(
        "What the 2027 Match would have taken, for information only (not steps to take now):",
      );
      expect(said).toContain(
        "OET Medicine: an OET session on or before Tue 5 Jan 2027 (our advice), its last sitting day for that Match (your sitting on Sat 16 Jan 2027 is after it)",
      );
      for (const order of ORDERS) expect(said).not.toMatch(order);
      expect(said).not.toContain("What it would take");
    });

  it("the OET card beside it keeps her sitting for the 2028 Match", () => {
    const result = planInOwnMatch(readSnapshot(DIR, "lagos-oet-after-last-day.json"), "2026-12-07T12:00:00Z");
    expect(card(result, "oet_medicine")).toContain("This sitting counts for the 2028 Match");
  });
});

describe("an applicant with nothing done, moved to the 2028 Match", () => {
  it("the notice counts the 2027 pace as information, never 'studying from today' as an order", () => {
    const result = planInOwnMatch(readSnapshot(DIR, "honolulu-nothing-done.json"), "2026-11-24T23:00:00Z");
    const said = notice(result);
    expect(said).toContain("USMLE Step 1: about 120 days of preparation");
    expect(said).toContain("(counting study from today, sat around Wed 24 Mar 2027");
    expect(said).toContain("OET Medicine: an OET session within about 20 days (sessions are on fixed dates)");
    for (const order of ORDERS) expect(said).not.toMatch(order);
  });
});

describe("a sponsor note answered 'no' beside an ERAS interview for the 2027 Match", () => {
  const NOW = "2026-12-07T12:00:00Z";
  for (const file of ["lagos-no-note-interview.json", "lagos-no-note-interview-oet.json"])
    it(`${file}: one verdict, the question first; the Match is not written off on the answer asked about`, () => {
      const result = planInOwnMatch(readSnapshot(DIR, file), NOW);
      const codes = result.risks.map((risk) => risk.code);
      expect(codes[0]).toBe("ANSWERS_CONTRADICT_INTERVIEW");
      expect(codes).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
      expect(result.matchYear).toBe(2027);
      const question = result.risks[0]?.message ?? "";
      // What each answer changes.
      expect(question).toContain("If the note is there, change your answer: NRMP's late registration closes");
      expect(question).toContain(
        "If there is truly no note for your graduation year, ECFMG cannot certify you, so you cannot match in 2027, nor later until your school obtains the note",
      );
      for (const risk of result.risks)
        expect(risk.message).not.toMatch(/Pay no 2027 ERAS or NRMP fee|target Match year to 2028/);
      // The interview, in a Match the plan keeps, keeps its reminders.
      expect(result.reminders.some((each) => each.rung === "interview-prep-1d")).toBe(true);
      // The steps stay held as answered: nothing that needs ECFMG is a next step.
      expect(result.nextSteps.map((step) => step.milestone)).not.toContain("nrmp_registration");
    });
});

describe("a sponsor note answered 'no' beside an interview, the Match out of reach even if the note is there", () => {
  it("OET not started on 20 Jan 2027: the question pushes no NRMP registration beside the out-of-reach verdict", () => {
    const snapshot = readSnapshot(DIR, "lagos-no-note-interview.json");
    const input = {
      ...snapshot,
      milestones: [...snapshot.milestones, { key: "oet_medicine" as const, status: "not_started" as const }],
    };
    const result = planInOwnMatch(input, "2027-01-20T12:00:00Z");
    const codes = result.risks.map((risk) => risk.code);
    expect(codes[0]).toBe("ANSWERS_CONTRADICT_INTERVIEW");
    expect(codes).toContain("MATCH_YEAR_NOT_FEASIBLE");
    const question = result.risks[0]?.message ?? "";
    expect(question).toContain(
      "If the note is there, change your answer, and your plan shows the steps it now holds back.",
    );
    expect(question).not.toContain("late registration");
  });
});
