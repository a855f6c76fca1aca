import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { MILESTONE_KEYS, MILESTONE_STATUSES } from "#domain/snapshot.ts";
import { localDate } from "#domain/time.ts";
import { applicantFactory, inputFactory, interviewFactory } from "./factories.ts";

/**
 * No instruction is ever dated before `now`: a step text or a risk that
 * asks the applicant to act "by <day>" names today or a later day where the applicant lives.
 */

function planFor(input: PlannerInput, now: string): Plan {
  return plan(input, seasonCalendar(input.applicant.matchYear), new Date(now));
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
// "was needed by", and a filed petition's "this plan expected the approval by <day>, a day that has
// passed" (USCIS's act, not the applicant's), state a past day: no instruction.
const BY_DAY =
  /(?<!(?:was|were) needed |expected the approval )\bby (?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4})/g;

/** Every "by <day>" in the plan's step texts and risk messages whose day is before `today`. */
function pastByDays(result: Plan, today: string): string[] {
  const texts = [
    ...result.nextSteps.map((step) => `${step.milestone}: ${step.action}`),
    ...result.risks.map((risk) => `${risk.code}: ${risk.message}`),
  ];
  const found: string[] = [];
  for (const text of texts) {
    for (const match of text.matchAll(BY_DAY)) {
      // A question about what was done by a deadline (RANK_LIST_UNREPORTED, "Did you register
      // with NRMP and certify a rank order list by Wed 24 Feb 2027?") asks, it instructs nothing.
      const sentence = text.slice(text.lastIndexOf(". ", match.index) + 2, match.index);
      if (/(?:^|: )(?:Did you |You never told us whether you )/.test(sentence)) continue;
      const [, day, month, year] = match;
      const iso = `${year}-${String(MONTHS.indexOf(month ?? "") + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
      if (iso < today) found.push(`${match[0]} (before ${today}) in ${text}`);
    }
  }
  return found;
}

/** A Manila applicant with the OET booked: all done for the 2027 Match but the OET and the Pathway. */
function oetBooked(date: string): PlannerInput {
  const done = [
    "wdoms_listing",
    "ecfmg_application",
    "usmle_step1",
    "usmle_step2ck",
    "eras_token",
    "eras_application",
    "nrmp_registration",
    "lors",
    "cv",
    "personal_statement",
    "program_list",
  ] as const;
  return inputFactory({
    applicant: applicantFactory({ timezone: "Asia/Manila", matchYear: 2027 }),
    milestones: [
      ...done.map((key) => ({ key, status: "done" as const })),
      { key: "oet_medicine", status: "scheduled", date },
    ],
  });
}

describe("no instruction dated before now", () => {
  const ZONES = [
    "Asia/Kolkata",
    "Africa/Lagos",
    "America/Chicago",
    "Asia/Manila",
    "Pacific/Auckland",
  ] as const;
  const inputArb = fc
    .record({
      zone: fc.constantFrom(...ZONES),
      matchYear: fc.constantFrom(2026, 2027, 2028),
      visa: fc.constantFrom("J-1" as const, "H-1B" as const, "none" as const, "undecided" as const),
      statuses: fc.array(
        fc.record({
          key: fc.constantFrom(...MILESTONE_KEYS),
          status: fc.constantFrom(...MILESTONE_STATUSES),
          date: fc.option(
            fc
              .integer({ min: Date.parse("2025-06-01T00:00:00Z"), max: Date.parse("2028-06-01T00:00:00Z") })
              .map((ms) => new Date(ms).toISOString().slice(0, 10)),
            { nil: undefined },
          ),
        }),
        { maxLength: 28 },
      ),
      interviews: fc.array(
        fc.integer({ min: Date.parse("2025-09-01T00:00:00Z"), max: Date.parse("2028-02-01T00:00:00Z") }),
        { maxLength: 2 },
      ),
    })
    .map((drawn): PlannerInput => {
      const seen = new Set<string>();
      return inputFactory({
        applicant: applicantFactory({ timezone: drawn.zone, matchYear: drawn.matchYear, visa: drawn.visa }),
        milestones: drawn.statuses
          .filter((entry) => !seen.has(entry.key) && seen.add(entry.key))
          .map((entry) => (entry.date === undefined ? { key: entry.key, status: entry.status } : entry)),
        interviews: drawn.interviews.map((at, index) =>
          interviewFactory({ id: `iv-${index}`, startsAt: new Date(at).toISOString() }),
        ),
      });
    });
  const nowArb = fc
    .integer({ min: Date.parse("2025-06-01T00:00:00Z"), max: Date.parse("2028-03-01T00:00:00Z") })
    .map((ms) => new Date(ms).toISOString());

  it("no step text or risk message says 'by <day>' for a day before today in the applicant's zone", () => {
    fc.assert(
      fc.property(inputArb, nowArb, (input, now) => {
        const today = localDate(input.applicant.timezone, Date.parse(now));
        expect(pastByDays(planFor(input, now), today)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it("an undecided visa in Kolkata, the day after the visa's day there, names it as passed (seed -1595147564)", () => {
    // The counterexample: the visa steps' day is Tue 16 Jun 2026 (an ET day, two weeks before the
    // residency start), and 18:30 UTC is midnight starting Wed 17 Jun in Kolkata while ET is still
    // on the 16th. "Must be in hand by Tue 16 Jun 2026" was an instruction for a day already past.
    const input = inputFactory({
      applicant: applicantFactory({ timezone: "Asia/Kolkata", matchYear: 2026, visa: "undecided" }),
      milestones: [{ key: "visa_j1", status: "done" }],
    });
    const before = planFor(input, "2026-06-16T18:29:00Z");
    const visaBefore = before.risks.find((risk) => risk.code === "VISA_UNDECIDED");
    expect(visaBefore?.message).toContain("your visa must be in hand by Tue 16 Jun 2026");
    expect(before.riskChangesAt).toContain("2026-06-16T18:30:00.000Z");

    const result = planFor(input, "2026-06-16T18:30:00Z");
    expect(pastByDays(result, "2026-06-17")).toEqual([]);
    const visa = result.risks.find((risk) => risk.code === "VISA_UNDECIDED");
    expect(visa?.message).toContain(
      "your visa was needed by Tue 16 Jun 2026, before orientation, a day that has passed: get it as soon as you can",
    );
  });

  it("an OET booked for 20 Jan 2027 gives no instruction dated before now (oetsched)", () => {
    // Once out of reach (the projected Pathway deadlines now only warn); the
    // point here, no past "by" day, holds either way.
    const result = planFor(oetBooked("2027-01-20"), "2026-11-30T12:00:00Z");
    expect(result.risks.map((risk) => risk.code)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(pastByDays(result, "2026-11-30")).toEqual([]);
  });

  it("in season, an OET booked after its own last day is asked to move by that day, still ahead", () => {
    // Its last day counts back from the Pathway's deadline for supporting documents (Tue 26 Jan
    // 2027, projected) by the result time, 21 days: Tue 5 Jan 2027, ahead on 20 Nov 2026 (it was
    // Sat 14 Nov, six weeks before the application deadline, and "as soon as you can" here,
    // before the projected Pathway deadlines only warned). Once it has passed, the result can no longer be reviewed before the ROL
    // deadline and the season is out of reach (pathway-documents-deadline.test.ts).
    const input = oetBooked("2027-01-20");
    const result = planFor(input, "2026-11-20T12:00:00Z");
    expect(result.risks.map((risk) => risk.code)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(pastByDays(result, "2026-11-20")).toEqual([]);
    const oet = result.nextSteps.find((step) => step.milestone === "oet_medicine");
    expect(oet?.urgency).not.toBe("overdue");
    // The day to book by for it, still ahead.
    expect(oet?.action).toContain(
      "book by about Wed 16 Dec 2026 (sessions close their bookings about 20 days ahead; our advice) a sitting on or before Tue 5 Jan 2027",
    );
    const late = result.risks.find((risk) => risk.code === "EXAMS_LATE_FOR_RANKING");
    expect(late?.message).toContain("a sitting on or before Tue 5 Jan 2027"); // its booking day first
  });
});
