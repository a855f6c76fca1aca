import { describe, expect, it } from "vitest";
import { riskForAdvisor } from "#domain/console/advisor-voice.ts";
import type { Plan } from "#domain/plan.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { riskTitle } from "#usecases/escalation.ts";
import { planFor } from "./advisor-road.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
  PRE_ERAS_KEYS,
} from "./factories.ts";

/**
 * The advisor's console, digest and escalation word each risk for the advisor, then quote the
 * applicant's plan. For NRMP registration they said only "after the early registration deadline
 * NRMP charges a late fee" where the plan tells the applicant that the Match itself is at stake:
 * registration planned for a day after it closes, or for its closing day, or not registered while
 * interviewing. The advisor's sentence now says what the applicant is told.
 */
const about = { fullName: "Bola Adeyemi", matchYear: 2027, visa: "J-1" as const };

function bola(nrmp: MilestoneEntry, interviewing = false) {
  return inputFactory({
    applicant: applicantFactory({ timezone: "Africa/Lagos", matchYear: 2027, graduation: "2025-07-31" }),
    milestones: [...doneMilestones(PRE_ERAS_KEYS, "2026-09-10"), nrmp],
    ...(interviewing
      ? { interviews: [interviewFactory({ id: "iv-1", startsAt: "2027-01-15T09:00:00-06:00" })] }
      : {}),
  });
}

const advisorWords = (result: Plan) => {
  const risk = result.risks.find((each) => each.code === "NRMP_LATE_FEE");
  if (risk === undefined) throw new Error("no NRMP_LATE_FEE");
  return riskForAdvisor(risk, about);
};
const GENERIC = "after the early registration deadline NRMP charges a late fee";

describe("Bola planned her NRMP registration for a day the Match cannot wait for", () => {
  it("a day after registration closes (Fri 26 Feb 2027): the advisor reads that she cannot take part unless she registers first", () => {
    const words = advisorWords(
      planFor(
        bola(milestoneFactory("nrmp_registration", "scheduled", "2027-02-26")),
        "2026-12-07T10:00:00+01:00",
      ),
    );
    expect(words).toMatch(/^Bola Adeyemi plans to register with NRMP on a day after registration closes/);
    expect(words).toContain("they cannot take part in the 2027 Match");
    expect(words).toContain(
      "“You plan to register with NRMP on Fri 26 Feb 2027, after NRMP registration closes",
    );
    expect(words).not.toContain(GENERIC);
  });

  it("before the early deadline too, the escalation's title says the Match is at stake, not the late fee", () => {
    const result = planFor(
      bola(milestoneFactory("nrmp_registration", "scheduled", "2027-02-26")),
      "2026-11-10T10:00:00+01:00",
    );
    const risk = result.risks.find((each) => each.code === "NRMP_LATE_FEE");
    expect(risk?.severity).toBe("critical");
    expect(risk === undefined ? "" : riskTitle(risk, result)).toBe(
      "Plans to register with NRMP after registration closes: no Match unless they register before",
    );
  });

  it("the day registration closes (Thu 25 Feb 2027 in Lagos): the advisor reads that she should register now", () => {
    const words = advisorWords(
      planFor(
        bola(milestoneFactory("nrmp_registration", "scheduled", "2027-02-25")),
        "2027-01-10T10:00:00+01:00",
      ),
    );
    expect(words).toMatch(/^Bola Adeyemi plans to register with NRMP on the day registration closes/);
    expect(words).not.toContain(GENERIC);
  });
});

describe("Bola is interviewing for the 2027 Match and not registered with NRMP", () => {
  it("the advisor reads that she cannot certify a rank order list until she registers", () => {
    const words = advisorWords(
      planFor(bola(milestoneFactory("nrmp_registration", "not_started"), true), "2026-12-07T10:00:00+01:00"),
    );
    expect(words).toMatch(
      /^Bola Adeyemi is interviewing for the 2027 Match but has not registered with NRMP/,
    );
    expect(words).toContain("cannot certify a rank order list");
    expect(words).not.toContain(GENERIC);
  });
});

describe("Bola has not registered and has no interview yet, past the early deadline", () => {
  it("the advisor reads the late fee, as the plan tells her", () => {
    const words = advisorWords(
      planFor(bola(milestoneFactory("nrmp_registration", "not_started")), "2026-12-07T10:00:00+01:00"),
    );
    expect(words).toContain(GENERIC);
  });
});
