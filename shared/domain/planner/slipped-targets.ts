import { type CatalogEntry, catalogEntry, MILESTONE_CATALOG } from "../catalog/index.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { DAY_MS, startOfLocalDate } from "../time.ts";
import { keyAt, stepIndex } from "./catalog-index.ts";
import { applies, isFinished, type PlanContext, statusAt } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { isApplicationChainedDue } from "./exam-chain.ts";
import { sittingAfterLastDay } from "./last-sitting-day.ts";
import { fastestPreparationOf } from "./lead-time-lookups.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { CHAIN_KEYS, PREDECESSORS, type Predecessor } from "./target-chain.ts";

/**
 * Targets re-derived forwards when an earlier target passes unmet (an early
 * starter's ECFMG application five weeks past its target left Step 1's and Step 2 CK's targets where
 * they were, though ECFMG's approval alone put Step 1's out of reach). The catalog plans targets
 * backwards: a step's target rule counts back from a later step's (the application 90 days before
 * Step 1, Step 1 120 days before Step 2 CK, OET 42 days before the Pathway, US experience 30 days
 * before the letters). Read forwards, each such gap is what the later step needs after the earlier
 * one, so a later target is no earlier than the earlier step's real earliest date plus the gap. The
 * hard deadlines never move.
 */

/** A target moved later by an earlier step: where it was, where it is now, and why. */
export interface SlippedTarget {
  key: MilestoneKey;
  /** The catalog's target (PlanDates.target). */
  planned: DueDate;
  /** The re-derived target: the earliest the step can now be aimed at. */
  target: DueDate;
  /** The earlier step whose real earliest date moved it, and that step's gap. */
  after: Predecessor;
  /** The step whose passed target started the slip (the first in the chain). */
  cause: MilestoneKey;
  /**
   * Whether `target` follows now: counted from a passed target still unmet (a day later each day),
   * not from an own date. TARGETS_SLIPPED then names the gap, not the day.
   */
  moving: boolean;
}

/**
 * The chain by catalog index, made once from PREDECESSORS: the status, date and memo reads below
 * are then array reads by index, not Map look-ups by key (the planner bench's profile).
 */
interface Link {
  key: MilestoneKey;
  index: number;
  entry: CatalogEntry;
  /** Each predecessor with its catalog index; empty for a step no target counts back to. */
  predecessors: readonly { predecessor: Predecessor; index: number }[];
}

const LINKS: readonly (Link | undefined)[] = (() => {
  const links: (Link | undefined)[] = MILESTONE_CATALOG.map(() => undefined);
  for (const key of CHAIN_KEYS) {
    const index = stepIndex(key);
    const predecessors = (PREDECESSORS.get(key) ?? []).map((predecessor) => ({
      predecessor,
      index: stepIndex(predecessor.key),
    }));
    links[index] = { key, index, entry: catalogEntry(key), predecessors };
  }
  return links;
})();

/** The later steps of the chain (PREDECESSORS' keys, in its order). */
const LATER_LINKS: readonly Link[] = [...PREDECESSORS.keys()].map((key) => LINKS[stepIndex(key)] as Link);

/**
 * One plan's slippedTarget per catalog index, so the chain is walked once: each later step asks
 * again for the steps before it (undefined: not yet worked out).
 */
type SlipMemo = (SlippedTarget | null | undefined)[];

/**
 * The step's target re-derived from the real earliest dates of the steps before it: null when it
 * has none (PlanDates.target) or nothing before it moved it by a day or more. `now` enters through a
 * passed, unmet target (that step can happen no sooner than now), so this is per plan, not per
 * PlanDates.
 */
export function slippedTarget(
  context: PlanContext,
  dates: PlanDates,
  key: MilestoneKey,
): SlippedTarget | null {
  return slippedAt(context, dates, stepIndex(key), []);
}

function slippedAt(
  context: PlanContext,
  dates: PlanDates,
  index: number,
  memo: SlipMemo,
): SlippedTarget | null {
  const known = memo[index];
  if (known !== undefined) return known;
  const slipped = slippedOf(context, dates, LINKS[index], memo);
  memo[index] = slipped;
  return slipped;
}

function slippedOf(
  context: PlanContext,
  dates: PlanDates,
  link: Link | undefined,
  memo: SlipMemo,
): SlippedTarget | null {
  if (link === undefined || link.predecessors.length === 0) return null;
  const planned = dates.targetAt(link.index);
  if (planned === null) return null;
  let best: { at: number; zone: string; after: Predecessor; cause: MilestoneKey; moving: boolean } | null =
    null;
  for (const { predecessor, index } of link.predecessors) {
    const earliest = earliestOf(context, dates, index, memo);
    if (earliest === null) continue;
    // An own date is a whole day in the applicant's zone: counted on from that day, and the day it
    // gives is one in that zone too (the row named Wed 22 Sep, ET's day, beside the risk's Thu 23 Sep).
    const zone = earliest.zone ?? planned.zone;
    const after = gapAfter(context, dates, link.key, predecessor, earliest.at);
    const at = shiftDays(earliest.at, zone, after.gapDays);
    if (at - planned.at < DAY_MS || (best !== null && at <= best.at)) continue;
    // Counted from a done step's day, the moved target holds once it passes too: the step's row and
    // TARGET_PASSED name that day as passed, never the catalog's day it replaced (Step 1 read "aim for
    // Sun 30 May" for weeks, then "target passed Tue 27 Apr"). The instant its words change is noted.
    if (earliest.done === true) noteRiskChange(context, at);
    best = { at, zone, after, cause: earliest.cause, moving: earliest.moving };
  }
  if (best === null) return null;
  const after =
    best.after === STEP1_PREPARATION ? STEP1_STUDY?.citation : catalogEntry(best.after.key).target;
  return {
    key: link.key,
    planned,
    after: best.after,
    cause: best.cause,
    moving: best.moving,
    target: {
      at: best.at,
      zone: best.zone,
      status: "advice",
      basis: "advice",
      source: `target: ${best.after.gapDays} days after the earliest date for ${best.after.key} now that ${best.cause} is later than its target (${after?.source ?? ""}); moved from the planned target (${planned.source})`,
    },
  };
}

/**
 * The gap `predecessor` leaves before `key`'s target, read forwards: the catalog's (the application
 * 90 days before Step 1: its approval and registration, Step 1's study begun before it), but for
 * Step 1 after an ECFMG application that goes in (`from`, its earliest day) after its latest day,
 * the exam chain's (exam-chain.ts chainedDue: Step 1's latest start, while Step 1 is not begun and
 * the application not yet in): Step 1's preparation (STEP1_PREPARATION) when longer. Past that day
 * the plan's card and MATCH_YEAR_LAST_DAY count ECFMG's approval and Step 1's 120 days of
 * preparation from the application, so this slip does too: an application planned for 25 Jun 2027
 * (its latest day 1 Jun) aimed Step 1 at 90 days later (23 Sep, before its deadline: in time)
 * beside a card saying that day was after the last day for the Match. One count.
 */
function gapAfter(
  context: PlanContext,
  dates: PlanDates,
  key: MilestoneKey,
  predecessor: Predecessor,
  from: number,
): Predecessor {
  if (key !== "usmle_step1" || predecessor.key !== "ecfmg_application") return predecessor;
  if (STEP1_PREPARATION.gapDays <= predecessor.gapDays) return predecessor;
  const due = dates.due(predecessor.key);
  if (due === null || !isApplicationChainedDue(predecessor.key, due)) return predecessor;
  return sittingAfterLastDay(context, predecessor.key, from, due) ? STEP1_PREPARATION : predecessor;
}

/** Step 1's preparation as the exam chain counts it (fastestPreparationOf), with its citation. */
export const STEP1_STUDY = fastestPreparationOf("usmle_step1").prep;
/** The application's gap before Step 1 counted as Step 1's preparation (gapAfter): its days, the chain's. */
export const STEP1_PREPARATION: Predecessor = Object.freeze({
  key: "ecfmg_application",
  gapDays: STEP1_STUDY?.days ?? 0,
});

/**
 * The real earliest date of a step that later targets count from: none once it is finished or sat
 * (a booked date that has passed: the result is what is missing); its own date ahead; else its
 * (re-derived) target while ahead, or now once that has passed, with the step whose passed target
 * is the cause.
 */
function earliestOf(
  context: PlanContext,
  dates: PlanDates,
  index: number,
  memo: SlipMemo,
): { at: number; zone?: string; cause: MilestoneKey; moving: boolean; done?: true } | null {
  const status = statusAt(context, index);
  const key = keyAt(index);
  if (isFinished(status)) return submittedOn(context, index, key);
  const own = dates.own(key);
  if (own !== null) return { at: own.at, zone: own.zone, cause: key, moving: false };
  const given = context.entries.at(index);
  if (given?.date !== undefined && status !== "not_started") {
    // The ECFMG application planned for a day (25 Jun 2027, five months after its target): it goes
    // in that day, as a booked exam is sat on its day, and that day is ahead until its local end.
    // Once it has passed with the application still not submitted, it is still to do, as one not
    // begun (below): its target while ahead, else now (moving), never the targets it was late for.
    // Begun or passed, nothing is known of when it ends; other planned steps (US clinical
    // experience) are not a single day's act.
    if (status !== "scheduled" || key !== "ecfmg_application") return null;
    const planned = startOfLocalDate(context.zone, given.date);
    if (context.now < shiftDays(planned, context.zone, 1))
      return { at: planned, zone: context.zone, cause: key, moving: false };
  }
  const slipped = slippedAt(context, dates, index, memo);
  const target = slipped?.target ?? dates.targetAt(index);
  if (target === null) return null;
  // A moved target keeps its zone: the steps after it count on from its day.
  if (target.at >= context.now)
    return {
      at: target.at,
      zone: slipped?.target.zone,
      cause: slipped?.cause ?? key,
      moving: slipped?.moving ?? false,
    };
  // Passed, a target moved to a day that holds is this step's own: its lateness now moves the steps after it.
  const cause = slipped === null || !slipped.moving ? key : slipped.cause;
  return { at: context.now, cause, moving: true };
}

/**
 * The day the ECFMG application, reported done, went in: ECFMG's approval, the gap before Step 1,
 * runs from it, so it is a day that holds (submitted on 21 May 2027, Step 1 aims at 19 Aug; with no
 * slip, Step 1's old target, 27 Apr, read "passed" the day after it read "moved later"). Null for
 * any other finished step (its result, not its day, is what the steps after it wait on) or no day.
 */
function submittedOn(
  context: PlanContext,
  index: number,
  key: MilestoneKey,
): { at: number; zone: string; cause: MilestoneKey; moving: false; done: true } | null {
  const given = context.entries.at(index);
  // Waived (a route that needs no application) or with no day: nothing went in on a day.
  if (key !== "ecfmg_application" || given?.date === undefined || given.status !== "done") return null;
  const at = startOfLocalDate(context.zone, given.date);
  return { at, zone: context.zone, cause: key, moving: false, done: true };
}

/** "USMLE Step 1", "Application for ECFMG Certification": a step as a sentence's subject. */
export function subjectOf(key: MilestoneKey): string {
  let subject = subjects.get(key);
  if (subject === undefined) {
    subject = catalogEntry(key).title.replace(/^(Pass|Submit the|Complete an?|Gain) /, "");
    subjects.set(key, subject);
  }
  return subject;
}

/** Subjects per milestone, made once from the static catalog: a regular expression per use showed in the profile. */
const subjects = new Map<MilestoneKey, string>();

/**
 * The targets an earlier step's lateness moved (slippedTarget), in the chain's order, for the steps
 * that apply, are not finished and whose hard deadline has not passed: what TARGETS_SLIPPED speaks
 * about (slipped-targets-risk.ts).
 */
export function movedTargets(context: PlanContext, dates: PlanDates): SlippedTarget[] {
  const moved: SlippedTarget[] = [];
  const memo: SlipMemo = [];
  for (const link of LATER_LINKS) {
    if (!applies(context, link.entry) || isFinished(statusAt(context, link.index))) continue;
    const due = dates.dueAt(link.index);
    if (due !== null && due.at < context.now) continue;
    const slipped = slippedAt(context, dates, link.index, memo);
    if (slipped !== null) moved.push(slipped);
  }
  return moved;
}
