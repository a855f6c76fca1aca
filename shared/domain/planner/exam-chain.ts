import type { MilestoneKey } from "../snapshot.ts";
import { DAY_MS } from "../time.ts";
import { indexedStep } from "./catalog-index.ts";
import { type PlanContext, statusAt } from "./context.ts";
import type { DueDate } from "./due-date.ts";
import { fastestPreparationOf } from "./lead-time-lookups.ts";
import { neededBy } from "./needed-by.ts";
import { inTheMatchOnRecord } from "./presumption-evidence.ts";

/**
 * The exam chain's latest days (an early starter whose targets slipped read "start Step 1 by
 * Wed 29 Sep 2027" and "start Step 2 CK by Wed 29 Sep 2027", both due 26 Jan 2028, and the ECFMG
 * application due 25 Aug 2027, while MATCH_YEAR_LAST_DAY said the 2028 Match was in reach only if
 * they started Step 1 and sent the application by 31 May 2027: each row was its own latest legal
 * day, and an applicant who followed them lost the year).
 *
 * Feasibility's chain (fastest-sitting.ts examAt) counts Step 2 CK's preparation from the Step 1
 * sitting when Step 2 CK is not begun, and Step 1's preparation together with ECFMG's approval from
 * the day the application goes in when Step 1 is not begun. So, with the same lead times
 * (fastestPreparationOf: the catalog's leadTimeDays for the USMLE exams, advice with its source):
 * - Step 1, not begun, is due by Step 2 CK's latest start (its due date less its preparation)
 *   while Step 2 CK is not begun;
 * - the ECFMG application, not yet in, is due by Step 1's latest start (its chained due date less
 *   its preparation) while Step 1 is not begun, the day MATCH_YEAR_LAST_DAY names for both, when
 *   that is earlier than its own rule (90 days before Step 1's due date).
 * A step begun, booked or done drops out of the chain (its own date, or its own rule, drives it).
 * Step 2 CK keeps its own due date (the rank order list deadline less its result time).
 */

const APPLICATION = indexedStep("ecfmg_application");
const STEP1 = indexedStep("usmle_step1");
const STEP2CK = indexedStep("usmle_step2ck");

/** How a chained due date's source opens (isChainedDue). */
const CHAINED_SOURCE_OPENING = "advice: the latest start of ";

/**
 * Whether the ECFMG application's due date `due` is the chain's (Step 1's latest start, the day
 * MATCH_YEAR_LAST_DAY names), not its own rule's: read from the source chainedDue gave it.
 */
export function isApplicationChainedDue(key: MilestoneKey, due: DueDate | null): boolean {
  return (
    key === APPLICATION.key && due !== null && due.source.startsWith(`${CHAINED_SOURCE_OPENING}${STEP1.key}`)
  );
}

/** Step 1 is due by Step 2 CK's latest start. */
export const STEP1_BY_STEP2CK_START = 1;
/** The ECFMG application is due by Step 1's latest start. */
export const APPLICATION_BY_STEP1_START = 2;

/**
 * Which links of the chain hold for this plan (a bit set of the two above, 0 for none), as
 * feasibility's chain counts them (feasibility.ts chainAt): Step 2 CK's preparation follows Step 1
 * only while Step 1 is not begun (begun or booked, it frees Step 2 CK's now), and the application's
 * approval runs beside Step 1's preparation while the application is not begun. None while study
 * time may go uncounted (an interview for the Match, or ERAS and NRMP on record: inTheMatchOnRecord,
 * a broader test than feasibility's studyMayGoUncounted, which still counts one exam's study on the
 * last-day judgement): a typical study period is then advice that never writes a Match off, and a chained
 * day already passed would say Step 1 came too late when it can still be sat.
 */
export function examChainLinks(context: PlanContext): number {
  if (!applies(context, STEP1.index) || statusAt(context, STEP1.index) !== "not_started") return 0;
  if (inTheMatchOnRecord(context)) return 0; // interviewing for the Match is such evidence too
  let links = 0;
  if (applies(context, STEP2CK.index) && statusAt(context, STEP2CK.index) === "not_started")
    links |= STEP1_BY_STEP2CK_START;
  if (applies(context, APPLICATION.index) && notYetIn(statusAt(context, APPLICATION.index)))
    links |= APPLICATION_BY_STEP1_START;
  return links;
}

/**
 * The application is not in while not begun or only planned for a day (scheduled): the planned day
 * is the applicant's own, but the step's latest day stays the chain's (an early starter who planned
 * it for 25 Jun 2027 read "submit it by Thu 1 Jul 2027" where the same step not begun read Tue
 * 1 Jun: two latest days for one step). Begun (in progress) or submitted, it drops out of the chain.
 */
function notYetIn(status: string): boolean {
  return status === "not_started" || status === "scheduled";
}

function applies(context: PlanContext, index: number): boolean {
  return context.applicable[index] === true;
}

/**
 * A step's due date (PlanDates): its catalog rule `due`, pulled earlier by the steps that wait for
 * it (neededBy), then by the exam chain (chainedDue).
 */
export function latestDue(
  key: MilestoneKey,
  due: DueDate | null,
  links: number,
  dueOf: (key: MilestoneKey) => DueDate | null,
): DueDate | null {
  return chainedDue(key, neededBy(key, due, dueOf), links, dueOf);
}

/**
 * `due` (the step's own rule, already pulled earlier by the steps that wait for it), or the chain's
 * latest day for `key` under `links` when that is earlier: the later exam's due date (`dueOf`, itself
 * chained) less that exam's preparation. The source says which step it waits on and why.
 */
export function chainedDue(
  key: MilestoneKey,
  due: DueDate | null,
  links: number,
  dueOf: (key: MilestoneKey) => DueDate | null,
): DueDate | null {
  if (due === null || links === 0) return due;
  const next =
    key === STEP1.key && (links & STEP1_BY_STEP2CK_START) !== 0
      ? STEP2CK.key
      : key === APPLICATION.key && (links & APPLICATION_BY_STEP1_START) !== 0
        ? STEP1.key
        : null;
  if (next === null) return due;
  const later = dueOf(next);
  const prep = fastestPreparationOf(next).prep;
  if (later === null || prep === null) return due;
  // Whole days of 24 hours, as feasibility's chain counts them (examAt: `prepFrom + prepDays *
  // DAY_MS`), so the row's day is MATCH_YEAR_LAST_DAY's to the minute, across a change of clocks.
  const at = later.at - prep.days * DAY_MS;
  if (at >= due.at) return due;
  return {
    at,
    zone: later.zone,
    status: later.status === "projected" ? "projected" : "advice",
    basis: "advice",
    // The later exam's own due date and why (its source) stay on its row; this one names it and
    // the preparation counted, not that whole source again.
    source: `${CHAINED_SOURCE_OPENING}${next} while it is not begun (its due date less ${prep.days} days of preparation: ${prep.citation.source}), so the exams still reach NRMP by the rank order list deadline; earlier than this step's own rule`,
    asDay: due.asDay,
  };
}
