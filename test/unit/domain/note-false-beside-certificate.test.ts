import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { Interview, MilestoneEntry } from "#domain/snapshot.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * A sponsor note reported `false` beside
 * the applicant's own ECFMG certificate (impossible without a note), NRMP registration and perhaps
 * an interview. The question lists the strongest evidence and, for a registered applicant, names
 * the rank order list and its deadline; while it is pending the rank order list, Match Week, SOAP
 * and Match Day are planned and reminded, the list's card opening with the condition. Weaker
 * evidence (an approved application only) keeps the gate. No interview, no interview in the code.
 *
 * Rashida, in Dhaka, ranking open (Mon 25 Jan 2027).
 */
const calendar = seasonCalendar(2027);
const NOW = new Date("2027-01-25T04:00:00Z");
const GATED = ["rank_order_list", "match_week", "soap", "match_day"];

function rashida(keys: readonly string[], interviews: Interview[], wdomsSponsorNote = false): Plan {
  const milestones: MilestoneEntry[] = doneMilestones(
    keys.filter((key) => key !== "ecfmg_certification") as typeof REGISTERED_KEYS,
    "2026-09-18",
  );
  if (keys.includes("ecfmg_certification"))
    milestones.push({ key: "ecfmg_certification", status: "done", date: "2025-09-01" });
  return plan(
    inputFactory({
      applicant: applicantFactory({
        fullName: "Rashida Begum",
        timezone: "Asia/Dhaka",
        matchYear: 2027,
        graduation: "2024-12-31",
        visa: "J-1",
        medicalSchool: { name: "Padma Valley Medical College", country: "BD", wdomsSponsorNote },
      }),
      milestones,
      interviews,
    }),
    calendar,
    NOW,
  );
}

const INTERVIEW = [interviewFactory({ id: "iv-dhaka", startsAt: "2026-12-08T09:00:00-05:00" })];
const CERTIFIED = [...REGISTERED_KEYS, "ecfmg_certification"];
const question = (result: Plan) => result.risks[0];

describe("a sponsor note false beside an ECFMG certificate and NRMP registration", () => {
  it("with an interview: the question lists the evidence and names the rank order list, not late registration", () => {
    const asked = question(rashida(CERTIFIED, INTERVIEW));
    expect(asked?.code).toBe("ANSWERS_CONTRADICT_INTERVIEW");
    const message = asked?.message ?? "";
    expect(message).toContain("ECFMG certified you");
    expect(message).toContain("you passed USMLE Step 1 and USMLE Step 2 CK");
    expect(message).toContain("ERAS interview");
    expect(message).toContain(
      "certify your rank order list in R3 by Thu 25 Feb 2027, 8:00 AM GMT+6 (Wed 24 Feb 2027, 9:00 PM ET) (projected)",
    );
    expect(message).not.toContain("late registration");
  });

  it("with no interview: the question is ANSWERS_CONTRADICT_RECORD and names the rank order list too", () => {
    const result = rashida(CERTIFIED, []);
    expect(result.risks.some((risk) => risk.code === "ANSWERS_CONTRADICT_INTERVIEW")).toBe(false);
    const asked = question(result);
    expect(asked?.code).toBe("ANSWERS_CONTRADICT_RECORD");
    expect(asked?.message).toContain("ECFMG certified you");
    expect(asked?.message).toContain(
      "certify your rank order list in R3 by Thu 25 Feb 2027, 8:00 AM GMT+6 (Wed 24 Feb 2027, 9:00 PM ET) (projected)",
    );
    expect(asked?.message).not.toContain("interview");
  });

  it.each([
    ["with an interview", INTERVIEW],
    ["with no interview", []],
  ])("%s: the rank order list, Match Week, SOAP and Match Day are planned and reminded", (_, interviews) => {
    const result = rashida(CERTIFIED, interviews);
    const eligible = rashida(CERTIFIED, interviews, true);
    const gated = (plan: Plan) => ({
      next: plan.nextSteps.filter((step) => GATED.includes(step.milestone)).map((step) => step.milestone),
      blocked: plan.blocked.filter((step) => GATED.includes(step.milestone)),
      rungs: plan.reminders.filter((each) => GATED.includes(each.milestone) && each.rung !== "critical-risk"),
    });
    // As for the same applicant with the note: Match Week and Match Day wait on the list only.
    expect(gated(result)).toEqual(gated(eligible));
    expect(gated(result).next).toContain("rank_order_list");
    // The visa steps still need ECFMG's sponsorship: held as before.
    const held = result.blocked.find((step) => step.milestone === "j1_ecfmg_sponsorship");
    expect(held?.waitingFor).toEqual(["ECFMG sponsor note for your school"]);
    // The gate's own words no longer say everything is held.
    const gate = result.risks.find((risk) => risk.code === "SCHOOL_NOT_ECFMG_ELIGIBLE");
    expect(gate?.message).toContain(
      "holds everything else that needs ECFMG (your rank order list and the Match",
    );
    const list = result.nextSteps.find((step) => step.milestone === "rank_order_list");
    expect(list?.action).toMatch(/^If your school has the ECFMG sponsor note/);
    expect(list?.action).toContain("certify it by");
    const rungs = result.reminders.filter((each) => each.milestone === "rank_order_list");
    expect(rungs.length).toBeGreaterThan(0);
    // Nothing new counted: every fee still to pay is to verify or left out.
    expect(result.budget.items.filter((item) => item.status === "upcoming")).toEqual([]);
  });
});

describe("after the rank order list deadline", () => {
  it("with no list reported, the gate is today's: no overdue list behind a note in question, no list named", () => {
    const result = plan(
      inputFactory({
        applicant: applicantFactory({
          timezone: "Asia/Dhaka",
          matchYear: 2027,
          graduation: "2024-12-31",
          medicalSchool: { name: "Padma Valley Medical College", country: "BD", wdomsSponsorNote: false },
        }),
        milestones: [
          ...doneMilestones(REGISTERED_KEYS, "2026-09-18"),
          { key: "ecfmg_certification", status: "done", date: "2025-09-01" },
        ],
        interviews: [],
      }),
      calendar,
      new Date("2027-02-27T04:00:00Z"),
    );
    expect(result.overdue.map((step) => step.milestone)).not.toContain("rank_order_list");
    expect(result.blocked.find((step) => step.milestone === "rank_order_list")?.waitingFor).toEqual([
      "ECFMG sponsor note for your school",
    ]);
    expect(question(result)?.message).not.toContain("rank order list");
  });
});

describe("weaker evidence keeps the gate and a neutral code", () => {
  it("an approved application only: asked under ANSWERS_CONTRADICT_RECORD, the rank list held", () => {
    const result = rashida(["wdoms_listing", "ecfmg_application"], []);
    expect(question(result)?.code).toBe("ANSWERS_CONTRADICT_RECORD");
    const notices = result.reminders.filter((each) => each.rung === "critical-risk");
    expect(notices.map((each) => each.risk)).toEqual(["ANSWERS_CONTRADICT_RECORD"]);
    expect(result.blocked.map((step) => step.milestone)).toContain("rank_order_list");
  });
});
