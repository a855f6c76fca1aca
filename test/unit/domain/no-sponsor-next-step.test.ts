import { describe, expect, it } from "vitest";
import { SCHOOL_CHECK } from "#domain/catalog/index.ts";
import { STAGE_LABELS, stageOf } from "#domain/console/stage.ts";
import { listedInReadingOrder } from "#domain/listed-steps.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneStatus } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * For a school with no ECFMG sponsor note whose WDOMS check the applicant
 * had marked done, the email's only "next step" was the optional US research
 * position and the console stage read "Exams and ECFMG". The next step is what resolves the gate,
 * the school's sponsor note; optional steps that need nothing from ECFMG may follow, never lead;
 * the stage names the gate.
 */
const now = new Date("2026-11-30T12:00:00Z");
const zone = "Africa/Lagos";
const planFor = (wdoms: MilestoneStatus | undefined, sponsorNote: boolean | null) =>
  plan(
    inputFactory({
      applicant: applicantFactory({
        matchYear: 2027,
        timezone: zone,
        graduation: "2024-06-30",
        medicalSchool: { name: "X Medical College", country: "NG", wdomsSponsorNote: sponsorNote },
      }),
      milestones: wdoms === undefined ? [] : [milestoneFactory("wdoms_listing", wdoms, "2026-01-01")],
    }),
    seasonCalendar(2027),
    now,
  );

describe("no sponsor note: the next step is the school's note", () => {
  it.each(["done", "not_started", "in_progress"] as const)(
    "leads with the school's sponsor note, whatever the WDOMS check's status (%s)",
    (status) => {
      const result = planFor(status, false);
      const listed = listedInReadingOrder(result, zone);
      expect(listed[0]?.milestone).toBe(SCHOOL_CHECK.key);
      expect(listed[0]?.action).toBe(SCHOOL_CHECK.ineligible.action);
      expect(listed.findIndex((step) => step.milestone === "research")).not.toBe(0);
    },
  );

  it("the email's next steps lead with it", () => {
    const result = planFor("done", false);
    const email = renderReminderEmail({
      recipientName: "T",
      reminders: result.reminders,
      plan: result,
      timezone: zone,
      unsubscribeUrl: "https://api.example.org/u",
    });
    const below = email.text.slice(email.text.indexOf("Your next steps"));
    const school = below.indexOf(SCHOOL_CHECK.ineligible.action);
    expect(school).toBeGreaterThan(-1);
    const research = below.indexOf("Research experience");
    expect(research === -1 || research > school).toBe(true);
  });

  it.each([
    ["no sponsor note, check done", "done", false],
    ["no sponsor note, check not started", "not_started", false],
    ["note unknown, check not started", "not_started", null],
  ] as const)("the console stage names the gate: %s", (_label, status, note) => {
    const stage = stageOf(planFor(status, note));
    expect(stage).toBe("sponsor-note");
    expect(STAGE_LABELS[stage]).toBe("School's ECFMG sponsor note");
  });

  it("an eligible school is not held at the gate", () => {
    expect(stageOf(planFor("done", true))).toBe("exams");
  });
});
