import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// Matched on H-1B for a 1 Jul 2027 start, Step 3 passed, the contract signed: the plan files the
// petition on Fri 16 Apr, USCIS approves it with premium processing 15 business days later, and the
// stamping follows at the plan's allowance. The last filing day for the start is Fri 30 Apr (approval
// Fri 21 May, visa Wed 30 Jun). A petition filed later, or told "filed today" once that day has
// passed, is judged by when its approval comes, as an approval reported is: one count from approval
// to visa. The day after the last day read "even filed today … approval around Fri 21 May … after
// residency starts" while a petition approved on Fri 21 May raised no risk at all.

const calendar = seasonCalendar(2027);
const ZONES = ["Pacific/Honolulu", "Pacific/Auckland", "Africa/Lagos"];
const h1b = (zone: string, petition: MilestoneEntry) =>
  matched2027(zone, {
    visa: "H-1B",
    extra: [
      milestoneFactory("contract", "done", "2027-03-26"),
      milestoneFactory("usmle_step3", "done", "2027-01-10"),
      petition,
    ],
  });
const planAt = (input: ReturnType<typeof matched2027>, now: string): Plan =>
  plan(input, calendar, new Date(now));
const startRisk = (result: Plan) => result.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START");
/** Noon of a day where she is, as UTC: after the US's day of the same date has begun in every zone here. */
const noonIn = (zone: string, day: string) =>
  new Date(
    `${day}T12:00:00${zone === "Pacific/Honolulu" ? "-10:00" : zone === "Africa/Lagos" ? "+01:00" : "+12:00"}`,
  ).toISOString();

describe.each(ZONES)("the H-1B petition's last filing day, counted from its approval (%s)", (zone) => {
  it("filed on the last day, Fri 30 Apr: approval Fri 21 May, no risk to the start", () => {
    const result = planAt(
      h1b(zone, milestoneFactory("visa_h1b", "in_progress", "2027-04-30")),
      noonIn(zone, "2027-05-02"),
    );
    expect(startRisk(result)).toBeUndefined();
  });

  it("approved on Fri 21 May: no risk to the start", () => {
    const result = planAt(
      h1b(zone, milestoneFactory("visa_h1b", "done", "2027-05-21")),
      noonIn(zone, "2027-05-22"),
    );
    expect(startRisk(result)).toBeUndefined();
  });

  it("filed on Sat 1 May: approved a business day later than Friday's filing, after the start", () => {
    const result = planAt(
      h1b(zone, milestoneFactory("visa_h1b", "in_progress", "2027-05-01")),
      noonIn(zone, "2027-05-02"),
    );
    expect(startRisk(result)?.severity).toBe("critical");
  });

  it("not filed, the day after the last day: 'even filed today' prices the approval after Fri 21 May", () => {
    const result = planAt(h1b(zone, milestoneFactory("visa_h1b", "not_started")), noonIn(zone, "2027-05-02"));
    const message = startRisk(result)?.message ?? "";
    expect(message).toContain("about Fri 30 Apr 2027, has passed");
    expect(message).toContain("USCIS's approval would come around Mon 24 May 2027");
    expect(message).not.toContain("Fri 21 May 2027");
  });

  it("not filed, on the last day: 'even filed today' brings the approval on Fri 21 May, the visa in time", () => {
    const result = planAt(h1b(zone, milestoneFactory("visa_h1b", "not_started")), noonIn(zone, "2027-04-30"));
    const message = startRisk(result)?.message ?? "";
    expect(message).toContain("must file your H-1B petition by about Fri 30 Apr 2027");
    expect(message).toContain("USCIS's approval would come around Fri 21 May 2027");
    expect(message).not.toContain("after residency starts");
  });
});
