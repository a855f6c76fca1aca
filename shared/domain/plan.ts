import type { Budget } from "./budget-types.ts";
import type { Reminder } from "./reminder.ts";
import type { RiskCode } from "./risk-codes.ts";
import type { MilestoneKey } from "./snapshot.ts";

export type { Budget, BudgetItem, OtherCurrencyItem } from "./budget-types.ts";
export type { Reminder } from "./reminder.ts";

/**
 * The plan: what the planner returns for one applicant at one instant. Instants are ISO 8601 UTC
 * ("2026-02-25T02:00:00.000Z"); "...Local" fields render one in the applicant's zone, "...Et" in ET.
 */

/** A step about a catalog milestone, or about one of the applicant's interviews. */
export type StepSubject = MilestoneKey | "interview";

/** Whether a date was read from the authority or projected by a documented rule. */
export type DateStatus = "confirmed" | "projected" | "applicant" | "advice";

/**
 * Who sets a date, as every display labels it (date-words.ts dateBasis): "confirmed", the authority's date read
 * from its calendar; "projected", the authority's date projected by a documented rule (NRMP's rank order list
 * deadline before NRMP publishes it); "advice", a date no authority sets, Matchpath's advice (a lead time, an
 * allowance, a competitive target), whatever it is counted from; "applicant", the applicant's own date. From the
 * catalog rule's `basis` (the contract's window after Match Day read as projected, like NRMP's).
 */
export type DateBasis = "confirmed" | "projected" | "advice" | "applicant";

export interface Deadline {
  /** ISO 8601 UTC instant. */
  at: string;
  /** Human rendering in the applicant's zone, e.g. "Wed 25 Feb 2026, 7:30 AM IST". */
  local: string;
  /** Human rendering in US Eastern time, e.g. "Tue 24 Feb 2026, 9:00 PM ET". */
  et: string;
  status: DateStatus;
  /**
   * Who sets the date (DateBasis). `status` says whether the instant is certain ("projected" when
   * it is counted from a projected date, advice or not); `basis` says whose date it is, so advice
   * counted from a projected Match Day is "advice". Absent on a plan stored before the field, where
   * `status` stands for it (date-words.ts dateBasis).
   */
  basis?: DateBasis;
  /** Source URL for confirmed dates, the rule for projected ones, or what the applicant said. */
  source: string;
  /**
   * "day": a date that is a whole day (a step's competitive target, NextStep.target, or a
   * post-Match advice deadline, catalog `due.asDay`), not an instant: `local` and `et` then hold
   * the same date alone ("Wed 27 Jan 2027"), the day of the rule that sets it, one calendar day for
   * every applicant whatever their zone, and displays show it as a date,
   * never with a time ("aim to finish by Wed 27 Jan 2027, 10:00 PM GMT+8"). `at`
   * stays the instant the plan counts down to. An exam's last sitting day (USMLE Step 1 and Step 2
   * CK, the OET: planner/last-sitting-day.ts) is such a day, the date in the applicant's own calendar:
   * `at` is then the start of their next local day, from which the step is overdue.
   * "instant": a time the applicant's record gave (an interview's start), shown with its time even
   * at their midnight, where their date without a time (an exam day, stored as its local midnight)
   * shows as the day alone.
   * Absent: an exact deadline, shown with its time and zone.
   */
  precision?: "day" | "instant";
  /** With precision "day": that day, ISO 8601 (YYYY-MM-DD), the rule's day (ET for a season date). */
  day?: string;
}

export interface NextStep {
  milestone: StepSubject;
  /** Present on steps about an interview. */
  interviewId?: string;
  title: string;
  /** One plain-English line: why this matters now. */
  why: string;
  /** What to do next. */
  action: string;
  /** ISO UTC hard deadline (the latest date that still works), or null when nothing fixes one. */
  dueBy: string | null;
  deadline?: Deadline;
  /**
   * The step's first deadline, already passed, when a later one still holds (NRMP: the early
   * registration deadline, then late registration with a fee until the rank order list deadline);
   * `deadline` is then the later one: the step's badge says "early deadline passed" (step-badge.ts).
   */
  missedDeadline?: Deadline;
  /**
   * For a result a Match needs (catalog `neededForRanking`) whose deadline for an earlier Match has
   * passed, the step dated for a later one: `missed` is the latest Match the plan says is out of
   * reach (the one just before the targeted Match; the same for every step of a plan),
   * `due` the Match `deadline` is for (the earliest feasible one). `missedDeadline` is then the
   * step's deadline for `missed`, set only once that has passed.
   */
  matchYears?: { missed: number; due: number };
  /**
   * The competitive target, planned backwards from the target Match (e.g. the Step 2 CK score on
   * the application when programs start reviewing): earlier than the hard deadline, always advice
   * or projected, with the rule in `source`. Reminders are laid against it while it is ahead.
   */
  target?: Deadline;
  /**
   * The applicant's own date for the step (the exam day they booked, the day they plan to submit),
   * status "applicant", beside the authority's `deadline`, which it never replaces. Present while
   * the step is scheduled or under way with a date, including a date that has passed with no
   * result yet (then the plan asks for the result).
   */
  ownDate?: Deadline;
  /** Latest safe start (own date, else target, else deadline, minus lead time), ISO UTC. */
  startBy?: string;
  /**
   * A prerequisite it may begin before (catalog `startsBefore`) is pending: it cannot be booked yet,
   * so no "Scheduled for…" is offered on it (exam-booking.ts bookableNow).
   */
  prerequisitePending?: true;
  /**
   * From the step's dates as shown: "overdue" exactly when its deadline (`deadline`) has passed, as
   * in the plan's `overdue` list; a step dated for a later Match (`matchYears`) has
   * the urgency of that date, its badge saying the Match it missed (step-badge.ts); an exam whose
   * sitting is booked ahead, after its last sitting day, is "urgent", never overdue: late for this
   * Match's ranking, as its action says.
   */
  urgency: "overdue" | "urgent" | "soon" | "later";
  /**
   * On an "overdue" step whose passed date is our own allowance counted back from a date that still
   * holds (planner/behind-our-plan.ts: a matched visa step before the visa's own date): it is behind
   * our plan, not overdue, on every display, and not in the plan's `overdue` list.
   */
  behindPlan?: true;
  /** With `behindPlan`: the last day to keep the program's start date, the one day to act by (planner/start-last-day.ts). */
  actBy?: Deadline;
  /**
   * What the card's dates rest on, as Risk.sources (its words say only "(projected)" or "(our
   * advice)"): the projection rule of each projected date, the page of each confirmed one, the rule
   * of its advice dates. Set by withStepSources (step-sources.ts) where a card is shown, never by
   * plan(). Absent when none.
   */
  sources?: string[];
}

export interface BlockedStep {
  milestone: StepSubject;
  interviewId?: string;
  title: string;
  /** Milestones (or conditions) this step waits for. */
  waitingFor: string[];
  why: string;
  /** What lifts the block when it is not a milestone (an eligibility gate, an infeasible season). */
  resolvedBy?: string;
  /** The step's own hard deadline, on a step waiting only for other steps (never behind a gate): the road ahead. */
  deadline?: Deadline;
  /** Its target, as on NextStep, while ahead and earlier than `deadline` (planner/blocked-step-dates.ts). */
  target?: Deadline;
  /** The later step that needs it by `target` (the J-1 sponsorship, Step 3 for an H-1B), when one does. */
  targetFor?: StepSubject;
  /** A step after Match Day past the date the plan counted on, still waiting: that date (no `deadline` then). */
  overdueSince?: Deadline;
  /** `overdueSince` is our allowance and the visa's own date still holds: "behind our plan since" (NextStep.behindPlan). */
  behindPlan?: true;
  /** With `behindPlan`: the last day to keep the start, as NextStep.actBy. */
  actBy?: Deadline;
  /** The applicant's own date for the step, as on NextStep (never replaces `deadline`). */
  ownDate?: Deadline;
}

export interface OverdueStep {
  milestone: StepSubject;
  interviewId?: string;
  title: string;
  dueBy: string;
  /** The deadline that passed last: a step open to a late deadline (NRMP registration) is overdue by that one. */
  deadline: Deadline;
  /** The step's first deadline, when it stayed open to a late one that has passed too (`deadline`). */
  earlyDeadline?: Deadline;
  /** The applicant's own date for the step, as on NextStep. */
  ownDate?: Deadline;
}

export { RISK_CODES, type RiskCode } from "./risk-codes.ts";

export interface Risk {
  code: RiskCode;
  severity: "critical" | "warning";
  message: string;
  milestones: StepSubject[];
  /**
   * MATCH_YEAR_NOT_FEASIBLE: the first Match year the remaining steps can make; SOAP_OUTCOME_UNREPORTED
   * and UNMATCHED_NOT_IN_SOAP: the next Match, the one the plan is dated for.
   */
  earliestFeasibleMatchYear?: number;
  /**
   * MATCH_YEAR_NOT_FEASIBLE only: the step whose result, reported last at the fastest pace, decides
   * the earliest feasible Match; its notice is about that step (absent when graduation decides).
   */
  decidedBy?: StepSubject;
  /**
   * MATCH_YEAR_NOT_FEASIBLE only: a Match after the target that a deadline passing dropped out (the
   * one before earliestFeasibleMatchYear); decidedBy is then the step that missed that deadline.
   */
  droppedMatchYear?: number;
  /** MATCH_YEAR_LAST_DAY only: the last instant (ISO UTC) the target Match stays in reach at the fastest pace. */
  lastWorkingAt?: string;
  /**
   * Where the message's season dates come from, kept out of its sentences (which say only
   * "(projected)"): each projection rule in full, with its candidate years and their URLs, or the
   * authority's page for a confirmed date. Shown as details beside the message. Absent when none.
   */
  sources?: string[];
  /**
   * VISA_NOT_READY_FOR_START worded before the applicant told us they matched (h1b-j1-fallback.ts):
   * "ahead", ranking over with Match Day's release still to come ("If you match …"); "unreported",
   * Match Day past and untold ("If you matched …"); "matchedAhead" and "matchedUntold", the same two
   * windows once Monday's answer was "matched" ("You matched: if your program …"), where not yet
   * told; "ranking", abroad before the rank order list deadline, once the visitor visa's day for the
   * petition's Step 3 has passed ("If you match …", the programs asked before they are ranked). Each
   * wording is a notice of its own and the advisor is never told more than the applicant said.
   * Absent on every other risk and wording.
   */
  matchOutcome?: "ahead" | "unreported" | "matchedAhead" | "matchedUntold" | "ranking";
  /**
   * VISA_NOT_READY_FOR_START told as one of the visa chain's verdicts (visa-verdict-notice.ts), on
   * the J-1 route (the sponsorship file) or the H-1B's (the unfiled petition): "…-last-day", the
   * visa's date past reach with the start still in reach by a last day; "…-out-of-reach", a start on
   * the program's date out of reach (the H-1B's: the petition's last filing day passed). The notice's
   * title, date and id read it, never the words. Absent on every other risk.
   */
  visaVerdict?: "j1-last-day" | "j1-out-of-reach" | "h1b-last-day" | "h1b-out-of-reach";
  /**
   * A critical risk whose notice this plan sends or has sent: the step the notice rides on
   * (criticalRiskNotices). Snooze stays held back on that step for as long as the notice stands
   * (snoozeHeldBack), also once it has gone out and left the plan the applicant's pages read.
   */
  noticeOn?: StepSubject;
}

export interface Plan {
  /** The instant the plan was computed for (ISO UTC). */
  now: string;
  matchYear: number;
  /** "confirmed" if every season date used is confirmed, else "projected". */
  seasonStatus: "confirmed" | "projected";
  nextSteps: NextStep[];
  blocked: BlockedStep[];
  overdue: OverdueStep[];
  risks: Risk[];
  reminders: Reminder[];
  budget: Budget;
  /**
   * Instants ahead (ISO UTC, ascending, distinct) where time alone may change `risks` between the steps'
   * deadlines and the season's dates: a lead time crossing a deadline (planner/risk-change-instants.ts).
   * Absent when none. The console's cohort row and the escalation timer re-plan there.
   */
  riskChangesAt?: string[];
  /**
   * How far the applicant's own answers carry them (planner/road-reached.ts): "visa" once matched
   * (Match Day done, a contract begun, or NRMP's Monday "matched" told in Match Week), "ranking" once
   * the rank order list is certified. Absent before. The console's cohort stage never reads earlier.
   */
  roadReached?: "ranking" | "visa";
}
