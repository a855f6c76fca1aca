import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MATCH_RESULT_RUNG } from "#domain/match-outcome-labels.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/** SOAP from Tuesday of Match Week: kept visible, due at SOAP's end, never overdue. */
const SCENARIO_DIR = new URL("../../fixtures/scenarios/", import.meta.url);
const certified = ApplicantSnapshotSchema.parse(
  JSON.parse(readFileSync(new URL("rank-list-certified-2027.json", SCENARIO_DIR), "utf8")),
);
const withStatus = (key: string, status: string): ApplicantSnapshot =>
  ApplicantSnapshotSchema.parse({
    ...certified,
    milestones: [...certified.milestones.filter((m) => m.key !== key), { key, status }],
  });
const planAt = (snapshot: ApplicantSnapshot, now: string): Plan =>
  plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(now));
const soapEnd = seasonCalendar(2027).dates.nrmp_soap_ends.at;
const TUESDAY = "2027-03-16T12:00:00Z";

describe("SOAP during Match Week", () => {
  it("stays visible, due at SOAP's end, for an applicant who has not reported Monday", () => {
    const result = planAt(certified, TUESDAY);
    const soap = result.nextSteps.find((step) => step.milestone === "soap");
    expect(soap?.deadline?.at).toBe(new Date(soapEnd).toISOString());
    expect(soap?.title).toContain("Take part in SOAP");
    // Not the preparation text of before Monday: take part if unmatched, else report.
    expect(soap?.action).toContain("If NRMP told you on Monday that you did not match");
    expect(soap?.action).not.toContain("Before Match Week");
    expect(result.overdue.some((step) => step.milestone === "soap")).toBe(false);
  });

  it("is due at SOAP's end, not overdue, for a participant", () => {
    const result = planAt(withStatus("soap", "in_progress"), TUESDAY);
    const soap = result.nextSteps.find((step) => step.milestone === "soap");
    expect(soap?.deadline?.at).toBe(new Date(soapEnd).toISOString());
    expect(soap?.title).toBe("SOAP: you are taking part");
    expect(soap?.action).toContain("You are in SOAP");
    expect(result.overdue.some((step) => step.milestone === "soap")).toBe(false);
    // Its own notices before SOAP's end (Thu 22:00 in Lagos), the applications at once
    // (reported late, Tuesday), then each morning of the offer rounds, not a countdown to SOAP's end.
    const lagos = ApplicantSnapshotSchema.parse({
      ...withStatus("soap", "in_progress"),
      applicant: { ...certified.applicant, timezone: "Africa/Lagos" },
    });
    const rungs = planAt(lagos, TUESDAY).reminders.filter((r) => r.milestone === "soap");
    expect(rungs.map((r) => [r.rung, r.sendAtLocal])).toEqual([
      ["soap-applications", "2027-03-16T13:00:00.000+01:00"],
      ["soap-offer-round", "2027-03-17T09:00:00.000+01:00"],
      ["soap-last-offer-rounds", "2027-03-18T09:00:00.000+01:00"],
    ]);
    for (const r of rungs) expect(r.deadline).toBe(new Date(soapEnd).toISOString());
  });

  it("is dropped once Monday's result is reported and the applicant is not in SOAP", () => {
    const result = planAt(withStatus("match_week", "done"), TUESDAY);
    expect(result.nextSteps.some((step) => step.milestone === "soap")).toBe(false);
  });

  it("keeps the preparation deadline before Monday", () => {
    const result = planAt(certified, "2027-03-01T12:00:00Z");
    const soap = result.nextSteps.find((step) => step.milestone === "soap");
    expect(soap?.deadline?.at).toBe("2027-03-15T14:00:00.000Z");
  });
});

/** Match Week after NRMP's Monday release: ask once whether they matched. */
const release = seasonCalendar(2027).dates.nrmp_match_week_start_and_soap_start.at;
const inZone = (zone: string): ApplicantSnapshot =>
  ApplicantSnapshotSchema.parse({ ...certified, applicant: { ...certified.applicant, timezone: zone } });
const followUps = (result: Plan) => result.reminders.filter((r) => r.rung === MATCH_RESULT_RUNG);
const matchWeekReminders = (result: Plan) => result.reminders.filter((r) => r.milestone === "match_week");

describe("Match Week and the Match outcome", () => {
  it("releases at 10:00 AM ET on Monday 15 Mar 2027 (season data)", () => {
    expect(new Date(release).toISOString()).toBe("2027-03-15T14:00:00.000Z");
  });

  it("asks at the release whether they matched, planned days before (Kolkata 19:30, outside quiet hours)", () => {
    const result = planAt(certified, "2027-03-10T06:00:00Z");
    const [followUp, ...more] = followUps(result);
    expect(more).toEqual([]);
    expect(followUp?.sendAt).toBe("2027-03-15T14:00:00.000Z");
    expect(followUp?.milestone).toBe("match_week");
    expect(followUp?.deadline).toBe(new Date(soapEnd).toISOString());
    // The ladder's heads-up before the week still goes out, a day ahead.
    expect(matchWeekReminders(result).map((r) => r.rung)).toEqual([
      "due-in-3d",
      "due-in-1d",
      MATCH_RESULT_RUNG,
    ]);
  });

  it("waits for the next delivery slot when the release falls in quiet hours (Tokyo 23:00)", () => {
    const result = planAt(inZone("Asia/Tokyo"), "2027-03-10T06:00:00Z");
    expect(followUps(result).map((r) => r.sendAtLocal)).toEqual(["2027-03-16T09:00:00.000+09:00"]);
  });

  it("sends no Match Week notice on Monday morning before the release, only the follow-up after it (Lagos)", () => {
    const result = planAt(inZone("Africa/Lagos"), "2027-03-15T12:00:00Z");
    for (const r of matchWeekReminders(result)) expect(Date.parse(r.sendAt)).toBeGreaterThanOrEqual(release);
    expect(followUps(result).map((r) => r.sendAtLocal)).toEqual(["2027-03-15T15:00:00.000+01:00"]);
  });

  it("is asked at once when planned after the release, with the same id", () => {
    const before = followUps(planAt(certified, "2027-03-10T06:00:00Z"))[0];
    const after = planAt(certified, "2027-03-16T06:00:00Z");
    const followUp = followUps(after)[0];
    expect(followUp?.sendAt).toBe("2027-03-16T06:00:00.000Z");
    expect(followUp?.id).toBe(before?.id);
  });

  it("from Tuesday asks to report the result, due at SOAP's end, never overdue with Monday's text", () => {
    const result = planAt(certified, TUESDAY);
    const step = result.nextSteps.find((s) => s.milestone === "match_week");
    expect(step?.title).toBe("Match Week: tell us whether you matched");
    expect(step?.action).toContain("Tell us now");
    expect(step?.action).not.toContain("On Monday of Match Week check");
    expect(step?.deadline?.at).toBe(new Date(soapEnd).toISOString());
    expect(result.overdue.some((s) => s.milestone === "match_week")).toBe(false);
    // The follow-up is the one Match Week notice after the release; no ladder rungs against SOAP's end.
    expect(matchWeekReminders(result).map((r) => r.rung)).toEqual([MATCH_RESULT_RUNG]);
  });

  it("stops asking once the result is reported, and after SOAP has ended", () => {
    expect(followUps(planAt(withStatus("match_week", "done"), TUESDAY))).toEqual([]);
    expect(followUps(planAt(certified, "2027-03-18T22:00:00Z"))).toEqual([]);
  });

  it("sends nothing for Match Week while the rank list is not certified", () => {
    const uncertified = withStatus("rank_order_list", "in_progress");
    expect(matchWeekReminders(planAt(uncertified, "2027-02-20T12:00:00Z"))).toEqual([]);
  });
});

/** SOAP in progress is the result reported; after SOAP and Match Day, what next. */
describe("after Monday's result, SOAP's end and Match Day", () => {
  it("does not ask 'did you match?' of an applicant in SOAP", () => {
    const result = planAt(withStatus("soap", "in_progress"), TUESDAY);
    expect(result.nextSteps.some((s) => s.milestone === "match_week")).toBe(false);
    expect(followUps(result)).toEqual([]);
  });

  it("after SOAP ends says what next, not 'take part before Thursday'", () => {
    // An applicant who has not reported Monday's result: Match Week asks, until Match Day's release.
    const result = planAt(certified, "2027-03-19T12:00:00Z");
    expect(result.nextSteps.some((s) => s.milestone === "soap")).toBe(false);
    const step = result.nextSteps.find((s) => s.milestone === "match_week");
    expect(step?.title).toBe("The Match: tell us your result");
    expect(step?.action).toContain("change your target Match year to 2028");
    expect(step?.action).not.toContain("before it ends on Thursday");
    // A SOAP participant: Match Day alone asks, for the SOAP offer, and says what next.
    const participant = planAt(withStatus("soap", "in_progress"), "2027-03-19T12:00:00Z");
    expect(participant.nextSteps.some((s) => s.milestone === "soap" || s.milestone === "match_week")).toBe(
      false,
    );
    const matchDay = participant.nextSteps.find((s) => s.milestone === "match_day");
    expect(matchDay?.title).toBe("Match Day: tell us whether you accepted a SOAP offer");
    expect(matchDay?.action).toContain("change your target Match year to 2028");
    expect(matchDay?.action).not.toContain("before it ends on Thursday");
  });

  it("after Match Day asks once where they matched, with an id per Match year", () => {
    const friday = planAt(certified, "2027-03-19T18:00:00Z");
    const asks = friday.reminders.filter((r) => r.rung === "match-day-result");
    // 23:30 in Kolkata is quiet hours: the next morning's 09:00 slot.
    expect(asks.map((r) => r.sendAt)).toEqual(["2027-03-20T03:30:00.000Z"]);
    const later = planAt(certified, "2027-03-22T12:00:00Z").reminders.filter(
      (r) => r.rung === "match-day-result",
    );
    expect(later.map((r) => r.id)).toEqual(asks.map((r) => r.id));
    const reported = planAt(withStatus("match_day", "done"), "2027-03-19T18:00:00Z");
    expect(reported.reminders.some((r) => r.rung === "match-day-result")).toBe(false);
  });
});
