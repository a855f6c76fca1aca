import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry, MilestoneStatus } from "#domain/snapshot.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  openStepsNotStarted,
} from "./factories.ts";

/**
 * MATCH_YEAR_NOT_FEASIBLE told an applicant who had already paid the 2027
 * ERAS and NRMP fees (ERAS application done, NRMP registration done) to "pay no 2027 ERAS or NRMP
 * fee". The fee advice now fits what is done, by the budget's rule for a paid fee (fees.json
 * `spentWhen`: done): a fee already paid is not mentioned; one not yet paid keeps "pay no"; an ERAS
 * application in progress may have gone to some programs already, and every program costs its own
 * fee (AAMC's per-program fees), so it is asked to go to no more.
 * A Manila applicant for the 2027 Match with no exam done, on Sun 10 Jan 2027: out of reach.
 */
const applicant = applicantFactory({ matchYear: 2027, timezone: "Asia/Manila", graduation: "2025-05-30" });
const NOW = new Date("2027-01-10T12:00:00Z");
const early = doneMilestones(
  ["wdoms_listing", "ecfmg_application", "lors", "personal_statement", "cv", "program_list"],
  "2026-08-01",
);
const planWith = (eras: MilestoneStatus, nrmp: MilestoneStatus): Plan => {
  const milestones: MilestoneEntry[] = [
    ...early,
    milestoneFactory("eras_token", "done", "2026-06-20"),
    milestoneFactory("eras_application", eras, eras === "not_started" ? undefined : "2026-09-05"),
    milestoneFactory("nrmp_registration", nrmp, nrmp === "not_started" ? undefined : "2026-10-01"),
  ];
  return plan(
    inputFactory({ applicant, milestones: openStepsNotStarted(milestones) }),
    seasonCalendar(2027),
    NOW,
  );
};
const message = (result: Plan) =>
  result.risks.find((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE")?.message ?? "";
const CHANGE = "change your target Match year to 2028: send your intake form again with Match year 2028";

describe("MATCH_YEAR_NOT_FEASIBLE's fee advice fits the fees already paid", () => {
  it.each([
    ["not_started", "not_started", `Pay no 2027 ERAS or NRMP fee; ${CHANGE}`],
    ["not_started", "in_progress", `Pay no 2027 ERAS or NRMP fee; ${CHANGE}`],
    ["not_started", "done", `Pay no 2027 ERAS fee; ${CHANGE}`],
    [
      "in_progress",
      "not_started",
      `Pay no 2027 NRMP fee, and send your 2027 ERAS application to no more programs; ${CHANGE}`,
    ],
    ["in_progress", "done", `Send your 2027 ERAS application to no more programs; ${CHANGE}`],
    ["done", "not_started", `Pay no 2027 NRMP fee; ${CHANGE}`],
    [
      "done",
      "done",
      `Change your target Match year to 2028: send your intake form again with Match year 2028`,
    ],
  ] as const)("ERAS application %s, NRMP registration %s", (eras, nrmp, said) => {
    const text = message(planWith(eras, nrmp));
    expect(text).toContain("The 2027 Match is out of reach");
    expect(text).toContain(`. ${said}`);
  });

  it("tells no one to pay no fee already paid: both paid, no 'pay no'", () => {
    const text = message(planWith("done", "done"));
    expect(text).not.toMatch(/pay no/i);
  });
});

/**
 * The applicant who had paid the 2027 season heard nothing of it. The fees paid
 * (fees.json `spentWhen`) count for the 2027 Match only: the token and NRMP's fees are
 * non-refundable (facts.md §1, §4), no refund of ERAS application fees is known, and the 2028 Match
 * needs its own (the budget's 2028 lines). NRMP's last day for withdrawal is the rank order list
 * deadline (facts.md §2): a registered applicant is told to ask NRMP about withdrawing by then.
 */
describe("MATCH_YEAR_NOT_FEASIBLE tells an applicant who paid the season what becomes of it", () => {
  it("names the paid 2027 fees as that Match's only, not refunded, and due again for 2028", () => {
    const text = message(planWith("done", "done"));
    expect(text).toContain(
      "The 2027 fees you paid (ERAS token, ERAS applications, NRMP registration) count for the 2027 Match only",
    );
    expect(text).toContain("non-refundable");
    expect(text).toContain("Matchpath knows of no refund");
    expect(text).toContain("the 2028 Match needs its own");
    expect(text).toMatch(
      /ask NRMP about withdrawing from the 2027 Match in R3 by the rank order list deadline, [^,]+2027/,
    );
  });

  it("names only what is paid, and no withdrawal without an NRMP registration", () => {
    const text = message(planWith("done", "not_started"));
    expect(text).toContain(
      "The 2027 fees you paid (ERAS token, ERAS applications) count for the 2027 Match only",
    );
    expect(text).not.toMatch(/withdraw/i);
  });

  // "ECFMG's ERAS token fee are non-refundable"; the verb agrees with what is named.
  it.each([
    ["the token alone", "not_started", "ECFMG's ERAS token fee is non-refundable"],
    ["the token and NRMP's fees", "done", "ECFMG's ERAS token fee and NRMP's fees are non-refundable"],
  ] as const)("says %s in good grammar", (_, nrmp, said) => {
    expect(message(planWith("done", nrmp))).toContain(said);
  });

  it("cites the refund rules and NRMP's withdrawal deadline", () => {
    const risk = planWith("done", "done").risks.find((each) => each.code === "MATCH_YEAR_NOT_FEASIBLE");
    expect(risk?.sources).toEqual(
      expect.arrayContaining(["https://ecfmg.org/eras/", "http://www.nrmp.org/match-process/match-fees/"]),
    );
  });

  it("says nothing of paid fees to an applicant who paid none of the season", () => {
    const text = message(plan(inputFactory({ applicant, milestones: early }), seasonCalendar(2027), NOW));
    expect(text).not.toContain("fees you paid");
  });
});
