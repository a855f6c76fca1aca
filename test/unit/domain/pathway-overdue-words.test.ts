import { describe, expect, it } from "vitest";
import { planFor } from "./advisor-road.ts";
import {
  applicantFactory,
  DONE_TO_NRMP_BUT_OET_AND_PATHWAY,
  inputFactory,
  milestoneFactory,
  openStepsNotStarted,
} from "./factories.ts";

// A Lagos applicant (OET sat 12 Dec 2026, result pending, Pathway not
// started) read on 10 Jan 2027 "submit the application now, before its deadline" on a Pathway step
// marked overdue, its projected deadline (26 Dec 2026) passed. The step's words must fit its status.

const DONE = DONE_TO_NRMP_BUT_OET_AND_PATHWAY;

describe("the Pathway's words while the OET result is pending", () => {
  const input = inputFactory({
    applicant: applicantFactory({
      matchYear: 2027,
      timezone: "Africa/Lagos",
      visa: "J-1",
      graduation: "2024-07-30",
    }),
    milestones: openStepsNotStarted([
      ...DONE.map((key) => milestoneFactory(key, "done")),
      milestoneFactory("oet_medicine", "scheduled", "2026-12-12"),
    ]),
  });

  it("past its projected deadline, the step does not say 'before its deadline'", () => {
    const step = planFor(input, "2027-02-04T12:00:00Z").nextSteps.find(
      (s) => s.milestone === "ecfmg_pathway",
    );
    // A Pathway not submitted by its projected deadline ends the 2027 season: the step is
    // the 2028 Match's, "too late for the 2027 Match" (missedDeadline), and names the passed deadline
    // rather than "submit the application now".
    expect(step?.missedDeadline?.local).toBe("Sat 26 Dec 2026, end of the day (midnight GMT+1)");
    expect(step?.matchYears).toEqual({ missed: 2027, due: 2028 });
    expect(step?.action).toContain("Sat 26 Dec 2026 (projected), has passed");
    expect(step?.action).not.toContain("before its deadline");
  });
});

// A Lagos applicant with the OET not started on 2 Dec 2026 cannot reach the 2027
// Match (its Pathway deadline, projected 26 Dec 2026, has not passed yet), so the plan is dated for
// 2028 and the Pathway card is "later", aimed at Sep 2027; yet it said "submit the application now".
// Pathways are per-Match-season applications: the 2028 one opens months later.
// An OET not begun counts only its booking at the fastest pace, which keeps
// the 2027 Match in reach on 2 Dec; Step 2 CK not begun (its 120 days of preparation) still moves
// the plan to 2028 before the Pathway deadline, the situation this tests.
describe("the Pathway's words on a plan moved to a later Match before its own deadline passed", () => {
  const input = inputFactory({
    applicant: applicantFactory({
      matchYear: 2027,
      timezone: "Africa/Lagos",
      visa: "J-1",
      graduation: "2022-11-15",
    }),
    milestones: openStepsNotStarted(
      // NRMP not registered: a registered applicant would be asked whether Step 2 CK preparation began.
      DONE.filter((key) => key !== "usmle_step2ck" && key !== "nrmp_registration").map((key) =>
        milestoneFactory(key, "done"),
      ),
    ),
  });

  it("applies once the 2028 Pathways open, never now, and names the date it is due by", () => {
    const step = planFor(input, "2026-12-02T09:00:00Z").nextSteps.find(
      (s) => s.milestone === "ecfmg_pathway",
    );
    expect(step?.action).not.toContain("now");
    expect(step?.action).toContain("Apply once ECFMG's 2028 Pathways are open");
    expect(step?.action).toContain("The 2027 Match is out of reach, so your Pathway is for the 2028 Match");
    expect(step?.action).toMatch(/submit it by [^.]*2027 \(projected\)/);
  });
});

// A Pathway in progress for the 2027 Match read "submit it by Sat 26 Dec
// 2026" with no "(projected)", though ECFMG has not published that deadline: every projected date
// the step's words name says so, as its card does.
describe("the Pathway step's own deadline in its words says it is projected", () => {
  const input = inputFactory({
    applicant: applicantFactory({
      matchYear: 2027,
      timezone: "Africa/Lagos",
      visa: "J-1",
      graduation: "2024-07-30",
    }),
    milestones: [
      ...DONE.map((key) => milestoneFactory(key, "done")),
      milestoneFactory("oet_medicine", "done", "2026-10-01"),
      milestoneFactory("ecfmg_pathway", "in_progress"),
    ],
  });

  it("in progress: 'submit it by … (projected)'", () => {
    const step = planFor(input, "2026-12-02T09:00:00Z").nextSteps.find(
      (s) => s.milestone === "ecfmg_pathway",
    );
    expect(step?.deadline?.status).toBe("projected");
    // Lagos's midnight at the 6:00 PM ET deadline closes Saturday: both zones.
    expect(step?.action).toMatch(
      /submit it by Sat 26 Dec 2026, end of the day \(midnight GMT\+1\) \(Sat 26 Dec 2026, 6:00 PM ET\) \(projected\)/,
    );
  });
});
