import { describe, expect, it } from "vitest";
import { riskForAdvisor } from "#domain/console/advisor-voice.ts";
import { laterPlannedMatchYear, matchYearHeading } from "#domain/match-year-heading.ts";
import type { Plan } from "#domain/plan.ts";
import { riskTitle } from "#usecases/escalation.ts";
import { planInOwnMatch, readSnapshot } from "../domain/fixture-snapshots.ts";

/**
 * Nadia Rahman (Dhaka, J-1, 2027 Match) never certifies a rank order list. Registered with NRMP, she
 * never answers SOAP; a second reading of her is not registered. The 2027 Match, all projected: the
 * rank order list deadline is Wed 24 Feb 2027, 9:00 PM ET, its later candidate Wed 3 Mar 2027,
 * 9:00 PM ET; SOAP runs Mon 15 to Thu 18 Mar 2027, 5:00 PM ET; the plan gives the contract Fri 2 Apr
 * 2027 (Match Day + 14 days, advice); residency starts Thu 1 Jul 2027.
 */
const FIXTURES = new URL("../../fixtures/season-over-silence/", import.meta.url).pathname;
const registered = readSnapshot(FIXTURES, "no-list-registered-dhaka.json");
const unregistered = readSnapshot(FIXTURES, "no-list-unregistered-dhaka.json");
const ABOUT = { fullName: "Nadia Rahman", matchYear: 2027, visa: "J-1" } as const;

const risk = (result: Plan, code: string) => result.risks.find((each) => each.code === code);
/** The advisor's heading and first sentence for SEASON_OVER, as the escalation and the digest word them. */
function advisorReads(result: Plan): { title: string; first: string } {
  const seasonOver = risk(result, "SEASON_OVER");
  if (seasonOver === undefined) throw new Error("no SEASON_OVER in this plan");
  const voice = riskForAdvisor(seasonOver, ABOUT);
  return { title: riskTitle(seasonOver, result), first: voice.slice(0, voice.indexOf(" What ")) };
}

describe("the advisor's SEASON_OVER heading fits what is still open", () => {
  it.each([
    [
      "registered, the day after the projected deadline: a later NRMP deadline and SOAP are open",
      registered,
      "2027-02-26T09:00:00+06:00",
      "No certified rank order list by the projected deadline: NRMP's may be later, and SOAP is still open if R3 allows",
      "Nadia Rahman has no certified rank order list by our projected 2027 deadline: NRMP's deadline may be later than our projection, so R3 may still take a list, and SOAP in Match Week is still open to them if R3 shows them eligible.",
    ],
    [
      "registered, past the later candidate, before SOAP: only SOAP is open",
      registered,
      "2027-03-10T09:00:00+06:00",
      "No certified rank order list: the Match itself is closed, SOAP is still open if R3 allows",
      "Nadia Rahman has no certified rank order list, so cannot match in the 2027 Match itself; SOAP in Match Week is still open to them if R3 shows them eligible.",
    ],
    [
      "not registered, the day after the projected deadline: only a later NRMP deadline is open",
      unregistered,
      "2027-02-26T09:00:00+06:00",
      "No certified rank order list by the projected deadline: NRMP's may be later, check R3",
      "Nadia Rahman has no certified rank order list by our projected 2027 deadline: NRMP's deadline may be later than our projection, so R3 may still take a list.",
    ],
  ])("%s", (_name, snapshot, now, title, first) => {
    const result = planInOwnMatch(snapshot, now);
    expect(risk(result, "SEASON_OVER")?.severity).toBe("critical");
    expect(advisorReads(result)).toEqual({ title, first });
  });

  it("not registered, past the later candidate: no SEASON_OVER, the move to the 2028 Match, told the advisor once", () => {
    const result = planInOwnMatch(unregistered, "2027-03-10T09:00:00+06:00");
    expect(risk(result, "SEASON_OVER")).toBeUndefined();
    const moved = risk(result, "NRMP_REGISTRATION_CLOSED");
    expect(moved?.severity).toBe("critical");
    expect(laterPlannedMatchYear(result)).toBe(2028);
    expect(riskTitle(moved as NonNullable<typeof moved>, result)).toBe(
      "Never registered with NRMP before late registration closed: the next Match planned",
    );
    expect(riskForAdvisor(moved as NonNullable<typeof moved>, ABOUT)).toMatch(
      /^Nadia Rahman never registered with NRMP for the 2027 Match, and late registration closed with its rank order list deadline: neither that Match nor its SOAP is open to them, so the plan now plans the next Match\./,
    );
  });
});

describe("registered, SOAP never answered: once the contract's day passes, the next Match is planned", () => {
  it("the day after: the 2028 Match's steps, the move told at once, the way back named", () => {
    const result = planInOwnMatch(registered, "2027-04-03T09:00:00+06:00");
    expect(laterPlannedMatchYear(result)).toBe(2028);
    expect(matchYearHeading(result)).toBe(
      "2027 Match (no SOAP position reported: planned for the 2028 Match)",
    );
    expect(result.overdue).toEqual([]);
    expect(result.nextSteps.map((step) => step.milestone)).toContain("eras_token");
    expect(risk(result, "SEASON_OVER")).toBeUndefined();
    const standing = risk(result, "SOAP_OUTCOME_UNREPORTED");
    expect(standing?.severity).toBe("critical");
    expect(standing?.message).toContain(
      "without a certified list, leaving SOAP your only way into that Match",
    );
    expect(standing?.message).toContain("If you accepted a SOAP position, mark SOAP done");
    // The advisor is not told she took part in SOAP: she never said.
    expect(riskForAdvisor(standing ?? { code: "SOAP_OUTCOME_UNREPORTED", message: "" }, ABOUT)).toMatch(
      /^Nadia Rahman did not match in the 2027 Match \(told us so in Match Week, or certified no rank order list\)/,
    );
    const notices = result.reminders.filter((each) => each.risk === "SOAP_OUTCOME_UNREPORTED");
    expect(notices.map((each) => each.sendAtLocal)).toEqual(["2027-04-03T09:00:00.000+06:00"]);
  });

  it("after residency's start: still the 2028 Match, a warning, no notice again", () => {
    const result = planInOwnMatch(registered, "2027-07-02T09:00:00+06:00");
    expect(laterPlannedMatchYear(result)).toBe(2028);
    expect(risk(result, "SOAP_OUTCOME_UNREPORTED")?.severity).toBe("warning");
    expect(result.reminders.some((each) => each.risk === "SOAP_OUTCOME_UNREPORTED")).toBe(false);
    expect(result.reminders.some((each) => each.milestone === "eras_token")).toBe(true);
  });
});
