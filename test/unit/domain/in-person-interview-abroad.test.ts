import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { CONSULAR_WAIT_DAYS } from "#domain/planner/advice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { Interview } from "#domain/snapshot.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * An in-person interview in the US for an
 * applicant whose zone is outside the US says, from the day it is added, that attending needs a US
 * visitor visa (B-1/B-2), with the consular-wait caveat Step 3's trip uses, and to ask the program
 * whether a virtual interview is possible (advice). Never for a virtual interview or an applicant in
 * the US; gone once the interview has started.
 */
const NOW = new Date("2026-12-21T08:00:00Z");
const IN_PERSON = interviewFactory({
  program: "Prairie Valley Internal Medicine",
  startsAt: "2027-01-14T08:30:00-06:00",
  timezone: "America/Chicago",
  format: "in_person",
});

function planFor(timezone: string, interviews: Interview[], now = NOW): Plan {
  const applicant = applicantFactory({
    fullName: "Nkechi Eze",
    matchYear: 2027,
    timezone,
    graduation: "2025-07-31",
    medicalSchool: { name: "Niger Delta College of Medicine", country: "NG", wdomsSponsorNote: true },
  });
  return plan(
    inputFactory({
      applicant,
      milestones: doneMilestones([...REGISTERED_KEYS, "ecfmg_certification"]),
      interviews,
    }),
    seasonCalendar(2027),
    now,
  );
}
const risk = (result: Plan) => result.risks.find((each) => each.code === "INTERVIEW_NEEDS_VISITOR_VISA");

describe("an in-person US interview for an applicant abroad", () => {
  it("warns about the visitor visa, with the consular-wait caveat, and names the virtual option", () => {
    const warned = risk(planFor("Africa/Lagos", [IN_PERSON]));
    expect(warned?.severity).toBe("warning");
    expect(warned?.message).toContain("Prairie Valley Internal Medicine on Thu 14 Jan 2027");
    expect(warned?.message).toContain("US visitor visa (B-1/B-2)");
    expect(warned?.message).toContain("ask the program whether a virtual interview is possible");
    expect(warned?.message).toContain(`${CONSULAR_WAIT_DAYS} days`);
    expect(warned?.message).toContain("Global Visa Wait Times");
    // Advice, as its source says (a risk's message carries no basis label: risk-sentences.test.ts).
    expect(warned?.sources?.some((source) => source.startsWith("advice: "))).toBe(true);
    expect(warned?.sources?.some((source) => source.includes("global-visa-wait-times"))).toBe(true);
    expect(warned?.sources?.every((source) => !source.includes("Step 3"))).toBe(true);
  });

  it("names each in-person interview once, in one warning", () => {
    const second = interviewFactory({
      program: "Harbor City Family Medicine",
      startsAt: "2027-01-19T09:00:00-05:00",
      timezone: "America/New_York",
      format: "in_person",
    });
    const result = planFor("Asia/Karachi", [IN_PERSON, second]);
    expect(result.risks.filter((each) => each.code === "INTERVIEW_NEEDS_VISITOR_VISA")).toHaveLength(1);
    expect(risk(result)?.message).toContain("Harbor City Family Medicine on Tue 19 Jan 2027");
    expect(risk(result)?.message).toContain("Your in-person interviews at");
  });

  it("says nothing for a virtual interview, for an applicant in the US, or once the interview has started", () => {
    expect(risk(planFor("Africa/Lagos", [{ ...IN_PERSON, format: "virtual" }]))).toBeUndefined();
    expect(risk(planFor("America/Chicago", [IN_PERSON]))).toBeUndefined();
    expect(risk(planFor("Africa/Lagos", [IN_PERSON], new Date("2027-01-14T15:00:00Z")))).toBeUndefined();
  });

  it("lists the interview's start as the instant the risk changes", () => {
    const result = planFor("Africa/Lagos", [IN_PERSON]);
    expect(result.riskChangesAt).toContain("2027-01-14T14:30:00.000Z");
  });
});
