import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  certifiedListWith,
  doneMilestones,
  inputFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * SOAP's card in the day before NRMP's Monday release names the release, today and at its hour,
 * instead of "Before Match Week, keep your ERAS documents current" on Monday of Match Week itself.
 * A J-1 applicant in Cairo, list certified; the release is Mon 15 Mar 2027, 10:00 AM ET (4:00 PM there).
 */
const input = certifiedListWith("Africa/Cairo");
const RELEASE = seasonCalendar(2027).dates.nrmp_match_week_start_and_soap_start.at;
const soapAt = (now: string) =>
  plan(input, seasonCalendar(2027), new Date(now)).nextSteps.find((step) => step.milestone === "soap");

describe("SOAP's card on the morning of Match Week's Monday", () => {
  it("names the release today with its hour in both zones, and asks for the documents now", () => {
    const soap = soapAt("2027-03-15T07:00:00Z");
    expect(soap?.action).toContain("NRMP tells you today, Mon 15 Mar 2027, 4:00 PM GMT+2");
    expect(soap?.action).toContain("10:00 AM ET");
    expect(soap?.action).toContain("decide now which specialties and programs you would accept");
    expect(soap?.action).not.toContain("Before Match Week");
    expect(Date.parse(soap?.dueBy ?? "")).toBe(RELEASE);
  });

  it("the week before keeps the preparation words", () => {
    expect(soapAt("2027-03-12T07:00:00Z")?.action).toContain(
      "Before Match Week, keep your ERAS documents current",
    );
  });
});

describe("SOAP's card where the release is local midnight", () => {
  it("names the release as the start of its own day, not the end of the day before", () => {
    const brisbane = certifiedListWith("Australia/Brisbane");
    const soap = plan(brisbane, seasonCalendar(2027), new Date("2027-03-15T06:00:00Z")).nextSteps.find(
      (step) => step.milestone === "soap",
    );
    expect(soap?.action).toContain("NRMP tells you tonight, Tue 16 Mar 2027, 12:00 AM GMT+10");
    expect(soap?.action).not.toContain("24:00");
  });
});

describe("SOAP's card on the release's day for one who certified no rank order list", () => {
  it("names the release as SOAP's opening and R3, not a Match result they cannot have", () => {
    const noList = inputFactory({
      applicant: applicantFactory({
        timezone: "Africa/Cairo",
        matchYear: 2027,
        graduation: "2022-11-15",
        visa: "J-1",
      }),
      milestones: doneMilestones(REGISTERED_KEYS, "2026-09-10"),
    });
    const soap = plan(noList, seasonCalendar(2027), new Date("2027-03-15T07:00:00Z")).nextSteps.find(
      (step) => step.milestone === "soap",
    );
    expect(soap?.action).toContain(
      "SOAP opens with NRMP's Match Week release today, Mon 15 Mar 2027, 4:00 PM GMT+2",
    );
    expect(soap?.action).toContain(
      "when R3 shows whether you are eligible: keep your ERAS documents current",
    );
    expect(soap?.action).not.toContain("whether you matched");
  });
});
