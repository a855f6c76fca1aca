import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { renderDate } from "#domain/time.ts";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

// An early starter for the 2028 Match (graduating 2027-06-30, only WDOMS
// done) planned on 1 Mar 2027, the ECFMG application five weeks past its target (Wed 27 Jan 2027):
// Step 1's target stayed Tue 27 Apr 2027 and Step 2 CK's Wed 25 Aug 2027, no risk, although ECFMG's
// approval alone (the 90 days of the application's target rule) puts Step 1 at the end of May.

const DAY = 86_400_000;
const input = inputFactory({
  applicant: applicantFactory({ matchYear: 2028, timezone: "Africa/Lagos", graduation: "2027-06-30" }),
  milestones: [milestoneFactory("wdoms_listing", "done", "2026-10-01")],
});
const step = (result: Plan, key: string) => result.nextSteps.find((next) => next.milestone === key);
const slipped = (result: Plan) => result.risks.find((risk) => risk.code === "TARGETS_SLIPPED");

describe("a missed target moves the targets behind it, and a risk says so", () => {
  const now = "2027-03-01T12:00:00Z";
  const late = planFor(input, now);
  const fresh = planFor(input, "2026-11-30T12:00:00Z");

  it("shows on each step no target date where the risk gives a gap instead; the risk names the gaps", () => {
    // The re-derived targets move with now: each step shows the day its target reads today (the
    // gap counted from now), never the catalog's old day, which the risk's "instead of" names, and
    // counts down to its deadline, not to a day that moves; its card says the gap and that day.
    expect(step(late, "usmle_step1")?.target?.local).toBe("Sun 30 May 2027");
    expect(step(late, "usmle_step2ck")?.target?.local).toBe("Mon 27 Sep 2027");
    expect(step(late, "usmle_step1")?.action).toContain(
      "about 90 days after your Application for ECFMG Certification (your target moved with it, to Sun 30 May 2027: counted from today",
    );
    const reminderTargets = late.reminders.filter(
      (reminder) => reminder.milestone === "usmle_step1" && reminder.countsDownTo === "target",
    );
    expect(reminderTargets).toEqual([]);
    // Counted from a passed target, the moved aim follows now, so the risk names the gap, not a day
    // that moves each day.
    expect(slipped(late)?.message).toContain(
      "USMLE Step 1: aim for 90 days after you submit your Application for ECFMG Certification instead of Tue 27 Apr 2027",
    );
  });

  it("keeps the hard deadlines as they are", () => {
    for (const key of ["ecfmg_application", "usmle_step1", "usmle_step2ck"])
      expect(step(late, key)?.dueBy).toBe(step(fresh, key)?.dueBy);
  });

  it("warns that the competitive plan slipped, by which gaps, and that the Step 2 CK score comes after review starts", () => {
    const risk = slipped(late);
    expect(risk?.severity).toBe("warning");
    expect(risk?.milestones).toEqual(expect.arrayContaining(["usmle_step1", "usmle_step2ck"]));
    expect(risk?.message).toContain("Wed 27 Jan 2027");
    expect(risk?.message).toContain(
      "USMLE Step 1: aim for 90 days after you submit your Application for ECFMG Certification instead of Tue 27 Apr 2027; its deadline stays Tue 28 Sep 2027 (our advice).", // Step 2 CK's latest start
    );
    expect(risk?.message).toContain(
      "USMLE Step 2 CK: aim for 120 days after USMLE Step 1 instead of Wed 25 Aug 2027; its deadline stays Wed 26 Jan 2028 (our advice).",
    );
    expect(risk?.message).toContain("after programs start reviewing ERAS applications on Wed 22 Sep 2027");
    expect(risk?.sources?.some((source) => source.startsWith("advice: ECFMG must approve"))).toBe(true);
  });

  it("changes nothing while every target is still ahead", () => {
    expect(slipped(fresh)).toBeUndefined();
    expect(step(fresh, "usmle_step1")?.target?.local).toBe("Tue 27 Apr 2027");
    expect(step(fresh, "usmle_step2ck")?.target?.local).toBe("Wed 25 Aug 2027");
  });
});

// Rania (Africa/Lagos, 2028 Match) booked Step 1 for 2027-06-15; the step
// and BOOKED_AFTER_TARGET said Tue 15 Jun 2027, TARGETS_SLIPPED "booked for Mon 14 Jun 2027" (the
// ET day of her local midnight, a deadline's rendering) and derived Step 2 CK's target from it.
describe("a booked date that moves the targets is the applicant's own day, in every zone", () => {
  const ZONES = [
    "Africa/Lagos",
    "Asia/Manila",
    "Pacific/Auckland",
    "Asia/Kolkata",
    "America/Chicago",
    "America/Los_Angeles",
    "Europe/London",
  ] as const;
  const booked = (zone: string, date: string) =>
    inputFactory({
      applicant: applicantFactory({ matchYear: 2028, timezone: zone, graduation: "2027-07-15" }),
      milestones: [
        milestoneFactory("wdoms_listing", "done", "2026-10-01"),
        milestoneFactory("ecfmg_application", "done"),
        milestoneFactory("usmle_step1", "scheduled", date),
      ],
    });

  it("Lagos, 15 Jun 2027: booked for Tue 15 Jun 2027, Step 2 CK aimed 120 days later as the timeline shows", () => {
    const result = planFor(booked("Africa/Lagos", "2027-06-15"), "2026-11-30T12:00:00Z");
    expect(slipped(result)?.message).toContain("booked for Tue 15 Jun 2027");
    expect(slipped(result)?.message).toContain("aim for Wed 13 Oct 2027 instead of");
  });

  it("names the booked day and the timeline's Step 2 CK target, 120 calendar days on (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.parse("2027-05-05T00:00:00Z"), max: Date.parse("2027-09-15T00:00:00Z") }),
        (zone, ms) => {
          const date = new Date(ms).toISOString().slice(0, 10);
          const result = planFor(booked(zone, date), "2026-11-30T12:00:00Z");
          const message = slipped(result)?.message ?? "";
          expect(message).toContain(`booked for ${renderDate(date)}, after its target`);
          const aimed = renderDate(
            new Date(Date.parse(`${date}T00:00:00Z`) + 120 * DAY).toISOString().slice(0, 10),
          );
          expect(message).toContain(`aim for ${aimed} instead of`);
        },
      ),
      { numRuns: 60 },
    );
  });
});
