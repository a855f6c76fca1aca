import { describe, expect, it } from "vitest";
import { catalogEntry } from "#domain/catalog/index.ts";
import type { Plan } from "#domain/plan.ts";
import { pathwayDocumentsDeadline } from "#domain/planner/pathway-deadlines.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneKey } from "#domain/snapshot.ts";
import { DAY_MS, etInstant, localDate, startOfLocalDate } from "#domain/time.ts";
import {
  applicantFactory,
  DONE_TO_NRMP_BUT_OET_AND_PATHWAY,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  openStepsNotStarted,
} from "./factories.ts";

// The feasibility check allowed 21 days for a USMLE result and 21 for
// the ECFMG application where the deadlines allow the catalog's 28 and 90, and its "what it would
// take" text cited a Step 1 score source after the Pathway. It now reads the catalog's allowances.

const calendar = seasonCalendar(2027);
const rol = calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
const documentsDue = pathwayDocumentsDeadline(calendar) as number;
const outOfReach = (result: Plan) => result.risks.find((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE");
const step2ckReporting = catalogEntry("usmle_step2ck").reportingDays;
const applicationDue = catalogEntry("ecfmg_application").due;
const applicationDays = applicationDue.from === "none" ? Number.NaN : -applicationDue.offsetDays;

/** A Kolkata J-1 applicant (2027 Match) with `done` done, the OET not started, the Pathway submitted 15 Oct 2026. */
function pathwaySubmittedInKolkata(done: readonly MilestoneKey[]): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ matchYear: 2027, timezone: "Asia/Kolkata", visa: "J-1" }),
    milestones: openStepsNotStarted([
      ...doneMilestones(done),
      milestoneFactory("ecfmg_pathway", "in_progress", "2026-10-15"),
    ]),
  });
}

describe("feasibility reads the deadlines' own lead times from the catalog", () => {
  it("uses the same result time as the Step 2 CK deadline: its last sitting plus the catalog's reportingDays, to the hour", () => {
    // Everything done but Step 2 CK, already prepared for (in progress): its result takes the
    // catalog's reporting days, and the booking allowance alone writes no season off:
    // any seat by the last sitting day still counts, and that day is a day: the season ends
    // as the applicant's next local day begins (Kolkata: 28 Jan 00:00 IST, before 9:00 PM ET on the 27th).
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
    const lead = (step2ckReporting?.days ?? 0) * DAY_MS;
    expect(step2ckReporting?.days).toBe(28);
    const nextDay = startOfLocalDate("Asia/Kolkata", "2027-01-28");
    expect(nextDay).toBeLessThan(rol - lead);
    const inTime = plan(input, calendar, new Date(nextDay - 3_600_000));
    const tooLate = plan(input, calendar, new Date(nextDay + 3_600_000));
    expect(outOfReach(inTime)).toBeUndefined();
    // Past it, the projected (earlier) deadline alone writes nothing off: the later candidate's last
    // sitting day is a week on; from the next local day after that one, out of reach.
    expect(outOfReach(tooLate)).toBeUndefined();
    const afterLater = plan(input, calendar, new Date(nextDay + 7 * DAY_MS + 3_600_000));
    expect(outOfReach(afterLater)?.earliestFeasibleMatchYear).toBe(2028);
    // The Step 2 CK deadline the plan shows is the day that leaves those reporting days before the
    // ROL deadline (its ET day), due until the applicant's next local day, when the season ends.
    const shown = inTime.nextSteps.find((step) => step.milestone === "usmle_step2ck")?.deadline;
    expect(shown?.day).toBe(localDate("America/New_York", rol - (step2ckReporting?.days ?? 0) * DAY_MS));
    expect(Date.parse(shown?.at ?? "")).toBe(nextDay);
  });

  it("names each allowance with its own citation, on its own step, and lists each full source once", () => {
    const input = inputFactory({
      applicant: applicantFactory({ matchYear: 2027 }),
      milestones: doneMilestones(["wdoms_listing"]),
    });
    const risk = outOfReach(plan(input, calendar, new Date("2026-11-30T06:00:00Z")));
    const message = risk?.message ?? "";
    const takes = message.slice(message.indexOf("for information only (not steps to take now):"));
    const steps = takes.split("; ");
    const about = (title: string) => steps.find((part) => part.includes(title)) ?? "";
    expect(applicationDays).toBe(90);
    expect(about("Application for ECFMG Certification:")).toContain(
      `about ${applicationDays} days for ECFMG's approval and your exam registration`,
    );
    for (const title of ["USMLE Step 1:", "USMLE Step 2 CK:"])
      expect(about(title)).toContain(`then about ${step2ckReporting?.days} days for the result`);
    expect(about("OET Medicine:")).toContain(
      `then about ${catalogEntry("oet_medicine").reportingDays?.days} days for the result`,
    );
    // Each allowance's basis (advice) is in sources, with its own step, not in the sentence.
    const oetReporting = catalogEntry("oet_medicine").reportingDays;
    expect(risk?.sources).toContain(
      `${oetReporting?.source} (Pass OET Medicine: result, about ${oetReporting?.days} days)`,
    );
    expect(takes).not.toContain("(advice)");
    // The Pathway carries no exam's result source, only its own review allowance,
    // and no 21-day USMLE allowance remains.
    const review = catalogEntry("ecfmg_pathway").reportingDays;
    // Its day: the application approved 90 days from now (Sun 28 Feb 2027), then its review.
    expect(about("ECFMG Pathway:")).toBe(
      `ECFMG Pathway: about ${review?.days} days for ECFMG's review once your application and OET result are in (decided around Sun 28 Mar 2027)`,
    );
    expect(message).not.toMatch(/medschooltutors|result times:|21 days for the result \(secondary/);
    // (FSMB's permit and a test date, about 21 days, is no result allowance.)
    expect(takes).not.toMatch(/USMLE Step \d[^;]*about 21 days for the result/);
    expect(about("USMLE Step 1:")).toContain("FSMB's scheduling permit and a test date within about 21 days");
    // Every allowance's source sits once with its own step, none with the Pathway.
    const sources = risk?.sources ?? [];
    const step1 = catalogEntry("usmle_step1");
    for (const labelled of [
      `${applicationDue.source} (Submit the Application for ECFMG Certification: approval and exam registration, about ${applicationDays} days)`,
      `${step1.leadTimeDays.source} (Pass USMLE Step 1: preparation, about ${step1.leadTimeDays.days} days)`,
      `${step1.reportingDays?.source} (Pass USMLE Step 1: result, about ${step1.reportingDays?.days} days)`,
      `${step2ckReporting?.source} (Pass USMLE Step 2 CK: result, about ${step2ckReporting?.days} days)`,
    ])
      expect(sources.filter((each) => each === labelled)).toHaveLength(1);
    expect(sources.filter((each) => each.includes("Pathway"))).toEqual([
      `${review?.source} (Complete an ECFMG Pathway: review, about ${review?.days} days)`,
    ]);
    // A lead time's source is never listed bare, away from its step.
    expect(sources).not.toContain(step2ckReporting?.source);
    expect(sources).not.toContain(step1.leadTimeDays.source);
  });

  it("counts the OET result and then ECFMG's Pathway review, to the hour", () => {
    // Kolkata, J-1: Steps 1 and 2 CK done, the OET not started, the Pathway application submitted,
    // not yet applied to the season. Fastest pace: the OET's fastest preparation (the catalog's,
    // none: the booking only), its result, then the Pathway review. (Whether ERAS
    // and NRMP are done changes nothing: the case below.)
    const input = pathwaySubmittedInKolkata(
      DONE_TO_NRMP_BUT_OET_AND_PATHWAY.filter(
        (key) => key !== "eras_application" && key !== "nrmp_registration",
      ),
    );
    const oet = catalogEntry("oet_medicine");
    const review = catalogEntry("ecfmg_pathway").reportingDays;
    expect(review?.days).toBe(28);
    // The OET result follows the Pathway application as a supporting document, due by the
    // projected documents deadline, one day before the ROL deadline less ECFMG's review: the
    // boundary is that deadline less the OET's fastest sitting and result (a result after it ends
    // the season; it once only warned).
    expect(documentsDue).toBeLessThan(rol - (review?.days ?? 0) * DAY_MS);
    // Its booking week alone writes no season off either: any sitting by its last sitting
    // day (the documents deadline less the OET result, Tue 5 Jan 2027) counts, to Kolkata's next day.
    expect(oet.fastestPreparationDays?.days).toBe(0);
    expect(documentsDue - (oet.reportingDays?.days ?? 0) * DAY_MS).toBe(etInstant("2027-01-05", "21:00"));
    // The write-off comes after the later candidate's last sitting day, Tue 12 Jan 2027: ECFMG's
    // deadlines follow NRMP's; between the two, kept with the later-candidate risk.
    const nextDay = startOfLocalDate("Asia/Kolkata", "2027-01-13");
    expect(outOfReach(plan(input, calendar, new Date(nextDay - 3_600_000)))).toBeUndefined();
    const late = outOfReach(plan(input, calendar, new Date(nextDay + 3_600_000)));
    expect(late?.earliestFeasibleMatchYear).toBe(2028);
    // A week later, even the rank order list deadline is missed.
    expect(late?.message).toContain("after the rank order list deadline");
    expect(late?.message).toContain("ECFMG Pathway: about 28 days for ECFMG's review");
    expect(late?.message).toContain(
      "OET Medicine: an OET session within about 20 days (sessions are on fixed dates), counting no time to study for it (the usual preparation is about 60 days)",
    );
    // On 1 Dec 2026 the usual 60 days of preparation would miss the
    // season, but that advice alone no longer writes it off: in reach at the fastest pace.
    expect(outOfReach(plan(input, calendar, new Date("2026-12-01T08:00:00Z")))).toBeUndefined();
  });

  it("counts the same OET pace once ERAS and NRMP are done too: fees paid prepare no one", () => {
    // Only booking was once counted for an applicant committed to the season; fees are
    // irrelevant to readiness: the same boundary as the unpaid applicant above.
    const input = pathwaySubmittedInKolkata(DONE_TO_NRMP_BUT_OET_AND_PATHWAY);
    const oet = catalogEntry("oet_medicine");
    const review = catalogEntry("ecfmg_pathway").reportingDays;
    expect(review?.days).toBe(28);
    // Its booking week alone writes no season off either: any sitting by its last sitting
    // day (the documents deadline less the OET result, Tue 5 Jan 2027) counts, to Kolkata's next day.
    expect(oet.fastestPreparationDays?.days).toBe(0);
    expect(documentsDue - (oet.reportingDays?.days ?? 0) * DAY_MS).toBe(etInstant("2027-01-05", "21:00"));
    // The write-off comes after the later candidate's last sitting day, Tue 12 Jan 2027: ECFMG's
    // deadlines follow NRMP's; between the two, kept with the later-candidate risk.
    const nextDay = startOfLocalDate("Asia/Kolkata", "2027-01-13");
    expect(outOfReach(plan(input, calendar, new Date(nextDay - 3_600_000)))).toBeUndefined();
    const late = outOfReach(plan(input, calendar, new Date(nextDay + 3_600_000)));
    expect(late?.earliestFeasibleMatchYear).toBe(2028);
    expect(late?.message).toContain("counting no time to study for it");
    expect(outOfReach(plan(input, calendar, new Date("2026-12-01T08:00:00Z")))).toBeUndefined();
  });
});
