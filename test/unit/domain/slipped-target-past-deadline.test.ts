import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { PlannerInput } from "#domain/planner.ts";
import { MILESTONE_STATUSES, type MilestoneKey } from "#domain/snapshot.ts";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

// Step 1 and Step 2 CK both in progress with no dates, 2027 Match, planned in mid-January
// 2027: a critical TARGETS_SLIPPED said "aim for Step 2 CK on 5 May 2027", past its hard deadline (the
// last sitting day, Wed 27 Jan 2027) and a day later each day, beside EXAMS_LATE_FOR_RANKING's "sit it
// by Wed 27 Jan 2027". Rule: a slipped target never proposes a date after the step's deadline; when
// a deadline rule speaks about the step, TARGETS_SLIPPED leaves it to that rule; and no date it names
// moves from one day to the next for the same input.

const DAY = 86_400_000;
const DATE = /(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4}/g;
const slipped = (result: Plan) => result.risks.find((risk) => risk.code === "TARGETS_SLIPPED");

/** A 2027 applicant in Cairo with everything before ERAS done but the two USMLE exams, under way, undated. */
const bothExamsUnderWay = inputFactory({
  applicant: applicantFactory({ timezone: "Africa/Cairo", matchYear: 2027, graduation: "2025-07-31" }),
  milestones: [
    ...doneMilestones(
      ["wdoms_listing", "ecfmg_application", "oet_medicine", "ecfmg_pathway", "usce", "lors", "cv"],
      "2026-05-20",
    ),
    milestoneFactory("usmle_step1", "in_progress"),
    milestoneFactory("usmle_step2ck", "in_progress"),
  ],
});

describe("a slipped target never reaches past its step's deadline", () => {
  it("leaves Step 2 CK to the deadline rules in mid-January, when they name its last sitting day", () => {
    const result = planFor(bothExamsUnderWay, "2027-01-14T09:00:00Z");
    const late = result.risks.find((risk) => risk.code === "EXAMS_LATE_FOR_RANKING");
    expect(late?.milestones).toContain("usmle_step2ck");
    expect(slipped(result)?.milestones ?? []).not.toContain("usmle_step2ck");
    for (const day of slipped(result)?.message.match(DATE) ?? [])
      expect(Date.parse(`${day.slice(4)} UTC`)).toBeLessThanOrEqual(Date.parse("27 Jan 2027 UTC"));
  });

  it("in November, when the usual 120 days no longer fit, names the deadline and no date after it", () => {
    const result = planFor(bothExamsUnderWay, "2026-11-20T09:00:00Z");
    const risk = slipped(result);
    expect(risk?.milestones).toContain("usmle_step2ck");
    expect(risk?.message).toContain(
      "USMLE Step 2 CK: the usual 120 days after USMLE Step 1 no longer fit before its deadline, Wed 27 Jan 2027",
    );
    expect(risk?.message).not.toContain("aim for");
    const days = (risk?.message.match(DATE) ?? []).map((day) => Date.parse(`${day.slice(4)} UTC`));
    for (const at of days) expect(at).toBeLessThanOrEqual(Date.parse("27 Jan 2027 UTC"));
  });

  it("in June, while the chain still fits, names days counted from the application's submission, not a date that follows today", () => {
    const june = slipped(planFor(bothExamsUnderWay, "2026-06-15T09:00:00Z"));
    const nextDay = slipped(planFor(bothExamsUnderWay, "2026-06-16T09:00:00Z"));
    // Submitted on Wed 20 May 2026: ECFMG's approval (the 90 days before Step 1) runs from that day.
    expect(june?.message).toContain(
      "USMLE Step 1: aim for Tue 18 Aug 2026 instead of Tue 28 Apr 2026 (111 days later), 90 days after your Application for ECFMG Certification went in on Wed 20 May 2026. USMLE Step 2 CK: aim for Wed 16 Dec 2026 instead of Wed 26 Aug 2026 (111 days later), 120 days after USMLE Step 1.",
    );
    expect(nextDay?.message).toBe(june?.message);
  });
});

describe("TARGETS_SLIPPED names the same dates on two consecutive days for the same input", () => {
  const CHAIN: readonly MilestoneKey[] = [
    "ecfmg_application",
    "usmle_step1",
    "usmle_step2ck",
    "oet_medicine",
    "ecfmg_pathway",
    "usce",
    "lors",
  ];
  const dayArb = (from: string, to: string) =>
    fc.integer({ min: Date.parse(from) / DAY, max: Date.parse(to) / DAY }).map((day) => day * DAY);
  const inputArb = fc
    .record({
      zone: fc.constantFrom("Africa/Cairo", "Pacific/Auckland", "America/Chicago", "Asia/Manila"),
      matchYear: fc.constantFrom(2027, 2028),
      entries: fc.array(
        fc.record({
          key: fc.constantFrom(...CHAIN),
          status: fc.constantFrom(...MILESTONE_STATUSES),
          at: fc.option(dayArb("2026-01-01", "2028-01-31"), { nil: undefined }),
        }),
        { maxLength: 7 },
      ),
    })
    .map((drawn) => {
      const seen = new Set<string>();
      const milestones = drawn.entries
        .filter((entry) => !seen.has(entry.key) && seen.add(entry.key))
        .map((entry) =>
          milestoneFactory(
            entry.key,
            entry.status,
            entry.at === undefined ? undefined : new Date(entry.at).toISOString().slice(0, 10),
          ),
        );
      const input: PlannerInput = inputFactory({
        applicant: applicantFactory({ timezone: drawn.zone, matchYear: drawn.matchYear }),
        milestones: [...doneMilestones(["wdoms_listing"], "2025-12-01"), ...milestones],
      });
      return { input, dated: drawn.entries.flatMap((entry) => (entry.at === undefined ? [] : [entry.at])) };
    });

  /** Each line of the risk (a sentence group led by "<step>:"), by its step, with the dates it names (a set). */
  const linesOf = (message: string): Map<string, string[]> => {
    const lines = new Map<string, string[]>();
    for (const part of message.split(/(?<=\.) (?=[A-Z][^.:]*: )/)) {
      const colon = part.indexOf(": ");
      const head = colon < 0 ? "" : part.slice(0, colon);
      lines.set(head, [...new Set(part.match(DATE) ?? [])].sort());
    }
    return lines;
  };

  it("a step named on both days is named with the same dates, unless one of its own dates passed between", () => {
    fc.assert(
      fc.property(
        inputArb,
        dayArb("2026-02-01", "2028-02-20"),
        fc.integer({ min: 0, max: 23 }),
        (drawn, day, hour) => {
          const at = day + hour * 3_600_000;
          // An own date passing is a change of state (booked → sat), not time alone.
          fc.pre(drawn.dated.every((dated) => Math.abs(dated - at) > 3 * DAY));
          const first = slipped(planFor(drawn.input, new Date(at).toISOString()));
          const second = slipped(planFor(drawn.input, new Date(at + DAY).toISOString()));
          if (first === undefined || second === undefined) return;
          const before = linesOf(first.message);
          for (const [head, dates] of linesOf(second.message)) {
            const earlier = before.get(head);
            if (earlier !== undefined)
              expect(`${head}: ${dates.join(", ")}`).toBe(`${head}: ${earlier.join(", ")}`);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
