import type { PlanContext } from "./context.ts";
import type { DueDayWord } from "./day-words.ts";
import type { Remaining } from "./feasibility.ts";

// The facts MATCH_YEAR_LAST_DAY's words are composed from (match-year-last-day.ts), apart so that
// file stays one concern's size.

/**
 * Where the projected Pathway deadline falls: none, passed (at or before now), before or after the
 * last day; "submitted" when the application is dated before now, whatever its deadline.
 */
export type PathwayDue = "none" | "submitted" | "passed" | "before" | "after";

/** Everything MATCH_YEAR_LAST_DAY's words depend on: no PlanContext, so a new read of now cannot slip past the memo. */
export interface LastDayFacts {
  calendar: PlanContext["calendar"];
  zone: string;
  at: number;
  takes: readonly Remaining[];
  /** Whether actBy is due today (dueToday): then every "by" carries its hour. */
  today: boolean;
  /** actBy's day while it is due today: "today", "tonight", "tomorrow" (dueDayWord), or "" (say the day). */
  dueWord: DueDayWord;
  /** `by` names actBy as an instant with its hour (lastDayBy), so an action due then says "by then". */
  timed: boolean;
  /** The earliest of the named actions' last instants: the last day, or the Pathway's deadline before it. */
  actBy: number;
  pathway: PathwayDue;
  /** The deadline the chain misses a minute after the last day (LastWorking.bound). */
  bound: "exams" | "pathway" | "documents";
  /** byDay of actBy: "by Wed 27 Jan 2027", or "today, by <local time> (<ET time>)". */
  by: string;
  /** byDay of the last day itself, for the actions it bounds. */
  lastBy: string;
  /** dayBy of the projected Pathway deadline ("" when none). */
  dueDay: string;
  /** byDay of the projected Pathway deadline while it is ahead ("" when none or passed). */
  dueBy: string;
  /** dayBy of the projected deadline for the Pathway's documents ("" when none). */
  documentsDay: string;
  /** The ERAS application is open long past the review date: ERAS_LATE_SUBMISSION says weigh the next Match. */
  erasLate: boolean;
  /** Bound by the OET's last sitting day: its booking probably closed (oetBookingClosed), and oetLaterSeatClause. */
  oetClosed: boolean;
  /** "by about Wed 16 Dec 2026": an OET to re-book, its booking day the day to act by; else "". */
  oetBookBy: string;
  oetLater: string;
  /** The later last day on NRMP's later candidate with its mark (laterLastDay), or "" when none. */
  laterBy: string;
}
