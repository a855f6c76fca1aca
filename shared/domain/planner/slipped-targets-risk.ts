import { catalogEntry } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import { deadlineWords } from "../date-words.ts";
import type { Deadline, Risk, RiskCode } from "../plan.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { DAY_MS, localDate, renderDate } from "../time.ts";
import { afterSeasonDate } from "./booked-after-target.ts";
import { stepIndex } from "./catalog-index.ts";
import type { PlanContext } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import { dayBy } from "./day-words.ts";
import type { PlanDates } from "./deadlines.ts";
import { plannedDay } from "./earliest-certification.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { addSource, citationSource } from "./risk-sources.ts";
import { noteSlipInstants } from "./slip-instants.ts";
import {
  movedTargets,
  type SlippedTarget,
  STEP1_PREPARATION,
  STEP1_STUDY,
  subjectOf,
} from "./slipped-targets.ts";

/**
 * The risks that speak for a step's hard deadline (the last sitting day, the Match's last day, the
 * Match out of reach): a step one of them names is theirs, not TARGETS_SLIPPED's, once its usual
 * gaps no longer fit before that deadline (a critical "aim for 5 May 2027" beside
 * EXAMS_LATE_FOR_RANKING's "sit it by Wed 27 Jan 2027").
 */
const DEADLINE_CODES: ReadonlySet<RiskCode> = new Set<RiskCode>([
  "EXAMS_LATE_FOR_RANKING",
  "MATCH_YEAR_LAST_DAY",
  "MATCH_YEAR_NOT_FEASIBLE",
]);

/**
 * TARGETS_SLIPPED: the targets an earlier step's lateness moved (movedTargets), for the steps still
 * to do whose hard deadline is ahead: what caused it and, per step, one of
 * - a target counted from an own date (a booked exam): the new day against the planned one, by how
 *   many days, and for a result planned to be in before programs review (a season-date target) how
 *   many weeks after that it now comes;
 * - a target counted from a passed target still unmet (it follows now): the gap after the earlier
 *   step instead of a day, with the planned target and the step's deadline, so the words do not
 *   change from one day to the next;
 * - a target at or past the step's hard deadline: never that day, but that the usual gap no longer
 *   fits before the deadline, which it names (critical), unless a deadline risk already in `spoken`
 *   names the step: then the step is left to it.
 * A warning otherwise: the targets are advice and the deadlines do not move. Sources: each moved
 * step's gap rule and the result time. `moved`: movedTargets, when the planner already has it.
 */
export function slippedTargetsRisk(
  context: PlanContext,
  dates: PlanDates,
  spoken: readonly Risk[],
  moved: readonly SlippedTarget[] = movedTargets(context, dates),
): Risk | null {
  noteSlipInstants(context, dates);
  if (moved.length === 0) return null;
  const sources: string[] = [];
  const kept: SlippedTarget[] = [];
  const said: string[] = [];
  let critical = false;
  for (const slip of moved) {
    const entry = catalogEntry(slip.key);
    // A step whose documents may follow its application (the Pathway: `documentsDue`) is completed
    // after its deadline by design; whether that is too late is feasibility's judgement
    // ("That is past its deadline" made a season in reach critical).
    const due = entry.documentsDue === undefined ? dates.due(slip.key) : null;
    const pastDue = due !== null && slip.target.at >= due.at;
    if (pastDue && spokenFor(spoken, slip.key)) continue;
    // A moved day that has passed is the step's own passed target (TARGET_PASSED), and the cause of the slips after it.
    if (!slip.moving && slip.target.at < context.now) continue;
    kept.push(slip);
    critical ||= pastDue;
    // Step 1 after the application counted as its preparation (STEP1_PREPARATION) cites that study period.
    const step1Study = slip.after === STEP1_PREPARATION;
    const rule = step1Study ? STEP1_STUDY?.citation : catalogEntry(slip.after.key).target;
    if (rule !== undefined) addSource(sources, citationSource(rule));
    const reporting = entry.reportingDays;
    if (reporting !== undefined) addSource(sources, citationSource(reporting));
    const after =
      reporting === undefined
        ? ""
        : afterSeasonDate(
            context,
            entry,
            shiftDays(slip.target.at, context.zone, reporting.days),
            sources,
            !slip.moving && !pastDue,
          );
    const result = after === "" ? "" : ` Its result would then come${after.slice(1)}.`;
    const subject = subjectOf(slip.key);
    // Counted from a day it went in (a dated slip), the gap names that day, not a submission still to come.
    const wentIn = slip.moving ? null : doneDay(context, slip.after.key);
    const from =
      wentIn === null
        ? gapFrom(slip.after.key)
        : `your ${subjectOf(slip.after.key)} went in on ${renderDate(wentIn)}`;
    const gap = `${slip.after.gapDays} days${step1Study ? " of preparation" : ""} after ${from}`;
    const planned = dates.renderedDay(slip.planned).local;
    // A deadline on a projected season date cites its projection rule (Done 2 remark); it
    // is labelled by who sets it (basisMark: a last sitting day is our advice).
    const projected = due?.status === "projected";
    if (projected && (pastDue || slip.moving)) projectionCited(context, slip.key, sources);
    const deadline = due === null ? "" : `${dayBy(context, due.at)}${basisMark(due)}`;
    if (pastDue)
      said.push(
        `${subject}: the usual ${gap} no longer fit before its deadline, ${deadline} (its target was ${planned}); finish ${PLURAL.has(slip.key) ? "them" : "it"} by then at the latest.${result}`,
      );
    else if (slip.moving)
      said.push(
        `${subject}: aim for ${gap} instead of ${planned}${due === null ? "" : `; its deadline stays ${deadline}`}.${result}`,
      );
    else {
      const days = Math.round((slip.target.at - slip.planned.at) / DAY_MS);
      said.push(
        `${subject}: aim for ${renderDate(localDate(context.zone, slip.target.at))} instead of ${planned} (${days} days later), ${gap}.${result}`,
      );
    }
  }
  const first = kept[0];
  if (first === undefined) return null;
  // A planned target is named as its step shows it (renderedDay), not as a deadline (dayBy, the
  // earlier of the local and ET days): else in Auckland Step 1's target reads a day early.
  const cause = first.cause;
  const own = dates.own(cause);
  // The cause's target as its row shows it: the day a late application moved it to, once that passed.
  const planned = passedSlipOf(context, moved, cause)?.target ?? dates.target(cause);
  // A step planned for a day that is not its due date (the ECFMG application): that day, ahead
  // until its local end (as the step's card says "You plan to" all that day); once it has passed,
  // still not submitted, the targets count from now and the words ask whether it went in.
  const day = own === null ? plannedDay(context, cause) : null;
  const state = day === null ? null : plannedState(context, day);
  // Done on a day (the ECFMG application submitted late: slipped-targets.ts submittedOn).
  const done = own === null && day === null ? doneDay(context, cause) : null;
  const why =
    own !== null
      ? `your ${subjectOf(cause)} is booked for ${renderDate(localDate(own.zone, own.at))}, after its target`
      : done !== null
        ? `your ${subjectOf(cause)} went in on ${renderDate(done)}, after its target${planned === null ? "" : `, ${dates.renderedDay(planned).local}`}`
        : day !== null && state !== null
          ? plannedWhy(context, dates, cause, day, state === "passed")
          : `your ${subjectOf(cause)} is not done yet and its target${planned === null ? "" : `, ${dates.renderedDay(planned).local},`} has passed`;
  const subject = subjectOf(cause);
  const act =
    state === "ahead"
      ? `Submit your ${subject} now if you can, rather than on the day you planned, and tell us the day you submit it`
      : state === "today"
        ? `Submit your ${subject} today as you planned, and tell us once it is submitted`
        : state === "passed"
          ? `If you submitted your ${subject}, tell us the day; if not, submit it now`
          : done !== null
            ? "Plan your exams for these days"
            : `Finish your ${subject} as soon as you can`;
  return {
    code: "TARGETS_SLIPPED",
    severity: critical ? "critical" : "warning",
    message: `Your plan has slipped: ${why}, so the targets of the steps that follow it move later. ${said.join(" ")} ${act}; the deadlines themselves do not move.`,
    milestones: kept.map((slip) => slip.key),
    sources,
  };
}

/**
 * What a target gap counts from, as a sentence's end: the step's subject, or for a step the
 * applicant submits ("Submit the Application for ECFMG Certification") "you submit your …": the
 * catalog's target rule counts from that step, and its 90 days leave room for ECFMG's approval, so
 * not from ECFMG accepting it.
 */
function gapFrom(key: MilestoneKey): string {
  return catalogEntry(key).title.startsWith("Submit the ")
    ? `you submit your ${subjectOf(key)}`
    : subjectOf(key);
}

/** The slip of `key` moved to a day that has since passed (slipped-targets.ts earliestOf), if any. */
function passedSlipOf(
  context: PlanContext,
  moved: readonly SlippedTarget[],
  key: MilestoneKey,
): SlippedTarget | undefined {
  return moved.find((slip) => slip.key === key && !slip.moving && slip.target.at < context.now);
}

/** The day a step was reported done (its entry's date), or null: what TARGETS_SLIPPED then names. */
function doneDay(context: PlanContext, key: MilestoneKey): string | null {
  const given = context.entries.at(stepIndex(key));
  return given?.date !== undefined && given.status === "done" ? given.date : null;
}

/** Steps whose subject is plural ("Letters of recommendation uploaded"): "finish them". */
const PLURAL: ReadonlySet<MilestoneKey> = new Set<MilestoneKey>(["lors"]);

/** Whether a deadline risk (DEADLINE_CODES) in `spoken` names `key`. */
function spokenFor(spoken: readonly Risk[], key: string): boolean {
  for (const risk of spoken)
    if (DEADLINE_CODES.has(risk.code) && (risk.milestones as readonly string[]).includes(key)) return true;
  return false;
}

/**
 * Adds the projection rule of the season date a step's due date is counted from (its catalog due
 * rule, followed through the milestones it names), when that date is projected.
 */
export function projectionCited(context: PlanContext, key: MilestoneKey, sources: string[]): void {
  let due = catalogEntry(key).due;
  while (due.from === "milestone") due = catalogEntry(due.key).due;
  if (due.from !== "season") return;
  const seasonDate = context.calendar.dates[due.dateKey];
  if (seasonDate.status === "projected") addSource(sources, seasonDate.source);
}

/**
 * "your Application for ECFMG Certification is planned for Fri 25 Jun 2027, after its target, Wed
 * 27 Jan 2027 (and after its latest day, …)": a planned day ahead, after the step's target.
 */
/**
 * A planned day (its local start) against now: still ahead, today (ahead until its local end:
 * shiftDays), or passed; each instant where the words change is noted (risk-change-instants.ts).
 */
function plannedState(context: PlanContext, day: number): "ahead" | "today" | "passed" {
  const end = shiftDays(day, context.zone, 1);
  noteRiskChange(context, day);
  noteRiskChange(context, end);
  return context.now < day ? "ahead" : context.now < end ? "today" : "passed";
}

function plannedWhy(
  context: PlanContext,
  dates: PlanDates,
  cause: MilestoneKey,
  day: number,
  passed: boolean,
): string {
  const target = dates.target(cause);
  const due = dates.due(cause);
  const latest =
    due !== null && day > due.at
      ? `, and after its latest day, ${latestDay(dates.rendered(due))}${basisMark(due)}`
      : "";
  const on = renderDate(localDate(context.zone, day));
  const named = target === null ? "" : `, ${dates.renderedDay(target).local},`;
  // Passed unsubmitted, it counts as not begun (slipped-targets.ts): what moves the steps after it
  // is its passed target, whether the day was planned before or after it.
  if (passed)
    return `you planned your ${subjectOf(cause)} for ${on} and have not told us it is submitted, and its target${named} has passed`;
  return `your ${subjectOf(cause)} is planned for ${on}, after its target${target === null ? "" : `, ${dates.renderedDay(target).local}`}${latest}`;
}

/** "Tue 1 Jun 2027, 7:00 AM GMT+5 (Mon 31 May 2027, 10:00 PM ET)": the latest day as the step's card gives it. */
function latestDay(rendered: Deadline): string {
  const words = deadlineWords(rendered);
  return words.et === undefined ? words.local : `${words.local} (${words.et})`;
}
