import { describe, expect, it } from "vitest";
import { catalogEntry } from "#domain/catalog/index.ts";
import type { Plan } from "#domain/plan.ts";
import { EXAM_BOOKING_DAYS } from "#domain/planner/advice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { DAY_MS } from "#domain/time.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

// Tester s4 finding 8 and s5 C3: the feasibility check allowed 21 days for a USMLE result and 21 for
// the ECFMG application where the deadlines allow the catalog's 28 and 90, and its "what it would
// take" text cited a Step 1 score source after the Pathway. It now reads the catalog's allowances.

const calendar = seasonCalendar(2027);
const rol = calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
const outOfReach = (result: Plan) => result.risks.find((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE");
const step2ckReporting = catalogEntry("usmle_step2ck").reportingDays;
const applicationDue = catalogEntry("ecfmg_application").due;
const applicationDays = applicationDue.from === "none" ? Number.NaN : -applicationDue.offsetDays;

describe("feasibility reads the deadlines' own lead times from the catalog", () => {
  it("uses the same result time as the Step 2 CK deadline: booking plus the catalog's reportingDays, to the hour", () => {
    // Everything done but Step 2 CK, already prepared for (in progress): it can be sat within the
    // booking allowance and its result takes the catalog's reporting days.
    const input = inputFactory({
      applicant: applicantFactory({ matchYear: 2027 }),
      milestones: [
        ...doneMilestones([
          "wdoms_listing",
          "ecfmg_application",
          "usmle_step1",
          "oet_medicine",
          "ecfmg_pathway",
        ]),
        milestoneFactory("usmle_step2ck", "in_progress"),
      ],
    });
    const lead = (EXAM_BOOKING_DAYS + (step2ckReporting?.days ?? 0)) * DAY_MS;
    expect(step2ckReporting?.days).toBe(28);
    const inTime = plan(input, calendar, new Date(rol - lead - 3_600_000));
    const tooLate = plan(input, calendar, new Date(rol - lead + 3_600_000));
    expect(outOfReach(inTime)).toBeUndefined();
    expect(outOfReach(tooLate)?.earliestFeasibleMatchYear).toBe(2028);
    // The Step 2 CK deadline the plan shows leaves exactly those reporting days before the ROL deadline.
    const shownDue = inTime.nextSteps.find((step) => step.milestone === "usmle_step2ck")?.deadline?.at ?? "";
    expect(Date.parse(shownDue)).toBe(rol - (step2ckReporting?.days ?? 0) * DAY_MS);
  });

  it("names each allowance with its own citation, on its own step, and lists each full source once", () => {
    const input = inputFactory({
      applicant: applicantFactory({ matchYear: 2027 }),
      milestones: doneMilestones(["wdoms_listing"]),
    });
    const risk = outOfReach(plan(input, calendar, new Date("2026-11-30T06:00:00Z")));
    const message = risk?.message ?? "";
    const takes = message.slice(message.indexOf("What it would take:"));
    const steps = takes.split("; ");
    const about = (title: string) => steps.find((part) => part.includes(title)) ?? "";
    expect(applicationDays).toBe(90);
    expect(about("Submit the Application for ECFMG Certification")).toContain(
      `about ${applicationDays} days for ECFMG's approval and your exam registration`,
    );
    for (const title of ["Pass USMLE Step 1", "Pass USMLE Step 2 CK"])
      expect(about(title)).toContain(`then about ${step2ckReporting?.days} days for the result`);
    expect(about("Pass OET Medicine")).toContain(
      `then about ${catalogEntry("oet_medicine").reportingDays?.days} days for the result`,
    );
    // Each allowance's basis (advice) is in sources, with its own step, not in the sentence.
    const oetReporting = catalogEntry("oet_medicine").reportingDays;
    expect(risk?.sources).toContain(
      `${oetReporting?.source} (Pass OET Medicine: result, about ${oetReporting?.days} days)`,
    );
    expect(takes).not.toContain("(advice)");
    // The Pathway carries no exam's result source (s5 C3), and no 21-day USMLE allowance remains.
    expect(about("Complete an ECFMG Pathway")).toBe(
      "Complete an ECFMG Pathway: as soon as its prerequisites are met",
    );
    expect(message).not.toMatch(/medschooltutors|result times:|21 days for the result \(secondary/);
    expect(takes).not.toMatch(/USMLE Step \d[^;]*about 21 days/);
    // Every allowance's source sits once with its own step (s5 C3), none with the Pathway.
    const sources = risk?.sources ?? [];
    const step1 = catalogEntry("usmle_step1");
    for (const labelled of [
      `${applicationDue.source} (Submit the Application for ECFMG Certification: approval and exam registration, about ${applicationDays} days)`,
      `${step1.leadTimeDays.source} (Pass USMLE Step 1: preparation, about ${step1.leadTimeDays.days} days)`,
      `${step1.reportingDays?.source} (Pass USMLE Step 1: result, about ${step1.reportingDays?.days} days)`,
      `${step2ckReporting?.source} (Pass USMLE Step 2 CK: result, about ${step2ckReporting?.days} days)`,
    ])
      expect(sources.filter((each) => each === labelled)).toHaveLength(1);
    expect(sources.some((each) => each.includes("Pathway"))).toBe(false);
    // A lead time's source is never listed bare, away from its step.
    expect(sources).not.toContain(step2ckReporting?.source);
    expect(sources).not.toContain(step1.leadTimeDays.source);
  });
});
