import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * Two Match Week answer pairs an advisor reads differently from a contradiction:
 * 1. "Matched" beside SOAP in progress (or an accepted SOAP offer): NRMP calls an applicant matched
 *    to an advanced PGY-2 position only (or a PGY-1 position only) partially matched and lets them
 *    take part in SOAP for the other year. The plan reads it so, keeps SOAP and the matched
 *    position's contract and visa steps, and never tells them to leave SOAP.
 * 2. "Not matched, in SOAP" beside a contract left marked done from an earlier "Matched": the
 *    contract does not count until the applicant says which is right, so no sponsorship fee is
 *    pushed, and SOAP's outcome question and the move to the next Match stay as without it.
 * Each in Cairo or Kolkata and in the far zones (Auckland, Honolulu), at several instants.
 */
const FIXTURES = new URL("../../fixtures/partial-match/", import.meta.url).pathname;
const snapshot = (file: string): ApplicantSnapshot => readSnapshot(FIXTURES, file);
const codes = (result: Plan) => result.risks.map((risk) => risk.code);
const step = (result: Plan, key: string) => result.nextSteps.find((each) => each.milestone === key);
const conflictOf = (result: Plan) => result.risks.find((risk) => risk.code === "MATCH_WEEK_SOAP_CONFLICT");
const inZone = (applicant: ApplicantSnapshot, timezone: string): ApplicantSnapshot => ({
  ...applicant,
  applicant: { ...applicant.applicant, timezone },
});
/**
 * `applicant` with its Match Week and SOAP answers dated `day`: NRMP's Monday release is Tuesday
 * already in Auckland, where a Monday date is refused as told before NRMP could tell it.
 */
const answeredOn = (applicant: ApplicantSnapshot, day: string): ApplicantSnapshot => ({
  ...applicant,
  milestones: applicant.milestones.map((entry) =>
    entry.key === "match_week" || entry.key === "soap" ? { ...entry, date: day } : entry,
  ),
});
/** 09:00 local on `day` in each zone, as the testers planned. */
const ZONES = [
  { zone: "Africa/Cairo", offset: "+02:00" },
  { zone: "Pacific/Auckland", offset: "+13:00" },
  { zone: "Pacific/Honolulu", offset: "-10:00" },
] as const;
const CONTRACTS_AND_VISA = [
  "contract",
  "j1_statement_of_need",
  "j1_ecfmg_sponsorship",
  "j1_ds2019",
  "visa_j1",
];

describe("matched to an advanced position only, in SOAP for the first year (Arjun)", () => {
  const arjun = answeredOn(snapshot("partial-match-cairo.json"), "2027-03-16");

  for (const { zone, offset } of ZONES) {
    it(`on SOAP's Tuesday in ${zone}: SOAP planned for the year the match lacks, never "leave SOAP"`, () => {
      const result = planInOwnMatch(inZone(arjun, zone), `2027-03-16T09:00:00${offset}`);
      const risk = conflictOf(result);
      expect(risk?.message).toContain("so this plan reads a partial match");
      expect(risk?.message).toContain("Take part in SOAP now for the year your match lacks");
      expect(risk?.message).toContain("ask NRMP to waive your commitment to the advanced program");
      expect(risk?.message).not.toContain("both cannot be right");
      expect(risk?.message).not.toMatch(/^[^.]*If you matched, tap “Not for me”/);
      const soap = step(result, "soap");
      expect(soap?.title).toBe("SOAP: find the year your partial match lacks");
      expect(soap?.action).toContain("take part in SOAP now for the year your match lacks");
      // The notice rides on SOAP's card with its date: card, risk and email say one day.
      const notice = result.reminders.find((each) => each.risk === "MATCH_WEEK_SOAP_CONFLICT");
      expect(notice?.milestone).toBe("soap");
      expect(notice?.title).toBe(
        "Matched and in SOAP: a partial match? Take part in SOAP now for the year your match lacks",
      );
      expect(notice?.deadline).toBe(soap?.deadline?.at);
      // The matched position's contract and visa steps stay planned.
      expect(result.blocked.map((each) => each.milestone)).toEqual(
        expect.arrayContaining(CONTRACTS_AND_VISA),
      );
    });
  }

  it("after the contract's date: still a partial match, not moved to the next Match", () => {
    const result = planInOwnMatch(arjun, "2027-04-05T09:00:00+02:00");
    const message = conflictOf(result)?.message;
    expect(message).toContain("so this plan reads a partial match");
    // SOAP is over: what it left to do, never "take part now" nor a SOAP button gone with its card.
    expect(message).toContain("SOAP ended on Thu 18 Mar 2027, 5:00 PM ET (projected)");
    expect(message).not.toContain("Take part in SOAP now");
    expect(message).toContain("send your intake form again with the right Match Week and SOAP answers");
    expect(codes(result)).not.toContain("SOAP_OUTCOME_UNREPORTED");
    expect(JSON.stringify(result)).not.toContain("both cannot be right");
  });

  it("a first-year position accepted in SOAP: two binding positions, both contracts, no contradiction", () => {
    // Match Week on Tuesday, the offer accepted on Thursday: dates every zone allows.
    const accepted = answeredOn(snapshot("partial-match-prelim-accepted-cairo.json"), "2027-03-18");
    for (const { zone, offset } of ZONES) {
      const result = planInOwnMatch(inZone(accepted, zone), `2027-03-18T09:00:00${offset}`);
      const risk = conflictOf(result);
      expect(risk?.message, zone).toContain("so this plan reads a partial match completed in SOAP");
      expect(risk?.message, zone).toContain("sign each program's contract");
      expect(risk?.message, zone).not.toContain("both cannot be right");
      expect(
        result.nextSteps.map((each) => each.milestone),
        zone,
      ).toContain("contract");
    }
  });
});

describe("a contract left marked done after changing the answer to 'not matched, in SOAP' (Arjun)", () => {
  const arjun = snapshot("unmatched-after-contract-kolkata.json");
  const withoutContract: ApplicantSnapshot = {
    ...arjun,
    milestones: arjun.milestones.filter((entry) => entry.key !== "contract"),
  };
  const KOLKATA = { zone: "Asia/Kolkata", offset: "+05:30" } as const;

  for (const { zone, offset } of [KOLKATA, ...ZONES.slice(1)]) {
    it(`on SOAP's Thursday in ${zone}: asked which is right, no sponsorship pushed, SOAP's outcome still asked`, () => {
      const now = `2027-03-18T09:00:00${offset}`;
      const result = planInOwnMatch(inZone(arjun, zone), now);
      const risk = conflictOf(result);
      expect(risk?.message).toContain("yet you marked your program contract done");
      expect(risk?.message).toContain("which is right?");
      expect(risk?.message).toContain("If you matched, fully or partially");
      const pushed = result.nextSteps.map((each) => each.milestone);
      expect(pushed).not.toContain("j1_ecfmg_sponsorship");
      expect(pushed).not.toContain("j1_statement_of_need");
      expect(result.reminders.map((each) => each.milestone)).not.toContain("j1_ecfmg_sponsorship");
      expect(step(result, "match_day")?.title).toBe("Match Day: tell us once you accept a SOAP offer");
      const notice = result.reminders.find((each) => each.risk === "MATCH_WEEK_SOAP_CONFLICT");
      expect(notice?.title).toBe(
        "You told us you are in SOAP, yet marked your contract: which is right? Tell us now",
      );
      // Apart from the question, the plan the same answers make without the contract.
      const plain = planInOwnMatch(inZone(withoutContract, zone), now);
      expect(result.nextSteps).toEqual(plain.nextSteps);
      expect(result.blocked).toEqual(plain.blocked);
      // The same reminders, for the same dates (the notice may carry one into its email, earlier).
      const laid = (plan: Plan) =>
        plan.reminders
          .filter((each) => each.risk === undefined)
          .map((each) => [each.milestone, each.rung, each.deadline]);
      expect(laid(result)).toEqual(laid(plain));
    });
  }

  it("after SOAP's end: an accepted offer is told on Match Day, whose step asks for it", () => {
    const result = planInOwnMatch(arjun, "2027-03-25T09:00:00+05:30");
    expect(conflictOf(result)?.message).toContain("If you accepted a SOAP offer, mark Match Day done");
    expect(step(result, "match_day")?.title).toBe("Match Day: tell us whether you accepted a SOAP offer");
  });

  it("past the contract's date: the next Match is planned, as without the contract; no delayed start in July", () => {
    const april = planInOwnMatch(arjun, "2027-04-03T09:00:00+05:30");
    const moved = april.risks.find((risk) => risk.code === "SOAP_OUTCOME_UNREPORTED");
    expect(moved?.earliestFeasibleMatchYear).toBe(2028);
    const july = planInOwnMatch(arjun, "2027-07-05T09:00:00+05:30");
    expect(codes(july)).not.toContain("START_DELAYED");
    expect(codes(july)).not.toContain("VISA_STEP_LATE");
  });

  it("control: with the SOAP offer accepted, the contract is the position and the visa steps go on", () => {
    const accepted: ApplicantSnapshot = {
      ...arjun,
      milestones: arjun.milestones.map((entry) =>
        entry.key === "soap" ? { key: "soap", status: "done", date: "2027-03-17" } : entry,
      ),
    };
    const result = planInOwnMatch(accepted, "2027-03-18T09:00:00+05:30");
    expect(codes(result)).not.toContain("MATCH_WEEK_SOAP_CONFLICT");
    expect(result.nextSteps.map((each) => each.milestone)).toContain("j1_ecfmg_sponsorship");
  });
});
