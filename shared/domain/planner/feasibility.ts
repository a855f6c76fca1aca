import { catalogEntry } from "../catalog/index.ts";
import { seasonCalendar } from "../seasons/index.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { DAY_MS, startOfLocalDate } from "../time.ts";
import { DIPLOMA_VERIFICATION_DAYS } from "./advice.ts";
import { applies, isFinished, type PlanContext, statusOf } from "./context.ts";

/**
 * Whether the target Match is still within reach: every exam and certification step NRMP needs by
 * the rank order list deadline (Step 1, Step 2 CK, OET and a Pathway, after the ECFMG application)
 * reported in time with realistic lead times: each milestone's own lead time from the catalog
 * (advice, with its reason) plus its reporting time, Step 2 CK studied after Step 1. Pure.
 */
export interface Feasibility {
  /** When the last remaining requirement can be reported at the earliest (epoch ms). */
  readyAt: number;
  /** True when, before the rank order list deadline, readyAt is after it (or graduation is too late). */
  infeasible: boolean;
  /** The first Match year whose ROL deadline is after readyAt and whose start follows graduation. */
  earliestMatchYear: number;
  /** What it would take: the remaining requirements in order (see describeTakes). */
  takes: Remaining[];
}

/** One remaining requirement and the allowance planned for it (days; advice). */
export interface Remaining {
  key: MilestoneKey;
  leadDays: number;
  reportDays: number;
  underWay: boolean;
}

/** "Pass USMLE Step 1: about 120 days plus 28 days for the result (advice)", one per requirement. */
export function describeTakes(takes: readonly Remaining[]): string[] {
  return takes.map(
    (take) =>
      `${catalogEntry(take.key).title}: about ${take.leadDays} ${take.underWay ? "more " : ""}days${take.reportDays > 0 ? ` plus ${take.reportDays} days for the result` : ""} (advice)`,
  );
}

/** How far ahead to look for a feasible season before giving up (and naming the last one tried). */
const MAX_YEARS_AHEAD = 6;

function reportingDays(key: MilestoneKey): number {
  return catalogEntry(key).reportingDays?.days ?? 0;
}

/** The applicant's own date for a milestone scheduled or under way, as local midnight. */
function givenDay(context: PlanContext, key: MilestoneKey): number | null {
  const given = context.entries.get(key);
  if (given?.date === undefined || (given.status !== "scheduled" && given.status !== "in_progress"))
    return null;
  return startOfLocalDate(context.zone, given.date);
}

/**
 * When a requirement is reported: its own date plus reporting time (never before now), else a
 * start no earlier than `from`, plus its lead time, plus reporting time.
 */
function reportedAt(context: PlanContext, key: MilestoneKey, from: number, takes: Remaining[]): number {
  if (!applies(context, catalogEntry(key)) || isFinished(statusOf(context, key))) return context.now;
  const entry = catalogEntry(key);
  const report = reportingDays(key);
  const day = givenDay(context, key);
  if (day !== null) return Math.max(context.now, day + report * DAY_MS);
  // A step already under way has, as a cautious allowance (advice), half its lead time left.
  const underWay = statusOf(context, key) === "in_progress";
  const lead = underWay ? Math.ceil(entry.leadTimeDays.days / 2) : entry.leadTimeDays.days;
  takes.push({ key, leadDays: lead, reportDays: report, underWay });
  return Math.max(context.now, from) + (lead + report) * DAY_MS;
}

const FEASIBLE_NOW: Omit<Feasibility, "readyAt" | "earliestMatchYear"> = Object.freeze({
  infeasible: false,
  takes: [],
});

export function assessFeasibility(context: PlanContext): Feasibility {
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  // After the rank order list deadline the season is over (SEASON_OVER says so): nothing to assess.
  if (context.now > rol) {
    return { ...FEASIBLE_NOW, readyAt: context.now, earliestMatchYear: context.calendar.matchYear };
  }
  const takes: Remaining[] = [];
  const applicationDone = reportedAt(context, "ecfmg_application", context.now, takes);
  const step1 = reportedAt(context, "usmle_step1", applicationDone, takes);
  // Study for Step 2 CK follows Step 1 (advice); a Step 1 already done or booked leaves the application as the start.
  const step1Exam = step1 - reportingDays("usmle_step1") * DAY_MS;
  const step2 = reportedAt(context, "usmle_step2ck", Math.max(applicationDone, step1Exam), takes);
  const oet = reportedAt(context, "oet_medicine", context.now, takes);
  const pathway = reportedAt(
    context,
    "ecfmg_pathway",
    Math.max(applicationDone, oet - catalogEntry("ecfmg_pathway").leadTimeDays.days * DAY_MS),
    takes,
  );
  const readyAt = Math.max(step1, step2, oet, pathway);
  const graduatedBy =
    startOfLocalDate(context.zone, context.applicant.graduation) + DIPLOMA_VERIFICATION_DAYS * DAY_MS;
  const fits = (year: number): boolean => {
    const calendar = year === context.calendar.matchYear ? context.calendar : seasonCalendar(year);
    return (
      readyAt <= calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at &&
      graduatedBy <= calendar.dates.residency_start.at
    );
  };
  const infeasible = !fits(context.calendar.matchYear);
  let earliestMatchYear = context.calendar.matchYear;
  if (infeasible) {
    earliestMatchYear = context.calendar.matchYear + 1;
    while (!fits(earliestMatchYear) && earliestMatchYear < context.calendar.matchYear + MAX_YEARS_AHEAD) {
      earliestMatchYear++;
    }
  }
  return { readyAt, infeasible, earliestMatchYear, takes };
}
