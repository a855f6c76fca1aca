import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { DAY_MS } from "#domain/time.ts";

/**
 * SOAP reads "urgent" on the rank list's last day, nineteen days before Match Week's Monday, beside a
 * date that far ahead. That is the one badge rule, not a risk pressing it: SOAP's catalog lead time
 * is two weeks of preparation before Monday (advice: update the ERAS documents and shortlist the
 * programs one would accept), so its latest safe start is a week away and the step is urgent from
 * then, as every step with a lead time is. Match Week, an event with nothing to start early, reads by
 * its own date.
 */
const certified = ApplicantSnapshotSchema.parse(
  JSON.parse(
    readFileSync(new URL("../../fixtures/scenarios/rank-list-certified-2027.json", import.meta.url), "utf8"),
  ),
);
const stepsAt = (now: string) => plan(certified, seasonCalendar(2027), new Date(now));

describe("SOAP before Match Week reads by its latest safe start", () => {
  it("is urgent on the rank list's last day, from a start-by two weeks before Monday, with no risk pressing it", () => {
    const result = stepsAt("2027-02-24T12:00:00Z");
    const soap = result.nextSteps.find((step) => step.milestone === "soap");
    expect(soap?.urgency).toBe("urgent");
    // Fourteen days in the applicant's zone (a clock change between makes it an hour off 14 × 24).
    expect(
      Math.round((Date.parse(soap?.deadline?.at ?? "") - Date.parse(soap?.startBy ?? "")) / DAY_MS),
    ).toBe(14);
    expect(result.risks.filter((risk) => risk.severity === "critical")).toEqual([]);
    expect(result.nextSteps.find((step) => step.milestone === "match_week")?.urgency).toBe("soon");
  });

  it("is soon while that start is more than a week away", () => {
    const soap = stepsAt("2027-02-20T12:00:00Z").nextSteps.find((step) => step.milestone === "soap");
    expect(soap?.urgency).toBe("soon");
  });
});
