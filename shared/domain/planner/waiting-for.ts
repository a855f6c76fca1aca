import { type CatalogEntry, SCHOOL_CHECK } from "../catalog/index.ts";
import type { MilestoneStatus } from "../snapshot.ts";
import { PREREQUISITES_AT, stepIndex } from "./catalog-index.ts";
import { isSatisfiedAt, type PlanContext, statusAt } from "./context.ts";
import type { Feasibility } from "./feasibility.ts";
import { nothingToRank } from "./nothing-to-rank.ts";
import { nrmpRegistrationAsked } from "./nrmp-registration-asked.ts";
import { STEP3_OUT_OF_REACH, STEP3_OUT_OF_REACH_RESOLVED_BY, step3OutOfReach } from "./step3-wait.ts";

/**
 * The eligibility gate's wait in words, as every other wait is a step (shown by its title): not
 * prefixed with the WDOMS step's key, which pages showed as is.
 */
const NO_SPONSOR_NOTE = SCHOOL_CHECK.ineligible.waitingFor;

/** The plan's gates a step may wait behind: the eligibility gate and the season's feasibility. */
export interface StepGates {
  ineligible: boolean;
  /** The school's WDOMS listing is unknown and not yet checked. */
  unchecked: boolean;
  feasibility: Feasibility;
}

/** What holds one step back, if anything. */
export interface WaitingFor {
  /** The gates and prerequisites the step waits on; null when it can be worked on now. */
  waitingFor: string[] | null;
  /** What lifts the gate, when a gate holds the step. */
  resolvedBy: string | undefined;
  /** A prerequisite the step may start before is still pending (its `startsBefore`). */
  prerequisitePending: boolean;
}

/**
 * Whether a pending prerequisite can itself be worked on now (not held by its own prerequisites),
 * so a step that may start before it (Step 1 study before the ECFMG application is approved) is
 * not blocked behind a chain that has not begun.
 */
function isStartable(context: PlanContext, index: number): boolean {
  if (statusAt(context, index) !== "not_started") return true;
  for (const prerequisite of PREREQUISITES_AT[index] ?? [])
    if (!isSatisfiedAt(context, prerequisite.index)) return false;
  return true;
}

/**
 * The gates (no ECFMG sponsor note, WDOMS unchecked; a Match out of reach moves the season steps to
 * the later one instead: planner.ts) and the
 * prerequisites one step waits on, and what lifts its gate. A step with a `waitingFor` (never
 * empty) is blocked. `index` is the entry's place in the catalog (stepIndex): its prerequisites
 * are read by index.
 */
export function waitingForOf(
  context: PlanContext,
  entry: CatalogEntry,
  index: number,
  status: MilestoneStatus,
  gates: StepGates,
): Readonly<WaitingFor> {
  const { ineligible, unchecked, feasibility } = gates;
  // A gate (eligibility) silences a step entirely, overdue list included; behind a gate the gate is
  // the one thing to resolve: listing prerequisites too would only add noise (and no booking is gated).
  if (entry.needsEcfmgEligibleSchool && ineligible) return NO_SPONSOR_NOTE_GATE;
  if (entry.needsEcfmgEligibleSchool && unchecked) return UNCHECKED_GATE;
  // The prerequisites waited on, as bits of their places in the step's list (a key listed twice counts once).
  let waited = 0;
  let prerequisitePending = false;
  if (status === "not_started") {
    const prerequisites = PREREQUISITES_AT[index] ?? [];
    const firsts = FIRST_PLACES_AT[index] ?? [];
    for (let at = 0; at < prerequisites.length; at++) {
      const prerequisite = prerequisites[at] as (typeof prerequisites)[number];
      if (isSatisfiedAt(context, prerequisite.index) || (waited & (1 << (firsts[at] as number))) !== 0)
        continue;
      // Asked whether they registered, an interviewing applicant's rank list (and SOAP) is planned as
      // a registered one's, its card saying the condition; NRMP is still not presumed done.
      // Only until the rank order list deadline: after it an unreported list is no second overdue row
      // beside NRMP, and a Match that is over says so on NRMP registration.
      if (
        prerequisite.key === "nrmp_registration" &&
        context.now <= context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at &&
        nrmpRegistrationAsked(context)
      )
        continue;
      if (prerequisite.startsBefore && isStartable(context, prerequisite.index)) prerequisitePending = true;
      else waited |= 1 << at;
    }
  }
  // An exam under way with no date (registered, not booked) while a prerequisite it may start
  // before is not done: FSMB registers no one before ECFMG approves the application, so it reads
  // as not started does (its gate sentence) and has no day to book by.
  if (gatedBooking(context, entry, index, status)) prerequisitePending = true;
  if (waited !== 0) return waitingOn(index, waited, prerequisitePending);
  // A contract reported signed before Match Day's results, or with no date and Match Day unreported
  // (done-before-season.ts), confirms no match: the sponsorship and its fee wait on Match Day, as
  // the Statement of Need does.
  if (
    index === SPONSORSHIP_INDEX &&
    status === "not_started" &&
    !isSatisfiedAt(context, MATCH_DAY_INDEX) &&
    context.doneBeforeSeason?.some((each) => each.key === "contract")
  )
    return SPONSORSHIP_WAITS_FOR_MATCH_DAY;
  // With no ERAS application and no interview recorded for the Match, there is nothing to rank: the
  // list waits for the application (its countdown, "certify your list", and the advisor's escalation
  // read as if the Match were on beside ERAS_LATE_SUBMISSION's "weigh the next Match"). Past the
  // deadline it still waits, so a Match that is over drops it (planMilestone): there was no list to
  // miss, and SEASON_OVER speaks of SOAP and the next Match only.
  if (index === RANK_LIST_INDEX && nothingToRank(context)) return RANK_LIST_WAITS_FOR_ERAS;
  // The sponsorship sent does not issue the certificate (issuedApart): ECFMG's review, which ends
  // with the DS-2019, waits for it, so the DS-2019 does too, not an ordinary next step.
  if (index === DS2019_INDEX && status === "not_started" && !isSatisfiedAt(context, CERTIFICATE_INDEX))
    return DS2019_WAITS_FOR_CERTIFICATE;
  // On the H-1B track abroad, an unbooked Step 3 whose result cannot reach this Match's rank order
  // list, nor its later candidate's, waits while the list is open (step3OutOfReach); in the US it is
  // dated for the petition instead (step3DueNow), and a booked one keeps its own date.
  if (entry.key === "usmle_step3" && step3OutOfReach(context, feasibility))
    return prerequisitePending ? STEP3_WAIT_BUT_PREREQUISITE : STEP3_WAIT;
  // Most steps wait on nothing (planner bench: about 20 of a plan's steps): they share a frozen answer.
  return prerequisitePending ? NOTHING_BUT_PREREQUISITE : NOTHING;
}

/**
 * The answer for the prerequisites at the places `waited` marks (in list order), shared and frozen
 * per step, places and pending flag: an array and a record per blocked step showed in the planner
 * bench's allocations. Bounded by the catalog: 2^(prerequisites) answers a step at most.
 */
function waitingOn(index: number, waited: number, prerequisitePending: boolean): Readonly<WaitingFor> {
  const answers = WAITING_ON_AT[index] as (Readonly<WaitingFor> | undefined)[];
  const slot = waited * 2 + (prerequisitePending ? 1 : 0);
  const known = answers[slot];
  if (known !== undefined) return known;
  const prerequisites = PREREQUISITES_AT[index] ?? [];
  const keys: string[] = [];
  for (let at = 0; at < prerequisites.length; at++)
    if ((waited & (1 << at)) !== 0) keys.push((prerequisites[at] as (typeof prerequisites)[number]).key);
  const answer = held(keys, undefined, prerequisitePending);
  answers[slot] = answer;
  return answer;
}

/** Each prerequisite's first place in its step's list (a key listed twice is waited on once). */
const FIRST_PLACES_AT: readonly (readonly number[])[] = PREREQUISITES_AT.map((prerequisites) =>
  prerequisites.map((prerequisite) => prerequisites.findIndex((each) => each.key === prerequisite.key)),
);
const WAITING_ON_AT: (Readonly<WaitingFor> | undefined)[][] = PREREQUISITES_AT.map(() => []);

/**
 * A shared answer: frozen, its list too, since blocked steps of many plans carry it (BlockedStep.waitingFor,
 * which nothing writes). Typed as the plan's mutable list it is assigned to.
 */
function held(
  waitingFor: string[],
  resolvedBy: string | undefined,
  prerequisitePending: boolean,
): Readonly<WaitingFor> {
  return Object.freeze({
    waitingFor: Object.freeze(waitingFor) as string[],
    resolvedBy,
    prerequisitePending,
  });
}
const NO_SPONSOR_NOTE_GATE = held([NO_SPONSOR_NOTE], SCHOOL_CHECK.ineligible.resolvedBy, false);
const UNCHECKED_GATE = held([SCHOOL_CHECK.key], SCHOOL_CHECK.unchecked.resolvedBy, false);
const DS2019_INDEX = stepIndex("j1_ds2019");
const CERTIFICATE_INDEX = stepIndex("ecfmg_certification");
const DS2019_WAITS_FOR_CERTIFICATE = held(["ecfmg_certification"], undefined, false);
const SPONSORSHIP_INDEX = stepIndex("j1_ecfmg_sponsorship");
const MATCH_DAY_INDEX = stepIndex("match_day");
const SPONSORSHIP_WAITS_FOR_MATCH_DAY = held(["match_day"], undefined, false);
const RANK_LIST_INDEX = stepIndex("rank_order_list");
const RANK_LIST_WAITS_FOR_ERAS = held(["eras_application"], undefined, false);
const STEP3_WAIT = held([STEP3_OUT_OF_REACH], STEP3_OUT_OF_REACH_RESOLVED_BY, false);
const STEP3_WAIT_BUT_PREREQUISITE = held([STEP3_OUT_OF_REACH], STEP3_OUT_OF_REACH_RESOLVED_BY, true);

/**
 * Whether an exam to book (catalog `bookingLeadDays`) is in progress with no date of its own while a
 * prerequisite it may start before (`startsBefore`: the ECFMG application for Step 1 and Step 2 CK)
 * is not done: studying may go on, registering and booking may not. Read from the catalog's
 * prerequisites, not from step keys.
 */
function gatedBooking(
  context: PlanContext,
  entry: CatalogEntry,
  index: number,
  status: MilestoneStatus,
): boolean {
  if (status !== "in_progress" || entry.bookingLeadDays === undefined) return false;
  if (context.entries.at(index)?.date !== undefined) return false;
  for (const prerequisite of PREREQUISITES_AT[index] ?? [])
    if (prerequisite.startsBefore && !isSatisfiedAt(context, prerequisite.index)) return true;
  return false;
}

/** A step held by nothing: a record per step showed in the planner bench's allocations. Never written. */
const NOTHING: Readonly<WaitingFor> = Object.freeze({
  waitingFor: null,
  resolvedBy: undefined,
  prerequisitePending: false,
});
/** The same with a prerequisite the step may start before still pending. */
const NOTHING_BUT_PREREQUISITE: Readonly<WaitingFor> = Object.freeze({
  waitingFor: null,
  resolvedBy: undefined,
  prerequisitePending: true,
});
