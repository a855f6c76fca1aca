import { catalogEntry } from "../catalog/index.ts";
import type { MilestoneKey } from "../snapshot.ts";
import type { FastestPace, LeadTime } from "./feasibility-lead-times.ts";

/**
 * The catalog's allowances feasibility.ts counts (reporting, preparation, the fastest and unstudied
 * preparation, the ECFMG application's lead), each one shared, frozen LeadTime per step, so the
 * words' memo (describeTakes) compares them by identity. Split from feasibility-lead-times.ts, which
 * says them.
 */

/**
 * The catalog's reporting time of a result or decision, as the deadlines read it (none: 0 days).
 * One shared, frozen LeadTime per step (describeTakes' memo compares them by identity).
 */
export function reportingOf(key: MilestoneKey): LeadTime | null {
  let known = reportings.get(key);
  if (known === undefined) {
    const reporting = catalogEntry(key).reportingDays;
    known = reporting === undefined ? null : Object.freeze({ days: reporting.days, citation: reporting });
    reportings.set(key, known);
  }
  return known;
}
const reportings = new Map<MilestoneKey, LeadTime | null>();

/** The catalog's preparation time before an exam (leadTimeDays): one shared, frozen LeadTime per step. */
export function preparationOf(key: MilestoneKey): LeadTime {
  let known = preparations.get(key);
  if (known === undefined) {
    const lead = catalogEntry(key).leadTimeDays;
    known = Object.freeze({ days: lead.days, citation: lead });
    preparations.set(key, known);
  }
  return known;
}
const preparations = new Map<MilestoneKey, LeadTime>();

/**
 * The preparation counted at the fastest pace for an exam not begun (feasibility.ts): the catalog's
 * fastestPreparationDays (advice, shorter than the usual lead time: OET Medicine),
 * else the usual lead time (the USMLE exams). `prep` is null when the fastest
 * is none; `pace` names both when they differ. One shared, frozen answer per step.
 */
export function fastestPreparationOf(key: MilestoneKey): {
  prep: LeadTime | null;
  pace: FastestPace | undefined;
} {
  let known = fastestPreparations.get(key);
  if (known === undefined) {
    const usual = preparationOf(key);
    const fastest = catalogEntry(key).fastestPreparationDays;
    if (fastest === undefined) known = Object.freeze({ prep: usual, pace: undefined });
    else {
      const lead: LeadTime = Object.freeze({ days: fastest.days, citation: fastest });
      known = Object.freeze({
        prep: lead.days === 0 ? null : lead,
        pace: Object.freeze({ fastest: lead, usual }),
      });
    }
    fastestPreparations.set(key, known);
  }
  return known;
}
const fastestPreparations = new Map<MilestoneKey, { prep: LeadTime | null; pace: FastestPace | undefined }>();

// No study at all (unstudiedPreparationOf): advice, with the reason that allows it.
const NO_STUDY: LeadTime = Object.freeze<LeadTime>({
  days: 0,
  citation: {
    basis: "advice",
    source:
      "advice: an applicant with an interview for this Match sits the exam with the time left; a typical study period is advice (no authority sets one), so alone it never writes off a Match with interviews in hand",
  },
});
const unstudied = new Map<MilestoneKey, { prep: null; pace: FastestPace }>();

/**
 * The preparation counted for an exam not begun by an applicant interviewing for the Match
 * (feasibility.ts): none, beside the usual one (leadTimeDays).
 * A typical study period is advice (no authority sets one), so it may make a Match with an
 * interview in hand tight, never out of reach: the chain then counts only the hard allowances (a
 * test date, the last sitting day, the result's reporting). One shared, frozen answer per step.
 */
export function unstudiedPreparationOf(key: MilestoneKey): { prep: null; pace: FastestPace } {
  let known = unstudied.get(key);
  if (known === undefined) {
    known = Object.freeze({
      prep: null,
      pace: Object.freeze({ fastest: NO_STUDY, usual: preparationOf(key) }),
    });
    unstudied.set(key, known);
  }
  return known;
}

/**
 * How long before the first exam the ECFMG application must be in: the catalog's due rule for it
 * (an offset before the Step 1 due date), the same allowance its deadline uses. Made once, shared.
 */
export function applicationLeadTime(): LeadTime {
  if (applicationLead !== undefined) return applicationLead;
  const due = catalogEntry("ecfmg_application").due;
  if (due.from !== "milestone" || due.offsetDays > 0)
    throw new Error("ecfmg_application's due rule must be an offset before an exam's due date");
  applicationLead = Object.freeze({
    days: -due.offsetDays,
    citation: { basis: due.basis, source: due.source },
  });
  return applicationLead;
}
let applicationLead: LeadTime | undefined;
