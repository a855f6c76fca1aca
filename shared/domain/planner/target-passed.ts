import { BoundedMemo } from "../bounded-memo.ts";
import { type CatalogEntry, MILESTONE_CATALOG } from "../catalog/index.ts";
import type { Deadline, NextStep, Risk } from "../plan.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { isoInZone, isoUtc } from "../time.ts";
import { AFTER_TARGET_RUNG } from "./after-target-rung.ts";
import { stepIndex } from "./catalog-index.ts";
import { type PlanContext, statusAt } from "./context.ts";
import { isRetake } from "./failed-score.ts";
import { followUpSent, followUps } from "./follow-ups.ts";
import { instantOf } from "./instant-of.ts";
import { movedTitle, movedWhy } from "./moved-target-words.ts";
import { presumedSentPastDeadline } from "./presumed-sent.ts";
import { reminderId } from "./reminder-id.ts";
import { reminderRecord } from "./reminder-record.ts";
import { catchUpOf, type TimedReminder } from "./reminders.ts";
import { retakeFollowUpTexts } from "./retake-target.ts";
import { addSource, citationSource } from "./risk-sources.ts";
import { projectionCited } from "./slipped-targets-risk.ts";
import type { StepReminderDates } from "./step-reminders.ts";
import { earlierDayWords, lastDayFirst } from "./target-passed-last-day.ts";
import { rowDay, sentence } from "./target-passed-words.ts";
import { timedReminder } from "./timed-reminder.ts";
import { undatedPathwayPending } from "./undated-pathway-pending.ts";
import { weekBeforeNotice } from "./week-before-notice.ts";
import { afterTargetEveryDays, remindedWeekly } from "./weekly-exam-reminders.ts";

/** The rung of the one notice sent when a step's target has passed with the step not yet booked. */
export const TARGET_PASSED_RUNG = "target-passed";

/**
 * Whether a step's passed target is the applicant's problem to act on now (with mayHaveTargetPassed):
 * an exam or the Pathway (a step with a result to report and a target in the catalog) that is not
 * booked (not started, or under way with no date: "registered, not booked"), whose target has passed
 * while its hard deadline is still ahead. A booked date ahead is the plan's driver instead
 * (own-date.ts), a passed one asks for the result (SCHEDULED_DATE_PASSED).
 */
function passedWithDeadlineAhead(
  context: PlanContext,
  targetAt: number | undefined,
  dueAt: number | undefined,
): boolean {
  if (targetAt === undefined || dueAt === undefined) return false;
  return targetAt < context.now && dueAt >= context.now;
}

/**
 * The parts of the rule above that need no instant: a step with a result and a target, not
 * booked. Checked first, so the risk parses a step's ISO dates only for the few steps it can be about.
 */
function mayHaveTargetPassed(context: PlanContext, entry: CatalogEntry, index: number): boolean {
  // A retake's passed target gives way to SCORE_BELOW_PASSING: one message about the exam.
  if (isRetake(context, entry.key)) return false;
  return entry.reportingDays !== undefined && entry.target !== undefined && stillToDo(context, index);
}

/**
 * A step still the applicant's to do and not booked (not started, or under way with no date).
 * Its passed target is told and then followed up (targetPassedNotice, targetFollowUps), whether
 * or not it has a result to report: the ECFMG application, whose target is where the whole road
 * starts, too (else an early starter would hear nothing about it, or Step 1, for eight months
 * after their targets). Whatever set the target: the catalog's, or one the plan computes, such as
 * the certificate's for ranking on H-1B (counting only a catalog target would tell that step once,
 * then nothing for six months).
 */
function stillToDo(context: PlanContext, index: number): boolean {
  const status = statusAt(context, index);
  if (status !== "not_started" && status !== "in_progress") return false;
  // A Pathway presumed sent past its deadline is under ECFMG's review, not to do.
  // Nor is an undated Pathway in progress past it beside an interview: a decision pending.
  return (
    context.entries.at(index)?.date === undefined &&
    !presumedSentPastDeadline(context, index) &&
    !undatedPathwayPending(context, index)
  );
}

/**
 * Whether EXAMS_LATE_FOR_RANKING already names the step, or for the Pathway MATCH_YEAR_LAST_DAY, which
 * takes its place about the Pathway's last day (foldedPathwayRisk, said once). A plain
 * loop: this runs on every plan.
 */
function namedLateForRanking(risks: readonly Risk[], key: MilestoneKey): boolean {
  for (const risk of risks) {
    if (!risk.milestones.includes(key)) continue;
    if (risk.code === "EXAMS_LATE_FOR_RANKING") return true;
    if (risk.code === "MATCH_YEAR_LAST_DAY" && key === "ecfmg_pathway") return true;
  }
  return false;
}

/** Why the sentence says to book now (Risk.sources). */
const SEATS_FILL_AHEAD =
  "advice: test-centre seats can fill weeks ahead in busy months, so book as soon as you can";

/** A passed target with its hard deadline still ahead, of a step still to do (targetPassedReminders). */
interface PassedTarget {
  /** The step's catalog index (stepIndex). */
  index: number;
  targetAt: number;
  dueAt: number;
  detail: Deadline;
  day: string | undefined; // the day the step's row shows (rowDay)
}

/**
 * What a step gets when its target has passed while it is still to do (not booked) and its hard
 * deadline is ahead: follow-ups (targetFollowUps), then one notice at the next delivery slot
 * (targetPassedNotice), in that order so a follow-up due at that slot stands for the notice there.
 * Nothing otherwise. Appended to `into`.
 */
export function targetPassedReminders(
  context: PlanContext,
  entry: CatalogEntry,
  index: number,
  dates: StepReminderDates,
  into: TimedReminder[],
): void {
  const { target, due, detail } = dates;
  if (detail === undefined || target === null || due === null || !stillToDo(context, index)) return;
  if (!passedWithDeadlineAhead(context, target.at, due.at)) return;
  const day = rowDay(dates.targetDetail, target.at);
  const passed: PassedTarget = { index, targetAt: target.at, dueAt: due.at, detail, day };
  // Its why once for the follow-ups, the notice and the weekly rungs; a retake's own words for a retake.
  const retake = retakeFollowUpTexts(context, entry, due);
  // A target moving with a late prerequisite did not pass: it moved, to a day its notice names.
  const moved = dates.movedTarget;
  const texts =
    retake ??
    (moved === null
      ? { title: passedTitle(entry), why: passedWhy(context, entry, passed) }
      : { title: movedTitle(entry), why: movedWhy(context, entry, moved, due.at, detail) });
  const chased = targetFollowUps(context, entry, passed, texts, into);
  // A follow-up already sent told them: the catch-up it held back never comes weeks later.
  if (retake === null && !chased) targetPassedNotice(context, entry, passed, texts, into);
  // An exam that keeps an interviewing applicant in the Match, or the certificate a visa
  // chain waits for: weekly to its last day.
  if (remindedWeekly(context, entry)) {
    weekBeforeNotice(context, entry, due.at, detail, texts, into);
  }
}

/**
 * The title of the notice and of its follow-ups, made once per step title: a text made per plan was
 * flattened and compared in full by the follow-ups' and week-before notice's memos (seriesOf, laidNotice).
 */
function passedTitle(entry: CatalogEntry): string {
  const known = passedTitles.get(entry.title);
  if (known !== undefined) return known;
  return passedTitles.keep(entry.title, `${entry.title}: your target date has passed`);
}
const passedTitles = new BoundedMemo<string, string>(256);

/** The "why" of the notice and of its follow-ups (sentence). */
function passedWhy(context: PlanContext, entry: CatalogEntry, passed: PassedTarget): string {
  return sentence(
    context,
    entry,
    statusAt(context, passed.index),
    passed.targetAt,
    passed.dueAt,
    passed.detail,
    passed.day,
  );
}

/**
 * After the notice, reminders at most AFTER_TARGET_EVERY_DAYS days apart until the hard deadline's
 * ladder begins (followUps): the target no longer drives the reminders, but the step is not
 * forgotten for months. True when the ledger marks one of them sent (followUpSent).
 */
function targetFollowUps(
  context: PlanContext,
  entry: CatalogEntry,
  passed: PassedTarget,
  { title, why }: { title: string; why: string },
  into: TimedReminder[],
): boolean {
  const series = {
    milestone: entry.key,
    title,
    why,
    passed: passed.targetAt,
    deadline: passed.dueAt,
    deadlineDetail: passed.detail,
    ladder: HARD_DEADLINE_LADDER,
    everyDays: afterTargetEveryDays(context, entry),
    rung: AFTER_TARGET_RUNG,
  };
  followUps(context, series, into);
  return followUpSent(context, series);
}

/** The ladder a step with a target lays against its hard deadline (stepReminders). */
const HARD_DEADLINE_LADDER = "hard-deadline";

/**
 * One notice at the applicant's next delivery slot (Step 2 CK registered, not booked,
 * heard nothing for six weeks until the hard deadline's ladder began). Its id depends only on the
 * step, the rung and the target instant, so the ledger sends it once; none when a rung of the step
 * goes out at or before that slot (it already tells them) or when the slot is after the hard deadline.
 */
function targetPassedNotice(
  context: PlanContext,
  entry: CatalogEntry,
  passed: PassedTarget,
  { title, why }: { title: string; why: string },
  into: TimedReminder[],
): void {
  const { catchUp } = catchUpOf(context);
  if (catchUp > passed.dueAt) return;
  // The instant first: it is on the TimedReminder, the step is one object further.
  for (const other of into) if (other.sendAt <= catchUp && other.reminder.milestone === entry.key) return;
  const reminder = reminderRecord({
    id: reminderId(entry.key, undefined, TARGET_PASSED_RUNG, passed.targetAt),
    milestone: entry.key,
    rung: TARGET_PASSED_RUNG,
    title,
    deadline: passed.detail.at,
    deadlineDetail: passed.detail,
    sendAt: isoUtc(catchUp),
    sendAtLocal: isoInZone(context.zone, catchUp),
    why,
  });
  into.push(timedReminder(catchUp, passed.dueAt, Object.freeze(reminder)));
}

/**
 * TARGET_PASSED (warning): for each next step whose target has passed while it is not booked (see
 * mayHaveTargetPassed, passedWithDeadlineAhead), unless EXAMS_LATE_FOR_RANKING already names it
 * (that risk says the same with the rank order list's date). Sources: each step's target rule and its result time.
 */
export function targetPassedRisk(
  context: PlanContext,
  nextSteps: readonly NextStep[],
  risks: readonly Risk[],
): Risk | null {
  const milestones: MilestoneKey[] = [];
  const said: string[] = [];
  const sources: string[] = [];
  for (const step of nextSteps) {
    if (step.milestone === "interview" || step.target === undefined) continue;
    // One look-up by key; the step's state is then read by its index.
    const index = stepIndex(step.milestone);
    const entry = MILESTONE_CATALOG[index] as CatalogEntry;
    if (!mayHaveTargetPassed(context, entry, index)) continue;
    const targetAt = step.target === undefined ? undefined : instantOf(step.target.at);
    const dueAt = step.dueBy === null ? undefined : instantOf(step.dueBy);
    // The instants before the plan's risks: most targets have not passed, and need no walk of the risks.
    if (
      targetAt === undefined ||
      dueAt === undefined ||
      !passedWithDeadlineAhead(context, targetAt, dueAt) ||
      namedLateForRanking(risks, entry.key)
    )
      continue;
    milestones.push(entry.key);
    const day = rowDay(step.target, targetAt);
    const text = sentence(context, entry, statusAt(context, index), targetAt, dueAt, step.deadline, day);
    said.push(lastDayFirst(risks, nextSteps, entry.key, dueAt) ? earlierDayWords(text) : text);
    addSource(sources, step.target?.source ?? "");
    // Its "(projected)" deadline cites the projection rule it is counted from.
    if (step.deadline?.status === "projected") projectionCited(context, entry.key, sources);
    if (entry.key !== "ecfmg_pathway") addSource(sources, SEATS_FILL_AHEAD);
    if (entry.reportingDays !== undefined) addSource(sources, citationSource(entry.reportingDays));
  }
  if (milestones.length === 0) return null;
  return {
    code: "TARGET_PASSED",
    severity: "warning",
    message: joinedSentences(said),
    milestones,
    sources,
  };
}

/**
 * The sentences joined by a space, kept for the same sentence objects (sentence() shares them
 * between plans of one season, zone and status): join copied every sentence's pieces on every plan
 * (the planner bench's profile: 0.6 % on that one line). A sentence made afresh (one that reads
 * `now`) is a new object, so it never matches a kept list and is joined again.
 */
function joinedSentences(said: readonly string[]): string {
  if (said.length === 1) return said[0] as string;
  for (const known of joined) {
    if (known.said.length !== said.length) continue;
    let same = true;
    for (let index = 0; index < said.length && same; index++) same = known.said[index] === said[index];
    if (same) return known.message;
  }
  const message = said.join(" ");
  if (joined.length >= JOINED_LIMIT) joined.length = 0;
  joined.push({ said: [...said], message });
  return message;
}

/** joinedSentences' kept lists: a few per season and zone; at most JOINED_LIMIT, then it starts again. */
const joined: { said: readonly string[]; message: string }[] = [];
const JOINED_LIMIT = 64;
