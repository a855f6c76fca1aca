import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { actionsFor } from "#domain/applicant-choices.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * A school with no ECFMG sponsor note, the WDOMS check reported: the check's step asks to re-check
 * WDOMS once the school says the note is granted, with no Done that would record nothing new, and no
 * US step that only strengthens an application (research) is offered while certification is impossible.
 */
const base = JSON.parse(
  readFileSync(new URL("../../fixtures/scenarios/rank-list-certified-2027.json", import.meta.url), "utf8"),
);
const tomas: ApplicantSnapshot = ApplicantSnapshotSchema.parse({
  ...base,
  submissionId: "no-note-quito-2028",
  applicant: {
    ...base.applicant,
    externalId: "no-note-quito-2028",
    email: "tomas@example.org",
    fullName: "Tomás Vera",
    timezone: "America/Guayaquil",
    matchYear: 2028,
    medicalSchool: { name: "Quito Example School of Medicine", country: "EC", wdomsSponsorNote: false },
  },
  milestones: [{ key: "wdoms_listing", status: "done", date: "2026-11-20" }],
});
const result = plan(tomas, seasonCalendar(2028), new Date("2026-12-10T14:00:00Z"));

describe("no sponsor note, the WDOMS check reported", () => {
  it("asks to re-check WDOMS once the note is granted, with no Done on the check", () => {
    const check = result.nextSteps.find((each) => each.milestone === "wdoms_listing");
    expect(check?.action).toContain("Re-check WDOMS once your school tells you the note is granted");
    expect(
      actionsFor({ milestone: "wdoms_listing" }, result, "America/Guayaquil", tomas.milestones),
    ).not.toContain("done");
  });

  it("offers no research at a US institution while certification is impossible", () => {
    expect(result.nextSteps.map((each) => each.milestone)).not.toContain("research");
    expect(result.reminders.map((each) => each.milestone)).not.toContain("research");
  });
});
