import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * The 2027 rank order list deadline is projected at 23 days before Match Day (as in
 * 2026), the earlier of two candidates (16 days in 2022–2025, Wed 3 Mar 2027). Between the two, "you
 * cannot match" is the unsafe side: a refusal names the later candidate ("unless NRMP's 2027 deadline
 * turns out later … check R3 and act if it still lets you"); the plan keeps the earlier date.
 */

const HEDGE =
  "unless NRMP's 2027 deadline turns out later (it was 16 days before Match Day in 2022–2025, which would be Thu 4 Mar 2027, 10:00 AM GMT+8 (Wed 3 Mar 2027, 9:00 PM ET)): check R3 and act if it still lets you";

/** Rosa, in Manila, registered with NRMP for the 2027 Match and interviewing; the list as given. */
function rosa(...rol: MilestoneEntry[]) {
  return inputFactory({
    applicant: applicantFactory({ externalId: "rosa-manila", timezone: "Asia/Manila", matchYear: 2027 }),
    milestones: [...doneMilestones(REGISTERED_KEYS, "2026-10-01"), ...rol],
    interviews: [interviewFactory({ startsAt: "2027-01-20T10:00:00-05:00" })],
  });
}

const said = (result: Plan) => result.risks.map((risk) => risk.message).join("\n");
const calendar = seasonCalendar(2027);

describe("a refusal on a projected deadline names the later candidate", () => {
  it("the projection keeps the earlier date and carries the later one", () => {
    const rol = calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
    expect(rol.date).toBe("2027-02-24");
    expect(rol.latestCandidate?.date).toBe("2027-03-03");
  });

  it("list never reported, Sat 27 Feb: 'cannot match' says unless the deadline turns out later", () => {
    const text = said(plan(rosa(), calendar, new Date("2027-02-27T10:00:00+08:00")));
    expect(text).toContain("you cannot match in the 2027 Match itself");
    expect(text).toContain(HEDGE);
  });

  it("list reported in progress, Sat 27 Feb: SEASON_OVER and the step's words say it too", () => {
    const result = plan(
      rosa({ key: "rank_order_list", status: "in_progress" }),
      calendar,
      new Date("2027-02-27T10:00:00+08:00"),
    );
    const over = result.risks.find((risk) => risk.code === "SEASON_OVER");
    expect(over?.message).toContain(HEDGE);
    const step = [...result.nextSteps, ...result.overdue].find((s) => s.milestone === "rank_order_list");
    if (step !== undefined) expect(JSON.stringify(step)).toContain(HEDGE);
  });

  it("after the later candidate has passed, no hedge", () => {
    const text = said(plan(rosa(), calendar, new Date("2027-03-05T10:00:00+08:00")));
    expect(text).toContain("cannot match");
    expect(text).not.toContain("turns out later");
  });

  it("a confirmed season (2026) has no hedge", () => {
    const input = rosa();
    input.applicant = { ...input.applicant, matchYear: 2026 };
    input.milestones = doneMilestones(REGISTERED_KEYS, "2025-10-01");
    input.interviews = [interviewFactory({ startsAt: "2026-01-20T10:00:00-05:00" })];
    const text = said(plan(input, seasonCalendar(2026), new Date("2026-02-28T10:00:00+08:00")));
    expect(text).toContain("cannot match");
    expect(text).not.toContain("turns out later");
  });

  it("MATCH_YEAR_NOT_FEASIBLE after the deadline: hedged while the result could still count, not when it cannot", () => {
    const withCk = (ck: MilestoneEntry) => {
      const input = rosa();
      input.milestones = [...input.milestones.filter((entry) => entry.key !== "usmle_step2ck"), ck];
      return input;
    };
    const now = new Date("2027-02-27T10:00:00+08:00");
    const sat = plan(
      withCk({ key: "usmle_step2ck", status: "scheduled", date: "2027-02-01" }),
      calendar,
      now,
    );
    const satRisk = sat.risks.find((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE");
    expect(satRisk?.message).toContain(HEDGE);
    const preparing = plan(withCk({ key: "usmle_step2ck", status: "in_progress" }), calendar, now);
    const risk = preparing.risks.find((each) => each.code === "MATCH_YEAR_NOT_FEASIBLE");
    expect(risk).toBeDefined();
    expect(risk?.message).not.toContain("turns out later");
  });
});
