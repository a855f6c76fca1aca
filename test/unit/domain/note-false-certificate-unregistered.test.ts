import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, doneMilestones, inputFactory, REGISTERED_KEYS } from "./factories.ts";

/**
 * A sponsor note reported `false` beside the
 * applicant's own ECFMG certificate, NRMP registration not reported, no interview. NRMP registration
 * needs no sponsor note and the certificate is the evidence, so the question says "if the note is
 * there, register with NRMP and certify a list by" the rank order list deadline (NRMP's late
 * registration closes with it), and SCHOOL_NOT_ECFMG_ELIGIBLE no longer says the rank order list
 * "stays planned" while it is held behind the registration.
 *
 * Tomasz, in Warsaw, on Wed 10 Feb 2027 (two weeks before the projected deadline).
 */
const calendar = seasonCalendar(2027);
const NOW = new Date("2027-02-10T09:00:00Z");

function tomasz(registered: boolean, now = NOW): Plan {
  const keys = REGISTERED_KEYS.filter((key) => registered || key !== "nrmp_registration");
  return plan(
    inputFactory({
      applicant: applicantFactory({
        fullName: "Tomasz Nowak",
        timezone: "Europe/Warsaw",
        matchYear: 2027,
        graduation: "2024-06-30",
        visa: "J-1",
        medicalSchool: { name: "Vistula Medical Academy", country: "PL", wdomsSponsorNote: false },
      }),
      milestones: [
        ...doneMilestones(keys, "2026-09-20"),
        { key: "ecfmg_certification", status: "done", date: "2026-10-01" },
      ],
      interviews: [],
    }),
    calendar,
    now,
  );
}

const risk = (result: Plan, code: string) => result.risks.find((each) => each.code === code)?.message ?? "";

describe("note false beside a certificate, NRMP registration not reported", () => {
  it("the question says to register with NRMP and certify a list by the rank order list deadline", () => {
    const message = risk(tomasz(false), "ANSWERS_CONTRADICT_RECORD");
    expect(message).toContain("ECFMG certified you");
    expect(message).toContain("if the note is there, change your answer, register with NRMP");
    expect(message).toContain(
      "certify a rank order list in R3 by Thu 25 Feb 2027, 3:00 AM GMT+1 (Wed 24 Feb 2027, 9:00 PM ET) (projected)",
    );
    expect(message).toContain("NRMP's late registration closes then");
  });

  it("the gate's words do not say the rank order list stays planned while it waits for the answer", () => {
    const result = tomasz(false);
    expect(result.blocked.map((step) => step.milestone)).toContain("rank_order_list");
    const gate = risk(result, "SCHOOL_NOT_ECFMG_ELIGIBLE");
    expect(gate).not.toContain("stay planned");
    expect(gate).toContain("your NRMP registration and rank order list wait for your answer");
  });

  it("registered: the list stays planned, its words unchanged", () => {
    const result = tomasz(true);
    expect(risk(result, "ANSWERS_CONTRADICT_RECORD")).toContain("certify your rank order list in R3 by");
    expect(risk(result, "SCHOOL_NOT_ECFMG_ELIGIBLE")).toContain("stay planned");
  });

  it("after the deadline, no registration is asked for", () => {
    const message = risk(tomasz(false, new Date("2027-03-05T09:00:00Z")), "ANSWERS_CONTRADICT_RECORD");
    expect(message).not.toContain("register with NRMP");
  });
});
