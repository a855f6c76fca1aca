import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { planFor } from "./advisor-road.ts";
import {
  applicantFactory,
  DONE_TO_NRMP_BUT_OET_AND_PATHWAY,
  inputFactory,
  milestoneFactory,
  openStepsNotStarted,
} from "./factories.ts";

// A Dhaka applicant for the 2027 Match (J-1; Steps 1 and 2 CK done, ERAS
// sent 24 Sep, NRMP registered, OET booked for 10 Dec 2026, Pathway not started) was told on
// 2 Dec 2026 that the 2027 Match is out of reach: her OET result (~29 Dec) came after the
// projected Pathway APPLICATION deadline (26 Dec). ECFMG's page that projection cites
// (https://ecfmg.org/certification-pathways/info-applicants.html, 2024 Match) separates the
// application deadline (Dec 31, 2023) from the deadlines "for submitting information and
// documentation in support of a 2024 Pathways application", which "have not changed" (Jan 31,
// 2024, later extended to Feb 15: https://ecfmg.org/certification-pathways/pathway-1.html); OET
// scores are such documentation (https://gp.ecfmg.org/focus/issue88.html). She can submit the
// application now and send the OET result when it arrives: ~31 Dec, before the projected
// documentation deadline, and ECFMG's review (~28 days) ends before the ROL deadline (24 Feb 2027).

const NOW = "2026-12-02T03:00:00Z";
const SENT = DONE_TO_NRMP_BUT_OET_AND_PATHWAY;

const applicant = (timezone: string, graduation: string) =>
  applicantFactory({ matchYear: 2027, timezone, visa: "J-1", graduation });
const risk = (result: Plan, code: string) => result.risks.find((r) => r.code === code);
const pathwayText = (result: Plan) => result.nextSteps.find((s) => s.milestone === "ecfmg_pathway")?.action;

describe("the Pathway application goes in now, the OET result follows as documentation", () => {
  const dhaka = (oet: MilestoneEntry) =>
    inputFactory({
      applicant: applicant("Asia/Dhaka", "2025-06-30"),
      milestones: openStepsNotStarted([...SENT.map((key) => milestoneFactory(key, "done")), oet]),
    });

  it("OET booked 10 Dec 2026 (Dhaka): the 2027 Match stays in reach, its rank list is planned", () => {
    const result = planFor(dhaka(milestoneFactory("oet_medicine", "scheduled", "2026-12-10")), NOW);
    expect(risk(result, "MATCH_YEAR_NOT_FEASIBLE")).toBeUndefined();
    expect(result.blocked.find((b) => b.milestone === "rank_order_list")?.waitingFor ?? []).not.toContain(
      "a feasible Match year (the 2028 Match)",
    );
  });

  it("OET booked 10 Dec 2026 (Dhaka): no critical risk; the Pathway's moved target is no deadline missed", () => {
    // TARGETS_SLIPPED moved the Pathway's target to 42 days after the sitting (21 Jan 2027) and
    // called it critical, "past its deadline, Sat 26 Dec 2026": the application's deadline, which
    // she meets by submitting now; completing the Pathway after it is the documents rule itself.
    const result = planFor(dhaka(milestoneFactory("oet_medicine", "scheduled", "2026-12-10")), NOW);
    expect(result.risks.filter((r) => r.severity === "critical").map((r) => r.code)).toEqual([]);
    expect(risk(result, "TARGETS_SLIPPED")?.message ?? "").not.toContain("past its deadline");
  });

  it("the Pathway step says to submit now and send the OET result when it arrives", () => {
    const result = planFor(dhaka(milestoneFactory("oet_medicine", "scheduled", "2026-12-10")), NOW);
    const text = pathwayText(result) ?? "";
    expect(text).not.toContain("once your OET result is in");
    expect(text).not.toContain("with your OET result");
    expect(text).toContain("submit the application now");
    expect(text).toContain("when it arrives");
  });

  it("OET booked 20 Jan 2027 (Manila, oetsched): judged by the same rule, an earlier sitting still makes 2027", () => {
    const result = planFor(
      inputFactory({
        applicant: applicant("Asia/Manila", "2024-06-30"),
        milestones: [
          ...SENT.map((key) => milestoneFactory(key, "done")),
          milestoneFactory("oet_medicine", "scheduled", "2027-01-20"),
        ],
      }),
      NOW,
    );
    expect(risk(result, "MATCH_YEAR_NOT_FEASIBLE")).toBeUndefined();
  });

  it("a passed projected Pathway application deadline ends the season, naming the projection and the way back", () => {
    // 28 Dec 2026: the projected application deadline (Sat 26 Dec) has passed, the OET is passed.
    // This was once a warning; the plan is for the earlier, projected
    // date: out of reach, unless ECFMG's own deadline is later and the applicant submits by it.
    const result = planFor(
      inputFactory({
        applicant: applicant("Asia/Dhaka", "2025-06-30"),
        milestones: openStepsNotStarted([
          ...SENT.map((key) => milestoneFactory(key, "done")),
          milestoneFactory("oet_medicine", "done"),
        ]),
      }),
      // Past the latest candidate too, Tue 2 Feb 2027, 9:00 PM ET: before
      // it, a Pathway not submitted keeps the Match with "submit today" (pathway-unconfirmed-deadline).
      "2027-02-04T03:00:00Z",
    );
    expect(risk(result, "PATHWAY_DEADLINE_PROJECTED")).toBeUndefined();
    const notFeasible = risk(result, "MATCH_YEAR_NOT_FEASIBLE");
    expect(notFeasible?.earliestFeasibleMatchYear).toBe(2028);
    expect(notFeasible?.message).toContain(
      // Every date we have for the Pathway deadline, the projected and the latest.
      "ECFMG's Pathway application deadline for the 2027 Match has passed on every date we have for it (projected Sat 26 Dec 2026; at the latest Tue 2 Feb 2027",
    );
    expect(notFeasible?.message).toContain(
      "ECFMG's 2027 Pathways deadlines are not yet confirmed in Matchpath's data",
    );
    expect(notFeasible?.message).toContain("tell us the day you submitted");
    expect(notFeasible?.sources?.some((s) => s.includes("info-applicants.html"))).toBe(true);
  });

  it("Pathway not submitted on 28 Dec 2026, OET passed: not 'too late to be decided', the review still fits", () => {
    const result = planFor(
      inputFactory({
        applicant: applicant("Asia/Dhaka", "2025-06-30"),
        milestones: [
          ...SENT.map((key) => milestoneFactory(key, "done")),
          milestoneFactory("oet_medicine", "done"),
        ],
      }),
      "2026-12-28T03:00:00Z",
    );
    expect(risk(result, "EXAMS_LATE_FOR_RANKING")?.message ?? "").not.toContain(
      "would not be decided in time",
    );
  });

  it("an OET result that cannot reach ECFMG and be reviewed before the ROL deadline is still out of reach", () => {
    // 10 Feb 2027, OET not booked: a sitting ~17 Feb, its result ~10 Mar, after the 24 Feb deadline.
    const result = planFor(
      inputFactory({
        applicant: applicant("Asia/Dhaka", "2025-06-30"),
        milestones: openStepsNotStarted(SENT.map((key) => milestoneFactory(key, "done"))),
      }),
      "2027-02-10T03:00:00Z",
    );
    expect(risk(result, "MATCH_YEAR_NOT_FEASIBLE")?.earliestFeasibleMatchYear).toBe(2028);
  });

  it("nothing done on 2 Dec 2026: the 2027 Match is still out of reach", () => {
    const result = planFor(
      inputFactory({ applicant: applicant("Asia/Dhaka", "2025-06-30"), milestones: [] }),
      NOW,
    );
    expect(risk(result, "MATCH_YEAR_NOT_FEASIBLE")?.earliestFeasibleMatchYear).toBeGreaterThan(2027);
  });
});
