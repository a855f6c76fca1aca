import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { INTERVIEW_INVITATIONS_MOSTLY_OUT_DAYS } from "#domain/planner/advice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { DAY_MS } from "#domain/time.ts";

/**
 * A late applicant: a re-applicant unmatched in 2026 with no 2027 ERAS
 * application on 30 Nov 2026. Besides "submit now", an advisor says plainly that most interview
 * invitations are out and to weigh applying early for the next Match, as labelled advice.
 */
const reapplicant = ApplicantSnapshotSchema.parse(
  JSON.parse(
    readFileSync(
      new URL("../../fixtures/scenarios/reapplicant-unmatched-2026-now-2027.json", import.meta.url),
      "utf8",
    ),
  ),
);
const planAt = (now: number): Plan => plan(reapplicant, seasonCalendar(2027), new Date(now));
const erasRisk = (result: Plan) => result.risks.find((risk) => risk.code === "ERAS_LATE_SUBMISSION");
const reviewStart = seasonCalendar(2027).dates.eras_programs_may_review_applications_and_mspe.at;
const adviceFrom = reviewStart + INTERVIEW_INVITATIONS_MOSTLY_OUT_DAYS * DAY_MS;

describe("ERAS not submitted long after programs began reviewing", () => {
  it("on 30 Nov says most interview invitations are out and to weigh the 2028 Match", () => {
    const risk = erasRisk(planAt(Date.parse("2026-11-30T12:00:00Z")));
    expect(risk?.severity).toBe("critical");
    expect(risk?.message).toContain("Most interview invitations have gone out by now");
    expect(risk?.message).toContain("weigh applying early for the 2028 Match");
    // The next Match's ERAS opening, projected by its rule: Wed 1 Sep 2027.
    expect(risk?.message).toContain("applications open Wed 1 Sep 2027 (projected)");
    expect(
      (risk?.sources ?? []).some((source) => source.startsWith("advice: most interview invitations")),
    ).toBe(true);
    expect(
      (risk?.sources ?? []).some((source) => source.includes("throughout the fall and early winter")),
    ).toBe(true);
    expect(risk?.sources).toContain(seasonCalendar(2028).dates.eras_applicants_may_submit.source);
    // One sentence-like message, not a wall of text; no URL inside it (sources carry them).
    expect(risk?.message).not.toMatch(/https?:/);
    expect(risk?.message.length).toBeLessThan(400);
  });

  it.each([
    ["a week after review started", reviewStart + 7 * DAY_MS, false],
    ["just before the invitations are mostly out", adviceFrom - 60 * 60 * 1000, false],
    ["just after", adviceFrom + 60 * 60 * 1000, true],
  ])("%s: the next-Match advice %s", (_label, now, advised) => {
    const risk = erasRisk(planAt(now));
    expect(risk?.message).toContain("yours is not submitted");
    expect(risk?.message.includes("weigh applying early for the 2028 Match")).toBe(advised);
    expect(
      (risk?.sources ?? []).some((source) => source.startsWith("advice: most interview invitations")),
    ).toBe(advised);
  });

  it("says nothing of it once ERAS is submitted", () => {
    const submitted = ApplicantSnapshotSchema.parse({
      ...reapplicant,
      milestones: reapplicant.milestones.map((m) =>
        m.key === "eras_application" ? { ...m, date: "2026-11-29" } : m,
      ),
    });
    // The fixture's eras_application is last season's; dated this season it counts.
    const result = plan(submitted, seasonCalendar(2027), new Date("2026-11-30T12:00:00Z"));
    expect(erasRisk(result)).toBeUndefined();
  });
});
