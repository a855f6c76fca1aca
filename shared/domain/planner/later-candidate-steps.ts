import type { MilestoneKey } from "../snapshot.ts";
import { stepIndex } from "./catalog-index.ts";
import { type PlanContext, statusAt, statusOf } from "./context.ts";
import { contextWith } from "./context-with.ts";
import type { PlanDates } from "./deadlines.ts";
import { plannedDayAt } from "./earliest-certification.ts";
import type { Feasibility } from "./feasibility.ts";
import { lastSittingEnd, moveEarlierEnds, sittingCutOffOf, sittingDayOf } from "./last-sitting-day.ts";
import { laterCandidateCalendar, laterCandidateOnly } from "./later-candidate-feasibility.ts";
import { pathwayPassedKeepsMatch } from "./pathway-passed-keeps-match.ts";
import { planDates } from "./plan-dates.ts";
import { feasibilityOf } from "./presumed-in-the-match.ts";
import { projectedCalendarOf } from "./projected-calendar.ts";

/** The steps a plan lays on the later candidate's dates, with that context and its dates. */
export interface LaterCandidateSteps {
  keys: ReadonlySet<MilestoneKey>;
  context: PlanContext;
  dates: PlanDates;
}

/**
 * For a Match in reach on the later candidate of the projected rank order list deadline only
 * (withLaterCandidate): the steps that candidate's chain still waits on and the applicant has begun
 * (its takes under way or booked: Step 2 CK under way…), planned on its calendar, so each carries
 * that candidate's last day (Wed 3 Feb 2027 for a 2027 exam) with its reminders to it, as a last
 * sitting day does today; every other step keeps the projected (earlier) date. A step not begun
 * (an early starter who let the earlier act-by day pass with nothing started) keeps the earlier
 * date too: when a date is uncertain the plan is dated by the earlier one, and the later day is named
 * only in MATCH_YEAR_LAST_DAY, "if NRMP's deadline turns out later" (its rows read 2 Feb 2028
 * beside a risk saying the deadline stays 26 Jan 2028). Null for every other plan (one WeakMap
 * look-up), or when no begun step is left. A plan in reach on the projected deadline (`context`, its
 * `dates`) may still have an exam booked past both last sitting days: bookedPastBoth.
 */
export function laterCandidateSteps(
  feasibility: Feasibility,
  context: PlanContext | null,
  dates: PlanDates,
): LaterCandidateSteps | null {
  const only = laterCandidateOnly(feasibility);
  if (only === undefined)
    return context === null || feasibility.infeasible ? null : bookedPastBoth(context, dates);
  const keys = new Set<MilestoneKey>();
  // The OET too: its last sitting day follows NRMP's. The Pathway's
  // card keeps the projected dates it shares with the rank order list (its acceptance is due by the
  // plan's deadline); the critical risk names its later day.
  // The ECFMG application planned for a day (scheduled) is not begun either (exam-chain.ts notYetIn):
  // laid on the later candidate, its row and card switched silently to that candidate's day once the
  // projected one passed ("submit it by Mon 7 Jun"), while the same step not started read overdue.
  // The OET not started beside a Pathway past its projected deadline is dated by the day the
  // Pathway's risk names for it (pathwayPassedKeepsMatch): the whole Match hangs on the later
  // candidate then, and its row read Tue 5 Jan, "overdue" from the 6th, beside "sit it by Tue 12 Jan".
  // Booked or not, its card then names that one day (oetOnPathwayLastDay): a sitting booked after it
  // read "after Tue 5 Jan, the last sitting" beside the row's and the critical's Tue 12 Jan.
  for (const take of only.feasibility.takes) {
    if (take.key === "ecfmg_pathway") continue;
    const oet =
      take.key === "oet_medicine" &&
      pathwayPassedKeepsMatch(only.context, projectedCalendarOf(only.context.calendar), only);
    if (oet) pathwayLastDayOet.add(only.context);
    if (oet || begun(only.context, take.key)) keys.add(take.key);
  }
  if (keys.size === 0) return null;
  return { keys, context: only.context, dates: planDates(only.context) };
}

/** The later candidate's contexts whose OET is dated by the day the Pathway's risk names. */
const pathwayLastDayOet = new WeakSet<PlanContext>();

/**
 * Whether the OET is dated by the day the Pathway's risk names (pathwayPassedKeepsMatch), on the
 * later candidate's `context` or the plan's own: the whole Match hangs on that candidate, so the
 * projection's earlier day is moot.
 */
export function oetOnPathwayLastDay(context: PlanContext): boolean {
  if (context.calendar.laterCandidate === true) return pathwayLastDayOet.has(context);
  const only = laterCandidateOnly(feasibilityOf(context));
  return only !== undefined && pathwayPassedKeepsMatch(context, context.calendar, only);
}

/** Whether the applicant has begun a step of the chain: anything but not started, and for the ECFMG application only more than a planned day. */
function begun(context: PlanContext, key: MilestoneKey): boolean {
  const status = statusOf(context, key);
  return status !== "not_started" && !(key === "ecfmg_application" && status === "scheduled");
}

/** Step 1 and Step 2 CK with their catalog indexes: the USMLE sittings a booking past both days can hold. */
const USMLE_SITTINGS = (["usmle_step1", "usmle_step2ck"] as const).map((key) => ({
  key,
  index: stepIndex(key),
}));

/**
 * A USMLE exam booked after the later candidate's last sitting day too (Step 2 CK on Wed 10 Feb 2027,
 * with Wed 27 Jan and Wed 3 Feb the two last days), once the projected last sitting day has begun:
 * from then EXAMS_LATE_FOR_RANKING says "move it to Wed 3 Feb … or earlier" (bookedLateCase's
 * moveToLater), so the step is a begun step on the later candidate's calendar, its row, card and
 * reminders on that one day; its row read "Wed 27 Jan" and its reminder "Overdue since Wed 27 Jan"
 * beside the risk's "move it to Wed 3 Feb". Kept on that day once it passes too, while the plan keeps
 * the Match (a fast result). Null when no such booking: a status look-up per exam for every plan.
 */
function bookedPastBoth(context: PlanContext, dates: PlanDates): LaterCandidateSteps | null {
  let keys: Set<MilestoneKey> | undefined;
  for (const { key, index } of USMLE_SITTINGS) {
    if (statusAt(context, index) !== "scheduled") continue;
    const day = plannedDayAt(context, index);
    const due = dates.dueAt(index);
    // From the sitting's own day, the sitting is judged by the projected deadline, as the risk does.
    if (day === null || due === null || day <= context.now) continue;
    if (context.now < moveEarlierEnds(context.zone, sittingDayOf(due))) continue;
    const later = laterCandidateCalendar(context.calendar);
    if (later === null || day < lastSittingEnd(context.zone, sittingCutOffOf(later, key))) continue;
    keys ??= new Set();
    keys.add(key);
  }
  if (keys === undefined) return null;
  const later = contextWith(context, {
    calendar: laterCandidateCalendar(context.calendar) ?? context.calendar,
  });
  return { keys, context: later, dates: planDates(later) };
}
