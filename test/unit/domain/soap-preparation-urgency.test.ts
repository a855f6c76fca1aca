import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { readSnapshot } from "./fixture-snapshots.ts";

/**
 * SOAP before Match Week is preparation for a case that may not come (not matching): an applicant in
 * Honolulu certifying her rank order list on its deadline day, three weeks before Match Week, saw
 * SOAP "urgent" beside the list, by its two weeks' lead alone ("start by Mon 1 Mar 2027"). Before the
 * release it reads by its date: soon, then urgent in the week before Match Week.
 */
const DIR = fileURLToPath(new URL("../../fixtures/visa-after-match-words/", import.meta.url));
const ROL_DAY = readSnapshot(DIR, "rol-day-honolulu.json");
const soapAt = (now: string) =>
  plan(ROL_DAY, seasonCalendar(2027), new Date(now)).nextSteps.find((step) => step.milestone === "soap");

describe("SOAP's preparation before Match Week is not urgent by its lead time alone", () => {
  it("on the rank order list's deadline day: soon, its start-by still shown", () => {
    const soap = soapAt("2027-02-24T13:00:00-10:00");
    expect(soap?.urgency).toBe("soon");
    expect(soap?.startBy).toBe("2027-03-01T15:00:00.000Z");
  });

  it("within a week of Match Week's release: urgent", () => {
    expect(soapAt("2027-03-09T09:00:00-10:00")?.urgency).toBe("urgent");
  });
});
