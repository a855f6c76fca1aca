import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { inSoap, planAt, SOAP_ROUND_ET } from "./soap-applicant.ts";

/**
 * Match Week's Monday release (10:00 AM ET, 15 Mar 2027) is one email where the applicant lives: the
 * question it brings ("did you match?", or a SOAP participant's "send your applications today") and
 * SOAP's Tuesday notice, which west of ET and in Auckland has no morning slot before Tuesday's 9:00 AM
 * ET and was laid for 6:00 PM the evening before: on the release's local day, a second email that
 * evening about the same step. The notice now rides in the release's email; the offer rounds'
 * evenings keep their own (after the previous day's rounds).
 */
const RELEASE = seasonCalendar(2027).dates.nrmp_match_week_start_and_soap_start.at;
/** Planned at the release: SOAP's ladder is laid from then for an applicant who has not answered. */
const AT_RELEASE = new Date(RELEASE).toISOString();

/** The instants of the plan's Match Week and SOAP reminders on the local day of `day` (YYYY-MM-DD). */
const instantsOn = (result: Plan, day: string) =>
  new Set(
    result.reminders
      .filter(
        (r) => (r.milestone === "match_week" || r.milestone === "soap") && r.sendAtLocal.startsWith(day),
      )
      .map((r) => r.sendAt),
  );

/** The certified applicant of inSoap, with SOAP not told: Match Week's result not answered. */
const unanswered = (zone: string) => {
  const snapshot = inSoap(zone);
  return ApplicantSnapshotSchema.parse({
    ...snapshot,
    milestones: snapshot.milestones.filter((m) => m.key !== "soap"),
  });
};

describe("the release's day is one email: its question and SOAP's Tuesday notice", () => {
  it.each([
    ["America/Los_Angeles", "2027-03-15", "2027-03-15T09:00:00.000-07:00"],
    ["America/Bogota", "2027-03-15", "2027-03-15T09:00:00.000-05:00"],
    ["Pacific/Honolulu", "2027-03-15", "2027-03-15T09:00:00.000-10:00"],
    ["America/Chicago", "2027-03-15", "2027-03-15T09:00:00.000-05:00"],
    ["Pacific/Auckland", "2027-03-16", "2027-03-16T09:00:00.000+13:00"],
  ])("%s, Match Week not answered: one instant on %s, %s", (zone, day, local) => {
    const result = planAt(unanswered(zone), AT_RELEASE);
    expect([...instantsOn(result, day)]).toHaveLength(1);
    const tuesday = result.reminders.find((r) => r.rung === "soap-before-offer-rounds");
    const question = result.reminders.find((r) => r.rung === "match-week-result");
    expect(tuesday?.sendAtLocal).toBe(local);
    expect(question?.sendAt).toBe(tuesday?.sendAt);
  });

  it.each([
    ["America/Los_Angeles", "2027-03-15"],
    ["Pacific/Auckland", "2027-03-16"],
  ])("%s, in SOAP: the applications notice and Tuesday's in one email on %s", (zone, day) => {
    const result = planAt(inSoap(zone), AT_RELEASE);
    expect([...instantsOn(result, day)]).toHaveLength(1);
    const tuesday = result.reminders.find((r) => r.rung === "soap-before-offer-rounds");
    expect(Date.parse(tuesday?.sendAt ?? "")).toBeGreaterThanOrEqual(RELEASE);
    expect(Date.parse(tuesday?.sendAt ?? "")).toBeLessThan(
      SOAP_ROUND_ET["soap-before-offer-rounds"] as number,
    );
  });

  it("New York keeps Tuesday's notice on Tuesday morning (08:00, before the 9:00 AM ET business), and the offer rounds keep their evenings", () => {
    const ny = planAt(unanswered("America/New_York"), AT_RELEASE).reminders;
    expect(ny.find((r) => r.rung === "soap-before-offer-rounds")?.sendAtLocal).toBe(
      "2027-03-16T08:00:00.000-04:00",
    );
    const la = planAt(unanswered("America/Los_Angeles"), AT_RELEASE).reminders;
    expect(la.find((r) => r.rung === "soap-offer-round")?.sendAtLocal).toBe("2027-03-16T18:00:00.000-07:00");
  });
});
