import type { Plan } from "../plan.ts";
import type { Applicant, Interview } from "../snapshot.ts";
import { type CohortFacts, type CohortFactsFrom, planFacts } from "./row-as-of.ts";
import type { Stage } from "./stage.ts";

/**
 * What became of the latest email: SES's report. "unsubscribed" is only in rows stored before the
 * row kept `unsubscribedAt` apart; the planner rewrites them at the applicant's next plan.
 */
export type EmailOutcome =
  | "sent"
  | "delivered"
  | "bounced"
  | "soft-bounced"
  | "complained"
  | "rejected"
  | "rendering-failed"
  | "unsubscribed";

export interface LastEmail {
  /** ISO UTC instant SES accepted the message. */
  sentAt: string;
  messageId: string;
  outcome: EmailOutcome;
}

/**
 * One applicant's line in the advisor's cohort view, kept beside the stored plan so the whole
 * cohort is read with one index query instead of one partition per applicant.
 */
export interface CohortRow {
  applicantId: string;
  fullName: string;
  email: string;
  /** Lower-cased; absent when no advisor is assigned (only admins see those applicants). */
  advisorEmail?: string;
  /** The Match the applicant targets (their record's); see `plannedMatchYear` for the one the plan is dated for. */
  matchYear: number;
  visa: Applicant["visa"];
  stage: Stage;
  /** What the plan counts down to next, a target or a deadline (row-as-of.ts CohortFacts). */
  nextDeadline?: CohortFacts["nextDeadline"];
  /** The later Match the plan is dated for when `matchYear` is out of reach (row-as-of.ts CohortFacts). */
  plannedMatchYear?: number;
  risks: { critical: number; warning: number; codes: string[] };
  overdue: number;
  lastEmail?: LastEmail;
  /** ISO UTC instant reminders were paused by an advisor; absent while they run. */
  remindersPausedAt?: string;
  /**
   * ISO UTC instant the applicant unsubscribed; absent while they are subscribed. Kept apart from
   * `lastEmail`'s outcome, which SES's later report on that email overwrites ("delivered").
   */
  unsubscribedAt?: string;
  /**
   * The stage, risks, overdue count and next deadline as time alone will change them, by instant
   * (row-as-of.ts): the console reads the row as of now. Absent when nothing changes ahead.
   */
  upcoming?: CohortFactsFrom[];
}

export interface CohortRowInput {
  applicantId: string;
  applicant: Applicant;
  plan: Plan;
  /** The applicant's interviews: the program's zone an interview's next date is shown in. */
  interviews?: readonly Interview[];
  lastEmail?: LastEmail;
  remindersPausedAt?: string;
  unsubscribedAt?: string;
  upcoming?: CohortFactsFrom[];
}

/** The cohort row of one applicant's plan. Pure. */
export function cohortRow(input: CohortRowInput): CohortRow {
  const { applicant, plan } = input;
  const { nextDeadline, plannedMatchYear, ...facts } = planFacts(plan, applicant.timezone, input.interviews);
  const row: CohortRow = {
    applicantId: input.applicantId,
    fullName: applicant.fullName,
    email: applicant.email.toLowerCase(),
    matchYear: applicant.matchYear,
    visa: applicant.visa,
    ...facts,
  };
  if (applicant.advisorEmail !== undefined) row.advisorEmail = applicant.advisorEmail.trim().toLowerCase();
  if (nextDeadline !== undefined) row.nextDeadline = nextDeadline;
  if (plannedMatchYear !== undefined) row.plannedMatchYear = plannedMatchYear;
  if (input.lastEmail !== undefined) row.lastEmail = input.lastEmail;
  if (input.remindersPausedAt !== undefined) row.remindersPausedAt = input.remindersPausedAt;
  if (input.unsubscribedAt !== undefined) row.unsubscribedAt = input.unsubscribedAt;
  if (input.upcoming !== undefined && input.upcoming.length > 0) row.upcoming = input.upcoming;
  return row;
}

export const COHORT_SORTS = ["risk", "deadline", "name", "season", "advisor"] as const;
export type CohortSort = (typeof COHORT_SORTS)[number];

/**
 * The season a row is in for the cohort's season filter and sort: the Match its plan is dated for
 * (its next deadline is that Match's), which is the applicant's own unless that is out of reach,
 * so a season lists only applicants with deadlines in it. Pure.
 */
export function seasonOf(row: Pick<CohortRow, "matchYear" | "plannedMatchYear">): number {
  return row.plannedMatchYear ?? row.matchYear;
}

export interface CohortFilter {
  /** "critical": at least one critical risk; "any": at least one risk. */
  risk?: "critical" | "any";
  /** The season (seasonOf): the Match the row's plan is dated for. */
  matchYear?: number;
  advisorEmail?: string;
  stage?: Stage;
  /** Only applicants with a deadline before this ISO instant. */
  deadlineBefore?: string;
}

/** Filters and sorts rows; ties keep name order so the page is stable. Pure. */
export function selectRows(rows: readonly CohortRow[], filter: CohortFilter, sort: CohortSort): CohortRow[] {
  const advisor = filter.advisorEmail?.trim().toLowerCase();
  const kept = rows.filter(
    (row) =>
      (filter.risk !== "critical" || row.risks.critical > 0) &&
      (filter.risk !== "any" || row.risks.critical + row.risks.warning > 0) &&
      (filter.matchYear === undefined || seasonOf(row) === filter.matchYear) &&
      (advisor === undefined || advisor === "" || row.advisorEmail === advisor) &&
      (filter.stage === undefined || row.stage === filter.stage) &&
      (filter.deadlineBefore === undefined ||
        (row.nextDeadline !== undefined && row.nextDeadline.at < filter.deadlineBefore)),
  );
  const byName = (a: CohortRow, b: CohortRow) =>
    compare(a.fullName, b.fullName) || compare(a.applicantId, b.applicantId);
  const keyed: Record<CohortSort, (a: CohortRow, b: CohortRow) => number> = {
    risk: (a, b) =>
      b.risks.critical - a.risks.critical ||
      b.overdue - a.overdue ||
      b.risks.warning - a.risks.warning ||
      compare(a.nextDeadline?.at ?? "~", b.nextDeadline?.at ?? "~"),
    deadline: (a, b) => compare(a.nextDeadline?.at ?? "~", b.nextDeadline?.at ?? "~"),
    name: () => 0,
    season: (a, b) => seasonOf(a) - seasonOf(b) || a.matchYear - b.matchYear,
    advisor: (a, b) => compare(a.advisorEmail ?? "~", b.advisorEmail ?? "~"),
  };
  return kept.sort((a, b) => keyed[sort](a, b) || byName(a, b));
}

/** Applicants per stage, every stage present (zero where none), in road order. */
export function countsByStage(rows: readonly CohortRow[]): Record<Stage, number> {
  const counts = {
    "sponsor-note": 0,
    exams: 0,
    application: 0,
    interviews: 0,
    ranking: 0,
    visa: 0,
    complete: 0,
    "season-over": 0,
  } satisfies Record<Stage, number>;
  for (const row of rows) counts[row.stage] += 1;
  return counts;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether two rows say the same, whatever order their members came back from storage in. */
export function sameRow(a: CohortRow | undefined, b: CohortRow | undefined): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => compare(a, b));
    return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonical(member)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}

/**
 * The applicants of `all` that share their email address with another (addresses compared
 * lower-cased, as the suppression list keys them): for each such applicant, the others' names. Two
 * records at one address are most often the same person's form sent twice under two ids, and
 * both are emailed; an unsubscribe, a bounce or a complaint is kept per address, as SES's
 * suppression list is, so it silences every record at it. The console shows the advisor which
 * rows share one. Pure.
 */
export function sharedAddresses(
  all: readonly Pick<CohortRow, "applicantId" | "fullName" | "email">[],
): Map<string, string[]> {
  const byAddress = new Map<string, Pick<CohortRow, "applicantId" | "fullName">[]>();
  for (const row of all) {
    const address = row.email.toLowerCase();
    byAddress.set(address, [...(byAddress.get(address) ?? []), row]);
  }
  const shared = new Map<string, string[]>();
  for (const rows of byAddress.values()) {
    if (rows.length < 2) continue;
    for (const row of rows)
      shared.set(
        row.applicantId,
        rows.filter((other) => other.applicantId !== row.applicantId).map((other) => other.fullName),
      );
  }
  return shared;
}
