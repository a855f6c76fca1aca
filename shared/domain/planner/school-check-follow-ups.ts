import { BoundedMemo } from "../bounded-memo.ts";
import { type CatalogEntry, SCHOOL_CHECK } from "../catalog/index.ts";
import { MINUTE_MS } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { contextWith } from "./context-with.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { shapedDueDate } from "./due-date.ts";
import { feasibilityOf } from "./presumed-in-the-match.ts";
import type { TimedReminder } from "./reminders.ts";
import type { StepReminderDates } from "./step-reminders.ts";
import { targetPassedReminders } from "./target-passed.ts";

/**
 * The WDOMS check, its target counted from the sign-up (first-gate.ts) and passed with the sponsor
 * note still unknown: a passed target's notice and follow-ups (targetPassedReminders), laid toward
 * the last day the Match the step is planned for can still be reached, MATCH_YEAR_LAST_DAY's day
 * (now plus the chain's slack, as that risk's search starts from: the chain counts from now, so the
 * day stays put from plan to plan and so do the ids). Never past it: the follow-ups stop at its
 * ladder's first rung, where that risk's own countdown, laid on this step, takes over. Nothing while
 * the target is ahead, without a sign-up (the week grid), or with no last day (no chain left).
 */
export function schoolCheckFollowUps(
  context: PlanContext,
  entry: CatalogEntry,
  index: number,
  dates: StepReminderDates,
  stepDates: PlanDates,
  into: TimedReminder[],
): void {
  const { target } = dates;
  if (context.eligibility !== "unchecked" || context.signedUpAt === undefined) return;
  if (target === null || dates.targetAhead || dates.due !== null) return;
  // The Match the step is dated for: a moved plan's later one, whose year the follow-ups name.
  const { calendar } = stepDates;
  const planned = calendar === context.calendar ? context : contextWith(context, { calendar });
  const last = lastDayOf(planned);
  if (last === null || last <= target.at) return;
  const due = lastDayDue(context.zone, last);
  const detail = stepDates.rendered(due);
  targetPassedReminders(planned, entry, index, { ...dates, due, detail }, into);
}

/** MATCH_YEAR_LAST_DAY's day, to the minute: null once the Match is out of reach or nothing binds the chain. */
function lastDayOf(context: PlanContext): number | null {
  const chain = feasibilityOf(context);
  if (chain.infeasible || !Number.isFinite(chain.slack)) return null;
  const last = Math.floor((context.now + chain.slack) / MINUTE_MS) * MINUTE_MS;
  return last > context.now ? last : null;
}

/** Why the follow-ups count down to that day (the reminders' deadline source). */
const LAST_DAY_SOURCE =
  "advice: the last day this Match can still be reached at the fastest pace (MATCH_YEAR_LAST_DAY), every ECFMG step waiting on the WDOMS check";

/** One due date per zone and last day, so its rendering and the follow-ups' memos are shared. */
function lastDayDue(zone: string, at: number): DueDate {
  const key = `${zone}|${at}`;
  const known = lastDays.get(key);
  if (known !== undefined) return known;
  return lastDays.keep(
    key,
    shapedDueDate({ at, zone, status: "advice", basis: "advice", source: LAST_DAY_SOURCE }),
  );
}
const lastDays = new BoundedMemo<string, DueDate>(1_000);

/**
 * The WDOMS check's card once its target from the sign-up has passed with the note still unknown:
 * an advisor says plainly what the look-up holds up (one sentence after the action). "" otherwise.
 */
export function schoolCheckSeasonNote(
  context: PlanContext,
  entry: CatalogEntry,
  target: DueDate | null,
  stepDates: PlanDates,
): string {
  if (entry.key !== "wdoms_listing" || context.signedUpAt === undefined || target === null) return "";
  if (context.eligibility !== "unchecked" || target.at >= context.now) return "";
  const year = stepDates.calendar.matchYear;
  let note = seasonNotes.get(year);
  if (note === undefined) {
    note = ` This look-up takes minutes and is holding up your whole ${year} season: every ECFMG step, exam and fee waits on it.`;
    seasonNotes.set(year, note);
  }
  return note;
}
const seasonNotes = new Map<number, string>();

/**
 * The WDOMS check as its reminders are laid: with the sign-up known its target is fixed a week after
 * it, and it gets the ladder every target gets (`lookup-dated`: rungs three days and a day before it, none two weeks before a target a week away),
 * where the week grid's moving target keeps the start-by alone (one email a week). Every other step as it is.
 */
export function laidSchoolCheck(context: PlanContext, entry: CatalogEntry): CatalogEntry {
  if (entry.key !== SCHOOL_CHECK.key || context.signedUpAt === undefined) return entry;
  let dated = datedChecks.get(entry);
  if (dated === undefined) {
    dated = Object.freeze({ ...entry, ladder: DATED_LOOKUP_LADDER }) as CatalogEntry;
    datedChecks.set(entry, dated);
  }
  return dated;
}
const DATED_LOOKUP_LADDER = "lookup-dated";
// Keyed by the entry it was made from: an entry another rule retitled keeps its own title.
const datedChecks = new WeakMap<CatalogEntry, CatalogEntry>();
