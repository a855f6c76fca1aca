import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, inputFactory } from "./factories.ts";

/**
 * A sponsor note reported `false` beside a USMLE Step booked, sat with its result untold, or failed
 * (reported done below the mark, or its retake in preparation):
 * the sitting needed FSMB's scheduling permit, which an IMG gets only with an approved ECFMG
 * application, given only for a school with the note, so it proves the note as a pass does. The gate
 * opens (nothing waits for the sponsor note, the exam's own reminders go out) and the question says
 * every step stays planned, as the USMLE registration shows the note: never "your plan shows the steps it now
 * holds back … pay no further fee" beside a plan that holds nothing back.
 *
 * Tomas, in Honolulu, before the 2027 Match.
 */
const calendar = seasonCalendar(2027);
const NOW = new Date("2026-12-07T10:00:00-10:00");

function tomas(...exams: MilestoneEntry[]): Plan {
  return plan(
    inputFactory({
      applicant: applicantFactory({
        externalId: "tomas-hnl",
        fullName: "Tomas Reyes",
        timezone: "Pacific/Honolulu",
        matchYear: 2027,
        visa: "J-1",
        medicalSchool: { name: "Isla Verde School of Medicine", country: "PH", wdomsSponsorNote: false },
      }),
      milestones: [
        { key: "wdoms_listing", status: "done", date: "2026-01-10" },
        { key: "ecfmg_application", status: "done", date: "2026-02-01" },
        ...exams,
      ],
    }),
    calendar,
    NOW,
  );
}

const blockedBySchool = (result: Plan) =>
  result.blocked
    .filter((step) => JSON.stringify(step).includes("sponsor note"))
    .map((step) => step.milestone);
const question = (result: Plan) => result.risks.find((risk) => risk.code === "ANSWERS_CONTRADICT_RECORD");

describe("a note answered no beside a USMLE sitting opens the gate, as a pass does", () => {
  it.each([
    ["Step 1 booked ahead", { key: "usmle_step1", status: "scheduled", date: "2027-02-20" }, "USMLE Step 1"],
    [
      "Step 1 sat, result untold",
      { key: "usmle_step1", status: "scheduled", date: "2026-11-20" },
      "USMLE Step 1",
    ],
    [
      "Step 2 CK failed",
      { key: "usmle_step2ck", status: "done", date: "2026-09-01", score: 205 },
      "USMLE Step 2 CK",
    ],
    [
      "Step 2 CK failed, its retake in preparation",
      { key: "usmle_step2ck", status: "in_progress", date: "2026-09-01", score: 205 },
      "USMLE Step 2 CK",
    ],
  ] as [string, MilestoneEntry, string][])("%s: nothing held, the question says so", (_, exam, name) => {
    const result = tomas(exam);
    expect(blockedBySchool(result)).toEqual([]);
    expect(result.nextSteps.map((step) => step.milestone)).toContain(exam.key);
    const message = question(result)?.message ?? "";
    expect(message).toContain(`you booked or sat ${name}`);
    expect(message).toContain(
      "your plan keeps every step planned, as your USMLE registration shows the note",
    );
    expect(message).not.toContain("holds back");
    expect(message).not.toContain("pay no further fee");
  });

  it("an application alone still holds the steps and asks before any fee", () => {
    const result = tomas();
    expect(blockedBySchool(result)).toContain("usmle_step1");
    expect(question(result)?.message).toContain("pay no further fee");
  });
});
