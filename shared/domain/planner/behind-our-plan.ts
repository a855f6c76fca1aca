import { type CatalogEntry, catalogEntry, MILESTONE_CATALOG } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import { TURNED_OVERDUE_SOURCES } from "../missed-date-label.ts";
import type { Deadline, Risk } from "../plan.ts";
import type { MilestoneKey } from "../snapshot.ts";
import type { PlanContext } from "./context.ts";
import { contractNeededBy } from "./contract-needed-by.ts";
import { type DueDate, type PlanDates, shapedDueDate } from "./deadlines.ts";
import { changeOfStatus } from "./h1b-in-us.ts";
import { dueDayOf, fileLineAt } from "./j1-allowances.ts";
import { certificateHolds } from "./j1-certificate-late.ts";
import { lowerFirst } from "./lower-first.ts";
import type { Collected } from "./milestone-gates.ts";
import { petitionApprovalDue } from "./petition-approval.ts";
import { reminderWith } from "./reminder-record.ts";
import type { TimedReminder } from "./reminders.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { visaChainMatched } from "./visa-start-risk.ts";
import { J1_FILE, j1FileVerdict, visaDateAtRiskFrom } from "./visa-step-late.ts";

// After the Match, most of the visa chain is dated by our own cautious allowances counted back from
// the visa's date (the Statement of Need and the J-1 sponsorship from the DS-2019, the DS-2019 a month
// before the J-1 visa, the H-1B petition 60 days before the stamping), and the contract by the step
// waiting on it. Past such a day alone the applicant is behind our plan, not overdue: ministries and
// programs take weeks, and the date that counts, the visa's own, still holds (VISA_STEP_LATE and
// CONTRACT_NOT_RECEIVED, warnings, say so). "Overdue" once that date is at risk (VISA_NOT_READY_FOR_START,
// critical: less than half the allowance left, or a verdict that the visa's date or the start is lost).

/**
 * The instant up to which a matched applicant's visa-chain step past its date is behind our plan
 * rather than overdue: when the visa's own date it is counted back from comes at risk
 * (visaDateAtRiskFrom, the instant VISA_STEP_LATE gives way to VISA_NOT_READY_FOR_START); for the
 * contract, that of the step waiting on it (contractNeededBy, as contractStillAwaited reads it); for
 * the J-1 certificate the DS-2019 waits for (certificateHolds), the DS-2019's. Null for any other step,
 * before the Match, with no visa to get (the contract then needed by orientation, a date of its own),
 * or once a J-1 verdict speaks for the sponsorship file (j1FileVerdict: the visa's date past reach or
 * the start out of reach).
 */
export function behindOurPlanUntil(
  context: PlanContext,
  entry: Pick<CatalogEntry, "key" | "due" | "stage">,
  dates: PlanDates,
): number | null {
  const atRisk = visaDateAtRisk(context, entry, dates);
  if (atRisk === null) return null;
  if (context.applicant.visa === "J-1" && j1FileVerdict(context, dates)) return null;
  return atRisk.from;
}

/**
 * The step's own planned day (`planned`, the one it was due by, or the step waiting on it's) and the
 * instant the visa's date came at risk from it (`from`: visaDateAtRiskFrom), whatever a J-1 verdict
 * says now (behindOurPlanUntil's reading, before its verdict test); null as there.
 */
function visaDateAtRisk(
  context: PlanContext,
  entry: Pick<CatalogEntry, "key" | "due" | "stage">,
  dates: PlanDates,
): { waiting: string; planned: number; from: number } | null {
  if (!visaChainMatched(context)) return null;
  let waiting: Pick<CatalogEntry, "key" | "due"> | null = entry;
  // The petition filed (in progress) is dated by USCIS's approval (petitionApprovalDue), as its card
  // and VISA_STEP_LATE read it: the visa's date is at risk half-way from that day, not from the filing's.
  // On a change of status (the stamping waived) the approval is the status: the start is at risk
  // past the approval's last day before it (visaDateAtRiskFrom), not half-way to a visa.
  const approval = entry.key === "visa_h1b" ? petitionApprovalDue(context, dates) : null;
  let planned = (approval ?? dates.due(entry.key as MilestoneKey))?.at;
  if (entry.key === "contract") {
    const needed = contractNeededBy(context, dates);
    waiting = needed?.step ?? null;
    planned = needed?.due.at;
  } else if (entry.key === "ecfmg_certification") {
    waiting = certificateHolds(context, dates) === null ? null : catalogEntry("j1_ds2019");
    planned = dates.due("j1_ds2019")?.at;
  } else if (entry.stage !== "visa") return null;
  if (waiting === null || planned === undefined) return null;
  const from = visaDateAtRiskFrom(context, waiting, planned, dates);
  return from === null ? null : { waiting: waiting.key, planned, from };
}

/**
 * The day a J-1 sponsorship file's step (or the contract the file waits on) turned from behind our
 * plan to overdue, once it has passed (context.now: a reminder laid for later keeps the planned day
 * until the plan is made again at that turn, a risk-change instant): the last day on which the
 * chain's own allowances still brought the visa by its date (the day before the earlier of
 * visaDateAtRiskFrom's instant and the file's line), a whole day of the applicant's, our advice.
 * Past it the step is overdue since that day, not since our earlier allowance, on which nothing was
 * lost: every surface names this one. Null otherwise (another step, at risk from its own day; still
 * behind; `shown`, the date a surface shows, not the planned day but a date of another rule).
 */
export function visaDateMissedDay(
  context: PlanContext,
  entry: Pick<CatalogEntry, "key" | "due" | "stage">,
  dates: PlanDates,
  shown: number,
): DueDate | null {
  const atRisk = visaDateAtRisk(context, entry, dates);
  // The J-1 sponsorship file's steps (and the contract the file waits on), and the H-1B petition filed
  // (its approval is USCIS's, half the time to the stamping its room), alone have room between our
  // allowance and that last day. The petition not yet filed: its planned day is itself the last filing
  // day that keeps the visa's date (h1bPetitionLastDay's verdict comes the next morning); the
  // certificate the DS-2019 waits for is overdue from the DS-2019's day: each stays the day it missed.
  const filed = atRisk?.waiting === "visa_h1b" ? petitionApprovalDue(context, dates) : null;
  if (atRisk === null || (filed === null && !J1_FILE.has(atRisk.waiting as MilestoneKey))) return null;
  // Still behind our plan (behindOurPlanUntil): its planned day stands.
  const until = behindOurPlanUntil(context, entry, dates);
  if (until !== null && context.now < until) return null;
  // A file step still open: the visa's date came at risk, before half the allowance was gone, the
  // morning the file's fastest road left (ECFMG's shorter review, the consular month) first brought
  // the visa after its date (fileLineAt, visaDatePastReach's own line), whatever verdict speaks now.
  const visa = filed === null ? dates.due("visa_j1") : null;
  const from =
    visa === null
      ? atRisk.from
      : Math.min(atRisk.from, Math.max(atRisk.planned, fileLineAt(context.zone, dueDayOf(visa))));
  if (from <= atRisk.planned || context.now < from) return null;
  // Only the planned day itself gives way (the contract's: the step waiting on it's), never a date of another rule.
  if (shown !== atRisk.planned && shown !== dates.due(entry.key as MilestoneKey)?.at) return null;
  // The planned day's own kind (a whole day, our advice, with its status), on the later day.
  const planned = filed ?? dates.due(atRisk.waiting as MilestoneKey);
  const source =
    TURNED_OVERDUE_SOURCES[
      filed === null ? "j1File" : changeOfStatus(context) ? "statusPetition" : "filedPetition"
    ];
  return planned === null ? null : shapedDueDate({ ...planned, at: from, source, dayName: undefined });
}

/** Whether a step past its date at `at` is behind our plan, not overdue (behindOurPlanUntil). */
export function behindOurPlanAt(
  context: PlanContext,
  entry: Pick<CatalogEntry, "key" | "due" | "stage">,
  dates: PlanDates,
  at: number,
): boolean {
  const until = behindOurPlanUntil(context, entry, dates);
  return until !== null && at < until;
}

/** The steps whose passed date may be our allowance: the visa stage's, the contract, the J-1 certificate. */
const MAY_BE_BEHIND: ReadonlySet<string> = new Set(
  MILESTONE_CATALOG.filter(
    (entry) => entry.stage === "visa" || entry.key === "contract" || entry.key === "ecfmg_certification",
  ).map((entry) => entry.key),
);

/**
 * Marks the collected next and blocked steps past a date that is our allowance while the visa's own
 * date holds (behindOurPlanUntil) as behind our plan, and leaves them out of the overdue list, which
 * the advisor's console, its escalations and the domain events read as missed. Their urgency stays
 * (they are pressed as before); only the words and the overdue list change. The visa's own date is a
 * re-planning instant: passing it turns them overdue.
 */
export function markBehindOurPlan(
  context: PlanContext,
  dates: PlanDates,
  collected: Collected,
  risks: readonly Risk[],
): void {
  if (!visaChainMatched(context)) return;
  restateMissedDays(context, dates, collected);
  const behind = new Set<string>();
  const critical = criticalSteps(risks);
  const isBehind = (milestone: string): boolean => {
    if (!MAY_BE_BEHIND.has(milestone) || critical.has(milestone)) return false;
    const until = behindOurPlanUntil(context, catalogEntry(milestone as MilestoneKey), dates);
    if (until === null || context.now >= until) return false;
    noteRiskChange(context, until);
    return true;
  };
  for (const { item } of collected.nextSteps)
    if (item.urgency === "overdue" && item.interviewId === undefined && isBehind(item.milestone)) {
      item.behindPlan = true;
      behind.add(item.milestone);
    }
  for (const step of collected.blocked)
    if (step.overdueSince !== undefined && isBehind(step.milestone)) step.behindPlan = true;
  if (behind.size === 0) return;
  for (let at = collected.overdue.length - 1; at >= 0; at--)
    if (behind.has(collected.overdue[at]?.item.milestone ?? "")) collected.overdue.splice(at, 1);
}

/**
 * Past the day a visa-chain step put the visa's own date at risk (visaDateMissedDay), its card, its
 * row in the overdue list and its blocked line name that day as the one missed, in place of our
 * earlier allowance, as its reminders do (markBehindOurPlanReminders): one day on every surface.
 */
function restateMissedDays(context: PlanContext, dates: PlanDates, collected: Collected): void {
  for (const { item } of collected.nextSteps)
    if (item.urgency === "overdue" && item.interviewId === undefined)
      item.deadline = missedDayShown(context, dates, item.milestone, item.deadline);
  for (const { item } of collected.overdue)
    if (item.interviewId === undefined)
      item.deadline = missedDayShown(context, dates, item.milestone, item.deadline);
  for (const step of collected.blocked)
    if (step.overdueSince !== undefined && step.interviewId === undefined)
      step.overdueSince = missedDayShown(context, dates, step.milestone, step.overdueSince);
}

/**
 * The date a step past its own planned day shows as missed: the day the visa's date came at
 * risk (visaDateMissedDay) when `shown` is the step's own planned day, else `shown` (a critical
 * notice's own date, residency's start, is its own).
 */
function missedDayShown<Shown extends Deadline | undefined>(
  context: PlanContext,
  dates: PlanDates,
  milestone: string,
  shown: Shown,
): Shown | Deadline {
  if (shown === undefined || !MAY_BE_BEHIND.has(milestone)) return shown;
  const missed = visaDateMissedDay(
    context,
    catalogEntry(milestone as MilestoneKey),
    dates,
    Date.parse(shown.at),
  );
  return missed === null ? shown : dates.rendered(missed);
}

/**
 * The steps a critical risk names (VISA_NOT_READY_FOR_START among them: late, never only behind our
 * plan), and the critical risks' codes (a critical notice riding on such a step keeps its own words).
 */
function criticalSteps(risks: readonly Risk[]): ReadonlySet<string> {
  const critical = risks.filter((risk) => risk.severity === "critical");
  return new Set([...critical.flatMap((risk) => risk.milestones), ...critical.map((risk) => risk.code)]);
}

/**
 * The laid reminders' words past our allowance: a reminder of a step behind our plan (its
 * `overdueSince` our allowance, sent before the visa's own date comes at risk: behindOurPlanUntil)
 * says "Behind our plan since", never "Overdue since". Its weekly chase keeps its cadence (the
 * visa-behind ladder: at least once every 7 days up to the start), in these words.
 */
export function markBehindOurPlanReminders(
  context: PlanContext,
  dates: PlanDates,
  reminders: TimedReminder[],
  risks: readonly Risk[],
): void {
  if (!visaChainMatched(context)) return;
  const critical = criticalSteps(risks);
  for (const timed of reminders) {
    const since = timed.reminder.overdueSince;
    if (since === undefined) continue;
    const { milestone, risk } = timed.reminder;
    const missedDay = missedDayShown(context, dates, milestone, since);
    // Restated here, or laid on a card already restated (a critical notice): its why says what the day is.
    const why = turnedOverdueWhy(missedDay);
    if (missedDay !== since || (why !== "" && !timed.reminder.why.endsWith(why)))
      timed.reminder = reminderWith(timed.reminder, {
        overdueSince: missedDay,
        why: timed.reminder.why.endsWith(why) ? timed.reminder.why : `${timed.reminder.why}${why}`,
      });
    if (!MAY_BE_BEHIND.has(milestone) || critical.has(milestone) || critical.has(risk ?? "")) continue;
    const until = behindOurPlanUntil(context, catalogEntry(milestone as MilestoneKey), dates);
    const missed = Date.parse(since.at);
    if (until === null || timed.sendAt >= until || missed >= until) continue;
    timed.reminder = reminderWith(timed.reminder, { behindPlan: true });
  }
}

/** The filed H-1B petition's day it turned overdue (TURNED_OVERDUE_SOURCES), by its source's key. */
const PETITION_TURNED_OVERDUE: ReadonlySet<string> = new Set([
  TURNED_OVERDUE_SOURCES.filedPetition,
  TURNED_OVERDUE_SOURCES.statusPetition,
]);

/**
 * A filed petition's reminder restated to the day it turned overdue says in its why what that day
 * is, since nothing was due on it (30 May, a Sunday, read only "this plan expected the approval by
 * Thu 13 May", a day the email no longer named as the one missed): " Overdue since <day>: <its rule>."
 * Empty for any other day (the J-1 file's verdicts name their last day in their own words).
 */
function turnedOverdueWhy(missed: Deadline): string {
  if (!PETITION_TURNED_OVERDUE.has(missed.source)) return "";
  return ` Overdue since ${missed.local}${basisMark(missed)}: ${lowerFirst(missed.source)}.`;
}
