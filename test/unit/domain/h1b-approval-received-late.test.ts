import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A graduate in Cairo matched on an H-1B for a Thu 1 Jul 2027 start, Step 3 passed. This plan has the
// program file the petition 60 days before the stamping (our advice: the stamping by Wed 16 Jun), the
// approval about 15 business days later with premium processing, and the rest of that time for the
// DS-160 and the consular interview. An approval (Form I-797) that comes a month late leaves no time
// for the interview before the start: an advisor says so the day the applicant tells us, as for a
// DS-2019 received late, not once the stamping's own date has passed.

const calendar = seasonCalendar(2027);

function approved(zone: string, petition: MilestoneEntry, stamping?: MilestoneEntry) {
  return matched2027(zone, {
    visa: "H-1B",
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2026-10-01"),
      milestoneFactory("usmle_step3", "done", "2027-01-20"),
      milestoneFactory("contract", "done", "2027-03-25"),
      petition,
      ...(stamping === undefined ? [] : [stamping]),
    ],
  });
}
const visaRisk = (result: Plan) => result.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START");

describe("an H-1B petition approved on 10 June, abroad, the stamping interview not booked", () => {
  // Cairo, the evening the approval notice came.
  const result = plan(
    approved("Africa/Cairo", milestoneFactory("visa_h1b", "done", "2027-06-10")),
    calendar,
    new Date("2027-06-10T17:00:00Z"),
  );

  it("is critical the day it is told: the visa would come after the start", () => {
    const risk = visaRisk(result);
    expect(risk?.severity).toBe("critical");
    expect(risk?.milestones).toContain("visa_h1b_stamping");
    expect(risk?.message).toContain("Your program's H-1B petition was approved on Thu 10 Jun 2027");
    expect(risk?.message).toMatch(/your visa would come around \w{3} \d+ Jul 2027, after residency starts/);
    expect(risk?.message).toContain("tell your program's GME office now that your start may be delayed");
    const notice = result.reminders.find(
      (reminder) => reminder.milestone === "visa_h1b_stamping" && reminder.rung === "critical-risk",
    );
    expect(notice).toBeDefined();
  });
});

describe("an H-1B petition approved in time", () => {
  it("raises no visa risk the day it is told", () => {
    const result = plan(
      approved("Africa/Cairo", milestoneFactory("visa_h1b", "done", "2027-05-10")),
      calendar,
      new Date("2027-05-10T17:00:00Z"),
    );
    expect(visaRisk(result)).toBeUndefined();
  });
});

describe("an H-1B petition approved on 10 June, the stamping interview already booked", () => {
  it("is judged by the interview's own day, not by the approval's", () => {
    const result = plan(
      approved(
        "Africa/Cairo",
        milestoneFactory("visa_h1b", "done", "2027-06-10"),
        milestoneFactory("visa_h1b_stamping", "scheduled", "2027-06-14"),
      ),
      calendar,
      new Date("2027-06-10T17:00:00Z"),
    );
    expect(visaRisk(result)?.message ?? "").not.toContain("was approved on");
  });
});
