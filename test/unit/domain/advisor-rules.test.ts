import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FEES,
  FEES_OTHER_CURRENCY,
  FEES_TO_VERIFY,
  MILESTONE_CATALOG,
  SCHOOL_CHECK,
} from "#domain/catalog/index.ts";
import type { Plan } from "#domain/plan.ts";
import { isRiskNoticeRung, isUndatedNotice } from "#domain/planner/critical-notice-id.ts";
import {
  BOOKED_EXAM_EVIDENCE,
  OPENS_BESIDE_NO,
  SPONSOR_NOTE_EVIDENCE,
} from "#domain/planner/sponsor-note-evidence.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import confirmed from "#domain/seasons/confirmed.json" with { type: "json" };
import { seasonCalendar } from "#domain/seasons/index.ts";
import projectionRules from "#domain/seasons/projection-rules.json" with { type: "json" };
import { MILESTONE_KEYS, MILESTONE_STATUSES } from "#domain/snapshot.ts";
import {
  applicantFactory,
  doneMilestones,
  examsDone,
  inputFactory,
  interviewFactory,
  milestoneFactory,
  PRE_ERAS_KEYS,
} from "./factories.ts";

/**
 * Issue #9, rule by rule: targets planned backwards from the Match, feasibility, the Match-outcome
 * phase, eligibility gates, status-aware text, late arrivals and the facts' provenance.
 */

function planFor(input: PlannerInput, now: string): Plan {
  return plan(input, seasonCalendar(input.applicant.matchYear), new Date(now));
}

const step = (result: Plan, key: string) => result.nextSteps.find((candidate) => candidate.milestone === key);

describe("eligibility gates (property-based)", () => {
  /** What a gate-blocked step waits for: the WDOMS check (note unknown) or the missing sponsor note. */
  const GATES = [SCHOOL_CHECK.key, SCHOOL_CHECK.ineligible.waitingFor] as const;
  const ZONES = ["Asia/Kolkata", "Africa/Lagos", "America/New_York", "Asia/Manila", "Europe/London"] as const;
  const inputArb = fc
    .record({
      zone: fc.constantFrom(...ZONES),
      matchYear: fc.constantFrom(2026, 2027, 2028),
      visa: fc.constantFrom("J-1" as const, "H-1B" as const, "none" as const, "undecided" as const),
      sponsorNote: fc.constantFrom(true, false, null),
      statuses: fc.array(
        fc.record({
          key: fc.constantFrom(...MILESTONE_KEYS),
          status: fc.constantFrom(...MILESTONE_STATUSES),
          date: fc.option(
            fc
              .integer({ min: Date.parse("2024-06-01T00:00:00Z"), max: Date.parse("2028-06-01T00:00:00Z") })
              .map((ms) => new Date(ms).toISOString().slice(0, 10)),
            { nil: undefined },
          ),
        }),
        { maxLength: 28 },
      ),
      interviews: fc.array(
        fc.integer({ min: Date.parse("2025-09-01T00:00:00Z"), max: Date.parse("2028-02-01T00:00:00Z") }),
        { maxLength: 3 },
      ),
    })
    .map((drawn): PlannerInput => {
      const seen = new Set<string>();
      return inputFactory({
        applicant: applicantFactory({
          timezone: drawn.zone,
          matchYear: drawn.matchYear,
          visa: drawn.visa,
          medicalSchool: { name: "Example", country: "IN", wdomsSponsorNote: drawn.sponsorNote },
        }),
        milestones: drawn.statuses
          .filter((entry) => !seen.has(entry.key) && seen.add(entry.key))
          .map((entry) => (entry.date === undefined ? { key: entry.key, status: entry.status } : entry)),
        interviews: drawn.interviews.map((at, index) =>
          interviewFactory({ id: `iv-${index}`, startsAt: new Date(at).toISOString() }),
        ),
      });
    });
  const nowArb = fc
    .integer({ min: Date.parse("2025-01-01T00:00:00Z"), max: Date.parse("2028-03-01T00:00:00Z") })
    .map((ms) => new Date(ms).toISOString());

  it("never sends a reminder for a blocked step, and a blocked step is never a next step nor overdue", () => {
    fc.assert(
      fc.property(inputArb, nowArb, (input, now) => {
        const result = planFor(input, now);
        const blocked = new Set(result.blocked.map((entry) => entry.milestone));
        // A risk's notice may be about a waiting step (Step 3 behind the certificate); its email
        // offers the waiting step's buttons, none of a ladder's, and names no date or time left for
        // that step: a notice (isUndatedNotice), never "Due in 23 hours" on a step that cannot be done.
        for (const reminder of result.reminders) {
          if (reminder.milestone === "interview" || !blocked.has(reminder.milestone)) continue;
          expect(isRiskNoticeRung(reminder.rung), `${reminder.milestone} ${reminder.rung}`).toBe(true);
          expect(isUndatedNotice(reminder), `${reminder.risk} on ${reminder.milestone}`).toBe(true);
        }
        for (const next of result.nextSteps) {
          if (next.milestone !== "interview") expect(blocked.has(next.milestone)).toBe(false);
        }
        // A step waiting on another is not the applicant's to be late with; the step it
        // waits on is (no step both blocked and overdue).
        for (const late of result.overdue) expect(blocked.has(late.milestone)).toBe(false);
        // Behind a closed gate (sponsor note unknown or none) no risk pushes a step
        // the gate holds (no fee, no "register", no deadline); the gate's own risk names what it
        // holds, and the gate's own step says what resolves it.
        const gated = new Set(
          result.blocked
            .filter((entry) => GATES.some((gate) => entry.waitingFor.includes(gate)))
            .map((entry) => entry.milestone),
        );
        for (const risk of result.risks) {
          // The gate's own risk, and the Match out of reach (its notice goes to the WDOMS check); so
          // is a plan moved on for a SOAP outcome never told: its Match Day is the entered Match's;
          // and one moved on for a registration never made: its rank order list is the entered Match's.
          if (
            risk.code === "SCHOOL_NOT_ECFMG_ELIGIBLE" ||
            risk.code === "MATCH_YEAR_NOT_FEASIBLE" ||
            risk.code === "SOAP_OUTCOME_UNREPORTED" ||
            risk.code === "NRMP_REGISTRATION_CLOSED"
          )
            continue;
          expect(
            risk.milestones.filter((key) => gated.has(key)),
            `${risk.code}: ${risk.message}`,
          ).toEqual([]);
        }
      }),
      { numRuns: 400 },
    );
  });

  // A sponsor note still unknown holds the gate whatever the WDOMS step's status,
  // while the record does not prove the note (no evidence step done, no interview).
  it("with the sponsor note unknown, WDOMS reported done or not, no step needing ECFMG is reminded or budgeted", () => {
    fc.assert(
      fc.property(
        inputArb,
        nowArb,
        fc.constantFrom("done", "waived", "in_progress", "not_started"),
        (drawn, now, wdoms) => {
          const input = {
            ...drawn,
            applicant: {
              ...drawn.applicant,
              medicalSchool: { ...drawn.applicant.medicalSchool, wdomsSponsorNote: null },
            },
            milestones: [
              ...drawn.milestones.filter(
                (entry) =>
                  entry.key !== "wdoms_listing" &&
                  !(entry.status === "done" && SPONSOR_NOTE_EVIDENCE.includes(entry.key)) &&
                  !(entry.status === "scheduled" && BOOKED_EXAM_EVIDENCE.includes(entry.key)),
              ),
              { key: "wdoms_listing" as const, status: wdoms as "done" },
            ],
            interviews: [],
          };
          const result = planFor(input, now);
          const needsEcfmg = new Set<string>(
            MILESTONE_CATALOG.filter((entry) => entry.needsEcfmgEligibleSchool).map((entry) => entry.key),
          );
          const blocked = new Set(result.blocked.map((entry) => entry.milestone));
          for (const reminder of result.reminders) {
            if (reminder.milestone === "interview") continue;
            expect(needsEcfmg.has(reminder.milestone)).toBe(false);
            expect(blocked.has(reminder.milestone)).toBe(false);
          }
          for (const next of result.nextSteps) expect(needsEcfmg.has(next.milestone)).toBe(false);
          expect(result.budget.upcomingUsd).toBe(0);
          // The WDOMS step is what the applicant hears about, first.
          expect(result.nextSteps.some((next) => next.milestone === "wdoms_listing")).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("with no sponsor note, everything that needs ECFMG is blocked and silent, fees included", () => {
    fc.assert(
      fc.property(inputArb, nowArb, (drawn, now) => {
        const input = {
          ...drawn,
          applicant: {
            ...drawn.applicant,
            medicalSchool: { ...drawn.applicant.medicalSchool, wdomsSponsorNote: false },
          },
        };
        // Beside the applicant's own ECFMG certificate or USMLE pass the note is asked about and nothing
        // is held (note-false-beside-certificate.test.ts): this property is for a note nothing contradicts.
        if (input.milestones.some((entry) => OPENS_BESIDE_NO.includes(entry.key) && entry.status === "done"))
          return;
        // A USMLE Step booked, sat or failed opens it too (note-false-beside-sitting.test.ts).
        if (
          input.milestones.some(
            (entry) => BOOKED_EXAM_EVIDENCE.includes(entry.key) && entry.status === "scheduled",
          )
        )
          return;
        const result = planFor(input, now);
        const needsEcfmg = new Set(
          MILESTONE_CATALOG.filter((entry) => entry.needsEcfmgEligibleSchool).map((entry) => entry.key),
        );
        for (const reminder of result.reminders) {
          if (reminder.milestone !== "interview") expect(needsEcfmg.has(reminder.milestone)).toBe(false);
        }
        for (const next of result.nextSteps) expect(needsEcfmg.has(next.milestone as never)).toBe(false);
        for (const entry of result.overdue) expect(needsEcfmg.has(entry.milestone as never)).toBe(false);
        // Paid, or presumed paid (a step a later one marked done needs), never still to pay.
        for (const item of result.budget.items) expect(["spent", "presumed"]).toContain(item.status);
        expect(result.budget.upcomingUsd).toBe(0);
        expect(result.risks.map((risk) => risk.code)).not.toContain("NRMP_LATE_FEE");
        expect(result.risks.map((risk) => risk.code)).not.toContain("ERAS_LATE_SUBMISSION");
      }),
      { numRuns: 300 },
    );
  });
});

describe("sponsor note not yet checked (null)", () => {
  it("asks for the WDOMS check first: it is urgent and everything needing ECFMG waits for it", () => {
    const input = inputFactory({
      applicant: applicantFactory({
        matchYear: 2028,
        medicalSchool: { name: "Unchecked U", country: "NG", wdomsSponsorNote: null },
      }),
    });
    const result = planFor(input, "2026-11-30T06:00:00Z");
    expect(result.nextSteps[0]?.milestone).toBe("wdoms_listing");
    expect(result.nextSteps[0]?.urgency).toBe("urgent");
    for (const key of ["ecfmg_application", "usmle_step1", "nrmp_registration", "oet_medicine"]) {
      expect(result.blocked.find((entry) => entry.milestone === key)?.waitingFor).toContain("wdoms_listing");
    }
    expect(new Set(result.reminders.map((reminder) => reminder.milestone))).toEqual(
      new Set(["wdoms_listing"]),
    );
  });
});

describe("sponsor note unknown (null) days before NRMP's early deadline", () => {
  // The NRMP step was blocked on the WDOMS check, yet a warning said "Register with NRMP before Tue 1 Dec".
  it("pushes no NRMP registration nor any held step: the WDOMS step is what it asks for", () => {
    const input = inputFactory({
      applicant: applicantFactory({
        matchYear: 2027,
        medicalSchool: { name: "Unknown U", country: "IN", wdomsSponsorNote: null },
      }),
      // Nothing that proves the note (an ECFMG application, a USMLE exam, the Pathway or
      // the ERAS token done would lift the gate: sponsor-note-evidence.test.ts).
      milestones: doneMilestones(
        PRE_ERAS_KEYS.filter((key) => key !== "wdoms_listing" && !SPONSOR_NOTE_EVIDENCE.includes(key)),
      ),
    });
    const result = planFor(input, "2026-11-20T10:00:00Z");
    expect(result.blocked.find((entry) => entry.milestone === "nrmp_registration")?.waitingFor).toEqual([
      "wdoms_listing",
    ]);
    expect(result.risks.map((risk) => risk.code)).not.toContain("NRMP_LATE_FEE");
    for (const risk of result.risks) expect(risk.message).not.toMatch(/register with NRMP/i);
    expect(result.nextSteps[0]?.milestone).toBe("wdoms_listing");
  });
});

describe("sponsor note unknown (null) with the WDOMS step reported done", () => {
  // The plan treated the school as eligible: ECFMG steps urgent, 43 reminders, $4,145 budgeted.
  it("still holds the gate: asks for the sponsor note, no ECFMG fee, no reminder for a held step", () => {
    const input = inputFactory({
      applicant: applicantFactory({
        matchYear: 2028,
        medicalSchool: { name: "Unknown U", country: "NG", wdomsSponsorNote: null },
      }),
      milestones: [milestoneFactory("wdoms_listing", "done")],
    });
    const result = planFor(input, "2026-11-30T12:00:00Z");
    expect(result.nextSteps[0]?.milestone).toBe("wdoms_listing");
    expect(result.nextSteps[0]?.urgency).toBe("urgent");
    expect(result.nextSteps[0]?.action).toMatch(/marked .*done.* sponsor note/i);
    for (const key of ["ecfmg_application", "usmle_step1", "nrmp_registration", "oet_medicine"]) {
      expect(result.blocked.find((entry) => entry.milestone === key)?.waitingFor).toContain("wdoms_listing");
    }
    const needsEcfmg = new Set<string>(
      MILESTONE_CATALOG.filter((entry) => entry.needsEcfmgEligibleSchool).map((entry) => entry.key),
    );
    for (const reminder of result.reminders) expect(needsEcfmg.has(reminder.milestone)).toBe(false);
    expect(result.budget.upcomingUsd).toBe(0);
  });
});

describe("targets planned backwards from the Match", () => {
  it("puts every target before its hard deadline, and lays reminders against the target first", () => {
    const input = inputFactory({
      applicant: applicantFactory({ matchYear: 2028 }),
      milestones: [milestoneFactory("wdoms_listing", "done", "2026-11-01")],
    });
    const result = planFor(input, "2026-11-30T06:00:00Z");
    const withTargets = result.nextSteps.filter((next) => next.target !== undefined);
    expect(withTargets.map((next) => next.milestone)).toEqual(
      expect.arrayContaining([
        "ecfmg_application",
        "usmle_step1",
        "usmle_step2ck",
        "oet_medicine",
        "lors",
        "usce",
      ]),
    );
    // USCE has no authority deadline: its target is advice, its reminders lead to it.
    const usce = withTargets.find((next) => next.milestone === "usce");
    expect(usce?.dueBy).toBeNull();
    expect(usce?.target?.source).toMatch(/^target: .*advice/);
    expect(result.reminders.filter((reminder) => reminder.milestone === "usce").length).toBeGreaterThan(0);
    for (const reminder of result.reminders.filter((candidate) => candidate.milestone === "usce"))
      expect(reminder.deadline).toBe(usce?.target?.at);
    for (const next of withTargets.filter((candidate) => candidate.milestone !== "usce")) {
      expect(Date.parse(next.target?.at ?? "")).toBeLessThan(Date.parse(next.dueBy ?? ""));
      expect(next.target?.source).toMatch(/^target: /);
      expect(["advice", "projected"]).toContain(next.target?.status);
      const own = result.reminders.filter((reminder) => reminder.milestone === next.milestone);
      expect(own[0]?.deadline).toBe(next.target?.at);
      // One hard-deadline rung stays as a sentinel, so missing the target still wakes the applicant.
      expect(own.some((reminder) => reminder.deadline === next.dueBy)).toBe(true);
    }
  });

  it("uses the applicant's own exam date instead of a target", () => {
    const input = inputFactory({
      applicant: applicantFactory({ matchYear: 2028 }),
      milestones: [milestoneFactory("usmle_step1", "scheduled", "2027-03-10")],
    });
    const result = planFor(input, "2026-11-30T06:00:00Z");
    expect(step(result, "usmle_step1")?.target).toBeUndefined();
    expect(step(result, "usmle_step1")?.action).toContain(
      "Your exam is on Wed 10 Mar 2027; scores take about 4 weeks",
    );
    // Step 2 CK keeps its own target (programs reviewing), after Step 1.
    expect(Date.parse(step(result, "usmle_step2ck")?.target?.at ?? "")).toBeGreaterThan(
      Date.parse("2027-03-10"),
    );
  });
});

describe("a date booked after the step's deadline", () => {
  // A 2028 applicant whose step's own date is after its deadline, planned in mid-May 2027: from 1
  // June, with the results' 28 days the deadlines allow, nothing else begun puts 2028 out of reach.
  const cases = [
    { key: "usmle_step1", date: "2028-02-10", visa: "J-1", says: "Move it earlier: take it by" },
    { key: "usmle_step2ck", date: "2028-02-10", visa: "J-1", says: "Move it earlier: take it by" },
    // On H-1B a Step 3 too late for ranking, its last day for ranking ahead: moved to that day, as
    // the not-booked step is due by it (held to the petition's sit-by day only once it has passed).
    { key: "usmle_step3", date: "2028-04-10", visa: "H-1B", says: "Move it earlier: take it by" },
    // After the OET's last day (the documents deadline less 21 days, ~4 Jan 2028).
    // The OET names the day to book by for its last sitting day.
    { key: "oet_medicine", date: "2028-01-20", visa: "J-1", says: "Move it: book by about" },
    { key: "ecfmg_pathway", date: "2028-01-20", visa: "J-1", says: "Submit it by" },
  ] as const;
  it.each(cases)("$key: says to move it and by when, not that all is well", ({ key, date, visa, says }) => {
    const input = inputFactory({
      applicant: applicantFactory({ matchYear: 2028, visa }),
      milestones: [milestoneFactory(key, "scheduled", date)],
    });
    const result = planFor(input, "2027-05-15T06:00:00Z");
    const next = step(result, key);
    const deadline = next?.deadline?.at ?? "";
    expect(Date.parse(deadline)).toBeLessThan(Date.parse(date));
    expect(next?.action).toMatch(/, after (its deadline, )?\w{3} \d+ \w{3} \d{4}/);
    expect(next?.action).toContain(says);
    expect(next?.action).not.toMatch(/take about \d+ weeks/);
    // The day it names is the deadline's day (the earlier of the applicant's and ET's).
    // The OET names the day to book by first, then its last sitting day.
    const named = next?.action.match(/(?:on or before|by) (\w{3} \d+ \w{3} \d{4})/)?.[1] ?? "";
    const dayMs = Date.parse(`${named} 12:00 UTC`);
    expect(Math.abs(dayMs - Date.parse(deadline))).toBeLessThan(36 * 3_600_000);
  });

  it("keeps the reassuring text for a date on or before the deadline", () => {
    const input = inputFactory({
      applicant: applicantFactory({ matchYear: 2028 }),
      milestones: [milestoneFactory("usmle_step2ck", "scheduled", "2027-09-01")],
    });
    expect(step(planFor(input, "2027-06-01T06:00:00Z"), "usmle_step2ck")?.action).toContain(
      "Your exam is on Wed 1 Sep 2027; scores take about 4 weeks",
    );
  });
});

describe("feasibility", () => {
  it("a season still within reach raises nothing", () => {
    const result = planFor(inputFactory({ milestones: examsDone() }), "2025-10-01T00:00:00Z");
    expect(result.risks.map((risk) => risk.code)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
  });

  it("names the earliest feasible Match year; a late graduation pushes it further", () => {
    const nothing = planFor(
      inputFactory({ applicant: applicantFactory({ matchYear: 2027 }) }),
      "2026-11-30T06:00:00Z",
    );
    expect(
      nothing.risks.find((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE")?.earliestFeasibleMatchYear,
    ).toBe(2028);
    const lateGraduate = planFor(
      inputFactory({
        // After the 2028 start (1 July): only then is 2028 out of reach. A 30 June graduate can
        // make 2028 at risk (the diploma-verification allowance is advice: CERTIFICATION_AFTER_START).
        applicant: applicantFactory({ matchYear: 2027, graduation: "2028-07-15" }),
        milestones: examsDone(),
      }),
      "2026-11-30T06:00:00Z",
    );
    expect(
      lateGraduate.risks.find((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE")?.earliestFeasibleMatchYear,
    ).toBe(2029);
  });

  it("stays raised after the rank order list deadline for a season out of reach at it; SEASON_OVER is for one who could have ranked", () => {
    // SEASON_OVER replacing it at the deadline flipped the plan back
    // to the over season's dates, every early step overdue, and escalated a second time.
    const outOfReach = planFor(inputFactory(), "2026-03-02T15:00:00Z");
    expect(outOfReach.risks.map((risk) => risk.code)).toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(outOfReach.risks.map((risk) => risk.code)).not.toContain("SEASON_OVER");
    // Registered with NRMP, so SOAP is still open to them: the Match can still speak to them.
    const couldHaveRanked = planFor(
      inputFactory({ milestones: [...examsDone(), milestoneFactory("nrmp_registration", "done")] }),
      "2026-03-02T15:00:00Z",
    );
    expect(couldHaveRanked.risks.map((risk) => risk.code)).toContain("SEASON_OVER");
    expect(couldHaveRanked.risks.map((risk) => risk.code)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
  });
});

describe("the Match-outcome phase", () => {
  const ready = [
    // Named, not sliced from MILESTONE_KEYS, so inserting a key does not change who is ready.
    ...doneMilestones([
      "wdoms_listing",
      "ecfmg_application",
      "usmle_step1",
      "usmle_step2ck",
      "oet_medicine",
      "ecfmg_pathway",
      "ecfmg_certification",
      "usce",
      "research",
      "lors",
      "personal_statement",
      "cv",
      "program_list",
      "eras_token",
    ]),
    milestoneFactory("nrmp_registration", "done", "2025-10-01"),
  ];

  it("refuses a rank order list dated before ranking opens", () => {
    const result = planFor(
      inputFactory({ milestones: [...ready, milestoneFactory("rank_order_list", "done", "2026-01-14")] }),
      "2026-01-20T00:00:00Z",
    );
    expect(result.risks.map((risk) => risk.code)).toContain("ROL_BEFORE_RANKING_OPENS");
    expect(step(result, "rank_order_list")).toBeDefined();
    const accepted = planFor(
      inputFactory({ milestones: [...ready, milestoneFactory("rank_order_list", "done", "2026-01-15")] }),
      "2026-01-20T00:00:00Z",
    );
    expect(accepted.risks.map((risk) => risk.code)).not.toContain("ROL_BEFORE_RANKING_OPENS");
    expect(step(accepted, "rank_order_list")).toBeUndefined();
  });

  it("reminds about Match Week and prepares SOAP before it; SOAP goes quiet after Monday once the result is reported and not taking part", () => {
    const certified = [...ready, milestoneFactory("rank_order_list", "done", "2026-02-01")];
    const before = planFor(inputFactory({ milestones: certified }), "2026-03-01T00:00:00Z");
    expect(before.nextSteps.map((next) => next.milestone)).toEqual(
      expect.arrayContaining(["match_week", "soap"]),
    );
    expect(before.reminders.some((reminder) => reminder.milestone === "match_week")).toBe(true);
    const tuesday = planFor(
      inputFactory({ milestones: [...certified, milestoneFactory("match_week", "done")] }),
      "2026-03-17T12:00:00Z",
    );
    expect(step(tuesday, "soap")).toBeUndefined();
    const inSoap = planFor(
      inputFactory({ milestones: [...certified, milestoneFactory("soap", "in_progress")] }),
      "2026-03-17T12:00:00Z",
    );
    expect(step(inSoap, "soap")?.action).toContain("List of Unfilled Programs");
  });

  it("after Match Day runs contract, Statement of Need, ECFMG sponsorship, DS-2019 and the visa, all before orientation", () => {
    const matched = [
      ...ready,
      milestoneFactory("rank_order_list", "done", "2026-02-01"),
      milestoneFactory("match_day", "done", "2026-03-20"),
    ];
    const result = planFor(inputFactory({ milestones: matched }), "2026-03-21T00:00:00Z");
    expect(result.nextSteps.map((next) => next.milestone)).toEqual(
      expect.arrayContaining(["contract", "j1_statement_of_need"]),
    );
    expect(result.blocked.map((entry) => entry.milestone)).toEqual([
      "j1_ecfmg_sponsorship",
      "j1_ds2019",
      "visa_j1",
    ]);
    const visaDue = planFor(
      inputFactory({ milestones: [...matched, milestoneFactory("j1_ds2019", "done", "2026-05-01")] }),
      "2026-05-02T00:00:00Z",
    );
    // Through Tue 16 Jun 2026, two weeks before orientation: that day ends in Kolkata before ET.
    expect(step(visaDue, "visa_j1")?.dueBy).toBe("2026-06-16T18:30:00.000Z");
    expect(step(visaDue, "j1_ds2019")).toBeUndefined();
  });
});

describe("late arrivals", () => {
  const lastDay = inputFactory({
    applicant: applicantFactory({ timezone: "Africa/Lagos", matchYear: 2027 }),
    milestones: examsDone("2026-06-01"),
  });

  it("outside quiet hours, a deadline before the next slot is announced now", () => {
    const result = planFor(lastDay, "2026-11-30T12:00:00Z");
    const nrmp = result.reminders.filter((reminder) => reminder.milestone === "nrmp_registration");
    expect(nrmp.map((reminder) => reminder.sendAt)).toEqual(["2026-11-30T12:00:00.000Z"]);
  });

  it("outside quiet hours, a next slot less than a day before the deadline is not waited for (Karachi)", () => {
    // 17:00 in Karachi on 30 Nov; the NRMP early deadline is 23:59 ET
    // that day, 09:59 on 1 Dec in Karachi. The next 09:00 slot would leave 59 minutes: send now.
    const karachi = inputFactory({
      applicant: applicantFactory({ timezone: "Asia/Karachi", matchYear: 2027 }),
      milestones: examsDone("2026-06-01"),
    });
    const result = planFor(karachi, "2026-11-30T12:00:00Z");
    const nrmp = result.reminders.filter((reminder) => reminder.milestone === "nrmp_registration");
    expect(nrmp[0]?.deadline).toBe("2026-12-01T04:59:00.000Z");
    expect(nrmp.map((reminder) => reminder.sendAt)).toEqual(["2026-11-30T12:00:00.000Z"]);
    // The same rung id as the plan made a day earlier, so a notice already sent is not sent twice.
    const dayBefore = planFor(karachi, "2026-11-29T12:00:00Z");
    const planned = dayBefore.reminders.filter((reminder) => reminder.milestone === "nrmp_registration");
    expect(planned.at(-1)?.id).toBe(nrmp[0]?.id);
    // With quiet hours 17:00–08:00 from the preferences, 08:00 would leave under 12 hours before
    // 09:59, so the notice goes now, in quiet hours (LATE_ARRIVAL_QUIET_MARGIN_MS).
    const quiet = plan(
      { ...karachi, quietHours: { start: "17:00", end: "08:00" } },
      seasonCalendar(2027),
      new Date("2026-11-30T12:00:00Z"),
    );
    expect(
      quiet.reminders
        .filter((reminder) => reminder.milestone === "nrmp_registration")
        .map((r) => r.sendAtLocal),
    ).toEqual(["2026-11-30T17:00:00.000+05:00"]);
  });

  it("in quiet hours, it waits for 08:00 if that is still before the deadline", () => {
    // 23:30 in Lagos on 29 Nov: the next 09:00 slot leaves less than a day before the 05:59 deadline
    // on 1 Dec, so the notice goes when quiet hours end, 08:00.
    const early = planFor(lastDay, "2026-11-29T22:30:00Z");
    expect(early.reminders.find((reminder) => reminder.milestone === "nrmp_registration")?.sendAtLocal).toBe(
      "2026-11-30T08:00:00.000+01:00",
    );
    // 02:00 in Lagos on 1 Dec, before the 05:59 deadline: 08:00 is after it, so the notice goes at
    // once, in quiet hours (an advisor would rather wake them than let it pass).
    const late = planFor(lastDay, "2026-12-01T01:00:00Z");
    expect(
      late.reminders.filter((reminder) => reminder.milestone === "nrmp_registration").map((r) => r.sendAt),
    ).toEqual(["2026-12-01T01:00:00.000Z"]);
    // An interview at 09:15 tomorrow, added at 22:00: 08:00 tomorrow would leave 1 h 15 min, under
    // the 12 hours quiet hours keep, so the notice goes now, at 22:00.
    const interview = planFor(
      inputFactory({
        applicant: applicantFactory({ timezone: "Africa/Lagos", reminderTime: "09:30" }),
        // In reach of its Match: a dropped Match's interviews get no reminders.
        milestones: doneMilestones(PRE_ERAS_KEYS),
        interviews: [interviewFactory({ id: "iv-late", startsAt: "2025-11-13T09:15:00+01:00" })],
      }),
      "2025-11-12T21:00:00Z",
    );
    expect(
      interview.reminders.find(
        (reminder) => reminder.interviewId === "iv-late" && reminder.rung === "interview-prep-1d",
      )?.sendAtLocal,
    ).toBe("2025-11-12T22:00:00.000+01:00");
  });
});

describe("facts: every fee and date has a source and asOf, or is labelled", () => {
  it("every fee carries basis, source, asOf; unconfirmed ones say 'flagged, verify'", () => {
    for (const fee of [...FEES, ...FEES_TO_VERIFY, ...FEES_OTHER_CURRENCY]) {
      expect(fee.asOf.length).toBeGreaterThan(0);
      expect(
        fee.basis === "advice" ? fee.source.startsWith("advice:") : /^https?:\/\//.test(fee.source),
      ).toBe(true);
      if (fee.basis === "secondary" && "verify" in fee) expect(fee.verify).toMatch(/^flagged, verify/);
    }
    const keys = FEES_TO_VERIFY.map((fee) => fee.key);
    expect(keys).toEqual(
      expect.arrayContaining(["visa_integrity_fee", "h1b_proclamation_100k", "ecfmg_pathway_application"]),
    );
    // OET is priced in AU$ by OET itself: shown in that currency, not "to verify".
    expect(FEES_OTHER_CURRENCY.find((fee) => fee.key === "oet_medicine_test")).toMatchObject({
      display: "AU$587",
      basis: "official",
      source: "https://www.occupationalenglishtest.org/book-oet/",
    });
    const flat = (key: string) => {
      const fee = FEES.find((candidate) => candidate.key === key);
      return fee !== undefined && fee.kind !== "eras_per_program" ? fee.amountUsd : undefined;
    };
    expect(flat("h_visa_mrv")).toBe(205);
    expect(flat("nrmp_registration")).toBe(70);
    expect(FEES.find((fee) => fee.key === "j1_sponsorship")?.label).toContain("annual");
  });

  it("every confirmed date has a source URL and asOf; 2026's quota deadline is Jan 30", () => {
    for (const season of confirmed.seasons) {
      for (const date of season.dates) {
        expect(date.source).toMatch(/^https?:\/\//);
        expect(date.asOf.length).toBeGreaterThan(0);
      }
    }
    expect(seasonCalendar(2026).dates.nrmp_program_quota_withdrawal_soap_deadline.date).toBe("2026-01-30");
  });

  it("projection rules with two candidates project the earlier one and say why", () => {
    const rol = projectionRules.rules.find(
      (rule) => rule.key === "nrmp_rol_certification_and_late_registration_deadline",
    );
    expect(rol?.rule).toMatch(/16 days before Match Day.*23 days in 2026.*earlier/);
    const calendar = seasonCalendar(2027);
    const gap =
      calendar.dates.nrmp_match_day.at -
      calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
    expect(Math.round(gap / 86_400_000)).toBeGreaterThanOrEqual(22);
  });

  it("risk messages about a projected date cite the projection rule, not the authority's page", () => {
    const result = planFor(
      inputFactory({ applicant: applicantFactory({ matchYear: 2027 }), milestones: examsDone() }),
      "2026-12-10T00:00:00Z",
    );
    const late = result.risks.find((risk) => risk.code === "NRMP_LATE_FEE");
    // The sentence says "(projected)"; the rule itself is in the risk's sources (shown as details).
    expect(late?.message).toContain("(projected)");
    expect(late?.sources?.join(" ")).toContain("projected: November 30");
    expect(late?.message).not.toContain("nrmp.org/residency/main-match-events");
    expect(late?.sources?.join(" ")).not.toContain("nrmp.org/residency/main-match-events");
    const confirmedSeason = planFor(inputFactory({ milestones: examsDone() }), "2025-12-10T00:00:00Z");
    const confirmedLate = confirmedSeason.risks.find((risk) => risk.code === "NRMP_LATE_FEE");
    expect(confirmedLate?.sources).toContain("http://www.nrmp.org/residency/main-match-events/");
    expect(confirmedLate?.message).not.toContain("(projected)");
    // The fee is stated as fact only when the date it follows is confirmed.
    expect(confirmedLate?.message).toContain(
      "registering now costs a $50 late fee (NRMP's figure as of 2023)",
    );
    expect(late?.message).toContain("registering now may cost a $50 late fee (NRMP's figure as of 2023)");
    expect(late?.message).toContain("check in R3 when you register whether the fee applies");
    expect(late?.sources).toContain("https://www.nrmp.org/about/news/2023/01/january-2023-illuminator/");
  });
});
