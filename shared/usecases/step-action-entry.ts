import { doneCountsFor, doneOpensText, seasonPassedText } from "#domain/applicant-choices.ts";
import { CONSULAR_INTERVIEWS } from "#domain/consular-interviews.ts";
import { shiftIsoDay } from "#domain/iso-texts.ts";
import { matchYearDatedFor } from "#domain/match-year-heading.ts";
import type { Deadline, Plan, StepSubject } from "#domain/plan.ts";
import { failedScores } from "#domain/planner/failed-score.ts";
import { isRankingSitting } from "#domain/planner/last-sitting-day.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry, MilestoneKey } from "#domain/snapshot.ts";
import { nothingToSnoozeText, SNOOZE_DAYS } from "#domain/snoozes.ts";
import { earlierDayOf } from "#domain/start-by-day.ts";
import { bookedDayRefusal, DATED_STARTS } from "#domain/step-actions.ts";
import { renderDate } from "#domain/time.ts";
import { ConflictError, InvalidInputError } from "#errors";
import type { ApplicantState } from "#ports/applicants.ts";
import { applicantPlan, type Planning } from "./planning.ts";
import type { ActionPreview } from "./step-actions.ts";

export interface ActionForm {
  /** "YYYY-MM-DD" for schedule. */
  date?: string | undefined;
  /** Days for snooze. */
  days?: string | undefined;
}

function invalid(path: string, message: string): InvalidInputError {
  return new InvalidInputError("The action cannot be applied", [{ path, message }]);
}

/**
 * A link whose action cannot apply now, refused in one plain sentence: the problem's detail and
 * its `action` field's message alike (RFC 9457 still names the field).
 */
function refused(sentence: string): InvalidInputError {
  return new InvalidInputError(`${sentence}.`, [{ path: "action", message: sentence }]);
}

/** The milestone entry an action asks for, from the current one and the form. @throws InvalidInputError */
export function entryFor(preview: ActionPreview, form: ActionForm): MilestoneEntry {
  const { claims, state, today } = preview;
  const key: MilestoneKey = claims.milestone;
  const current = state.milestones.find((entry) => entry.key === key);
  // A Match that is over has nothing true left to record for its steps
  // (an old email's Done was accepted); otherwise Done is possible unless its window or the booked sitting is ahead, the others only where offered.
  // Both in the action page's words, what happened and what to do ("The action cannot be applied"
  // or a lower-case fragment is developer wording to an applicant).
  if (preview.seasonPassed && !preview.alreadyApplied)
    throw refused(seasonPassedText(preview.plan.matchYear).replace(/\.$/, ""));
  // Done before the step's window opens would be counted as an earlier season's.
  if (preview.doneOpens)
    throw refused(`${doneOpensText(preview.doneOpens, doneCountsFor(preview.plan))} Nothing was changed`);
  // Done before the booked sitting would record a pass the applicant cannot have yet.
  if (preview.bookedDay)
    throw refused(
      `${bookedDayRefusal(key, renderDate(preview.bookedDay))}. If the day moved, use Scheduled for… to give the new day`,
    );
  // The GET showed no button for it: the same words, not the field's internal value.
  if (preview.unavailable) throw refused(preview.unavailable);
  const failed = current !== undefined && failedScores([current], today).length > 0;
  switch (claims.action) {
    case "done":
      // The conflict's way out over an accepted SOAP offer keeps that offer as recorded, its date too.
      if (preview.settlesConflict && current?.status === "done") return current;
      // A failed attempt's score is not this pass's: kept, it would read as failed again.
      return {
        key,
        status: "done",
        date: today,
        ...(current?.score !== undefined && !failed ? { score: current.score } : {}),
      };
    case "waive":
      return { key, status: "waived" };
    case "start":
      return DATED_STARTS.has(key)
        ? { key, status: "in_progress", date: pastDay(preview, form) }
        : { key, status: "in_progress" };
    case "schedule": {
      const date = form.date?.trim();
      if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw invalid("date", "must be a date");
      const missing = nonexistentDay(date);
      if (missing) throw invalid("date", missing);
      if (date < today) throw invalid("date", "must be today or later");
      // A date past the season's end would plan nothing this season: the applicant mistyped the year.
      if (date > preview.latest) throw invalid("date", "must be no later than the start of residency");
      // A booked retake keeps the failed attempt's score: the plan reads it as a retake (a seat, no new study).
      return {
        key,
        status: "scheduled",
        date,
        ...(failed && current?.score !== undefined ? { score: current.score } : {}),
      };
    }
    case "snooze": {
      const days = form.days?.trim();
      const option = preview.snoozeOptions.find((candidate) => String(candidate.days) === days);
      // A length an older page offered, that silences nothing now: say so plainly.
      const length = SNOOZE_DAYS.find((candidate) => String(candidate) === days);
      if (!option && length !== undefined)
        throw refused(
          nothingToSnoozeText(preview.plan, key, preview.state.profile.timezone, preview.title, length),
        );
      if (!option)
        throw invalid("days", `must be one of ${preview.snoozeOptions.map((o) => o.days).join(", ")}`);
      return { ...(current ?? { key, status: "not_started" }), snoozedUntil: option.until };
    }
  }
}

/**
 * The day a dated "start" records (the H-1B petition's filing): today or earlier, and no earlier
 * than Match Day of the Match the plan is dated for (matchYearDatedFor), since the program files for
 * the position that Match gives it (a day before it is a mistyped year, which the plan would read as
 * a petition approved a year early; on a plan moved to 2028, 2027's Match Day let a 2027 day through).
 * @throws InvalidInputError
 */
function pastDay(preview: ActionPreview, form: ActionForm): string {
  const date = form.date?.trim();
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw invalid("date", "must be a date");
  const missing = nonexistentDay(date);
  if (missing) throw invalid("date", missing);
  if (date > preview.today) throw invalid("date", "must be today or earlier: the day it was filed");
  const matchDay = seasonCalendar(matchYearDatedFor(preview.plan)).dates.nrmp_match_day.date;
  if (date < matchDay) throw invalid("date", `must be no earlier than Match Day, ${renderDate(matchDay)}`);
  return date;
}

/**
 * The deadline a new date given on "Scheduled for…" must meet: the step's deadline in `plan`, but for
 * a booked day already passed (a missed sitting being moved, or one whose result is awaited) that of
 * the step booked again. The plan gives a sat exam the day its result is due (an OET sat on 28 Nov:
 * the Pathway's documents deadline, 26 Jan), not the last day to sit it (5 Jan), and the page called
 * the former "the last day to sit it" and recorded 20 Jan without a word. A ranking exam is planned
 * as booked for tomorrow (its deadline is then its last sitting day, and an OET beside a Pathway
 * reported done stays in the plan, as a new booking keeps it); any other step as not started.
 * A consular interview booked on any day is the visa step's one date in the plan, so the date a
 * new day is measured against is the visa's own, planned as not booked.
 */
export function newDateDeadline(
  planning: Pick<Planning, "plan">,
  state: ApplicantState,
  now: Date,
  plan: Plan,
  milestone: StepSubject,
  today: string,
): Deadline | undefined {
  const recorded = state.milestones.find((entry) => entry.key === milestone);
  const bookedPassed =
    (recorded?.status === "scheduled" || recorded?.status === "in_progress") &&
    recorded.date !== undefined &&
    (recorded.date.slice(0, 10) < today || CONSULAR_INTERVIEWS.has(milestone));
  const planned = bookedPassed
    ? applicantPlan(
        planning,
        {
          ...state,
          milestones: state.milestones.map((entry) =>
            entry.key !== milestone
              ? entry
              : isRankingSitting(entry.key)
                ? { key: entry.key, status: "scheduled" as const, date: shiftIsoDay(today, 1) }
                : { key: entry.key, status: "not_started" as const },
          ),
        },
        now,
      )
    : plan;
  return [...planned.nextSteps, ...planned.blocked, ...planned.overdue].find(
    (step) => step.milestone === milestone,
  )?.deadline;
}

/**
 * A deadline's last whole day: a whole-day deadline's own day (an exam's last sitting day, whose `at`
 * is the start of the next local day, from which it is overdue), else the earlier of the instant's
 * day in the applicant's zone and in ET (dayBy).
 */
export function lastDayOf(deadline: Deadline, zone: string): string {
  if (deadline.precision === "day" && deadline.day !== undefined) return deadline.day;
  return earlierDayOf(zone, Date.parse(deadline.at));
}

/**
 * What the step's last day is to the applicant, so the "Scheduled for…" pages say what a later day
 * means: "match", a day that decides this Match (an exam's last sitting day for ranking); "visa",
 * the visa's date before a consular interview (our advice: the visa in hand before the trip and
 * orientation), which a later interview does not turn into a lost Match; "start", any other day
 * after the rank order list deadline (Step 3 before the program's H-1B petition), which decides the
 * start, not the Match.
 */
export type LastDayMeaning = "match" | "visa" | "start";

function lastDayMeaning(milestone: string, deadline: Deadline, matchYear: number): LastDayMeaning {
  if (CONSULAR_INTERVIEWS.has(milestone)) return "visa";
  const ranking = seasonCalendar(matchYear).dates.nrmp_rol_certification_and_late_registration_deadline;
  return Date.parse(deadline.at) > ranking.at ? "start" : "match";
}

/** A "Scheduled for…" step's last day: its deadline (newDateDeadline), that deadline's day, and what the day decides. */
export interface ScheduleLastDay {
  date: string;
  deadline: Deadline;
  means: LastDayMeaning;
  /** The Match the plan is dated for (a plan moved to a later Match: that one), which a "match" day decides. */
  matchYear: number;
}

/** The last day a "Scheduled for…" date is measured against, or undefined when the step has no deadline. */
export function scheduleLastDay(
  planning: Pick<Planning, "plan">,
  state: ApplicantState,
  now: Date,
  plan: Plan,
  milestone: StepSubject,
  today: string,
): ScheduleLastDay | undefined {
  const deadline = newDateDeadline(planning, state, now, plan, milestone, today);
  if (!deadline) return undefined;
  // A plan moved to a later Match dates its exams for that Match: measured against the entered one,
  // Step 1 for 2028 read as a day after 2027's ranking, "what it means for your start".
  const matchYear = matchYearDatedFor(plan);
  return {
    date: lastDayOf(deadline, state.profile.timezone),
    deadline,
    means: lastDayMeaning(milestone, deadline, matchYear),
    matchYear,
  };
}

/**
 * The intake's refusal in the action form's words: the update it builds holds one milestone, so
 * "milestones.0.date" is the form's "date" (the page named the internal field).
 */
export function asFormError(error: unknown): unknown {
  if (!(error instanceof InvalidInputError) || error instanceof ConflictError) return error;
  return new InvalidInputError(
    error.message,
    error.problems.map((problem) => ({ ...problem, path: problem.path.replace(/^milestones\.0\./, "") })),
    { cause: error },
  );
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * Why a YYYY-MM-DD date does not exist ("2027-02-30": February 2027 has 28 days), checked before
 * any other rule so the page never answers "today or later" for a day no calendar has.
 */
function nonexistentDay(date: string): string | undefined {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  if (month < 1 || month > 12) return `does not exist: there is no month ${month}`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `does not exist: ${MONTHS[month - 1]} ${year} has ${days} days`;
  return undefined;
}
