import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * On SOAP's last day (Thursday of Match Week, ET) the offer rounds are under way: a participant is
 * told to be at R3 for the remaining rounds, not to send applications now (tester t9k F6 C: Karachi
 * on Thursday morning and New York an hour before SOAP ended still read "send them through ERAS now").
 */
const SCENARIO_DIR = new URL("../../fixtures/scenarios/", import.meta.url);
const certified = ApplicantSnapshotSchema.parse(
  JSON.parse(readFileSync(new URL("rank-list-certified-2027.json", SCENARIO_DIR), "utf8")),
);
const inSoap = (timezone: string): ApplicantSnapshot =>
  ApplicantSnapshotSchema.parse({
    ...certified,
    applicant: { ...certified.applicant, timezone },
    milestones: [
      ...certified.milestones.filter((m) => m.key !== "soap"),
      { key: "soap", status: "in_progress" },
    ],
  });
const soapAction = (zone: string, now: string): string =>
  plan(inSoap(zone), seasonCalendar(2027), new Date(now)).nextSteps.find((s) => s.milestone === "soap")
    ?.action ?? "";

describe("SOAP's last day: the remaining rounds, not applications (t9k F6 C)", () => {
  it.each([
    ["Asia/Karachi", "2027-03-18T09:00:00+05:00"],
    ["America/New_York", "2027-03-18T00:00:00-04:00"],
    ["America/New_York", "2027-03-18T16:00:00-04:00"],
    ["Pacific/Auckland", "2027-03-19T09:00:00+13:00"],
  ])("%s at %s", (zone, now) => {
    const action = soapAction(zone, now);
    expect(action).toContain("SOAP's last day");
    expect(action).toContain("be at R3 for the remaining rounds");
    expect(action).toContain("an application sent now is unlikely to lead to an offer");
    expect(action).not.toContain("send them through ERAS now");
  });

  it("on Wednesday (ET) the applications may still go out", () => {
    const action = soapAction("America/New_York", "2027-03-17T23:59:00-04:00");
    expect(action).toContain("send them through ERAS now");
    expect(action).not.toContain("SOAP's last day");
  });
});
